//! Notification rules and `notify emit` end to end: the rule commands against a real store file, and
//! emits delivered to webhooks recorded by a loopback HTTP server.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::http::{HttpServer, Reply};
use crate::support::{Env, Run};

const WAIT: Duration = Duration::from_secs(20);
const APPROVAL: &str = "ticket.data-change.pending-approval";

/// `notify user modify ...`; must succeed.
fn admin(env: &Env, args: &[&str]) {
    let mut full = vec!["user", "modify"];
    full.extend_from_slice(args);
    env.run(&full).ok();
}

/// Adds `name` with the given store roles and an enabled webhook at `/<name>` on `server`.
fn user_with_webhook(env: &Env, server: &HttpServer, name: &str, roles: &[&str]) {
    let mut args = vec!["user", "add", name];
    let display = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
    args.extend(["--display-name", &display]);
    for r in roles {
        args.extend(["--role", r]);
    }
    env.run(&args).ok();
    let url = format!("webhook.url={}", server.url(&format!("/{name}")));
    admin(
        env,
        &[
            name,
            "--set",
            &url,
            "--set",
            "webhook.signature_method=NONE",
            "--enable",
            "webhook",
        ],
    );
}

/// `notify emit --json` with fast retries.
fn emit(env: &Env, args: &[&str]) -> Run {
    let mut full = vec!["emit", "--json", "--retry-base-ms", "10"];
    full.extend_from_slice(args);
    env.run(&full)
}

/// The deliveries of an `emit --json` as (recipient, channel, outcome, roles, reason) sorted.
fn rows(run: &Run) -> Vec<(String, String, String, Vec<String>, String)> {
    let doc = run.json();
    let mut out: Vec<_> = doc["deliveries"]
        .as_array()
        .expect("deliveries")
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            let roles = d["roles"]
                .as_array()
                .expect("roles")
                .iter()
                .map(|r| r.as_str().unwrap_or_default().to_owned())
                .collect();
            (
                s("recipient"),
                s("channel"),
                s("outcome"),
                roles,
                s("reason"),
            )
        })
        .collect();
    out.sort();
    out
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn uids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .expect("a list of people")
        .iter()
        .map(|p| p["uid"].as_str().unwrap_or_default().to_owned())
        .collect();
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------------------
// rule commands

#[test]
fn rule_list_shows_the_66_events_grouped_by_category() {
    let env = Env::new();
    env.run(&[
        "rule",
        "set",
        "task-flow.run.failed",
        "--channel",
        "webhook",
        "--channel",
        "email",
    ])
    .ok();
    let list = env.run(&["rule", "list", "--json"]);
    list.ok();
    let all = list.json();
    let all = all.as_array().expect("a list");
    assert_eq!(all.len(), 66);
    assert_eq!(
        all[6],
        json!({"event": APPROVAL, "category": "ticket", "module": "data-change",
               "state": "pending-approval", "description": "A data change ticket is waiting for approval",
               "enabled": true, "default_role": "approver", "roles": [], "users": [], "channels": [],
               "custom": false})
    );
    let failed = all
        .iter()
        .find(|r| r["event"] == "task-flow.run.failed")
        .expect("listed");
    assert_eq!(failed["channels"], json!(["email", "webhook"]));
    assert_eq!(failed["default_role"], "submitter");

    let table = env.run(&["rule", "list"]);
    table
        .ok()
        .stdout_has("Tickets (60 events, 60 on)")
        .stdout_has("Task Orchestration (3 events, 3 on)")
        .stdout_has("Data Warehouse Development (3 events, 3 on)");
    let line = |id: &str| {
        table
            .stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("no row for {id}:\n{}", table.stdout))
            .trim_end()
            .to_owned()
    };
    assert!(
        line("task-flow.run.failed").ends_with("only email, webhook"),
        "{}",
        line("task-flow.run.failed")
    );
    assert!(
        line(APPROVAL).contains(" approver ") && line(APPROVAL).ends_with(" all"),
        "{}",
        line(APPROVAL)
    );

    let mut text = env.store_text();
    text.push_str("\n[rules.\"backup.nightly.failed\"]\nenabled = false\n");
    env.write_store(&text);
    env.run(&["rule", "list"])
        .ok()
        .stderr_has("warning: the store has a rule for `backup.nightly.failed`, which is no event");
    let only = env.run(&["rule", "list", "--category", "task-flow", "--json"]);
    assert_eq!(only.json().as_array().map(Vec::len), Some(3));
    env.run(&["rule", "list", "--category", "tickets"])
        .code(2)
        .stderr_has("no category `tickets`")
        .stderr_has("did you mean `ticket`?");
}

#[test]
fn rule_list_matrix_shows_each_kind_per_event() {
    let env = Env::new();
    env.run(&[
        "rule",
        "set",
        "task-flow.run.failed",
        "--channel",
        "webhook",
    ])
    .ok();
    env.run(&["rule", "disable", "task-flow.run.succeeded"])
        .ok();
    env.run(&["notice", "disable", "sms"]).ok();
    let m = env.run(&[
        "rule",
        "list",
        "--matrix",
        "--category",
        "task-flow",
        "--json",
    ]);
    m.ok();
    let m = m.json();
    let row = |i: usize, k: &str| m[i]["channels"][k].as_bool().expect("a bool");
    assert_eq!(m[0]["event"], "task-flow.run.succeeded");
    assert!(
        !row(0, "webhook"),
        "a disabled rule delivers through nothing"
    );
    assert!(row(1, "webhook") && !row(1, "email"));
    assert!(row(2, "email") && !row(2, "sms"), "sms is switched off");
    let table = env.run(&["rule", "list", "--matrix", "--category", "task-flow"]);
    table
        .ok()
        .stdout_has("HOOK")
        .stdout_has("hook=webhook")
        .stdout_has("task-flow.run.succeeded (off)");
}

#[test]
fn rule_show_describes_one_rule_and_what_cannot_be_served() {
    let env = Env::new();
    env.run(&["user", "add", "alice", "--role", "dba"]).ok();
    env.run(&[
        "rule",
        "set",
        APPROVAL,
        "--role",
        "dba",
        "--role",
        "auditor",
        "--recipient",
        "ghost",
    ])
    .ok();
    let show = env.run(&["rule", "show", APPROVAL, "--json"]);
    show.ok();
    let doc = show.json();
    assert_eq!(doc["roles"], json!(["dba", "auditor"]));
    assert_eq!(doc["users"], json!(["ghost"]));
    assert_eq!(
        doc["description"],
        "A data change ticket is waiting for approval"
    );
    let warnings = doc["warnings"].to_string();
    assert!(
        warnings.contains("no user holds the role `auditor`"),
        "{warnings}"
    );
    assert!(
        warnings.contains("`ghost` is not a stored user"),
        "{warnings}"
    );
    env.run(&["rule", "show", APPROVAL])
        .ok()
        .stdout_has("A data change ticket is waiting for approval")
        .stdout_has("approver")
        .stderr_has("warning: `ghost` is not a stored user");
}

#[test]
fn rule_disable_and_enable_take_globs_and_write_only_differences() {
    let env = Env::new();
    let off = env.run(&[
        "rule",
        "disable",
        "ticket.*.closed",
        "task-flow.run.failed",
        "--json",
    ]);
    off.ok();
    assert_eq!(off.json().as_array().map(Vec::len), Some(11));
    let store = env.store_text();
    assert!(
        store.contains("[rules.\"ticket.sql-review.closed\"]\nenabled = false"),
        "{store}"
    );
    assert!(!store.contains("ticket.sql-review.failed"), "{store}");
    let disabled = env.run(&["rule", "list", "--disabled", "--json"]);
    let ids: Vec<String> = disabled
        .json()
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["event"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(ids.len(), 11);
    assert!(
        ids.iter()
            .all(|i| i.ends_with(".closed") || i == "task-flow.run.failed"),
        "{ids:?}"
    );
    assert_eq!(
        env.run(&["rule", "list", "--enabled", "--json"])
            .json()
            .as_array()
            .map(Vec::len),
        Some(55)
    );

    // Only what changed is named; the rest is counted.
    env.run(&["rule", "enable", "*"])
        .ok()
        .stderr_has("turned on 11 rules: ")
        .stderr_has("(55 already on)");
    env.run(&["rule", "enable", "ticket.*"])
        .ok()
        .stderr_has("nothing changed: 60 rules already on");
    assert!(!env.store_text().contains("rules"), "{}", env.store_text());
}

#[test]
fn rule_set_changes_only_the_parts_given_and_reset_restores_the_default() {
    let env = Env::new();
    let get = |env: &Env| env.run(&["rule", "show", APPROVAL, "--json"]).json();
    env.run(&[
        "rule",
        "set",
        APPROVAL,
        "--role",
        "related",
        "--recipient",
        "bob",
    ])
    .ok();
    env.run(&[
        "rule",
        "set",
        APPROVAL,
        "--channel",
        "webhook",
        "--channel",
        "dingtalk-bot",
    ])
    .ok();
    let r = get(&env);
    assert_eq!(r["roles"], json!(["related"]));
    assert_eq!(r["users"], json!(["bob"]));
    assert_eq!(r["channels"], json!(["dingtalk-bot", "webhook"]));
    env.run(&["rule", "set", APPROVAL, "--no-roles"]).ok();
    let r = get(&env);
    assert_eq!(
        (r["roles"].clone(), r["users"].clone()),
        (json!([]), json!(["bob"]))
    );
    env.run(&["rule", "set", APPROVAL, "--all-channels", "--no-recipients"])
        .ok();
    assert_eq!(get(&env)["channels"], json!([]));
    assert!(
        !env.store_text().contains("rules"),
        "a rule at its default is not written"
    );

    env.run(&["rule", "set", APPROVAL, "--role", "dba"]).ok();
    env.run(&["rule", "disable", APPROVAL]).ok();
    let reset = env.run(&["rule", "reset", APPROVAL, "--json"]);
    reset.ok();
    assert_eq!(
        (
            reset.json()["enabled"].clone(),
            reset.json()["roles"].clone()
        ),
        (json!(true), json!([]))
    );
    assert!(!env.store_text().contains("rules"), "{}", env.store_text());

    env.run(&["rule", "set", APPROVAL])
        .code(2)
        .stderr_has("nothing to change");
}

#[test]
fn rule_set_saves_doubtful_parts_with_warnings() {
    let env = Env::new();
    env.run(&["user", "add", "alice", "--role", "dba"]).ok();
    env.run(&["notice", "disable", "sms"]).ok();
    let run = env.run(&[
        "rule",
        "set",
        APPROVAL,
        "--role",
        "submiter",
        "--role",
        "dab",
        "--recipient",
        "ghost",
        "--channel",
        "sms",
    ]);
    run.ok()
        .stderr_has("warning: no user holds the role `submiter`: did you mean `submitter`?")
        .stderr_has("no user holds the role `dab`: did you mean `dba`?")
        .stderr_has("`ghost` is not a stored user")
        .stderr_has("sms is switched off in Notice Management");
    let store = env.store_text();
    assert!(store.contains("roles = [\"submiter\", \"dab\"]"), "{store}");
    assert!(
        store.contains("users = [\"ghost\"]") && store.contains("channels = [\"sms\"]"),
        "{store}"
    );
}

#[test]
fn custom_events_are_added_used_and_removed() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "ops", &["oncall"]);
    let add = env.run(&[
        "rule",
        "add",
        "backup.nightly.failed",
        "--default-role",
        "none",
        "--description",
        "The nightly backup failed",
        "--json",
    ]);
    add.ok();
    assert_eq!(add.json()["custom"], true);
    assert_eq!(add.json()["default_role"], "none");
    assert!(env.store_text().contains("[events.\"backup.nightly.failed\"]\ndefault_role = \"none\"\ndescription = \"The nightly backup failed\""), "{}", env.store_text());
    env.run(&["rule", "list"])
        .ok()
        .stdout_has("backup")
        .stdout_has("backup.nightly.failed *")
        .stdout_has("* custom event");

    env.run(&["rule", "set", "backup.nightly.failed", "--role", "oncall"])
        .ok();
    let run = emit(&env, &["backup.nightly.failed"]);
    run.ok();
    assert_eq!(
        rows(&run),
        vec![(
            "ops".into(),
            "webhook".into(),
            "delivered".into(),
            strings(&["oncall"]),
            String::new()
        )]
    );
    let body = server.wait_for(1, WAIT)[0].json();
    assert_eq!(body["messageEvent"]["event"], "backup.nightly.failed");
    assert_eq!(body["messageEvent"]["category"], "backup");
    assert_eq!(body["messageEvent"]["module"], "nightly");
    assert_eq!(
        body["messageEvent"]["message"],
        "The nightly backup failed."
    );

    env.run(&["rule", "remove", "backup.nightly.failed"]).ok();
    let store = env.store_text();
    assert!(!store.contains("backup"), "{store}");
}

#[test]
fn user_list_filters_by_store_role() {
    let env = Env::new();
    env.run(&["user", "add", "alice", "--role", "dba"]).ok();
    env.run(&["user", "add", "bob", "--role", "admin", "--role", "dba"])
        .ok();
    env.run(&["user", "add", "carol"]).ok();
    let names = |args: &[&str]| -> Vec<String> {
        env.run(args)
            .json()
            .as_array()
            .expect("list")
            .iter()
            .map(|u| u["name"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        names(&["user", "list", "--role", "dba", "--json"]),
        strings(&["alice", "bob"])
    );
    assert_eq!(
        names(&["user", "list", "--role", "admin", "--json"]),
        strings(&["bob"])
    );
    assert!(names(&["user", "list", "--role", "nobody", "--json"]).is_empty());
    assert_eq!(names(&["user", "list", "--json"]).len(), 3);
}

// ---------------------------------------------------------------------------------------------------
// bad input: a clear error and a store left byte for byte as it was

#[test]
fn bad_rule_input_changes_nothing() {
    let env = Env::new();
    env.run(&["user", "add", "alice"]).ok();
    env.run(&["rule", "add", "backup.nightly.failed"]).ok();
    env.run(&["rule", "set", APPROVAL, "--role", "dba"]).ok();
    let before = env.store_text();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["rule", "set", "ticket.data-change.aproved", "--role", "dba"],
            2,
            "did you mean `ticket.data-change.approved`?",
        ),
        (
            &["rule", "show", "ticket.datachange.failed"],
            2,
            "did you mean `ticket.data-change.failed`?",
        ),
        (
            &[
                "rule",
                "enable",
                "ticket.data-change.closed",
                "nothing.*.closed",
            ],
            2,
            "`nothing.*.closed` matches no event",
        ),
        (
            &["rule", "disable", "ticket.data-change.closd"],
            2,
            "no event `ticket.data-change.closd`",
        ),
        (
            &["rule", "reset", "ticket.data-change"],
            2,
            "no event `ticket.data-change`",
        ),
        (
            &["rule", "add", "Backup.Nightly.Failed"],
            2,
            "is not an event id: it must be three lowercase kebab-case words",
        ),
        (&["rule", "add", "backup..failed"], 2, "is not an event id"),
        (
            &["rule", "add", "ticket.data-change.failed"],
            2,
            "`ticket.data-change.failed` is a built-in event",
        ),
        (
            &["rule", "add", "backup.nightly.failed"],
            1,
            "already exists",
        ),
        (
            &["rule", "remove", "ticket.data-change.failed"],
            2,
            "is a built-in event and cannot be removed",
        ),
        (&["rule", "set", APPROVAL, "--channel", "pager"], 2, "pager"),
        (
            &["rule", "set", APPROVAL, "--role", "two words"],
            2,
            "invalid role `two words`",
        ),
        (
            &["rule", "set", APPROVAL, "--role", "x", "--no-roles"],
            2,
            "cannot be used with",
        ),
        (
            &["emit", "ticket.data-change.pendingapproval"],
            2,
            "did you mean `ticket.data-change.pending-approval`?",
        ),
        (&["emit", "backup.nightly"], 2, "no event `backup.nightly`"),
    ];
    for (args, code, message) in cases {
        let run = env.run(args);
        assert_eq!(run.code, *code, "{args:?}\n{}", run.stderr);
        assert!(
            run.stderr.contains(message),
            "{args:?}: stderr lacks {message:?}:\n{}",
            run.stderr
        );
        assert_eq!(env.store_text(), before, "{args:?} changed the store");
    }
}

// ---------------------------------------------------------------------------------------------------
// emit

#[test]
fn emit_reaches_default_role_roles_and_users_each_once_with_every_role() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "alice", &["dba"]);
    user_with_webhook(&env, &server, "bob", &["dba"]);
    user_with_webhook(&env, &server, "carol", &[]);
    user_with_webhook(&env, &server, "dave", &[]);
    env.run(&[
        "rule",
        "set",
        APPROVAL,
        "--role",
        "dba",
        "--role",
        "related",
        "--recipient",
        "alice",
        "--recipient",
        "zed",
    ])
    .ok();
    let run = emit(
        &env,
        &[
            APPROVAL,
            "--submitter",
            "dave",
            "--approver",
            "alice",
            "--related",
            "carol",
            "--data-owner",
            "dave",
        ],
    );
    run.ok();
    assert_eq!(
        rows(&run),
        vec![
            (
                "alice".into(),
                "webhook".into(),
                "delivered".into(),
                strings(&["approver", "dba", "recipient"]),
                String::new()
            ),
            (
                "bob".into(),
                "webhook".into(),
                "delivered".into(),
                strings(&["dba"]),
                String::new()
            ),
            (
                "carol".into(),
                "webhook".into(),
                "delivered".into(),
                strings(&["related"]),
                String::new()
            ),
            (
                "zed".into(),
                "-".into(),
                "skipped".into(),
                strings(&["recipient"]),
                "not a stored user".into()
            ),
        ]
    );
    let reqs = server.wait_for(3, WAIT);
    assert_eq!(reqs.len(), 3);
    for name in ["alice", "bob", "carol"] {
        assert_eq!(
            server.requests_to(&format!("/{name}")).len(),
            1,
            "{name} gets one message"
        );
    }
    assert!(
        server.requests_to("/dave").is_empty(),
        "the submitter is not a recipient of an approval event"
    );
    let table = env.run(&["emit", APPROVAL, "--approver", "alice", "--dry-run"]);
    table
        .ok()
        .stdout_has("# alice (approver, dba, recipient) · webhook");
}

#[test]
fn emit_uses_enabled_channels_allowed_by_notice_and_the_rule() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "alice", &[]);
    let bot = format!("dingtalk-bot.webhook={}", server.url("/bot?access_token=t"));
    let wecom = format!("wecom-bot.webhook={}", server.url("/wecom?key=k"));
    admin(
        &env,
        &[
            "alice",
            "--set",
            "email.address=alice@example.com",
            "--enable",
            "email",
        ],
    );
    admin(&env, &["alice", "--set", &bot, "--enable", "dingtalk-bot"]);
    admin(&env, &["alice", "--set", &wecom]);
    env.run(&["notice", "disable", "dingtalk-bot"]).ok();
    env.run(&[
        "rule",
        "set",
        "ticket.data-change.failed",
        "--channel",
        "webhook",
        "--channel",
        "dingtalk-bot",
        "--channel",
        "wecom-bot",
    ])
    .ok()
    .stderr_has("dingtalk-bot is switched off in Notice Management");
    let run = emit(&env, &["ticket.data-change.failed", "--submitter", "alice"]);
    run.ok();
    let s = || strings(&["submitter"]);
    assert_eq!(
        rows(&run),
        vec![
            (
                "alice".into(),
                "dingtalk-bot".into(),
                "skipped".into(),
                s(),
                "switched off in Notice Management".into()
            ),
            (
                "alice".into(),
                "email".into(),
                "skipped".into(),
                s(),
                "not among the rule's channels (dingtalk-bot, wecom-bot, webhook)".into()
            ),
            (
                "alice".into(),
                "webhook".into(),
                "delivered".into(),
                s(),
                String::new()
            ),
            (
                "alice".into(),
                "wecom-bot".into(),
                "skipped".into(),
                s(),
                "not enabled".into()
            ),
        ]
    );
    assert_eq!(server.wait_for(1, WAIT).len(), 1);
    assert_eq!(server.requests_to("/alice").len(), 1);

    // --channel narrows further, as for send.
    let run = emit(
        &env,
        &[
            "ticket.data-change.failed",
            "--submitter",
            "alice",
            "--channel",
            "email",
        ],
    );
    run.ok();
    assert_eq!(
        rows(&run)[0].4,
        "not among the rule's channels (dingtalk-bot, wecom-bot, webhook)"
    );
    assert_eq!(rows(&run).len(), 1);
}

#[test]
fn emit_webhook_body_names_the_event_and_its_audience() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "alice", &["dba"]);
    env.run(&[
        "user",
        "add",
        "bob",
        "--display-name",
        "Bob",
        "--role",
        "dba",
    ])
    .ok();
    env.run(&["user", "add", "carol", "--display-name", "Carol"])
        .ok();
    env.run(&["rule", "set", APPROVAL, "--role", "dba"]).ok();
    let run = emit(
        &env,
        &[
            APPROVAL,
            "--submitter",
            "carol",
            "--task-id",
            "42",
            "--task-name",
            "Add index",
        ],
    );
    run.ok();
    assert!(rows(&run).contains(&(
        "bob".into(),
        "-".into(),
        "skipped".into(),
        strings(&["dba"]),
        "no channels configured".into()
    )));
    let doc = run.json();
    assert_eq!(
        doc["event"],
        json!({"event": APPROVAL, "category": "ticket", "module": "data-change", "task_id": "42", "task_name": "Add index", "submitter": "carol"})
    );
    assert_eq!(doc["rule"]["roles"], json!(["dba"]));
    let req = &server.wait_for(1, WAIT)[0];
    assert_eq!(req.path, "/alice");
    let e = &req.json()["messageEvent"];
    assert_eq!(e["event"], APPROVAL);
    assert_eq!(e["category"], "ticket");
    assert_eq!(e["module"], "data-change");
    assert_eq!(e["taskId"], "42");
    assert_eq!(e["submitterUid"], "carol");
    assert_eq!(e["submitterName"], "Carol");
    assert_eq!(uids(&e["targetUsers"]), strings(&["alice", "bob"]));
    assert_eq!(uids(&e["receivers"]), strings(&["alice"]));
    assert_eq!(
        e["message"],
        "A data change ticket is waiting for approval: Add index (#42), submitted by Carol."
    );

    emit(
        &env,
        &[
            APPROVAL,
            "--message",
            "Please look at change 42",
            "--title",
            "Change 42",
        ],
    )
    .ok();
    let req = &server.wait_for(2, WAIT)[1];
    assert_eq!(
        req.json()["messageEvent"]["message"],
        "Please look at change 42"
    );
}

#[test]
fn emit_of_a_disabled_rule_sends_nothing() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "alice", &[]);
    env.run(&["rule", "disable", "task-flow.run.failed"]).ok();
    env.run(&["emit", "task-flow.run.failed", "--submitter", "alice"])
        .ok()
        .stderr_has("rule task-flow.run.failed is disabled: nothing sent");
    let run = emit(&env, &["task-flow.run.failed", "--submitter", "alice"]);
    run.ok();
    assert_eq!(run.json()["deliveries"], json!([]));
    assert_eq!(run.json()["rule"]["enabled"], false);
    std::thread::sleep(Duration::from_millis(200));
    assert!(server.requests().is_empty());
}

#[test]
fn emit_that_reaches_nobody_says_so_and_succeeds() {
    let env = Env::new();
    env.run(&["user", "add", "alice"]).ok();
    env.run(&["emit", APPROVAL, "--submitter", "alice"])
        .ok()
        .stderr_has("nobody reached");
    env.run(&["emit", "task-flow.run.failed", "--submitter", "alice"])
        .ok()
        .stdout_has("no channels configured")
        .stderr_has("nobody reached: no recipient has a usable channel");
    env.run(&[
        "emit",
        "task-flow.run.failed",
        "--submitter",
        "alice",
        "--dry-run",
    ])
    .ok()
    .stderr_has("nobody reached: no recipient has a usable channel");
}

#[test]
fn emit_failures_exit_3_and_dry_runs_send_nothing() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "alice", &[]);
    let dry = env.run(&[
        "emit",
        "ticket.permission.approved",
        "--submitter",
        "alice",
        "--dry-run",
        "--json",
    ]);
    dry.ok();
    let d = dry.json();
    assert_eq!(d["dry_run"], true);
    assert_eq!(d["destinations"][0]["roles"], json!(["submitter"]));
    assert!(
        d["destinations"][0]["requests"][0]
            .as_str()
            .unwrap_or_default()
            .contains("\"event\":\"ticket.permission.approved\"")
    );
    assert!(server.requests().is_empty());

    server.always("/alice", Reply::status(400));
    let run = emit(
        &env,
        &["ticket.permission.approved", "--submitter", "alice"],
    );
    run.code(3).stderr_has("1 of 1 deliveries failed");
    assert_eq!(rows(&run)[0].2, "failed");
}

#[test]
fn emit_sends_one_message_to_a_webhook_shared_by_recipients() {
    let env = Env::new();
    let server = HttpServer::start();
    let url = format!("webhook.url={}", server.url("/team"));
    for (name, role) in [("alice", "dba"), ("bob", "admin")] {
        env.run(&["user", "add", name, "--role", role]).ok();
        admin(
            &env,
            &[
                name,
                "--set",
                &url,
                "--set",
                "webhook.signature_method=NONE",
                "--enable",
                "webhook",
            ],
        );
    }
    env.run(&[
        "rule",
        "set",
        "task-flow.run.failed",
        "--role",
        "dba",
        "--role",
        "admin",
    ])
    .ok();
    let run = emit(&env, &["task-flow.run.failed"]);
    run.ok();
    assert_eq!(
        rows(&run),
        vec![(
            "alice, bob".into(),
            "webhook".into(),
            "delivered".into(),
            strings(&["dba", "admin"]),
            String::new()
        )]
    );
    server.wait_for(1, WAIT);
    assert_eq!(server.requests_to("/team").len(), 1);
}

#[test]
fn rule_show_prints_a_template_as_a_text_block() {
    let env = Env::new();
    let template = "**{{ event }}**\n\n- task: {{ task_name }}\n- by {{ submitter_name }}\n";
    env.run_stdin(&["rule", "set", APPROVAL, "--template", "-"], template)
        .ok();
    let run = env.run(&["rule", "show", APPROVAL]);
    run.ok()
        .stdout_has("custom (below)")
        .stdout_has("template:\n    **{{ event }}**\n\n    - task: {{ task_name }}\n    - by {{ submitter_name }}\n");
    assert!(!run.stdout.contains("\\n"), "{}", run.stdout);
}

#[test]
fn rule_set_says_which_roles_and_users_it_removes_and_warns_when_a_replacement_did() {
    let env = Env::new();
    #[rustfmt::skip]
    env.run(&[
        "rule", "set", APPROVAL, "--role", "dba", "--role", "related", "--recipient", "bob",
    ])
    .ok();
    // A replacement drops what it does not name, which a person may not have meant: a warning.
    env.run(&["rule", "set", APPROVAL, "--role", "dba", "--recipient", "carol"])
        .ok()
        .stderr_has("warning: removed the role `related` from the rule of ticket.data-change.pending-approval; its default role `approver` still applies\n")
        .stderr_has("warning: removed the user `bob` from the rule of ticket.data-change.pending-approval\n");
    // --no-roles and --no-recipients ask for it: said as a note.
    let cleared = env.run(&["rule", "set", APPROVAL, "--no-roles", "--no-recipients"]);
    cleared
        .ok()
        .stderr_has("removed the role `dba` from the rule of ticket.data-change.pending-approval; its default role `approver` still applies\n")
        .stderr_has("removed the user `carol` from the rule of ticket.data-change.pending-approval\n");
    cleared.stderr_lacks("warning: removed");
    // Nothing left to remove: nothing said.
    let again = env.run(&["rule", "set", APPROVAL, "--no-roles"]);
    again.ok();
    again.stderr_lacks("removed");
}

#[test]
fn an_escalation_role_nobody_holds_is_warned_about_like_a_rule_role() {
    let env = Env::new();
    env.run(&["user", "add", "dave", "--role", "admin"]).ok();
    env.run(&["rule", "set", APPROVAL, "--escalate", "2h:admni"])
        .ok()
        .stderr_has(
            "warning: no user holds the role `admni` (escalation after 2h): did you mean `admin`?",
        );
    env.run(&["doctor", "--offline"])
        .stdout_has("reaches the role `admni` (escalation after 2h), which no user holds");
}

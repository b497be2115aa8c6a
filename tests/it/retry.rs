//! The delivery log wired into `send`, `emit` and `channel test`: `--id`, `--no-log`, repeat safety,
//! `notify retry`, many writers at once, a log that cannot be used, and no secret in the file.

use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::http::{HttpServer, Reply};
use crate::support::{Env, Run};

const HOOK_KEY: &str = "whk-signing-key-1";
const ROBOT_TOKEN: &str = "robottoken42";
const ROBOT_SECRET: &str = "SECrobot0123456789abcdef";
const FEISHU_SECRET: &str = "feishu-app-secret-9";
const FEISHU_TOKEN: &str = "t-feishu-tenant-token";
const SMTP_PASSWORD: &str = "smtp-pass-word-7";
const ADHOC_TOKEN: &str = "adhoctoken77";
const ADHOC_KEY: &str = "adhoc-signing-key-3";

/// `notify user modify ...`; must succeed.
fn admin(env: &Env, args: &[&str]) {
    let mut full = vec!["user", "modify"];
    full.extend_from_slice(args);
    env.run(&full).ok();
}

/// alice: a signed webhook; bob: a signed DingTalk robot; carol: Feishu by mobile; dave: a WeCom robot.
/// Every vendor path is on `server`; the smtp provider holds a password nobody's send uses.
fn team(env: &Env, server: &HttpServer) {
    let hook = server.url("/hook");
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let wecom = server.url("/wecom?key=dave");
    let base = server.url("");
    for args in [
        vec![
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={hook}"),
            "--set",
            "webhook.signature_method=HMAC_SHA256",
            "--set",
            &format!("webhook.signature_key={HOOK_KEY}"),
            "--enable",
            "webhook",
        ],
        vec![
            "bob",
            "--create",
            "--set",
            &format!("dingtalk-bot.webhook={robot}"),
            "--set",
            &format!("dingtalk-bot.secret={ROBOT_SECRET}"),
            "--enable",
            "dingtalk-bot",
        ],
        vec![
            "carol",
            "--create",
            "--set",
            "feishu.mobile=13100000001",
            "--enable",
            "feishu",
        ],
        vec![
            "dave",
            "--create",
            "--set",
            &format!("wecom-bot.webhook={wecom}"),
            "--enable",
            "wecom-bot",
        ],
    ] {
        admin(env, &args);
    }
    env.run(&[
        "provider",
        "set",
        "feishu",
        "--app-id",
        "cli_1",
        "--app-secret",
        FEISHU_SECRET,
        "--api-base",
        &base,
    ])
    .ok();
    env.run(&[
        "provider",
        "set",
        "smtp",
        "--host",
        "127.0.0.1",
        "--port",
        "2525",
        "--security",
        "none",
        "--username",
        "dms",
        "--password",
        SMTP_PASSWORD,
        "--from",
        "DMS <dms@example.com>",
    ])
    .ok();
    server.always(
        "/open-apis/auth/v3/tenant_access_token/internal",
        Reply::json(
            200,
            &format!(
                r#"{{"code":0,"msg":"ok","tenant_access_token":"{FEISHU_TOKEN}","expire":7200}}"#
            ),
        ),
    );
    server.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"msg":"ok","data":{"user_list":[{"mobile":"13100000001","user_id":"ou_carol"}]}}"#,
        ),
    );
}

/// Makes every message path answer `status`.
/// The team, every endpoint answering 200 except the DingTalk robot, which answers 500 to everything.
fn team_with_a_failing_robot() -> (HttpServer, Env) {
    let server = HttpServer::start();
    let env = Env::new();
    team(&env, &server);
    answer(&server, 200);
    server.always("/robot/send", Reply::json(500, "{}"));
    (server, env)
}

fn answer(server: &HttpServer, status: u16) {
    let body = r#"{"errcode":0,"errmsg":"ok","code":0,"msg":"ok"}"#;
    for path in [
        "/hook",
        "/robot/send",
        "/open-apis/im/v1/messages",
        "/wecom",
        "/adhoc",
    ] {
        server.always(path, Reply::json(status, body));
    }
}

/// The idempotency key each message path saw, in arrival order.
fn keys_seen(server: &HttpServer, path: &str) -> Vec<String> {
    server
        .requests_to(path)
        .iter()
        .map(|r| match path {
            "/hook" | "/adhoc" => r.header("X-Notify-Delivery").unwrap_or_default().to_owned(),
            "/robot/send" => r.json()["msgUuid"].as_str().unwrap_or_default().to_owned(),
            "/open-apis/im/v1/messages" => r.json()["uuid"].as_str().unwrap_or_default().to_owned(),
            _ => String::new(),
        })
        .collect()
}

fn log_json(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut full = vec!["log", "--json", "--limit", "1000"];
    full.extend_from_slice(args);
    let run = env.run(&full);
    run.ok();
    run.json().as_array().cloned().unwrap_or_default()
}

fn outcomes(run: &Run) -> Vec<(String, String, String)> {
    let report = run.json();
    let rows = report["deliveries"].as_array().cloned().unwrap_or_default();
    let mut out: Vec<_> = rows
        .iter()
        .map(|r| {
            let s = |f: &str| r[f].as_str().unwrap_or_default().to_owned();
            (s("recipient"), s("outcome"), s("reason"))
        })
        .collect();
    out.sort();
    out
}

fn send(env: &Env, args: &[&str]) -> Run {
    let mut full = vec!["send", "--json", "--retries", "0", "--message", "disk full"];
    full.extend_from_slice(args);
    env.run(&full)
}

#[test]
fn a_partly_failed_send_is_logged_and_retry_sends_only_the_failed_ones_with_their_keys() {
    let server = HttpServer::start();
    let env = Env::new();
    team(&env, &server);
    answer(&server, 500);
    server.always("/wecom", Reply::json(200, r#"{"errcode":0,"errmsg":"ok"}"#));
    let adhoc = server.url(&format!("/adhoc?access_token={ADHOC_TOKEN}"));
    let first = send(
        &env,
        &[
            "--to",
            "alice",
            "--to",
            "bob",
            "--to",
            "carol",
            "--to",
            "dave",
            "--webhook",
            &adhoc,
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            ADHOC_KEY,
        ],
    );
    first.code(3);
    let id = first.json()["id"]
        .as_str()
        .expect("send --json has an id")
        .to_owned();
    // Every webhook of one event carries the event id as X-Notify-Delivery.
    assert_eq!(keys_seen(&server, "/hook"), std::slice::from_ref(&id));
    assert_eq!(keys_seen(&server, "/adhoc"), std::slice::from_ref(&id));
    let robot_key = keys_seen(&server, "/robot/send");
    let feishu_key = keys_seen(&server, "/open-apis/im/v1/messages");
    assert_eq!((robot_key.len(), feishu_key.len()), (1, 1));
    assert_eq!(server.requests_to("/wecom").len(), 1);

    let failed = log_json(&env, &["--outcome", "failed"]);
    let mut who: Vec<(&str, &str)> = failed
        .iter()
        .map(|r| {
            (
                r["recipient"].as_str().expect("as the test arranged it"),
                r["channel"].as_str().expect("as the test arranged it"),
            )
        })
        .collect();
    who.sort();
    assert_eq!(
        who,
        [
            ("-", "webhook"),
            ("alice", "webhook"),
            ("bob", "dingtalk-bot"),
            ("carol", "feishu")
        ]
    );
    assert!(failed.iter().all(|r| r["id"] == id.as_str()));
    let logged_key = |name: &str| {
        failed
            .iter()
            .find(|r| r["recipient"] == name)
            .expect("as the test arranged it")["idempotency_key"]
            .clone()
    };
    assert_eq!(logged_key("bob"), robot_key[0].as_str());
    assert_eq!(logged_key("carol"), feishu_key[0].as_str());
    assert_eq!(logged_key("alice"), id.as_str());

    // The server is healthy again: each failed destination is sent once more, with its first key.
    answer(&server, 200);
    let before = server.requests().len();
    let retry = env.run(&["retry", "--json", "--retries", "0"]);
    retry.ok();
    let hint = format!("ad-hoc destination: repeat the send with --id {id}");
    assert_eq!(
        outcomes(&retry),
        [
            ("-".into(), "skipped".into(), hint),
            ("alice".into(), "delivered".into(), String::new()),
            ("bob".into(), "delivered".into(), String::new()),
            ("carol".into(), "delivered".into(), String::new()),
        ]
    );
    assert!(
        retry.json()["deliveries"]
            .as_array()
            .expect("as the test arranged it")
            .iter()
            .all(|r| r["id"] == id.as_str())
    );
    assert_eq!(keys_seen(&server, "/hook"), [id.clone(), id.clone()]);
    assert_eq!(
        keys_seen(&server, "/robot/send"),
        [robot_key[0].clone(), robot_key[0].clone()]
    );
    assert_eq!(
        keys_seen(&server, "/open-apis/im/v1/messages"),
        [feishu_key[0].clone(), feishu_key[0].clone()]
    );
    assert_eq!(
        server.requests_to("/wecom").len(),
        1,
        "dave was delivered the first time"
    );
    assert_eq!(
        server.requests_to("/adhoc").len(),
        1,
        "ad-hoc destinations are not retried"
    );
    // Besides the three messages, only Feishu's lookup of carol's open_id went out.
    let sent: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.path.clone())
        .filter(|p| !p.starts_with("/open-apis/contact/"))
        .collect();
    assert_eq!(sent.len(), 3, "{sent:?}");

    // What was delivered stays delivered: a second retry sends nothing.
    let again = env.run(&["retry", "--json"]);
    again.ok();
    assert_eq!(
        outcomes(&again),
        [(
            "-".into(),
            "skipped".into(),
            format!("ad-hoc destination: repeat the send with --id {id}")
        )]
    );
    assert_eq!(keys_seen(&server, "/robot/send").len(), 2);
    assert_eq!(server.requests().len(), before + 4);
    let delivered = log_json(&env, &["--id", &id, "--outcome", "delivered"]);
    assert_eq!(delivered.len(), 4);
}

#[test]
fn a_repeated_send_id_delivers_nothing_twice() {
    let (server, env) = team_with_a_failing_robot();
    let to = ["--to", "alice", "--to", "bob", "--id", "ticket-42:approval"];
    let first = send(&env, &to);
    first.code(3);
    assert_eq!(first.json()["id"], "ticket-42:approval");
    answer(&server, 200);
    let second = send(&env, &to);
    second.ok();
    assert_eq!(
        outcomes(&second),
        [
            ("alice".into(), "skipped".into(), "already delivered".into()),
            ("bob".into(), "delivered".into(), String::new()),
        ]
    );
    let third = send(&env, &to);
    third.ok();
    assert!(
        outcomes(&third)
            .iter()
            .all(|(_, o, r)| o == "skipped" && r == "already delivered")
    );
    assert_eq!(keys_seen(&server, "/hook"), ["ticket-42:approval"]);
    let robot = keys_seen(&server, "/robot/send");
    assert_eq!(robot.len(), 2);
    assert_eq!(
        robot[0], robot[1],
        "the repeat reuses the first run's msgUuid"
    );

    // The same id through emit is the same event: nothing is delivered twice there either.
    let emit = env.run(&[
        "emit",
        "task-flow.run.failed",
        "--submitter",
        "alice",
        "--id",
        "ticket-42:approval",
        "--json",
    ]);
    emit.ok();
    assert_eq!(emit.json()["id"], "ticket-42:approval");
    assert_eq!(server.requests_to("/hook").len(), 1);
    // An id outside the contract is a usage error.
    send(&env, &["--to", "alice", "--id", "no spaces"]).code(2);
}

#[test]
fn channel_test_records_under_its_own_id_and_no_log_records_nothing() {
    let server = HttpServer::start();
    let env = Env::new();
    team(&env, &server);
    answer(&server, 200);
    let none = send(&env, &["--to", "alice", "--no-log"]);
    none.ok();
    assert!(!env.log_path().exists(), "--no-log created the log");
    let test = env.run(&["--user", "bob", "channel", "test", "dingtalk-bot", "--json"]);
    test.ok();
    let id = test.json()["id"].as_str().expect("an id").to_owned();
    let rows = log_json(&env, &["--id", &id]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["recipient"], "bob");
    assert_eq!(rows[0]["outcome"], "delivered");
    assert_eq!(rows[0]["event"], "Test");
}

#[test]
fn thirty_two_send_processes_lose_no_row() {
    const WRITERS: usize = 32;
    let server = HttpServer::start();
    let env = Env::new();
    let (a, b) = (server.url("/a"), server.url("/b"));
    let children: Vec<_> = (0..WRITERS)
        .map(|i| {
            let id = format!("writer-{i}");
            let args = [
                "send",
                "--webhook",
                &a,
                "--webhook",
                &b,
                "--message",
                "hi",
                "--id",
                &id,
            ];
            env.command(&args)
                .stdout(Stdio::null())
                .spawn()
                .expect("spawn notify")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("could not record"), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    let rows = log_json(&env, &[]);
    assert_eq!(rows.len(), 2 * WRITERS);
    for i in 0..WRITERS {
        let id = format!("writer-{i}");
        assert_eq!(
            rows.iter().filter(|r| r["id"] == id.as_str()).count(),
            2,
            "{id}"
        );
    }
}

#[test]
fn a_log_that_cannot_be_used_never_stops_a_delivery() {
    let server = HttpServer::start();
    let env = Env::new();
    let hook = server.url("/hook");
    server.always("/bad", Reply::status(400));
    let garbage = env.path("garbage.db");
    std::fs::write(&garbage, vec![b'x'; 8192]).expect("as the test arranged it");
    let newer = env.path("newer.db");
    env.run(&[
        "send",
        "--webhook",
        &hook,
        "--message",
        "m",
        "--log",
        newer.to_str().expect("as the test arranged it"),
    ])
    .ok();
    let conn = rusqlite::Connection::open(&newer).expect("as the test arranged it");
    conn.pragma_update(None, "user_version", 99)
        .expect("as the test arranged it");
    drop(conn);
    let a_file = env.path("a-file");
    std::fs::write(&a_file, "").expect("as the test arranged it");
    let under_a_file = a_file.join("deliveries.db");
    let a_folder = env.path("");
    let cases = [
        (garbage.as_path(), "is damaged or not a notify log"),
        (newer.as_path(), "was written by a newer notify"),
        (under_a_file.as_path(), "cannot create the delivery log"),
        (a_folder.as_path(), "Is a directory"),
    ];
    for (path, why) in cases {
        let log = path.to_str().expect("as the test arranged it");
        let before = server.requests_to("/hook").len();
        let ok = env.run(&["send", "--webhook", &hook, "--message", "m", "--log", log]);
        ok.ok()
            .stderr_has("warning: could not record the delivery: ")
            .stderr_has(why)
            .stderr_has("hint: ");
        assert_eq!(server.requests_to("/hook").len(), before + 1, "{why}");
        // The exit code is the delivery's.
        let bad = server.url("/bad");
        let failed = env.run(&["send", "--webhook", &bad, "--message", "m", "--log", log]);
        failed.code(3).stderr_has("could not record the delivery");
    }
}

#[test]
fn the_log_holds_no_secret() {
    let (server, env) = team_with_a_failing_robot();
    let adhoc = server.url(&format!("/adhoc?access_token={ADHOC_TOKEN}"));
    let adhoc_robot = server.url(&format!("/robot/send?access_token={ADHOC_TOKEN}x"));
    let run = send(
        &env,
        &[
            "--all-users",
            "--webhook",
            &adhoc,
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            ADHOC_KEY,
            "--dingtalk-bot",
            &adhoc_robot,
            "--secret",
            ROBOT_SECRET,
        ],
    );
    run.code(3);
    env.run(&["retry"]).code(3);
    let folder = env
        .log_path()
        .parent()
        .expect("as the test arranged it")
        .to_owned();
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(&folder).expect("as the test arranged it") {
        bytes.extend(
            std::fs::read(entry.expect("as the test arranged it").path())
                .expect("as the test arranged it"),
        );
    }
    assert!(contains(&bytes, b"disk full"), "the log holds the message");
    for secret in [
        HOOK_KEY,
        ROBOT_TOKEN,
        ROBOT_SECRET,
        FEISHU_SECRET,
        FEISHU_TOKEN,
        SMTP_PASSWORD,
        ADHOC_TOKEN,
        ADHOC_KEY,
    ] {
        assert!(
            !contains(&bytes, secret.as_bytes()),
            "{secret} is in {}",
            folder.display()
        );
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn retry_follows_the_store_as_it_is_now_and_a_skipped_destination_stays_due() {
    let (server, env) = team_with_a_failing_robot();
    send(&env, &["--to", "bob", "--id", "nightly-7"]).code(3);
    answer(&server, 200);
    admin(&env, &["bob", "--disable", "dingtalk-bot"]);
    let dry = env.run(&["retry", "--dry-run", "--json"]);
    dry.ok();
    let rows = dry.json()["destinations"].clone();
    assert_eq!(rows[0]["recipient"], "bob");
    assert_eq!(rows[0]["outcome"], "skipped");
    assert_eq!(rows[0]["reason"], "not enabled");
    let skipped = env.run(&["retry", "--json"]);
    skipped.ok();
    assert_eq!(
        outcomes(&skipped),
        [("bob".into(), "skipped".into(), "not enabled".into())]
    );
    assert_eq!(keys_seen(&server, "/robot/send").len(), 1, "nothing sent");
    admin(&env, &["bob", "--enable", "dingtalk-bot"]);
    let dry = env.run(&["retry", "--dry-run", "--id", "nightly-7"]);
    dry.ok().stdout_has("/robot/send");
    assert_eq!(
        keys_seen(&server, "/robot/send").len(),
        1,
        "a dry run sends nothing"
    );
    env.run(&["retry", "--since", "1h"]).ok();
    let keys = keys_seen(&server, "/robot/send");
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1]);
    let rows = log_json(&env, &["--id", "nightly-7", "--all-attempts"]);
    let seen: Vec<&str> = rows.iter().filter_map(|r| r["outcome"].as_str()).collect();
    assert_eq!(
        seen,
        ["delivered", "failed"],
        "newest first; the skipping retry left no row"
    );
    // By default the destination's latest state alone.
    let rows = log_json(&env, &["--id", "nightly-7"]);
    let seen: Vec<&str> = rows.iter().filter_map(|r| r["outcome"].as_str()).collect();
    assert_eq!(seen, ["delivered"]);
}

/// The webhook body without what belongs to each run rather than to the message: the event time
/// (the time of the build) and the audience (a retry addresses only the users it re-plans).
fn content_only(mut body: Value) -> Value {
    if let Some(event) = body.get_mut("messageEvent") {
        for field in ["eventTime", "targetUsers", "receivers"] {
            event[field] = Value::Null;
        }
    }
    body
}

#[test]
fn a_retry_sends_the_templated_message_with_its_link_again() {
    const LINK: &str = "https://dms.example.com/ticket/42?tab=review&x=(1)";
    let server = HttpServer::start();
    let env = Env::new();
    team(&env, &server);
    let erin_hook = server.url("/hook-erin");
    admin(
        &env,
        &[
            "erin",
            "--create",
            "--set",
            &format!("webhook.url={erin_hook}"),
            "--enable",
            "webhook",
        ],
    );
    answer(&server, 200);
    server.always("/hook-erin", Reply::json(500, "{}"));
    server.always("/robot/send", Reply::json(500, "{}"));
    let template = env.path("approval.md");
    std::fs::write(
        &template,
        "**{{ description }}**: {{ task_name }} for {{ recipient }} ({{ roles }}), \
         state {{ state }}, at {{ time }}\n\n[Review it]({{ link }})\n",
    )
    .expect("as the test arranged it");
    let first = env.run(&[
        "emit",
        "ticket.data-change.pending-approval",
        "--json",
        "--retries",
        "0",
        "--approver",
        "alice",
        "--approver",
        "erin",
        "--approver",
        "bob",
        "--task-name",
        "Add index",
        "--link",
        LINK,
        "--template",
        template.to_str().expect("as the test arranged it"),
        "--id",
        "ticket-42:review",
    ]);
    first.code(3);
    let erin_first = server.requests_to("/hook-erin");
    let robot_first = server.requests_to("/robot/send");
    assert_eq!((erin_first.len(), robot_first.len()), (1, 1));
    let message = erin_first[0].json()["messageEvent"]["message"].clone();
    let text = message.as_str().expect("a webhook message is text");
    assert!(
        text.starts_with("A data change ticket is waiting for approval: Add index for erin (approver), state pending-approval, at "),
        "{text}"
    );
    // The link as Markdown needs it: percent-encoded parentheses.
    assert!(
        text.ends_with("\n\nReview it (https://dms.example.com/ticket/42?tab=review&x=%281%29)"),
        "{text}"
    );

    // Healthy again: the retry sends erin and bob exactly what the first run tried to send them.
    answer(&server, 200);
    server.always("/hook-erin", Reply::json(200, "{}"));
    let retry = env.run(&["retry", "--json", "--retries", "0"]);
    retry.ok();
    assert_eq!(
        outcomes(&retry),
        [
            ("bob".into(), "delivered".into(), String::new()),
            ("erin".into(), "delivered".into(), String::new()),
        ]
    );
    let erin = server.requests_to("/hook-erin");
    assert_eq!(erin.len(), 2);
    assert_eq!(erin[1].json()["messageEvent"]["message"], message);
    assert_eq!(content_only(erin[1].json()), content_only(erin[0].json()));
    let robot = server.requests_to("/robot/send");
    assert_eq!(robot.len(), 2);
    let card = robot[1].json();
    assert_eq!(card, robot_first[0].json());
    assert_eq!(card["msgtype"], "actionCard", "{card}");
    assert_eq!(card["actionCard"]["singleURL"], LINK, "{card}");
    let card_text = card["actionCard"]["text"].as_str().unwrap_or_default();
    assert!(card_text.contains("for bob (approver)"), "{card}");
    assert_eq!(server.requests_to("/hook").len(), 1, "alice was delivered");
}

#[test]
fn a_retry_with_nothing_failed_says_so_instead_of_an_empty_table() {
    let server = HttpServer::start();
    let env = Env::new();
    for args in [
        &["retry"][..],
        &["retry", "--dry-run"],
        &["retry", "--since", "2h"],
    ] {
        let run = env.run(args);
        run.ok();
        assert_eq!(run.stdout, "", "{args:?} printed a table");
        run.stderr_has("nothing to retry: no failed deliveries in the log");
    }
    env.run(&["retry", "--id", "ticket-42"])
        .ok()
        .stderr_has("nothing to retry: no failed deliveries in the log for ticket-42\n");
    // Scripts still get their document, with an empty list.
    assert_eq!(
        env.run(&["retry", "--json"]).json(),
        json!({"deliveries": []})
    );
    assert!(server.requests().is_empty());
}

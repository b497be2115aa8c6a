//! Message templates and rich formats end to end: `rule set --template` checks and stores a template
//! (and refuses a bad one without touching the store), `rule show` shows it, an emit without a
//! template still sends the built-in text, `send --template --link` gives each channel its native
//! format on the wire (values escaped), a template that fails for one recipient fails that row only,
//! a message over a vendor's limit is cut (keyword kept, the row says so), and `template render`
//! shows what the send puts on the wire.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::http::HttpServer;
use crate::support::{Env, Run, smtp_env};

const EVENT: &str = "ticket.data-change.failed";

const GOOD: &str = "### {{ description }}\n\n**{{ task_name|truncate(40) }}** by {{ submitter_name or submitter }} \
at {{ time|date(\"%Y-%m-%d %H:%M\", \"+08:00\") }}\n{% if link %}[Open the ticket]({{ link }}){% endif %}\n";

fn toml_of(env: &Env) -> toml::Value {
    toml::from_str(&env.store_text()).expect("the store is TOML")
}

#[test]
fn a_template_is_checked_stored_and_shown() {
    let env = Env::new();
    let file = env.path("failed.md.j2");
    std::fs::write(&file, GOOD).expect("write template");
    env.run(&[
        "rule",
        "set",
        EVENT,
        "--template",
        file.to_str().expect("utf-8"),
    ])
    .ok()
    .stderr_has("updated the rule of ticket.data-change.failed");
    let store = toml_of(&env);
    assert_eq!(store["rules"][EVENT]["template"].as_str(), Some(GOOD));

    let show = env.run(&["rule", "show", EVENT, "--json"]);
    show.ok();
    assert_eq!(show.json()["template"], GOOD);
    env.run(&["rule", "show", EVENT])
        .ok()
        .stdout_has("{% if link %}[Open the ticket]({{ link }}){% endif %}");

    // Other parts of the rule keep the template, and --no-template removes it (and the table).
    env.run(&["rule", "set", EVENT, "--role", "dba"]).ok();
    assert_eq!(
        toml_of(&env)["rules"][EVENT]["template"].as_str(),
        Some(GOOD)
    );
    env.run(&["rule", "set", EVENT, "--no-roles", "--no-template"])
        .ok();
    assert!(toml_of(&env).get("rules").is_none(), "{}", env.store_text());
    let show = env.run(&["rule", "show", EVENT, "--json"]);
    assert!(show.json().get("template").is_none());
    env.run(&["rule", "show", EVENT])
        .ok()
        .stdout_has("built-in");
}

#[test]
fn a_template_from_stdin_is_stored() {
    let env = Env::new();
    let source = "{{ event }}: {{ roles|join(\" & \") }} — 数据变更 🚀\n";
    env.run_stdin(&["rule", "set", EVENT, "--template", "-"], source)
        .ok();
    assert_eq!(
        toml_of(&env)["rules"][EVENT]["template"].as_str(),
        Some(source)
    );
}

#[test]
fn a_bad_template_is_refused_with_its_line_and_column_and_nothing_changes() {
    let env = Env::new();
    env.run(&["rule", "set", EVENT, "--channel", "email"]).ok();
    let before = std::fs::read(&env.store).expect("store written");
    let cases: [(&str, &str); 5] = [
        (
            "Task {{ task_name }}\n  {{ ticket_url }}\n",
            "line 2, column 6: `ticket_url` is undefined",
        ),
        (
            "{% if link %}\nopen",
            "line 1, column 14: syntax error: unexpected end of input",
        ),
        (
            "ok\n{{ task_name }",
            "line 2, column 14: syntax error: unexpected `}`",
        ),
        (
            "{{ time|date(\"%Q\") }}",
            "line 1, column 9: invalid operation",
        ),
        (
            "{{ time|nope }}",
            "line 1, column 9: filter nope is unknown",
        ),
    ];
    for (source, says) in cases {
        let file = env.path("bad.j2");
        std::fs::write(&file, source).expect("write template");
        let run = env.run(&[
            "rule",
            "set",
            EVENT,
            "--template",
            file.to_str().expect("utf-8"),
        ]);
        run.code(2)
            .stderr_has(says)
            .stderr_has("nothing was changed");
        assert_eq!(
            std::fs::read(&env.store).expect("store"),
            before,
            "{source:?} changed the store"
        );
        env.run_stdin(&["rule", "set", EVENT, "--template", "-"], source)
            .code(2)
            .stderr_has(says);
        assert_eq!(std::fs::read(&env.store).expect("store"), before);
    }
    env.run_stdin(&["rule", "set", EVENT, "--template", "-"], " \n")
        .code(2)
        .stderr_has("the template is empty");
    env.run(&["rule", "set", EVENT, "--template", "missing.j2"])
        .code(1)
        .stderr_has("cannot read the template missing.j2");
    assert_eq!(std::fs::read(&env.store).expect("store"), before);
}

#[test]
fn a_hand_edited_template_that_does_not_render_is_reported() {
    let env = Env::new();
    env.write_store(&format!(
        "version = 1\n\n[rules.\"{EVENT}\"]\ntemplate = \"Hi {{{{ nope }}}}\"\n"
    ));
    env.run(&["rule", "show", EVENT])
        .ok()
        .stderr_has("the stored template does not render (line 1, column 7: `nope` is undefined");
    let show = env.run(&["rule", "show", EVENT, "--json"]);
    let warnings = show.json()["warnings"].to_string();
    assert!(warnings.contains("--no-template"), "{warnings}");
}

#[test]
fn emit_without_a_template_sends_the_builtin_text_literally() {
    let env = Env::new();
    let server = HttpServer::start();
    env.run(&["user", "add", "carol", "--display-name", "Carol *C* <c@x>"])
        .ok();
    let url = format!("webhook.url={}", server.url("/carol"));
    env.run(&[
        "user",
        "modify",
        "carol",
        "--set",
        &url,
        "--set",
        "webhook.signature_method=NONE",
        "--enable",
        "webhook",
    ])
    .ok();
    let task = "<script>alert(\"x\")</script> *bold* ] [a](b) _x_ 数据变更 🚀";
    env.run(&[
        "emit",
        EVENT,
        "--submitter",
        "carol",
        "--task-id",
        "7",
        "--task-name",
        task,
    ])
    .ok();
    let req = &server.wait_for(1, Duration::from_secs(20))[0];
    assert_eq!(
        req.json()["messageEvent"]["message"],
        format!("A data change ticket failed: {task} (#7), submitted by Carol *C* <c@x>.")
    );
}

const WAIT: Duration = Duration::from_secs(20);
const NASTY: &str = "<script>alert(\"x\")</script> *bold* ] 数据 🚀";
const LINK: &str = "https://dms.example.com/ticket/42?tab=a b";
const RICH: &str = "**{{ task_name }}** failed\n\n{{ message }}\n";

fn send(env: &Env, args: &[&str]) -> Run {
    let mut full = vec!["send", "--json", "--retry-base-ms", "10"];
    full.extend_from_slice(args);
    env.run(&full)
}

fn rows(run: &Run) -> Vec<Value> {
    run.json()["deliveries"]
        .as_array()
        .unwrap_or_else(|| panic!("no deliveries: {}", run.stdout))
        .clone()
}

fn template_file(env: &Env, source: &str) -> String {
    let file = env.path("message.md.j2");
    std::fs::write(&file, source).expect("write template");
    file.to_str().expect("utf-8").to_owned()
}

/// The body without the idempotency key a send makes fresh.
fn without_key(mut body: Value) -> Value {
    if let Some(o) = body.as_object_mut() {
        o.remove("msgUuid");
    }
    body
}

#[test]
fn send_with_a_template_and_a_link_gives_each_channel_its_rich_format() {
    let (env, smtp) = smtp_env();
    let server = HttpServer::start();
    let template = template_file(&env, RICH);
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &server.url("/robot/send?access_token=t"),
            "--wecom-bot",
            &server.url("/cgi-bin/webhook/send?key=k"),
            "--webhook",
            &server.url("/hook"),
            "--email",
            "alice@example.com",
            "--event",
            "task_failed",
            "--task-name",
            NASTY,
            "--message",
            "nightly *load*",
            "--template",
            &template,
            "--link",
            LINK,
        ],
    );
    run.ok();
    for row in rows(&run) {
        assert_eq!(row["outcome"], "delivered", "{row}");
        assert_eq!(row["reason"], Value::Null, "{row}");
    }
    let md =
        "**\\<script>alert(\"x\")\\</script> \\*bold\\* \\] 数据 🚀** failed\n\nnightly \\*load\\*";
    let url = "https://dms.example.com/ticket/42?tab=a%20b";
    let robot = server.wait_for(3, WAIT);
    let robot = robot
        .iter()
        .find(|r| r.target.starts_with("/robot/send"))
        .expect("robot request");
    assert_eq!(
        without_key(robot.json()),
        json!({"msgtype": "actionCard", "actionCard": {
            "title": "[DMS] task_failed",
            "text": format!("{md}\n\nDMS"),
            "singleTitle": "Open",
            "singleURL": LINK,
        }})
    );
    let wecom = &server.requests_to("/cgi-bin/webhook/send")[0];
    assert_eq!(
        wecom.json(),
        json!({"msgtype": "markdown", "markdown": {"content": format!("{md}\n\n[Open]({url})")}})
    );
    let plain = format!(
        "<script>alert(\"x\")</script> *bold* ] 数据 🚀 failed\n\nnightly *load*\n\nOpen: {LINK}"
    );
    let hook = &server.requests_to("/hook")[0];
    assert_eq!(hook.json()["messageEvent"]["message"], plain);
    assert_eq!(hook.json()["messageEvent"]["taskName"], NASTY);

    let mail = smtp.wait_for(1, WAIT).pop().expect("mail");
    let raw = mail.text();
    let content_type = mail.header("Content-Type").expect("content type");
    assert!(
        content_type.starts_with("multipart/alternative"),
        "{content_type}"
    );
    let (text_at, html_at) = (
        raw.find("Content-Type: text/plain").expect("text part"),
        raw.find("Content-Type: text/html").expect("html part"),
    );
    assert!(text_at < html_at, "text/plain must come first");
    let body = mail.body_text();
    assert!(body.contains(&plain), "{body}");
    assert!(
        body.contains("<p><strong>&lt;script&gt;alert(\"x\")&lt;/script&gt; *bold* ] 数据 🚀</strong> failed</p>"),
        "{body}"
    );
    assert!(
        !body.contains("<script>alert(\"x\")</script> *bold* ] 数据 🚀</strong>"),
        "{body}"
    );
    assert!(
        body.contains(&format!("<a href=\"{url}\">Open</a>")),
        "{body}"
    );
}

#[test]
fn format_text_forces_plain_text_everywhere() {
    let (env, smtp) = smtp_env();
    let server = HttpServer::start();
    let template = template_file(&env, RICH);
    send(
        &env,
        &[
            "--dingtalk-bot",
            &server.url("/robot/send?access_token=t"),
            "--email",
            "alice@example.com",
            "--task-name",
            "Add *index*",
            "--message",
            "now",
            "--template",
            &template,
            "--format",
            "text",
        ],
    )
    .ok();
    let robot = &server.wait_for(1, WAIT)[0];
    assert_eq!(robot.json()["msgtype"], "text");
    assert_eq!(
        robot.json()["text"]["content"],
        "[DMS] Add *index* failed\n\nnow"
    );
    let mail = smtp.wait_for(1, WAIT).pop().expect("mail");
    assert!(
        mail.header("Content-Type")
            .expect("content type")
            .starts_with("text/plain"),
        "{}",
        mail.text()
    );
    assert_eq!(mail.body_text().trim_end(), "Add *index* failed\n\nnow");
}

fn user_with_webhook(env: &Env, server: &HttpServer, name: &str, display: &str) {
    env.run(&["user", "add", name, "--display-name", display])
        .ok();
    let url = format!("webhook.url={}", server.url(&format!("/{name}")));
    env.run(&[
        "user",
        "modify",
        name,
        "--set",
        &url,
        "--set",
        "webhook.signature_method=NONE",
        "--enable",
        "webhook",
    ])
    .ok();
}

#[test]
fn a_template_that_fails_for_one_recipient_fails_that_row_only() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "alice", "Alice 数据");
    user_with_webhook(&env, &server, "bob", "Bob");
    // It renders for the sample event (its recipient is `recipient`), so it is accepted.
    let template = template_file(
        &env,
        "{% if recipient == \"bob\" %}{{ roles[3] }}{% endif %}Hi {{ recipient_name }} ({{ roles|join(\", \") }}): {{ task_name }}",
    );
    let run = env.run(&[
        "emit",
        "ticket.data-change.pending-approval",
        "--json",
        "--approver",
        "alice",
        "--approver",
        "bob",
        "--task-name",
        "Add index",
        "--template",
        &template,
    ]);
    run.code(3);
    let rows = rows(&run);
    let row = |who: &str| {
        rows.iter()
            .find(|r| r["recipient"] == who)
            .unwrap_or_else(|| panic!("no row for {who}: {rows:?}"))
            .clone()
    };
    assert_eq!(row("alice")["outcome"], "delivered");
    let bob = row("bob");
    assert_eq!(bob["outcome"], "failed", "{bob}");
    assert_eq!(bob["attempts"], 0, "{bob}");
    assert_eq!(bob["error_code"], "template", "{bob}");
    let reason = bob["reason"].as_str().expect("reason");
    assert!(reason.starts_with("template: line 1, column "), "{reason}");
    assert!(reason.contains("undefined"), "{reason}");
    assert!(server.requests_to("/bob").is_empty(), "bob's copy went out");
    let alice = &server.wait_for(1, WAIT)[0];
    assert_eq!(
        alice.json()["messageEvent"]["message"],
        "Hi Alice 数据 (approver): Add index"
    );
}

#[test]
fn a_template_given_to_send_that_does_not_render_is_refused_before_sending() {
    let env = Env::new();
    let server = HttpServer::start();
    let template = template_file(&env, "ok\n{{ ticket }}");
    send(
        &env,
        &["--webhook", &server.url("/hook"), "--template", &template],
    )
    .code(2)
    .stderr_has("the template does not render: line 2, column 4: `ticket` is undefined");
    assert!(server.requests().is_empty());
}

#[test]
fn a_long_message_is_cut_to_the_robot_limit_and_keeps_the_keyword() {
    let env = Env::new();
    let server = HttpServer::start();
    let text = "数据变更🚀 ".repeat(2000); // 34,000 bytes
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &server.url("/robot/send?access_token=t"),
            "--keyword",
            "ops",
            "--message",
            &text,
        ],
    );
    run.ok();
    let body = server.wait_for(1, WAIT)[0].json();
    assert_eq!(body["msgtype"], "markdown");
    let sent = body["markdown"]["text"].as_str().expect("text");
    assert!(sent.len() <= 20_000, "{} bytes", sent.len());
    assert!(sent.len() > 19_900, "{} bytes", sent.len());
    assert!(sent.ends_with("…\nops"), "{}", &sent[sent.len() - 40..]);
    let row = &rows(&run)[0];
    assert_eq!(row["outcome"], "delivered");
    assert_eq!(
        row["reason"],
        "message cut to 20000 bytes (DingTalk robot limit for markdown)"
    );
}

#[test]
fn template_render_shows_each_channel_as_the_send_puts_it_on_the_wire() {
    let env = Env::new();
    let server = HttpServer::start();
    let template = template_file(&env, RICH);
    let fields = [
        "--task-name",
        NASTY,
        "--message",
        "nightly *load*",
        "--template",
        &template,
        "--link",
        LINK,
    ];
    let render = env.run(
        &[
            &["template", "render", "ticket.data-change.failed", "--json"],
            &fields[..],
        ]
        .concat(),
    );
    render.ok();
    let sections = render.json();
    let sections = sections.as_array().expect("a list");
    let seen: Vec<(&str, &str)> = sections
        .iter()
        .map(|s| {
            (
                s["channel"].as_str().expect("channel"),
                s["format"].as_str().expect("format"),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("dingtalk-bot", "actionCard"),
            ("wecom-bot", "markdown"),
            ("dingtalk", "action_card"),
            ("feishu", "interactive"),
            ("email", "multipart/alternative"),
            ("sms", "text"),
            ("webhook", "text"),
        ]
    );
    let body = |channel: &str| {
        sections
            .iter()
            .find(|s| s["channel"] == channel)
            .map(|s| s["body"].clone())
            .expect("section")
    };
    let card: Value =
        serde_json::from_str(body("feishu")["content"].as_str().expect("a JSON string"))
            .expect("the card parses");
    assert_eq!(card["header"]["template"], "red");
    assert_eq!(card["elements"][1]["actions"][0]["url"], LINK);
    let email = body("email");
    assert!(
        email["html"]
            .as_str()
            .expect("html")
            .contains("&lt;script&gt;")
    );
    assert_eq!(email["subject"], "[DMS] A data change ticket failed");
    let sms = body("sms")["template_param"]["content"]
        .as_str()
        .expect("content")
        .to_owned();
    assert!(
        sms.starts_with("<script>alert(\"x\")</script> *bold* ] 数据 🚀 failed"),
        "{sms}"
    );

    // The same message, emitted to a robot and a webhook, is what the render showed.
    env.run(&["user", "add", "carol"]).ok();
    env.run(&[
        "user",
        "modify",
        "carol",
        "--set",
        &format!(
            "dingtalk-bot.webhook={}",
            server.url("/robot/send?access_token=t")
        ),
        "--set",
        &format!("webhook.url={}", server.url("/hook")),
        "--set",
        "webhook.signature_method=NONE",
        "--enable",
        "dingtalk-bot",
        "--enable",
        "webhook",
    ])
    .ok();
    env.run(
        &[
            &["emit", "ticket.data-change.failed", "--submitter", "carol"],
            &fields[..],
        ]
        .concat(),
    )
    .ok();
    server.wait_for(2, WAIT);
    let robot = server.requests_to("/robot/send")[0].json();
    assert_eq!(without_key(robot), without_key(body("dingtalk-bot")));
    let hook = server.requests_to("/hook")[0].json();
    assert_eq!(
        hook["messageEvent"]["message"],
        body("webhook")["messageEvent"]["message"]
    );
}

#[test]
fn emit_uses_the_rules_template_and_a_stored_one_that_fails_fails_each_row() {
    let env = Env::new();
    let server = HttpServer::start();
    user_with_webhook(&env, &server, "carol", "Carol");
    env.run_stdin(
        &["rule", "set", EVENT, "--template", "-"],
        "{{ recipient_name }}: {{ task_name }} {{ state }} ({{ roles|join(\"+\") }})",
    )
    .ok();
    env.run(&[
        "emit",
        EVENT,
        "--submitter",
        "carol",
        "--task-name",
        "Add index",
    ])
    .ok();
    let req = &server.wait_for(1, WAIT)[0];
    assert_eq!(
        req.json()["messageEvent"]["message"],
        "Carol: Add index failed (submitter)"
    );

    // A template edited by hand after it was checked: each destination reports it, nothing is sent.
    let store = env.store_text().replace("{{ state }}", "{{ status }}");
    env.write_store(&store);
    let run = env.run(&["emit", EVENT, "--submitter", "carol", "--json"]);
    run.code(3);
    let row = &rows(&run)[0];
    assert_eq!(row["outcome"], "failed", "{row}");
    let reason = row["reason"].as_str().expect("reason");
    assert!(
        reason.starts_with("template: line 1, column ") && reason.contains("`status` is undefined"),
        "{reason}"
    );
    assert_eq!(server.requests().len(), 1, "the failed copy went out");
}

#[test]
fn send_with_a_catalogue_event_gives_a_template_its_description_and_a_free_name_none() {
    let env = Env::new();
    let server = HttpServer::start();
    let template = template_file(&env, "{{ description }}: {{ task_name }}");
    let hook = server.url("/hook");
    let said = |event: &str, n: usize| {
        let args = [
            "--webhook",
            &hook,
            "--event",
            event,
            "--task-name",
            "Add index",
        ];
        send(&env, &[&args[..], &["--template", &template]].concat()).ok();
        let req = server.wait_for(n, WAIT).pop().expect("a request");
        req.json()["messageEvent"]["message"].clone()
    };
    assert_eq!(
        said("ticket.data-change.failed", 1),
        "A data change ticket failed: Add index"
    );
    assert_eq!(said("nightly_export", 2), ": Add index");
}

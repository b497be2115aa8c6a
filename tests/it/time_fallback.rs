//! A user's fallback end to end: the first channel that delivers, in the user's order, exactly once,
//! in `emit` and in the relay; every attempt in the log.

use std::time::Duration;

use crate::serve::{Serve, WAIT, event};
use crate::support::Env;
use crate::support::http::{HttpServer, Reply};

const OK: &str = r#"{"errcode":0,"errmsg":"ok"}"#;

/// bob with a webhook (`/hook`, refusing with 400), a WeCom robot (`/wecom`, delivering) and a
/// DingTalk robot (`/robot/send`), tried in that order.
fn bob(env: &Env, server: &HttpServer) {
    env.run(&["user", "add", "bob"]).ok();
    let hook = format!("webhook.url={}", server.url("/hook"));
    let wecom = format!("wecom-bot.webhook={}", server.url("/wecom?key=k"));
    let robot = format!(
        "dingtalk-bot.webhook={}",
        server.url("/robot/send?access_token=t")
    );
    #[rustfmt::skip]
    env.run(&[
        "user", "modify", "bob", "--set", &hook, "--set", "webhook.signature_method=NONE",
        "--set", &wecom, "--set", &robot, "--set", "dingtalk-bot.keyword=DMS",
        "--enable", "webhook", "--enable", "wecom-bot", "--enable", "dingtalk-bot",
        "--fallback", "webhook,wecom-bot,dingtalk-bot",
    ])
    .ok();
    server.always("/hook", Reply::status(400));
    server.always("/wecom", Reply::json(200, OK));
    server.always("/robot/send", Reply::json(200, OK));
}

/// (channel, outcome) of the log's rows for an event, in the order they were recorded.
fn logged(env: &Env, id: &str) -> Vec<(String, String)> {
    let rows = env.run(&["log", "--json", "--id", id]).ok().json();
    let mut rows: Vec<(String, String)> = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            (s("channel"), s("outcome"))
        })
        .collect();
    rows.sort();
    rows
}

fn pair(channel: &str, outcome: &str) -> (String, String) {
    (channel.into(), outcome.into())
}

#[test]
fn the_store_keeps_the_order_and_no_fallback_removes_it() {
    let env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    env.run(&["user", "modify", "bob", "--fallback", "email,sms,email"])
        .ok();
    assert!(
        env.store_text().contains(r#"fallback = ["email", "sms"]"#),
        "{}",
        env.store_text()
    );
    env.run(&["user", "show", "bob"])
        .ok()
        .stderr_has("fallback: email, then sms");
    env.run(&["user", "modify", "bob", "--no-fallback"]).ok();
    assert!(!env.store_text().contains("fallback"));
    env.run(&["user", "modify", "bob", "--fallback", "pigeon"])
        .code(2)
        .stderr_has("pigeon");
}

#[test]
fn emit_falls_back_after_a_refusal_and_delivers_exactly_once() {
    let env = Env::new();
    let server = HttpServer::start();
    bob(&env, &server);
    let dry = env.run(&[
        "emit",
        "ticket.data-change.pending-approval",
        "--approver",
        "bob",
        "--dry-run",
    ]);
    dry.ok().stdout_has("fallback: only if webhook fails");
    let run = env.run(&[
        "emit",
        "ticket.data-change.pending-approval",
        "--approver",
        "bob",
        "--id",
        "fb-1",
        "--json",
    ]);
    // The refusal is in the report, but bob got the message: exit 0.
    let doc = run.ok().json();
    let rows: Vec<(String, String)> = doc["deliveries"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|d| {
            pair(
                d["channel"].as_str().expect("channel"),
                d["outcome"].as_str().expect("outcome"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [pair("webhook", "failed"), pair("wecom-bot", "delivered")]
    );
    assert_eq!(
        server.requests_to("/hook").len(),
        1,
        "a 400 is not tried again"
    );
    assert_eq!(server.requests_to("/wecom").len(), 1);
    assert!(
        server.requests_to("/robot/send").is_empty(),
        "the third is never called"
    );
    assert_eq!(
        logged(&env, "fb-1"),
        [pair("webhook", "failed"), pair("wecom-bot", "delivered")]
    );
}

#[test]
fn emit_says_exit_3_when_every_link_failed() {
    let env = Env::new();
    let server = HttpServer::start();
    bob(&env, &server);
    server.always("/wecom", Reply::status(400));
    server.always("/robot/send", Reply::status(400));
    env.run(&[
        "emit",
        "ticket.data-change.pending-approval",
        "--approver",
        "bob",
        "--id",
        "fb-2",
    ])
    .code(3);
    assert_eq!(
        logged(&env, "fb-2"),
        [
            pair("dingtalk-bot", "failed"),
            pair("webhook", "failed"),
            pair("wecom-bot", "failed")
        ]
    );
}

#[test]
fn the_relay_falls_back_after_a_refusal_and_delivers_exactly_once() {
    let env = Env::new();
    let server = HttpServer::start();
    bob(&env, &server);
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("fb-3", &["bob"])).0, 202);
    serve.line("wecom-bot");
    let deadline = std::time::Instant::now() + WAIT;
    while server.requests_to("/wecom").is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    // Time for a wrong third send to show.
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(server.requests_to("/hook").len(), 1);
    assert_eq!(server.requests_to("/wecom").len(), 1);
    assert!(
        server.requests_to("/robot/send").is_empty(),
        "the third is never called"
    );
    // Each destination in its latest state: the refused webhook given up (its `failed` attempt is
    // behind it, see --all-attempts), the delivery; the robot never appears.
    assert_eq!(
        logged(&env, "fb-3"),
        [pair("webhook", "dead"), pair("wecom-bot", "delivered")]
    );
    let queue = env.run(&["queue", "--json"]).ok().json();
    assert_eq!(
        queue.as_array().map(Vec::len),
        Some(0),
        "nothing waits: {queue}"
    );
    serve.signal("TERM");
}

/// bob whose fallback starts with an email that cannot be sent (no SMTP provider), then the webhook
/// `/hook`, delivering.
fn bob_without_smtp(env: &Env, server: &HttpServer) {
    env.write_store(&format!(
        r#"version = 1

[users.bob]
fallback = ["email", "webhook"]

[users.bob.channels.email]
address = "bob@example.com"
enabled = true
verified = true

[users.bob.channels.webhook]
url = "{}"
signature_method = "NONE"
enabled = true
verified = true
"#,
        server.url("/hook")
    ));
    server.always("/hook", Reply::status(200));
}

#[test]
fn emit_moves_on_from_a_link_that_cannot_be_built_and_exits_0() {
    let env = Env::new();
    let server = HttpServer::start();
    bob_without_smtp(&env, &server);
    #[rustfmt::skip]
    let run = env.run(&[
        "emit", "ticket.data-change.pending-approval", "--approver", "bob", "--id", "fb-4", "--json",
    ]);
    run.ok();
    assert_eq!(server.requests_to("/hook").len(), 1);
    assert_eq!(
        logged(&env, "fb-4"),
        [pair("email", "failed"), pair("webhook", "delivered")]
    );
    let rows = env.run(&["log", "--json", "--id", "fb-4"]).ok().json();
    let email = rows
        .as_array()
        .and_then(|r| r.iter().find(|r| r["channel"] == "email"))
        .expect("the email's row")
        .to_string();
    assert!(email.contains("provider smtp is not configured"), "{email}");
}

#[test]
fn the_relay_moves_on_from_a_link_that_cannot_be_built() {
    let env = Env::new();
    let server = HttpServer::start();
    bob_without_smtp(&env, &server);
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("fb-5", &["bob"])).0, 202);
    serve.line("fb-5 bob webhook");
    // Time for a wrong second send to show.
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(server.requests_to("/hook").len(), 1);
    assert_eq!(
        logged(&env, "fb-5"),
        [pair("email", "dead"), pair("webhook", "delivered")]
    );
    let rows = env.run(&["log", "--json", "--id", "fb-5"]).ok().json();
    assert!(
        rows.to_string().contains("provider smtp is not configured"),
        "{rows}"
    );
    serve.signal("TERM");
}

/// A silence of an hour on bob's `channel` for the ticket events.
fn silence_bob(env: &Env, channel: &str) {
    #[rustfmt::skip]
    env.run(&[
        "silence", "add", "--event", "ticket.*", "--recipient", "bob", "--channel", channel,
        "--for", "1h", "--comment", "in the way",
    ])
    .ok();
}

/// `emit` of an approval for bob with the id `id`.
fn emit_to_bob(env: &Env, id: &str) {
    #[rustfmt::skip]
    env.run(&["emit", "ticket.data-change.pending-approval", "--approver", "bob", "--id", id]).ok();
}

#[test]
fn a_silenced_link_that_cannot_be_built_is_skipped_and_the_next_one_delivers_in_emit_and_the_relay()
{
    let env = Env::new();
    let server = HttpServer::start();
    bob_without_smtp(&env, &server);
    silence_bob(&env, "email");
    // emit: the email is skipped and bob hears through the next link.
    emit_to_bob(&env, "fb-6e");
    let both = [pair("email", "skipped"), pair("webhook", "delivered")];
    assert_eq!(logged(&env, "fb-6e"), both);
    // The relay does the same.
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("fb-6", &["bob"])).0, 202);
    serve.line("fb-6 bob webhook");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(server.requests_to("/hook").len(), 2);
    assert_eq!(logged(&env, "fb-6"), both);
    // Silenced, as any destination that cannot be built is: skipped, no dead letter to retry.
    let rows = env.run(&["log", "--json", "--id", "fb-6"]).ok().json();
    let email = rows
        .as_array()
        .and_then(|r| r.iter().find(|r| r["channel"] == "email"))
        .expect("the email's row")
        .to_string();
    assert!(email.contains(r#""outcome":"skipped""#), "{email}");
    assert!(email.contains("silenced ("), "{email}");
    let queue = env.run(&["queue", "--json"]).ok().json();
    assert!(!queue.to_string().contains("dead"), "{queue}");
    serve.signal("TERM");
}

#[test]
fn a_link_silenced_for_its_channel_is_passed_over_in_emit_and_the_relay() {
    let env = Env::new();
    let server = HttpServer::start();
    bob(&env, &server);
    // The webhook (first, refusing) silenced for bob: the WeCom robot is his first link that delivers.
    silence_bob(&env, "webhook");
    emit_to_bob(&env, "fb-8e");
    let expected = [pair("webhook", "skipped"), pair("wecom-bot", "delivered")];
    assert_eq!(logged(&env, "fb-8e"), expected);
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("fb-8", &["bob"])).0, 202);
    serve.line("fb-8 bob wecom-bot");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(logged(&env, "fb-8"), expected);
    assert!(server.requests_to("/hook").is_empty(), "silenced");
    assert_eq!(server.requests_to("/wecom").len(), 2);
    assert!(server.requests_to("/robot/send").is_empty());
    serve.signal("TERM");
}

//! Escalation end to end against the relay, with a 2 s step: an event nobody acknowledges reaches the
//! step's role; one acknowledged (`notify ack`, `POST /v1/ack/<id>`, the signed `ack_link`) does not.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::serve::{EVENT, Serve, WAIT, event, request, users};
use crate::support::Env;
use crate::support::http::{HttpServer, Recorded};

fn wait_for(server: &HttpServer, path: &str, delivery: &str) -> Recorded {
    let deadline = Instant::now() + WAIT;
    loop {
        let seen = server.requests_to(path);
        if let Some(r) = seen
            .iter()
            .find(|r| r.header("X-Notify-Delivery") == Some(delivery))
        {
            return r.clone();
        }
        assert!(Instant::now() < deadline, "no {delivery} at {path}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The path and query of the ack link in a message body.
fn ack_path(body: &str) -> String {
    let at = body.find("/v1/ack/").expect("an ack link in the message");
    body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_.:?=&".contains(*c))
        .collect()
}

#[test]
fn an_unacknowledged_event_escalates_and_an_acknowledged_one_does_not() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "dave"]);
    env.run(&["user", "modify", "dave", "--role", "dba"]).ok();
    let template = env.path("t.j2");
    std::fs::write(&template, "{{ description }} Ack: {{ ack_link }}").expect("template");
    let template = template.to_str().expect("utf-8 path");
    env.run(&[
        "rule",
        "set",
        EVENT,
        "--escalate",
        "2s:dba",
        "--template",
        template,
    ])
    .ok();
    env.run(&["rule", "show", EVENT])
        .ok()
        .stdout_has("escalates after 2s (dba)");
    let mut serve = Serve::start(&env, &[]);
    for id in ["e-1", "e-2", "e-3", "e-4"] {
        assert_eq!(serve.post(&event(id, &["bob"])).0, 202);
    }
    let mut links = Vec::new();
    for id in ["e-1", "e-2", "e-3", "e-4"] {
        links.push(ack_path(&wait_for(&server, "/bob", id).body_str()));
    }
    assert!(links[2].starts_with("/v1/ack/e-3?sig="), "{}", links[2]);
    // e-2 from the command line, e-3 by its signed link, e-4 over the API; e-1 by nobody.
    env.run(&["ack", "e-2", "--by", "bob"])
        .ok()
        .stderr_has("acknowledged e-2 by bob: 1 escalation step stopped");
    let (status, _) = request(serve.addr, "GET", &links[2], &[], "");
    assert_eq!(status, 200);
    let forged = links[3].replace("e-4", "e-1");
    let (status, _) = request(serve.addr, "GET", &forged, &[], "");
    assert_eq!(
        status, 403,
        "a link signed for e-4 does not acknowledge e-1"
    );
    let by = json!({ "by": "carol" }).to_string();
    let headers = [("Content-Type", "application/json")];
    let (status, answer) = request(serve.addr, "POST", "/v1/ack/e-4", &headers, &by);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["status"], "acknowledged");
    assert_eq!(answer["stopped"], 1);
    // e-1's step fires about 2 s after its planning; the others' would have too.
    wait_for(&server, "/dave", "e-1:esc1");
    serve.line("escalation step 1 (after 2s: dba) of e-1 fired");
    std::thread::sleep(Duration::from_millis(1500));
    let escalated: Vec<String> = server
        .requests_to("/dave")
        .iter()
        .map(|r| r.header("X-Notify-Delivery").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(escalated, ["e-1:esc1"]);
    let shown = env.run(&["log", "--id", "e-1"]);
    shown
        .ok()
        .stderr_has("escalation step 1 (after 2s: dba): fired at");
    let shown = env.run(&["log", "--id", "e-2"]);
    shown
        .ok()
        .stderr_has("escalation step 1 (after 2s: dba): stopped by the ack at")
        .stderr_has("acked by bob at");
    env.run(&["ack", "e-2"])
        .ok()
        .stderr_has("was acknowledged by bob at");
    env.run(&["ack", "nope"])
        .code(1)
        .stderr_has("no event `nope`");
    serve.signal("TERM");
}

#[test]
fn emit_and_template_render_say_that_escalation_needs_serve() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    env.run(&[
        "rule",
        "set",
        EVENT,
        "--escalate",
        "30m:dba",
        "--escalate",
        "2h:admin,ops",
    ])
    .ok();
    let store = env.store_text();
    let steps = r#"escalate]]
after = "30m"
roles = ["dba"]
"#;
    assert!(store.contains(steps), "{store}");
    assert!(store.contains(r#"roles = ["admin", "ops"]"#), "{store}");
    env.run(&["emit", EVENT, "--approver", "bob", "--dry-run"])
        .ok()
        .stderr_has("would escalate after 30m (dba), 2h (admin, ops) while unacknowledged, under `notify serve` only");
    env.run(&["template", "render", EVENT])
        .ok()
        .stderr_has("escalates after 30m (dba), 2h (admin, ops) while unacknowledged");
    env.run(&["rule", "list", "--matrix"])
        .ok()
        .stdout_has("escalates after 30m (dba), 2h (admin, ops)");
    env.run(&["rule", "set", EVENT, "--escalate", "soon:dba"])
        .code(2)
        .stderr_has("soon");
    env.run(&["rule", "set", EVENT, "--no-escalate"]).ok();
    assert!(!env.store_text().contains("escalate"));
    env.run(&["emit", EVENT, "--approver", "bob", "--in", "1s"])
        .ok();
}

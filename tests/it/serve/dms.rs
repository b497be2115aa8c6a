//! `POST /v1/dms`: one notify's webhook relayed by another's serve and delivered through its rules, a DMS
//! hook's target users reached besides the rule's, a body without the DMS header refused.

use super::*;

const JSON: (&str, &str) = ("Content-Type", "application/json");
const HOOK: (&str, &str) = ("DMS-Event", "Message Hook");

#[test]
fn one_notify_send_to_serves_dms_hook_is_delivered_through_its_rules() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["alice", "bob"]);
    let serve = Serve::start(&env, &[]);
    // Another notify, with its own store, sends one ad-hoc webhook to serve.
    let sender = Env::new();
    let url = format!("http://{}/v1/dms", serve.addr);
    sender
        .run(&[
            "send",
            "--webhook",
            &url,
            "--event",
            "ticket.data-change.approved",
            "--submitter",
            "alice",
            "--task-id",
            "7",
            "--message",
            "approved",
        ])
        .ok();
    // The built-in event's default role is the submitter: alice, once.
    let deadline = Instant::now() + WAIT;
    while server.requests_to("/alice").is_empty() {
        assert!(Instant::now() < deadline, "no delivery to alice");
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = server.requests_to("/alice")[0].json();
    let event = &sent["messageEvent"];
    assert_eq!(event["event"], "ticket.data-change.approved", "{sent}");
    assert_eq!(event["submitterUid"], "alice", "{sent}");
    assert_eq!(event["taskId"], "7", "{sent}");
    assert!(
        event["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("approved")),
        "{sent}"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.requests().len(), 1, "bob is not reached");
}

#[test]
fn a_hooks_target_users_are_reached_and_the_header_is_required() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["alice", "bob"]);
    let serve = Serve::start(&env, &[]);
    let body = json!({"messageEvent": {
        "id": "dms-9", "submitterUid": "alice", "category": "ticket", "module": "data-change",
        "event": "approved", "taskId": 9, "message": "ok",
        "targetUsers": [{"uid": "bob", "name": "Bob"}]
    }})
    .to_string();
    let (status, answer) = request(serve.addr, "POST", "/v1/dms", &[JSON], &body);
    assert_eq!(
        (status, answer["field"].as_str()),
        (400, Some("DMS-Event")),
        "{answer}"
    );
    let (status, answer) = request(serve.addr, "POST", "/v1/dms", &[JSON, HOOK], &body);
    assert_eq!(status, 202, "{answer}");
    assert_eq!(answer["id"], "dms-9");
    let want = BTreeSet::from([
        ("/alice".into(), "dms-9".into()),
        ("/bob".into(), "dms-9".into()),
    ]);
    wait_pairs(&server, &want);
    let sent = server.requests_to("/bob")[0].json();
    assert_eq!(
        sent["messageEvent"]["event"], "ticket.data-change.approved",
        "{sent}"
    );
    // An event that is neither built in nor custom: 422 with the nearest ids.
    let unknown = body
        .replace("\"approved\"", "\"approvd\"")
        .replace("dms-9", "dms-10");
    let (status, answer) = request(serve.addr, "POST", "/v1/dms", &[JSON, HOOK], &unknown);
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["nearest"]
            .to_string()
            .contains("ticket.data-change.approved"),
        "{answer}"
    );
}

//! Grouping end to end against the relay: 20 events of one task become one message that says 20,
//! and a group waiting when the relay is killed is sent after the restart.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::serve::{EVENT, Serve, WAIT, users};
use crate::support::Env;
use crate::support::http::HttpServer;

fn grouped_rule(env: &Env, wait: &str) {
    env.run(&[
        "rule",
        "set",
        EVENT,
        "--group-by",
        "task_id",
        "--group-wait",
        wait,
        "--repeat-interval",
        "1h",
    ])
    .ok();
}

fn post_20(serve: &Serve) {
    for n in 1..=20 {
        let event = json!({ "event": EVENT, "id": format!("e-{n}"), "approver": ["bob"],
                            "task_id": "42", "task_name": "Nightly load" });
        assert_eq!(serve.post(&event).0, 202);
    }
}

fn wait_for_one(server: &HttpServer) -> String {
    let deadline = Instant::now() + WAIT;
    while server.requests_to("/bob").is_empty() {
        assert!(Instant::now() < deadline, "no message to bob");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Time for a wrong second message to show.
    std::thread::sleep(Duration::from_millis(800));
    let seen = server.requests_to("/bob");
    assert_eq!(seen.len(), 1, "one message for the group");
    seen[0].body_str()
}

#[test]
fn twenty_events_of_one_task_become_one_message_that_says_20() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    grouped_rule(&env, "2s");
    env.run(&["rule", "show", EVENT])
        .ok()
        .stdout_has("grouped by task_id (wait 2s, repeat 1h)");
    env.run(&["emit", EVENT, "--approver", "bob", "--dry-run"])
        .ok()
        .stderr_has(
            "the rule is grouped by task_id (wait 2s, repeat 1h) under `notify serve` only",
        );
    env.run(&["template", "render", EVENT])
        .ok()
        .stderr_has("grouped by task_id (wait 2s, repeat 1h) under `notify serve`");
    env.run(&["rule", "list", "--matrix"])
        .ok()
        .stdout_has("grouped by task_id");
    let mut serve = Serve::start(&env, &[]);
    post_20(&serve);
    serve.line("grouped into grp-");
    let body = wait_for_one(&server);
    assert!(body.contains("20 events"), "{body}");
    assert!(body.contains("Nightly load (task 42)"), "{body}");
    // Another event of the same task within the repeat interval waits for it.
    let event = json!({ "event": EVENT, "id": "e-21", "approver": ["bob"], "task_id": "42" });
    assert_eq!(serve.post(&event).0, 202);
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(
        server.requests_to("/bob").len(),
        1,
        "not re-sent within the repeat interval"
    );
    serve.signal("TERM");
    env.run(&["rule", "set", EVENT, "--group-wait", "5s"])
        .code(2)
        .stderr_has("--group-by");
    env.run(&["rule", "set", EVENT, "--no-grouping"]).ok();
    assert!(!env.store_text().contains("group"), "{}", env.store_text());
}

#[test]
fn a_template_sees_count_and_events() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let template = env.path("t.j2");
    std::fs::write(
        &template,
        "{{ count }} runs:{% for e in events %} {{ e.task_id }}{% endfor %}",
    )
    .expect("template");
    let template = template.to_str().expect("utf-8 path");
    env.run(&["rule", "set", EVENT, "--template", template])
        .ok();
    grouped_rule(&env, "1s");
    let serve = Serve::start(&env, &[]);
    for n in 1..=3 {
        let event =
            json!({ "event": EVENT, "id": format!("t-{n}"), "approver": ["bob"], "task_id": "42" });
        assert_eq!(serve.post(&event).0, 202);
    }
    let body = wait_for_one(&server);
    assert!(body.contains("3 runs: 42 42 42"), "{body}");
    serve.signal("TERM");
}

#[test]
fn a_group_waiting_at_a_kill_9_is_sent_after_the_restart() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    grouped_rule(&env, "3s");
    let mut serve = Serve::start(&env, &[]);
    post_20(&serve);
    for _ in 1..=20 {
        serve.line("grouped into grp-");
    }
    serve.kill9();
    let serve = Serve::start(&env, &[]);
    let body = wait_for_one(&server);
    assert!(body.contains("20 events"), "{body}");
    serve.signal("TERM");
}

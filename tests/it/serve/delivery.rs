//! What serve delivers: each destination once, retries and their times, dead letters, a store edited meanwhile.

use std::collections::HashSet;

use super::*;

#[test]
fn an_event_posted_is_delivered_to_each_users_webhook_and_a_duplicate_id_once() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "carol"]);
    let serve = Serve::start(&env, &[]);
    let (status, answer) = serve.post(&event("e-1", &["bob", "carol"]));
    assert_eq!(status, 202, "{answer}");
    assert_eq!(
        (answer["id"].as_str(), answer["status"].as_str()),
        (Some("e-1"), Some("queued"))
    );
    assert!(
        answer["due"].as_str().is_some_and(|d| d.ends_with('Z')),
        "{answer}"
    );
    let (status, answer) = serve.post(&event("e-1", &["bob"]));
    assert_eq!(
        (status, answer),
        (200, json!({ "id": "e-1", "status": "duplicate" }))
    );
    let want = BTreeSet::from([
        ("/bob".into(), "e-1".into()),
        ("/carol".into(), "e-1".into()),
    ]);
    wait_pairs(&server, &want);
    // The event's text as emit makes it.
    let body = server.requests_to("/bob")[0].json();
    assert_eq!(body["messageEvent"]["taskId"], "42", "{body}");
    // Recorded in the delivery log like any send, under the event's id.
    let log = env.run(&["log", "--json", "--id", "e-1"]);
    let rows = log.ok().json();
    assert_eq!(rows.as_array().map(Vec::len), Some(2), "{rows}");
    let (status, health) = request(serve.addr, "GET", "/healthz", &[], "");
    assert_eq!(status, 200);
    assert_eq!(health["status"], "ok");
    assert_eq!(
        health["queue"],
        json!({ "due": 0, "scheduled": 0, "in_flight": 0, "dead": 0 })
    );
    // Each destination once, the duplicate queued nothing.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_4xx_is_dead_at_once_and_a_503_is_tried_again() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "carol"]);
    server.always("/bob", Reply::status(400));
    server.reply("/carol", Reply::status(503));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("e-3", &["bob", "carol"])).0, 202);
    serve.line("e-3 bob webhook: dead (attempt 1)");
    serve.line("e-3 carol webhook: retrying (attempt 1)");
    // The first retry comes after 2 s ±20%.
    serve.line("e-3 carol webhook: delivered (attempt 2)");
    assert_eq!(server.requests_to("/bob").len(), 1);
    assert_eq!(server.requests_to("/carol").len(), 2);
    let (_, health) = request(serve.addr, "GET", "/healthz", &[], "");
    assert_eq!(health["queue"]["dead"], 1, "{health}");
    let distinct: HashSet<_> = server
        .requests()
        .iter()
        .map(|r| r.header("X-Notify-Delivery").map(str::to_owned))
        .collect();
    assert_eq!(distinct, HashSet::from([Some("e-3".to_owned())]));
}

#[test]
fn a_retry_comes_due_while_new_events_keep_arriving() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "carol"]);
    server.reply("/carol", Reply::status(503));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("late-1", &["carol"])).0, 202);
    serve.line("late-1 carol webhook: retrying (attempt 1)");
    // An event for bob every 50 ms meanwhile, each handed straight to a free worker: the retry (due
    // 2 s ±20% later) must not wait for a pause in them.
    let stop = Arc::new(AtomicBool::new(false));
    let stream = {
        let (addr, stop) = (serve.addr, Arc::clone(&stop));
        std::thread::spawn(move || {
            let until = Instant::now() + Duration::from_secs(20);
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                if Instant::now() > until {
                    return false;
                }
                let body = event(&format!("steady-{n}"), &["bob"]).to_string();
                let json = [("Content-Type", "application/json")];
                assert_eq!(request(addr, "POST", "/v1/events", &json, &body).0, 202);
                n += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            true
        })
    };
    serve.line("late-1 carol webhook: delivered (attempt 2)");
    stop.store(true, Ordering::SeqCst);
    assert!(
        stream.join().expect("the posting thread"),
        "the retry waited until new events stopped coming"
    );
}

#[test]
fn a_store_edited_while_serve_runs_takes_effect_for_the_next_event() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("before", &["bob"])).0, 202);
    server.wait_for(1, WAIT);
    let moved = format!("webhook.url={}", server.url("/bob-moved"));
    env.run(&["user", "modify", "bob", "--set", &moved]).ok();
    assert_eq!(serve.post(&event("after", &["bob"])).0, 202);
    let want = BTreeSet::from([
        ("/bob".to_owned(), "before".to_owned()),
        ("/bob-moved".to_owned(), "after".to_owned()),
    ]);
    wait_pairs(&server, &want);
}

#[test]
fn a_retry_after_later_than_the_backoff_sets_the_next_attempt() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["carol"]);
    server.reply("/carol", Reply::status(503).header("Retry-After", "30"));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("slow-1", &["carol"])).0, 202);
    serve.line("slow-1 carol webhook: retrying (attempt 1)");
    let listed = env.run(&["queue", "--json"]).ok().json();
    let time =
        |k: &str| notify::log::time::parse_rfc3339(listed[0][k].as_str().unwrap_or_default());
    let (received, due) = (
        time("received").expect("received"),
        time("due").expect("due"),
    );
    // The backoff alone would wait 2 s ±20%.
    assert!(due - received >= 29_000, "{listed}");
    assert_eq!(listed[0]["last_error"], "503: Service Unavailable");
}

#[test]
fn max_attempts_gives_a_failing_destination_up() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["carol"]);
    server.always("/carol", Reply::status(503));
    let mut serve = Serve::start(&env, &["--max-attempts", "1"]);
    assert_eq!(serve.post(&event("give-up-1", &["carol"])).0, 202);
    serve.line("give-up-1 carol webhook: dead (attempt 1)");
    let (_, health) = request(serve.addr, "GET", "/healthz", &[], "");
    assert_eq!(
        health["queue"],
        json!({ "due": 0, "scheduled": 0, "in_flight": 0, "dead": 1 })
    );
    // Dead is not waiting.
    assert_eq!(env.run(&["queue", "--json"]).ok().json(), json!([]));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn json_logs_say_each_request_and_outcome_as_one_object_per_line() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let mut serve = Serve::start(&env, &["--json-logs"]);
    assert_eq!(serve.post(&event("j-1", &["bob"])).0, 202);
    let line = serve.line("\"kind\":\"delivery\"");
    let doc: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(doc["id"], "j-1");
    assert_eq!(doc["recipient"], "bob");
    assert_eq!(doc["outcome"], "delivered");
    assert!(
        doc["time"].as_str().is_some_and(|t| t.ends_with('Z')),
        "{doc}"
    );
    // Every line so far is one JSON object: the listening line and the request line too.
    for seen in &serve.seen {
        let doc: Value = serde_json::from_str(seen).unwrap_or_else(|e| panic!("{e}: {seen}"));
        assert!(
            doc["kind"].is_string() && doc["message"].is_string(),
            "{seen}"
        );
    }
    assert!(
        serve
            .seen
            .iter()
            .any(|l| l.contains("\"kind\":\"request\"")),
        "{:?}",
        serve.seen
    );
}

/// Users whose DingTalk group robots are at `/<name>-robot/send` on `server`.
fn robots(env: &Env, server: &HttpServer, names: &[&str]) {
    for name in names {
        let url = server.url(&format!("/{name}-robot/send?access_token=t-{name}"));
        env.run(&[
            "user",
            "modify",
            name,
            "--create",
            "--set",
            &format!("dingtalk-bot.webhook={url}"),
            "--enable",
            "dingtalk-bot",
        ])
        .ok();
    }
}

#[test]
fn a_vendors_permanent_code_in_an_http_200_is_dead_at_once_and_its_rate_limit_is_retried() {
    let env = Env::new();
    let server = HttpServer::start();
    robots(&env, &server, &["bob", "carol"]);
    server.always(
        "/bob-robot/send",
        Reply::json(
            200,
            r#"{"errcode":310000,"errmsg":"keywords not in content"}"#,
        ),
    );
    server.reply(
        "/carol-robot/send",
        Reply::json(200, r#"{"errcode":130101,"errmsg":"send too fast"}"#),
    );
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("vendor-1", &["bob", "carol"])).0, 202);
    let dead = serve.line("vendor-1 bob dingtalk-bot: dead (attempt 1)");
    assert!(dead.contains("keyword"), "{dead}");
    serve.line("vendor-1 carol dingtalk-bot: retrying (attempt 1)");
    serve.line("vendor-1 carol dingtalk-bot: delivered (attempt 2)");
    assert_eq!(server.requests_to("/bob-robot/send").len(), 1);
    assert_eq!(server.requests_to("/carol-robot/send").len(), 2);
    let listed = env.run(&["log", "--json", "--id", "vendor-1"]).ok().json();
    let bob: Vec<&Value> = listed
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["recipient"] == "bob")
        .collect();
    assert!(
        bob.iter().any(|r| r["outcome"] == "dead"
            && r["error_message"]
                .as_str()
                .is_some_and(|m| m.starts_with("310000"))),
        "{listed}"
    );
}

#[test]
fn workers_count_attempts_in_flight_not_events() {
    let env = Env::new();
    let server = HttpServer::start();
    let names = ["bob", "carol", "dave"];
    users(&env, &server, &names);
    for name in names {
        let slow = Reply::status(200).delay(Duration::from_millis(700));
        server.always(&format!("/{name}"), slow);
    }
    let _serve = Serve::start(&env, &["--workers", "1"]);
    assert_eq!(_serve.post(&event("one-at-a-time", &names)).0, 202);
    // One event, three destinations: with one worker they go one after another, not three at once.
    server.wait_for(1, WAIT);
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(
        server.requests().len(),
        1,
        "{:?}",
        pairs(&server.requests())
    );
    let want = names
        .iter()
        .map(|n| (format!("/{n}"), "one-at-a-time".to_owned()))
        .collect();
    wait_pairs(&server, &want);
}

#[test]
fn retry_while_serve_runs_queues_the_dead_again_for_serve_to_send() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "carol"]);
    server.reply("/bob", Reply::status(400));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("dead-1", &["bob", "carol"])).0, 202);
    serve.line("dead-1 bob webhook: dead (attempt 1)");
    serve.line("dead-1 carol webhook: delivered (attempt 1)");
    // bob's endpoint is fixed; a person retries while serve runs.
    let retried = env.run(&["retry"]);
    retried
        .ok()
        .stdout_has("dead-1 bob webhook: re-queued")
        .stderr_has("re-queued 1 dead delivery for the notify serve on this log (process ");
    // Serve sends it, its attempts counted afresh; retry itself sent nothing.
    serve.line("dead-1 bob webhook: delivered (attempt 1)");
    assert_eq!(server.requests_to("/bob").len(), 2);
    assert_eq!(server.requests_to("/carol").len(), 1);
    let (_, health) = request(serve.addr, "GET", "/healthz", &[], "");
    assert_eq!(health["queue"]["dead"], 0, "{health}");
    // Nothing is dead any more: a second retry has nothing to do.
    env.run(&["retry"]).ok().stderr_has("nothing to retry");
}

#[test]
fn retry_without_a_serve_sends_the_dead_itself_and_they_are_dead_no_more() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    server.reply("/bob", Reply::status(400));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("dead-2", &["bob"])).0, 202);
    serve.line("dead-2 bob webhook: dead (attempt 1)");
    serve.signal("TERM");
    assert_eq!(serve.exit_code(), 0);
    env.run(&["retry"]).ok().stdout_has("delivered");
    assert_eq!(server.requests_to("/bob").len(), 2);
    let dead = env
        .run(&["log", "--json", "--id", "dead-2", "--outcome", "dead"])
        .ok()
        .json();
    assert_eq!(dead, json!([]));
}

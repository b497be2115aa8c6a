//! `emit --at/--in`, `notify queue` and `notify cancel` against a serve's queue.

use super::*;

#[test]
fn emit_at_or_in_queues_for_serve_and_queue_and_cancel_see_it() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let emit = |id: &str, when: &[&str]| {
        let mut args = vec!["emit", EVENT, "--approver", "bob", "--id", id];
        args.extend_from_slice(when);
        env.run(&args)
    };
    emit("later-1", &["--in", "1h"])
        .ok()
        .stdout_has("later-1\n");
    emit("later-1", &["--in", "1h"])
        .code(1)
        .stderr_has("event later-1 is in the queue already");
    emit("past-1", &["--at", "2000-01-01T00:00:00Z"]).ok();
    let listed = env.run(&["queue", "--json"]).ok().json();
    let states: Vec<_> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap_or_default(),
                r["state"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(states, [("past-1", "due"), ("later-1", "scheduled")]);
    env.run(&["cancel", "later-1"]).ok();
    env.run(&["cancel", "later-1"])
        .code(1)
        .stderr_has("event later-1 no longer waits")
        .stderr_has("hint: `notify log --id later-1`");
    env.run(&["cancel", "nope"])
        .code(1)
        .stderr_has("no event `nope` in the queue");
    // Nothing was sent by emit itself: a serve on the same log sends what is due, and only that.
    assert!(server.requests().is_empty());
    let _serve = Serve::start(&env, &[]);
    wait_pairs(
        &server,
        &BTreeSet::from([("/bob".to_owned(), "past-1".to_owned())]),
    );
    // Recorded just after the answer: the queue empties.
    let deadline = Instant::now() + WAIT;
    while env.run(&["queue", "--json"]).ok().json() != json!([]) {
        assert!(Instant::now() < deadline, "past-1 still waits");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn log_shows_a_retrying_delivery_queued_with_its_next_attempt_and_a_refused_one_dead() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "carol"]);
    server.always("/bob", Reply::status(400));
    server.always("/carol", Reply::status(503));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("e-5", &["bob", "carol"])).0, 202);
    serve.line("e-5 bob webhook: dead (attempt 1)");
    serve.line("e-5 carol webhook: retrying (attempt 1)");
    let rows = |outcome: &str| {
        let listed = env
            .run(&["log", "--json", "--id", "e-5", "--outcome", outcome])
            .ok()
            .json();
        listed.as_array().cloned().unwrap_or_default()
    };
    let queued = rows("queued");
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert_eq!(
        (
            queued[0]["recipient"].as_str(),
            queued[0]["outcome"].as_str()
        ),
        (Some("carol"), Some("queued"))
    );
    assert!(
        queued[0]["next_attempt"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z')),
        "{queued:?}"
    );
    assert!(
        queued[0]["error_message"]
            .as_str()
            .is_some_and(|e| e.contains("503")),
        "{queued:?}"
    );
    let dead = rows("dead");
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(
        (dead[0]["recipient"].as_str(), dead[0]["outcome"].as_str()),
        (Some("bob"), Some("dead"))
    );
    assert_eq!(dead[0]["next_attempt"], Value::Null, "{dead:?}");
    assert!(
        dead[0]["error_message"]
            .as_str()
            .is_some_and(|e| e.contains("400")),
        "{dead:?}"
    );
    // Without --outcome: each destination once, in the queue's state (its failed attempt is not
    // listed beside it); --all-attempts adds the attempts the log recorded.
    let latest = env.run(&["log", "--id", "e-5"]);
    latest.ok();
    for word in ["queued", "dead", "next attempt"] {
        assert!(latest.stdout.contains(word), "{word}: {}", latest.stdout);
    }
    assert!(!latest.stdout.contains("failed"), "{}", latest.stdout);
    let listed = env.run(&["log", "--json", "--id", "e-5"]).ok().json();
    assert_eq!(listed.as_array().map(Vec::len), Some(2), "{listed}");
    let all = env.run(&["log", "--id", "e-5", "--all-attempts"]);
    all.ok();
    for word in ["queued", "dead", "failed", "next attempt"] {
        assert!(all.stdout.contains(word), "{word}: {}", all.stdout);
    }
    // A delivered destination is neither.
    let delivered = env
        .run(&["log", "--json", "--outcome", "delivered"])
        .ok()
        .json();
    assert_eq!(delivered, json!([]));
}

#[test]
fn log_shows_an_event_no_worker_planned_yet_as_one_queued_row_due_when_it_is() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    env.run(&[
        "emit",
        EVENT,
        "--approver",
        "bob",
        "--id",
        "soon-1",
        "--in",
        "1h",
    ])
    .ok();
    let listed = env.run(&["log", "--json", "--id", "soon-1"]).ok().json();
    let rows = listed.as_array().expect("a list");
    assert_eq!(rows.len(), 1, "{listed}");
    assert_eq!(
        (rows[0]["outcome"].as_str(), rows[0]["event"].as_str()),
        (Some("queued"), Some(EVENT))
    );
    let waiting = env.run(&["queue", "--json"]).ok().json();
    assert_eq!(rows[0]["next_attempt"], waiting[0]["due"], "{listed}");
    env.run(&["log", "--outcome", "queued"])
        .ok()
        .stdout_has("soon-1")
        .stdout_has("next attempt");
    // Nobody is known before the store is read when it is due.
    assert!(
        env.run(&["log", "--json", "--recipient", "bob"])
            .ok()
            .json()
            .as_array()
            .is_some_and(Vec::is_empty)
    );
}

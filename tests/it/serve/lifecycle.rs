//! How serve starts and stops: refusals at start, kill -9 and SIGTERM with restarts, a second signal.

use super::*;

#[test]
fn a_non_loopback_bind_without_a_token_is_refused() {
    let env = Env::new();
    env.run(&["serve", "--bind", "0.0.0.0:0"])
        .code(2)
        .stderr_has("refusing to serve on 0.0.0.0:0 without authentication")
        .stderr_has("hint: pass --auth-token-env VAR");
}

#[test]
fn a_second_serve_on_the_same_log_is_refused_naming_the_first() {
    let env = Env::new();
    let serve = Serve::start(&env, &[]);
    env.run(&["serve", "--bind", "127.0.0.1:0"])
        .code(1)
        .stderr_has(&format!(
            "another notify serve (process {}) owns the delivery log",
            serve.child.id()
        ))
        .stderr_has("hint: stop that serve first");
}

#[test]
fn kill_9_after_a_burst_of_202s_loses_nothing_accepted() {
    let env = Env::new();
    let server = HttpServer::start();
    let names = ["u1", "u2", "u3"];
    users(&env, &server, &names);
    for name in names {
        server.always(
            &format!("/{name}"),
            Reply::status(200).delay(Duration::from_millis(200)),
        );
    }
    let serve = Serve::start(&env, &["--workers", "4"]);
    let mut want = BTreeSet::new();
    for i in 0..15 {
        let id = format!("burst-{i}");
        assert_eq!(serve.post(&event(&id, &names)).0, 202);
        for name in names {
            want.insert((format!("/{name}"), id.clone()));
        }
    }
    serve.kill9();
    let before = server.requests().len();
    assert!(
        before < want.len(),
        "all {before} delivered before the kill: nothing to prove"
    );
    let _again = Serve::start(&env, &["--workers", "4"]);
    let seen = wait_pairs(&server, &want);
    // A request in flight at the kill (4 workers, each on one event of 3 destinations) may come again:
    // the receiver de-duplicates on (path, X-Notify-Delivery). Nothing else comes twice.
    assert!(
        seen.len() <= want.len() + 4 * names.len(),
        "{} requests for {} destinations",
        seen.len(),
        want.len()
    );
    for pair in &want {
        let times = seen
            .iter()
            .filter(|r| pairs(std::slice::from_ref(r)).contains(pair))
            .count();
        assert!(times <= 2, "{pair:?} seen {times} times");
    }
}

#[test]
fn a_concurrent_burst_with_repeated_ids_answers_each_id_once_202_and_kill_9_keeps_every_202() {
    let env = Env::new();
    let serve = Serve::start(&env, &[]);
    let addr = serve.addr;
    // 16 clients at once, two of them posting each id: the committer groups them in shared commits.
    let clients: Vec<_> = (0..16)
        .map(|c| {
            std::thread::spawn(move || {
                (0..25)
                    .map(|i| {
                        let id = format!("burst-{}-{i}", c / 2);
                        let body = json!({ "event": EVENT, "id": id, "in": "1h" });
                        let headers = [("Content-Type", "application/json")];
                        let (status, answer) =
                            request(addr, "POST", "/v1/events", &headers, &body.to_string());
                        (id, status, answer["status"].as_str().map(str::to_owned))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut answers: Vec<(String, u16, Option<String>)> = Vec::new();
    for client in clients {
        answers.extend(client.join().expect("a client"));
    }
    serve.kill9();
    let ids: BTreeSet<&str> = answers.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids.len(), 200);
    for id in &ids {
        let mut got: Vec<(u16, Option<&str>)> = answers
            .iter()
            .filter(|(i, _, _)| i == id)
            .map(|(_, status, text)| (*status, text.as_deref()))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [(200, Some("duplicate")), (202, Some("queued"))],
            "{id}"
        );
    }
    let listed = env.run(&["queue", "--json"]).ok().json();
    let queued: BTreeSet<&str> = listed
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(queued, ids, "every 202 is in the queue after kill -9");
}

#[test]
fn sigterm_finishes_what_is_in_flight_answers_503_and_a_restart_delivers_the_rest() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    server.always("/bob", Reply::status(200).delay(Duration::from_secs(2)));
    let mut serve = Serve::start(&env, &["--workers", "1"]);
    let mut want = BTreeSet::new();
    for i in 0..4 {
        let id = format!("term-{i}");
        assert_eq!(serve.post(&event(&id, &["bob"])).0, 202);
        want.insert(("/bob".to_owned(), id));
    }
    server.wait_for(1, WAIT);
    serve.signal("TERM");
    serve.line("stopping: new events get 503");
    let (status, _) = serve.post(&event("late", &["bob"]));
    assert_eq!(status, 503);
    assert_eq!(serve.exit_code(), 0, "{:?}", serve.seen);
    let delivered = server.requests().len();
    assert!(
        delivered < want.len(),
        "everything was sent before the stop"
    );
    drop(serve);
    server.always("/bob", Reply::status(200));
    let _again = Serve::start(&env, &[]);
    let seen = wait_pairs(&server, &want);
    assert_eq!(seen.len(), want.len(), "a destination was sent twice");
}

#[test]
fn a_second_signal_exits_130_at_once_and_a_port_in_use_exits_1() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    server.always("/bob", Reply::status(200).delay(Duration::from_secs(10)));
    let mut serve = Serve::start(&env, &[]);
    let other = env.path("other.db");
    let bind = serve.addr.to_string();
    env.run(&[
        "serve",
        "--log",
        other.to_str().expect("path"),
        "--bind",
        &bind,
    ])
    .code(1)
    .stderr_has(&format!("cannot listen on {bind}"))
    .stderr_has("hint: another program is using that port");
    assert_eq!(serve.post(&event("slow-2", &["bob"])).0, 202);
    server.wait_for(1, WAIT);
    serve.signal("TERM");
    serve.line("stopping:");
    serve.signal("INT");
    assert_eq!(serve.exit_code(), 130);
    // The queue is the truth: the event still waits for the next start.
    let waiting = env.run(&["queue", "--json"]).ok().json();
    assert_eq!(waiting[0]["id"], "slow-2", "{waiting}");
}

#[test]
fn sighup_reads_the_store_at_once_and_says_when_it_does_not_load() {
    let env = Env::new();
    let mut serve = Serve::start(&env, &[]);
    env.write_store("version = 1\n[[[broken");
    serve.signal("HUP");
    // Said without waiting for an event to need the store; the last good one stays in use.
    serve.line("the store changed but does not load; the last good one stays in use");
    assert_eq!(serve.post(&event("hup-1", &["bob"])).0, 202);
    serve.signal("TERM");
    assert_eq!(serve.exit_code(), 0);
}

//! `notify serve` end to end: the real binary on a free loopback port, events posted over raw HTTP,
//! users' webhooks on the test's HTTP server, real signals (SIGTERM, SIGKILL) and restarts.

use std::collections::{BTreeSet, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::Env;
use crate::support::http::{HttpServer, Recorded, Reply};

/// The longest any step may take before the test gives up (the machine may be busy building).
const WAIT: Duration = Duration::from_secs(30);
const EVENT: &str = "ticket.data-change.pending-approval";

/// A running `notify serve`, its stderr collected line by line.
struct Serve {
    child: Child,
    addr: SocketAddr,
    stderr: Receiver<String>,
    seen: Vec<String>,
}

impl Serve {
    fn start(env: &Env, extra: &[&str]) -> Serve {
        let mut args = vec!["serve", "--bind", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let mut child = env.command(&args).spawn().expect("spawn notify serve");
        let (tx, stderr) = mpsc::channel();
        let pipe = child.stderr.take().expect("piped stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut serve = Serve {
            child,
            addr: "127.0.0.1:1".parse().expect("addr"),
            stderr,
            seen: Vec::new(),
        };
        let line = serve.line("listening on http://");
        serve.addr = line["listening on http://".len()..]
            .parse()
            .unwrap_or_else(|_| panic!("no address in {line:?}"));
        assert_ne!(serve.addr.port(), 0);
        serve
    }

    /// Waits for a stderr line containing `needle`.
    fn line(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) if line.contains(needle) => {
                    self.seen.push(line.clone());
                    return line;
                }
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("no stderr line with {needle:?}; so far: {:?}", self.seen),
            }
        }
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// Waits for the exit and returns its code.
    fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll notify serve") {
                return status.code().unwrap_or(-1);
            }
            assert!(
                Instant::now() < deadline,
                "serve did not exit: {:?}",
                self.seen
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn kill9(mut self) {
        self.signal("KILL");
        let _ = self.child.wait();
    }

    fn post(&self, body: &Value) -> (u16, Value) {
        request(
            self.addr,
            "POST",
            "/v1/events",
            &[("Content-Type", "application/json")],
            &body.to_string(),
        )
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request on its own connection; the status and the JSON answer.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).expect("connect to serve");
    stream.set_read_timeout(Some(WAIT)).expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    stream
        .write_all(format!("{head}\r\n{body}").as_bytes())
        .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    let status = answer[9..12].parse().unwrap_or_else(|_| panic!("{answer}"));
    let json = answer
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, json)
}

/// Users with enabled webhooks at `/<name>` on `server`.
fn users(env: &Env, server: &HttpServer, names: &[&str]) {
    for name in names {
        env.run(&["user", "add", name]).ok();
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
}

fn event(id: &str, approvers: &[&str]) -> Value {
    json!({ "event": EVENT, "id": id, "approver": approvers, "task_id": "42" })
}

/// The distinct (path, X-Notify-Delivery) pairs the receiver saw.
fn pairs(requests: &[Recorded]) -> BTreeSet<(String, String)> {
    requests
        .iter()
        .map(|r| {
            (
                r.path.clone(),
                r.header("X-Notify-Delivery").unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Waits until the receiver saw `want` distinct pairs.
fn wait_pairs(server: &HttpServer, want: &BTreeSet<(String, String)>) -> Vec<Recorded> {
    let deadline = Instant::now() + WAIT;
    loop {
        let seen = server.requests();
        if pairs(&seen) == *want || Instant::now() > deadline {
            assert_eq!(pairs(&seen), *want);
            return seen;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

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
fn intake_answers_name_what_is_wrong() {
    let mut env = Env::new();
    env.set_env("TOKEN", "s3cret-token");
    let serve = Serve::start(&env, &["--auth-token-env", "TOKEN"]);
    let json = [("Content-Type", "application/json")];
    let good = event("e-2", &["bob"]).to_string();
    let post = |headers: &[(&str, &str)], body: &str| {
        request(serve.addr, "POST", "/v1/events", headers, body)
    };
    let (status, answer) = post(&json, &good);
    assert_eq!(status, 401, "{answer}");
    assert!(!answer.to_string().contains("s3cret"));
    let auth = [
        ("Content-Type", "application/json"),
        ("Authorization", "Bearer s3cret-token"),
    ];
    assert_eq!(
        post(&[("Authorization", "Bearer s3cret-token")], &good).0,
        415
    );
    let (status, answer) = post(&auth, r#"{"event": "x.y.z", "colour": "red"}"#);
    assert_eq!(
        (status, answer["field"].as_str()),
        (400, Some("colour")),
        "{answer}"
    );
    let (status, answer) = post(&auth, &event("not an id", &[]).to_string());
    assert_eq!(
        (status, answer["field"].as_str()),
        (400, Some("id")),
        "{answer}"
    );
    let (status, answer) = post(&auth, r#"{"event": "ticket.data-change.pending-aproval"}"#);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["nearest"], json!([EVENT]));
    assert_eq!(post(&auth, &good).0, 202);
    assert_eq!(request(serve.addr, "GET", "/v1/events", &auth, "").0, 405);
    assert_eq!(request(serve.addr, "GET", "/v1/nothing", &auth, "").0, 404);
    let big = format!(
        r#"{{"event": "{EVENT}", "message": "{}"}}"#,
        "a".repeat(1024 * 1024)
    );
    assert_eq!(post(&auth, &big).0, 413);
    // Health needs no token.
    assert_eq!(request(serve.addr, "GET", "/healthz", &[], "").0, 200);
}

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
fn a_4xx_is_dead_at_once_and_a_503_is_tried_again() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "carol"]);
    server.always("/bob", Reply::status(400));
    server.reply("/carol", Reply::status(503));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("e-3", &["bob", "carol"])).0, 202);
    serve.line("e-3 bob webhook: dead (attempt 1): HTTP 400");
    serve.line("e-3 carol webhook: retrying (attempt 1): HTTP 503");
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
    assert_eq!(listed[0]["last_error"], "HTTP 503: ");
}

#[test]
fn max_attempts_gives_a_failing_destination_up() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["carol"]);
    server.always("/carol", Reply::status(503));
    let mut serve = Serve::start(&env, &["--max-attempts", "1"]);
    assert_eq!(serve.post(&event("give-up-1", &["carol"])).0, 202);
    serve.line("give-up-1 carol webhook: dead (attempt 1): HTTP 503");
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
fn a_batch_answers_each_event_in_order_and_queues_the_good_ones() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("b-old", &["bob"])).0, 202);
    let batch = json!({ "events": [
        event("b-1", &["bob"]),
        event("b-old", &["bob"]),
        { "event": "ticket.nothing.pending-approval", "id": "b-2" },
        { "event": EVENT, "id": "not an id" },
    ]});
    let post = |body: &Value| {
        request(
            serve.addr,
            "POST",
            "/v1/events/batch",
            &[("Content-Type", "application/json")],
            &body.to_string(),
        )
    };
    let (status, answer) = post(&batch);
    assert_eq!(status, 200, "{answer}");
    let answers = answer["events"].as_array().expect("events");
    assert_eq!(answers.len(), 4, "{answer}");
    assert_eq!(
        (answers[0]["id"].as_str(), answers[0]["status"].as_str()),
        (Some("b-1"), Some("queued"))
    );
    assert_eq!(answers[1], json!({ "id": "b-old", "status": "duplicate" }));
    assert!(
        answers[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("no event")),
        "{answer}"
    );
    assert_eq!(answers[3]["field"], "id", "{answer}");
    let want = BTreeSet::from([
        ("/bob".to_owned(), "b-old".to_owned()),
        ("/bob".to_owned(), "b-1".to_owned()),
    ]);
    wait_pairs(&server, &want);
    let many: Vec<Value> = (0..1001)
        .map(|i| event(&format!("m-{i}"), &["bob"]))
        .collect();
    let (status, answer) = post(&json!({ "events": many }));
    assert_eq!(status, 413, "{answer}");
    assert_eq!(post(&json!({ "events": [] })).0, 400);
    assert!(
        env.run(&["queue", "--json"])
            .ok()
            .json()
            .as_array()
            .is_some_and(|q| q.len() <= 1)
    );
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

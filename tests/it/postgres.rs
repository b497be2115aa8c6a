//! `--log postgres://...`: the delivery log in a real PostgreSQL 15 (the tests' private cluster), written
//! by one process and read by others, with `--id`, `notify retry` and no password in any output.

use serde_json::Value;

use crate::support::http::{HttpServer, Reply};
use crate::support::postgres::{self, PASSWORD};
use crate::support::{Env, Run};

/// alice and bob, each with a webhook on `server`; bob's path answers 500 until told otherwise.
fn team(url: &str) -> (HttpServer, Env) {
    let server = HttpServer::start();
    let env = env_on(url);
    for (user, path) in [("alice", "/alice"), ("bob", "/bob")] {
        env.run(&[
            "user",
            "modify",
            user,
            "--create",
            "--set",
            &format!("webhook.url={}", server.url(path)),
            "--enable",
            "webhook",
        ])
        .ok();
    }
    server.always("/alice", Reply::json(200, "{}"));
    server.always("/bob", Reply::json(500, "{}"));
    (server, env)
}

/// The key every replica signs ack links with (NOTIFY_ACK_KEY), not a secret of the tests'.
pub const ACK_KEY: &str = "replicas-share-this-ack-key";

/// A user's environment on the database `url`, with the ack link key replicas share.
fn replicas_env(url: &str) -> Env {
    let mut env = env_on(url);
    env.set_env("NOTIFY_ACK_KEY", ACK_KEY);
    env
}

/// A user's environment on the database `url` (nothing else set).
fn env_on(url: &str) -> Env {
    let mut env = Env::new();
    env.set_env("NOTIFY_LOG", url);
    env
}

/// Replicas' environment on a fresh database of `pg`, with `names` each holding a webhook on a new
/// receiver (`/NAME`, see `serve::users`).
fn replicas_with(pg: &postgres::Postgres, names: &[&str]) -> (Env, HttpServer) {
    let env = replicas_env(&pg.fresh_database());
    let server = HttpServer::start();
    crate::serve::users(&env, &server, names);
    (env, server)
}

fn no_password(run: &Run) {
    assert!(!run.stdout.contains(PASSWORD), "{}", run.stdout);
    run.stderr_lacks(PASSWORD);
}

fn outcomes(run: &Run, field: &str) -> Vec<(String, String)> {
    let report = run.json();
    let rows = match field {
        "" => report.as_array().cloned().unwrap_or_default(),
        f => report[f].as_array().cloned().unwrap_or_default(),
    };
    let mut out: Vec<(String, String)> = rows
        .iter()
        .map(|r: &Value| {
            let s = |f: &str| r[f].as_str().unwrap_or_default().to_owned();
            (s("recipient"), s("outcome"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn sends_are_logged_in_postgres_read_by_other_processes_and_retried() {
    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (server, env) = team(&pg.fresh_database());
    let send = ["send", "--json", "--retries", "0", "--message", "disk full"];
    let to = ["--to", "alice", "--to", "bob", "--id", "ticket-42"];
    let first = env.run(&[&send[..], &to[..]].concat());
    first.code(3);
    no_password(&first);

    // Another process reads what the first wrote; no SQLite file was made.
    let log = env.run(&["log", "--json", "--id", "ticket-42"]);
    log.ok();
    no_password(&log);
    assert_eq!(
        outcomes(&log, ""),
        [
            ("alice".into(), "delivered".into()),
            ("bob".into(), "failed".into())
        ]
    );
    assert!(
        !env.log_path().exists(),
        "nothing written to the default file"
    );

    // retry sends only bob's, once the receiver is back.
    server.always("/bob", Reply::json(200, "{}"));
    let retry = env.run(&["retry", "--json", "--retries", "0"]);
    retry.ok();
    no_password(&retry);
    assert_eq!(
        outcomes(&retry, "deliveries"),
        [("bob".into(), "delivered".into())]
    );
    assert_eq!(server.requests_to("/alice").len(), 1);
    assert_eq!(server.requests_to("/bob").len(), 2);

    // The same id again delivers nothing twice.
    let again = env.run(&[&send[..], &to[..]].concat());
    again.ok();
    assert_eq!(
        outcomes(&again, "deliveries"),
        [
            ("alice".into(), "skipped".into()),
            ("bob".into(), "skipped".into())
        ]
    );
    assert_eq!(server.requests_to("/alice").len(), 1);
    assert_eq!(server.requests_to("/bob").len(), 2);
}

#[test]
fn a_refused_login_shows_the_url_with_its_password_masked() {
    let Some(pg) = postgres::cluster() else {
        return;
    };
    let url = pg.fresh_database().replace(PASSWORD, "not-the-password");
    let env = env_on(&url);
    let run = env.run(&["log"]);
    run.code(1);
    run.stderr_lacks("not-the-password");
    run.stderr_has(&format!(
        "error: cannot connect to the delivery log postgres://notify:***@127.0.0.1:{}/",
        pg.port
    ))
    .stderr_has("password authentication failed")
    .stderr_has("hint: check the user and the password");
}

#[test]
fn the_password_can_come_from_pgpassword() {
    let Some(pg) = postgres::cluster() else {
        return;
    };
    let url = pg.fresh_database().replace(&format!(":{PASSWORD}@"), "@");
    let mut env = env_on(&url);
    env.run(&["log"]).code(1).stderr_has("password");
    env.set_env("PGPASSWORD", PASSWORD);
    env.run(&["log"])
        .ok()
        .stderr_has("no delivery recorded yet");
}

#[test]
fn two_serve_replicas_share_one_queue_and_deliver_each_destination_once() {
    use std::collections::BTreeSet;

    use crate::serve::{Serve, event, wait_pairs};

    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (env, server) = replicas_with(pg, &["bob", "carol"]);
    let replicas = [Serve::start(&env, &[]), Serve::start(&env, &[])];
    let mut want = BTreeSet::new();
    for n in 0..20 {
        let id = format!("e-{n}");
        let (status, answer) = replicas[n % 2].post(&event(&id, &["bob", "carol"]));
        assert_eq!(status, 202, "{answer}");
        want.insert(("/bob".to_owned(), id.clone()));
        want.insert(("/carol".to_owned(), id));
    }
    // An id either replica holds already is a duplicate at the other.
    let (status, _) = replicas[1].post(&event("e-0", &["bob"]));
    assert_eq!(status, 200);
    wait_pairs(&server, &want);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(server.requests().len(), 40, "each destination once");
    let log = env.run(&["log", "--json", "--limit", "1000"]);
    no_password(&log);
    let rows = log.ok().json();
    assert_eq!(rows.as_array().map(Vec::len), Some(40), "{rows}");
    let queue = env.run(&["queue", "--json"]);
    assert_eq!(queue.ok().json(), serde_json::json!([]));
}

#[test]
fn sslmode_require_speaks_tls_checked_against_the_ca() {
    let Some(pg) = postgres::cluster() else {
        return;
    };
    let url = format!("{}?sslmode=require", pg.fresh_database());
    let mut env = env_on(&url);
    // The server's certificate comes from a private CA: not trusted until NOTIFY_CA_FILE names it.
    let refused = env.run(&["log"]);
    refused.code(1);
    no_password(&refused);
    refused
        .stderr_has("error: cannot connect to the delivery log postgres://notify:***@127.0.0.1")
        .stderr_has("certificate");
    env.set_env("NOTIFY_CA_FILE", pg.ca_file().to_str().expect("utf-8"));
    env.run(&["log"])
        .ok()
        .stderr_has("no delivery recorded yet");
}

#[test]
fn emit_queue_cancel_prune_and_doctor_work_on_postgres() {
    use crate::serve::EVENT;

    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (env, _server) = replicas_with(pg, &["bob"]);
    let emit = |id: &str| env.run(&["emit", EVENT, "--approver", "bob", "--id", id, "--in", "1h"]);
    emit("later-1").ok().stdout_has("later-1\n");
    emit("later-2").ok();
    emit("later-1")
        .code(1)
        .stderr_has("event later-1 is in the queue already");
    let queue = env.run(&["queue", "--json"]);
    let ids: Vec<String> = queue
        .ok()
        .json()
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|w| w["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(ids, ["later-1", "later-2"]);
    env.run(&["cancel", "later-1"]).ok();
    env.run(&["cancel", "later-1"])
        .code(1)
        .stderr_has("no longer waits");
    assert_eq!(
        env.run(&["queue", "--json"])
            .ok()
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    let prune = env.run(&["log", "prune", "--older-than", "30d"]);
    no_password(&prune);
    prune
        .ok()
        .stderr_has("from postgres://notify:***@127.0.0.1:");

    let doctor = env.run(&["doctor", "--json"]);
    no_password(&doctor);
    assert!(
        doctor.stdout.contains("postgres://notify:***@127.0.0.1:")
            && doctor.stdout.contains("PostgreSQL answers (log version"),
        "{}",
        doctor.stdout
    );
    assert!(!env.log_path().exists());
}

#[test]
fn while_the_database_is_down_intake_answers_503_and_both_resume_when_it_returns() {
    use std::collections::BTreeSet;
    use std::time::{Duration, Instant};

    use crate::serve::{Serve, WAIT, event, wait_pairs};

    let Some(pg) = postgres::Postgres::private() else {
        return;
    };
    let (env, server) = replicas_with(&pg, &["bob"]);
    // A slow receiver and two workers: most of the burst is still queued when the database stops.
    server.always("/bob", Reply::status(200).delay(Duration::from_millis(100)));
    let serve = Serve::start(&env, &["--workers", "2", "--lease", "5s"]);
    let mut accepted = BTreeSet::new();
    for n in 0..60 {
        let id = format!("before-{n}");
        assert_eq!(serve.post(&event(&id, &["bob"])).0, 202);
        accepted.insert(("/bob".to_owned(), id));
    }

    // Ten seconds without the database, in the middle of the run: nothing is accepted meanwhile.
    pg.stop();
    let down = Instant::now();
    let mut refused = 0;
    while down.elapsed() < Duration::from_secs(10) {
        let (status, answer) = serve.post(&event(&format!("down-{refused}"), &["bob"]));
        assert_eq!(status, 503, "{answer}");
        refused += 1;
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(
        server.requests().len() < accepted.len(),
        "the burst was still being delivered when the database stopped"
    );

    pg.restart();
    let deadline = Instant::now() + WAIT;
    loop {
        let (status, answer) = serve.post(&event("after", &["bob"]));
        if status == 202 {
            break;
        }
        assert_eq!(status, 503, "{answer}");
        assert!(Instant::now() < deadline, "intake did not resume");
        std::thread::sleep(Duration::from_millis(200));
    }
    accepted.insert(("/bob".to_owned(), "after".to_owned()));
    // Every accepted event arrives, and none of those refused while the database was down.
    wait_pairs(&server, &accepted);
}

/// The log's rows of event `id` as (recipient, outcome, reason), once `n` of them are no longer
/// queued.
fn wait_rows(env: &Env, id: &str, n: usize) -> Vec<(String, String, String)> {
    let deadline = std::time::Instant::now() + crate::serve::WAIT;
    loop {
        let log = env.run(&["log", "--json", "--id", id]);
        let rows: Vec<(String, String, String)> = log
            .ok()
            .json()
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|r| {
                let s = |f: &str| r[f].as_str().unwrap_or_default().to_owned();
                (s("recipient"), s("outcome"), s("reason"))
            })
            .filter(|r: &(String, String, String)| r.1 != "queued")
            .collect();
        if rows.len() >= n {
            return rows;
        }
        assert!(std::time::Instant::now() < deadline, "no rows for {id}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn a_silence_added_from_another_process_hushes_a_serve_on_the_database() {
    use crate::serve::{Serve, event};

    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (env, server) = replicas_with(pg, &["bob"]);
    let serve = Serve::start(&env, &[]);
    let added = env.run(&[
        "silence",
        "add",
        "--event",
        "ticket.*",
        "--for",
        "2h",
        "--comment",
        "db maintenance",
    ]);
    no_password(&added);
    let id = added.ok().stdout.trim().to_owned();
    let listed = env.run(&["silence", "list", "--json"]).ok().json();
    assert_eq!(listed[0]["id"], id.as_str(), "{listed}");
    assert_eq!(serve.post(&event("hushed-1", &["bob"])).0, 202);
    let reason = format!("silenced ({id}: db maintenance)");
    assert_eq!(
        wait_rows(&env, "hushed-1", 1),
        [("bob".to_owned(), "skipped".to_owned(), reason)]
    );
    assert!(server.requests().is_empty(), "nothing sent while silenced");
    env.run(&["silence", "expire", &id])
        .ok()
        .stderr_has("expired silence");
    assert_eq!(serve.post(&event("heard-2", &["bob"])).0, 202);
    assert_eq!(
        wait_rows(&env, "heard-2", 1),
        [("bob".to_owned(), "delivered".to_owned(), String::new())]
    );
    assert!(!env.log_path().exists(), "no SQLite file made of the URL");
}

#[test]
fn an_ack_from_another_process_stops_the_escalation_of_replicas_sharing_the_link_key() {
    use crate::serve::{EVENT, Serve, WAIT, event, request};
    use std::time::{Duration, Instant};

    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (env, server) = replicas_with(pg, &["bob", "dave"]);
    env.run(&["user", "modify", "dave", "--role", "dba"]).ok();
    let template = env.path("t.j2");
    std::fs::write(&template, "{{ description }} Ack: {{ ack_link }}").expect("template");
    let template = template.to_str().expect("utf-8 path");
    let rule = ["rule", "set", EVENT, "--escalate", "4s:dba", "--template"];
    env.run(&[&rule[..], &[template]].concat()).ok();
    let replicas = [Serve::start(&env, &[]), Serve::start(&env, &[])];
    for id in ["e-1", "e-2", "e-3"] {
        assert_eq!(replicas[0].post(&event(id, &["bob"])).0, 202);
    }
    let message_to_bob = |id: &str| {
        let deadline = Instant::now() + WAIT;
        loop {
            let seen = server.requests_to("/bob");
            if let Some(r) = seen
                .iter()
                .find(|r| r.header("X-Notify-Delivery") == Some(id))
            {
                return r.body_str();
            }
            assert!(Instant::now() < deadline, "no {id} to bob");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let body = message_to_bob("e-3");
    message_to_bob("e-1");
    message_to_bob("e-2");
    // e-2 from the command line; e-3 by its link, signed by whichever replica sent it, at the other.
    let acked = env.run(&["ack", "e-2", "--by", "bob"]);
    no_password(&acked);
    acked
        .ok()
        .stderr_has("acknowledged e-2 by bob: 1 escalation step stopped");
    let at = body.find("/v1/ack/e-3?sig=").expect("an ack link");
    let link: String = body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_.:?=&".contains(*c))
        .collect();
    for replica in &replicas {
        let (status, _) = request(replica.addr, "GET", &link, &[], "");
        assert_eq!(status, 200, "{link} at {}", replica.addr);
    }
    // e-1's step fires once, on one replica; e-2's and e-3's never.
    let deadline = Instant::now() + WAIT;
    while server.requests_to("/dave").is_empty() {
        assert!(Instant::now() < deadline, "e-1 did not escalate");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(3000));
    let escalated: Vec<String> = server
        .requests_to("/dave")
        .iter()
        .map(|r| r.header("X-Notify-Delivery").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(escalated, ["e-1:esc1"]);
    env.run(&["log", "--id", "e-2"])
        .ok()
        .stderr_has("escalation step 1 (after 4s: dba): stopped by the ack at")
        .stderr_has("acked by bob at");
}

#[test]
fn two_replicas_group_twenty_events_into_one_message_sent_once() {
    use crate::serve::{EVENT, Serve, WAIT};
    use std::time::{Duration, Instant};

    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (env, server) = replicas_with(pg, &["bob"]);
    let rule = ["rule", "set", EVENT, "--group-by", "task_id"];
    env.run(
        &[
            &rule[..],
            &["--group-wait", "3s", "--repeat-interval", "1h"],
        ]
        .concat(),
    )
    .ok();
    let replicas = [Serve::start(&env, &[]), Serve::start(&env, &[])];
    for n in 1..=20 {
        let event = serde_json::json!({ "event": EVENT, "id": format!("e-{n}"),
            "approver": ["bob"], "task_id": "42", "task_name": "Nightly load" });
        assert_eq!(replicas[n % 2].post(&event).0, 202);
    }
    let deadline = Instant::now() + WAIT;
    while server.requests_to("/bob").is_empty() {
        assert!(Instant::now() < deadline, "no message to bob");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Time for a wrong second message to show.
    std::thread::sleep(Duration::from_millis(2500));
    let seen = server.requests_to("/bob");
    assert_eq!(seen.len(), 1, "one message for the group, sent once");
    let body = seen[0].body_str();
    assert!(body.contains("20 events"), "{body}");
}

#[test]
fn a_serve_on_postgres_without_a_shared_ack_key_says_how_to_give_one() {
    let Some(pg) = postgres::cluster() else {
        return;
    };
    let mut env = Env::new();
    env.set_env("NOTIFY_LOG", &pg.fresh_database());
    let run = env.run(&["serve", "--bind", "127.0.0.1:0"]);
    no_password(&run);
    run.code(2)
        .stderr_has("needs the ack link key that every replica shares")
        .stderr_has("--ack-key-file");
    let key = env.path("ack-key");
    std::fs::write(&key, ACK_KEY).expect("key file");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let key = key.to_str().expect("utf-8 path");
    let open = env.run(&["serve", "--bind", "127.0.0.1:0", "--ack-key-file", key]);
    open.code(2).stderr_has("is open to other users");
    open.stderr_lacks(ACK_KEY);
}

/// Waits (bounded) until the receiver saw a request to `path` for event `id`; how long it took.
fn delivered_within(
    server: &HttpServer,
    path: &str,
    id: &str,
    bound: std::time::Duration,
) -> std::time::Duration {
    let started = std::time::Instant::now();
    loop {
        let seen = server
            .requests_to(path)
            .iter()
            .any(|r| r.header("X-Notify-Delivery") == Some(id));
        if seen {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < bound,
            "{id} not delivered to {path} within {bound:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn an_idle_replica_is_woken_by_another_replicas_commit_and_again_after_a_database_restart() {
    use std::time::Duration;

    use crate::serve::{EVENT, Serve, WAIT, event};

    let Some(pg) = postgres::Postgres::private() else {
        return;
    };
    let (env, server) = replicas_with(&pg, &["bob", "carol"]);
    // Polls far apart: only a wake-up can make either replica look for work in time.
    let slow = ["--workers", "1", "--poll", "1h"];
    // A's one worker is kept busy by a receiver that answers late.
    server.always(
        "/bob",
        Reply::json(200, "{}").delay(Duration::from_secs(60)),
    );
    let a = Serve::start(&env, &slow);
    assert_eq!(a.post(&event("busy", &["bob"])).0, 202);
    delivered_within(&server, "/bob", "busy", WAIT);
    let mut b = Serve::start(&env, &slow);

    // Posted to A, whose one worker is busy for the attempt's 10 s timeout: B sends it at once,
    // woken by A's commit.
    assert_eq!(a.post(&event("e-1", &["carol"])).0, 202);
    let took = delivered_within(&server, "/carol", "e-1", Duration::from_secs(8));
    eprintln!("e-1 delivered by the other replica after {took:?}");
    b.line("e-1 carol webhook: delivered");

    // B's listening connection is lost with the database and comes back with it: an event another
    // process queues (due now) is sent at once. A is gone, so that only B can send it.
    a.kill9();
    pg.stop();
    pg.restart();
    let queued = env.run(&[
        "emit",
        EVENT,
        "--approver",
        "carol",
        "--id",
        "e-2",
        "--at",
        "2000-01-01T00:00:00Z",
    ]);
    queued.ok();
    let took = delivered_within(&server, "/carol", "e-2", Duration::from_secs(10));
    eprintln!("e-2 delivered after the restart in {took:?}");
    b.line("e-2 carol webhook: delivered");
    b.kill9();
}

#[test]
fn log_ca_file_trusts_the_database_servers_ca_and_a_wrong_one_is_named_with_why() {
    let Some(pg) = postgres::cluster() else {
        return;
    };
    let url = format!("{}?sslmode=require", pg.fresh_database());
    let mut env = env_on(&url);
    let ca = pg.ca_file();
    let ca = ca.to_str().expect("utf-8");
    env.run(&["log"]).code(1).stderr_has("certificate");
    env.run(&["log", "--log-ca-file", ca])
        .ok()
        .stderr_has("no delivery recorded yet");

    // A file that is not there, or holds no certificate: which file, and why.
    let missing = env.path("missing.pem");
    let missing = missing.to_str().expect("utf-8");
    env.run(&["log", "--log-ca-file", missing])
        .code(2)
        .stderr_has(&format!(
            "error: --log-ca-file: cannot read the CA file {missing}"
        ))
        .stderr_has("hint: point --log-ca-file at the PEM file of the CA");
    let junk = env.path("junk.pem");
    std::fs::write(&junk, "not a certificate\n").expect("write");
    env.run(&["log", "--log-ca-file", junk.to_str().expect("utf-8")])
        .code(2)
        .stderr_has("holds no certificate");

    // A CA for a URL that does not ask for TLS is a mistake, told as one.
    env.set_env("NOTIFY_LOG", &url.replace("?sslmode=require", ""));
    env.run(&["log", "--log-ca-file", ca])
        .code(2)
        .stderr_has("does not ask for TLS")
        .stderr_has("hint: add ?sslmode=require to the URL");
}

#[test]
fn the_password_can_come_from_a_file_or_a_variable_and_never_shows() {
    use crate::support::write_private;

    let Some(pg) = postgres::cluster() else {
        return;
    };
    let url = pg.fresh_database();
    let bare = url.replace(&format!(":{PASSWORD}@"), "@");
    let mut env = env_on(&bare);
    env.set_env("NOTIFY_ACK_KEY", ACK_KEY);
    // A wrong PGPASSWORD is not used when a flag gives the password.
    env.set_env("PGPASSWORD", "wrong-from-pgpassword");
    let file = env.path("db-password");
    write_private(&file, &format!("{PASSWORD}\n"));
    let file = file.to_str().expect("utf-8");
    let from_file = env.run(&["-v", "log", "--log-password-file", file]);
    from_file.ok().stderr_has("no delivery recorded yet");
    no_password(&from_file);
    env.set_env("DB_PASSWORD", PASSWORD);
    let from_env = env.run(&["log", "--log-password-env", "DB_PASSWORD"]);
    from_env.ok();
    no_password(&from_env);

    // A wrong one: refused, never shown.
    env.set_env("WRONG_PASSWORD", "wrong-from-env");
    let refused = env.run(&["-v", "log", "--log-password-env", "WRONG_PASSWORD"]);
    refused
        .code(1)
        .stderr_has("password authentication failed")
        .stderr_has("--log-password-env");
    refused.stderr_lacks("wrong-from");

    // Given twice, in the URL and by a flag: refused without showing either.
    env.set_env("NOTIFY_LOG", &url);
    let twice = env.run(&["log", "--log-password-env", "WRONG_PASSWORD"]);
    twice
        .code(2)
        .stderr_has("is given twice: in the URL and by --log-password-env");
    no_password(&twice);
    twice.stderr_lacks("wrong-from");

    // A file others can read, or a variable not set: which one, and why.
    let open = env.path("open-password");
    std::fs::write(&open, "x\n").expect("write");
    std::fs::set_permissions(&open, std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .expect("chmod");
    env.set_env("NOTIFY_LOG", &bare);
    env.run(&["log", "--log-password-file", open.to_str().expect("utf-8")])
        .code(2)
        .stderr_has("error: --log-password-file: the secret file")
        .stderr_has("is open to other users");
    env.run(&["log", "--log-password-env", "NOT_SET_ANYWHERE"])
        .code(2)
        .stderr_has(
            "error: --log-password-env: the environment variable NOT_SET_ANYWHERE is not set",
        );

    // A serve replica connects with it and says nothing of it either.
    let serve = crate::serve::Serve::start(&env, &["--log-password-file", file]);
    assert!(
        serve.seen.iter().all(|l| !l.contains(PASSWORD)),
        "{:?}",
        serve.seen
    );
    serve.kill9();
}

#[test]
fn retry_hands_the_dead_to_a_live_replica_and_sends_them_itself_when_none_is_left() {
    use crate::serve::{Serve, event, request};

    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (env, server) = replicas_with(pg, &["bob", "carol"]);
    server.reply("/bob", Reply::status(400));
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("dead-1", &["bob", "carol"])).0, 202);
    serve.line("dead-1 bob webhook: dead (attempt 1)");
    serve.line("dead-1 carol webhook: delivered (attempt 1)");
    // bob's endpoint is fixed; a person retries from another process while the replica runs.
    let retried = env.run(&["retry"]);
    no_password(&retried);
    retried
        .ok()
        .stdout_has("dead-1 bob webhook: re-queued")
        .stderr_has(&format!(
            "re-queued 1 dead delivery for the notify serve replica on this database ({}@",
            serve.child.id()
        ));
    // The replica sends it, its attempts counted afresh; retry itself sent nothing.
    serve.line("dead-1 bob webhook: delivered (attempt 1)");
    assert_eq!(server.requests_to("/bob").len(), 2);
    assert_eq!(server.requests_to("/carol").len(), 1);
    let (_, health) = request(serve.addr, "GET", "/healthz", &[], "");
    assert_eq!(health["queue"]["dead"], 0, "{health}");
    env.run(&["retry"]).ok().stderr_has("nothing to retry");

    // With no replica connected, retry sends the dead itself.
    server.reply("/bob", Reply::status(400));
    assert_eq!(serve.post(&event("dead-2", &["bob"])).0, 202);
    serve.line("dead-2 bob webhook: dead (attempt 1)");
    serve.signal("TERM");
    assert_eq!(serve.exit_code(), 0);
    // The server ends the replica's sessions as their sockets close, a moment after its exit.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let alone = env.run(&["retry", "--id", "dead-2"]);
    alone.ok().stdout_has("delivered");
    alone.stderr_lacks("re-queued");
    assert_eq!(server.requests_to("/bob").len(), 4);
}

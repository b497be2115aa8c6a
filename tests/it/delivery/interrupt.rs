//! Ctrl-C during a send: what was delivered stays delivered, in the report and in the log.

use std::process::Command;

use super::*;

/// Sends `signal` to the process `pid` with kill(1).
fn kill(signal: &str, pid: u32) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill {signal} {pid} failed");
}

/// Three webhooks sent one at a time: `/a` answers at once, `/b` after `slow`, `/c` is never reached.
/// Each signal is sent once `/b` is on the wire (a moment apart, so that none is merged with another).
fn interrupted_send(env: &Env, server: &HttpServer, signals: &[&str], slow: Duration) -> Run {
    server.always("/b", Reply::status(200).delay(slow));
    let mut cmd = env.command(&[
        "send",
        "--webhook",
        &server.url("/a"),
        "--webhook",
        &server.url("/b"),
        "--webhook",
        &server.url("/c"),
        "--concurrency",
        "1",
        "--message",
        "nightly export done",
        "--json",
    ]);
    let child = cmd.spawn().expect("spawn notify");
    let waited = std::time::Instant::now();
    while server.requests_to("/b").is_empty() {
        assert!(
            waited.elapsed() < Duration::from_secs(10),
            "the send never reached /b"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    for signal in signals {
        kill(signal, child.id());
        std::thread::sleep(Duration::from_millis(300));
    }
    let out = child.wait_with_output().expect("wait for notify");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn ctrl_c_lets_the_attempt_in_flight_end_and_records_every_destination() {
    let server = HttpServer::start();
    let env = Env::new();
    let run = interrupted_send(&env, &server, &["-INT"], Duration::from_secs(1));
    run.code(130)
        .stderr_has("interrupted: no new delivery starts")
        .stderr_has("interrupted: 1 of 3 destinations not delivered")
        .stderr_has("notify retry");
    let rows = rows(&run);
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert_delivered(&rows[0], 1);
    // The attempt on the wire when the signal came was let end.
    assert_delivered(&rows[1], 1);
    assert_eq!(rows[2]["outcome"], "failed");
    assert_eq!(rows[2]["attempts"], 0);
    assert_eq!(rows[2]["reason"], "interrupted: not sent");
    assert_eq!(rows[2]["error_code"], "interrupted");
    assert_eq!(
        rows[2]["error_message"],
        Value::Null,
        "no vendor said anything"
    );
    assert!(
        server.requests_to("/c").is_empty(),
        "/c was sent after the stop"
    );

    let log = env.run(&["log", "--json"]);
    log.ok();
    let entries = log.json();
    let entries = entries.as_array().expect("log entries");
    assert_eq!(entries.len(), 3, "{entries:?}");
    let outcome_of = |path: &str| {
        entries
            .iter()
            .find(|e| e["destination"].as_str().is_some_and(|d| d.ends_with(path)))
            .map(|e| e["outcome"].clone())
            .unwrap_or_else(|| panic!("no {path} in {entries:?}"))
    };
    assert_eq!(outcome_of("/a"), "delivered");
    assert_eq!(outcome_of("/b"), "delivered");
    assert_eq!(outcome_of("/c"), "failed");
}

#[test]
fn a_second_ctrl_c_ends_at_once_and_leaves_the_log_whole() {
    let server = HttpServer::start();
    let env = Env::new();
    // An earlier send, so the log exists and holds something to keep.
    env.run(&[
        "send",
        "--webhook",
        &server.url("/first"),
        "--message",
        "hi",
    ])
    .ok();
    // `/b` answers only after both signals: the second one ends the run before it is answered.
    let run = interrupted_send(&env, &server, &["-INT", "-INT"], Duration::from_secs(3));
    run.code(130);
    assert_eq!(run.stdout, "", "no report after the second signal");
    // The log opens and holds what it held; the cut-short send wrote nothing half-way.
    let log = env.run(&["log", "--json"]);
    log.ok();
    let entries = log.json();
    let entries = entries.as_array().expect("log entries");
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["outcome"], "delivered");
}

//! Flags every command shares: one grammar for durations, stdin feeding one flag of a run, and the
//! PostgreSQL connection flags said to be ignored with a SQLite log.

use crate::support::Env;
use crate::support::http::HttpServer;

#[test]
fn every_duration_flag_takes_units() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/h");
    let send = |limits: &[&str]| {
        let mut args = vec!["send", "--webhook", &url, "--message", "hi"];
        args.extend_from_slice(limits);
        env.run(&args)
    };
    send(&["--timeout", "2s", "--deadline", "1m"]).ok();
    send(&["--timeout", "1.5", "--deadline", "90"]).ok();
    assert_eq!(server.requests().len(), 2);
    send(&["--timeout", "2x"])
        .code(2)
        .stderr_has("error: --timeout must be a positive number of seconds or a duration: `2x` has an unknown unit `x`")
        .stderr_has("hint: e.g. 30s, 5m, 2h or 1d");
    send(&["--deadline", "2d"])
        .code(2)
        .stderr_has("`2d` is more than a day");
    assert_eq!(server.requests().len(), 2, "a refused send made a request");
    env.run(&["log", "--since", "90m"]).ok();
    env.run(&["log", "prune", "--older-than", "12h"]).ok();
    env.run(&["retry", "--since", "3d", "--dry-run"]).ok();
    env.run(&["log", "--since", "90"]).code(2).stderr_has(
        "--since must be a duration back from now or an RFC 3339 time: `90` needs a unit",
    );
    env.run(&["retry", "--since", "2x"])
        .code(2)
        .stderr_has("`2x` has an unknown unit `x`");
}

#[test]
fn two_flags_that_want_stdin_are_one_clear_error() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/h");
    let args = [
        "send",
        "--webhook",
        &url,
        "--signature-method",
        "HMAC_SHA256",
        "--signature-key-stdin",
        "--message-file",
        "-",
    ];
    let run = env.run_stdin(&args, "key\nthe message\n");
    run.code(2)
        .stderr_has("error: --signature-key-stdin and --message-file - both read stdin\n")
        .stderr_has("hint: stdin feeds one flag of a run");
    assert!(server.requests().is_empty());
}

#[test]
fn postgres_connection_flags_with_a_sqlite_log_are_said_to_be_ignored() {
    let env = Env::new();
    env.run(&[
        "log",
        "--log-ca-file",
        "/nowhere/ca.pem",
        "--log-password-env",
        "PW",
    ])
    .ok()
    .stderr_has(
        "warning: --log-password-env, --log-ca-file ignored: the log is a SQLite file, and these \
             are for a PostgreSQL log (--log postgres://...)",
    );
    // Without them, nothing is said.
    let plain = env.run(&["log"]);
    plain.ok();
    plain.stderr_lacks("ignored");
}

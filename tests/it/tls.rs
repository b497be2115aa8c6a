//! Private CAs end to end: an HTTPS webhook and SMTP servers (implicit TLS and STARTTLS) whose
//! certificate a test-made CA signed. Each delivery succeeds when notify is given that CA (`--ca-file`
//! on the channel or provider, or `NOTIFY_CA_FILE`) and fails without it, with the TLS reason in the row.

use std::time::Duration;

use serde_json::Value;

use crate::support::smtp::SmtpServer;
use crate::support::tls::{HttpsServer, TestCa};
use crate::support::{Env, Run};

const WAIT: Duration = Duration::from_secs(20);
const UNKNOWN_ISSUER: &str = "invalid peer certificate: UnknownIssuer";

fn send(env: &Env, args: &[&str]) -> Run {
    let mut full = vec!["send", "--json", "--retries", "1", "--retry-base-ms", "10"];
    full.extend_from_slice(args);
    env.run(&full)
}

#[track_caller]
fn only_row(run: &Run) -> Value {
    let report = run.json();
    let rows = report["deliveries"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 1, "one row expected: {report}");
    rows[0].clone()
}

/// Exit 3, one failed row whose reason names the TLS failure, nothing delivered.
#[track_caller]
fn assert_untrusted(run: &Run) {
    run.code(3);
    let row = only_row(run);
    assert_eq!(row["outcome"], "failed", "{row}");
    let reason = row["reason"].as_str().unwrap_or_default();
    assert!(reason.contains(UNKNOWN_ISSUER), "{row}");
}

#[track_caller]
fn assert_sent(run: &Run) {
    run.ok();
    assert_eq!(only_row(run)["outcome"], "delivered", "{}", run.stdout);
}

#[test]
fn an_https_webhook_behind_a_private_ca_needs_that_ca() {
    let ca = TestCa::new();
    let server = HttpsServer::start(ca.server.clone());
    let mut env = Env::new();
    let url = server.url("/dms");
    let message = ["--webhook", url.as_str(), "--message", "hi"];

    assert_untrusted(&send(&env, &message));
    assert!(server.requests().is_empty());

    env.set_env("NOTIFY_CA_FILE", &ca.write_ca(&env.path("ca.pem")));
    assert_sent(&send(&env, &message));
    let got = server.wait_for(1, WAIT);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].line, "POST /dms HTTP/1.1");
    assert!(String::from_utf8_lossy(&got[0].body).contains("hi"));
}

#[test]
fn a_webhook_channel_trusts_its_own_ca_file() {
    let ca = TestCa::new();
    let server = HttpsServer::start(ca.server.clone());
    let env = Env::new();
    let url = server.url("/hook");
    let set = |extra: &[&str]| {
        let mut args = vec!["channel", "set", "webhook", "--url", &url];
        args.extend_from_slice(&["--signature-method", "NONE"]);
        args.extend_from_slice(extra);
        env.run(&args)
    };
    set(&[]).ok();
    env.run(&["channel", "enable", "webhook"]).ok();
    assert_untrusted(&send(&env, &["--to", "alice", "--message", "hi"]));

    // A file that is not a CA is refused when it is set, and nothing changes.
    let bogus = env.path("bogus.pem");
    std::fs::write(&bogus, "hello\n").expect("write");
    set(&["--ca-file", &bogus.display().to_string()])
        .code(2)
        .stderr_has("holds no certificate");
    set(&["--ca-file", &env.path("missing.pem").display().to_string()])
        .code(2)
        .stderr_has("cannot read the CA file");

    let ca_file = ca.write_ca(&env.path("corp-ca.pem"));
    set(&["--ca-file", &ca_file]).ok();
    assert!(env.store_text().contains(&ca_file), "{}", env.store_text());
    assert_sent(&send(&env, &["--to", "alice", "--message", "hi"]));
    assert_eq!(server.wait_for(1, WAIT).len(), 1);

    // A CA file that disappears later: the store still loads and the row says what to fix.
    std::fs::remove_file(&ca_file).expect("remove");
    env.run(&["channel", "show", "webhook"]).ok();
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.code(3);
    let reason = only_row(&run)["reason"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(reason.contains("cannot read the CA file"), "{reason}");
    assert!(
        reason.contains("notify channel set webhook --ca-file"),
        "{reason}"
    );
}

/// `provider set smtp` towards 127.0.0.1 (the certificate's IP name) with `security`, and a mail to bob.
fn mail_through(security: &str, server: &SmtpServer, ca_file: Option<&str>) -> Run {
    let env = Env::new();
    let port = server.port().to_string();
    let mut args = vec![
        "provider",
        "set",
        "smtp",
        "--host",
        "127.0.0.1",
        "--port",
        &port,
    ];
    args.extend_from_slice(&["--security", security, "--from", "DMS <dms@example.com>"]);
    if let Some(ca_file) = ca_file {
        args.extend_from_slice(&["--ca-file", ca_file]);
    }
    env.run(&args).ok();
    send(
        &env,
        &["--email", "bob@example.com", "--message", "over TLS"],
    )
}

#[test]
fn smtp_with_implicit_tls_and_with_starttls_needs_the_private_ca() {
    let ca = TestCa::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let ca_file = ca.write_ca(&dir.path().join("ca.pem"));
    for (security, server) in [
        ("tls", SmtpServer::start_implicit_tls(ca.server.clone())),
        ("starttls", SmtpServer::start_starttls(ca.server.clone())),
    ] {
        assert_untrusted(&mail_through(security, &server, None));
        assert!(server.messages().is_empty(), "{security}");

        assert_sent(&mail_through(security, &server, Some(&ca_file)));
        let mails = server.wait_for(1, WAIT);
        assert_eq!(mails.len(), 1, "{security}");
        assert_eq!(mails[0].to, ["bob@example.com"], "{security}");
        assert!(mails[0].body_text().contains("over TLS"), "{security}");
    }
}

//! Answers that are not what they seem, and repeated recipients.

use super::*;

#[test]
fn a_redirect_is_not_a_delivery() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always("/retry", Reply::status(302).header("Location", "/login"));
    server.always("/login", Reply::text(200, "<html>please log in</html>"));
    let run = send_webhook(&env, &server, &[]);
    run.code(3);
    assert!(
        server.requests_to("/login").is_empty(),
        "the redirect was followed"
    );
    assert_eq!(server.requests_to("/retry").len(), 1);
    assert_failed(&only_row(&run), 1, "302");
}

#[test]
fn a_user_named_twice_is_notified_once() {
    let server = HttpServer::start();
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--display-name",
            "Alice",
            "--set",
            &format!("webhook.url={}", server.url("/hook-a")),
            "--enable",
            "webhook",
        ],
    );
    let run = send(&env, &["--to", "alice", "--to", "alice", "--message", "hi"]);
    run.ok();
    let row = only_row(&run);
    assert_eq!(row["recipient"], "alice");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let event = &reqs[0].json()["messageEvent"];
    assert_eq!(
        event["targetUsers"],
        json!([{"uid": "alice", "name": "Alice"}])
    );
    assert_eq!(
        event["receivers"],
        json!([{"uid": "alice", "name": "Alice"}])
    );
}

#[test]
fn secrets_kept_as_environment_references_are_resolved_at_send_time() {
    let server = HttpServer::start();
    let mut env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/signed")),
            "--set",
            "webhook.signature_method=HMAC_SHA256",
            "--set",
            "webhook.signature_key_env=HOOK_KEY",
            "--set",
            &format!("wecom-bot.webhook={}", server.url("/wecom?key=k1")),
            "--enable",
            "webhook",
            "--enable",
            "wecom-bot",
        ],
    );
    // Unset: that row fails with a reason naming the variable, the other still goes out.
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.code(3);
    let rows = rows(&run);
    let hook = row_for(&rows, "webhook");
    assert_eq!(hook["outcome"], "failed", "{hook}");
    assert!(
        hook["reason"]
            .as_str()
            .expect("reason")
            .contains("HOOK_KEY"),
        "{hook}"
    );
    assert_delivered(&row_for(&rows, "wecom-bot"), 1);
    assert!(server.requests_to("/signed").is_empty());

    env.set_env("HOOK_KEY", "key-from-the-environment");
    let run = send(
        &env,
        &["--to", "alice", "--channel", "webhook", "--message", "hi"],
    );
    run.ok();
    assert_hidden(&run, &["key-from-the-environment"]);
    let reqs = server.requests_to("/signed");
    assert_eq!(reqs.len(), 1);
    let expected = format!(
        "sha256={}",
        hex_encode(&hmac_sha256(b"key-from-the-environment", &reqs[0].body))
    );
    assert_eq!(header(&reqs[0], "X-Notify-Signature"), expected);
}

#[test]
fn channel_test_refuses_what_it_cannot_test() {
    let env = Env::new();
    env.run(&["channel", "test", "webhook"])
        .code(1)
        .stderr_has("alice has no webhook channel")
        .stderr_has("hint: configure it with `notify channel set webhook`");
    env.run(&["channel", "set", "webhook", "--url", "http://127.0.0.1:9/x"])
        .ok();
    env.run(&["notice", "disable", "webhook"]).ok();
    env.run(&["channel", "test", "webhook"])
        .code(1)
        .stderr_has("switched off in Notice Management")
        .stderr_has("notify notice enable webhook");
}

#[test]
fn a_recipient_without_channels_is_one_skipped_row() {
    let env = Env::new();
    env.run(&["user", "add", "carol"]).ok();
    let run = send(&env, &["--to", "carol", "--message", "hello"]);
    run.ok();
    let row = only_row(&run);
    assert_eq!(row["recipient"], "carol");
    assert_eq!(row["channel"], "-");
    assert_skipped(&row, "no channels configured");
}

#[test]
fn encrypted_smtp_is_never_downgraded_to_plain_text() {
    // The fixture speaks plain SMTP only: a provider that asks for STARTTLS or implicit TLS must fail
    // rather than send the mail in the clear.
    let smtp = SmtpServer::start();
    let env = Env::new();
    let port = smtp.port().to_string();
    for security in ["starttls", "tls"] {
        env.run(&[
            "provider",
            "set",
            "smtp",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--security",
            security,
            "--from",
            "DMS <dms@example.com>",
        ])
        .ok();
        let run = send(
            &env,
            &[
                "--email",
                "alice@example.com",
                "--message",
                "secret report",
                "--retries",
                "1",
            ],
        );
        run.code(3);
        let row = only_row(&run);
        assert_eq!(row["outcome"], "failed", "{security}");
    }
    std::thread::sleep(Duration::from_millis(200));
    assert!(smtp.messages().is_empty(), "no mail went out in the clear");
}

#[test]
fn https_webhooks_really_use_tls() {
    // A plain HTTP server behind an https URL: the TLS handshake fails, nothing is delivered.
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/hook").replacen("http://", "https://", 1);
    let run = send(
        &env,
        &["--webhook", &url, "--message", "hi", "--retries", "0"],
    );
    run.code(3);
    assert_eq!(only_row(&run)["outcome"], "failed");
    assert!(
        server.requests().is_empty(),
        "no request was read as plain HTTP"
    );
}

#[test]
fn dry_run_prints_the_exact_signed_bytes() {
    let env = Env::new();
    let run = env.run(&[
        "send",
        "--dry-run",
        "--message",
        "hi",
        "--dingtalk-bot",
        "http://127.0.0.1:9/robot/send?access_token=dry-token",
        "--secret",
        "SECtest",
    ]);
    run.ok();
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("POST "))
        .expect("request line")
        .to_owned();
    assert!(
        line.contains("access_token=****") && !run.stdout.contains("dry-token"),
        "{line}"
    );
    let query = line.split_once('?').expect("query").1;
    let get = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .expect("param")
            .to_owned()
    };
    let ts: u64 = get("timestamp").parse().expect("ms timestamp");
    // The sign is shown percent-encoded exactly once, as it goes on the wire.
    assert_eq!(get("sign"), pct(&dingtalk_sign("SECtest", ts)));

    // A short key must not mangle the rest of the output; the printed signature covers the printed body.
    let run = env.run(&[
        "send",
        "--dry-run",
        "--message",
        "hi",
        "--webhook",
        "http://127.0.0.1:9/hook",
        "--signature-method",
        "HMAC_SHA1",
        "--signature-key",
        "k",
    ]);
    run.ok();
    assert!(
        run.stdout.contains("DMS-Event: Message Hook"),
        "{}",
        run.stdout
    );
    let signature = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("X-Notify-Signature: "))
        .expect("signature header")
        .to_owned();
    let body = run
        .stdout
        .lines()
        .find(|l| l.starts_with("{\"messageEvent\""))
        .expect("body");
    assert!(body.contains(r#""taskId":"""#), "{body}");
    assert_eq!(
        signature,
        format!("sha1={}", hex_encode(&hmac_sha1(b"k", body.as_bytes())))
    );
}

#[test]
fn a_webhook_key_without_a_method_is_refused() {
    let env = Env::new();
    env.run(&[
        "send",
        "--webhook",
        "http://127.0.0.1:9/hook",
        "--signature-key",
        "k",
        "--message",
        "hi",
    ])
    .code(2)
    .stderr_has("needs --signature-method");
}

/// The failed row of `notify log --json` (the newest).
fn logged_failure(env: &Env) -> Value {
    let run = env.run(&["log", "--json", "--limit", "1"]);
    run.ok();
    run.json()[0].clone()
}

/// What a row says went wrong: `(error_code, error_message, reason)`.
type Cause<'a> = (&'a str, &'a str, &'a str);

/// `(error_code, error_message, reason)` of a row.
fn cause(row: &Value) -> (String, String, String) {
    let text = |f: &str| row[f].as_str().unwrap_or_default().to_owned();
    (text("error_code"), text("error_message"), text("reason"))
}

#[test]
fn each_cause_is_said_once_and_the_reason_in_words() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always(
        "/robot/send",
        Reply::json(
            200,
            r#"{"errcode":310000,"errmsg":"keywords not in content"}"#,
        ),
    );
    server.always("/hook", Reply::status(401));
    let robot = server.url("/robot/send?access_token=t");
    let hook = server.url("/hook");
    let cases: [(&[&str], Cause); 3] = [
        (
            &["--dingtalk-bot", &robot],
            (
                "310000",
                "keywords not in content",
                "the robot refused the message: its keyword is not in the text",
            ),
        ),
        (
            &["--webhook", &hook],
            (
                "401",
                "Unauthorized",
                "the endpoint refused the credentials",
            ),
        ),
        (
            &["--webhook", "http://127.0.0.1:9/x", "--retries", "0"],
            (
                "connect",
                "tcp connect error: Connection refused (os error 111)",
                "nothing accepted the connection at that address (is it running?)",
            ),
        ),
    ];
    for (flags, (code, message, reason)) in cases {
        let mut args = vec!["--message", "disk full"];
        args.extend_from_slice(flags);
        let run = send(&env, &args);
        run.code(3);
        let want = (code.to_owned(), message.to_owned(), reason.to_owned());
        assert_eq!(cause(&only_row(&run)), want);
        assert_eq!(cause(&logged_failure(&env)), want);
        // The table says the code and the reason, each once.
        let table = env.run(&["log", "--limit", "1"]);
        table.ok();
        assert_eq!(table.stdout.matches(message).count(), 1, "{}", table.stdout);
    }
}

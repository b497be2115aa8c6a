//! Email.

use super::*;

#[test]
fn email_goes_through_smtp_with_a_utf8_subject() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "email.address=alice@example.com",
            "--enable",
            "email",
        ],
    );
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--title",
            "工单待审批 #42",
            "--message",
            "请审批工单 42。\n谢谢",
        ],
    );
    run.ok();
    let mails = smtp.wait_for(1, WAIT);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.from, "dms@example.com");
    assert_eq!(mail.to, ["alice@example.com"]);
    assert_eq!(
        mail.header_decoded("Subject").as_deref(),
        Some("工单待审批 #42")
    );
    let to = mail.header_decoded("To").expect("To header");
    assert!(to.contains("alice@example.com"), "{to}");
    let from = mail.header_decoded("From").expect("From header");
    assert!(from.contains("dms@example.com"), "{from}");
    let body = mail.body_text();
    assert!(
        body.contains("请审批工单 42。\n谢谢") || body.contains("请审批工单 42。\r\n谢谢"),
        "{body}"
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "email");
    assert_eq!(row["destination"], "alice@example.com");
}

#[test]
fn email_default_subject_is_dms_and_the_first_line() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    let run = send(
        &env,
        &[
            "--email",
            "ops@example.com",
            "--message",
            "\nDisk almost full on db-1\nsecond line",
        ],
    );
    run.ok();
    let mails = smtp.wait_for(1, WAIT);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["ops@example.com"]);
    assert_eq!(
        mails[0].header_decoded("Subject").as_deref(),
        Some("[DMS] Disk almost full on db-1")
    );
    assert!(mails[0].body_text().contains("second line"));
    assert_delivered(&only_row(&run), 1);
}

/// `notify log --json` rows.
fn logged(env: &Env) -> Vec<Value> {
    let run = env.run(&["log", "--json"]);
    run.ok();
    run.json().as_array().cloned().unwrap_or_default()
}

#[test]
fn every_mail_has_a_message_id_from_its_key_the_same_on_a_retry() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    // The first send meets a port nobody listens on.
    provider(
        &env,
        &[
            "smtp",
            "--host",
            "127.0.0.1",
            "--port",
            "9",
            "--security",
            "none",
            "--from",
            "DMS <dms@Example.COM>",
        ],
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "email.address=alice@example.com",
            "--enable",
            "email",
        ],
    );
    send(&env, &["--to", "alice", "--message", "disk full"]).code(3);
    let rows = logged(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let key = rows[0]["idempotency_key"]
        .as_str()
        .expect("a key")
        .to_owned();

    let port = smtp.port().to_string();
    provider(&env, &["smtp", "--port", &port]);
    env.run(&["retry", "--json", "--retries", "0"]).ok();
    let mails = smtp.wait_for(1, WAIT);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(
        mail.header("Message-ID"),
        Some(format!("<{key}@example.com>"))
    );
    assert_eq!(mail.header("MIME-Version").as_deref(), Some("1.0"));
    assert!(mail.header("Date").is_some(), "{}", mail.text());

    // A new send is a new message with a new id.
    send(&env, &["--to", "alice", "--message", "disk full"]).ok();
    let mails = smtp.wait_for(2, WAIT);
    assert_ne!(mails[1].header("Message-ID"), mail.header("Message-ID"));
}

#[test]
fn the_verification_mail_is_mime_too() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let mail = smtp.wait_for(1, WAIT).pop().expect("a mail");
    assert_eq!(mail.header("MIME-Version").as_deref(), Some("1.0"));
    let id = mail.header("Message-ID").expect("a Message-ID");
    assert!(id.starts_with('<') && id.ends_with("@example.com>"), "{id}");
}

#[test]
fn a_long_subject_is_cut_and_no_header_line_passes_998_characters() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    let ascii = "x".repeat(1200);
    let chinese = "数据变更".repeat(300);
    for first_line in [&ascii, &chinese] {
        let message = format!("{first_line}\nsecond line");
        send(&env, &["--email", "ops@example.com", "--message", &message]).ok();
    }
    let mails = smtp.wait_for(2, WAIT);
    for (mail, first_line) in mails.iter().zip([&ascii, &chinese]) {
        let longest = mail.text().lines().map(str::len).max().unwrap_or(0);
        assert!(longest <= 998, "a line of {longest} characters");
        let subject = mail.header_decoded("Subject").expect("a subject");
        assert_eq!(subject.chars().count(), 250, "{subject}");
        let kept: String = first_line.chars().take(249 - "[DMS] ".len()).collect();
        assert_eq!(subject, format!("[DMS] {kept}…"));
    }
}

#[test]
fn an_emitted_event_has_its_description_as_the_subject_also_on_a_retry() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    provider(
        &env,
        &[
            "smtp",
            "--host",
            "127.0.0.1",
            "--port",
            "9",
            "--security",
            "none",
            "--from",
            "dms@example.com",
        ],
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "email.address=alice@example.com",
            "--enable",
            "email",
        ],
    );
    let emit = env.run(&[
        "emit",
        "ticket.data-change.failed",
        "--submitter",
        "alice",
        "--retry-base-ms",
        "10",
    ]);
    emit.code(3);
    let port = smtp.port().to_string();
    provider(&env, &["smtp", "--port", &port]);
    env.run(&["retry", "--retries", "0"]).ok();
    let mails = smtp.wait_for(1, WAIT);
    assert_eq!(
        mails[0].header_decoded("Subject").as_deref(),
        Some("[DMS] A data change ticket failed")
    );
}

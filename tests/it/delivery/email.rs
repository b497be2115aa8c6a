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

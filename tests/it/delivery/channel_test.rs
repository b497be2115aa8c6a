//! Channel test.

use super::*;

#[test]
fn channel_test_sends_through_one_configured_channel() {
    let server = HttpServer::start();
    let env = Env::new();
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        &server.url("/mine"),
        "--signature-method",
        "HMAC_SHA1",
        "--signature-key",
        "test-key-5",
    ])
    .ok();
    let run = env.run(&["channel", "test", "webhook", "--json"]);
    run.ok();
    assert_hidden(&run, &["test-key-5"]);
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["recipient"], "alice");
    assert_eq!(row["channel"], "webhook");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    check_webhook_headers(req);
    let signature = format!("sha1={}", hex_encode(&hmac_sha1(b"test-key-5", &req.body)));
    assert_eq!(header(req, "X-Notify-Signature"), signature);
    let event = &req.json()["messageEvent"];
    assert_eq!(event["message"], "This is a test message from notify.");
    assert_eq!(event["targetUsers"], json!([{"uid": "alice", "name": ""}]));

    // The dry run's JSON carries the id its request would be delivered under, as `send --dry-run` does.
    let dry = env.run(&["channel", "test", "webhook", "--dry-run", "--json"]);
    dry.ok();
    let doc = dry.json();
    let id = doc["id"].as_str().expect("an id");
    let printed = doc["destinations"][0]["requests"][0]
        .as_str()
        .expect("a request");
    assert!(
        printed.contains(&format!("X-Notify-Delivery: {id}\n")),
        "{printed}"
    );
    assert_eq!(server.requests().len(), 1, "a dry run sends nothing");

    let run = env.run(&[
        "channel",
        "test",
        "webhook",
        "--json",
        "--message",
        "custom text",
    ]);
    run.ok();
    assert_eq!(
        server.requests()[1].json()["messageEvent"]["message"],
        "custom text"
    );
}

#[test]
fn channel_test_without_its_provider_exits_1_with_a_hint() {
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=13100000000",
            "--enable",
            "dingtalk",
        ],
    );
    env.run(&["channel", "test", "dingtalk", "--json"])
        .code(1)
        .stderr_has("provider dingtalk is not configured")
        .stderr_has("hint: configure the provider with `notify provider set dingtalk`");
}

#[test]
fn channel_test_reports_a_failed_delivery_with_exit_3() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always(
        "/robot/send",
        Reply::json(200, r#"{"errcode":300001,"errmsg":"token is not exist"}"#),
    );
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    env.run(&["channel", "set", "dingtalk-bot", "--webhook", &robot])
        .ok();
    let run = env.run(&[
        "channel",
        "test",
        "dingtalk-bot",
        "--json",
        "--retry-base-ms",
        "10",
    ]);
    run.code(3);
    assert_hidden(&run, &[ROBOT_TOKEN]);
    assert_failed(&only_row(&run), 1, "300001");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    // A test is a send: the default format is the robot's Markdown, as for `send --message`.
    let content = reqs[0].json()["markdown"]["text"]
        .as_str()
        .expect("content")
        .to_owned();
    assert!(content.contains("DMS"), "{content}");
}

/// The media types of a mail's entities, in order (`multipart/alternative`, `text/plain`, ...).
fn mime_structure(mail: &crate::support::smtp::Mail) -> Vec<String> {
    mail.text()
        .lines()
        .filter_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-type").then(|| {
                let media = value.split(';').next().unwrap_or_default();
                media.trim().to_ascii_lowercase()
            })
        })
        .collect()
}

/// A test is a send: `channel test email` puts on the wire the same MIME structure as `send`, the
/// Markdown turned into HTML beside the plain text, never raw `**bold**` as the whole mail.
#[test]
fn channel_test_email_is_built_like_a_send() {
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
    let text = "**Disk** almost full on db-1";
    env.run(&["channel", "test", "email", "--message", text])
        .ok();
    send(
        &env,
        &["--to", "alice", "--channel", "email", "--message", text],
    )
    .ok();
    let mails = smtp.wait_for(2, WAIT);
    assert_eq!(mails.len(), 2);
    let (tested, sent) = (&mails[0], &mails[1]);
    assert_eq!(mime_structure(tested), mime_structure(sent));
    assert!(
        mime_structure(sent).iter().any(|t| t == "text/html"),
        "{:?}",
        mime_structure(sent)
    );
    for mail in [tested, sent] {
        let body = mail.body_text();
        assert!(body.contains("<strong>Disk</strong>"), "{body}");
    }
}

#[test]
fn an_unset_secret_variable_is_named_in_the_hint() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/robot/send?access_token=abcdefabcdefabcdef");
    env.run(&[
        "channel",
        "set",
        "dingtalk-bot",
        "--webhook",
        &url,
        "--secret-env",
        "NOTIFY_TEST_UNSET_ROBOT_SECRET",
    ])
    .ok();
    env.run(&["channel", "test", "dingtalk-bot"])
        .code(1)
        .stderr_has("the environment variable NOTIFY_TEST_UNSET_ROBOT_SECRET is not set")
        .stderr_has("hint: export NOTIFY_TEST_UNSET_ROBOT_SECRET first");
    assert!(server.requests().is_empty());
}

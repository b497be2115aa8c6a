//! Transport failures and deadlines.

use super::*;

#[test]
fn an_unreachable_robot_fails_after_the_retries_without_leaking_its_token() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let env = Env::new();
    let url = format!("http://127.0.0.1:{port}/robot/send?access_token={ROBOT_TOKEN}");
    for json_flag in [true, false] {
        let mut args = vec![
            "send",
            "--retry-base-ms",
            "10",
            "--retries",
            "2",
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--message",
            "hi",
        ];
        if json_flag {
            args.push("--json");
        }
        let run = env.run(&args);
        run.code(3);
        assert_hidden(&run, &[ROBOT_TOKEN, ROBOT_SECRET]);
        if json_flag {
            assert_failed(&only_row(&run), 3, "connect");
        }
    }
}

#[test]
fn a_retry_after_beyond_the_deadline_fails_at_once() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always("/retry", Reply::status(429).header("Retry-After", "120"));
    let run = send_webhook(&env, &server, &["--deadline", "3"]);
    run.code(3);
    assert_eq!(server.requests().len(), 1);
    let row = only_row(&run);
    assert_failed(&row, 1, "429");
    assert!(
        row["reason"].as_str().expect("reason").contains("deadline"),
        "{row}"
    );
}

#[test]
fn lark_mobile_keeps_the_country_code_outside_the_mainland() {
    let lark = HttpServer::start();
    let env = Env::new();
    provider(
        &env,
        &[
            "lark",
            "--app-id",
            "cli_lark",
            "--app-secret",
            "lark-secret-2",
            "--api-base",
            &lark.url(""),
        ],
    );
    tenant_token_reply(&lark, "t-lark-token-2");
    lark.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"user_id":"ou_uk"}]}}"#,
        ),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "lark-mobile.mobile=+44 7400 123456",
            "--enable",
            "lark-mobile",
        ],
    );
    let run = send(&env, &["--to", "alice", "--message", "hello"]);
    run.ok();
    let lookups = lark.requests_to("/open-apis/contact/v3/users/batch_get_id");
    assert_eq!(lookups.len(), 1);
    assert_eq!(
        lookups[0].json(),
        json!({"mobiles": ["+447400123456"], "emails": []})
    );
    let sends = lark.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 1);
    assert_eq!(
        sends[0].query("receive_id_type").as_deref(),
        Some("open_id")
    );
    assert_eq!(sends[0].json()["receive_id"], "ou_uk");
    assert_eq!(only_row(&run)["channel"], "lark-mobile");
}

//! Tokens: one per app, refreshed once when the vendor says it is no longer valid.

use super::*;

#[test]
fn one_token_serves_every_recipient_of_a_run() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":0,"result":{"userid":"u-1"}}"#),
    );
    for (name, mobile) in [
        ("alice", "13100000000"),
        ("bob", "13100000001"),
        ("carol", "13100000002"),
    ] {
        admin(
            &env,
            &[
                name,
                "--create",
                "--set",
                &format!("dingtalk.mobile={mobile}"),
                "--enable",
                "dingtalk",
            ],
        );
    }
    let run = send(&env, &["--all-users", "--message", "hi all"]);
    run.ok();
    let rows = rows(&run);
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_delivered(row, 1);
    }
    assert_eq!(
        server.requests_to("/gettoken").len(),
        1,
        "one token request per app"
    );
    assert_eq!(server.requests_to("/topapi/v2/user/getbymobile").len(), 3);
    // The same notice to every user is one call (up to 100 userids); here all three mobiles belong to
    // one DingTalk user, who is addressed once.
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 1);
    assert_eq!(sends[0].json()["userid_list"], "u-1");
}

/// Delivers once (caching `DING_TOKEN`), then makes the server issue a new token.
fn ding_with_a_cached_token(server: &HttpServer, env: &Env, extra: &[&str]) {
    ding_provider(env, server);
    ding_token_reply(server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":0,"result":{"userid":"u-alice-1"}}"#),
    );
    let mut args = vec!["alice", "--create"];
    args.extend_from_slice(extra);
    admin(env, &args);
    send(env, &["--to", "alice", "--message", "first"]).ok();
    assert_eq!(server.requests_to("/gettoken").len(), 1);
    server.always(
        "/gettoken",
        Reply::json(
            200,
            r#"{"errcode":0,"access_token":"tok-ding-new","expires_in":7200}"#,
        ),
    );
}

#[test]
fn dingtalk_send_with_a_revoked_token_fetches_a_new_one_once() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_with_a_cached_token(
        &server,
        &env,
        &[
            "--set",
            "dingtalk-exclusive.employee_id=e-1",
            "--enable",
            "dingtalk-exclusive",
        ],
    );
    server.reply(
        "/topapi/message/corpconversation/asyncsend_v2",
        Reply::json(200, r#"{"errcode":42001,"errmsg":"access_token expired"}"#),
    );
    let run = send(&env, &["--to", "alice", "--message", "second"]);
    run.ok();
    assert_hidden(&run, &[DING_TOKEN, "tok-ding-new"]);
    assert_eq!(server.requests_to("/gettoken").len(), 2);
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 3);
    assert_eq!(sends[1].query("access_token").as_deref(), Some(DING_TOKEN));
    assert_eq!(
        sends[2].query("access_token").as_deref(),
        Some("tok-ding-new")
    );
    assert_eq!(only_row(&run)["outcome"], "delivered");
}

#[test]
fn dingtalk_lookup_with_a_revoked_token_fetches_a_new_one_once() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_with_a_cached_token(
        &server,
        &env,
        &[
            "--set",
            "dingtalk.mobile=13100000000",
            "--enable",
            "dingtalk",
        ],
    );
    server.reply(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":40014,"errmsg":"不合法的access_token"}"#),
    );
    let run = send(&env, &["--to", "alice", "--message", "second"]);
    run.ok();
    assert_eq!(
        server.requests_to("/gettoken").len(),
        2,
        "the revoked token was not replaced"
    );
    let lookups = server.requests_to("/topapi/v2/user/getbymobile");
    assert_eq!(lookups.len(), 3);
    assert_eq!(
        lookups[1].query("access_token").as_deref(),
        Some(DING_TOKEN)
    );
    assert_eq!(
        lookups[2].query("access_token").as_deref(),
        Some("tok-ding-new")
    );
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(
        sends
            .last()
            .and_then(|r| r.query("access_token"))
            .as_deref(),
        Some("tok-ding-new")
    );
    assert_eq!(only_row(&run)["outcome"], "delivered");
    // And the next run uses the new token from the cache.
    send(&env, &["--to", "alice", "--message", "third"]).ok();
    assert_eq!(server.requests_to("/gettoken").len(), 2);
}

#[test]
fn feishu_lookup_with_a_revoked_token_fetches_a_new_one_once() {
    let server = HttpServer::start();
    let env = Env::new();
    feishu_provider(&env, &server, "cli_f");
    tenant_token_reply(&server, FEISHU_TOKEN);
    server.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"user_id":"ou_a"}]}}"#,
        ),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "feishu.mobile=13100000001",
            "--enable",
            "feishu",
        ],
    );
    send(&env, &["--to", "alice", "--message", "first"]).ok();
    tenant_token_reply(&server, "t-feishu-new");
    server.reply(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            400,
            r#"{"code":99991663,"msg":"Invalid access token for authorization."}"#,
        ),
    );
    let run = send(&env, &["--to", "alice", "--message", "second"]);
    run.ok();
    let tokens = server.requests_to("/open-apis/auth/v3/tenant_access_token/internal");
    assert_eq!(tokens.len(), 2, "the revoked token was not replaced");
    let lookups = server.requests_to("/open-apis/contact/v3/users/batch_get_id");
    assert_eq!(lookups.len(), 3);
    assert_eq!(header(&lookups[2], "Authorization"), "Bearer t-feishu-new");
    let sends = server.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 2);
    assert_eq!(header(&sends[1], "Authorization"), "Bearer t-feishu-new");
}

#[test]
fn a_refused_token_request_fails_the_row_and_is_not_cached() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    server.reply(
        "/gettoken",
        Reply::json(
            200,
            r#"{"errcode":40089,"errmsg":"不合法的corpid或corpsecret"}"#,
        ),
    );
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
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.code(3);
    assert_hidden(&run, &[DING_SECRET]);
    let row = only_row(&run);
    assert_eq!(row["outcome"], "failed", "{row}");
    assert_eq!(row["error_code"], "40089", "{row}");
    assert!(
        row["reason"]
            .as_str()
            .expect("reason")
            .contains("access token"),
        "{row}"
    );
    assert_eq!(
        server.requests_to("/gettoken").len(),
        1,
        "a permanent token error was retried"
    );
    assert!(server.requests_to("/topapi/v2/user/getbymobile").is_empty());
    // The next run asks again.
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":0,"result":{"userid":"u-1"}}"#),
    );
    send(&env, &["--to", "alice", "--message", "hi"]).ok();
    assert_eq!(server.requests_to("/gettoken").len(), 2);
}

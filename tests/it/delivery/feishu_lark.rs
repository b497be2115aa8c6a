//! Feishu and Lark.

use super::*;

pub(super) const FEISHU_SECRET: &str = "feishu-app-secret-1";
pub(super) const FEISHU_TOKEN: &str = "t-feishu-token-1";

pub(super) fn tenant_token_reply(server: &HttpServer, token: &str) {
    server.always(
        "/open-apis/auth/v3/tenant_access_token/internal",
        Reply::json(
            200,
            &format!(r#"{{"code":0,"msg":"ok","tenant_access_token":"{token}","expire":7200}}"#),
        ),
    );
}

/// Points the `feishu` provider at the fixture.
pub(super) fn feishu_provider(env: &Env, server: &HttpServer, app_id: &str) {
    let base = server.url("");
    provider(
        env,
        &[
            "feishu",
            "--app-id",
            app_id,
            "--app-secret",
            FEISHU_SECRET,
            "--api-base",
            &base,
        ],
    );
}

#[test]
fn feishu_by_mobile_finds_the_open_id_and_sends_a_json_string_content() {
    let server = HttpServer::start();
    let env = Env::new();
    feishu_provider(&env, &server, "cli_feishu_1");
    tenant_token_reply(&server, FEISHU_TOKEN);
    server.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"msg":"ok","data":{"user_list":[{"mobile":"13100000001","user_id":"ou_alice"}]}}"#,
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
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--format",
            "text",
            "--message",
            "say \"hi\"",
        ],
    );
    run.ok();
    assert_hidden(&run, &[FEISHU_SECRET, FEISHU_TOKEN]);

    let tokens = server.requests_to("/open-apis/auth/v3/tenant_access_token/internal");
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].method, "POST");
    assert_eq!(
        tokens[0].json(),
        json!({"app_id": "cli_feishu_1", "app_secret": FEISHU_SECRET})
    );

    let lookups = server.requests_to("/open-apis/contact/v3/users/batch_get_id");
    assert_eq!(lookups.len(), 1);
    assert_eq!(lookups[0].query("user_id_type").as_deref(), Some("open_id"));
    assert_eq!(
        header(&lookups[0], "Authorization"),
        format!("Bearer {FEISHU_TOKEN}")
    );
    assert_eq!(
        lookups[0].json(),
        json!({"mobiles": ["13100000001"], "emails": []})
    );

    let sends = server.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 1);
    let req = &sends[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.query("receive_id_type").as_deref(), Some("open_id"));
    assert_eq!(
        header(req, "Authorization"),
        format!("Bearer {FEISHU_TOKEN}")
    );
    let body = req.json();
    let content = body["content"].as_str().expect("content is a JSON string");
    let parsed: Value = serde_json::from_str(content).expect("content parses as JSON");
    assert_eq!(parsed, json!({"text": "say \"hi\""}));
    let uuid = body["uuid"].as_str().expect("uuid").to_owned();
    assert_uuid(&uuid);
    assert_eq!(
        body,
        json!({"receive_id": "ou_alice", "msg_type": "text", "content": content, "uuid": uuid})
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "feishu");
}

#[test]
fn feishu_send_retries_keep_the_uuid() {
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
    server.reply("/open-apis/im/v1/messages", Reply::text(503, "busy"));
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
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.ok();
    let sends = server.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 2);
    assert_eq!(
        sends[0].json()["uuid"],
        sends[1].json()["uuid"],
        "uuid changed across retries"
    );
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn lark_by_email_sends_straight_to_the_email_through_the_lark_provider() {
    let feishu = HttpServer::start();
    let lark = HttpServer::start();
    let env = Env::new();
    provider(
        &env,
        &[
            "feishu",
            "--app-id",
            "cli_f",
            "--app-secret",
            FEISHU_SECRET,
            "--api-base",
            &feishu.url(""),
        ],
    );
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
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "lark.email=alice@example.com",
            "--enable",
            "lark",
        ],
    );
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--format",
            "text",
            "--message",
            "hello lark",
        ],
    );
    run.ok();
    assert_hidden(&run, &["lark-secret-2", "t-lark-token-2"]);
    assert!(
        feishu.requests().is_empty(),
        "the feishu provider was used for lark"
    );
    let tokens = lark.requests_to("/open-apis/auth/v3/tenant_access_token/internal");
    assert_eq!(tokens.len(), 1);
    assert_eq!(
        tokens[0].json(),
        json!({"app_id": "cli_lark", "app_secret": "lark-secret-2"})
    );
    assert!(
        lark.requests_to("/open-apis/contact/v3/users/batch_get_id")
            .is_empty()
    );
    let sends = lark.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 1);
    assert_eq!(sends[0].query("receive_id_type").as_deref(), Some("email"));
    assert_eq!(header(&sends[0], "Authorization"), "Bearer t-lark-token-2");
    let body = sends[0].json();
    assert_eq!(body["receive_id"], "alice@example.com");
    assert_eq!(body["msg_type"], "text");
    assert_eq!(body["content"], r#"{"text":"hello lark"}"#);
    assert_uuid(body["uuid"].as_str().expect("uuid"));
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "lark");
}

//! DingTalk work notices through an app.

use super::*;

pub(super) const DING_SECRET: &str = "ding-app-secret-99";
pub(super) const DING_TOKEN: &str = "tok-ding-abcdef";

pub(super) fn ding_provider(env: &Env, server: &HttpServer) {
    provider(
        env,
        &[
            "dingtalk",
            "--app-key",
            "dingappkey",
            "--app-secret",
            DING_SECRET,
            "--agent-id",
            "123456",
            "--api-base",
            &server.url(""),
        ],
    );
}

pub(super) fn ding_token_reply(server: &HttpServer) {
    server.always(
        "/gettoken",
        Reply::json(
            200,
            &format!(
                r#"{{"errcode":0,"errmsg":"ok","access_token":"{DING_TOKEN}","expires_in":7200}}"#
            ),
        ),
    );
}

#[test]
fn dingtalk_by_mobile_looks_up_the_user_and_caches_the_token_across_runs() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(
            200,
            r#"{"errcode":0,"errmsg":"ok","result":{"userid":"u-alice-1"}}"#,
        ),
    );
    server.always(
        "/topapi/message/corpconversation/asyncsend_v2",
        Reply::json(200, r#"{"errcode":0,"errmsg":"ok","task_id":987}"#),
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

    for round in 1..=2 {
        let run = send(
            &env,
            &[
                "--to",
                "alice",
                "--format",
                "text",
                "--message",
                &format!("disk full #{round}"),
            ],
        );
        run.ok();
        assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
        let row = only_row(&run);
        assert_delivered(&row, 1);
        assert_eq!(row["channel"], "dingtalk");
        assert_eq!(row["recipient"], "alice");
    }

    let tokens = server.requests_to("/gettoken");
    assert_eq!(
        tokens.len(),
        1,
        "the token was fetched again instead of read from the cache"
    );
    assert_eq!(tokens[0].method, "GET");
    assert_eq!(tokens[0].query("appkey").as_deref(), Some("dingappkey"));
    assert_eq!(tokens[0].query("appsecret").as_deref(), Some(DING_SECRET));

    let lookups = server.requests_to("/topapi/v2/user/getbymobile");
    assert_eq!(lookups.len(), 2);
    for req in &lookups {
        assert_eq!(req.method, "POST");
        assert_eq!(req.query("access_token").as_deref(), Some(DING_TOKEN));
        assert_eq!(req.json(), json!({"mobile": "13100000000"}));
    }
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 2);
    for (i, req) in sends.iter().enumerate() {
        assert_eq!(req.query("access_token").as_deref(), Some(DING_TOKEN));
        assert_eq!(
            req.json(),
            json!({"agent_id": 123456, "userid_list": "u-alice-1",
                   "msg": {"msgtype": "text", "text": {"content": format!("disk full #{}", i + 1)}}})
        );
        assert!(req.json()["agent_id"].is_i64(), "agent_id must be a number");
    }

    // The cache is one private file under the user cache folder.
    let dir = env.path("cache").join("notify").join("tokens");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("token cache folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let mode = std::fs::metadata(&files[0])
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "token cache file mode {mode:o}");
}

#[test]
fn dingtalk_unknown_mobile_fails_without_sending() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":60121,"errmsg":"找不到该用户"}"#),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=+8613100000009",
            "--enable",
            "dingtalk",
        ],
    );
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.code(3);
    assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
    let row = only_row(&run);
    assert_eq!(row["outcome"], "failed", "{row}");
    assert_eq!(row["error_code"], "60121", "{row}");
    let lookups = server.requests_to("/topapi/v2/user/getbymobile");
    assert_eq!(lookups.len(), 1, "a permanent lookup error was retried");
    assert_eq!(lookups[0].json(), json!({"mobile": "13100000009"}));
    assert!(
        server
            .requests_to("/topapi/message/corpconversation/asyncsend_v2")
            .is_empty()
    );
}

#[test]
fn dingtalk_exclusive_uses_the_employee_id_as_the_userid() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk-exclusive.employee_id=manager4321",
            "--enable",
            "dingtalk-exclusive",
        ],
    );
    let run = send(
        &env,
        &["--to", "alice", "--format", "text", "--message", "hi there"],
    );
    run.ok();
    assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
    assert!(
        server.requests_to("/topapi/v2/user/getbymobile").is_empty(),
        "no lookup expected"
    );
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 1);
    assert_eq!(
        sends[0].json(),
        json!({"agent_id": 123456, "userid_list": "manager4321",
               "msg": {"msgtype": "text", "text": {"content": "hi there"}}})
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "dingtalk-exclusive");
}

//! Batching: many recipients in one vendor call, one row each.

use super::*;

/// Imports `rows` (CSV lines after the header `header`) in one `user import`.
fn import_users(env: &Env, header: &str, rows: impl Iterator<Item = String>) {
    let text = std::iter::once(header.to_owned())
        .chain(rows)
        .collect::<Vec<_>>()
        .join("\n");
    let path = env.path("users.csv");
    std::fs::write(&path, text).expect("write the CSV");
    env.run(&["user", "import", path.to_str().expect("utf-8 path")])
        .ok();
}

#[test]
fn dingtalk_work_notices_go_a_hundred_users_a_call() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    let sent = "/topapi/message/corpconversation/asyncsend_v2";
    server.always(sent, Reply::json(200, r#"{"errcode":0,"task_id":1}"#));
    import_users(
        &env,
        "name,dingtalk-exclusive.employee_id,enable",
        (0..250).map(|i| format!("u{i:03},emp{i:03},dingtalk-exclusive")),
    );
    let run = send(
        &env,
        &["--all-users", "--format", "text", "--message", "hi all"],
    );
    run.ok();
    assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
    assert_eq!(server.requests_to("/gettoken").len(), 1);
    let mut calls: Vec<Value> = server.requests_to(sent).iter().map(|r| r.json()).collect();
    calls.sort_by_key(|c| c["userid_list"].as_str().unwrap_or_default().to_owned());
    let lists: Vec<Vec<String>> = calls
        .iter()
        .map(|c| {
            assert_eq!(c["agent_id"], 123456);
            assert_eq!(
                c["msg"],
                json!({"msgtype": "text", "text": {"content": "hi all"}})
            );
            let list = c["userid_list"].as_str().expect("a userid list");
            list.split(',').map(str::to_owned).collect()
        })
        .collect();
    let sizes: Vec<usize> = lists.iter().map(Vec::len).collect();
    assert_eq!(sizes, [100, 100, 50], "three calls: {lists:?}");
    let all: Vec<String> = lists.concat();
    let expected: Vec<String> = (0..250).map(|i| format!("emp{i:03}")).collect();
    assert_eq!(all, expected, "every user once, in order");
    let rows = rows(&run);
    assert_eq!(rows.len(), 250);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["recipient"], format!("u{i:03}"));
        assert_eq!(row["channel"], "dingtalk-exclusive");
        assert_delivered(row, 1);
    }
}

/// Users a and b on DingTalk Exclusive (employee ids emp-a, emp-b) and c on DingTalk by mobile.
fn exclusive_pair_and_one_by_mobile(env: &Env) {
    import_users(
        env,
        "name,dingtalk-exclusive.employee_id,enable",
        ["a,emp-a,dingtalk-exclusive", "b,emp-b,dingtalk-exclusive"]
            .into_iter()
            .map(str::to_owned),
    );
    admin(
        env,
        &[
            "c",
            "--create",
            "--set",
            "dingtalk.mobile=13100000009",
            "--enable",
            "dingtalk",
        ],
    );
}

#[test]
fn a_failed_batch_fails_every_recipient_and_a_failed_lookup_only_its_own() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    let sent = "/topapi/message/corpconversation/asyncsend_v2";
    server.always(
        sent,
        Reply::json(200, r#"{"errcode":40035,"errmsg":"invalid parameter"}"#),
    );
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":60121,"errmsg":"no such user"}"#),
    );
    exclusive_pair_and_one_by_mobile(&env);
    let run = send(&env, &["--all-users", "--message", "hi"]);
    run.code(3);
    let calls = server.requests_to(sent);
    assert_eq!(calls.len(), 1, "one call for the two found users");
    assert_eq!(calls[0].json()["userid_list"], "emp-a,emp-b");
    let rows = rows(&run);
    assert_eq!(rows.len(), 3);
    assert_failed(&rows[0], 1, "40035");
    assert_failed(&rows[1], 1, "40035");
    assert_eq!(rows[2]["recipient"], "c");
    assert_failed(&rows[2], 0, "60121");
}

/// A store of `n` users with a verified, enabled `sms` channel.
fn sms_users(env: &Env, n: usize) {
    import_users(
        env,
        "name,sms.mobile,enable",
        (0..n).map(|i| format!("u{i:04},131{i:08},sms")),
    );
}

#[test]
fn a_thousand_sms_numbers_go_in_one_call_and_one_more_in_a_second() {
    let server = HttpServer::start();
    let env = Env::new();
    aliyun_provider(&env, &server);
    server.always(
        "/",
        Reply::json(200, r#"{"Code":"OK","Message":"OK","BizId":"1"}"#),
    );
    sms_users(&env, 1001);
    let run = send(&env, &["--all-users", "--message", "disk full"]);
    run.ok();
    assert_hidden(&run, &[ALIYUN_SECRET]);
    let mut calls: Vec<Vec<String>> = server
        .requests()
        .iter()
        .map(|req| {
            let pairs = query_pairs(req);
            let numbers = param(&pairs, "PhoneNumbers");
            let mut ordered = pairs.clone();
            let at = ordered.iter().position(|(k, _)| k == "Signature");
            let signature = ordered.remove(at.expect("signed")).1;
            assert_eq!(signature, aliyun_sign(ALIYUN_SECRET, "GET", &ordered));
            assert_eq!(param(&pairs, "TemplateParam"), r#"{"content":"disk full"}"#);
            numbers.split(',').map(str::to_owned).collect()
        })
        .collect();
    calls.sort_by_key(Vec::len);
    let sizes: Vec<usize> = calls.iter().map(Vec::len).collect();
    assert_eq!(sizes, [1, 1000]);
    assert_eq!(calls[1][0], "13100000000");
    assert_eq!(calls[1][999], "13100000999");
    assert_eq!(calls[0], ["13100001000"]);
    let rows = rows(&run);
    assert_eq!(rows.len(), 1001);
    rows.iter().for_each(|r| assert_delivered(r, 1));
}

#[test]
fn a_refused_sms_batch_fails_every_row() {
    let server = HttpServer::start();
    let env = Env::new();
    aliyun_provider(&env, &server);
    server.always(
        "/",
        Reply::json(
            200,
            r#"{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"bad"}"#,
        ),
    );
    sms_users(&env, 3);
    let run = send(&env, &["--all-users", "--message", "x"]);
    run.code(3);
    assert_eq!(server.requests().len(), 1);
    let rows = rows(&run);
    assert_eq!(rows.len(), 3);
    rows.iter()
        .for_each(|r| assert_failed(r, 1, "isv.MOBILE_NUMBER_ILLEGAL"));
}

#[test]
fn many_emails_share_a_few_pooled_connections_one_recipient_each() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    import_users(
        &env,
        "name,email.address,enable",
        (0..40).map(|i| format!("u{i:02},u{i:02}@example.com,email")),
    );
    let run = send(
        &env,
        &["--all-users", "--concurrency", "40", "--message", "hi"],
    );
    run.ok();
    let mails = smtp.wait_for(40, WAIT);
    assert_eq!(mails.len(), 40);
    let mut to: Vec<String> = mails
        .iter()
        .map(|m| {
            assert_eq!(m.to.len(), 1, "one recipient per message: {:?}", m.to);
            let header = m.header("To").unwrap_or_default();
            assert_eq!(header, m.to[0], "the To header names only its recipient");
            m.to[0].clone()
        })
        .collect();
    to.sort();
    let expected: Vec<String> = (0..40).map(|i| format!("u{i:02}@example.com")).collect();
    assert_eq!(to, expected);
    let connections = smtp.connections();
    assert!(
        (1..=10).contains(&connections),
        "40 messages over {connections} connections (the pool keeps at most 10)"
    );
    rows(&run).iter().for_each(|r| assert_delivered(r, 1));
}

#[test]
fn a_dry_run_shows_a_batch_as_one_request_on_its_first_row() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    exclusive_pair_and_one_by_mobile(&env);
    let run = env.run(&[
        "send",
        "--json",
        "--dry-run",
        "--all-users",
        "--format",
        "text",
        "--message",
        "hi",
    ]);
    run.ok();
    assert_eq!(server.connections(), 0, "a dry run opens no connection");
    let report = run.json();
    let rows = report["destinations"].as_array().expect("destinations");
    assert_eq!(rows.len(), 3);
    let first: Vec<&str> = rows[0]["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .map(|r| r.as_str().expect("text"))
        .collect();
    assert_eq!(first.len(), 3, "token, c's lookup, one notice: {first:?}");
    assert!(first[0].contains("/gettoken?"), "{}", first[0]);
    assert!(first[1].contains("getbymobile") && first[1].contains("13100000009"));
    assert!(
        first[2].contains(r#""userid_list":"emp-a,emp-b,<userid from getbymobile>""#),
        "{}",
        first[2]
    );
    assert!(first.iter().all(|r| !r.contains(DING_SECRET)));
    for row in &rows[1..] {
        assert_eq!(row["requests"], json!([]), "{row}");
    }
}

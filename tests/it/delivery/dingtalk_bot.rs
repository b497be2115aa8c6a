//! DingTalk group robot.

use super::*;

pub(super) const ROBOT_SECRET: &str = "SECrobot0123456789abcdef";
pub(super) const ROBOT_TOKEN: &str = "robottoken42";

/// Checks the signature of a signed robot request against the time window it was sent in.
#[track_caller]
fn check_robot_sign(req: &Recorded, secret: &str, before: u64, after: u64) {
    let pairs = query_pairs(req);
    assert_eq!(param(&pairs, "access_token"), ROBOT_TOKEN);
    let ts: u64 = param(&pairs, "timestamp")
        .parse()
        .expect("millisecond timestamp");
    assert!(
        before <= ts && ts <= after,
        "timestamp {ts} not in [{before}, {after}]"
    );
    let sign = dingtalk_sign(secret, ts);
    assert_eq!(param(&pairs, "sign"), sign, "sign does not match");
    let raw = req.query_raw("sign").expect("sign");
    assert_eq!(raw, pct(&sign), "sign must be percent-encoded exactly once");
    assert!(!raw.contains("%25"), "double encoding: {raw}");
}

#[test]
fn dingtalk_bot_is_signed_and_always_carries_the_keyword() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let before = now_ms();
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--format",
            "text",
            "--message",
            "disk full",
        ],
    );
    let after = now_ms();
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET, ROBOT_TOKEN]);
    let reqs = server.requests_to("/robot/send");
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method, "POST");
    assert_eq!(
        header(req, "Content-Type"),
        "application/json; charset=utf-8"
    );
    check_robot_sign(req, ROBOT_SECRET, before, after);
    let body = req.json();
    let uuid = body["msgUuid"].as_str().expect("msgUuid").to_owned();
    assert_uuid(&uuid);
    assert_eq!(
        body,
        json!({"msgtype": "text", "text": {"content": "[DMS] disk full"},
               "at": {"atMobiles": [], "atUserIds": [], "isAtAll": false}, "msgUuid": uuid})
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "dingtalk-bot");
    assert!(
        row["destination"]
            .as_str()
            .expect("text")
            .contains("access_token=****"),
        "{row}"
    );

    // A message that already has the keyword is left alone; another keyword is added.
    send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--format",
            "text",
            "--message",
            "DMS backup done",
        ],
    )
    .ok();
    send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--keyword",
            "ops",
            "--format",
            "text",
            "--message",
            "backup done",
        ],
    )
    .ok();
    let reqs = server.requests_to("/robot/send");
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[1].json()["text"]["content"], "DMS backup done");
    assert_eq!(reqs[2].json()["text"]["content"], "[ops] backup done");
    // Without a secret the URL is left as given.
    assert_eq!(reqs[1].query("sign"), None);
    assert_eq!(reqs[1].query("timestamp"), None);
}

#[test]
fn dingtalk_bot_markdown_says_markdown_and_keeps_the_keyword() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--format",
            "markdown",
            "--title",
            "Disk alert",
            "--message",
            "disk **full**",
        ],
    )
    .ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let body = reqs[0].json();
    assert_eq!(body["msgtype"], "markdown", "{body}");
    assert!(body.get("text").is_none(), "{body}");
    let title = body["markdown"]["title"].as_str().expect("title");
    let text = body["markdown"]["text"].as_str().expect("text");
    assert!(
        title.contains("Disk alert") && title.contains("DMS"),
        "{title}"
    );
    assert!(
        text.contains("disk **full**") && text.contains("DMS"),
        "{text}"
    );
    assert_uuid(body["msgUuid"].as_str().expect("msgUuid"));
}

#[test]
fn dingtalk_bot_310000_is_permanent() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always(
        "/robot/send",
        Reply::json(200, r#"{"errcode":310000,"errmsg":"sign not match"}"#),
    );
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--message",
            "hi",
        ],
    );
    run.code(3);
    assert_hidden(&run, &[ROBOT_SECRET, ROBOT_TOKEN]);
    assert_eq!(server.requests().len(), 1, "310000 was retried");
    let row = only_row(&run);
    assert_failed(&row, 1, "310000");
    assert_eq!(row["error_message"], "sign not match");
}

#[test]
fn dingtalk_bot_130101_is_retried_with_the_same_msg_uuid_and_a_fresh_sign() {
    let server = HttpServer::start();
    let env = Env::new();
    server.reply(
        "/robot/send",
        Reply::json(200, r#"{"errcode":130101,"errmsg":"send too fast"}"#),
    );
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let before = now_ms();
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--message",
            "hi",
        ],
    );
    let after = now_ms();
    run.ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        check_robot_sign(req, ROBOT_SECRET, before, after);
    }
    let first = reqs[0].json()["msgUuid"].clone();
    assert!(first.is_string());
    assert_eq!(
        reqs[1].json()["msgUuid"],
        first,
        "msgUuid changed across retries"
    );
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn users_sharing_one_robot_get_one_message() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    for name in ["alice", "bob"] {
        admin(
            &env,
            &[
                name,
                "--create",
                "--set",
                &format!("dingtalk-bot.webhook={url}"),
                "--set",
                &format!("dingtalk-bot.secret={ROBOT_SECRET}"),
                "--enable",
                "dingtalk-bot",
            ],
        );
    }
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--to",
            "bob",
            "--message",
            "DMS maintenance",
        ],
    );
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET, ROBOT_TOKEN]);
    assert_eq!(server.requests().len(), 1, "one message per shared robot");
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["recipient"], "alice, bob");
    assert_eq!(row["channel"], "dingtalk-bot");
}

#[test]
fn a_robot_is_paced_at_twenty_messages_a_minute() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let mut args = vec!["--deadline", "2", "--message", "DMS burst"];
    for _ in 0..21 {
        args.push("--dingtalk-bot");
        args.push(&url);
    }
    let run = send(&env, &args);
    run.code(3);
    let rows = rows(&run);
    assert_eq!(rows.len(), 21);
    let delivered = rows.iter().filter(|r| r["outcome"] == "delivered").count();
    let failed: Vec<&Value> = rows.iter().filter(|r| r["outcome"] == "failed").collect();
    assert_eq!(delivered, 20, "{rows:?}");
    assert_eq!(failed.len(), 1, "{rows:?}");
    let reason = failed[0]["reason"].as_str().expect("reason");
    assert!(reason.contains("robot rate limit (20/min)"), "{reason}");
    assert_eq!(failed[0]["attempts"], 0, "{}", failed[0]);
    assert_eq!(server.requests().len(), 20, "the 21st message went out");
}

#[test]
fn robot_pacing_holds_across_separate_runs() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let mut args = vec!["--message", "DMS burst"];
    for _ in 0..20 {
        args.push("--wecom-bot");
        args.push(&url);
    }
    send(&env, &args).ok();
    // A second process a moment later finds the robot's budget spent.
    let run = send(
        &env,
        &[
            "--deadline",
            "1",
            "--message",
            "DMS one more",
            "--wecom-bot",
            &url,
        ],
    );
    run.code(3);
    let reason = only_row(&run)["reason"]
        .as_str()
        .expect("reason")
        .to_owned();
    assert!(reason.contains("robot rate limit (20/min)"), "{reason}");
    assert_eq!(server.requests().len(), 20, "the 21st message went out");
    // The send times are kept in a private file that is named without the robot's token.
    let dir = env.path("cache").join("notify").join("robots");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("robots folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(files.len(), 1);
    let meta = files[0].metadata().expect("metadata");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(!files[0].file_name().to_string_lossy().contains(ROBOT_TOKEN));
}

#[test]
fn masked_robots_stay_distinguishable_by_their_tokens_last_characters() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always(
        "/robot/send",
        Reply::json(500, r#"{"errcode":-1,"errmsg":"busy"}"#),
    );
    let tokens = [
        format!("{}a1b2", "0".repeat(60)),
        format!("{}c3d4", "0".repeat(60)),
    ];
    for (name, token) in ["alice", "bob"].into_iter().zip(&tokens) {
        let url = server.url(&format!("/robot/send?access_token={token}"));
        admin(
            &env,
            &[
                name,
                "--create",
                "--set",
                &format!("dingtalk-bot.webhook={url}"),
                "--enable",
                "dingtalk-bot",
            ],
        );
    }
    let shown = |tail: &str| server.url(&format!("/robot/send?access_token=****{tail}"));
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--to",
            "bob",
            "--message",
            "DMS hi",
            "--retries",
            "0",
        ],
    );
    run.code(3);
    let secrets: Vec<&str> = tokens.iter().map(String::as_str).collect();
    assert_hidden(&run, &secrets);
    let destinations = |rows: &[Value]| -> Vec<String> {
        let mut d: Vec<String> = rows
            .iter()
            .map(|r| r["destination"].as_str().unwrap_or_default().to_owned())
            .collect();
        d.sort();
        d
    };
    let want = [shown("a1b2"), shown("c3d4")];
    assert_eq!(destinations(&rows(&run)), want, "the report");
    let log = env.run(&["log", "--json"]);
    log.ok();
    assert_hidden(&log, &secrets);
    let logged = log.json().as_array().cloned().unwrap_or_default();
    assert_eq!(destinations(&logged), want, "the log");
    for (name, tail) in [("alice", "a1b2"), ("bob", "c3d4")] {
        let list = env.run(&["-u", name, "channel", "list"]);
        list.ok().stdout_has(&format!("access_token=****{tail}"));
        assert_hidden(&list, &secrets);
    }
}

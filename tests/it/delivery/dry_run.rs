//! Dry run.

use super::*;

#[test]
fn dry_run_opens_no_connection_and_masks_every_secret() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    aliyun_provider(&env, &server);
    feishu_provider(&env, &server, "cli_f");
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=13100000000",
            "--set",
            "feishu.mobile=13100000001",
            "--set",
            "sms.mobile=13100000002",
            "--set",
            &format!("dingtalk-bot.webhook={robot}"),
            "--set",
            &format!("dingtalk-bot.secret={ROBOT_SECRET}"),
            "--set",
            &format!("webhook.url={}", server.url("/hook")),
            "--set",
            "webhook.signature_method=HMAC_SHA256",
            "--set",
            "webhook.signature_key=dry-run-hook-key",
            "--enable",
            "dingtalk",
            "--enable",
            "feishu",
            "--enable",
            "sms",
            "--enable",
            "dingtalk-bot",
            "--enable",
            "webhook",
        ],
    );
    let secrets = [
        DING_SECRET,
        ALIYUN_SECRET,
        FEISHU_SECRET,
        ROBOT_SECRET,
        ROBOT_TOKEN,
        "dry-run-hook-key",
    ];
    let run = send(
        &env,
        &["--to", "alice", "--message", "DMS dry", "--dry-run"],
    );
    run.ok();
    assert_hidden(&run, &secrets);
    let report = run.json();
    assert_eq!(report["dry_run"], true, "{report}");
    let dests = report["destinations"].as_array().expect("destinations");
    assert_eq!(dests.len(), 5, "{report}");
    let requests = |kind: &str| -> String {
        let d = dests
            .iter()
            .find(|d| d["channel"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {report}"));
        d["requests"]
            .as_array()
            .unwrap_or_else(|| panic!("no requests for {kind}: {d}"))
            .iter()
            .map(|r| r.as_str().expect("text").to_owned())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let ding = requests("dingtalk");
    assert!(
        ding.contains("/gettoken?appkey=dingappkey&appsecret=****"),
        "{ding}"
    );
    assert!(ding.contains("getbymobile?access_token=****"), "{ding}");
    assert!(ding.contains("asyncsend_v2?access_token=****"), "{ding}");
    let feishu = requests("feishu");
    assert!(feishu.contains("Authorization: ****"), "{feishu}");
    let robot_text = requests("dingtalk-bot");
    assert!(robot_text.contains("access_token=****"), "{robot_text}");
    assert!(
        robot_text.contains("sign="),
        "the dry run shows the signed URL: {robot_text}"
    );
    let hook = requests("webhook");
    assert!(hook.contains("X-Notify-Signature: sha256="), "{hook}");
    let sms = requests("sms");
    assert!(sms.contains("Signature="), "{sms}");

    // The text form says so too.
    let run = env.run(&["send", "--to", "alice", "--message", "DMS dry", "--dry-run"]);
    run.ok().stderr_has("dry run");
    assert_hidden(&run, &secrets);

    assert!(
        server.requests().is_empty(),
        "a dry run made requests: {:?}",
        server.requests()
    );
    assert_eq!(server.connections(), 0, "a dry run opened a connection");
    assert!(
        !env.path("cache").join("notify").join("tokens").exists(),
        "a dry run touched the token cache"
    );
}

/// A dry run is a pre-flight check: a destination a live run would fail before sending (its signing
/// key's environment variable is unset) makes it exit 3, and every row is still printed.
#[test]
fn a_dry_run_exits_3_when_a_destination_would_fail_before_sending() {
    let server = HttpServer::start();
    let env = Env::new();
    let hook = server.url("/hook");
    for args in [
        &["channel", "set", "webhook", "--url", &hook][..],
        &["channel", "enable", "webhook"],
        &["user", "add", "bob"],
    ] {
        env.run(args).ok();
    }
    env.run(&[
        "-u",
        "bob",
        "channel",
        "set",
        "webhook",
        "--url",
        &hook,
        "--signature-method",
        "HMAC_SHA256",
        "--signature-key-env",
        "NOTIFY_TEST_UNSET_HOOK_KEY",
    ])
    .ok();
    env.run(&["-u", "bob", "channel", "enable", "webhook"]).ok();
    let dry = ["send", "--all-users", "--message", "disk full", "--dry-run"];
    let run = env.run(&dry);
    run.code(3)
        .stderr_has("error: 1 of 2 destinations would fail")
        .stderr_has("dry run: nothing was sent")
        .stdout_has("NOTIFY_TEST_UNSET_HOOK_KEY");
    // Both rows are printed: the one that would go out, with its request, and the one that would not.
    assert!(
        run.stdout.contains("POST http://127.0.0.1:"),
        "{}",
        run.stdout
    );
    let run = env.run(&[&dry[..], &["--json"]].concat());
    run.code(3);
    let report = run.json();
    let dests = report["destinations"].as_array().expect("destinations");
    assert_eq!(dests.len(), 2, "{report}");
    assert_eq!(
        dests.iter().filter(|d| d["outcome"] == "failed").count(),
        1,
        "{report}"
    );
    assert!(server.requests().is_empty(), "a dry run sent something");
    // The live run fails that destination the same way, before sending it.
    env.run(&["send", "--all-users", "--message", "disk full", "--no-log"])
        .code(3);
    assert_eq!(server.requests().len(), 1);
}

//! Planning: skipped and failed rows, filters.

use super::*;

#[test]
fn unusable_channels_are_skipped_with_reasons_and_the_rest_still_go_out() {
    let server = HttpServer::start();
    let env = Env::new();
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/hook-ok")),
            "--set",
            &format!("wecom-bot.webhook={}", server.url("/wecom?key=k1")),
            "--set",
            "sms.mobile=13100000000",
            "--set",
            &format!("dingtalk-bot.webhook={robot}"),
            "--set",
            "email.address=alice@example.com",
            "--enable",
            "webhook",
            "--enable",
            "sms",
            "--enable",
            "dingtalk-bot",
            "--enable",
            "email",
        ],
    );
    // Alice changes her own mobile: no longer verified (and disabled). A store edited by hand can still
    // say enabled; the send must skip it all the same.
    env.run(&["channel", "set", "sms", "--mobile", "13100000001"])
        .ok()
        .stderr_has("verification was cleared");
    let edited = env.store_text().replace(
        "mobile = \"+8613100000001\"\nenabled = false",
        "mobile = \"+8613100000001\"\nenabled = true",
    );
    assert_ne!(
        edited,
        env.store_text(),
        "the sms channel is in the store as expected"
    );
    env.write_store(&edited);
    env.run(&["notice", "disable", "dingtalk-bot"]).ok();

    let run = send(&env, &["--to", "alice", "--message", "DMS check"]);
    run.code(3);
    let rows = rows(&run);
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert!(rows.iter().all(|r| r["recipient"] == "alice"), "{rows:?}");
    assert_delivered(&row_for(&rows, "webhook"), 1);
    assert_skipped(&row_for(&rows, "wecom-bot"), "not enabled");
    let sms = row_for(&rows, "sms");
    assert_skipped(&sms, "not verified");
    assert!(
        sms["reason"]
            .as_str()
            .expect("reason")
            .contains("notify channel verify sms"),
        "{sms}"
    );
    assert_skipped(
        &row_for(&rows, "dingtalk-bot"),
        "switched off in Notice Management",
    );
    let email = row_for(&rows, "email");
    assert_eq!(email["outcome"], "failed", "{email}");
    assert_eq!(email["attempts"], 0, "{email}");
    let reason = email["reason"].as_str().expect("reason");
    assert!(reason.contains("notify provider set smtp"), "{reason}");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 1, "only the webhook may be called: {reqs:?}");
    assert_eq!(reqs[0].path, "/hook-ok");
    // alice has a usable channel: she is a receiver.
    assert_eq!(
        reqs[0].json()["messageEvent"]["receivers"],
        json!([{"uid": "alice", "name": ""}])
    );
}

#[test]
fn the_channel_filter_limits_the_recipients_channels() {
    let server = HttpServer::start();
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/hook-a")),
            "--set",
            &format!("wecom-bot.webhook={}", server.url("/wecom?key=k1")),
            "--enable",
            "webhook",
            "--enable",
            "wecom-bot",
        ],
    );
    let run = send(
        &env,
        &["--to", "alice", "--channel", "webhook", "--message", "hi"],
    );
    run.ok();
    let row = only_row(&run);
    assert_eq!(row["channel"], "webhook");
    assert_delivered(&row, 1);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].path, "/hook-a");

    // Both kinds without the filter.
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.ok();
    assert_eq!(rows(&run).len(), 2);
    assert_eq!(server.requests_to("/wecom").len(), 1);
}

#[test]
fn refusals_exit_1_or_2_and_send_nothing() {
    let server = HttpServer::start();
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/h")),
            "--enable",
            "webhook",
        ],
    );
    send(&env, &["--to", "nobody", "--message", "hi"])
        .code(2)
        .stderr_has("no user named nobody");
    send(
        &env,
        &["--webhook", "http://example.com/hook", "--message", "hi"],
    )
    .code(2)
    .stderr_has("loopback");
    send(
        &env,
        &[
            "--webhook",
            &server.url("/h"),
            "--signature-method",
            "HMAC_SHA1",
            "--message",
            "hi",
        ],
    )
    .code(2)
    .stderr_has("needs a key");
    send(
        &env,
        &[
            "--dingtalk-bot",
            &server.url("/r?access_token=t"),
            "--secret",
            "nope",
            "--message",
            "hi",
        ],
    )
    .code(2)
    .stderr_has("SEC");
    send(&env, &["--to", "alice"])
        .code(2)
        .stderr_has("no message");
    assert!(
        server.requests().is_empty(),
        "a refused send made a request"
    );
}

#[test]
fn limits_out_of_range_are_usage_errors_in_real_and_dry_runs() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/h");
    for flag in ["--timeout", "--deadline"] {
        for value in ["1e20", "1e19", "86401", "0", "-1", "NaN", "inf"] {
            for dry in [false, true] {
                let limit = format!("{flag}={value}");
                let mut args = vec!["--webhook", &url, "--message", "hi", &limit];
                if dry {
                    args.push("--dry-run");
                }
                let run = send(&env, &args);
                run.code(2)
                    .stderr_has(&format!("{flag} must be a positive number of seconds"));
                run.stderr_lacks("panicked");
            }
        }
    }
    assert!(
        server.requests().is_empty(),
        "a refused send made a request"
    );
}

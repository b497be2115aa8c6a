//! What `channel set` refuses (issue 16, finding 1.11): mobiles outside their country's numbering
//! plan, robot URLs without their token, with a message that says what is wrong and the shape expected.

use crate::support::Env;

#[test]
fn mobiles_outside_the_numbering_plan_are_refused_with_the_reason() {
    let env = Env::new();
    let before = env.store_text();
    let cases = [
        (
            "+4477009",
            "error: invalid --mobile for channel sms: +4477009 is not a valid mobile number for United Kingdom (too short)",
        ),
        (
            "12345678901",
            "error: invalid --mobile for channel sms: 12345678901 is not a valid mobile number for China (no such number range)",
        ),
        (
            "+8675512345678",
            "error: invalid --mobile for channel sms: +8675512345678 is not a valid mobile number for China (it is a landline number)",
        ),
        (
            "2310000000",
            "error: invalid --mobile for channel sms: 2310000000 has no country code",
        ),
    ];
    for (bad, message) in cases {
        env.run(&["channel", "set", "sms", "--mobile", bad])
            .code(2)
            .stderr_has(message)
            .stderr_has("e.g. +8613100000000");
        assert_eq!(env.store_text(), before, "{bad} changed the store");
    }
    // A bare 11-digit mainland mobile is still welcome, and stored in E.164.
    env.run(&["channel", "set", "sms", "--mobile", "138 0013 8000"])
        .ok();
    assert!(env.store_text().contains("mobile = \"+8613800138000\""));
}

#[test]
fn robot_urls_must_carry_their_token() {
    let env = Env::new();
    let before = env.store_text();
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &[
                "dingtalk-bot",
                "--webhook",
                "https://oapi.dingtalk.com/robot/send",
            ],
            "error: invalid --webhook for channel dingtalk-bot: the URL has no access_token",
            "e.g. https://oapi.dingtalk.com/robot/send?access_token=...",
        ),
        (
            &[
                "dingtalk-bot",
                "--webhook",
                "http://127.0.0.1:9/robot/send?key=abc",
            ],
            "error: invalid --webhook for channel dingtalk-bot: the URL has no access_token",
            "e.g. https://oapi.dingtalk.com/robot/send?access_token=...",
        ),
        (
            &[
                "wecom-bot",
                "--webhook",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send",
            ],
            "error: invalid --webhook for channel wecom-bot: the URL has no key",
            "e.g. https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...",
        ),
        (
            &[
                "wecom-bot",
                "--webhook",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=",
            ],
            "error: invalid --webhook for channel wecom-bot: the URL has no key",
            "copy the robot's whole URL, its key=... included",
        ),
    ];
    for (args, message, shape) in cases {
        let mut full = vec!["channel", "set"];
        full.extend_from_slice(args);
        env.run(&full).code(2).stderr_has(message).stderr_has(shape);
        assert_eq!(env.store_text(), before, "{args:?} changed the store");
    }
    env.run(&[
        "channel",
        "set",
        "wecom-bot",
        "--webhook",
        "http://127.0.0.1:9/cgi-bin/webhook/send?key=k1",
    ])
    .ok();
}

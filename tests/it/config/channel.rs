//! Channel.

use super::*;

#[test]
fn every_kind_can_be_set_and_is_listed_with_its_destination() {
    let env = Env::new();
    // (kind, flags, destination in the list, verified right away, fields shown)
    let cases: &[(&str, &[&str], &str, bool, Value)] = &[
        (
            "dingtalk",
            &["--mobile", "13100000000"],
            "+8613100000000",
            false,
            json!({"mobile": "+8613100000000"}),
        ),
        (
            "dingtalk-exclusive",
            &["--employee-id", "manager4321"],
            "manager4321",
            false,
            json!({"employee_id": "manager4321"}),
        ),
        (
            "feishu",
            &["--mobile", "+8613100000001"],
            "+8613100000001",
            false,
            json!({"mobile": "+8613100000001"}),
        ),
        (
            "lark",
            &["--email", "alice@example.com"],
            "alice@example.com",
            false,
            json!({"email": "alice@example.com"}),
        ),
        (
            "lark-mobile",
            &["--mobile", "13100000002"],
            "+8613100000002",
            false,
            json!({"mobile": "+8613100000002"}),
        ),
        (
            "dingtalk-bot",
            &["--webhook", BOT_URL],
            BOT_URL_MASKED,
            true,
            json!({"webhook": BOT_URL_MASKED, "keyword": "DMS"}),
        ),
        (
            "wecom-bot",
            &["--webhook", WECOM_URL],
            WECOM_URL_MASKED,
            true,
            json!({"webhook": WECOM_URL_MASKED}),
        ),
        (
            "email",
            &["--address", "alice@example.com"],
            "alice@example.com",
            false,
            json!({"address": "alice@example.com"}),
        ),
        (
            "sms",
            &["--mobile", "+44 7400 123456"],
            "+447400123456",
            false,
            json!({"mobile": "+447400123456"}),
        ),
        (
            "webhook",
            &[
                "--url",
                "https://hooks.example.com/dms",
                "--signature-method",
                "HMAC_SHA256",
                "--signature-key",
                "k3y",
            ],
            "https://hooks.example.com/dms",
            true,
            json!({"url": "https://hooks.example.com/dms", "signature_method": "HMAC_SHA256", "signature_key": "****"}),
        ),
    ];
    for (kind, flags, _, _, _) in cases {
        let mut args = vec!["channel", "set", kind];
        args.extend_from_slice(flags);
        env.run(&args)
            .ok()
            .stderr_has(&format!("{kind} channel of alice saved"));
    }
    let rows = env.run(&["channel", "list", "--json"]).ok().json();
    let rows = rows.as_array().expect("array");
    let kinds: Vec<_> = rows.iter().map(|r| r["kind"].clone()).collect();
    let expected: Vec<_> = cases.iter().map(|c| json!(c.0)).collect();
    assert_eq!(kinds, expected, "kinds in contract order");
    for ((kind, _, destination, verified, fields), row) in cases.iter().zip(rows) {
        assert_eq!(
            row,
            &json!({
                "kind": kind,
                "configured": true,
                "verified": verified,
                "enabled": false,
                "available": true,
                "destination": destination,
            }),
            "{kind}"
        );
        let shown = env.run(&["channel", "show", kind, "--json"]).ok().json();
        assert_eq!(&shown["fields"], fields, "{kind}");
        assert_eq!(shown["kind"], *kind);
        assert_eq!(shown["user"], "alice");
        assert_eq!(shown["verified"], *verified, "{kind}");
    }
    let table = env.run(&["channel", "list"]).ok().stdout.clone();
    assert!(table.contains("DESTINATION"), "{table}");
    assert!(table.contains(BOT_URL_MASKED), "{table}");
    assert!(!table.contains("abc123"), "{table}");
}

#[test]
fn an_unconfigured_channel_lists_as_not_configured() {
    let env = Env::new();
    let rows = env.run(&["channel", "list", "--json"]).ok().json();
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 10);
    for row in rows {
        assert_eq!(row["configured"], false);
        assert_eq!(row["enabled"], false);
        assert_eq!(row["available"], true);
        assert_eq!(row["destination"], "");
    }
    assert!(!env.store.exists(), "listing created a store");
}

#[test]
fn a_lark_channel_with_only_a_mobile_lists_that_mobile() {
    let env = Env::new();
    env.run(&["channel", "set", "lark", "--mobile", "13100000000"])
        .ok();
    assert_eq!(channel_row(&env, "lark")["destination"], "+8613100000000");
    env.run(&["channel", "set", "lark", "--email", "alice@example.com"])
        .ok();
    assert_eq!(
        shown_fields(&env, "lark", false),
        json!({"email": "alice@example.com", "mobile": "+8613100000000"})
    );
}

#[test]
fn mobiles_are_kept_in_e164_and_bad_ones_are_refused() {
    let env = Env::new();
    env.run(&["channel", "set", "sms", "--mobile", "13100000000"])
        .ok();
    assert!(env.store_text().contains("mobile = \"+8613100000000\""));
    env.run(&["channel", "set", "dingtalk", "--mobile", "+447400123456"])
        .ok();
    assert!(env.store_text().contains("mobile = \"+447400123456\""));
    let before = env.store_text();
    for bad in ["12345", "23100000000", "+0123456789", "1310000000a"] {
        env.run(&["channel", "set", "sms", "--mobile", bad])
            .code(2)
            .stderr_has("error: invalid --mobile for channel sms")
            .stderr_has("e.g. +8613100000000");
    }
    assert_eq!(env.store_text(), before);
}

#[test]
fn each_field_is_validated_with_its_flag_and_an_example() {
    let env = Env::new();
    env.run(&["user", "add", "alice"]).ok();
    let before = env.store_text();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["email", "--address", "not-an-address"],
            "error: invalid --address for channel email: expected an email address",
            "e.g. alice@example.com",
        ),
        (
            &["lark", "--email", "alice@"],
            "error: invalid --email for channel lark",
            "e.g. alice@example.com",
        ),
        (
            &["webhook", "--url", "http://hooks.example.com/dms"],
            "error: invalid --url for channel webhook: plain http is allowed only towards a loopback host",
            "e.g. https://hooks.example.com/dms",
        ),
        (
            &["webhook", "--url", "hooks.example.com/dms"],
            "error: invalid --url for channel webhook: not a URL",
            "e.g. https://hooks.example.com/dms",
        ),
        (
            &["wecom-bot", "--webhook", "ftp://qyapi.weixin.qq.com/x"],
            "error: invalid --webhook for channel wecom-bot: expected an https URL",
            "e.g. https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...",
        ),
        (
            &["dingtalk-bot", "--webhook", BOT_URL, "--secret", "abcdef"],
            "error: invalid --secret for channel dingtalk-bot: expected the robot's signing secret, which starts with SEC",
            "e.g. SEC0123456789abcdef",
        ),
        (
            &[
                "webhook",
                "--url",
                "https://hooks.example.com/dms",
                "--signature-method",
                "MD5",
            ],
            "error: invalid --signature-method for channel webhook: expected one of NONE, HMAC_SHA1, HMAC_SHA256",
            "",
        ),
        (
            &["dingtalk-exclusive", "--employee-id", " "],
            "error: invalid --employee-id for channel dingtalk-exclusive: expected a value",
            "e.g. manager4321",
        ),
    ];
    for (args, message, example) in cases {
        let mut full = vec!["channel", "set"];
        full.extend_from_slice(args);
        env.run(&full)
            .code(2)
            .stderr_has(message)
            .stderr_has(example);
        assert_eq!(env.store_text(), before, "{args:?} changed the store");
    }
}

#[test]
fn a_rejected_secret_is_not_echoed() {
    let env = Env::new();
    let run = env.run(&[
        "channel",
        "set",
        "dingtalk-bot",
        "--webhook",
        BOT_URL,
        "--secret",
        "my-precious-secret",
    ]);
    run.code(2).stderr_has("--secret");
    run.stderr_lacks("my-precious-secret");
}

#[test]
fn plain_http_is_allowed_towards_loopback_hosts_only() {
    let env = Env::new();
    for url in [
        "http://127.0.0.1:8787/hook",
        "http://localhost:8787/hook",
        "http://[::1]:8787/hook",
    ] {
        env.run(&["channel", "set", "webhook", "--url", url]).ok();
        assert_eq!(channel_row(&env, "webhook")["destination"], url);
    }
    env.run(&["channel", "set", "webhook", "--url", "http://10.0.0.1/hook"])
        .code(2)
        .stderr_has("loopback");
}

#[test]
fn a_webhook_needs_a_signature_key_unless_unsigned() {
    let env = Env::new();
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        "https://hooks.example.com/dms",
        "--signature-method",
        "HMAC_SHA1",
    ])
    .code(2)
    .stderr_has("signature_key")
    .stderr_has("--signature-key")
    .stderr_has("e.g. a-long-random-key");
    assert!(!env.store.exists(), "a refused set wrote the store");
    // Without a method the default is NONE, which needs no key.
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        "https://hooks.example.com/dms",
    ])
    .ok();
    assert_eq!(
        shown_fields(&env, "webhook", false),
        json!({"url": "https://hooks.example.com/dms", "signature_method": "NONE"})
    );
    // Switching to a signed method later still needs the key.
    let before = env.store_text();
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--signature-method",
        "HMAC_SHA256",
    ])
    .code(2)
    .stderr_has("--signature-key");
    assert_eq!(env.store_text(), before);
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--signature-method",
        "hmac-sha256",
        "--signature-key",
        "k3y",
    ])
    .ok();
    assert_eq!(
        shown_fields(&env, "webhook", true),
        json!({"url": "https://hooks.example.com/dms", "signature_method": "HMAC_SHA256", "signature_key": "k3y"})
    );
}

#[test]
fn partial_updates_keep_the_other_fields() {
    let env = Env::new();
    env.run(&[
        "channel",
        "set",
        "dingtalk-bot",
        "--webhook",
        BOT_URL,
        "--secret",
        "SECabc123",
    ])
    .ok();
    env.run(&["channel", "set", "dingtalk-bot", "--keyword", "ALERT"])
        .ok();
    assert_eq!(
        shown_fields(&env, "dingtalk-bot", true),
        json!({"webhook": BOT_URL, "keyword": "ALERT", "secret": "SECabc123"})
    );
    let other = "https://oapi.dingtalk.com/robot/send?access_token=def456";
    env.run(&["channel", "set", "dingtalk-bot", "--webhook", other])
        .ok();
    assert_eq!(
        shown_fields(&env, "dingtalk-bot", true),
        json!({"webhook": other, "keyword": "ALERT", "secret": "SECabc123"})
    );

    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        "https://hooks.example.com/a",
        "--signature-method",
        "HMAC_SHA1",
        "--signature-key",
        "k1",
    ])
    .ok();
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        "https://hooks.example.com/b",
    ])
    .ok();
    assert_eq!(
        shown_fields(&env, "webhook", true),
        json!({"url": "https://hooks.example.com/b", "signature_method": "HMAC_SHA1", "signature_key": "k1"})
    );
    // Nothing given for a configured channel is a usage error that writes nothing.
    let before = env.store_text();
    env.run(&["channel", "set", "webhook"])
        .code(2)
        .stderr_has("error: nothing to change for webhook");
    assert_eq!(env.store_text(), before);
}

#[test]
fn changing_an_address_clears_its_verification() {
    let env = Env::new();
    env.run(&[
        "user",
        "modify",
        "alice",
        "--create",
        "--set",
        "email.address=alice@example.com",
        "--enable",
        "email",
    ])
    .ok();
    let row = channel_row(&env, "email");
    assert_eq!(
        (&row["verified"], &row["enabled"]),
        (&json!(true), &json!(true))
    );

    // The same address again keeps the verification.
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    assert_eq!(channel_row(&env, "email")["verified"], true);

    env.run(&["channel", "set", "email", "--address", "alice@example.org"])
        .ok()
        .stderr_has("verification was cleared")
        .stderr_has("notify channel verify email");
    let row = channel_row(&env, "email");
    assert_eq!(row["verified"], false);
    assert_eq!(row["destination"], "alice@example.org");
    let text = env.store_text();
    assert!(text.contains("verified = false"), "{text}");

    // The same number in another form is the same address; a new number clears the verification.
    env.run(&[
        "user",
        "modify",
        "alice",
        "--set",
        "sms.mobile=13100000000",
        "--enable",
        "sms",
    ])
    .ok();
    env.run(&["channel", "set", "sms", "--mobile", "+8613100000000"])
        .ok();
    assert_eq!(
        channel_row(&env, "sms")["verified"],
        true,
        "same number, normalised"
    );
    env.run(&["channel", "set", "sms", "--mobile", "13100000009"])
        .ok();
    assert_eq!(channel_row(&env, "sms")["verified"], false);
}

#[test]
fn enable_refuses_an_unverified_channel() {
    let env = Env::new();
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    env.run(&["channel", "set", "wecom-bot", "--webhook", WECOM_URL])
        .ok();
    let before = env.store_text();
    env.run(&["channel", "enable", "email"])
        .code(1)
        .stderr_has("error: the email channel of alice is not verified yet")
        .stderr_has("hint: verify it with `notify channel verify email`");
    // All or nothing: the robot is not enabled either when one kind is refused.
    env.run(&["channel", "enable", "wecom-bot", "email"])
        .code(1)
        .stderr_has("notify channel verify email");
    assert_eq!(env.store_text(), before);
    assert_eq!(channel_row(&env, "wecom-bot")["enabled"], false);
    env.run(&["channel", "enable", "lark"])
        .code(1)
        .stderr_has("alice has no lark channel configured")
        .stderr_has("hint: configure it with `notify channel set lark`");
}

#[test]
fn enable_disable_and_remove_a_channel() {
    let env = Env::new();
    env.run(&["channel", "set", "dingtalk-bot", "--webhook", BOT_URL])
        .ok();
    env.run(&["channel", "set", "wecom-bot", "--webhook", WECOM_URL])
        .ok();
    env.run(&["channel", "enable", "dingtalk-bot", "wecom-bot"])
        .ok()
        .stderr_has("enabled dingtalk-bot, wecom-bot for alice");
    assert_eq!(channel_row(&env, "dingtalk-bot")["enabled"], true);
    assert_eq!(channel_row(&env, "wecom-bot")["enabled"], true);
    env.run(&["channel", "disable", "wecom-bot"]).ok();
    assert_eq!(channel_row(&env, "wecom-bot")["enabled"], false);
    assert_eq!(channel_row(&env, "wecom-bot")["configured"], true);
    assert_eq!(channel_row(&env, "dingtalk-bot")["enabled"], true);

    env.run(&["channel", "remove", "wecom-bot"]).ok();
    assert_eq!(channel_row(&env, "wecom-bot")["configured"], false);
    let before = env.store_text();
    env.run(&["channel", "remove", "wecom-bot"])
        .code(1)
        .stderr_has("error: alice has no wecom-bot channel to remove");
    env.run(&["channel", "disable", "email"])
        .code(1)
        .stderr_has("alice has no email channel");
    env.run(&["channel", "show", "wecom-bot"])
        .code(1)
        .stderr_has("hint: configure it with `notify channel set wecom-bot`");
    assert_eq!(env.store_text(), before);
    // An unknown kind is a usage error.
    env.run(&["channel", "enable", "pager"]).code(2);
}

#[test]
fn kinds_switched_off_in_notice_management_are_refused() {
    let env = Env::new();
    env.run(&["channel", "set", "dingtalk-bot", "--webhook", BOT_URL])
        .ok();
    env.run(&["notice", "disable", "dingtalk-bot", "sms"])
        .ok()
        .stderr_has("switched off dingtalk-bot, sms for everyone");
    assert_eq!(channel_row(&env, "dingtalk-bot")["available"], false);
    let before = env.store_text();
    env.run(&["channel", "enable", "dingtalk-bot"])
        .code(1)
        .stderr_has("error: channel kind dingtalk-bot is switched off in Notice Management")
        .stderr_has(
            "hint: an administrator can switch it on with `notify notice enable dingtalk-bot`",
        );
    env.run(&["channel", "set", "sms", "--mobile", "13100000000"])
        .code(1)
        .stderr_has("hint: an administrator can switch it on with `notify notice enable sms`");
    env.run(&["channel", "set", "dingtalk-bot", "--keyword", "X"])
        .code(1)
        .stderr_has("notify notice enable dingtalk-bot");
    assert_eq!(env.store_text(), before);

    env.run(&["notice", "enable", "dingtalk-bot"]).ok();
    env.run(&["channel", "enable", "dingtalk-bot"]).ok();
    assert_eq!(channel_row(&env, "dingtalk-bot")["enabled"], true);
}

#[test]
fn secrets_come_from_stdin_or_stay_in_the_environment() {
    let env = Env::new();
    env.run_stdin(
        &[
            "channel",
            "set",
            "dingtalk-bot",
            "--webhook",
            BOT_URL,
            "--secret-stdin",
        ],
        "SECfromstdin\nignored second line\n",
    )
    .ok();
    assert!(env.store_text().contains("secret = \"SECfromstdin\""));
    assert_eq!(
        shown_fields(&env, "dingtalk-bot", true)["secret"],
        "SECfromstdin"
    );

    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        "https://hooks.example.com/dms",
        "--signature-method",
        "HMAC_SHA256",
        "--signature-key-env",
        "HOOK_KEY",
    ])
    .ok();
    let text = env.store_text();
    assert!(text.contains("signature_key_env = \"HOOK_KEY\""), "{text}");
    assert!(!text.contains("signature_key ="), "{text}");
    assert_eq!(
        shown_fields(&env, "webhook", false)["signature_key"],
        "$HOOK_KEY"
    );

    env.run_stdin(
        &["channel", "set", "webhook", "--signature-key-stdin"],
        "k3y-from-stdin\r\n",
    )
    .ok();
    let text = env.store_text();
    assert!(
        text.contains("signature_key = \"k3y-from-stdin\""),
        "{text}"
    );
    assert!(!text.contains("signature_key_env"), "{text}");

    let before = env.store_text();
    env.run_stdin(&["channel", "set", "dingtalk-bot", "--secret-stdin"], "")
        .code(2)
        .stderr_has("error: stdin was empty");
    env.run_stdin(
        &["channel", "set", "dingtalk-bot", "--secret-stdin"],
        "not-sec\n",
    )
    .code(2)
    .stderr_has("error: invalid --secret-stdin for channel dingtalk-bot")
    .stderr_has("starts with SEC");
    env.run(&["channel", "set", "webhook", "--signature-key-env", "1BAD"])
        .code(2)
        .stderr_has("error: invalid --signature-key-env");
    // The three forms of one secret exclude each other.
    env.run(&[
        "channel",
        "set",
        "dingtalk-bot",
        "--secret",
        "SECa",
        "--secret-env",
        "BOT_SECRET",
    ])
    .code(2);
    assert_eq!(env.store_text(), before);
}

#[test]
fn show_masks_secrets_and_url_tokens_unless_revealed() {
    let env = Env::new();
    env.run(&[
        "channel",
        "set",
        "dingtalk-bot",
        "--webhook",
        BOT_URL,
        "--secret",
        "SECtopsecret",
    ])
    .ok();
    let table = env
        .run(&["channel", "show", "dingtalk-bot"])
        .ok()
        .stdout
        .clone();
    assert!(table.contains(BOT_URL_MASKED), "{table}");
    assert!(table.contains("****"), "{table}");
    assert!(!table.contains("abc123"), "{table}");
    assert!(!table.contains("SECtopsecret"), "{table}");
    let shown = env
        .run(&["channel", "show", "dingtalk-bot", "--json"])
        .ok()
        .json();
    assert_eq!(
        shown["fields"],
        json!({"webhook": BOT_URL_MASKED, "keyword": "DMS", "secret": "****"})
    );
    assert_eq!(shown["verified"], true);
    assert_eq!(shown["available"], true);

    let revealed = env
        .run(&["channel", "show", "dingtalk-bot", "--reveal"])
        .ok()
        .stdout
        .clone();
    assert!(revealed.contains(BOT_URL), "{revealed}");
    assert!(revealed.contains("SECtopsecret"), "{revealed}");
    assert_eq!(
        shown_fields(&env, "dingtalk-bot", true),
        json!({"webhook": BOT_URL, "keyword": "DMS", "secret": "SECtopsecret"})
    );
    let listed = env.run(&["channel", "list"]).ok().stdout.clone();
    assert!(!listed.contains("abc123"), "{listed}");
}

#[test]
fn a_missing_required_field_names_its_flag_without_a_terminal() {
    let env = Env::new();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["email"], "`address`", "pass --address"),
        (&["sms"], "`mobile`", "pass --mobile"),
        (
            &["dingtalk-exclusive"],
            "`employee_id`",
            "pass --employee-id",
        ),
        (&["lark"], "`email`", "pass --email"),
        (&["wecom-bot"], "`webhook`", "pass --webhook"),
        (
            &["dingtalk-bot", "--secret", "SECabc"],
            "`webhook`",
            "pass --webhook",
        ),
        (
            &["webhook", "--signature-method", "HMAC_SHA256"],
            "`url`",
            "pass --url",
        ),
    ];
    for (args, field, flag) in cases {
        let mut full = vec!["channel", "set"];
        full.extend_from_slice(args);
        env.run(&full)
            .code(2)
            .stderr_has(&format!("error: channel {} needs {field}", args[0]))
            .stderr_has(flag);
    }
    assert!(!env.store.exists(), "a refused set created the store");
    // --no-input says the same on a terminal or not.
    env.run(&["--no-input", "channel", "set", "email"])
        .code(2)
        .stderr_has("--address");
}

#[test]
fn flags_of_another_kind_are_refused() {
    let env = Env::new();
    env.run(&["channel", "set", "email", "--mobile", "13100000000"])
        .code(2)
        .stderr_has("error: --mobile does not apply to channel email (it takes --address)");
    env.run(&[
        "channel",
        "set",
        "wecom-bot",
        "--webhook",
        WECOM_URL,
        "--secret",
        "SECabc",
    ])
    .code(2)
    .stderr_has("--secret does not apply to channel wecom-bot");
    assert!(!env.store.exists());
}

#[test]
fn the_user_flag_picks_whose_channels_change() {
    let mut env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    env.run(&[
        "channel",
        "set",
        "--user",
        "bob",
        "email",
        "--address",
        "bob@example.com",
    ])
    .ok()
    .stderr_has("email channel of bob saved");
    let bob = env.run(&["user", "show", "bob", "--json"]).ok().json();
    assert_eq!(bob["channels"]["email"]["address"], "bob@example.com");
    assert_eq!(channel_row(&env, "email")["configured"], false, "alice's");
    env.set_env("NOTIFY_USER", "bob");
    assert_eq!(channel_row(&env, "email")["configured"], true, "bob's");
}

#[test]
fn the_user_flag_never_creates_a_user() {
    let env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    let before = env.store_text();
    let set = env.run(&[
        "-u",
        "typo",
        "channel",
        "set",
        "email",
        "--address",
        "typo@example.com",
    ]);
    set.code(1)
        .stderr_has("error: no user named typo\n")
        .stderr_has("hint: add it with `notify user add typo` first");
    // The same refusal as `user modify`, and nothing written.
    env.run(&["user", "modify", "typo", "--display-name", "T"])
        .code(1)
        .stderr_has("error: no user named typo\n");
    assert_eq!(env.store_text(), before);
    // Without --user, the first `channel set` still creates your own user.
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let users = env.run(&["user", "list", "--json"]).ok().json();
    assert_eq!(users[0]["name"], "alice");
}

//! Configuration commands end to end.

use serde_json::{Value, json};

use crate::support::Env;

const BOT_URL: &str = "https://oapi.dingtalk.com/robot/send?access_token=abc123";
const BOT_URL_MASKED: &str = "https://oapi.dingtalk.com/robot/send?access_token=****";
const WECOM_URL: &str = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k123";
const WECOM_URL_MASKED: &str = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****";

/// One row of `channel list --json`.
fn channel_row(env: &Env, kind: &str) -> Value {
    let rows = env.run(&["channel", "list", "--json"]).ok().json();
    rows.as_array()
        .expect("array")
        .iter()
        .find(|r| r["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} row in {rows}"))
        .clone()
}

/// `channel show KIND --json`'s fields.
fn shown_fields(env: &Env, kind: &str, reveal: bool) -> Value {
    let mut args = vec!["channel", "show", kind, "--json"];
    if reveal {
        args.push("--reveal");
    }
    env.run(&args).ok().json()["fields"].clone()
}

fn write_file(env: &Env, name: &str, text: &str) -> String {
    let path = env.path(name);
    std::fs::write(&path, text).expect("write file");
    path.to_str().expect("utf-8 path").to_owned()
}

// ---------------------------------------------------------------------------------------------------
// channel

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
            &["--mobile", "+44 7700 900123"],
            "+447700900123",
            false,
            json!({"mobile": "+447700900123"}),
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
    env.run(&["channel", "set", "dingtalk", "--mobile", "+447700900123"])
        .ok();
    assert!(env.store_text().contains("mobile = \"+447700900123\""));
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
    assert!(!run.stderr.contains("my-precious-secret"), "{}", run.stderr);
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

// ---------------------------------------------------------------------------------------------------
// user

#[test]
fn users_can_be_added_shown_listed_and_removed() {
    let env = Env::new();
    env.run(&[
        "user",
        "add",
        "bob",
        "--display-name",
        "Bob Smith",
        "--role",
        "dba",
        "--role",
        "ops",
    ])
    .ok()
    .stderr_has("added user bob");
    env.run(&["user", "add", "carol"]).ok();
    let users = env.run(&["user", "list", "--json"]).ok().json();
    assert_eq!(
        users,
        json!([
            {"name": "bob", "display_name": "Bob Smith", "roles": ["dba", "ops"], "channels": {}},
            {"name": "carol", "display_name": null, "roles": [], "channels": {}},
        ])
    );
    let bob = env.run(&["user", "show", "bob", "--json"]).ok().json();
    assert_eq!(bob, users[0]);
    let table = env.run(&["user", "list"]).ok().stdout.clone();
    assert!(table.contains("Bob Smith"), "{table}");

    let before = env.store_text();
    env.run(&["user", "add", "bob"])
        .code(1)
        .stderr_has("error: a user named bob already exists")
        .stderr_has("hint: change it with `notify user modify bob`");
    env.run(&["user", "add", "bad name"])
        .code(2)
        .stderr_has("invalid user name `bad name`");
    env.run(&["user", "show", "dave"])
        .code(1)
        .stderr_has("error: no user named dave");
    env.run(&["user", "remove", "dave"])
        .code(1)
        .stderr_has("error: no user named dave");
    assert_eq!(env.store_text(), before);

    env.run(&["user", "remove", "bob"]).ok();
    let users = env.run(&["user", "list", "--json"]).ok().json();
    assert_eq!(users.as_array().expect("array").len(), 1);
    assert_eq!(users[0]["name"], "carol");
}

#[test]
fn modify_applies_all_changes_or_none() {
    let env = Env::new();
    env.run(&["user", "add", "bob", "--display-name", "Bob"])
        .ok();
    let before = env.store_text();
    env.run(&[
        "user",
        "modify",
        "bob",
        "--display-name",
        "Robert",
        "--set",
        "email.address=bob@example.com",
        "--set",
        "sms.mobile=12",
    ])
    .code(2)
    .stderr_has("invalid sms.mobile")
    .stderr_has("e.g. +8613100000000");
    assert_eq!(env.store_text(), before);

    // An error found while applying (enabling a channel that is not configured) also undoes the rest.
    env.run(&[
        "user",
        "modify",
        "bob",
        "--display-name",
        "Robert",
        "--set",
        "email.address=bob@example.com",
        "--enable",
        "wecom-bot",
    ])
    .code(2)
    .stderr_has("cannot enable wecom-bot: bob has no wecom-bot channel");
    assert_eq!(env.store_text(), before);

    env.run(&[
        "user",
        "modify",
        "bob",
        "--set",
        "email.adress=bob@example.com",
    ])
    .code(2)
    .stderr_has("email has no field `adress`")
    .stderr_has("email.address");
    env.run(&["user", "modify", "bob", "--set", "email.address"])
        .code(2)
        .stderr_has("is not KIND.FIELD=VALUE");
    env.run(&[
        "user",
        "modify",
        "bob",
        "--set",
        "webhook.url=https://hooks.example.com/dms",
        "--set",
        "webhook.signature_method=HMAC_SHA256",
    ])
    .code(2)
    .stderr_has("signature_key");
    env.run(&[
        "user",
        "modify",
        "bob",
        "--enable",
        "email",
        "--disable",
        "email",
    ])
    .code(2);
    env.run(&["user", "modify", "bob"])
        .code(2)
        .stderr_has("error: nothing to change");
    env.run(&["user", "modify", "dave", "--display-name", "Dave"])
        .code(1)
        .stderr_has("error: no user named dave")
        .stderr_has("--create");
    assert_eq!(env.store_text(), before);

    env.run(&[
        "user",
        "modify",
        "bob",
        "--display-name",
        "Robert",
        "--role",
        "dba",
        "--set",
        "email.address=bob@example.com",
        "--set",
        "sms.mobile=13100000000",
    ])
    .ok()
    .stderr_has("modified user bob");
    let bob = env.run(&["user", "show", "bob", "--json"]).ok().json();
    assert_eq!(bob["display_name"], "Robert");
    assert_eq!(bob["roles"], json!(["dba"]));
    assert_eq!(
        bob["channels"],
        json!({
            "email": {"address": "bob@example.com", "enabled": false, "verified": true},
            "sms": {"mobile": "+8613100000000", "enabled": false, "verified": true},
        })
    );
}

#[test]
fn modify_enables_marks_verified_and_disables() {
    let env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    env.run(&[
        "--user",
        "bob",
        "channel",
        "set",
        "email",
        "--address",
        "bob@example.com",
    ])
    .ok();
    let bob = env.run(&["user", "show", "bob", "--json"]).ok().json();
    assert_eq!(
        bob["channels"]["email"]["verified"], false,
        "set by the user"
    );
    env.run(&["user", "modify", "bob", "--enable", "email"])
        .ok();
    let bob = env.run(&["user", "show", "bob", "--json"]).ok().json();
    assert_eq!(
        bob["channels"]["email"],
        json!({"address": "bob@example.com", "enabled": true, "verified": true})
    );
    env.run(&["user", "modify", "bob", "--disable", "email"])
        .ok();
    let bob = env.run(&["user", "show", "bob", "--json"]).ok().json();
    assert_eq!(
        bob["channels"]["email"],
        json!({"address": "bob@example.com", "enabled": false, "verified": true})
    );
    let before = env.store_text();
    env.run(&["user", "modify", "bob", "--disable", "sms"])
        .code(2)
        .stderr_has("bob has no sms channel");
    assert_eq!(env.store_text(), before);

    env.run(&[
        "user",
        "modify",
        "bob",
        "--set",
        "webhook.url=https://hooks.example.com/dms",
        "--set",
        "webhook.signature_method=HMAC_SHA256",
        "--set",
        "webhook.signature_key_env=HOOK_KEY",
        "--enable",
        "webhook",
    ])
    .ok();
    let text = env.store_text();
    assert!(text.contains("signature_key_env = \"HOOK_KEY\""), "{text}");

    env.run(&["notice", "disable", "sms"]).ok();
    let before = env.store_text();
    env.run(&[
        "user",
        "modify",
        "bob",
        "--set",
        "sms.mobile=13100000000",
        "--enable",
        "sms",
    ])
    .code(1)
    .stderr_has("switched off in Notice Management")
    .stderr_has("notify notice enable sms");
    assert_eq!(env.store_text(), before);
}

#[test]
fn user_list_json_masks_secrets_unless_revealed() {
    let env = Env::new();
    env.run(&[
        "user",
        "modify",
        "bob",
        "--create",
        "--set",
        &format!("dingtalk-bot.webhook={BOT_URL}"),
        "--set",
        "dingtalk-bot.secret=SECtopsecret",
        "--set",
        "webhook.url=https://hooks.example.com/dms",
        "--set",
        "webhook.signature_method=HMAC_SHA1",
        "--set",
        "webhook.signature_key=plainkey",
        "--enable",
        "dingtalk-bot",
    ])
    .ok();
    let run = env.run(&["user", "list", "--json"]);
    run.ok();
    assert!(!run.stdout.contains("SECtopsecret"), "{}", run.stdout);
    assert!(!run.stdout.contains("plainkey"), "{}", run.stdout);
    assert!(!run.stdout.contains("abc123"), "{}", run.stdout);
    assert_eq!(
        run.json()[0]["channels"],
        json!({
            "dingtalk-bot": {"webhook": BOT_URL_MASKED, "keyword": "DMS", "secret": "****", "enabled": true, "verified": true},
            "webhook": {"url": "https://hooks.example.com/dms", "signature_method": "HMAC_SHA1", "signature_key": "****", "enabled": false, "verified": true},
        })
    );
    let shown = env.run(&["user", "show", "bob"]).ok().stdout.clone();
    assert!(!shown.contains("SECtopsecret"), "{shown}");
    let revealed = env.run(&["user", "list", "--json", "--reveal"]).ok().json();
    assert_eq!(
        revealed[0]["channels"]["dingtalk-bot"]["secret"],
        "SECtopsecret"
    );
    assert_eq!(revealed[0]["channels"]["dingtalk-bot"]["webhook"], BOT_URL);
    assert_eq!(
        revealed[0]["channels"]["webhook"]["signature_key"],
        "plainkey"
    );
}

#[test]
fn import_from_csv_creates_and_updates_users() {
    let env = Env::new();
    env.run(&[
        "user",
        "add",
        "bob",
        "--display-name",
        "Bob",
        "--role",
        "dba",
    ])
    .ok();
    let file = write_file(
        &env,
        "users.csv",
        "name,display_name,roles,email.address,sms.mobile,dingtalk-bot.webhook,enable\n\
         bob,,,bob@example.com,,,email\n\
         carol,Carol,dba;ops,,+447700900123,,sms\n\
         dave,\"Dave, Jr.\",,,,https://oapi.dingtalk.com/robot/send?access_token=t,dingtalk-bot\n",
    );
    env.run(&["user", "import", &file])
        .ok()
        .stderr_has("imported 3 users (2 created, 1 updated)");
    let users = env.run(&["user", "list", "--json", "--reveal"]).ok().json();
    assert_eq!(
        users,
        json!([
            {"name": "bob", "display_name": "Bob", "roles": ["dba"], "channels": {
                "email": {"address": "bob@example.com", "enabled": true, "verified": true}}},
            {"name": "carol", "display_name": "Carol", "roles": ["dba", "ops"], "channels": {
                "sms": {"mobile": "+447700900123", "enabled": true, "verified": true}}},
            {"name": "dave", "display_name": "Dave, Jr.", "roles": [], "channels": {
                "dingtalk-bot": {"webhook": "https://oapi.dingtalk.com/robot/send?access_token=t",
                                 "keyword": "DMS", "enabled": true, "verified": true}}},
        ])
    );
}

#[test]
fn a_bad_csv_import_names_every_bad_line_and_imports_nothing() {
    let env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    let before = env.store_text();
    let file = write_file(
        &env,
        "users.csv",
        "name,email.address,sms.mobile,enable\n\
         carol,carol@example.com,,email\n\
         dave,,12,\n\
         erin,not-an-address,,\n\
         bad name,,,\n\
         frank,,,pager\n\
         gina,,,email\n\
         carol,,,\n",
    );
    let run = env.run(&["user", "import", &file]);
    run.code(2)
        .stderr_has("error: the import has 6 bad rows; nothing was imported")
        .stderr_has("line 3: invalid sms.mobile")
        .stderr_has("line 4: invalid email.address")
        .stderr_has("line 5: invalid user name `bad name`")
        .stderr_has("line 6: enable: unknown channel kind `pager`")
        .stderr_has("line 7: gina: cannot enable email")
        .stderr_has("line 8: carol appears on an earlier line too");
    assert!(!run.stderr.contains("line 2:"), "{}", run.stderr);
    assert_eq!(env.store_text(), before);

    let file = write_file(&env, "bad-header.csv", "name,pager.number\ncarol,1\n");
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("line 1: column `pager.number`: unknown channel kind `pager`");
    let file = write_file(&env, "no-name.csv", "display_name\nCarol\n");
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("line 1: the header has no `name` column");
    let file = write_file(&env, "ragged.csv", "name,display_name\ncarol,Carol,extra\n");
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("line 2:");
    let file = write_file(&env, "empty.csv", "name,display_name\n");
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("error: the import holds no users");
    env.run(&[
        "user",
        "import",
        &env.path("missing.csv").display().to_string(),
    ])
    .code(1)
    .stderr_has("error: cannot read");
    assert_eq!(env.store_text(), before);
}

#[test]
fn a_csv_row_that_is_not_utf8_is_a_bad_row_with_its_line() {
    let env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    let before = env.store_text();
    let path = env.path("latin1.csv");
    // Row 3 was saved as Latin-1 ("Zoë" as 5A 6F EB), row 4 has a broken name.
    std::fs::write(
        &path,
        b"name,display_name\ncarol,Carol\nzoe,Zo\xeb\n\xff\xfe,Someone\nerin,Erin\n",
    )
    .expect("write file");
    let run = env.run(&["user", "import", path.to_str().expect("utf-8 path")]);
    run.code(2)
        .stderr_has("error: the import has 2 bad rows; nothing was imported")
        .stderr_has(
            "line 3: column `display_name` is not valid UTF-8 text (save the file as UTF-8)",
        )
        .stderr_has("line 4: column `name` is not valid UTF-8 text");
    assert!(
        !run.stderr.contains("stream did not contain"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("line 4: the name is empty"),
        "{}",
        run.stderr
    );
    assert_eq!(env.store_text(), before);
}

#[test]
fn a_multi_line_cell_does_not_shift_the_reported_lines() {
    let env = Env::new();
    let file = write_file(
        &env,
        "users.csv",
        "name,display_name,email.address\n\
         carol,\"Carol\nSecond line\",carol@example.com\n\
         dave,Dave,nope\n",
    );
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("line 4: invalid email.address");
}

#[test]
fn import_from_toml_tables_like_the_store() {
    let env = Env::new();
    env.run(&["user", "add", "bob", "--display-name", "Bob"])
        .ok();
    let file = write_file(
        &env,
        "users.toml",
        "[users.bob]\nroles = [\"dba\"]\n\n\
         [users.bob.channels.email]\naddress = \"bob@example.com\"\nenabled = true\n\n\
         [users.carol]\ndisplay_name = \"Carol\"\n\n\
         [users.carol.channels.webhook]\nurl = \"https://hooks.example.com/dms\"\n\
         signature_method = \"HMAC_SHA256\"\nsignature_key_env = \"HOOK_KEY\"\nenabled = true\n",
    );
    env.run(&["user", "import", &file])
        .ok()
        .stderr_has("imported 2 users (1 created, 1 updated)");
    let users = env.run(&["user", "list", "--json"]).ok().json();
    assert_eq!(
        users,
        json!([
            {"name": "bob", "display_name": "Bob", "roles": ["dba"], "channels": {
                "email": {"address": "bob@example.com", "enabled": true, "verified": true}}},
            {"name": "carol", "display_name": "Carol", "roles": [], "channels": {
                "webhook": {"url": "https://hooks.example.com/dms", "signature_method": "HMAC_SHA256",
                            "signature_key": "$HOOK_KEY", "enabled": true, "verified": true}}},
        ])
    );
    assert!(
        env.store_text()
            .contains("signature_key_env = \"HOOK_KEY\"")
    );
}

#[test]
fn a_bad_toml_import_names_the_line_of_each_bad_user() {
    let env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    let before = env.store_text();
    let file = write_file(
        &env,
        "users.toml",
        "[users.u40]\ndisplay_name = \"Forty\"\n\n\
         [users.u4]\ndisplay_name = 4\n\n\
         [users.u5.channels.sms]\nmobile = \"12\"\n\n\
         [users]\nu6 = { roles = \"dba\" }\n",
    );
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("error: the import has 3 bad rows; nothing was imported")
        .stderr_has("line 4: u4: display_name must be text")
        .stderr_has("line 7: u5: invalid sms.mobile")
        .stderr_has("line 11: u6: roles must be a list of text");
    let file = write_file(&env, "broken.toml", "[users.carol\n");
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("error: the import is not valid TOML");
    let file = write_file(&env, "nousers.toml", "[people.carol]\n");
    env.run(&["user", "import", &file])
        .code(2)
        .stderr_has("no [users.<name>] tables");
    assert_eq!(env.store_text(), before);
}

#[test]
fn import_reads_stdin() {
    let env = Env::new();
    env.run_stdin(
        &["user", "import", "-"],
        "name,email.address,enable\ncarol,carol@example.com,email\n",
    )
    .ok();
    env.run_stdin(
        &["user", "import", "-"],
        "[users.dave]\ndisplay_name = \"Dave\"\n",
    )
    .ok();
    env.run_stdin(
        &["user", "import", "-", "--format", "csv"],
        "name,display_name\nerin,Erin\n",
    )
    .ok();
    let users = env.run(&["user", "list", "--json"]).ok().json();
    let names: Vec<_> = users
        .as_array()
        .expect("array")
        .iter()
        .map(|u| u["name"].as_str().expect("name").to_owned())
        .collect();
    assert_eq!(names, ["carol", "dave", "erin"]);
    assert_eq!(users[0]["channels"]["email"]["enabled"], true);
    assert_eq!(users[1]["display_name"], "Dave");
}

#[test]
fn import_of_a_thousand_users() {
    let env = Env::new();
    let mut csv =
        String::from("name,display_name,roles,email.address,sms.mobile,wecom-bot.webhook,enable\n");
    for i in 0..1000 {
        csv.push_str(&format!(
            "user{i:04},User {i},dba;ops,user{i}@example.com,131{i:08},\
             https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k{i},email;wecom-bot\n"
        ));
    }
    let file = write_file(&env, "thousand.csv", &csv);
    env.run(&["user", "import", &file])
        .ok()
        .stderr_has("imported 1000 users (1000 created, 0 updated)");
    let users = env.run(&["user", "list", "--json"]).ok().json();
    let users = users.as_array().expect("array");
    assert_eq!(users.len(), 1000);
    for (i, user) in users.iter().enumerate() {
        assert_eq!(
            user,
            &json!({
                "name": format!("user{i:04}"),
                "display_name": format!("User {i}"),
                "roles": ["dba", "ops"],
                "channels": {
                    "wecom-bot": {"webhook": WECOM_URL_MASKED, "enabled": true, "verified": true},
                    "email": {"address": format!("user{i}@example.com"), "enabled": true, "verified": true},
                    "sms": {"mobile": format!("+86131{i:08}"), "enabled": false, "verified": true},
                },
            })
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// notice

#[test]
fn notice_management_lists_and_switches_kinds() {
    let env = Env::new();
    let rows = env.run(&["notice", "list", "--json"]).ok().json();
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 10);
    assert!(rows.iter().all(|r| r["enabled"] == true));
    assert_eq!(
        rows[0],
        json!({"kind": "dingtalk", "name": "DingTalk Standard Edition", "enabled": true})
    );

    env.run(&["notice", "disable", "sms", "email"]).ok();
    env.run(&["notice", "disable", "sms"]).ok();
    assert!(env.store_text().contains("disabled = [\"email\", \"sms\"]"));
    let rows = env.run(&["notice", "list", "--json"]).ok().json();
    let off: Vec<_> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["enabled"] == false)
        .map(|r| r["kind"].as_str().expect("kind").to_owned())
        .collect();
    assert_eq!(off, ["email", "sms"]);
    assert_eq!(channel_row(&env, "email")["available"], false);
    let table = env.run(&["notice", "list"]).ok().stdout.clone();
    assert!(table.contains("Text message"), "{table}");

    env.run(&["notice", "enable", "email"]).ok();
    assert!(env.store_text().contains("disabled = [\"sms\"]"));
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    env.run(&["notice", "disable"]).code(2);
    env.run(&["notice", "disable", "pager"]).code(2);
}

// ---------------------------------------------------------------------------------------------------
// provider

#[test]
fn app_providers_are_set_shown_and_listed() {
    let env = Env::new();
    env.run(&[
        "provider",
        "set",
        "dingtalk",
        "--app-key",
        "dingkey",
        "--app-secret",
        "dingsecret",
        "--agent-id",
        "2345678901",
    ])
    .ok()
    .stderr_has("provider dingtalk saved");
    env.run(&[
        "provider",
        "set",
        "feishu",
        "--app-id",
        "cli_feishu",
        "--app-secret-env",
        "FEISHU_SECRET",
    ])
    .ok();
    env.run_stdin(
        &[
            "provider",
            "set",
            "lark",
            "--app-id",
            "cli_lark",
            "--app-secret-stdin",
            "--api-base",
            "http://127.0.0.1:9/lark",
        ],
        "larksecret\n",
    )
    .ok();
    let text = env.store_text();
    assert!(text.contains("[providers.dingtalk]\napp_key = \"dingkey\"\napp_secret = \"dingsecret\"\nagent_id = 2345678901\n"), "{text}");
    assert!(
        text.contains("app_secret_env = \"FEISHU_SECRET\""),
        "{text}"
    );
    assert!(text.contains("app_secret = \"larksecret\""), "{text}");

    assert_eq!(
        env.run(&["provider", "show", "dingtalk", "--json"])
            .ok()
            .json(),
        json!({"name": "dingtalk", "fields": {
            "app_key": "dingkey", "app_secret": "****", "agent_id": 2345678901_i64,
            "api_base": "https://oapi.dingtalk.com"}})
    );
    assert_eq!(
        env.run(&["provider", "show", "dingtalk", "--json", "--reveal"])
            .ok()
            .json()["fields"]["app_secret"],
        "dingsecret"
    );
    assert_eq!(
        env.run(&["provider", "show", "feishu", "--json"])
            .ok()
            .json()["fields"],
        json!({"app_id": "cli_feishu", "app_secret": "$FEISHU_SECRET", "api_base": "https://open.feishu.cn"})
    );
    assert_eq!(
        env.run(&["provider", "show", "lark", "--json"]).ok().json()["fields"],
        json!({"app_id": "cli_lark", "app_secret": "****", "api_base": "http://127.0.0.1:9/lark"})
    );
    let table = env
        .run(&["provider", "show", "dingtalk"])
        .ok()
        .stdout
        .clone();
    assert!(
        table.contains("https://oapi.dingtalk.com (default)"),
        "{table}"
    );
    assert!(!table.contains("dingsecret"), "{table}");

    // Partial update.
    env.run(&["provider", "set", "dingtalk", "--agent-id", "42"])
        .ok();
    let fields = env
        .run(&["provider", "show", "dingtalk", "--json", "--reveal"])
        .ok()
        .json()["fields"]
        .clone();
    assert_eq!(fields["agent_id"], 42);
    assert_eq!(fields["app_key"], "dingkey");
    assert_eq!(fields["app_secret"], "dingsecret");

    let list = env.run(&["provider", "list", "--json"]).ok().json();
    let configured: Vec<_> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|p| {
            (
                p["name"].as_str().expect("name").to_owned(),
                p["configured"].clone(),
            )
        })
        .collect();
    assert_eq!(
        configured,
        [
            ("dingtalk".to_owned(), json!(true)),
            ("feishu".to_owned(), json!(true)),
            ("lark".to_owned(), json!(true)),
            ("smtp".to_owned(), json!(false)),
            ("sms".to_owned(), json!(false)),
        ]
    );
    let listed = env.run(&["provider", "list", "--json"]).ok().stdout.clone();
    assert!(
        !listed.contains("dingsecret") && !listed.contains("larksecret"),
        "{listed}"
    );
}

#[test]
fn provider_values_are_validated() {
    let env = Env::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "dingtalk",
                "--app-key",
                "k",
                "--app-secret",
                "s",
                "--agent-id",
                "x",
            ],
            "error: invalid --agent-id for provider dingtalk: expected a positive whole number, e.g. 2345678901",
        ),
        (
            &[
                "feishu",
                "--app-id",
                "a",
                "--app-secret",
                "s",
                "--api-base",
                "http://open.feishu.cn",
            ],
            "error: invalid --api-base for provider feishu: plain http is allowed only towards a loopback host",
        ),
        (
            &[
                "smtp",
                "--host",
                "smtp.example.com",
                "--from",
                "DMS <dms@example.com>",
                "--port",
                "70000",
            ],
            "error: invalid --port for provider smtp: expected a port number from 1 to 65535",
        ),
        (
            &[
                "smtp",
                "--host",
                "smtp.example.com",
                "--from",
                "not a mailbox",
            ],
            "error: invalid --from for provider smtp",
        ),
        (
            &[
                "smtp",
                "--host",
                "smtp.example.com",
                "--from",
                "dms@example.com",
                "--security",
                "ssl",
            ],
            "error: invalid --security for provider smtp: expected one of tls, starttls, none",
        ),
        (
            &["sms", "--vendor", "nokia"],
            "error: invalid --vendor for provider sms: expected one of aliyun, twilio",
        ),
        (
            &["feishu", "--app-key", "k"],
            "error: --app-key does not apply to provider feishu",
        ),
        (&["dingtalk"], "error: provider dingtalk needs `app_key`"),
        (
            &["sms", "--vendor", "aliyun", "--access-key-id", "LTAI"],
            "error: provider sms needs `access_key_secret`",
        ),
        (
            &["sms", "--vendor", "twilio", "--account-sid", "AC1"],
            "error: provider sms needs `auth_token`",
        ),
    ];
    for (args, message) in cases {
        let mut full = vec!["provider", "set"];
        full.extend_from_slice(args);
        env.run(&full).code(2).stderr_has(message);
    }
    assert!(
        !env.store.exists(),
        "a refused provider set wrote the store"
    );
    env.run(&["provider", "show", "smtp"])
        .code(1)
        .stderr_has("error: provider smtp is not configured")
        .stderr_has("hint: configure it with `notify provider set smtp`");
}

#[test]
fn smtp_security_none_is_allowed_only_towards_loopback() {
    let mut env = Env::new();
    env.set_env("SMTP_PASSWORD", "from-the-environment");
    env.run(&[
        "provider",
        "set",
        "smtp",
        "--host",
        "smtp.example.com",
        "--security",
        "none",
        "--from",
        "DMS <dms@example.com>",
    ])
    .code(2)
    .stderr_has(
        "security none (plain SMTP) is allowed only towards a loopback host, not smtp.example.com",
    );
    assert!(!env.store.exists());
    env.run(&[
        "provider",
        "set",
        "smtp",
        "--host",
        "127.0.0.1",
        "--security",
        "none",
        "--from",
        "DMS <dms@example.com>",
        "--username",
        "dms@example.com",
        "--password-env",
        "SMTP_PASSWORD",
    ])
    .ok();
    let text = env.store_text();
    assert!(text.contains("password_env = \"SMTP_PASSWORD\""), "{text}");
    assert!(!text.contains("from-the-environment"), "{text}");
    assert_eq!(
        env.run(&["provider", "show", "smtp", "--json"]).ok().json()["fields"],
        json!({"host": "127.0.0.1", "port": 25, "security": "none", "username": "dms@example.com",
               "password": "$SMTP_PASSWORD", "from": "DMS <dms@example.com>"})
    );
    // Moving the host away while security stays none is refused too.
    let before = env.store_text();
    env.run(&["provider", "set", "smtp", "--host", "smtp.example.com"])
        .code(2)
        .stderr_has("allowed only towards a loopback host");
    assert_eq!(env.store_text(), before);
    env.run(&[
        "provider",
        "set",
        "smtp",
        "--host",
        "smtp.example.com",
        "--security",
        "starttls",
        "--password",
        "hunter2",
    ])
    .ok();
    let shown = env.run(&["provider", "show", "smtp", "--json"]).ok().json();
    assert_eq!(shown["fields"]["port"], 587, "starttls default port");
    assert_eq!(shown["fields"]["password"], "****");
    assert_eq!(
        env.run(&["provider", "show", "smtp", "--json", "--reveal"])
            .ok()
            .json()["fields"]["password"],
        "hunter2"
    );
    let text = env.store_text();
    assert!(!text.contains("password_env"), "{text}");
}

#[test]
fn sms_providers_for_both_vendors() {
    let env = Env::new();
    env.run(&[
        "provider",
        "set",
        "sms",
        "--vendor",
        "aliyun",
        "--access-key-id",
        "LTAI5t",
        "--access-key-secret",
        "aksecret",
        "--sign-name",
        "DMS",
        "--template-code",
        "SMS_1",
        "--verify-template-code",
        "SMS_2",
    ])
    .ok();
    assert_eq!(
        env.run(&["provider", "show", "sms", "--json"]).ok().json()["fields"],
        json!({"vendor": "aliyun", "access_key_id": "LTAI5t", "access_key_secret": "****",
               "sign_name": "DMS", "template_code": "SMS_1", "verify_template_code": "SMS_2",
               "region": "cn-hangzhou", "api_base": "https://dysmsapi.aliyuncs.com"})
    );

    let env = Env::new();
    env.run_stdin(
        &[
            "provider",
            "set",
            "sms",
            "--vendor",
            "twilio",
            "--account-sid",
            "AC123",
            "--auth-token-stdin",
            "--from",
            "+15017122661",
        ],
        "twiliotoken\n",
    )
    .ok();
    assert!(env.store_text().contains("auth_token = \"twiliotoken\""));
    assert_eq!(
        env.run(&["provider", "show", "sms", "--json"]).ok().json()["fields"],
        json!({"vendor": "twilio", "account_sid": "AC123", "auth_token": "****",
               "from": "+15017122661", "api_base": "https://api.twilio.com"})
    );
    let table = env.run(&["provider", "show", "sms"]).ok().stdout.clone();
    assert!(!table.contains("twiliotoken"), "{table}");
    assert!(
        !table.contains("cn-hangzhou"),
        "an aliyun default shown for twilio: {table}"
    );
}

// ---------------------------------------------------------------------------------------------------
// completions

#[test]
fn completions_print_a_script_for_each_shell() {
    let env = Env::new();
    let cases = [
        ("bash", "complete -F _notify"),
        ("zsh", "#compdef notify"),
        ("fish", "complete -c notify"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[notify]"),
    ];
    for (shell, marker) in cases {
        let run = env.run(&["completions", shell]);
        run.ok().stdout_has(marker).stdout_has("provider");
        assert!(run.stderr.is_empty(), "{shell}: {}", run.stderr);
    }
    env.run(&["completions", "tcsh"])
        .code(2)
        .stderr_has("invalid value 'tcsh'");
    assert!(!env.store.exists(), "completions touched the store");
}

#[test]
fn without_user_variables_the_account_name_is_the_user() {
    let env = Env::new();
    let out = env
        .command(&[
            "channel",
            "set",
            "wecom-bot",
            "--webhook",
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
        ])
        .env_remove("USER")
        .env_remove("LOGNAME")
        .output()
        .expect("run notify");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = env.store_text();
    let user = store
        .lines()
        .find_map(|l| l.strip_prefix("default_user = "))
        .expect("a default user")
        .trim_matches('"')
        .to_owned();
    assert!(!user.is_empty() && user != "alice", "{store}");
}

#[test]
fn sms_vendors_keep_to_their_own_fields() {
    let env = Env::new();
    env.run(&[
        "provider",
        "set",
        "sms",
        "--vendor",
        "aliyun",
        "--access-key-id",
        "id",
        "--access-key-secret",
        "s",
        "--sign-name",
        "DMS",
        "--template-code",
        "SMS_1",
    ])
    .ok();
    let before = env.store_text();
    env.run(&["provider", "set", "sms", "--account-sid", "AC1"])
        .code(2)
        .stderr_has("--account-sid does not apply to the sms vendor aliyun");
    assert_eq!(env.store_text(), before);
}

// ---------------------------------------------------------------------------------------------------
// JSON shapes: every field, in the order printed

/// The keys of a JSON object, in the order printed.
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_shapes_print_every_field_in_contract_order() {
    let env = Env::new();
    env.run(&["channel", "set", "wecom-bot", "--webhook", WECOM_URL])
        .ok();
    env.run(&[
        "user",
        "modify",
        "alice",
        "--display-name",
        "Alice",
        "--role",
        "dba",
    ])
    .ok();
    let rows = env.run(&["channel", "list", "--json"]).ok().json();
    assert_eq!(
        keys(&rows[0]),
        [
            "kind",
            "configured",
            "verified",
            "enabled",
            "available",
            "destination"
        ]
    );
    let shown = env
        .run(&["channel", "show", "wecom-bot", "--json"])
        .ok()
        .json();
    assert_eq!(
        shown,
        json!({"user": "alice", "kind": "wecom-bot", "fields": {"webhook": WECOM_URL_MASKED},
               "enabled": false, "verified": true, "available": true, "code_pending": false})
    );
    assert_eq!(
        keys(&shown),
        [
            "user",
            "kind",
            "fields",
            "enabled",
            "verified",
            "available",
            "code_pending"
        ]
    );
    let user = env.run(&["user", "show", "alice", "--json"]).ok().json();
    assert_eq!(keys(&user), ["name", "display_name", "roles", "channels"]);
    assert_eq!(
        keys(&user["channels"]["wecom-bot"]),
        ["webhook", "enabled", "verified"]
    );
    let users = env.run(&["user", "list", "--json"]).ok().json();
    assert_eq!(users, json!([user]));
    assert_eq!(keys(&users[0]), keys(&user));

    env.run(&[
        "provider",
        "set",
        "smtp",
        "--host",
        "127.0.0.1",
        "--security",
        "none",
        "--from",
        "DMS <dms@example.com>",
    ])
    .ok();
    let providers = env.run(&["provider", "list", "--json"]).ok().json();
    assert_eq!(
        keys(&providers[0]),
        ["name", "description", "configured", "fields"]
    );
    assert_eq!(
        providers[0],
        json!({"name": "dingtalk", "description": "DingTalk internal app (work notices)",
               "configured": false, "fields": {}})
    );
    assert_eq!(
        providers[3]["fields"],
        json!({"host": "127.0.0.1", "security": "none", "from": "DMS <dms@example.com>"}),
        "stored fields only, without defaults"
    );
    let smtp = env.run(&["provider", "show", "smtp", "--json"]).ok().json();
    assert_eq!(keys(&smtp), ["name", "fields"]);
    assert_eq!(
        keys(&smtp["fields"]),
        ["host", "security", "from", "port"],
        "stored fields in table order, then the defaults"
    );
    let table = env.run(&["provider", "show", "smtp"]).ok().stdout.clone();
    let fields: Vec<_> = table
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        fields,
        ["host", "port", "security", "from"],
        "the table interleaves defaults in table order:\n{table}"
    );
    assert!(table.contains("25 (default)"), "{table}");
    let notice = env.run(&["notice", "list", "--json"]).ok().json();
    assert_eq!(keys(&notice[0]), ["kind", "name", "enabled"]);
}

#[test]
fn control_characters_in_free_text_are_refused_and_never_printed_raw() {
    let env = Env::new();
    env.run(&["user", "add", "alice", "--display-name", "Alice"])
        .ok();
    let before = env.store_text();
    let esc_name = "Al\u{1b}[2Jice";
    env.run(&["user", "add", "bob", "--display-name", esc_name])
        .code(2)
        .stderr_has("display name `Al\\u{1b}[2Jice` contains a control character");
    env.run(&["user", "modify", "alice", "--display-name", "A\u{7}lice"])
        .code(2)
        .stderr_has("control character (\\u{7})");
    env.run(&["user", "add", "carol", "--role", "d\u{8}ba"])
        .code(2)
        .stderr_has("role");
    let csv = write_file(
        &env,
        "u.csv",
        "name,display_name\nbob,Bob\ncarol,\"Ca\u{1b}rol\"\n",
    );
    env.run(&["user", "import", &csv])
        .code(2)
        .stderr_has("line 3: carol: display name");
    let toml = write_file(
        &env,
        "u.toml",
        "[users.dave]\ndisplay_name = \"D\\u001bave\"\n",
    );
    env.run(&["user", "import", &toml])
        .code(2)
        .stderr_has("control character");
    env.run(&[
        "rule",
        "add",
        "backup.nightly.failed",
        "--description",
        "x\u{1b}]0;pwned\u{7}",
    ])
    .code(2)
    .stderr_has("control character");
    assert_eq!(
        env.store_text(),
        before,
        "a refused change touched the store"
    );
    for run in [
        env.run(&["user", "list"]),
        env.run(&["user", "show", "alice"]),
    ] {
        assert!(!run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'));
    }

    // A store edited by hand: tables and notes show the escape, not the control character.
    let edited = before.replace(
        "display_name = \"Alice\"",
        "display_name = \"Al\\u001b[2Jice\"",
    );
    assert_ne!(edited, before);
    std::fs::write(&env.store, edited).expect("edit the store");
    let list = env.run(&["user", "list"]);
    list.ok().stdout_has("Al\\u{1b}[2Jice");
    assert!(!list.stdout.contains('\u{1b}'), "{:?}", list.stdout);
    let show = env.run(&["user", "show", "alice"]);
    show.ok().stderr_has("Al\\u{1b}[2Jice");
    assert!(!show.stderr.contains('\u{1b}'), "{:?}", show.stderr);
}

#[test]
fn a_set_without_equals_does_not_echo_what_may_be_a_secret() {
    let env = Env::new();
    env.run(&["user", "add", "alice"]).ok();
    let run = env.run(&[
        "user",
        "modify",
        "alice",
        "--set",
        "dingtalk-bot.secret:SECleaked123",
    ]);
    run.code(2).stderr_has("is not KIND.FIELD=VALUE");
    assert!(!run.stderr.contains("SECleaked123"), "{}", run.stderr);
}

#[test]
fn two_flags_cannot_both_read_stdin() {
    let env = Env::new();
    let template = "{{ message }}";
    let run = env.run_stdin(
        &[
            "send",
            "--webhook",
            "http://127.0.0.1:9/x",
            "--template",
            "-",
            "--message-file",
            "-",
            "--dry-run",
        ],
        template,
    );
    run.code(2)
        .stderr_has("--template - and --message-file - both read stdin");
}

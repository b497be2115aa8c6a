//! Provider.

use super::*;

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

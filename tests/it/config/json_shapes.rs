//! JSON shapes: every field, in the order printed.

use super::*;

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
    run.stderr_lacks("SECleaked123");
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

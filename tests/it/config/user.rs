//! User.

use super::*;

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
        .code(1)
        .stderr_has("bob has no sms channel")
        .stderr_has("hint: `notify user show bob` lists bob's channels");
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
         carol,Carol,dba;ops,,+447400123456,,sms\n\
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
                "sms": {"mobile": "+447400123456", "enabled": true, "verified": true}}},
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
    run.stderr_lacks("line 2:");
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
    run.stderr_lacks("stream did not contain");
    run.stderr_lacks("line 4: the name is empty");
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

#[test]
fn an_import_of_one_user_says_user() {
    let env = Env::new();
    let file = write_file(&env, "one.csv", "name,display_name\nbob,Bob\n");
    env.run(&["user", "import", &file])
        .ok()
        .stderr_has("imported 1 user (1 created, 0 updated)");
}

#[test]
fn a_user_without_channels_is_shown_without_an_empty_table() {
    let env = Env::new();
    env.run(&["user", "add", "bob", "--display-name", "Bob"])
        .ok();
    let shown = env.run(&["user", "show", "bob"]);
    shown
        .ok()
        .stderr_has("bob (Bob)")
        .stderr_has("no channels yet: `notify user modify bob --set KIND.FIELD=VALUE` adds one");
    assert!(!shown.stdout.contains("CHANNEL"), "{}", shown.stdout);
}

//! Notice.

use super::*;

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

#[test]
fn switching_a_kind_the_way_it_already_is_says_so() {
    let env = Env::new();
    env.run(&["notice", "disable", "sms"])
        .ok()
        .stderr_has("switched off sms for everyone");
    let again = env.run(&["notice", "disable", "sms", "email"]);
    again
        .ok()
        .stderr_has("switched off email for everyone")
        .stderr_has("sms was already switched off (nothing to change)");
    again.stderr_lacks("off sms");
    env.run(&["notice", "enable", "dingtalk", "lark"])
        .ok()
        .stderr_has("dingtalk, lark were already switched on (nothing to change)");
    let on = env.run(&["notice", "enable", "sms"]);
    on.ok().stderr_has("switched on sms for everyone");
    on.stderr_lacks("already");
}

//! Completions.

use super::*;

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

//! Verification codes end to end: the code is read back from what the loopback servers received.

use std::time::Duration;

use crate::support::http::{HttpServer, Reply};
use crate::support::{Env, Run, code_in, smtp_env};

const WAIT: Duration = Duration::from_secs(20);

fn channel_json(env: &Env, kind: &str) -> serde_json::Value {
    let list = env.run(&["channel", "list", "--json"]);
    list.ok();
    list.json()
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["kind"] == kind)
        .cloned()
        .expect("kind listed")
}

fn assert_secret_free(run: &Run, code: &str, store: &str) {
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains(code), "the code leaked: {text}");
        for line in store
            .lines()
            .filter(|l| l.starts_with("salt") || l.starts_with("digest"))
        {
            let value = line.split('"').nth(1).expect("quoted");
            assert!(!text.contains(value), "the hash leaked: {text}");
        }
    }
}

#[test]
fn email_is_verified_with_the_code_from_the_received_mail() {
    let (env, smtp) = smtp_env();
    let set = env.run(&["channel", "set", "email", "--address", "alice@example.com"]);
    set.ok().stderr_has("notify channel verify email --code");
    let mail = smtp.wait_for(1, WAIT).pop().expect("a mail");
    assert_eq!(mail.to, vec!["alice@example.com".to_owned()]);
    let body = mail.body_text();
    assert!(
        body.contains("DMS")
            && body.contains("verification code for the email notification channel"),
        "{body}"
    );
    let code = code_in(&body);
    assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
    let store = env.store_text();
    assert!(!store.contains(&code), "the store keeps only a hash");
    assert_secret_free(&set, &code, &store);

    env.run(&["channel", "enable", "email"])
        .code(1)
        .stderr_has("notify channel verify email");
    let ok = env.run(&["channel", "verify", "email", "--code", &code]);
    ok.ok().stderr_has("verified");
    assert_secret_free(&ok, &code, &store);
    assert_eq!(channel_json(&env, "email")["verified"], true);
    assert!(
        !env.store_text().contains("digest"),
        "the used code is gone"
    );
    env.run(&["channel", "enable", "email"]).ok();
    assert_eq!(channel_json(&env, "email")["enabled"], true);
}

#[test]
fn wrong_codes_count_and_five_kill_the_code() {
    let (env, smtp) = smtp_env();
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let code = code_in(&smtp.wait_for(1, WAIT)[0].body_text());
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..=4).rev() {
        let run = env.run(&["channel", "verify", "email", "--code", wrong]);
        run.code(4)
            .stderr_has(&format!("wrong code; {left} attempt"));
    }
    env.run(&["channel", "verify", "email", "--code", wrong])
        .code(4)
        .stderr_has("too many wrong codes");
    // Even the right code is refused now, until a new one is sent.
    env.run(&["channel", "verify", "email", "--code", &code])
        .code(4)
        .stderr_has("too many wrong codes")
        .stderr_has("notify channel verify email");
    assert_eq!(channel_json(&env, "email")["verified"], false);
}

#[test]
fn codes_expire_after_ten_minutes() {
    let (mut env, smtp) = smtp_env();
    env.set_env("NOTIFY_NOW", "1800000000");
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let code = code_in(&smtp.wait_for(1, WAIT)[0].body_text());
    let mut later = Env {
        dir: tempfile::tempdir().expect("dir"),
        store: env.store.clone(),
        extra: vec![],
    };
    later.set_env("NOTIFY_NOW", "1800000600");
    later
        .run(&["channel", "verify", "email", "--code", &code])
        .code(4)
        .stderr_has("expired");
    let mut in_time = Env {
        dir: tempfile::tempdir().expect("dir"),
        store: env.store.clone(),
        extra: vec![],
    };
    in_time.set_env("NOTIFY_NOW", "1800000599");
    in_time
        .run(&["channel", "verify", "email", "--code", &code])
        .ok();
}

#[test]
fn resends_are_limited_and_a_new_code_replaces_the_old() {
    let (mut env, smtp) = smtp_env();
    env.set_env("NOTIFY_NOW", "1800000000");
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let first = code_in(&smtp.wait_for(1, WAIT)[0].body_text());
    let before = env.store_text();
    env.run(&["channel", "verify", "email"])
        .code(1)
        .stderr_has("wait 60 s");
    assert_eq!(env.store_text(), before, "a refused resend changes nothing");
    assert_eq!(smtp.messages().len(), 1, "no second mail");

    let mut later = Env {
        dir: tempfile::tempdir().expect("dir"),
        store: env.store.clone(),
        extra: vec![],
    };
    later.set_env("NOTIFY_NOW", "1800000061");
    later.run(&["channel", "verify", "email"]).ok();
    let second = code_in(&smtp.wait_for(2, WAIT)[1].body_text());
    if first != second {
        later
            .run(&["channel", "verify", "email", "--code", &first])
            .code(4)
            .stderr_has("wrong code");
    }
    later
        .run(&["channel", "verify", "email", "--code", &second])
        .ok();
}

#[test]
fn a_changed_address_clears_the_verification_and_needs_a_new_code() {
    let (env, smtp) = smtp_env();
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let code = code_in(&smtp.wait_for(1, WAIT)[0].body_text());
    env.run(&["channel", "verify", "email", "--code", &code])
        .ok();
    env.run(&["channel", "enable", "email"]).ok();
    // Within the minute, a new address gets no new code (the resend limit survives the change).
    env.run(&[
        "channel",
        "set",
        "email",
        "--address",
        "alice@other.example.com",
    ])
    .ok()
    .stderr_has("verification was cleared")
    .stderr_has("wait");
    assert_eq!(smtp.messages().len(), 1);
    let later = Env {
        dir: tempfile::tempdir().expect("dir"),
        store: env.store.clone(),
        extra: vec![("NOTIFY_NOW".into(), (now_secs() + 61).to_string())],
    };
    later
        .run(&[
            "channel",
            "set",
            "email",
            "--address",
            "alice@corp.example.com",
        ])
        .ok();
    let email = channel_json(&env, "email");
    assert_eq!(email["verified"], false);
    assert_eq!(
        email["enabled"], false,
        "disabled until verified and enabled again"
    );
    let mails = smtp.wait_for(2, WAIT);
    assert_eq!(mails[1].to, vec!["alice@corp.example.com".to_owned()]);
    // The old code does not verify the new address.
    later
        .run(&["channel", "verify", "email", "--code", &code])
        .code(4);
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
}

#[test]
fn no_code_waiting_and_kinds_without_codes() {
    let env = Env::new();
    env.run(&[
        "user",
        "modify",
        "alice",
        "--create",
        "--set",
        "email.address=alice@example.com",
    ])
    .ok();
    env.run(&["channel", "verify", "email", "--code", "123456"])
        .code(4)
        .stderr_has("no verification code");
    env.run(&[
        "user",
        "modify",
        "alice",
        "--set",
        "wecom-bot.webhook=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
    ])
    .ok();
    env.run(&["channel", "verify", "wecom-bot"])
        .ok()
        .stderr_has("needs no verification");
    env.run(&["channel", "verify", "sms"])
        .code(1)
        .stderr_has("notify channel set sms");
}

#[test]
fn administrators_need_no_code() {
    let env = Env::new();
    env.run(&[
        "user",
        "modify",
        "bob",
        "--create",
        "--set",
        "sms.mobile=13100000000",
        "--enable",
        "sms",
    ])
    .ok();
    let user = env.run(&["user", "show", "bob", "--json"]);
    user.ok();
    assert_eq!(user.json()["channels"]["sms"]["verified"], true);
    assert_eq!(user.json()["channels"]["sms"]["enabled"], true);
}

fn aliyun_env(server: &HttpServer, verify_template: bool) -> Env {
    let env = Env::new();
    let base = server.url("");
    let mut args = vec![
        "provider",
        "set",
        "sms",
        "--vendor",
        "aliyun",
        "--access-key-id",
        "testid",
        "--access-key-secret",
        "testsecret",
        "--sign-name",
        "DMS",
        "--template-code",
        "SMS_1",
        "--api-base",
        &base,
    ];
    if verify_template {
        args.extend(["--verify-template-code", "SMS_CODE"]);
    }
    env.run(&args).ok();
    env
}

#[test]
fn sms_and_dingtalk_codes_go_by_sms_with_the_verification_template() {
    let server = HttpServer::start();
    server.always(
        "/",
        Reply::json(200, r#"{"Code":"OK","Message":"OK","BizId":"1"}"#),
    );
    let env = aliyun_env(&server, true);
    env.run(&["channel", "set", "sms", "--mobile", "13100000000"])
        .ok();
    let req = server.wait_for(1, WAIT).pop().expect("SendSms");
    assert_eq!(req.query("Action").as_deref(), Some("SendSms"));
    assert_eq!(req.query("TemplateCode").as_deref(), Some("SMS_CODE"));
    assert_eq!(req.query("PhoneNumbers").as_deref(), Some("13100000000"));
    let param: serde_json::Value =
        serde_json::from_str(&req.query("TemplateParam").expect("param")).expect("json");
    let code = param["code"].as_str().expect("code param").to_owned();
    assert_eq!(code.len(), 6);
    env.run(&["channel", "verify", "sms", "--code", &code]).ok();

    env.run(&["channel", "set", "dingtalk", "--mobile", "+447400123456"])
        .ok();
    let req = server.wait_for(2, WAIT).pop().expect("second SendSms");
    assert_eq!(req.query("PhoneNumbers").as_deref(), Some("447400123456"));
    let param: serde_json::Value =
        serde_json::from_str(&req.query("TemplateParam").expect("param")).expect("json");
    env.run(&[
        "channel",
        "verify",
        "dingtalk",
        "--code",
        param["code"].as_str().expect("code"),
    ])
    .ok();
    env.run(&["channel", "enable", "sms", "dingtalk"]).ok();
}

#[test]
fn without_a_verification_template_the_code_goes_in_the_content() {
    let server = HttpServer::start();
    server.always("/", Reply::json(200, r#"{"Code":"OK","Message":"OK"}"#));
    let env = aliyun_env(&server, false);
    env.run(&["channel", "set", "sms", "--mobile", "13100000000"])
        .ok();
    let req = server.wait_for(1, WAIT).pop().expect("SendSms");
    assert_eq!(req.query("TemplateCode").as_deref(), Some("SMS_1"));
    let param: serde_json::Value =
        serde_json::from_str(&req.query("TemplateParam").expect("param")).expect("json");
    let content = param["content"].as_str().expect("content");
    assert!(content.contains("DMS"), "{content}");
    env.run(&["channel", "verify", "sms", "--code", &code_in(content)])
        .ok();
}

#[test]
fn a_failed_code_send_keeps_the_channel_and_says_how_to_retry() {
    let server = HttpServer::start();
    server.always(
        "/",
        Reply::json(
            200,
            r#"{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"bad number"}"#,
        ),
    );
    let env = aliyun_env(&server, true);
    let run = env.run(&["channel", "set", "sms", "--mobile", "13100000000"]);
    run.ok()
        .stderr_has("isv.MOBILE_NUMBER_ILLEGAL")
        .stderr_has("notify channel verify sms");
    assert_eq!(channel_json(&env, "sms")["configured"], true);
    assert!(
        !env.store_text().contains("digest"),
        "no code is pending when none was delivered"
    );
    env.run(&["channel", "verify", "sms"])
        .code(1)
        .stderr_has("could not send the verification code");
}

#[test]
fn dingtalk_exclusive_codes_go_as_a_work_notice() {
    let server = HttpServer::start();
    server.always(
        "/gettoken",
        Reply::json(
            200,
            r#"{"errcode":0,"access_token":"tok-1","expires_in":7200}"#,
        ),
    );
    server.always(
        "/topapi/message/corpconversation/asyncsend_v2",
        Reply::json(200, r#"{"errcode":0,"task_id":1}"#),
    );
    let env = Env::new();
    let base = server.url("");
    env.run(&[
        "provider",
        "set",
        "dingtalk",
        "--app-key",
        "k",
        "--app-secret",
        "s3cret-app",
        "--agent-id",
        "77",
        "--api-base",
        &base,
    ])
    .ok();
    env.run(&[
        "channel",
        "set",
        "dingtalk-exclusive",
        "--employee-id",
        "manager4321",
    ])
    .ok();
    let sent = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sent.len(), 1);
    let body = sent[0].json();
    assert_eq!(body["userid_list"], "manager4321");
    assert_eq!(body["agent_id"], 77);
    let text = body["msg"]["text"]["content"].as_str().expect("text");
    assert!(text.contains("DMS"), "{text}");
    env.run(&[
        "channel",
        "verify",
        "dingtalk-exclusive",
        "--code",
        &code_in(text),
    ])
    .ok();
    assert_eq!(channel_json(&env, "dingtalk-exclusive")["verified"], true);
}

#[test]
fn feishu_and_lark_are_verified_by_looking_the_person_up() {
    let server = HttpServer::start();
    server.always(
        "/open-apis/auth/v3/tenant_access_token/internal",
        Reply::json(
            200,
            r#"{"code":0,"tenant_access_token":"t-1","expire":7200}"#,
        ),
    );
    server.reply(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"mobile":"13100000000","user_id":"ou_1"}]}}"#,
        ),
    );
    server.reply(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"email":"x@example.com"}]}}"#,
        ),
    );
    let env = Env::new();
    let base = server.url("");
    env.run(&[
        "provider",
        "set",
        "feishu",
        "--app-id",
        "cli_1",
        "--app-secret",
        "s",
        "--api-base",
        &base,
    ])
    .ok();
    env.run(&[
        "provider",
        "set",
        "lark",
        "--app-id",
        "cli_2",
        "--app-secret",
        "s",
        "--api-base",
        &base,
    ])
    .ok();
    env.run(&["channel", "set", "feishu", "--mobile", "13100000000"])
        .ok()
        .stderr_has("verified");
    assert_eq!(channel_json(&env, "feishu")["verified"], true);
    let lookup = &server.requests_to("/open-apis/contact/v3/users/batch_get_id")[0];
    assert_eq!(lookup.json()["mobiles"][0], "13100000000");
    assert_eq!(lookup.header("Authorization"), Some("Bearer t-1"));

    // `set` saved the channel, so it succeeds and warns; `verify` itself fails with exit 4.
    env.run(&["channel", "set", "lark", "--email", "x@example.com"])
        .ok()
        .stderr_has("found no user");
    assert_eq!(channel_json(&env, "lark")["configured"], true);
    env.run(&["channel", "verify", "lark"])
        .code(4)
        .stderr_has("found no user");
    assert_eq!(channel_json(&env, "lark")["verified"], false);
}

#[test]
fn a_malformed_code_is_a_usage_error_and_costs_no_attempt() {
    let (env, smtp) = smtp_env();
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    smtp.wait_for(1, WAIT);
    let before = env.store_text();
    env.run(&["channel", "verify", "email", "--code", "12ab"])
        .code(2)
        .stderr_has("six digits");
    assert_eq!(env.store_text(), before, "no attempt was counted");
}

#[test]
fn email_domains_are_compared_without_case() {
    let (env, smtp) = smtp_env();
    env.run(&["channel", "set", "email", "--address", "Alice@Example.COM"])
        .ok();
    let code = code_in(&smtp.wait_for(1, WAIT)[0].body_text());
    env.run(&["channel", "verify", "email", "--code", &code])
        .ok();
    env.run(&["channel", "set", "email", "--address", "Alice@example.com"])
        .ok();
    assert_eq!(
        channel_json(&env, "email")["verified"],
        true,
        "the same address"
    );
    assert!(env.store_text().contains("address = \"Alice@example.com\""));
}

#[test]
fn hints_name_where_the_waiting_code_went() {
    let (mut env, smtp) = smtp_env();
    env.set_env("NOTIFY_NOW", "1800000000");
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    smtp.wait_for(1, WAIT);
    env.run(&["channel", "show", "email"])
        .ok()
        .stdout_has("sent to alice@example.com");
    assert_eq!(
        env.run(&["channel", "show", "email", "--json"]).ok().json()["code_sent_to"],
        "alice@example.com"
    );
    // Setting another field keeps the code, and says where it went.
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok()
        .stderr_has("a code sent to alice@example.com is already waiting");

    // A new address within the minute: the code that went to the old one is gone, and the hint says so
    // instead of asking for that code.
    let changed = env.run(&[
        "channel",
        "set",
        "email",
        "--address",
        "alice@other.example.com",
    ]);
    changed
        .ok()
        .stderr_has("wait 60 s")
        .stderr_has("no code is waiting for alice@other.example.com: ask for one with `notify channel verify email` in 60 s");
    changed.stderr_lacks("confirm the code");
    let shown = env.run(&["channel", "show", "email"]);
    assert!(
        !shown.ok().stdout.contains("code waiting"),
        "{}",
        shown.stdout
    );
    assert_eq!(smtp.messages().len(), 1);
}

#[test]
fn a_code_sent_to_an_address_edited_away_by_hand_verifies_nothing() {
    let (env, smtp) = smtp_env();
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let code = code_in(&smtp.wait_for(1, WAIT)[0].body_text());
    let text = env.store_text();
    let edited = text.replace(
        "address = \"alice@example.com\"",
        "address = \"mallory@example.com\"",
    );
    assert_ne!(edited, text);
    env.write_store(&edited);
    env.run(&["channel", "verify", "email", "--code", &code])
        .code(4)
        .stderr_has("error: the code waiting was sent to alice@example.com, but the email channel's address is now mallory@example.com")
        .stderr_has("hint: ask for a code for mallory@example.com with `notify channel verify email`");
    assert_eq!(channel_json(&env, "email")["verified"], false);
    // The dead code is dropped: it cannot be tried again.
    env.run(&["channel", "verify", "email", "--code", &code])
        .code(4)
        .stderr_has("no verification code is waiting");
}

#[test]
fn asking_again_for_a_verified_channel_says_it_is_verified() {
    let (env, smtp) = smtp_env();
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    let code = code_in(&smtp.wait_for(1, WAIT)[0].body_text());
    env.run(&["channel", "verify", "email", "--code", &code])
        .ok();
    // Within the minute of the first code: no contradictory "wait" and "no code is waiting".
    let again = env.run(&["channel", "verify", "email"]);
    again
        .ok()
        .stderr_has("email is already verified (alice@example.com): no code sent");
    again.stderr_lacks("no code is waiting");
    assert_eq!(smtp.messages().len(), 1);
}

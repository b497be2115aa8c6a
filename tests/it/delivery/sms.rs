//! SMS.

use super::*;

pub(super) const ALIYUN_SECRET: &str = "aliyun-key-secret-3";

pub(super) fn aliyun_provider(env: &Env, server: &HttpServer) {
    provider(
        env,
        &[
            "sms",
            "--vendor",
            "aliyun",
            "--access-key-id",
            "LTAIkeyid",
            "--access-key-secret",
            ALIYUN_SECRET,
            "--sign-name",
            "DMS通知",
            "--template-code",
            "SMS_1234",
            "--api-base",
            &server.url(""),
        ],
    );
}

/// Checks one Alibaba `SendSms` request completely; returns its nonce.
#[track_caller]
fn check_aliyun_request(req: &Recorded, mobile: &str, content: &str) -> String {
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/");
    let mut pairs = query_pairs(req);
    let at = pairs
        .iter()
        .position(|(k, _)| k == "Signature")
        .expect("Signature parameter");
    let signature = pairs.remove(at).1;
    let mut names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "AccessKeyId",
            "Action",
            "Format",
            "PhoneNumbers",
            "RegionId",
            "SignName",
            "SignatureMethod",
            "SignatureNonce",
            "SignatureVersion",
            "TemplateCode",
            "TemplateParam",
            "Timestamp",
            "Version"
        ]
    );
    assert_eq!(param(&pairs, "AccessKeyId"), "LTAIkeyid");
    assert_eq!(param(&pairs, "Action"), "SendSms");
    assert_eq!(param(&pairs, "Format"), "JSON");
    assert_eq!(param(&pairs, "RegionId"), "cn-hangzhou");
    assert_eq!(param(&pairs, "PhoneNumbers"), mobile);
    assert_eq!(param(&pairs, "SignName"), "DMS通知");
    assert_eq!(param(&pairs, "SignatureMethod"), "HMAC-SHA1");
    assert_eq!(param(&pairs, "SignatureVersion"), "1.0");
    assert_eq!(param(&pairs, "TemplateCode"), "SMS_1234");
    assert_eq!(param(&pairs, "Version"), "2017-05-25");
    let template: Value =
        serde_json::from_str(&param(&pairs, "TemplateParam")).expect("TemplateParam is JSON");
    assert_eq!(template, json!({"content": content}));
    let ts = param(&pairs, "Timestamp");
    assert_eq!(ts.len(), 20, "{ts}");
    assert!(ts.ends_with('Z') && ts.as_bytes()[10] == b'T', "{ts}");
    assert_eq!(
        signature,
        aliyun_sign(ALIYUN_SECRET, "GET", &pairs),
        "Signature does not verify"
    );
    // Spaces are %20 on the wire (RFC 3986), never `+`.
    assert!(!req.target.contains('+'), "{}", req.target);
    param(&pairs, "SignatureNonce")
}

#[test]
fn sms_aliyun_sends_a_signed_rpc_request() {
    let server = HttpServer::start();
    let env = Env::new();
    aliyun_provider(&env, &server);
    server.always(
        "/",
        Reply::json(200, r#"{"Code":"OK","Message":"OK","BizId":"1"}"#),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "sms.mobile=13100000000",
            "--enable",
            "sms",
        ],
    );
    let run = send(&env, &["--to", "alice", "--message", "disk at 95% * now"]);
    run.ok();
    assert_hidden(&run, &[ALIYUN_SECRET]);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    check_aliyun_request(&reqs[0], "13100000000", "disk at 95% * now");
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "sms");

    // A number outside the mainland: country code and number, no `+`.
    let run = send(&env, &["--sms", "+44 7400 123456", "--message", "hello"]);
    run.ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    check_aliyun_request(&reqs[1], "447400123456", "hello");
}

#[test]
fn sms_aliyun_business_limit_is_retried_with_a_fresh_signature() {
    let server = HttpServer::start();
    let env = Env::new();
    aliyun_provider(&env, &server);
    server.reply(
        "/",
        Reply::json(
            200,
            r#"{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发分钟级流控"}"#,
        ),
    );
    server.always("/", Reply::json(200, r#"{"Code":"OK","Message":"OK"}"#));
    let run = send(&env, &["--sms", "13100000000", "--message", "hi"]);
    run.ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    let first = check_aliyun_request(&reqs[0], "13100000000", "hi");
    let second = check_aliyun_request(&reqs[1], "13100000000", "hi");
    assert_ne!(first, second, "SignatureNonce must be unique per request");
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn sms_aliyun_illegal_mobile_is_permanent() {
    let server = HttpServer::start();
    let env = Env::new();
    aliyun_provider(&env, &server);
    server.always(
        "/",
        Reply::json(
            200,
            r#"{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"非法手机号"}"#,
        ),
    );
    let run = send(&env, &["--sms", "13100000000", "--message", "hi"]);
    run.code(3);
    assert_hidden(&run, &[ALIYUN_SECRET]);
    assert_eq!(server.requests().len(), 1, "a permanent error was retried");
    let row = only_row(&run);
    assert_failed(&row, 1, "isv.MOBILE_NUMBER_ILLEGAL");
    assert_eq!(row["error_message"], "非法手机号");
}

fn twilio_provider(env: &Env, server: &HttpServer) {
    provider(
        env,
        &[
            "sms",
            "--vendor",
            "twilio",
            "--account-sid",
            "AC0123456789",
            "--auth-token",
            "twilio-auth-token-4",
            "--from",
            "+15005550006",
            "--api-base",
            &server.url(""),
        ],
    );
}

const TWILIO_PATH: &str = "/2010-04-01/Accounts/AC0123456789/Messages.json";

#[test]
fn sms_twilio_posts_a_form_with_basic_auth() {
    let server = HttpServer::start();
    let env = Env::new();
    twilio_provider(&env, &server);
    server.always(
        TWILIO_PATH,
        Reply::json(201, r#"{"sid":"SM1","status":"queued"}"#),
    );
    let run = send(
        &env,
        &["--sms", "+44 7400 123456", "--message", "disk full & more"],
    );
    run.ok();
    assert_hidden(&run, &["twilio-auth-token-4"]);
    let reqs = server.requests_to(TWILIO_PATH);
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method, "POST");
    let auth = BASE64.encode("AC0123456789:twilio-auth-token-4");
    assert_eq!(header(req, "Authorization"), format!("Basic {auth}"));
    assert!(
        header(req, "Content-Type").starts_with("application/x-www-form-urlencoded"),
        "{:?}",
        req.headers
    );
    let form = req.form();
    let get = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no {name} in {form:?}"))
    };
    assert_eq!(get("To"), "+447400123456");
    assert_eq!(get("From"), "+15005550006");
    assert_eq!(get("Body"), "disk full & more");
    assert_delivered(&only_row(&run), 1);
}

#[test]
fn only_a_real_messaging_service_sid_is_sent_as_one() {
    let server = HttpServer::start();
    let env = Env::new();
    twilio_provider(&env, &server);
    server.always(
        TWILIO_PATH,
        Reply::json(201, r#"{"sid":"SM1","status":"queued"}"#),
    );
    let service = "MG0123456789abcdef0123456789abcdef";
    for from in ["MGMGrand", service] {
        provider(&env, &["sms", "--from", from]);
        send(&env, &["--sms", "+447400123456", "--message", "hi"]).ok();
    }
    let reqs = server.requests_to(TWILIO_PATH);
    assert_eq!(reqs.len(), 2);
    let pairs = |i: usize| -> Vec<(String, String)> {
        reqs[i]
            .form()
            .into_iter()
            .filter(|(k, _)| k == "From" || k == "MessagingServiceSid")
            .collect()
    };
    assert_eq!(pairs(0), [("From".to_owned(), "MGMGrand".to_owned())]);
    assert_eq!(
        pairs(1),
        [("MessagingServiceSid".to_owned(), service.to_owned())]
    );
}

#[test]
fn sms_twilio_400_fails_with_twilios_code() {
    let server = HttpServer::start();
    let env = Env::new();
    twilio_provider(&env, &server);
    server.always(
        TWILIO_PATH,
        Reply::json(
            400,
            r#"{"code":21211,"message":"The 'To' number is not a valid phone number.","status":400}"#,
        ),
    );
    let run = send(&env, &["--sms", "+447400123456", "--message", "hi"]);
    run.code(3);
    assert_hidden(&run, &["twilio-auth-token-4"]);
    assert_eq!(server.requests().len(), 1, "a 400 was retried");
    let row = only_row(&run);
    assert_failed(&row, 1, "21211");
    assert_eq!(
        row["error_message"],
        "The 'To' number is not a valid phone number."
    );
}

//! Signed intake: requests signed as notify's webhook deliveries are (X-Notify-Signature) or with
//! Standard Webhooks headers (signed here by the reference crate), key rotation, and tokens beside them.

use std::time::{SystemTime, UNIX_EPOCH};

use notify::signing::{SignatureMethod, webhook_signature};
use standardwebhooks::Webhook;

use super::*;

const NEW_KEY: &str = "whsec_c2VydmUncyBuZXcga2V5IGZvciB0ZXN0cw==";
const OLD_KEY: &str = "whsec_c2VydmUncyBvbGQga2V5IGZvciB0ZXN0cw==";

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64
}

fn post_events(serve: &Serve, headers: &[(&str, &str)], body: &str) -> (u16, Value) {
    let mut all = vec![("Content-Type", "application/json")];
    all.extend_from_slice(headers);
    request(serve.addr, "POST", "/v1/events", &all, body)
}

/// Standard Webhooks headers for `body`, signed by the reference crate with each of `keys`.
fn standard_headers(keys: &[&str], id: &str, ts: i64, body: &str) -> Vec<(String, String)> {
    let signatures: Vec<String> = keys
        .iter()
        .map(|key| {
            Webhook::new(key)
                .expect("a whsec key")
                .sign(id, ts, body.as_bytes())
                .expect("signs")
        })
        .collect();
    vec![
        ("webhook-id".into(), id.into()),
        ("webhook-timestamp".into(), ts.to_string()),
        ("webhook-signature".into(), signatures.join(" ")),
    ]
}

fn borrowed(headers: &[(String, String)]) -> Vec<(&str, &str)> {
    headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

#[track_caller]
fn assert_refused(answer: (u16, Value), needle: &str) {
    assert_eq!(answer.0, 401, "{}", answer.1);
    let error = answer.1["error"].as_str().expect("a JSON error").to_owned();
    assert!(error.contains(needle), "{error}");
    for secret in [NEW_KEY, OLD_KEY, "hmac-new", "hmac-old", "t0ken"] {
        assert!(!error.contains(secret), "{error}");
    }
}

#[test]
fn hmac_sha256_signed_events_are_queued_a_tampered_body_is_401() {
    let mut env = Env::new();
    env.set_env("HOOK_NEW", "hmac-new");
    env.set_env("HOOK_OLD", "hmac-old");
    let serve = Serve::start(
        &env,
        &[
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key-env",
            "HOOK_NEW",
            "--signature-key-env",
            "HOOK_OLD",
        ],
    );
    let sign = |key: &str, body: &str| {
        webhook_signature(SignatureMethod::HmacSha256, key.as_bytes(), body.as_bytes())
            .expect("signed")
    };
    let body = event("h-1", &["bob"]).to_string();
    let (status, answer) = post_events(
        &serve,
        &[("X-Notify-Signature", &sign("hmac-new", &body))],
        &body,
    );
    assert_eq!(status, 202, "{answer}");
    // Rotation: the old key still signs.
    let body = event("h-2", &["bob"]).to_string();
    let (status, answer) = post_events(
        &serve,
        &[("X-Notify-Signature", &sign("hmac-old", &body))],
        &body,
    );
    assert_eq!(status, 202, "{answer}");
    // Signed, then changed.
    let body = event("h-3", &["bob"]).to_string();
    let sig = sign("hmac-new", &body);
    let tampered = body.replace("h-3", "h-4");
    assert_refused(
        post_events(&serve, &[("X-Notify-Signature", &sig)], &tampered),
        "bad signature",
    );
    assert_refused(
        post_events(&serve, &[], &body),
        "missing X-Notify-Signature",
    );
    let sha1 = webhook_signature(SignatureMethod::HmacSha1, b"hmac-new", body.as_bytes())
        .expect("a test value");
    assert_refused(
        post_events(&serve, &[("X-Notify-Signature", &sha1)], &body),
        "bad signature",
    );
    // Nothing refused was queued: signed properly now, h-3 is new and h-1 a duplicate.
    let (status, answer) = post_events(&serve, &[("X-Notify-Signature", &sig)], &body);
    assert_eq!(status, 202, "{answer}");
    let body = event("h-1", &["bob"]).to_string();
    let (status, answer) = post_events(
        &serve,
        &[("X-Notify-Signature", &sign("hmac-new", &body))],
        &body,
    );
    assert_eq!(
        (status, answer["status"].as_str()),
        (200, Some("duplicate")),
        "{answer}"
    );
    // Health needs no signature.
    assert_eq!(request(serve.addr, "GET", "/healthz", &[], "").0, 200);
}

#[test]
fn standard_signed_events_are_queued_stale_and_tampered_are_401() {
    let mut env = Env::new();
    env.set_env("HOOK_NEW", NEW_KEY);
    env.set_env("HOOK_OLD", OLD_KEY);
    let serve = Serve::start(
        &env,
        &[
            "--signature-method",
            "STANDARD",
            "--signature-key-env",
            "HOOK_NEW",
            "--signature-key-env",
            "HOOK_OLD",
        ],
    );
    let now = now_secs();
    let body = event("s-1", &["bob"]).to_string();
    let headers = standard_headers(&[NEW_KEY], "msg-1", now, &body);
    let (status, answer) = post_events(&serve, &borrowed(&headers), &body);
    assert_eq!(status, 202, "{answer}");
    // Rotation: a sender that signs with a key serve does not have and with the old one.
    let body = event("s-2", &["bob"]).to_string();
    let stranger = "whsec_c29tZWJvZHkgZWxzZSdzIGtleQ==";
    let headers = standard_headers(&[stranger, OLD_KEY], "msg-2", now, &body);
    let (status, answer) = post_events(&serve, &borrowed(&headers), &body);
    assert_eq!(status, 202, "{answer}");
    let headers = standard_headers(&[stranger], "msg-2", now, &body);
    assert_refused(
        post_events(&serve, &borrowed(&headers), &body),
        "bad signature",
    );
    // Tampered body.
    let body = event("s-3", &["bob"]).to_string();
    let headers = standard_headers(&[NEW_KEY], "msg-3", now, &body);
    let tampered = body.replace("bob", "eve");
    assert_refused(
        post_events(&serve, &borrowed(&headers), &tampered),
        "bad signature",
    );
    // Ten minutes old, or ahead: refused with the reason.
    let headers = standard_headers(&[NEW_KEY], "msg-3", now - 600, &body);
    assert_refused(
        post_events(&serve, &borrowed(&headers), &body),
        "stale: webhook-timestamp is",
    );
    let headers = standard_headers(&[NEW_KEY], "msg-3", now + 600, &body);
    assert_refused(
        post_events(&serve, &borrowed(&headers), &body),
        "in the future",
    );
    assert_refused(post_events(&serve, &[], &body), "missing webhook-id");
}

#[test]
fn a_token_or_a_signature_admits_when_both_are_configured() {
    let mut env = Env::new();
    env.set_env("TOKEN", "t0ken");
    env.set_env("HOOK_NEW", NEW_KEY);
    let serve = Serve::start(
        &env,
        &[
            "--auth-token-env",
            "TOKEN",
            "--signature-method",
            "STANDARD",
            "--signature-key-env",
            "HOOK_NEW",
        ],
    );
    let body = event("b-1", &["bob"]).to_string();
    assert_eq!(
        post_events(&serve, &[("Authorization", "Bearer t0ken")], &body).0,
        202
    );
    let body = event("b-2", &["bob"]).to_string();
    let headers = standard_headers(&[NEW_KEY], "msg-b2", now_secs(), &body);
    assert_eq!(post_events(&serve, &borrowed(&headers), &body).0, 202);
    let body = event("b-3", &["bob"]).to_string();
    assert_refused(
        post_events(&serve, &[("Authorization", "Bearer wrong")], &body),
        "missing or wrong bearer token",
    );
}

#[test]
fn a_non_loopback_bind_is_allowed_with_a_signature_key() {
    let mut env = Env::new();
    env.set_env("HOOK_NEW", NEW_KEY);
    // 192.0.2.1 (TEST-NET-1) is on no interface: past the auth check, binding fails (exit 1), so
    // nothing listens beyond loopback.
    let run = env.run(&[
        "serve",
        "--bind",
        "192.0.2.1:0",
        "--signature-method",
        "STANDARD",
        "--signature-key-env",
        "HOOK_NEW",
    ]);
    run.code(1);
    run.stderr_lacks("refusing");
    env.run(&["serve", "--bind", "192.0.2.1:0"])
        .code(2)
        .stderr_has("refusing to serve on 192.0.2.1:0 without authentication")
        .stderr_has("--signature-key-env");
    // An unset key variable, a method without a key, a key that is not base64 after whsec_.
    env.run(&[
        "serve",
        "--signature-method",
        "STANDARD",
        "--signature-key-env",
        "UNSET_VAR",
    ])
    .code(2)
    .stderr_has("UNSET_VAR");
    env.run(&["serve", "--signature-method", "HMAC_SHA256"])
        .code(2);
    env.set_env("BAD_KEY", "whsec_%%%");
    env.run(&[
        "serve",
        "--signature-method",
        "STANDARD",
        "--signature-key-env",
        "BAD_KEY",
    ])
    .code(2)
    .stderr_has("base64");
}

#[test]
fn one_notify_relays_to_anothers_serve_signed_with_standard_webhooks() {
    let mut env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["alice"]);
    env.set_env("HOOK_NEW", NEW_KEY);
    let serve = Serve::start(
        &env,
        &[
            "--signature-method",
            "STANDARD",
            "--signature-key-env",
            "HOOK_NEW",
        ],
    );
    let url = format!("http://{}/v1/dms", serve.addr);
    let relay = |key: &str| {
        Env::new().run(&[
            "send",
            "--webhook",
            &url,
            "--signature-method",
            "STANDARD",
            "--signature-key",
            key,
            "--event",
            "ticket.data-change.approved",
            "--submitter",
            "alice",
            "--message",
            "approved",
        ])
    };
    // A sender with another key is refused (401 is not retried) and nothing reaches alice.
    relay(OLD_KEY)
        .code(3)
        .stdout_has("401: the endpoint refused the credentials");
    relay(NEW_KEY).ok();
    let deadline = Instant::now() + WAIT;
    while server.requests_to("/alice").is_empty() {
        assert!(Instant::now() < deadline, "no delivery to alice");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        server.requests().len(),
        1,
        "only the signed relay is delivered"
    );
}

//! Custom webhook signed with Standard Webhooks (PROTOCOLS §13), checked with the reference library.

use standardwebhooks::Webhook;

use super::*;

/// A `whsec_` key as Standard Webhooks senders show them (24 random-looking bytes, base64).
const WHSEC: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// The request's headers as the reference library takes them.
fn header_map(req: &Recorded) -> hyper::http::HeaderMap {
    let mut map = hyper::http::HeaderMap::new();
    for (name, value) in &req.headers {
        map.append(
            hyper::http::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            hyper::http::HeaderValue::from_str(value).expect("a header value"),
        );
    }
    map
}

fn send_standard(env: &Env, server: &HttpServer, key: &str) -> Run {
    send(
        env,
        &[
            "--webhook",
            &server.url("/std"),
            "--signature-method",
            "STANDARD",
            "--signature-key",
            key,
            "--message",
            "Change 7 failed",
        ],
    )
}

#[test]
fn standard_ad_hoc_verifies_with_the_reference_library() {
    let server = HttpServer::start();
    let env = Env::new();
    let run = send_standard(&env, &server, WHSEC);
    run.ok();
    assert_hidden(&run, &[WHSEC, &WHSEC["whsec_".len()..]]);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    let id = check_webhook_headers(req);
    assert_eq!(
        header(req, "webhook-id"),
        id,
        "webhook-id is the delivery id"
    );
    assert_eq!(req.header("X-Notify-Signature"), None, "{:?}", req.headers);
    assert_eq!(req.json()["signatureMethod"], "STANDARD");
    let headers = header_map(req);
    Webhook::new(WHSEC)
        .expect("a whsec key")
        .verify(&req.body, &headers)
        .expect("the reference library accepts notify's signature");
    // Another key, or another body, is refused by the same library.
    let other = Webhook::new("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").expect("a whsec key");
    assert!(other.verify(&req.body, &headers).is_err());
    let mut tampered = req.body.clone();
    tampered.pop();
    assert!(
        Webhook::new(WHSEC)
            .expect("a test value")
            .verify(&tampered, &headers)
            .is_err()
    );
    assert_delivered(&only_row(&run), 1);
}

#[test]
fn standard_stored_raw_key_and_a_fixed_clock() {
    let server = HttpServer::start();
    let mut env = Env::new();
    let key = "a raw shared secret";
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/alice")),
            "--set",
            "webhook.signature_method=STANDARD",
            "--set",
            &format!("webhook.signature_key={key}"),
            "--enable",
            "webhook",
        ],
    );
    let now: i64 = 1_800_000_000;
    env.set_env("NOTIFY_NOW", &now.to_string());
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.ok();
    assert_hidden(&run, &[key]);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    // The one clock: NOTIFY_NOW fixes the signed timestamp.
    let ts: i64 = header(req, "webhook-timestamp").parse().expect("seconds");
    assert!((now..now + 5).contains(&ts), "{ts}");
    let expected = Webhook::from_bytes(key.as_bytes().to_vec())
        .expect("a test value")
        .sign(header(req, "webhook-id"), ts, &req.body)
        .expect("a test value");
    assert_eq!(header(req, "webhook-signature"), expected);
    // The library checks against the system clock, which is years away from NOTIFY_NOW.
    let err = Webhook::from_bytes(key.as_bytes().to_vec())
        .expect("a test value")
        .verify(&req.body, &header_map(req))
        .expect_err("stale by the system clock");
    assert!(err.to_string().contains("future"), "{err}");
}

#[test]
fn standard_retries_keep_the_id_and_sign_each_attempt() {
    let server = HttpServer::start();
    let env = Env::new();
    server.reply("/std", Reply::text(503, "busy"));
    let run = send_standard(&env, &server, WHSEC);
    run.ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    let wh = Webhook::new(WHSEC).expect("a test value");
    for req in &reqs {
        wh.verify(&req.body, &header_map(req))
            .expect("every attempt verifies");
    }
    assert_eq!(
        header(&reqs[0], "webhook-id"),
        header(&reqs[1], "webhook-id")
    );
    assert_eq!(
        header(&reqs[0], "webhook-id"),
        header(&reqs[1], "X-Notify-Delivery")
    );
    assert_eq!(reqs[0].body, reqs[1].body, "the body is the same bytes");
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn standard_dry_run_shows_the_headers_and_hides_the_key() {
    let server = HttpServer::start();
    let env = Env::new();
    let run = env.run(&[
        "send",
        "--webhook",
        &server.url("/std"),
        "--signature-method",
        "standard",
        "--signature-key",
        WHSEC,
        "--message",
        "hi",
        "--dry-run",
    ]);
    run.ok();
    assert!(run.stdout.contains("webhook-id: "), "{}", run.stdout);
    assert!(
        run.stdout.contains("webhook-signature: v1,"),
        "{}",
        run.stdout
    );
    assert_hidden(&run, &[WHSEC, &WHSEC["whsec_".len()..]]);
    assert!(server.requests().is_empty());
}

#[test]
fn standard_refuses_a_whsec_key_that_is_not_base64() {
    let server = HttpServer::start();
    let env = Env::new();
    let bad = "whsec_not-base64-at-all!";
    let run = env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        &server.url("/std"),
        "--signature-method",
        "STANDARD",
        "--signature-key",
        bad,
    ]);
    run.code(2).stderr_has("base64");
    run.stderr_lacks("not-base64-at-all");
    // Ad hoc, the delivery fails with the reason and nothing is sent.
    let run = send_standard(&env, &server, bad);
    run.code(3);
    assert!(server.requests().is_empty());
    let row = only_row(&run);
    assert_failed(&row, 0, "invalid");
    assert!(
        row["error_message"]
            .as_str()
            .expect("a test value")
            .contains("signature_key"),
        "{row}"
    );
}

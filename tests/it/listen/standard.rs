//! `notify listen --signature-method STANDARD`: requests signed with the Standard Webhooks reference crate.

use standardwebhooks::Webhook;

use super::*;

const NEW_KEY: &str = "whsec_bmV3IGtleSBmb3IgbGlzdGVuIHRlc3Rz";
const OLD_KEY: &str = "whsec_b2xkIGtleSBmb3IgbGlzdGVuIHRlc3Rz";

/// A delivery with Standard Webhooks headers: `signature` for the body, id and `timestamp` (seconds).
fn standard_post(id: &str, timestamp: i64, body: &str, signature: &str) -> Vec<u8> {
    let ts = timestamp.to_string();
    post(
        body,
        &[
            ("X-Notify-Delivery", id),
            ("webhook-id", id),
            ("webhook-timestamp", &ts),
            ("webhook-signature", signature),
        ],
    )
}

/// The reference library's signature of `body` under `key`.
fn sign(key: &str, id: &str, timestamp: i64, body: &str) -> String {
    Webhook::new(key)
        .expect("a whsec key")
        .sign(id, timestamp, body.as_bytes())
        .expect("signs")
}

fn start(env: &Env, keys: &[&str]) -> Listener {
    let mut args = vec!["--json", "--signature-method", "STANDARD"];
    for key in keys {
        args.extend(["--signature-key", key]);
    }
    Listener::start(env, &args)
}

#[test]
fn accepts_what_the_reference_library_signs_and_refuses_another_key() {
    let env = Env::new();
    let mut listener = start(&env, &[NEW_KEY]);
    let now = now_ms();
    let secs = now / 1000;
    let body = event_body("std-1", now, "STANDARD");
    let good = sign(NEW_KEY, "std-1", secs, &body);
    let response = listener
        .connect()
        .exchange(&standard_post("std-1", secs, &body, &good));
    assert_eq!(response.status, 204, "{response:?}");
    let line = listener.json_line();
    assert_eq!(line["delivery"], "std-1");
    assert_eq!(line["verified"], true);

    let body = event_body("std-2", now, "STANDARD");
    let wrong = sign(OLD_KEY, "std-2", secs, &body);
    let response = listener
        .connect()
        .exchange(&standard_post("std-2", secs, &body, &wrong));
    assert_rejected(&response, 401);
    assert!(response.body.contains("bad signature"), "{response:?}");
    // The id is signed: the same signature under another webhook-id is refused.
    let response = listener
        .connect()
        .exchange(&standard_post("std-3", secs, &body, &good));
    assert_rejected(&response, 401);
    // No signature at all.
    let response = listener.connect().exchange(&post(&body, &[]));
    assert_rejected(&response, 401);
    assert!(response.body.contains("missing webhook-id"), "{response:?}");
    let printed = listener.finish();
    assert!(
        printed.stderr[0].contains("(signature STANDARD)"),
        "{:?}",
        printed.stderr
    );
    let stderr = printed.stderr.join("\n");
    assert!(
        !stderr.contains(&NEW_KEY[6..]) && !stderr.contains(&good[3..]),
        "{stderr}"
    );
}

#[test]
fn refuses_a_stale_or_future_timestamp_with_the_reason() {
    let env = Env::new();
    let mut listener = start(&env, &[NEW_KEY]);
    let now = now_ms();
    let body = event_body("std-old", now, "STANDARD");
    for (offset, reason) in [
        (
            -400,
            "stale: webhook-timestamp is 400 s old (at most 300 s)",
        ),
        (
            400,
            "stale: webhook-timestamp is 400 s in the future (at most 300 s)",
        ),
    ] {
        let ts = now / 1000 + offset;
        let sig = sign(NEW_KEY, "std-old", ts, &body);
        let response = listener
            .connect()
            .exchange(&standard_post("std-old", ts, &body, &sig));
        assert_rejected(&response, 401);
        // A second either way for the test's own time to pass.
        let (head, tail) = reason.split_at(reason.find("400").expect("a test value"));
        assert!(response.body.contains(head), "{response:?}");
        assert!(
            response.body.contains(&tail[3..]),
            "{response:?} should say {reason}"
        );
    }
    // Within the five minutes either way: accepted.
    let ts = now / 1000 - 240;
    let sig = sign(NEW_KEY, "std-old", ts, &body);
    let response = listener
        .connect()
        .exchange(&standard_post("std-old", ts, &body, &sig));
    assert_eq!(response.status, 204, "{response:?}");
    listener.finish();
}

#[test]
fn freshness_is_judged_by_the_runs_clock() {
    let mut env = Env::new();
    let fixed: i64 = 1_800_000_000;
    env.set_env("NOTIFY_NOW", &fixed.to_string());
    let mut listener = start(&env, &[NEW_KEY]);
    let body = event_body("std-fixed", fixed * 1000, "STANDARD");
    let sig = sign(NEW_KEY, "std-fixed", fixed, &body);
    let response = listener
        .connect()
        .exchange(&standard_post("std-fixed", fixed, &body, &sig));
    assert_eq!(response.status, 204, "{response:?}");
    listener.finish();
}

#[test]
fn a_rotation_accepts_any_key_and_any_signature() {
    let mut env = Env::new();
    env.set_env("HOOK_NEW", NEW_KEY);
    env.set_env("HOOK_OLD", OLD_KEY);
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--signature-method",
            "STANDARD",
            "--signature-key-env",
            "HOOK_NEW",
            "--signature-key-env",
            "HOOK_OLD",
        ],
    );
    let now = now_ms();
    let secs = now / 1000;
    // Signed with the old key only.
    let body = event_body("rot-1", now, "STANDARD");
    let old = sign(OLD_KEY, "rot-1", secs, &body);
    let response = listener
        .connect()
        .exchange(&standard_post("rot-1", secs, &body, &old));
    assert_eq!(response.status, 204, "{response:?}");
    // Two signatures, the first by a key the listener does not have.
    let body = event_body("rot-2", now, "STANDARD");
    let stranger = sign("whsec_c3RyYW5nZXIncyBrZXk=", "rot-2", secs, &body);
    let both = format!("{stranger} {}", sign(NEW_KEY, "rot-2", secs, &body));
    let response = listener
        .connect()
        .exchange(&standard_post("rot-2", secs, &body, &both));
    assert_eq!(response.status, 204, "{response:?}");
    // Only strangers: refused.
    let response = listener
        .connect()
        .exchange(&standard_post("rot-2", secs, &body, &stranger));
    assert_rejected(&response, 401);
    let printed = listener.finish();
    assert_eq!(printed.stdout.len(), 2, "{:?}", printed.stdout);
}

#[test]
fn a_bad_whsec_key_is_a_usage_error() {
    let env = Env::new();
    let run = env.run(&[
        "listen",
        "--signature-method",
        "STANDARD",
        "--signature-key",
        "whsec_***",
    ]);
    run.code(2).stderr_has("base64");
}

#[test]
fn a_standard_send_is_accepted_by_a_standard_listen() {
    let env = Env::new();
    let mut listener = start(&env, &[OLD_KEY, NEW_KEY]);
    let url = format!("http://{}/hooks/std", listener.addr);
    env.run(&[
        "send",
        "--webhook",
        &url,
        "--signature-method",
        "STANDARD",
        "--signature-key",
        NEW_KEY,
        "--message",
        "signed end to end",
    ])
    .ok();
    let line = listener.json_line();
    assert_eq!(line["verified"], true);
    assert_eq!(line["signatureMethod"], "STANDARD");
    assert_eq!(line["message"], "signed end to end");
    listener.finish();
}

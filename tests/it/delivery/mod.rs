//! Delivery end to end: `notify send` and `notify channel test` against recording servers on 127.0.0.1.
//!
//! Every expectation about the wire is recomputed here from the published algorithms (HMAC primitives
//! only), not taken from the product's request builders.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use notify::signing::{hex_encode, hmac_sha1, hmac_sha256};
use serde_json::{Value, json};

use crate::support::http::{HttpServer, Recorded, Reply};
use crate::support::smtp::SmtpServer;
use crate::support::{Env, Run, set_smtp_provider};

mod answers;
mod batching;
mod channel_test;
mod dingtalk_app;
mod dingtalk_bot;
mod dry_run;
mod email;
mod feishu_lark;
mod interrupt;
mod one_builder;
mod pacing;
mod planning;
mod sms;
mod tokens;
mod transport_failures;
mod vectors;
mod webhook;
mod webhook_standard;
mod wecom_bot;

use dingtalk_app::{DING_SECRET, DING_TOKEN, ding_provider, ding_token_reply};
use dingtalk_bot::{ROBOT_SECRET, ROBOT_TOKEN};
use feishu_lark::{FEISHU_SECRET, FEISHU_TOKEN, feishu_provider, tenant_token_reply};
use sms::{ALIYUN_SECRET, aliyun_provider};
use webhook::send_webhook;

/// Upper bound for waiting on a fixture (never reached when things work).
const WAIT: Duration = Duration::from_secs(20);

// ---------------------------------------------------------------------------------------------------
// helpers

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as u64
}

/// RFC 3986 percent-encoding: unreserved characters kept, everything else `%XX` (upper case).
fn pct(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// DingTalk robot sign: base64(HMAC-SHA256(key = secret, msg = ts + "\n" + secret)), not URL-encoded.
fn dingtalk_sign(secret: &str, ts: u64) -> String {
    BASE64.encode(hmac_sha256(
        secret.as_bytes(),
        format!("{ts}\n{secret}").as_bytes(),
    ))
}

/// Alibaba Cloud RPC signature v1 over `params` (Signature itself excluded by the caller).
fn aliyun_sign(secret: &str, method: &str, params: &[(String, String)]) -> String {
    let mut sorted = params.to_vec();
    sorted.sort();
    let canonical = sorted
        .iter()
        .map(|(k, v)| format!("{}={}", pct(k), pct(v)))
        .collect::<Vec<_>>()
        .join("&");
    let to_sign = format!("{method}&{}&{}", pct("/"), pct(&canonical));
    BASE64.encode(hmac_sha1(
        format!("{secret}&").as_bytes(),
        to_sign.as_bytes(),
    ))
}

/// The decoded query parameters of a recorded request, in order.
fn query_pairs(req: &Recorded) -> Vec<(String, String)> {
    let query = req.target.split_once('?').map_or("", |(_, q)| q);
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn param(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("no query parameter {name} in {pairs:?}"))
}

#[track_caller]
fn assert_uuid(id: &str) {
    let b = id.as_bytes();
    assert_eq!(b.len(), 36, "not a UUID: {id}");
    for (i, c) in id.chars().enumerate() {
        if [8, 13, 18, 23].contains(&i) {
            assert_eq!(c, '-', "not a UUID: {id}");
        } else {
            assert!(c.is_ascii_hexdigit(), "not a UUID: {id}");
        }
    }
    // v4: a random event id; v8: an idempotency key derived from the event id and the destination.
    assert!(matches!(b[14], b'4' | b'8'), "not a v4 or v8 UUID: {id}");
}

/// Secrets never show on either stream.
#[track_caller]
fn assert_hidden(run: &Run, secrets: &[&str]) {
    for s in secrets {
        assert!(
            !run.stdout.contains(s) && !run.stderr.contains(s),
            "secret {s:?} leaked\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
    }
}

/// `notify user modify ...` as an administrator; must succeed.
fn admin(env: &Env, args: &[&str]) {
    let mut full = vec!["user", "modify"];
    full.extend_from_slice(args);
    env.run(&full).ok();
}

/// `notify provider set ...`; must succeed.
fn provider(env: &Env, args: &[&str]) {
    let mut full = vec!["provider", "set"];
    full.extend_from_slice(args);
    env.run(&full).ok();
}

/// `notify send --json` with fast retries.
fn send(env: &Env, args: &[&str]) -> Run {
    let mut full = vec!["send", "--json", "--retry-base-ms", "10"];
    full.extend_from_slice(args);
    env.run(&full)
}

/// The report's rows, each checked to carry every documented field.
#[track_caller]
fn rows(run: &Run) -> Vec<Value> {
    let report = run.json();
    let rows = report["deliveries"]
        .as_array()
        .unwrap_or_else(|| panic!("no deliveries in {report}"))
        .clone();
    for row in &rows {
        for field in [
            "recipient",
            "channel",
            "destination",
            "outcome",
            "attempts",
            "elapsed_ms",
            "error_code",
            "error_message",
            "reason",
        ] {
            assert!(row.get(field).is_some(), "row lacks {field}: {row}");
        }
        assert!(row["attempts"].is_u64(), "{row}");
        assert!(row["elapsed_ms"].is_u64(), "{row}");
    }
    rows
}

#[track_caller]
fn only_row(run: &Run) -> Value {
    let rows = rows(run);
    assert_eq!(rows.len(), 1, "one row expected: {rows:?}");
    rows[0].clone()
}

#[track_caller]
fn row_for(rows: &[Value], channel: &str) -> Value {
    let found: Vec<&Value> = rows.iter().filter(|r| r["channel"] == channel).collect();
    assert_eq!(found.len(), 1, "one {channel} row expected: {rows:?}");
    found[0].clone()
}

#[track_caller]
fn assert_delivered(row: &Value, attempts: u64) {
    assert_eq!(row["outcome"], "delivered", "{row}");
    assert_eq!(row["attempts"], attempts, "{row}");
    assert_eq!(row["error_code"], Value::Null, "{row}");
    assert_eq!(row["error_message"], Value::Null, "{row}");
    assert_eq!(row["reason"], Value::Null, "{row}");
}

#[track_caller]
fn assert_failed(row: &Value, attempts: u64, code: &str) {
    assert_eq!(row["outcome"], "failed", "{row}");
    assert_eq!(row["attempts"], attempts, "{row}");
    assert_eq!(row["error_code"], code, "{row}");
    assert!(row["error_message"].is_string(), "{row}");
    assert!(row["reason"].is_string(), "{row}");
}

#[track_caller]
fn assert_skipped(row: &Value, reason: &str) {
    assert_eq!(row["outcome"], "skipped", "{row}");
    assert_eq!(row["attempts"], 0, "{row}");
    let got = row["reason"].as_str().unwrap_or_default();
    assert!(
        got.contains(reason),
        "reason {got:?} lacks {reason:?}: {row}"
    );
}

fn header<'a>(req: &'a Recorded, name: &str) -> &'a str {
    req.header(name)
        .unwrap_or_else(|| panic!("no {name} header in {:?}", req.headers))
}

/// The exact bytes `notify` must send to a custom webhook, given the values only it can know.
#[allow(clippy::too_many_arguments)]
fn webhook_body(
    id: &str,
    event_time: &Value,
    submitter: (&str, &str),
    fields: [&str; 5],
    message: &str,
    target_users: Value,
    receivers: Value,
    method: &str,
) -> String {
    let [category, module, event, task_id, task_name] = fields;
    let expected = json!({
        "messageEvent": {
            "id": id,
            "submitterUid": submitter.0,
            "submitterName": submitter.1,
            "category": category,
            "module": module,
            "event": event,
            "taskId": task_id,
            "taskName": task_name,
            "eventTime": event_time,
            "message": message,
            "targetUsers": target_users,
            "receivers": receivers,
        },
        "signatureMethod": method,
    });
    serde_json::to_string(&expected).expect("json")
}

/// Checks the headers every custom-webhook request carries and returns its delivery id.
#[track_caller]
fn check_webhook_headers(req: &Recorded) -> String {
    assert_eq!(req.method, "POST");
    assert_eq!(
        header(req, "Content-Type"),
        "application/json; charset=utf-8"
    );
    assert_eq!(header(req, "DMS-Event"), "Message Hook");
    assert!(
        header(req, "User-Agent").starts_with("notify/"),
        "{:?}",
        req.headers
    );
    let id = header(req, "X-Notify-Delivery").to_owned();
    assert_uuid(&id);
    assert_eq!(req.json()["messageEvent"]["id"], id.as_str());
    id
}

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

// ---------------------------------------------------------------------------------------------------
// the test's own algorithms against the published vectors

#[test]
fn independent_signers_match_the_published_vectors() {
    assert_eq!(
        dingtalk_sign("SECtest", 1_700_000_000_000),
        "aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g="
    );
    let params: Vec<(String, String)> = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    assert_eq!(
        aliyun_sign("testsecret", "GET", &params),
        "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
    );
    assert_eq!(pct("a b*c~/+="), "a%20b%2Ac~%2F%2B%3D");
}

// ---------------------------------------------------------------------------------------------------
// custom webhook

#[test]
fn webhook_hmac_sha256_body_lists_stored_users_and_the_submitter() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/dms/events");
    let key = "whk-secret-256";
    admin(&env, &["dave", "--create", "--display-name", "Dave Ops"]);
    for (name, display) in [("alice", "Alice Liu"), ("bob", "Bob Chen")] {
        admin(
            &env,
            &[
                name,
                "--create",
                "--display-name",
                display,
                "--set",
                &format!("webhook.url={url}"),
                "--set",
                "webhook.signature_method=HMAC_SHA256",
                "--set",
                &format!("webhook.signature_key={key}"),
                "--enable",
                "webhook",
            ],
        );
    }
    // carol is addressed but has no usable channel: a target user, not a receiver.
    admin(
        &env,
        &[
            "carol",
            "--create",
            "--display-name",
            "Carol",
            "--set",
            &format!("wecom-bot.webhook={}", server.url("/wecom?key=carolkey")),
        ],
    );

    let before = now_ms();
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--to",
            "bob",
            "--to",
            "carol",
            "--event",
            "TicketApproval",
            "--category",
            "Approval",
            "--module",
            "DataChange",
            "--task-id",
            "42",
            "--task-name",
            "Ticket 42",
            "--submitter",
            "dave",
            "--message",
            "Ticket 42 awaits approval",
        ],
    );
    let after = now_ms();
    run.ok();
    assert_hidden(&run, &[key, "carolkey"]);

    let reqs = server.requests();
    assert_eq!(reqs.len(), 1, "one request for both users: {reqs:?}");
    let req = &reqs[0];
    assert_eq!(req.path, "/dms/events");
    let id = check_webhook_headers(req);
    let body = req.json();
    let event_time = body["messageEvent"]["eventTime"].clone();
    let t = event_time.as_u64().expect("eventTime is a number");
    assert!(
        before <= t && t <= after,
        "eventTime {t} not in [{before}, {after}]"
    );
    let expected = webhook_body(
        &id,
        &event_time,
        ("dave", "Dave Ops"),
        [
            "Approval",
            "DataChange",
            "TicketApproval",
            "42",
            "Ticket 42",
        ],
        "Ticket 42 awaits approval",
        json!([{"uid": "alice", "name": "Alice Liu"}, {"uid": "bob", "name": "Bob Chen"},
               {"uid": "carol", "name": "Carol"}]),
        json!([{"uid": "alice", "name": "Alice Liu"}, {"uid": "bob", "name": "Bob Chen"}]),
        "HMAC_SHA256",
    );
    assert_eq!(req.body_str(), expected);
    let signature = format!(
        "sha256={}",
        hex_encode(&hmac_sha256(key.as_bytes(), &req.body))
    );
    assert_eq!(header(req, "X-Notify-Signature"), signature);

    let rows = rows(&run);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let hook = row_for(&rows, "webhook");
    assert_delivered(&hook, 1);
    assert_eq!(hook["recipient"], "alice, bob");
    assert_eq!(hook["destination"], url.as_str());
    let wecom = row_for(&rows, "wecom-bot");
    assert_eq!(wecom["recipient"], "carol");
    assert_skipped(&wecom, "not enabled");
    assert!(
        wecom["destination"]
            .as_str()
            .expect("text")
            .contains("key=****"),
        "{wecom}"
    );
}

#[test]
fn webhook_hmac_sha1_ad_hoc_has_every_field_even_when_empty() {
    let server = HttpServer::start();
    let env = Env::new();
    let key = "adhoc-sha1-key";
    let run = send(
        &env,
        &[
            "--webhook",
            &server.url("/hook1"),
            "--signature-method",
            "HMAC_SHA1",
            "--signature-key",
            key,
            "--message",
            "Change 7 failed",
        ],
    );
    run.ok();
    assert_hidden(&run, &[key]);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    let id = check_webhook_headers(req);
    let event_time = req.json()["messageEvent"]["eventTime"].clone();
    assert!(event_time.is_u64(), "{event_time}");
    let expected = webhook_body(
        &id,
        &event_time,
        ("", ""),
        ["", "", "", "", ""],
        "Change 7 failed",
        json!([]),
        json!([]),
        "HMAC_SHA1",
    );
    assert_eq!(req.body_str(), expected);
    let signature = format!("sha1={}", hex_encode(&hmac_sha1(key.as_bytes(), &req.body)));
    assert_eq!(header(req, "X-Notify-Signature"), signature);
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["recipient"], "-");
    assert_eq!(row["channel"], "webhook");
}

#[test]
fn webhook_none_sends_no_signature_header() {
    let server = HttpServer::start();
    let env = Env::new();
    send(
        &env,
        &["--webhook", &server.url("/plain"), "--message", "hello"],
    )
    .ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    check_webhook_headers(req);
    assert_eq!(req.header("X-Notify-Signature"), None, "{:?}", req.headers);
    assert_eq!(req.json()["signatureMethod"], "NONE");
    assert_eq!(req.json()["messageEvent"]["message"], "hello");
}

/// Sends one unsigned ad-hoc webhook message with the given extra flags.
fn send_webhook(env: &Env, server: &HttpServer, extra: &[&str]) -> Run {
    let url = server.url("/retry");
    let mut args = vec!["--webhook", url.as_str(), "--message", "retry me"];
    args.extend_from_slice(extra);
    send(env, &args)
}

/// Two requests of one delivery: same id, same signed bytes.
#[track_caller]
fn assert_same_delivery(reqs: &[Recorded]) {
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    let first = check_webhook_headers(&reqs[0]);
    let second = check_webhook_headers(&reqs[1]);
    assert_eq!(first, second, "the delivery id changed across retries");
    assert_eq!(
        reqs[0].body, reqs[1].body,
        "the body changed across retries"
    );
}

#[test]
fn webhook_503_is_retried_with_the_same_delivery_id() {
    let server = HttpServer::start();
    let env = Env::new();
    server.reply("/retry", Reply::text(503, "busy"));
    let run = send_webhook(&env, &server, &[]);
    run.ok();
    assert_same_delivery(&server.requests());
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn webhook_400_is_permanent() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always("/retry", Reply::text(400, "bad payload"));
    let run = send_webhook(&env, &server, &[]);
    run.code(3).stderr_has("1 of 1 deliveries failed");
    assert_eq!(server.requests().len(), 1, "a permanent error was retried");
    let row = only_row(&run);
    assert_failed(&row, 1, "400");
    assert!(
        row["error_message"]
            .as_str()
            .expect("text")
            .contains("bad payload"),
        "{row}"
    );
}

#[test]
fn webhook_dropped_connection_is_retried() {
    let server = HttpServer::start();
    let env = Env::new();
    server.reply("/retry", Reply::reset());
    let run = send_webhook(&env, &server, &[]);
    run.ok();
    assert_same_delivery(&server.requests());
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn a_wecom_robot_that_drops_the_connection_is_not_sent_twice() {
    // WeCom has no idempotency key: a request that went out without an answer may have been delivered.
    let server = HttpServer::start();
    let env = Env::new();
    server.reply("/cgi-bin/webhook/send", Reply::reset());
    let url = server.url("/cgi-bin/webhook/send?key=k1");
    let run = send(&env, &["--wecom-bot", &url, "--message", "DMS hi"]);
    run.code(3);
    assert_eq!(
        server.requests().len(),
        1,
        "an unanswered request was repeated"
    );
    let row = only_row(&run);
    assert_eq!(row["outcome"], "failed");
    assert_eq!(row["attempts"], 1);
    let reason = row["reason"].as_str().expect("reason");
    assert!(
        reason.starts_with("outcome unknown: the request was sent but no answer came"),
        "{reason}"
    );
}

#[test]
fn retries_stop_after_the_retry_budget() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always("/retry", Reply::text(502, "bad gateway"));
    let run = send_webhook(&env, &server, &["--retries", "2"]);
    run.code(3);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3, "one attempt and two retries");
    let ids: Vec<String> = reqs.iter().map(check_webhook_headers).collect();
    assert!(ids.iter().all(|i| *i == ids[0]), "{ids:?}");
    assert_failed(&only_row(&run), 3, "502");
}

// ---------------------------------------------------------------------------------------------------
// DingTalk group robot

const ROBOT_SECRET: &str = "SECrobot0123456789abcdef";
const ROBOT_TOKEN: &str = "robottoken42";

/// Checks the signature of a signed robot request against the time window it was sent in.
#[track_caller]
fn check_robot_sign(req: &Recorded, secret: &str, before: u64, after: u64) {
    let pairs = query_pairs(req);
    assert_eq!(param(&pairs, "access_token"), ROBOT_TOKEN);
    let ts: u64 = param(&pairs, "timestamp")
        .parse()
        .expect("millisecond timestamp");
    assert!(
        before <= ts && ts <= after,
        "timestamp {ts} not in [{before}, {after}]"
    );
    let sign = dingtalk_sign(secret, ts);
    assert_eq!(param(&pairs, "sign"), sign, "sign does not match");
    let raw = req.query_raw("sign").expect("sign");
    assert_eq!(raw, pct(&sign), "sign must be percent-encoded exactly once");
    assert!(!raw.contains("%25"), "double encoding: {raw}");
}

#[test]
fn dingtalk_bot_is_signed_and_always_carries_the_keyword() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let before = now_ms();
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--format",
            "text",
            "--message",
            "disk full",
        ],
    );
    let after = now_ms();
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET, ROBOT_TOKEN]);
    let reqs = server.requests_to("/robot/send");
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method, "POST");
    assert_eq!(
        header(req, "Content-Type"),
        "application/json; charset=utf-8"
    );
    check_robot_sign(req, ROBOT_SECRET, before, after);
    let body = req.json();
    let uuid = body["msgUuid"].as_str().expect("msgUuid").to_owned();
    assert_uuid(&uuid);
    assert_eq!(
        body,
        json!({"msgtype": "text", "text": {"content": "[DMS] disk full"},
               "at": {"atMobiles": [], "atUserIds": [], "isAtAll": false}, "msgUuid": uuid})
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "dingtalk-bot");
    assert!(
        row["destination"]
            .as_str()
            .expect("text")
            .contains("access_token=****"),
        "{row}"
    );

    // A message that already has the keyword is left alone; another keyword is added.
    send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--format",
            "text",
            "--message",
            "DMS backup done",
        ],
    )
    .ok();
    send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--keyword",
            "ops",
            "--format",
            "text",
            "--message",
            "backup done",
        ],
    )
    .ok();
    let reqs = server.requests_to("/robot/send");
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[1].json()["text"]["content"], "DMS backup done");
    assert_eq!(reqs[2].json()["text"]["content"], "[ops] backup done");
    // Without a secret the URL is left as given.
    assert_eq!(reqs[1].query("sign"), None);
    assert_eq!(reqs[1].query("timestamp"), None);
}

#[test]
fn dingtalk_bot_markdown_says_markdown_and_keeps_the_keyword() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--format",
            "markdown",
            "--title",
            "Disk alert",
            "--message",
            "disk **full**",
        ],
    )
    .ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let body = reqs[0].json();
    assert_eq!(body["msgtype"], "markdown", "{body}");
    assert!(body.get("text").is_none(), "{body}");
    let title = body["markdown"]["title"].as_str().expect("title");
    let text = body["markdown"]["text"].as_str().expect("text");
    assert!(
        title.contains("Disk alert") && title.contains("DMS"),
        "{title}"
    );
    assert!(
        text.contains("disk **full**") && text.contains("DMS"),
        "{text}"
    );
    assert_uuid(body["msgUuid"].as_str().expect("msgUuid"));
}

#[test]
fn dingtalk_bot_310000_is_permanent() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always(
        "/robot/send",
        Reply::json(200, r#"{"errcode":310000,"errmsg":"sign not match"}"#),
    );
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--message",
            "hi",
        ],
    );
    run.code(3);
    assert_hidden(&run, &[ROBOT_SECRET, ROBOT_TOKEN]);
    assert_eq!(server.requests().len(), 1, "310000 was retried");
    let row = only_row(&run);
    assert_failed(&row, 1, "310000");
    assert_eq!(row["error_message"], "sign not match");
}

#[test]
fn dingtalk_bot_130101_is_retried_with_the_same_msg_uuid_and_a_fresh_sign() {
    let server = HttpServer::start();
    let env = Env::new();
    server.reply(
        "/robot/send",
        Reply::json(200, r#"{"errcode":130101,"errmsg":"send too fast"}"#),
    );
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let before = now_ms();
    let run = send(
        &env,
        &[
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--message",
            "hi",
        ],
    );
    let after = now_ms();
    run.ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        check_robot_sign(req, ROBOT_SECRET, before, after);
    }
    let first = reqs[0].json()["msgUuid"].clone();
    assert!(first.is_string());
    assert_eq!(
        reqs[1].json()["msgUuid"],
        first,
        "msgUuid changed across retries"
    );
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn users_sharing_one_robot_get_one_message() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    for name in ["alice", "bob"] {
        admin(
            &env,
            &[
                name,
                "--create",
                "--set",
                &format!("dingtalk-bot.webhook={url}"),
                "--set",
                &format!("dingtalk-bot.secret={ROBOT_SECRET}"),
                "--enable",
                "dingtalk-bot",
            ],
        );
    }
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--to",
            "bob",
            "--message",
            "DMS maintenance",
        ],
    );
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET, ROBOT_TOKEN]);
    assert_eq!(server.requests().len(), 1, "one message per shared robot");
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["recipient"], "alice, bob");
    assert_eq!(row["channel"], "dingtalk-bot");
}

#[test]
fn a_robot_is_paced_at_twenty_messages_a_minute() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let mut args = vec!["--deadline", "2", "--message", "DMS burst"];
    for _ in 0..21 {
        args.push("--dingtalk-bot");
        args.push(&url);
    }
    let run = send(&env, &args);
    run.code(3);
    let rows = rows(&run);
    assert_eq!(rows.len(), 21);
    let delivered = rows.iter().filter(|r| r["outcome"] == "delivered").count();
    let failed: Vec<&Value> = rows.iter().filter(|r| r["outcome"] == "failed").collect();
    assert_eq!(delivered, 20, "{rows:?}");
    assert_eq!(failed.len(), 1, "{rows:?}");
    let reason = failed[0]["reason"].as_str().expect("reason");
    assert!(reason.contains("robot rate limit (20/min)"), "{reason}");
    assert_eq!(failed[0]["attempts"], 0, "{}", failed[0]);
    assert_eq!(server.requests().len(), 20, "the 21st message went out");
}

#[test]
fn robot_pacing_holds_across_separate_runs() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let mut args = vec!["--message", "DMS burst"];
    for _ in 0..20 {
        args.push("--wecom-bot");
        args.push(&url);
    }
    send(&env, &args).ok();
    // A second process a moment later finds the robot's budget spent.
    let run = send(
        &env,
        &[
            "--deadline",
            "1",
            "--message",
            "DMS one more",
            "--wecom-bot",
            &url,
        ],
    );
    run.code(3);
    let reason = only_row(&run)["reason"]
        .as_str()
        .expect("reason")
        .to_owned();
    assert!(reason.contains("robot rate limit (20/min)"), "{reason}");
    assert_eq!(server.requests().len(), 20, "the 21st message went out");
    // The send times are kept in a private file that is named without the robot's token.
    let dir = env.path("cache").join("notify").join("robots");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("robots folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(files.len(), 1);
    let meta = files[0].metadata().expect("metadata");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(!files[0].file_name().to_string_lossy().contains(ROBOT_TOKEN));
}

// ---------------------------------------------------------------------------------------------------
// WeCom group robot

#[test]
fn wecom_bot_text_body_and_45009_retry() {
    let server = HttpServer::start();
    let env = Env::new();
    server.reply(
        "/cgi-bin/webhook/send",
        Reply::json(200, r#"{"errcode":45009,"errmsg":"api freq out of limit"}"#),
    );
    let url = server.url("/cgi-bin/webhook/send?key=wecomkey77");
    let run = send(
        &env,
        &[
            "--wecom-bot",
            &url,
            "--format",
            "text",
            "--message",
            "nightly export done",
        ],
    );
    run.ok();
    assert_hidden(&run, &["wecomkey77"]);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    let expected = json!({"msgtype": "text",
                          "text": {"content": "nightly export done", "mentioned_mobile_list": []}});
    for req in &reqs {
        assert_eq!(req.method, "POST");
        assert_eq!(req.query("key").as_deref(), Some("wecomkey77"));
        assert_eq!(req.json(), expected);
    }
    let row = only_row(&run);
    assert_delivered(&row, 2);
    assert!(
        row["destination"]
            .as_str()
            .expect("text")
            .contains("key=****"),
        "{row}"
    );
}

#[test]
fn wecom_bot_93000_is_permanent() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always(
        "/cgi-bin/webhook/send",
        Reply::json(200, r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#),
    );
    let url = server.url("/cgi-bin/webhook/send?key=wecomkey77");
    let run = send(&env, &["--wecom-bot", &url, "--message", "hi"]);
    run.code(3);
    assert_eq!(server.requests().len(), 1, "93000 was retried");
    assert_failed(&only_row(&run), 1, "93000");
}

#[test]
fn a_connect_that_never_completes_is_not_sent_and_is_retried_everywhere() {
    // A listener that never accepts: once its queue is full the kernel drops new SYNs, so a connect
    // hangs, as towards a host behind a firewall that drops packets.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let mut held = Vec::new();
    for _ in 0..512 {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(50)) {
            Ok(s) => held.push(s),
            Err(_) => break,
        }
    }
    let env = Env::new();
    let url = format!("http://{addr}/cgi-bin/webhook/send?key=wecomkey77");
    let run = send(
        &env,
        &[
            "--wecom-bot",
            &url,
            "--message",
            "hi",
            "--timeout",
            "1",
            "--retries",
            "1",
        ],
    );
    run.code(3);
    let row = only_row(&run);
    // WeCom has no idempotency key: only a request that provably never left may be sent again.
    assert_eq!(row["attempts"], 2, "{row}");
    assert!(
        !row["error_message"]
            .as_str()
            .unwrap_or_default()
            .contains("outcome unknown"),
        "{row}"
    );
    drop(held);
}

#[test]
fn an_answer_over_a_mebibyte_is_not_read_whole_nor_trusted() {
    let server = HttpServer::start();
    let env = Env::new();
    // Success, if the whole 3 MiB were read; cut at 1 MiB it is no JSON at all.
    let padded = format!(
        r#"{{"errcode":0,"errmsg":"{}"}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    server.always("/cgi-bin/webhook/send", Reply::json(200, &padded));
    let url = server.url("/cgi-bin/webhook/send?key=wecomkey77");
    let run = send(&env, &["--wecom-bot", &url, "--message", "hi"]);
    run.code(3);
    assert_eq!(
        server.requests().len(),
        1,
        "an unreadable answer was retried"
    );
    assert_failed(&only_row(&run), 1, "200");
}

#[test]
fn wecom_bot_text_over_2048_bytes_is_cut_and_the_row_says_so() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/cgi-bin/webhook/send?key=wecomkey77");
    let text = "字".repeat(683); // 2049 UTF-8 bytes, only 683 characters
    let run = send(
        &env,
        &[
            "--wecom-bot",
            &url,
            "--webhook",
            &server.url("/other"),
            "--format",
            "text",
            "--message",
            &text,
        ],
    );
    run.ok();
    let reqs = server.requests_to("/cgi-bin/webhook/send");
    assert_eq!(reqs.len(), 1);
    let content = reqs[0].json()["text"]["content"]
        .as_str()
        .expect("content")
        .to_owned();
    assert!(content.len() <= 2048, "{} bytes", content.len());
    assert_eq!(content, format!("{}…", "字".repeat(681)));
    let rows = rows(&run);
    let row = row_for(&rows, "wecom-bot");
    assert_eq!(
        (&row["outcome"], &row["attempts"]),
        (&json!("delivered"), &json!(1))
    );
    assert_eq!(
        row["reason"], "message cut to 2048 bytes (WeCom limit for text)",
        "{row}"
    );
    // The other destination went out whole.
    assert_delivered(&row_for(&rows, "webhook"), 1);
    assert_eq!(
        server.requests_to("/other")[0].json()["messageEvent"]["message"],
        text
    );
}

// ---------------------------------------------------------------------------------------------------
// DingTalk work notices through an app

const DING_SECRET: &str = "ding-app-secret-99";
const DING_TOKEN: &str = "tok-ding-abcdef";

fn ding_provider(env: &Env, server: &HttpServer) {
    provider(
        env,
        &[
            "dingtalk",
            "--app-key",
            "dingappkey",
            "--app-secret",
            DING_SECRET,
            "--agent-id",
            "123456",
            "--api-base",
            &server.url(""),
        ],
    );
}

fn ding_token_reply(server: &HttpServer) {
    server.always(
        "/gettoken",
        Reply::json(
            200,
            &format!(
                r#"{{"errcode":0,"errmsg":"ok","access_token":"{DING_TOKEN}","expires_in":7200}}"#
            ),
        ),
    );
}

#[test]
fn dingtalk_by_mobile_looks_up_the_user_and_caches_the_token_across_runs() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(
            200,
            r#"{"errcode":0,"errmsg":"ok","result":{"userid":"u-alice-1"}}"#,
        ),
    );
    server.always(
        "/topapi/message/corpconversation/asyncsend_v2",
        Reply::json(200, r#"{"errcode":0,"errmsg":"ok","task_id":987}"#),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=13100000000",
            "--enable",
            "dingtalk",
        ],
    );

    for round in 1..=2 {
        let run = send(
            &env,
            &[
                "--to",
                "alice",
                "--format",
                "text",
                "--message",
                &format!("disk full #{round}"),
            ],
        );
        run.ok();
        assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
        let row = only_row(&run);
        assert_delivered(&row, 1);
        assert_eq!(row["channel"], "dingtalk");
        assert_eq!(row["recipient"], "alice");
    }

    let tokens = server.requests_to("/gettoken");
    assert_eq!(
        tokens.len(),
        1,
        "the token was fetched again instead of read from the cache"
    );
    assert_eq!(tokens[0].method, "GET");
    assert_eq!(tokens[0].query("appkey").as_deref(), Some("dingappkey"));
    assert_eq!(tokens[0].query("appsecret").as_deref(), Some(DING_SECRET));

    let lookups = server.requests_to("/topapi/v2/user/getbymobile");
    assert_eq!(lookups.len(), 2);
    for req in &lookups {
        assert_eq!(req.method, "POST");
        assert_eq!(req.query("access_token").as_deref(), Some(DING_TOKEN));
        assert_eq!(req.json(), json!({"mobile": "13100000000"}));
    }
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 2);
    for (i, req) in sends.iter().enumerate() {
        assert_eq!(req.query("access_token").as_deref(), Some(DING_TOKEN));
        assert_eq!(
            req.json(),
            json!({"agent_id": 123456, "userid_list": "u-alice-1",
                   "msg": {"msgtype": "text", "text": {"content": format!("disk full #{}", i + 1)}}})
        );
        assert!(req.json()["agent_id"].is_i64(), "agent_id must be a number");
    }

    // The cache is one private file under the user cache folder.
    let dir = env.path("cache").join("notify").join("tokens");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("token cache folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let mode = std::fs::metadata(&files[0])
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "token cache file mode {mode:o}");
}

#[test]
fn dingtalk_unknown_mobile_fails_without_sending() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":60121,"errmsg":"找不到该用户"}"#),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=+8613100000009",
            "--enable",
            "dingtalk",
        ],
    );
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.code(3);
    assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
    let row = only_row(&run);
    assert_eq!(row["outcome"], "failed", "{row}");
    assert_eq!(row["error_code"], "60121", "{row}");
    let lookups = server.requests_to("/topapi/v2/user/getbymobile");
    assert_eq!(lookups.len(), 1, "a permanent lookup error was retried");
    assert_eq!(lookups[0].json(), json!({"mobile": "13100000009"}));
    assert!(
        server
            .requests_to("/topapi/message/corpconversation/asyncsend_v2")
            .is_empty()
    );
}

#[test]
fn dingtalk_exclusive_uses_the_employee_id_as_the_userid() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk-exclusive.employee_id=manager4321",
            "--enable",
            "dingtalk-exclusive",
        ],
    );
    let run = send(
        &env,
        &["--to", "alice", "--format", "text", "--message", "hi there"],
    );
    run.ok();
    assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
    assert!(
        server.requests_to("/topapi/v2/user/getbymobile").is_empty(),
        "no lookup expected"
    );
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 1);
    assert_eq!(
        sends[0].json(),
        json!({"agent_id": 123456, "userid_list": "manager4321",
               "msg": {"msgtype": "text", "text": {"content": "hi there"}}})
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "dingtalk-exclusive");
}

// ---------------------------------------------------------------------------------------------------
// Feishu and Lark

const FEISHU_SECRET: &str = "feishu-app-secret-1";
const FEISHU_TOKEN: &str = "t-feishu-token-1";

fn tenant_token_reply(server: &HttpServer, token: &str) {
    server.always(
        "/open-apis/auth/v3/tenant_access_token/internal",
        Reply::json(
            200,
            &format!(r#"{{"code":0,"msg":"ok","tenant_access_token":"{token}","expire":7200}}"#),
        ),
    );
}

/// Points the `feishu` provider at the fixture.
fn feishu_provider(env: &Env, server: &HttpServer, app_id: &str) {
    let base = server.url("");
    provider(
        env,
        &[
            "feishu",
            "--app-id",
            app_id,
            "--app-secret",
            FEISHU_SECRET,
            "--api-base",
            &base,
        ],
    );
}

#[test]
fn feishu_by_mobile_finds_the_open_id_and_sends_a_json_string_content() {
    let server = HttpServer::start();
    let env = Env::new();
    feishu_provider(&env, &server, "cli_feishu_1");
    tenant_token_reply(&server, FEISHU_TOKEN);
    server.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"msg":"ok","data":{"user_list":[{"mobile":"13100000001","user_id":"ou_alice"}]}}"#,
        ),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "feishu.mobile=13100000001",
            "--enable",
            "feishu",
        ],
    );
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--format",
            "text",
            "--message",
            "say \"hi\"",
        ],
    );
    run.ok();
    assert_hidden(&run, &[FEISHU_SECRET, FEISHU_TOKEN]);

    let tokens = server.requests_to("/open-apis/auth/v3/tenant_access_token/internal");
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].method, "POST");
    assert_eq!(
        tokens[0].json(),
        json!({"app_id": "cli_feishu_1", "app_secret": FEISHU_SECRET})
    );

    let lookups = server.requests_to("/open-apis/contact/v3/users/batch_get_id");
    assert_eq!(lookups.len(), 1);
    assert_eq!(lookups[0].query("user_id_type").as_deref(), Some("open_id"));
    assert_eq!(
        header(&lookups[0], "Authorization"),
        format!("Bearer {FEISHU_TOKEN}")
    );
    assert_eq!(
        lookups[0].json(),
        json!({"mobiles": ["13100000001"], "emails": []})
    );

    let sends = server.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 1);
    let req = &sends[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.query("receive_id_type").as_deref(), Some("open_id"));
    assert_eq!(
        header(req, "Authorization"),
        format!("Bearer {FEISHU_TOKEN}")
    );
    let body = req.json();
    let content = body["content"].as_str().expect("content is a JSON string");
    let parsed: Value = serde_json::from_str(content).expect("content parses as JSON");
    assert_eq!(parsed, json!({"text": "say \"hi\""}));
    let uuid = body["uuid"].as_str().expect("uuid").to_owned();
    assert_uuid(&uuid);
    assert_eq!(
        body,
        json!({"receive_id": "ou_alice", "msg_type": "text", "content": content, "uuid": uuid})
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "feishu");
}

#[test]
fn feishu_send_retries_keep_the_uuid() {
    let server = HttpServer::start();
    let env = Env::new();
    feishu_provider(&env, &server, "cli_f");
    tenant_token_reply(&server, FEISHU_TOKEN);
    server.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"user_id":"ou_a"}]}}"#,
        ),
    );
    server.reply("/open-apis/im/v1/messages", Reply::text(503, "busy"));
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "feishu.mobile=13100000001",
            "--enable",
            "feishu",
        ],
    );
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.ok();
    let sends = server.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 2);
    assert_eq!(
        sends[0].json()["uuid"],
        sends[1].json()["uuid"],
        "uuid changed across retries"
    );
    assert_delivered(&only_row(&run), 2);
}

#[test]
fn lark_by_email_sends_straight_to_the_email_through_the_lark_provider() {
    let feishu = HttpServer::start();
    let lark = HttpServer::start();
    let env = Env::new();
    provider(
        &env,
        &[
            "feishu",
            "--app-id",
            "cli_f",
            "--app-secret",
            FEISHU_SECRET,
            "--api-base",
            &feishu.url(""),
        ],
    );
    provider(
        &env,
        &[
            "lark",
            "--app-id",
            "cli_lark",
            "--app-secret",
            "lark-secret-2",
            "--api-base",
            &lark.url(""),
        ],
    );
    tenant_token_reply(&lark, "t-lark-token-2");
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "lark.email=alice@example.com",
            "--enable",
            "lark",
        ],
    );
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--format",
            "text",
            "--message",
            "hello lark",
        ],
    );
    run.ok();
    assert_hidden(&run, &["lark-secret-2", "t-lark-token-2"]);
    assert!(
        feishu.requests().is_empty(),
        "the feishu provider was used for lark"
    );
    let tokens = lark.requests_to("/open-apis/auth/v3/tenant_access_token/internal");
    assert_eq!(tokens.len(), 1);
    assert_eq!(
        tokens[0].json(),
        json!({"app_id": "cli_lark", "app_secret": "lark-secret-2"})
    );
    assert!(
        lark.requests_to("/open-apis/contact/v3/users/batch_get_id")
            .is_empty()
    );
    let sends = lark.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 1);
    assert_eq!(sends[0].query("receive_id_type").as_deref(), Some("email"));
    assert_eq!(header(&sends[0], "Authorization"), "Bearer t-lark-token-2");
    let body = sends[0].json();
    assert_eq!(body["receive_id"], "alice@example.com");
    assert_eq!(body["msg_type"], "text");
    assert_eq!(body["content"], r#"{"text":"hello lark"}"#);
    assert_uuid(body["uuid"].as_str().expect("uuid"));
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "lark");
}

// ---------------------------------------------------------------------------------------------------
// SMS

const ALIYUN_SECRET: &str = "aliyun-key-secret-3";

fn aliyun_provider(env: &Env, server: &HttpServer) {
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
    let run = send(&env, &["--sms", "+44 7700 900123", "--message", "hello"]);
    run.ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    check_aliyun_request(&reqs[1], "447700900123", "hello");
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
        &["--sms", "+44 7700 900123", "--message", "disk full & more"],
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
    assert_eq!(get("To"), "+447700900123");
    assert_eq!(get("From"), "+15005550006");
    assert_eq!(get("Body"), "disk full & more");
    assert_delivered(&only_row(&run), 1);
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
    let run = send(&env, &["--sms", "+447700900123", "--message", "hi"]);
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

// ---------------------------------------------------------------------------------------------------
// email

#[test]
fn email_goes_through_smtp_with_a_utf8_subject() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "email.address=alice@example.com",
            "--enable",
            "email",
        ],
    );
    let run = send(
        &env,
        &[
            "--to",
            "alice",
            "--title",
            "工单待审批 #42",
            "--message",
            "请审批工单 42。\n谢谢",
        ],
    );
    run.ok();
    let mails = smtp.wait_for(1, WAIT);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.from, "dms@example.com");
    assert_eq!(mail.to, ["alice@example.com"]);
    assert_eq!(
        mail.header_decoded("Subject").as_deref(),
        Some("工单待审批 #42")
    );
    let to = mail.header_decoded("To").expect("To header");
    assert!(to.contains("alice@example.com"), "{to}");
    let from = mail.header_decoded("From").expect("From header");
    assert!(from.contains("dms@example.com"), "{from}");
    let body = mail.body_text();
    assert!(
        body.contains("请审批工单 42。\n谢谢") || body.contains("请审批工单 42。\r\n谢谢"),
        "{body}"
    );
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["channel"], "email");
    assert_eq!(row["destination"], "alice@example.com");
}

#[test]
fn email_default_subject_is_dms_and_the_first_line() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    let run = send(
        &env,
        &[
            "--email",
            "ops@example.com",
            "--message",
            "\nDisk almost full on db-1\nsecond line",
        ],
    );
    run.ok();
    let mails = smtp.wait_for(1, WAIT);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["ops@example.com"]);
    assert_eq!(
        mails[0].header_decoded("Subject").as_deref(),
        Some("[DMS] Disk almost full on db-1")
    );
    assert!(mails[0].body_text().contains("second line"));
    assert_delivered(&only_row(&run), 1);
}

// ---------------------------------------------------------------------------------------------------
// planning: skipped and failed rows, filters

#[test]
fn unusable_channels_are_skipped_with_reasons_and_the_rest_still_go_out() {
    let server = HttpServer::start();
    let env = Env::new();
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/hook-ok")),
            "--set",
            &format!("wecom-bot.webhook={}", server.url("/wecom?key=k1")),
            "--set",
            "sms.mobile=13100000000",
            "--set",
            &format!("dingtalk-bot.webhook={robot}"),
            "--set",
            "email.address=alice@example.com",
            "--enable",
            "webhook",
            "--enable",
            "sms",
            "--enable",
            "dingtalk-bot",
            "--enable",
            "email",
        ],
    );
    // Alice changes her own mobile: no longer verified (and disabled). A store edited by hand can still
    // say enabled; the send must skip it all the same.
    env.run(&["channel", "set", "sms", "--mobile", "13100000001"])
        .ok()
        .stderr_has("verification was cleared");
    let edited = env.store_text().replace(
        "mobile = \"+8613100000001\"\nenabled = false",
        "mobile = \"+8613100000001\"\nenabled = true",
    );
    assert_ne!(
        edited,
        env.store_text(),
        "the sms channel is in the store as expected"
    );
    env.write_store(&edited);
    env.run(&["notice", "disable", "dingtalk-bot"]).ok();

    let run = send(&env, &["--to", "alice", "--message", "DMS check"]);
    run.code(3);
    let rows = rows(&run);
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert!(rows.iter().all(|r| r["recipient"] == "alice"), "{rows:?}");
    assert_delivered(&row_for(&rows, "webhook"), 1);
    assert_skipped(&row_for(&rows, "wecom-bot"), "not enabled");
    let sms = row_for(&rows, "sms");
    assert_skipped(&sms, "not verified");
    assert!(
        sms["reason"]
            .as_str()
            .expect("reason")
            .contains("notify channel verify sms"),
        "{sms}"
    );
    assert_skipped(
        &row_for(&rows, "dingtalk-bot"),
        "switched off in Notice Management",
    );
    let email = row_for(&rows, "email");
    assert_eq!(email["outcome"], "failed", "{email}");
    assert_eq!(email["attempts"], 0, "{email}");
    let reason = email["reason"].as_str().expect("reason");
    assert!(reason.contains("notify provider set smtp"), "{reason}");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 1, "only the webhook may be called: {reqs:?}");
    assert_eq!(reqs[0].path, "/hook-ok");
    // alice has a usable channel: she is a receiver.
    assert_eq!(
        reqs[0].json()["messageEvent"]["receivers"],
        json!([{"uid": "alice", "name": ""}])
    );
}

#[test]
fn the_channel_filter_limits_the_recipients_channels() {
    let server = HttpServer::start();
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/hook-a")),
            "--set",
            &format!("wecom-bot.webhook={}", server.url("/wecom?key=k1")),
            "--enable",
            "webhook",
            "--enable",
            "wecom-bot",
        ],
    );
    let run = send(
        &env,
        &["--to", "alice", "--channel", "webhook", "--message", "hi"],
    );
    run.ok();
    let row = only_row(&run);
    assert_eq!(row["channel"], "webhook");
    assert_delivered(&row, 1);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].path, "/hook-a");

    // Both kinds without the filter.
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.ok();
    assert_eq!(rows(&run).len(), 2);
    assert_eq!(server.requests_to("/wecom").len(), 1);
}

#[test]
fn refusals_exit_1_or_2_and_send_nothing() {
    let server = HttpServer::start();
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/h")),
            "--enable",
            "webhook",
        ],
    );
    send(&env, &["--to", "nobody", "--message", "hi"])
        .code(2)
        .stderr_has("no user named nobody");
    send(
        &env,
        &["--webhook", "http://example.com/hook", "--message", "hi"],
    )
    .code(2)
    .stderr_has("loopback");
    send(
        &env,
        &[
            "--webhook",
            &server.url("/h"),
            "--signature-method",
            "HMAC_SHA1",
            "--message",
            "hi",
        ],
    )
    .code(2)
    .stderr_has("needs a key");
    send(
        &env,
        &[
            "--dingtalk-bot",
            &server.url("/r?access_token=t"),
            "--secret",
            "nope",
            "--message",
            "hi",
        ],
    )
    .code(2)
    .stderr_has("SEC");
    send(&env, &["--to", "alice"])
        .code(2)
        .stderr_has("no message");
    assert!(
        server.requests().is_empty(),
        "a refused send made a request"
    );
}

#[test]
fn limits_out_of_range_are_usage_errors_in_real_and_dry_runs() {
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/h");
    for flag in ["--timeout", "--deadline"] {
        for value in ["1e20", "1e19", "86401", "0", "-1", "NaN", "inf"] {
            for dry in [false, true] {
                let limit = format!("{flag}={value}");
                let mut args = vec!["--webhook", &url, "--message", "hi", &limit];
                if dry {
                    args.push("--dry-run");
                }
                let run = send(&env, &args);
                run.code(2)
                    .stderr_has(&format!("{flag} must be a positive number of seconds"));
                assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
            }
        }
    }
    assert!(
        server.requests().is_empty(),
        "a refused send made a request"
    );
}

// ---------------------------------------------------------------------------------------------------
// dry run

#[test]
fn dry_run_opens_no_connection_and_masks_every_secret() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    aliyun_provider(&env, &server);
    feishu_provider(&env, &server, "cli_f");
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=13100000000",
            "--set",
            "feishu.mobile=13100000001",
            "--set",
            "sms.mobile=13100000002",
            "--set",
            &format!("dingtalk-bot.webhook={robot}"),
            "--set",
            &format!("dingtalk-bot.secret={ROBOT_SECRET}"),
            "--set",
            &format!("webhook.url={}", server.url("/hook")),
            "--set",
            "webhook.signature_method=HMAC_SHA256",
            "--set",
            "webhook.signature_key=dry-run-hook-key",
            "--enable",
            "dingtalk",
            "--enable",
            "feishu",
            "--enable",
            "sms",
            "--enable",
            "dingtalk-bot",
            "--enable",
            "webhook",
        ],
    );
    let secrets = [
        DING_SECRET,
        ALIYUN_SECRET,
        FEISHU_SECRET,
        ROBOT_SECRET,
        ROBOT_TOKEN,
        "dry-run-hook-key",
    ];
    let run = send(
        &env,
        &["--to", "alice", "--message", "DMS dry", "--dry-run"],
    );
    run.ok();
    assert_hidden(&run, &secrets);
    let report = run.json();
    assert_eq!(report["dry_run"], true, "{report}");
    let dests = report["destinations"].as_array().expect("destinations");
    assert_eq!(dests.len(), 5, "{report}");
    let requests = |kind: &str| -> String {
        let d = dests
            .iter()
            .find(|d| d["channel"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {report}"));
        d["requests"]
            .as_array()
            .unwrap_or_else(|| panic!("no requests for {kind}: {d}"))
            .iter()
            .map(|r| r.as_str().expect("text").to_owned())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let ding = requests("dingtalk");
    assert!(
        ding.contains("/gettoken?appkey=dingappkey&appsecret=****"),
        "{ding}"
    );
    assert!(ding.contains("getbymobile?access_token=****"), "{ding}");
    assert!(ding.contains("asyncsend_v2?access_token=****"), "{ding}");
    let feishu = requests("feishu");
    assert!(feishu.contains("Authorization: ****"), "{feishu}");
    let robot_text = requests("dingtalk-bot");
    assert!(robot_text.contains("access_token=****"), "{robot_text}");
    assert!(
        robot_text.contains("sign="),
        "the dry run shows the signed URL: {robot_text}"
    );
    let hook = requests("webhook");
    assert!(hook.contains("X-Notify-Signature: sha256="), "{hook}");
    let sms = requests("sms");
    assert!(sms.contains("Signature="), "{sms}");

    // The text form says so too.
    let run = env.run(&["send", "--to", "alice", "--message", "DMS dry", "--dry-run"]);
    run.ok().stderr_has("dry run");
    assert_hidden(&run, &secrets);

    assert!(
        server.requests().is_empty(),
        "a dry run made requests: {:?}",
        server.requests()
    );
    assert_eq!(server.connections(), 0, "a dry run opened a connection");
    assert!(
        !env.path("cache").join("notify").join("tokens").exists(),
        "a dry run touched the token cache"
    );
}

// ---------------------------------------------------------------------------------------------------
// channel test

#[test]
fn channel_test_sends_through_one_configured_channel() {
    let server = HttpServer::start();
    let env = Env::new();
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        &server.url("/mine"),
        "--signature-method",
        "HMAC_SHA1",
        "--signature-key",
        "test-key-5",
    ])
    .ok();
    let run = env.run(&["channel", "test", "webhook", "--json"]);
    run.ok();
    assert_hidden(&run, &["test-key-5"]);
    let row = only_row(&run);
    assert_delivered(&row, 1);
    assert_eq!(row["recipient"], "alice");
    assert_eq!(row["channel"], "webhook");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    check_webhook_headers(req);
    let signature = format!("sha1={}", hex_encode(&hmac_sha1(b"test-key-5", &req.body)));
    assert_eq!(header(req, "X-Notify-Signature"), signature);
    let event = &req.json()["messageEvent"];
    assert_eq!(event["message"], "This is a test message from notify.");
    assert_eq!(event["targetUsers"], json!([{"uid": "alice", "name": ""}]));

    // The dry run's JSON carries the id its request would be delivered under, as `send --dry-run` does.
    let dry = env.run(&["channel", "test", "webhook", "--dry-run", "--json"]);
    dry.ok();
    let doc = dry.json();
    let id = doc["id"].as_str().expect("an id");
    let printed = doc["destinations"][0]["requests"][0]
        .as_str()
        .expect("a request");
    assert!(
        printed.contains(&format!("X-Notify-Delivery: {id}\n")),
        "{printed}"
    );
    assert_eq!(server.requests().len(), 1, "a dry run sends nothing");

    let run = env.run(&[
        "channel",
        "test",
        "webhook",
        "--json",
        "--message",
        "custom text",
    ]);
    run.ok();
    assert_eq!(
        server.requests()[1].json()["messageEvent"]["message"],
        "custom text"
    );
}

#[test]
fn channel_test_without_its_provider_exits_1_with_a_hint() {
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=13100000000",
            "--enable",
            "dingtalk",
        ],
    );
    env.run(&["channel", "test", "dingtalk", "--json"])
        .code(1)
        .stderr_has("provider dingtalk is not configured")
        .stderr_has("hint: configure the provider with `notify provider set dingtalk`");
}

#[test]
fn channel_test_reports_a_failed_delivery_with_exit_3() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always(
        "/robot/send",
        Reply::json(200, r#"{"errcode":300001,"errmsg":"token is not exist"}"#),
    );
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    env.run(&["channel", "set", "dingtalk-bot", "--webhook", &robot])
        .ok();
    let run = env.run(&[
        "channel",
        "test",
        "dingtalk-bot",
        "--json",
        "--retry-base-ms",
        "10",
    ]);
    run.code(3);
    assert_hidden(&run, &[ROBOT_TOKEN]);
    assert_failed(&only_row(&run), 1, "300001");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let content = reqs[0].json()["text"]["content"]
        .as_str()
        .expect("content")
        .to_owned();
    assert!(content.contains("DMS"), "{content}");
}

// ---------------------------------------------------------------------------------------------------
// tokens: one per app, refreshed once when the vendor says it is no longer valid

#[test]
fn one_token_serves_every_recipient_of_a_run() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":0,"result":{"userid":"u-1"}}"#),
    );
    for (name, mobile) in [
        ("alice", "13100000000"),
        ("bob", "13100000001"),
        ("carol", "13100000002"),
    ] {
        admin(
            &env,
            &[
                name,
                "--create",
                "--set",
                &format!("dingtalk.mobile={mobile}"),
                "--enable",
                "dingtalk",
            ],
        );
    }
    let run = send(&env, &["--all-users", "--message", "hi all"]);
    run.ok();
    let rows = rows(&run);
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_delivered(row, 1);
    }
    assert_eq!(
        server.requests_to("/gettoken").len(),
        1,
        "one token request per app"
    );
    assert_eq!(server.requests_to("/topapi/v2/user/getbymobile").len(), 3);
    // The same notice to every user is one call (PROTOCOLS.md §11); here all three mobiles belong to
    // one DingTalk user, who is addressed once.
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 1);
    assert_eq!(sends[0].json()["userid_list"], "u-1");
}

/// Delivers once (caching `DING_TOKEN`), then makes the server issue a new token.
fn ding_with_a_cached_token(server: &HttpServer, env: &Env, extra: &[&str]) {
    ding_provider(env, server);
    ding_token_reply(server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":0,"result":{"userid":"u-alice-1"}}"#),
    );
    let mut args = vec!["alice", "--create"];
    args.extend_from_slice(extra);
    admin(env, &args);
    send(env, &["--to", "alice", "--message", "first"]).ok();
    assert_eq!(server.requests_to("/gettoken").len(), 1);
    server.always(
        "/gettoken",
        Reply::json(
            200,
            r#"{"errcode":0,"access_token":"tok-ding-new","expires_in":7200}"#,
        ),
    );
}

#[test]
fn dingtalk_send_with_a_revoked_token_fetches_a_new_one_once() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_with_a_cached_token(
        &server,
        &env,
        &[
            "--set",
            "dingtalk-exclusive.employee_id=e-1",
            "--enable",
            "dingtalk-exclusive",
        ],
    );
    server.reply(
        "/topapi/message/corpconversation/asyncsend_v2",
        Reply::json(200, r#"{"errcode":42001,"errmsg":"access_token expired"}"#),
    );
    let run = send(&env, &["--to", "alice", "--message", "second"]);
    run.ok();
    assert_hidden(&run, &[DING_TOKEN, "tok-ding-new"]);
    assert_eq!(server.requests_to("/gettoken").len(), 2);
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(sends.len(), 3);
    assert_eq!(sends[1].query("access_token").as_deref(), Some(DING_TOKEN));
    assert_eq!(
        sends[2].query("access_token").as_deref(),
        Some("tok-ding-new")
    );
    assert_eq!(only_row(&run)["outcome"], "delivered");
}

#[test]
fn dingtalk_lookup_with_a_revoked_token_fetches_a_new_one_once() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_with_a_cached_token(
        &server,
        &env,
        &[
            "--set",
            "dingtalk.mobile=13100000000",
            "--enable",
            "dingtalk",
        ],
    );
    server.reply(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":40014,"errmsg":"不合法的access_token"}"#),
    );
    let run = send(&env, &["--to", "alice", "--message", "second"]);
    run.ok();
    assert_eq!(
        server.requests_to("/gettoken").len(),
        2,
        "the revoked token was not replaced"
    );
    let lookups = server.requests_to("/topapi/v2/user/getbymobile");
    assert_eq!(lookups.len(), 3);
    assert_eq!(
        lookups[1].query("access_token").as_deref(),
        Some(DING_TOKEN)
    );
    assert_eq!(
        lookups[2].query("access_token").as_deref(),
        Some("tok-ding-new")
    );
    let sends = server.requests_to("/topapi/message/corpconversation/asyncsend_v2");
    assert_eq!(
        sends
            .last()
            .and_then(|r| r.query("access_token"))
            .as_deref(),
        Some("tok-ding-new")
    );
    assert_eq!(only_row(&run)["outcome"], "delivered");
    // And the next run uses the new token from the cache.
    send(&env, &["--to", "alice", "--message", "third"]).ok();
    assert_eq!(server.requests_to("/gettoken").len(), 2);
}

#[test]
fn feishu_lookup_with_a_revoked_token_fetches_a_new_one_once() {
    let server = HttpServer::start();
    let env = Env::new();
    feishu_provider(&env, &server, "cli_f");
    tenant_token_reply(&server, FEISHU_TOKEN);
    server.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"user_id":"ou_a"}]}}"#,
        ),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "feishu.mobile=13100000001",
            "--enable",
            "feishu",
        ],
    );
    send(&env, &["--to", "alice", "--message", "first"]).ok();
    tenant_token_reply(&server, "t-feishu-new");
    server.reply(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            400,
            r#"{"code":99991663,"msg":"Invalid access token for authorization."}"#,
        ),
    );
    let run = send(&env, &["--to", "alice", "--message", "second"]);
    run.ok();
    let tokens = server.requests_to("/open-apis/auth/v3/tenant_access_token/internal");
    assert_eq!(tokens.len(), 2, "the revoked token was not replaced");
    let lookups = server.requests_to("/open-apis/contact/v3/users/batch_get_id");
    assert_eq!(lookups.len(), 3);
    assert_eq!(header(&lookups[2], "Authorization"), "Bearer t-feishu-new");
    let sends = server.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 2);
    assert_eq!(header(&sends[1], "Authorization"), "Bearer t-feishu-new");
}

#[test]
fn a_refused_token_request_fails_the_row_and_is_not_cached() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    server.reply(
        "/gettoken",
        Reply::json(
            200,
            r#"{"errcode":40089,"errmsg":"不合法的corpid或corpsecret"}"#,
        ),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "dingtalk.mobile=13100000000",
            "--enable",
            "dingtalk",
        ],
    );
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.code(3);
    assert_hidden(&run, &[DING_SECRET]);
    let row = only_row(&run);
    assert_eq!(row["outcome"], "failed", "{row}");
    assert_eq!(row["error_code"], "40089", "{row}");
    assert!(
        row["reason"]
            .as_str()
            .expect("reason")
            .contains("access token"),
        "{row}"
    );
    assert_eq!(
        server.requests_to("/gettoken").len(),
        1,
        "a permanent token error was retried"
    );
    assert!(server.requests_to("/topapi/v2/user/getbymobile").is_empty());
    // The next run asks again.
    ding_token_reply(&server);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":0,"result":{"userid":"u-1"}}"#),
    );
    send(&env, &["--to", "alice", "--message", "hi"]).ok();
    assert_eq!(server.requests_to("/gettoken").len(), 2);
}

// ---------------------------------------------------------------------------------------------------
// transport failures and deadlines

#[test]
fn an_unreachable_robot_fails_after_the_retries_without_leaking_its_token() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let env = Env::new();
    let url = format!("http://127.0.0.1:{port}/robot/send?access_token={ROBOT_TOKEN}");
    for json_flag in [true, false] {
        let mut args = vec![
            "send",
            "--retry-base-ms",
            "10",
            "--retries",
            "2",
            "--dingtalk-bot",
            &url,
            "--secret",
            ROBOT_SECRET,
            "--message",
            "hi",
        ];
        if json_flag {
            args.push("--json");
        }
        let run = env.run(&args);
        run.code(3);
        assert_hidden(&run, &[ROBOT_TOKEN, ROBOT_SECRET]);
        if json_flag {
            assert_failed(&only_row(&run), 3, "connect");
        }
    }
}

#[test]
fn a_retry_after_beyond_the_deadline_fails_at_once() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always("/retry", Reply::status(429).header("Retry-After", "120"));
    let run = send_webhook(&env, &server, &["--deadline", "3"]);
    run.code(3);
    assert_eq!(server.requests().len(), 1);
    let row = only_row(&run);
    assert_failed(&row, 1, "429");
    assert!(
        row["reason"].as_str().expect("reason").contains("deadline"),
        "{row}"
    );
}

#[test]
fn lark_mobile_keeps_the_country_code_outside_the_mainland() {
    let lark = HttpServer::start();
    let env = Env::new();
    provider(
        &env,
        &[
            "lark",
            "--app-id",
            "cli_lark",
            "--app-secret",
            "lark-secret-2",
            "--api-base",
            &lark.url(""),
        ],
    );
    tenant_token_reply(&lark, "t-lark-token-2");
    lark.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"user_id":"ou_uk"}]}}"#,
        ),
    );
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            "lark-mobile.mobile=+44 7700 900123",
            "--enable",
            "lark-mobile",
        ],
    );
    let run = send(&env, &["--to", "alice", "--message", "hello"]);
    run.ok();
    let lookups = lark.requests_to("/open-apis/contact/v3/users/batch_get_id");
    assert_eq!(lookups.len(), 1);
    assert_eq!(
        lookups[0].json(),
        json!({"mobiles": ["+447700900123"], "emails": []})
    );
    let sends = lark.requests_to("/open-apis/im/v1/messages");
    assert_eq!(sends.len(), 1);
    assert_eq!(
        sends[0].query("receive_id_type").as_deref(),
        Some("open_id")
    );
    assert_eq!(sends[0].json()["receive_id"], "ou_uk");
    assert_eq!(only_row(&run)["channel"], "lark-mobile");
}

// ---------------------------------------------------------------------------------------------------
// answers that are not what they seem, and repeated recipients

#[test]
fn a_redirect_is_not_a_delivery() {
    let server = HttpServer::start();
    let env = Env::new();
    server.always("/retry", Reply::status(302).header("Location", "/login"));
    server.always("/login", Reply::text(200, "<html>please log in</html>"));
    let run = send_webhook(&env, &server, &[]);
    run.code(3);
    assert!(
        server.requests_to("/login").is_empty(),
        "the redirect was followed"
    );
    assert_eq!(server.requests_to("/retry").len(), 1);
    assert_failed(&only_row(&run), 1, "302");
}

#[test]
fn a_user_named_twice_is_notified_once() {
    let server = HttpServer::start();
    let env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--display-name",
            "Alice",
            "--set",
            &format!("webhook.url={}", server.url("/hook-a")),
            "--enable",
            "webhook",
        ],
    );
    let run = send(&env, &["--to", "alice", "--to", "alice", "--message", "hi"]);
    run.ok();
    let row = only_row(&run);
    assert_eq!(row["recipient"], "alice");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let event = &reqs[0].json()["messageEvent"];
    assert_eq!(
        event["targetUsers"],
        json!([{"uid": "alice", "name": "Alice"}])
    );
    assert_eq!(
        event["receivers"],
        json!([{"uid": "alice", "name": "Alice"}])
    );
}

#[test]
fn secrets_kept_as_environment_references_are_resolved_at_send_time() {
    let server = HttpServer::start();
    let mut env = Env::new();
    admin(
        &env,
        &[
            "alice",
            "--create",
            "--set",
            &format!("webhook.url={}", server.url("/signed")),
            "--set",
            "webhook.signature_method=HMAC_SHA256",
            "--set",
            "webhook.signature_key_env=HOOK_KEY",
            "--set",
            &format!("wecom-bot.webhook={}", server.url("/wecom?key=k1")),
            "--enable",
            "webhook",
            "--enable",
            "wecom-bot",
        ],
    );
    // Unset: that row fails with a reason naming the variable, the other still goes out.
    let run = send(&env, &["--to", "alice", "--message", "hi"]);
    run.code(3);
    let rows = rows(&run);
    let hook = row_for(&rows, "webhook");
    assert_eq!(hook["outcome"], "failed", "{hook}");
    assert!(
        hook["reason"]
            .as_str()
            .expect("reason")
            .contains("HOOK_KEY"),
        "{hook}"
    );
    assert_delivered(&row_for(&rows, "wecom-bot"), 1);
    assert!(server.requests_to("/signed").is_empty());

    env.set_env("HOOK_KEY", "key-from-the-environment");
    let run = send(
        &env,
        &["--to", "alice", "--channel", "webhook", "--message", "hi"],
    );
    run.ok();
    assert_hidden(&run, &["key-from-the-environment"]);
    let reqs = server.requests_to("/signed");
    assert_eq!(reqs.len(), 1);
    let expected = format!(
        "sha256={}",
        hex_encode(&hmac_sha256(b"key-from-the-environment", &reqs[0].body))
    );
    assert_eq!(header(&reqs[0], "X-Notify-Signature"), expected);
}

#[test]
fn channel_test_refuses_what_it_cannot_test() {
    let env = Env::new();
    env.run(&["channel", "test", "webhook"])
        .code(1)
        .stderr_has("alice has no webhook channel")
        .stderr_has("hint: configure it with `notify channel set webhook`");
    env.run(&["channel", "set", "webhook", "--url", "http://127.0.0.1:9/x"])
        .ok();
    env.run(&["notice", "disable", "webhook"]).ok();
    env.run(&["channel", "test", "webhook"])
        .code(1)
        .stderr_has("switched off in Notice Management")
        .stderr_has("notify notice enable webhook");
}

#[test]
fn a_recipient_without_channels_is_one_skipped_row() {
    let env = Env::new();
    env.run(&["user", "add", "carol"]).ok();
    let run = send(&env, &["--to", "carol", "--message", "hello"]);
    run.ok();
    let row = only_row(&run);
    assert_eq!(row["recipient"], "carol");
    assert_eq!(row["channel"], "-");
    assert_skipped(&row, "no channels configured");
}

#[test]
fn encrypted_smtp_is_never_downgraded_to_plain_text() {
    // The fixture speaks plain SMTP only: a provider that asks for STARTTLS or implicit TLS must fail
    // rather than send the mail in the clear.
    let smtp = SmtpServer::start();
    let env = Env::new();
    let port = smtp.port().to_string();
    for security in ["starttls", "tls"] {
        env.run(&[
            "provider",
            "set",
            "smtp",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--security",
            security,
            "--from",
            "DMS <dms@example.com>",
        ])
        .ok();
        let run = send(
            &env,
            &[
                "--email",
                "alice@example.com",
                "--message",
                "secret report",
                "--retries",
                "1",
            ],
        );
        run.code(3);
        let row = only_row(&run);
        assert_eq!(row["outcome"], "failed", "{security}");
    }
    std::thread::sleep(Duration::from_millis(200));
    assert!(smtp.messages().is_empty(), "no mail went out in the clear");
}

#[test]
fn https_webhooks_really_use_tls() {
    // A plain HTTP server behind an https URL: the TLS handshake fails, nothing is delivered.
    let server = HttpServer::start();
    let env = Env::new();
    let url = server.url("/hook").replacen("http://", "https://", 1);
    let run = send(
        &env,
        &["--webhook", &url, "--message", "hi", "--retries", "0"],
    );
    run.code(3);
    assert_eq!(only_row(&run)["outcome"], "failed");
    assert!(
        server.requests().is_empty(),
        "no request was read as plain HTTP"
    );
}

#[test]
fn dry_run_prints_the_exact_signed_bytes() {
    let env = Env::new();
    let run = env.run(&[
        "send",
        "--dry-run",
        "--message",
        "hi",
        "--dingtalk-bot",
        "http://127.0.0.1:9/robot/send?access_token=dry-token",
        "--secret",
        "SECtest",
    ]);
    run.ok();
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("POST "))
        .expect("request line")
        .to_owned();
    assert!(
        line.contains("access_token=****") && !run.stdout.contains("dry-token"),
        "{line}"
    );
    let query = line.split_once('?').expect("query").1;
    let get = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .expect("param")
            .to_owned()
    };
    let ts: u64 = get("timestamp").parse().expect("ms timestamp");
    // The sign is shown percent-encoded exactly once, as it goes on the wire.
    assert_eq!(get("sign"), pct(&dingtalk_sign("SECtest", ts)));

    // A short key must not mangle the rest of the output; the printed signature covers the printed body.
    let run = env.run(&[
        "send",
        "--dry-run",
        "--message",
        "hi",
        "--webhook",
        "http://127.0.0.1:9/hook",
        "--signature-method",
        "HMAC_SHA1",
        "--signature-key",
        "k",
    ]);
    run.ok();
    assert!(
        run.stdout.contains("DMS-Event: Message Hook"),
        "{}",
        run.stdout
    );
    let signature = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("X-Notify-Signature: "))
        .expect("signature header")
        .to_owned();
    let body = run
        .stdout
        .lines()
        .find(|l| l.starts_with("{\"messageEvent\""))
        .expect("body");
    assert!(body.contains(r#""taskId":"""#), "{body}");
    assert_eq!(
        signature,
        format!("sha1={}", hex_encode(&hmac_sha1(b"k", body.as_bytes())))
    );
}

#[test]
fn a_webhook_key_without_a_method_is_refused() {
    let env = Env::new();
    env.run(&[
        "send",
        "--webhook",
        "http://127.0.0.1:9/hook",
        "--signature-key",
        "k",
        "--message",
        "hi",
    ])
    .code(2)
    .stderr_has("needs --signature-method");
}

// ---------------------------------------------------------------------------------------------------
// the dry run and the live send share one request builder

/// Blanks the value of a JSON string or number field (`"name":value`) wherever it occurs.
fn blank_json_field(text: &str, name: &str) -> String {
    let marker = format!("\"{name}\":");
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(&marker) {
        let (head, tail) = rest.split_at(at + marker.len());
        out.push_str(head);
        out.push_str("<blank>");
        let end = if let Some(quoted) = tail.strip_prefix('"') {
            quoted.find('"').map_or(tail.len(), |e| e + 2)
        } else {
            tail.find([',', '}']).unwrap_or(tail.len())
        };
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Blanks the values of query parameters (or header lines) whose names are given.
fn blank_params(query: &str, names: &[&str]) -> String {
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if names.contains(&k) => format!("{k}=<blank>"),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn blank_headers(mail: &str, names: &[&str]) -> String {
    mail.split("\r\n")
        .map(|line| match line.split_once(": ") {
            Some((k, _)) if names.iter().any(|n| n.eq_ignore_ascii_case(k)) => {
                format!("{k}: <blank>")
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn for_every_kind_the_dry_run_prints_the_body_the_live_send_puts_on_the_wire() {
    let server = HttpServer::start();
    let smtp = SmtpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    feishu_provider(&env, &server, "cli_feishu");
    provider(
        &env,
        &[
            "lark",
            "--app-id",
            "cli_lark",
            "--app-secret",
            "lark-secret-2",
            "--api-base",
            &server.url(""),
        ],
    );
    aliyun_provider(&env, &server);
    set_smtp_provider(&env, &smtp);
    ding_token_reply(&server);
    tenant_token_reply(&server, FEISHU_TOKEN);
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":0,"result":{"userid":"u-alice-1"}}"#),
    );
    server.always(
        "/open-apis/contact/v3/users/batch_get_id",
        Reply::json(
            200,
            r#"{"code":0,"data":{"user_list":[{"user_id":"ou_alice"}]}}"#,
        ),
    );
    server.always("/", Reply::json(200, r#"{"Code":"OK","Message":"OK"}"#));
    let robot = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let wecom = server.url("/cgi-bin/webhook/send?key=wecomkey7");
    let hook = server.url("/hook");
    let sets = [
        "dingtalk.mobile=13100000000".to_owned(),
        "dingtalk-exclusive.employee_id=manager4321".into(),
        "feishu.mobile=13100000001".into(),
        "lark.email=alice@example.com".into(),
        "lark-mobile.mobile=+447700900123".into(),
        format!("dingtalk-bot.webhook={robot}"),
        format!("dingtalk-bot.secret={ROBOT_SECRET}"),
        format!("wecom-bot.webhook={wecom}"),
        "email.address=alice@example.com".into(),
        "sms.mobile=13100000002".into(),
        format!("webhook.url={hook}"),
        "webhook.signature_method=HMAC_SHA256".into(),
        "webhook.signature_key=hook-key-1".into(),
    ];
    let kinds = [
        ("dingtalk", "/topapi/message/corpconversation/asyncsend_v2"),
        (
            "dingtalk-exclusive",
            "/topapi/message/corpconversation/asyncsend_v2",
        ),
        ("feishu", "/open-apis/im/v1/messages"),
        ("lark", "/open-apis/im/v1/messages"),
        ("lark-mobile", "/open-apis/im/v1/messages"),
        ("dingtalk-bot", "/robot/send"),
        ("wecom-bot", "/cgi-bin/webhook/send"),
        ("email", ""),
        ("sms", "/"),
        ("webhook", "/hook"),
    ];
    let mut args = vec!["alice", "--create", "--display-name", "Alice"];
    for set in &sets {
        args.extend(["--set", set.as_str()]);
    }
    for (kind, _) in &kinds {
        args.extend(["--enable", kind]);
    }
    admin(&env, &args);

    for (kind, path) in kinds {
        let content = [
            "--to",
            "alice",
            "--channel",
            kind,
            "--event",
            "TicketApproval",
            "--task-id",
            "42",
            "--title",
            "工单 42",
            "--message",
            "DMS: ticket 42 \"awaits\" approval\nplease review",
        ];
        let dry = send(&env, &[&["--dry-run"], &content[..]].concat());
        dry.ok();
        let requests = dry.json()["destinations"][0]["requests"].clone();
        let printed = requests
            .as_array()
            .and_then(|r| r.last())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{kind}: {}", dry.stdout))
            .to_owned();
        // A GET (Alibaba's signed query) has no body.
        let (head, body) = printed.split_once("\n\n").unwrap_or((&printed, ""));
        let printed_body = body.strip_suffix('\n').unwrap_or(body).to_owned();
        send(&env, &content).ok();

        // Only values that differ by design between two builds are blanked: idempotency keys (msgUuid,
        // uuid, the webhook id, the mail's X-Notify-Delivery and Message-ID), timestamps (eventTime,
        // Date, Alibaba's Timestamp), signatures and Alibaba's nonce. The recipient id a lookup
        // returns is not known to a dry run, which sends no lookup: its placeholder is replaced.
        let (dry_text, live_text) = match kind {
            "email" => {
                let mail = smtp.wait_for(1, WAIT).pop().expect("mail").text();
                let names = ["Date", "Message-ID", "X-Notify-Delivery"];
                (
                    blank_headers(&printed_body, &names),
                    blank_headers(mail.trim_end(), &names),
                )
            }
            "sms" => {
                let live = server.requests_to(path).pop().expect("request");
                let query = live.target.split_once('?').expect("query").1.to_owned();
                let line = head.lines().next().expect("request line");
                let printed_query = line.split_once('?').expect("query").1.to_owned();
                let names = ["Signature", "SignatureNonce", "Timestamp"];
                (
                    blank_params(&printed_query, &names),
                    blank_params(&query, &names),
                )
            }
            _ => {
                let live = server.requests_to(path).pop().expect("request").body_str();
                let printed_body = printed_body
                    .replace("<userid from getbymobile>", "u-alice-1")
                    .replace("<open_id from batch_get_id>", "ou_alice");
                let mut pair = (printed_body, live);
                for field in ["msgUuid", "uuid", "id", "eventTime"] {
                    pair = (
                        blank_json_field(&pair.0, field),
                        blank_json_field(&pair.1, field),
                    );
                }
                pair
            }
        };
        assert!(!live_text.is_empty(), "{kind}: nothing was sent");
        assert_eq!(
            dry_text, live_text,
            "{kind}: the dry run differs from the wire"
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// Batching (PROTOCOLS.md §11): many recipients in one vendor call, one row each

/// Imports `rows` (CSV lines after the header `header`) in one `user import`.
fn import_users(env: &Env, header: &str, rows: impl Iterator<Item = String>) {
    let text = std::iter::once(header.to_owned())
        .chain(rows)
        .collect::<Vec<_>>()
        .join("\n");
    let path = env.path("users.csv");
    std::fs::write(&path, text).expect("write the CSV");
    env.run(&["user", "import", path.to_str().expect("utf-8 path")])
        .ok();
}

#[test]
fn dingtalk_work_notices_go_a_hundred_users_a_call() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    let sent = "/topapi/message/corpconversation/asyncsend_v2";
    server.always(sent, Reply::json(200, r#"{"errcode":0,"task_id":1}"#));
    import_users(
        &env,
        "name,dingtalk-exclusive.employee_id,enable",
        (0..250).map(|i| format!("u{i:03},emp{i:03},dingtalk-exclusive")),
    );
    let run = send(
        &env,
        &["--all-users", "--format", "text", "--message", "hi all"],
    );
    run.ok();
    assert_hidden(&run, &[DING_SECRET, DING_TOKEN]);
    assert_eq!(server.requests_to("/gettoken").len(), 1);
    let mut calls: Vec<Value> = server.requests_to(sent).iter().map(|r| r.json()).collect();
    calls.sort_by_key(|c| c["userid_list"].as_str().unwrap_or_default().to_owned());
    let lists: Vec<Vec<String>> = calls
        .iter()
        .map(|c| {
            assert_eq!(c["agent_id"], 123456);
            assert_eq!(
                c["msg"],
                json!({"msgtype": "text", "text": {"content": "hi all"}})
            );
            let list = c["userid_list"].as_str().expect("a userid list");
            list.split(',').map(str::to_owned).collect()
        })
        .collect();
    let sizes: Vec<usize> = lists.iter().map(Vec::len).collect();
    assert_eq!(sizes, [100, 100, 50], "three calls: {lists:?}");
    let all: Vec<String> = lists.concat();
    let expected: Vec<String> = (0..250).map(|i| format!("emp{i:03}")).collect();
    assert_eq!(all, expected, "every user once, in order");
    let rows = rows(&run);
    assert_eq!(rows.len(), 250);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["recipient"], format!("u{i:03}"));
        assert_eq!(row["channel"], "dingtalk-exclusive");
        assert_delivered(row, 1);
    }
}

/// Users a and b on DingTalk Exclusive (employee ids emp-a, emp-b) and c on DingTalk by mobile.
fn exclusive_pair_and_one_by_mobile(env: &Env) {
    import_users(
        env,
        "name,dingtalk-exclusive.employee_id,enable",
        ["a,emp-a,dingtalk-exclusive", "b,emp-b,dingtalk-exclusive"]
            .into_iter()
            .map(str::to_owned),
    );
    admin(
        env,
        &[
            "c",
            "--create",
            "--set",
            "dingtalk.mobile=13100000009",
            "--enable",
            "dingtalk",
        ],
    );
}

#[test]
fn a_failed_batch_fails_every_recipient_and_a_failed_lookup_only_its_own() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    ding_token_reply(&server);
    let sent = "/topapi/message/corpconversation/asyncsend_v2";
    server.always(
        sent,
        Reply::json(200, r#"{"errcode":40035,"errmsg":"invalid parameter"}"#),
    );
    server.always(
        "/topapi/v2/user/getbymobile",
        Reply::json(200, r#"{"errcode":60121,"errmsg":"no such user"}"#),
    );
    exclusive_pair_and_one_by_mobile(&env);
    let run = send(&env, &["--all-users", "--message", "hi"]);
    run.code(3);
    let calls = server.requests_to(sent);
    assert_eq!(calls.len(), 1, "one call for the two found users");
    assert_eq!(calls[0].json()["userid_list"], "emp-a,emp-b");
    let rows = rows(&run);
    assert_eq!(rows.len(), 3);
    assert_failed(&rows[0], 1, "40035");
    assert_failed(&rows[1], 1, "40035");
    assert_eq!(rows[2]["recipient"], "c");
    assert_failed(&rows[2], 0, "60121");
}

/// A store of `n` users with a verified, enabled `sms` channel.
fn sms_users(env: &Env, n: usize) {
    import_users(
        env,
        "name,sms.mobile,enable",
        (0..n).map(|i| format!("u{i:04},131{i:08},sms")),
    );
}

#[test]
fn a_thousand_sms_numbers_go_in_one_call_and_one_more_in_a_second() {
    let server = HttpServer::start();
    let env = Env::new();
    aliyun_provider(&env, &server);
    server.always(
        "/",
        Reply::json(200, r#"{"Code":"OK","Message":"OK","BizId":"1"}"#),
    );
    sms_users(&env, 1001);
    let run = send(&env, &["--all-users", "--message", "disk full"]);
    run.ok();
    assert_hidden(&run, &[ALIYUN_SECRET]);
    let mut calls: Vec<Vec<String>> = server
        .requests()
        .iter()
        .map(|req| {
            let pairs = query_pairs(req);
            let numbers = param(&pairs, "PhoneNumbers");
            let mut ordered = pairs.clone();
            let at = ordered.iter().position(|(k, _)| k == "Signature");
            let signature = ordered.remove(at.expect("signed")).1;
            assert_eq!(signature, aliyun_sign(ALIYUN_SECRET, "GET", &ordered));
            assert_eq!(param(&pairs, "TemplateParam"), r#"{"content":"disk full"}"#);
            numbers.split(',').map(str::to_owned).collect()
        })
        .collect();
    calls.sort_by_key(Vec::len);
    let sizes: Vec<usize> = calls.iter().map(Vec::len).collect();
    assert_eq!(sizes, [1, 1000]);
    assert_eq!(calls[1][0], "13100000000");
    assert_eq!(calls[1][999], "13100000999");
    assert_eq!(calls[0], ["13100001000"]);
    let rows = rows(&run);
    assert_eq!(rows.len(), 1001);
    rows.iter().for_each(|r| assert_delivered(r, 1));
}

#[test]
fn a_refused_sms_batch_fails_every_row() {
    let server = HttpServer::start();
    let env = Env::new();
    aliyun_provider(&env, &server);
    server.always(
        "/",
        Reply::json(
            200,
            r#"{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"bad"}"#,
        ),
    );
    sms_users(&env, 3);
    let run = send(&env, &["--all-users", "--message", "x"]);
    run.code(3);
    assert_eq!(server.requests().len(), 1);
    let rows = rows(&run);
    assert_eq!(rows.len(), 3);
    rows.iter()
        .for_each(|r| assert_failed(r, 1, "isv.MOBILE_NUMBER_ILLEGAL"));
}

#[test]
fn many_emails_share_a_few_pooled_connections_one_recipient_each() {
    let smtp = SmtpServer::start();
    let env = Env::new();
    set_smtp_provider(&env, &smtp);
    import_users(
        &env,
        "name,email.address,enable",
        (0..40).map(|i| format!("u{i:02},u{i:02}@example.com,email")),
    );
    let run = send(
        &env,
        &["--all-users", "--concurrency", "40", "--message", "hi"],
    );
    run.ok();
    let mails = smtp.wait_for(40, WAIT);
    assert_eq!(mails.len(), 40);
    let mut to: Vec<String> = mails
        .iter()
        .map(|m| {
            assert_eq!(m.to.len(), 1, "one recipient per message: {:?}", m.to);
            let header = m.header("To").unwrap_or_default();
            assert_eq!(header, m.to[0], "the To header names only its recipient");
            m.to[0].clone()
        })
        .collect();
    to.sort();
    let expected: Vec<String> = (0..40).map(|i| format!("u{i:02}@example.com")).collect();
    assert_eq!(to, expected);
    let connections = smtp.connections();
    assert!(
        (1..=10).contains(&connections),
        "40 messages over {connections} connections (the pool keeps at most 10)"
    );
    rows(&run).iter().for_each(|r| assert_delivered(r, 1));
}

#[test]
fn a_dry_run_shows_a_batch_as_one_request_on_its_first_row() {
    let server = HttpServer::start();
    let env = Env::new();
    ding_provider(&env, &server);
    exclusive_pair_and_one_by_mobile(&env);
    let run = env.run(&[
        "send",
        "--json",
        "--dry-run",
        "--all-users",
        "--format",
        "text",
        "--message",
        "hi",
    ]);
    run.ok();
    assert_eq!(server.connections(), 0, "a dry run opens no connection");
    let report = run.json();
    let rows = report["destinations"].as_array().expect("destinations");
    assert_eq!(rows.len(), 3);
    let first: Vec<&str> = rows[0]["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .map(|r| r.as_str().expect("text"))
        .collect();
    assert_eq!(first.len(), 3, "token, c's lookup, one notice: {first:?}");
    assert!(first[0].contains("/gettoken?"), "{}", first[0]);
    assert!(first[1].contains("getbymobile") && first[1].contains("13100000009"));
    assert!(
        first[2].contains(r#""userid_list":"emp-a,emp-b,<userid from getbymobile>""#),
        "{}",
        first[2]
    );
    assert!(first.iter().all(|r| !r.contains(DING_SECRET)));
    for row in &rows[1..] {
        assert_eq!(row["requests"], json!([]), "{row}");
    }
}

//! Custom webhook.

use super::*;

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
pub(super) fn send_webhook(env: &Env, server: &HttpServer, extra: &[&str]) -> Run {
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

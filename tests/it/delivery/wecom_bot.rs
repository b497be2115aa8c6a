//! WeCom group robot.

use super::*;

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

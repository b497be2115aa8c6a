//! The dry run and the live send share one request builder.

use super::*;

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
        "lark-mobile.mobile=+447400123456".into(),
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

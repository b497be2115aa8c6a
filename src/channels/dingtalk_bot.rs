//! DingTalk group chatbot: keyword always present, optional `SEC` signing with a millisecond timestamp.

use serde_json::{Value, json};

use super::message::{LINK_LABEL, Part, Rendered};
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};
use crate::signing::{dingtalk_robot_sign, percent_encode_rfc3986};
use crate::templates::{Unit, truncate_keeping};
use crate::values::SecretUrl;

/// `send too fast`, system busy and the like.
const RETRYABLE: &[i64] = &[130101, 410100, -1];

/// The keyword a robot is configured with unless the user names another (`send --keyword`, new channels).
pub const DEFAULT_KEYWORD: &str = "DMS";

/// Makes sure the robot's keyword appears in the text it checks.
pub fn with_keyword(text: &str, keyword: &str) -> String {
    if keyword.is_empty() || text.contains(keyword) {
        text.to_owned()
    } else {
        format!("[{keyword}] {text}")
    }
}

/// Markdown keeps its leading heading: a missing keyword goes on a line of its own at the end.
fn markdown_with_keyword(text: &str, keyword: &str) -> String {
    if keyword.is_empty() || text.contains(keyword) {
        text.to_owned()
    } else {
        format!("{text}\n\n{keyword}")
    }
}

/// The signed webhook URL: `&timestamp=<ms>&sign=<url-encoded base64>`, encoded exactly once.
pub fn signed_url(webhook: &str, secret: &str, timestamp_ms: u64) -> String {
    let sign = percent_encode_rfc3986(&dingtalk_robot_sign(secret, timestamp_ms));
    let sep = if webhook.contains('?') { '&' } else { '?' };
    format!("{webhook}{sep}timestamp={timestamp_ms}&sign={sign}")
}

/// The limit on the text DingTalk checks (its documented 20,000 bytes), in UTF-8 bytes.
pub const TEXT_LIMIT: usize = 20_000;

/// The body without its `msgUuid`: `text` in plain text, else `markdown`, or `actionCard` with a
/// button when there is a link. The keyword is always in the text field itself, even after a cut.
pub fn payload(r: &Rendered, keyword: &str) -> Part<Value> {
    let fit = |text: String| truncate_keeping(&text, TEXT_LIMIT, Unit::Bytes, keyword);
    let (format, value, cut) = if !r.rich {
        let f = fit(with_keyword(&r.chat_text(), keyword));
        let body = json!({
            "msgtype": "text",
            "text": {"content": f.text},
            "at": {"atMobiles": [], "atUserIds": [], "isAtAll": false},
        });
        ("text", body, f.cut)
    } else if r.link.is_empty() {
        let f = fit(markdown_with_keyword(
            &r.markdown_with_heading(false),
            keyword,
        ));
        let body = json!({
            "msgtype": "markdown",
            "markdown": {"title": with_keyword(&r.title, keyword), "text": f.text},
        });
        ("markdown", body, f.cut)
    } else {
        let f = fit(markdown_with_keyword(
            &r.markdown_with_heading(false),
            keyword,
        ));
        let body = json!({
            "msgtype": "actionCard",
            "actionCard": {
                "title": with_keyword(&r.title, keyword),
                "text": f.text,
                "singleTitle": LINK_LABEL,
                "singleURL": r.link,
            },
        });
        ("actionCard", body, f.cut)
    };
    Part::new(
        format,
        value,
        cut,
        "DingTalk robot",
        TEXT_LIMIT,
        Unit::Bytes,
    )
}

/// The request for a [`payload`], signed when the robot has a secret; `msg_uuid` is its idempotency key.
pub fn request(
    webhook: &SecretUrl,
    secret: Option<&str>,
    payload: &Value,
    timestamp_ms: u64,
    msg_uuid: &str,
) -> HttpRequest {
    let url = match secret {
        Some(secret) => signed_url(webhook.expose(), secret, timestamp_ms),
        None => webhook.expose().to_owned(),
    };
    let mut body = payload.clone();
    body["msgUuid"] = json!(msg_uuid);
    HttpRequest::new(Method::Post, url).json(&body)
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_code(resp, "errcode", "errmsg", RETRYABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format, Message};

    #[test]
    fn signs_with_the_published_vector_encoded_once() {
        let url = signed_url(
            "https://oapi.dingtalk.com/robot/send?access_token=t",
            "SECtest",
            1_700_000_000_000,
        );
        assert_eq!(
            url,
            "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000\
             &sign=aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D"
        );
    }

    fn copy(text: &str, format: Format, link: &str) -> Rendered {
        let mut msg = Message::new(None, text.into(), format, Event::default());
        msg.link = link.into();
        Rendered::new(&msg, None)
    }

    fn body(r: &Rendered, keyword: &str) -> Value {
        let part = payload(r, keyword);
        let req = request(
            &"https://x.example/robot/send?access_token=t".into(),
            None,
            &part.value,
            1,
            "u-1",
        );
        serde_json::from_slice(&req.body).expect("json")
    }

    #[test]
    fn the_keyword_is_always_in_the_message() {
        let b = body(&copy("disk full", Format::Text, ""), "DMS");
        assert_eq!(b["text"]["content"], "[DMS] disk full");
        assert_eq!(b["msgUuid"], "u-1");
        let b = body(&copy("disk full", Format::Auto, ""), "ops");
        assert_eq!(b["msgtype"], "markdown");
        assert_eq!(b["markdown"]["text"], "disk full\n\nops");
        assert_eq!(b["markdown"]["title"], "[ops] [DMS] disk full");
    }

    #[test]
    fn a_link_makes_an_action_card() {
        let b = body(
            &copy(
                "**Add index** failed",
                Format::Auto,
                "https://dms.example/t/42",
            ),
            "DMS",
        );
        assert_eq!(
            b,
            json!({
                "msgtype": "actionCard",
                "actionCard": {
                    "title": "[DMS] Add index failed",
                    "text": "**Add index** failed\n\nDMS",
                    "singleTitle": "Open",
                    "singleURL": "https://dms.example/t/42",
                },
                "msgUuid": "u-1",
            })
        );
    }

    #[test]
    fn a_long_text_is_cut_within_the_limit_and_keeps_the_keyword() {
        for format in [Format::Text, Format::Auto] {
            let r = copy(&"数据变更 🚀 ".repeat(2000), format, "");
            let part = payload(&r, "DMS");
            let text = part.value["text"]["content"]
                .as_str()
                .or(part.value["markdown"]["text"].as_str())
                .expect("text");
            assert!(text.len() <= TEXT_LIMIT, "{}", text.len());
            assert!(text.contains("DMS") && text.contains('…'));
            assert!(part.cut.expect("cut").contains("20000 bytes"));
        }
        assert_eq!(payload(&copy("DMS ok", Format::Auto, ""), "DMS").cut, None);
    }
}

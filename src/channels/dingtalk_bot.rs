//! DingTalk group chatbot: keyword always present, optional `SEC` signing with a millisecond timestamp.

use serde_json::json;

use super::message::{Format, Message};
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};
use crate::signing::{dingtalk_robot_sign, percent_encode_rfc3986};

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

pub fn request(
    webhook: &str,
    keyword: &str,
    secret: Option<&str>,
    msg: &Message,
    timestamp_ms: u64,
    msg_uuid: &str,
) -> HttpRequest {
    let url = match secret {
        Some(secret) => signed_url(webhook, secret, timestamp_ms),
        None => webhook.to_owned(),
    };
    let body = match msg.format {
        Format::Text => json!({
            "msgtype": "text",
            "text": {"content": with_keyword(&msg.chat_text(), keyword)},
            "at": {"atMobiles": [], "atUserIds": [], "isAtAll": false},
            "msgUuid": msg_uuid,
        }),
        Format::Markdown => json!({
            "msgtype": "markdown",
            "markdown": {
                "title": with_keyword(&msg.subject, keyword),
                "text": markdown_with_keyword(&msg.markdown(), keyword),
            },
            "msgUuid": msg_uuid,
        }),
    };
    HttpRequest::new(Method::Post, url).json(&body)
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_code(resp, "errcode", "errmsg", RETRYABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::Event;

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

    #[test]
    fn the_keyword_is_always_in_the_message() {
        let msg = Message::new(None, "disk full".into(), Format::Text, Event::default());
        let req = request(
            "https://x.example/robot/send?access_token=t",
            "DMS",
            None,
            &msg,
            1,
            "u-1",
        );
        let body: serde_json::Value = serde_json::from_slice(&req.body).expect("json");
        assert_eq!(body["text"]["content"], "[DMS] disk full");
        assert_eq!(body["msgUuid"], "u-1");
        let md = Message {
            format: Format::Markdown,
            ..msg
        };
        let req = request(
            "https://x.example/robot/send?access_token=t",
            "ops",
            None,
            &md,
            1,
            "u-1",
        );
        let body: serde_json::Value = serde_json::from_slice(&req.body).expect("json");
        assert_eq!(body["msgtype"], "markdown");
        assert!(
            body["markdown"]["text"]
                .as_str()
                .expect("text")
                .contains("ops")
        );
    }
}

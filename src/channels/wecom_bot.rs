//! WeCom group chatbot: the key in the URL is the only credential; text and Markdown have byte limits.

use serde_json::json;

use super::message::{Format, Message};
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};

pub const TEXT_LIMIT: usize = 2048;
pub const MARKDOWN_LIMIT: usize = 4096;
/// Rate limit and busy.
const RETRYABLE: &[i64] = &[45009, -1];

/// Builds the request, or says why the message cannot go out whole (it is never truncated).
pub fn request(webhook: &str, msg: &Message) -> Result<HttpRequest, String> {
    let (body, len, limit) = match msg.format {
        Format::Text => {
            let content = msg.chat_text();
            let len = content.len();
            (
                json!({"msgtype": "text", "text": {"content": content, "mentioned_mobile_list": []}}),
                len,
                TEXT_LIMIT,
            )
        }
        Format::Markdown => {
            let content = msg.markdown();
            let len = content.len();
            (
                json!({"msgtype": "markdown", "markdown": {"content": content}}),
                len,
                MARKDOWN_LIMIT,
            )
        }
    };
    if len > limit {
        let advice = if msg.format == Format::Text {
            "shorten it, or send it with --format markdown (up to 4096 bytes)"
        } else {
            "shorten it"
        };
        return Err(format!(
            "message is {len} bytes; WeCom allows {limit} bytes of UTF-8 here ({advice})"
        ));
    }
    Ok(HttpRequest::new(Method::Post, webhook).json(&body))
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_code(resp, "errcode", "errmsg", RETRYABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::Event;

    #[test]
    fn over_long_messages_are_refused_not_truncated() {
        let msg = Message::new(None, "字".repeat(683), Format::Text, Event::default());
        assert!(
            request("https://x.example/send?key=k", &msg)
                .unwrap_err()
                .contains("2049 bytes")
        );
        let msg = Message {
            format: Format::Markdown,
            ..msg
        };
        assert!(request("https://x.example/send?key=k", &msg).is_ok());
    }
}

//! WeCom group chatbot: the key in the URL is the only credential; text and Markdown have byte limits.

use serde_json::{Value, json};

use super::message::{Part, Rendered};
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};
use crate::templates::{Unit, truncate_to};
use crate::values::SecretUrl;

pub const TEXT_LIMIT: usize = 2048;
pub const MARKDOWN_LIMIT: usize = 4096;
/// Rate limit and busy.
const RETRYABLE: &[i64] = &[45009, -1];

/// The body: `text` (2,048 bytes) in plain text, else `markdown` (4,096 bytes) with the link as a
/// last line; a longer message is cut with `…`.
pub fn payload(r: &Rendered) -> Part<Value> {
    if r.rich {
        let f = truncate_to(&r.markdown_with_heading(true), MARKDOWN_LIMIT, Unit::Bytes);
        let body = json!({"msgtype": "markdown", "markdown": {"content": f.text}});
        Part::new(
            "markdown",
            body,
            f.cut,
            "WeCom",
            MARKDOWN_LIMIT,
            Unit::Bytes,
        )
    } else {
        let f = truncate_to(&r.chat_text(), TEXT_LIMIT, Unit::Bytes);
        let body = json!({
            "msgtype": "text",
            "text": {"content": f.text, "mentioned_mobile_list": []},
        });
        Part::new("text", body, f.cut, "WeCom", TEXT_LIMIT, Unit::Bytes)
    }
}

pub fn request(webhook: &SecretUrl, payload: &Value) -> HttpRequest {
    HttpRequest::new(Method::Post, webhook.expose()).json(payload)
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_code(resp, "errcode", "errmsg", RETRYABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format, Message};

    fn copy(text: &str, format: Format) -> Rendered {
        Rendered::new(
            &Message::new(None, text.into(), format, Event::default()),
            None,
        )
    }

    #[test]
    fn over_long_messages_are_cut_at_each_limit() {
        // 683 three-byte characters: 2,049 bytes, one over the text limit.
        let part = payload(&copy(&"字".repeat(683), Format::Text));
        let content = part.value["text"]["content"].as_str().expect("content");
        assert!(content.len() <= TEXT_LIMIT && content.ends_with("字…"));
        assert_eq!(
            part.cut.as_deref(),
            Some("message cut to 2048 bytes (WeCom limit for text)")
        );
        let part = payload(&copy(&"字".repeat(683), Format::Auto));
        assert_eq!(part.cut, None);
        assert_eq!(part.value["markdown"]["content"], "字".repeat(683));
        let part = payload(&copy(&"🚀".repeat(1100), Format::Markdown));
        let content = part.value["markdown"]["content"].as_str().expect("content");
        assert!(content.len() <= MARKDOWN_LIMIT && content.ends_with("🚀…"));
        assert!(part.cut.is_some());
    }

    #[test]
    fn markdown_carries_the_link_as_a_last_line() {
        let mut msg = Message::new(None, "Backup *done*".into(), Format::Auto, Event::default());
        msg.link = "https://dms.example/t/1".into();
        let part = payload(&Rendered::new(&msg, None));
        assert_eq!(
            part.value,
            json!({"msgtype": "markdown",
                   "markdown": {"content": "Backup *done*\n\n[Open](https://dms.example/t/1)"}})
        );
    }
}

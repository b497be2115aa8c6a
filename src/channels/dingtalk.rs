//! DingTalk work notices through an internal app: token, mobile -> userid (Standard Edition; the
//! Exclusive Edition's employee ID is the userid), then `asyncsend_v2`.

use serde_json::{Value, json};

use super::message::{LINK_LABEL, Part, Rendered};
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};
use crate::signing::percent_encode_rfc3986;
use crate::templates::{Unit, truncate_to};

const RETRYABLE: &[i64] = &[-1, 130101, 90018];
/// The access token is invalid or expired: fetch a new one and try again.
pub const TOKEN_INVALID: &[&str] = &["40014", "42001", "40001"];
/// `getbymobile`: no such user.
pub const USER_NOT_FOUND: &str = "60121";

pub fn token_request(base: &str, app_key: &str, app_secret: &str) -> HttpRequest {
    let url = format!(
        "{}/gettoken?appkey={}&appsecret={}",
        base.trim_end_matches('/'),
        percent_encode_rfc3986(app_key),
        percent_encode_rfc3986(app_secret)
    );
    HttpRequest::new(Method::Get, url)
}

/// The token and its lifetime in seconds.
pub fn parse_token(resp: &HttpResponse) -> Result<(String, u64), Verdict> {
    match judge_code(resp, "errcode", "errmsg", RETRYABLE) {
        Verdict::Delivered => {}
        other => return Err(other),
    }
    let body = resp.json().unwrap_or_default();
    let token = body["access_token"].as_str().unwrap_or_default().to_owned();
    if token.is_empty() {
        return Err(Verdict::permanent(
            "no_token",
            "the token answer has no access_token",
        ));
    }
    Ok((token, body["expires_in"].as_u64().unwrap_or(7200)))
}

pub fn userid_request(base: &str, token: &str, mobile: &str) -> HttpRequest {
    let url = format!(
        "{}/topapi/v2/user/getbymobile?access_token={token}",
        base.trim_end_matches('/')
    );
    HttpRequest::new(Method::Post, url).json(&json!({"mobile": mobile}))
}

pub fn parse_userid(resp: &HttpResponse) -> Result<String, Verdict> {
    match judge_code(resp, "errcode", "errmsg", RETRYABLE) {
        Verdict::Delivered => {}
        other => return Err(other),
    }
    let body = resp.json().unwrap_or_default();
    body["result"]["userid"]
        .as_str()
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| Verdict::permanent(USER_NOT_FOUND, "no DingTalk user has this mobile"))
}

/// The limit on a work notice's text field (DingTalk documents 2,048 bytes), in UTF-8 bytes.
pub const TEXT_LIMIT: usize = 2048;

/// The notice's `msg`: `text` in plain text, else `markdown`, or `action_card` (snake_case keys) with
/// a button when there is a link; the text field is cut to 2,048 bytes.
pub fn payload(r: &Rendered) -> Part<Value> {
    let cut = |text: String| truncate_to(&text, TEXT_LIMIT, Unit::Bytes);
    let (format, value, was_cut) = if !r.rich {
        let f = cut(r.chat_text());
        let msg = json!({"msgtype": "text", "text": {"content": f.text}});
        ("text", msg, f.cut)
    } else if r.link.is_empty() {
        let f = cut(r.markdown_with_heading(false));
        let msg = json!({"msgtype": "markdown", "markdown": {"title": r.title, "text": f.text}});
        ("markdown", msg, f.cut)
    } else {
        let f = cut(r.markdown_with_heading(false));
        let msg = json!({
            "msgtype": "action_card",
            "action_card": {
                "title": r.title,
                "markdown": f.text,
                "single_title": LINK_LABEL,
                "single_url": r.link,
            },
        });
        ("action_card", msg, f.cut)
    };
    Part::new(
        format,
        value,
        was_cut,
        "DingTalk work notice",
        TEXT_LIMIT,
        Unit::Bytes,
    )
}

/// How many users one `asyncsend_v2` call may address in `userid_list` (DingTalk's documented maximum).
pub const MAX_USERIDS: usize = 100;

/// `asyncsend_v2` with a [`payload`] as its `msg`, to `userids` (comma-separated, at most
/// [`MAX_USERIDS`]).
pub fn send_request(
    base: &str,
    token: &str,
    agent_id: i64,
    userids: &str,
    msg: &Value,
) -> HttpRequest {
    let url = format!(
        "{}/topapi/message/corpconversation/asyncsend_v2?access_token={token}",
        base.trim_end_matches('/')
    );
    let body = json!({
        "agent_id": agent_id,
        "userid_list": userids,
        "msg": msg,
    });
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
    fn agent_id_is_a_number_and_the_token_is_masked() {
        let msg = json!({"msgtype": "text", "text": {"content": "hi"}});
        let req = send_request("https://oapi.example", "t-0123456789", 123, "u1", &msg);
        let body: serde_json::Value = serde_json::from_slice(&req.body).expect("json");
        assert_eq!(body["agent_id"], 123);
        assert_eq!(body["userid_list"], "u1");
        assert!(req.render_masked().contains("access_token=****"));
        assert!(
            !token_request("https://oapi.example/", "k", "s3cret")
                .render_masked()
                .contains("s3cret")
        );
    }

    fn copy(text: &str, format: Format, link: &str) -> Rendered {
        let mut msg = Message::new(None, text.into(), format, Event::default());
        msg.link = link.into();
        Rendered::new(&msg, None)
    }

    #[test]
    fn rich_notices_are_markdown_or_an_action_card_in_snake_case() {
        let part = payload(&copy("**Load** failed", Format::Auto, ""));
        assert_eq!(
            part.value,
            json!({"msgtype": "markdown",
                   "markdown": {"title": "[DMS] Load failed", "text": "**Load** failed"}})
        );
        let part = payload(&copy(
            "**Load** failed",
            Format::Auto,
            "https://dms.example/t/9",
        ));
        assert_eq!(
            part.value,
            json!({"msgtype": "action_card", "action_card": {
                "title": "[DMS] Load failed", "markdown": "**Load** failed",
                "single_title": "Open", "single_url": "https://dms.example/t/9"}})
        );
        let part = payload(&copy(
            "**Load** failed",
            Format::Text,
            "https://dms.example/t/9",
        ));
        assert_eq!(
            part.value["text"]["content"],
            "**Load** failed\n\nOpen: https://dms.example/t/9"
        );
    }

    #[test]
    fn the_text_field_is_cut_to_2048_bytes() {
        for format in [Format::Text, Format::Auto] {
            let part = payload(&copy(&"变更🚀".repeat(300), format, "https://x.example"));
            let v = &part.value;
            let text = [&v["text"]["content"], &v["action_card"]["markdown"]]
                .into_iter()
                .find_map(|t| t.as_str())
                .expect("text");
            assert!(
                text.len() <= TEXT_LIMIT && text.ends_with('…'),
                "{}",
                text.len()
            );
            assert!(part.cut.is_some());
        }
    }

    #[test]
    fn a_missing_user_is_permanent() {
        let resp = HttpResponse {
            status: 200,
            headers: vec![],
            body: br#"{"errcode":60121,"errmsg":"not found"}"#.to_vec(),
        };
        assert!(matches!(parse_userid(&resp), Err(Verdict::Permanent(f)) if f.code == "60121"));
    }
}

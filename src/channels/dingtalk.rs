//! DingTalk work notices through an internal app: token, mobile -> userid (Standard Edition; the
//! Exclusive Edition's employee ID is the userid), then `asyncsend_v2`.

use serde_json::json;

use super::message::Message;
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};
use crate::signing::percent_encode_rfc3986;

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

pub fn send_request(
    base: &str,
    token: &str,
    agent_id: i64,
    userid: &str,
    text: &str,
) -> HttpRequest {
    let url = format!(
        "{}/topapi/message/corpconversation/asyncsend_v2?access_token={token}",
        base.trim_end_matches('/')
    );
    let body = json!({
        "agent_id": agent_id,
        "userid_list": userid,
        "msg": {"msgtype": "text", "text": {"content": text}},
    });
    HttpRequest::new(Method::Post, url).json(&body)
}

pub fn message_text(msg: &Message) -> String {
    msg.chat_text()
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_code(resp, "errcode", "errmsg", RETRYABLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_id_is_a_number_and_the_token_is_masked() {
        let req = send_request("https://oapi.example", "t-0123456789", 123, "u1", "hi");
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

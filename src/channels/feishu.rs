//! Feishu and Lark messages through an internal app: tenant token, mobile or email -> open_id, then
//! `im/v1/messages` (whose `content` is a JSON string, and whose `uuid` makes retries idempotent).

use serde_json::json;

use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};

/// Rate limits (bot, app, per chat: 230020) and busy.
const RETRYABLE: &[i64] = &[11232, 99991400, 230020, 1000004, 1000005];
/// The tenant token is invalid or expired: fetch a new one and try again.
pub const TOKEN_INVALID: &[&str] = &["99991663", "99991661", "99991668"];
pub const USER_NOT_FOUND: &str = "user_not_found";

fn base(b: &str) -> &str {
    b.trim_end_matches('/')
}

pub fn token_request(api_base: &str, app_id: &str, app_secret: &str) -> HttpRequest {
    let url = format!(
        "{}/open-apis/auth/v3/tenant_access_token/internal",
        base(api_base)
    );
    HttpRequest::new(Method::Post, url)
        .json(&json!({"app_id": app_id, "app_secret": app_secret}))
        .secret_field("app_secret")
}

pub fn parse_token(resp: &HttpResponse) -> Result<(String, u64), Verdict> {
    match judge_code(resp, "code", "msg", RETRYABLE) {
        Verdict::Delivered => {}
        other => return Err(other),
    }
    let body = resp.json().unwrap_or_default();
    let token = body["tenant_access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    if token.is_empty() {
        return Err(Verdict::permanent(
            "no_token",
            "the token answer has no tenant_access_token",
        ));
    }
    Ok((token, body["expire"].as_u64().unwrap_or(7200)))
}

fn authorized(req: HttpRequest, token: &str) -> HttpRequest {
    req.header("Authorization", format!("Bearer {token}"))
        .secret_header("Authorization")
}

/// Looks a person up by mobile (`+86...` sent bare for the mainland) or email.
pub fn lookup_request(
    api_base: &str,
    token: &str,
    mobile: Option<&str>,
    email: Option<&str>,
) -> HttpRequest {
    let url = format!(
        "{}/open-apis/contact/v3/users/batch_get_id?user_id_type=open_id",
        base(api_base)
    );
    let body = json!({
        "mobiles": mobile.into_iter().collect::<Vec<_>>(),
        "emails": email.into_iter().collect::<Vec<_>>(),
    });
    authorized(HttpRequest::new(Method::Post, url).json(&body), token)
}

/// The open_id, or a permanent "not found".
pub fn parse_lookup(resp: &HttpResponse) -> Result<String, Verdict> {
    match judge_code(resp, "code", "msg", RETRYABLE) {
        Verdict::Delivered => {}
        other => return Err(other),
    }
    let body = resp.json().unwrap_or_default();
    body["data"]["user_list"]
        .as_array()
        .into_iter()
        .flatten()
        .find_map(|u| u["user_id"].as_str().filter(|s| !s.is_empty()))
        .map(str::to_owned)
        .ok_or_else(|| {
            Verdict::permanent(
                USER_NOT_FOUND,
                "the app found no user with this mobile or email",
            )
        })
}

/// `receive_id_type` is `open_id` or `email`.
pub fn send_request(
    api_base: &str,
    token: &str,
    receive_id_type: &str,
    receive_id: &str,
    text: &str,
    uuid: &str,
) -> HttpRequest {
    let url = format!(
        "{}/open-apis/im/v1/messages?receive_id_type={receive_id_type}",
        base(api_base)
    );
    let content = json!({"text": text}).to_string();
    let body =
        json!({"receive_id": receive_id, "msg_type": "text", "content": content, "uuid": uuid});
    authorized(HttpRequest::new(Method::Post, url).json(&body), token)
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_code(resp, "code", "msg", RETRYABLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_a_json_string() {
        let req = send_request(
            "https://open.example",
            "t-1",
            "open_id",
            "ou_1",
            "hi \"you\"",
            "u-1",
        );
        let body: serde_json::Value = serde_json::from_slice(&req.body).expect("json");
        assert_eq!(body["content"], r#"{"text":"hi \"you\""}"#);
        assert_eq!(body["uuid"], "u-1");
        assert!(req.render_masked().contains("Authorization: ****"));
    }

    #[test]
    fn the_per_chat_rate_limit_is_retried() {
        let resp = HttpResponse {
            status: 400,
            headers: vec![],
            body: br#"{"code":230020,"msg":"frequency limit"}"#.to_vec(),
        };
        assert!(matches!(judge(&resp), Verdict::Retry(f) if f.code == "230020"));
        let resp = HttpResponse {
            status: 400,
            headers: vec![],
            body: br#"{"code":230001,"msg":"bad id"}"#.to_vec(),
        };
        assert!(matches!(judge(&resp), Verdict::Permanent(_)));
    }

    #[test]
    fn lookups_find_the_first_id() {
        let resp = HttpResponse {
            status: 200,
            headers: vec![],
            body: br#"{"code":0,"data":{"user_list":[{"mobile":"1"},{"user_id":"ou_2"}]}}"#
                .to_vec(),
        };
        assert_eq!(parse_lookup(&resp), Ok("ou_2".into()));
        let resp = HttpResponse {
            status: 200,
            headers: vec![],
            body: br#"{"code":0,"data":{"user_list":[{"mobile":"1"}]}}"#.to_vec(),
        };
        assert!(matches!(parse_lookup(&resp), Err(Verdict::Permanent(_))));
    }
}

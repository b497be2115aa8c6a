//! Feishu and Lark messages through an internal app: tenant token, mobile or email -> open_id, then
//! `im/v1/messages` (whose `content` is a JSON string, and whose `uuid` makes retries idempotent).

use serde_json::json;

use super::message::{LINK_LABEL, Part, Rendered};
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_code};
use crate::templates::{Unit, fit_with};

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

/// The limits on an im/v1 message (Feishu and Lark document 30 KB for a card, 150 KB for text), in bytes of the request's encoded `content`,
/// kept a little under the vendor's 30 KB and 150 KB for the rest of the body.
pub const CARD_LIMIT: usize = 30_000;
pub const TEXT_LIMIT: usize = 150_000;

/// The bytes `content` takes in the request body (a JSON string inside JSON).
fn encoded_len(content: &str) -> usize {
    serde_json::to_string(content).map_or(usize::MAX, |s| s.len())
}

/// An `interactive` card: header title and colour by state, the body as `lark_md`, and a button
/// when there is a link.
fn card(r: &Rendered, text: &str) -> String {
    let mut elements = vec![json!({"tag": "div", "text": {"tag": "lark_md", "content": text}})];
    if !r.link.is_empty() {
        elements.push(json!({"tag": "action", "actions": [{
            "tag": "button",
            "text": {"tag": "plain_text", "content": LINK_LABEL},
            "type": "primary",
            "url": r.link,
        }]}));
    }
    json!({
        "config": {"wide_screen_mode": true},
        "header": {
            "title": {"tag": "plain_text", "content": r.title},
            "template": r.colour.as_str(),
        },
        "elements": elements,
    })
    .to_string()
}

/// The message's `msg_type` and its `content` (a JSON string): a card, or `text` in plain text.
pub fn payload(r: &Rendered) -> Part<(&'static str, String)> {
    if r.rich {
        let build = |text: &str| {
            let content = card(r, text);
            let len = encoded_len(&content);
            (content, len)
        };
        let body = r.markdown(false);
        let (content, cut) = fit_with(&body, CARD_LIMIT, Unit::Bytes, "", build);
        let value = ("interactive", content);
        Part::new(
            "interactive",
            value,
            cut,
            "Feishu/Lark",
            CARD_LIMIT,
            Unit::Bytes,
        )
    } else {
        let build = |text: &str| {
            let content = json!({"text": text}).to_string();
            let len = encoded_len(&content);
            (content, len)
        };
        let (content, cut) = fit_with(&r.chat_text(), TEXT_LIMIT, Unit::Bytes, "", build);
        Part::new(
            "text",
            ("text", content),
            cut,
            "Feishu/Lark",
            TEXT_LIMIT,
            Unit::Bytes,
        )
    }
}

/// `receive_id_type` is `open_id` or `email`; `msg_type` and `content` come from [`payload`].
pub fn send_request(
    api_base: &str,
    token: &str,
    (receive_id_type, receive_id): (&str, &str),
    (msg_type, content): (&str, &str),
    uuid: &str,
) -> HttpRequest {
    let url = format!(
        "{}/open-apis/im/v1/messages?receive_id_type={receive_id_type}",
        base(api_base)
    );
    let body =
        json!({"receive_id": receive_id, "msg_type": msg_type, "content": content, "uuid": uuid});
    authorized(HttpRequest::new(Method::Post, url).json(&body), token)
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_code(resp, "code", "msg", RETRYABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format, Message};

    #[test]
    fn content_is_a_json_string() {
        let msg = Message::new(None, "hi \"you\"".into(), Format::Text, Event::default());
        let part = payload(&Rendered::new(&msg, None));
        let (msg_type, content) = &part.value;
        let req = send_request(
            "https://open.example",
            "t-1",
            ("open_id", "ou_1"),
            (msg_type, content),
            "u-1",
        );
        let body: serde_json::Value = serde_json::from_slice(&req.body).expect("json");
        assert_eq!(body["msg_type"], "text");
        assert_eq!(body["content"], r#"{"text":"hi \"you\""}"#);
        assert_eq!(body["uuid"], "u-1");
        assert!(req.render_masked().contains("Authorization: ****"));
    }

    fn card_of(msg: &Message) -> serde_json::Value {
        let part = payload(&Rendered::new(msg, None));
        assert_eq!(part.value.0, "interactive");
        serde_json::from_str(&part.value.1).expect("content is JSON")
    }

    #[test]
    fn a_card_has_a_coloured_header_lark_md_and_a_button() {
        let event = Event {
            name: "ticket.data-change.failed".into(),
            ..Event::default()
        };
        let mut msg = Message::new(None, "**Add index** failed".into(), Format::Auto, event);
        msg.link = "https://dms.example/t/42".into();
        assert_eq!(
            card_of(&msg),
            json!({
                "config": {"wide_screen_mode": true},
                "header": {
                    "title": {"tag": "plain_text", "content": "[DMS] ticket.data-change.failed"},
                    "template": "red",
                },
                "elements": [
                    {"tag": "div", "text": {"tag": "lark_md",
                        "content": "**Add index** failed\n\n- Event: ticket.data-change.failed"}},
                    {"tag": "action", "actions": [{"tag": "button",
                        "text": {"tag": "plain_text", "content": "Open"},
                        "type": "primary", "url": "https://dms.example/t/42"}]},
                ],
            })
        );
        msg.colour = crate::templates::CardColour::Green;
        msg.link.clear();
        let card = card_of(&msg);
        assert_eq!(card["header"]["template"], "green");
        assert_eq!(card["elements"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn a_long_card_is_cut_within_30_kb() {
        let msg = Message::new(
            None,
            "\"数据\" 🚀\n".repeat(4000),
            Format::Auto,
            Event::default(),
        );
        let part = payload(&Rendered::new(&msg, None));
        assert!(encoded_len(&part.value.1) <= CARD_LIMIT);
        let card: serde_json::Value = serde_json::from_str(&part.value.1).expect("json");
        let text = card["elements"][0]["text"]["content"]
            .as_str()
            .expect("text");
        assert!(text.ends_with('…'), "{}", &text[text.len() - 20..]);
        assert!(part.cut.expect("cut").contains("30000 bytes"));

        let msg = Message::new(
            None,
            "\"数据\"\n".repeat(20_000),
            Format::Text,
            Event::default(),
        );
        let part = payload(&Rendered::new(&msg, None));
        assert_eq!(part.value.0, "text");
        assert!(encoded_len(&part.value.1) <= TEXT_LIMIT);
        assert!(encoded_len(&part.value.1) > TEXT_LIMIT - 100);
        assert!(part.cut.expect("cut").contains("150000 bytes"));
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

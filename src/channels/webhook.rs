//! The custom webhook contract: the DMS body layout, `X-Notify-Signature` over the exact bytes sent, and
//! an `X-Notify-Delivery` id that stays the same across retries.

use serde::Serialize;

use super::message::Message;
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_status};
use crate::signing::{SignatureMethod, webhook_signature};

/// A user as the payload names them: `uid` is the store name, `name` the display name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Person {
    pub uid: String,
    pub name: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MessageEvent<'a> {
    id: &'a str,
    submitter_uid: &'a str,
    submitter_name: &'a str,
    category: &'a str,
    module: &'a str,
    event: &'a str,
    task_id: &'a str,
    task_name: &'a str,
    event_time: u64,
    message: &'a str,
    target_users: &'a [Person],
    receivers: &'a [Person],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Payload<'a> {
    message_event: MessageEvent<'a>,
    signature_method: SignatureMethod,
}

/// Who a send addressed and who of them had a usable channel.
#[derive(Debug, Clone, Default)]
pub struct Audience {
    pub target_users: Vec<Person>,
    pub receivers: Vec<Person>,
}

/// The body bytes; every field is always present.
pub fn body(
    msg: &Message,
    audience: &Audience,
    delivery_id: &str,
    event_time_ms: u64,
    method: SignatureMethod,
) -> Vec<u8> {
    let e = &msg.event;
    let payload = Payload {
        message_event: MessageEvent {
            id: delivery_id,
            submitter_uid: &e.submitter_uid,
            submitter_name: &e.submitter_name,
            category: &e.category,
            module: &e.module,
            event: &e.name,
            task_id: &e.task_id,
            task_name: &e.task_name,
            event_time: event_time_ms,
            message: &msg.text,
            target_users: &audience.target_users,
            receivers: &audience.receivers,
        },
        signature_method: method,
    };
    serde_json::to_vec(&payload).unwrap_or_default()
}

pub fn request(
    url: &str,
    method: SignatureMethod,
    key: &str,
    body: Vec<u8>,
    delivery_id: &str,
) -> HttpRequest {
    let mut req = HttpRequest::new(Method::Post, url)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("DMS-Event", "Message Hook")
        .header("User-Agent", concat!("notify/", env!("CARGO_PKG_VERSION")))
        .header("X-Notify-Delivery", delivery_id);
    if let Some(signature) = webhook_signature(method, key.as_bytes(), &body) {
        req = req.header("X-Notify-Signature", signature);
    }
    req.body = body;
    req
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_status(resp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format};
    use crate::signing::verify_webhook_signature;

    #[test]
    fn the_signature_covers_the_exact_body() {
        let msg = Message::new(
            None,
            "hi".into(),
            Format::Text,
            Event {
                task_id: "7".into(),
                ..Event::default()
            },
        );
        let audience = Audience {
            target_users: vec![Person {
                uid: "alice".into(),
                name: "Alice".into(),
            }],
            receivers: vec![],
        };
        let bytes = body(
            &msg,
            &audience,
            "d-1",
            1_700_000_000_000,
            SignatureMethod::HmacSha256,
        );
        let text = String::from_utf8(bytes.clone()).expect("utf-8");
        assert!(
            text.starts_with(r#"{"messageEvent":{"id":"d-1","submitterUid":"","#),
            "{text}"
        );
        assert!(
            text.contains(r#""taskId":"7","taskName":"","eventTime":1700000000000,"message":"hi""#),
            "{text}"
        );
        assert!(
            text.ends_with(r#""receivers":[]},"signatureMethod":"HMAC_SHA256"}"#),
            "{text}"
        );
        let req = request(
            "http://127.0.0.1/x",
            SignatureMethod::HmacSha256,
            "k",
            bytes.clone(),
            "d-1",
        );
        let sig = req
            .headers
            .iter()
            .find(|(n, _)| n == "X-Notify-Signature")
            .map(|(_, v)| v.clone())
            .expect("signed");
        assert!(verify_webhook_signature(
            SignatureMethod::HmacSha256,
            b"k",
            &req.body,
            &sig
        ));
        let unsigned = request(
            "http://127.0.0.1/x",
            SignatureMethod::None,
            "",
            bytes,
            "d-1",
        );
        assert!(
            unsigned
                .headers
                .iter()
                .all(|(n, _)| n != "X-Notify-Signature")
        );
    }
}

//! The custom webhook contract (DMS's body layout, signed by notify's own scheme), written once for the sender and the receiver: the
//! header names, the DMS body layout, `X-Notify-Signature` over the exact bytes sent, and an
//! `X-Notify-Delivery` id that stays the same across retries.

use std::sync::{Mutex, OnceLock};

use bytes::Bytes;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::message::Rendered;
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_status};
use crate::signing::{SignatureMethod, standard, webhook_signature};
use crate::values::SecretUrl;

/// The header carrying `sha1=HEX` or `sha256=HEX`, an HMAC of the raw body bytes.
pub const SIGNATURE_HEADER: &str = "X-Notify-Signature";
/// The header carrying the event's id, the same on every retry.
pub const DELIVERY_HEADER: &str = "X-Notify-Delivery";
/// The header DMS sends with every hook, and its value.
pub const EVENT_HEADER: &str = "DMS-Event";
pub const EVENT_HEADER_VALUE: &str = "Message Hook";

/// A user as the payload names them: `uid` is the store name, `name` the display name.
///
/// Generic over how a field is held, like [`MessageEvent`]: `String` when sending, any JSON value when
/// reading what a sender wrote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(default)]
pub struct Person<T = String> {
    pub uid: T,
    pub name: T,
}

/// The `messageEvent` object: every field name of the body, once.
///
/// `Text`, `Time` and `People` say how the fields are held: the sender serialises borrowed typed values
/// ([`body`]); a receiver reads [`Received`], where each field is the JSON value as sent (JSON `null` when
/// absent), so that a body from another sender is never refused for a field of an unexpected type.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageEvent<Text, Time, People> {
    pub id: Text,
    pub submitter_uid: Text,
    pub submitter_name: Text,
    pub category: Text,
    pub module: Text,
    pub event: Text,
    pub task_id: Text,
    pub task_name: Text,
    pub event_time: Time,
    pub message: Text,
    pub target_users: People,
    pub receivers: People,
}

/// The whole body: the event and the method it was signed with.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payload<Event, Method> {
    pub message_event: Event,
    #[serde(default)]
    pub signature_method: Method,
}

/// A `messageEvent` as a receiver reads it: each field exactly as sent.
pub type Received = MessageEvent<serde_json::Value, serde_json::Value, serde_json::Value>;

/// Who a send addressed and who of them had a usable channel.
///
/// The two lists go into every webhook body of a send, so they are serialised once, on the first body
/// built ([`Audience::json`]); planning fills them before any body is built and nothing changes them after.
#[derive(Debug, Clone, Default)]
pub struct Audience {
    pub target_users: Vec<Person>,
    pub receivers: Vec<Person>,
    json: OnceLock<AudienceJson>,
    /// Where each target user stands in `target_users`, built on first use (a lookup per destination
    /// must not cost a scan of the whole audience).
    index: OnceLock<std::collections::HashMap<String, usize>>,
    /// The last body built, handed out again to the destinations that would get the same bytes.
    last: LastBody,
}

/// How long a built body is handed out again: the `eventTime` a receiver sees is then at most this much
/// older than the moment its delivery was prepared.
pub const SHARED_FOR_MS: u64 = 1000;

/// The last body of a send and what it was built from (everything but the lists and the time).
#[derive(Default)]
struct LastBody(Mutex<Option<Built>>);

struct Built {
    key: Vec<u8>,
    event_time_ms: u64,
    bytes: Bytes,
}

/// A copy starts empty: the body is an optimisation, never state.
impl Clone for LastBody {
    fn clone(&self) -> Self {
        LastBody::default()
    }
}

impl std::fmt::Debug for LastBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LastBody")
    }
}

/// The audience's lists as the JSON they are spliced into a body as.
#[derive(Debug, Clone)]
pub struct AudienceJson {
    target_users: Option<Box<RawValue>>,
    receivers: Option<Box<RawValue>>,
}

impl Audience {
    pub fn new(target_users: Vec<Person>, receivers: Vec<Person>) -> Self {
        Audience {
            target_users,
            receivers,
            json: OnceLock::new(),
            index: OnceLock::new(),
            last: LastBody::default(),
        }
    }

    /// The display name of the target user `uid` (empty when they have none).
    pub fn name_of(&self, uid: &str) -> Option<&str> {
        let index = self.index.get_or_init(|| {
            let mut index = std::collections::HashMap::with_capacity(self.target_users.len());
            for (at, person) in self.target_users.iter().enumerate() {
                index.entry(person.uid.to_string()).or_insert(at);
            }
            index
        });
        let person = self.target_users.get(*index.get(uid)?)?;
        Some(&person.name)
    }

    /// The lists' JSON, serialised on the first call and shared by every later one.
    pub fn json(&self) -> &AudienceJson {
        self.json.get_or_init(|| AudienceJson {
            target_users: raw(&self.target_users),
            receivers: raw(&self.receivers),
        })
    }
}

/// A list of people as raw JSON (a list of strings always serialises).
fn raw(people: &[Person]) -> Option<Box<RawValue>> {
    serde_json::value::to_raw_value(people).ok()
}

/// The body bytes; every field is always present, and `message` is the copy's plain text. The
/// audience's lists are spliced in as already serialised, and the destinations of a send that get the
/// same bytes share one body: when everything but the lists and the time matches the last body built,
/// and that body's `eventTime` is at most [`SHARED_FOR_MS`] before `event_time_ms`, it is handed out
/// again. A destination then costs the same whatever the audience's size.
pub fn body(
    copy: &Rendered,
    audience: &Audience,
    delivery_id: &str,
    event_time_ms: u64,
    method: SignatureMethod,
) -> Bytes {
    let message = copy.plain();
    let key = serialise(&payload(copy, &message, None, delivery_id, 0, method), 0);
    let mut last = audience.last.0.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(built) = last.as_ref()
        && built.key == key
        && (built.event_time_ms..built.event_time_ms + SHARED_FOR_MS).contains(&event_time_ms)
    {
        return built.bytes.clone();
    }
    let lists = audience.json();
    let size: usize = [&lists.target_users, &lists.receivers]
        .iter()
        .filter_map(|l| l.as_deref())
        .map(|l| l.get().len())
        .sum();
    let full = payload(
        copy,
        &message,
        Some(lists),
        delivery_id,
        event_time_ms,
        method,
    );
    let bytes = Bytes::from(serialise(&full, size + key.len()));
    *last = Some(Built {
        key,
        event_time_ms,
        bytes: bytes.clone(),
    });
    bytes
}

type Body<'a> = Payload<MessageEvent<&'a str, u64, Option<&'a RawValue>>, SignatureMethod>;

/// The body's fields; without `lists`, both lists are `null` (the part that tells bodies apart).
fn payload<'a>(
    copy: &'a Rendered,
    message: &'a str,
    lists: Option<&'a AudienceJson>,
    delivery_id: &'a str,
    event_time_ms: u64,
    method: SignatureMethod,
) -> Body<'a> {
    let e = &copy.event;
    Payload {
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
            message,
            target_users: lists.and_then(|l| l.target_users.as_deref()),
            receivers: lists.and_then(|l| l.receivers.as_deref()),
        },
        signature_method: method,
    }
}

fn serialise(body: &Body<'_>, size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 512);
    match serde_json::to_writer(&mut out, body) {
        Ok(()) => out,
        Err(_) => Vec::new(),
    }
}

/// The POST of `body`, signed by `method`: with STANDARD, the `webhook-*` headers of PROTOCOLS §13 for
/// an attempt made at `now_ms` (the id is the delivery's, the same on every retry); the error says why
/// the key is unusable and never repeats it.
pub fn request(
    url: &SecretUrl,
    method: SignatureMethod,
    key: &str,
    body: Bytes,
    delivery_id: &str,
    now_ms: u64,
) -> Result<HttpRequest, String> {
    let mut req = HttpRequest::new(Method::Post, url.expose())
        .header("Content-Type", "application/json; charset=utf-8")
        .header(EVENT_HEADER, EVENT_HEADER_VALUE)
        .header("User-Agent", concat!("notify/", env!("CARGO_PKG_VERSION")))
        .header(DELIVERY_HEADER, delivery_id);
    if let Some(signature) = webhook_signature(method, key.as_bytes(), &body) {
        req = req.header(SIGNATURE_HEADER, signature);
    }
    if method == SignatureMethod::Standard {
        let key = standard::key_bytes(key).map_err(|e| format!("invalid signature_key: {e}"))?;
        let timestamp = i64::try_from(now_ms / 1000).unwrap_or(i64::MAX);
        req = req
            .header(standard::ID_HEADER, delivery_id)
            .header(standard::TIMESTAMP_HEADER, timestamp.to_string())
            .header(
                standard::SIGNATURE_HEADER,
                standard::sign(&key, delivery_id, timestamp, &body),
            );
    }
    req.body = body;
    Ok(req)
}

pub fn judge(resp: &HttpResponse) -> Verdict {
    judge_status(resp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format, Message};
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
        let audience = Audience::new(
            vec![Person {
                uid: "alice".into(),
                name: "Alice".into(),
            }],
            vec![],
        );
        let bytes = body(
            &Rendered::new(&msg, None),
            &audience,
            "d-1",
            1_700_000_000_000,
            SignatureMethod::HmacSha256,
        );
        let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
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
            &"http://127.0.0.1/x".into(),
            SignatureMethod::HmacSha256,
            "k",
            bytes.clone(),
            "d-1",
            1_700_000_000_000,
        )
        .expect("a usable key");
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
            &"http://127.0.0.1/x".into(),
            SignatureMethod::None,
            "",
            bytes,
            "d-1",
            1_700_000_000_000,
        )
        .expect("no key needed");
        assert!(
            unsigned
                .headers
                .iter()
                .all(|(n, _)| n != "X-Notify-Signature")
        );
    }

    #[test]
    fn spliced_lists_give_the_bytes_of_serialising_everything_at_once() {
        let people = |n: usize| -> Vec<Person> {
            (0..n)
                .map(|i| Person {
                    uid: format!("u{i}\"\\"),
                    name: format!("名 {i}\n\u{1}"),
                })
                .collect()
        };
        let audience = Audience::new(people(3), people(2));
        let msg = Message::new(None, "hi \"there\"".into(), Format::Text, Event::default());
        let copy = Rendered::new(&msg, None);
        let spliced = body(&copy, &audience, "d-3", 9, SignatureMethod::HmacSha1);
        let typed: Payload<MessageEvent<&str, u64, &[Person]>, SignatureMethod> = Payload {
            message_event: MessageEvent {
                id: "d-3",
                event_time: 9,
                message: "hi \"there\"",
                target_users: &audience.target_users,
                receivers: &audience.receivers,
                ..MessageEvent::default()
            },
            signature_method: SignatureMethod::HmacSha1,
        };
        assert_eq!(
            String::from_utf8(spliced.to_vec()).expect("utf-8"),
            serde_json::to_string(&typed).expect("serialises")
        );
        // Built once, shared by every later body.
        assert!(std::ptr::eq(audience.json(), audience.json()));
    }

    #[test]
    fn destinations_that_get_the_same_bytes_share_one_body_for_a_second() {
        let audience = Audience::new(
            vec![Person {
                uid: "alice".into(),
                name: "Alice".into(),
            }],
            vec![],
        );
        let msg = Message::new(None, "hi".into(), Format::Text, Event::default());
        let copy = Rendered::new(&msg, None);
        let sha1 = SignatureMethod::HmacSha1;
        let at = |ms: u64| body(&copy, &audience, "d-4", ms, sha1);
        let event_time = |b: &Bytes| -> u64 {
            let read: Payload<Received, serde_json::Value> = serde_json::from_slice(b).unwrap();
            read.message_event.event_time.as_u64().unwrap()
        };
        let first = at(10_000);
        let again = at(10_999);
        assert_eq!(again.as_ptr(), first.as_ptr(), "the same bytes, not a copy");
        assert_eq!(event_time(&again), 10_000);
        // A second later, or earlier (a retry's older stamp), the body is built with its own time.
        let later = at(11_000);
        assert_eq!(event_time(&later), 11_000);
        assert_eq!(event_time(&at(10_500)), 10_500);
        // Anything else that differs gives another body: the method, the id, the message.
        let unsigned = body(&copy, &audience, "d-4", 10_500, SignatureMethod::None);
        assert!(String::from_utf8_lossy(&unsigned).ends_with(r#""signatureMethod":"NONE"}"#));
        let other_id = body(&copy, &audience, "d-5", 10_500, SignatureMethod::None);
        assert!(String::from_utf8_lossy(&other_id).contains(r#""id":"d-5""#));
        let other = Message::new(None, "bye".into(), Format::Text, Event::default());
        let other = body(&Rendered::new(&other, None), &audience, "d-5", 10_500, sha1);
        assert!(String::from_utf8_lossy(&other).contains(r#""message":"bye""#));
    }

    #[test]
    fn a_receiver_reads_every_field_the_sender_wrote() {
        let msg = Message::new(None, "hi".into(), Format::Text, Event::default());
        let audience = Audience::new(
            vec![],
            vec![Person {
                uid: "bob".into(),
                name: "Bob".into(),
            }],
        );
        let bytes = body(
            &Rendered::new(&msg, None),
            &audience,
            "d-2",
            7,
            SignatureMethod::HmacSha1,
        );
        let read: Payload<Received, serde_json::Value> =
            serde_json::from_slice(&bytes).expect("the sender's body reads back");
        assert_eq!(read.message_event.id, "d-2");
        assert_eq!(read.message_event.event_time, 7);
        assert_eq!(read.message_event.message, "hi");
        assert_eq!(read.message_event.receivers[0]["uid"], "bob");
        assert_eq!(read.signature_method, "HMAC_SHA1");
        // Written back, the typed fields give the same bytes: one list of names, one order.
        assert_eq!(serde_json::to_vec(&read).expect("serialises"), bytes);
        // A field of another type, or none at all, still reads.
        let other: Received =
            serde_json::from_str(r#"{"taskId":7,"extra":true}"#).expect("lenient");
        assert_eq!(other.task_id, 7);
        assert!(other.id.is_null());
    }
}

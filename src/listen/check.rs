//! The receiver's side of the custom-webhook contract: the checks a request read in full must pass, in
//! the fixed order method, signature over the raw body bytes (before any parsing), JSON, freshness.
//! Pure (the request and the time in, the accepted [`Event`] or the refusal out), so each is unit-tested.

use bytes::Bytes;
use hyper::{HeaderMap, Method, Request, StatusCode};
use serde::Deserialize;
use serde_json::Value as Json;

use super::Auth;
use crate::channels::webhook::{DELIVERY_HEADER, Payload, Received, SIGNATURE_HEADER};
use crate::server::Refusal as Reject;
use crate::signing::{self, SignatureMethod, standard};

/// How far `eventTime` may be from now, either way.
pub const MAX_SKEW_MS: i64 = 5 * 60 * 1000;

/// An accepted delivery.
#[derive(Debug)]
pub struct Event {
    /// The `X-Notify-Delivery` header.
    pub delivery: Option<String>,
    /// `messageEvent.id`, when it is a non-empty string.
    pub id: Option<String>,
    /// `messageEvent.eventTime`, Unix milliseconds.
    pub event_time: i64,
    /// Whether a signature was checked (false when the listener takes unsigned deliveries).
    pub verified: bool,
    /// The request target (path and query): the endpoint, one user's webhook.
    pub path: String,
    /// The body as sent: `messageEvent` is the whole object (fields in the sender's order, unknown ones
    /// kept), `signatureMethod` JSON `null` when absent.
    pub payload: Payload<Json, Json>,
    /// The contract's fields of `messageEvent`, each as sent.
    pub fields: Received,
}

impl Event {
    /// What identifies this delivery across retries: `X-Notify-Delivery`, else `messageEvent.id`.
    pub fn delivery_id(&self) -> Option<&str> {
        self.delivery
            .as_deref()
            .filter(|d| !d.is_empty())
            .or(self.id.as_deref())
    }
}

/// Runs the checks on a request read in full, at `now` (Unix milliseconds).
pub fn check(request: &Request<Bytes>, auth: &Auth, now: i64) -> Result<Event, Reject> {
    if request.method() != Method::POST {
        return Err(Reject::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "only POST is accepted",
        ));
    }
    let verified = verify_signature(request.headers(), request.body(), auth, now)?;
    let body: Json = serde_json::from_slice(request.body())
        .map_err(|e| bad_request(format!("body is not JSON ({e})")))?;
    // An array would read as a struct too (serde's sequence form): only an object is a body.
    let payload = body
        .is_object()
        .then(|| Payload::<Json, Json>::deserialize(body).ok())
        .flatten()
        .filter(|p| p.message_event.is_object())
        .ok_or_else(|| bad_request("body has no messageEvent object"))?;
    let fields = Received::deserialize(&payload.message_event)
        .map_err(|e| bad_request(format!("messageEvent is not readable ({e})")))?;
    let Some(event_time) = fields.event_time.as_i64() else {
        return Err(bad_request(
            "messageEvent.eventTime is missing or not a whole number of milliseconds",
        ));
    };
    let age = now.saturating_sub(event_time);
    if age > MAX_SKEW_MS {
        return Err(unauthorized(format!(
            "stale: eventTime is {} s old (at most 300 s)",
            age / 1000
        )));
    }
    if age < -MAX_SKEW_MS {
        return Err(unauthorized(format!(
            "stale: eventTime is {} s in the future (at most 300 s)",
            age.saturating_neg() / 1000
        )));
    }
    let id = fields
        .id
        .as_str()
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    let delivery = request
        .headers()
        .get(DELIVERY_HEADER)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_owned());
    Ok(Event {
        delivery,
        id,
        event_time,
        verified,
        path: target(request).to_owned(),
        payload,
        fields,
    })
}

/// The request target as sent: path and query.
pub fn target<B>(request: &Request<B>) -> &str {
    request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path(), |p| p.as_str())
}

fn bad_request(reason: impl Into<String>) -> Reject {
    Reject::new(StatusCode::BAD_REQUEST, reason)
}

fn unauthorized(reason: impl Into<String>) -> Reject {
    Reject::new(StatusCode::UNAUTHORIZED, reason)
}

/// Checks a request's signature over the raw body (before any parsing) at `now` (Unix milliseconds):
/// `X-Notify-Signature` for HMAC_SHA1/HMAC_SHA256 (PROTOCOLS §8), the `webhook-*` headers for STANDARD
/// (§13, whose timestamp must be within 5 minutes of `now`); any of the keys may have signed (a
/// rotation). `Ok(false)` when `auth` takes unsigned requests. The one check of `notify listen` and of
/// `notify serve`'s intake; a refusal is 401 with a reason that names no key and no signature.
pub fn verify_signature(
    headers: &HeaderMap,
    body: &[u8],
    auth: &Auth,
    now: i64,
) -> Result<bool, Reject> {
    let method = auth.method;
    if method == SignatureMethod::Standard {
        let one = |name: &'static str| -> Result<Option<&str>, Reject> {
            let mut values = headers.get_all(name).iter();
            let first = values.next();
            if values.next().is_some() {
                return Err(unauthorized(format!("more than one {name}")));
            }
            Ok(first.and_then(|v| v.to_str().ok()))
        };
        let received = standard::Headers {
            id: one(standard::ID_HEADER)?,
            timestamp: one(standard::TIMESTAMP_HEADER)?,
            signature: one(standard::SIGNATURE_HEADER)?,
        };
        standard::verify(&auth.keys, received, body, now.div_euclid(1000))
            .map_err(|refused| unauthorized(refused.to_string()))?;
        return Ok(true);
    }
    let Some(prefix) = method.webhook_prefix() else {
        return Ok(false);
    };
    let mut values = headers.get_all(SIGNATURE_HEADER).iter();
    let Some(value) = values.next() else {
        return Err(unauthorized(format!("missing {SIGNATURE_HEADER}")));
    };
    if values.next().is_some() {
        return Err(unauthorized(format!("more than one {SIGNATURE_HEADER}")));
    }
    let good = std::str::from_utf8(value.as_bytes()).is_ok_and(|v| {
        auth.keys
            .iter()
            .any(|key| signing::verify_webhook_signature(method, key, body, v))
    });
    if !good {
        let algorithm = match method {
            SignatureMethod::HmacSha1 => "HMAC-SHA1",
            _ => "HMAC-SHA256",
        };
        return Err(unauthorized(format!(
            "bad signature (expected {prefix}HEX, an {algorithm} of the raw body with the shared key)"
        )));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000_000;

    fn request(method: &str, headers: &[(&str, &str)], body: &str) -> Request<Bytes> {
        let mut request = Request::builder().method(method).uri("/hook");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request
            .body(Bytes::from(body.to_owned()))
            .expect("a valid request")
    }

    fn body(event_time: i64) -> String {
        serde_json::json!({
            "messageEvent": {"id": "d-1", "event": "task_failed", "eventTime": event_time,
                "message": "Task 7\nfailed", "receivers": [{"uid": "alice", "name": "Alice"}]},
            "signatureMethod": "HMAC_SHA256"
        })
        .to_string()
    }

    fn auth(method: SignatureMethod) -> Auth {
        Auth::new(method, b"k3y".to_vec())
    }

    fn signed(method: SignatureMethod, body: &str) -> Request<Bytes> {
        let sig = signing::webhook_signature(method, b"k3y", body.as_bytes()).expect("signed");
        request(
            "POST",
            &[("x-notify-signature", &sig), ("X-Notify-Delivery", " d-1 ")],
            body,
        )
    }

    fn rejected(result: Result<Event, Reject>) -> (u16, String) {
        result.map_or_else(|r| (r.status.as_u16(), r.reason), |_| (204, String::new()))
    }

    #[test]
    fn a_signed_fresh_event_is_accepted_with_its_fields() {
        let event = check(
            &signed(SignatureMethod::HmacSha256, &body(NOW)),
            &auth(SignatureMethod::HmacSha256),
            NOW,
        )
        .expect("accepted");
        assert!(event.verified);
        assert_eq!(event.id.as_deref(), Some("d-1"));
        assert_eq!(event.delivery.as_deref(), Some("d-1"));
        assert_eq!(event.event_time, NOW);
        assert_eq!(event.path, "/hook");
        assert_eq!(event.fields.event, "task_failed");
        assert_eq!(event.payload.signature_method, "HMAC_SHA256");
        assert_eq!(event.payload.message_event["message"], "Task 7\nfailed");
        let sha1 = check(
            &signed(SignatureMethod::HmacSha1, &body(NOW)),
            &auth(SignatureMethod::HmacSha1),
            NOW,
        )
        .expect("accepted");
        assert!(sha1.verified);
    }

    #[test]
    fn each_rejection_has_its_status_and_reason() {
        let sha256 = auth(SignatureMethod::HmacSha256);
        let cases: Vec<(Request<Bytes>, u16, &str)> = vec![
            (request("GET", &[], ""), 405, "only POST"),
            (
                request("POST", &[], &body(NOW)),
                401,
                "missing X-Notify-Signature",
            ),
            (
                signed(SignatureMethod::HmacSha1, &body(NOW)),
                401,
                "expected sha256=HEX, an HMAC-SHA256",
            ),
            (
                request("POST", &[("X-Notify-Signature", "sha256=zz")], &body(NOW)),
                401,
                "bad signature",
            ),
            (
                signed(SignatureMethod::HmacSha256, "not json"),
                400,
                "not JSON",
            ),
            (
                signed(SignatureMethod::HmacSha256, "[{\"eventTime\":1}]"),
                400,
                "no messageEvent",
            ),
            (
                signed(SignatureMethod::HmacSha256, "{\"x\":1}"),
                400,
                "no messageEvent",
            ),
            (
                signed(SignatureMethod::HmacSha256, "{\"messageEvent\":[1]}"),
                400,
                "no messageEvent",
            ),
            (
                signed(
                    SignatureMethod::HmacSha256,
                    "{\"messageEvent\":{\"eventTime\":1.5}}",
                ),
                400,
                "eventTime is missing",
            ),
            (
                signed(SignatureMethod::HmacSha256, &body(NOW - 3_600_000)),
                401,
                "3600 s old",
            ),
            (
                signed(SignatureMethod::HmacSha256, &body(NOW + 600_000)),
                401,
                "600 s in the future",
            ),
        ];
        for (req, status, needle) in cases {
            let (got, reason) = rejected(check(&req, &sha256, NOW));
            assert_eq!(got, status, "{reason}");
            assert!(reason.contains(needle), "{reason:?} lacks {needle:?}");
        }
        let mut two = signed(SignatureMethod::HmacSha256, &body(NOW));
        two.headers_mut().append(
            hyper::header::HeaderName::from_bytes(SIGNATURE_HEADER.as_bytes()).expect("a name"),
            hyper::header::HeaderValue::from_static("sha256=00"),
        );
        assert_eq!(rejected(check(&two, &sha256, NOW)).0, 401);
    }

    #[test]
    fn the_signature_is_checked_before_the_body_is_parsed() {
        let sha256 = auth(SignatureMethod::HmacSha256);
        // Not JSON and unsigned: the missing signature is what is reported.
        assert_eq!(
            rejected(check(&request("POST", &[], "{not json"), &sha256, NOW)).0,
            401
        );
        // Valid, fresh JSON signed over other bytes: refused although the body alone would pass.
        let mut tampered = signed(SignatureMethod::HmacSha256, &body(NOW));
        *tampered.body_mut() = Bytes::from(body(NOW + 1));
        assert_eq!(rejected(check(&tampered, &sha256, NOW)).0, 401);
        // The method comes before everything.
        assert_eq!(
            rejected(check(&request("PUT", &[], "{not json"), &sha256, NOW)).0,
            405
        );
    }

    #[test]
    fn freshness_allows_five_minutes_either_way() {
        let none = auth(SignatureMethod::None);
        let at = |t: i64| rejected(check(&request("POST", &[], &body(t)), &none, NOW)).0;
        assert_eq!(at(NOW - MAX_SKEW_MS), 204);
        assert_eq!(at(NOW + MAX_SKEW_MS), 204);
        assert_eq!(at(NOW - MAX_SKEW_MS - 1), 401);
        assert_eq!(at(NOW + MAX_SKEW_MS + 1), 401);
        assert_eq!(at(i64::MIN), 401);
        let event = check(&request("POST", &[], &body(NOW)), &none, NOW).expect("accepted");
        assert!(!event.verified);
        assert_eq!(event.delivery, None);
    }

    #[test]
    fn fields_of_another_type_are_kept_not_refused() {
        let none = auth(SignatureMethod::None);
        let text = format!(r#"{{"messageEvent":{{"eventTime":{NOW},"id":"","taskId":42,"z":1}}}}"#);
        let event = check(&request("POST", &[], &text), &none, NOW).expect("accepted");
        assert_eq!(event.id, None);
        assert_eq!(event.fields.task_id, 42);
        assert!(event.payload.signature_method.is_null());
        assert_eq!(event.payload.message_event["z"], 1);
    }
}

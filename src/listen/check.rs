//! The receiver's side of the webhook contract (PROTOCOLS.md §8): the checks a request read in full must
//! pass, in the fixed order method, signature over the raw body bytes (before any parsing), JSON,
//! freshness. What passes is the accepted [`Event`].

use serde::Deserialize;
use serde_json::Value as Json;

use super::Auth;
use super::http::{Reject, Request};
use crate::channels::webhook::{DELIVERY_HEADER, Payload, Received, SIGNATURE_HEADER};
use crate::signing::{self, SignatureMethod};

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
    /// The request target.
    pub path: String,
    /// The body as sent: `messageEvent` is the whole object (fields in the sender's order, unknown ones
    /// kept), `signatureMethod` JSON `null` when absent.
    pub payload: Payload<Json, Json>,
    /// The contract's fields of `messageEvent`, each as sent.
    pub fields: Received,
}

/// Runs the checks on a request read in full, at `now` (Unix milliseconds).
pub fn check(request: &Request, auth: &Auth, now: i64) -> Result<Event, Reject> {
    if request.method != "POST" {
        return Err(Reject::new(405, "only POST is accepted"));
    }
    let verified = check_signature(request, auth)?;
    let body: Json = serde_json::from_slice(&request.body)
        .map_err(|e| Reject::new(400, format!("body is not JSON ({e})")))?;
    // An array would read as a struct too (serde's sequence form): only an object is a body.
    let payload = body
        .is_object()
        .then(|| Payload::<Json, Json>::deserialize(body).ok())
        .flatten()
        .filter(|p| p.message_event.is_object())
        .ok_or_else(|| Reject::new(400, "body has no messageEvent object"))?;
    let fields = Received::deserialize(&payload.message_event)
        .map_err(|e| Reject::new(400, format!("messageEvent is not readable ({e})")))?;
    let Some(event_time) = fields.event_time.as_i64() else {
        return Err(Reject::new(
            400,
            "messageEvent.eventTime is missing or not a whole number of milliseconds",
        ));
    };
    let age = now.saturating_sub(event_time);
    if age > MAX_SKEW_MS {
        return Err(Reject::new(
            401,
            format!("stale: eventTime is {} s old (at most 300 s)", age / 1000),
        ));
    }
    if age < -MAX_SKEW_MS {
        return Err(Reject::new(
            401,
            format!(
                "stale: eventTime is {} s in the future (at most 300 s)",
                age.saturating_neg() / 1000
            ),
        ));
    }
    let id = fields
        .id
        .as_str()
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    let delivery = request
        .values(DELIVERY_HEADER)
        .next()
        .map(|v| String::from_utf8_lossy(v).trim().to_owned());
    Ok(Event {
        delivery,
        id,
        event_time,
        verified,
        path: request.target.clone(),
        payload,
        fields,
    })
}

/// Checks the one signature header over the raw body; `Ok(false)` when the listener takes unsigned
/// deliveries.
fn check_signature(request: &Request, auth: &Auth) -> Result<bool, Reject> {
    let method = auth.method;
    let Some(prefix) = method.webhook_prefix() else {
        return Ok(false);
    };
    let mut values = request.values(SIGNATURE_HEADER);
    let Some(value) = values.next() else {
        return Err(Reject::new(401, format!("missing {SIGNATURE_HEADER}")));
    };
    if values.next().is_some() {
        return Err(Reject::new(
            401,
            format!("more than one {SIGNATURE_HEADER}"),
        ));
    }
    let good = std::str::from_utf8(value)
        .is_ok_and(|v| signing::verify_webhook_signature(method, &auth.key, &request.body, v));
    if !good {
        let algorithm = match method {
            SignatureMethod::HmacSha1 => "HMAC-SHA1",
            _ => "HMAC-SHA256",
        };
        return Err(Reject::new(
            401,
            format!(
                "bad signature (expected {prefix}HEX, an {algorithm} of the raw body with the shared key)"
            ),
        ));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000_000;

    fn request(method: &str, headers: &[(&str, &str)], body: &str) -> Request {
        Request {
            method: method.to_owned(),
            target: "/hook".to_owned(),
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), v.as_bytes().to_vec()))
                .collect(),
            body: body.as_bytes().to_vec(),
            keep_alive: true,
        }
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

    fn signed(method: SignatureMethod, body: &str) -> Request {
        let sig = signing::webhook_signature(method, b"k3y", body.as_bytes()).expect("signed");
        request(
            "POST",
            &[("x-notify-signature", &sig), ("X-Notify-Delivery", " d-1 ")],
            body,
        )
    }

    fn rejected(result: Result<Event, Reject>) -> (u16, String) {
        result.map_or_else(|r| (r.status, r.reason), |_| (204, String::new()))
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
        let cases: Vec<(Request, u16, &str)> = vec![
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
        two.headers
            .push(("X-Notify-Signature".into(), b"sha256=00".to_vec()));
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
        tampered.body = body(NOW + 1).into_bytes();
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

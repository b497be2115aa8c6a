//! Who may post to the intake: a bearer token, or a body signed as a webhook delivery is (PROTOCOLS §8,
//! §13), checked by the very code `notify listen` uses; with both configured, either one admits.

use std::fmt;

use bytes::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{HeaderMap, Response, StatusCode};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::listen::{self, Auth};
use crate::values::Revealed;

const BEARER_HELP: &str = "Authorization: Bearer <token>";

/// The intake's credentials: token digests (a token is never kept) and the signature check.
pub struct IntakeAuth {
    /// SHA-256 of each accepted bearer token.
    tokens: Vec<[u8; 32]>,
    signature: Option<Auth>,
}

impl fmt::Debug for IntakeAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntakeAuth")
            .field("tokens", &self.tokens.len())
            .field("signature", &self.signature)
            .finish()
    }
}

impl IntakeAuth {
    /// No token and no signature: every request is admitted (a loopback serve).
    pub fn new(tokens: &[Revealed], signature: Option<Auth>) -> Self {
        IntakeAuth {
            tokens: tokens
                .iter()
                .map(|t| Sha256::digest(t.expose().as_bytes()).into())
                .collect(),
            signature,
        }
    }

    fn bearer(&self, headers: &HeaderMap) -> bool {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| <[u8; 32]>::from(Sha256::digest(t.trim().as_bytes())));
        given.is_some_and(|g| self.tokens.contains(&g))
    }

    /// `None` when the request may go on; else its 401 answer, whose reason names no key, token or
    /// signature. `now_ms` is the serve's clock (a Standard Webhooks timestamp is judged by it).
    pub fn refuse(&self, headers: &HeaderMap, body: &[u8], now_ms: i64) -> Option<Response<Bytes>> {
        let has_tokens = !self.tokens.is_empty();
        if (!has_tokens && self.signature.is_none()) || (has_tokens && self.bearer(headers)) {
            return None;
        }
        let reason = match &self.signature {
            Some(auth) => match listen::verify_signature(headers, body, auth, now_ms) {
                Ok(_) => return None,
                Err(refused) if has_tokens => format!(
                    "missing or wrong bearer token ({BEARER_HELP}), and no valid signature: {}",
                    refused.reason
                ),
                Err(refused) => refused.reason,
            },
            None => format!("missing or wrong bearer token ({BEARER_HELP})"),
        };
        let mut response = Response::new(Bytes::from(format!("{}\n", json!({ "error": reason }))));
        *response.status_mut() = StatusCode::UNAUTHORIZED;
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if has_tokens {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        Some(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::{SignatureMethod, standard, webhook_signature};

    const NOW_MS: i64 = 1_800_000_000_000;
    const BODY: &[u8] = br#"{"event":"task_failed"}"#;

    fn headers(pairs: &[(&'static str, String)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn reason(response: Option<Response<Bytes>>) -> String {
        let response = response.expect("refused");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        body["error"].as_str().unwrap().to_owned()
    }

    #[test]
    fn a_token_or_a_signature_admits() {
        let auth = Auth::from_keys(SignatureMethod::HmacSha256, &["new", "old"]).unwrap();
        let intake = IntakeAuth::new(&[Revealed::new("t0ken")], Some(auth));
        let bearer = headers(&[("authorization", "Bearer t0ken".into())]);
        assert!(intake.refuse(&bearer, BODY, NOW_MS).is_none());
        let sig = webhook_signature(SignatureMethod::HmacSha256, b"old", BODY).unwrap();
        let signed = headers(&[("x-notify-signature", sig.clone())]);
        assert!(intake.refuse(&signed, BODY, NOW_MS).is_none());
        let text = reason(intake.refuse(&signed, b"{}", NOW_MS));
        assert!(text.starts_with("missing or wrong bearer token"), "{text}");
        assert!(text.contains("bad signature"), "{text}");
        assert!(!text.contains(&sig) && !text.contains("t0ken"), "{text}");
        let wrong = headers(&[("authorization", "Bearer nope".into())]);
        assert!(intake.refuse(&wrong, BODY, NOW_MS).is_some());
    }

    #[test]
    fn a_signature_alone_and_nothing_at_all() {
        let auth = Auth::from_keys(SignatureMethod::Standard, &["whsec_AAEC"]).unwrap();
        let intake = IntakeAuth::new(&[], Some(auth));
        let ts = NOW_MS / 1000 - 10;
        let sig = standard::sign(&[0, 1, 2], "e-1", ts, BODY);
        let signed = headers(&[
            ("webhook-id", "e-1".into()),
            ("webhook-timestamp", ts.to_string()),
            ("webhook-signature", sig),
        ]);
        assert!(intake.refuse(&signed, BODY, NOW_MS).is_none());
        let stale = reason(intake.refuse(&signed, BODY, NOW_MS + 600_000));
        assert!(stale.starts_with("stale: webhook-timestamp"), "{stale}");
        let bearer_only = headers(&[("authorization", "Bearer t0ken".into())]);
        let response = intake.refuse(&bearer_only, BODY, NOW_MS);
        assert!(
            response
                .as_ref()
                .unwrap()
                .headers()
                .get(header::WWW_AUTHENTICATE)
                .is_none()
        );
        assert_eq!(reason(response), "missing webhook-id");
        assert!(
            IntakeAuth::new(&[], None)
                .refuse(&HeaderMap::new(), BODY, NOW_MS)
                .is_none()
        );
    }
}

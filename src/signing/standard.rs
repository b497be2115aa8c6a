//! Standard Webhooks (PROTOCOLS §13): `v1,` signatures over `id.timestamp.body`, kept apart from notify's own
//! scheme because they also bind an id and a time, take `whsec_` keys and come several at once during a rotation.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{KeyInit, Mac};

use super::{HMAC_KEY_REASON, HmacSha256};

/// The delivery's id, the same on every retry.
pub const ID_HEADER: &str = "webhook-id";
/// Unix seconds of the attempt.
pub const TIMESTAMP_HEADER: &str = "webhook-timestamp";
/// `v1,<base64>`, several separated by spaces.
pub const SIGNATURE_HEADER: &str = "webhook-signature";
/// How far a timestamp may be from the receiver's clock, either way.
pub const TOLERANCE_SECS: i64 = 5 * 60;

const KEY_PREFIX: &str = "whsec_";
const VERSION: &str = "v1";

/// The HMAC key a configured key stands for: after `whsec_`, the base64-decoded bytes; otherwise the
/// text's UTF-8 bytes. The error never repeats the key.
pub fn key_bytes(key: &str) -> Result<Vec<u8>, String> {
    match key.strip_prefix(KEY_PREFIX) {
        Some(encoded) => match BASE64.decode(encoded.trim()) {
            Ok(bytes) if !bytes.is_empty() => Ok(bytes),
            _ => Err(format!(
                "a {KEY_PREFIX} key must be followed by base64 (standard alphabet, with padding); \
                 give the key exactly as the receiver shows it, or a raw key without the prefix"
            )),
        },
        None => Ok(key.as_bytes().to_vec()),
    }
}

fn mac(key: &[u8], id: &str, timestamp: i64, body: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect(HMAC_KEY_REASON);
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The `webhook-signature` value for one key: `v1,<base64(HMAC-SHA256(key, "id.timestamp.body"))>`.
pub fn sign(key: &[u8], id: &str, timestamp: i64, body: &[u8]) -> String {
    let tag = mac(key, id, timestamp, body).finalize().into_bytes();
    format!("{VERSION},{}", BASE64.encode(tag))
}

/// Why a request's Standard Webhooks headers were refused; safe to show (no key, no signature).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Missing(&'static str),
    NotATimestamp,
    BadSignature,
    Stale { secs: i64 },
    Future { secs: i64 },
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Missing(header) => write!(f, "missing {header}"),
            Refused::NotATimestamp => write!(
                f,
                "{TIMESTAMP_HEADER} is not a whole number of Unix seconds"
            ),
            Refused::BadSignature => write!(
                f,
                "bad signature (expected {SIGNATURE_HEADER}: {VERSION},BASE64, an HMAC-SHA256 of \
                 \"{ID_HEADER}.{TIMESTAMP_HEADER}.body\" with the shared key)"
            ),
            Refused::Stale { secs } => write!(
                f,
                "stale: {TIMESTAMP_HEADER} is {secs} s old (at most {TOLERANCE_SECS} s)"
            ),
            Refused::Future { secs } => write!(
                f,
                "stale: {TIMESTAMP_HEADER} is {secs} s in the future (at most {TOLERANCE_SECS} s)"
            ),
        }
    }
}

/// The three headers as received (`None` when absent or not text).
#[derive(Debug, Clone, Copy, Default)]
pub struct Headers<'a> {
    pub id: Option<&'a str>,
    pub timestamp: Option<&'a str>,
    pub signature: Option<&'a str>,
}

/// Checks a request at `now_secs`: any of `keys` must have made any of the space-separated `v1,`
/// signatures (a rotation), in constant time; then the timestamp must be within [`TOLERANCE_SECS`].
/// The signature is checked first, so a forged request learns nothing about the clock.
pub fn verify(
    keys: &[Vec<u8>],
    headers: Headers<'_>,
    body: &[u8],
    now_secs: i64,
) -> Result<(), Refused> {
    let id = headers.id.ok_or(Refused::Missing(ID_HEADER))?;
    let timestamp = headers
        .timestamp
        .ok_or(Refused::Missing(TIMESTAMP_HEADER))?;
    let signatures = headers
        .signature
        .ok_or(Refused::Missing(SIGNATURE_HEADER))?;
    let timestamp: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| Refused::NotATimestamp)?;
    let tags: Vec<Vec<u8>> = signatures
        .split(' ')
        .filter_map(|s| s.split_once(','))
        .filter(|(version, _)| *version == VERSION)
        .filter_map(|(_, tag)| BASE64.decode(tag).ok())
        .collect();
    let good = keys.iter().any(|key| {
        let mac = mac(key, id, timestamp, body);
        tags.iter().any(|tag| mac.clone().verify_slice(tag).is_ok())
    });
    if !good {
        return Err(Refused::BadSignature);
    }
    let age = now_secs.saturating_sub(timestamp);
    if age > TOLERANCE_SECS {
        return Err(Refused::Stale { secs: age });
    }
    if age < -TOLERANCE_SECS {
        return Err(Refused::Future {
            secs: age.saturating_neg(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The reference implementation's published example (key, id, time, body and signature).
    const KEY: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const ID: &str = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";
    const TS: i64 = 1_649_367_553;
    const BODY: &[u8] = br#"{"email":"test@example.com","username":"test_user"}"#;
    const SIG: &str = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";

    fn headers<'a>(ts: &'a str, sig: &'a str) -> Headers<'a> {
        Headers {
            id: Some(ID),
            timestamp: Some(ts),
            signature: Some(sig),
        }
    }

    #[test]
    fn the_published_vector() {
        let key = key_bytes(KEY).unwrap();
        assert_eq!(sign(&key, ID, TS, BODY), SIG);
        let ts = TS.to_string();
        assert_eq!(verify(&[key], headers(&ts, SIG), BODY, TS), Ok(()));
    }

    #[test]
    fn keys_with_and_without_the_prefix() {
        assert_eq!(key_bytes("whsec_AAEC").unwrap(), vec![0, 1, 2]);
        assert_eq!(key_bytes("raw secret").unwrap(), b"raw secret");
        for bad in ["whsec_", "whsec_not base64!", "whsec_AAE"] {
            let err = key_bytes(bad).unwrap_err();
            assert!(err.contains("base64"), "{err}");
            let secret = &bad[KEY_PREFIX.len()..];
            assert!(secret.is_empty() || !err.contains(secret), "{err}");
        }
    }

    #[test]
    fn rotation_tampering_and_time() {
        let key = key_bytes(KEY).unwrap();
        let old = b"old key".to_vec();
        let (keys, olds) = ([key.clone()], [old.clone()]);
        let ts = TS.to_string();
        let other = sign(&old, ID, TS, BODY);
        // Any key, any of the signatures.
        let both = format!("{other} {SIG}");
        assert_eq!(verify(&keys, headers(&ts, &both), BODY, TS), Ok(()));
        assert_eq!(verify(&[old, key], headers(&ts, SIG), BODY, TS), Ok(()));
        assert_eq!(
            verify(&olds, headers(&ts, SIG), BODY, TS),
            Err(Refused::BadSignature)
        );
        assert_eq!(
            verify(&keys, headers(&ts, SIG), b"{}", TS),
            Err(Refused::BadSignature)
        );
        assert_eq!(
            verify(
                &keys,
                headers(&ts, "v2,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="),
                BODY,
                TS
            ),
            Err(Refused::BadSignature)
        );
        // The timestamp is signed: another one is a bad signature, not a stale one.
        let later = (TS + 1).to_string();
        assert_eq!(
            verify(&keys, headers(&later, SIG), BODY, TS),
            Err(Refused::BadSignature)
        );
        // Five minutes either way, no more.
        assert_eq!(verify(&keys, headers(&ts, SIG), BODY, TS + 300), Ok(()));
        assert_eq!(verify(&keys, headers(&ts, SIG), BODY, TS - 300), Ok(()));
        let stale = verify(&keys, headers(&ts, SIG), BODY, TS + 301).unwrap_err();
        assert_eq!(stale, Refused::Stale { secs: 301 });
        assert_eq!(
            stale.to_string(),
            "stale: webhook-timestamp is 301 s old (at most 300 s)"
        );
        let future = verify(&keys, headers(&ts, SIG), BODY, TS - 400).unwrap_err();
        assert_eq!(
            future.to_string(),
            "stale: webhook-timestamp is 400 s in the future (at most 300 s)"
        );
        assert_eq!(
            verify(&keys, headers("soon", SIG), BODY, TS),
            Err(Refused::NotATimestamp)
        );
        let missing = Headers {
            signature: None,
            ..headers(&ts, SIG)
        };
        assert_eq!(
            verify(&keys, missing, BODY, TS).unwrap_err().to_string(),
            "missing webhook-signature"
        );
    }
}

//! Every signing scheme in `signing.rs`, checked by an independent verifier written here with the `hmac`,
//! `sha1` and `sha2` crates (not the crate's own verify functions): what notify signs verifies, and the same
//! signature over a message with one byte flipped does not.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use notify::signing::{
    SignatureMethod, aliyun_canonical_query, aliyun_signature, aliyun_string_to_sign,
    dingtalk_robot_sign, feishu_bot_sign, webhook_signature,
};
use proptest::prelude::*;
use sha1::Sha1;
use sha2::Sha256;

/// An independent HMAC check: key, message, tag.
type Verify = fn(&[u8], &[u8], &[u8]) -> bool;

fn verify_sha1(key: &[u8], msg: &[u8], tag: &[u8]) -> bool {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("any key length");
    mac.update(msg);
    mac.verify_slice(tag).is_ok()
}

fn verify_sha256(key: &[u8], msg: &[u8], tag: &[u8]) -> bool {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
    mac.update(msg);
    mac.verify_slice(tag).is_ok()
}

/// Lowercase hex only: the header format notify promises (`sha256=<lowercase hex>`).
fn lower_hex(s: &str) -> Option<Vec<u8>> {
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let b = s.as_bytes();
    if !b.len().is_multiple_of(2) {
        return None;
    }
    b.chunks(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect()
}

/// `msg` with the byte at `at` (modulo its length) XORed with a non-zero `mask`.
fn flipped(msg: &[u8], at: usize, mask: u8) -> Vec<u8> {
    let mut out = msg.to_vec();
    let i = at % out.len();
    out[i] ^= mask;
    out
}

/// RFC 3986 unreserved characters kept, everything else `%XX`: Alibaba's `percentEncode`, written again.
fn pct(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(super::config(256))]

    /// `sha1=<hex>` / `sha256=<hex>` over the raw body verifies for any key (including keys longer than the
    /// hash block) and any body; a flipped body byte or a flipped signature byte does not.
    #[test]
    fn webhook_signatures_verify_and_detect_a_flipped_byte(
        sha256 in any::<bool>(),
        key in proptest::collection::vec(any::<u8>(), 0..150),
        body in proptest::collection::vec(any::<u8>(), 1..600),
        at in any::<usize>(),
        mask in 1u8..,
    ) {
        let method = if sha256 { SignatureMethod::HmacSha256 } else { SignatureMethod::HmacSha1 };
        let header = webhook_signature(method, &key, &body).expect("a signed method gives a header");
        let (prefix, verify): (&str, Verify) = if sha256 {
            ("sha256=", verify_sha256)
        } else {
            ("sha1=", verify_sha1)
        };
        let tag = header.strip_prefix(prefix).and_then(lower_hex);
        prop_assert!(tag.is_some(), "{header:?} is not {prefix}<lowercase hex>");
        let tag = tag.unwrap_or_default();
        prop_assert!(verify(&key, &body, &tag));
        prop_assert!(!verify(&key, &flipped(&body, at, mask), &tag));
        prop_assert!(!verify(&key, &body, &flipped(&tag, at, mask)));
        prop_assert_eq!(webhook_signature(SignatureMethod::None, &key, &body), None);
    }

    /// DingTalk robot: base64(HMAC-SHA256(key = secret, "{timestamp_ms}\n{secret}")).
    #[test]
    fn dingtalk_robot_signs_verify_and_detect_a_flipped_byte(
        secret in any::<String>(),
        timestamp_ms in any::<u64>(),
        at in any::<usize>(),
        mask in 1u8..,
    ) {
        let sign = dingtalk_robot_sign(&secret, timestamp_ms);
        let tag = BASE64.decode(&sign);
        prop_assert!(tag.is_ok(), "{sign:?} is not standard base64");
        let tag = tag.unwrap_or_default();
        let msg = format!("{timestamp_ms}\n{secret}").into_bytes();
        prop_assert!(verify_sha256(secret.as_bytes(), &msg, &tag));
        prop_assert!(!verify_sha256(secret.as_bytes(), &flipped(&msg, at, mask), &tag));
        let other = format!("{}\n{secret}", timestamp_ms.wrapping_add(1)).into_bytes();
        prop_assert!(!verify_sha256(secret.as_bytes(), &other, &tag));
    }

    /// Feishu/Lark bot: base64(HMAC-SHA256(key = "{timestamp_s}\n{secret}", msg = "")).
    #[test]
    fn feishu_bot_signs_verify_and_detect_a_flipped_byte(
        secret in any::<String>(),
        timestamp_s in any::<u64>(),
        at in any::<usize>(),
        mask in 1u8..,
    ) {
        let sign = feishu_bot_sign(&secret, timestamp_s);
        let tag = BASE64.decode(&sign);
        prop_assert!(tag.is_ok(), "{sign:?} is not standard base64");
        let tag = tag.unwrap_or_default();
        let key = format!("{timestamp_s}\n{secret}").into_bytes();
        prop_assert!(verify_sha256(&key, b"", &tag));
        prop_assert!(!verify_sha256(&flipped(&key, at, mask), b"", &tag));
    }

    /// Alibaba Cloud RPC v1: the canonical query, the string to sign and the HMAC-SHA1 signature are
    /// rebuilt here from the parameters alone, and the crate's signature verifies against them; it does not
    /// verify a string to sign with one byte flipped, nor parameters with one value changed.
    #[test]
    fn aliyun_signatures_verify_and_detect_a_flipped_byte(
        params in proptest::collection::vec((any::<String>(), any::<String>()), 0..8),
        secret in any::<String>(),
        at in any::<usize>(),
        mask in 1u8..,
    ) {
        let query = aliyun_canonical_query(&params);
        let signature = aliyun_signature(&secret, &aliyun_string_to_sign("get", &query));

        let mut sorted: Vec<(String, String)> = params.clone();
        sorted.sort_by(|a, b| (a.0.as_bytes(), a.1.as_bytes()).cmp(&(b.0.as_bytes(), b.1.as_bytes())));
        let canonical: Vec<String> = sorted.iter().map(|(k, v)| format!("{}={}", pct(k), pct(v))).collect();
        let canonical = canonical.join("&");
        prop_assert_eq!(&query, &canonical);
        let to_sign = format!("GET&%2F&{}", pct(&canonical)).into_bytes();
        let key = format!("{secret}&").into_bytes();
        let tag = BASE64.decode(&signature);
        prop_assert!(tag.is_ok(), "{signature:?} is not standard base64");
        let tag = tag.unwrap_or_default();
        prop_assert!(verify_sha1(&key, &to_sign, &tag));
        prop_assert!(!verify_sha1(&key, &flipped(&to_sign, at, mask), &tag));

        if !params.is_empty() {
            let mut changed = params.clone();
            let i = at % changed.len();
            changed[i].1.push('x');
            let other = aliyun_signature(
                &secret,
                &aliyun_string_to_sign("GET", &aliyun_canonical_query(&changed)),
            );
            prop_assert_ne!(other, signature);
        }
    }
}

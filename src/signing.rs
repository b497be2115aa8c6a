//! HMAC signing schemes: webhook signatures, DingTalk/Feishu bot signs, Alibaba Cloud RPC v1 and verification-code digests.

use std::fmt;
use std::str::FromStr;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha1::Sha1;
use sha2::Sha256;

pub mod standard;

type HmacSha1 = Hmac<Sha1>;
type HmacSha256 = Hmac<Sha256>;

const HMAC_KEY_REASON: &str = "HMAC accepts keys of any length";

/// How outgoing webhook bodies are signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SignatureMethod {
    #[default]
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "HMAC_SHA1")]
    HmacSha1,
    #[serde(rename = "HMAC_SHA256")]
    HmacSha256,
    /// Standard Webhooks (PROTOCOLS §13): `webhook-*` headers instead of `X-Notify-Signature`.
    #[serde(rename = "STANDARD")]
    Standard,
}

impl SignatureMethod {
    pub const ALL: [SignatureMethod; 4] = [
        SignatureMethod::None,
        SignatureMethod::HmacSha1,
        SignatureMethod::HmacSha256,
        SignatureMethod::Standard,
    ];

    /// Canonical wire names, in the same order as [`SignatureMethod::ALL`] (the one list).
    pub const NAMES: [&'static str; 4] = [
        SignatureMethod::ALL[0].as_str(),
        SignatureMethod::ALL[1].as_str(),
        SignatureMethod::ALL[2].as_str(),
        SignatureMethod::ALL[3].as_str(),
    ];

    /// [`SignatureMethod::NAMES`], for clap's possible values.
    pub fn names() -> &'static [&'static str] {
        &Self::NAMES
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            SignatureMethod::None => "NONE",
            SignatureMethod::HmacSha1 => "HMAC_SHA1",
            SignatureMethod::HmacSha256 => "HMAC_SHA256",
            SignatureMethod::Standard => "STANDARD",
        }
    }

    /// Header prefix (`sha1=` / `sha256=`) used by `X-Notify-Signature` (none for NONE and STANDARD).
    pub fn webhook_prefix(self) -> Option<&'static str> {
        match self {
            SignatureMethod::None | SignatureMethod::Standard => None,
            SignatureMethod::HmacSha1 => Some("sha1="),
            SignatureMethod::HmacSha256 => Some("sha256="),
        }
    }
}

impl fmt::Display for SignatureMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SignatureMethod {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let normalized = s.trim().to_ascii_uppercase().replace('-', "_");
        match normalized.as_str() {
            "NONE" => Ok(SignatureMethod::None),
            "HMAC_SHA1" => Ok(SignatureMethod::HmacSha1),
            "HMAC_SHA256" => Ok(SignatureMethod::HmacSha256),
            "STANDARD" => Ok(SignatureMethod::Standard),
            _ => Err(format!(
                "invalid signature method {s:?}: expected NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD"
            )),
        }
    }
}

pub fn hmac_sha1(key: &[u8], msg: &[u8]) -> [u8; 20] {
    let mut mac = HmacSha1::new_from_slice(key).expect(HMAC_KEY_REASON);
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = HmacSha256::new_from_slice(key).expect(HMAC_KEY_REASON);
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

/// Constant-time check of `tag` against HMAC-SHA1(key, msg); wrong length is a mismatch.
fn verify_hmac_sha1(key: &[u8], msg: &[u8], tag: &[u8]) -> bool {
    let mut mac = HmacSha1::new_from_slice(key).expect(HMAC_KEY_REASON);
    mac.update(msg);
    mac.verify_slice(tag).is_ok()
}

/// Constant-time check of `tag` against HMAC-SHA256(key, msg); wrong length is a mismatch.
fn verify_hmac_sha256(key: &[u8], msg: &[u8], tag: &[u8]) -> bool {
    let mut mac = HmacSha256::new_from_slice(key).expect(HMAC_KEY_REASON);
    mac.update(msg);
    mac.verify_slice(tag).is_ok()
}

const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";
const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// Lowercase hex encoding.
pub fn hex_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(HEX_LOWER[usize::from(b >> 4)]));
        out.push(char::from(HEX_LOWER[usize::from(b & 0x0f)]));
    }
    out
}

fn hex_nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes hex (either case); `None` on odd length or a non-hex character.
pub fn hex_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| Some((hex_nibble(pair[0])? << 4) | hex_nibble(pair[1])?))
        .collect()
}

/// `X-Notify-Signature` for a webhook body: `sha1=<hex>` / `sha256=<hex>`, `None` for NONE and
/// STANDARD (which signs with [`standard::sign`]).
pub fn webhook_signature(method: SignatureMethod, key: &[u8], body: &[u8]) -> Option<String> {
    let digest = match method {
        SignatureMethod::None | SignatureMethod::Standard => return None,
        SignatureMethod::HmacSha1 => hex_encode(&hmac_sha1(key, body)),
        SignatureMethod::HmacSha256 => hex_encode(&hmac_sha256(key, body)),
    };
    Some(format!("{}{digest}", method.webhook_prefix()?))
}

/// Checks an `X-Notify-Signature` header in constant time; the prefix must match `method`.
/// Always false for NONE (nothing to verify) and STANDARD (see [`standard::verify`]).
pub fn verify_webhook_signature(
    method: SignatureMethod,
    key: &[u8],
    body: &[u8],
    header_value: &str,
) -> bool {
    let Some(prefix) = method.webhook_prefix() else {
        return false;
    };
    let Some(hex) = header_value.trim().strip_prefix(prefix) else {
        return false;
    };
    let Some(tag) = hex_decode(hex) else {
        return false;
    };
    match method {
        SignatureMethod::None | SignatureMethod::Standard => false,
        SignatureMethod::HmacSha1 => verify_hmac_sha1(key, body, &tag),
        SignatureMethod::HmacSha256 => verify_hmac_sha256(key, body, &tag),
    }
}

/// DingTalk group robot `sign`: base64(HMAC-SHA256(secret, "{timestamp_ms}\n{secret}")).
/// Not URL-encoded; the caller encodes it exactly once when building the URL.
pub fn dingtalk_robot_sign(secret: &str, timestamp_ms: u64) -> String {
    let msg = format!("{timestamp_ms}\n{secret}");
    BASE64.encode(hmac_sha256(secret.as_bytes(), msg.as_bytes()))
}

/// Feishu/Lark custom bot `sign`: base64(HMAC-SHA256(key = "{timestamp_s}\n{secret}", msg = "")).
pub fn feishu_bot_sign(secret: &str, timestamp_s: u64) -> String {
    let key = format!("{timestamp_s}\n{secret}");
    BASE64.encode(hmac_sha256(key.as_bytes(), b""))
}

/// RFC 3986 percent-encoding: only `A-Z a-z 0-9 - _ . ~` are kept, everything else is `%XX`.
pub fn percent_encode_rfc3986(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX_UPPER[usize::from(b >> 4)]));
            out.push(char::from(HEX_UPPER[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// Canonicalized query string: parameters sorted by name (byte order), encoded, joined `k=v&...`.
pub fn aliyun_canonical_query(params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.cmp(&b.1))
    });
    sorted
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                percent_encode_rfc3986(k),
                percent_encode_rfc3986(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `METHOD&%2F&pct(canonical_query)`.
pub fn aliyun_string_to_sign(method: &str, canonical_query: &str) -> String {
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        percent_encode_rfc3986("/"),
        percent_encode_rfc3986(canonical_query)
    )
}

/// base64(HMAC-SHA1(key = access_key_secret + "&", string_to_sign)).
pub fn aliyun_signature(access_key_secret: &str, string_to_sign: &str) -> String {
    let key = format!("{access_key_secret}&");
    BASE64.encode(hmac_sha1(key.as_bytes(), string_to_sign.as_bytes()))
}

/// Formats Unix seconds as `yyyy-MM-ddTHH:mm:ssZ` (UTC).
pub fn utc_timestamp(unix_secs: u64) -> String {
    let days = unix_secs / 86_400;
    let secs_of_day = unix_secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs_of_day / 3600,
        secs_of_day % 3600 / 60,
        secs_of_day % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    // Shift the epoch to 0000-03-01 so the leap day falls at the end of each
    // 400-year era (146_097 days) and of each March-based year.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    // Month index 0 = March ... 11 = February.
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Lowercase hex of HMAC-SHA256(key = salt, msg = code); the only form a code is stored in.
pub fn code_digest(salt: &[u8], code: &str) -> String {
    hex_encode(&hmac_sha256(salt, code.as_bytes()))
}

/// Constant-time check of `code` against a stored [`code_digest`]; false on malformed hex.
pub fn code_matches(salt: &[u8], code: &str, expected_hex: &str) -> bool {
    match hex_decode(expected_hex) {
        Some(tag) => verify_hmac_sha256(salt, code.as_bytes(), &tag),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOX: &[u8] = b"The quick brown fox jumps over the lazy dog";
    const FOX_SHA1: &str = "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9";
    const FOX_SHA256: &str = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    const ALIYUN_STS: &str = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";

    fn flip_last_hex_digit(header: &str) -> String {
        let mut s = header.to_owned();
        let last = s.pop().expect("non-empty header");
        s.push(if last == '0' { '1' } else { '0' });
        s
    }

    #[test]
    fn method_parse_display_roundtrip() {
        for (method, name) in SignatureMethod::ALL.iter().zip(SignatureMethod::names()) {
            assert_eq!(method.to_string(), *name);
            assert_eq!(name.parse::<SignatureMethod>(), Ok(*method));
            assert_eq!(name.to_lowercase().parse::<SignatureMethod>(), Ok(*method));
        }
        assert_eq!("hmac-sha1".parse(), Ok(SignatureMethod::HmacSha1));
        assert_eq!("HMAC-SHA256".parse(), Ok(SignatureMethod::HmacSha256));
        assert_eq!("Hmac_Sha256".parse(), Ok(SignatureMethod::HmacSha256));
        let err = "md5"
            .parse::<SignatureMethod>()
            .expect_err("md5 is not a method");
        assert!(
            err.contains("expected NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD"),
            "{err}"
        );
        assert_eq!(SignatureMethod::default(), SignatureMethod::None);
    }

    #[test]
    fn method_serde_wire_names() {
        for (method, name) in SignatureMethod::ALL.iter().zip(SignatureMethod::names()) {
            let json = serde_json::to_string(method).expect("serialize");
            assert_eq!(json, format!("\"{name}\""));
            let back: SignatureMethod = serde_json::from_str(&json).expect("deserialize");
            assert_eq!(back, *method);
        }
    }

    #[test]
    fn hex_roundtrip_and_rejects() {
        assert_eq!(hex_encode(&[0x00, 0xab, 0xff, 0x10]), "00abff10");
        assert_eq!(hex_decode("00abff10"), Some(vec![0x00, 0xab, 0xff, 0x10]));
        assert_eq!(hex_decode("00ABFF10"), Some(vec![0x00, 0xab, 0xff, 0x10]));
        assert_eq!(hex_decode(""), Some(vec![]));
        assert_eq!(hex_decode("abc"), None);
        assert_eq!(hex_decode("zz"), None);
        assert_eq!(hex_decode("+1"), None);
        assert_eq!(hex_decode("é0"), None);
    }

    #[test]
    fn hmac_primitives_known_values() {
        assert_eq!(hex_encode(&hmac_sha1(b"key", FOX)), FOX_SHA1);
        assert_eq!(hex_encode(&hmac_sha256(b"key", FOX)), FOX_SHA256);
    }

    #[test]
    fn webhook_signature_values() {
        assert_eq!(
            webhook_signature(SignatureMethod::HmacSha1, b"key", FOX),
            Some(format!("sha1={FOX_SHA1}"))
        );
        assert_eq!(
            webhook_signature(SignatureMethod::HmacSha256, b"key", FOX),
            Some(format!("sha256={FOX_SHA256}"))
        );
        assert_eq!(webhook_signature(SignatureMethod::None, b"key", FOX), None);
    }

    #[test]
    fn webhook_verify_accepts_and_rejects() {
        for method in [SignatureMethod::HmacSha1, SignatureMethod::HmacSha256] {
            let header = webhook_signature(method, b"key", FOX).expect("signed method");
            assert!(verify_webhook_signature(method, b"key", FOX, &header));
            assert!(!verify_webhook_signature(
                method,
                b"key",
                FOX,
                &flip_last_hex_digit(&header)
            ));
            assert!(!verify_webhook_signature(method, b"other", FOX, &header));
            assert!(!verify_webhook_signature(
                method,
                b"key",
                b"tampered",
                &header
            ));
            assert!(!verify_webhook_signature(
                method,
                b"key",
                FOX,
                &header[..header.len() - 2]
            ));
            assert!(!verify_webhook_signature(
                method,
                b"key",
                FOX,
                &format!("{header}00")
            ));
            let (prefix, hex) = header.split_once('=').expect("prefixed");
            let upper = format!("{prefix}={}", hex.to_uppercase());
            assert!(verify_webhook_signature(method, b"key", FOX, &upper));
            assert!(!verify_webhook_signature(method, b"key", FOX, hex));
            assert!(!verify_webhook_signature(
                method,
                b"key",
                FOX,
                &format!("{prefix}={}g", &hex[1..])
            ));
            assert!(!verify_webhook_signature(
                method,
                b"key",
                FOX,
                &format!("{prefix}=")
            ));
        }
        // Prefix of the other algorithm.
        assert!(!verify_webhook_signature(
            SignatureMethod::HmacSha256,
            b"key",
            FOX,
            &format!("sha1={FOX_SHA256}")
        ));
        assert!(!verify_webhook_signature(
            SignatureMethod::HmacSha1,
            b"key",
            FOX,
            &format!("sha256={FOX_SHA1}")
        ));
        assert!(!verify_webhook_signature(
            SignatureMethod::None,
            b"key",
            FOX,
            ""
        ));
        assert!(!verify_webhook_signature(
            SignatureMethod::None,
            b"key",
            FOX,
            &format!("sha256={FOX_SHA256}")
        ));
    }

    #[test]
    fn dingtalk_vector() {
        assert_eq!(
            dingtalk_robot_sign("SECtest", 1_700_000_000_000),
            "aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g="
        );
    }

    #[test]
    fn feishu_vector() {
        assert_eq!(
            feishu_bot_sign("test-secret", 1_599_360_473),
            "wSds2BzzFIIGf/WrhUO+NI1q/9j+FRJd3JNHKAq0NZY="
        );
    }

    #[test]
    fn percent_encoding() {
        assert_eq!(percent_encode_rfc3986(" *~/é"), "%20%2A~%2F%C3%A9");
        assert_eq!(percent_encode_rfc3986("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(percent_encode_rfc3986("a=b&c+d:"), "a%3Db%26c%2Bd%3A");
        assert_eq!(percent_encode_rfc3986(""), "");
    }

    #[test]
    fn aliyun_published_vector() {
        assert_eq!(
            aliyun_signature("testsecret", ALIYUN_STS),
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
        );
    }

    #[test]
    fn aliyun_string_to_sign_from_shuffled_params() {
        let params: Vec<(String, String)> = [
            ("Timestamp", "2016-02-23T12:46:24Z"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("Version", "2014-05-26"),
            ("AccessKeyId", "testid"),
            ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
            ("Format", "XML"),
            ("SignatureVersion", "1.0"),
            ("Action", "DescribeRegions"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let query = aliyun_canonical_query(&params);
        assert!(
            query.starts_with("AccessKeyId=testid&Action=DescribeRegions&"),
            "{query}"
        );
        assert!(
            query.contains("Timestamp=2016-02-23T12%3A46%3A24Z"),
            "{query}"
        );
        let sts = aliyun_string_to_sign("GET", &query);
        assert_eq!(sts, ALIYUN_STS);
        assert_eq!(
            aliyun_signature("testsecret", &sts),
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
        );
    }

    #[test]
    fn aliyun_canonical_query_edge_cases() {
        assert_eq!(aliyun_canonical_query(&[]), "");
        let params = vec![
            ("b".to_owned(), "x y".to_owned()),
            ("B".to_owned(), "*".to_owned()),
            ("a".to_owned(), String::new()),
        ];
        // Byte order puts uppercase before lowercase.
        assert_eq!(aliyun_canonical_query(&params), "B=%2A&a=&b=x%20y");
    }

    #[test]
    fn utc_timestamps() {
        assert_eq!(utc_timestamp(1_456_231_584), "2016-02-23T12:46:24Z");
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(951_868_799), "2000-02-29T23:59:59Z");
        assert_eq!(utc_timestamp(951_868_800), "2000-03-01T00:00:00Z");
        assert_eq!(utc_timestamp(4_107_542_400), "2100-03-01T00:00:00Z");
        assert_eq!(utc_timestamp(1_704_067_199), "2023-12-31T23:59:59Z");
    }

    #[test]
    fn verification_codes() {
        let salt = b"per-channel-salt";
        let digest = code_digest(salt, "123456");
        assert_eq!(digest, hex_encode(&hmac_sha256(salt, b"123456")));
        assert_eq!(digest.len(), 64);
        assert_eq!(
            code_digest(b"key", "The quick brown fox jumps over the lazy dog"),
            FOX_SHA256
        );
        assert!(code_matches(salt, "123456", &digest));
        assert!(code_matches(salt, "123456", &digest.to_uppercase()));
        assert!(!code_matches(salt, "123457", &digest));
        assert!(!code_matches(b"other-salt", "123456", &digest));
        assert!(!code_matches(salt, "123456", &digest[..62]));
        assert!(!code_matches(salt, "123456", "not hex"));
        assert!(!code_matches(salt, "123456", ""));
    }
}

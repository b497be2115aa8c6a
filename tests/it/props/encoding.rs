//! `signing::percent_encode_rfc3986`, the encoding inside the Alibaba Cloud signature.

use notify::signing::percent_encode_rfc3986;
use proptest::prelude::*;

fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// An independent decoder: `%XX` (uppercase hex only, as RFC 3986 recommends for producers) to its byte,
/// anything else kept; `None` on a malformed escape or invalid UTF-8.
fn decode(s: &str) -> Option<String> {
    let hex = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = hex(*bytes.get(i + 1)?)?;
            let lo = hex(*bytes.get(i + 2)?)?;
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

proptest! {
    #![proptest_config(super::config(256))]

    /// Decoding the encoding gives the input back.
    #[test]
    fn decoding_the_encoding_gives_the_input(s in any::<String>()) {
        prop_assert_eq!(decode(&percent_encode_rfc3986(&s)), Some(s));
    }

    /// Only unreserved characters are left as they are; every other byte is one `%XX` escape, never of an
    /// unreserved byte.
    #[test]
    fn only_unreserved_characters_stay_unencoded(s in any::<String>()) {
        let encoded = percent_encode_rfc3986(&s);
        let expected_len: usize = s.bytes().map(|b| if unreserved(b) { 1 } else { 3 }).sum();
        prop_assert_eq!(encoded.len(), expected_len, "{:?} -> {:?}", s, encoded);
        let bytes = encoded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let escape = encoded.get(i + 1..i + 3).unwrap_or_default();
                let uppercase_hex = escape.len() == 2
                    && escape.bytes().all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c));
                prop_assert!(uppercase_hex, "%{} is not an uppercase escape in {:?}", escape, encoded);
                let byte = u8::from_str_radix(escape, 16);
                prop_assert!(byte.is_ok_and(|b| !unreserved(b)), "%{} escapes an unreserved byte", escape);
                i += 3;
            } else {
                let c = char::from(bytes[i]);
                prop_assert!(unreserved(bytes[i]), "{:?} left unencoded in {:?}", c, encoded);
                i += 1;
            }
        }
    }

    /// Space is `%20` (not `+`), `*` is `%2A`, `+` is `%2B` and `~` is kept, wherever they stand: the
    /// encoding works piece by piece.
    #[test]
    fn space_star_plus_and_tilde_anywhere(a in any::<String>(), b in any::<String>()) {
        prop_assert_eq!(
            percent_encode_rfc3986(&format!("{a} *+~{b}")),
            format!("{}%20%2A%2B~{}", percent_encode_rfc3986(&a), percent_encode_rfc3986(&b))
        );
    }
}

//! Text messages through Alibaba Cloud SMS (RPC signature v1) or Twilio.

use base64::Engine;

use super::message::{Part, Rendered};
use super::wire::{HttpRequest, HttpResponse, Method, Verdict, judge_status};
use crate::signing::{
    aliyun_canonical_query, aliyun_signature, aliyun_string_to_sign, percent_encode_rfc3986,
};
use crate::templates::{Unit, truncate_to};
use crate::values::mainland_bare;

/// Alibaba wants mainland numbers bare and others as country code + number, without `+`.
pub fn aliyun_phone(e164: &str) -> String {
    mainland_bare(e164).trim_start_matches('+').to_owned()
}

/// Alibaba counts 500 characters with the signature (`【sign name】`); Twilio takes a 1,600-character body.
pub const ALIYUN_LIMIT: usize = 500;
pub const TWILIO_LIMIT: usize = 1600;

/// The `content` parameter of Alibaba's text template: the message as plain text, cut to 500 - (sign
/// name + 2) characters.
pub fn aliyun_content(r: &Rendered, sign_name: &str) -> Part<String> {
    let limit = ALIYUN_LIMIT.saturating_sub(sign_name.chars().count() + 2);
    let f = truncate_to(&r.body_text(), limit, Unit::Chars);
    Part::new("text", f.text, f.cut, "Alibaba SMS", limit, Unit::Chars)
}

/// Twilio's `Body`: the message as plain text, cut to 1,600 characters.
pub fn twilio_body(r: &Rendered) -> Part<String> {
    let f = truncate_to(&r.body_text(), TWILIO_LIMIT, Unit::Chars);
    Part::new("text", f.text, f.cut, "Twilio", TWILIO_LIMIT, Unit::Chars)
}

/// What an Alibaba `SendSms` call needs besides the phone and the parameters.
#[derive(Debug, Clone)]
pub struct Aliyun<'a> {
    pub api_base: &'a str,
    pub access_key_id: &'a str,
    pub access_key_secret: &'a str,
    pub region: &'a str,
    pub sign_name: &'a str,
}

/// How many numbers one `SendSms` call may carry in `PhoneNumbers` (Alibaba's documented maximum).
pub const ALIYUN_MAX_NUMBERS: usize = 1000;

/// `SendSms` as a signed GET to every number of `phones_e164` (comma-separated on the wire, at most
/// [`ALIYUN_MAX_NUMBERS`]); `template_param` is a JSON object whose values are strings.
pub fn aliyun_request(
    cfg: &Aliyun<'_>,
    template_code: &str,
    template_param: &serde_json::Value,
    phones_e164: &[&str],
    nonce: &str,
    timestamp: &str,
) -> HttpRequest {
    let phones = phones_e164
        .iter()
        .map(|p| aliyun_phone(p))
        .collect::<Vec<_>>()
        .join(",");
    let params: Vec<(String, String)> = [
        ("AccessKeyId", cfg.access_key_id),
        ("Action", "SendSms"),
        ("Format", "JSON"),
        ("PhoneNumbers", &phones),
        ("RegionId", cfg.region),
        ("SignName", cfg.sign_name),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", nonce),
        ("SignatureVersion", "1.0"),
        ("TemplateCode", template_code),
        ("TemplateParam", &template_param.to_string()),
        ("Timestamp", timestamp),
        ("Version", "2017-05-25"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let query = aliyun_canonical_query(&params);
    let signature = aliyun_signature(cfg.access_key_secret, &aliyun_string_to_sign("GET", &query));
    let url = format!(
        "{}/?Signature={}&{query}",
        cfg.api_base.trim_end_matches('/'),
        percent_encode_rfc3986(&signature)
    );
    HttpRequest::new(Method::Get, url)
}

/// Success iff `Code == "OK"`; the business throttle is worth retrying, other `isv.*` codes are not.
pub fn judge_aliyun(resp: &HttpResponse) -> Verdict {
    let status = judge_status(resp);
    let body = resp.json().unwrap_or_default();
    let code = body["Code"].as_str().unwrap_or_default();
    let message = body["Message"].as_str().unwrap_or_default().to_owned();
    match code {
        "OK" if status == Verdict::Delivered => Verdict::Delivered,
        "" => match status {
            Verdict::Delivered => {
                Verdict::permanent(resp.status.to_string(), "the answer has no Code")
            }
            other => other,
        },
        "isv.BUSINESS_LIMIT_CONTROL" | "ServiceUnavailable" | "InternalError" => {
            Verdict::retry(code, message, resp.retry_after())
        }
        c if c.starts_with("Throttling") => Verdict::retry(code, message, resp.retry_after()),
        _ => match status {
            Verdict::Retry(_) => Verdict::retry(code, message, resp.retry_after()),
            _ => Verdict::permanent(code, message),
        },
    }
}

/// A Twilio Messaging Service SID: `MG` and exactly 32 hex digits. Any other sender (a number, an
/// alphanumeric sender ID such as `MGMGrand`) is a `From`.
pub fn is_messaging_service_sid(from: &str) -> bool {
    from.strip_prefix("MG")
        .is_some_and(|rest| rest.len() == 32 && rest.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Twilio `Messages.json`: Basic auth, form body, success is 201.
pub fn twilio_request(
    api_base: &str,
    account_sid: &str,
    auth_token: &str,
    from: &str,
    to_e164: &str,
    body: &str,
) -> HttpRequest {
    let url = format!(
        "{}/2010-04-01/Accounts/{}/Messages.json",
        api_base.trim_end_matches('/'),
        percent_encode_rfc3986(account_sid)
    );
    let from_field = if is_messaging_service_sid(from) {
        "MessagingServiceSid"
    } else {
        "From"
    };
    let form = format!(
        "To={}&{from_field}={}&Body={}",
        percent_encode_rfc3986(to_e164),
        percent_encode_rfc3986(from),
        percent_encode_rfc3986(body)
    );
    let auth =
        base64::engine::general_purpose::STANDARD.encode(format!("{account_sid}:{auth_token}"));
    let mut req = HttpRequest::new(Method::Post, url)
        .header("Authorization", format!("Basic {auth}"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .secret_header("Authorization");
    req.body = form.into_bytes().into();
    req
}

pub fn judge_twilio(resp: &HttpResponse) -> Verdict {
    match judge_status(resp) {
        // Twilio answers a created message with 201; any other 2xx is not Twilio saying yes.
        Verdict::Delivered if resp.status == 201 => Verdict::Delivered,
        Verdict::Delivered => Verdict::permanent(
            resp.status.to_string(),
            format!(
                "unexpected answer: HTTP {} (Twilio answers 201)",
                resp.status
            ),
        ),
        verdict => {
            let body = resp.json().unwrap_or_default();
            let code = body["code"].as_i64().map(|c| c.to_string());
            let message = body["message"].as_str().map(str::to_owned);
            match verdict {
                Verdict::Retry(f) => Verdict::retry(
                    code.unwrap_or(f.code),
                    message.unwrap_or(f.message),
                    f.retry_after,
                ),
                Verdict::Permanent(f) => {
                    Verdict::permanent(code.unwrap_or(f.code), message.unwrap_or(f.message))
                }
                Verdict::Delivered => Verdict::Delivered,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format, Message};
    use crate::signing::aliyun_canonical_query;

    #[test]
    fn sms_text_is_plain_and_cut_in_characters() {
        let copy = |text: String| {
            let msg = Message::new(None, text, Format::Auto, Event::default());
            Rendered::new(&msg, None)
        };
        let part = aliyun_content(&copy("**数据**变更 [ok](https://x.example)".into()), "DMS");
        assert_eq!(part.value, "数据变更 ok (https://x.example)");
        assert_eq!(part.cut, None);
        // The sign name 阿里云 takes 3 + 2 characters of the 500: 495 remain.
        let part = aliyun_content(&copy("数据🚀".repeat(300)), "阿里云");
        assert_eq!(part.value.chars().count(), 495);
        assert!(part.value.ends_with('…'));
        assert_eq!(
            part.cut.as_deref(),
            Some("message cut to 495 characters (Alibaba SMS limit for text)")
        );
        let part = twilio_body(&copy("é".repeat(1601)));
        assert_eq!(part.value.chars().count(), 1600);
        assert!(part.cut.is_some());
        assert_eq!(twilio_body(&copy("é".repeat(1600))).cut, None);
    }

    #[test]
    fn aliyun_requests_carry_a_verifiable_signature() {
        let cfg = Aliyun {
            api_base: "https://dysmsapi.example",
            access_key_id: "testid",
            access_key_secret: "testsecret",
            region: "cn-hangzhou",
            sign_name: "DMS",
        };
        let req = aliyun_request(
            &cfg,
            "SMS_1",
            &serde_json::json!({"content": "a b*c~"}),
            &["+8613100000000"],
            "n-1",
            "2016-02-23T12:46:24Z",
        );
        let url = url::Url::parse(&req.url).expect("url");
        let mut params: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let signature = params
            .iter()
            .position(|(k, _)| k == "Signature")
            .map(|i| params.remove(i).1)
            .expect("signed");
        assert!(params.contains(&("PhoneNumbers".into(), "13100000000".into())));
        assert!(params.contains(&("TemplateParam".into(), r#"{"content":"a b*c~"}"#.into())));
        let expected = aliyun_signature(
            "testsecret",
            &aliyun_string_to_sign("GET", &aliyun_canonical_query(&params)),
        );
        assert_eq!(signature, expected);
        assert!(req.url.contains("%20") && req.url.contains("%2A") && !req.url.contains('+'));
        assert_eq!(aliyun_phone("+447400123456"), "447400123456");
    }

    #[test]
    fn only_mg_and_32_hex_digits_is_a_messaging_service() {
        assert!(is_messaging_service_sid(
            "MG0123456789abcdef0123456789ABCDEF"
        ));
        for from in [
            "MGMGrand",
            "MG0123456789abcdef0123456789abcde",
            "MG0123456789abcdef0123456789abcdef0",
            "MG0123456789abcdef0123456789abcdeg",
            "+15017122661",
        ] {
            assert!(!is_messaging_service_sid(from), "{from}");
        }
    }

    #[test]
    fn twilio_success_is_201_only() {
        let r = |status: u16, body: &str| HttpResponse {
            status,
            headers: vec![],
            body: body.as_bytes().to_vec(),
        };
        assert_eq!(
            judge_twilio(&r(201, r#"{"sid":"SM1"}"#)),
            Verdict::Delivered
        );
        assert!(matches!(judge_twilio(&r(200, "{}")), Verdict::Permanent(_)));
        assert!(
            matches!(judge_twilio(&r(429, r#"{"code":20429,"message":"Too Many Requests"}"#)), Verdict::Retry(f) if f.code == "20429")
        );
    }

    #[test]
    fn aliyun_answers() {
        let r = |body: &str| HttpResponse {
            status: 200,
            headers: vec![],
            body: body.as_bytes().to_vec(),
        };
        assert_eq!(judge_aliyun(&r(r#"{"Code":"OK"}"#)), Verdict::Delivered);
        assert!(matches!(
            judge_aliyun(&r(r#"{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"m"}"#)),
            Verdict::Retry(_)
        ));
        assert!(matches!(
            judge_aliyun(&r(r#"{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"m"}"#)),
            Verdict::Permanent(_)
        ));
    }
}

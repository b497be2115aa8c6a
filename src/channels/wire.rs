//! What a channel makes of an answer (a verdict). The plain request and response types live in the
//! transport and are re-exported here for the channel files.

use std::time::Duration;

pub use crate::transport::{HttpRequest, HttpResponse, Method};

/// Why an attempt did not deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The provider's own error code (or the HTTP status, or a transport error name).
    pub code: String,
    pub message: String,
    pub retry_after: Option<Duration>,
}

impl Failure {
    /// Why, in words (a report row's and the log's `reason`); `message` stays what the vendor or the
    /// transport said. Where there are no better words, the message itself.
    pub fn reason(&self) -> String {
        super::reason::explain(&self.code, &self.message).unwrap_or_else(|| self.message.clone())
    }
}

/// What an answer means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Delivered,
    /// Worth another attempt (rate limits, busy, 5xx, broken connections).
    Retry(Failure),
    /// Will not succeed by trying again.
    Permanent(Failure),
}

impl Verdict {
    pub fn retry(
        code: impl Into<String>,
        message: impl Into<String>,
        after: Option<Duration>,
    ) -> Self {
        Verdict::Retry(Failure {
            code: code.into(),
            message: message.into(),
            retry_after: after,
        })
    }
    pub fn permanent(code: impl Into<String>, message: impl Into<String>) -> Self {
        Verdict::Permanent(Failure {
            code: code.into(),
            message: message.into(),
            retry_after: None,
        })
    }
}

/// The generic HTTP reading: 2xx delivered; 408, 429 and 5xx retryable; other statuses permanent.
/// The code is the status; the message is what the endpoint said (its body, else the status's name),
/// so that the status is not said twice.
pub fn judge_status(resp: &HttpResponse) -> Verdict {
    let said = || {
        let body = resp.short_body();
        if body.is_empty() {
            status_name(resp.status)
        } else {
            body
        }
    };
    match resp.status {
        200..=299 => Verdict::Delivered,
        408 | 429 | 500..=599 => {
            Verdict::retry(resp.status.to_string(), said(), resp.retry_after())
        }
        s => Verdict::permanent(s.to_string(), said()),
    }
}

/// The standard name of an HTTP status (`Unauthorized`), or `HTTP <status>` for one without a name.
fn status_name(status: u16) -> String {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map_or_else(|| format!("HTTP {status}"), str::to_owned)
}

/// Reads `{"<code_field>": N, "<msg_field>": "..."}` answers (DingTalk, WeCom, Feishu): success iff the
/// code is 0; codes in `retryable` (and HTTP 429/5xx) are worth retrying.
pub fn judge_code(
    resp: &HttpResponse,
    code_field: &str,
    msg_field: &str,
    retryable: &[i64],
) -> Verdict {
    let status = judge_status(resp);
    let Some(body) = resp.json() else {
        return match status {
            Verdict::Delivered => Verdict::permanent(
                resp.status.to_string(),
                format!("unexpected answer: {}", resp.short_body()),
            ),
            other => other,
        };
    };
    let code = body.get(code_field).and_then(serde_json::Value::as_i64);
    let message = body
        .get(msg_field)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned();
    match code {
        Some(0) if matches!(status, Verdict::Delivered) => Verdict::Delivered,
        Some(code) if retryable.contains(&code) => {
            Verdict::retry(code.to_string(), message, resp.retry_after())
        }
        Some(code) if code != 0 => match status {
            Verdict::Retry(_) => Verdict::retry(code.to_string(), message, resp.retry_after()),
            _ => Verdict::permanent(code.to_string(), message),
        },
        _ => match status {
            Verdict::Delivered => Verdict::permanent(
                resp.status.to_string(),
                format!("no `{code_field}` in the answer: {}", resp.short_body()),
            ),
            other => other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![("Retry-After".into(), "7".into())],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_200_with_an_error_code_is_not_success() {
        let v = judge_code(
            &resp(200, r#"{"errcode":310000,"errmsg":"sign not match"}"#),
            "errcode",
            "errmsg",
            &[130101],
        );
        assert_eq!(v, Verdict::permanent("310000", "sign not match"));
        let v = judge_code(
            &resp(200, r#"{"errcode":130101,"errmsg":"send too fast"}"#),
            "errcode",
            "errmsg",
            &[130101],
        );
        assert_eq!(
            v,
            Verdict::retry("130101", "send too fast", Some(Duration::from_secs(7)))
        );
        assert_eq!(
            judge_code(&resp(200, r#"{"errcode":0}"#), "errcode", "errmsg", &[]),
            Verdict::Delivered
        );
        assert!(matches!(
            judge_code(&resp(200, "<html>"), "errcode", "errmsg", &[]),
            Verdict::Permanent(_)
        ));
        assert!(matches!(
            judge_code(&resp(503, "busy"), "errcode", "errmsg", &[]),
            Verdict::Retry(_)
        ));
    }

    #[test]
    fn the_status_is_said_once_and_the_reason_in_words() {
        let v = judge_status(&resp(401, ""));
        assert_eq!(v, Verdict::permanent("401", "Unauthorized"));
        let Verdict::Permanent(f) = v else { return };
        assert_eq!(f.reason(), "the endpoint refused the credentials");
        assert_eq!(
            judge_status(&resp(404, "no such hook")),
            Verdict::permanent("404", "no such hook")
        );
        let v = judge_code(
            &resp(
                200,
                r#"{"errcode":310000,"errmsg":"keywords not in content"}"#,
            ),
            "errcode",
            "errmsg",
            &[],
        );
        let Verdict::Permanent(f) = v else {
            panic!("{v:?}")
        };
        assert_eq!(f.message, "keywords not in content");
        assert_eq!(
            f.reason(),
            "the robot refused the message: its keyword is not in the text"
        );
    }

    #[test]
    fn statuses_split_into_retryable_and_permanent() {
        assert!(matches!(judge_status(&resp(429, "")), Verdict::Retry(_)));
        assert!(matches!(judge_status(&resp(408, "")), Verdict::Retry(_)));
        assert!(matches!(
            judge_status(&resp(404, "")),
            Verdict::Permanent(_)
        ));
        assert_eq!(judge_status(&resp(204, "")), Verdict::Delivered);
    }
}

//! What a channel hands the transport (an HTTP request) and what it makes of the answer (a verdict).

use std::time::Duration;

use crate::values::mask_url_tokens;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A request exactly as it goes on the wire (the body is the signed bytes).
#[derive(Debug, Clone)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Header names whose values are credentials (masked in a dry run).
    pub secret_headers: Vec<&'static str>,
    /// Top-level fields of a JSON body whose values are credentials (masked in a dry run).
    pub secret_fields: Vec<&'static str>,
}

impl HttpRequest {
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        HttpRequest {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
            secret_headers: Vec::new(),
            secret_fields: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn json(mut self, body: &serde_json::Value) -> Self {
        self.body = serde_json::to_vec(body).unwrap_or_default();
        self.header("Content-Type", "application/json; charset=utf-8")
    }

    /// Marks a header whose value is a credential.
    pub fn secret_header(mut self, name: &'static str) -> Self {
        self.secret_headers.push(name);
        self
    }

    /// Marks a JSON body field whose value is a credential.
    pub fn secret_field(mut self, name: &'static str) -> Self {
        self.secret_fields.push(name);
        self
    }

    /// The request as a dry run prints it: method, URL, headers and body exactly as sent, except that
    /// credentials (token query parameters, marked headers, marked JSON fields) read `****`. Secrets that
    /// only key a signature never appear on the wire, so there is nothing else to hide.
    pub fn render_masked(&self) -> String {
        let mut out = format!("{} {}\n", self.method.as_str(), mask_url_tokens(&self.url));
        for (name, value) in &self.headers {
            let secret = self
                .secret_headers
                .iter()
                .any(|h| h.eq_ignore_ascii_case(name));
            out.push_str(&format!(
                "{name}: {}\n",
                if secret { "****" } else { value }
            ));
        }
        if !self.body.is_empty() {
            out.push('\n');
            out.push_str(&self.masked_body());
            out.push('\n');
        }
        out
    }

    fn masked_body(&self) -> String {
        if !self.secret_fields.is_empty()
            && let Ok(serde_json::Value::Object(mut map)) = serde_json::from_slice(&self.body)
        {
            for field in &self.secret_fields {
                if let Some(v) = map.get_mut(*field) {
                    *v = serde_json::Value::from("****");
                }
            }
            return serde_json::Value::Object(map).to_string();
        }
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// An HTTP answer.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// `Retry-After` in seconds or as an HTTP date.
    pub fn retry_after(&self) -> Option<Duration> {
        let value = self.header("Retry-After")?.trim();
        if let Ok(secs) = value.parse::<u64>() {
            return Some(Duration::from_secs(secs));
        }
        let when = httpdate::parse_http_date(value).ok()?;
        Some(
            when.duration_since(std::time::SystemTime::now())
                .unwrap_or_default(),
        )
    }

    fn short_body(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let text = text.trim();
        if text.chars().count() > 200 {
            format!("{}...", text.chars().take(200).collect::<String>())
        } else {
            text.to_owned()
        }
    }
}

/// Why an attempt did not deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The provider's own error code (or the HTTP status, or a transport error name).
    pub code: String,
    pub message: String,
    pub retry_after: Option<Duration>,
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
pub fn judge_status(resp: &HttpResponse) -> Verdict {
    match resp.status {
        200..=299 => Verdict::Delivered,
        408 | 429 | 500..=599 => Verdict::retry(
            resp.status.to_string(),
            format!("HTTP {}: {}", resp.status, resp.short_body()),
            resp.retry_after(),
        ),
        s => Verdict::permanent(s.to_string(), format!("HTTP {s}: {}", resp.short_body())),
    }
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
    fn statuses_split_into_retryable_and_permanent() {
        assert!(matches!(judge_status(&resp(429, "")), Verdict::Retry(_)));
        assert!(matches!(judge_status(&resp(408, "")), Verdict::Retry(_)));
        assert!(matches!(
            judge_status(&resp(404, "")),
            Verdict::Permanent(_)
        ));
        assert_eq!(judge_status(&resp(204, "")), Verdict::Delivered);
    }

    #[test]
    fn dry_runs_mask_credentials_and_keep_the_rest_byte_for_byte() {
        let req = HttpRequest::new(
            Method::Post,
            "https://x.example/gettoken?appkey=k&appsecret=s3cret&sign=a%2Bb%3D",
        )
        .header("Authorization", "Bearer t-123")
        .header("DMS-Event", "Message Hook")
        .secret_header("Authorization")
        .json(&serde_json::json!({"app_secret": "s3cret", "taskId": "k"}))
        .secret_field("app_secret");
        let text = req.render_masked();
        assert!(
            !text.contains("s3cret") && !text.contains("t-123"),
            "{text}"
        );
        assert!(
            text.contains("appkey=k&appsecret=****&sign=a%2Bb%3D"),
            "{text}"
        );
        assert!(text.contains("DMS-Event: Message Hook"), "{text}");
        assert!(
            text.contains(r#"{"app_secret":"****","taskId":"k"}"#),
            "{text}"
        );
    }
}

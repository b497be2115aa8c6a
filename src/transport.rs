//! The only code that opens sockets, behind the [`Transport`] trait the delivery engine is given: one
//! reqwest client (rustls, connection reuse) per set of trusted roots for HTTP, and lettre for SMTP.
//! Above it everything deals in [`HttpRequest`], [`HttpResponse`] and [`SendError`]; what an answer
//! means is for `channels` to judge. Private CAs (a destination's `ca_file`, `NOTIFY_CA_FILE` for all)
//! are trusted in addition to the platform's roots, never instead of them.

mod net;
pub mod probe;

use std::fmt;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;

pub use net::{Net, tls_client_config, trust_everywhere};

pub use crate::values::SmtpSecurity;
use crate::values::{Revealed, mask_url_tokens};

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
#[derive(Clone)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    /// Header names whose values are credentials (masked in a dry run).
    pub secret_headers: Vec<&'static str>,
    /// Top-level fields of a JSON body whose values are credentials (masked in a dry run).
    pub secret_fields: Vec<&'static str>,
    /// CA certificates (a PEM file) trusted for this request besides the platform's roots.
    pub ca_file: Option<PathBuf>,
}

/// Shows the masked rendering: URLs, headers and bodies can carry credentials.
impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_masked(f)
    }
}

impl HttpRequest {
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        HttpRequest {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: Bytes::new(),
            secret_headers: Vec::new(),
            secret_fields: Vec::new(),
            ca_file: None,
        }
    }

    /// Trusts the CA certificates of a PEM file for this request (none: the platform's roots only).
    pub fn ca_file(mut self, ca_file: Option<&std::path::Path>) -> Self {
        self.ca_file = ca_file.map(std::path::Path::to_path_buf);
        self
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn json(mut self, body: &serde_json::Value) -> Self {
        self.body = serde_json::to_vec(body).unwrap_or_default().into();
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
        let mut out = String::new();
        let _ = self.write_masked(&mut out);
        out
    }

    /// [`render_masked`](Self::render_masked) written straight to `out`: a large body is not copied.
    pub fn write_masked(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        writeln!(
            out,
            "{} {}",
            self.method.as_str(),
            mask_url_tokens(&self.url)
        )?;
        for (name, value) in &self.headers {
            let secret = self
                .secret_headers
                .iter()
                .any(|h| h.eq_ignore_ascii_case(name));
            writeln!(out, "{name}: {}", if secret { "****" } else { value })?;
        }
        if self.body.is_empty() {
            return Ok(());
        }
        out.write_char('\n')?;
        if !self.secret_fields.is_empty()
            && let Ok(serde_json::Value::Object(mut map)) = serde_json::from_slice(&self.body)
        {
            for field in &self.secret_fields {
                if let Some(v) = map.get_mut(*field) {
                    *v = serde_json::Value::from("****");
                }
            }
            out.write_str(&serde_json::Value::Object(map).to_string())?;
        } else {
            // Checked strictly first: `from_utf8_lossy` walks even a valid body chunk by chunk, and a
            // dry run's webhook bodies are hundreds of kilobytes each.
            match std::str::from_utf8(&self.body) {
                Ok(text) => out.write_str(text)?,
                Err(_) => out.write_str(&String::from_utf8_lossy(&self.body))?,
            }
        }
        out.write_char('\n')
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

    /// `Retry-After` in seconds or as an HTTP date, at most an hour (a larger value cannot be waited out
    /// within any deadline, and an absurd one must not overflow the clock).
    pub fn retry_after(&self) -> Option<Duration> {
        const MAX: Duration = Duration::from_secs(3600);
        let value = self.header("Retry-After")?.trim();
        if let Ok(secs) = value.parse::<u64>() {
            return Some(Duration::from_secs(secs).min(MAX));
        }
        let when = httpdate::parse_http_date(value).ok()?;
        Some(
            when.duration_since(std::time::SystemTime::now())
                .unwrap_or_default()
                .min(MAX),
        )
    }

    /// The body for an error message: trimmed, at most 200 characters.
    pub fn short_body(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let text = text.trim();
        if text.chars().count() > 200 {
            format!("{}...", text.chars().take(200).collect::<String>())
        } else {
            text.to_owned()
        }
    }
}

/// Why an exchange produced no answer. The split matters for retries: a request that provably never
/// left may always be sent again; one that left may have been acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Nothing was sent: DNS, connect refused or timed out, TLS handshake.
    NotSent { code: String, message: String },
    /// The request went out and no answer came: read timeout, connection reset.
    NoAnswer { code: String, message: String },
    /// An SMTP server answered with a refusal (4xx transient, 5xx permanent).
    Refused {
        code: String,
        message: String,
        permanent: bool,
    },
}

impl SendError {
    /// What happened, for a report row.
    pub fn message(&self) -> &str {
        match self {
            SendError::NotSent { message, .. }
            | SendError::NoAnswer { message, .. }
            | SendError::Refused { message, .. } => message,
        }
    }
}

/// SMTP settings resolved from the `smtp` provider. `Debug` never shows the password.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<Revealed>,
    pub from: String,
    /// CA certificates (a PEM file) trusted for the TLS connection besides the platform's roots.
    pub ca_file: Option<PathBuf>,
}

/// A boxed future, so that the engine can hold any transport behind `dyn`.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What the delivery engine needs from the network. Tests inject a fake.
pub trait Transport: Send + Sync {
    /// One HTTP exchange under `timeout`.
    fn send<'a>(
        &'a self,
        req: &'a HttpRequest,
        timeout: Duration,
    ) -> Pending<'a, Result<HttpResponse, SendError>>;

    /// One mail through the SMTP server under `timeout`.
    fn send_mail<'a>(
        &'a self,
        smtp: &'a SmtpSettings,
        mail: lettre::Message,
        timeout: Duration,
    ) -> Pending<'a, Result<(), SendError>>;
}

/// The one async runtime builder of the crate (single-threaded: a run is I/O bound).
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            crate::error::Error::failure("cannot start the async runtime")
                .caused_by(e)
                .into()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_capped_at_an_hour() {
        let answer = |value: &str| HttpResponse {
            status: 429,
            headers: vec![("retry-after".into(), value.into())],
            body: Vec::new(),
        };
        let hour = Duration::from_secs(3600);
        assert_eq!(answer("7").retry_after(), Some(Duration::from_secs(7)));
        assert_eq!(answer("18446744073709551615").retry_after(), Some(hour));
        assert_eq!(
            answer("Fri, 31 Dec 9999 23:59:59 GMT").retry_after(),
            Some(hour)
        );
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
        assert_eq!(format!("{req:?}"), text);
    }
}

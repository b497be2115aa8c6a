//! The only code that opens sockets, behind the [`Transport`] trait the delivery engine is given: one
//! reqwest client (rustls, connection reuse) for HTTP and lettre for SMTP. Above it everything deals in
//! [`HttpRequest`], [`HttpResponse`] and [`SendError`]; what an answer means is for `channels` to judge.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::sync::Once;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

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
    pub body: Vec<u8>,
    /// Header names whose values are credentials (masked in a dry run).
    pub secret_headers: Vec<&'static str>,
    /// Top-level fields of a JSON body whose values are credentials (masked in a dry run).
    pub secret_fields: Vec<&'static str>,
}

/// Shows the masked rendering: URLs, headers and bodies can carry credentials.
impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_masked())
    }
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

/// SMTP connection security, parsed when the settings are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Implicit TLS (port 465).
    Tls,
    /// Plain connect, then STARTTLS (required).
    Starttls,
    /// No encryption at all: only when asked for by name.
    None,
}

impl SmtpSecurity {
    pub fn as_str(self) -> &'static str {
        match self {
            SmtpSecurity::Tls => "tls",
            SmtpSecurity::Starttls => "starttls",
            SmtpSecurity::None => "none",
        }
    }
}

impl fmt::Display for SmtpSecurity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SmtpSecurity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tls" => Ok(SmtpSecurity::Tls),
            "starttls" => Ok(SmtpSecurity::Starttls),
            "none" => Ok(SmtpSecurity::None),
            _ => Err(format!(
                "invalid SMTP security {s:?}: expected tls, starttls or none"
            )),
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

static CRYPTO: Once = Once::new();

/// rustls needs a process-wide crypto provider before any client is built.
fn install_crypto() {
    CRYPTO.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
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

/// The real network: reqwest for HTTP, lettre for SMTP.
#[derive(Debug, Clone)]
pub struct Net {
    client: reqwest::Client,
}

impl Net {
    pub fn new() -> anyhow::Result<Self> {
        install_crypto();
        let client = reqwest::Client::builder()
            .user_agent(concat!("notify/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .pool_idle_timeout(Duration::from_secs(30))
            // A redirect is not a delivery: following it would turn a POST into a GET elsewhere and
            // could report success for a message nobody received (and carry tokens to another host).
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| anyhow::anyhow!("cannot set up the HTTP client: {e}"))?;
        Ok(Net { client })
    }

    async fn exchange(
        &self,
        req: &HttpRequest,
        timeout: Duration,
    ) -> Result<HttpResponse, SendError> {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let mut builder = self.client.request(method, &req.url).timeout(timeout);
        for (name, value) in &req.headers {
            builder = builder.header(name, value);
        }
        if req.method == Method::Post {
            builder = builder.body(req.body.clone());
        }
        let resp = builder.send().await.map_err(http_failure)?;
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = resp.bytes().await.map_err(http_failure)?.to_vec();
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }

    async fn mail(
        &self,
        cfg: &SmtpSettings,
        mail: lettre::Message,
        timeout: Duration,
    ) -> Result<(), SendError> {
        install_crypto();
        let not_sent = |e: lettre::transport::smtp::Error| SendError::NotSent {
            code: "smtp".into(),
            message: format!("cannot set up SMTP to {}: {e}", cfg.host),
        };
        let builder = match cfg.security {
            SmtpSecurity::Tls => {
                AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.host).map_err(not_sent)?
            }
            SmtpSecurity::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.host).map_err(not_sent)?
            }
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host)
            }
        };
        let mut builder = builder.port(cfg.port).timeout(Some(timeout));
        if let Some(user) = &cfg.username {
            let password = cfg.password.as_ref().map(Revealed::expose).unwrap_or("");
            builder = builder.credentials(Credentials::new(user.clone(), password.to_owned()));
        }
        match builder.build().send(mail).await {
            Ok(_) => Ok(()),
            Err(e) => Err(mail_failure(&e)),
        }
    }
}

impl Transport for Net {
    fn send<'a>(
        &'a self,
        req: &'a HttpRequest,
        timeout: Duration,
    ) -> Pending<'a, Result<HttpResponse, SendError>> {
        Box::pin(self.exchange(req, timeout))
    }

    fn send_mail<'a>(
        &'a self,
        smtp: &'a SmtpSettings,
        mail: lettre::Message,
        timeout: Duration,
    ) -> Pending<'a, Result<(), SendError>> {
        Box::pin(self.mail(smtp, mail, timeout))
    }
}

/// Connect errors (DNS, refused, connect timeout, TLS handshake) happen before a byte of the request
/// is written; anything later means the request may have arrived.
fn http_failure(e: reqwest::Error) -> SendError {
    let code = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "connection"
    };
    let sent = !e.is_connect() && !e.is_builder();
    // reqwest's messages can carry the URL, and URLs can carry tokens: keep only the cause.
    // The outer layers only say "error sending request" / "client error (Connect)": keep the causes.
    let e = e.without_url();
    let mut parts: Vec<String> = Vec::new();
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(s) = source {
        let text = s.to_string();
        let generic = text.starts_with("error sending request") || text.starts_with("client error");
        if !generic && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    let message = if parts.is_empty() {
        e.to_string()
    } else {
        parts.join(": ")
    };
    let code = code.to_owned();
    if sent {
        SendError::NoAnswer { code, message }
    } else {
        SendError::NotSent { code, message }
    }
}

/// lettre reports connection-stage failures (resolve, connect, TLS, STARTTLS) as "Connection error", a
/// TLS error or a client error, before any command carrying the mail; SMTP replies are refusals; the
/// rest (a network error or timeout mid-session) leaves the outcome unknown.
fn mail_failure(e: &lettre::transport::smtp::Error) -> SendError {
    let message = e.to_string();
    let code = e
        .status()
        .map_or_else(|| "smtp".to_owned(), |c| c.to_string());
    if e.is_permanent() || e.is_transient() {
        SendError::Refused {
            code,
            message,
            permanent: e.is_permanent(),
        }
    } else if e.is_tls() || e.is_client() || message.starts_with("Connection error") {
        SendError::NotSent { code, message }
    } else {
        let code = if e.is_timeout() {
            "timeout".into()
        } else {
            code
        };
        SendError::NoAnswer { code, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn smtp_security_has_three_spellings_and_no_fallback() {
        assert_eq!("TLS".parse(), Ok(SmtpSecurity::Tls));
        assert_eq!("starttls".parse(), Ok(SmtpSecurity::Starttls));
        assert_eq!("none".parse(), Ok(SmtpSecurity::None));
        assert!("ssl".parse::<SmtpSecurity>().is_err());
        assert!("".parse::<SmtpSecurity>().is_err());
    }
}

//! The only code that opens sockets: one reqwest client (rustls, connection reuse) for HTTP and lettre
//! for SMTP. Everything above it deals in `HttpRequest`, `HttpResponse` and `Verdict`.

use std::sync::Once;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::channels::wire::{HttpRequest, HttpResponse, Method, Verdict};

static CRYPTO: Once = Once::new();

/// rustls needs a process-wide crypto provider before any client is built.
fn install_crypto() {
    CRYPTO.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

#[derive(Debug, Clone)]
pub struct Http {
    client: reqwest::Client,
}

impl Http {
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
        Ok(Http { client })
    }

    /// One attempt: a transport failure (refused, reset, timed out) is a retryable verdict.
    pub async fn send(
        &self,
        req: &HttpRequest,
        timeout: Duration,
    ) -> Result<HttpResponse, Verdict> {
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
        let resp = builder.send().await.map_err(transport_failure)?;
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
        let body = resp.bytes().await.map_err(transport_failure)?.to_vec();
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

fn transport_failure(e: reqwest::Error) -> Verdict {
    let code = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "connection"
    };
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
    Verdict::retry(code, message, None)
}

/// SMTP settings resolved from the `smtp` provider.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: String,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
}

/// Sends one mail; transient SMTP replies and connection failures are retryable.
pub async fn send_mail(
    cfg: &SmtpSettings,
    mail: lettre::Message,
    timeout: Duration,
) -> Result<(), Verdict> {
    install_crypto();
    let builder = match cfg.security.as_str() {
        "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(&cfg.host),
        "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&cfg.host),
        _ => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
            &cfg.host,
        )),
    }
    .map_err(|e| Verdict::permanent("smtp", format!("cannot set up SMTP to {}: {e}", cfg.host)))?;
    let mut builder = builder.port(cfg.port).timeout(Some(timeout));
    if let Some(user) = &cfg.username {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            cfg.password.clone().unwrap_or_default(),
        ));
    }
    let transport = builder.build();
    match transport.send(mail).await {
        Ok(_) => Ok(()),
        Err(e) => {
            let code = e
                .status()
                .map_or_else(|| "smtp".to_owned(), |c| c.to_string());
            let message = e.to_string();
            if e.is_permanent() {
                Err(Verdict::permanent(code, message))
            } else {
                Err(Verdict::retry(code, message, None))
            }
        }
    }
}

//! The real network: one reqwest client per set of trusted roots (cached, so connections are reused)
//! and one pooled lettre transport per SMTP server and login (at most 10 connections each, reused for
//! many messages), with the platform's roots plus any private CA; transport errors sorted by whether
//! the request left.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Once, OnceLock};
use std::time::Duration;

use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use rustls::pki_types::CertificateDer;
use tokio::sync::Semaphore;

use super::{
    HttpRequest, HttpResponse, Method, Pending, SendError, SmtpSecurity, SmtpSettings, Transport,
};
use crate::signing::{hex_encode, hmac_sha256};
use crate::values::{Revealed, load_ca_file};

/// Most connections kept open to one SMTP server: enough to keep a large send busy, few enough that
/// a relay does not take it for abuse.
pub const SMTP_POOL_SIZE: u32 = 10;

static CRYPTO: Once = Once::new();

/// rustls needs a process-wide crypto provider before any client is built.
pub(super) fn install_crypto() {
    CRYPTO.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

static EVERYWHERE: OnceLock<PathBuf> = OnceLock::new();

/// Trusts the CA certificates of a PEM file for every connection of this process (`NOTIFY_CA_FILE`),
/// besides the platform's roots and each destination's own `ca_file`. Set once, before any send.
pub fn trust_everywhere(ca_file: PathBuf) {
    let _ = EVERYWHERE.set(ca_file);
}

/// The extra roots of a connection: the process-wide CA file and the destination's, in that order.
pub(super) fn extra_roots(ca_file: Option<&Path>) -> Result<Vec<CertificateDer<'static>>, String> {
    let mut roots = Vec::new();
    for path in EVERYWHERE
        .get()
        .map(PathBuf::as_path)
        .into_iter()
        .chain(ca_file)
    {
        roots.extend(load_ca_file(path)?);
    }
    Ok(roots)
}

/// A TLS client configuration for a connection outside reqwest and lettre (the PostgreSQL log): the
/// platform's roots and the extra ones, checked by the platform's verifier, on ring.
pub fn tls_client_config(ca_file: Option<&Path>) -> Result<rustls::ClientConfig, String> {
    install_crypto();
    let roots = extra_roots(ca_file)?;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let verifier = rustls_platform_verifier::Verifier::new_with_extra_roots(
        roots,
        std::sync::Arc::clone(&provider),
    )
    .map_err(|e| format!("cannot set up TLS: {e}"))?;
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .dangerous()
        .with_custom_certificate_verifier(std::sync::Arc::new(verifier))
        .with_no_client_auth())
}

/// A failure to set up the connection (a CA file that went missing, say): nothing was sent.
fn not_sent(code: &str, message: String) -> SendError {
    SendError::NotSent {
        code: code.into(),
        message,
    }
}

/// The real network: reqwest for HTTP, lettre for SMTP.
#[derive(Debug, Default)]
pub struct Net {
    /// One HTTP client per destination CA file (None: the process-wide roots only), built on first use
    /// and kept so that connections are reused.
    clients: Mutex<HashMap<Option<PathBuf>, reqwest::Client>>,
    /// One pooled SMTP transport per server, login, security, CA file and timeout, built on first use,
    /// with the permits that keep its connections at [`SMTP_POOL_SIZE`] (lettre's pool bounds only the
    /// idle ones).
    mailers: Mutex<HashMap<String, Mailer>>,
    /// How long a TCP/TLS connect may take; kept below the attempt's timeout so that a host that never
    /// answers the connect is reported as "not sent" (retryable everywhere: nothing reached the vendor) rather
    /// than as a request that went out. None: [`CONNECT_TIMEOUT`].
    connect_timeout: Option<Duration>,
}

/// The longest a connect may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

type Mailer = (AsyncSmtpTransport<Tokio1Executor>, Arc<Semaphore>);

impl Net {
    pub fn new() -> anyhow::Result<Self> {
        Net::for_attempts_of(CONNECT_TIMEOUT * 2)
    }

    /// A network whose connects give up after half of `attempt` (at most 5 s), so that the attempt's own
    /// timeout only ever fires once the request could have gone out.
    pub fn for_attempts_of(attempt: Duration) -> anyhow::Result<Self> {
        let net = Net {
            connect_timeout: Some((attempt / 2).clamp(Duration::from_millis(50), CONNECT_TIMEOUT)),
            ..Net::default()
        };
        // Fail early (before any destination is attempted) when the HTTP client cannot exist at all.
        net.client(None)
            .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
        Ok(net)
    }

    /// The client that trusts `ca_file` (and `NOTIFY_CA_FILE`) besides the platform's roots.
    fn client(&self, ca_file: Option<&Path>) -> Result<reqwest::Client, SendError> {
        let key = ca_file.map(Path::to_path_buf);
        let mut clients = self.clients.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(client) = clients.get(&key) {
            return Ok(client.clone());
        }
        install_crypto();
        let roots = extra_roots(ca_file).map_err(|e| not_sent("tls", e))?;
        let certs = roots
            .iter()
            .map(|der| reqwest::Certificate::from_der(der))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| not_sent("tls", format!("cannot use the CA certificates: {e}")))?;
        let client = reqwest::Client::builder()
            .user_agent(concat!("notify/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(self.connect_timeout.unwrap_or(CONNECT_TIMEOUT))
            .pool_idle_timeout(Duration::from_secs(30))
            // A redirect is not a delivery: following it would turn a POST into a GET elsewhere and
            // could report success for a message nobody received (and carry tokens to another host).
            .redirect(reqwest::redirect::Policy::none())
            .tls_certs_merge(certs)
            .build()
            .map_err(|e| not_sent("tls", format!("cannot set up the HTTP client: {e}")))?;
        clients.insert(key, client.clone());
        Ok(client)
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
        let client = self.client(req.ca_file.as_deref())?;
        let mut builder = client.request(method, &req.url).timeout(timeout);
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
        // Vendors answer with a few hundred bytes: keep at most 1 MiB of an answer, so a faulty or hostile
        // endpoint cannot exhaust memory (a cut answer reads as an unexpected one).
        const MAX_ANSWER: usize = 1024 * 1024;
        let mut resp = resp;
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(http_failure)? {
            let room = MAX_ANSWER - body.len();
            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if chunk.len() >= room {
                break;
            }
        }
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }

    /// The pooled transport for `cfg`: messages to one server share its connections.
    fn mailer(&self, cfg: &SmtpSettings, timeout: Duration) -> Result<Mailer, SendError> {
        let password = cfg
            .password
            .as_ref()
            .map(|p| hex_encode(&hmac_sha256(b"notify smtp pool", p.expose().as_bytes())));
        let key = format!(
            "{}|{}|{}|{:?}|{password:?}|{:?}|{}",
            cfg.host,
            cfg.port,
            cfg.security,
            cfg.username,
            cfg.ca_file,
            timeout.as_millis()
        );
        let mut mailers = self.mailers.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(mailer) = mailers.get(&key) {
            return Ok(mailer.clone());
        }
        install_crypto();
        let tls = match cfg.security {
            SmtpSecurity::None => Tls::None,
            SmtpSecurity::Tls => Tls::Wrapper(smtp_tls(cfg)?),
            SmtpSecurity::Starttls => Tls::Required(smtp_tls(cfg)?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&cfg.host)
            .tls(tls)
            .port(cfg.port)
            .timeout(Some(timeout))
            .pool_config(PoolConfig::new().max_size(SMTP_POOL_SIZE));
        if let Some(user) = &cfg.username {
            let password = cfg.password.as_ref().map(Revealed::expose).unwrap_or("");
            builder = builder.credentials(Credentials::new(user.clone(), password.to_owned()));
        }
        let mailer = (
            builder.build(),
            Arc::new(Semaphore::new(SMTP_POOL_SIZE as usize)),
        );
        mailers.insert(key, mailer.clone());
        Ok(mailer)
    }

    async fn mail(
        &self,
        cfg: &SmtpSettings,
        mail: lettre::Message,
        timeout: Duration,
    ) -> Result<(), SendError> {
        let (mailer, connections) = self.mailer(cfg, timeout)?;
        let busy = || {
            let message = format!("all connections to {} stayed busy", cfg.host);
            not_sent("smtp_busy", message)
        };
        let _permit = tokio::time::timeout(timeout, connections.acquire_owned())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        match mailer.send(mail).await {
            Ok(_) => Ok(()),
            Err(e) => Err(mail_failure(&e)),
        }
    }
}

/// TLS towards the SMTP server: its host name checked against the platform's roots and the extra ones.
pub(super) fn smtp_tls(cfg: &SmtpSettings) -> Result<TlsParameters, SendError> {
    let setup = |e: String| not_sent("smtp", format!("cannot set up SMTP to {}: {e}", cfg.host));
    let mut params = TlsParameters::builder(cfg.host.clone());
    for der in extra_roots(cfg.ca_file.as_deref()).map_err(setup)? {
        let cert = Certificate::from_der(der.to_vec()).map_err(|e| setup(e.to_string()))?;
        params = params.add_root_certificate(cert);
    }
    params.build().map_err(|e| setup(e.to_string()))
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
    fn one_http_client_per_ca_file_is_built_once_and_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ca = dir.path().join("ca.pem");
        let cert = rcgen::generate_simple_self_signed(vec!["ca.test".to_owned()]).expect("cert");
        std::fs::write(&ca, cert.cert.pem()).expect("write");
        let net = Net::new().expect("client");
        net.client(None).expect("client");
        net.client(Some(&ca)).expect("client with a CA");
        net.client(Some(&ca)).expect("client with a CA");
        assert_eq!(net.clients.lock().expect("lock").len(), 2);

        let err = net.client(Some(&dir.path().join("gone.pem"))).unwrap_err();
        assert!(
            matches!(&err, SendError::NotSent { code, .. } if code == "tls"),
            "{err:?}"
        );
        assert!(
            err.message().starts_with("cannot read the CA file"),
            "{err:?}"
        );
    }
}

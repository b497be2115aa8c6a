//! Probes for `notify doctor`: reach a server the way a delivery would (TCP, TLS handshake, an SMTP login)
//! and stop there, so that nothing is ever sent. Each probe runs under its caller's timeout.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::extension::ClientId;
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;

use super::net::{extra_roots, install_crypto, smtp_tls};
use super::{SmtpSecurity, SmtpSettings};
use crate::values::Revealed;

/// Connects to `host:port` and, with `tls`, completes a TLS handshake that checks the certificate
/// against the platform's roots and the extra ones (`NOTIFY_CA_FILE`, `ca_file`); then hangs up.
pub async fn handshake(
    host: &str,
    port: u16,
    tls: bool,
    ca_file: Option<&Path>,
    timeout: Duration,
) -> Result<(), String> {
    let work = async {
        let tcp = TcpStream::connect((host, port))
            .await
            .map_err(|e| format!("cannot connect to {host}:{port}: {e}"))?;
        if !tls {
            return Ok(());
        }
        install_crypto();
        let roots = extra_roots(ca_file)?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier =
            rustls_platform_verifier::Verifier::new_with_extra_roots(roots, Arc::clone(&provider))
                .map_err(|e| format!("cannot set up TLS: {e}"))?;
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("cannot set up TLS: {e}"))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        let name = ServerName::try_from(host.to_owned())
            .map_err(|e| format!("`{host}` is not a valid TLS server name: {e}"))?;
        let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
        let mut stream = connector
            .connect(name, tcp)
            .await
            .map_err(|e| format!("the TLS handshake with {host}:{port} failed: {e}"))?;
        let _ = tokio::io::AsyncWriteExt::shutdown(&mut stream).await;
        Ok(())
    };
    tokio::time::timeout(timeout, work)
        .await
        .unwrap_or_else(|_| Err(format!("{host}:{port} did not answer within {timeout:?}")))
}

/// How far an SMTP login got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmtpProbe {
    /// Connected, secured as configured, logged in (when a username is set) and said QUIT.
    Ready { logged_in: bool },
    /// The server or the network failed before the login.
    Unreachable(String),
    /// The server refused the username or the password.
    LoginRefused(String),
}

/// Connects to the SMTP server as a delivery would (implicit TLS, STARTTLS or plain), logs in when a
/// username is set, and quits without a MAIL command.
pub async fn smtp_login(smtp: &SmtpSettings, timeout: Duration) -> SmtpProbe {
    tokio::time::timeout(timeout, login(smtp, timeout))
        .await
        .unwrap_or_else(|_| {
            SmtpProbe::Unreachable(format!(
                "{}:{} did not answer within {timeout:?}",
                smtp.host, smtp.port
            ))
        })
}

async fn login(smtp: &SmtpSettings, timeout: Duration) -> SmtpProbe {
    let unreachable = |e: String| SmtpProbe::Unreachable(e);
    let at = format!("{}:{}", smtp.host, smtp.port);
    install_crypto();
    let tls = match smtp.security {
        SmtpSecurity::None => None,
        SmtpSecurity::Tls | SmtpSecurity::Starttls => match smtp_tls(smtp) {
            Ok(params) => Some(params),
            Err(e) => return unreachable(e.message().to_owned()),
        },
    };
    let hello = ClientId::default();
    let implicit = match smtp.security {
        SmtpSecurity::Tls => tls.clone(),
        _ => None,
    };
    let connected = AsyncSmtpConnection::connect_tokio1(
        (smtp.host.as_str(), smtp.port),
        Some(timeout),
        &hello,
        implicit,
        None,
    )
    .await;
    let mut conn = match connected {
        Ok(conn) => conn,
        Err(e) => return unreachable(format!("cannot open an SMTP session with {at}: {e}")),
    };
    if smtp.security == SmtpSecurity::Starttls {
        if !conn.can_starttls() {
            conn.abort().await;
            return unreachable(format!("{at} does not offer STARTTLS"));
        }
        if let Some(params) = tls
            && let Err(e) = conn.starttls(params, &hello).await
        {
            // A failed upgrade leaves no stream to say QUIT on: dropping the connection closes it.
            return unreachable(format!("STARTTLS with {at} failed: {e}"));
        }
    }
    let mut logged_in = false;
    if let Some(user) = &smtp.username {
        let password = smtp.password.as_ref().map(Revealed::expose).unwrap_or("");
        let credentials = Credentials::new(user.clone(), password.to_owned());
        if let Err(e) = conn
            .auth(&[Mechanism::Plain, Mechanism::Login], &credentials)
            .await
        {
            conn.abort().await;
            return if e.is_permanent() || e.is_transient() {
                SmtpProbe::LoginRefused(format!("{at} refused the login of `{user}`: {e}"))
            } else {
                unreachable(format!("cannot log in to {at}: {e}"))
            };
        }
        logged_in = true;
    }
    let _ = conn.quit().await;
    SmtpProbe::Ready { logged_in }
}

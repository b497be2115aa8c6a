//! Acks over HTTP: `POST /v1/ack/<id>` (bearer auth like the intake) and the signed link
//! `GET /v1/ack/<id>?sig=...` that messages of escalating rules carry as `ack_link`.
//!
//! The link's key: `--ack-key-file` (mode 0600 or stricter) or NOTIFY_ACK_KEY when given (replicas on
//! one PostgreSQL log must share one, so that a link signed by one is honoured by all), else on a
//! SQLite log 32 random bytes generated once and kept, mode 0600, beside the log as `<log>.ack-key`,
//! so links stay valid across restarts.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use bytes::Bytes;
use hmac::{Hmac, KeyInit, Mac};
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::clock::Clock;
use crate::error::Error;
use crate::log::acks::Acked;
use crate::log::time::format_rfc3339;
use crate::log::{DeliveryId, Kept};

/// The environment variable that gives the link key instead of the file beside the log.
pub const KEY_ENV: &str = "NOTIFY_ACK_KEY";

/// Makes and checks ack links, and acknowledges.
pub struct Links {
    key: Vec<u8>,
    /// `--public-url`, or the bound address.
    base: String,
    log: Arc<Kept>,
    clock: Clock,
}

impl std::fmt::Debug for Links {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Links")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

/// The key file beside the log: `<log>.ack-key`.
fn key_path(log: &Path) -> PathBuf {
    let mut name = log.as_os_str().to_owned();
    name.push(".ack-key");
    PathBuf::from(name)
}

/// The link key: `--ack-key-file`, else NOTIFY_ACK_KEY, else (SQLite only) the file beside the log,
/// created on first use. Never printed: errors name the file or the variable, not the key.
pub fn load_key(log: &Path, file: Option<&Path>) -> Result<Vec<u8>> {
    if let Some(file) = file {
        let key = crate::values::read_secret_file(file).map_err(|why| {
            Error::usage(format!("cannot use --ack-key-file: {why}"))
                .hint("keep the key in a file of its own, mode 0600 (e.g. `openssl rand -hex 32`)")
        })?;
        return Ok(key.expose().trim().as_bytes().to_vec());
    }
    if let Ok(key) = std::env::var(KEY_ENV)
        && !key.trim().is_empty()
    {
        return Ok(key.trim().as_bytes().to_vec());
    }
    if log.to_str().is_some_and(crate::log::postgres::is_url) {
        // No folder beside a database, and a key of this process alone would make links that other
        // replicas refuse.
        return Err(Error::usage(
            "a serve on a PostgreSQL log needs the ack link key that every replica shares",
        )
        .hint(format!(
            "make one (`openssl rand -hex 32 > /etc/notify/ack-key; chmod 600 /etc/notify/ack-key`), give \
             each replica the same: --ack-key-file /etc/notify/ack-key, or export {KEY_ENV}"
        ))
        .into());
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| Error::failure(format!("no randomness: {e}")))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let path = key_path(log);
    let cannot = |e: std::io::Error| {
        Error::failure(format!(
            "cannot keep the ack link key in {}",
            path.display()
        ))
        .caused_by(e)
        .hint(format!(
            "make the log's folder writable, or give --ack-key-file PATH (or export {KEY_ENV})"
        ))
    };
    match fs::read_to_string(&path) {
        Ok(text) if !text.trim().is_empty() => return Ok(text.trim().as_bytes().to_vec()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(cannot(e).into()),
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(cannot)?;
    file.write_all(hex.as_bytes()).map_err(cannot)?;
    Ok(hex.into_bytes())
}

fn html(status: StatusCode, title: &str, text: &str) -> Response<Bytes> {
    let page = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><h1>{title}</h1><p>{text}</p></body></html>\n"
    );
    let mut response = Response::new(Bytes::from(page));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

fn answer(status: StatusCode, body: &Value) -> Response<Bytes> {
    let mut response = Response::new(Bytes::from(format!("{body}\n")));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Escapes text for the HTML page.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Links {
    /// The key (see [`load_key`]), the links' base URL and the log acks are recorded in.
    pub fn new(key: Vec<u8>, base: &str, log: Arc<Kept>, clock: Clock) -> Links {
        Links {
            key,
            base: base.trim_end_matches('/').to_owned(),
            log,
            clock,
        }
    }

    fn mac(&self, id: &str) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
        mac.update(id.as_bytes());
        mac
    }

    /// The signed link that acknowledges event `id`.
    pub fn link(&self, id: &str) -> String {
        let sig: String = self
            .mac(id)
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("{}/v1/ack/{id}?sig={sig}", self.base)
    }

    fn signed(&self, id: &str, sig: &str) -> bool {
        let bytes: Option<Vec<u8>> = (sig.len() == 64)
            .then(|| {
                (0..64)
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&sig[i..i + 2], 16).ok())
                    .collect()
            })
            .flatten();
        bytes.is_some_and(|b| self.mac(id).verify_slice(&b).is_ok())
    }

    async fn ack(&self, id: &str, by: Option<String>) -> Result<Acked> {
        let (log, id, now) = (Arc::clone(&self.log), id.to_owned(), self.clock.now_ms());
        let now = i64::try_from(now).unwrap_or(i64::MAX);
        tokio::task::spawn_blocking(move || log.acks(|a| a.ack(&id, by.as_deref(), now)))
            .await
            .unwrap_or_else(|e| Err(anyhow::anyhow!("an ack failed: {e}")))
    }

    /// `POST /v1/ack/<id>` (the caller checked the token): optional `{"by": "user"}`; answers JSON.
    pub async fn post(&self, id: &str, body: &[u8]) -> Response<Bytes> {
        if id.parse::<DeliveryId>().is_err() {
            return answer(StatusCode::NOT_FOUND, &json!({ "error": "no such event" }));
        }
        let by = match body.iter().all(u8::is_ascii_whitespace) {
            true => None,
            false => match serde_json::from_slice::<Value>(body) {
                Ok(Value::Object(doc)) => match doc.get("by") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(by)) => Some(by.clone()),
                    Some(_) => {
                        let text = "`by` must be a string (the user who acknowledges)";
                        return answer(StatusCode::BAD_REQUEST, &json!({ "error": text }));
                    }
                },
                _ => {
                    let text = "send nothing, or {\"by\": \"user\"}";
                    return answer(StatusCode::BAD_REQUEST, &json!({ "error": text }));
                }
            },
        };
        match self.ack(id, by.clone()).await {
            Ok(Acked::Now { stopped }) => answer(
                StatusCode::OK,
                &json!({ "id": id, "status": "acknowledged", "by": by, "stopped": stopped }),
            ),
            Ok(Acked::Before(ack)) => answer(
                StatusCode::OK,
                &json!({ "id": id, "status": "acknowledged before", "by": ack.by,
                         "at": format_rfc3339(ack.at_ms) }),
            ),
            Ok(Acked::Unknown) => {
                answer(StatusCode::NOT_FOUND, &json!({ "error": "no such event" }))
            }
            Err(_) => answer(
                StatusCode::SERVICE_UNAVAILABLE,
                &json!({ "error": "the ack could not be recorded; try again" }),
            ),
        }
    }

    /// `GET /v1/ack/<id>?sig=...`: the signed link; answers a small HTML page.
    pub async fn get(&self, id: &str, query: Option<&str>) -> Response<Bytes> {
        let sig = query
            .unwrap_or_default()
            .split('&')
            .find_map(|p| p.strip_prefix("sig="))
            .unwrap_or_default();
        if id.parse::<DeliveryId>().is_err() || !self.signed(id, sig) {
            let text = "This link is not valid: it was changed, or signed by another relay.";
            return html(StatusCode::FORBIDDEN, "Not acknowledged", text);
        }
        let shown = escape(id);
        match self.ack(id, None).await {
            Ok(Acked::Now { stopped }) => {
                let text =
                    format!("Event {shown} is acknowledged: {stopped} escalation step(s) stopped.");
                html(StatusCode::OK, "Acknowledged", &text)
            }
            Ok(Acked::Before(ack)) => {
                let by = ack
                    .by
                    .map(|b| format!(" by {}", escape(&b)))
                    .unwrap_or_default();
                let text = format!(
                    "Event {shown} was acknowledged{by} at {}.",
                    format_rfc3339(ack.at_ms)
                );
                html(StatusCode::OK, "Acknowledged", &text)
            }
            Ok(Acked::Unknown) => html(StatusCode::NOT_FOUND, "Not found", "No such event."),
            Err(_) => html(
                StatusCode::SERVICE_UNAVAILABLE,
                "Not acknowledged",
                "The acknowledgement could not be recorded; try again.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(log: &Path, key: Vec<u8>, base: &str) -> Links {
        Links::new(key, base, Arc::new(Kept::new(log)), Clock::system())
    }

    #[test]
    fn a_link_checks_only_with_its_own_id_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log.db");
        let key = load_key(&log, None).unwrap();
        let links = links(&log, key, "http://127.0.0.1:8788/");
        let link = links.link("e-1");
        assert!(
            link.starts_with("http://127.0.0.1:8788/v1/ack/e-1?sig="),
            "{link}"
        );
        let sig = link.rsplit("sig=").next().unwrap();
        assert!(links.signed("e-1", sig));
        assert!(!links.signed("e-2", sig));
        assert!(!links.signed("e-1", &sig[..60]));
        // The key is kept beside the log, readable by its owner only, and used again.
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(key_path(&log)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let again = load_key(&log, None).unwrap();
        assert_eq!(
            self::links(&log, again, "http://127.0.0.1:8788").link("e-1"),
            link
        );
    }

    #[test]
    fn replicas_given_one_key_file_sign_alike_and_an_open_file_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ack-key");
        fs::write(&file, "0123456789abcdef-shared-key\n").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
        let db = Path::new("postgres://notify@127.0.0.1/notify");
        let one = links(db, load_key(db, Some(&file)).unwrap(), "http://a");
        let two = links(db, load_key(db, Some(&file)).unwrap(), "http://a");
        assert_eq!(one.link("e-1"), two.link("e-1"));
        // Nothing is kept beside a database's URL.
        assert!(!key_path(db).exists());
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        let text = crate::error::render(&load_key(db, Some(&file)).unwrap_err());
        assert!(text.contains("is open to other users (mode 0644"), "{text}");
        assert!(!text.contains("shared-key"), "{text}");
    }
}

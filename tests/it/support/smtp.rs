//! A real SMTP server on 127.0.0.1 (std only, one thread per connection) that records every message.
//! It speaks what lettre needs: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, with PIPELINING; no
//! AUTH unless started with a login (then AUTH PLAIN is offered and required before MAIL). It runs plain,
//! with implicit TLS, or offering STARTTLS (rustls, with a test CA's certificate).
#![allow(dead_code)]

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a session may sit idle before its thread gives up.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// How long writing a reply may block.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest accepted command line (RFC 5321 asks for 512; generous for parameters).
const MAX_COMMAND: u64 = 4 * 1024;
/// Largest DATA section kept per message; anything beyond is dropped and logged.
const MAX_DATA: usize = 64 * 1024 * 1024;
/// The EHLO reply: exactly the extensions the tests rely on, no AUTH (STARTTLS only where offered).
const EHLO_REPLY: &str = "250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n";
const EHLO_STARTTLS: &str =
    "250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-STARTTLS\r\n250 PIPELINING\r\n";

/// How a session is secured.
#[derive(Clone)]
enum Security {
    Plain,
    /// TLS from the first byte (port 465 style).
    Implicit(Arc<rustls::ServerConfig>),
    /// Plain until the client asks for STARTTLS, which is offered and required before MAIL.
    Starttls(Arc<rustls::ServerConfig>),
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One accepted message: the envelope and the DATA section as received
/// (dot-unstuffed, without the terminating `.` line).
#[derive(Clone, Debug)]
pub struct Mail {
    /// Envelope sender (MAIL FROM), without angle brackets.
    pub from: String,
    /// Envelope recipients (RCPT TO), without angle brackets, in order.
    pub to: Vec<String>,
    /// The whole DATA section as received.
    pub data: Vec<u8>,
}

impl Mail {
    /// The whole DATA section as UTF-8 (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }

    /// The unfolded raw value of the first header field named `name` (case-insensitive),
    /// without decoding RFC 2047 encoded-words.
    pub fn header(&self, name: &str) -> Option<String> {
        let (head, _) = split_head_body(&self.text());
        header_in(&head, name)
    }

    /// Like [`Mail::header`], with RFC 2047 encoded-words (`=?utf-8?b?...?=`, `?q?`) decoded.
    pub fn header_decoded(&self, name: &str) -> Option<String> {
        self.header(name).map(|v| decode_words(&v))
    }

    /// The body with its Content-Transfer-Encoding (base64, quoted-printable) undone.
    /// For a multipart message, the decoded bodies of all its leaf parts, joined by `\n`.
    pub fn body_text(&self) -> String {
        decode_entity(&self.text())
    }
}

#[derive(Default)]
struct Shared {
    mails: Mutex<Vec<Mail>>,
    arrived: Condvar,
    stop: AtomicBool,
    /// Sessions accepted so far.
    connections: AtomicUsize,
    /// The username and password AUTH PLAIN accepts, when the server asks for a login.
    login: Option<(String, String)>,
    /// AUTH commands answered 235 / 535 so far.
    logins: AtomicUsize,
    refused_logins: AtomicUsize,
}

/// A plain SMTP server (no TLS, no AUTH) on 127.0.0.1 with a free port.
///
/// It accepts connections until the value is dropped; each session runs on its own thread and
/// may carry several messages.
pub struct SmtpServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl SmtpServer {
    /// Bind 127.0.0.1:0 and serve plain SMTP on it from a background thread.
    pub fn start() -> SmtpServer {
        SmtpServer::start_with(Security::Plain)
    }

    /// Serve SMTP inside TLS from the first byte, with `config`'s certificate.
    pub fn start_implicit_tls(config: Arc<rustls::ServerConfig>) -> SmtpServer {
        SmtpServer::start_with(Security::Implicit(config))
    }

    /// Serve SMTP that offers STARTTLS (with `config`'s certificate) and refuses mail before it.
    pub fn start_starttls(config: Arc<rustls::ServerConfig>) -> SmtpServer {
        SmtpServer::start_with(Security::Starttls(config))
    }

    /// Serve plain SMTP that offers AUTH PLAIN, accepts only `user` / `password` and refuses MAIL
    /// before a login.
    pub fn start_with_login(user: &str, password: &str) -> SmtpServer {
        SmtpServer::start_sharing(
            Security::Plain,
            Shared {
                login: Some((user.to_owned(), password.to_owned())),
                ..Shared::default()
            },
        )
    }

    fn start_with(security: Security) -> SmtpServer {
        SmtpServer::start_sharing(security, Shared::default())
    }

    fn start_sharing(security: Security, shared: Shared) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("smtp fixture: bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("smtp fixture: local_addr");
        let shared = Arc::new(shared);
        let acceptor = {
            let shared = Arc::clone(&shared);
            thread::Builder::new()
                .name(format!("smtp-fixture-accept-{}", addr.port()))
                .spawn(move || accept_loop(listener, shared, security))
                .expect("smtp fixture: spawn accept thread")
        };
        SmtpServer {
            addr,
            shared,
            acceptor: Some(acceptor),
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// How many connections clients have opened so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Logins accepted and refused so far (servers started with a login).
    pub fn logins(&self) -> (usize, usize) {
        (
            self.shared.logins.load(Ordering::SeqCst),
            self.shared.refused_logins.load(Ordering::SeqCst),
        )
    }

    /// Every message accepted so far, in order of completion.
    pub fn messages(&self) -> Vec<Mail> {
        lock(&self.shared.mails).clone()
    }

    /// Wait until at least `n` messages have been accepted or `timeout` has passed,
    /// then return all of them (possibly fewer than `n`).
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Mail> {
        // A timeout too large to represent means "wait as long as it takes".
        let deadline = Instant::now().checked_add(timeout);
        let mut mails = lock(&self.shared.mails);
        while mails.len() < n {
            let left = match deadline {
                Some(d) => d.saturating_duration_since(Instant::now()),
                None => Duration::from_secs(3600),
            };
            if left.is_zero() {
                break;
            }
            mails = match self.shared.arrived.wait_timeout(mails, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        mails.clone()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the accept thread sees the flag and ends.
        let woke = TcpStream::connect_timeout(&self.addr, Duration::from_secs(2)).is_ok();
        if let Some(handle) = self.acceptor.take()
            && woke
        {
            let _ = handle.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>, security: Security) {
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        shared.connections.fetch_add(1, Ordering::SeqCst);
        let shared = Arc::clone(&shared);
        let security = security.clone();
        let spawned = thread::Builder::new()
            .name("smtp-fixture-session".to_string())
            .spawn(move || {
                if let Err(e) = serve(stream, &shared, security) {
                    // Clients that hang up mid-session are normal (a failed TLS attempt, a test
                    // that ends early); anything else is worth a line in the test output.
                    if !matches!(
                        e.kind(),
                        io::ErrorKind::UnexpectedEof
                            | io::ErrorKind::ConnectionReset
                            | io::ErrorKind::BrokenPipe
                            | io::ErrorKind::InvalidData
                    ) {
                        eprintln!("[smtp fixture] session ended: {e}");
                    }
                }
            });
        if let Err(e) = spawned {
            eprintln!("[smtp fixture] cannot spawn a session thread: {e}");
        }
    }
}

/// The envelope of the transaction in progress.
#[derive(Default)]
struct Envelope {
    from: Option<String>,
    to: Vec<String>,
}

/// Serve one SMTP session until QUIT, EOF or an error.
fn serve(stream: TcpStream, shared: &Shared, security: Security) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let tls = |config: Arc<rustls::ServerConfig>, stream| {
        let conn = rustls::ServerConnection::new(config).map_err(io::Error::other)?;
        io::Result::Ok(rustls::StreamOwned::new(conn, stream))
    };
    match security {
        Security::Plain => session(stream, shared, Offer::Nothing).map(drop),
        Security::Implicit(config) => {
            session(tls(config, stream)?, shared, Offer::Nothing).map(drop)
        }
        Security::Starttls(config) => {
            match session(stream, shared, Offer::Starttls)? {
                // RFC 3207: after the handshake the client starts over with EHLO, without a greeting.
                Some(plain) => session(tls(config, plain)?, shared, Offer::Secured).map(drop),
                None => Ok(()),
            }
        }
    }
}

/// What a session offers beyond plain SMTP.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Offer {
    Nothing,
    /// STARTTLS is offered and MAIL refused until it is done.
    Starttls,
    /// The session continues inside TLS after STARTTLS (no new greeting).
    Secured,
}

/// The SMTP dialogue over `stream`; `Some(stream)` when the client asked for STARTTLS (answered with
/// 220), to continue inside TLS.
fn session<S: Read + Write>(stream: S, shared: &Shared, offer: Offer) -> io::Result<Option<S>> {
    let mut input = BufReader::new(stream);
    if offer != Offer::Secured {
        input
            .get_mut()
            .write_all(b"220 localhost ESMTP notify test fixture\r\n")?;
    }
    let mut envelope = Envelope::default();
    let mut logged_in = shared.login.is_none();
    let with_auth = |ehlo: &str| match shared.login {
        Some(_) => ehlo.replacen("250-8BITMIME", "250-AUTH PLAIN\r\n250-8BITMIME", 1),
        None => ehlo.to_owned(),
    };
    let (ehlo_reply, ehlo_starttls) = (with_auth(EHLO_REPLY), with_auth(EHLO_STARTTLS));
    loop {
        let Some(line) = read_line(&mut input, MAX_COMMAND)? else {
            return Ok(None);
        };
        let Ok(line) = std::str::from_utf8(&line) else {
            input
                .get_mut()
                .write_all(b"500 5.5.2 command is not UTF-8\r\n")?;
            continue;
        };
        let line = line.trim_end_matches(['\r', '\n']);
        let (verb, arg) = line.split_once(' ').unwrap_or((line, ""));
        let reply: &[u8] = match verb.to_ascii_uppercase().as_str() {
            "EHLO" if offer == Offer::Starttls => {
                envelope = Envelope::default();
                ehlo_starttls.as_bytes()
            }
            "EHLO" => {
                envelope = Envelope::default();
                ehlo_reply.as_bytes()
            }
            "AUTH" if shared.login.is_some() => {
                if plain_login(arg) == shared.login {
                    logged_in = true;
                    shared.logins.fetch_add(1, Ordering::SeqCst);
                    b"235 2.7.0 authentication succeeded\r\n"
                } else {
                    shared.refused_logins.fetch_add(1, Ordering::SeqCst);
                    b"535 5.7.8 authentication credentials invalid\r\n"
                }
            }
            "MAIL" if !logged_in => b"530 5.7.0 authentication required\r\n",
            "STARTTLS" if offer == Offer::Starttls => {
                input
                    .get_mut()
                    .write_all(b"220 2.0.0 ready to start TLS\r\n")?;
                input.get_mut().flush()?;
                return Ok(Some(input.into_inner()));
            }
            "MAIL" if offer == Offer::Starttls => {
                b"530 5.7.0 must issue a STARTTLS command first\r\n"
            }
            "HELO" => {
                envelope = Envelope::default();
                b"250 localhost\r\n"
            }
            "MAIL" => match path_arg(arg, "FROM:") {
                Some(from) => {
                    envelope = Envelope {
                        from: Some(from),
                        to: Vec::new(),
                    };
                    b"250 2.1.0 OK\r\n"
                }
                None => b"501 5.5.4 syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" => match (envelope.from.is_some(), path_arg(arg, "TO:")) {
                (false, _) => b"503 5.5.1 MAIL first\r\n",
                (true, Some(to)) => {
                    envelope.to.push(to);
                    b"250 2.1.5 OK\r\n"
                }
                (true, None) => b"501 5.5.4 syntax: RCPT TO:<address>\r\n",
            },
            "DATA" if envelope.from.is_none() || envelope.to.is_empty() => {
                b"503 5.5.1 MAIL and RCPT first\r\n"
            }
            "DATA" => {
                input
                    .get_mut()
                    .write_all(b"354 end data with <CR><LF>.<CR><LF>\r\n")?;
                let data = read_data(&mut input)?;
                let Envelope { from, to } = std::mem::take(&mut envelope);
                lock(&shared.mails).push(Mail {
                    from: from.unwrap_or_default(),
                    to,
                    data,
                });
                shared.arrived.notify_all();
                b"250 2.0.0 queued\r\n"
            }
            "RSET" => {
                envelope = Envelope::default();
                b"250 2.0.0 OK\r\n"
            }
            "NOOP" => b"250 2.0.0 OK\r\n",
            "QUIT" => {
                input.get_mut().write_all(b"221 2.0.0 bye\r\n")?;
                return Ok(None);
            }
            "STARTTLS" | "AUTH" => b"502 5.5.1 not offered here\r\n",
            _ => b"500 5.5.2 unknown command\r\n",
        };
        input.get_mut().write_all(reply)?;
    }
}

/// The username and password of `PLAIN <base64 of authzid NUL user NUL password>`.
fn plain_login(arg: &str) -> Option<(String, String)> {
    use base64::Engine as _;
    let (mechanism, response) = arg.split_once(' ')?;
    if !mechanism.eq_ignore_ascii_case("PLAIN") {
        return None;
    }
    let raw = base64::engine::general_purpose::STANDARD
        .decode(response.trim())
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let mut parts = text.split('\0');
    let (_, user, password) = (parts.next()?, parts.next()?, parts.next()?);
    Some((user.to_owned(), password.to_owned()))
}

/// The address in `FROM:<a@b> PARAMS` / `TO:<a@b>` (case-insensitive keyword, brackets removed).
/// `FROM:<>` (the null sender) gives an empty address.
fn path_arg(arg: &str, keyword: &str) -> Option<String> {
    let head = arg.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = arg[keyword.len()..].trim_start();
    match rest.strip_prefix('<') {
        Some(inner) => inner.split_once('>').map(|(addr, _)| addr.to_string()),
        None => rest.split_whitespace().next().map(str::to_string),
    }
}

/// One line including its line ending, at most `max` bytes; `None` at a clean EOF.
fn read_line(input: &mut impl BufRead, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let n = input.by_ref().take(max).read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    if !line.ends_with(b"\n") {
        let what = if n as u64 >= max {
            "line too long"
        } else {
            "connection closed mid-line"
        };
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, what));
    }
    Ok(Some(line))
}

/// Read a DATA section up to the lone `.` line, undoing dot-stuffing (RFC 5321 4.5.2).
fn read_data(input: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut data = Vec::new();
    let mut overflow = false;
    loop {
        let Some(line) = read_line(input, MAX_DATA as u64)? else {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "connection closed inside DATA",
            ));
        };
        if line == b".\r\n" || line == b".\n" {
            return Ok(data);
        }
        let line = line.strip_prefix(b".").unwrap_or(&line[..]);
        if data.len() + line.len() <= MAX_DATA {
            data.extend_from_slice(line);
        } else if !overflow {
            overflow = true;
            eprintln!("[smtp fixture] message larger than {MAX_DATA} bytes; truncating");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Minimal MIME reading, enough for assertions in tests.

/// Split an entity into its header section and body at the first empty line.
fn split_head_body(text: &str) -> (String, String) {
    let text = text.replace("\r\n", "\n");
    match text.find("\n\n") {
        Some(i) => (text[..i + 1].to_string(), text[i + 2..].to_string()),
        None if text.starts_with('\n') => (String::new(), text[1..].to_string()),
        None => (text, String::new()),
    }
}

/// First header `name` in a header section (LF line endings), unfolded and trimmed.
fn header_in(head: &str, name: &str) -> Option<String> {
    let mut found: Option<String> = None;
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(v) = found.as_mut() {
                v.push_str(line);
            }
            continue;
        }
        if found.is_some() {
            break;
        }
        if let Some((n, v)) = line.split_once(':')
            && n.trim_end().eq_ignore_ascii_case(name)
        {
            found = Some(v.trim_start().to_string());
        }
    }
    found.map(|v| v.trim().to_string())
}

/// A parameter (e.g. `boundary`, `charset`) of a structured header value.
fn header_param(value: &str, param: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(param)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Decode a MIME entity's body (recursing into multiparts).
fn decode_entity(entity: &str) -> String {
    let (head, body) = split_head_body(entity);
    let content_type = header_in(&head, "Content-Type").unwrap_or_default();
    if content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("multipart/")
        && let Some(boundary) = header_param(&content_type, "boundary")
    {
        let delimiter = format!("--{boundary}");
        let mut parts = Vec::new();
        let mut current: Option<Vec<&str>> = None;
        for line in body.lines() {
            if line.trim_end() == delimiter || line.trim_end() == format!("{delimiter}--") {
                if let Some(lines) = current.take() {
                    parts.push(decode_entity(&lines.join("\n")));
                }
                if line.trim_end() != delimiter {
                    break;
                }
                current = Some(Vec::new());
            } else if let Some(lines) = current.as_mut() {
                lines.push(line);
            }
        }
        return parts.join("\n");
    }
    let cte = header_in(&head, "Content-Transfer-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let bytes = match cte.trim() {
        "base64" => base64_decode(&body),
        "quoted-printable" => qp_decode(&body, false),
        _ => body.into_bytes(),
    };
    let charset = header_param(&content_type, "charset").unwrap_or_default();
    charset_decode(&charset, &bytes)
}

fn charset_decode(charset: &str, bytes: &[u8]) -> String {
    let cs = charset.to_ascii_lowercase();
    if cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" {
        bytes.iter().map(|&b| b as char).collect()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// Decode RFC 2047 encoded-words; whitespace between adjacent encoded-words is dropped.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut pending_ws = String::new();
    let mut last_was_word = false;
    while !rest.is_empty() {
        let ws_len = rest.len() - rest.trim_start().len();
        if ws_len > 0 {
            pending_ws.push_str(&rest[..ws_len]);
            rest = &rest[ws_len..];
            continue;
        }
        let token_end = rest.find([' ', '\t', '\r', '\n']).unwrap_or(rest.len());
        let token = &rest[..token_end];
        match decode_word(token) {
            Some(decoded) => {
                if !last_was_word {
                    out.push_str(&pending_ws);
                }
                out.push_str(&decoded);
                last_was_word = true;
            }
            None => {
                out.push_str(&pending_ws);
                out.push_str(token);
                last_was_word = false;
            }
        }
        pending_ws.clear();
        rest = &rest[token_end..];
    }
    out.push_str(&pending_ws);
    out
}

/// Decode one `=?charset?B|Q?text?=` word; `None` if `token` is not one.
fn decode_word(token: &str) -> Option<String> {
    let inner = token.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut it = inner.splitn(3, '?');
    let charset = it.next()?;
    let encoding = it.next()?;
    let text = it.next()?;
    let charset = charset.split('*').next().unwrap_or(charset); // drop RFC 2231 language
    let bytes = match encoding {
        "B" | "b" => base64_decode(text),
        "Q" | "q" => qp_decode(text, true),
        _ => return None,
    };
    Some(charset_decode(charset, &bytes))
}

/// Lenient base64 decoding: characters outside the alphabet (line breaks, padding) are skipped.
fn base64_decode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Quoted-printable decoding; `q_word` selects RFC 2047 "Q" rules (`_` is a space).
fn qp_decode(text: &str, q_word: bool) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let lines: Vec<&str> = if q_word {
        vec![text]
    } else {
        text.split('\n').collect()
    };
    let count = lines.len();
    for (n, line) in lines.into_iter().enumerate() {
        let line = if q_word {
            line
        } else {
            line.trim_end_matches([' ', '\t', '\r'])
        };
        let bytes = line.as_bytes();
        let mut soft_break = false;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'=' if i + 1 == bytes.len() => soft_break = true,
                b'=' => {
                    match (
                        bytes.get(i + 1).and_then(|&b| hex(b)),
                        bytes.get(i + 2).and_then(|&b| hex(b)),
                    ) {
                        (Some(h), Some(l)) => {
                            out.push(h * 16 + l);
                            i += 2;
                        }
                        _ => out.push(b'='),
                    }
                }
                b'_' if q_word => out.push(b' '),
                b => out.push(b),
            }
            i += 1;
        }
        if !soft_break && n + 1 < count {
            out.push(b'\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends `lines` in one write (as a pipelining client may) and reads until `replies` reply lines
    /// (the last line of each reply) have arrived.
    fn exchange(stream: &mut BufReader<TcpStream>, lines: &str, replies: usize) -> Vec<String> {
        stream
            .get_mut()
            .write_all(lines.as_bytes())
            .expect("write to fixture");
        let mut got = Vec::new();
        while got
            .iter()
            .filter(|l: &&String| l.as_bytes().get(3) == Some(&b' '))
            .count()
            < replies
        {
            let mut line = String::new();
            stream.read_line(&mut line).expect("read reply");
            assert!(!line.is_empty(), "fixture hung up after {got:?}");
            got.push(line.trim_end().to_string());
        }
        got
    }

    #[test]
    fn the_fixture_speaks_smtp_with_pipelining_and_dot_stuffing() {
        let server = SmtpServer::start();
        let stream = TcpStream::connect(("127.0.0.1", server.port())).expect("connect");
        let mut s = BufReader::new(stream);
        assert!(exchange(&mut s, "", 1)[0].starts_with("220 "));
        let ehlo = exchange(&mut s, "EHLO client\r\n", 1);
        assert_eq!(
            ehlo,
            [
                "250-localhost",
                "250-8BITMIME",
                "250-SMTPUTF8",
                "250 PIPELINING"
            ]
        );
        // Commands before MAIL, and an abandoned transaction, deliver nothing.
        let early = exchange(&mut s, "RCPT TO:<a@example.com>\r\nDATA\r\nSTARTTLS\r\n", 3);
        assert!(early.iter().all(|l| l.starts_with('5')), "{early:?}");
        let reset = exchange(&mut s, "MAIL FROM:<x@example.com>\r\nRSET\r\nNOOP\r\n", 3);
        assert!(reset.iter().all(|l| l.starts_with("250")), "{reset:?}");
        // Two messages in one session, the first sent pipelined, with a dot-stuffed line.
        let first = exchange(
            &mut s,
            "MAIL FROM:<dms@example.com> BODY=8BITMIME SMTPUTF8\r\nRCPT TO:<a@example.com>\r\n\
             rcpt to:<B@example.com>\r\nDATA\r\n",
            4,
        );
        assert_eq!(first.last().map(|l| &l[..3]), Some("354"), "{first:?}");
        let done = exchange(&mut s, "Subject: hi\r\n\r\n..dot line\r\n.\r\n", 1);
        assert!(done[0].starts_with("250 "), "{done:?}");
        exchange(
            &mut s,
            "HELO client\r\nMAIL FROM:<>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n",
            4,
        );
        exchange(&mut s, "second\r\n.\r\n", 1);
        assert!(exchange(&mut s, "QUIT\r\n", 1)[0].starts_with("221 "));
        let mails = server.wait_for(2, Duration::from_secs(5));
        assert_eq!(mails.len(), 2);
        assert_eq!(mails[0].from, "dms@example.com");
        assert_eq!(mails[0].to, ["a@example.com", "B@example.com"]);
        assert_eq!(mails[0].data, b"Subject: hi\r\n\r\n.dot line\r\n");
        assert_eq!(mails[0].header("subject").as_deref(), Some("hi"));
        assert_eq!(mails[1].from, "");
        assert_eq!(mails[1].to, ["c@example.com"]);
        assert_eq!(mails[1].text(), "second\r\n");
    }
}

//! `notify listen`: receive custom-webhook deliveries on a loopback address and check them.
//!
//! A small HTTP/1.1 server on a current-thread tokio runtime. Each request is read with httparse under one
//! deadline and two size caps, then checked in the order the contract fixes: size, time, method, signature
//! over the raw body bytes, JSON, freshness. An accepted event is printed *before* its 204 goes out and its
//! `--count` slot is taken before that, so a sender never sees success for an event that was not shown.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use serde::Serialize;
use serde_json::Value as Json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::time::{Instant, timeout, timeout_at};

use crate::channels::Kind;
use crate::context::Context;
use crate::error::{Error, Exit};
use crate::output::Output;
use crate::profiles::{self, Input};
use crate::signing::{self, SignatureMethod};
use crate::values::Value;

/// Largest request body accepted.
const MAX_BODY: u64 = 1024 * 1024;
/// Largest request head (request line and header fields) accepted.
const MAX_HEAD: usize = 16 * 1024;
/// Most header fields in one request.
const MAX_HEADERS: usize = 64;
/// Most connections served at once; further ones wait in the kernel's accept queue.
const MAX_CONNECTIONS: usize = 64;
/// How far `eventTime` may be from now, either way.
const MAX_SKEW_MS: i64 = 5 * 60 * 1000;
/// How long a connection is drained after an error answer, so that closing it does not reset it before
/// the client has read the answer.
const LINGER: Duration = Duration::from_secs(1);

/// The long help (`--help`), kept apart from the doc comment so that it shows whatever the command
/// enum says about `listen`.
const GUIDE: &str = "\
Serves the POST requests that `notify send --webhook` (or DMS itself) makes to a custom webhook, \
on any path. Each accepted event is printed on stdout (one JSON line with --json); each rejected \
request gets a short line on stderr with its status and reason (never the key or the signature).

Try it with two terminals:
  export KEY=$(openssl rand -hex 32)
  notify listen --signature-method HMAC_SHA256 --signature-key-env KEY
  notify send --webhook http://127.0.0.1:8787/ --signature-method HMAC_SHA256 \\
      --signature-key-env KEY --message 'hello'

Each request is checked in this order; the first failure answers and closes the connection:
  413  the body is over 1 MiB (a chunked body gets 411: send Content-Length)
  408  the request did not arrive completely within 10 s
  405  not a POST
  401  X-Notify-Signature (sha1=HEX or sha256=HEX, an HMAC of the raw body) is missing or
       wrong; checked before the body is parsed
  400  the body is not JSON, or has no messageEvent object with a numeric eventTime
  401  stale: messageEvent.eventTime (Unix ms) is more than 5 minutes from now, either way
  204  accepted; a repeat of an accepted messageEvent.id (a retry) is answered 204 again but
       printed once

Each event prints as `TIME  DELIVERY  EVENT  \"MESSAGE\"  receivers: UID, ...`, or with --json as \
one line of {\"delivery\", \"id\", \"event\", \"eventTime\", \"message\", \"signatureMethod\", \
\"verified\", \"path\", \"messageEvent\"}, where delivery is the X-Notify-Delivery header and \
messageEvent the whole object sent.

Exit codes:
  0    --count N events were accepted (rejected requests and repeats do not count)
  1    cannot listen on the address (in use, say)
  2    usage: bad flags, a non-loopback --addr without --allow-remote, a signing key without a
       method or a method without a key
  130  interrupted (Ctrl-C)";

/// Receive custom-webhook deliveries on loopback and check their signatures
#[derive(Debug, clap::Args)]
#[command(after_long_help = GUIDE)]
pub struct Args {
    /// Where to listen: IP:PORT, localhost:PORT or just PORT; port 0 picks a free port (printed on stderr)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    pub addr: String,
    /// Allow an address that is not loopback (plain HTTP: anyone on the way can read the deliveries)
    #[arg(long)]
    pub allow_remote: bool,
    /// How deliveries must be signed: the sender's --signature-method [default: NONE]
    #[arg(long, value_name = "METHOD", value_parser = method_parser(), ignore_case = true)]
    pub signature_method: Option<SignatureMethod>,
    /// The signing key (other local users can see it in the process list: prefer -env or -stdin)
    #[arg(long, value_name = "KEY", group = "key_in")]
    pub signature_key: Option<String>,
    /// Read the signing key from one line of stdin
    #[arg(long, group = "key_in")]
    pub signature_key_stdin: bool,
    /// Read the signing key from this environment variable
    #[arg(long, value_name = "VAR", group = "key_in")]
    pub signature_key_env: Option<String>,
    /// Exit (0) after N accepted events; rejected requests and repeats do not count
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,
    /// How long a request may take to arrive, and an idle connection may stay open, in milliseconds
    #[arg(
        long,
        hide = true,
        value_name = "MS",
        default_value_t = 10_000,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub read_timeout_ms: u64,
}

fn method_parser() -> impl TypedValueParser<Value = SignatureMethod> {
    PossibleValuesParser::new(SignatureMethod::names()).try_map(|s| s.parse::<SignatureMethod>())
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let addr = parse_addr(&args.addr)?;
    if !addr.ip().is_loopback() && !args.allow_remote {
        return Err(Error::usage(format!(
            "refusing to listen on {addr}: not a loopback address"
        ))
        .hint("listen on 127.0.0.1 (the default), or pass --allow-remote to accept deliveries from other machines over plain HTTP")
        .into());
    }
    let method = args.signature_method.unwrap_or_default();
    let key = signing_key(ctx, args, method)?;
    let settings = Settings {
        auth: Auth { method, key },
        limit: args.count,
        read_timeout: Duration::from_millis(args.read_timeout_ms),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failure("cannot start the listener").caused_by(e))?;
    runtime.block_on(serve(&ctx.out, addr, settings))
}

/// `IP:PORT`, `localhost:PORT` or a bare `PORT` (on 127.0.0.1).
fn parse_addr(raw: &str) -> Result<SocketAddr> {
    let raw = raw.trim();
    let localhost = raw
        .strip_prefix("localhost:")
        .or_else(|| raw.bytes().all(|b| b.is_ascii_digit()).then_some(raw));
    let parsed = match localhost {
        Some(port) => port
            .parse::<u16>()
            .ok()
            .map(|p| SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), p)),
        None => raw.parse::<SocketAddr>().ok(),
    };
    parsed.ok_or_else(|| {
        Error::usage(format!(
            "invalid --addr `{raw}`: expected IP:PORT, e.g. 127.0.0.1:8787 (port 0 for any free port)"
        ))
        .into()
    })
}

/// The key deliveries are checked with: empty for NONE, else from the flags or a prompt.
fn signing_key(ctx: &Context, args: &Args, method: SignatureMethod) -> Result<Vec<u8>> {
    let input = Input::secret(
        args.signature_key.as_ref(),
        args.signature_key_stdin,
        args.signature_key_env.as_ref(),
    );
    let flag = match &input {
        Some(Input::Stdin) => "--signature-key-stdin",
        Some(Input::Env(_)) => "--signature-key-env",
        _ => "--signature-key",
    };
    let value = match (method, input) {
        (SignatureMethod::None, None) => return Ok(Vec::new()),
        (SignatureMethod::None, Some(_)) => {
            let err = if args.signature_method.is_some() {
                Error::usage(format!("{flag} does not go with --signature-method NONE")).hint(
                    "drop the key to accept unsigned deliveries, or pass --signature-method \
                     HMAC_SHA256 (or HMAC_SHA1) to check signatures",
                )
            } else {
                Error::usage(format!("{flag} needs --signature-method")).hint(
                    "pass --signature-method HMAC_SHA256 or HMAC_SHA1, the method the sender signs with",
                )
            };
            return Err(err.into());
        }
        (_, Some(input)) => {
            profiles::resolve_inputs(Kind::Webhook, vec![("signature_key", input)])?
                .into_iter()
                .next()
                .map(|(_, value)| value)
        }
        (method, None) => match Kind::Webhook.field("signature_key") {
            Some(spec) => Some(
                ctx.prompt
                    .field(&format!("--signature-method {method}"), spec)?,
            ),
            None => None,
        },
    };
    let key =
        match value {
            Some(Value::Secret(secret)) => secret
                .resolve()
                .map(|k| k.expose().to_owned())
                .map_err(|e| {
                    Error::usage(format!("invalid {flag}: {e}")).hint(
                        "export the variable first, or pass the key with --signature-key-stdin",
                    )
                })?,
            Some(Value::Text(text)) => text,
            _ => return Err(Error::usage(format!("{flag} needs a key")).into()),
        };
    Ok(key.into_bytes())
}

/// How deliveries are authenticated. No `Debug`: it holds the key.
struct Auth {
    method: SignatureMethod,
    key: Vec<u8>,
}

struct Settings {
    auth: Auth,
    limit: Option<u64>,
    read_timeout: Duration,
}

/// What connections tell the accept loop.
enum Msg {
    /// One accepted event was printed and answered.
    Accepted,
    /// Printing failed (stdout closed): stop.
    Fatal(anyhow::Error),
}

/// State every connection shares.
struct Shared {
    out: Output,
    settings: Settings,
    admitted: Mutex<Admitted>,
    tx: mpsc::UnboundedSender<Msg>,
}

/// Accepted events so far: how many (for `--count`) and their ids (to recognise retries).
#[derive(Default)]
struct Admitted {
    count: u64,
    /// `messageEvent.id` -> `eventTime`; ids whose event is stale can never be accepted again and are pruned.
    seen: HashMap<String, i64>,
    prune_at: usize,
}

enum Admission {
    New,
    Repeat,
    /// `--count` events were already accepted; the listener is about to stop.
    Full,
}

impl Shared {
    fn admit(&self, event: &Event, now: i64) -> Admission {
        let mut admitted = self.admitted.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(id) = &event.id
            && admitted.seen.contains_key(id)
        {
            return Admission::Repeat;
        }
        if self
            .settings
            .limit
            .is_some_and(|limit| admitted.count >= limit)
        {
            return Admission::Full;
        }
        admitted.count += 1;
        if let Some(id) = &event.id {
            if admitted.seen.len() >= admitted.prune_at {
                admitted
                    .seen
                    .retain(|_, time| now.saturating_sub(*time) <= MAX_SKEW_MS);
                admitted.prune_at = (admitted.seen.len() * 2).max(1024);
            }
            admitted.seen.insert(id.clone(), event.event_time);
        }
        Admission::New
    }

    fn rejected(&self, peer: SocketAddr, label: Option<&str>, reject: &Reject) {
        let what = label.unwrap_or("request");
        self.out.warn(&format!(
            "rejected {what} from {peer}: {} {}",
            reject.status, reject.reason
        ));
    }
}

async fn serve(out: &Output, addr: SocketAddr, settings: Settings) -> Result<()> {
    let mut interrupt = Interrupt::new()?;
    let listener = TcpListener::bind(addr).await.map_err(|e| {
        let hint = match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                "another program is using that port: pick another with --addr 127.0.0.1:PORT (port 0 for any free one)"
            }
            std::io::ErrorKind::AddrNotAvailable => "no network interface of this machine has that address",
            _ => "pick another address with --addr 127.0.0.1:PORT (port 0 for any free one)",
        };
        Error::failure(format!("cannot listen on {addr}"))
            .caused_by(e)
            .hint(hint)
    })?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::failure("cannot tell which port the listener got").caused_by(e))?;
    // Shown even with -q: with port 0 it is the only way to learn the port.
    out.status(&format!(
        "listening on http://{local} (signature {})",
        settings.auth.method
    ));
    let limit = settings.limit;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let shared = Arc::new(Shared {
        out: out.clone(),
        settings,
        admitted: Mutex::new(Admitted::default()),
        tx,
    });
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut permit: Option<OwnedSemaphorePermit> = None;
    let mut accepted = 0u64;
    loop {
        tokio::select! {
            () = interrupt.recv() => {
                return Err(Error::new(Exit::Interrupted, "interrupted").into());
            }
            Some(msg) = rx.recv() => match msg {
                Msg::Accepted => {
                    accepted += 1;
                    if limit.is_some_and(|n| accepted >= n) {
                        let s = if accepted == 1 { "" } else { "s" };
                        out.note(&format!("received {accepted} event{s}, stopping"));
                        return Ok(());
                    }
                }
                Msg::Fatal(e) => return Err(e),
            },
            slot = Arc::clone(&slots).acquire_owned(), if permit.is_none() => {
                permit = slot.ok();
            }
            conn = listener.accept(), if permit.is_some() => match conn {
                Ok((stream, peer)) => {
                    if let Some(permit) = permit.take() {
                        tokio::spawn(connection(stream, peer, Arc::clone(&shared), permit));
                    }
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait a little instead of spinning.
                    out.warn(&format!("cannot accept a connection: {e}"));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
        }
    }
}

/// Ctrl-C, registered before the listening line is printed so that no early signal is missed.
#[cfg(unix)]
struct Interrupt(tokio::signal::unix::Signal);

#[cfg(unix)]
impl Interrupt {
    fn new() -> Result<Self> {
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
            .map(Interrupt)
            .map_err(|e| {
                Error::failure("cannot watch for Ctrl-C")
                    .caused_by(e)
                    .into()
            })
    }

    async fn recv(&mut self) {
        if self.0.recv().await.is_none() {
            std::future::pending::<()>().await;
        }
    }
}

#[cfg(not(unix))]
struct Interrupt;

#[cfg(not(unix))]
impl Interrupt {
    fn new() -> Result<Self> {
        Ok(Interrupt)
    }

    async fn recv(&mut self) {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Serves one connection: requests one after another (keep-alive) until an error, a close or idleness.
async fn connection(
    mut stream: TcpStream,
    peer: SocketAddr,
    shared: Arc<Shared>,
    _permit: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let io_timeout = shared.settings.read_timeout;
    let mut buf = Vec::new();
    loop {
        let request = match read_request(&mut stream, &mut buf, io_timeout).await {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err((label, reject)) => {
                shared.rejected(peer, label.as_deref(), &reject);
                answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                return;
            }
        };
        let now = now_ms();
        let event = match check(&request, &shared.settings.auth, now) {
            Ok(event) => event,
            Err(reject) => {
                shared.rejected(peer, Some(&request.label()), &reject);
                answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                return;
            }
        };
        match shared.admit(&event, now) {
            Admission::New => {
                if let Err(e) = print_event(&shared.out, &event) {
                    let reject = Reject::new(503, "the listener cannot print the event");
                    answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                    let _ = shared.tx.send(Msg::Fatal(e));
                    return;
                }
                shared.out.detail(&format!(
                    "accepted {} from {peer} ({} bytes)",
                    request.label(),
                    request.body.len()
                ));
                let sent = write(&mut stream, &no_content(request.keep_alive), io_timeout).await;
                let _ = shared.tx.send(Msg::Accepted);
                if !sent || !request.keep_alive {
                    close_gently(&mut stream).await;
                    return;
                }
            }
            Admission::Repeat => {
                let id = event.id.as_deref().map(clean).unwrap_or_default();
                shared.out.note(&format!(
                    "repeated delivery {id} from {peer} (a retry): answered 204 again, not printed"
                ));
                let sent = write(&mut stream, &no_content(request.keep_alive), io_timeout).await;
                if !sent || !request.keep_alive {
                    close_gently(&mut stream).await;
                    return;
                }
            }
            Admission::Full => {
                let reject = Reject::new(503, "the listener is stopping (--count reached)");
                shared.rejected(peer, Some(&request.label()), &reject);
                answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                return;
            }
        }
    }
}

/// One request as read off the wire.
#[derive(Debug)]
struct Request {
    method: String,
    target: String,
    /// Lowercase names with their raw values.
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
    keep_alive: bool,
}

impl Request {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    }

    fn label(&self) -> String {
        format!("{} {}", clean(&self.method), clean(&self.target))
    }
}

/// A refusal: the status answered and a short reason (answered as the body and printed on stderr).
#[derive(Debug, PartialEq, Eq)]
struct Reject {
    status: u16,
    reason: String,
}

impl Reject {
    fn new(status: u16, reason: impl Into<String>) -> Self {
        Reject {
            status,
            reason: reason.into(),
        }
    }

    fn response(&self) -> Vec<u8> {
        let body = format!("{}\n", self.reason);
        let allow = if self.status == 405 {
            "Allow: POST\r\n"
        } else {
            ""
        };
        format!(
            "HTTP/1.1 {} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\
             {allow}Connection: close\r\n\r\n{body}",
            self.status,
            reason_phrase(self.status),
            body.len()
        )
        .into_bytes()
    }
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

/// The success answer. A 204 carries no Content-Length (RFC 9110 §8.6): it never has a body.
fn no_content(keep_alive: bool) -> Vec<u8> {
    let close = if keep_alive {
        ""
    } else {
        "Connection: close\r\n"
    };
    format!("HTTP/1.1 204 No Content\r\n{close}\r\n").into_bytes()
}

/// A failed read of a request: what it was (when known) and the answer to give.
type ReadError = (Option<String>, Reject);

/// Reads the next request. `Ok(None)`: the client closed, or sent nothing before the idle deadline.
/// `buf` keeps bytes that arrived after this request (a pipelined next one).
async fn read_request(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    limit: Duration,
) -> Result<Option<Request>, ReadError> {
    // Idle until the first byte arrives, then the whole request must arrive within `limit`.
    let mut deadline = Instant::now() + limit;
    let (mut request, head_len) = loop {
        if !buf.is_empty() {
            if let Some(parsed) = parse_head(buf).map_err(|r| (None, r))? {
                break parsed;
            }
            if buf.len() > MAX_HEAD {
                return Err((None, Reject::new(431, "request head over 16 KiB")));
            }
        }
        let was_empty = buf.is_empty();
        match read_more(stream, buf, deadline).await {
            Read::Data if was_empty => deadline = Instant::now() + limit,
            Read::Data => {}
            Read::Closed => return Ok(None),
            Read::TimedOut if buf.is_empty() => return Ok(None),
            Read::TimedOut => return Err((None, too_slow(limit))),
        }
    };
    let label = Some(request.label());
    if head_len > MAX_HEAD {
        return Err((label, Reject::new(431, "request head over 16 KiB")));
    }
    if request.values("transfer-encoding").next().is_some() {
        return Err((
            label,
            Reject::new(411, "chunked bodies are not supported: send Content-Length"),
        ));
    }
    let length = content_length(&request).map_err(|r| (label.clone(), r))?;
    if length > MAX_BODY {
        return Err((label, Reject::new(413, "body over 1 MiB")));
    }
    let end = head_len + usize::try_from(length).unwrap_or(usize::MAX);
    let expects_continue = request.values("expect").any(|v| {
        std::str::from_utf8(v).is_ok_and(|v| v.trim().eq_ignore_ascii_case("100-continue"))
    });
    if expects_continue && buf.len() < end {
        let interim = b"HTTP/1.1 100 Continue\r\n\r\n";
        if timeout_at(deadline, stream.write_all(interim))
            .await
            .map_or(true, |r| r.is_err())
        {
            return Ok(None);
        }
    }
    while buf.len() < end {
        match read_more(stream, buf, deadline).await {
            Read::Data => {}
            Read::Closed => return Ok(None),
            Read::TimedOut => return Err((label, too_slow(limit))),
        }
    }
    request.body = buf[head_len..end].to_vec();
    buf.drain(..end);
    Ok(Some(request))
}

fn too_slow(limit: Duration) -> Reject {
    Reject::new(
        408,
        format!("request not complete within {}", human_duration(limit)),
    )
}

fn human_duration(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{} ms", d.as_millis())
    }
}

enum Read {
    Data,
    Closed,
    TimedOut,
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>, deadline: Instant) -> Read {
    let mut chunk = [0u8; 16 * 1024];
    match timeout_at(deadline, stream.read(&mut chunk)).await {
        Err(_) => Read::TimedOut,
        Ok(Ok(0) | Err(_)) => Read::Closed,
        Ok(Ok(n)) => {
            buf.extend_from_slice(&chunk[..n]);
            Read::Data
        }
    }
}

/// Parses the request head at the start of `buf`: `None` while incomplete.
fn parse_head(buf: &[u8]) -> Result<Option<(Request, usize)>, Reject> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    let head_len = match parsed.parse(buf) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => {
            return Err(Reject::new(431, "too many header fields"));
        }
        Err(httparse::Error::Version) => {
            return Err(Reject::new(505, "only HTTP/1.1 and HTTP/1.0 are served"));
        }
        Err(e) => return Err(Reject::new(400, format!("malformed request ({e})"))),
    };
    let headers: Vec<(String, Vec<u8>)> = parsed
        .headers
        .iter()
        .map(|h| (h.name.to_ascii_lowercase(), h.value.to_vec()))
        .collect();
    let tokens: Vec<String> = headers
        .iter()
        .filter(|(n, _)| n == "connection")
        .flat_map(|(_, v)| v.split(|b| *b == b','))
        .map(|t| String::from_utf8_lossy(t).trim().to_ascii_lowercase())
        .collect();
    let keep_alive = if parsed.version == Some(1) {
        !tokens.iter().any(|t| t == "close")
    } else {
        tokens.iter().any(|t| t == "keep-alive")
    };
    let request = Request {
        method: parsed.method.unwrap_or_default().to_owned(),
        target: parsed.path.unwrap_or_default().to_owned(),
        headers,
        body: Vec::new(),
        keep_alive,
    };
    Ok(Some((request, head_len)))
}

/// The body length the head announces (0 when absent); repeated values must agree.
fn content_length(request: &Request) -> Result<u64, Reject> {
    let mut length = None;
    for value in request.values("content-length") {
        let text = std::str::from_utf8(value).unwrap_or_default().trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Reject::new(400, "invalid Content-Length"));
        }
        // Anything too long for u64 is certainly over the cap.
        let n = text.parse::<u64>().unwrap_or(u64::MAX);
        if length.is_some_and(|m| m != n) {
            return Err(Reject::new(400, "conflicting Content-Length values"));
        }
        length = Some(n);
    }
    Ok(length.unwrap_or(0))
}

/// An accepted delivery.
#[derive(Debug)]
struct Event {
    /// The X-Notify-Delivery header.
    delivery: Option<String>,
    /// `messageEvent.id`, when it is a non-empty string.
    id: Option<String>,
    event_time: i64,
    verified: bool,
    path: String,
    body: Json,
}

/// The checks after the request has been read in full, in the contract's order: method, signature (over
/// the raw bytes, before any parsing), JSON, freshness.
fn check(request: &Request, auth: &Auth, now: i64) -> Result<Event, Reject> {
    if request.method != "POST" {
        return Err(Reject::new(405, "only POST is accepted"));
    }
    let verified = match auth.method {
        SignatureMethod::None => false,
        method => {
            let mut values = request.values("x-notify-signature");
            let Some(value) = values.next() else {
                return Err(Reject::new(401, "missing X-Notify-Signature"));
            };
            if values.next().is_some() {
                return Err(Reject::new(401, "more than one X-Notify-Signature"));
            }
            let good = std::str::from_utf8(value).is_ok_and(|v| {
                signing::verify_webhook_signature(method, &auth.key, &request.body, v)
            });
            if !good {
                let expected = match method {
                    SignatureMethod::HmacSha1 => "sha1=HEX, an HMAC-SHA1",
                    _ => "sha256=HEX, an HMAC-SHA256",
                };
                return Err(Reject::new(
                    401,
                    format!(
                        "bad signature (expected {expected} of the raw body with the shared key)"
                    ),
                ));
            }
            true
        }
    };
    let body: Json = serde_json::from_slice(&request.body)
        .map_err(|e| Reject::new(400, format!("body is not JSON ({e})")))?;
    let Some(message_event) = body.get("messageEvent").filter(|v| v.is_object()) else {
        return Err(Reject::new(400, "body has no messageEvent object"));
    };
    let Some(event_time) = message_event.get("eventTime").and_then(Json::as_i64) else {
        return Err(Reject::new(
            400,
            "messageEvent.eventTime is missing or not a whole number of milliseconds",
        ));
    };
    let age = now.saturating_sub(event_time);
    if age > MAX_SKEW_MS {
        return Err(Reject::new(
            401,
            format!("stale: eventTime is {} s old (at most 300 s)", age / 1000),
        ));
    }
    if age < -MAX_SKEW_MS {
        return Err(Reject::new(
            401,
            format!(
                "stale: eventTime is {} s in the future (at most 300 s)",
                age.saturating_neg() / 1000
            ),
        ));
    }
    let id = message_event
        .get("id")
        .and_then(Json::as_str)
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    let delivery = request
        .values("x-notify-delivery")
        .next()
        .map(|v| String::from_utf8_lossy(v).trim().to_owned());
    Ok(Event {
        delivery,
        id,
        event_time,
        verified,
        path: request.target.clone(),
        body,
    })
}

/// The `--json` line of an accepted event (field names are stable).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventLine<'a> {
    delivery: Option<&'a str>,
    id: &'a Json,
    event: &'a Json,
    event_time: i64,
    message: &'a Json,
    signature_method: &'a Json,
    verified: bool,
    path: &'a str,
    message_event: &'a Json,
}

fn print_event(out: &Output, event: &Event) -> Result<()> {
    let message_event = &event.body["messageEvent"];
    if out.json {
        return out.json_line(&EventLine {
            delivery: event.delivery.as_deref(),
            id: &message_event["id"],
            event: &message_event["event"],
            event_time: event.event_time,
            message: &message_event["message"],
            signature_method: &event.body["signatureMethod"],
            verified: event.verified,
            path: &event.path,
            message_event,
        });
    }
    out.print(&human_line(event))
}

/// `TIME  DELIVERY  EVENT  "MESSAGE"  receivers: UID, ...`; everything the sender chose is cleaned of
/// control characters, and the message is quoted with its newlines escaped.
fn human_line(event: &Event) -> String {
    let message_event = &event.body["messageEvent"];
    let text = |key: &str| message_event[key].as_str().unwrap_or_default();
    let time = u64::try_from(event.event_time / 1000)
        .map_or_else(|_| event.event_time.to_string(), signing::utc_timestamp);
    let delivery = event
        .delivery
        .as_deref()
        .or(event.id.as_deref())
        .filter(|d| !d.is_empty())
        .map_or_else(|| "-".to_owned(), clean);
    let name = match text("event") {
        "" => "-".to_owned(),
        name => clean(name),
    };
    let receivers: Vec<String> = message_event["receivers"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|r| {
                    let uid = r["uid"].as_str().filter(|s| !s.is_empty());
                    clean(uid.or(r["name"].as_str()).unwrap_or("?"))
                })
                .collect()
        })
        .unwrap_or_default();
    let receivers = if receivers.is_empty() {
        "-".to_owned()
    } else {
        receivers.join(", ")
    };
    format!(
        "{time}  {delivery}  {name}  {:?}  receivers: {receivers}\n",
        text("message")
    )
}

/// Replaces control characters (terminal escapes included) in text a sender chose.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// Writes within the time limit; false when the client is gone or too slow to read.
async fn write(stream: &mut TcpStream, bytes: &[u8], limit: Duration) -> bool {
    matches!(timeout(limit, stream.write_all(bytes)).await, Ok(Ok(())))
}

async fn answer_and_close(stream: &mut TcpStream, bytes: &[u8], limit: Duration) {
    if write(stream, bytes, limit).await {
        close_gently(stream).await;
    }
}

/// Half-closes, then reads and discards what the client still sends for a moment: closing a socket with
/// unread data resets the connection, which can destroy the answer before the client has read it.
async fn close_gently(stream: &mut TcpStream) {
    let _ = stream.shutdown().await;
    let deadline = Instant::now() + LINGER;
    let mut scratch = [0u8; 16 * 1024];
    while let Ok(Ok(n)) = timeout_at(deadline, stream.read(&mut scratch)).await {
        if n == 0 {
            break;
        }
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000_000;

    fn request(method: &str, headers: &[(&str, &str)], body: &str) -> Request {
        Request {
            method: method.to_owned(),
            target: "/hook".to_owned(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_ascii_lowercase(), v.as_bytes().to_vec()))
                .collect(),
            body: body.as_bytes().to_vec(),
            keep_alive: true,
        }
    }

    fn body(event_time: i64) -> String {
        serde_json::json!({
            "messageEvent": {"id": "d-1", "event": "task_failed", "eventTime": event_time,
                "message": "Task 7\nfailed \u{1b}[31m", "receivers": [{"uid": "alice", "name": "Alice"}]},
            "signatureMethod": "HMAC_SHA256"
        })
        .to_string()
    }

    fn auth(method: SignatureMethod) -> Auth {
        Auth {
            method,
            key: b"k3y".to_vec(),
        }
    }

    fn signed(method: SignatureMethod, body: &str) -> Request {
        let sig = signing::webhook_signature(method, b"k3y", body.as_bytes()).expect("signed");
        request(
            "POST",
            &[("X-Notify-Signature", &sig), ("X-Notify-Delivery", "d-1")],
            body,
        )
    }

    fn status(result: Result<Event, Reject>) -> u16 {
        result.map_or_else(|r| r.status, |_| 204)
    }

    #[test]
    fn checks_run_in_the_contract_order() {
        let sha256 = auth(SignatureMethod::HmacSha256);
        let good = signed(SignatureMethod::HmacSha256, &body(NOW));
        let event = check(&good, &sha256, NOW).expect("accepted");
        assert!(event.verified);
        assert_eq!(event.id.as_deref(), Some("d-1"));
        assert_eq!(event.delivery.as_deref(), Some("d-1"));

        let get = request("GET", &[], "");
        assert_eq!(status(check(&get, &sha256, NOW)), 405);
        // The signature is checked before the body is parsed.
        assert_eq!(
            status(check(&request("POST", &[], "not json"), &sha256, NOW)),
            401
        );
        assert_eq!(
            status(check(
                &signed(SignatureMethod::HmacSha256, "not json"),
                &sha256,
                NOW
            )),
            400
        );
        assert_eq!(
            status(check(
                &signed(SignatureMethod::HmacSha256, "{\"x\":1}"),
                &sha256,
                NOW
            )),
            400
        );
        // A SHA-1 signature does not pass a SHA-256 listener.
        assert_eq!(
            status(check(
                &signed(SignatureMethod::HmacSha1, &body(NOW)),
                &sha256,
                NOW
            )),
            401
        );
        let mut two = good;
        two.headers
            .push(("x-notify-signature".into(), b"sha256=00".to_vec()));
        assert_eq!(status(check(&two, &sha256, NOW)), 401);
    }

    #[test]
    fn freshness_allows_five_minutes_either_way() {
        let none = auth(SignatureMethod::None);
        let at = |t: i64| status(check(&request("POST", &[], &body(t)), &none, NOW));
        assert_eq!(at(NOW - MAX_SKEW_MS), 204);
        assert_eq!(at(NOW + MAX_SKEW_MS), 204);
        assert_eq!(at(NOW - MAX_SKEW_MS - 1), 401);
        assert_eq!(at(NOW + MAX_SKEW_MS + 1), 401);
        assert_eq!(at(i64::MIN), 401);
        let event = check(&request("POST", &[], &body(NOW)), &none, NOW).expect("accepted");
        assert!(!event.verified);
    }

    #[test]
    fn heads_parse_with_framing_and_keep_alive() {
        let raw = b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcPOST";
        let (req, len) = parse_head(raw).expect("valid").expect("complete");
        assert_eq!(len, raw.len() - 7);
        assert!(req.keep_alive);
        assert_eq!(content_length(&req), Ok(3));
        assert!(
            parse_head(b"POST /a HTTP/1.1\r\nHost")
                .expect("valid")
                .is_none()
        );
        let (req, _) = parse_head(b"POST / HTTP/1.0\r\n\r\n")
            .expect("valid")
            .expect("complete");
        assert!(!req.keep_alive);
        let (req, _) = parse_head(b"POST / HTTP/1.1\r\nConnection: Close\r\n\r\n")
            .expect("valid")
            .expect("complete");
        assert!(!req.keep_alive);
        let (req, _) =
            parse_head(b"POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
                .expect("valid")
                .expect("complete");
        assert_eq!(content_length(&req).map_err(|r| r.status), Err(400));
        assert_eq!(
            parse_head(b"POST / HTTP/1.1\r\nBad Header\r\n\r\n").map(|_| ()),
            Err(Reject::new(400, "malformed request (invalid header name)"))
        );
    }

    #[test]
    fn human_lines_are_one_line_without_escapes() {
        let none = auth(SignatureMethod::None);
        let event = check(&request("POST", &[], &body(NOW)), &none, NOW).expect("accepted");
        let line = human_line(&event);
        assert_eq!(
            line,
            "2023-11-14T22:13:20Z  d-1  task_failed  \"Task 7\\nfailed \\u{1b}[31m\"  receivers: alice\n"
        );
    }

    #[test]
    fn addresses() {
        assert_eq!(
            parse_addr("8787").expect("port"),
            "127.0.0.1:8787".parse().expect("addr")
        );
        assert_eq!(
            parse_addr("localhost:0").expect("localhost"),
            "127.0.0.1:0".parse().expect("addr")
        );
        assert!(parse_addr("[::1]:9").is_ok());
        assert!(parse_addr("example.com:80").is_err());
    }
}

//! A recording, scriptable HTTP/1.1 server on 127.0.0.1 for integration tests.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a connection may sit idle (or stall mid-request) before its thread gives up.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// How long writing a response may block.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest accepted request line, header line or chunk-size line.
const MAX_LINE: u64 = 64 * 1024;
/// Most header lines accepted in one request.
const MAX_HEADERS: usize = 256;
/// Largest accepted request body.
const MAX_BODY: u64 = 64 * 1024 * 1024;
/// Body of the reply used when nothing was scripted for a path.
const DEFAULT_BODY: &str = r#"{"errcode":0,"errmsg":"ok","code":0}"#;

/// Lock a mutex, recovering the data if another thread panicked while holding it.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[derive(Default)]
struct Shared {
    recorded: Mutex<Vec<Recorded>>,
    arrived: Condvar,
    queued: Mutex<HashMap<String, VecDeque<Reply>>>,
    defaults: Mutex<HashMap<String, Reply>>,
    stop: AtomicBool,
    connections: AtomicUsize,
}

impl Shared {
    fn record(&self, req: Recorded) {
        lock(&self.recorded).push(req);
        self.arrived.notify_all();
    }

    fn reply_for(&self, path: &str) -> Reply {
        if let Some(r) = lock(&self.queued)
            .get_mut(path)
            .and_then(VecDeque::pop_front)
        {
            return r;
        }
        if let Some(r) = lock(&self.defaults).get(path) {
            return r.clone();
        }
        Reply::json(200, DEFAULT_BODY)
    }
}

/// A recording HTTP/1.1 server bound to 127.0.0.1 on a free port.
///
/// It accepts connections until the value is dropped; each connection is served by its
/// own thread (keep-alive, several requests per connection).
pub struct HttpServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl HttpServer {
    /// Bind 127.0.0.1:0 and start accepting in a background thread.
    pub fn start() -> HttpServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("http fixture: bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("http fixture: local_addr");
        let shared = Arc::new(Shared::default());
        let acceptor = {
            let shared = Arc::clone(&shared);
            thread::Builder::new()
                .name(format!("http-fixture-accept-{}", addr.port()))
                .spawn(move || accept_loop(listener, shared))
                .expect("http fixture: spawn accept thread")
        };
        HttpServer {
            addr,
            shared,
            acceptor: Some(acceptor),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `"http://127.0.0.1:PORT"` followed by `path_and_query`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://{}{}", self.addr, path_and_query)
    }

    /// Queue a reply for the next request whose path (without query string) equals `path`.
    /// Queued replies are used in order, one per request; once the queue for that path is
    /// empty the path's default (see [`HttpServer::always`]) is used, else
    /// 200 `{"errcode":0,"errmsg":"ok","code":0}` as application/json.
    pub fn reply(&self, path: &str, reply: Reply) {
        lock(&self.shared.queued)
            .entry(path.to_string())
            .or_default()
            .push_back(reply);
    }

    /// Set the reply used for `path` whenever its queue is empty.
    pub fn always(&self, path: &str, reply: Reply) {
        lock(&self.shared.defaults).insert(path.to_string(), reply);
    }

    /// How many TCP connections have been accepted so far (keep-alive reuse shows as fewer
    /// connections than requests).
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Every complete request received so far, in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.shared.recorded).clone()
    }

    /// The recorded requests whose path (without query string) equals `path`.
    pub fn requests_to(&self, path: &str) -> Vec<Recorded> {
        lock(&self.shared.recorded)
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    /// Wait until at least `n` requests have been recorded or `timeout` has passed,
    /// then return all recorded requests (possibly fewer than `n`).
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Recorded> {
        // A timeout too large to represent means "wait as long as it takes".
        let deadline = Instant::now().checked_add(timeout);
        let mut recorded = lock(&self.shared.recorded);
        while recorded.len() < n {
            let left = match deadline {
                Some(d) => d.saturating_duration_since(Instant::now()),
                None => Duration::from_secs(3600),
            };
            if left.is_zero() {
                break;
            }
            recorded = match self.shared.arrived.wait_timeout(recorded, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        recorded.clone()
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the accept thread sees the flag and ends.
        let woke = TcpStream::connect_timeout(&self.addr, Duration::from_secs(2)).is_ok();
        // If the wake-up failed, leave the thread detached rather than risk blocking the test.
        if let Some(handle) = self.acceptor.take()
            && woke
        {
            let _ = handle.join();
        }
    }
}

/// What the server does after recording a request.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Action {
    Respond,
    Reset,
}

/// A scripted reply: status, extra headers, body, an optional delay and an action.
#[derive(Clone, Debug)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Option<Duration>,
    action: Action,
}

impl Reply {
    fn new(status: u16, content_type: Option<&str>, body: &[u8]) -> Reply {
        Reply {
            status,
            headers: content_type
                .map(|ct| vec![("Content-Type".to_string(), ct.to_string())])
                .unwrap_or_default(),
            body: body.to_vec(),
            delay: None,
            action: Action::Respond,
        }
    }

    /// `status` with `body` as `application/json`.
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::new(status, Some("application/json"), body.as_bytes())
    }

    /// `status` with an empty body.
    pub fn status(status: u16) -> Reply {
        Reply::new(status, None, b"")
    }

    /// `status` with `body` as `text/plain; charset=utf-8`.
    pub fn text(status: u16, body: &str) -> Reply {
        Reply::new(status, Some("text/plain; charset=utf-8"), body.as_bytes())
    }

    /// Add a response header (e.g. `Retry-After`). A header of the same name set earlier
    /// (such as the default Content-Type) is replaced. Content-Length, Transfer-Encoding and
    /// Connection are managed by the server and ignored here.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Sleep this long before answering (or before dropping the connection, for `reset`).
    /// The request is recorded on arrival, before the delay.
    pub fn delay(mut self, d: Duration) -> Reply {
        self.delay = Some(d);
        self
    }

    /// Read the request fully, record it, then close the connection without any response.
    pub fn reset() -> Reply {
        Reply {
            action: Action::Reset,
            ..Reply::status(0)
        }
    }
}

/// One complete request as received.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// The request target exactly as received (path plus `?query`, undecoded).
    pub target: String,
    /// The path part of the target, without the query string.
    pub path: String,
    /// Headers in arrival order, names as received.
    pub headers: Vec<(String, String)>,
    /// The body, with any chunked transfer coding removed.
    pub body: Vec<u8>,
}

impl Recorded {
    /// The first header whose name matches case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The raw query string (after `?`), if any.
    fn query_string(&self) -> Option<&str> {
        self.target
            .split_once('?')
            .map(|(_, q)| q.split('#').next().unwrap_or(q))
    }

    /// Percent-decoded value (`%XX` and `+` as space) of the first query parameter named
    /// `name` (compared after decoding); `None` if absent. A bare `name` yields `""`.
    pub fn query(&self, name: &str) -> Option<String> {
        let q = self.query_string()?;
        parse_urlencoded(q)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    /// The value of query parameter `name` exactly as on the wire (no decoding).
    pub fn query_raw(&self, name: &str) -> Option<String> {
        let q = self.query_string()?;
        q.split('&').filter(|p| !p.is_empty()).find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (url_decode(k) == name).then(|| v.to_string())
        })
    }

    /// The body as UTF-8 (lossy).
    pub fn body_str(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body parsed as JSON. Panics (showing the body) if it is not JSON; for tests only.
    pub fn json(&self) -> serde_json::Value {
        match serde_json::from_slice(&self.body) {
            Ok(v) => v,
            Err(e) => panic!(
                "request {} {} has a body that is not JSON ({e}): {:?}",
                self.method,
                self.target,
                self.body_str()
            ),
        }
    }

    /// The body decoded as `application/x-www-form-urlencoded`, pairs in order.
    pub fn form(&self) -> Vec<(String, String)> {
        parse_urlencoded(&self.body_str())
    }
}

fn parse_urlencoded(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (url_decode(k), url_decode(v))
        })
        .collect()
}

/// Decode `%XX` escapes and `+` as space; malformed escapes are kept as they are.
fn url_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex_val(bytes[i + 1]), hex_val(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Server internals

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    for conn in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        match conn {
            Ok(stream) => {
                shared.connections.fetch_add(1, Ordering::SeqCst);
                let shared = Arc::clone(&shared);
                let spawned = thread::Builder::new()
                    .name(format!("http-fixture-conn-{port}"))
                    .spawn(move || serve_connection(stream, shared));
                if let Err(e) = spawned {
                    eprintln!("[http fixture :{port}] cannot spawn connection thread: {e}");
                }
            }
            Err(e) => {
                eprintln!("[http fixture :{port}] accept failed: {e}");
                thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

/// Why a connection stopped being served.
enum ConnError {
    /// The peer closed or went idle between requests: nothing to report.
    Closed,
    /// The request was malformed; answer 400 and close.
    Bad(String),
    /// An I/O error mid-request.
    Io(io::Error),
}

impl From<io::Error> for ConnError {
    fn from(e: io::Error) -> Self {
        ConnError::Io(e)
    }
}

fn serve_connection(stream: TcpStream, shared: Arc<Shared>) {
    let peer = stream
        .peer_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| "?".into());
    let setup = stream
        .set_nonblocking(false)
        .and_then(|_| stream.set_read_timeout(Some(READ_TIMEOUT)))
        .and_then(|_| stream.set_write_timeout(Some(WRITE_TIMEOUT)))
        .and_then(|_| stream.set_nodelay(true))
        .and_then(|_| stream.try_clone());
    let mut writer = match setup {
        Ok(w) => w,
        Err(e) => {
            eprintln!("[http fixture] {peer}: cannot set up connection: {e}");
            return;
        }
    };
    let mut reader = BufReader::new(stream);
    loop {
        let (req, keep_alive) = match read_request(&mut reader, &mut writer) {
            Ok(r) => r,
            Err(ConnError::Closed) => return,
            Err(ConnError::Bad(msg)) => {
                eprintln!("[http fixture] {peer}: bad request: {msg}; closing");
                let _ = writer.write_all(&build_response(&Reply::text(400, &msg), false, false));
                close_gracefully(&writer, &mut reader);
                return;
            }
            Err(ConnError::Io(e)) => {
                eprintln!("[http fixture] {peer}: error reading request: {e}; closing");
                return;
            }
        };
        let is_head = req.method.eq_ignore_ascii_case("HEAD");
        let reply = shared.reply_for(&req.path);
        shared.record(req);
        if let Some(d) = reply.delay {
            thread::sleep(d);
        }
        if reply.action == Action::Reset {
            let _ = writer.shutdown(Shutdown::Both);
            return;
        }
        let keep_alive = keep_alive && !shared.stop.load(Ordering::SeqCst);
        let bytes = build_response(&reply, keep_alive, is_head);
        if let Err(e) = writer.write_all(&bytes).and_then(|_| writer.flush()) {
            eprintln!("[http fixture] {peer}: cannot write response: {e}; closing");
            return;
        }
        if !keep_alive {
            close_gracefully(&writer, &mut reader);
            return;
        }
    }
}

/// Half-close and drain briefly so that unread client bytes do not turn our close into a
/// reset that could destroy the response in flight.
fn close_gracefully(writer: &TcpStream, reader: &mut BufReader<TcpStream>) {
    let _ = writer.shutdown(Shutdown::Write);
    let _ = writer.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(1);
    while Instant::now() < deadline {
        match reader.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

/// Read one line (up to and including `\n`), bounded by `MAX_LINE`. `Ok(None)` on clean EOF.
fn read_line(reader: &mut BufReader<TcpStream>) -> Result<Option<Vec<u8>>, ConnError> {
    let mut line = Vec::new();
    let n = reader
        .by_ref()
        .take(MAX_LINE)
        .read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        if n as u64 >= MAX_LINE {
            return Err(ConnError::Bad("line too long".into()));
        }
        return Err(ConnError::Io(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "connection closed mid-line",
        )));
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

fn read_line_required(reader: &mut BufReader<TcpStream>) -> Result<Vec<u8>, ConnError> {
    read_line(reader)?.ok_or_else(|| {
        ConnError::Io(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "connection closed mid-request",
        ))
    })
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn has_token(value: &str, token: &str) -> bool {
    value
        .split(',')
        .any(|t| t.trim().eq_ignore_ascii_case(token))
}

/// Read one complete request. Returns it with whether the connection may be kept open.
fn read_request(
    reader: &mut BufReader<TcpStream>,
    writer: &mut TcpStream,
) -> Result<(Recorded, bool), ConnError> {
    // Request line; tolerate empty lines before it (RFC 9112 §2.2).
    let line = loop {
        match read_line(reader) {
            Ok(None) => return Err(ConnError::Closed),
            Ok(Some(l)) if l.is_empty() => continue,
            Ok(Some(l)) => break l,
            // Idle keep-alive connection timed out or was reset between requests.
            Err(ConnError::Io(e))
                if is_timeout(&e)
                    || matches!(
                        e.kind(),
                        io::ErrorKind::ConnectionReset | io::ErrorKind::UnexpectedEof
                    ) =>
            {
                return Err(ConnError::Closed);
            }
            Err(e) => return Err(e),
        }
    };
    let line =
        String::from_utf8(line).map_err(|_| ConnError::Bad("request line is not UTF-8".into()))?;
    let mut parts = line.split_whitespace();
    let (method, target, version) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(m), Some(t), Some(v), None) => (m.to_string(), t.to_string(), v.to_string()),
        _ => return Err(ConnError::Bad(format!("malformed request line {line:?}"))),
    };
    let http10 = match version.as_str() {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(ConnError::Bad(format!("unsupported version {version:?}"))),
    };

    // Header fields (obsolete line folding is unfolded into the previous value).
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let raw = read_line_required(reader)?;
        if raw.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(&raw).into_owned();
        if text.starts_with([' ', '\t']) {
            match headers.last_mut() {
                Some((_, v)) => {
                    v.push(' ');
                    v.push_str(text.trim());
                }
                None => return Err(ConnError::Bad("continuation line before any header".into())),
            }
            continue;
        }
        let (name, value) = text
            .split_once(':')
            .ok_or_else(|| ConnError::Bad(format!("malformed header line {text:?}")))?;
        if name.is_empty() || name.ends_with([' ', '\t']) {
            return Err(ConnError::Bad(format!("malformed header name {name:?}")));
        }
        headers.push((name.to_string(), value.trim().to_string()));
        if headers.len() > MAX_HEADERS {
            return Err(ConnError::Bad("too many headers".into()));
        }
    }
    let get = |name: &str| -> Vec<&str> {
        headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    };

    let connection = get("connection").join(",");
    let keep_alive = if http10 {
        has_token(&connection, "keep-alive")
    } else {
        !has_token(&connection, "close")
    };

    // Body framing.
    let te = get("transfer-encoding").join(",");
    let chunked = if te.trim().is_empty() {
        false
    } else if te
        .rsplit(',')
        .next()
        .is_some_and(|last| last.trim().eq_ignore_ascii_case("chunked"))
    {
        true
    } else {
        return Err(ConnError::Bad(format!(
            "unsupported transfer-encoding {te:?}"
        )));
    };
    let content_length = if chunked {
        None
    } else {
        let mut len: Option<u64> = None;
        for v in get("content-length").iter().flat_map(|v| v.split(',')) {
            let n: u64 = v
                .trim()
                .parse()
                .map_err(|_| ConnError::Bad(format!("invalid content-length {v:?}")))?;
            if len.is_some_and(|l| l != n) {
                return Err(ConnError::Bad("conflicting content-length values".into()));
            }
            len = Some(n);
        }
        len
    };
    if content_length.is_some_and(|n| n > MAX_BODY) {
        return Err(ConnError::Bad("request body too large".into()));
    }

    let expects_body = chunked || content_length.is_some_and(|n| n > 0);
    if !http10
        && expects_body
        && get("expect")
            .iter()
            .any(|v| v.eq_ignore_ascii_case("100-continue"))
    {
        writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        writer.flush()?;
    }

    let body = if chunked {
        read_chunked(reader)?
    } else if let Some(n) = content_length {
        let mut body = Vec::with_capacity(n.min(1 << 20) as usize);
        reader.by_ref().take(n).read_to_end(&mut body)?;
        if (body.len() as u64) < n {
            return Err(ConnError::Io(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("body ended after {} of {n} bytes", body.len()),
            )));
        }
        body
    } else {
        Vec::new()
    };

    let path = path_of(&target);
    Ok((
        Recorded {
            method,
            target,
            path,
            headers,
            body,
        },
        keep_alive,
    ))
}

fn read_chunked(reader: &mut BufReader<TcpStream>) -> Result<Vec<u8>, ConnError> {
    let mut body = Vec::new();
    loop {
        let line = read_line_required(reader)?;
        let text = String::from_utf8_lossy(&line);
        let size_str = text.split(';').next().unwrap_or("").trim();
        let size = u64::from_str_radix(size_str, 16)
            .map_err(|_| ConnError::Bad(format!("invalid chunk size line {text:?}")))?;
        if size == 0 {
            break;
        }
        if (body.len() as u64).saturating_add(size) > MAX_BODY {
            return Err(ConnError::Bad("request body too large".into()));
        }
        let before = body.len();
        reader.by_ref().take(size).read_to_end(&mut body)?;
        if ((body.len() - before) as u64) < size {
            return Err(ConnError::Io(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "connection closed inside a chunk",
            )));
        }
        if !read_line_required(reader)?.is_empty() {
            return Err(ConnError::Bad("chunk data not followed by CRLF".into()));
        }
    }
    // Trailer section: read and discard up to the empty line.
    let mut trailers = 0;
    while !read_line_required(reader)?.is_empty() {
        trailers += 1;
        if trailers > MAX_HEADERS {
            return Err(ConnError::Bad("too many trailer fields".into()));
        }
    }
    Ok(body)
}

/// The path part of a request target (origin-form or absolute-form), without the query.
fn path_of(target: &str) -> String {
    let mut rest = target;
    for scheme in ["http://", "https://"] {
        if let Some(after) = rest.strip_prefix(scheme) {
            rest = after.find('/').map(|i| &after[i..]).unwrap_or("/");
        }
    }
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    rest[..end].to_string()
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

fn build_response(reply: &Reply, keep_alive: bool, is_head: bool) -> Vec<u8> {
    let status = reply.status;
    // 1xx and 204 carry neither a body nor Content-Length; 304 carries no body.
    let no_length = (100..200).contains(&status) || status == 204;
    let no_body = no_length || status == 304 || is_head;
    let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in &reply.headers {
        let managed = ["content-length", "transfer-encoding", "connection"]
            .iter()
            .any(|m| name.eq_ignore_ascii_case(m));
        if !managed {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    if !no_length {
        out.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    if !keep_alive {
        out.push_str("Connection: close\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !no_body {
        bytes.extend_from_slice(&reply.body);
    }
    bytes
}

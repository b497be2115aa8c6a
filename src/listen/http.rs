//! HTTP/1.1 framing for the receiver: one request read with httparse under a deadline and size caps,
//! the answers it gives, and a close that does not destroy an answer the client has not read yet.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::time::{Instant, timeout, timeout_at};

use super::clean;

/// Largest request body accepted.
pub const MAX_BODY: u64 = 1024 * 1024;
/// Largest request head (request line and header fields) accepted.
pub const MAX_HEAD: usize = 16 * 1024;
/// Most header fields in one request.
const MAX_HEADERS: usize = 64;
/// How long a connection is drained after an error answer, so that closing it does not reset it before
/// the client has read the answer.
const LINGER: Duration = Duration::from_secs(1);

/// One request as read off the wire.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    pub target: String,
    /// Names as sent (compared without case) with their raw values.
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
    pub keep_alive: bool,
}

impl Request {
    /// The values of every header field called `name` (any case), in the order sent.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    /// `METHOD TARGET`, safe to print.
    pub fn label(&self) -> String {
        format!("{} {}", clean(&self.method), clean(&self.target))
    }
}

/// A refusal: the status answered and a short reason (answered as the body and reported to the caller).
#[derive(Debug, PartialEq, Eq)]
pub struct Reject {
    pub status: u16,
    pub reason: String,
}

impl Reject {
    pub fn new(status: u16, reason: impl Into<String>) -> Self {
        Reject {
            status,
            reason: reason.into(),
        }
    }

    /// The whole answer; it always closes the connection.
    pub fn response(&self) -> Vec<u8> {
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
pub fn no_content(keep_alive: bool) -> Vec<u8> {
    let close = if keep_alive {
        ""
    } else {
        "Connection: close\r\n"
    };
    format!("HTTP/1.1 204 No Content\r\n{close}\r\n").into_bytes()
}

/// A failed read of a request: what it was (`METHOD TARGET`, when known) and the answer to give.
pub type ReadError = (Option<String>, Reject);

/// Reads the next request. `Ok(None)`: the client closed, or sent nothing before the idle deadline.
/// `buf` keeps bytes that arrived after this request (a pipelined next one).
pub async fn read_request<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
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

/// What one read gave.
pub enum Read {
    Data,
    Closed,
    TimedOut,
}

/// Appends what the client sends next to `buf`. Cancel-safe: nothing is lost if the future is dropped.
pub async fn read_more<S: AsyncRead + Unpin>(
    stream: &mut S,
    buf: &mut Vec<u8>,
    deadline: Instant,
) -> Read {
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
        .map(|h| (h.name.to_owned(), h.value.to_vec()))
        .collect();
    let tokens: Vec<String> = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("connection"))
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

/// Writes within the time limit; false when the client is gone or too slow to read.
pub async fn write<S: AsyncWrite + Unpin>(stream: &mut S, bytes: &[u8], limit: Duration) -> bool {
    matches!(timeout(limit, stream.write_all(bytes)).await, Ok(Ok(())))
}

/// Answers, then closes gently.
pub async fn answer_and_close<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    bytes: &[u8],
    limit: Duration,
) {
    if write(stream, bytes, limit).await {
        close_gently(stream).await;
    }
}

/// Half-closes, then reads and discards what the client still sends for a moment: closing a socket with
/// unread data resets the connection, which can destroy the answer before the client has read it.
pub async fn close_gently<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S) {
    let _ = stream.shutdown().await;
    let deadline = Instant::now() + LINGER;
    let mut scratch = [0u8; 16 * 1024];
    while let Ok(Ok(n)) = timeout_at(deadline, stream.read(&mut scratch)).await {
        if n == 0 {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{DuplexStream, duplex};

    const LIMIT: Duration = Duration::from_secs(10);

    /// A server end with `sent` already written by a client that then stops sending (or hangs up).
    async fn client_sent(sent: &[u8], hang_up: bool) -> (DuplexStream, DuplexStream) {
        let (mut client, server) = duplex(4 * 1024 * 1024);
        client.write_all(sent).await.expect("write");
        if hang_up {
            client.shutdown().await.expect("shutdown");
        }
        (client, server)
    }

    async fn read(sent: &[u8]) -> (Result<Option<Request>, ReadError>, Vec<u8>) {
        let (_client, mut server) = client_sent(sent, true).await;
        let mut buf = Vec::new();
        let result = read_request(&mut server, &mut buf, LIMIT).await;
        (result, buf)
    }

    fn status(result: Result<Option<Request>, ReadError>) -> u16 {
        match result {
            Ok(Some(_)) => 200,
            Ok(None) => 0,
            Err((_, reject)) => reject.status,
        }
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
        let (req, _) = parse_head(b"POST / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
            .expect("valid")
            .expect("complete");
        assert!(req.keep_alive);
        let (req, _) = parse_head(b"POST / HTTP/1.1\r\nConnection: TE, Close\r\n\r\n")
            .expect("valid")
            .expect("complete");
        assert!(!req.keep_alive);
        let (req, _) =
            parse_head(b"POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
                .expect("valid")
                .expect("complete");
        assert_eq!(content_length(&req).map_err(|r| r.status), Err(400));
        let (req, _) = parse_head(b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
            .expect("valid")
            .expect("complete");
        assert_eq!(content_length(&req).map_err(|r| r.status), Err(400));
        assert_eq!(
            parse_head(b"POST / HTTP/1.1\r\nBad Header\r\n\r\n").map(|_| ()),
            Err(Reject::new(400, "malformed request (invalid header name)"))
        );
        assert_eq!(
            parse_head(b"POST / HTTP/2.0\r\n\r\n")
                .map_err(|r| r.status)
                .err(),
            Some(505)
        );
        let many = format!("POST / HTTP/1.1\r\n{}\r\n", "X-A: 1\r\n".repeat(65));
        assert_eq!(
            parse_head(many.as_bytes()).map_err(|r| r.status).err(),
            Some(431)
        );
    }

    #[tokio::test]
    async fn pipelined_requests_are_read_one_at_a_time() {
        let (_client, mut server) = client_sent(
            b"POST /one HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}POST /two HTTP/1.1\r\n\r\n",
            true,
        )
        .await;
        let mut buf = Vec::new();
        let first = read_request(&mut server, &mut buf, LIMIT)
            .await
            .expect("valid")
            .expect("a request");
        assert_eq!(
            (first.target.as_str(), first.body.as_slice()),
            ("/one", &b"{}"[..])
        );
        let second = read_request(&mut server, &mut buf, LIMIT)
            .await
            .expect("valid")
            .expect("a request");
        assert_eq!(second.label(), "POST /two");
        assert!(second.body.is_empty());
        assert!(buf.is_empty());
        assert!(matches!(
            read_request(&mut server, &mut buf, LIMIT).await,
            Ok(None)
        ));
    }

    #[tokio::test]
    async fn caps_are_enforced_before_the_body_arrives() {
        let (result, _) = read(b"POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n{").await;
        assert_eq!(status(result), 413);
        let (result, _) =
            read(b"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n").await;
        assert_eq!(status(result), 413);
        let (result, _) =
            read(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").await;
        assert_eq!(status(result), 411);
        let padding = "a".repeat(MAX_HEAD);
        let (result, _) = read(format!("POST / HTTP/1.1\r\nX-Pad: {padding}").as_bytes()).await;
        assert_eq!(status(result), 431);
        let (result, _) =
            read(format!("POST / HTTP/1.1\r\nX-Pad: {padding}\r\n\r\n").as_bytes()).await;
        assert_eq!(status(result), 431);
    }

    #[tokio::test]
    async fn a_client_that_hangs_up_is_not_an_error() {
        assert_eq!(status(read(b"").await.0), 0);
        // Inside a body: the client is gone, nobody to answer.
        assert_eq!(
            status(
                read(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab")
                    .await
                    .0
            ),
            0
        );
    }

    #[tokio::test]
    async fn expect_100_continue_is_answered_before_the_body_is_read() {
        let (mut client, mut server) = client_sent(
            b"POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
            false,
        )
        .await;
        let reader = tokio::spawn(async move {
            let mut buf = Vec::new();
            read_request(&mut server, &mut buf, LIMIT)
                .await
                .map(|r| r.map(|r| r.body))
        });
        let mut interim = [0u8; 25];
        client.read_exact(&mut interim).await.expect("interim");
        assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
        client.write_all(b"{}").await.expect("body");
        let body = reader.await.expect("joined");
        assert_eq!(body.ok().flatten().as_deref(), Some(&b"{}"[..]));
    }

    #[test]
    fn answers_close_except_a_kept_alive_204() {
        let text =
            String::from_utf8(Reject::new(405, "only POST is accepted").response()).expect("utf-8");
        assert!(
            text.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"),
            "{text}"
        );
        assert!(text.contains("Content-Length: 22\r\nAllow: POST\r\nConnection: close\r\n\r\n"));
        assert!(text.ends_with("\r\n\r\nonly POST is accepted\n"));
        assert_eq!(no_content(true), b"HTTP/1.1 204 No Content\r\n\r\n");
        assert_eq!(
            no_content(false),
            b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
        );
    }
}

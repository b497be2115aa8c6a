//! One connection: hyper's HTTP/1.1 on the socket, watched for idleness and slow heads (which hyper
//! would not answer), and closed so that the client gets to read its last answer.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Body, Incoming};
use hyper::header::{CONNECTION, CONTENT_LENGTH, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Notify, OwnedSemaphorePermit, watch};
use tokio::time::{Instant, timeout, timeout_at};

use super::{Handler, Limits, MAX_HEAD, Refusal, human_duration, human_size};

/// How long a connection is drained after the server ends it, so that closing it does not reset it
/// before the client has read the last answer.
const LINGER: Duration = Duration::from_secs(1);
/// Most bytes taken off the socket in one read.
const READ_CHUNK: usize = 8 * 1024;

/// Where a connection is between requests: what the watchdog waits for.
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// No byte of the next request yet, since then.
    Idle(Instant),
    /// A request head is arriving; its first byte came then.
    Head(Instant),
    /// The head is in: the body is read under its own timeout and the handler answers.
    Busy,
}

/// The phase, shared by the socket (bytes arrive), the service (a request starts and ends) and the
/// watchdog (woken on each change).
struct Activity {
    phase: Mutex<Phase>,
    changed: Notify,
}

impl Activity {
    fn new() -> Self {
        Activity {
            phase: Mutex::new(Phase::Idle(Instant::now())),
            changed: Notify::new(),
        }
    }

    fn get(&self) -> Phase {
        *self.phase.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn set(&self, phase: Phase) {
        *self.phase.lock().unwrap_or_else(PoisonError::into_inner) = phase;
        self.changed.notify_one();
    }

    /// Bytes arrived: the first one of a request starts the clock of its head.
    fn received(&self) {
        let mut phase = self.phase.lock().unwrap_or_else(PoisonError::into_inner);
        if let Phase::Idle(_) = *phase {
            *phase = Phase::Head(Instant::now());
            drop(phase);
            self.changed.notify_one();
        }
    }

    /// When the current phase runs out, if it can.
    fn deadline(&self, limits: &Limits) -> Option<Instant> {
        match self.get() {
            Phase::Idle(since) => Some(since + limits.idle_timeout),
            Phase::Head(since) => Some(since + limits.head_timeout),
            Phase::Busy => None,
        }
    }
}

/// How a connection ended.
enum End {
    /// hyper finished it: the client closed, or an answer closed it.
    Served(Result<(), hyper::Error>),
    /// No request within the idle timeout.
    Idle,
    /// A request head that did not arrive in time.
    SlowHead,
}

pub(super) async fn serve<H: Handler>(
    stream: TcpStream,
    peer: SocketAddr,
    handler: Arc<H>,
    limits: Arc<Limits>,
    mut stopping: watch::Receiver<bool>,
    _slot: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let stream = Arc::new(stream);
    let activity = Arc::new(Activity::new());
    let io = Io {
        stream: Arc::clone(&stream),
        activity: Arc::clone(&activity),
    };
    let service = {
        let (handler, limits, activity) = (
            Arc::clone(&handler),
            Arc::clone(&limits),
            Arc::clone(&activity),
        );
        service_fn(move |request| {
            activity.set(Phase::Busy);
            let (handler, limits, activity) = (
                Arc::clone(&handler),
                Arc::clone(&limits),
                Arc::clone(&activity),
            );
            async move {
                let response = respond(&*handler, request, peer, &limits).await;
                activity.set(Phase::Idle(Instant::now()));
                Ok::<_, Infallible>(response.map(Full::new))
            }
        })
    };
    let mut conn = Box::pin(
        http1::Builder::new()
            .keep_alive(true)
            .max_buf_size(MAX_HEAD)
            .header_read_timeout(None)
            .serve_connection(io, service),
    );
    let mut stop_seen = *stopping.borrow();
    if stop_seen {
        conn.as_mut().graceful_shutdown();
    }
    let end = loop {
        let deadline = activity.deadline(&limits);
        tokio::select! {
            served = conn.as_mut() => break End::Served(served),
            () = activity.changed.notified() => {}
            () = sleep_until(deadline) => match activity.get() {
                Phase::Idle(since) if since + limits.idle_timeout <= Instant::now() => break End::Idle,
                Phase::Head(since) if since + limits.head_timeout <= Instant::now() => break End::SlowHead,
                _ => {}
            },
            _ = stopping.changed(), if !stop_seen => {
                // Finish the request in flight, if any, then close; an idle connection closes now.
                stop_seen = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    };
    drop(conn);
    let Ok(mut stream) = Arc::try_unwrap(stream) else {
        return;
    };
    match end {
        End::Served(Ok(())) | End::Idle => {}
        End::Served(Err(e)) => {
            if let Some(refusal) = malformed(&e) {
                // hyper has answered it already.
                handler.refused(peer, None, &refusal);
            }
        }
        End::SlowHead => {
            let refusal = Refusal::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "request head not complete within {}",
                    human_duration(limits.head_timeout)
                ),
            );
            let answer = handler.refused(peer, None, &refusal);
            if !write_answer(&mut stream, answer, limits.head_timeout).await {
                return;
            }
        }
    }
    close_gently(&mut stream).await;
}

/// The refusal hyper answered itself when it could not parse a request head.
fn malformed(e: &hyper::Error) -> Option<Refusal> {
    if e.is_parse_too_large() {
        Some(Refusal::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!("request head over {}", human_size(MAX_HEAD)),
        ))
    } else if e.is_parse() {
        Some(Refusal::new(
            StatusCode::BAD_REQUEST,
            "malformed request head",
        ))
    } else {
        None
    }
}

/// Reads the body within the limits, then asks the handler.
async fn respond<H: Handler>(
    handler: &H,
    request: Request<Incoming>,
    peer: SocketAddr,
    limits: &Limits,
) -> Response<Bytes> {
    let (head, body) = request.into_parts();
    let refuse = |refusal: Refusal| closing(handler.refused(peer, Some(&head), &refusal));
    let too_large = || {
        Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("body over {}", human_size(limits.max_body)),
        )
    };
    // A Content-Length past the limit is refused before any of the body is read.
    if body.size_hint().lower() > u64::try_from(limits.max_body).unwrap_or(u64::MAX) {
        return refuse(too_large());
    }
    let read = timeout(
        limits.body_timeout,
        Limited::new(body, limits.max_body).collect(),
    )
    .await;
    let body = match read {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<LengthLimitError>() => return refuse(too_large()),
        // The client went away inside the body: nobody is left to answer.
        Ok(Err(_)) => {
            return Refusal::new(StatusCode::BAD_REQUEST, "incomplete body").plain_text();
        }
        Err(_) => {
            return refuse(Refusal::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "request body not complete within {}",
                    human_duration(limits.body_timeout)
                ),
            ));
        }
    };
    handler.handle(Request::from_parts(head, body), peer).await
}

/// A refusal always closes: the rest of its body may still be on the way.
fn closing(mut response: Response<Bytes>) -> Response<Bytes> {
    response
        .headers_mut()
        .insert(CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Writes an answer hyper cannot send any more (the connection was taken from it); false when the
/// client is gone or does not read.
async fn write_answer(stream: &mut TcpStream, answer: Response<Bytes>, limit: Duration) -> bool {
    let (head, body) = answer.into_parts();
    let mut wire = format!(
        "HTTP/1.1 {} {}\r\n",
        head.status.as_u16(),
        head.status.canonical_reason().unwrap_or_default()
    )
    .into_bytes();
    for (name, value) in &head.headers {
        if name != CONTENT_LENGTH && name != CONNECTION {
            wire.extend_from_slice(name.as_str().as_bytes());
            wire.extend_from_slice(b": ");
            wire.extend_from_slice(value.as_bytes());
            wire.extend_from_slice(b"\r\n");
        }
    }
    wire.extend_from_slice(
        format!(
            "content-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    wire.extend_from_slice(&body);
    matches!(timeout(limit, stream.write_all(&wire)).await, Ok(Ok(())))
}

/// Half-closes, then reads and discards what the client still sends for a moment: closing a socket with
/// unread data resets the connection, which can destroy the answer before the client has read it.
async fn close_gently(stream: &mut TcpStream) {
    let _ = stream.shutdown().await;
    let deadline = Instant::now() + LINGER;
    let mut scratch = [0u8; READ_CHUNK];
    while let Ok(Ok(n)) = timeout_at(deadline, stream.read(&mut scratch)).await {
        if n == 0 {
            break;
        }
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

/// The socket as hyper reads and writes it. Shared so that the connection task keeps the socket
/// when it takes the connection away from hyper (to answer a slow head, and to close gently), and
/// watched so that the first byte of each request starts its head's clock. Closing is left to the
/// connection task.
struct Io {
    stream: Arc<TcpStream>,
    activity: Arc<Activity>,
}

impl hyper::rt::Read for Io {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        mut buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        let mut chunk = [0u8; READ_CHUNK];
        let room = buf.remaining().min(READ_CHUNK);
        loop {
            ready!(self.stream.poll_read_ready(cx))?;
            // A WouldBlock clears the readiness, so the next poll waits for more.
            match self.stream.try_read(&mut chunk[..room]) {
                Ok(n) => {
                    if n > 0 {
                        self.activity.received();
                    }
                    buf.put_slice(&chunk[..n]);
                    return Poll::Ready(Ok(()));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }
}

impl hyper::rt::Write for Io {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        loop {
            ready!(self.stream.poll_write_ready(cx))?;
            match self.stream.try_write(buf) {
                Ok(n) => return Poll::Ready(Ok(n)),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

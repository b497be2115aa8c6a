//! The HTTP/1.1 server that `listen` (and the relay) run on: hyper, under limits that no slow, large or
//! numerous client gets around, and a stop that lets requests in flight finish.
//!
//! The server reads each request body in full (within [`Limits::max_body`] and the body timeout) before
//! its [`Handler`] sees it, so a handler is a plain function from a request to an answer. Past
//! [`Limits::max_connections`], new connections wait in the kernel's accept queue: no connection is
//! ever closed to make room, so every request of a burst is answered.

mod connection;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use hyper::http::request::Parts;
use hyper::{Request, Response, StatusCode};
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

/// Largest request head (request line and header fields) read; hyper answers 431 past it.
pub const MAX_HEAD: usize = 16 * 1024;

/// What a client may cost the server.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections served at once; more wait in the kernel's accept queue until one ends.
    pub max_connections: usize,
    /// How long a request head may take from its first byte (answered 408 past it).
    pub head_timeout: Duration,
    /// How long a request body may take once its head is in (answered 408 past it).
    pub body_timeout: Duration,
    /// How long a kept-alive connection may wait for its next request (then closed without an answer).
    pub idle_timeout: Duration,
    /// Largest body read, in bytes (answered 413 past it; the rest is never read into memory).
    pub max_body: usize,
    /// How long requests in flight get to finish after the stop.
    pub grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 512,
            head_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(10),
            max_body: 1024 * 1024,
            grace: Duration::from_secs(5),
        }
    }
}

/// A request the server answers itself, before or instead of the handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: StatusCode,
    /// A short reason, safe to show (it names no header value or body byte).
    pub reason: String,
}

impl Refusal {
    pub fn new(status: StatusCode, reason: impl Into<String>) -> Self {
        Refusal {
            status,
            reason: reason.into(),
        }
    }

    /// The answer as plain text: the reason on one line. It closes the connection.
    pub fn plain_text(&self) -> Response<Bytes> {
        let mut response = Response::new(Bytes::from(format!("{}\n", self.reason)));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(
            hyper::header::CONTENT_TYPE,
            hyper::header::HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        headers.insert(
            hyper::header::CONNECTION,
            hyper::header::HeaderValue::from_static("close"),
        );
        response
    }
}

/// What the server serves: an answer for each request read in full.
pub trait Handler: Send + Sync + 'static {
    /// Answers a request whose body arrived in full within the limits.
    fn handle(
        &self,
        request: Request<Bytes>,
        peer: SocketAddr,
    ) -> impl Future<Output = Response<Bytes>> + Send;

    /// A request the server refused on its own (too slow, too large, a malformed head); `head` is the
    /// request's head when it was read. Returns the answer sent, which always closes the connection;
    /// hyper has already answered a malformed head (400, or 431 past [`MAX_HEAD`]), so that one is
    /// only reported.
    fn refused(
        &self,
        peer: SocketAddr,
        head: Option<&Parts>,
        refusal: &Refusal,
    ) -> Response<Bytes> {
        let _ = (peer, head);
        refusal.plain_text()
    }

    /// A connection could not be accepted (out of file descriptors, say); the server goes on.
    fn accept_failed(&self, error: &io::Error) {
        let _ = error;
    }
}

/// Serves `listener` until `stop` resolves, then stops accepting and gives the connections open
/// [`Limits::grace`] to finish their requests (an idle one closes at once) before closing the rest.
pub async fn serve<H: Handler>(
    listener: TcpListener,
    limits: Limits,
    handler: Arc<H>,
    stop: impl Future<Output = ()>,
) {
    let limits = Arc::new(limits);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (stopping, stop_seen) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(stop);
    loop {
        while connections.try_join_next().is_some() {}
        // A slot first, then a connection: while every slot is taken, new ones wait in the kernel.
        let permit = tokio::select! {
            () = &mut stop => break,
            permit = Arc::clone(&slots).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let (stream, peer) = tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    handler.accept_failed(&e);
                    // Out of file descriptors and the like: wait a little instead of spinning.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        connections.spawn(connection::serve(
            stream,
            peer,
            Arc::clone(&handler),
            Arc::clone(&limits),
            stop_seen.clone(),
            permit,
        ));
    }
    drop(listener);
    let _ = stopping.send(true);
    let finished = tokio::time::timeout(limits.grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if finished.is_err() {
        connections.shutdown().await;
    }
}

/// `10 s`, `300 ms`: a limit as a person reads it.
pub fn human_duration(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{} ms", d.as_millis())
    }
}

/// `1 MiB`, `64 KiB`, `100 bytes`.
pub fn human_size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    use tokio::sync::{Notify, oneshot};
    use tokio::task::JoinHandle;

    /// Every step of a test is bounded by this, so that a bug fails instead of hanging.
    const BOUND: Duration = Duration::from_secs(10);

    /// Answers 200 with the body's length; waits for `gate` first when asked to.
    #[derive(Default)]
    struct Echo {
        entered: Notify,
        gate: Option<Notify>,
    }

    impl Handler for Echo {
        async fn handle(&self, request: Request<Bytes>, _: SocketAddr) -> Response<Bytes> {
            self.entered.notify_one();
            if let Some(gate) = &self.gate {
                gate.notified().await;
            }
            Response::new(Bytes::from(request.body().len().to_string()))
        }
    }

    fn quick() -> Limits {
        Limits {
            max_connections: 8,
            head_timeout: Duration::from_millis(200),
            body_timeout: Duration::from_millis(200),
            idle_timeout: Duration::from_millis(200),
            max_body: 1024,
            grace: Duration::from_millis(500),
        }
    }

    struct Running {
        addr: SocketAddr,
        stop: oneshot::Sender<()>,
        served: JoinHandle<()>,
    }

    async fn start(limits: Limits, handler: Arc<Echo>) -> Running {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        let (stop, stopped) = oneshot::channel::<()>();
        let served = tokio::spawn(serve(listener, limits, handler, async {
            let _ = stopped.await;
        }));
        Running { addr, stop, served }
    }

    /// Sends `request` and reads until the server closes: everything it answered.
    async fn exchange(addr: SocketAddr, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        stream.write_all(request).await.expect("send");
        read_all(&mut stream).await
    }

    async fn read_all(stream: &mut TcpStream) -> String {
        let mut answer = Vec::new();
        let read = tokio::time::timeout(BOUND, stream.read_to_end(&mut answer)).await;
        assert!(read.is_ok(), "no close within {BOUND:?}");
        String::from_utf8_lossy(&answer).into_owned()
    }

    #[tokio::test]
    async fn bodies_are_capped_and_slow_requests_answered_408() {
        let server = start(quick(), Arc::default()).await;
        let post = "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
        let ok = exchange(
            server.addr,
            format!("{post}Content-Length: 3\r\n\r\nabc").as_bytes(),
        )
        .await;
        assert!(
            ok.starts_with("HTTP/1.1 200 OK\r\n") && ok.ends_with("\r\n\r\n3"),
            "{ok}"
        );
        let chunked =
            format!("{post}Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        let ok = exchange(server.addr, chunked.as_bytes()).await;
        assert!(ok.ends_with("\r\n\r\n5"), "{ok}");
        // Announced past the cap: refused before any of it is read.
        let big = exchange(
            server.addr,
            format!("{post}Content-Length: 1025\r\n\r\n").as_bytes(),
        )
        .await;
        assert!(big.starts_with("HTTP/1.1 413 "), "{big}");
        assert!(big.ends_with("body over 1 KiB\n"), "{big}");
        // Chunks past the cap: refused once the cap is passed, the rest unread.
        let chunks = format!(
            "{post}Transfer-Encoding: chunked\r\n\r\n400\r\n{}\r\n1\r\nb\r\n",
            "a".repeat(1024)
        );
        let big = exchange(server.addr, chunks.as_bytes()).await;
        assert!(big.starts_with("HTTP/1.1 413 "), "{big}");
        let slow_body = exchange(
            server.addr,
            format!("{post}Content-Length: 3\r\n\r\na").as_bytes(),
        )
        .await;
        assert!(slow_body.starts_with("HTTP/1.1 408 "), "{slow_body}");
        assert!(
            slow_body.ends_with("request body not complete within 200 ms\n"),
            "{slow_body}"
        );
        let slow_head = exchange(server.addr, b"POST / HTTP/1.1\r\nHost").await;
        assert!(
            slow_head.starts_with("HTTP/1.1 408 Request Timeout\r\n"),
            "{slow_head}"
        );
        assert!(slow_head.contains("connection: close\r\n"), "{slow_head}");
        assert!(
            slow_head.ends_with("request head not complete within 200 ms\n"),
            "{slow_head}"
        );
        // A connection that never sends a request is closed without an answer.
        assert_eq!(exchange(server.addr, b"").await, "");
        let _ = server.stop.send(());
        tokio::time::timeout(BOUND, server.served)
            .await
            .expect("stopped")
            .expect("joined");
    }

    #[tokio::test]
    async fn a_kept_alive_connection_serves_one_request_after_another() {
        let server = start(quick(), Arc::default()).await;
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        let request = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab";
        for _ in 0..2 {
            stream.write_all(request).await.expect("send");
            let mut answer = [0u8; 256];
            let n = stream.read(&mut answer).await.expect("answer");
            let answer = String::from_utf8_lossy(&answer[..n]);
            assert!(
                answer.starts_with("HTTP/1.1 200 OK\r\n") && answer.ends_with("\r\n\r\n2"),
                "{answer}"
            );
        }
        // Then idle past the idle timeout: closed without a word.
        assert_eq!(read_all(&mut stream).await, "");
        let _ = server.stop.send(());
    }

    #[tokio::test]
    async fn a_stop_lets_the_request_in_flight_finish_and_accepts_no_more() {
        let handler = Arc::new(Echo {
            gate: Some(Notify::new()),
            ..Echo::default()
        });
        let server = start(quick(), Arc::clone(&handler)).await;
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        stream
            .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na")
            .await
            .expect("send");
        tokio::time::timeout(BOUND, handler.entered.notified())
            .await
            .expect("in the handler");
        let _ = server.stop.send(());
        // The listener is closed before the request in flight is let go.
        let refused = async {
            while TcpStream::connect(server.addr).await.is_ok() {
                tokio::task::yield_now().await;
            }
        };
        tokio::time::timeout(BOUND, refused)
            .await
            .expect("new connections refused");
        handler.gate.as_ref().expect("gate").notify_one();
        let answer = read_all(&mut stream).await;
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.contains("connection: close\r\n"), "{answer}");
        tokio::time::timeout(BOUND, server.served)
            .await
            .expect("stopped")
            .expect("joined");
    }

    #[tokio::test]
    async fn a_stop_waits_no_longer_than_the_grace() {
        let handler = Arc::new(Echo {
            gate: Some(Notify::new()),
            ..Echo::default()
        });
        let server = start(quick(), Arc::clone(&handler)).await;
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        stream
            .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            .await
            .expect("send");
        tokio::time::timeout(BOUND, handler.entered.notified())
            .await
            .expect("in the handler");
        let _ = server.stop.send(());
        // The handler never answers: the connection is dropped after the grace.
        tokio::time::timeout(BOUND, server.served)
            .await
            .expect("stopped")
            .expect("joined");
        assert_eq!(read_all(&mut stream).await, "");
    }

    #[test]
    fn limits_read_as_a_person_writes_them() {
        assert_eq!(human_duration(Duration::from_secs(10)), "10 s");
        assert_eq!(human_duration(Duration::from_millis(300)), "300 ms");
        assert_eq!(human_size(1024 * 1024), "1 MiB");
        assert_eq!(human_size(16 * 1024), "16 KiB");
        assert_eq!(human_size(1000), "1000 bytes");
    }
}

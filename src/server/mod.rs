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
            max_connections: 256,
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
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes % 1024 == 0 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

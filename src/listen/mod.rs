//! The custom-webhook receiver as a library: the [`crate::server`] handler that checks each delivery
//! against the custom-webhook contract and hands what happened to a [`Sink`]; it never prints.
//!
//! `check` runs the contract's checks in their fixed order (pure: the request and the time in, the
//! event or the refusal out). This module de-duplicates on (path, `X-Notify-Delivery`): each path is
//! an endpoint, one user's webhook, so one event delivered to two users is two events. It counts for
//! `--count` and stops on it or on Ctrl-C. An accepted event reaches the sink *before* its 204 goes
//! out, so a sender never sees success for an event the caller did not get.

mod check;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::Result;
use bytes::Bytes;
use hyper::http::request::Parts;
use hyper::{Request, Response, StatusCode};
use tokio::net::TcpListener;
use tokio::sync::Notify;

pub use check::{Event, MAX_SKEW_MS, verify_signature};

use crate::error::{Error, Exit};
use crate::server::{self, Handler, Limits, Refusal};
use crate::signing::SignatureMethod;

/// Most connections served at once; more wait in the kernel's accept queue until one ends (none is
/// closed to make room).
pub const MAX_CONNECTIONS: usize = 512;
/// Largest body read (413 past it).
pub const MAX_BODY: usize = 1024 * 1024;
/// How long requests in flight get to finish once the receiver stops.
const GRACE: Duration = Duration::from_secs(2);

/// How deliveries are authenticated: the method and every key that may sign (several during a
/// rotation). Its `Debug` shows how many keys, never one.
pub struct Auth {
    method: SignatureMethod,
    keys: Vec<Vec<u8>>,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("method", &self.method)
            .field("keys", &self.keys.len())
            .finish()
    }
}

impl Auth {
    /// One key as HMAC key bytes; ignored (and should be empty) for [`SignatureMethod::None`].
    pub fn new(method: SignatureMethod, key: Vec<u8>) -> Self {
        Auth {
            method,
            keys: vec![key],
        }
    }

    /// The keys as given: for STANDARD a `whsec_<base64>` key stands for its decoded bytes (the error
    /// says why one is unusable, never what it is), for the HMAC methods each text's bytes.
    pub fn from_keys(method: SignatureMethod, keys: &[&str]) -> Result<Self, String> {
        let keys = keys
            .iter()
            .map(|key| match method {
                SignatureMethod::Standard => crate::signing::standard::key_bytes(key),
                _ => Ok(key.as_bytes().to_vec()),
            })
            .collect::<Result<_, _>>()?;
        Ok(Auth { method, keys })
    }

    pub fn method(&self) -> SignatureMethod {
        self.method
    }
}

/// The wall clock in Unix milliseconds, as the caller keeps it (freshness is judged against it).
pub type Now = Arc<dyn Fn() -> i64 + Send + Sync>;

pub struct Settings {
    pub auth: Auth,
    /// Stop after this many accepted events.
    pub count: Option<u64>,
    /// How long a request may take to arrive, and an idle connection may stay open.
    pub read_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
    pub now: Now,
}

/// What the receiver tells its caller.
#[derive(Debug)]
pub enum Report<'a> {
    /// Bound and serving.
    Listening {
        addr: SocketAddr,
        method: SignatureMethod,
    },
    /// A new event passed every check. The sink's `Err` means it could not be shown: the sender gets
    /// 503 and the receiver stops with that error.
    Accepted {
        event: &'a Event,
        peer: SocketAddr,
        /// `METHOD TARGET`, safe to print.
        request: &'a str,
        bytes: usize,
    },
    /// A repeat of an accepted delivery to the same path (a retry): answered 204 again, not counted.
    Repeated { event: &'a Event, peer: SocketAddr },
    /// A request refused with `status`; `request` is `METHOD TARGET` when its head was read.
    Rejected {
        peer: SocketAddr,
        request: Option<&'a str>,
        status: u16,
        reason: &'a str,
    },
    /// A connection could not be accepted (out of file descriptors, say); the receiver goes on.
    AcceptFailed(&'a std::io::Error),
    /// `count` events were accepted; the receiver returns.
    Stopping { accepted: u64 },
}

/// Where reports go. Only the error of [`Report::Accepted`] matters; the others' are ignored.
pub trait Sink: Send + Sync + 'static {
    fn report(&self, report: Report<'_>) -> Result<()>;
}

/// Serves on `addr` until `settings.count` events were accepted (`Ok`), Ctrl-C (an `Interrupted`
/// error), or the sink fails to take an event.
pub fn serve(addr: SocketAddr, settings: Settings, sink: impl Sink) -> Result<()> {
    crate::transport::runtime()?.block_on(run(addr, settings, sink))
}

async fn run(addr: SocketAddr, settings: Settings, sink: impl Sink) -> Result<()> {
    let mut interrupt = Interrupt::new()?;
    let listener = bind(addr).await?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::failure("cannot tell which port the listener got").caused_by(e))?;
    let _ = sink.report(Report::Listening {
        addr: local,
        method: settings.auth.method,
    });
    let limits = Limits {
        max_connections: settings.max_connections,
        head_timeout: settings.read_timeout,
        body_timeout: settings.read_timeout,
        idle_timeout: settings.read_timeout,
        max_body: MAX_BODY,
        grace: GRACE,
    };
    let receiver = Arc::new(Receiver {
        sink,
        auth: settings.auth,
        count: settings.count,
        now: settings.now,
        state: Mutex::new(State::default()),
        done: Notify::new(),
    });
    let mut interrupted = false;
    let stop = async {
        tokio::select! {
            () = interrupt.recv() => interrupted = true,
            () = receiver.done.notified() => {}
        }
    };
    server::serve(listener, limits, Arc::clone(&receiver), stop).await;
    let mut state = receiver.state();
    if let Some(e) = state.fatal.take() {
        return Err(e);
    }
    if interrupted {
        return Err(Error::new(Exit::Interrupted, "interrupted").into());
    }
    let _ = receiver.sink.report(Report::Stopping {
        accepted: state.accepted,
    });
    Ok(())
}

async fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).await.map_err(|e| {
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
            .into()
    })
}

/// The handler the server calls: the checks, de-duplication and the count.
struct Receiver<S> {
    sink: S,
    auth: Auth,
    count: Option<u64>,
    now: Now,
    state: Mutex<State>,
    /// Told once the receiver should stop (`--count` reached, or the sink failed).
    done: Notify,
}

/// Accepted events so far: how many (for `--count`) and which deliveries (to recognise retries).
#[derive(Default)]
struct State {
    accepted: u64,
    /// (path, delivery id) -> `eventTime`; a delivery whose event is stale can never be accepted
    /// again, so it is pruned.
    seen: HashMap<(String, String), i64>,
    prune_at: usize,
    /// Why the sink could not take an event.
    fatal: Option<anyhow::Error>,
}

enum Admission {
    New,
    Repeat,
    /// `--count` events were already accepted; the listener is about to stop.
    Full,
}

impl<S: Sink> Receiver<S> {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn answer(&self, request: &Request<Bytes>, peer: SocketAddr) -> Response<Bytes> {
        let now = (self.now)();
        let label = label(request.method().as_str(), check::target(request));
        let event = match check::check(request, &self.auth, now) {
            Ok(event) => event,
            Err(refusal) => return self.reject(peer, Some(&label), &refusal),
        };
        match self.admit(&event, now) {
            Admission::New => {
                let shown = self.sink.report(Report::Accepted {
                    event: &event,
                    peer,
                    request: &label,
                    bytes: request.body().len(),
                });
                if let Err(e) = shown {
                    self.state().fatal.get_or_insert(e);
                    self.done.notify_one();
                    return refusal_response(&Refusal::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "the listener cannot print the event",
                    ));
                }
                if self
                    .count
                    .is_some_and(|count| self.state().accepted >= count)
                {
                    self.done.notify_one();
                }
                no_content()
            }
            Admission::Repeat => {
                let _ = self.sink.report(Report::Repeated {
                    event: &event,
                    peer,
                });
                no_content()
            }
            Admission::Full => self.reject(
                peer,
                Some(&label),
                &Refusal::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the listener is stopping (--count reached)",
                ),
            ),
        }
    }

    /// Counts a new delivery, or recognises a repeat: the same delivery id (the `X-Notify-Delivery`
    /// header, else `messageEvent.id`) on the same path.
    fn admit(&self, event: &Event, now: i64) -> Admission {
        let mut state = self.state();
        let key = event
            .delivery_id()
            .map(|id| (event.path.clone(), id.to_owned()));
        if let Some(key) = &key
            && state.seen.contains_key(key)
        {
            return Admission::Repeat;
        }
        if self.count.is_some_and(|count| state.accepted >= count) {
            return Admission::Full;
        }
        state.accepted += 1;
        if let Some(key) = key {
            if state.seen.len() >= state.prune_at {
                state
                    .seen
                    .retain(|_, time| now.saturating_sub(*time) <= MAX_SKEW_MS);
                state.prune_at = (state.seen.len() * 2).max(1024);
            }
            state.seen.insert(key, event.event_time);
        }
        Admission::New
    }

    fn reject(
        &self,
        peer: SocketAddr,
        request: Option<&str>,
        refusal: &Refusal,
    ) -> Response<Bytes> {
        let _ = self.sink.report(Report::Rejected {
            peer,
            request,
            status: refusal.status.as_u16(),
            reason: &refusal.reason,
        });
        refusal_response(refusal)
    }
}

impl<S: Sink> Handler for Receiver<S> {
    fn handle(
        &self,
        request: Request<Bytes>,
        peer: SocketAddr,
    ) -> impl Future<Output = Response<Bytes>> + Send {
        std::future::ready(self.answer(&request, peer))
    }

    fn refused(
        &self,
        peer: SocketAddr,
        head: Option<&Parts>,
        refusal: &Refusal,
    ) -> Response<Bytes> {
        let request = head.map(|head| {
            let target = head.uri.path_and_query().map_or("", |p| p.as_str());
            label(head.method.as_str(), target)
        });
        self.reject(peer, request.as_deref(), refusal)
    }

    fn accept_failed(&self, error: &std::io::Error) {
        let _ = self.sink.report(Report::AcceptFailed(error));
    }
}

/// `METHOD TARGET`, safe to print.
fn label(method: &str, target: &str) -> String {
    format!("{} {}", clean(method), clean(target))
}

/// The success answer: 204, no body, the connection kept alive.
fn no_content() -> Response<Bytes> {
    let mut response = Response::new(Bytes::new());
    *response.status_mut() = StatusCode::NO_CONTENT;
    response
}

/// A refusal as plain text; it closes the connection (and a 405 says what is allowed).
fn refusal_response(refusal: &Refusal) -> Response<Bytes> {
    let mut response = refusal.plain_text();
    if refusal.status == StatusCode::METHOD_NOT_ALLOWED {
        response.headers_mut().insert(
            hyper::header::ALLOW,
            hyper::header::HeaderValue::from_static("POST"),
        );
    }
    response
}

/// Ctrl-C or SIGTERM (a service manager's stop), registered before the listening line is reported so
/// that no early signal is missed.
#[cfg(unix)]
struct Interrupt {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl Interrupt {
    fn new() -> Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        let watch = |kind| {
            signal(kind)
                .map_err(|e| Error::failure("cannot watch for Ctrl-C and SIGTERM").caused_by(e))
        };
        Ok(Interrupt {
            interrupt: watch(SignalKind::interrupt())?,
            terminate: watch(SignalKind::terminate())?,
        })
    }

    async fn recv(&mut self) {
        let got = tokio::select! {
            got = self.interrupt.recv() => got,
            got = self.terminate.recv() => got,
        };
        if got.is_none() {
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

/// `IP:PORT`, `localhost:PORT` or a bare `PORT` (on 127.0.0.1); `None` for anything else.
pub fn parse_addr(raw: &str) -> Option<SocketAddr> {
    let raw = raw.trim();
    let localhost = raw
        .strip_prefix("localhost:")
        .or_else(|| raw.bytes().all(|b| b.is_ascii_digit()).then_some(raw));
    match localhost {
        Some(port) => port
            .parse::<u16>()
            .ok()
            .map(|p| SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), p)),
        None => raw.parse::<SocketAddr>().ok(),
    }
}

/// Replaces control characters (terminal escapes included) in text a sender chose.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects what the receiver reports, as lines.
    #[derive(Default)]
    struct Lines(Mutex<Vec<String>>);

    impl Sink for Arc<Lines> {
        fn report(&self, report: Report<'_>) -> Result<()> {
            let line = match report {
                Report::Accepted { event, .. } => format!("accepted {}", event.path),
                Report::Repeated { event, .. } => format!("repeated {}", event.path),
                Report::Rejected { status, .. } => format!("rejected {status}"),
                _ => return Ok(()),
            };
            self.0.lock().expect("lines").push(line);
            Ok(())
        }
    }

    const NOW: i64 = 1_700_000_000_000;

    fn receiver(count: Option<u64>) -> (Receiver<Arc<Lines>>, Arc<Lines>) {
        let lines = Arc::new(Lines::default());
        let receiver = Receiver {
            sink: Arc::clone(&lines),
            auth: Auth::new(SignatureMethod::None, Vec::new()),
            count,
            now: Arc::new(|| NOW),
            state: Mutex::new(State::default()),
            done: Notify::new(),
        };
        (receiver, lines)
    }

    fn delivery(path: &str, delivery: Option<&str>, id: &str) -> Request<Bytes> {
        let body = format!(r#"{{"messageEvent":{{"id":"{id}","eventTime":{NOW}}}}}"#);
        let mut request = Request::builder().method("POST").uri(path);
        if let Some(delivery) = delivery {
            request = request.header("X-Notify-Delivery", delivery);
        }
        request.body(Bytes::from(body)).expect("a request")
    }

    fn peer() -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], 9))
    }

    #[test]
    fn a_delivery_is_new_once_per_path() {
        let (receiver, lines) = receiver(None);
        for (path, header, id) in [
            ("/alice", Some("d-1"), "d-1"),
            ("/bob", Some("d-1"), "d-1"),
            ("/alice", Some("d-1"), "d-1"),
            // Without the header, messageEvent.id is the delivery id.
            ("/carol", None, "d-1"),
            ("/carol", None, "d-1"),
            ("/carol", Some("d-2"), "d-1"),
        ] {
            let answer = receiver.answer(&delivery(path, header, id), peer());
            assert_eq!(answer.status(), StatusCode::NO_CONTENT);
        }
        assert_eq!(
            *lines.0.lock().expect("lines"),
            [
                "accepted /alice",
                "accepted /bob",
                "repeated /alice",
                "accepted /carol",
                "repeated /carol",
                "accepted /carol",
            ]
        );
        assert_eq!(receiver.state().accepted, 4);
    }

    #[tokio::test]
    async fn the_count_stops_the_receiver_and_refuses_more() {
        let (receiver, lines) = receiver(Some(2));
        receiver.answer(&delivery("/a", Some("d-1"), "d-1"), peer());
        receiver.answer(&delivery("/b", Some("d-1"), "d-1"), peer());
        tokio::time::timeout(Duration::from_secs(5), receiver.done.notified())
            .await
            .expect("told to stop");
        // A repeat is still answered 204; a new one is refused while stopping.
        let repeat = receiver.answer(&delivery("/a", Some("d-1"), "d-1"), peer());
        assert_eq!(repeat.status(), StatusCode::NO_CONTENT);
        let late = receiver.answer(&delivery("/c", Some("d-3"), "d-3"), peer());
        assert_eq!(late.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            lines.0.lock().expect("lines").last().map(String::as_str),
            Some("rejected 503")
        );
    }

    #[test]
    fn freshness_is_judged_by_the_callers_clock() {
        let (mut receiver, _) = receiver(None);
        receiver.now = Arc::new(|| NOW + MAX_SKEW_MS + 1);
        let answer = receiver.answer(&delivery("/a", Some("d-1"), "d-1"), peer());
        assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
    }

    #[test]
    fn refusals_close_and_a_405_says_what_is_allowed() {
        let (receiver, _) = receiver(None);
        let get = Request::builder()
            .method("GET")
            .uri("/a")
            .body(Bytes::new())
            .expect("a request");
        let answer = receiver.answer(&get, peer());
        assert_eq!(answer.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(answer.headers()["allow"], "POST");
        assert_eq!(answer.headers()["connection"], "close");
        assert_eq!(answer.body(), "only POST is accepted\n");
        let ok = receiver.answer(&delivery("/a", Some("d-1"), "d-1"), peer());
        assert!(ok.headers().get("connection").is_none());
        assert!(ok.body().is_empty());
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(clean("a\u{1b}[31mb\nc\u{7}"), "a?[31mb?c?");
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
        assert!(parse_addr("[::1]:9").is_some());
        assert!(parse_addr("example.com:80").is_none());
    }
}

//! The custom-webhook receiver as a library: a small HTTP/1.1 server that checks each delivery against
//! the contract of PROTOCOLS.md §8 and hands what happened to a [`Sink`]; it never prints.
//!
//! `http` reads requests under a deadline and size caps, `check` runs the contract's checks in their
//! fixed order, and this module runs the accept loop: at most [`MAX_CONNECTIONS`] connections at once,
//! de-duplication on `messageEvent.id`, `--count`, Ctrl-C. An accepted event reaches the sink *before*
//! its 204 goes out and its count is taken before that, so a sender never sees success for an event the
//! caller did not get.

mod check;
mod http;

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::time::Instant;

pub use check::{Event, MAX_SKEW_MS};

use crate::error::{Error, Exit};
use crate::signing::SignatureMethod;
use http::{Read, Reject};

/// Most connections served at once. When all are taken, a connection waiting idle for its next request
/// gives its slot to the new one; otherwise further connections wait in the kernel's accept queue.
pub const MAX_CONNECTIONS: usize = 64;

/// How deliveries are authenticated. No `Debug`: it holds the key.
pub struct Auth {
    method: SignatureMethod,
    key: Vec<u8>,
}

impl Auth {
    /// `key` is ignored (and should be empty) for [`SignatureMethod::None`].
    pub fn new(method: SignatureMethod, key: Vec<u8>) -> Self {
        Auth { method, key }
    }
}

pub struct Settings {
    pub auth: Auth,
    /// Stop after this many accepted events.
    pub limit: Option<u64>,
    /// How long a request may take to arrive, and an idle connection may stay open.
    pub read_timeout: Duration,
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
    /// A repeat of an accepted event id (a retry): answered 204 again, not counted.
    Repeated { event: &'a Event, peer: SocketAddr },
    /// A request refused with `status`; `request` is `METHOD TARGET` when its head was read.
    Rejected {
        peer: SocketAddr,
        request: Option<&'a str>,
        status: u16,
        reason: &'a str,
    },
    /// An idle connection was closed to make room for a new one.
    Evicted { peer: SocketAddr },
    /// A connection could not be accepted (out of file descriptors, say); the receiver goes on.
    AcceptFailed(&'a std::io::Error),
    /// `limit` events were accepted; the receiver returns.
    Stopping { accepted: u64 },
}

/// Where reports go. Only the error of [`Report::Accepted`] matters; the others' are ignored.
pub trait Sink: Send + Sync + 'static {
    fn report(&self, report: Report<'_>) -> Result<()>;
}

/// Serves on `addr` until `settings.limit` events were accepted (`Ok`), Ctrl-C (an `Interrupted`
/// error), or the sink fails to take an event.
pub fn serve(addr: SocketAddr, settings: Settings, sink: impl Sink) -> Result<()> {
    crate::transport::runtime()?.block_on(accept_loop(addr, settings, Arc::new(sink)))
}

/// What connections tell the accept loop.
enum Msg {
    /// One accepted event was reported and answered.
    Accepted,
    /// The sink could not take an event: stop.
    Fatal(anyhow::Error),
}

/// State every connection shares.
struct Shared {
    sink: Arc<dyn Sink>,
    settings: Settings,
    admitted: Mutex<Admitted>,
    slots: Slots,
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

    fn rejected(&self, peer: SocketAddr, request: Option<&str>, reject: &Reject) {
        let _ = self.sink.report(Report::Rejected {
            peer,
            request,
            status: reject.status,
            reason: &reject.reason,
        });
    }
}

async fn accept_loop(addr: SocketAddr, settings: Settings, sink: Arc<dyn Sink>) -> Result<()> {
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
    let _ = sink.report(Report::Listening {
        addr: local,
        method: settings.auth.method,
    });
    let limit = settings.limit;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let shared = Arc::new(Shared {
        sink: Arc::clone(&sink),
        settings,
        admitted: Mutex::new(Admitted::default()),
        slots: Slots::new(MAX_CONNECTIONS),
        tx,
    });
    let slots = &shared.slots;
    // A slot held for the next connection, and a connection accepted while every slot was taken.
    let mut permit: Option<OwnedSemaphorePermit> = None;
    let mut pending: Option<(TcpStream, SocketAddr)> = None;
    let mut accepted = 0u64;
    loop {
        if permit.is_none()
            && pending.is_some()
            && let Some(peer) = slots.evict_longest_idle()
        {
            let _ = sink.report(Report::Evicted { peer });
            // The evicted connection gives its slot back as soon as it runs; nothing else takes slots.
            let freed = Arc::clone(&slots.free).acquire_owned();
            permit = tokio::time::timeout(Duration::from_secs(1), freed)
                .await
                .ok()
                .and_then(Result::ok);
        }
        if permit.is_some()
            && let Some((stream, peer)) = pending.take()
            && let Some(permit) = permit.take()
        {
            tokio::spawn(connection(stream, peer, Arc::clone(&shared), permit));
        }
        let can_evict = slots.has_idle();
        tokio::select! {
            () = interrupt.recv() => {
                return Err(Error::new(Exit::Interrupted, "interrupted").into());
            }
            Some(msg) = rx.recv() => match msg {
                Msg::Accepted => {
                    accepted += 1;
                    if limit.is_some_and(|n| accepted >= n) {
                        let _ = sink.report(Report::Stopping { accepted });
                        return Ok(());
                    }
                }
                Msg::Fatal(e) => return Err(e),
            },
            slot = Arc::clone(&slots.free).acquire_owned(), if permit.is_none() => {
                permit = slot.ok();
            }
            // Every slot is taken: a connection turning idle makes room for one more.
            () = slots.idle_appeared.notified(), if permit.is_none() => {}
            conn = listener.accept(), if pending.is_none() && (permit.is_some() || can_evict) => {
                match conn {
                    Ok(conn) => pending = Some(conn),
                    Err(e) => {
                        // Out of file descriptors and the like: wait a little instead of spinning.
                        let _ = sink.report(Report::AcceptFailed(&e));
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
            }
        }
    }
}

/// Serves one connection: requests one after another (keep-alive) until an error, a close, idleness, or
/// its slot is wanted while it waits for a request.
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
        if buf.is_empty() {
            // Nothing of the next request yet: the slot may be given to a new connection meanwhile.
            let idle = shared.slots.idle(peer);
            let read = tokio::select! {
                () = idle.evicted.notified() => Read::Closed,
                read = http::read_more(&mut stream, &mut buf, Instant::now() + io_timeout) => read,
            };
            if !idle.busy() || !matches!(read, Read::Data) {
                return;
            }
        }
        let request = match http::read_request(&mut stream, &mut buf, io_timeout).await {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err((label, reject)) => {
                shared.rejected(peer, label.as_deref(), &reject);
                http::answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                return;
            }
        };
        let now = now_ms();
        let label = request.label();
        let event = match check::check(&request, &shared.settings.auth, now) {
            Ok(event) => event,
            Err(reject) => {
                shared.rejected(peer, Some(&label), &reject);
                http::answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                return;
            }
        };
        match shared.admit(&event, now) {
            Admission::New => {
                let shown = shared.sink.report(Report::Accepted {
                    event: &event,
                    peer,
                    request: &label,
                    bytes: request.body.len(),
                });
                if let Err(e) = shown {
                    let reject = Reject::new(503, "the listener cannot print the event");
                    http::answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                    let _ = shared.tx.send(Msg::Fatal(e));
                    return;
                }
                let answer = http::no_content(request.keep_alive);
                let sent = http::write(&mut stream, &answer, io_timeout).await;
                let _ = shared.tx.send(Msg::Accepted);
                if !sent || !request.keep_alive {
                    http::close_gently(&mut stream).await;
                    return;
                }
            }
            Admission::Repeat => {
                let _ = shared.sink.report(Report::Repeated {
                    event: &event,
                    peer,
                });
                let answer = http::no_content(request.keep_alive);
                let sent = http::write(&mut stream, &answer, io_timeout).await;
                if !sent || !request.keep_alive {
                    http::close_gently(&mut stream).await;
                    return;
                }
            }
            Admission::Full => {
                let reject = Reject::new(503, "the listener is stopping (--count reached)");
                shared.rejected(peer, Some(&label), &reject);
                http::answer_and_close(&mut stream, &reject.response(), io_timeout).await;
                return;
            }
        }
    }
}

/// The connection slots: a semaphore of free ones, and the connections that wait idle for a request,
/// longest waiting first. Taking a connection off the idle list is final: it closes even if its
/// request started to arrive at that moment (a client must expect an idle keep-alive connection to
/// close, RFC 9112 §9.3.1).
struct Slots {
    free: Arc<Semaphore>,
    idle: Mutex<IdleList>,
    /// Wakes the accept loop, when every slot is taken, because one may now be made free.
    idle_appeared: Notify,
}

#[derive(Default)]
struct IdleList {
    next: u64,
    /// In the order the connections turned idle.
    waiting: BTreeMap<u64, (SocketAddr, Arc<Notify>)>,
}

impl Slots {
    fn new(n: usize) -> Self {
        Slots {
            free: Arc::new(Semaphore::new(n)),
            idle: Mutex::new(IdleList::default()),
            idle_appeared: Notify::new(),
        }
    }

    fn list(&self) -> std::sync::MutexGuard<'_, IdleList> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Puts a connection on the idle list until [`Idle::busy`] or drop.
    fn idle(&self, peer: SocketAddr) -> Idle<'_> {
        let evicted = Arc::new(Notify::new());
        let mut list = self.list();
        let ticket = list.next;
        list.next += 1;
        list.waiting.insert(ticket, (peer, Arc::clone(&evicted)));
        drop(list);
        self.idle_appeared.notify_one();
        Idle {
            slots: self,
            ticket,
            evicted,
        }
    }

    fn has_idle(&self) -> bool {
        !self.list().waiting.is_empty()
    }

    /// Tells the connection idle longest to close; its peer, or `None` when none is idle.
    fn evict_longest_idle(&self) -> Option<SocketAddr> {
        let (_, (peer, evicted)) = self.list().waiting.pop_first()?;
        evicted.notify_one();
        Some(peer)
    }
}

/// A connection's place on the idle list.
struct Idle<'a> {
    slots: &'a Slots,
    ticket: u64,
    evicted: Arc<Notify>,
}

impl Idle<'_> {
    /// Leaves the idle list: false when the connection was evicted and must close.
    fn busy(self) -> bool {
        self.slots.list().waiting.remove(&self.ticket).is_some()
    }
}

impl Drop for Idle<'_> {
    fn drop(&mut self) {
        self.slots.list().waiting.remove(&self.ticket);
    }
}

/// Ctrl-C, registered before the listening line is reported so that no early signal is missed.
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

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peer(port: u16) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], port))
    }

    #[test]
    fn the_connection_idle_longest_is_evicted_first_and_for_good() {
        let slots = Slots::new(2);
        let first = slots.idle(peer(1));
        let second = slots.idle(peer(2));
        assert!(slots.has_idle());
        assert_eq!(slots.evict_longest_idle(), Some(peer(1)));
        // Evicted is final, even if its request started to arrive.
        assert!(!first.busy());
        assert!(second.busy());
        assert!(!slots.has_idle());
        assert_eq!(slots.evict_longest_idle(), None);
        // A connection that stops (dropping its place) is never chosen.
        drop(slots.idle(peer(3)));
        assert_eq!(slots.evict_longest_idle(), None);
    }

    #[tokio::test]
    async fn an_evicted_connection_is_woken_even_if_told_before_it_waits() {
        let slots = Slots::new(1);
        let idle = slots.idle(peer(1));
        slots.evict_longest_idle();
        tokio::time::timeout(Duration::from_secs(5), idle.evicted.notified())
            .await
            .expect("woken");
        assert!(!idle.busy());
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

//! `notify serve`, the relay: events in over HTTP, queued in the delivery log's database before they
//! are acknowledged, planned when due and delivered by workers through `delivery::Run`, retried with
//! backoff across restarts; the queue is the truth, so a stop or a crash loses nothing accepted.
//!
//! `intake` answers HTTP (on `crate::server`), `worker` leases and sends, `stores` keeps the store
//! current, `event` reads an event's fields. One tokio runtime runs all of it.

mod ack;
mod alertmanager;
mod auth;
mod committer;
mod dms;
mod event;
mod fallback;
mod group;
mod intake;
mod metrics;
mod recorder;
mod stores;
mod worker;

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::Notify;

use crate::clock::Clock;
use crate::delivery::stop::Stop;
use crate::delivery::{Engine, Options};
use crate::error::Error;
use crate::log::queue::{Policy, Queue};
use crate::server::{self, Limits};
use crate::store::StoreFile;
use crate::transport::{Net, runtime};
use crate::values::Revealed;
use recorder::Recorder;

pub use event::{EventBody, Malformed};

/// What a serve is told to do.
#[derive(Debug)]
pub struct Config {
    pub bind: SocketAddr,
    /// The bearer tokens accepted on intake (none: no auth, loopback only).
    pub tokens: Vec<Revealed>,
    /// The signature check of signed intake (PROTOCOLS §8, §13); a token or a signature admits.
    pub signature: Option<crate::listen::Auth>,
    pub workers: usize,
    pub policy: Policy,
    pub grace: Duration,
    pub lease: Duration,
    /// The delivery log, where the queue lives too.
    pub log: PathBuf,
    pub store: StoreFile,
    pub cache_dir: Option<PathBuf>,
    pub clock: Clock,
    /// Where ack links point (`--public-url`); the bound address when `None`.
    pub public_url: Option<String>,
    /// How often idle workers look for unannounced work (`--poll`); by the backend when `None`.
    pub poll: Option<Duration>,
    /// The ack links' key (`--ack-key-file`); see `ack::load_key` for the others.
    pub ack_key_file: Option<PathBuf>,
}

/// Something the serve says on stderr (the command renders it).
#[derive(Debug)]
pub enum Line {
    Listening(SocketAddr),
    /// Leases a killed serve left, taken back at start.
    Reclaimed(usize),
    Request {
        method: String,
        path: String,
        status: u16,
        id: Option<String>,
    },
    Outcome {
        id: String,
        recipient: String,
        channel: String,
        outcome: &'static str,
        detail: Option<String>,
        attempts: u32,
    },
    /// An event that needed no delivery, and why.
    Finished {
        id: String,
        note: String,
    },
    Stopping {
        grace: Duration,
    },
    StoreFailed(anyhow::Error),
    QueueFailed(anyhow::Error),
    LogFailed(anyhow::Error),
}

pub type Report = Arc<dyn Fn(Line) + Send + Sync>;

/// Serves until SIGTERM or SIGINT, then stops: new events get 503, attempts in flight get the grace,
/// what was not sent stays queued, and it returns. A second signal ends the process with 130.
///
/// Two threads, each with a single-threaded runtime: this one takes events in (HTTP, commits), the
/// workers' sends and records run on the other. A large event's planning then never holds the intake
/// back, and neither pays a multi-threaded scheduler's cost (measured: about a fifth less CPU).
pub fn serve(config: Config, report: Report) -> Result<()> {
    runtime()?.block_on(run(config, report))
}

async fn run(config: Config, report: Report) -> Result<()> {
    let watch = |e| Error::failure("cannot watch for SIGTERM, SIGINT and SIGHUP").caused_by(e);
    let mut interrupt = signal(SignalKind::interrupt()).map_err(watch)?;
    let mut terminate = signal(SignalKind::terminate()).map_err(watch)?;
    let is_url = crate::log::postgres::is_url(&config.log.to_string_lossy());
    if is_url {
        // Before any connection: `notify retry` tells a live replica by its connections' name.
        crate::log::postgres::identify_as_serve();
    }
    let queue: Arc<dyn Queue> = crate::log::open_queue(&config.log)?;
    // After the queue: opening it makes the log's folder, where a SQLite log's key is kept.
    let ack_key = ack::load_key(&config.log, config.ack_key_file.as_deref())?;
    // One serve owns its log file: whatever a killed serve held is due again at once. Replicas share a
    // PostgreSQL log: none owns it, and a killed one's leases end by themselves.
    let _owned = match is_url {
        true => None,
        false => Some(own(&config.log)?),
    };
    let reclaimed = queue.reclaim_all()?;
    if reclaimed > 0 {
        report(Line::Reclaimed(reclaimed));
    }
    let stores = Arc::new(stores::Stores::load(config.store)?);
    let mut hangup = signal(SignalKind::hangup()).map_err(watch)?;
    let listener = bind(config.bind).await?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::failure("cannot tell which port the listener got").caused_by(e))?;
    let base = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"));
    // Silences, acks and groups stay open for the workers and the ack endpoints, as the log does.
    let kept = Arc::new(crate::log::Kept::new(&config.log));
    let links = Arc::new(ack::Links::new(
        ack_key,
        &base,
        Arc::clone(&kept),
        config.clock,
    ));
    let opts = Options {
        // The queue retries, with its own backoff across restarts; one attempt per lease.
        retries: 0,
        deadline: config.lease.mul_f64(0.5),
        concurrency: config.workers.max(1),
        ..Options::default()
    };
    let net = Arc::new(Net::for_attempts_of(opts.timeout)?);
    let (stop_tx, stop) = Stop::switch();
    // One engine for all workers: `--workers` attempts at once in all, robots paced, app tokens and
    // rate limits shared.
    let engine = Engine::new(opts.clone(), config.clock, config.cache_dir.clone(), net)
        .with_stop(stop.clone())
        .with_exchange_limit(config.workers);
    let stopping = Arc::new(AtomicBool::new(false));
    let wake = Arc::new(Notify::new());
    // Work committed by other processes wakes the workers too, where the queue can tell.
    let woken = queue.listen(Arc::clone(&wake)).unwrap_or_else(|e| {
        report(Line::QueueFailed(e));
        true
    });
    let poll = config.poll.unwrap_or(match woken {
        true => worker::POLL_WOKEN,
        false => worker::POLL,
    });
    let metrics = Arc::new(metrics::Metrics::default());
    // SIGHUP reads the store at once: a store that does not load is said now, not at the next event.
    let (reload, counted, said) = (
        Arc::clone(&stores),
        Arc::clone(&metrics),
        Arc::clone(&report),
    );
    tokio::spawn(async move {
        while hangup.recv().await.is_some() {
            reload.force();
            reload.reported(&counted, &said);
        }
    });
    // The workers' slots, shared with the intake, which hands events due now straight over.
    let slots = Arc::new(tokio::sync::Semaphore::new(config.workers.max(1)));
    let (to_workers, handed) = tokio::sync::mpsc::unbounded_channel();
    let owner = format!("{}@{}", std::process::id(), config.clock.now_ms());
    // SQLite's queue leases at insert; on PostgreSQL every replica claims (a free slot taken for
    // nothing would only hold a worker back).
    let handoff = (!is_url).then(|| committer::Handoff {
        slots: Arc::clone(&slots),
        to: to_workers,
        owner: owner.clone(),
        lease: config.lease,
    });
    let committer = committer::Committer::start(
        Arc::clone(&queue),
        Arc::clone(&wake),
        Arc::clone(&report),
        handoff,
    );
    let intake = Arc::new(intake::Intake {
        queue: Arc::clone(&queue),
        committer,
        stores: Arc::clone(&stores),
        auth: auth::IntakeAuth::new(&config.tokens, config.signature),
        clock: config.clock,
        stopping: Arc::clone(&stopping),
        wake: Arc::clone(&wake),
        report: Arc::clone(&report),
        metrics: Arc::clone(&metrics),
        links: Arc::clone(&links),
    });
    // As many sends may wait for their record as are delivered at once.
    let (recorder, recording) = Recorder::new(
        Arc::clone(&queue),
        Arc::clone(&kept),
        config.policy,
        config.workers,
    );
    let workers = Arc::new(worker::Workers {
        queue,
        stores,
        log: kept,
        cache_dir: config.cache_dir,
        clock: config.clock,
        opts,
        policy: config.policy,
        lease: config.lease,
        owner,
        engine: Arc::new(engine),
        report: Arc::clone(&report),
        metrics,
        links,
        recorder,
        poll,
    });
    let grace = config.grace;
    let workers_done =
        start_workers(workers, recording, (slots, handed, wake, stop), grace).await?;
    let limits = Limits {
        grace: Duration::from_secs(1),
        ..Limits::default()
    };
    let server_done = Arc::new(Notify::new());
    let done = Arc::clone(&server_done);
    let server = tokio::spawn(server::serve(listener, limits, intake, async move {
        done.notified().await;
    }));
    report(Line::Listening(local));
    let signals_report = Arc::clone(&report);
    tokio::spawn(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        stopping.store(true, Ordering::SeqCst);
        let _ = stop_tx.send(true);
        signals_report(Line::Stopping { grace });
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        std::process::exit(130);
    });
    let workers_ended = workers_done.await;
    // Also when the workers died (a panic): the intake stops rather than queue for nobody.
    server_done.notify_one();
    let _ = server.await;
    workers_ended.map_err(|_| {
        Error::failure("the workers stopped unexpectedly; what was not sent stays queued")
            .hint("start notify serve again: it takes the queue back where it was left")
            .into()
    })
}

/// What the workers take: their slots, the events handed to them, the wake and the stop.
type Feed = (
    Arc<tokio::sync::Semaphore>,
    tokio::sync::mpsc::UnboundedReceiver<committer::Handed>,
    Arc<Notify>,
    Stop,
);

/// Starts the workers, and the recorder's task, on a single-threaded runtime of their own thread;
/// the answer says when they ended (after a stop and its `grace`). An error when the thread or its
/// runtime cannot start: nothing was taken in then.
async fn start_workers(
    workers: Arc<worker::Workers>,
    recording: impl Future<Output = ()> + Send + 'static,
    (slots, handed, wake, stop): Feed,
    grace: Duration,
) -> Result<tokio::sync::oneshot::Receiver<()>> {
    let (started, running) = tokio::sync::oneshot::channel();
    let (finished, ended) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("notify-workers".into())
        .spawn(move || {
            let runtime = match runtime() {
                Ok(runtime) => runtime,
                Err(e) => return drop(started.send(Err(e))),
            };
            let _ = started.send(Ok(()));
            runtime.spawn(recording);
            runtime.block_on(workers.run(slots, handed, wake, stop, grace));
            // Waits for a record still being committed.
            drop(runtime);
            let _ = finished.send(());
        })
        .map_err(|e| Error::failure("cannot start the workers' thread").caused_by(e))?;
    running
        .await
        .map_err(|_| Error::failure("the workers' thread ended at its start"))??;
    Ok(ended)
}

/// The lock file beside a log that its serve holds.
fn lock_path(log: &Path) -> PathBuf {
    let mut name = log.as_os_str().to_owned();
    name.push(".serve");
    PathBuf::from(name)
}

/// The process id of the serve that owns `log`, when one runs (`notify retry` then hands it the dead
/// deliveries instead of sending them itself).
pub fn serve_owning(log: &Path) -> Option<String> {
    let mut file = File::open(lock_path(log)).ok()?;
    match file.try_lock_shared() {
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            Some(pid.trim().to_owned())
        }
        // Free (unlocked again as the file closes), or unreadable: no serve to hand anything to.
        _ => None,
    }
}

/// One serve owns a SQLite log (it takes every lease back at start): a lock file beside the log,
/// held for the serve's life, says which process owns it.
fn own(log: &Path) -> Result<File> {
    let path = lock_path(log);
    let failed = |e: std::io::Error| {
        Error::failure(format!("cannot lock {}", path.display()))
            .caused_by(e)
            .hint("check the permissions of the log's folder, or point --log (NOTIFY_LOG) at another file")
    };
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .mode(0o600)
        .open(&path)
        .map_err(failed)?;
    match file.try_lock() {
        Ok(()) => {
            file.set_len(0).map_err(failed)?;
            write!(file, "{}", std::process::id()).map_err(failed)?;
            Ok(file)
        }
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            Err(Error::failure(format!(
                "another notify serve (process {}) owns the delivery log {}",
                pid.trim(),
                log.display()
            ))
            .hint("stop that serve first, or point --log (NOTIFY_LOG) at another file")
            .into())
        }
        Err(TryLockError::Error(e)) => Err(failed(e).into()),
    }
}

/// The process id of the serve that owns `log`, if one runs (`notify doctor`); the lock is only tested.
pub fn owner(log: &Path) -> Option<String> {
    let mut name = log.as_os_str().to_owned();
    name.push(".serve");
    let mut file = OpenOptions::new()
        .read(true)
        .open(PathBuf::from(name))
        .ok()?;
    match file.try_lock_shared() {
        Ok(()) => None,
        Err(_) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            Some(pid.trim().to_owned())
        }
    }
}

async fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).await.map_err(|e| {
        let hint = match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                "another program is using that port: pick another with --bind 127.0.0.1:PORT (port 0 for any free one)"
            }
            std::io::ErrorKind::AddrNotAvailable => {
                "no network interface of this machine has that address"
            }
            _ => "pick another address with --bind 127.0.0.1:PORT (port 0 for any free one)",
        };
        Error::failure(format!("cannot listen on {addr}"))
            .caused_by(e)
            .hint(hint)
            .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_of_a_log_is_the_serve_holding_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("deliveries.db");
        assert_eq!(owner(&log), None);
        let held = own(&log).unwrap();
        assert_eq!(owner(&log), Some(std::process::id().to_string()));
        drop(held);
        assert_eq!(owner(&log), None);
    }

    #[test]
    fn a_config_shows_no_token() {
        let config = Config {
            bind: "127.0.0.1:0".parse().unwrap(),
            tokens: vec![Revealed::new("s3cret-token")],
            signature: None,
            workers: 1,
            policy: Policy {
                max_attempts: 1,
                give_up_after: Duration::from_secs(1),
                jitter: false,
            },
            grace: Duration::from_secs(1),
            lease: Duration::from_secs(1),
            log: PathBuf::from("log.db"),
            store: StoreFile::new(PathBuf::from("store.toml")),
            cache_dir: None,
            clock: Clock::system(),
            public_url: None,
            poll: None,
            ack_key_file: None,
        };
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("****"), "{shown}");
    }
}

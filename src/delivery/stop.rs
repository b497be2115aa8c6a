//! Ctrl-C during a send: no new attempt starts, attempts in flight get [`GRACE`] to end, and every
//! destination still gets its row, so the report prints and the delivery log records all of it.

use std::time::Duration;

use tokio::runtime::Runtime;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::watch;

use super::Progress;
use crate::error::Error;

/// How long attempts already on the wire may take to end after a stop.
pub const GRACE: Duration = Duration::from_secs(5);

/// The reason of a destination a stop kept from its first attempt.
pub const NOT_SENT: &str = "interrupted: not sent";
/// The error code of a row a stop ended (not sent, or cut off in flight).
pub const CODE: &str = "interrupted";

/// Whether the send was asked to stop; cloned into every part of the engine that starts an attempt.
#[derive(Debug, Clone)]
pub struct Stop(watch::Receiver<bool>);

impl Stop {
    /// A stop that never comes (tests, verification codes).
    pub fn never() -> Self {
        Stop(watch::channel(false).1)
    }

    /// A stop and the switch that sets it.
    pub fn switch() -> (watch::Sender<bool>, Stop) {
        let (tx, rx) = watch::channel(false);
        (tx, Stop(rx))
    }

    /// The first SIGINT or SIGTERM sets the stop (and says so through `progress`); a second one ends
    /// the process at once with exit 130. The delivery log is written in one SQLite transaction after
    /// the send, so an abrupt end leaves it whole (without this send's rows).
    pub fn on_signals(runtime: &Runtime, progress: Option<Progress>) -> anyhow::Result<Stop> {
        let _entered = runtime.enter();
        let failed = |e| Error::failure("cannot watch for Ctrl-C").caused_by(e);
        let mut interrupt = signal(SignalKind::interrupt()).map_err(failed)?;
        let mut terminate = signal(SignalKind::terminate()).map_err(failed)?;
        let (tx, stop) = Stop::switch();
        runtime.spawn(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
            if let Some(p) = &progress {
                p.note(&format!(
                    "interrupted: no new delivery starts; waiting up to {} s for those in flight (Ctrl-C again to stop at once)",
                    GRACE.as_secs()
                ));
            }
            let _ = tx.send(true);
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
            std::process::exit(130);
        });
        Ok(stop)
    }

    pub fn is_set(&self) -> bool {
        *self.0.borrow()
    }

    /// Resolves when the stop is set; never, for a stop that cannot come.
    pub async fn wait(&self) {
        let mut rx = self.0.clone();
        if rx.wait_for(|set| *set).await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

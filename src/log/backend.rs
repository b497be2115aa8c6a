//! Where `--log` points: a SQLite file (the default, no server) or a PostgreSQL database shared by
//! several hosts; one type for the commands, which do not care which.

use std::path::Path;
use std::sync::Arc;

use anyhow::Result;

use super::postgres::{self, PgLog, PgQueue};
use super::queue::{Queue, SqliteQueue};
use super::{DeliveryId, Entry, Filter, History, Log, Logged, Pending};

/// An open delivery log, in either backend.
#[derive(Debug)]
pub enum DeliveryLog {
    Sqlite(Log),
    Postgres(PgLog),
}

/// The URL `--log` gives, when it names a PostgreSQL database.
fn url_of(target: &Path) -> Option<&str> {
    target.to_str().filter(|t| postgres::is_url(t))
}

/// `--log` as it may be shown: the path, or the URL without its password.
pub fn shown(target: &Path) -> String {
    match url_of(target) {
        Some(url) => postgres::masked(url),
        None => target.display().to_string(),
    }
}

/// Whether a log may already hold rows at `target` (a database always may; a file when it exists).
pub fn may_exist(target: &Path) -> bool {
    url_of(target).is_some() || target.exists()
}

/// Opens the queue of the log at `target` (creating and migrating it).
pub fn open_queue(target: &Path) -> Result<Arc<dyn Queue>> {
    Ok(match url_of(target) {
        Some(url) => Arc::new(PgQueue::open(url)?),
        None => Arc::new(SqliteQueue::open(target)?),
    })
}

impl DeliveryLog {
    /// Opens the log for writing, creating the file or the tables when needed.
    pub fn open(target: &Path) -> Result<DeliveryLog> {
        Ok(match url_of(target) {
            Some(url) => DeliveryLog::Postgres(PgLog::open(url)?),
            None => DeliveryLog::Sqlite(Log::open(target)?),
        })
    }

    /// Opens an existing log for reading (and pruning); `None` when there is no file yet. A database
    /// is always there (its tables are created when missing).
    pub fn open_existing(target: &Path) -> Result<Option<DeliveryLog>> {
        Ok(match url_of(target) {
            Some(url) => Some(DeliveryLog::Postgres(PgLog::open(url)?)),
            None => Log::open_existing(target)?.map(DeliveryLog::Sqlite),
        })
    }

    /// The file's path or the database's URL without its password, for messages.
    pub fn shown(&self) -> String {
        match self {
            DeliveryLog::Sqlite(log) => log.path().display().to_string(),
            DeliveryLog::Postgres(log) => log.shown().to_owned(),
        }
    }

    /// Appends one run's rows, all or none.
    pub fn record(&self, rows: &[Entry]) -> Result<()> {
        match self {
            DeliveryLog::Sqlite(log) => log.record(rows),
            DeliveryLog::Postgres(log) => log.record(rows),
        }
    }

    /// What the log holds of `event_id` for sending it again (see [`History`]).
    pub fn history_of(&self, event_id: &DeliveryId) -> Result<History> {
        match self {
            DeliveryLog::Sqlite(log) => log.history_of(event_id),
            DeliveryLog::Postgres(log) => log.history_of(event_id),
        }
    }

    /// Deletes the rows older than `cutoff_ms`; returns how many were deleted.
    pub fn prune(&self, cutoff_ms: i64) -> Result<usize> {
        match self {
            DeliveryLog::Sqlite(log) => log.prune(cutoff_ms),
            DeliveryLog::Postgres(log) => log.prune(cutoff_ms),
        }
    }

    /// The rows `filter` selects, newest first.
    pub fn query(&self, filter: &Filter) -> Result<Vec<Logged>> {
        match self {
            DeliveryLog::Sqlite(log) => log.query(filter),
            DeliveryLog::Postgres(log) => log.query(filter),
        }
    }

    /// The queued and dead destinations of the relay's queue that `filter` selects.
    pub fn pending(&self, filter: &Filter) -> Result<Vec<Pending>> {
        match self {
            DeliveryLog::Sqlite(log) => log.pending(filter),
            DeliveryLog::Postgres(log) => log.pending(filter),
        }
    }

    /// The destinations `notify retry` tries again.
    pub fn failed(&self, filter: &Filter) -> Result<Vec<Logged>> {
        match self {
            DeliveryLog::Sqlite(log) => log.failed(filter),
            DeliveryLog::Postgres(log) => log.failed(filter),
        }
    }
}

#[cfg(test)]
#[path = "contract_tests.rs"]
mod contract_tests;

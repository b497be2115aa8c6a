//! Logs kept open between sends, for a long-running process (the relay's workers): opening the file
//! (pragmas, version check) for every send costs more than the send's own rows.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use anyhow::Result;

use super::DeliveryLog;

/// Open logs on one file, each used by one send at a time and given back after it.
#[derive(Debug)]
pub struct Kept {
    path: PathBuf,
    idle: Mutex<Vec<DeliveryLog>>,
}

impl Kept {
    /// Nothing is opened until the first send asks.
    pub fn new(path: &Path) -> Self {
        Kept {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// An idle log, else a newly opened one.
    pub fn take(&self) -> Result<DeliveryLog> {
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match idle {
            Some(log) => Ok(log),
            None => DeliveryLog::open(&self.path),
        }
    }

    /// Keeps a log for the next send (one that failed is dropped instead, by not giving it back).
    pub fn give(&self, log: DeliveryLog) {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(log);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether this connection is the one marked (a TEMP table lives in its connection only).
    fn marked(log: &DeliveryLog) -> bool {
        let DeliveryLog::Sqlite(log) = log else {
            return false;
        };
        log.conn.prepare("SELECT 1 FROM temp.mark").is_ok()
    }

    #[test]
    fn a_log_given_back_is_the_next_one_taken() {
        let dir = tempfile::tempdir().unwrap();
        let kept = Kept::new(&dir.path().join("log.db"));
        let log = kept.take().unwrap();
        let DeliveryLog::Sqlite(sqlite) = &log else {
            panic!("a file opens as SQLite")
        };
        sqlite
            .conn
            .execute_batch("CREATE TEMP TABLE mark (x)")
            .unwrap();
        kept.give(log);
        let again = kept.take().unwrap();
        assert!(marked(&again));
        // Two sends at once get two logs.
        let other = kept.take().unwrap();
        assert!(!marked(&other));
    }
}

//! Logs kept open between sends, for a long-running process (the relay's workers): opening the file
//! (pragmas, version check) for every send costs more than the send's own rows.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use anyhow::Result;

use super::DeliveryLog;
use super::silences::Silences;
use crate::time::Silence;

/// Open logs on one file, each used by one send at a time and given back after it, and the file's
/// silences, read before each send.
#[derive(Debug)]
pub struct Kept {
    path: PathBuf,
    idle: Mutex<Vec<DeliveryLog>>,
    silences: Mutex<Option<Silences>>,
}

impl Kept {
    /// Nothing is opened until the first send asks.
    pub fn new(path: &Path) -> Self {
        Kept {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
            silences: Mutex::new(None),
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

    /// The silences holding at `now_ms`, as [`Silences::active_in`] reads them, on a connection
    /// opened once (not once per send); none while there is no file.
    pub fn silences(&self, now_ms: i64) -> Result<Vec<Silence>> {
        let mut kept = self.silences.lock().unwrap_or_else(PoisonError::into_inner);
        let silences = match kept.take() {
            Some(silences) => silences,
            None if !self.path.exists() => return Ok(Vec::new()),
            None => Silences::open(&self.path)?,
        };
        // One that failed is dropped (the next send opens a fresh one).
        let active = silences.list(now_ms, false)?;
        *kept = Some(silences);
        Ok(active)
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

    #[test]
    fn silences_are_read_on_one_kept_connection_and_seen_as_soon_as_added() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.db");
        let kept = Kept::new(&path);
        assert!(kept.silences(0).unwrap().is_empty());
        assert!(!path.exists(), "nothing is created for a read");
        // `notify silence add`, from another connection, while the kept one stays open.
        let add = |id: &str| {
            let conn = crate::log::schema::open(&path, true).unwrap();
            conn.execute(
                "INSERT INTO silences (id, matchers, starts_ms, ends_ms, comment, created_by,
                     created_ms) VALUES (?1, '{}', 0, 1000, 'upgrade', NULL, 0)",
                [id],
            )
            .unwrap();
        };
        let ids = |now| -> Vec<String> {
            let mut ids: Vec<String> = kept
                .silences(now)
                .unwrap()
                .into_iter()
                .map(|s| s.id)
                .collect();
            ids.sort();
            ids
        };
        add("s1");
        assert_eq!(ids(500), ["s1"]);
        add("s2");
        assert_eq!(ids(500), ["s1", "s2"]);
        assert!(ids(1_000).is_empty());
    }
}

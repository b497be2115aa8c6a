//! Logs kept open between sends, for a long-running process (the relay's workers): opening the file
//! (pragmas, version check) for every send costs more than the send's own rows. The same for the
//! silences, acks and groups each planned event reads.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use anyhow::Result;

use super::DeliveryLog;
use super::acks::Acks;
use super::groups::Groups;
use super::silences::Silences;

/// Open handles of one kind, each used by one caller at a time.
#[derive(Debug)]
struct Idle<T>(Mutex<Vec<T>>);

impl<T> Default for Idle<T> {
    fn default() -> Self {
        Idle(Mutex::new(Vec::new()))
    }
}

impl<T> Idle<T> {
    /// Runs `f` with an idle handle, else a newly opened one; keeps it for the next caller unless `f`
    /// failed (a broken connection is dropped, not kept).
    fn with<R>(
        &self,
        open: impl FnOnce() -> Result<T>,
        f: impl FnOnce(&T) -> Result<R>,
    ) -> Result<R> {
        let idle = self.0.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let handle = match idle {
            Some(handle) => handle,
            None => open()?,
        };
        let out = f(&handle)?;
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(handle);
        Ok(out)
    }
}

/// Open logs on one file, each used by one send at a time and given back after it, and the file's
/// silences, acks and groups.
#[derive(Debug)]
pub struct Kept {
    path: PathBuf,
    idle: Mutex<Vec<DeliveryLog>>,
    silences: Idle<Silences>,
    acks: Idle<Acks>,
    groups: Idle<Groups>,
}

impl Kept {
    /// Nothing is opened until the first send asks.
    pub fn new(path: &Path) -> Self {
        Kept {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
            silences: Idle::default(),
            acks: Idle::default(),
            groups: Idle::default(),
        }
    }

    /// Runs `f` on the log's silences, kept open for the next caller.
    pub fn silences<R>(&self, f: impl FnOnce(&Silences) -> Result<R>) -> Result<R> {
        self.silences.with(|| Silences::open(&self.path), f)
    }

    /// Runs `f` on the log's acks and escalation steps, kept open for the next caller.
    pub fn acks<R>(&self, f: impl FnOnce(&Acks) -> Result<R>) -> Result<R> {
        self.acks.with(|| Acks::open(&self.path), f)
    }

    /// Runs `f` on the log's groups, kept open for the next caller.
    pub fn groups<R>(&self, f: impl FnOnce(&Groups) -> Result<R>) -> Result<R> {
        self.groups.with(|| Groups::open(&self.path), f)
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

    #[test]
    fn silences_acks_and_groups_are_opened_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let kept = Kept::new(&dir.path().join("log.db"));
        let mark = |s: &Silences| {
            let Silences::Sqlite(s) = s else {
                panic!("a file opens as SQLite")
            };
            Ok(s.conn.prepare("SELECT 1 FROM temp.mark").is_ok())
        };
        assert!(!kept.silences(mark).unwrap());
        kept.silences(|s| {
            let Silences::Sqlite(s) = s else {
                unreachable!()
            };
            Ok(s.conn.execute_batch("CREATE TEMP TABLE mark (x)")?)
        })
        .unwrap();
        assert!(kept.silences(mark).unwrap(), "the same connection again");
        assert!(kept.acks(|a| a.ack_of("e-1")).unwrap().is_none());
        assert_eq!(kept.groups(|g| g.take("grp-0", 0)).unwrap(), None);
    }
}

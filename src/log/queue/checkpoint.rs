//! WAL checkpoints off the write path: SQLite's automatic checkpoint runs inside the commit that
//! crosses 1,000 pages, and with it two fsyncs that every write waiting for the group (an intake
//! request's 202 among them) would sit through. A thread of its own runs them instead.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::time::Duration;

use anyhow::Result;
use rusqlite::Connection;

use super::super::schema;

/// The least time between two checkpoints: a busy queue checkpoints a few times a second, not after
/// every commit.
const EVERY: Duration = Duration::from_millis(250);

/// Wakes the checkpoint thread after a commit; the thread ends when this is dropped.
#[derive(Debug)]
pub(super) struct Checkpoints {
    wake: SyncSender<()>,
}

impl Checkpoints {
    /// Turns the writer's automatic checkpoints off and starts the thread that does them instead, on
    /// a connection of its own.
    pub(super) fn start(path: &Path, writer: &Connection) -> Result<Self> {
        let conn = schema::open(path, false)?;
        writer
            .pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(|e| schema::explain(path, "set up", e))?;
        let (wake, woken) = mpsc::sync_channel(1);
        std::thread::Builder::new()
            .name("notify-checkpoint".into())
            .spawn(move || run(&conn, &woken))
            .map_err(|e| anyhow::anyhow!("cannot start the log's checkpoint thread: {e}"))?;
        Ok(Checkpoints { wake })
    }

    /// Something was committed: a checkpoint is due (one wake-up waits at most, the rest are dropped).
    pub(super) fn committed(&self) {
        let _ = self.wake.try_send(());
    }
}

/// Checkpoints what was committed, at most every [`EVERY`], until the queue is dropped. A passive
/// checkpoint takes no write lock: writers go on meanwhile. A failed one is tried at the next wake-up
/// (and SQLite checkpoints anyway when the last connection closes).
fn run(conn: &Connection, woken: &Receiver<()>) {
    while woken.recv().is_ok() {
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        std::thread::sleep(EVERY);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::super::{Queue, SqliteQueue};

    #[test]
    fn a_commit_reaches_the_database_file_by_the_checkpoint_thread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.db");
        let queue = SqliteQueue::open(&path).unwrap();
        queue.insert("e-7f3a9c", "{}", 0, 0).unwrap();
        // Far below the 1,000 pages of an automatic checkpoint: only the thread moves it out of the
        // WAL into the file itself.
        let started = Instant::now();
        while !std::fs::read(&path)
            .unwrap()
            .windows(8)
            .any(|w| w == b"e-7f3a9c")
        {
            assert!(started.elapsed().as_secs() < 10, "never checkpointed");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}

//! WAL checkpoints off the write path: SQLite's automatic checkpoint runs inside the commit that
//! crosses 1,000 pages, and with it two fsyncs that every write waiting for the group (an intake
//! request's 202 among them) would sit through. A thread of its own runs them instead.
//!
//! A passive checkpoint never blocks, but while commits never pause it never catches up either, and
//! SQLite starts the WAL over only once every frame in it was checkpointed: under a steady load the
//! file grew by every page ever written, and kept that size (134 MB after the 20,000 events of
//! benches/serve_e2e.sh). Now, should commits go on so long that the WAL reaches a cap, the thread
//! holds the writers back for a moment to catch up, so that the WAL starts over (see [`PACE`] for
//! the figures); SQLite cuts the file back to the cap then (`journal_size_limit`).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::time::Duration;

use anyhow::Result;
use rusqlite::Connection;

use super::super::schema;

/// How often checkpoints run, and the WAL's cap.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pace {
    /// The least time between two checkpoints.
    pub every: Duration,
    /// Past this size the WAL is made to start over (the writers held back for it), and what SQLite
    /// cuts the file back to when it starts over.
    pub cap: u64,
}

/// A busy queue checkpoints a few times a second, not after every commit. The cap is a safety net,
/// high on purpose: holding the writers back costs two fsyncs and tens of milliseconds on a virtual
/// disk (20-40 ms here), which at a cap of 16 MiB came every 0.7 s under benches/serve_intake.sh's
/// load (14,000 events/s, about 50 MB of WAL a second) and raised its p99 from 7 to 30 ms, and was
/// still felt at 256 MiB. At 1 GiB it comes after 20 s of commits without a pause at that rate;
/// under a load with pauses it never does, SQLite starts over by itself. The file is cut back to the
/// cap only, not further: with the cap at 256 MiB and the file cut back to 64 MiB, the p99 was 300 ms
/// (cutting 190 MB off a file in a commit, most likely).
const PACE: Pace = Pace {
    every: Duration::from_millis(250),
    cap: 1 << 30,
};

/// Wakes the checkpoint thread after a commit; the thread ends when this is dropped.
#[derive(Debug)]
pub(super) struct Checkpoints {
    wake: SyncSender<()>,
}

impl Checkpoints {
    /// Turns the writer's automatic checkpoints off and starts the thread that does them instead, on
    /// a connection of its own.
    pub(super) fn start(path: &Path, writer: &Connection) -> Result<Self> {
        Self::start_with(path, writer, PACE)
    }

    /// [`Checkpoints::start`] at another pace.
    pub(super) fn start_with(path: &Path, writer: &Connection, pace: Pace) -> Result<Self> {
        let conn = schema::open(path, false)?;
        let set_up = |name, value: i64| {
            writer
                .pragma_update(None, name, value)
                .map_err(|e| schema::explain(path, "set up", e))
        };
        set_up("wal_autocheckpoint", 0)?;
        set_up(
            "journal_size_limit",
            i64::try_from(pace.cap).unwrap_or(i64::MAX),
        )?;
        let (wake, woken) = mpsc::sync_channel(1);
        let wal = wal_of(path);
        std::thread::Builder::new()
            .name("notify-checkpoint".into())
            .spawn(move || run(&conn, &wal, &woken, pace))
            .map_err(|e| anyhow::anyhow!("cannot start the log's checkpoint thread: {e}"))?;
        Ok(Checkpoints { wake })
    }

    /// Something was committed: a checkpoint is due (one wake-up waits at most, the rest are dropped).
    pub(super) fn committed(&self) {
        let _ = self.wake.try_send(());
    }
}

/// Checkpoints what was committed, at most once per `pace.every`, until the queue is dropped. A
/// failed checkpoint is tried at the next wake-up (and SQLite checkpoints anyway when the last
/// connection closes).
fn run(conn: &Connection, wal: &Path, woken: &Receiver<()>, pace: Pace) {
    while woken.recv().is_ok() {
        checkpoint(conn, wal, pace.cap);
        std::thread::sleep(pace.every);
    }
}

/// A passive checkpoint: it takes no lock, writers go on meanwhile. When the WAL is past `cap`, a
/// second one catches up with what they committed during the first, and a third, with this
/// process's writers held back (they wait on the lock here, not in SQLite's busy handler's sleeps),
/// copies the last few frames: with nothing committed behind it, it leaves every frame
/// checkpointed, so the next commit starts the WAL over. The writers wait for a few pages and two
/// fsyncs, not for the whole WAL's pages. A restart checkpoint would also wait for readers, sleeping
/// with the writers held.
fn checkpoint(conn: &Connection, wal: &Path, cap: u64) {
    let passive = || conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    let _ = passive();
    if std::fs::metadata(wal).is_ok_and(|m| m.len() > cap) {
        let _ = passive();
        let writing = schema::writing();
        let _ = passive();
        drop(writing);
    }
}

/// The WAL file of the log at `path`.
fn wal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::super::group::Writer;
    use super::super::{Queue, SqliteQueue};
    use super::*;

    /// A writer on a fresh log at `pace`, the WAL's path, and a commit of two pages.
    fn writer_at(dir: &Path, pace: Pace) -> (Writer, PathBuf, impl Fn(&Writer)) {
        let path = dir.join("log.db");
        let conn = schema::open(&path, true).unwrap();
        conn.execute_batch("CREATE TABLE filler (x BLOB)").unwrap();
        let checkpoints = Checkpoints::start_with(&path, &conn, pace).unwrap();
        let commit = |w: &Writer| {
            w.write(|c| c.execute("INSERT INTO filler VALUES (zeroblob(4000))", []))
                .unwrap();
        };
        (Writer::new(conn, checkpoints), wal_of(&path), commit)
    }

    fn size(path: &Path) -> u64 {
        std::fs::metadata(path).unwrap().len()
    }

    #[test]
    fn under_commits_that_never_pause_the_wal_starts_over_past_its_cap() {
        const CAP: u64 = 512 << 10;
        let dir = tempfile::tempdir().unwrap();
        let pace = Pace {
            every: Duration::from_millis(1),
            cap: CAP,
        };
        let (writer, wal, commit) = writer_at(dir.path(), pace);
        // 2,000 commits back to back, over 16 MB of frames: a passive checkpoint never catches up
        // with them, and without a restart the WAL holds every one.
        let mut largest = 0;
        for _ in 0..2000 {
            commit(&writer);
            largest = largest.max(size(&wal));
        }
        assert!(largest < 16 * CAP, "the WAL grew to {largest} bytes");
    }

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

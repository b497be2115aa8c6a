//! Group commit for the SQLite queue: writes that arrive while a transaction commits wait, then commit
//! together in the next one, each in its own savepoint. The relay's intake and its workers then share
//! one commit (and one turn of the process's writer lock) instead of queueing for one each.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, mpsc};

use rusqlite::{Connection, ffi};

use super::super::schema;
use super::checkpoint::Checkpoints;

/// The writing connection and the writes that wait for it.
pub(super) struct Writer {
    conn: Mutex<Connection>,
    waiting: Mutex<Vec<Box<dyn Pending>>>,
    /// Transactions committed so far.
    commits: AtomicUsize,
    checkpoints: Checkpoints,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

/// One write in a group: run inside the group's transaction, answered once the group committed.
trait Pending: Send {
    /// Runs the write in its savepoint; `Some` when it broke the whole transaction (SQLite rolled it
    /// back, or the savepoint could not be undone), with why.
    fn run(&mut self, conn: &Connection) -> Option<rusqlite::Error>;
    /// Tells the caller: the write's own answer, unless the group did not commit.
    fn answer(self: Box<Self>, committed: Result<(), &rusqlite::Error>);
}

struct Job<T, F> {
    write: Option<F>,
    out: Option<rusqlite::Result<T>>,
    answer: mpsc::Sender<rusqlite::Result<T>>,
}

impl<T, F> Pending for Job<T, F>
where
    T: Send,
    F: FnOnce(&Connection) -> rusqlite::Result<T> + Send,
{
    fn run(&mut self, conn: &Connection) -> Option<rusqlite::Error> {
        let write = self.write.take()?;
        let (out, broken) = savepoint(conn, "job", write);
        let broke = match (&out, broken) {
            (Err(e), true) => Some(copy(e)),
            _ => None,
        };
        self.out = Some(out);
        broke
    }

    fn answer(self: Box<Self>, committed: Result<(), &rusqlite::Error>) {
        let out = match (self.out, committed) {
            (Some(Err(e)), _) => Err(e),
            (_, Err(e)) => Err(copy(e)),
            (Some(Ok(v)), Ok(())) => Ok(v),
            (None, Ok(())) => Err(failure(ffi::SQLITE_ABORT, "internal: a write was not run")),
        };
        // A caller that is gone (it panicked) has nobody to answer.
        let _ = self.answer.send(out);
    }
}

impl Writer {
    pub(super) fn new(conn: Connection, checkpoints: Checkpoints) -> Self {
        Writer {
            conn: Mutex::new(conn),
            waiting: Mutex::new(Vec::new()),
            commits: AtomicUsize::new(0),
            checkpoints,
        }
    }

    /// How many transactions were committed so far.
    #[cfg(test)]
    pub(super) fn commits(&self) -> usize {
        self.commits.load(Ordering::SeqCst)
    }

    fn waiting(&self) -> MutexGuard<'_, Vec<Box<dyn Pending>>> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `write` in a write transaction, committed when this returns: the next group's, shared with
    /// every write that waits meanwhile. Its changes are undone when it fails, and only its own.
    pub(super) fn write<T, F>(&self, write: F) -> rusqlite::Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let (answer, answered) = mpsc::channel();
        let job = Job {
            write: Some(write),
            out: None,
            answer,
        };
        self.waiting().push(Box::new(job));
        // Whoever holds the connection commits what waits; when it is ours, ours was in it or is now.
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        if let Ok(out) = answered.try_recv() {
            return out;
        }
        let group = std::mem::take(&mut *self.waiting());
        if !group.is_empty() && commit(&conn, group) {
            self.commits.fetch_add(1, Ordering::SeqCst);
            self.checkpoints.committed();
        }
        drop(conn);
        answered.try_recv().unwrap_or_else(|_| {
            Err(failure(
                ffi::SQLITE_ABORT,
                "internal: a write was lost (a writer panicked)",
            ))
        })
    }
}

/// Commits a group in one `BEGIN IMMEDIATE` transaction and answers each of its writes; whether it
/// committed.
fn commit(conn: &Connection, mut group: Vec<Box<dyn Pending>>) -> bool {
    let writing = schema::writing();
    // A transaction left open by a writer that panicked holds nothing anybody was told of.
    if !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    let mut committed = schema::retry_busy(|| run(conn, "BEGIN IMMEDIATE"));
    if committed.is_ok() {
        for job in &mut group {
            if let Some(e) = job.run(conn) {
                committed = Err(e);
                break;
            }
        }
    }
    if committed.is_ok() {
        committed = schema::retry_busy(|| run(conn, "COMMIT"));
    }
    if committed.is_err() && !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    drop(writing);
    for job in group {
        job.answer(committed.as_ref().map(|_| ()));
    }
    committed.is_ok()
}

/// Runs `f` in a savepoint named `name` inside the open transaction, undone when `f` fails; the
/// flag says whether the transaction broke (SQLite rolled it back, or the undo failed).
pub(super) fn savepoint<T>(
    conn: &Connection,
    name: &str,
    f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> (rusqlite::Result<T>, bool) {
    if let Err(e) = run(conn, &format!("SAVEPOINT {name}")) {
        return (Err(e), conn.is_autocommit());
    }
    let out = f(conn).and_then(|v| run(conn, &format!("RELEASE {name}")).map(|()| v));
    if out.is_ok() {
        return (out, false);
    }
    let broken = conn.is_autocommit()
        || conn
            .execute_batch(&format!("ROLLBACK TO {name}; RELEASE {name}"))
            .is_err();
    (out, broken)
}

/// Runs one statement of a group's frame (begin, savepoints, commit), kept prepared: each runs once
/// per write, and parsing it every time is work for nothing.
fn run(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.execute([]).map(|_| ())
}

/// The same error again, for each write of a group that one error failed (its code kept for hints).
fn copy(e: &rusqlite::Error) -> rusqlite::Error {
    match e {
        rusqlite::Error::SqliteFailure(code, message) => {
            rusqlite::Error::SqliteFailure(*code, message.clone())
        }
        other => failure(ffi::SQLITE_ERROR, &other.to_string()),
    }
}

fn failure(code: i32, message: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(ffi::Error::new(code), Some(message.to_owned()))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::thread;

    use super::*;

    /// Spins until `ready` (the other threads only ever move towards it).
    fn until(ready: impl Fn() -> bool) {
        while !ready() {
            thread::yield_now();
        }
    }

    #[test]
    fn writes_that_wait_meanwhile_commit_together_and_one_failing_fails_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.db");
        let conn = schema::open(&path, true).unwrap();
        let checkpoints = Checkpoints::start(&path, &conn).unwrap();
        let writer = Arc::new(Writer::new(conn, checkpoints));
        writer
            .write(|c| c.execute_batch("CREATE TABLE t (x TEXT PRIMARY KEY)"))
            .unwrap();
        let insert = |x: &'static str| {
            let w = Arc::clone(&writer);
            thread::spawn(move || w.write(move |c| c.execute("INSERT INTO t VALUES (?1)", [x])))
        };
        // Another write of this process holds the file: the first write waits in its commit...
        let other = schema::writing();
        let first = insert("a");
        until(|| writer.conn.try_lock().is_err() && writer.waiting().is_empty());
        // ...and these three wait for the next one; "a" again is refused.
        let rest = [insert("b"), insert("a"), insert("c")];
        until(|| writer.waiting().len() == 3);
        drop(other);
        assert_eq!(first.join().unwrap().unwrap(), 1);
        let answers: Vec<_> = rest.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(answers[0].as_ref().unwrap(), &1);
        assert!(
            answers[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("UNIQUE")
        );
        assert_eq!(answers[2].as_ref().unwrap(), &1);
        // The table, then "a" alone, then the three together.
        assert_eq!(writer.commits(), 3);
        let reader = schema::open(&path, false).unwrap();
        let kept: Vec<String> = reader
            .prepare("SELECT x FROM t ORDER BY x")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(kept, ["a", "b", "c"]);
    }
}

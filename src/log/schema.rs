//! Opening the log file: private permissions, WAL, a busy timeout, and the schema brought up to date by
//! ordered migrations counted in `PRAGMA user_version`.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::Result;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::error::Error;

/// The schema version this notify writes; a log with a higher `user_version` is refused.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// `MIGRATIONS[n]` takes a log from version `n` to `n + 1`. Append only: a released step never changes.
const MIGRATIONS: &[&str] = &[
    // 1: the message of each run once, and one row per destination and run.
    "CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        title TEXT,
        text TEXT NOT NULL,
        format TEXT NOT NULL,
        event TEXT NOT NULL,
        category TEXT NOT NULL,
        module TEXT NOT NULL,
        task_id TEXT NOT NULL,
        task_name TEXT NOT NULL,
        submitter_uid TEXT NOT NULL,
        submitter_name TEXT NOT NULL
    );
    CREATE TABLE deliveries (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        time_ms INTEGER NOT NULL,
        identity TEXT NOT NULL,
        ad_hoc INTEGER NOT NULL,
        recipient TEXT NOT NULL,
        channel TEXT NOT NULL,
        destination TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed', 'skipped')),
        attempts INTEGER NOT NULL,
        error_code TEXT,
        error_message TEXT,
        reason TEXT,
        idempotency_key TEXT NOT NULL,
        message INTEGER NOT NULL REFERENCES messages(id)
    );
    CREATE INDEX deliveries_by_event ON deliveries(event_id, identity);
    CREATE INDEX deliveries_by_time ON deliveries(time_ms);",
    // 2: what templates and rich formats add to a message (JSON, see `log::rich`); NULL in older rows.
    "ALTER TABLE messages ADD COLUMN rich TEXT;",
    // 3: the relay's queue (see `log::queue`): accepted events, and each one's planned destinations.
    "CREATE TABLE queue_events (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        received_ms INTEGER NOT NULL,
        due_ms INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'done', 'cancelled')),
        lease_owner TEXT,
        lease_until_ms INTEGER
    );
    CREATE INDEX queue_events_due ON queue_events(state, due_ms);
    CREATE TABLE queue_deliveries (
        event_id TEXT NOT NULL REFERENCES queue_events(id),
        identity TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'skipped', 'dead')),
        attempts INTEGER NOT NULL,
        next_attempt_ms INTEGER NOT NULL,
        last_error TEXT,
        PRIMARY KEY (event_id, identity)
    );
    CREATE INDEX queue_deliveries_by_state ON queue_deliveries(state);",
    // 4: silences (see `log::silences`): what they match (JSON), when they hold, and why.
    "CREATE TABLE silences (
        id TEXT PRIMARY KEY,
        matchers TEXT NOT NULL,
        starts_ms INTEGER NOT NULL,
        ends_ms INTEGER NOT NULL,
        comment TEXT NOT NULL,
        created_by TEXT,
        created_ms INTEGER NOT NULL
    );
    CREATE INDEX silences_by_end ON silences(ends_ms);",
    // 5: acknowledgements and escalation steps (see `log::acks`); each step is an event of its own in
    // the queue, cancelled there by an ack that comes before a worker claimed it. Groups (see
    // `log::groups`): each one's events, and the queue event that sends them.
    "CREATE TABLE acks (
        event_id TEXT PRIMARY KEY,
        acked_by TEXT,
        acked_ms INTEGER NOT NULL
    );
    CREATE TABLE escalations (
        step_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        step INTEGER NOT NULL,
        after TEXT NOT NULL,
        roles TEXT NOT NULL,
        due_ms INTEGER NOT NULL,
        fired_ms INTEGER,
        stopped_ms INTEGER
    );
    CREATE INDEX escalations_by_event ON escalations(event_id);
    CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        key TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'sent')),
        due_ms INTEGER NOT NULL,
        sent_ms INTEGER
    );
    CREATE INDEX groups_by_key ON groups(rule, key, state);
    CREATE TABLE group_events (
        group_id TEXT NOT NULL REFERENCES groups(id),
        event_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (group_id, event_id)
    );",
];

/// How long one statement waits for another process's write lock before SQLite reports it busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);
/// After a busy report that the timeout did not absorb (e.g. while WAL is being set up), tries again
/// while less than this has passed: no process waits on the log for more than a few seconds in all.
const BUSY_BUDGET: Duration = Duration::from_secs(3);

/// One write transaction at a time in this process: the relay's queue and its sends' logs are separate
/// connections to one file, and waiting here hands the lock over at once, where SQLite's busy handler
/// would sleep 1 to 100 ms between tries.
static WRITER: Mutex<()> = Mutex::new(());

/// Held for the length of a write transaction.
pub fn writing() -> MutexGuard<'static, ()> {
    WRITER.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Opens the log, creating the file (0600, in a folder made 0700) when `create` is set, and migrates it.
pub fn open(path: &Path, create: bool) -> Result<Connection> {
    // A URL is PostgreSQL's (see `log::postgres`): never make a file of it.
    if let Some(url) = path.to_str().filter(|p| super::postgres::is_url(p)) {
        return Err(Error::usage(format!(
            "the delivery log {} is a PostgreSQL database, not a SQLite file",
            super::postgres::masked(url)
        ))
        .into());
    }
    if create {
        create_private(path)?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| explain(path, "open", e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| explain(path, "open", e))?;
    // Plans that do not depend on the values bound: without it SQLite prepares a statement again
    // whenever a bound value changes (`WHERE event_id = ?1 ORDER BY ...`, every query of the queue),
    // and the statement cache saves nothing.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(|e| explain(path, "open", e))?;
    // Room for every statement the queue's writer runs (rusqlite keeps 16 by default, fewer than a
    // send's record and the group frame around it use).
    conn.set_prepared_statement_cache_capacity(64);
    // Savepoints' journals (every queue write has one) in memory, not spilled to a temporary file.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(|e| explain(path, "open", e))?;
    let version = user_version(&conn).map_err(|e| explain(path, "read", e))?;
    if version > CURRENT_VERSION {
        return Err(Error::failure(format!(
            "the delivery log {} was written by a newer notify (log version {version}; this notify knows up to {CURRENT_VERSION})",
            path.display()
        ))
        .hint("upgrade notify, or point --log (NOTIFY_LOG) at another file")
        .into());
    }
    retry_busy(|| {
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        // With WAL, NORMAL keeps the file consistent after a crash and spares an fsync per append.
        conn.pragma_update(None, "synchronous", "NORMAL")
    })
    .map_err(|e| explain(path, "set up", e))?;
    if version < CURRENT_VERSION {
        retry_busy(|| migrate(&conn)).map_err(|e| explain(path, "upgrade", e))?;
    }
    Ok(conn)
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies the missing migrations in one write transaction; another process may have done it meanwhile.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let version = user_version(&tx)?;
    for (step, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", step as i64 + 1)?;
    }
    tx.commit()
}

/// Runs `f` again, after a short pause, when SQLite still reports the database busy or locked.
pub fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let started = std::time::Instant::now();
    let mut tries: u64 = 0;
    loop {
        match f() {
            Err(e) if started.elapsed() < BUSY_BUDGET && is_busy(&e) => {
                tries += 1;
                // A pause that differs between processes so that they do not collide again in step.
                let jitter = u64::from(std::process::id() % 17);
                std::thread::sleep(Duration::from_millis(25 * tries.min(8) + jitter));
            }
            other => return other,
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Creates the folder (0700) and an empty file (0600) when they do not exist; SQLite gives its WAL and
/// shared-memory files the same mode as the database.
fn create_private(path: &Path) -> Result<()> {
    let fail = |what: &str, e: std::io::Error| {
        Error::failure(format!("cannot create {what} {}", path.display()))
            .caused_by(e)
            .hint("point --log (NOTIFY_LOG) at a writable place")
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| fail("the folder of the delivery log", e))?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        // The mode given at creation passes through the umask; set it exactly.
        Ok(file) => file
            .set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(|e| fail("the delivery log", e).into()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(fail("the delivery log", e).into()),
    }
}

/// Turns a SQLite error into a message that says what happened to which file and what to do.
pub fn explain(path: &Path, action: &str, e: rusqlite::Error) -> anyhow::Error {
    let path = path.display();
    let other = "point --log (NOTIFY_LOG) at another file";
    let err = match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::failure(format!(
            "the delivery log {path} is damaged or not a notify log"
        ))
        .hint(format!(
            "move it aside (notify starts a new log), or {other}"
        )),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::failure(format!(
            "the delivery log {path} stayed locked by another process"
        ))
        .hint("try again in a moment"),
        Some(
            ErrorCode::ReadOnly
            | ErrorCode::CannotOpen
            | ErrorCode::PermissionDenied
            | ErrorCode::SystemIoFailure
            | ErrorCode::DiskFull,
        ) => Error::failure(format!("cannot {action} the delivery log {path}")).hint(format!(
            "check the permissions of the file and its folder, or {other}"
        )),
        _ => Error::failure(format!("cannot {action} the delivery log {path}"))
            .hint(format!("if this persists, {other}")),
    };
    err.caused_by(e).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_log_is_private_uses_wal_and_is_at_the_current_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("deliveries.db");
        let conn = open(&path, true).unwrap();
        assert_eq!(user_version(&conn).unwrap(), CURRENT_VERSION);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let bits = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(bits(&path), 0o600);
        assert_eq!(bits(path.parent().unwrap()), 0o700);
        drop(conn);
        // Opening again changes nothing.
        let conn = open(&path, true).unwrap();
        assert_eq!(user_version(&conn).unwrap(), CURRENT_VERSION);
    }

    #[test]
    fn migrations_run_in_order_from_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deliveries.db");
        fs::write(&path, b"").unwrap();
        let conn = open(&path, false).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            tables,
            [
                "acks",
                "deliveries",
                "escalations",
                "group_events",
                "groups",
                "messages",
                "queue_deliveries",
                "queue_events",
                "silences"
            ]
        );
        assert_eq!(CURRENT_VERSION, 5);
    }

    #[test]
    fn a_newer_or_foreign_file_is_refused_with_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let newer = dir.path().join("newer.db");
        Connection::open(&newer)
            .unwrap()
            .pragma_update(None, "user_version", CURRENT_VERSION + 1)
            .unwrap();
        let err = open(&newer, true).unwrap_err();
        let text = crate::error::render(&err);
        assert!(text.contains("written by a newer notify"), "{text}");
        assert!(text.contains("hint: upgrade notify"), "{text}");

        let garbage = dir.path().join("garbage.db");
        fs::write(&garbage, vec![b'x'; 4096]).unwrap();
        let err = open(&garbage, true).unwrap_err();
        let text = crate::error::render(&err);
        assert!(text.contains("is damaged or not a notify log"), "{text}");
        assert!(text.contains("hint: move it aside"), "{text}");
        assert_eq!(fs::read(&garbage).unwrap(), vec![b'x'; 4096]);
    }

    #[test]
    fn an_unwritable_place_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        fs::write(&file, b"").unwrap();
        let err = open(&file.join("deliveries.db"), true).unwrap_err();
        let text = crate::error::render(&err);
        assert!(text.contains("cannot create"), "{text}");
        assert!(text.contains("hint: point --log"), "{text}");

        let err = open(dir.path(), true).unwrap_err();
        let text = crate::error::render(&err);
        assert!(text.contains("cannot open the delivery log"), "{text}");
        assert!(text.contains("hint: check the permissions"), "{text}");
    }

    #[test]
    fn a_version_1_log_is_upgraded_and_its_rows_read_back_without_rich_content() {
        use super::super::{Filter, Log, Outcome, tests::entry};

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deliveries.db");
        let v1 = Connection::open(&path).unwrap();
        v1.execute_batch(MIGRATIONS[0]).unwrap();
        v1.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO messages VALUES (1, NULL, 'disk full', 'text', 'DiskFull', '', '', '',
                 '', '', '');
             INSERT INTO deliveries VALUES (1, 'run-1', 5, 'user:email:alice', 0, 'alice', 'email',
                 'a***@example.com', 'failed', 1, 'http_500', 'boom', NULL, 'key-1', 1);",
        )
        .unwrap();
        drop(v1);

        let log = Log::open(&path).unwrap();
        assert_eq!(user_version(&log.conn).unwrap(), CURRENT_VERSION);
        let rows = log.query(&Filter::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].content.text, "disk full");
        assert_eq!(rows[0].content.event.name, "DiskFull");
        assert_eq!(rows[0].content.rich, None);
        // New rows go in beside the old ones, with their rich content.
        let new = entry(
            "run-2",
            "bob",
            crate::channels::Kind::Email,
            Outcome::Failed,
            9,
        );
        log.record(std::slice::from_ref(&new)).unwrap();
        let failed = log.failed(&Filter::default()).unwrap();
        assert_eq!(failed.len(), 2);
        assert_eq!(failed[1].content, *new.content);
        assert!(failed[1].content.rich.is_some());
    }
}

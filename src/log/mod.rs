//! The delivery log: every destination's outcome of every send, in a SQLite file, for audit, for
//! repeating a send safely (`--id`) and for retrying what failed.
//!
//! Each run appends its rows in one `BEGIN IMMEDIATE` transaction; with WAL and a busy timeout, many
//! processes append at once without losing a row. Rows are never updated: a later row for the same event
//! and destination identity supersedes an earlier one. The log holds no secret: callers pass masked
//! destinations and an [`Identity`] instead of addresses.

pub mod acks;
mod backend;
mod entry;
pub mod groups;
mod kept;
mod pending;
pub mod postgres;
pub mod queue;
mod read;
mod rich;
mod schema;
pub mod silences;
pub mod time;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use crate::channels::Kind;
use crate::error::Error;

pub use backend::{DeliveryLog, may_exist, open_queue, shown};
pub use entry::{Content, DeliveryId, Entry, Filter, History, Identity, Logged, Outcome};
pub use kept::Kept;
pub use pending::Pending;
pub use rich::Rich;
pub use schema::CURRENT_VERSION;

/// An open delivery log.
#[derive(Debug)]
pub struct Log {
    path: PathBuf,
    conn: Connection,
}

impl Log {
    /// Opens the log for writing, creating it (0600 in a 0700 folder) when it does not exist.
    pub fn open(path: &Path) -> Result<Log> {
        let conn = schema::open(path, true)?;
        Ok(Log {
            path: path.to_owned(),
            conn,
        })
    }

    /// Opens an existing log for reading (and pruning); `None` when there is no file yet.
    pub fn open_existing(path: &Path) -> Result<Option<Log>> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Error::failure(format!(
                    "cannot read the delivery log {}",
                    path.display()
                ))
                .caused_by(e)
                .hint("check its permissions, or point --log (NOTIFY_LOG) at another file")
                .into());
            }
            Ok(meta) if !meta.is_file() => {
                return Err(Error::failure(format!(
                    "the delivery log {} is not a file",
                    path.display()
                ))
                .hint("point --log (NOTIFY_LOG) at a file")
                .into());
            }
            Ok(_) => {}
        }
        let conn = schema::open(path, false)?;
        Ok(Some(Log {
            path: path.to_owned(),
            conn,
        }))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one run's rows, all or none.
    pub fn record(&self, rows: &[Entry]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let _writing = schema::writing();
        schema::retry_busy(|| self.append(rows)).map_err(|e| self.explain("write", e))
    }

    fn append(&self, rows: &[Entry]) -> rusqlite::Result<()> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        append(&tx, rows)?;
        tx.commit()
    }

    /// What the log holds of `event_id` for sending it again, in one query.
    pub fn history_of(&self, event_id: &DeliveryId) -> Result<History> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT identity, idempotency_key, outcome = 'delivered' FROM deliveries
                 WHERE event_id = ?1 ORDER BY seq DESC",
            )
            .map_err(|e| self.explain("read", e))?;
        let rows = stmt
            .query_map([event_id.as_str()], |r| {
                Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(|e| self.explain("read", e))?;
        History::from_rows(rows, |key| self.identity(key))
    }

    /// Deletes the rows older than `cutoff_ms` (Unix milliseconds); returns how many were deleted.
    pub fn prune(&self, cutoff_ms: i64) -> Result<usize> {
        let run = || -> rusqlite::Result<usize> {
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let deleted = tx.execute("DELETE FROM deliveries WHERE time_ms < ?1", [cutoff_ms])?;
            tx.execute(
                "DELETE FROM messages WHERE id NOT IN (SELECT message FROM deliveries)",
                [],
            )?;
            tx.commit()?;
            Ok(deleted)
        };
        schema::retry_busy(run).map_err(|e| self.explain("prune", e))
    }

    pub(crate) fn identity(&self, key: &str) -> Result<Identity> {
        Identity::from_key(key).ok_or_else(|| {
            Error::failure(format!(
                "the delivery log {} holds an unreadable identity `{key}`",
                self.path.display()
            ))
            .hint("move the log aside (notify starts a new one), or point --log (NOTIFY_LOG) at another file")
            .into()
        })
    }

    pub(crate) fn explain(&self, action: &str, e: rusqlite::Error) -> anyhow::Error {
        schema::explain(&self.path, action, e)
    }
}

/// Appends rows within the caller's transaction (a log's own, or the relay queue's, which records a
/// send's rows with its outcomes).
fn append(tx: &Connection, rows: &[Entry]) -> rusqlite::Result<()> {
    let mut messages: Vec<(Arc<Content>, i64)> = Vec::new();
    {
        let mut add_message = tx.prepare_cached(
            "INSERT INTO messages (title, text, format, event, category, module, task_id, task_name,
                 submitter_uid, submitter_name, rich)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut add_row = tx.prepare_cached(
            "INSERT INTO deliveries (event_id, time_ms, identity, ad_hoc, recipient, channel,
                 destination, outcome, attempts, error_code, error_message, reason, idempotency_key,
                 message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        for row in rows {
            let known = messages
                .iter()
                .find(|(c, _)| Arc::ptr_eq(c, &row.content) || **c == *row.content);
            let message = match known {
                Some((_, id)) => *id,
                None => {
                    let (c, e) = (&row.content, &row.content.event);
                    add_message.execute(params![
                        c.title,
                        c.text,
                        c.format.as_str(),
                        e.name,
                        e.category,
                        e.module,
                        e.task_id,
                        e.task_name,
                        e.submitter_uid,
                        e.submitter_name,
                        c.rich.as_ref().map(Rich::to_json)
                    ])?;
                    let id = tx.last_insert_rowid();
                    messages.push((Arc::clone(&row.content), id));
                    id
                }
            };
            add_row.execute(params![
                row.event_id.as_str(),
                row.time_ms,
                row.identity.key(),
                row.identity.is_ad_hoc(),
                row.recipient,
                row.channel.map_or("-", Kind::as_str),
                row.destination,
                row.outcome.as_str(),
                row.attempts,
                row.error_code,
                row.error_message,
                row.reason,
                row.idempotency_key,
                message
            ])?;
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::HashMap;
    use std::sync::Barrier;

    use crate::channels::message::{Event, Format};

    use super::*;

    /// A row of run `id` for `recipient`'s `kind` channel at `time_ms`, with a key derived from both.
    pub fn entry(id: &str, recipient: &str, kind: Kind, outcome: Outcome, time_ms: i64) -> Entry {
        Entry {
            event_id: id.parse().unwrap(),
            time_ms,
            identity: Identity::stored(&[recipient.to_owned()], Some(kind)),
            recipient: recipient.to_owned(),
            channel: Some(kind),
            destination: format!("{recipient}@example.com"),
            outcome,
            attempts: u32::from(outcome != Outcome::Skipped),
            error_code: (outcome == Outcome::Failed).then(|| "http_500".to_owned()),
            error_message: (outcome == Outcome::Failed).then(|| "server error".to_owned()),
            reason: (outcome == Outcome::Skipped).then(|| "already delivered".to_owned()),
            idempotency_key: format!("key-{id}-{recipient}"),
            content: Arc::new(Content {
                title: Some("Ticket 42".into()),
                text: "awaits approval".into(),
                format: Format::Markdown,
                event: Event {
                    name: "TicketApproval".into(),
                    description: String::new(),
                    category: "ticket".into(),
                    module: "approval".into(),
                    task_id: "42".into(),
                    task_name: "grant".into(),
                    submitter_uid: "bob".into(),
                    submitter_name: "Bob".into(),
                },
                rich: Some(Rich {
                    markdown_text: true,
                    colour: crate::templates::CardColour::Green,
                    template: Some("{{ description }} ({{ roles }})".into()),
                    link: "https://dms.example/t/42".into(),
                    vars: crate::templates::Vars::sample(),
                    roles: HashMap::from([("alice".to_owned(), vec!["approver".to_owned()])]),
                }),
            }),
        }
    }

    pub fn new_log() -> (tempfile::TempDir, Log) {
        let dir = tempfile::tempdir().unwrap();
        let log = Log::open(&dir.path().join("notify").join("deliveries.db")).unwrap();
        (dir, log)
    }

    fn count(log: &Log, table: &str) -> i64 {
        log.conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_run_is_read_back_whole_with_its_message_stored_once() {
        let (_dir, log) = new_log();
        let alice = entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1_000);
        let mut bob = entry("run-1", "bob", Kind::Sms, Outcome::Failed, 1_000);
        bob.content = Arc::clone(&alice.content);
        log.record(&[alice.clone(), bob]).unwrap();
        assert_eq!(count(&log, "deliveries"), 2);
        assert_eq!(count(&log, "messages"), 1);

        let rows = log.query(&Filter::default()).unwrap();
        let got = rows.iter().find(|r| r.recipient == "alice").unwrap();
        assert_eq!(got.event_id, "run-1");
        assert_eq!(got.event, "TicketApproval");
        assert_eq!(got.time_ms, 1_000);
        assert_eq!(got.identity, alice.identity);
        assert_eq!(got.channel, Some(Kind::Email));
        assert_eq!(got.destination, "alice@example.com");
        assert_eq!(got.outcome, Outcome::Delivered);
        assert_eq!(got.attempts, 1);
        assert_eq!(got.idempotency_key, "key-run-1-alice");
        assert_eq!(got.content, *alice.content);
        let failed = rows.iter().find(|r| r.recipient == "bob").unwrap();
        assert_eq!(failed.error_code.as_deref(), Some("http_500"));
        assert_eq!(failed.error_message.as_deref(), Some("server error"));
    }

    #[test]
    fn a_run_is_recorded_all_or_nothing() {
        let (_dir, log) = new_log();
        log.conn
            .execute_batch(
                "CREATE TRIGGER boom BEFORE INSERT ON deliveries WHEN NEW.recipient = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
            )
            .unwrap();
        let rows = [
            entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1),
            entry("run-1", "boom", Kind::Email, Outcome::Delivered, 1),
        ];
        let err = log.record(&rows).unwrap_err();
        assert!(
            format!("{err:#}").contains("refused by the test"),
            "{err:#}"
        );
        assert_eq!(count(&log, "deliveries"), 0);
        assert_eq!(count(&log, "messages"), 0);
    }

    #[test]
    fn a_log_that_refuses_writes_is_an_error_a_send_can_report() {
        let (_dir, log) = new_log();
        // The effect of a read-only file, which root (who runs these tests) cannot produce with chmod.
        log.conn.pragma_update(None, "query_only", true).unwrap();
        let err = log
            .record(&[entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1)])
            .unwrap_err();
        let text = crate::error::render(&err);
        assert!(
            text.starts_with("error: cannot write the delivery log "),
            "{text}"
        );
        assert!(text.contains("hint: check the permissions"), "{text}");
    }

    #[test]
    fn prune_deletes_older_rows_and_their_unused_messages() {
        let (_dir, log) = new_log();
        for (i, t) in [1_000, 2_000, 3_000].into_iter().enumerate() {
            let id = format!("run-{i}");
            log.record(&[entry(&id, "alice", Kind::Email, Outcome::Delivered, t)])
                .unwrap();
        }
        assert_eq!(log.prune(2_500).unwrap(), 2);
        assert_eq!(log.prune(2_500).unwrap(), 0);
        let left = log.query(&Filter::default()).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].time_ms, 3_000);
        assert_eq!(count(&log, "messages"), 1);
    }

    #[test]
    fn thirty_two_writers_on_their_own_connections_lose_no_row() {
        const WRITERS: usize = 32;
        const RUNS: usize = 5;
        const ROWS: usize = 20;
        let dir = tempfile::tempdir().unwrap();
        // The log does not exist yet: creating and migrating it races too.
        let path = dir.path().join("notify").join("deliveries.db");
        let start = Barrier::new(WRITERS);
        std::thread::scope(|s| {
            for w in 0..WRITERS {
                let (path, start) = (&path, &start);
                s.spawn(move || {
                    start.wait();
                    let log = Log::open(path).unwrap();
                    for run in 0..RUNS {
                        let id = format!("w{w}-r{run}");
                        let rows: Vec<_> = (0..ROWS)
                            .map(|i| {
                                entry(&id, &format!("u{i}"), Kind::Email, Outcome::Delivered, 1)
                            })
                            .collect();
                        log.record(&rows).unwrap();
                    }
                });
            }
        });
        let log = Log::open(&path).unwrap();
        assert_eq!(count(&log, "deliveries"), (WRITERS * RUNS * ROWS) as i64);
        assert_eq!(count(&log, "messages"), (WRITERS * RUNS) as i64);
    }
}

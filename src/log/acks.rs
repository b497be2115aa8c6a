//! Acknowledgements and escalation steps in the delivery log's database. Each step is an event of its
//! own in the relay's queue (`<id>:esc<n>`), due at the event's time plus the step's delay; an ack
//! cancels the steps no worker has claimed yet, in the same transaction, so a step claimed before the
//! ack commits fires and one claimed after cannot.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use super::postgres::{PgAcks, is_url};
use super::schema;

/// One step to schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStep {
    /// 1 for the first step.
    pub step: u32,
    /// As the rule says it (`30m`).
    pub after: String,
    pub roles: Vec<String>,
    pub due_ms: i64,
}

/// A scheduled step, as a worker and `log show` see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow {
    pub step_id: String,
    pub event_id: String,
    pub step: u32,
    pub after: String,
    pub roles: Vec<String>,
    pub due_ms: i64,
    pub fired_ms: Option<i64>,
    pub stopped_ms: Option<i64>,
}

impl StepRow {
    /// `escalation step 1 (after 30m: dba)`.
    pub fn title(&self) -> String {
        format!(
            "escalation step {} (after {}: {})",
            self.step,
            self.after,
            self.roles.join(", ")
        )
    }
}

/// Who acknowledged an event, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    pub by: Option<String>,
    pub at_ms: i64,
}

/// What an ack came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acked {
    /// Acknowledged now; this many steps will not fire.
    Now { stopped: usize },
    /// Acknowledged before.
    Before(Ack),
    /// The log knows no event with this id.
    Unknown,
}

/// The queue id of an event's step `n`: `<id>:esc<n>`, or a digest of the id when that is too long
/// for an event id.
pub fn step_id(event_id: &str, n: u32) -> String {
    let plain = format!("{event_id}:esc{n}");
    if plain.len() <= 64 {
        return plain;
    }
    let digest = Sha256::digest(event_id.as_bytes());
    let hex: String = digest.iter().take(20).map(|b| format!("{b:02x}")).collect();
    format!("esc{n}-{hex}")
}

/// Acks and escalation steps of one delivery log, in either backend.
#[derive(Debug)]
pub enum Acks {
    Sqlite(SqliteAcks),
    Postgres(PgAcks),
}

impl Acks {
    /// Opens (creating and migrating) the log `--log` names: a file or a PostgreSQL URL.
    pub fn open(target: &Path) -> Result<Self> {
        Ok(match target.to_str().filter(|t| is_url(t)) {
            Some(url) => Acks::Postgres(PgAcks::open(url)?),
            None => Acks::Sqlite(SqliteAcks::open(target)?),
        })
    }

    /// Queues each step of `event_id` (the event's fields in `body`) unless the event is acknowledged
    /// or its steps were scheduled before (a planning after a restart); returns how many were queued.
    pub fn schedule(
        &self,
        event_id: &str,
        body: &str,
        steps: &[NewStep],
        now_ms: i64,
    ) -> Result<usize> {
        match self {
            Acks::Sqlite(a) => a.schedule(event_id, body, steps, now_ms),
            Acks::Postgres(a) => a.schedule(event_id, body, steps, now_ms),
        }
    }

    /// The step a queued id stands for, if it is one.
    pub fn step(&self, step_id: &str) -> Result<Option<StepRow>> {
        match self {
            Acks::Sqlite(a) => a.step(step_id),
            Acks::Postgres(a) => a.step(step_id),
        }
    }

    /// An event's steps, the first first.
    pub fn steps_of(&self, event_id: &str) -> Result<Vec<StepRow>> {
        match self {
            Acks::Sqlite(a) => a.steps_of(event_id),
            Acks::Postgres(a) => a.steps_of(event_id),
        }
    }

    /// Notes that a worker sent a step.
    pub fn fired(&self, step_id: &str, now_ms: i64) -> Result<()> {
        match self {
            Acks::Sqlite(a) => a.fired(step_id, now_ms),
            Acks::Postgres(a) => a.fired(step_id, now_ms),
        }
    }

    /// Who acknowledged the event, if anyone did.
    pub fn ack_of(&self, event_id: &str) -> Result<Option<Ack>> {
        match self {
            Acks::Sqlite(a) => a.ack_of(event_id),
            Acks::Postgres(a) => a.ack_of(event_id),
        }
    }

    /// Acknowledges an event: its steps that no worker holds are withdrawn from the queue.
    pub fn ack(&self, event_id: &str, by: Option<&str>, now_ms: i64) -> Result<Acked> {
        match self {
            Acks::Sqlite(a) => a.ack(event_id, by, now_ms),
            Acks::Postgres(a) => a.ack(event_id, by, now_ms),
        }
    }
}

/// Acks and steps of one log file.
#[derive(Debug)]
pub struct SqliteAcks {
    path: PathBuf,
    conn: Connection,
}

impl SqliteAcks {
    /// Opens (creating and migrating) the log at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        Ok(SqliteAcks {
            path: path.to_owned(),
            conn: schema::open(path, true)?,
        })
    }

    /// Queues each step of `event_id` (the event's fields in `body`) unless the event is acknowledged
    /// or its steps were scheduled before (a planning after a restart); returns how many were queued.
    pub fn schedule(
        &self,
        event_id: &str,
        body: &str,
        steps: &[NewStep],
        now_ms: i64,
    ) -> Result<usize> {
        self.write(|tx| {
            let acked: Option<i64> = tx
                .query_row("SELECT acked_ms FROM acks WHERE event_id = ?1", [event_id], |r| {
                    r.get(0)
                })
                .optional()?;
            if acked.is_some() {
                return Ok(0);
            }
            let mut queued = 0;
            for s in steps {
                let id = step_id(event_id, s.step);
                let roles = serde_json::to_string(&s.roles).unwrap_or_else(|_| "[]".into());
                let added = tx.execute(
                    "INSERT OR IGNORE INTO escalations (step_id, event_id, step, after, roles, due_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, event_id, s.step, s.after, roles, s.due_ms],
                )?;
                if added > 0 {
                    tx.execute(
                        "INSERT OR IGNORE INTO queue_events (id, body, received_ms, due_ms, state)
                         VALUES (?1, ?2, ?3, ?4, 'queued')",
                        params![id, body, now_ms, s.due_ms],
                    )?;
                    queued += 1;
                }
            }
            Ok(queued)
        })
    }

    /// The step a queued id stands for, if it is one.
    pub fn step(&self, step_id: &str) -> Result<Option<StepRow>> {
        let mut rows = self.read("WHERE step_id = ?1", step_id)?;
        Ok(rows.pop())
    }

    /// An event's steps, the first first.
    pub fn steps_of(&self, event_id: &str) -> Result<Vec<StepRow>> {
        self.read("WHERE event_id = ?1 ORDER BY step", event_id)
    }

    /// Notes that a worker sent a step.
    pub fn fired(&self, step_id: &str, now_ms: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE escalations SET fired_ms = ?2 WHERE step_id = ?1 AND fired_ms IS NULL",
                params![step_id, now_ms],
            )?;
            Ok(())
        })
    }

    /// Who acknowledged the event, if anyone did.
    pub fn ack_of(&self, event_id: &str) -> Result<Option<Ack>> {
        let read = || {
            self.conn
                .query_row(
                    "SELECT acked_by, acked_ms FROM acks WHERE event_id = ?1",
                    [event_id],
                    |r| {
                        Ok(Ack {
                            by: r.get(0)?,
                            at_ms: r.get(1)?,
                        })
                    },
                )
                .optional()
        };
        read().map_err(|e| schema::explain(&self.path, "read", e))
    }

    /// Acknowledges an event: its steps that no worker holds are withdrawn from the queue.
    pub fn ack(&self, event_id: &str, by: Option<&str>, now_ms: i64) -> Result<Acked> {
        self.write(|tx| {
            let before = tx
                .query_row(
                    "SELECT acked_by, acked_ms FROM acks WHERE event_id = ?1",
                    [event_id],
                    |r| {
                        Ok(Ack {
                            by: r.get(0)?,
                            at_ms: r.get(1)?,
                        })
                    },
                )
                .optional()?;
            if let Some(ack) = before {
                return Ok(Acked::Before(ack));
            }
            let known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM queue_events WHERE id = ?1)
                     OR EXISTS (SELECT 1 FROM deliveries WHERE event_id = ?1)",
                [event_id],
                |r| r.get(0),
            )?;
            if !known {
                return Ok(Acked::Unknown);
            }
            tx.execute(
                "INSERT INTO acks (event_id, acked_by, acked_ms) VALUES (?1, ?2, ?3)",
                params![event_id, by, now_ms],
            )?;
            let stop = "SELECT step_id FROM escalations e JOIN queue_events q ON q.id = e.step_id
                 WHERE e.event_id = ?1 AND e.fired_ms IS NULL AND q.state = 'queued'
                   AND (q.lease_until_ms IS NULL OR q.lease_until_ms <= ?2)";
            let ids: Vec<String> = tx
                .prepare(stop)?
                .query_map(params![event_id, now_ms], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in &ids {
                tx.execute(
                    "UPDATE queue_events SET state = 'cancelled' WHERE id = ?1",
                    [id],
                )?;
                tx.execute(
                    "UPDATE escalations SET stopped_ms = ?2 WHERE step_id = ?1",
                    params![id, now_ms],
                )?;
            }
            Ok(Acked::Now { stopped: ids.len() })
        })
    }

    fn read(&self, filter: &str, key: &str) -> Result<Vec<StepRow>> {
        let read = || -> rusqlite::Result<Vec<StepRow>> {
            let sql = format!(
                "SELECT step_id, event_id, step, after, roles, due_ms, fired_ms, stopped_ms
                 FROM escalations {filter}"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            stmt.query_map([key], |r| {
                let roles: String = r.get(4)?;
                Ok(StepRow {
                    step_id: r.get(0)?,
                    event_id: r.get(1)?,
                    step: r.get(2)?,
                    after: r.get(3)?,
                    roles: serde_json::from_str(&roles).unwrap_or_default(),
                    due_ms: r.get(5)?,
                    fired_ms: r.get(6)?,
                    stopped_ms: r.get(7)?,
                })
            })?
            .collect()
        };
        read().map_err(|e| schema::explain(&self.path, "read", e))
    }

    fn write<T>(&self, f: impl Fn(&Transaction<'_>) -> rusqlite::Result<T>) -> Result<T> {
        schema::retry_busy(|| {
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .map_err(|e| schema::explain(&self.path, "write", e))
    }
}

#[cfg(test)]
#[path = "acks_tests.rs"]
mod tests;

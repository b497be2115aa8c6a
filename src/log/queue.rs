//! The relay's queue, in the delivery log's database: events accepted over HTTP, each one's planned
//! destinations, leases, attempts and the next attempt's time. One [`Queue`] contract, so that a
//! PostgreSQL backend can stand beside [`SqliteQueue`].
//!
//! An event is leased whole by one worker (planning and attempting its due destinations together);
//! each destination keeps its own state, attempts and next attempt. The event's `due_ms` is always the
//! earliest next attempt of its queued destinations, so a claim reads one index.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::schema;

/// Whether an insert queued the event or found its id already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    New { due_ms: i64 },
    Duplicate,
}

/// An event to queue: its id, its fields (JSON) and when it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub id: String,
    pub body: String,
    pub due_ms: i64,
}

/// An event a worker holds until its lease ends: its id and the fields it was accepted with (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: String,
    pub body: String,
}

/// Where one destination of an event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Queued,
    Delivered,
    Skipped,
    Dead,
}

impl State {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Delivered => "delivered",
            State::Skipped => "skipped",
            State::Dead => "dead",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<State> {
        Ok(match text {
            "queued" => State::Queued,
            "delivered" => State::Delivered,
            "skipped" => State::Skipped,
            "dead" => State::Dead,
            other => {
                return Err(rusqlite::Error::InvalidColumnType(
                    0,
                    format!("state `{other}`"),
                    rusqlite::types::Type::Text,
                ));
            }
        })
    }
}

/// One planned destination of an event (`identity` is the log's [`super::Identity`] key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub identity: String,
    pub state: State,
    pub attempts: u32,
    pub next_attempt_ms: i64,
    pub last_error: Option<String>,
}

/// What one attempt of a destination came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    Delivered,
    Skipped,
    /// Worth trying again, not before `not_before_ms` when the vendor said so (Retry-After).
    Transient {
        error: String,
        not_before_ms: Option<i64>,
    },
    /// Will not succeed by trying again (a 4xx, or sent without an answer and no idempotency key).
    Permanent {
        error: String,
    },
    /// The attempt never started (a stop came first): queued again, not counted.
    NotStarted,
    /// Held back by a robot's pacing or an app's rate limit, not sent: queued again for when a slot
    /// frees up, not counted.
    Held {
        not_before_ms: i64,
    },
    /// Held by a mute window until `until_ms` (see `crate::time`): queued again then, not counted.
    Deferred {
        until_ms: i64,
        why: String,
    },
}

/// When a failed destination is tried again, and when it is given up.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub max_attempts: u32,
    pub give_up_after: Duration,
    /// ±20% jitter of each wait; off in tests that check exact times.
    pub jitter: bool,
}

impl Policy {
    /// The wait before retry `n` (the first retry is n = 1): `min(2^n s, 1 h)`, ±20% when jittered.
    pub fn backoff(&self, n: u32) -> Duration {
        let secs = 2u64.saturating_pow(n).min(3600);
        let base = Duration::from_secs(secs);
        if !self.jitter {
            return base;
        }
        let mut b = [0u8; 2];
        let unit = match getrandom::fill(&mut b) {
            Ok(()) => f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX),
            Err(_) => 0.5,
        };
        base.mul_f64(0.8 + 0.4 * unit)
    }
}

/// How many events and destinations wait, for `GET /healthz`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Events due now and not held by a worker.
    pub due: i64,
    /// Events waiting for a later time.
    pub scheduled: i64,
    /// Events held by a worker.
    pub in_flight: i64,
    /// Destinations given up.
    pub dead: i64,
}

/// An event that waits, as `notify queue` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Waiting {
    pub id: String,
    /// The fields it was accepted with (JSON).
    #[serde(skip)]
    pub body: String,
    pub received_ms: i64,
    pub due_ms: i64,
    /// Held by a worker right now.
    pub in_flight: bool,
    /// Its destinations so far: queued, delivered (or skipped), dead.
    pub queued: u32,
    pub done: u32,
    pub dead: u32,
    pub last_error: Option<String>,
}

/// What became of a cancel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cancelled {
    /// Withdrawn: nothing more of it is sent.
    Withdrawn,
    Unknown,
    /// A worker holds it right now.
    InFlight,
    /// Nothing of it waits any more (delivered, dead or cancelled before).
    Finished,
}

/// The queue contract every backend keeps. Times are Unix milliseconds, given by the caller.
pub trait Queue: Send + Sync {
    /// Queues an event under `id` unless the id is known (in any state), committed when this returns.
    fn insert(&self, id: &str, body: &str, now_ms: i64, due_ms: i64) -> Result<Inserted> {
        let one = NewEvent {
            id: id.to_owned(),
            body: body.to_owned(),
            due_ms,
        };
        let mut inserted = self.insert_many(std::slice::from_ref(&one), now_ms)?;
        Ok(inserted.pop().unwrap_or(Inserted::Duplicate))
    }
    /// Queues each event as [`Queue::insert`] does, all in one transaction; one answer per event, in
    /// order (an id given twice is a duplicate the second time).
    fn insert_many(&self, events: &[NewEvent], now_ms: i64) -> Result<Vec<Inserted>>;
    /// Leases up to `limit` due events to `owner` until `now + lease`.
    fn claim(
        &self,
        owner: &str,
        now_ms: i64,
        lease: Duration,
        limit: usize,
    ) -> Result<Vec<Claimed>>;
    /// The destinations planned for an event so far (none before its first planning).
    fn planned(&self, id: &str) -> Result<Vec<Planned>>;
    /// Records an attempt's outcome for each destination (planning those not seen before), moves
    /// the event to its next due time (or finishes it) and ends `owner`'s lease.
    fn record(
        &self,
        id: &str,
        owner: &str,
        outcomes: &[(String, Attempt)],
        now_ms: i64,
        policy: &Policy,
    ) -> Result<()>;
    /// Ends `owner`'s lease of an event without touching its destinations (a stop).
    fn release(&self, id: &str, owner: &str) -> Result<()>;
    /// Ends every lease (a restarted serve that owns the file takes its work back); returns how many.
    fn reclaim_all(&self) -> Result<usize>;
    fn counts(&self, now_ms: i64) -> Result<Counts>;
    /// The events that wait (queued, due or not, or in flight), the earliest due first.
    fn waiting(&self, now_ms: i64) -> Result<Vec<Waiting>>;
    /// Withdraws a waiting event that no worker holds.
    fn cancel(&self, id: &str, now_ms: i64) -> Result<Cancelled>;
    /// Queues dead destinations again, due at `now_ms` with their attempt count and give-up clock
    /// started afresh (`notify retry` while a serve runs on the log); `id` narrows to one event,
    /// `since_ms` to destinations given up since. A cancelled event stays cancelled. Returns the
    /// (event id, identity) pairs queued again.
    fn requeue_dead(
        &self,
        id: Option<&str>,
        since_ms: Option<i64>,
        now_ms: i64,
    ) -> Result<Vec<(String, String)>>;
    /// Marks dead destinations delivered (`notify retry` sent them itself, no serve running);
    /// returns how many were dead.
    fn settle_dead(&self, delivered: &[(String, String)]) -> Result<usize>;
    /// Wakes `wake` whenever any process commits work that is due now (an event, a retry), so that
    /// idle workers need not poll often; false when this backend cannot tell (SQLite, where one
    /// serve owns the file and its own intake wakes it). An error says the first subscription
    /// failed; it is tried again in the background.
    fn listen(&self, wake: Arc<tokio::sync::Notify>) -> Result<bool> {
        let _ = wake;
        Ok(false)
    }
}

/// The queue in a SQLite delivery log (WAL; one serve owns the file).
#[derive(Debug)]
pub struct SqliteQueue {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl SqliteQueue {
    /// Opens (creating and migrating) the log at `path` for its queue.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = schema::open(path, true)?;
        Ok(SqliteQueue {
            path: path.to_owned(),
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn write<T>(
        &self,
        action: &str,
        f: impl Fn(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let conn = self.conn();
        let _writing = schema::writing();
        schema::retry_busy(|| {
            let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .map_err(|e| schema::explain(&self.path, action, e))
    }
}

impl Queue for SqliteQueue {
    fn insert_many(&self, events: &[NewEvent], now_ms: i64) -> Result<Vec<Inserted>> {
        self.write("write", |tx| {
            let mut add = tx.prepare(
                "INSERT OR IGNORE INTO queue_events (id, body, received_ms, due_ms, state)
                 VALUES (?1, ?2, ?3, ?4, 'queued')",
            )?;
            events
                .iter()
                .map(|e| {
                    Ok(
                        match add.execute(params![e.id, e.body, now_ms, e.due_ms])? {
                            0 => Inserted::Duplicate,
                            _ => Inserted::New { due_ms: e.due_ms },
                        },
                    )
                })
                .collect()
        })
    }

    fn claim(
        &self,
        owner: &str,
        now_ms: i64,
        lease: Duration,
        limit: usize,
    ) -> Result<Vec<Claimed>> {
        let until = now_ms.saturating_add(i64::try_from(lease.as_millis()).unwrap_or(i64::MAX));
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.write("write", |tx| {
            let mut stmt = tx.prepare(
                "SELECT id, body FROM queue_events
                 WHERE state = 'queued' AND due_ms <= ?1
                   AND (lease_until_ms IS NULL OR lease_until_ms <= ?1)
                 ORDER BY due_ms LIMIT ?2",
            )?;
            let claimed = stmt
                .query_map(params![now_ms, limit], |r| {
                    Ok(Claimed {
                        id: r.get(0)?,
                        body: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut lease = tx.prepare(
                "UPDATE queue_events SET lease_owner = ?2, lease_until_ms = ?3 WHERE id = ?1",
            )?;
            for c in &claimed {
                lease.execute(params![c.id, owner, until])?;
            }
            Ok(claimed)
        })
    }

    fn planned(&self, id: &str) -> Result<Vec<Planned>> {
        let conn = self.conn();
        let read = || -> rusqlite::Result<Vec<Planned>> {
            let mut stmt = conn.prepare(
                "SELECT identity, state, attempts, next_attempt_ms, last_error
                 FROM queue_deliveries WHERE event_id = ?1 ORDER BY rowid",
            )?;
            stmt.query_map([id], |r| {
                Ok(Planned {
                    identity: r.get(0)?,
                    state: State::parse(&r.get::<_, String>(1)?)?,
                    attempts: r.get(2)?,
                    next_attempt_ms: r.get(3)?,
                    last_error: r.get(4)?,
                })
            })?
            .collect()
        };
        read().map_err(|e| schema::explain(&self.path, "read", e))
    }

    fn record(
        &self,
        id: &str,
        owner: &str,
        outcomes: &[(String, Attempt)],
        now_ms: i64,
        policy: &Policy,
    ) -> Result<()> {
        self.write("write", |tx| {
            let received: i64 = tx.query_row(
                "SELECT received_ms FROM queue_events WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            for (identity, attempt) in outcomes {
                tx.execute(
                    "INSERT OR IGNORE INTO queue_deliveries (event_id, identity, state, attempts,
                         next_attempt_ms) VALUES (?1, ?2, 'queued', 0, ?3)",
                    params![id, identity, now_ms],
                )?;
                let attempts: u32 = tx.query_row(
                    "SELECT attempts FROM queue_deliveries WHERE event_id = ?1 AND identity = ?2",
                    params![id, identity],
                    |r| r.get(0),
                )?;
                let (state, attempts, next, error) =
                    next_state(attempt, attempts, received, now_ms, policy);
                tx.execute(
                    "UPDATE queue_deliveries SET state = ?3, attempts = ?4, next_attempt_ms = ?5,
                         last_error = coalesce(?6, last_error)
                     WHERE event_id = ?1 AND identity = ?2",
                    params![id, identity, state.as_str(), attempts, next, error],
                )?;
            }
            let next: Option<i64> = tx.query_row(
                "SELECT min(next_attempt_ms) FROM queue_deliveries
                 WHERE event_id = ?1 AND state = 'queued'",
                [id],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE queue_events SET state = ?3, due_ms = coalesce(?4, due_ms),
                     lease_owner = NULL, lease_until_ms = NULL
                 WHERE id = ?1 AND (lease_owner IS NULL OR lease_owner = ?2)",
                params![
                    id,
                    owner,
                    if next.is_some() { "queued" } else { "done" },
                    next
                ],
            )?;
            Ok(())
        })
    }

    fn release(&self, id: &str, owner: &str) -> Result<()> {
        self.write("write", |tx| {
            tx.execute(
                "UPDATE queue_events SET lease_owner = NULL, lease_until_ms = NULL
                 WHERE id = ?1 AND lease_owner = ?2",
                params![id, owner],
            )?;
            Ok(())
        })
    }

    fn reclaim_all(&self) -> Result<usize> {
        self.write("write", |tx| {
            tx.execute(
                "UPDATE queue_events SET lease_owner = NULL, lease_until_ms = NULL
                 WHERE lease_until_ms IS NOT NULL",
                [],
            )
        })
    }

    fn counts(&self, now_ms: i64) -> Result<Counts> {
        let conn = self.conn();
        let read = || -> rusqlite::Result<Counts> {
            let (due, scheduled, in_flight) = conn.query_row(
                "SELECT
                   coalesce(sum(due_ms <= ?1 AND (lease_until_ms IS NULL OR lease_until_ms <= ?1)), 0),
                   coalesce(sum(due_ms > ?1 AND (lease_until_ms IS NULL OR lease_until_ms <= ?1)), 0),
                   coalesce(sum(lease_until_ms > ?1), 0)
                 FROM queue_events WHERE state = 'queued'",
                [now_ms],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            let dead = conn
                .query_row(
                    "SELECT count(*) FROM queue_deliveries WHERE state = 'dead'",
                    [],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(0);
            Ok(Counts {
                due,
                scheduled,
                in_flight,
                dead,
            })
        };
        read().map_err(|e| schema::explain(&self.path, "read", e))
    }

    fn waiting(&self, now_ms: i64) -> Result<Vec<Waiting>> {
        Self::read_waiting(&self.conn(), now_ms).map_err(|e| schema::explain(&self.path, "read", e))
    }

    fn cancel(&self, id: &str, now_ms: i64) -> Result<Cancelled> {
        self.write("write", |tx| {
            let found: Option<(String, Option<i64>)> = tx
                .query_row(
                    "SELECT state, lease_until_ms FROM queue_events WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            Ok(match found {
                None => Cancelled::Unknown,
                Some((state, _)) if state != "queued" => Cancelled::Finished,
                Some((_, Some(until))) if until > now_ms => Cancelled::InFlight,
                Some(_) => {
                    tx.execute(
                        "UPDATE queue_events SET state = 'cancelled', lease_owner = NULL,
                             lease_until_ms = NULL WHERE id = ?1",
                        [id],
                    )?;
                    Cancelled::Withdrawn
                }
            })
        })
    }

    fn requeue_dead(
        &self,
        id: Option<&str>,
        since_ms: Option<i64>,
        now_ms: i64,
    ) -> Result<Vec<(String, String)>> {
        self.write("write", |tx| Self::requeue(tx, id, since_ms, now_ms))
    }

    fn settle_dead(&self, delivered: &[(String, String)]) -> Result<usize> {
        self.write("write", |tx| {
            let mut settle = tx.prepare(
                "UPDATE queue_deliveries SET state = 'delivered'
                 WHERE state = 'dead' AND event_id = ?1 AND identity = ?2",
            )?;
            delivered
                .iter()
                .map(|(id, identity)| settle.execute(params![id, identity]))
                .sum()
        })
    }
}

impl SqliteQueue {
    fn requeue(
        tx: &Transaction<'_>,
        id: Option<&str>,
        since_ms: Option<i64>,
        now_ms: i64,
    ) -> rusqlite::Result<Vec<(String, String)>> {
        let requeued = tx
            .prepare(
                "UPDATE queue_deliveries SET state = 'queued', attempts = 0, next_attempt_ms = ?3
                 WHERE state = 'dead' AND (?1 IS NULL OR event_id = ?1)
                   AND (?2 IS NULL OR next_attempt_ms >= ?2)
                   AND event_id IN (SELECT id FROM queue_events WHERE state != 'cancelled')
                 RETURNING event_id, identity",
            )?
            .query_map(params![id, since_ms, now_ms], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
        let mut event = tx.prepare(
            "UPDATE queue_events SET received_ms = ?2,
                 due_ms = CASE WHEN state = 'queued' THEN min(due_ms, ?2) ELSE ?2 END,
                 state = 'queued'
             WHERE id = ?1",
        )?;
        let mut seen = std::collections::HashSet::new();
        for (id, _) in &requeued {
            if seen.insert(id.as_str()) {
                event.execute(params![id, now_ms])?;
            }
        }
        Ok(requeued)
    }

    fn read_waiting(conn: &Connection, now_ms: i64) -> rusqlite::Result<Vec<Waiting>> {
        let mut stmt = conn.prepare(
            "SELECT e.id, e.body, e.received_ms, e.due_ms, coalesce(e.lease_until_ms > ?1, 0),
                 coalesce(sum(d.state = 'queued'), 0),
                 coalesce(sum(d.state IN ('delivered', 'skipped')), 0),
                 coalesce(sum(d.state = 'dead'), 0),
                 (SELECT last_error FROM queue_deliveries l
                  WHERE l.event_id = e.id AND l.last_error IS NOT NULL
                  ORDER BY l.next_attempt_ms DESC LIMIT 1)
             FROM queue_events e LEFT JOIN queue_deliveries d ON d.event_id = e.id
             WHERE e.state = 'queued' GROUP BY e.id ORDER BY e.due_ms, e.id",
        )?;
        stmt.query_map([now_ms], |r| {
            Ok(Waiting {
                id: r.get(0)?,
                body: r.get(1)?,
                received_ms: r.get(2)?,
                due_ms: r.get(3)?,
                in_flight: r.get(4)?,
                queued: r.get(5)?,
                done: r.get(6)?,
                dead: r.get(7)?,
                last_error: r.get(8)?,
            })
        })?
        .collect()
    }
}

/// A destination's next (state, attempts, next attempt, error) after `attempt`; `received_ms` starts
/// the give-up clock.
pub(super) fn next_state(
    attempt: &Attempt,
    attempts: u32,
    received_ms: i64,
    now_ms: i64,
    policy: &Policy,
) -> (State, u32, i64, Option<String>) {
    let tried = attempts.saturating_add(1);
    match attempt {
        Attempt::Delivered => (State::Delivered, tried, now_ms, None),
        Attempt::Skipped => (State::Skipped, attempts, now_ms, None),
        Attempt::NotStarted => (State::Queued, attempts, now_ms, None),
        Attempt::Held { not_before_ms } => {
            (State::Queued, attempts, now_ms.max(*not_before_ms), None)
        }
        Attempt::Deferred { until_ms, why } => (
            State::Queued,
            attempts,
            *until_ms,
            Some(format!("deferred: {why}")),
        ),
        Attempt::Permanent { error } => (State::Dead, tried, now_ms, Some(error.clone())),
        Attempt::Transient {
            error,
            not_before_ms,
        } => {
            let wait = i64::try_from(policy.backoff(tried).as_millis()).unwrap_or(i64::MAX);
            let next = now_ms.saturating_add(wait).max(not_before_ms.unwrap_or(0));
            let give_up = received_ms.saturating_add(
                i64::try_from(policy.give_up_after.as_millis()).unwrap_or(i64::MAX),
            );
            let state = match tried >= policy.max_attempts || next > give_up {
                true => State::Dead,
                false => State::Queued,
            };
            (state, tried, next, Some(error.clone()))
        }
    }
}

#[cfg(test)]
#[path = "queue_tests.rs"]
mod tests;

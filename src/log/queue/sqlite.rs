//! The [`Queue`] in a SQLite delivery log: writes grouped into shared transactions by [`Writer`], reads
//! on a connection of their own (WAL: a read never waits for a write).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, params};

use super::super::{Entry, schema};
use super::checkpoint::Checkpoints;
use super::group::{Writer, savepoint};
use super::{
    Attempt, Cancelled, Claimed, Counts, Inserted, NewEvent, Planned, Policy, Queue, Recorded,
    Sent, State, Waiting, next_state,
};

/// The queue in a SQLite delivery log (WAL; one serve owns the file).
#[derive(Debug)]
pub struct SqliteQueue {
    path: PathBuf,
    writer: Writer,
    reader: Mutex<Connection>,
}

impl SqliteQueue {
    /// Opens (creating and migrating) the log at `path` for its queue.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = schema::open(path, true)?;
        let checkpoints = Checkpoints::start(path, &conn)?;
        let writer = Writer::new(conn, checkpoints);
        Ok(SqliteQueue {
            path: path.to_owned(),
            writer,
            reader: Mutex::new(schema::open(path, false)?),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.reader.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` in the next group's transaction (see [`Writer::write`]), committed when this returns.
    fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T> {
        self.writer
            .write(f)
            .map_err(|e| schema::explain(&self.path, "write", e))
    }
}

impl Queue for SqliteQueue {
    fn insert_many(&self, events: &[NewEvent], now_ms: i64) -> Result<Vec<Inserted>> {
        let (inserted, _) = self.insert_leased(events, now_ms, ("", Duration::ZERO), 0)?;
        Ok(inserted)
    }

    fn insert_leased(
        &self,
        events: &[NewEvent],
        now_ms: i64,
        (owner, lease): (&str, Duration),
        leases: usize,
    ) -> Result<(Vec<Inserted>, Vec<usize>)> {
        let (events, owner) = (events.to_vec(), owner.to_owned());
        let until = now_ms.saturating_add(i64::try_from(lease.as_millis()).unwrap_or(i64::MAX));
        self.write(move |tx| {
            let mut add = tx.prepare_cached(
                "INSERT OR IGNORE INTO queue_events
                     (id, body, received_ms, due_ms, state, lease_owner, lease_until_ms)
                 VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6)",
            )?;
            let mut leased = Vec::new();
            let inserted = events
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let lease = leased.len() < leases && e.due_ms <= now_ms;
                    let (who, until) = if lease {
                        (Some(owner.as_str()), Some(until))
                    } else {
                        (None, None)
                    };
                    Ok(
                        match add.execute(params![e.id, e.body, now_ms, e.due_ms, who, until])? {
                            0 => Inserted::Duplicate,
                            _ => {
                                if lease {
                                    leased.push(i);
                                }
                                Inserted::New { due_ms: e.due_ms }
                            }
                        },
                    )
                })
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((inserted, leased))
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
        let owner = owner.to_owned();
        self.write(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT id, body FROM queue_events
                 WHERE state = 'queued' AND due_ms <= ?1
                   AND (lease_until_ms IS NULL OR lease_until_ms <= ?1)
                 ORDER BY due_ms LIMIT ?2",
            )?;
            let mut claimed = stmt
                .query_map(params![now_ms, limit], |r| {
                    Ok(Claimed {
                        id: r.get(0)?,
                        body: r.get(1)?,
                        planned: None,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut lease = tx.prepare_cached(
                "UPDATE queue_events SET lease_owner = ?2, lease_until_ms = ?3 WHERE id = ?1",
            )?;
            // Their planning so far with them: the writer's pages are warm, a reader's are not.
            for c in &mut claimed {
                lease.execute(params![c.id, owner, until])?;
                c.planned = Some(Self::read_planned(tx, &c.id)?);
            }
            Ok(claimed)
        })
    }

    fn planned(&self, id: &str) -> Result<Vec<Planned>> {
        Self::read_planned(&self.conn(), id).map_err(|e| schema::explain(&self.path, "read", e))
    }

    fn record(
        &self,
        id: &str,
        owner: &str,
        outcomes: &[(String, Attempt)],
        now_ms: i64,
        policy: &Policy,
    ) -> Result<()> {
        let (id, owner, outcomes, policy) =
            (id.to_owned(), owner.to_owned(), outcomes.to_vec(), *policy);
        self.write(move |tx| Self::record_in(tx, &id, &owner, &outcomes, now_ms, &policy))
    }

    fn release(&self, id: &str, owner: &str) -> Result<()> {
        let (id, owner) = (id.to_owned(), owner.to_owned());
        self.write(move |tx| {
            tx.prepare_cached(
                "UPDATE queue_events SET lease_owner = NULL, lease_until_ms = NULL
                 WHERE id = ?1 AND lease_owner = ?2",
            )?
            .execute(params![id, owner])?;
            Ok(())
        })
    }

    fn reclaim_all(&self) -> Result<usize> {
        self.write(|tx| {
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
        let id = id.to_owned();
        self.write(move |tx| {
            let found: Option<(String, Option<i64>)> = tx
                .query_row(
                    "SELECT state, lease_until_ms FROM queue_events WHERE id = ?1",
                    [&id],
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
                        [&id],
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
        let id = id.map(str::to_owned);
        self.write(move |tx| Self::requeue(tx, id.as_deref(), since_ms, now_ms))
    }

    fn settle_dead(&self, delivered: &[(String, String)]) -> Result<usize> {
        let delivered = delivered.to_vec();
        self.write(move |tx| {
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

    fn record_sent(
        &self,
        sent: Sent,
        policy: &Policy,
        log: &dyn Fn(&[Entry]) -> Result<()>,
    ) -> Result<Recorded> {
        self.record_sent_many(vec![sent], policy, log)
            .pop()
            .unwrap_or_else(|| Err(anyhow::anyhow!("internal: a record was not answered")))
    }

    fn record_sent_many(
        &self,
        sents: Vec<Sent>,
        policy: &Policy,
        _log: &dyn Fn(&[Entry]) -> Result<()>,
    ) -> Vec<Result<Recorded>> {
        let (policy, n) = (*policy, sents.len());
        let written = self.write(move |tx| {
            sents
                .into_iter()
                .map(|sent| Self::record_one(tx, sent, &policy))
                .collect::<rusqlite::Result<Vec<_>>>()
        });
        let explain = |e| schema::explain(&self.path, "write", e);
        match written {
            Ok(each) => each
                .into_iter()
                .map(|(logged, recorded)| {
                    Ok(Recorded {
                        states: Some(recorded.map_err(explain)?),
                        unlogged: logged.err().map(explain),
                    })
                })
                .collect(),
            // Nothing of the group was committed: each send is told so.
            Err(e) => {
                let again = format!("{e:#}");
                std::iter::once(Err(e))
                    .chain((1..n).map(|_| Err(anyhow::anyhow!("{again}"))))
                    .collect()
            }
        }
    }
}

impl SqliteQueue {
    fn read_planned(conn: &Connection, id: &str) -> rusqlite::Result<Vec<Planned>> {
        let mut stmt = conn.prepare_cached(
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
    }

    /// One send's rows and outcomes inside the caller's transaction, each part in a savepoint of its
    /// own (rows the log refuses do not hold the outcomes back, and the other way round), then where
    /// its destinations stand. `Err` only when the whole transaction broke (see `group`).
    #[allow(clippy::type_complexity)]
    fn record_one(
        tx: &Connection,
        sent: Sent,
        policy: &Policy,
    ) -> rusqlite::Result<(rusqlite::Result<()>, rusqlite::Result<Vec<Planned>>)> {
        let Sent {
            id,
            owner,
            outcomes,
            rows,
            now_ms,
        } = sent;
        let logged = match savepoint(tx, "rows", |tx| super::super::append(tx, &rows)) {
            (Err(e), true) => return Err(e),
            (logged, _) => logged,
        };
        let recorded = match savepoint(tx, "outcomes", |tx| {
            Self::record_in(tx, &id, &owner, &outcomes, now_ms, policy)?;
            Self::read_planned(tx, &id)
        }) {
            (Err(e), true) => return Err(e),
            (recorded, _) => recorded,
        };
        Ok((logged, recorded))
    }

    /// [`Queue::record`] inside the caller's transaction.
    fn record_in(
        tx: &Connection,
        id: &str,
        owner: &str,
        outcomes: &[(String, Attempt)],
        now_ms: i64,
        policy: &Policy,
    ) -> rusqlite::Result<()> {
        let received: i64 = tx
            .prepare_cached("SELECT received_ms FROM queue_events WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        // A destination not seen before is planned with no attempt yet. (No `RETURNING` here: SQLite
        // builds a table for its rows on every run, which cost more than the rest of the record.)
        let mut tried = tx.prepare_cached(
            "SELECT attempts FROM queue_deliveries WHERE event_id = ?1 AND identity = ?2",
        )?;
        let mut set = tx.prepare_cached(
            "INSERT INTO queue_deliveries
                 (event_id, identity, state, attempts, next_attempt_ms, last_error)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (event_id, identity) DO UPDATE SET state = excluded.state,
                 attempts = excluded.attempts, next_attempt_ms = excluded.next_attempt_ms,
                 last_error = coalesce(excluded.last_error, last_error)",
        )?;
        for (identity, attempt) in outcomes {
            let attempts: u32 = tried
                .query_row(params![id, identity], |r| r.get(0))
                .optional()?
                .unwrap_or(0);
            let (state, attempts, next, error) =
                next_state(attempt, attempts, received, now_ms, policy);
            set.execute(params![id, identity, state.as_str(), attempts, next, error])?;
        }
        let next: Option<i64> = tx
            .prepare_cached(
                "SELECT min(next_attempt_ms) FROM queue_deliveries
                 WHERE event_id = ?1 AND state = 'queued'",
            )?
            .query_row([id], |r| r.get(0))?;
        tx.prepare_cached(
            "UPDATE queue_events SET state = ?3, due_ms = coalesce(?4, due_ms),
                 lease_owner = NULL, lease_until_ms = NULL
             WHERE id = ?1 AND (lease_owner IS NULL OR lease_owner = ?2)",
        )?
        .execute(params![
            id,
            owner,
            if next.is_some() { "queued" } else { "done" },
            next
        ])?;
        Ok(())
    }

    fn requeue(
        tx: &Connection,
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

#[cfg(test)]
#[path = "sqlite_tests.rs"]
mod tests;

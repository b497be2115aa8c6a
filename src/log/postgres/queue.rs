//! The relay's queue in PostgreSQL: replicas claim due events with `FOR UPDATE SKIP LOCKED` and a
//! lease, so that no two hold one event at once and a killed replica's events come back when its lease
//! ends.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use tokio::sync::Notify;

use super::listen::NOTIFY;
use super::{Database, PgError};
use crate::log::queue::{
    Attempt, Cancelled, Claimed, Counts, Inserted, NewEvent, Planned, Policy, Queue, State,
    Waiting, next_state,
};

/// The queue in a PostgreSQL database, shared by any number of replicas.
#[derive(Debug, Clone)]
pub struct PgQueue {
    db: Arc<Database>,
}

impl PgQueue {
    /// Opens (and migrates) the queue in the database `url` names.
    pub fn open(url: &str) -> Result<PgQueue> {
        Ok(PgQueue {
            db: Database::open(url)?,
        })
    }
}

fn parse_state(text: &str) -> Result<State, PgError> {
    Ok(match text {
        "queued" => State::Queued,
        "delivered" => State::Delivered,
        "skipped" => State::Skipped,
        "dead" => State::Dead,
        other => return Err(PgError::Unreadable(format!("queue state `{other}`"))),
    })
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Recording, first step: the event locked, with the attempts so far of the destinations recorded
/// (locked too, so that a `requeue_dead` in between is seen as it is).
const RECORD_READ: &str = "SELECT e.received_ms, d.identity, d.attempts
     FROM queue_events e LEFT JOIN LATERAL (
         SELECT identity, attempts FROM queue_deliveries
         WHERE event_id = e.id AND identity = ANY($2) FOR UPDATE) d ON true
     WHERE e.id = $1 FOR UPDATE OF e";

/// Recording, second step, in one statement: the destinations' new states, the event's next due
/// time (or `done`) with its lease ended, and a wake-up when a destination is due at once (the next
/// link of a fallback chain: any replica may take it). Its parts see the rows as they were before
/// it, so the next due time joins the old rows of the other destinations to the new ones.
fn record_write() -> String {
    format!(
        "WITH up AS (
             INSERT INTO queue_deliveries AS q
                 (event_id, identity, state, attempts, next_attempt_ms, last_error)
             SELECT $1, u.identity, u.state, u.attempts, u.next, u.error
             FROM unnest($3::text[], $4::text[], $5::int[], $6::bigint[], $7::text[])
                 AS u(identity, state, attempts, next, error)
             ON CONFLICT (event_id, identity) DO UPDATE SET state = excluded.state,
                 attempts = excluded.attempts, next_attempt_ms = excluded.next_attempt_ms,
                 last_error = coalesce(excluded.last_error, q.last_error)
             RETURNING q.state, q.next_attempt_ms),
         next AS (
             SELECT min(n) AS at FROM (
                 SELECT next_attempt_ms AS n FROM queue_deliveries
                 WHERE event_id = $1 AND state = 'queued' AND identity <> ALL($3)
                 UNION ALL SELECT next_attempt_ms FROM up WHERE state = 'queued') AS due),
         done AS (
             UPDATE queue_events SET state = CASE WHEN next.at IS NULL THEN 'done' ELSE 'queued' END,
                 due_ms = coalesce(next.at, due_ms), lease_owner = NULL, lease_until_ms = NULL
             FROM next WHERE id = $1 AND (lease_owner IS NULL OR lease_owner = $2))
         SELECT CASE WHEN next.at <= $8 THEN {NOTIFY} END FROM next"
    )
}

/// The destinations' rows after recording, one per destination, as arrays for `unnest`.
#[derive(Debug, Default)]
struct Outcomes {
    identities: Vec<String>,
    states: Vec<&'static str>,
    attempts: Vec<i32>,
    next: Vec<i64>,
    errors: Vec<Option<String>>,
}

impl Outcomes {
    /// Applies the outcomes in order, as one update each would: a destination named twice sees its
    /// first outcome's attempts, ends in its last one's state, and keeps the latest error given.
    fn fold(
        outcomes: &[(String, Attempt)],
        mut attempts: HashMap<String, u32>,
        received_ms: i64,
        now_ms: i64,
        policy: &Policy,
    ) -> Outcomes {
        let mut rows = Outcomes::default();
        for (identity, attempt) in outcomes {
            let before = attempts.get(identity).copied().unwrap_or(0);
            let (state, after, next, error) =
                next_state(attempt, before, received_ms, now_ms, policy);
            attempts.insert(identity.clone(), after);
            let after = i32::try_from(after).unwrap_or(i32::MAX);
            match rows.identities.iter().position(|i| i == identity) {
                Some(n) => {
                    rows.states[n] = state.as_str();
                    rows.attempts[n] = after;
                    rows.next[n] = next;
                    if error.is_some() {
                        rows.errors[n] = error;
                    }
                }
                None => {
                    rows.identities.push(identity.clone());
                    rows.states.push(state.as_str());
                    rows.attempts.push(after);
                    rows.next.push(next);
                    rows.errors.push(error);
                }
            }
        }
        rows
    }
}

impl Queue for PgQueue {
    fn insert_many(&self, events: &[NewEvent], now_ms: i64) -> Result<Vec<Inserted>> {
        let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
        let bodies: Vec<String> = events.iter().map(|e| e.body.clone()).collect();
        let dues: Vec<i64> = events.iter().map(|e| e.due_ms).collect();
        let new: HashSet<String> = self.db.run("write", move |pool| async move {
            // One statement for the whole batch: an id given twice is inserted once.
            let client = pool.get().await?;
            let insert = client
                .prepare_cached(&format!(
                        "WITH new AS (
                             INSERT INTO queue_events (id, body, received_ms, due_ms, state)
                             SELECT id, body, $4, due_ms, 'queued'
                             FROM unnest($1::text[], $2::text[], $3::bigint[]) AS e(id, body, due_ms)
                             ON CONFLICT (id) DO NOTHING RETURNING id, due_ms)
                         SELECT id, CASE WHEN due_ms <= $4 THEN {NOTIFY} END FROM new"
                ))
                .await?;
            let rows = client
                .query(&insert, &[&ids, &bodies, &dues, &now_ms])
                .await?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })?;
        let mut seen = HashSet::new();
        Ok(events
            .iter()
            .map(
                |e| match new.contains(&e.id) && seen.insert(e.id.as_str()) {
                    true => Inserted::New { due_ms: e.due_ms },
                    false => Inserted::Duplicate,
                },
            )
            .collect())
    }

    fn claim(
        &self,
        owner: &str,
        now_ms: i64,
        lease: Duration,
        limit: usize,
    ) -> Result<Vec<Claimed>> {
        let until = now_ms.saturating_add(millis(lease));
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let owner = owner.to_owned();
        self.db.run("write", move |pool| async move {
            let client = pool.get().await?;
            let claim = client
                .prepare_cached(
                    "WITH due AS (
                         SELECT id FROM queue_events
                         WHERE state = 'queued' AND due_ms <= $1
                           AND (lease_until_ms IS NULL OR lease_until_ms <= $1)
                         ORDER BY due_ms LIMIT $2 FOR UPDATE SKIP LOCKED)
                     UPDATE queue_events e SET lease_owner = $3, lease_until_ms = $4
                     FROM due WHERE e.id = due.id
                     RETURNING e.id, e.body, e.due_ms",
                )
                .await?;
            let rows = client
                .query(&claim, &[&now_ms, &limit, &owner, &until])
                .await?;
            let mut claimed: Vec<(i64, Claimed)> = rows
                .iter()
                .map(|r| {
                    (
                        r.get(2),
                        Claimed {
                            id: r.get(0),
                            body: r.get(1),
                            planned: None,
                        },
                    )
                })
                .collect();
            claimed.sort_by_key(|c| c.0);
            Ok(claimed.into_iter().map(|(_, c)| c).collect())
        })
    }

    fn planned(&self, id: &str) -> Result<Vec<Planned>> {
        let id = id.to_owned();
        self.db.run("read", move |pool| async move {
            let client = pool.get().await?;
            let planned = client
                .prepare_cached(
                    "SELECT identity, state, attempts, next_attempt_ms, last_error
                     FROM queue_deliveries WHERE event_id = $1 ORDER BY seq",
                )
                .await?;
            let rows = client.query(&planned, &[&id]).await?;
            rows.iter()
                .map(|r| {
                    let attempts: i32 = r.try_get(2)?;
                    Ok(Planned {
                        identity: r.try_get(0)?,
                        state: parse_state(r.try_get(1)?)?,
                        attempts: u32::try_from(attempts).unwrap_or(0),
                        next_attempt_ms: r.try_get(3)?,
                        last_error: r.try_get(4)?,
                    })
                })
                .collect()
        })
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
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let read = client.prepare_cached(RECORD_READ).await?;
            let write = client.prepare_cached(&record_write()).await?;
            let tx = client.transaction().await?;
            let identities: Vec<&str> = outcomes.iter().map(|(i, _)| i.as_str()).collect();
            let rows = tx.query(&read, &[&id, &identities]).await?;
            let Some(first) = rows.first() else {
                // No such event: fail as reading it alone does.
                tx.query_one("SELECT received_ms FROM queue_events WHERE id = $1", &[&id])
                    .await?;
                return Err(PgError::Unreadable(format!("queue event `{id}`")));
            };
            let received: i64 = first.try_get(0)?;
            let mut known: HashMap<String, u32> = HashMap::new();
            for row in &rows {
                if let Some(identity) = row.try_get::<_, Option<String>>(1)? {
                    let attempts: i32 = row.try_get(2)?;
                    known.insert(identity, u32::try_from(attempts).unwrap_or(0));
                }
            }
            let rows = Outcomes::fold(&outcomes, known, received, now_ms, &policy);
            tx.execute(
                &write,
                &[
                    &id,
                    &owner,
                    &rows.identities,
                    &rows.states,
                    &rows.attempts,
                    &rows.next,
                    &rows.errors,
                    &now_ms,
                ],
            )
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    fn release(&self, id: &str, owner: &str) -> Result<()> {
        let (id, owner) = (id.to_owned(), owner.to_owned());
        self.db.run("write", move |pool| async move {
            let client = pool.get().await?;
            let release = client
                .prepare_cached(&format!(
                    "UPDATE queue_events SET lease_owner = NULL, lease_until_ms = NULL
                     WHERE id = $1 AND lease_owner = $2 RETURNING {NOTIFY}"
                ))
                .await?;
            client.execute(&release, &[&id, &owner]).await?;
            Ok(())
        })
    }

    fn listen(&self, wake: Arc<Notify>) -> Result<bool> {
        self.db.listen(wake)?;
        Ok(true)
    }

    /// Nothing: other replicas may hold leases in the shared database right now, so a starting
    /// replica waits for the leases of a dead one to end instead of taking them.
    fn reclaim_all(&self) -> Result<usize> {
        Ok(0)
    }

    fn counts(&self, now_ms: i64) -> Result<Counts> {
        self.db.run("read", move |pool| async move {
            let client = pool.get().await?;
            let row = client
                .query_one(
                    "SELECT
                       count(*) FILTER (WHERE due_ms <= $1
                           AND (lease_until_ms IS NULL OR lease_until_ms <= $1)),
                       count(*) FILTER (WHERE due_ms > $1
                           AND (lease_until_ms IS NULL OR lease_until_ms <= $1)),
                       count(*) FILTER (WHERE lease_until_ms > $1)
                     FROM queue_events WHERE state = 'queued'",
                    &[&now_ms],
                )
                .await?;
            let dead: i64 = client
                .query_one(
                    "SELECT count(*) FROM queue_deliveries WHERE state = 'dead'",
                    &[],
                )
                .await?
                .get(0);
            Ok(Counts {
                due: row.get(0),
                scheduled: row.get(1),
                in_flight: row.get(2),
                dead,
            })
        })
    }

    fn waiting(&self, now_ms: i64) -> Result<Vec<Waiting>> {
        self.db.run("read", move |pool| async move {
            let rows = pool
                .get()
                .await?
                .query(
                    "SELECT e.id, e.body, e.received_ms, e.due_ms,
                         coalesce(e.lease_until_ms > $1, false),
                         count(d.identity) FILTER (WHERE d.state = 'queued'),
                         count(d.identity) FILTER (WHERE d.state IN ('delivered', 'skipped')),
                         count(d.identity) FILTER (WHERE d.state = 'dead'),
                         (SELECT last_error FROM queue_deliveries l
                          WHERE l.event_id = e.id AND l.last_error IS NOT NULL
                          ORDER BY l.next_attempt_ms DESC LIMIT 1)
                     FROM queue_events e LEFT JOIN queue_deliveries d ON d.event_id = e.id
                     WHERE e.state = 'queued' GROUP BY e.id ORDER BY e.due_ms, e.id",
                    &[&now_ms],
                )
                .await?;
            rows.iter()
                .map(|r| {
                    Ok(Waiting {
                        id: r.try_get(0)?,
                        body: r.try_get(1)?,
                        received_ms: r.try_get(2)?,
                        due_ms: r.try_get(3)?,
                        in_flight: r.try_get(4)?,
                        queued: count(r.try_get(5)?),
                        done: count(r.try_get(6)?),
                        dead: count(r.try_get(7)?),
                        last_error: r.try_get(8)?,
                    })
                })
                .collect()
        })
    }

    fn cancel(&self, id: &str, now_ms: i64) -> Result<Cancelled> {
        let id = id.to_owned();
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            let found = tx
                .query_opt(
                    "SELECT state, lease_until_ms FROM queue_events WHERE id = $1 FOR UPDATE",
                    &[&id],
                )
                .await?;
            let outcome = match found {
                None => Cancelled::Unknown,
                Some(row) => {
                    let state: String = row.try_get(0)?;
                    let until: Option<i64> = row.try_get(1)?;
                    match (state.as_str(), until) {
                        (state, _) if state != "queued" => Cancelled::Finished,
                        (_, Some(until)) if until > now_ms => Cancelled::InFlight,
                        _ => {
                            tx.execute(
                                "UPDATE queue_events SET state = 'cancelled', lease_owner = NULL,
                                     lease_until_ms = NULL WHERE id = $1",
                                &[&id],
                            )
                            .await?;
                            Cancelled::Withdrawn
                        }
                    }
                }
            };
            tx.commit().await?;
            Ok(outcome)
        })
    }

    fn requeue_dead(
        &self,
        id: Option<&str>,
        since_ms: Option<i64>,
        now_ms: i64,
    ) -> Result<Vec<(String, String)>> {
        let id = id.map(str::to_owned);
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            let requeued: Vec<(String, String)> = tx
                .query(
                    "UPDATE queue_deliveries SET state = 'queued', attempts = 0, next_attempt_ms = $3
                     WHERE state = 'dead' AND ($1::text IS NULL OR event_id = $1)
                       AND ($2::bigint IS NULL OR next_attempt_ms >= $2)
                       AND event_id IN (SELECT id FROM queue_events WHERE state != 'cancelled')
                     RETURNING event_id, identity",
                    &[&id, &since_ms, &now_ms],
                )
                .await?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let mut events: Vec<&str> = requeued.iter().map(|(e, _)| e.as_str()).collect();
            events.sort_unstable();
            events.dedup();
            tx.execute(
                "UPDATE queue_events SET received_ms = $2,
                     due_ms = CASE WHEN state = 'queued' THEN least(due_ms, $2) ELSE $2 END,
                     state = 'queued'
                 WHERE id = ANY($1)",
                &[&events, &now_ms],
            )
            .await?;
            if !events.is_empty() {
                tx.execute(&format!("SELECT {NOTIFY}"), &[]).await?;
            }
            tx.commit().await?;
            Ok(requeued)
        })
    }

    fn settle_dead(&self, delivered: &[(String, String)]) -> Result<usize> {
        let ids: Vec<String> = delivered.iter().map(|(e, _)| e.clone()).collect();
        let identities: Vec<String> = delivered.iter().map(|(_, i)| i.clone()).collect();
        self.db.run("write", move |pool| async move {
            let settled = pool
                .get()
                .await?
                .execute(
                    "UPDATE queue_deliveries q SET state = 'delivered'
                     FROM unnest($1::text[], $2::text[]) AS d(event_id, identity)
                     WHERE q.state = 'dead' AND q.event_id = d.event_id
                       AND q.identity = d.identity",
                    &[&ids, &identities],
                )
                .await?;
            Ok(usize::try_from(settled).unwrap_or(usize::MAX))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::testing;
    use super::*;

    #[test]
    fn replicas_claiming_at_once_never_hold_one_event_together() {
        let Some(pg) = testing::cluster() else { return };
        let url = pg.fresh_database();
        let events: Vec<NewEvent> = (0..300)
            .map(|i| NewEvent {
                id: format!("e{i}"),
                body: "{}".into(),
                due_ms: 0,
            })
            .collect();
        PgQueue::open(&url)
            .unwrap()
            .insert_many(&events, 0)
            .unwrap();
        // Each replica has its own pool, as separate processes do.
        let replicas: Vec<PgQueue> = (0..4)
            .map(|_| PgQueue {
                db: Arc::new(Database::connect(&url).unwrap()),
            })
            .collect();
        let claimed: Vec<Vec<String>> = std::thread::scope(|s| {
            let handles: Vec<_> = replicas
                .iter()
                .enumerate()
                .map(|(n, q)| {
                    s.spawn(move || {
                        let owner = format!("replica-{n}");
                        let mut mine = Vec::new();
                        loop {
                            // A lease far longer than the test: nothing is claimed twice by expiry.
                            let batch = q.claim(&owner, 1, Duration::from_secs(3600), 7).unwrap();
                            if batch.is_empty() {
                                return mine;
                            }
                            mine.extend(batch.into_iter().map(|c| c.id));
                        }
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for id in claimed.iter().flatten() {
            *seen.entry(id).or_default() += 1;
        }
        assert_eq!(seen.len(), 300, "every event claimed");
        assert!(seen.values().all(|&n| n == 1), "no event claimed twice");
        assert!(
            claimed.iter().filter(|c| !c.is_empty()).count() > 1,
            "the work was shared: {:?}",
            claimed.iter().map(Vec::len).collect::<Vec<_>>()
        );
        let counts = replicas[0].counts(1).unwrap();
        assert_eq!((counts.due, counts.in_flight), (0, 300));
    }
}

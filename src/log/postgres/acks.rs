//! Acknowledgements and escalation steps in PostgreSQL. An ack and the scheduling of an event's
//! steps take one advisory lock per event, so a step is never queued after the ack that should have
//! stopped it; an ack withdraws only steps no replica holds (`FOR UPDATE` waits for a claim in
//! progress), so a step claimed before the ack commits fires and one claimed after cannot.

use std::sync::Arc;

use anyhow::Result;
use deadpool_postgres::GenericClient;
use tokio_postgres::Row;

use super::{Database, PgError};
use crate::log::acks::{Ack, Acked, NewStep, StepRow, step_id};

/// The first half of the advisory lock key of an event's acknowledgement ("nta1"); the second is the
/// hash of the event id. Two-key locks never meet the migrations' one-key lock.
const ACK_LOCK: i32 = 0x6e74_6131;

/// Acks and steps in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgAcks {
    db: Arc<Database>,
}

fn step_row(r: &Row) -> Result<StepRow, PgError> {
    let roles: String = r.try_get(4)?;
    let step: i32 = r.try_get(2)?;
    Ok(StepRow {
        step_id: r.try_get(0)?,
        event_id: r.try_get(1)?,
        step: u32::try_from(step).map_err(|_| PgError::Unreadable("escalation step".into()))?,
        after: r.try_get(3)?,
        roles: serde_json::from_str(&roles)
            .map_err(|_| PgError::Unreadable("escalation roles".into()))?,
        due_ms: r.try_get(5)?,
        fired_ms: r.try_get(6)?,
        stopped_ms: r.try_get(7)?,
    })
}

const STEPS: &str = "SELECT step_id, event_id, step, after, roles, due_ms, fired_ms, stopped_ms
     FROM escalations";

async fn lock_event(tx: &impl GenericClient, event_id: &str) -> Result<(), PgError> {
    tx.execute(
        "SELECT pg_advisory_xact_lock($1, hashtext($2))",
        &[&ACK_LOCK, &event_id],
    )
    .await?;
    Ok(())
}

async fn ack_of(client: &impl GenericClient, event_id: &str) -> Result<Option<Ack>, PgError> {
    let row = client
        .query_opt(
            "SELECT acked_by, acked_ms FROM acks WHERE event_id = $1",
            &[&event_id],
        )
        .await?;
    row.map(|r| {
        Ok(Ack {
            by: r.try_get(0)?,
            at_ms: r.try_get(1)?,
        })
    })
    .transpose()
}

impl PgAcks {
    /// Opens (and migrates) the database `url` names.
    pub fn open(url: &str) -> Result<PgAcks> {
        Ok(PgAcks {
            db: Database::open(url)?,
        })
    }

    /// Queues each step of `event_id` unless the event is acknowledged or its steps were scheduled
    /// before; returns how many were queued.
    pub fn schedule(
        &self,
        event_id: &str,
        body: &str,
        steps: &[NewStep],
        now_ms: i64,
    ) -> Result<usize> {
        let (event_id, body, steps) = (event_id.to_owned(), body.to_owned(), steps.to_vec());
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            lock_event(&tx, &event_id).await?;
            if ack_of(&tx, &event_id).await?.is_some() {
                return Ok(0);
            }
            let mut queued = 0;
            for s in &steps {
                let id = step_id(&event_id, s.step);
                let roles = serde_json::to_string(&s.roles).unwrap_or_else(|_| "[]".into());
                let step = i32::try_from(s.step).unwrap_or(i32::MAX);
                let added = tx
                    .execute(
                        "INSERT INTO escalations (step_id, event_id, step, after, roles, due_ms)
                         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (step_id) DO NOTHING",
                        &[&id, &event_id, &step, &s.after, &roles, &s.due_ms],
                    )
                    .await?;
                if added > 0 {
                    tx.execute(
                        "INSERT INTO queue_events (id, body, received_ms, due_ms, state)
                         VALUES ($1, $2, $3, $4, 'queued') ON CONFLICT (id) DO NOTHING",
                        &[&id, &body, &now_ms, &s.due_ms],
                    )
                    .await?;
                    queued += 1;
                }
            }
            tx.commit().await?;
            Ok(queued)
        })
    }

    /// The step a queued id stands for, if it is one.
    pub fn step(&self, step_id: &str) -> Result<Option<StepRow>> {
        let key = step_id.to_owned();
        self.db.run("read", move |pool| async move {
            let sql = format!("{STEPS} WHERE step_id = $1");
            let row = pool.get().await?.query_opt(&sql, &[&key]).await?;
            row.as_ref().map(step_row).transpose()
        })
    }

    /// An event's steps, the first first.
    pub fn steps_of(&self, event_id: &str) -> Result<Vec<StepRow>> {
        let key = event_id.to_owned();
        self.db.run("read", move |pool| async move {
            let sql = format!("{STEPS} WHERE event_id = $1 ORDER BY step");
            let rows = pool.get().await?.query(&sql, &[&key]).await?;
            rows.iter().map(step_row).collect()
        })
    }

    /// Notes that a worker sent a step.
    pub fn fired(&self, step_id: &str, now_ms: i64) -> Result<()> {
        let key = step_id.to_owned();
        self.db.run("write", move |pool| async move {
            pool.get()
                .await?
                .execute(
                    "UPDATE escalations SET fired_ms = $2 WHERE step_id = $1 AND fired_ms IS NULL",
                    &[&key, &now_ms],
                )
                .await?;
            Ok(())
        })
    }

    /// Who acknowledged the event, if anyone did.
    pub fn ack_of(&self, event_id: &str) -> Result<Option<Ack>> {
        let key = event_id.to_owned();
        self.db.run("read", move |pool| async move {
            ack_of(&pool.get().await?, &key).await
        })
    }

    /// Acknowledges an event: its steps that no replica holds are withdrawn from the queue.
    pub fn ack(&self, event_id: &str, by: Option<&str>, now_ms: i64) -> Result<Acked> {
        let (event_id, by) = (event_id.to_owned(), by.map(str::to_owned));
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            lock_event(&tx, &event_id).await?;
            if let Some(ack) = ack_of(&tx, &event_id).await? {
                return Ok(Acked::Before(ack));
            }
            let known: bool = tx
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM queue_events WHERE id = $1)
                         OR EXISTS (SELECT 1 FROM deliveries WHERE event_id = $1)",
                    &[&event_id],
                )
                .await?
                .try_get(0)?;
            if !known {
                return Ok(Acked::Unknown);
            }
            tx.execute(
                "INSERT INTO acks (event_id, acked_by, acked_ms) VALUES ($1, $2, $3)",
                &[&event_id, &by, &now_ms],
            )
            .await?;
            // Locking the steps' queue rows waits for a claim in progress; the lease is then read
            // as that claim left it.
            let ids: Vec<String> = tx
                .query(
                    "SELECT q.id FROM escalations e JOIN queue_events q ON q.id = e.step_id
                     WHERE e.event_id = $1 AND e.fired_ms IS NULL AND q.state = 'queued'
                       AND (q.lease_until_ms IS NULL OR q.lease_until_ms <= $2)
                     ORDER BY q.id FOR UPDATE OF q",
                    &[&event_id, &now_ms],
                )
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
            tx.execute(
                "UPDATE queue_events SET state = 'cancelled' WHERE id = ANY($1)",
                &[&ids],
            )
            .await?;
            tx.execute(
                "UPDATE escalations SET stopped_ms = $2 WHERE step_id = ANY($1)",
                &[&ids, &now_ms],
            )
            .await?;
            tx.commit().await?;
            Ok(Acked::Now { stopped: ids.len() })
        })
    }
}

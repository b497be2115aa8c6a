//! The delivery log's rows in PostgreSQL: the same appends and reads as the SQLite `Log`, each run
//! appended in one transaction, so that every host writing to one database sees one log.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use anyhow::Result;
use tokio_postgres::Row;

use super::{Database, PgError};
use crate::channels::Kind;
use crate::channels::message::Event;
use crate::error::Error;
use crate::log::pending;
use crate::log::read::{RawRow, finish};
use crate::log::{Content, DeliveryId, Entry, Filter, Identity, Logged, Outcome, Pending, Rich};

/// The delivery log in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgLog {
    db: Arc<Database>,
}

const SELECT: &str =
    "SELECT d.seq, d.event_id, m.event, d.time_ms, d.identity, d.recipient, d.channel,
        d.destination, d.outcome, d.attempts, d.error_code, d.error_message, d.reason,
        d.idempotency_key, m.title, m.text, m.format, m.category, m.module, m.task_id,
        m.task_name, m.submitter_uid, m.submitter_name, m.rich
    FROM deliveries d JOIN messages m ON m.id = d.message
    WHERE ($1::text IS NULL OR d.event_id = $1)
      AND ($2::text IS NULL OR m.event = $2)
      AND ($3::text IS NULL OR strpos(', ' || d.recipient || ', ', ', ' || $3 || ', ') > 0)
      AND ($4::text IS NULL OR d.channel = $4)
      AND ($5::text IS NULL OR d.outcome = $5)
      AND ($6::bigint IS NULL OR d.time_ms >= $6)";

impl PgLog {
    /// Opens (and migrates) the log in the database `url` names.
    pub fn open(url: &str) -> Result<PgLog> {
        Ok(PgLog {
            db: Database::open(url)?,
        })
    }

    pub fn database(&self) -> &Arc<Database> {
        &self.db
    }

    /// The URL without its password.
    pub fn shown(&self) -> &str {
        self.db.shown()
    }

    /// Appends one run's rows, all or none.
    pub fn record(&self, rows: &[Entry]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let rows = rows.to_vec();
        self.db.run("write", |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            let add_message = tx
                .prepare(
                    "INSERT INTO messages (title, text, format, event, category, module, task_id,
                         task_name, submitter_uid, submitter_name, rich)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                )
                .await?;
            let add_row = tx
                .prepare(
                    "INSERT INTO deliveries (event_id, time_ms, identity, ad_hoc, recipient, channel,
                         destination, outcome, attempts, error_code, error_message, reason,
                         idempotency_key, message)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                )
                .await?;
            let mut messages: Vec<(Arc<Content>, i64)> = Vec::new();
            for row in &rows {
                let known = messages
                    .iter()
                    .find(|(c, _)| Arc::ptr_eq(c, &row.content) || **c == *row.content);
                let message = match known {
                    Some((_, id)) => *id,
                    None => {
                        let (c, e) = (&row.content, &row.content.event);
                        let rich = c.rich.as_ref().map(Rich::to_json);
                        let id: i64 = tx
                            .query_one(
                                &add_message,
                                &[
                                    &c.title,
                                    &c.text,
                                    &c.format.as_str(),
                                    &e.name,
                                    &e.category,
                                    &e.module,
                                    &e.task_id,
                                    &e.task_name,
                                    &e.submitter_uid,
                                    &e.submitter_name,
                                    &rich,
                                ],
                            )
                            .await?
                            .get(0);
                        messages.push((Arc::clone(&row.content), id));
                        id
                    }
                };
                let attempts = i32::try_from(row.attempts).unwrap_or(i32::MAX);
                tx.execute(
                    &add_row,
                    &[
                        &row.event_id.as_str(),
                        &row.time_ms,
                        &row.identity.key(),
                        &row.identity.is_ad_hoc(),
                        &row.recipient,
                        &row.channel.map_or("-", Kind::as_str),
                        &row.destination,
                        &row.outcome.as_str(),
                        &attempts,
                        &row.error_code,
                        &row.error_message,
                        &row.reason,
                        &row.idempotency_key,
                        &message,
                    ],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// The destinations of `event_id` that have been delivered at least once.
    pub fn delivered_for(&self, event_id: &DeliveryId) -> Result<HashSet<Identity>> {
        let id = event_id.as_str().to_owned();
        let keys: Vec<String> = self.db.run("read", |pool| async move {
            let rows = pool
                .get()
                .await?
                .query(
                    "SELECT DISTINCT identity FROM deliveries
                     WHERE event_id = $1 AND outcome = 'delivered'",
                    &[&id],
                )
                .await?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })?;
        keys.iter().map(|k| self.identity(k)).collect()
    }

    /// Every destination's first idempotency key for `event_id`.
    pub fn keys_for(&self, event_id: &DeliveryId) -> Result<HashMap<Identity, String>> {
        let id = event_id.as_str().to_owned();
        let pairs: Vec<(String, String)> = self.db.run("read", |pool| async move {
            let rows = pool
                .get()
                .await?
                .query(
                    "SELECT identity, idempotency_key FROM deliveries WHERE event_id = $1
                     ORDER BY seq DESC",
                    &[&id],
                )
                .await?;
            Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
        })?;
        // Newest first, so the first run's key is the one left in the map.
        let mut keys = HashMap::new();
        for (identity, key) in pairs {
            keys.insert(self.identity(&identity)?, key);
        }
        Ok(keys)
    }

    /// Deletes the rows older than `cutoff_ms`; returns how many were deleted.
    pub fn prune(&self, cutoff_ms: i64) -> Result<usize> {
        self.db.run("prune", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            let deleted = tx
                .execute("DELETE FROM deliveries WHERE time_ms < $1", &[&cutoff_ms])
                .await?;
            tx.execute(
                "DELETE FROM messages m WHERE NOT EXISTS
                     (SELECT 1 FROM deliveries d WHERE d.message = m.id)",
                &[],
            )
            .await?;
            tx.commit().await?;
            Ok(usize::try_from(deleted).unwrap_or(usize::MAX))
        })
    }

    /// The rows `filter` selects, newest first, at most `filter.limit` of them.
    pub fn query(&self, filter: &Filter) -> Result<Vec<Logged>> {
        self.select(filter, "", "ORDER BY d.time_ms DESC, d.seq DESC")
    }

    /// Each destination whose latest row is `failed` and that was never delivered, oldest first.
    pub fn failed(&self, filter: &Filter) -> Result<Vec<Logged>> {
        let filter = Filter {
            outcome: Some(Outcome::Failed),
            ..filter.clone()
        };
        self.select(
            &filter,
            crate::log::read::LATEST_UNDELIVERED,
            "ORDER BY d.seq",
        )
    }

    fn select(&self, filter: &Filter, extra: &str, order: &str) -> Result<Vec<Logged>> {
        let sql = format!("{SELECT} {extra} {order} LIMIT $7");
        let id = filter.id.as_ref().map(|i| i.as_str().to_owned());
        let event = filter.event.clone();
        let recipient = filter.recipient.clone();
        let channel = filter.channel.map(Kind::as_str);
        let outcome = filter.outcome.map(Outcome::as_str);
        let since = filter.since_ms;
        let limit = filter.limit.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        let raw: Vec<RawRow> = self.db.run("read", move |pool| async move {
            let rows = pool
                .get()
                .await?
                .query(
                    &sql,
                    &[&id, &event, &recipient, &channel, &outcome, &since, &limit],
                )
                .await?;
            rows.iter().map(raw_row).collect()
        })?;
        raw.into_iter().map(|r| finish(self.shown(), r)).collect()
    }

    /// The queued and dead destinations `filter` selects (its outcome is the caller's), newest first.
    pub fn pending(&self, filter: &Filter) -> Result<Vec<Pending>> {
        let (raw, unplanned) = self.db.run("read", |pool| async move {
            let client = pool.get().await?;
            let rows = client.query(pending::PENDING_SQL, &[]).await?;
            let unplanned: Vec<pending::Unplanned> = client
                .query(pending::UNPLANNED_SQL, &[])
                .await?
                .iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
                .collect::<Result<_, PgError>>()?;
            let raw: Vec<pending::Raw> = rows
                .iter()
                .map(|r| {
                    let attempts: i32 = r.try_get(5)?;
                    Ok((
                        r.try_get(0)?,
                        r.try_get(1)?,
                        r.try_get(2)?,
                        r.try_get(3)?,
                        r.try_get(4)?,
                        u32::try_from(attempts).unwrap_or(0),
                        r.try_get(6)?,
                        r.try_get(7)?,
                        r.try_get(8)?,
                        r.try_get(9)?,
                    ))
                })
                .collect::<Result<_, PgError>>()?;
            Ok((raw, unplanned))
        })?;
        Ok(pending::assemble(raw, unplanned, filter))
    }

    fn identity(&self, key: &str) -> Result<Identity> {
        Identity::from_key(key).ok_or_else(|| {
            Error::failure(format!(
                "the delivery log {} holds an unreadable identity `{key}`",
                self.shown()
            ))
            .hint("point --log (NOTIFY_LOG) at another database")
            .into()
        })
    }
}

fn raw_row(r: &Row) -> Result<RawRow, PgError> {
    let attempts: i32 = r.try_get(9)?;
    Ok(RawRow {
        seq: r.try_get(0)?,
        event_id: r.try_get(1)?,
        event: Event {
            name: r.try_get(2)?,
            description: String::new(),
            category: r.try_get(17)?,
            module: r.try_get(18)?,
            task_id: r.try_get(19)?,
            task_name: r.try_get(20)?,
            submitter_uid: r.try_get(21)?,
            submitter_name: r.try_get(22)?,
        },
        time_ms: r.try_get(3)?,
        identity: r.try_get(4)?,
        recipient: r.try_get(5)?,
        channel: r.try_get(6)?,
        destination: r.try_get(7)?,
        outcome: r.try_get(8)?,
        attempts: u32::try_from(attempts).map_err(|_| PgError::Unreadable("attempts".into()))?,
        error_code: r.try_get(10)?,
        error_message: r.try_get(11)?,
        reason: r.try_get(12)?,
        idempotency_key: r.try_get(13)?,
        title: r.try_get(14)?,
        text: r.try_get(15)?,
        format: r.try_get(16)?,
        rich: r.try_get(23)?,
    })
}

//! The delivery log's rows in PostgreSQL: the same appends and reads as the SQLite `Log`, each run
//! appended in one transaction, so that every host writing to one database sees one log.

use std::sync::Arc;

use anyhow::Result;
use tokio_postgres::Row;

use super::{Database, PgError};
use crate::channels::Kind;
use crate::channels::message::Event;
use crate::error::Error;
use crate::log::pending;
use crate::log::read::{RawRow, finish};
use crate::log::{
    Content, DeliveryId, Entry, Filter, History, Identity, Logged, Outcome, Pending, Rich,
};

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

const ADD_MESSAGE: &str = "INSERT INTO messages (title, text, format, event, category, module,
         task_id, task_name, submitter_uid, submitter_name, rich)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";

const ROW_COLUMNS: &str = "event_id, time_ms, identity, ad_hoc, recipient, channel, destination,
     outcome, attempts, error_code, error_message, reason, idempotency_key";

const ROW_VALUES: &str = "r.event_id, r.time_ms, r.identity, r.ad_hoc, r.recipient, r.channel,
     r.destination, r.outcome, r.attempts, r.error_code, r.error_message, r.reason,
     r.idempotency_key";

const ROW_ARRAYS_FROM_1: &str = "$1::text[], $2::bigint[], $3::text[], $4::bool[], $5::text[],
     $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[],
     $13::text[]";

const ROW_ARRAYS_FROM_12: &str = "$12::text[], $13::bigint[], $14::text[], $15::bool[],
     $16::text[], $17::text[], $18::text[], $19::text[], $20::int[], $21::text[], $22::text[],
     $23::text[], $24::text[]";

type Param<'a> = &'a (dyn tokio_postgres::types::ToSql + Sync);

/// A message's columns, in the order of [`ADD_MESSAGE`].
struct Message<'a> {
    content: &'a Content,
    format: &'static str,
    rich: Option<String>,
}

impl Message<'_> {
    fn of(content: &Content) -> Message<'_> {
        Message {
            content,
            format: content.format.as_str(),
            rich: content.rich.as_ref().map(Rich::to_json),
        }
    }

    fn params(&self) -> Vec<Param<'_>> {
        let (c, e) = (self.content, &self.content.event);
        vec![
            &c.title,
            &c.text,
            &self.format,
            &e.name,
            &e.category,
            &e.module,
            &e.task_id,
            &e.task_name,
            &e.submitter_uid,
            &e.submitter_name,
            &self.rich,
        ]
    }
}

/// A run's rows as one array per column, in the order of [`ROW_COLUMNS`], for `unnest`.
struct Columns {
    event_id: Vec<String>,
    time_ms: Vec<i64>,
    identity: Vec<String>,
    ad_hoc: Vec<bool>,
    recipient: Vec<String>,
    channel: Vec<&'static str>,
    destination: Vec<String>,
    outcome: Vec<&'static str>,
    attempts: Vec<i32>,
    error_code: Vec<Option<String>>,
    error_message: Vec<Option<String>>,
    reason: Vec<Option<String>>,
    idempotency_key: Vec<String>,
}

impl Columns {
    fn of(rows: &[Entry]) -> Columns {
        Columns {
            event_id: rows
                .iter()
                .map(|r| r.event_id.as_str().to_owned())
                .collect(),
            time_ms: rows.iter().map(|r| r.time_ms).collect(),
            identity: rows.iter().map(|r| r.identity.key()).collect(),
            ad_hoc: rows.iter().map(|r| r.identity.is_ad_hoc()).collect(),
            recipient: rows.iter().map(|r| r.recipient.clone()).collect(),
            channel: rows
                .iter()
                .map(|r| r.channel.map_or("-", Kind::as_str))
                .collect(),
            destination: rows.iter().map(|r| r.destination.clone()).collect(),
            outcome: rows.iter().map(|r| r.outcome.as_str()).collect(),
            attempts: rows
                .iter()
                .map(|r| i32::try_from(r.attempts).unwrap_or(i32::MAX))
                .collect(),
            error_code: rows.iter().map(|r| r.error_code.clone()).collect(),
            error_message: rows.iter().map(|r| r.error_message.clone()).collect(),
            reason: rows.iter().map(|r| r.reason.clone()).collect(),
            idempotency_key: rows.iter().map(|r| r.idempotency_key.clone()).collect(),
        }
    }

    fn params(&self) -> Vec<Param<'_>> {
        vec![
            &self.event_id,
            &self.time_ms,
            &self.identity,
            &self.ad_hoc,
            &self.recipient,
            &self.channel,
            &self.destination,
            &self.outcome,
            &self.attempts,
            &self.error_code,
            &self.error_message,
            &self.reason,
            &self.idempotency_key,
        ]
    }
}

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
            // The distinct messages of the run, and which one each row points at.
            let mut messages: Vec<Arc<Content>> = Vec::new();
            let mut which: Vec<usize> = Vec::with_capacity(rows.len());
            for row in &rows {
                let known = messages
                    .iter()
                    .position(|c| Arc::ptr_eq(c, &row.content) || **c == *row.content);
                which.push(known.unwrap_or_else(|| {
                    messages.push(Arc::clone(&row.content));
                    messages.len() - 1
                }));
            }
            let columns = Columns::of(&rows);
            if let [content] = messages.as_slice() {
                // One message (a run's usual case): one statement, atomic by itself.
                let add = client
                    .prepare_cached(&format!(
                        "WITH m AS ({ADD_MESSAGE}) INSERT INTO deliveries ({ROW_COLUMNS}, message)
                         SELECT {ROW_VALUES}, m.id FROM m, unnest({ROW_ARRAYS_FROM_12})
                             WITH ORDINALITY AS r({ROW_COLUMNS}, n)
                         ORDER BY r.n"
                    ))
                    .await?;
                let message = Message::of(content);
                let mut params = message.params();
                params.extend(columns.params());
                client.execute(&add, &params).await?;
                return Ok(());
            }
            let add_message = client.prepare_cached(ADD_MESSAGE).await?;
            let add_rows = client
                .prepare_cached(&format!(
                    "INSERT INTO deliveries ({ROW_COLUMNS}, message)
                     SELECT {ROW_VALUES}, r.message FROM unnest({ROW_ARRAYS_FROM_1}, $14::bigint[])
                         WITH ORDINALITY AS r({ROW_COLUMNS}, message, n)
                     ORDER BY r.n"
                ))
                .await?;
            let tx = client.transaction().await?;
            let mut ids: Vec<i64> = Vec::with_capacity(messages.len());
            for content in &messages {
                let message = Message::of(content);
                ids.push(tx.query_one(&add_message, &message.params()).await?.get(0));
            }
            let message: Vec<i64> = which.iter().map(|&n| ids[n]).collect();
            let mut params = columns.params();
            params.push(&message);
            tx.execute(&add_rows, &params).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// What the log holds of `event_id` for sending it again, in one query.
    pub fn history_of(&self, event_id: &DeliveryId) -> Result<History> {
        let id = event_id.as_str().to_owned();
        let rows: Vec<(String, String, bool)> = self.db.run("read", |pool| async move {
            let client = pool.get().await?;
            let history = client
                .prepare_cached(
                    "SELECT identity, idempotency_key, outcome = 'delivered' FROM deliveries
                     WHERE event_id = $1 ORDER BY seq DESC",
                )
                .await?;
            let rows = client.query(&history, &[&id]).await?;
            Ok(rows
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect())
        })?;
        History::from_rows(rows, |key| self.identity(key))
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

#[cfg(test)]
mod tests {
    use super::super::testing;
    use super::*;
    use crate::channels::Kind;
    use crate::log::tests::entry;

    #[test]
    fn a_run_of_several_messages_keeps_each_row_with_its_own_and_in_order() {
        let Some(pg) = testing::cluster() else { return };
        let log = PgLog::open(&pg.fresh_database()).unwrap();
        let first = entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1);
        let mut second = entry("run-1", "bob", Kind::Sms, Outcome::Failed, 1);
        let mut other = (*second.content).clone();
        other.title = Some("Ticket 43".into());
        other.event.name = "Other".into();
        second.content = Arc::new(other);
        let mut third = first.clone();
        third.recipient = "carol".into();
        log.record(&[first, second, third]).unwrap();
        let mut rows = log.query(&Filter::default()).unwrap();
        rows.reverse();
        let seen: Vec<(&str, Option<&str>, &str)> = rows
            .iter()
            .map(|r| {
                let title = r.content.title.as_deref();
                (r.recipient.as_str(), title, r.event.as_str())
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("alice", Some("Ticket 42"), "TicketApproval"),
                ("bob", Some("Ticket 43"), "Other"),
                ("carol", Some("Ticket 42"), "TicketApproval"),
            ]
        );
        assert!(rows.windows(2).all(|w| w[0].seq < w[1].seq), "{rows:?}");
    }
}

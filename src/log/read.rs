//! Reading the log back: the filtered listing of `notify log` and the failed destinations of `notify retry`.

use anyhow::Result;
use rusqlite::Row;
use rusqlite::types::Value as Sql;

use super::{Content, DeliveryId, Filter, Identity, Log, Logged, Outcome, Rich};
use crate::channels::Kind;
use crate::channels::message::{Event, Format};
use crate::error::Error;

/// The condition `notify retry` adds to a `failed` filter (SQLite and PostgreSQL alike): the row is
/// its destination's latest, and the destination was never delivered for its event.
pub(crate) const LATEST_UNDELIVERED: &str = "AND d.seq = (SELECT MAX(l.seq) FROM deliveries l
                 WHERE l.event_id = d.event_id AND l.identity = d.identity)
             AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.event_id = d.event_id
                 AND x.identity = d.identity AND x.outcome = 'delivered')";

impl Log {
    /// The rows `filter` selects, newest first, at most `filter.limit` of them.
    pub fn query(&self, filter: &Filter) -> Result<Vec<Logged>> {
        self.select(filter, "", "ORDER BY d.time_ms DESC, d.seq DESC")
    }

    /// For `notify retry`: each destination whose latest row is `failed` and that was never delivered,
    /// in the order their latest rows were recorded. `filter.outcome` is ignored.
    pub fn failed(&self, filter: &Filter) -> Result<Vec<Logged>> {
        let filter = Filter {
            outcome: Some(Outcome::Failed),
            ..filter.clone()
        };
        self.select(&filter, LATEST_UNDELIVERED, "ORDER BY d.seq")
    }

    fn select(&self, filter: &Filter, extra: &str, order: &str) -> Result<Vec<Logged>> {
        let sql = format!(
            "SELECT d.seq, d.event_id, m.event, d.time_ms, d.identity, d.recipient, d.channel,
                    d.destination, d.outcome, d.attempts, d.error_code, d.error_message, d.reason,
                    d.idempotency_key, m.title, m.text, m.format, m.category, m.module, m.task_id,
                    m.task_name, m.submitter_uid, m.submitter_name, m.rich
             FROM deliveries d JOIN messages m ON m.id = d.message
             WHERE (?1 IS NULL OR d.event_id = ?1)
               AND (?2 IS NULL OR m.event = ?2)
               AND (?3 IS NULL OR instr(', ' || d.recipient || ', ', ', ' || ?3 || ', ') > 0)
               AND (?4 IS NULL OR d.channel = ?4)
               AND (?5 IS NULL OR d.outcome = ?5)
               AND (?6 IS NULL OR d.time_ms >= ?6)
               {extra}
             {order} LIMIT ?7"
        );
        let text = |s: Option<&str>| s.map_or(Sql::Null, |s| Sql::Text(s.to_owned()));
        let limit = filter
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let args = [
            text(filter.id.as_ref().map(DeliveryId::as_str)),
            text(filter.event.as_deref()),
            text(filter.recipient.as_deref()),
            text(filter.channel.map(Kind::as_str)),
            text(filter.outcome.map(Outcome::as_str)),
            filter.since_ms.map_or(Sql::Null, Sql::Integer),
            Sql::Integer(limit),
        ];
        let raw = (|| {
            let mut stmt = self.conn.prepare(&sql)?;
            stmt.query_map(rusqlite::params_from_iter(args), read_row)?
                .collect::<rusqlite::Result<Vec<_>>>()
        })()
        .map_err(|e| self.explain("read", e))?;
        raw.into_iter().map(|r| self.finish(r)).collect()
    }

    fn finish(&self, r: RawRow) -> Result<Logged> {
        finish(&self.path.display().to_string(), r)
    }
}

/// Turns the stored text of a row of the log at `place` into typed values; text that does not parse
/// means a damaged log.
pub(super) fn finish(place: &str, r: RawRow) -> Result<Logged> {
    let damaged = |what: &str| {
        Error::failure(format!(
                "the delivery log {place} holds an unreadable {what} (row {})",
                r.seq
            ))
            .hint("move the log aside (notify starts a new one), or point --log (NOTIFY_LOG) at another file")
    };
    let channel = match r.channel.as_str() {
        "-" => None,
        k => Some(k.parse::<Kind>().map_err(|_| damaged("channel"))?),
    };
    Ok(Logged {
        seq: r.seq,
        event_id: r.event_id,
        event: r.event.name.clone(),
        time_ms: r.time_ms,
        identity: Identity::from_key(&r.identity).ok_or_else(|| damaged("identity"))?,
        recipient: r.recipient,
        channel,
        destination: r.destination,
        outcome: Outcome::parse(&r.outcome).ok_or_else(|| damaged("outcome"))?,
        attempts: r.attempts,
        error_code: r.error_code,
        error_message: r.error_message,
        reason: r.reason,
        idempotency_key: r.idempotency_key,
        content: Content {
            title: r.title,
            text: r.text,
            format: Format::parse(&r.format).ok_or_else(|| damaged("format"))?,
            event: r.event,
            rich: match &r.rich {
                None => None,
                Some(text) => Some(Rich::from_json(text).map_err(|e| {
                    damaged("message").caused_by(anyhow::anyhow!("messages.rich: {e}"))
                })?),
            },
        },
    })
}

/// A row as the database returns it, before its text is parsed.
pub(super) struct RawRow {
    pub(super) seq: i64,
    pub(super) event_id: String,
    pub(super) event: Event,
    pub(super) time_ms: i64,
    pub(super) identity: String,
    pub(super) recipient: String,
    pub(super) channel: String,
    pub(super) destination: String,
    pub(super) outcome: String,
    pub(super) attempts: u32,
    pub(super) error_code: Option<String>,
    pub(super) error_message: Option<String>,
    pub(super) reason: Option<String>,
    pub(super) idempotency_key: String,
    pub(super) title: Option<String>,
    pub(super) text: String,
    pub(super) format: String,
    pub(super) rich: Option<String>,
}

fn read_row(r: &Row<'_>) -> rusqlite::Result<RawRow> {
    Ok(RawRow {
        seq: r.get(0)?,
        event_id: r.get(1)?,
        event: Event {
            name: r.get(2)?,
            description: String::new(),
            category: r.get(17)?,
            module: r.get(18)?,
            task_id: r.get(19)?,
            task_name: r.get(20)?,
            submitter_uid: r.get(21)?,
            submitter_name: r.get(22)?,
        },
        time_ms: r.get(3)?,
        identity: r.get(4)?,
        recipient: r.get(5)?,
        channel: r.get(6)?,
        destination: r.get(7)?,
        outcome: r.get(8)?,
        attempts: r.get(9)?,
        error_code: r.get(10)?,
        error_message: r.get(11)?,
        reason: r.get(12)?,
        idempotency_key: r.get(13)?,
        title: r.get(14)?,
        text: r.get(15)?,
        format: r.get(16)?,
        rich: r.get(23)?,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entry, new_log};
    use super::*;

    fn recipients(rows: &[Logged]) -> Vec<String> {
        rows.iter()
            .map(|r| format!("{}/{}", r.event_id, r.recipient))
            .collect()
    }

    #[test]
    fn every_filter_narrows_and_the_newest_come_first() {
        let (_dir, log) = new_log();
        let mut shared = entry("run-2", "x", Kind::DingtalkBot, Outcome::Delivered, 2_000);
        shared.identity =
            Identity::stored(&["carol".into(), "alice".into()], Some(Kind::DingtalkBot));
        shared.recipient = "alice, carol".into();
        let mut other_event = entry("run-3", "dave", Kind::Email, Outcome::Skipped, 3_000);
        other_event.content = std::sync::Arc::new(Content {
            event: Event {
                name: "Other".into(),
                ..Event::default()
            },
            ..Content::default()
        });
        log.record(&[
            entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1_000),
            entry("run-1", "bob", Kind::Sms, Outcome::Failed, 1_000),
        ])
        .unwrap();
        log.record(&[shared]).unwrap();
        log.record(&[other_event]).unwrap();

        let q = |f: Filter| recipients(&log.query(&f).unwrap());
        assert_eq!(
            q(Filter::default()),
            [
                "run-3/dave",
                "run-2/alice, carol",
                "run-1/bob",
                "run-1/alice"
            ]
        );
        let id = Some("run-1".parse().unwrap());
        assert_eq!(
            q(Filter {
                id,
                ..Filter::default()
            }),
            ["run-1/bob", "run-1/alice"]
        );
        let event = Some("Other".to_owned());
        assert_eq!(
            q(Filter {
                event,
                ..Filter::default()
            }),
            ["run-3/dave"]
        );
        let recipient = Some("alice".to_owned());
        assert_eq!(
            q(Filter {
                recipient,
                ..Filter::default()
            }),
            ["run-2/alice, carol", "run-1/alice"]
        );
        // A name that is only part of another name matches nothing.
        let recipient = Some("car".to_owned());
        assert!(
            q(Filter {
                recipient,
                ..Filter::default()
            })
            .is_empty()
        );
        let channel = Some(Kind::Sms);
        assert_eq!(
            q(Filter {
                channel,
                ..Filter::default()
            }),
            ["run-1/bob"]
        );
        let outcome = Some(Outcome::Skipped);
        assert_eq!(
            q(Filter {
                outcome,
                ..Filter::default()
            }),
            ["run-3/dave"]
        );
        let since_ms = Some(2_000);
        assert_eq!(
            q(Filter {
                since_ms,
                ..Filter::default()
            }),
            ["run-3/dave", "run-2/alice, carol"]
        );
        let limit = Some(1);
        assert_eq!(
            q(Filter {
                limit,
                ..Filter::default()
            }),
            ["run-3/dave"]
        );
        let shared = &log
            .query(&Filter {
                limit,
                since_ms: Some(2_000),
                outcome: Some(Outcome::Delivered),
                ..Filter::default()
            })
            .unwrap()[0];
        assert_eq!(
            shared.identity,
            Identity::stored(&["alice".into(), "carol".into()], Some(Kind::DingtalkBot))
        );
    }

    #[test]
    fn failed_returns_each_destination_whose_latest_outcome_failed() {
        let (_dir, log) = new_log();
        use Outcome::{Delivered, Failed, Skipped};
        log.record(&[
            entry("run-1", "fixed", Kind::Email, Failed, 1),
            entry("run-1", "twice", Kind::Email, Failed, 1),
            entry("run-1", "ok", Kind::Email, Delivered, 1),
            entry("run-1", "late", Kind::Email, Delivered, 1),
            entry("run-1", "unserved", Kind::Email, Skipped, 1),
            entry("run-2", "other", Kind::Sms, Failed, 1),
        ])
        .unwrap();
        let mut twice = entry("run-1", "twice", Kind::Email, Failed, 2);
        twice.attempts = 4;
        log.record(&[
            entry("run-1", "fixed", Kind::Email, Delivered, 2),
            twice,
            // Failing after a delivery never makes a destination due again.
            entry("run-1", "late", Kind::Email, Failed, 2),
        ])
        .unwrap();

        let all = log.failed(&Filter::default()).unwrap();
        // In the order of their latest rows.
        assert_eq!(recipients(&all), ["run-2/other", "run-1/twice"]);
        assert_eq!(all[1].attempts, 4);
        assert_eq!(all[1].idempotency_key, "key-run-1-twice");
        assert_eq!(all[1].content.text, "awaits approval");
        let id = Some("run-2".parse().unwrap());
        let one = log
            .failed(&Filter {
                id,
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(recipients(&one), ["run-2/other"]);
        let since_ms = Some(2);
        let recent = log
            .failed(&Filter {
                since_ms,
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(recipients(&recent), ["run-1/twice"]);
    }

    #[test]
    fn a_row_that_does_not_parse_is_reported_as_damage() {
        let (_dir, log) = new_log();
        log.record(&[entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1)])
            .unwrap();
        log.conn
            .execute("UPDATE deliveries SET channel = 'pigeon'", [])
            .unwrap();
        let err = log.query(&Filter::default()).unwrap_err();
        let text = crate::error::render(&err);
        assert!(
            text.contains("holds an unreadable channel (row 1)"),
            "{text}"
        );
        assert!(text.contains("hint: move the log aside"), "{text}");

        log.conn
            .execute_batch(
                "UPDATE deliveries SET channel = 'email';
                 UPDATE messages SET rich = '{\"colour\": \"purple\"}';",
            )
            .unwrap();
        let err = log.query(&Filter::default()).unwrap_err();
        let text = crate::error::render(&err);
        assert!(
            text.contains("holds an unreadable message (row 1)"),
            "{text}"
        );
        assert!(text.contains("purple"), "{text}");
    }
}

//! What the relay's queue still holds per destination, for `notify log`: queued ones (with their next
//! attempt) and dead ones (with their last error), which the delivery rows alone do not say.

use anyhow::Result;

use super::{Filter, Identity, Log};
use crate::channels::Kind;

/// One destination the queue holds: waiting for an attempt, or given up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub event_id: String,
    /// The event name the event was accepted with.
    pub event: String,
    /// The latest attempt's time, else when the event was accepted.
    pub time_ms: i64,
    pub recipient: String,
    pub channel: Option<Kind>,
    /// As the latest attempt recorded it, else `-`.
    pub destination: String,
    pub dead: bool,
    pub attempts: u32,
    pub next_attempt_ms: i64,
    pub last_error: Option<String>,
}

impl Log {
    /// The queued and dead destinations `filter` selects (its outcome is the caller's), newest first.
    pub fn pending(&self, filter: &Filter) -> Result<Vec<Pending>> {
        let sql = PENDING_SQL;
        let raw = (|| {
            let mut stmt = self.conn.prepare(sql)?;
            stmt.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<Raw>>>()
        })()
        .map_err(|e| self.explain("read", e))?;
        Ok(assemble(raw, filter))
    }
}

/// The queued and dead destinations of the query's rows, as `filter` selects them, newest first.
pub(super) fn assemble(raw: Vec<Raw>, filter: &Filter) -> Vec<Pending> {
    let mut out: Vec<Pending> = raw
        .into_iter()
        .filter_map(
            |(id, body, received, identity, state, attempts, next, error, time, dest)| {
                let event = serde_json::from_str::<serde_json::Value>(&body)
                    .ok()
                    .and_then(|b| b["event"].as_str().map(str::to_owned))
                    .unwrap_or_default();
                let (recipients, channel) = match Identity::from_key(&identity)? {
                    Identity::Stored {
                        recipients,
                        channel,
                    } => (recipients, channel),
                    Identity::AdHoc { channel, .. } => (Vec::new(), Some(channel)),
                };
                Some(Pending {
                    event_id: id,
                    event,
                    time_ms: time.unwrap_or(received),
                    recipient: recipients.join(", "),
                    channel,
                    destination: dest.unwrap_or_else(|| "-".into()),
                    dead: state == "dead",
                    attempts,
                    next_attempt_ms: next,
                    last_error: error,
                })
            },
        )
        .filter(|p| {
            filter
                .id
                .as_ref()
                .is_none_or(|id| id.as_str() == p.event_id)
                && filter.event.as_ref().is_none_or(|e| *e == p.event)
                && filter
                    .recipient
                    .as_ref()
                    .is_none_or(|r| p.recipient.split(", ").any(|x| x == r))
                && filter.channel.is_none_or(|c| p.channel == Some(c))
                && filter.since_ms.is_none_or(|s| p.time_ms >= s)
        })
        .collect();
    out.sort_by_key(|p| std::cmp::Reverse(p.time_ms));
    if let Some(limit) = filter.limit {
        out.truncate(limit);
    }
    out
}

/// A queued or dead destination as the database returns it.
pub(super) type Raw = (
    String,
    String,
    i64,
    String,
    String,
    u32,
    i64,
    Option<String>,
    Option<i64>,
    Option<String>,
);

/// Every queued or dead destination, with its latest attempt's time and destination.
pub(super) const PENDING_SQL: &str =
    "SELECT q.event_id, e.body, e.received_ms, q.identity, q.state, q.attempts,
                    q.next_attempt_ms, q.last_error,
                    (SELECT d.time_ms FROM deliveries d WHERE d.event_id = q.event_id
                        AND d.identity = q.identity ORDER BY d.seq DESC LIMIT 1),
                    (SELECT d.destination FROM deliveries d WHERE d.event_id = q.event_id
                        AND d.identity = q.identity ORDER BY d.seq DESC LIMIT 1)
             FROM queue_deliveries q JOIN queue_events e ON e.id = q.event_id
             WHERE q.state = 'dead' OR (q.state = 'queued' AND e.state = 'queued')";

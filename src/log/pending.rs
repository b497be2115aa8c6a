//! What the relay's queue still holds per destination, for `notify log`: queued ones (with their next
//! attempt), dead ones (with their last error), and events no worker has planned yet (one row each,
//! due when the event is), which the delivery rows alone do not say.

use anyhow::Result;

use super::{Filter, Identity, Log};
use crate::channels::Kind;

/// One destination the queue holds: waiting for an attempt, or given up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub event_id: String,
    /// The event name the event was accepted with.
    pub event: String,
    /// The destination's identity key (the log's `Identity`); empty for an event not planned yet.
    pub identity: String,
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
        let raw = (|| {
            let mut stmt = self.conn.prepare(PENDING_SQL)?;
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
        let unplanned = (|| {
            let mut stmt = self.conn.prepare(UNPLANNED_SQL)?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<Vec<Unplanned>>>()
        })()
        .map_err(|e| self.explain("read", e))?;
        Ok(assemble(raw, unplanned, filter))
    }
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

/// A queued event no worker has planned yet: id, body, received, due.
pub(super) type Unplanned = (String, String, i64, i64);

/// Queued events no worker has planned yet (accepted, or `emit --in`).
pub(super) const UNPLANNED_SQL: &str =
    "SELECT e.id, e.body, e.received_ms, e.due_ms FROM queue_events e
     WHERE e.state = 'queued'
       AND NOT EXISTS (SELECT 1 FROM queue_deliveries q WHERE q.event_id = e.id)";

/// What `filter` selects of the queued and dead destinations and of the unplanned events (one row
/// each, queued for the event's due time, no recipient or channel known until the store is read
/// then), newest first; the same for every backend.
pub(super) fn assemble(raw: Vec<Raw>, unplanned: Vec<Unplanned>, filter: &Filter) -> Vec<Pending> {
    let unplanned = unplanned
        .into_iter()
        .map(|(id, body, received, due)| Pending {
            event_id: id,
            event: event_name(&body),
            identity: String::new(),
            time_ms: received,
            recipient: String::new(),
            channel: None,
            destination: "-".into(),
            dead: false,
            attempts: 0,
            next_attempt_ms: due,
            last_error: None,
        });
    let mut out: Vec<Pending> = raw
        .into_iter()
        .filter_map(
            |(id, body, received, identity, state, attempts, next, error, time, dest)| {
                let event = event_name(&body);
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
                    identity,
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
        .chain(unplanned)
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

/// The event name a queued event was accepted with.
fn event_name(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|b| b["event"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

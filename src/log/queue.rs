//! The relay's queue, in the delivery log's database: events accepted over HTTP, each one's planned
//! destinations, leases, attempts and the next attempt's time. One [`Queue`] contract, so that a
//! PostgreSQL backend can stand beside [`SqliteQueue`].
//!
//! An event is leased whole by one worker (planning and attempting its due destinations together);
//! each destination keeps its own state, attempts and next attempt. The event's `due_ms` is always the
//! earliest next attempt of its queued destinations, so a claim reads one index.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use super::Entry;

mod checkpoint;
mod group;
mod sqlite;

pub use sqlite::SqliteQueue;

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
    /// Its planned destinations, when the claim read them in its own transaction (SQLite); `None`:
    /// ask [`Queue::planned`].
    pub planned: Option<Vec<Planned>>,
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
    /// [`Queue::insert_many`], and the first `leases` new events that are due at `now_ms` leased to
    /// `owner` in the same transaction, as a claim would: the caller hands them to its workers
    /// itself. Returns the answers and the indexes of the leased events. By default nothing is
    /// leased (the workers claim every event).
    fn insert_leased(
        &self,
        events: &[NewEvent],
        now_ms: i64,
        _lease: (&str, Duration),
        _leases: usize,
    ) -> Result<(Vec<Inserted>, Vec<usize>)> {
        Ok((self.insert_many(events, now_ms)?, Vec::new()))
    }
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
    /// [`Queue::record`] for a send, with the send's rows for the delivery log. A backend whose log
    /// is in the queue's own database writes them in the same transaction (a crash never leaves a
    /// delivery logged but still queued, or the other way round); by default they go to `log` first.
    /// A failure of the rows alone does not stop the record: it is returned in [`Recorded`].
    fn record_sent(
        &self,
        sent: Sent,
        policy: &Policy,
        log: &dyn Fn(&[Entry]) -> Result<()>,
    ) -> Result<Recorded> {
        let unlogged = log(&sent.rows).err();
        self.record(&sent.id, &sent.owner, &sent.outcomes, sent.now_ms, policy)?;
        Ok(Recorded {
            states: None,
            unlogged,
        })
    }
    /// [`Queue::record_sent`] for several sends at once, in one transaction where the backend can
    /// (SQLite); one answer per send, in order.
    fn record_sent_many(
        &self,
        sents: Vec<Sent>,
        policy: &Policy,
        log: &dyn Fn(&[Entry]) -> Result<()>,
    ) -> Vec<Result<Recorded>> {
        sents
            .into_iter()
            .map(|sent| self.record_sent(sent, policy, log))
            .collect()
    }
}

/// What [`Queue::record_sent`] did.
#[derive(Debug, Default)]
pub struct Recorded {
    /// Where the event's destinations stand after the record, when the backend read them in the
    /// same transaction (SQLite); `None`: ask [`Queue::planned`].
    pub states: Option<Vec<Planned>>,
    /// Why the send's rows are not in the log, if they are not (the outcomes stand).
    pub unlogged: Option<anyhow::Error>,
}

/// A send's outcomes (as [`Queue::record`] takes them) and its rows for the delivery log.
#[derive(Debug, Clone)]
pub struct Sent {
    pub id: String,
    pub owner: String,
    pub outcomes: Vec<(String, Attempt)>,
    pub rows: Vec<Entry>,
    pub now_ms: i64,
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

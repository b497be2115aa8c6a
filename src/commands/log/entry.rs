//! One entry of `notify log`: a logged outcome or a relay's queued or dead delivery, as JSON and as a
//! table row.

use serde::Serialize;

use crate::channels::Kind;
use crate::log::time::format_rfc3339;
use crate::log::{Logged, Pending};

/// The table's columns, in the order of [`Entry::cells`].
pub const HEADERS: [&str; 9] = [
    "time",
    "id",
    "event",
    "recipient",
    "channel",
    "destination",
    "outcome",
    "attempts",
    "error / reason",
];

/// One entry of `log --json` (a stable shape: scripts read these field names).
#[derive(Serialize)]
pub struct Entry<'a> {
    id: &'a str,
    event: Option<&'a str>,
    time: String,
    recipient: &'a str,
    channel: &'a str,
    destination: &'a str,
    outcome: &'static str,
    attempts: u32,
    error_code: Option<&'a str>,
    error_message: Option<&'a str>,
    reason: Option<&'a str>,
    idempotency_key: &'a str,
    /// A queued delivery's next attempt; null on every other row (every row has the same keys).
    next_attempt: Option<String>,
    #[serde(skip)]
    pub time_ms: i64,
}

impl<'a> Entry<'a> {
    pub fn new(row: &'a Logged) -> Self {
        Entry {
            id: &row.event_id,
            event: Some(row.event.as_str()).filter(|e| !e.is_empty()),
            time: format_rfc3339(row.time_ms),
            recipient: &row.recipient,
            channel: row.channel.map_or("-", Kind::as_str),
            destination: &row.destination,
            outcome: row.outcome.as_str(),
            attempts: row.attempts,
            error_code: row.error_code.as_deref(),
            error_message: row.error_message.as_deref(),
            reason: row.reason.as_deref(),
            idempotency_key: &row.idempotency_key,
            next_attempt: None,
            time_ms: row.time_ms,
        }
    }

    pub fn pending(row: &'a Pending) -> Self {
        Entry {
            id: &row.event_id,
            event: Some(row.event.as_str()).filter(|e| !e.is_empty()),
            time: format_rfc3339(row.time_ms),
            recipient: &row.recipient,
            channel: row.channel.map_or("-", Kind::as_str),
            destination: &row.destination,
            outcome: if row.dead { "dead" } else { "queued" },
            attempts: row.attempts,
            error_code: None,
            error_message: row.last_error.as_deref(),
            reason: None,
            idempotency_key: &row.event_id,
            next_attempt: (!row.dead).then(|| format_rfc3339(row.next_attempt_ms)),
            time_ms: row.time_ms,
        }
    }

    /// The row of the table: the detail column says the next attempt, the error and the reason, each once.
    pub fn cells(self) -> Vec<String> {
        let error = match (self.error_code, self.error_message) {
            (Some(code), Some(message)) => Some(format!("{code}: {message}")),
            (code, message) => code.or(message).map(str::to_owned),
        };
        // Each cause once: a reason that is the message itself, or that already names the code
        // (`interrupted: not sent`), stands in place of the error, not beside it.
        let reason = self.reason.filter(|r| Some(*r) != self.error_message);
        let (error, reason) = match (error, reason) {
            (Some(error), Some(r)) if r.starts_with(&format!("{error}:")) => (None, Some(r)),
            other => other,
        };
        let next = self
            .next_attempt
            .as_ref()
            .map(|t| format!("next attempt {t}"));
        let detail: Vec<String> = next
            .into_iter()
            .chain(error)
            .chain(reason.map(str::to_owned))
            .collect();
        vec![
            self.time,
            self.id.to_owned(),
            self.event.unwrap_or("-").to_owned(),
            // An event not planned yet has no recipient until a worker reads the store.
            match self.recipient {
                "" => "-".to_owned(),
                r => r.to_owned(),
            },
            self.channel.to_owned(),
            self.destination.to_owned(),
            self.outcome.to_owned(),
            self.attempts.to_string(),
            detail.join("; "),
        ]
    }
}

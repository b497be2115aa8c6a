//! The deliveries `emit` leaves waiting in the queue (a mute window holds them), as rows of its report.

use serde::Serialize;

use super::Roles;

/// What `emit` adds to its report: the roles that reached each row's recipients, and the deliveries a
/// mute window holds in the queue (rows `queued`, with their due time).
#[derive(Debug, Default)]
pub struct Emitted {
    pub roles: Roles,
    pub waiting: Vec<Waiting>,
}

/// A delivery waiting in the queue, as a row of the report: `send --json`'s fields, `outcome`
/// `queued`, and `next_attempt` (RFC 3339) as in `log --json`.
#[derive(Debug, Serialize)]
pub struct Waiting {
    pub recipient: String,
    pub channel: String,
    pub destination: String,
    pub outcome: &'static str,
    pub attempts: u32,
    pub elapsed_ms: u64,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    /// Why it waits (`muted (night)`).
    pub reason: Option<String>,
    pub next_attempt: String,
}

impl Waiting {
    pub fn new(
        recipient: String,
        channel: &str,
        destination: String,
        due: String,
        why: String,
    ) -> Self {
        Waiting {
            recipient,
            channel: channel.to_owned(),
            destination,
            outcome: "queued",
            attempts: 0,
            elapsed_ms: 0,
            error_code: None,
            error_message: None,
            reason: Some(why),
            next_attempt: due,
        }
    }
}

impl Waiting {
    /// The row's table cells, in the report's columns (an empty id cell when the table has ids).
    pub(super) fn cells(&self, with_ids: bool, reached: Option<&[String]>) -> Vec<String> {
        let mut cells = Vec::new();
        if with_ids {
            cells.push(String::new());
        }
        cells.push(self.recipient.clone());
        if let Some(reached) = reached {
            cells.push(reached.join(", "));
        }
        let why = self.reason.as_deref().unwrap_or_default();
        cells.extend([
            self.channel.clone(),
            self.destination.clone(),
            self.outcome.to_owned(),
            self.attempts.to_string(),
            "-".to_owned(),
            format!("until {}: {why}", self.next_attempt),
        ]);
        cells
    }
}

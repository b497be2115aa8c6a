//! What became of a send: each destination's row as the queue's verdict (PROTOCOLS §10 classes), and
//! the outcome lines and metrics of a finished attempt.

use std::time::Duration;

use crate::delivery::stop::{self, NOT_SENT};
use crate::delivery::{ALREADY_DELIVERED, Class, Delivery, HELD_BACK, OUTCOME_UNKNOWN, Outcome};
use crate::log::queue::{Attempt, Planned, State};

use super::super::Line;
use super::Workers;

impl Workers {
    /// One line (and the metrics) for each destination sent or held back, with its state after the
    /// record.
    pub(super) fn report_outcomes(
        &self,
        id: &str,
        rows: &[Delivery],
        outcomes: &[(String, Attempt)],
        states: &[Planned],
    ) {
        for (row, (identity, attempt)) in rows.iter().zip(outcomes) {
            let state = states.iter().find(|p| &p.identity == identity);
            let outcome = match (attempt, state.map(|s| s.state)) {
                (Attempt::NotStarted, _) => "queued (not started)",
                (Attempt::Held { .. }, _) => "queued (paced)",
                (Attempt::Deferred { .. }, _) => "deferred",
                (_, Some(State::Dead)) => "dead",
                (Attempt::Transient { .. }, _) => "retrying",
                (_, Some(State::Skipped)) => "skipped",
                _ => "delivered",
            };
            if !matches!(
                attempt,
                Attempt::NotStarted
                    | Attempt::Held { .. }
                    | Attempt::Skipped
                    | Attempt::Deferred { .. }
            ) {
                let took = Duration::from_millis(row.elapsed_ms);
                self.metrics.delivery(&row.channel, outcome, took);
            }
            (self.report)(Line::Outcome {
                id: id.to_owned(),
                recipient: row.recipient.clone(),
                channel: row.channel.clone(),
                outcome,
                detail: row.reason.clone().or_else(|| row.error_message.clone()),
                attempts: state.map_or(0, |s| s.attempts),
            });
        }
    }
}

/// What a destination's row means for the queue, by the engine's verdict (PROTOCOLS §10 classes): a
/// permanent failure (a refusal, a vendor's permanent code even in an HTTP 200) and a request sent but
/// not answered without an idempotency key (`outcome unknown`) are final; a retryable one is tried
/// again after the backoff, or the vendor's `Retry-After`.
pub(super) fn attempt_of(row: &Delivery, now_ms: i64) -> Attempt {
    let code = row.error_code.as_deref().unwrap_or_default();
    // What the queue keeps as the last error: the code and what the vendor or transport said.
    let error = || match (&row.error_message, &row.reason) {
        (Some(message), _) if !code.is_empty() => format!("{code}: {message}"),
        (Some(message), _) => message.clone(),
        (None, reason) => reason.clone().unwrap_or_default(),
    };
    match row.outcome {
        Outcome::Delivered => Attempt::Delivered,
        Outcome::Skipped if row.reason.as_deref() == Some(ALREADY_DELIVERED) => Attempt::Delivered,
        Outcome::Skipped => Attempt::Skipped,
        Outcome::Failed if code == stop::CODE => {
            let reason = row.reason.clone().unwrap_or_default();
            if reason == NOT_SENT {
                return Attempt::NotStarted;
            }
            // Cut off by a stop after it was sent: nobody knows whether it arrived.
            Attempt::Permanent {
                error: format!("{OUTCOME_UNKNOWN} ({reason})"),
            }
        }
        // Not sent: a robot's pacing or an app's rate limit had no slot before the send's deadline.
        Outcome::Failed if code == HELD_BACK && row.retry_after.is_some() => Attempt::Held {
            not_before_ms: now_ms.saturating_add(
                row.retry_after
                    .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
            ),
        },
        Outcome::Failed => match row.class {
            Some(Class::Permanent | Class::OutcomeUnknown) => Attempt::Permanent { error: error() },
            Some(Class::Retryable) | None => {
                let wait = row
                    .retry_after
                    .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
                Attempt::Transient {
                    error: error(),
                    not_before_ms: wait.map(|w| now_ms.saturating_add(w)),
                }
            }
        },
    }
}

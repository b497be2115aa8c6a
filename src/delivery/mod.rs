//! Delivery: one send, from what the caller asks for to one outcome per destination, live or dry.
//!
//! One send, walked through: `request::prepare` checks the flags against the store and gives a `Plan`
//! (`plan`: per recipient and channel, usable or skipped with its reason; `target`: a channel and its
//! provider resolved into a `Target`) and a `Message`. The caller fills in a [`Run`] (`run`: limits,
//! the clock, the log, the event id) and calls `preview()` or `deliver()`. A preview (`dry_run`) builds
//! each request with `steps`, the one builder per vendor, and shows it masked. A delivery gives each
//! destination an idempotency key (`recording`), and the `engine` sends the plan over the `transport`:
//! attempts retried with backoff, robots paced (`pacer`), app tokens cached (`tokens`), Feishu/Lark rate
//! limits (`rate`), batches (`batch_plan`, `engine::send_batch`), a Ctrl-C honoured (`stop`). Every row
//! is recorded in the log in one transaction. `retry_failed` re-plans what the log says failed;
//! `template_preview` is `notify template render`; `render` is one destination's copy of a template.

mod batch_plan;
mod dry_run;
mod engine;
#[cfg(test)]
mod fake;
mod pacer;
mod plan;
mod rate;
mod recording;
mod render;
mod request;
mod retry_failed;
mod run;
pub mod steps;
pub mod stop;
mod target;
pub mod template_preview;
mod tokens;

use std::time::Duration;

use serde::Serialize;

use crate::channels::wire::Failure;
use crate::signing::hex_encode;

pub use dry_run::{DryRow, Shown};
pub use engine::{Attempted, Engine, OUTCOME_UNKNOWN, Progress, verdict_for};
pub use plan::{Destination, Plan, plan_channel, plan_users};
pub use recording::{
    ALREADY_DELIVERED, Recording, content_of, derived_key, fresh_id, identity_of, message_of,
};
pub use request::{Adhoc, Content, Recipients, Request, adhoc_destinations, message, prepare};
pub use retry_failed::Retried;
pub use run::{Finished, Run};
pub use target::{
    App, SmsVendor, Target, app as app_credentials, provider_fields, sms_vendor, smtp_settings,
    target_for,
};

/// The error code of a destination held back, not sent, by a robot's pacing or an app's rate limit
/// (its `retry_after` says when a slot frees up).
pub const HELD_BACK: &str = "rate_limit";

/// Defaults of a send, shared by the command line and [`Options::default`].
pub const DEFAULT_TIMEOUT_SECS: f64 = 10.0;
pub const DEFAULT_DEADLINE_SECS: f64 = 60.0;
pub const DEFAULT_RETRIES: u32 = 3;
pub const DEFAULT_CONCURRENCY: usize = 8;
pub const DEFAULT_RETRY_BASE_MS: u64 = 500;
pub use crate::channels::dingtalk_bot::DEFAULT_KEYWORD;

/// Limits of one send.
#[derive(Debug, Clone)]
pub struct Options {
    pub timeout: Duration,
    pub deadline: Duration,
    pub retries: u32,
    pub concurrency: usize,
    pub retry_base: Duration,
    /// Told of each finished destination (a progress bar); `None` tells nobody.
    pub progress: Option<Progress>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs_f64(DEFAULT_TIMEOUT_SECS),
            deadline: Duration::from_secs_f64(DEFAULT_DEADLINE_SECS),
            retries: DEFAULT_RETRIES,
            concurrency: DEFAULT_CONCURRENCY,
            retry_base: Duration::from_millis(DEFAULT_RETRY_BASE_MS),
            progress: None,
        }
    }
}

/// What happened to a destination: one type for the report and the delivery log.
pub use crate::log::Outcome;

/// One row of the report (the `send --json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub recipient: String,
    pub channel: String,
    pub destination: String,
    pub outcome: Outcome,
    pub attempts: u32,
    pub elapsed_ms: u64,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub reason: Option<String>,
    /// How long the vendor asked to wait before the next attempt (`Retry-After`), when it failed.
    #[serde(skip)]
    pub retry_after: Option<Duration>,
    /// What the failure means for trying again later, as the engine judged it; `None` unless failed.
    #[serde(skip)]
    pub class: Option<Class>,
}

/// A failed row's retry class (PROTOCOLS §10), for a caller that tries again later (the relay's queue):
/// the engine's verdict on the vendor's answer, not a reading of the HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Worth another attempt (rate limits, busy, 5xx, a connection that broke before sending).
    Retryable,
    /// Will not succeed by trying again (a refusal, a vendor's permanent error code).
    Permanent,
    /// Sent, not answered, and no idempotency key makes another attempt safe: a person decides.
    OutcomeUnknown,
}

impl Delivery {
    /// A delivered row for a destination, before anything happened.
    fn of(dest: &Destination) -> Self {
        Delivery {
            recipient: dest.recipient(),
            channel: dest.channel().to_owned(),
            destination: dest.shown.clone(),
            outcome: Outcome::Delivered,
            attempts: 0,
            elapsed_ms: 0,
            error_code: None,
            error_message: None,
            reason: None,
            retry_after: None,
            class: None,
        }
    }

    /// Fails the row with `f`; `permanent` is the engine's verdict (a permanent verdict about an
    /// unanswered request is an unknown outcome).
    fn fail(&mut self, f: Failure, permanent: bool) {
        self.class = Some(match permanent {
            false => Class::Retryable,
            true if f.message.starts_with("outcome unknown") => Class::OutcomeUnknown,
            true => Class::Permanent,
        });
        self.outcome = Outcome::Failed;
        self.retry_after = f.retry_after;
        self.reason = Some(f.reason());
        // A stop is notify's own doing: no vendor or network said anything, so there is no message.
        self.error_message = (f.code != stop::CODE).then_some(f.message);
        self.error_code = Some(f.code);
    }
}

/// A random v4 UUID from the OS's secure source; without one there is no safe idempotency key.
pub fn new_uuid() -> Result<String, String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| {
        format!("the OS random source failed ({e}); no idempotency key can be made, try again")
    })?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    Ok(uuid_text(&b))
}

/// 16 bytes in the UUID text form `8-4-4-4-12`.
fn uuid_text(b: &[u8; 16]) -> String {
    let h = hex_encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_keys_are_random_v4_uuids() {
        let a = new_uuid().unwrap();
        let b = new_uuid().unwrap();
        assert_ne!(a, b);
        let parts: Vec<&str> = a.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'), "{a}");
        assert!("89ab".contains(&parts[3][..1]), "{a}");
        assert_ne!(a, "00000000-0000-4000-8000-000000000000");
    }
}

//! The delivery engine: recipients -> destinations -> requests -> transport -> report.
//!
//! `request` turns what a send asks for into a plan; `plan` decides, per recipient and channel, whether
//! a destination is usable; `target` resolves a channel and its provider into a [`Target`]; `steps` is
//! the one request builder per vendor, shared by live sends and dry runs; `engine` runs a plan over an
//! injected transport with retries, a deadline, robot pacing (`pacer`), cached app tokens (`tokens`),
//! per-app rate limits (`rate`) and vendor batching (`batch`). `journal` runs a plan as one event
//! recorded in the delivery log (`crate::log`: event id, idempotency keys, repeat safety) and `retry`
//! plans again what the log says failed.

mod batch;
mod engine;
#[cfg(test)]
mod fake;
mod journal;
mod pacer;
mod plan;
pub mod preview;
mod rate;
mod render;
mod request;
mod retry;
pub mod steps;
mod target;
mod tokens;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Serialize, Serializer};

use crate::channels::message::Message;
use crate::channels::wire::{Failure, HttpRequest};
use crate::signing::hex_encode;
use crate::transport::{Net, runtime};

pub use engine::{Attempted, Engine, OUTCOME_UNKNOWN, Progress, verdict_for};
pub use journal::{
    ALREADY_DELIVERED, Finished, Recording, content_of, deliver, derived_key, dry_keys, fresh_id,
    identity_of, message_of,
};
pub use plan::{Destination, Plan, plan_channel, plan_users};
pub use request::{Adhoc, Content, Recipients, Request, adhoc_destinations, message, prepare};
pub use retry::{Retried, retry, retry_dry_run};
pub use target::{App, SmsVendor, Target, provider_fields, sms_vendor, smtp_settings, target_for};

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
        }
    }

    fn fail(&mut self, f: Failure) {
        self.outcome = Outcome::Failed;
        self.reason = Some(f.reason());
        self.error_code = Some(f.code);
        self.error_message = Some(f.message);
    }
}

/// Wall-clock milliseconds read through tokio's clock (the wall time at start plus tokio's elapsed
/// time), so that a paused test clock drives pacing, token expiry and signed timestamps alike.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    wall_ms: u64,
    start: tokio::time::Instant,
}

impl Clock {
    pub fn new() -> Self {
        Clock {
            wall_ms: now_ms(),
            start: tokio::time::Instant::now(),
        }
    }

    pub fn now_ms(&self) -> u64 {
        self.wall_ms + self.start.elapsed().as_millis() as u64
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::new()
    }
}

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
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

/// Sends a plan over the network and reports every destination, in plan order.
pub fn run(
    plan: Plan,
    msg: Message,
    opts: Options,
    cache_dir: Option<PathBuf>,
) -> anyhow::Result<Vec<Delivery>> {
    let runtime = runtime()?;
    let net = Net::for_attempts_of(opts.timeout)?;
    let engine = Arc::new(Engine::new(opts, cache_dir, Arc::new(net)));
    Ok(runtime.block_on(engine.run(plan, Arc::new(msg))))
}

/// One destination of a dry run: the requests it would send, or why it would send nothing.
#[derive(Debug, Clone)]
pub struct DryRow {
    pub recipient: String,
    pub channel: &'static str,
    pub destination: String,
    pub requests: Result<Vec<Shown>, (Outcome, String)>,
}

/// One request as a dry run shows it (its `Display`): an HTTP request as it goes on the wire with its
/// credentials masked, or an SMTP exchange's envelope and message.
#[derive(Debug, Clone)]
pub enum Shown {
    Http(HttpRequest),
    Mail(String),
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shown::Http(req) => req.write_masked(f),
            Shown::Mail(text) => f.write_str(text),
        }
    }
}

/// A JSON string of the shown text, written without first collecting it.
impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Every request each destination would send: signed, secrets masked, nothing opened. A batch's one
/// request (PROTOCOLS.md §11) is shown on its first destination's row; the other members' rows show
/// no request of their own. Rows are built one at a time as the iterator is read (only the batching
/// decision is made up front), so a caller that prints each row keeps memory flat.
pub fn dry_run<'a>(plan: &'a Plan, msg: &'a Message) -> impl Iterator<Item = DryRow> + 'a {
    let (composed, groups) = batch::plan(&plan.destinations, msg, &plan.audience);
    let mut batches: HashMap<usize, Vec<usize>> = HashMap::new();
    for group in groups.into_iter().filter(|g| g.len() > 1) {
        batches.insert(group[0], group);
    }
    let in_batch: HashSet<usize> = batches.values().flat_map(|g| g[1..].to_vec()).collect();
    plan.destinations
        .iter()
        .enumerate()
        .map(move |(index, dest)| {
            let requests = match &dest.target {
                Err(why) => Err(why.clone()),
                Ok(_) if in_batch.contains(&index) => Ok(Vec::new()),
                Ok(target) => steps::Stamp::keyed(now_ms(), plan.key(index))
                    .map_err(|f| f.message)
                    .and_then(
                        |stamp| match (batches.get(&index), composed[index].as_deref()) {
                            (Some(group), Some(Ok(copy))) => {
                                let targets: Vec<&Target> = group
                                    .iter()
                                    .filter_map(|&i| plan.destinations[i].target.as_ref().ok())
                                    .collect();
                                batch::rendered(&targets, copy, &stamp)
                            }
                            _ => steps::rendered(
                                target,
                                msg,
                                &dest.recipients,
                                &plan.audience,
                                &stamp,
                            ),
                        },
                    )
                    .map_err(|reason| (Outcome::Failed, reason)),
            };
            DryRow {
                recipient: dest.recipient(),
                channel: dest.channel(),
                destination: dest.shown.clone(),
                requests,
            }
        })
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

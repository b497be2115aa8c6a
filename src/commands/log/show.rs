//! `notify log` (without a subcommand): the filtered listing.

use anyhow::Result;
use serde::Serialize;

use crate::channels::Kind;
use crate::commands::args::when;
use crate::context::Context;
use crate::log::time::{When, format_rfc3339};
use crate::log::{DeliveryId, Filter, Log, Logged, Outcome, Pending};

/// What `--outcome` selects: the log's outcomes, and the relay queue's `queued` and `dead`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shown {
    Delivered,
    Failed,
    Skipped,
    /// Waiting in the relay's queue for an attempt
    Queued,
    /// Given up by the relay (its last error is shown)
    Dead,
}

impl Shown {
    /// The log's outcome, or None for the queue's states.
    fn logged(self) -> Option<Outcome> {
        match self {
            Shown::Delivered => Some(Outcome::Delivered),
            Shown::Failed => Some(Outcome::Failed),
            Shown::Skipped => Some(Outcome::Skipped),
            Shown::Queued | Shown::Dead => None,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Filters {
    /// Only the deliveries of this event id (`send --id`)
    #[arg(long, value_name = "ID")]
    pub id: Option<DeliveryId>,
    /// Only the deliveries of this event name (`send --event`)
    #[arg(long, value_name = "EVENT")]
    pub event: Option<String>,
    /// Only the deliveries to this user
    #[arg(long, value_name = "USER")]
    pub recipient: Option<String>,
    /// Only the deliveries through this channel kind
    #[arg(long, value_name = "KIND")]
    pub channel: Option<Kind>,
    /// Only the deliveries with this outcome (queued, dead: the relay's queue)
    #[arg(long, value_enum, value_name = "OUTCOME")]
    pub outcome: Option<Shown>,
    /// Only entries since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time
    #[arg(long, value_name = "WHEN", value_parser = when())]
    pub since: Option<When>,
    /// Show at most this many entries (the newest)
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
}

/// One entry of `log --json` (a stable shape: scripts read these field names).
#[derive(Serialize)]
struct EntryJson<'a> {
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
    /// A queued delivery's next attempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_attempt: Option<String>,
    #[serde(skip)]
    time_ms: i64,
}

impl<'a> EntryJson<'a> {
    fn new(row: &'a Logged) -> Self {
        EntryJson {
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

    fn pending(row: &'a Pending) -> Self {
        EntryJson {
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
}

pub fn run(ctx: &Context, args: &Filters) -> Result<()> {
    let path = ctx.log_path()?;
    let filter = Filter {
        id: args.id.clone(),
        event: args.event.clone(),
        recipient: args.recipient.clone(),
        channel: args.channel,
        outcome: args.outcome.and_then(Shown::logged),
        since_ms: args.since.map(|w| w.cutoff(ctx.now().saturating_mul(1000))),
        limit: Some(args.limit as usize),
    };
    let (logged, queued) = match args.outcome {
        None => (true, true),
        Some(o) => (o.logged().is_some(), o.logged().is_none()),
    };
    let (rows, pending) = match Log::open_existing(path)? {
        Some(log) => {
            let rows = if logged {
                log.query(&filter)?
            } else {
                Vec::new()
            };
            let mut pending = if queued {
                log.pending(&filter)?
            } else {
                Vec::new()
            };
            pending.retain(|p| args.outcome.is_none_or(|o| p.dead == (o == Shown::Dead)));
            (rows, pending)
        }
        None => (Vec::new(), Vec::new()),
    };
    if rows.is_empty() && pending.is_empty() {
        let narrowed = args.id.is_some()
            || args.event.is_some()
            || args.recipient.is_some()
            || args.channel.is_some()
            || args.outcome.is_some()
            || args.since.is_some();
        ctx.out.note(if narrowed {
            "no delivery in the log matches these filters"
        } else {
            "no delivery recorded yet"
        });
    }
    let mut entries: Vec<_> = rows.iter().map(EntryJson::new).collect();
    if !pending.is_empty() {
        entries.extend(pending.iter().map(EntryJson::pending));
        // Newest first, as the log's rows come; a stable sort keeps the log's order among equal times.
        entries.sort_by_key(|e| std::cmp::Reverse(e.time_ms));
        entries.truncate(args.limit as usize);
    }
    if ctx.out.json {
        return ctx.out.json(&entries);
    }
    if entries.is_empty() {
        return Ok(());
    }
    let table = entries
        .into_iter()
        .map(|e| {
            let error = match (e.error_code, e.error_message) {
                (Some(code), Some(message)) => Some(format!("{code}: {message}")),
                (code, message) => code.or(message).map(str::to_owned),
            };
            // Each cause once: a reason that is the message itself, or that already names the code
            // (`interrupted: not sent`), stands in place of the error, not beside it.
            let reason = e.reason.filter(|r| Some(*r) != e.error_message);
            let (error, reason) = match (error, reason) {
                (Some(error), Some(r)) if r.starts_with(&format!("{error}:")) => (None, Some(r)),
                other => other,
            };
            let next = e.next_attempt.as_ref().map(|t| format!("next attempt {t}"));
            let detail: Vec<String> = next
                .into_iter()
                .chain(error)
                .chain(reason.map(str::to_owned))
                .collect();
            vec![
                e.time,
                e.id.to_owned(),
                e.event.unwrap_or("-").to_owned(),
                e.recipient.to_owned(),
                e.channel.to_owned(),
                e.destination.to_owned(),
                e.outcome.to_owned(),
                e.attempts.to_string(),
                detail.join("; "),
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "time",
            "id",
            "event",
            "recipient",
            "channel",
            "destination",
            "outcome",
            "attempts",
            "error / reason",
        ],
        table,
    )
}

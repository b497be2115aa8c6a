//! `notify log` (without a subcommand): the filtered listing.

use std::collections::HashSet;

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::when;
use crate::context::Context;
use crate::log::time::When;
use crate::log::{DeliveryId, DeliveryLog, Filter, Logged, Outcome, Pending};

use super::entry::{self, Entry};

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
    /// Every recorded attempt of each destination (by default only its latest state: one row each)
    #[arg(long)]
    pub all_attempts: bool,
    /// Show at most this many entries (the newest)
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
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
    let (rows, pending) = match DeliveryLog::open_existing(path)? {
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
    let rows = match args.all_attempts {
        true => rows.iter().collect(),
        false => latest(&rows, &pending),
    };
    let mut entries: Vec<_> = rows.into_iter().map(Entry::new).collect();
    if !pending.is_empty() {
        entries.extend(pending.iter().map(Entry::pending));
        // Newest first, as the log's rows come; a stable sort keeps the log's order among equal times.
        entries.sort_by_key(|e| std::cmp::Reverse(e.time_ms));
        entries.truncate(args.limit as usize);
    }
    if ctx.out.json {
        return ctx.out.json(&entries);
    }
    if !entries.is_empty() {
        let table = entries.into_iter().map(Entry::cells).collect();
        ctx.out.table(&entry::HEADERS, table)?;
    }
    if let Some(id) = &args.id {
        escalation(ctx, path, id.as_str())?;
    }
    Ok(())
}

/// Under `log --id ID`: which escalation steps of the event fired, which wait or were stopped, and
/// who acknowledged it.
fn escalation(ctx: &Context, path: &std::path::Path, id: &str) -> Result<()> {
    use crate::log::acks::Acks;
    use crate::log::time::format_rfc3339 as at;
    if !crate::log::may_exist(path) {
        return Ok(());
    }
    let acks = Acks::open(path)?;
    for step in acks.steps_of(id)? {
        let state = match (step.fired_ms, step.stopped_ms) {
            (Some(t), _) => format!("fired at {} (sent as {})", at(t), step.step_id),
            (None, Some(t)) => format!("stopped by the ack at {}", at(t)),
            (None, None) => format!("waits until {}", at(step.due_ms)),
        };
        ctx.out.note(&format!("{}: {state}", step.title()));
    }
    if let Some(ack) = acks.ack_of(id)? {
        let by = ack.by.map(|b| format!(" by {b}")).unwrap_or_default();
        ctx.out.note(&format!("acked{by} at {}", at(ack.at_ms)));
    }
    Ok(())
}

/// Each destination's latest state, once: its newest logged row, unless the relay's queue holds it
/// (queued for another attempt, or dead), whose row says more (the next attempt, the last error).
fn latest<'a>(rows: &'a [Logged], pending: &[Pending]) -> Vec<&'a Logged> {
    let mut seen: HashSet<(&str, String)> = pending
        .iter()
        .map(|p| (p.event_id.as_str(), p.identity.clone()))
        .collect();
    // Newest first: the first row of a destination is its latest.
    let mut by_newest: Vec<&Logged> = rows.iter().collect();
    by_newest.sort_by_key(|r| std::cmp::Reverse(r.seq));
    let mut keep: HashSet<i64> = HashSet::new();
    for row in by_newest {
        if seen.insert((row.event_id.as_str(), row.identity.key())) {
            keep.insert(row.seq);
        }
    }
    rows.iter().filter(|r| keep.contains(&r.seq)).collect()
}

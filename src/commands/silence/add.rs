//! `notify silence add`

use anyhow::Result;
use serde_json::json;

use crate::channels::Kind;
use crate::context::Context;
use crate::error::Error;
use crate::log::silences::Silences;
use crate::log::time::{format_rfc3339, parse_duration, parse_rfc3339};
use crate::time::{Matchers, Silence};

/// Silence matching deliveries for a while: they are logged skipped, reason `silenced (ID: COMMENT)`
///
/// A delivery matches when it matches every kind of matcher given (events, recipients, channels);
/// a matcher given several times matches any of its values. The silence is kept in the delivery
/// log's database, so `emit` and every `notify serve` on that log see it, and ends by itself. A
/// delivery deferred by a mute window is checked when the window ends, not before.
///
/// Examples:
///   notify silence add --event 'task-flow.*' --for 2h --comment "nightly load maintenance"
///   notify silence add --recipient alice --channel sms --for 3d --comment "on leave"
///   notify silence add --event 'ticket.*' --until 2026-12-08T08:00:00Z --comment upgrade
///
/// Prints the silence's id (for `notify silence expire ID`).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// An event id or glob (`ticket.*`) to silence (repeatable)
    #[arg(long = "event", value_name = "GLOB")]
    pub events: Vec<String>,
    /// A stored user to silence (repeatable)
    #[arg(long = "recipient", value_name = "USER")]
    pub recipients: Vec<String>,
    /// A channel kind to silence (repeatable)
    #[arg(long = "channel", value_name = "KIND")]
    pub channels: Vec<Kind>,
    /// How long from now, e.g. 30m, 2h, 1d
    #[arg(long = "for", value_name = "DURATION", value_parser = how_long, conflicts_with = "until", required_unless_present = "until")]
    pub span: Option<i64>,
    /// Until this RFC 3339 time, e.g. 2026-12-08T08:00:00Z
    #[arg(long, value_name = "TIME", value_parser = until)]
    pub until: Option<i64>,
    /// Why (shown in the skipped rows' reason)
    #[arg(long, value_name = "TEXT", required = true)]
    pub comment: String,
}

fn how_long(text: &str) -> Result<i64, String> {
    let d = parse_duration(text, false)?;
    match i64::try_from(d.as_millis()) {
        Ok(ms) if ms > 0 => Ok(ms),
        _ => Err(format!("`{text}` is not a length of time, e.g. 2h")),
    }
}

fn until(text: &str) -> Result<i64, String> {
    parse_rfc3339(text)
        .ok_or_else(|| format!("`{text}` is not an RFC 3339 time, e.g. 2026-12-08T08:00:00Z"))
}

fn fresh_id() -> Result<String> {
    let mut b = [0u8; 4];
    getrandom::fill(&mut b).map_err(|e| anyhow::anyhow!("no randomness for an id: {e}"))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let matchers = Matchers {
        event: args.events.clone(),
        recipient: args.recipients.clone(),
        channel: args.channels.clone(),
    };
    if matchers.is_empty() {
        return Err(Error::usage("a silence needs something to match")
            .hint(
                "give --event GLOB, --recipient USER or --channel KIND, e.g. --event 'task-flow.*'",
            )
            .into());
    }
    if args.comment.trim().is_empty() {
        return Err(Error::usage("the comment is empty")
            .hint("say why, e.g. --comment \"db maintenance\"")
            .into());
    }
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let ends = match (args.span, args.until) {
        (Some(ms), _) => now.saturating_add(ms),
        (None, Some(at)) => at,
        (None, None) => now,
    };
    if ends <= now {
        return Err(Error::usage(format!(
            "--until {} is not in the future",
            format_rfc3339(ends)
        ))
        .hint("give a later time, or --for 2h")
        .into());
    }
    let silence = Silence {
        id: fresh_id()?,
        matchers,
        starts_ms: now,
        ends_ms: ends,
        comment: args.comment.trim().to_owned(),
        created_by: None,
    };
    Silences::open(ctx.log_path()?)?.add(&silence, now)?;
    let ends = format_rfc3339(ends);
    if ctx.out.json {
        return ctx.out.json(&json!({ "id": silence.id, "ends": ends }));
    }
    ctx.out.print(&format!("{}\n", silence.id))?;
    ctx.out.note(&format!(
        "silenced {} until {ends}",
        silence.matchers.describe()
    ));
    Ok(())
}

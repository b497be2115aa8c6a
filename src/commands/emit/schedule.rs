//! `emit --at/--in`: the event goes into the relay's queue, for a `notify serve` on the same log to
//! deliver when it is due, instead of being sent now.

use anyhow::Result;
use clap::ValueEnum;
use serde_json::json;

use crate::commands::args::message_text;
use crate::commands::report::Waiting;
use crate::context::Context;
use crate::delivery;
use crate::delivery::identity_of;
use crate::error::Error;
use crate::log::DeliveryId;
use crate::log::queue::{Attempt, Inserted, Policy};
use crate::log::time::{format_rfc3339, parse_rfc3339};
use crate::relay::EventBody;
use crate::rules::RuleView;
use crate::time::{self, Deferred};

use super::Args;

/// `--at`'s parser: an RFC 3339 time, in Unix milliseconds.
pub fn at(text: &str) -> Result<i64, String> {
    parse_rfc3339(text).ok_or_else(|| {
        format!(
            "`{}` is not an RFC 3339 time, e.g. 2026-12-07T08:00:00Z",
            text.trim()
        )
    })
}

/// Queues the event (due at `--at`, or `--in` from now) and prints its id.
pub fn queue(ctx: &Context, view: &RuleView, args: &Args) -> Result<()> {
    if args.fields.rich.template.is_some() {
        return Err(Error::usage("--template does not go with --at or --in yet")
            .hint("store the template in the rule (`notify rule set EVENT --template FILE`), or send now")
            .into());
    }
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let due = match (args.at, args.after) {
        (Some(at), _) => at,
        (None, Some(after)) => {
            now.saturating_add(i64::try_from(after.as_millis()).unwrap_or(i64::MAX))
        }
        (None, None) => now,
    };
    let id = args.log.id.clone().map_or_else(delivery::fresh_id, Ok)?;
    let body = body(ctx, view, args, &id)?;
    let text = serde_json::to_string(&body)?;
    let queue = crate::log::open_queue(ctx.log_path()?)?;
    if queue.insert(id.as_str(), &text, now, due.max(now))? == Inserted::Duplicate {
        return Err(
            Error::failure(format!("event {id} is in the queue already"))
                .hint("`notify queue` lists what waits; pass another --id for a new event")
                .into(),
        );
    }
    let due = format_rfc3339(due.max(now));
    if ctx.out.json {
        return ctx
            .out
            .json(&json!({ "id": id.as_str(), "status": "queued", "due": due }));
    }
    ctx.out.print(&format!("{id}\n"))?;
    ctx.out.note(&format!(
        "queued {id} for {due}: a `notify serve` on this delivery log sends it then"
    ));
    Ok(())
}

/// The event as the queue keeps it (the relay's intake shape).
fn body(ctx: &Context, view: &RuleView, args: &Args, id: &DeliveryId) -> Result<EventBody> {
    let f = &args.fields;
    let format = f.rich.format.to_possible_value();
    let body = EventBody {
        event: view.event.id.to_string(),
        id: Some(id.to_string()),
        submitter: f.submitter.clone(),
        approver: f.approvers.clone(),
        related: f.related.clone(),
        data_owner: f.data_owners.clone(),
        instance_dba: f.instance_dbas.clone(),
        task_id: f.task_id.clone(),
        task_name: f.task_name.clone(),
        title: f.title.clone(),
        message: message_text(ctx, f.message.as_ref(), f.message_file.as_deref())?,
        link: f.rich.link.clone(),
        format: format.map(|v| v.get_name().to_owned()),
        channels: args
            .channels
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        ..EventBody::default()
    };
    Ok(body)
}

/// Queues the deliveries a mute window holds under the emit's own id, each due when its window ends;
/// a `notify serve` on this log re-plans them then (silences and windows looked at again). Returns
/// them as the report's `queued` rows.
pub fn defer(
    ctx: &Context,
    view: &RuleView,
    args: &Args,
    id: &DeliveryId,
    deferred: &[Deferred],
) -> Result<Vec<Waiting>> {
    let Some(first) = deferred.iter().map(|d| d.until_ms).min() else {
        return Ok(Vec::new());
    };
    if args.fields.rich.template.is_some() {
        ctx.out
            .warn("--template is not kept for deferred deliveries: they get the rule's message");
    }
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let text = serde_json::to_string(&body(ctx, view, args, id)?)?;
    let queue = crate::log::open_queue(ctx.log_path()?)?;
    if queue.insert(id.as_str(), &text, now, first)? == Inserted::Duplicate {
        return Err(
            Error::failure(format!("event {id} is in the queue already"))
                .hint("`notify queue` lists what waits; pass another --id for a new event")
                .into(),
        );
    }
    let held: Vec<(String, Attempt)> = deferred
        .iter()
        .map(|d| {
            let why = format!("{} until {}", d.why, time::shown(d.until_ms));
            let attempt = Attempt::Deferred {
                until_ms: d.until_ms,
                why,
            };
            (identity_of(&d.destination).key(), attempt)
        })
        .collect();
    queue.record(id.as_str(), "emit", &held, now, &NO_RETRIES)?;
    for d in deferred {
        ctx.out.note(&format!(
            "deferred {} {} until {}: {} (queued as {id}: a `notify serve` on this delivery log sends it then)",
            d.destination.recipients.join(", "),
            d.destination.channel(),
            time::shown(d.until_ms),
            d.why
        ));
    }
    let waiting = deferred.iter().map(|d| {
        let dest = &d.destination;
        let due = time::shown(d.until_ms);
        Waiting::new(
            dest.recipient(),
            dest.channel(),
            dest.shown.clone(),
            due,
            d.why.clone(),
        )
    });
    Ok(waiting.collect())
}

/// Recording deferrals never retries anything.
const NO_RETRIES: Policy = Policy {
    max_attempts: 1,
    give_up_after: std::time::Duration::ZERO,
    jitter: false,
};

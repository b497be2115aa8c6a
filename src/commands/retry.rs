//! `notify retry`: send again what the delivery log says failed.

use anyhow::Result;

use crate::commands::args::LimitArgs;
use crate::commands::args::when;
use crate::commands::report::warn_unrecorded;
use crate::commands::report::{self, NoHead};
use crate::context::Context;
use crate::delivery::{DryRow, Run};
use crate::log::time::When;
use crate::log::{DeliveryId, Filter};

/// Send again every logged delivery whose latest outcome is failed
///
/// While a `notify serve` runs on the log (on a PostgreSQL log: any replica connected to it), the
/// deliveries its queue gave up (`dead`) are queued again for it to send, their attempts counted
/// afresh; the rest is sent here. Each failed destination goes to the stored user's channel as configured now (a channel since
/// disabled or removed is reported skipped with its reason), with the original message and the
/// original idempotency key, so a vendor that got it already drops the copy. A destination that
/// was delivered for its event is never sent again. Ad-hoc destinations (--webhook, --email, ...)
/// are skipped: the log keeps no secret, so repeat their send with `notify send --id <ID>`. The
/// new outcomes are appended to the log.
///
/// Examples:
///   notify retry --since 2h --dry-run
///   notify retry --id ticket-42:approval
///
/// Exit 0 when every retried destination was delivered or skipped (or nothing had failed), 3 when
/// any failed again, 1 when the log cannot be read, 130 after Ctrl-C (as for `notify send`).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only the deliveries of this event id (`send --id`)
    #[arg(long, value_name = "ID")]
    pub id: Option<DeliveryId>,
    /// Only deliveries that failed since: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time
    #[arg(long, value_name = "WHEN", value_parser = when())]
    pub since: Option<When>,
    /// Print every request as it would be sent (signed, secrets masked) and send nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let opts = args.limits.options()?;
    let path = ctx.log_path()?;
    let store = ctx.store.load()?;
    let filter = Filter {
        id: args.id.clone(),
        since_ms: args.since.map(|w| w.cutoff(ctx.now().saturating_mul(1000))),
        ..Filter::default()
    };
    let mut run = Run {
        cache_dir: ctx.cache_dir(),
        ..Run::new(opts, ctx.clock)
    };
    if args.dry_run {
        let rows: Vec<DryRow> = run
            .preview_retry(&store, path, &filter)?
            .into_iter()
            .map(|(_, row)| row)
            .collect();
        if rows.is_empty() && !ctx.out.json {
            return nothing_to_retry(ctx, args);
        }
        return report::dry_run(ctx, &NoHead {}, rows, None);
    }
    let serve = requeue::serve_on(path)?;
    let (requeued, held) = match &serve {
        Some(who) => requeue::dead(ctx, &filter, path, who)?,
        None => Default::default(),
    };
    run.interruptible = true;
    // No bar (the count is known only as the log is read); what the send waits for is still said.
    let _notes = report::Live::start(ctx, 0, &mut run.opts);
    let done = run.retry_besides(&store, path, &filter, &held)?;
    warn_unrecorded(ctx, done.not_recorded.as_ref());
    if serve.is_none() {
        requeue::settle(ctx, path, &done.delivered);
    }
    if done.rows.is_empty() && !ctx.out.json {
        return match requeued.requeued.is_empty() {
            true => nothing_to_retry(ctx, args),
            false => Ok(()),
        };
    }
    let printed = report::retried(ctx, &requeued, &done.rows);
    match done.interrupted {
        true => {
            let rows: Vec<_> = done.rows.into_iter().map(|(_, r)| r).collect();
            Err(report::interrupted(ctx, &rows, None))
        }
        false => printed,
    }
}

mod requeue;

/// Says that nothing failed (instead of an empty table); `--json` prints its empty list instead.
fn nothing_to_retry(ctx: &Context, args: &Args) -> Result<()> {
    let which = match (&args.id, args.since.is_some()) {
        (Some(id), true) => format!(" for {id} in that time"),
        (Some(id), false) => format!(" for {id}"),
        (None, true) => " in that time".to_owned(),
        (None, false) => String::new(),
    };
    ctx.out.note(&format!(
        "nothing to retry: no failed deliveries in the log{which}"
    ));
    Ok(())
}

//! `notify ack`: someone took care of an event; its escalation steps not yet fired are stopped.

use anyhow::Result;
use serde_json::json;

use crate::context::Context;
use crate::error::Error;
use crate::log::DeliveryId;
use crate::log::acks::{Acked, Acks};
use crate::log::time::format_rfc3339;

/// Acknowledge an event: the escalation steps that have not fired yet are stopped
///
/// Works on the delivery log's database, like `notify cancel`, so it stops the steps of a
/// `notify serve` on the same log at once. A step a worker is sending right now still goes out.
/// `notify log --id ID` tells which steps fired and who acknowledged.
///
/// Examples:
///   notify ack 7f3c0b1e-... --by bob
///
/// Exit 0 when acknowledged (or acknowledged before: it says by whom); 1 when the log knows no
/// event with this id.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The event's id (as `emit` printed it, or `notify log` lists it)
    #[arg(value_name = "ID")]
    pub id: DeliveryId,
    /// Who acknowledges (shown in `notify log show`)
    #[arg(long, value_name = "USER")]
    pub by: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let path = ctx.log_path()?;
    let id = args.id.as_str();
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let outcome = match crate::log::may_exist(path) {
        true => Acks::open(path)?.ack(id, args.by.as_deref(), now)?,
        false => Acked::Unknown,
    };
    let by = |who: &Option<String>| who.as_ref().map(|w| format!(" by {w}")).unwrap_or_default();
    match outcome {
        Acked::Now { stopped } => {
            if ctx.out.json {
                return ctx
                    .out
                    .json(&json!({ "id": id, "status": "acknowledged", "stopped": stopped }));
            }
            let plural = if stopped == 1 { "" } else { "s" };
            ctx.out.note(&format!(
                "acknowledged {id}{}: {stopped} escalation step{plural} stopped",
                by(&args.by)
            ));
            Ok(())
        }
        Acked::Before(ack) => {
            let at = format_rfc3339(ack.at_ms);
            if ctx.out.json {
                return ctx.out.json(&json!({
                    "id": id, "status": "acknowledged before", "by": ack.by, "at": at
                }));
            }
            ctx.out.note(&format!(
                "{id} was acknowledged{} at {at} already",
                by(&ack.by)
            ));
            Ok(())
        }
        Acked::Unknown => Err(
            Error::failure(format!("no event `{id}` in the delivery log"))
                .hint("`notify log` lists the events sent; `notify queue` those that wait")
                .into(),
        ),
    }
}

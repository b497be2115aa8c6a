//! `notify cancel`: withdraw an event from the relay's queue before it is delivered.

use anyhow::Result;
use serde_json::json;

use crate::context::Context;
use crate::error::Error;
use crate::log::DeliveryId;
use crate::log::queue::Cancelled;

/// Withdraw a waiting event from the relay's queue
///
/// Nothing more of the event is sent; destinations already delivered stay delivered (see
/// `notify log --id ID`). `notify queue` lists what waits.
///
/// Exit 0 when withdrawn; 1 when the id is unknown, the event no longer waits (delivered, dead or
/// cancelled already), or a worker is delivering it right now.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The event's id (as `notify queue` lists it)
    #[arg(value_name = "ID")]
    pub id: DeliveryId,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let path = ctx.log_path()?;
    let id = args.id.as_str();
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let outcome = match crate::log::may_exist(path) {
        true => crate::log::open_queue(path)?.cancel(id, now)?,
        false => Cancelled::Unknown,
    };
    let err = match outcome {
        Cancelled::Withdrawn => {
            if ctx.out.json {
                return ctx.out.json(&json!({ "id": id, "status": "cancelled" }));
            }
            ctx.out
                .note(&format!("cancelled {id}: nothing more of it is sent"));
            return Ok(());
        }
        Cancelled::Unknown => Error::failure(format!("no event `{id}` in the queue"))
            .hint("`notify queue` lists the events that wait"),
        Cancelled::Finished => Error::failure(format!(
            "event {id} no longer waits: it was delivered, given up or cancelled already"
        ))
        .hint(format!("`notify log --id {id}` shows what was sent")),
        Cancelled::InFlight => Error::failure(format!("event {id} is being delivered right now"))
            .hint("try again in a moment"),
    };
    Err(err.into())
}

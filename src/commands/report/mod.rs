//! The delivery report and the dry run, as `send`, `emit`, `channel test` and `retry` print them: a table
//! (or the requests) on stdout, or one JSON document that starts with the command's own head fields.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::delivery::{Delivery, Outcome};
use crate::error::{Error, Exit};
use crate::log::DeliveryId;

mod dry;
mod live;
mod send;
mod table;
mod waiting;

pub use dry::dry_run;
pub use live::Live;
pub use send::{interrupted, send, send_rounds, warn_unrecorded};
pub use waiting::{Emitted, Waiting};

/// The roles that reached each row's recipients, keyed by the row's `recipient` text (`emit` only).
pub type Roles = HashMap<String, Vec<String>>;

/// More rows than this are a large send: a progress bar while it runs (on a terminal), then a summary
/// line and the failures first.
pub const SCREENFUL: usize = 40;

/// A head with no fields, for commands whose JSON is only the rows.
#[derive(Debug, Serialize)]
pub struct NoHead {}

/// The head of `send --json` and `channel test --json`: the event id.
#[derive(Debug, Serialize)]
pub struct IdHead {
    pub id: String,
}

#[derive(Serialize)]
struct Report<'a, H: Serialize> {
    #[serde(flatten)]
    head: &'a H,
    deliveries: Vec<Row<'a>>,
}

/// A row that was sent (or skipped, or failed), or one that waits in the queue.
#[derive(Serialize)]
#[serde(untagged)]
enum Line<'a> {
    Done(&'a Delivery),
    Waiting(&'a Waiting),
}

/// One row of `send --json`, plus (for `emit`) the roles that reached its recipients.
#[derive(Serialize)]
struct Row<'a> {
    /// The row's event id (`retry`, whose rows may belong to several events).
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(flatten)]
    delivery: Line<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<&'a [String]>,
}

/// The roles that reached `recipient`, when the command reports roles at all.
fn roles_of<'a>(roles: Option<&'a Roles>, recipient: &str) -> Option<&'a [String]> {
    roles.map(|r| r.get(recipient).map_or(&[][..], Vec::as_slice))
}

/// `{head..., "deliveries": []}` for a run that sent nothing.
pub fn nothing<H: Serialize>(ctx: &Context, head: &H) -> Result<()> {
    ctx.out.json(&Report {
        head,
        deliveries: Vec::new(),
    })
}

/// Prints the report (a table, or `{head..., "deliveries": [...]}` with --json); exit 3 when any row
/// failed.
pub fn deliveries<H: Serialize>(
    ctx: &Context,
    head: &H,
    rows: &[Delivery],
    emitted: Option<&Emitted>,
) -> Result<()> {
    let rows: Vec<(Option<&str>, &Delivery)> = rows.iter().map(|d| (None, d)).collect();
    let waiting = emitted.map_or(&[][..], |e| e.waiting.as_slice());
    report(ctx, head, &rows, emitted.map(|e| &e.roles), waiting)
}

/// The report of `retry`: each row with its event id (in the JSON and as the table's first column).
pub fn retried<H: Serialize>(
    ctx: &Context,
    head: &H,
    rows: &[(DeliveryId, Delivery)],
) -> Result<()> {
    let rows: Vec<(Option<&str>, &Delivery)> =
        rows.iter().map(|(id, d)| (Some(id.as_str()), d)).collect();
    report(ctx, head, &rows, None, &[])
}

fn report<H: Serialize>(
    ctx: &Context,
    head: &H,
    rows: &[(Option<&str>, &Delivery)],
    roles: Option<&Roles>,
    waiting: &[Waiting],
) -> Result<()> {
    if ctx.out.json {
        let done = rows.iter().map(|&(id, d)| Row {
            id,
            delivery: Line::Done(d),
            roles: roles_of(roles, &d.recipient),
        });
        let waits = waiting.iter().map(|w| Row {
            id: None,
            delivery: Line::Waiting(w),
            roles: roles_of(roles, &w.recipient),
        });
        let deliveries = done.chain(waits).collect();
        ctx.out.json(&Report { head, deliveries })?;
    } else {
        table::show(ctx, rows, roles, waiting)?;
    }
    let failed = rows
        .iter()
        .filter(|(_, r)| r.outcome == Outcome::Failed)
        .count();
    if failed > 0 {
        let total = rows.len();
        let message = format!("{failed} of {total} deliveries failed");
        return Err(Error::new(Exit::Delivery, message).into());
    }
    Ok(())
}

//! A send as the commands run it: the dry run or the live delivery, reported the same way for `send`,
//! `emit` and `channel test` (and the stop and the unrecorded warning for `retry` too).

use anyhow::Result;
use serde::Serialize;

use super::{Live, Roles, dry};
use crate::channels::message::Message;
use crate::context::Context;
use crate::delivery::{Delivery, Plan, Run};
use crate::error::{self, Error, Exit};
use crate::log::DeliveryId;

/// Runs a send as a command asked for it: with `dry_run`, every request printed as it is built (exit 3
/// when a destination would fail); otherwise delivered under a progress bar and reported (exit 3 when
/// any row failed, 130 after Ctrl-C). `head` makes the JSON head from the event id.
pub fn send<H: Serialize>(
    ctx: &Context,
    mut run: Run<'_>,
    mut plan: Plan,
    msg: Message,
    dry_run: bool,
    head: impl Fn(&DeliveryId) -> H,
    roles: Option<&Roles>,
) -> Result<()> {
    if dry_run {
        let (id, rows) = run.preview(&mut plan, &msg)?;
        return dry::dry_run(ctx, &head(&id), rows, roles);
    }
    run.interruptible = true;
    let live = Live::start(ctx, plan.destinations.len(), &mut run.opts);
    let done = run.deliver(plan, msg)?;
    warn_unrecorded(ctx, done.not_recorded.as_ref());
    let printed = live.deliveries(ctx, &head(&done.id), &done.rows, roles);
    match done.interrupted {
        true => Err(interrupted(ctx, &done.rows, Some(&done.id))),
        false => printed,
    }
}

/// Exit 130 after a stop, having said (after the report) how many destinations it kept from being
/// delivered and how to send them.
pub fn interrupted(ctx: &Context, rows: &[Delivery], id: Option<&DeliveryId>) -> anyhow::Error {
    let not_sent = rows
        .iter()
        .filter(|r| r.error_code.as_deref() == Some("interrupted"))
        .count();
    let again = match id {
        Some(id) => format!(
            "`notify retry --id {id}` sends them (ad-hoc destinations: repeat the send with --id {id})"
        ),
        None => "`notify retry` sends them".to_owned(),
    };
    ctx.out.warn(&format!(
        "interrupted: {not_sent} of {} destinations not delivered; {again}",
        rows.len()
    ));
    Error::new(Exit::Interrupted, "interrupted").into()
}

/// Says on stderr (even with -q) that the delivery happened but was not recorded, and why.
pub fn warn_unrecorded(ctx: &Context, problem: Option<&anyhow::Error>) {
    if let Some(e) = problem {
        let text = error::render(e);
        let text = text.strip_prefix("error: ").unwrap_or(&text).trim_end();
        ctx.out
            .warn(&format!("could not record the delivery: {text}"));
    }
}

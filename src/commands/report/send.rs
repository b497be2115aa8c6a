//! A send as the commands run it: the dry run or the live delivery, reported the same way for `send`,
//! `emit` and `channel test` (and the stop and the unrecorded warning for `retry` too).

use anyhow::Result;
use serde::Serialize;

use super::{Emitted, Live, dry};
use crate::channels::message::Message;
use crate::context::Context;
use crate::delivery::{Delivery, Outcome, Plan, Run, identity_of};
use crate::error::{self, Error, Exit};
use crate::log::DeliveryId;
use crate::rules::fallback::Chains;

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
    emitted: Option<&Emitted>,
) -> Result<()> {
    if dry_run {
        let (id, rows) = run.preview(&mut plan, &msg)?;
        return dry::dry_run(ctx, &head(&id), rows, emitted.map(|e| &e.roles));
    }
    run.interruptible = true;
    let live = Live::start(ctx, plan.destinations.len(), &mut run.opts);
    let done = run.deliver(plan, msg)?;
    warn_unrecorded(ctx, done.not_recorded.as_ref());
    let printed = live.deliveries(ctx, &head(&done.id), &done.rows, emitted);
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

/// [`send`] live, with users' fallbacks (`emit`): each round's failed links bring the next links of
/// their chains in a round of their own, under the same event id, until none is left; one report of
/// every round's rows. A failure that a later link made good does not make the exit code 3.
pub fn send_rounds<'a, H: Serialize>(
    ctx: &Context,
    mut make: impl FnMut() -> Run<'a>,
    mut plan: Plan,
    msg: Message,
    head: impl Fn(&DeliveryId) -> H,
    emitted: Option<&Emitted>,
    chains: &mut Chains,
) -> Result<()> {
    let mut run = make();
    run.interruptible = true;
    let live = Live::start(ctx, plan.destinations.len(), &mut run.opts);
    let progress = run.opts.progress.clone();
    let audience = plan.audience.clone();
    let mut rows = Vec::new();
    loop {
        let keys: Vec<String> = plan
            .destinations
            .iter()
            .map(|d| identity_of(d).key())
            .collect();
        let done = run.deliver(plan, msg.clone())?;
        warn_unrecorded(ctx, done.not_recorded.as_ref());
        let next = chains.next_round(&keys, &done.rows);
        rows.extend(done.rows);
        if done.interrupted || next.is_empty() {
            let printed = live.deliveries(ctx, &head(&done.id), &rows, emitted);
            if done.interrupted {
                return Err(interrupted(ctx, &rows, Some(&done.id)));
            }
            let failed = |r: &&Delivery| r.outcome == Outcome::Failed;
            return match rows.iter().filter(failed).all(|r| chains.made_good(r)) {
                true => Ok(()),
                false => printed,
            };
        }
        plan = Plan {
            destinations: next,
            audience: audience.clone(),
            keys: Vec::new(),
        };
        run = make();
        run.interruptible = true;
        run.opts.progress = progress.clone();
    }
}

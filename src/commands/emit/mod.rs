//! `notify emit`: an event happened; notify whoever its rule names, through their channels.

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::{EventArgs, LimitArgs};
use crate::commands::report;
use crate::commands::send::LogArgs;
use crate::context::Context;
use crate::delivery::Outcome;
use crate::delivery::{self, Run};
use crate::log::silences::Silences;
use crate::rules;
use crate::time;

mod content;
mod schedule;

use content::{Head, message};

/// Notify whoever an event's rule names, through their channels
///
/// Recipients are the event's default role (submitter, or approver for pending-approval events), the
/// rule's optional roles and its additional users, each once. Event roles come from the flags below;
/// store roles (dba, admin, ...) are every stored user holding them. Each recipient is reached through
/// their enabled channels that Notice Management allows and the rule goes through; every other channel
/// is reported skipped with its reason. Delivery works as for `notify send`.
///
/// Examples:
///   notify emit ticket.data-change.pending-approval --submitter carol --approver alice \
///       --task-id 42 --task-name "Add index" --dry-run
///   notify emit task-flow.run.failed --submitter bob --message "Nightly load failed at step 3"
///
/// Recorded in the delivery log like `notify send`, --id and --no-log included. With --at or --in
/// the event is queued in the delivery log's database instead, for `notify serve` to send when due.
///
/// Exit 0 when every destination was delivered or skipped (a disabled rule, or nobody reached,
/// included), 2 for an unknown event, 3 when any delivery failed (with --dry-run: would fail before
/// sending), 130 after Ctrl-C (as for `notify send`).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The event id, e.g. ticket.data-change.pending-approval
    #[arg(value_name = "EVENT")]
    pub event: String,
    #[command(flatten)]
    pub fields: EventArgs,
    /// Only use these channel kinds of the recipients (repeatable)
    #[arg(long = "channel", value_name = "KIND")]
    pub channels: Vec<Kind>,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Print every request as it would be sent (signed, secrets masked) and send nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub log: LogArgs,
    /// Queue the event for a `notify serve` on the same log to send at this RFC 3339 time; prints its id
    #[arg(long, value_name = "TIME", value_parser = schedule::at, conflicts_with_all = ["after", "dry_run"])]
    pub at: Option<i64>,
    /// Queue the event for a `notify serve` on the same log to send after this long (10m, 2h); prints its id
    #[arg(long = "in", id = "after", value_name = "DURATION", value_parser = crate::commands::args::limit(), conflicts_with = "dry_run")]
    pub after: Option<std::time::Duration>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let view = rules::find(&store, &args.event)?;
    if args.at.is_some() || args.after.is_some() {
        return schedule::queue(ctx, &view, args);
    }
    let opts = args.limits.options()?;
    let mut msg = message(ctx, &store, &view, args)?;
    let id = args.log.id.clone().map_or_else(delivery::fresh_id, Ok)?;
    let head = Head::new(&id, &view, args);
    let done = |note: &str| {
        ctx.out.note(note);
        if ctx.out.json {
            report::nothing(ctx, &head)?;
        }
        Ok(())
    };
    if !view.rule.enabled {
        return done(&format!("rule {} is disabled: nothing sent", view.event.id));
    }
    let named = args.fields.roles();
    let recipients = rules::resolve(&store, &view, &named);
    if recipients.is_empty() {
        return done(&format!(
            "nobody reached: the rule of {} names no recipient (its default role is {}; see `notify rule show {}`)",
            view.event.id,
            view.event.default_role.as_str(),
            view.event.id
        ));
    }
    msg.roles = recipients
        .iter()
        .map(|r| (r.name.clone(), r.roles.clone()))
        .collect();
    let mut plan = rules::plan(&store, &view, &recipients, &args.channels);
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let silences = match ctx.log_path() {
        Ok(path) => Silences::active_in(path, now)?,
        Err(_) => Vec::new(),
    };
    let rule = &view.rule;
    let deferred = time::apply(
        &mut plan,
        &store,
        rule,
        view.event.id.as_str(),
        now,
        &silences,
    );
    // A fallback user gets the first link of their chain now, the next ones only after a failure.
    let mut chains = rules::fallback::Chains::split(&mut plan, &store);
    // The plan holds all a send needs: a store of many users is not kept beside it.
    drop(store);
    let held: Vec<_> = deferred.iter().map(|d| d.destination.clone()).collect();
    let mut emitted = report::Emitted::default();
    if args.dry_run {
        // A dry run shows what time would do as rows of their own.
        for d in deferred {
            let mut dest = d.destination;
            let until = time::shown(d.until_ms);
            dest.target = Err((
                Outcome::Skipped,
                format!("deferred until {until}: {}", d.why),
            ));
            plan.destinations.push(dest);
        }
        for chain in &chains.0 {
            for pair in chain.links.windows(2) {
                let mut dest = pair[1].1.clone();
                let why = format!("fallback: only if {} fails", pair[0].1.channel());
                dest.target = Err((Outcome::Skipped, why));
                plan.destinations.push(dest);
            }
        }
    } else {
        emitted.waiting = schedule::defer(ctx, &view, args, &id, &deferred)?;
    }
    if let Some(steps) = crate::store::steps_text(&view.rule.escalate) {
        let verb = if args.dry_run {
            "would escalate"
        } else {
            "escalates"
        };
        ctx.out.note(&format!(
            "the rule {verb} after {steps} while unacknowledged, under `notify serve` only: emit sends now and schedules no step (queue the event with --in 1s, or post it to the relay, instead)"
        ));
    }
    let grouping = crate::store::grouping_text(
        &view.rule.group_by,
        view.rule.group_wait.as_ref(),
        view.rule.repeat_interval.as_ref(),
    );
    if let Some(grouping) = grouping {
        ctx.out.note(&format!(
            "the rule is {grouping} under `notify serve` only: emit sends this event on its own"
        ));
    }
    emitted.roles = rules::roles_by_row(&plan, &recipients);
    let held = delivery::Plan {
        destinations: held,
        ..delivery::Plan::default()
    };
    emitted
        .roles
        .extend(rules::roles_by_row(&held, &recipients));
    let nobody_reached = plan.audience.receivers.is_empty();
    let say_if_nobody = || {
        if nobody_reached {
            ctx.out
                .note("nobody reached: no recipient has a usable channel for this rule");
        }
    };
    let run = || Run {
        cache_dir: ctx.cache_dir(),
        recording: args.log.no_log.recording(ctx),
        id: Some(id.clone()),
        ..Run::new(opts.clone(), ctx.clock)
    };
    let head_of = |_: &crate::log::DeliveryId| &head;
    if !args.dry_run && !chains.0.is_empty() {
        let printed =
            report::send_rounds(ctx, run, plan, msg, head_of, Some(&emitted), &mut chains);
        say_if_nobody();
        return printed;
    }
    // The note comes before the exit code that a failed row gives.
    let printed = report::send(ctx, run(), plan, msg, args.dry_run, head_of, Some(&emitted));
    say_if_nobody();
    printed
}

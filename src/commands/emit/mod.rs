//! `notify emit`: an event happened; notify whoever its rule names, through their channels.

use std::path::PathBuf;

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::LimitArgs;
use crate::commands::report;
use crate::context::Context;
use crate::delivery;
use crate::rules::{self, EventRoles};

mod content;
mod plan;

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
/// Exit 0 when every destination was delivered or skipped (a disabled rule, or nobody reached,
/// included), 2 for an unknown event, 3 when any delivery failed.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The event id, e.g. ticket.data-change.pending-approval
    #[arg(value_name = "EVENT")]
    pub event: String,
    /// The ticket's submitter or the flow's owner
    #[arg(long, value_name = "USER", help_heading = "Event roles")]
    pub submitter: Option<String>,
    /// The current approval node's users (repeatable)
    #[arg(long = "approver", value_name = "USER", help_heading = "Event roles")]
    pub approvers: Vec<String>,
    /// The ticket's related people (repeatable)
    #[arg(long = "related", value_name = "USER", help_heading = "Event roles")]
    pub related: Vec<String>,
    /// The data owners (repeatable)
    #[arg(long = "data-owner", value_name = "USER", help_heading = "Event roles")]
    pub data_owners: Vec<String>,
    /// The instance's DBAs (repeatable)
    #[arg(
        long = "instance-dba",
        value_name = "USER",
        help_heading = "Event roles"
    )]
    pub instance_dbas: Vec<String>,
    /// The task's ID
    #[arg(long, value_name = "ID", help_heading = "Content")]
    pub task_id: Option<String>,
    /// The task's name
    #[arg(long, value_name = "TEXT", help_heading = "Content")]
    pub task_name: Option<String>,
    /// Email subject and chat heading [default: "[DMS] " and the event id]
    #[arg(long, value_name = "TEXT", help_heading = "Content")]
    pub title: Option<String>,
    /// The message text [default: the event's description, the task and the submitter]
    #[arg(
        short,
        long,
        value_name = "TEXT",
        conflicts_with = "message_file",
        help_heading = "Content"
    )]
    pub message: Option<String>,
    /// Read the message from a file, or - for stdin
    #[arg(long, value_name = "PATH", help_heading = "Content")]
    pub message_file: Option<PathBuf>,
    /// Only use these channel kinds of the recipients (repeatable)
    #[arg(long = "channel", value_name = "KIND")]
    pub channels: Vec<Kind>,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Print every request as it would be sent (signed, secrets masked) and send nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let view = rules::find(&store, &args.event)?;
    let mut opts = args.limits.options()?;
    let msg = message(&store, &view, args)?;
    let head = Head::new(&view, args);
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
    let named = EventRoles {
        submitter: args.submitter.clone(),
        approver: args.approvers.clone(),
        related: args.related.clone(),
        data_owner: args.data_owners.clone(),
        instance_dba: args.instance_dbas.clone(),
    };
    let recipients = rules::resolve(&store, &view, &named);
    if recipients.is_empty() {
        return done(&format!(
            "nobody reached: the rule of {} names no recipient (its default role is {}; see `notify rule show {}`)",
            view.event.id,
            view.event.default_role.as_str(),
            view.event.id
        ));
    }
    let plan = plan::plan(&store, &view, &recipients, &args.channels);
    let roles = plan::roles_by_row(&plan, &recipients);
    let nobody_reached = plan.audience.receivers.is_empty();
    let say_if_nobody = || {
        if nobody_reached {
            ctx.out
                .note("nobody reached: no recipient has a usable channel for this rule");
        }
    };
    if args.dry_run {
        let rows = delivery::dry_run(&plan, &msg);
        report::dry_run(ctx, &head, rows, Some(&roles))?;
        say_if_nobody();
        return Ok(());
    }
    let live = report::Live::start(ctx, plan.destinations.len(), &mut opts);
    let rows = delivery::run(plan, msg, opts, ctx.cache_dir())?;
    // The note comes before the exit code that a failed row gives.
    let printed = live.deliveries(ctx, &head, &rows, Some(&roles));
    say_if_nobody();
    printed
}

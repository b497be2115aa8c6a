//! `notify send`: deliver one notification to users' enabled channels and ad-hoc destinations.

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::LimitArgs;
use crate::commands::report::{self, IdHead};
use crate::context::Context;
use crate::delivery::{self, Recipients, Request, Run};
use crate::log::DeliveryId;

mod flags;
mod record;

pub use flags::{AdhocArgs, ContentArgs};
pub use record::{LogArgs, NoLog};

/// Send a notification through every enabled channel of the recipients (and ad-hoc destinations)
///
/// Recipients are stored users (--to, repeatable; --all-users; default: the current user) and
/// ad-hoc destinations that need no profile (--webhook, --dingtalk-bot, --wecom-bot, --email,
/// --sms). Only channels that are enabled, verified where they need it, and switched on in Notice
/// Management are used; every other channel is reported as skipped with its reason. Recipients
/// sharing one group robot or webhook get one message.
///
/// Examples:
///   notify send --to alice --to bob --event TicketApproval --task-id 42 \
///       --message "Ticket 42 awaits approval"
///   notify send --webhook https://hooks.example.com/dms --signature-method HMAC_SHA256 \
///       --signature-key-env HOOK_KEY --message "Change 7 failed" --dry-run
///   echo "nightly export done" | notify send --all-users --channel email --message-file -
///
/// Every send that is not a dry run is recorded in the delivery log (`notify log`); `--id` names the
/// event, and repeating a send with the same --id delivers only what was not delivered yet.
///
/// Exit 0 when every destination was delivered or skipped, 3 when any failed (the report still
/// prints), 130 after Ctrl-C. A dry run exits 3 when a destination would fail before sending (an
/// unset -env key, say), after printing every row.
///
/// Ctrl-C (or SIGTERM) during a send starts no new delivery, gives those in flight up to 5 s, then
/// prints the report and records every destination in the log: those not sent as failed,
/// "interrupted: not sent", for `notify retry`. A second Ctrl-C ends at once.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A stored user to notify (repeatable)
    #[arg(long = "to", value_name = "USER", help_heading = "Recipients")]
    pub to: Vec<String>,
    /// Notify every stored user
    #[arg(long, conflicts_with = "to", help_heading = "Recipients")]
    pub all_users: bool,
    /// Only use these channel kinds of the recipients (repeatable)
    #[arg(long = "channel", value_name = "KIND", help_heading = "Recipients")]
    pub channels: Vec<Kind>,

    #[command(flatten)]
    pub adhoc: AdhocArgs,

    #[command(flatten)]
    pub content: ContentArgs,
    #[command(flatten)]
    pub limits: LimitArgs,

    /// Print every request as it would be sent (signed, secrets masked) and send nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub log: LogArgs,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    // Checked first: a dry run refuses whatever the real run refuses.
    let opts = args.limits.options()?;
    let store = ctx.store.load()?;
    let adhoc = args.adhoc.adhoc(ctx)?;
    let recipients = if args.all_users {
        Recipients::All
    } else if !args.to.is_empty() {
        Recipients::Named(args.to.clone())
    } else if adhoc.is_empty() {
        Recipients::Current(ctx.user_name(&store)?)
    } else {
        Recipients::Nobody
    };
    let mut content = args.content.content(ctx)?;
    // An --event the catalogue knows gives a template its description, as `emit` does.
    if let Ok(view) = crate::rules::find(&store, &content.event) {
        content.description = view.event.description.clone();
    }
    let request = Request {
        recipients,
        channels: args.channels.clone(),
        adhoc,
        content,
    };
    let (plan, msg) = delivery::prepare(&store, &request, &ctx.clock)?;
    // The plan holds all a send needs: a store of many users is not kept beside it.
    drop(store);
    let run = Run {
        cache_dir: ctx.cache_dir(),
        recording: args.log.no_log.recording(ctx),
        id: args.log.id.clone(),
        ..Run::new(opts, ctx.clock)
    };
    let head = |id: &DeliveryId| IdHead {
        id: id.as_str().to_owned(),
    };
    report::send(ctx, run, plan, msg, args.dry_run, head, None)
}

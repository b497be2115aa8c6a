//! `notify send`: deliver one notification to users' enabled channels and ad-hoc destinations.

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::LimitArgs;
use crate::commands::report::{self, IdHead};
use crate::context::Context;
use crate::delivery::{self, Recipients, Request};

mod flags;
mod record;

pub use flags::{AdhocArgs, ContentArgs};
pub use record::{LogArgs, NoLog, warn_unrecorded};

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
/// prints).
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
    let mut opts = args.limits.options()?;
    let store = ctx.store.load()?;
    let adhoc = args.adhoc.adhoc()?;
    let recipients = if args.all_users {
        Recipients::All
    } else if !args.to.is_empty() {
        Recipients::Named(args.to.clone())
    } else if adhoc.is_empty() {
        Recipients::Current(ctx.user_name(&store)?)
    } else {
        Recipients::Nobody
    };
    let content = args.content.content()?;
    let request = Request {
        recipients,
        channels: args.channels.clone(),
        adhoc,
        content,
    };
    let (mut plan, msg) = delivery::prepare(&store, &request, &ctx.clock)?;
    // The plan holds all a send needs: a store of many users is not kept beside it.
    drop(store);
    if args.dry_run {
        let id = args.log.id.clone().map_or_else(delivery::fresh_id, Ok)?;
        delivery::dry_keys(&mut plan, &id);
        let head = IdHead { id: id.as_str() };
        return report::dry_run(ctx, &head, delivery::dry_run(&plan, &msg, ctx.clock), None);
    }
    let recording = args.log.no_log.recording(ctx);
    let id = args.log.id.clone();
    let live = report::Live::start(ctx, plan.destinations.len(), &mut opts);
    let done = delivery::deliver(plan, msg, opts, ctx.clock, ctx.cache_dir(), recording, id)?;
    warn_unrecorded(ctx, done.not_recorded.as_ref());
    let head = IdHead {
        id: done.id.as_str(),
    };
    live.deliveries(ctx, &head, &done.rows, None)
}

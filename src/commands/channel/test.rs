//! `notify channel test`

use anyhow::Result;

use crate::channels::Kind;
use crate::channels::message::{Event, Format, Message};
use crate::commands::args::LimitArgs;
use crate::commands::report::{self, IdHead};
use crate::commands::send::{NoLog, warn_unrecorded};
use crate::context::Context;
use crate::delivery;
use crate::error::Error;
use crate::profiles;

/// Send a test message through one of your channels now (enabled or not)
///
/// Uses the channel's configuration and its provider exactly as `notify send` would; prints the
/// one-row report (exit 3 when the delivery failed). Recorded in the delivery log under a fresh id.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The channel kind
    pub kind: Kind,
    /// The text to send
    #[arg(
        short,
        long,
        value_name = "TEXT",
        default_value = "This is a test message from notify."
    )]
    pub message: String,
    /// Print the request instead of sending it
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub log: NoLog,
    #[command(flatten)]
    pub limits: LimitArgs,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    // Checked first: a dry run refuses whatever the real run refuses.
    let opts = args.limits.options()?;
    let store = ctx.store.load()?;
    let name = ctx.user_name(&store)?;
    let kind = args.kind;
    let channel = profiles::channel_of(&store, &name, kind)?;
    profiles::ensure_available(&store, kind)?;
    let target = delivery::target_for(&store, kind, channel).map_err(|e| {
        let hint = kind.provider().map_or_else(
            || format!("check it with `notify channel show {kind}`"),
            |p| format!("configure the provider with `notify provider set {p}`"),
        );
        Error::failure(format!("cannot test {kind}: {e}")).hint(hint)
    })?;
    let mut plan = delivery::plan_channel(&store, &name, kind, target);
    let event = Event {
        name: "Test".into(),
        ..Event::default()
    };
    let msg = Message::new(
        Some("[DMS] Test message".into()),
        args.message.clone(),
        Format::Text,
        event,
    );
    if args.dry_run {
        // The id the live run would use for its X-Notify-Delivery header, as `send --dry-run` shows it.
        let id = delivery::fresh_id()?;
        delivery::dry_keys(&mut plan, &id);
        let head = IdHead { id: id.as_str() };
        return report::dry_run(ctx, &head, delivery::dry_run(&plan, &msg, ctx.clock), None);
    }
    let recording = args.log.recording(ctx);
    let done = delivery::deliver(plan, msg, opts, ctx.clock, ctx.cache_dir(), recording, None)?;
    warn_unrecorded(ctx, done.not_recorded.as_ref());
    let head = IdHead {
        id: done.id.as_str(),
    };
    report::deliveries(ctx, &head, &done.rows, None)
}

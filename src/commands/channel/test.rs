//! `notify channel test`

use anyhow::Result;

use crate::channels::Kind;
use crate::channels::message::Format;
use crate::commands::args::LimitArgs;
use crate::commands::report::{self, IdHead};
use crate::commands::send::NoLog;
use crate::context::Context;
use crate::delivery::{self, Content, Run};
use crate::error::Error;
use crate::log::DeliveryId;
use crate::profiles;
use crate::values::secret;

/// Send a test message through one of your channels now (enabled or not)
///
/// A test is a send: the channel's configuration and its provider, the message built and formatted
/// exactly as `notify send --message TEXT` builds it (Markdown, cards, HTML email); prints the
/// one-row report (exit 3 when the delivery failed, or with --dry-run would fail). Recorded in the
/// delivery log under a fresh id. A channel that cannot be built at all (its provider missing, a
/// secret's environment variable unset) is refused before anything is sent: exit 1, with what to fix.
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
        let hint = secret::hint_for(&e, || {
            kind.provider().map_or_else(
                || format!("check it with `notify channel show {kind}`"),
                |p| format!("configure the provider with `notify provider set {p}`"),
            )
        });
        Error::failure(format!("cannot test {kind}: {e}")).hint(hint)
    })?;
    let plan = delivery::plan_channel(&store, &name, kind, target);
    let content = Content {
        text: args.message.clone(),
        message: args.message.clone(),
        title: Some("[DMS] Test message".into()),
        format: Format::Auto,
        event: "Test".into(),
        ..Content::default()
    };
    let msg = delivery::message(&store, &content, &ctx.clock)?;
    let run = Run {
        cache_dir: ctx.cache_dir(),
        recording: args.log.recording(ctx),
        ..Run::new(opts, ctx.clock)
    };
    let head = |id: &DeliveryId| IdHead {
        id: id.as_str().to_owned(),
    };
    report::send(ctx, run, plan, msg, args.dry_run, head, None)
}

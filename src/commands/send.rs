//! `notify send`: deliver one notification to users' enabled channels and ad-hoc destinations.

use std::path::PathBuf;

use anyhow::Result;

use crate::channels::Kind;
use crate::channels::message::Format;
use crate::commands::args::{LimitArgs, message_text, reveal, secret_flags};
use crate::commands::report::{self, NoHead};
use crate::context::Context;
use crate::delivery::{self, Adhoc, Content, DEFAULT_KEYWORD, Recipients, Request};
use crate::error::Error;

secret_flags!(
    /// The signing key of the ad-hoc webhooks.
    SignatureKey,
    "signature-key",
    value_name = "KEY",
    help = "Signing key for --webhook",
    noun = "the --webhook signing key",
    env_help = "Read the --webhook signing key from this environment variable",
    requires = "webhooks"
);

secret_flags!(
    /// The signing secret of the ad-hoc DingTalk robots.
    RobotSecret,
    "secret",
    value_name = "SECRET",
    help = "Signing secret (SEC...) for --dingtalk-bot",
    noun = "the --dingtalk-bot secret",
    env_help = "Read the --dingtalk-bot secret from this environment variable",
    requires = "dingtalk_bots"
);

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
}

/// Destinations that need no stored profile.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Ad-hoc destinations")]
pub struct AdhocArgs {
    /// Ad-hoc custom webhook URL (repeatable)
    #[arg(long = "webhook", value_name = "URL")]
    pub webhooks: Vec<String>,
    /// Signature method for --webhook: NONE, HMAC_SHA1 or HMAC_SHA256
    #[arg(long, value_name = "METHOD", requires = "webhooks")]
    pub signature_method: Option<String>,
    #[command(flatten)]
    pub signature_key: SignatureKey,
    /// Ad-hoc DingTalk chatbot webhook URL (repeatable)
    #[arg(long = "dingtalk-bot", value_name = "URL")]
    pub dingtalk_bots: Vec<String>,
    /// Keyword for --dingtalk-bot
    #[arg(long, value_name = "WORD", default_value = DEFAULT_KEYWORD)]
    pub keyword: String,
    #[command(flatten)]
    pub secret: RobotSecret,
    /// Ad-hoc WeCom chatbot webhook URL (repeatable)
    #[arg(long = "wecom-bot", value_name = "URL")]
    pub wecom_bots: Vec<String>,
    /// Ad-hoc email address, sent through the smtp provider (repeatable)
    #[arg(long = "email", value_name = "ADDR")]
    pub emails: Vec<String>,
    /// Ad-hoc mobile number, sent through the sms provider (repeatable)
    #[arg(long = "sms", value_name = "MOBILE")]
    pub sms: Vec<String>,
}

/// What the notification says.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Content")]
pub struct ContentArgs {
    /// The message text
    #[arg(short, long, value_name = "TEXT", conflicts_with = "message_file")]
    pub message: Option<String>,
    /// Read the message from a file, or - for stdin
    #[arg(long, value_name = "PATH")]
    pub message_file: Option<PathBuf>,
    /// Email subject and chat heading [default: "[DMS] " and the event name or the message's first line]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Plain text or Markdown (Markdown is used by the DingTalk and WeCom robots)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The DMS event name, e.g. TicketApproval
    #[arg(long, value_name = "NAME")]
    pub event: Option<String>,
    /// The DMS event category
    #[arg(long, value_name = "TEXT")]
    pub category: Option<String>,
    /// The DMS module
    #[arg(long, value_name = "TEXT")]
    pub module: Option<String>,
    /// The task's ID
    #[arg(long, value_name = "ID")]
    pub task_id: Option<String>,
    /// The task's name
    #[arg(long, value_name = "TEXT")]
    pub task_name: Option<String>,
    /// The submitter's user name (their display name comes from the store)
    #[arg(long, value_name = "USER")]
    pub submitter: Option<String>,
}

impl ContentArgs {
    /// The content, the text read from --message, --message-file or stdin.
    fn content(&self) -> Result<Content> {
        let text = message_text(self.message.as_ref(), self.message_file.as_deref())?.ok_or_else(
            || {
                Error::usage("no message to send")
                    .hint("give --message TEXT or --message-file PATH (- for stdin)")
            },
        )?;
        let get = |v: &Option<String>| v.clone().unwrap_or_default();
        Ok(Content {
            text,
            title: self.title.clone(),
            format: self.format,
            event: get(&self.event),
            category: get(&self.category),
            module: get(&self.module),
            task_id: get(&self.task_id),
            task_name: get(&self.task_name),
            submitter: get(&self.submitter),
        })
    }
}

impl AdhocArgs {
    fn adhoc(&self) -> Result<Adhoc> {
        let a = self;
        Ok(Adhoc {
            webhooks: a.webhooks.clone(),
            signature_method: a.signature_method.clone(),
            signature_key: reveal(a.signature_key.input(), "--signature-key")?,
            dingtalk_bots: a.dingtalk_bots.clone(),
            keyword: a.keyword.clone(),
            secret: reveal(a.secret.input(), "--secret")?,
            wecom_bots: a.wecom_bots.clone(),
            emails: a.emails.clone(),
            sms: a.sms.clone(),
        })
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
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
    let (plan, msg) = delivery::prepare(&store, &request)?;
    if args.dry_run {
        return report::dry_run(ctx, &NoHead {}, &delivery::dry_run(&plan, &msg), None);
    }
    let rows = delivery::run(plan, msg, args.limits.options()?, ctx.cache_dir())?;
    report::deliveries(ctx, &NoHead {}, &rows, None)
}

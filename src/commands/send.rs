//! `notify send`: deliver one notification to users' enabled channels and ad-hoc destinations.

use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use serde_json::json;

use crate::channels::Kind;
use crate::channels::message::Format;
use crate::context::Context;
use crate::delivery::{
    self, Adhoc, Content, DEFAULT_CONCURRENCY, DEFAULT_DEADLINE_SECS, DEFAULT_KEYWORD,
    DEFAULT_RETRIES, DEFAULT_RETRY_BASE_MS, DEFAULT_TIMEOUT_SECS, Delivery, Options, Outcome,
    Recipients, Request,
};
use crate::error::{Error, Exit};
use crate::profiles::Input;
use crate::values::{Revealed, Secret};

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
    /// Signing key for --webhook
    #[arg(long, value_name = "KEY", group = "key_in", requires = "webhooks")]
    pub signature_key: Option<String>,
    /// Read the --webhook signing key from one line of stdin
    #[arg(long, group = "key_in", requires = "webhooks")]
    pub signature_key_stdin: bool,
    /// Read the --webhook signing key from this environment variable
    #[arg(long, value_name = "VAR", group = "key_in", requires = "webhooks")]
    pub signature_key_env: Option<String>,
    /// Ad-hoc DingTalk chatbot webhook URL (repeatable)
    #[arg(long = "dingtalk-bot", value_name = "URL")]
    pub dingtalk_bots: Vec<String>,
    /// Keyword for --dingtalk-bot
    #[arg(long, value_name = "WORD", default_value = DEFAULT_KEYWORD)]
    pub keyword: String,
    /// Signing secret (SEC...) for --dingtalk-bot
    #[arg(
        long,
        value_name = "SECRET",
        group = "secret_in",
        requires = "dingtalk_bots"
    )]
    pub secret: Option<String>,
    /// Read the --dingtalk-bot secret from one line of stdin
    #[arg(long, group = "secret_in", requires = "dingtalk_bots")]
    pub secret_stdin: bool,
    /// Read the --dingtalk-bot secret from this environment variable
    #[arg(
        long,
        value_name = "VAR",
        group = "secret_in",
        requires = "dingtalk_bots"
    )]
    pub secret_env: Option<String>,
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

/// Time and retry limits.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// Seconds one attempt may take
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_TIMEOUT_SECS)]
    pub timeout: f64,
    /// Seconds the whole send may take, retries and robot pacing included
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_DEADLINE_SECS)]
    pub deadline: f64,
    /// Retries after a retryable failure (rate limit, 5xx, dropped connection)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RETRIES)]
    pub retries: u32,
    /// Destinations in flight at once
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY)]
    pub concurrency: usize,
    /// First retry delay in milliseconds (doubles each retry, with jitter)
    #[arg(long, value_name = "MS", default_value_t = DEFAULT_RETRY_BASE_MS, hide = true)]
    pub retry_base_ms: u64,
}

impl LimitArgs {
    pub fn options(&self) -> Result<Options> {
        let secs = |v: f64, flag: &str| {
            if v.is_finite() && v > 0.0 {
                Ok(Duration::from_secs_f64(v))
            } else {
                Err(Error::usage(format!(
                    "{flag} must be a positive number of seconds"
                )))
            }
        };
        Ok(Options {
            timeout: secs(self.timeout, "--timeout")?,
            deadline: secs(self.deadline, "--deadline")?,
            retries: self.retries,
            concurrency: self.concurrency.max(1),
            retry_base: Duration::from_millis(self.retry_base_ms),
        })
    }
}

impl ContentArgs {
    /// The content, the text read from --message, --message-file or stdin.
    fn content(&self) -> Result<Content> {
        let text = match (&self.message, &self.message_file) {
            (Some(m), _) => m.clone(),
            (None, Some(path)) if path.as_os_str() == "-" => {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| Error::usage("cannot read the message from stdin").caused_by(e))?;
                text
            }
            (None, Some(path)) => std::fs::read_to_string(path).map_err(|e| {
                Error::failure(format!("cannot read the message file {}", path.display()))
                    .caused_by(e)
                    .hint("check the path, or pass the text with --message")
            })?,
            (None, None) => {
                return Err(Error::usage("no message to send")
                    .hint("give --message TEXT or --message-file PATH (- for stdin)")
                    .into());
            }
        };
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

/// A secret flag's value: given, one line of stdin, or an environment variable; never empty.
fn secret_arg(input: Option<Input>, flag: &str) -> Result<Option<Revealed>> {
    let resolved = match input {
        None => None,
        Some(Input::Text(t)) => Some(Revealed::new(t)),
        Some(Input::Stdin) => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| Error::usage(format!("cannot read {flag}-stdin")).caused_by(e))?;
            Some(Revealed::new(line.trim_end_matches(['\r', '\n'])))
        }
        Some(Input::Env(var)) => Some(Secret::Env(var).resolve().map_err(|e| {
            Error::usage(format!("{flag}-env: {e}")).hint(format!(
                "export the variable first, or pass the secret with {flag}-stdin"
            ))
        })?),
    };
    match resolved {
        Some(s) if s.is_empty() => Err(Error::usage(format!("{flag} is empty"))
            .hint(format!("give the secret on one line (e.g. `printf '%s\\n' \"$KEY\" | notify send ... {flag}-stdin`)"))
            .into()),
        other => Ok(other),
    }
}

impl AdhocArgs {
    fn adhoc(&self) -> Result<Adhoc> {
        let a = self;
        let key = Input::secret(
            a.signature_key.as_ref(),
            a.signature_key_stdin,
            a.signature_key_env.as_ref(),
        );
        let secret = Input::secret(a.secret.as_ref(), a.secret_stdin, a.secret_env.as_ref());
        Ok(Adhoc {
            webhooks: a.webhooks.clone(),
            signature_method: a.signature_method.clone(),
            signature_key: secret_arg(key, "--signature-key")?,
            dingtalk_bots: a.dingtalk_bots.clone(),
            keyword: a.keyword.clone(),
            secret: secret_arg(secret, "--secret")?,
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
        return print_dry_run(ctx, &delivery::dry_run(&plan, &msg));
    }
    let rows = delivery::run(plan, msg, args.limits.options()?, ctx.cache_dir())?;
    report(ctx, &rows)
}

// The renderers below are shared with `channel test` until they move to `commands/render.rs`.

pub(crate) fn print_dry_run(ctx: &Context, rows: &[delivery::DryRow]) -> Result<()> {
    let mut json_rows = Vec::new();
    let mut text = String::new();
    for row in rows {
        let (recipient, channel, shown) = (&row.recipient, row.channel, &row.destination);
        match &row.requests {
            Ok(requests) => {
                text.push_str(&format!("# {recipient} · {channel} · {shown}\n"));
                for r in requests {
                    text.push_str(r);
                    text.push('\n');
                }
                json_rows.push(json!({"recipient": recipient, "channel": channel, "destination": shown, "requests": requests}));
            }
            Err((outcome, reason)) => {
                let outcome = outcome.as_str();
                text.push_str(&format!(
                    "# {recipient} · {channel} · {outcome}: {reason}\n\n"
                ));
                json_rows.push(json!({"recipient": recipient, "channel": channel, "destination": shown, "outcome": outcome, "reason": reason}));
            }
        }
    }
    if ctx.out.json {
        return ctx
            .out
            .json(&json!({"dry_run": true, "destinations": json_rows}));
    }
    ctx.out.print(&text)?;
    ctx.out.note("dry run: nothing was sent");
    Ok(())
}

/// Prints the report (a table, or `{"deliveries": [...]}` with --json); exit 3 when any row failed.
pub(crate) fn report(ctx: &Context, rows: &[Delivery]) -> Result<()> {
    if ctx.out.json {
        ctx.out.json(&json!({"deliveries": rows}))?;
    } else {
        table(ctx, rows)?;
    }
    let failed = rows.iter().filter(|r| r.outcome == Outcome::Failed).count();
    if failed > 0 {
        let total = rows.len();
        let message = format!("{failed} of {total} deliveries failed");
        return Err(Error::new(Exit::Delivery, message).into());
    }
    Ok(())
}

fn table(ctx: &Context, rows: &[Delivery]) -> Result<()> {
    let table = rows
        .iter()
        .map(|r| {
            let error = match (&r.error_code, &r.reason) {
                (Some(code), Some(reason)) => format!("{code}: {reason}"),
                (None, Some(reason)) => reason.clone(),
                _ => String::new(),
            };
            vec![
                r.recipient.clone(),
                r.channel.clone(),
                r.destination.clone(),
                r.outcome.as_str().to_owned(),
                r.attempts.to_string(),
                format!("{} ms", r.elapsed_ms),
                error,
            ]
        })
        .collect();
    let header = [
        "recipient",
        "channel",
        "destination",
        "outcome",
        "attempts",
        "time",
        "error",
    ];
    ctx.out.table(&header, table)
}

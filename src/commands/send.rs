//! `notify send`: deliver one notification to users' enabled channels and ad-hoc destinations.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use serde_json::json;

use crate::channels::message::{Event, Format, Message};
use crate::channels::{Kind, webhook::Audience};
use crate::context::Context;
use crate::delivery::{self, Delivery, Destination, Engine, Options, Outcome, Plan, Target};
use crate::error::{Error, Exit};
use crate::profiles::Input;
use crate::signing::SignatureMethod;
use crate::store::Store;
use crate::values::{FieldSpec, FieldType, Secret, mask_url_tokens};

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
    #[arg(long, value_name = "WORD", default_value = "DMS")]
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
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub timeout: f64,
    /// Seconds the whole send may take, retries and robot pacing included
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub deadline: f64,
    /// Retries after a retryable failure (rate limit, 5xx, dropped connection)
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,
    /// Destinations in flight at once
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub concurrency: usize,
    /// First retry delay in milliseconds (doubles each retry, with jitter)
    #[arg(long, value_name = "MS", default_value_t = 500, hide = true)]
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
    /// The message, with the submitter's display name looked up in the store.
    pub fn message(&self, store: &Store, default_text: Option<&str>) -> Result<Message> {
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
            (None, None) => match default_text {
                Some(t) => t.to_owned(),
                None => {
                    return Err(Error::usage("no message to send")
                        .hint("give --message TEXT or --message-file PATH (- for stdin)")
                        .into());
                }
            },
        };
        if text.trim().is_empty() {
            return Err(Error::usage("the message is empty").into());
        }
        let get = |v: &Option<String>| v.clone().unwrap_or_default();
        let submitter_uid = get(&self.submitter);
        let submitter_name = store
            .users
            .get(&submitter_uid)
            .and_then(|u| u.display_name.clone())
            .unwrap_or_default();
        let event = Event {
            name: get(&self.event),
            category: get(&self.category),
            module: get(&self.module),
            task_id: get(&self.task_id),
            task_name: get(&self.task_name),
            submitter_uid,
            submitter_name,
        };
        Ok(Message::new(self.title.clone(), text, self.format, event))
    }
}

fn url_arg(flag: &str, raw: &str) -> Result<String> {
    let spec = FieldSpec::new("url", FieldType::Url, "https://hooks.example.com/dms");
    match spec.parse(raw) {
        Ok(v) => Ok(v.as_text().unwrap_or(raw).to_owned()),
        Err(e) => Err(Error::usage(format!("invalid {flag} {}: {e}", mask_url_tokens(raw))).into()),
    }
}

fn secret_arg(input: Option<Input>, flag: &str) -> Result<Option<String>> {
    let resolved = match input {
        None => None,
        Some(Input::Text(t)) => Some(t),
        Some(Input::Stdin) => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| Error::usage(format!("cannot read {flag}-stdin")).caused_by(e))?;
            Some(line.trim_end_matches(['\r', '\n']).to_owned())
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
    fn destinations(&self, store: &Store) -> Result<Vec<Destination>> {
        let mut out = Vec::new();
        let row = |kind: Kind, shown: String, target: Result<Target, String>| Destination {
            recipients: Vec::new(),
            kind: Some(kind),
            shown,
            target: target.map_err(|e| (Outcome::Failed, e)),
        };
        let key = secret_arg(
            Input::secret(
                self.signature_key.as_ref(),
                self.signature_key_stdin,
                self.signature_key_env.as_ref(),
            ),
            "--signature-key",
        )?;
        let method: SignatureMethod = match &self.signature_method {
            Some(m) => m.parse().map_err(Error::usage)?,
            None => SignatureMethod::None,
        };
        if method == SignatureMethod::None && key.is_some() {
            return Err(Error::usage("a --webhook signing key needs --signature-method")
                .hint("add --signature-method HMAC_SHA256 (or HMAC_SHA1); unsigned deliveries need no key")
                .into());
        }
        if method != SignatureMethod::None && key.is_none() {
            return Err(
                Error::usage(format!("--signature-method {method} needs a key"))
                    .hint("give --signature-key, --signature-key-stdin or --signature-key-env VAR")
                    .into(),
            );
        }
        for url in &self.webhooks {
            let url = url_arg("--webhook", url)?;
            let target = Target::Webhook {
                url: url.clone(),
                method,
                key: key.clone().unwrap_or_default(),
            };
            out.push(row(Kind::Webhook, mask_url_tokens(&url), Ok(target)));
        }
        let secret = secret_arg(
            Input::secret(
                self.secret.as_ref(),
                self.secret_stdin,
                self.secret_env.as_ref(),
            ),
            "--secret",
        )?;
        if let Some(s) = &secret
            && !s.starts_with("SEC")
        {
            return Err(Error::usage(
                "invalid --secret: the DingTalk robot's signing secret starts with SEC",
            )
            .into());
        }
        for url in &self.dingtalk_bots {
            let url = url_arg("--dingtalk-bot", url)?;
            let target = Target::DingtalkBot {
                webhook: url.clone(),
                keyword: self.keyword.clone(),
                secret: secret.clone(),
            };
            out.push(row(Kind::DingtalkBot, mask_url_tokens(&url), Ok(target)));
        }
        for url in &self.wecom_bots {
            let url = url_arg("--wecom-bot", url)?;
            out.push(row(
                Kind::WecomBot,
                mask_url_tokens(&url),
                Ok(Target::WecomBot { webhook: url }),
            ));
        }
        for addr in &self.emails {
            let spec = Kind::Email
                .field("address")
                .ok_or_else(|| anyhow::anyhow!("email has an address"))?;
            let to = spec
                .parse(addr)
                .map_err(|e| Error::usage(format!("invalid --email {addr}: {e}")))?;
            let to = to.as_text().unwrap_or(addr).to_owned();
            let target = delivery::smtp_settings(store).map(|smtp| Target::Email {
                smtp,
                to: to.clone(),
            });
            out.push(row(Kind::Email, to, target));
        }
        for mobile in &self.sms {
            let spec = Kind::Sms
                .field("mobile")
                .ok_or_else(|| anyhow::anyhow!("sms has a mobile"))?;
            let m = spec
                .parse(mobile)
                .map_err(|e| Error::usage(format!("invalid --sms {mobile}: {e}")))?;
            let m = m.as_text().unwrap_or(mobile).to_owned();
            let target = delivery::sms_vendor(store).map(|vendor| Target::Sms {
                vendor,
                mobile: m.clone(),
                code: None,
            });
            out.push(row(Kind::Sms, m, target));
        }
        Ok(out)
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let adhoc = args.adhoc.destinations(&store)?;
    let users: Vec<String> = if args.all_users {
        store.users.keys().cloned().collect()
    } else if !args.to.is_empty() {
        for name in &args.to {
            if !store.users.contains_key(name) {
                return Err(Error::usage(format!("no user named {name}"))
                    .hint("`notify user list` shows the users")
                    .into());
            }
        }
        // A user named twice is notified once.
        let mut users: Vec<String> = Vec::new();
        for name in &args.to {
            if !users.contains(name) {
                users.push(name.clone());
            }
        }
        users
    } else if adhoc.is_empty() {
        let name = ctx.user_name(&store)?;
        if !store.users.contains_key(&name) {
            return Err(Error::usage(format!("{name} has no channels to send to"))
                .hint("configure one with `notify channel set`, or name recipients with --to or an ad-hoc destination such as --webhook")
                .into());
        }
        vec![name]
    } else {
        Vec::new()
    };
    let msg = args.content.message(&store, None)?;
    let plan = delivery::plan_users(&store, &users, &args.channels, adhoc);
    execute(ctx, plan, msg, &args.limits, args.dry_run)
}

/// Runs (or dry-runs) a plan, prints the report, and exits 3 when any destination failed.
pub fn execute(
    ctx: &Context,
    plan: Plan,
    msg: Message,
    limits: &LimitArgs,
    dry_run: bool,
) -> Result<()> {
    if plan.destinations.is_empty() {
        return Err(Error::usage("nothing to send to").into());
    }
    if dry_run {
        return print_dry_run(ctx, &plan, &msg);
    }
    let opts = limits.options()?;
    let engine = Arc::new(Engine::new(opts, ctx.cache_dir())?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failure("cannot start the async runtime").caused_by(e))?;
    let rows = runtime.block_on(engine.run(plan, Arc::new(msg)));
    report(ctx, &rows)?;
    let failed = rows.iter().filter(|r| r.outcome == Outcome::Failed).count();
    if failed > 0 {
        let total = rows.len();
        return Err(Error::new(
            Exit::Delivery,
            format!("{failed} of {total} deliveries failed"),
        )
        .into());
    }
    Ok(())
}

fn print_dry_run(ctx: &Context, plan: &Plan, msg: &Message) -> Result<()> {
    let audience: &Audience = &plan.audience;
    let mut json_rows = Vec::new();
    let mut text = String::new();
    for dest in &plan.destinations {
        let recipient = if dest.recipients.is_empty() {
            "-".to_owned()
        } else {
            dest.recipients.join(", ")
        };
        match delivery::dry_run(dest, msg, audience) {
            Ok(requests) => {
                text.push_str(&format!(
                    "# {recipient} · {} · {}\n",
                    dest.channel(),
                    dest.shown
                ));
                for r in &requests {
                    text.push_str(r);
                    text.push('\n');
                }
                json_rows.push(json!({"recipient": recipient, "channel": dest.channel(), "destination": dest.shown, "requests": requests}));
            }
            Err(reason) => {
                let outcome = match &dest.target {
                    Err((Outcome::Skipped, _)) => "skipped",
                    _ => "failed",
                };
                text.push_str(&format!(
                    "# {recipient} · {} · {outcome}: {reason}\n\n",
                    dest.channel()
                ));
                json_rows.push(json!({"recipient": recipient, "channel": dest.channel(), "destination": dest.shown, "outcome": outcome, "reason": reason}));
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

/// Prints the report: a table, or `{"deliveries": [...]}` with --json.
pub fn report(ctx: &Context, rows: &[Delivery]) -> Result<()> {
    if ctx.out.json {
        return ctx.out.json(&json!({"deliveries": rows}));
    }
    let table = rows
        .iter()
        .map(|r| {
            let error = match (&r.error_code, &r.reason) {
                (Some(code), Some(reason)) => format!("{code}: {reason}"),
                (None, Some(reason)) => reason.clone(),
                _ => String::new(),
            };
            let outcome = match r.outcome {
                Outcome::Delivered => "delivered",
                Outcome::Failed => "failed",
                Outcome::Skipped => "skipped",
            };
            vec![
                r.recipient.clone(),
                r.channel.clone(),
                r.destination.clone(),
                outcome.to_owned(),
                r.attempts.to_string(),
                format!("{} ms", r.elapsed_ms),
                error,
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "recipient",
            "channel",
            "destination",
            "outcome",
            "attempts",
            "time",
            "error",
        ],
        table,
    )
}

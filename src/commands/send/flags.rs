//! `notify send`'s destination and content flags, and what they turn into for the library.

use std::path::PathBuf;

use anyhow::Result;

use crate::commands::args::{RichArgs, message_text, method_parser, reveal, secret_flags};
use crate::context::Context;
use crate::delivery::{Adhoc, Content, DEFAULT_KEYWORD};
use crate::error::Error;
use crate::signing::SignatureMethod;
use crate::values::mask_url_tokens;

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

/// Destinations that need no stored profile. `Debug` shows them as the library does (tokens masked).
#[derive(clap::Args)]
#[command(next_help_heading = "Ad-hoc destinations")]
pub struct AdhocArgs {
    /// Ad-hoc custom webhook URL (repeatable)
    #[arg(long = "webhook", value_name = "URL")]
    pub webhooks: Vec<String>,
    /// Signature method for --webhook: NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks)
    #[arg(
        long,
        value_name = "METHOD",
        requires = "webhooks",
        value_parser = method_parser(),
        ignore_case = true
    )]
    pub signature_method: Option<SignatureMethod>,
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
    #[allow(rustdoc::broken_intra_doc_links)] // `[DMS]` is the subject prefix, not a link
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    #[command(flatten)]
    pub rich: RichArgs,
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
    /// The content, the text read from --message, --message-file or stdin (optional with a template).
    pub fn content(&self, ctx: &Context) -> Result<Content> {
        let template = self.rich.template(ctx)?;
        let text = message_text(ctx, self.message.as_ref(), self.message_file.as_deref())?;
        if text.is_none() && template.is_none() {
            return Err(Error::usage("no message to send")
                .hint("give --message TEXT, --message-file PATH (- for stdin) or --template FILE")
                .into());
        }
        let text = text.unwrap_or_default();
        let get = |v: &Option<String>| v.clone().unwrap_or_default();
        Ok(Content {
            message: text.clone(),
            text,
            title: self.title.clone(),
            format: self.rich.format,
            check_template: template.is_some(),
            template,
            link: self.rich.link(),
            event: get(&self.event),
            category: get(&self.category),
            module: get(&self.module),
            task_id: get(&self.task_id),
            task_name: get(&self.task_name),
            submitter: get(&self.submitter),
            ..Content::default()
        })
    }
}

impl AdhocArgs {
    pub fn adhoc(&self, ctx: &Context) -> Result<Adhoc> {
        let a = self;
        Ok(Adhoc {
            webhooks: a.webhooks.clone(),
            signature_method: a.signature_method,
            signature_key: reveal(ctx, a.signature_key.input(), "--signature-key")?,
            dingtalk_bots: a.dingtalk_bots.clone(),
            keyword: a.keyword.clone(),
            secret: reveal(ctx, a.secret.input(), "--secret")?,
            wecom_bots: a.wecom_bots.clone(),
            emails: a.emails.clone(),
            sms: a.sms.clone(),
        })
    }
}

impl std::fmt::Debug for AdhocArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let masked =
            |urls: &[String]| -> Vec<String> { urls.iter().map(|u| mask_url_tokens(u)).collect() };
        f.debug_struct("AdhocArgs")
            .field("webhooks", &masked(&self.webhooks))
            .field("signature_method", &self.signature_method)
            .field("signature_key", &self.signature_key)
            .field("dingtalk_bots", &masked(&self.dingtalk_bots))
            .field("secret", &self.secret)
            .field("wecom_bots", &masked(&self.wecom_bots))
            .field("emails", &self.emails)
            .field("sms", &self.sms)
            .finish_non_exhaustive()
    }
}

//! `notify channel set`

use anyhow::Result;

use crate::channels::{Kind, Verification};
use crate::commands::args::secret_flags;
use crate::context::Context;
use crate::error::{self, Error, Exit};
use crate::profiles::{self, Input, VerificationChange, channel};
use crate::values::Field;

use super::verification;

secret_flags!(
    RobotSecret,
    "secret",
    value_name = "SECRET",
    help = "Robot signing secret, SEC... (dingtalk-bot)",
    noun = "the robot signing secret"
);
secret_flags!(
    SignatureKey,
    "signature-key",
    value_name = "KEY",
    help = "Signing key (webhook; required unless the method is NONE)",
    noun = "the signing key"
);

/// Configure one of your channels (only the fields given change; the rest keep their values)
///
/// Each kind takes its own fields:
///   dingtalk            --mobile
///   dingtalk-exclusive  --employee-id
///   feishu, lark-mobile --mobile
///   lark                --email or --mobile
///   dingtalk-bot        --webhook, --keyword (default DMS), --secret (optional, SEC...)
///   wecom-bot           --webhook
///   email               --address
///   sms                 --mobile
///   webhook             --url, --signature-method NONE|HMAC_SHA1|HMAC_SHA256|STANDARD, --signature-key
///   (dingtalk-bot, wecom-bot and webhook also take --ca-file PEM: a private CA for the endpoint)
///
/// Mobiles outside the Chinese mainland carry their country code (+44...); a bare 11-digit number
/// is a mainland one. On a terminal, missing fields are asked for (secrets without echo).
/// Changing an address clears the channel's verification.
///
/// Without --user this sets up your own channels: the store's default user, else your login name;
/// the first `channel set` creates that user (and makes it the default). --user must name a user
/// that exists (`notify user add NAME`).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The channel kind
    pub kind: Kind,
    /// Mobile number (dingtalk, feishu, lark, lark-mobile, sms)
    #[arg(long, value_name = "MOBILE")]
    pub mobile: Option<String>,
    /// Employee ID (dingtalk-exclusive)
    #[arg(long, value_name = "ID")]
    pub employee_id: Option<String>,
    /// Email address (lark)
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,
    /// Email address (email)
    #[arg(long, value_name = "EMAIL")]
    pub address: Option<String>,
    /// Robot webhook URL (dingtalk-bot, wecom-bot)
    #[arg(long, value_name = "URL")]
    pub webhook: Option<String>,
    /// Keyword the DingTalk robot checks; every message will contain it (dingtalk-bot)
    #[arg(long, value_name = "WORD")]
    pub keyword: Option<String>,
    #[command(flatten)]
    pub secret: RobotSecret,
    /// Endpoint URL (webhook)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// NONE, HMAC_SHA1, HMAC_SHA256 or STANDARD (Standard Webhooks: a whsec_ or raw key) (webhook)
    #[arg(long, value_name = "METHOD")]
    pub signature_method: Option<String>,
    #[command(flatten)]
    pub signature_key: SignatureKey,
    /// PEM file of CA certificates trusted for this endpoint, in addition to the system's
    /// (dingtalk-bot, wecom-bot, webhook)
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<String>,
}

impl Args {
    fn inputs(&self) -> Vec<(Field, Input)> {
        let text = |v: &Option<String>| v.clone().map(Input::Text);
        [
            (Field::Mobile, text(&self.mobile)),
            (Field::EmployeeId, text(&self.employee_id)),
            (Field::Email, text(&self.email)),
            (Field::Address, text(&self.address)),
            (Field::Webhook, text(&self.webhook)),
            (Field::Keyword, text(&self.keyword)),
            (Field::Secret, self.secret.input()),
            (Field::Url, text(&self.url)),
            (Field::SignatureMethod, text(&self.signature_method)),
            (Field::SignatureKey, self.signature_key.input()),
            (Field::CaFile, text(&self.ca_file)),
        ]
        .into_iter()
        .filter_map(|(field, input)| input.map(|i| (field, i)))
        .collect()
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let kind = args.kind;
    let store = ctx.store.load()?;
    profiles::ensure_available(&store, kind)?;
    let name = ctx.user_name(&store)?;
    profiles::check_user_name(&name).map_err(Error::usage)?;
    // Only your own user is created by its first channel; --user names one that exists.
    let own = !ctx.user_given();
    channel::ensure_user(&store, &name, own)?;
    let mut changes = profiles::resolve_inputs(kind, args.inputs(), &|flag| ctx.stdin_line(flag))?;

    // Ask for what is still missing before taking the lock; prompts can take a while.
    let preview = channel::preview(&store, &name, kind, &changes)?;
    for spec in channel::missing_fields(kind, &preview) {
        let value = ctx.prompt.field(&format!("channel {kind}"), spec)?;
        changes.push((spec, value));
    }
    channel::check(&store, &name, kind, &changes)?;
    let saved = ctx
        .store
        .update(|store| channel::save(store, &name, kind, &changes, own))?;

    ctx.out.note(&format!("{kind} channel of {name} saved"));
    if saved.change == VerificationChange::Cleared {
        ctx.out.note(
            "the address changed: its verification was cleared and the channel is disabled until it is \
             verified and enabled again",
        );
    }
    if saved.verified {
        if !saved.enabled {
            ctx.out.note(&format!(
                "next: `notify channel enable {kind}` to deliver through it"
            ));
        }
        return Ok(());
    }
    if let Some(to) = &saved.code_sent_to {
        ctx.out.note(&format!(
            "a code sent to {to} is already waiting: confirm it with `notify channel verify {kind} --code N`"
        ));
        return Ok(());
    }
    // Go straight on to verification: send the code (and ask for it on a terminal) or look the person up.
    // The channel is saved whatever happens next, so only a person typing codes at the prompt (who
    // sees the outcome) gets a failing exit; a script learns `verified` from `channel list --json`.
    match verification::start(ctx, kind, true) {
        Ok(()) => Ok(()),
        Err(e) if error::exit_code(&e) == Exit::Interrupted => Err(e),
        Err(e)
            if error::exit_code(&e) == Exit::Verification
                && ctx.prompt.interactive()
                && kind.verification() == Verification::Code =>
        {
            Err(e)
        }
        Err(e) => {
            let what = match kind.verification() {
                Verification::Lookup => "verify it",
                _ => "send a verification code",
            };
            ctx.out.warn(&format!(
                "the channel is saved but could not {what} yet: {}",
                error::render(&e).trim_end().trim_start_matches("error: ")
            ));
            ctx.out.note(&format!(
                "retry with `notify channel verify {kind}`, then `notify channel enable {kind}`"
            ));
            Ok(())
        }
    }
}

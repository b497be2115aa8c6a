//! `notify channel set`

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::{self, secret_flags};
use crate::context::Context;
use crate::error::Error;
use crate::profiles::{self, Input, VerificationChange, channel};
use crate::values::Field;

use super::verification;

secret_flags!(
    RobotSecret,
    "secret",
    value_name = "SECRET",
    help = "Robot signing secret, SEC... (dingtalk-bot)",
    noun = "the robot signing secret",
    keyring = "users.<user>.channels.dingtalk-bot.secret"
);
secret_flags!(
    SignatureKey,
    "signature-key",
    value_name = "KEY",
    help = "Signing key (webhook; required unless the method is NONE)",
    noun = "the signing key",
    keyring = "users.<user>.channels.webhook.signature_key"
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
/// Each secret flag --X also comes as --X-stdin (one line of stdin), --X-env VAR (the store keeps the
/// variable's name), --X-file PATH (the store keeps the path; the file, mode 0600, is read each time
/// the secret is used) and --X-keyring (the value, from --X, --X-stdin or a prompt, goes to the OS
/// keyring; the store keeps the entry's name):
///   notify channel set webhook --url https://hooks.example.com/dms \
///     --signature-method HMAC_SHA256 --signature-key-file /run/secrets/dms_hook_key
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
    /// The secrets given with `--X-keyring`.
    fn keyring(&self) -> Vec<Field> {
        [
            (Field::Secret, self.secret.keyring),
            (Field::SignatureKey, self.signature_key.keyring),
        ]
        .into_iter()
        .filter_map(|(field, on)| on.then_some(field))
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
    let keyring = args.keyring();
    args::ask_keyring_secrets(ctx, kind, &keyring, &mut changes)?;

    // Ask for what is still missing before taking the lock; prompts can take a while.
    let preview = channel::preview(&store, &name, kind, &changes)?;
    for spec in channel::missing_fields(kind, &preview) {
        let value = ctx.prompt.field(&format!("channel {kind}"), spec)?;
        changes.push((spec, value));
    }
    channel::check(&store, &name, kind, &changes)?;
    args::keep_in_keyring(ctx, &keyring, &mut changes, |field| {
        format!("users.{name}.channels.{kind}.{field}")
    })?;
    let saved = ctx
        .store
        .update(|store| channel::save(store, &name, kind, &changes, own))?;

    ctx.out.note(&format!("{kind} channel of {name} saved"));
    for note in args::secret_notes(&changes) {
        ctx.out.note(&note);
    }
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
    verification::after_save(ctx, kind)
}

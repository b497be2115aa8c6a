//! `notify provider set`

use anyhow::Result;

use crate::commands::args::{self, secret_flags};
use crate::context::Context;
use crate::profiles::{self, Input};
use crate::providers::{ALIYUN_REGION, ProviderName};
use crate::store::Schema;
use crate::values::{Field, SmtpSecurity};

secret_flags!(
    AppSecret,
    "app-secret",
    value_name = "SECRET",
    help = "App secret (dingtalk, feishu, lark)",
    noun = "the app secret",
    keyring = "providers.<dingtalk|feishu|lark>.app_secret"
);
secret_flags!(
    Password,
    "password",
    value_name = "SECRET",
    help = "SMTP password",
    noun = "the SMTP password",
    keyring = "providers.smtp.password"
);
secret_flags!(
    AccessKeySecret,
    "access-key-secret",
    value_name = "SECRET",
    help = "Alibaba Cloud AccessKey secret",
    noun = "the AccessKey secret",
    keyring = "providers.sms.access_key_secret"
);
secret_flags!(
    AuthToken,
    "auth-token",
    value_name = "TOKEN",
    help = "Twilio auth token",
    noun = "the Twilio auth token",
    keyring = "providers.sms.auth_token"
);

/// Configure a provider's credentials (only the fields given change)
#[derive(Debug, clap::Args)]
#[command(long_about = super::set_help::long_about())]
pub struct Args {
    /// The provider
    pub name: ProviderName,
    /// DingTalk app key
    #[arg(long, value_name = "KEY")]
    pub app_key: Option<String>,
    /// Feishu/Lark app id
    #[arg(long, value_name = "ID")]
    pub app_id: Option<String>,
    #[command(flatten)]
    pub app_secret: AppSecret,
    /// DingTalk agent id (a number)
    #[arg(long, value_name = "N")]
    pub agent_id: Option<String>,
    /// API base URL (https; http only for loopback)
    #[arg(long, value_name = "URL")]
    pub api_base: Option<String>,
    /// SMTP host
    #[arg(long)]
    pub host: Option<String>,
    #[arg(long, help = format!(
        "SMTP port [default: {} for tls, {} for starttls, {} for none]",
        SmtpSecurity::Tls.default_port(),
        SmtpSecurity::Starttls.default_port(),
        SmtpSecurity::None.default_port()
    ))]
    pub port: Option<String>,
    /// SMTP security: tls (implicit), starttls (required), none (loopback only)
    #[arg(long, value_name = "MODE")]
    pub security: Option<String>,
    /// SMTP user name
    #[arg(long)]
    pub username: Option<String>,
    #[command(flatten)]
    pub password: Password,
    /// Sender: a mailbox for smtp (`DMS <dms@example.com>`), a number or messaging service for twilio
    #[arg(long)]
    pub from: Option<String>,
    /// SMS vendor: aliyun or twilio
    #[arg(long)]
    pub vendor: Option<String>,
    /// Alibaba Cloud AccessKey ID
    #[arg(long, value_name = "ID")]
    pub access_key_id: Option<String>,
    #[command(flatten)]
    pub access_key_secret: AccessKeySecret,
    /// Alibaba SMS signature name
    #[arg(long, value_name = "NAME")]
    pub sign_name: Option<String>,
    /// Alibaba SMS template for notifications (template parameter `content`)
    #[arg(long, value_name = "CODE")]
    pub template_code: Option<String>,
    /// Alibaba SMS template for verification codes (template parameter `code`)
    #[arg(long, value_name = "CODE")]
    pub verify_template_code: Option<String>,
    #[arg(long, help = format!("Alibaba region [default: {ALIYUN_REGION}]"))]
    pub region: Option<String>,
    /// Twilio account SID
    #[arg(long, value_name = "SID")]
    pub account_sid: Option<String>,
    #[command(flatten)]
    pub auth_token: AuthToken,
    /// PEM file of CA certificates trusted for this provider's connections, besides the system's
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<String>,
}

impl Args {
    fn inputs(&self) -> Vec<(Field, Input)> {
        let text = |v: &Option<String>| v.clone().map(Input::Text);
        [
            (Field::AppKey, text(&self.app_key)),
            (Field::AppId, text(&self.app_id)),
            (Field::AppSecret, self.app_secret.input()),
            (Field::AgentId, text(&self.agent_id)),
            (Field::ApiBase, text(&self.api_base)),
            (Field::Host, text(&self.host)),
            (Field::Port, text(&self.port)),
            (Field::Security, text(&self.security)),
            (Field::Username, text(&self.username)),
            (Field::Password, self.password.input()),
            (Field::From, text(&self.from)),
            (Field::Vendor, text(&self.vendor)),
            (Field::AccessKeyId, text(&self.access_key_id)),
            (Field::AccessKeySecret, self.access_key_secret.input()),
            (Field::SignName, text(&self.sign_name)),
            (Field::TemplateCode, text(&self.template_code)),
            (Field::VerifyTemplateCode, text(&self.verify_template_code)),
            (Field::Region, text(&self.region)),
            (Field::AccountSid, text(&self.account_sid)),
            (Field::AuthToken, self.auth_token.input()),
            (Field::CaFile, text(&self.ca_file)),
        ]
        .into_iter()
        .filter_map(|(field, input)| input.map(|i| (field, i)))
        .collect()
    }
    /// The secrets given with `--X-keyring`.
    fn keyring(&self) -> Vec<Field> {
        [
            (Field::AppSecret, self.app_secret.keyring),
            (Field::Password, self.password.keyring),
            (Field::AccessKeySecret, self.access_key_secret.keyring),
            (Field::AuthToken, self.auth_token.keyring),
        ]
        .into_iter()
        .filter_map(|(field, on)| on.then_some(field))
        .collect()
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let name = args.name;
    let mut changes = profiles::resolve_inputs(name, args.inputs(), &|flag| ctx.stdin_line(flag))?;
    let keyring = args.keyring();
    args::ask_keyring_secrets(ctx, name, &keyring, &mut changes)?;
    let store = ctx.store.load()?;
    let mut preview = profiles::provider::preview(&store, name, &changes);
    // Ask for what is missing; the SMS vendor decides which fields are needed, so it comes first.
    loop {
        let missing = name
            .needed(&preview)
            .into_iter()
            .find(|f| !preview.contains_key(f));
        let Some(spec) = missing.and_then(|f| name.field(f)) else {
            break;
        };
        let value = ctx.prompt.field(&format!("provider {name}"), spec)?;
        preview.insert(spec.name, value.clone());
        changes.push((spec, value));
    }
    profiles::provider::check(name, &preview, &changes)?;
    args::keep_in_keyring(ctx, &keyring, &mut changes, |field| {
        format!("providers.{name}.{field}")
    })?;
    ctx.store
        .update(|store| profiles::provider::save(store, name, &changes))?;
    ctx.out.note(&format!("provider {name} saved"));
    for note in args::secret_notes(&changes) {
        ctx.out.note(&note);
    }
    Ok(())
}

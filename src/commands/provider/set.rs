//! `notify provider set`

use anyhow::Result;

use crate::commands::args::secret_flags;
use crate::context::Context;
use crate::profiles::{self, Input};
use crate::providers::{
    ALIYUN_API_BASE, ALIYUN_REGION, DINGTALK_API_BASE, FEISHU_API_BASE, LARK_API_BASE,
    ProviderName, TWILIO_API_BASE, smtp_port,
};
use crate::store::Schema;

secret_flags!(
    AppSecret,
    "app-secret",
    value_name = "SECRET",
    help = "App secret (dingtalk, feishu, lark)",
    noun = "the app secret"
);
secret_flags!(
    Password,
    "password",
    value_name = "SECRET",
    help = "SMTP password",
    noun = "the SMTP password"
);
secret_flags!(
    AccessKeySecret,
    "access-key-secret",
    value_name = "SECRET",
    help = "Alibaba Cloud AccessKey secret",
    noun = "the AccessKey secret"
);
secret_flags!(
    AuthToken,
    "auth-token",
    value_name = "TOKEN",
    help = "Twilio auth token",
    noun = "the Twilio auth token"
);

/// Configure a provider's credentials (only the fields given change)
#[derive(Debug, clap::Args)]
#[command(long_about = long_about())]
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
        smtp_port("tls"), smtp_port("starttls"), smtp_port("none")
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
}

impl Args {
    fn inputs(&self) -> Vec<(&'static str, Input)> {
        let text = |v: &Option<String>| v.clone().map(Input::Text);
        [
            ("app_key", text(&self.app_key)),
            ("app_id", text(&self.app_id)),
            ("app_secret", self.app_secret.input()),
            ("agent_id", text(&self.agent_id)),
            ("api_base", text(&self.api_base)),
            ("host", text(&self.host)),
            ("port", text(&self.port)),
            ("security", text(&self.security)),
            ("username", text(&self.username)),
            ("password", self.password.input()),
            ("from", text(&self.from)),
            ("vendor", text(&self.vendor)),
            ("access_key_id", text(&self.access_key_id)),
            ("access_key_secret", self.access_key_secret.input()),
            ("sign_name", text(&self.sign_name)),
            ("template_code", text(&self.template_code)),
            ("verify_template_code", text(&self.verify_template_code)),
            ("region", text(&self.region)),
            ("account_sid", text(&self.account_sid)),
            ("auth_token", self.auth_token.input()),
        ]
        .into_iter()
        .filter_map(|(name, input)| input.map(|i| (name, i)))
        .collect()
    }
}

/// The long help, with the defaults from the provider tables.
fn long_about() -> String {
    format!(
        "Configure a provider's credentials (only the fields given change)

  dingtalk  --app-key --app-secret --agent-id [--api-base {DINGTALK_API_BASE}]
  feishu    --app-id --app-secret [--api-base {FEISHU_API_BASE}]
  lark      --app-id --app-secret [--api-base {LARK_API_BASE}]
  smtp      --host [--port] [--security tls|starttls|none] [--username] [--password] --from
  sms       --vendor aliyun --access-key-id --access-key-secret --sign-name --template-code
              [--verify-template-code] [--region {ALIYUN_REGION}]
              [--api-base {ALIYUN_API_BASE}]
  sms       --vendor twilio --account-sid --auth-token --from
              [--api-base {TWILIO_API_BASE}]

Every secret flag --X also comes as --X-stdin (one line of stdin) and --X-env VAR (only a
reference to the variable is stored). `--security none` (plain SMTP) is allowed only towards a
loopback host."
    )
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let name = args.name;
    let mut changes = profiles::resolve_inputs(name, args.inputs())?;
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
    ctx.store
        .update(|store| profiles::provider::save(store, name, &changes))?;
    ctx.out.note(&format!("provider {name} saved"));
    Ok(())
}

//! `notify provider set`

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;
use crate::profiles::{self, Input};
use crate::providers::ProviderName;
use crate::store::Schema;

use crate::commands::args::secret_flags;

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
///
///   dingtalk  --app-key --app-secret --agent-id [--api-base https://oapi.dingtalk.com]
///   feishu    --app-id --app-secret [--api-base https://open.feishu.cn]
///   lark      --app-id --app-secret [--api-base https://open.larksuite.com]
///   smtp      --host [--port] [--security tls|starttls|none] [--username] [--password] --from
///   sms       --vendor aliyun --access-key-id --access-key-secret --sign-name --template-code
///               [--verify-template-code] [--region cn-hangzhou]
///               [--api-base https://dysmsapi.aliyuncs.com]
///   sms       --vendor twilio --account-sid --auth-token --from
///               [--api-base https://api.twilio.com]
///
/// Every secret flag --X also comes as --X-stdin (one line of stdin) and --X-env VAR (only a
/// reference to the variable is stored). `--security none` (plain SMTP) is allowed only towards a
/// loopback host.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
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
    /// SMTP port [default: 465 for tls, 587 for starttls, 25 for none]
    #[arg(long)]
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
    /// Alibaba region [default: cn-hangzhou]
    #[arg(long)]
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

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let name = args.name;
    let mut changes = profiles::resolve_inputs(name, args.inputs())?;
    let store = ctx.store.load()?;
    let mut preview = store.providers.0.get(&name).cloned().unwrap_or_default();
    profiles::apply_fields(&mut preview, &changes);
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
    name.cross_check(&preview).map_err(Error::usage)?;
    if let Some(other) =
        name.other_vendor_field(&preview, changes.iter().map(|(spec, _)| spec.name))
    {
        return Err(Error::usage(format!(
            "--{} does not apply to the sms vendor {}",
            other.replace('_', "-"),
            preview
                .get("vendor")
                .and_then(crate::values::Value::as_text)
                .unwrap_or_default()
        ))
        .hint(
            "`notify provider set --help` lists each vendor's fields; change vendors with --vendor",
        )
        .into());
    }
    if changes.is_empty() {
        return Err(
            Error::usage(format!("nothing to change for provider {name}"))
                .hint("`notify provider set --help` lists the fields")
                .into(),
        );
    }
    ctx.store.update(|store| {
        let fields = store.providers.0.entry(name).or_default();
        profiles::apply_fields(fields, &changes);
        name.validate(fields).map_err(Error::usage)?;
        Ok(())
    })?;
    ctx.out.note(&format!("provider {name} saved"));
    Ok(())
}

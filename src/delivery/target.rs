//! Where and how one message goes: a [`Target`] built from a channel and its provider, secrets resolved
//! into [`Revealed`] wrappers that no `Debug` output shows.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::channels::Kind;
use crate::providers::ProviderName;
use crate::signing::{SignatureMethod, hex_encode, hmac_sha256};
use crate::store::{Channel, Fields, Schema, Store};
use crate::transport::SmtpSettings;
use crate::values::{Field, Revealed, SecretUrl, Value, Vendor, load_ca_file};

use super::DEFAULT_KEYWORD;

/// An app provider's credentials.
#[derive(Debug, Clone)]
pub struct App {
    pub provider: ProviderName,
    pub api_base: String,
    pub id: String,
    pub secret: Revealed,
    pub agent_id: i64,
    /// Extra CA certificates for the provider's API (a private deployment).
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub enum SmsVendor {
    Aliyun {
        api_base: String,
        key_id: String,
        key_secret: Revealed,
        region: String,
        sign_name: String,
        template: String,
        verify_template: Option<String>,
        ca_file: Option<PathBuf>,
    },
    Twilio {
        api_base: String,
        sid: String,
        token: Revealed,
        from: String,
        ca_file: Option<PathBuf>,
    },
}

/// Where and how one message goes. `Debug` masks the tokens robot and webhook URLs carry. `ca_file`:
/// extra CA certificates for the endpoint (a private deployment), besides the platform's roots.
#[derive(Clone)]
pub enum Target {
    DingtalkBot {
        webhook: SecretUrl,
        keyword: String,
        secret: Option<Revealed>,
        ca_file: Option<PathBuf>,
    },
    WecomBot {
        webhook: SecretUrl,
        ca_file: Option<PathBuf>,
    },
    Webhook {
        url: SecretUrl,
        method: SignatureMethod,
        key: Revealed,
        ca_file: Option<PathBuf>,
    },
    /// `mobile` for the Standard Edition, else the employee ID is the userid.
    Dingtalk {
        app: App,
        mobile: Option<String>,
        userid: Option<String>,
    },
    /// Feishu or Lark: found by mobile or email.
    Feishu {
        app: App,
        mobile: Option<String>,
        email: Option<String>,
    },
    Email {
        smtp: SmtpSettings,
        to: String,
    },
    /// `code`: a verification code, sent with the vendor's verification template when there is one.
    Sms {
        vendor: SmsVendor,
        mobile: String,
        code: Option<String>,
    },
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::DingtalkBot {
                webhook,
                keyword,
                secret,
                ca_file,
            } => f
                .debug_struct("DingtalkBot")
                .field("webhook", webhook)
                .field("keyword", keyword)
                .field("secret", secret)
                .field("ca_file", ca_file)
                .finish(),
            Target::WecomBot { webhook, ca_file } => f
                .debug_struct("WecomBot")
                .field("webhook", webhook)
                .field("ca_file", ca_file)
                .finish(),
            Target::Webhook {
                url,
                method,
                key,
                ca_file,
            } => f
                .debug_struct("Webhook")
                .field("url", url)
                .field("method", method)
                .field("key", key)
                .field("ca_file", ca_file)
                .finish(),
            Target::Dingtalk {
                app,
                mobile,
                userid,
            } => f
                .debug_struct("Dingtalk")
                .field("app", app)
                .field("mobile", mobile)
                .field("userid", userid)
                .finish(),
            Target::Feishu { app, mobile, email } => f
                .debug_struct("Feishu")
                .field("app", app)
                .field("mobile", mobile)
                .field("email", email)
                .finish(),
            Target::Email { smtp, to } => f
                .debug_struct("Email")
                .field("smtp", smtp)
                .field("to", to)
                .finish(),
            Target::Sms {
                vendor,
                mobile,
                code,
            } => f
                .debug_struct("Sms")
                .field("vendor", vendor)
                .field("mobile", mobile)
                .field("code", &code.as_ref().map(|_| "****"))
                .finish(),
        }
    }
}

impl Target {
    /// Identity for merging recipients who share one robot or webhook; secrets enter it only as a
    /// digest.
    pub(super) fn shared_key(&self) -> Option<String> {
        let digest = |s: Option<&Revealed>| {
            s.map(|s| hex_encode(&hmac_sha256(b"notify shared target", s.expose().as_bytes())))
        };
        let ca = self.ca_file().map(Path::display);
        match self {
            Target::DingtalkBot {
                webhook,
                keyword,
                secret,
                ..
            } => Some(format!(
                "dt|{webhook}|{keyword}|{:?}|{ca:?}",
                digest(secret.as_ref())
            )),
            Target::WecomBot { webhook, .. } => Some(format!("wc|{webhook}|{ca:?}")),
            Target::Webhook {
                url, method, key, ..
            } => Some(format!("wh|{url}|{method}|{:?}|{ca:?}", digest(Some(key)))),
            _ => None,
        }
    }

    /// The extra CA certificates trusted for this target's connections (besides the platform's roots).
    pub fn ca_file(&self) -> Option<&Path> {
        match self {
            Target::DingtalkBot { ca_file, .. }
            | Target::WecomBot { ca_file, .. }
            | Target::Webhook { ca_file, .. }
            | Target::Sms {
                vendor: SmsVendor::Aliyun { ca_file, .. } | SmsVendor::Twilio { ca_file, .. },
                ..
            } => ca_file.as_deref(),
            Target::Dingtalk { app, .. } | Target::Feishu { app, .. } => app.ca_file.as_deref(),
            Target::Email { smtp, .. } => smtp.ca_file.as_deref(),
        }
    }

    /// The robot a message counts against for pacing.
    /// A paced robot's webhook (its pacing key) and how a message names the robot.
    pub(super) fn robot(&self) -> Option<(&str, &'static str)> {
        match self {
            Target::DingtalkBot { webhook, .. } => Some((webhook.expose(), "DingTalk robot")),
            Target::WecomBot { webhook, .. } => Some((webhook.expose(), "WeCom robot")),
            _ => None,
        }
    }
}

fn secret_of(fields: &Fields, field: Field) -> Result<Option<Revealed>, String> {
    match fields.get(&field) {
        Some(Value::Secret(s)) => s.resolve_as(field.as_str()).map(Some),
        Some(Value::Text(t)) => Ok(Some(Revealed::new(t.clone()))),
        _ => Ok(None),
    }
}

/// The stored CA file, checked again now (it may have moved since it was set); the error names the
/// command that fixes it.
fn ca_file_of(fields: &Fields, fix: &str) -> Result<Option<PathBuf>, String> {
    let Some(path) = text_of(fields, Field::CaFile).map(PathBuf::from) else {
        return Ok(None);
    };
    load_ca_file(&path).map_err(|e| format!("{e} (fix it with `{fix} --ca-file PEM`)"))?;
    Ok(Some(path))
}

/// A URL field (required, so present once the channel was validated), kept masked until sent.
fn url_of(fields: &Fields, field: Field) -> SecretUrl {
    SecretUrl::new(text_of(fields, field).unwrap_or_default())
}

fn text_of(fields: &Fields, field: Field) -> Option<String> {
    fields
        .get(&field)
        .and_then(Value::as_text)
        .map(str::to_owned)
}

/// A provider's stored fields, checked; errors are the row's reason.
pub fn provider_fields(store: &Store, name: ProviderName) -> Result<&Fields, String> {
    let fields = store.providers.0.get(&name).ok_or_else(|| {
        format!("provider {name} is not configured (run `notify provider set {name}`)")
    })?;
    name.validate(fields)
        .map_err(|e| format!("{e} (run `notify provider set {name}`)"))?;
    Ok(fields)
}

fn field_or_default(name: ProviderName, fields: &Fields, field: Field) -> String {
    text_of(fields, field)
        .or_else(|| name.default_value(field, fields))
        .unwrap_or_default()
}

/// An app provider's credentials, checked and resolved.
pub fn app(store: &Store, name: ProviderName) -> Result<App, String> {
    let fields = provider_fields(store, name)?;
    let id_field = if name == ProviderName::Dingtalk {
        Field::AppKey
    } else {
        Field::AppId
    };
    Ok(App {
        provider: name,
        api_base: field_or_default(name, fields, Field::ApiBase),
        id: text_of(fields, id_field).unwrap_or_default(),
        secret: secret_of(fields, Field::AppSecret)?.unwrap_or_else(|| Revealed::new("")),
        agent_id: match fields.get(&Field::AgentId) {
            Some(Value::Number(n)) => *n,
            _ => 0,
        },
        ca_file: ca_file_of(fields, &format!("notify provider set {name}"))?,
    })
}

pub fn smtp_settings(store: &Store) -> Result<SmtpSettings, String> {
    let name = ProviderName::Smtp;
    let fields = provider_fields(store, name)?;
    let security = crate::providers::smtp_security(fields);
    Ok(SmtpSettings {
        host: text_of(fields, Field::Host).unwrap_or_default(),
        // A stored port was checked to be 1..=65535 when it was read.
        port: match fields.get(&Field::Port) {
            Some(Value::Number(n)) => u16::try_from(*n).unwrap_or(security.default_port()),
            _ => security.default_port(),
        },
        security,
        username: text_of(fields, Field::Username),
        password: secret_of(fields, Field::Password)?,
        from: text_of(fields, Field::From).unwrap_or_default(),
        ca_file: ca_file_of(fields, "notify provider set smtp")?,
    })
}

pub fn sms_vendor(store: &Store) -> Result<SmsVendor, String> {
    let name = ProviderName::Sms;
    let fields = provider_fields(store, name)?;
    let api_base = field_or_default(name, fields, Field::ApiBase);
    let empty = || Revealed::new("");
    let ca_file = ca_file_of(fields, "notify provider set sms")?;
    // `validate` above made sure the vendor is set.
    if crate::providers::vendor(fields) == Some(Vendor::Twilio) {
        return Ok(SmsVendor::Twilio {
            api_base,
            sid: text_of(fields, Field::AccountSid).unwrap_or_default(),
            token: secret_of(fields, Field::AuthToken)?.unwrap_or_else(empty),
            from: text_of(fields, Field::From).unwrap_or_default(),
            ca_file,
        });
    }
    Ok(SmsVendor::Aliyun {
        api_base,
        key_id: text_of(fields, Field::AccessKeyId).unwrap_or_default(),
        key_secret: secret_of(fields, Field::AccessKeySecret)?.unwrap_or_else(empty),
        region: field_or_default(name, fields, Field::Region),
        sign_name: text_of(fields, Field::SignName).unwrap_or_default(),
        template: text_of(fields, Field::TemplateCode).unwrap_or_default(),
        verify_template: text_of(fields, Field::VerifyTemplateCode),
        ca_file,
    })
}

/// The target for a configured channel (providers looked up, secrets resolved).
pub fn target_for(store: &Store, kind: Kind, channel: &Channel) -> Result<Target, String> {
    let f = &channel.fields;
    let ca_file = || ca_file_of(f, &format!("notify channel set {kind}"));
    Ok(match kind {
        Kind::DingtalkBot => Target::DingtalkBot {
            webhook: url_of(f, Field::Webhook),
            keyword: text_of(f, Field::Keyword).unwrap_or_else(|| DEFAULT_KEYWORD.into()),
            secret: secret_of(f, Field::Secret)?,
            ca_file: ca_file()?,
        },
        Kind::WecomBot => Target::WecomBot {
            webhook: url_of(f, Field::Webhook),
            ca_file: ca_file()?,
        },
        Kind::Webhook => Target::Webhook {
            url: url_of(f, Field::Url),
            method: f
                .get(&Field::SignatureMethod)
                .and_then(Value::signature_method)
                .unwrap_or(SignatureMethod::None),
            key: secret_of(f, Field::SignatureKey)?.unwrap_or_else(|| Revealed::new("")),
            ca_file: ca_file()?,
        },
        Kind::Dingtalk => Target::Dingtalk {
            app: app(store, ProviderName::Dingtalk)?,
            mobile: text_of(f, Field::Mobile),
            userid: None,
        },
        Kind::DingtalkExclusive => Target::Dingtalk {
            app: app(store, ProviderName::Dingtalk)?,
            mobile: None,
            userid: text_of(f, Field::EmployeeId),
        },
        Kind::Feishu => Target::Feishu {
            app: app(store, ProviderName::Feishu)?,
            mobile: text_of(f, Field::Mobile),
            email: None,
        },
        Kind::Lark | Kind::LarkMobile => Target::Feishu {
            app: app(store, ProviderName::Lark)?,
            mobile: text_of(f, Field::Mobile),
            email: if kind == Kind::Lark {
                text_of(f, Field::Email)
            } else {
                None
            },
        },
        Kind::Email => Target::Email {
            smtp: smtp_settings(store)?,
            to: text_of(f, Field::Address).unwrap_or_default(),
        },
        Kind::Sms => Target::Sms {
            vendor: sms_vendor(store)?,
            mobile: text_of(f, Field::Mobile).unwrap_or_default(),
            code: None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRETS: &[&str] = &[
        "robot-token",
        "SECsigning",
        "hook-key",
        "wecom-key",
        "app-secret",
        "smtp-password",
        "aliyun-secret",
        "twilio-token",
        "654321",
    ];

    #[test]
    fn debug_output_of_any_target_holds_no_secret() {
        let app = |provider| App {
            provider,
            api_base: "https://api.example".into(),
            id: "app".into(),
            secret: Revealed::new("app-secret"),
            agent_id: 1,
            ca_file: None,
        };
        let targets = [
            Target::DingtalkBot {
                webhook: "https://oapi.dingtalk.com/robot/send?access_token=robot-token".into(),
                keyword: "DMS".into(),
                secret: Some(Revealed::new("SECsigning")),
                ca_file: None,
            },
            Target::WecomBot {
                webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key".into(),
                ca_file: None,
            },
            Target::Webhook {
                url: "https://hooks.example/dms".into(),
                method: SignatureMethod::HmacSha256,
                key: Revealed::new("hook-key"),
                ca_file: Some("/etc/ssl/corp-ca.pem".into()),
            },
            Target::Dingtalk {
                app: app(ProviderName::Dingtalk),
                mobile: Some("+8613100000000".into()),
                userid: None,
            },
            Target::Feishu {
                app: app(ProviderName::Lark),
                mobile: None,
                email: Some("a@example.com".into()),
            },
            Target::Email {
                smtp: SmtpSettings {
                    host: "smtp.example".into(),
                    port: 465,
                    security: crate::transport::SmtpSecurity::Tls,
                    username: Some("dms".into()),
                    password: Some(Revealed::new("smtp-password")),
                    from: "dms@example.com".into(),
                    ca_file: None,
                },
                to: "a@example.com".into(),
            },
            Target::Sms {
                vendor: SmsVendor::Aliyun {
                    api_base: "https://dysmsapi.example".into(),
                    key_id: "id".into(),
                    key_secret: Revealed::new("aliyun-secret"),
                    region: "cn-hangzhou".into(),
                    sign_name: "DMS".into(),
                    template: "SMS_1".into(),
                    verify_template: None,
                    ca_file: None,
                },
                mobile: "+8613100000000".into(),
                code: Some("654321".into()),
            },
            Target::Sms {
                vendor: SmsVendor::Twilio {
                    api_base: "https://api.twilio.example".into(),
                    sid: "AC1".into(),
                    token: Revealed::new("twilio-token"),
                    from: "+15550000000".into(),
                    ca_file: None,
                },
                mobile: "+15551234567".into(),
                code: None,
            },
        ];
        for target in &targets {
            let shown = format!("{target:?} {target:#?}");
            for secret in SECRETS {
                assert!(!shown.contains(secret), "{secret} in {shown}");
            }
            assert!(shown.contains("****"), "{shown}");
        }
    }
}

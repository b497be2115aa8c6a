//! The ten channel kinds of DMS: their fields, how each is verified, and (in one file per kind) how a
//! message becomes a request and a response becomes an outcome.

pub mod dingtalk;
pub mod dingtalk_bot;
pub mod email;
pub mod feishu;
pub mod message;
pub mod reason;
pub mod sms;
pub mod webhook;
pub mod wecom_bot;
pub mod wire;

use std::fmt;
use std::str::FromStr;

use crate::providers::{CA_FILE, ProviderName};
use crate::values::{ChoiceSet, Field, FieldSpec, FieldType, Fields, SignatureMethod, Value};

/// A channel kind; the identifiers are part of the command line contract and the store format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Dingtalk,
    DingtalkExclusive,
    Feishu,
    Lark,
    LarkMobile,
    DingtalkBot,
    WecomBot,
    Email,
    Sms,
    Webhook,
}

/// How a channel proves its destination before it may be enabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// Nothing to prove (robots and webhooks).
    None,
    /// A code sent to the destination.
    Code,
    /// The provider's app finds the person.
    Lookup,
}

const MOBILE: &str = "+8613100000000";

const DINGTALK: &[FieldSpec] =
    &[FieldSpec::new(Field::Mobile, FieldType::Mobile, MOBILE).address()];
const DINGTALK_EXCLUSIVE: &[FieldSpec] =
    &[FieldSpec::new(Field::EmployeeId, FieldType::Text, "manager4321").address()];
const FEISHU: &[FieldSpec] = &[FieldSpec::new(Field::Mobile, FieldType::Mobile, MOBILE).address()];
const LARK: &[FieldSpec] = &[
    FieldSpec {
        required: false,
        ..FieldSpec::new(Field::Email, FieldType::Email, "alice@example.com").address()
    },
    FieldSpec {
        required: false,
        ..FieldSpec::new(Field::Mobile, FieldType::Mobile, MOBILE).address()
    },
];
const DINGTALK_BOT: &[FieldSpec] = &[
    FieldSpec::new(
        Field::Webhook,
        FieldType::RobotUrl("access_token"),
        "https://oapi.dingtalk.com/robot/send?access_token=...",
    )
    .required(),
    FieldSpec::new(Field::Keyword, FieldType::Text, "DMS").required(),
    FieldSpec::new(Field::Secret, FieldType::RobotSecret, "SEC0123456789abcdef"),
    CA_FILE,
];
const WECOM_BOT: &[FieldSpec] = &[
    FieldSpec::new(
        Field::Webhook,
        FieldType::RobotUrl("key"),
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...",
    )
    .required(),
    CA_FILE,
];
const EMAIL: &[FieldSpec] =
    &[FieldSpec::new(Field::Address, FieldType::Email, "alice@example.com").address()];
const SMS: &[FieldSpec] = &[FieldSpec::new(Field::Mobile, FieldType::Mobile, MOBILE).address()];
const WEBHOOK: &[FieldSpec] = &[
    FieldSpec::new(Field::Url, FieldType::Url, "https://hooks.example.com/dms").required(),
    FieldSpec::new(
        Field::SignatureMethod,
        FieldType::Choice(ChoiceSet::SignatureMethod),
        "HMAC_SHA256",
    )
    .required(),
    FieldSpec::new(Field::SignatureKey, FieldType::Secret, "a-long-random-key"),
    CA_FILE,
];

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Dingtalk,
        Kind::DingtalkExclusive,
        Kind::Feishu,
        Kind::Lark,
        Kind::LarkMobile,
        Kind::DingtalkBot,
        Kind::WecomBot,
        Kind::Email,
        Kind::Sms,
        Kind::Webhook,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Dingtalk => "dingtalk",
            Kind::DingtalkExclusive => "dingtalk-exclusive",
            Kind::Feishu => "feishu",
            Kind::Lark => "lark",
            Kind::LarkMobile => "lark-mobile",
            Kind::DingtalkBot => "dingtalk-bot",
            Kind::WecomBot => "wecom-bot",
            Kind::Email => "email",
            Kind::Sms => "sms",
            Kind::Webhook => "webhook",
        }
    }

    /// The name DMS gives this channel.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Dingtalk => "DingTalk Standard Edition",
            Kind::DingtalkExclusive => "DingTalk Exclusive Edition",
            Kind::Feishu => "Feishu",
            Kind::Lark => "Lark",
            Kind::LarkMobile => "Mobile phone (Lark)",
            Kind::DingtalkBot => "DingTalk chatbot",
            Kind::WecomBot => "WeCom chatbot",
            Kind::Email => "Email address",
            Kind::Sms => "Text message",
            Kind::Webhook => "Custom webhook",
        }
    }

    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Kind::Dingtalk => DINGTALK,
            Kind::DingtalkExclusive => DINGTALK_EXCLUSIVE,
            Kind::Feishu => FEISHU,
            Kind::Lark => LARK,
            Kind::LarkMobile => FEISHU,
            Kind::DingtalkBot => DINGTALK_BOT,
            Kind::WecomBot => WECOM_BOT,
            Kind::Email => EMAIL,
            Kind::Sms => SMS,
            Kind::Webhook => WEBHOOK,
        }
    }

    pub fn field(self, field: Field) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.name == field)
    }

    pub fn verification(self) -> Verification {
        match self {
            Kind::Dingtalk | Kind::DingtalkExclusive | Kind::Email | Kind::Sms => {
                Verification::Code
            }
            Kind::Feishu | Kind::Lark | Kind::LarkMobile => Verification::Lookup,
            Kind::DingtalkBot | Kind::WecomBot | Kind::Webhook => Verification::None,
        }
    }

    /// The provider whose credentials deliveries through this kind use.
    pub fn provider(self) -> Option<ProviderName> {
        match self {
            Kind::Dingtalk | Kind::DingtalkExclusive => Some(ProviderName::Dingtalk),
            Kind::Feishu => Some(ProviderName::Feishu),
            Kind::Lark | Kind::LarkMobile => Some(ProviderName::Lark),
            Kind::Email => Some(ProviderName::Smtp),
            Kind::Sms => Some(ProviderName::Sms),
            Kind::DingtalkBot | Kind::WecomBot | Kind::Webhook => None,
        }
    }

    /// Values a new channel of this kind starts with when the user gives none.
    /// The destination of a channel with these fields as tables show it: the field that says where
    /// messages go, secrets (tokens in webhook URLs included) masked.
    pub fn shown_destination(self, fields: &Fields) -> String {
        let field = match self {
            Kind::Lark if fields.contains_key(&Field::Email) => Some(Field::Email),
            Kind::Lark => Some(Field::Mobile),
            Kind::DingtalkBot | Kind::WecomBot => Some(Field::Webhook),
            Kind::Webhook => Some(Field::Url),
            _ => self.fields().first().map(|f| f.name),
        };
        field
            .and_then(|f| fields.get(&f))
            .map(|v| v.display(false))
            .unwrap_or_default()
    }

    pub fn defaults(self) -> &'static [(Field, &'static str)] {
        match self {
            Kind::DingtalkBot => &[(Field::Keyword, dingtalk_bot::DEFAULT_KEYWORD)],
            Kind::Webhook => {
                const UNSIGNED: &[(Field, &str)] =
                    &[(Field::SignatureMethod, SignatureMethod::None.as_str())];
                UNSIGNED
            }
            _ => &[],
        }
    }

    /// Rules that involve more than one field.
    pub fn check_fields(self, fields: &Fields) -> Result<(), String> {
        let get = |field: Field| fields.get(&field);
        match self {
            Kind::Lark if get(Field::Email).is_none() && get(Field::Mobile).is_none() => {
                Err("lark needs an email or a mobile (--email or --mobile)".to_owned())
            }
            Kind::Webhook => {
                let method = get(Field::SignatureMethod)
                    .and_then(Value::signature_method)
                    .unwrap_or(SignatureMethod::None);
                let key = get(Field::SignatureKey);
                if method != SignatureMethod::None && key.is_none() {
                    Err(format!(
                        "signature_key is required with signature_method {method} \
                         (--signature-key, --signature-key-stdin or --signature-key-env)"
                    ))
                } else if method == SignatureMethod::Standard
                    && let Some(Value::Secret(crate::values::Secret::Literal(key))) = key
                {
                    crate::signing::standard::key_bytes(key)
                        .map(drop)
                        .map_err(|e| format!("invalid signature_key: {e}"))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.as_str().replace('-', "_") == s)
            .ok_or_else(|| {
                let names: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "unknown channel kind `{s}` (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

impl clap::ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &Kind::ALL
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.as_str()).help(self.title()))
    }
}

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_their_names() {
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
        }
        assert!(
            "pager"
                .parse::<Kind>()
                .unwrap_err()
                .contains("dingtalk-bot")
        );
    }

    #[test]
    fn webhook_needs_a_key_unless_unsigned() {
        let mut fields = Fields::new();
        let method = |m| Value::Choice(crate::values::Choice::SignatureMethod(m));
        fields.insert(Field::SignatureMethod, method(SignatureMethod::HmacSha1));
        assert!(
            Kind::Webhook
                .check_fields(&fields)
                .unwrap_err()
                .contains("--signature-key")
        );
        fields.insert(Field::SignatureMethod, method(SignatureMethod::None));
        assert!(Kind::Webhook.check_fields(&fields).is_ok());
    }
}

//! Provider credentials (the apps and servers that app channels, email and SMS deliver through).

use std::fmt;
use std::str::FromStr;

use crate::values::{
    ChoiceSet, Field, FieldSpec, FieldType, Fields, SmtpSecurity, Value, Vendor, is_loopback_host,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProviderName {
    Dingtalk,
    Feishu,
    Lark,
    Smtp,
    Sms,
}

/// Defaults of fields the store may leave out (also the help of `provider set` and `provider show`).
pub const DINGTALK_API_BASE: &str = "https://oapi.dingtalk.com";
pub const FEISHU_API_BASE: &str = "https://open.feishu.cn";
pub const LARK_API_BASE: &str = "https://open.larksuite.com";
pub const ALIYUN_API_BASE: &str = "https://dysmsapi.aliyuncs.com";
pub const TWILIO_API_BASE: &str = "https://api.twilio.com";
pub const ALIYUN_REGION: &str = "cn-hangzhou";
/// The SMTP security of a provider that names none.
pub const SMTP_SECURITY: SmtpSecurity = SmtpSecurity::Tls;

/// Extra CA certificates for a private deployment (added to the platform's roots).
pub const CA_FILE: FieldSpec =
    FieldSpec::new(Field::CaFile, FieldType::CaFile, "/etc/ssl/corp-ca.pem");

const DINGTALK: &[FieldSpec] = &[
    FieldSpec::new(Field::AppKey, FieldType::Text, "dingxxxxxxxx").required(),
    FieldSpec::new(Field::AppSecret, FieldType::Secret, "the app secret").required(),
    FieldSpec::new(Field::AgentId, FieldType::Number, "2345678901").required(),
    FieldSpec::new(Field::ApiBase, FieldType::Url, DINGTALK_API_BASE),
    CA_FILE,
];
const FEISHU: &[FieldSpec] = &[
    FieldSpec::new(Field::AppId, FieldType::Text, "cli_a1b2c3d4e5f6").required(),
    FieldSpec::new(Field::AppSecret, FieldType::Secret, "the app secret").required(),
    FieldSpec::new(Field::ApiBase, FieldType::Url, FEISHU_API_BASE),
    CA_FILE,
];
const LARK: &[FieldSpec] = &[
    FieldSpec::new(Field::AppId, FieldType::Text, "cli_a1b2c3d4e5f6").required(),
    FieldSpec::new(Field::AppSecret, FieldType::Secret, "the app secret").required(),
    FieldSpec::new(Field::ApiBase, FieldType::Url, LARK_API_BASE),
    CA_FILE,
];
const SMTP: &[FieldSpec] = &[
    FieldSpec::new(Field::Host, FieldType::Host, "smtp.example.com").required(),
    FieldSpec::new(Field::Port, FieldType::Port, "465"),
    FieldSpec::new(
        Field::Security,
        FieldType::Choice(ChoiceSet::SmtpSecurity),
        SMTP_SECURITY.as_str(),
    ),
    FieldSpec::new(Field::Username, FieldType::Text, "dms@example.com"),
    FieldSpec::new(Field::Password, FieldType::Secret, "the SMTP password"),
    FieldSpec::new(Field::From, FieldType::Mailbox, "DMS <dms@example.com>").required(),
    CA_FILE,
];
const SMS: &[FieldSpec] = &[
    FieldSpec::new(
        Field::Vendor,
        FieldType::Choice(ChoiceSet::Vendor),
        "aliyun",
    )
    .required(),
    FieldSpec::new(Field::AccessKeyId, FieldType::Text, "LTAI5t..."),
    FieldSpec::new(
        Field::AccessKeySecret,
        FieldType::Secret,
        "the AccessKey secret",
    ),
    FieldSpec::new(Field::SignName, FieldType::Text, "DMS"),
    FieldSpec::new(Field::TemplateCode, FieldType::Text, "SMS_123456789"),
    FieldSpec::new(Field::VerifyTemplateCode, FieldType::Text, "SMS_987654321"),
    FieldSpec::new(Field::Region, FieldType::Text, ALIYUN_REGION),
    FieldSpec::new(Field::AccountSid, FieldType::Text, "ACxxxxxxxxxxxxxxxx"),
    FieldSpec::new(Field::AuthToken, FieldType::Secret, "the Twilio auth token"),
    FieldSpec::new(Field::From, FieldType::Text, "+15017122661"),
    FieldSpec::new(Field::ApiBase, FieldType::Url, ALIYUN_API_BASE),
    CA_FILE,
];

/// SMS fields each vendor needs.
const ALIYUN_FIELDS: &[Field] = &[
    Field::AccessKeyId,
    Field::AccessKeySecret,
    Field::SignName,
    Field::TemplateCode,
];
const TWILIO_FIELDS: &[Field] = &[Field::AccountSid, Field::AuthToken, Field::From];

impl ProviderName {
    pub const ALL: [ProviderName; 5] = [
        ProviderName::Dingtalk,
        ProviderName::Feishu,
        ProviderName::Lark,
        ProviderName::Smtp,
        ProviderName::Sms,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderName::Dingtalk => "dingtalk",
            ProviderName::Feishu => "feishu",
            ProviderName::Lark => "lark",
            ProviderName::Smtp => "smtp",
            ProviderName::Sms => "sms",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ProviderName::Dingtalk => "DingTalk internal app (work notices)",
            ProviderName::Feishu => "Feishu internal app",
            ProviderName::Lark => "Lark internal app",
            ProviderName::Smtp => "SMTP server for email",
            ProviderName::Sms => "SMS vendor (aliyun or twilio)",
        }
    }

    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            ProviderName::Dingtalk => DINGTALK,
            ProviderName::Feishu => FEISHU,
            ProviderName::Lark => LARK,
            ProviderName::Smtp => SMTP,
            ProviderName::Sms => SMS,
        }
    }

    pub fn field(self, field: Field) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.name == field)
    }

    /// The value a field takes when the store has none.
    pub fn default_value(self, field: Field, fields: &Fields) -> Option<String> {
        let twilio = vendor(fields) == Some(Vendor::Twilio);
        let default = match (self, field) {
            (ProviderName::Dingtalk, Field::ApiBase) => DINGTALK_API_BASE,
            (ProviderName::Feishu, Field::ApiBase) => FEISHU_API_BASE,
            (ProviderName::Lark, Field::ApiBase) => LARK_API_BASE,
            (ProviderName::Smtp, Field::Security) => SMTP_SECURITY.as_str(),
            (ProviderName::Smtp, Field::Port) => {
                return Some(smtp_security(fields).default_port().to_string());
            }
            (ProviderName::Sms, Field::Region) if !twilio => ALIYUN_REGION,
            (ProviderName::Sms, Field::ApiBase) if twilio => TWILIO_API_BASE,
            (ProviderName::Sms, Field::ApiBase) => ALIYUN_API_BASE,
            _ => return None,
        };
        Some(default.to_owned())
    }

    /// The fields the store leaves out that have a default, in table order, with that default.
    pub fn defaults(self, fields: &Fields) -> Vec<(&'static FieldSpec, String)> {
        self.fields()
            .iter()
            .filter(|spec| !fields.contains_key(&spec.name))
            .filter_map(|spec| Some((spec, self.default_value(spec.name, fields)?)))
            .collect()
    }

    /// Fields that must be present for the provider to be usable.
    pub fn needed_fields(self, fields: &Fields) -> Vec<Field> {
        let mut needed: Vec<Field> = self
            .fields()
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect();
        if self == ProviderName::Sms {
            match vendor(fields) {
                Some(Vendor::Twilio) => needed.extend(TWILIO_FIELDS),
                Some(Vendor::Aliyun) => needed.extend(ALIYUN_FIELDS),
                None => {}
            }
        }
        needed
    }

    /// A field among `given` that belongs to the other SMS vendor, if any.
    pub fn other_vendor_field(
        self,
        fields: &Fields,
        mut given: impl Iterator<Item = Field>,
    ) -> Option<Field> {
        if self != ProviderName::Sms {
            return None;
        }
        let other: &[Field] = match vendor(fields) {
            Some(Vendor::Twilio) => &[
                Field::AccessKeyId,
                Field::AccessKeySecret,
                Field::SignName,
                Field::TemplateCode,
                Field::VerifyTemplateCode,
                Field::Region,
            ],
            Some(Vendor::Aliyun) => TWILIO_FIELDS,
            None => return None,
        };
        given.find(|f| other.contains(f))
    }

    /// Rules across fields, checked whenever a provider is written or read.
    pub fn check_fields(self, fields: &Fields) -> Result<(), String> {
        let get = |field: Field| fields.get(&field);
        if self == ProviderName::Smtp
            && get(Field::Security).and_then(Value::smtp_security) == Some(SmtpSecurity::None)
            && let Some(host) = get(Field::Host).and_then(Value::as_text)
            && !is_loopback_host(host)
        {
            return Err(format!(
                "security none (plain SMTP) is allowed only towards a loopback host, not {host}; use tls or starttls"
            ));
        }
        Ok(())
    }
}

/// The SMS vendor of an `sms` provider's fields (none before one is set).
pub fn vendor(fields: &Fields) -> Option<Vendor> {
    fields.get(&Field::Vendor).and_then(Value::vendor)
}

/// The SMTP security of an `smtp` provider's fields, [`SMTP_SECURITY`] when it names none.
pub fn smtp_security(fields: &Fields) -> SmtpSecurity {
    fields
        .get(&Field::Security)
        .and_then(Value::smtp_security)
        .unwrap_or(SMTP_SECURITY)
}

impl fmt::Display for ProviderName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ProviderName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        ProviderName::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown provider `{s}` (expected one of: dingtalk, feishu, lark, smtp, sms)"
                )
            })
    }
}

impl clap::ValueEnum for ProviderName {
    fn value_variants<'a>() -> &'a [Self] {
        &ProviderName::ALL
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.as_str()).help(self.title()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_other_fields() {
        let mut fields = Fields::new();
        fields.insert(
            Field::Security,
            Value::Choice(crate::values::Choice::SmtpSecurity(SmtpSecurity::Starttls)),
        );
        let smtp: Vec<_> = ProviderName::Smtp
            .defaults(&fields)
            .into_iter()
            .map(|(spec, v)| (spec.name, v))
            .collect();
        assert_eq!(smtp, [(Field::Port, "587".to_owned())]);
        fields.insert(
            Field::Vendor,
            Value::Choice(crate::values::Choice::Vendor(Vendor::Twilio)),
        );
        assert_eq!(
            ProviderName::Sms
                .default_value(Field::ApiBase, &fields)
                .as_deref(),
            Some(TWILIO_API_BASE)
        );
        assert_eq!(
            ProviderName::Sms.default_value(Field::Region, &fields),
            None
        );
    }
}

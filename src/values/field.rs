//! The typed id of a channel or provider field. Code names fields by variant, so a typo is a compile
//! error; text from a user is looked up through a kind's or provider's table (`Schema::spec_named`).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

macro_rules! fields {
    ($($variant:ident => $name:literal,)*) => {
        /// A field of a channel kind or a provider; [`Field::as_str`] is its name in the store and on the
        /// command line.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field {
            $($variant,)*
        }

        impl Field {
            pub const ALL: &[Field] = &[$(Field::$variant,)*];

            /// The snake_case name used in the store, `--set KIND.FIELD`, CSV headers and JSON.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Field::$variant => $name,)*
                }
            }
        }
    };
}

fields! {
    Mobile => "mobile",
    EmployeeId => "employee_id",
    Email => "email",
    Webhook => "webhook",
    Keyword => "keyword",
    Secret => "secret",
    Address => "address",
    Url => "url",
    SignatureMethod => "signature_method",
    SignatureKey => "signature_key",
    AppKey => "app_key",
    AppId => "app_id",
    AppSecret => "app_secret",
    AgentId => "agent_id",
    ApiBase => "api_base",
    Host => "host",
    Port => "port",
    Security => "security",
    Username => "username",
    Password => "password",
    From => "from",
    Vendor => "vendor",
    AccessKeyId => "access_key_id",
    AccessKeySecret => "access_key_secret",
    SignName => "sign_name",
    TemplateCode => "template_code",
    VerifyTemplateCode => "verify_template_code",
    Region => "region",
    AccountSid => "account_sid",
    AuthToken => "auth_token",
    CaFile => "ca_file",
}

impl Field {
    /// The command-line flag that sets this field: `signature_key` -> `--signature-key`.
    pub fn flag(self) -> String {
        format!("--{}", self.as_str().replace('_', "-"))
    }
}

// `Fields` iterates in name order, as it did when it was keyed by the name itself (JSON and table output
// depend on it), so the order is the names' order, not the declaration order.
impl Ord for Field {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Field {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Any known field name; whether the field belongs to a kind or provider is the table's business.
impl FromStr for Field {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Field::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown field `{s}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::Kind;
    use crate::providers::ProviderName;
    use crate::store::Schema;

    #[test]
    fn every_field_of_every_table_parses_back_from_its_name() {
        let kinds = Kind::ALL.iter().flat_map(|k| {
            k.fields()
                .iter()
                .map(move |s| (k.to_string(), s.name, k.spec_named(s.name.as_str())))
        });
        let providers = ProviderName::ALL.iter().flat_map(|p| {
            p.fields()
                .iter()
                .map(move |s| (p.to_string(), s.name, p.spec_named(s.name.as_str())))
        });
        for (owner, field, found) in kinds.chain(providers) {
            assert_eq!(field.as_str().parse::<Field>(), Ok(field), "{owner}");
            assert_eq!(found.map(|s| s.name), Some(field), "{owner}.{field}");
        }
    }

    #[test]
    fn every_field_is_in_some_table_and_names_are_unique() {
        for field in Field::ALL {
            let used = Kind::ALL.iter().any(|k| k.field(*field).is_some())
                || ProviderName::ALL.iter().any(|p| p.field(*field).is_some());
            assert!(used, "{field} is in no table");
            let same = Field::ALL.iter().filter(|f| f.as_str() == field.as_str());
            assert_eq!(same.count(), 1, "{field}");
        }
    }

    #[test]
    fn unknown_names_are_refused() {
        assert_eq!(
            "adress".parse::<Field>(),
            Err("unknown field `adress`".to_owned())
        );
        assert!("Mobile".parse::<Field>().is_err());
        assert!("signature-key".parse::<Field>().is_err());
        assert!(Kind::Email.spec_named("mobile").is_none());
        assert!(ProviderName::Smtp.spec_named("app_secret").is_none());
        assert!(ProviderName::Smtp.spec_named("passwd").is_none());
    }

    #[test]
    fn fields_sort_by_name() {
        let mut all = Field::ALL.to_vec();
        all.sort();
        let names: Vec<_> = all.iter().map(|f| f.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        assert_eq!(Field::SignatureKey.flag(), "--signature-key");
    }
}

//! Provider credentials without the network: complete, every secret resolvable (an environment
//! variable set, a file readable...), the SMS vendor's keys well formed, CA files readable PEM.

use std::path::Path;

use super::{Area, Finding};
use crate::providers::{ProviderName, vendor};
use crate::store::{Fields, Schema, Store};
use crate::values::secret::hint_for;
use crate::values::{Field, Secret, Value, Vendor, load_ca_file};

const AREA: Area = Area::Providers;

pub fn check(store: &Store, out: &mut Vec<Finding>) {
    if store.providers.is_empty() {
        out.push(Finding::ok(AREA, "providers", "none configured"));
    }
    for (name, fields) in &store.providers.0 {
        let subject = format!("provider {name}");
        let fix = format!("notify provider set {name}");
        let before = out.len();
        if let Err(e) = name.validate(fields) {
            out.push(Finding::problem(AREA, &subject, e).hint(&fix));
        }
        secrets(AREA, &subject, &fix, fields, out);
        ca_file(AREA, &subject, &fix, fields, out);
        if *name == ProviderName::Sms {
            sms_shape(fields, &subject, &fix, out);
        }
        if out.len() == before {
            out.push(Finding::ok(AREA, subject, "complete; every secret is set"));
        }
    }
}

/// One finding per secret field that cannot be read now, with what to export or set.
pub(super) fn secrets(
    area: Area,
    subject: &str,
    fix: &str,
    fields: &Fields,
    out: &mut Vec<Finding>,
) {
    for (field, value) in fields.iter() {
        let Value::Secret(secret) = value else {
            continue;
        };
        if let Err(e) = secret.resolve() {
            let hint = match secret {
                Secret::Env(var) => format!("export {var}=..."),
                _ => hint_for(&e, || format!("{fix} {}-stdin", field.flag())),
            };
            out.push(Finding::problem(area, subject, format!("`{field}`: {e}")).hint(hint));
        }
    }
}

/// The stored CA file is still there and holds PEM certificates.
pub(super) fn ca_file(
    area: Area,
    subject: &str,
    fix: &str,
    fields: &Fields,
    out: &mut Vec<Finding>,
) {
    let Some(path) = fields.get(&Field::CaFile).and_then(Value::as_text) else {
        return;
    };
    if let Err(e) = load_ca_file(Path::new(path)) {
        out.push(
            Finding::problem(area, subject, format!("`ca_file`: {e}"))
                .hint(format!("{fix} --ca-file PEM")),
        );
    }
}

/// The vendor's keys look like keys of that vendor: a typo or a pasted quote is caught before a send.
fn sms_shape(fields: &Fields, subject: &str, fix: &str, out: &mut Vec<Finding>) {
    let text = |field| fields.get(&field).and_then(Value::as_text);
    let secret = |field| match fields.get(&field) {
        Some(Value::Secret(s)) => s.resolve().ok(),
        _ => None,
    };
    let mut bad = |field: Field, what: &str| {
        out.push(
            Finding::problem(AREA, subject, format!("`{field}` is not {what}"))
                .hint(format!("{fix} {}", field.flag())),
        );
    };
    match vendor(fields) {
        Some(Vendor::Twilio) => {
            if let Some(sid) = text(Field::AccountSid)
                && !(sid.len() == 34 && sid.starts_with("AC") && is_hex(&sid[2..]))
            {
                bad(
                    Field::AccountSid,
                    "a Twilio Account SID (AC and 32 hex digits)",
                );
            }
            if let Some(token) = secret(Field::AuthToken)
                && !(token.expose().len() == 32 && is_hex(token.expose()))
            {
                bad(Field::AuthToken, "a Twilio auth token (32 hex digits)");
            }
        }
        Some(Vendor::Aliyun) => {
            if let Some(id) = text(Field::AccessKeyId)
                && !((16..=32).contains(&id.len()) && is_alnum(id))
            {
                bad(
                    Field::AccessKeyId,
                    "an Alibaba Cloud AccessKey ID (16 to 32 letters and digits, e.g. LTAI5t...)",
                );
            }
            if let Some(key) = secret(Field::AccessKeySecret)
                && !(key.expose().len() == 30 && is_alnum(key.expose()))
            {
                bad(
                    Field::AccessKeySecret,
                    "an Alibaba Cloud AccessKey secret (30 letters and digits)",
                );
            }
        }
        None => {}
    }
}

fn is_hex(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_alnum(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(toml: &str) -> Vec<Finding> {
        let store: Store = toml::from_str(toml).unwrap();
        let mut out = Vec::new();
        check(&store, &mut out);
        out
    }

    #[test]
    fn vendor_keys_of_the_wrong_shape_are_problems_and_good_ones_pass() {
        let twilio = |sid: &str, token: &str| {
            format!(
                "version = 1\n[providers.sms]\nvendor = \"twilio\"\naccount_sid = \"{sid}\"\nauth_token = \"{token}\"\nfrom = \"+15550000000\"\n"
            )
        };
        let good = findings(&twilio(&format!("AC{}", "0a".repeat(16)), &"f".repeat(32)));
        assert!(
            good.iter().all(|f| f.status == super::super::Status::Ok),
            "{good:?}"
        );
        let bad = findings(&twilio("AC123", &"f".repeat(31)));
        let messages: Vec<_> = bad.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(messages[0].contains("account_sid"), "{messages:?}");
        assert!(messages[1].contains("auth_token"), "{messages:?}");
        assert!(
            !format!("{bad:?}").contains(&"f".repeat(31)),
            "no secret in a finding"
        );
        let aliyun = "version = 1\n[providers.sms]\nvendor = \"aliyun\"\naccess_key_id = \"LTAI-oops\"\n\
            access_key_secret = \"short\"\nsign_name = \"DMS\"\ntemplate_code = \"SMS_1\"\n";
        let bad = findings(aliyun);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert_eq!(
            bad[0].hint.as_deref(),
            Some("notify provider set sms --access-key-id")
        );
    }
}

//! Field types shared by channels and providers: validation, normalisation, secrets and masking.
//!
//! Every value a user can give (a flag, a `--set KIND.FIELD=VALUE`, a CSV cell, a line of the store) goes
//! through [`FieldSpec::parse`], so the same rules and the same messages apply everywhere. `field` holds
//! the typed field ids, `secret` the redacting secret types (and `keyring` the entries they may live in), `mobile` the E.164 rules, `host` the
//! loopback and URL checks, `mask` the masking of credentials in URLs, `ca` private CA files, `vec_map`
//! the small sorted map that holds a record's fields (and a user's channels).

mod ca;
mod choice;
mod field;
mod host;
pub mod keyring;
mod mask;
mod mobile;
mod regions;
pub mod secret;
mod secret_url;
mod vec_map;

use std::fmt;

pub use ca::load_ca_file;
pub use choice::{Choice, ChoiceSet, SignatureMethod, SmtpSecurity, Vendor};
pub use field::Field;
pub use host::is_loopback_host;
use host::{check_robot_url, check_url};
pub use mask::mask_url_tokens;
pub use mobile::{mainland_bare, normalize_mobile};
pub use secret::{KeyringRef, Revealed, Secret, check_env_name, read_secret_file};
pub use secret_url::SecretUrl;
pub use vec_map::VecMap;

/// What kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// A mobile number, stored in E.164.
    Mobile,
    /// A bare email address.
    Email,
    /// An address with an optional display name: `DMS <dms@example.com>`.
    Mailbox,
    /// An `https` URL (`http` only towards a loopback host).
    Url,
    /// A group robot's URL: a [`FieldType::Url`] whose query carries this parameter (its token).
    RobotUrl(&'static str),
    /// A DingTalk robot signing secret (`SEC...`).
    RobotSecret,
    /// Any other secret (app secrets, passwords, keys).
    Secret,
    /// A non-empty single line of text.
    Text,
    /// A positive whole number.
    Number,
    /// A TCP port.
    Port,
    /// A host name or IP address.
    Host,
    /// One of a closed set, held as its enum ([`Choice`]).
    Choice(ChoiceSet),
    /// A PEM file of CA certificates, stored as an absolute path; it must exist and parse when set.
    CaFile,
}

/// One field of a channel kind or a provider.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: Field,
    pub ty: FieldType,
    pub required: bool,
    /// Identifies the destination: changing it clears the channel's verification.
    pub address: bool,
    pub example: &'static str,
}

impl FieldSpec {
    pub const fn new(name: Field, ty: FieldType, example: &'static str) -> Self {
        FieldSpec {
            name,
            ty,
            required: false,
            address: false,
            example,
        }
    }
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub const fn address(mut self) -> Self {
        self.address = true;
        self.required = true;
        self
    }
    pub fn is_secret(&self) -> bool {
        matches!(self.ty, FieldType::Secret | FieldType::RobotSecret)
    }
    /// The command-line flag that sets this field.
    pub fn flag(&self) -> String {
        self.name.flag()
    }
    /// Validates and normalises a value given as text; the message names what was expected and an example.
    pub fn parse(&self, raw: &str) -> Result<Value, String> {
        let raw = raw.trim();
        let fail = |what: &str| Err(format!("{what}, e.g. {}", self.example));
        if raw.is_empty() {
            return fail("expected a value");
        }
        if raw.chars().any(char::is_control) {
            return fail("control characters are not allowed");
        }
        match self.ty {
            FieldType::Mobile => normalize_mobile(raw).map(Value::Text).or_else(|e| fail(&e)),
            FieldType::Email => match raw.parse::<lettre::Address>() {
                // Domains are case-insensitive: `A@Example.COM` and `A@example.com` are one address.
                Ok(a) => Ok(Value::Text(format!(
                    "{}@{}",
                    a.user(),
                    a.domain().to_ascii_lowercase()
                ))),
                Err(_) => fail("expected an email address"),
            },
            FieldType::Mailbox => match raw.parse::<lettre::message::Mailbox>() {
                Ok(m) => Ok(Value::Text(m.to_string())),
                Err(_) => fail("expected an email address, optionally with a name"),
            },
            FieldType::Url => check_url(raw)
                .map(|()| Value::Text(raw.to_owned()))
                .or_else(|e| fail(&e)),
            FieldType::RobotUrl(param) => check_robot_url(raw, param)
                .map(|()| Value::Text(raw.to_owned()))
                .or_else(|e| fail(&e)),
            FieldType::RobotSecret => {
                if raw.starts_with("SEC") && raw.len() > 3 && !raw.contains(char::is_whitespace) {
                    Ok(Value::Secret(Secret::Literal(raw.to_owned())))
                } else {
                    fail("expected the robot's signing secret, which starts with SEC")
                }
            }
            FieldType::Secret => Ok(Value::Secret(Secret::Literal(raw.to_owned()))),
            FieldType::Text => Ok(Value::Text(raw.to_owned())),
            FieldType::Number => match raw.parse::<i64>() {
                Ok(n) if n > 0 => Ok(Value::Number(n)),
                _ => fail("expected a positive whole number"),
            },
            FieldType::Port => match raw.parse::<u16>() {
                Ok(n) if n > 0 => Ok(Value::Number(i64::from(n))),
                _ => fail("expected a port number from 1 to 65535"),
            },
            FieldType::Host => {
                if raw.contains(|c: char| c.is_whitespace() || c == '/' || c == '@') {
                    fail("expected a host name or IP address")
                } else {
                    Ok(Value::Text(raw.to_owned()))
                }
            }
            FieldType::Choice(set) => set.parse(raw).map(Value::Choice),
            FieldType::CaFile => ca::check_ca_file(raw).and_then(|path| match path.to_str() {
                Some(p) => Ok(Value::Text(p.to_owned())),
                None => fail("expected a path that is valid UTF-8"),
            }),
        }
    }
    /// Accepts text read back from the store: as [`FieldSpec::parse`], except that a CA file is not
    /// opened. It was checked when it was set and may have moved since; the store must still load so
    /// that `set` can fix it, and a send through it reports the problem.
    pub fn parse_stored(&self, raw: &str) -> Result<Value, String> {
        if self.ty != FieldType::CaFile {
            return self.parse(raw);
        }
        let fail = |what: &str| Err(format!("{what}, e.g. {}", self.example));
        if raw.chars().any(char::is_control) {
            fail("control characters are not allowed")
        } else if !std::path::Path::new(raw).is_absolute() {
            // `set` stores absolute paths; a relative one would change meaning with the working folder.
            fail("expected the absolute path of a PEM file")
        } else {
            Ok(Value::Text(raw.to_owned()))
        }
    }
    /// Accepts a number straight from the store (ports, agent ids).
    pub fn parse_number(&self, n: i64) -> Result<Value, String> {
        match self.ty {
            FieldType::Number | FieldType::Port => self.parse(&n.to_string()),
            _ => Err(format!("expected text, e.g. {}", self.example)),
        }
    }
}

/// Field values keyed by their id (in name order).
pub type Fields = VecMap<Field, Value>;

/// A stored field value.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Value {
    Text(String),
    Number(i64),
    Secret(Secret),
    /// A value of a closed set (signature method, SMTP security, SMS vendor).
    Choice(Choice),
}

impl Value {
    /// The text of a text value, or the spelling of a choice.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::Choice(c) => Some(c.as_str()),
            _ => None,
        }
    }
    pub fn as_choice(&self) -> Option<Choice> {
        match self {
            Value::Choice(c) => Some(*c),
            _ => None,
        }
    }
    pub fn signature_method(&self) -> Option<SignatureMethod> {
        match self {
            Value::Choice(Choice::SignatureMethod(m)) => Some(*m),
            _ => None,
        }
    }
    pub fn smtp_security(&self) -> Option<SmtpSecurity> {
        match self {
            Value::Choice(Choice::SmtpSecurity(s)) => Some(*s),
            _ => None,
        }
    }
    pub fn vendor(&self) -> Option<Vendor> {
        match self {
            Value::Choice(Choice::Vendor(v)) => Some(*v),
            _ => None,
        }
    }
    /// How the value is shown to a user: secrets as `****` (or the variable they come from), tokens in
    /// URLs masked, unless `reveal`.
    pub fn display(&self, reveal: bool) -> String {
        match self {
            Value::Text(t) if reveal => t.clone(),
            Value::Text(t) => mask_url_tokens(t),
            Value::Number(n) => n.to_string(),
            Value::Secret(s) => s.display(reveal),
            Value::Choice(c) => c.as_str().to_owned(),
        }
    }
    /// The JSON form of [`Value::display`].
    pub fn to_json(&self, reveal: bool) -> serde_json::Value {
        match self {
            Value::Number(n) => serde_json::Value::from(*n),
            other => serde_json::Value::from(other.display(reveal)),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_need_https_except_on_loopback() {
        let spec = FieldSpec::new(Field::Url, FieldType::Url, "https://example.com/hook");
        assert!(spec.parse("https://example.com/x").is_ok());
        assert!(spec.parse("http://127.0.0.1:8787/x").is_ok());
        assert!(spec.parse("http://localhost/x").is_ok());
        assert!(
            spec.parse("http://example.com/x")
                .unwrap_err()
                .contains("loopback")
        );
        assert!(spec.parse("ftp://example.com").is_err());
        let robot = FieldSpec::new(
            Field::Webhook,
            FieldType::RobotUrl("access_token"),
            "https://oapi.dingtalk.com/robot/send?access_token=...",
        );
        assert!(
            robot
                .parse("http://127.0.0.1:9/robot/send?access_token=t")
                .is_ok()
        );
        assert_eq!(
            robot.parse("https://oapi.dingtalk.com/robot/send?token=t"),
            Err(
                "the URL has no access_token: copy the robot's whole URL, its access_token=... \
                 included, e.g. https://oapi.dingtalk.com/robot/send?access_token=..."
                    .to_owned()
            )
        );
        assert!(
            robot
                .parse("https://oapi.dingtalk.com/robot/send?access_token=")
                .is_err()
        );
        assert!(
            spec.parse("nonsense")
                .unwrap_err()
                .contains("e.g. https://example.com/hook")
        );
    }

    #[test]
    fn ca_files_are_checked_when_set_but_not_when_the_store_is_read() {
        let spec = FieldSpec::new(Field::CaFile, FieldType::CaFile, "/etc/ssl/corp-ca.pem");
        let gone = "/nonexistent/corp-ca.pem";
        assert!(
            spec.parse(gone)
                .unwrap_err()
                .contains("cannot read the CA file")
        );
        assert_eq!(spec.parse_stored(gone), Ok(Value::Text(gone.into())));
        assert!(
            spec.parse_stored("ca.pem")
                .unwrap_err()
                .contains("absolute")
        );
        assert!(spec.parse_stored("/a\u{1b}b").is_err());
    }

    #[test]
    fn choices_and_robot_secrets() {
        let spec = FieldSpec::new(
            Field::Security,
            FieldType::Choice(ChoiceSet::SmtpSecurity),
            "tls",
        );
        assert_eq!(
            spec.parse("STARTTLS"),
            Ok(Value::Choice(Choice::SmtpSecurity(SmtpSecurity::Starttls)))
        );
        assert!(
            spec.parse("ssl")
                .unwrap_err()
                .contains("tls, starttls, none")
        );
        let spec = FieldSpec::new(Field::Secret, FieldType::RobotSecret, "SECxxxx");
        assert!(spec.parse("SECabc").is_ok());
        assert!(spec.parse("abc").unwrap_err().contains("starts with SEC"));
    }
}

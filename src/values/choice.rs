//! The closed sets a field can hold (signature method, SMTP security, SMS vendor): enums from the
//! moment a value is read, spelled in the store and on the command line as their `as_str` says.

use std::fmt;
use std::str::FromStr;

pub use crate::signing::SignatureMethod;

/// SMTP connection security.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmtpSecurity {
    /// Implicit TLS (port 465).
    Tls,
    /// Plain connect, then STARTTLS (required).
    Starttls,
    /// No encryption at all: only when asked for by name, and only towards a loopback host.
    None,
}

impl SmtpSecurity {
    pub const ALL: [SmtpSecurity; 3] = [
        SmtpSecurity::Tls,
        SmtpSecurity::Starttls,
        SmtpSecurity::None,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            SmtpSecurity::Tls => "tls",
            SmtpSecurity::Starttls => "starttls",
            SmtpSecurity::None => "none",
        }
    }

    /// The port this security uses unless one is given.
    pub const fn default_port(self) -> u16 {
        match self {
            SmtpSecurity::Tls => 465,
            SmtpSecurity::Starttls => 587,
            SmtpSecurity::None => 25,
        }
    }
}

impl fmt::Display for SmtpSecurity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SmtpSecurity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        SmtpSecurity::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("invalid SMTP security {s:?}: expected tls, starttls or none"))
    }
}

/// The SMS vendor of the `sms` provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vendor {
    Aliyun,
    Twilio,
}

impl Vendor {
    pub const ALL: [Vendor; 2] = [Vendor::Aliyun, Vendor::Twilio];

    pub const fn as_str(self) -> &'static str {
        match self {
            Vendor::Aliyun => "aliyun",
            Vendor::Twilio => "twilio",
        }
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which closed set a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceSet {
    SignatureMethod,
    SmtpSecurity,
    Vendor,
}

/// A value of one of the closed sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    SignatureMethod(SignatureMethod),
    SmtpSecurity(SmtpSecurity),
    Vendor(Vendor),
}

impl Choice {
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::SignatureMethod(m) => m.as_str(),
            Choice::SmtpSecurity(s) => s.as_str(),
            Choice::Vendor(v) => v.as_str(),
        }
    }
}

impl ChoiceSet {
    /// Every value of the set.
    pub fn all(self) -> Vec<Choice> {
        match self {
            ChoiceSet::SignatureMethod => SignatureMethod::ALL
                .into_iter()
                .map(Choice::SignatureMethod)
                .collect(),
            ChoiceSet::SmtpSecurity => SmtpSecurity::ALL
                .into_iter()
                .map(Choice::SmtpSecurity)
                .collect(),
            ChoiceSet::Vendor => Vendor::ALL.into_iter().map(Choice::Vendor).collect(),
        }
    }

    /// The spellings of the set, in order.
    pub fn names(self) -> Vec<&'static str> {
        self.all().into_iter().map(Choice::as_str).collect()
    }

    /// The value `raw` names, in any case and with `-` for `_`; the error lists the choices.
    pub fn parse(self, raw: &str) -> Result<Choice, String> {
        let raw = raw.trim();
        self.all()
            .into_iter()
            .find(|c| {
                let name = c.as_str();
                name.eq_ignore_ascii_case(raw) || name.replace('_', "-").eq_ignore_ascii_case(raw)
            })
            .ok_or_else(|| format!("expected one of {}", self.names().join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_set_parses_its_spellings_and_refuses_the_rest() {
        assert_eq!(
            ChoiceSet::SmtpSecurity.parse("STARTTLS"),
            Ok(Choice::SmtpSecurity(SmtpSecurity::Starttls))
        );
        assert_eq!(
            ChoiceSet::SignatureMethod.parse("hmac-sha256"),
            Ok(Choice::SignatureMethod(SignatureMethod::HmacSha256))
        );
        assert_eq!(
            ChoiceSet::Vendor.parse("ssl"),
            Err("expected one of aliyun, twilio".to_owned())
        );
        assert_eq!(SmtpSecurity::Starttls.default_port(), 587);
        assert!("ssl".parse::<SmtpSecurity>().is_err());
    }
}

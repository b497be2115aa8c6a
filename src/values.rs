//! Field types shared by channels and providers: validation, normalisation, secrets and masking.
//!
//! Every value a user can give (a flag, a `--set KIND.FIELD=VALUE`, a CSV cell, a line of the store) goes
//! through [`FieldSpec::parse`], so the same rules and the same messages apply everywhere.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;

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
    /// One of a fixed set of words (stored as written in the list).
    Choice(&'static [&'static str]),
}

/// One field of a channel kind or a provider.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
    /// Identifies the destination: changing it clears the channel's verification.
    pub address: bool,
    pub example: &'static str,
}

impl FieldSpec {
    pub const fn new(name: &'static str, ty: FieldType, example: &'static str) -> Self {
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
        format!("--{}", self.name.replace('_', "-"))
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
            FieldType::Mobile => match normalize_mobile(raw) {
                Some(m) => Ok(Value::Text(m)),
                None => fail(
                    "expected an 11-digit mainland China mobile or + and a country code followed by the number",
                ),
            },
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
            FieldType::Choice(words) => words
                .iter()
                .find(|w| {
                    w.eq_ignore_ascii_case(raw) || w.replace('_', "-").eq_ignore_ascii_case(raw)
                })
                .map(|w| Value::Text((*w).to_owned()))
                .ok_or_else(|| format!("expected one of {}", words.join(", "))),
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

/// Field values keyed by their name in the field table.
pub type Fields = BTreeMap<&'static str, Value>;

/// A stored field value.
#[derive(Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(i64),
    Secret(Secret),
}

impl Value {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
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

/// A secret: the value itself, or the name of the environment variable that holds it.
#[derive(Clone, PartialEq, Eq)]
pub enum Secret {
    Literal(String),
    Env(String),
}

impl Secret {
    pub fn display(&self, reveal: bool) -> String {
        match self {
            Secret::Literal(s) if reveal => s.clone(),
            Secret::Literal(_) => "****".to_owned(),
            Secret::Env(var) => format!("${var}"),
        }
    }
    /// The secret's value, reading the environment variable when it is a reference.
    pub fn resolve(&self) -> Result<Revealed, String> {
        match self {
            Secret::Literal(s) => Ok(Revealed(s.clone())),
            Secret::Env(var) => match std::env::var(var) {
                Ok(v) if !v.is_empty() => Ok(Revealed(v)),
                _ => Err(format!("the environment variable {var} is not set")),
            },
        }
    }
}

/// A resolved secret on its way to signing or the wire. `Debug` prints `****` and there is no
/// `Display`: only [`Revealed::expose`] reads it (signing, the request builders, the transport).
#[derive(Clone, PartialEq, Eq)]
pub struct Revealed(String);

impl Revealed {
    pub fn new(value: impl Into<String>) -> Self {
        Revealed(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Revealed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(false))
    }
}

/// Checks that a name can be used as an environment variable reference.
pub fn check_env_name(var: &str) -> Result<(), String> {
    let ok = !var.is_empty()
        && !var.starts_with(|c: char| c.is_ascii_digit())
        && var.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{var}` is not an environment variable name, e.g. SMTP_PASSWORD"
        ))
    }
}

/// Normalises a mobile number to E.164: `+` and 7 to 15 digits, or a bare 11-digit mainland number.
pub fn normalize_mobile(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    if let Some(rest) = compact.strip_prefix('+') {
        let ok = (7..=15).contains(&rest.len())
            && rest.bytes().all(|b| b.is_ascii_digit())
            && !rest.starts_with('0');
        return ok.then(|| format!("+{rest}"));
    }
    let mainland = compact.len() == 11
        && compact.starts_with('1')
        && compact.bytes().all(|b| b.is_ascii_digit());
    mainland.then(|| format!("+86{compact}"))
}

/// The mainland-China form of a mobile: `+8613100000000` -> `13100000000`; others unchanged.
pub fn mainland_bare(e164: &str) -> &str {
    match e164.strip_prefix("+86") {
        Some(rest) if rest.len() == 11 => rest,
        _ => e164,
    }
}

/// Whether a host name is this machine (`localhost`, 127.0.0.0/8, `::1`).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn check_url(raw: &str) -> Result<(), String> {
    let url = url::Url::parse(raw).map_err(|e| format!("not a URL ({e})"))?;
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "https" if !host.is_empty() => Ok(()),
        "http" if is_loopback_host(host) => Ok(()),
        "http" => Err("plain http is allowed only towards a loopback host; use https".to_owned()),
        _ => Err("expected an https URL".to_owned()),
    }
}

/// Query parameters whose values are credentials.
const TOKEN_PARAMS: &[&str] = &["access_token", "key", "token", "secret", "appsecret"];

/// Masks the credentials a URL carries: token query parameters, a password, and the token segment of a
/// Feishu/Lark hook. It works on the text as written (no re-encoding, so a masked URL differs from the
/// original only where a credential was) and on text that does not even parse as a URL.
pub fn mask_url_tokens(text: &str) -> String {
    let (base, query) = match text.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (text, None),
    };
    let mut out = mask_authority_and_hook(base);
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if is_token_param(k) => format!("{k}=****"),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

fn is_token_param(name: &str) -> bool {
    let name = url::form_urlencoded::parse(name.as_bytes())
        .next()
        .map(|(k, _)| k.into_owned())
        .unwrap_or_default();
    TOKEN_PARAMS.iter().any(|t| name.eq_ignore_ascii_case(t))
}

/// `scheme://user:password@host/...` -> `scheme://user:****@host/...`; `/hook/<token>` -> `/hook/****`.
fn mask_authority_and_hook(base: &str) -> String {
    let mut out = base.to_owned();
    if let Some(start) = out.find("://").map(|i| i + 3) {
        let end = out[start..].find('/').map_or(out.len(), |i| start + i);
        if let Some(at) = out[start..end].rfind('@').map(|i| start + i)
            && let Some(colon) = out[start..at].find(':').map(|i| start + i)
        {
            out.replace_range(colon + 1..at, "****");
        }
    }
    if let Some(start) = out.find("/hook/").map(|i| i + "/hook/".len()) {
        let end = out[start..].find('/').map_or(out.len(), |i| start + i);
        if end > start {
            out.replace_range(start..end, "****");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_normalise_to_e164() {
        assert_eq!(
            normalize_mobile("13100000000").as_deref(),
            Some("+8613100000000")
        );
        assert_eq!(
            normalize_mobile("+44 7700 900123").as_deref(),
            Some("+447700900123")
        );
        assert_eq!(normalize_mobile("12345"), None);
        assert_eq!(normalize_mobile("23100000000"), None);
        assert_eq!(normalize_mobile("+0123456789"), None);
        assert_eq!(mainland_bare("+8613100000000"), "13100000000");
        assert_eq!(mainland_bare("+447700900123"), "+447700900123");
    }

    #[test]
    fn urls_need_https_except_on_loopback() {
        let spec = FieldSpec::new("url", FieldType::Url, "https://example.com/hook");
        assert!(spec.parse("https://example.com/x").is_ok());
        assert!(spec.parse("http://127.0.0.1:8787/x").is_ok());
        assert!(spec.parse("http://localhost/x").is_ok());
        assert!(
            spec.parse("http://example.com/x")
                .unwrap_err()
                .contains("loopback")
        );
        assert!(spec.parse("ftp://example.com").is_err());
        assert!(
            spec.parse("nonsense")
                .unwrap_err()
                .contains("e.g. https://example.com/hook")
        );
    }

    #[test]
    fn tokens_in_urls_are_masked() {
        assert_eq!(
            mask_url_tokens("https://oapi.dingtalk.com/robot/send?access_token=abc123"),
            "https://oapi.dingtalk.com/robot/send?access_token=****"
        );
        assert_eq!(
            mask_url_tokens("https://open.feishu.cn/open-apis/bot/v2/hook/abcdef"),
            "https://open.feishu.cn/open-apis/bot/v2/hook/****"
        );
        assert_eq!(
            mask_url_tokens("https://example.com/x?a=1"),
            "https://example.com/x?a=1"
        );
        assert_eq!(mask_url_tokens("alice@example.com"), "alice@example.com");
        assert_eq!(
            mask_url_tokens("https//oapi.dingtalk.com/robot/send?access_token=LEAK&x=1"),
            "https//oapi.dingtalk.com/robot/send?access_token=****&x=1"
        );
        assert_eq!(
            mask_url_tokens("https://bot:pw@hooks.example.com/x?sign=a%2Bb"),
            "https://bot:****@hooks.example.com/x?sign=a%2Bb"
        );
    }

    #[test]
    fn secrets_never_print() {
        let revealed = Secret::Literal("hunter2".into()).resolve().unwrap();
        assert_eq!(format!("{revealed:?}"), "****");
        assert_eq!(revealed.expose(), "hunter2");
        let s = Value::Secret(Secret::Literal("hunter2".into()));
        assert_eq!(format!("{s:?}"), "****");
        assert_eq!(s.display(true), "hunter2");
        assert_eq!(
            Value::Secret(Secret::Env("PW".into())).display(false),
            "$PW"
        );
    }

    #[test]
    fn choices_and_robot_secrets() {
        let spec = FieldSpec::new(
            "security",
            FieldType::Choice(&["tls", "starttls", "none"]),
            "tls",
        );
        assert_eq!(spec.parse("STARTTLS"), Ok(Value::Text("starttls".into())));
        assert!(
            spec.parse("ssl")
                .unwrap_err()
                .contains("tls, starttls, none")
        );
        let spec = FieldSpec::new("secret", FieldType::RobotSecret, "SECxxxx");
        assert!(spec.parse("SECabc").is_ok());
        assert!(spec.parse("abc").unwrap_err().contains("starts with SEC"));
    }
}

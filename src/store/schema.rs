//! The on-disk schema of the store (version 1): users, their channels, Notice Management and providers;
//! the notification rules and custom events are in `store::rules` (re-exported here and from `store`).
//!
//! Channel and provider fields are driven by the field tables in `channels` and `providers`, so the store
//! is checked by the same rules as the command line. Deserialising straight from the TOML text lets the
//! parser report the line and column of a bad value.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::channels::{Kind, Verification};
use crate::providers::ProviderName;
pub use crate::values::Fields;
use crate::values::{Field, FieldSpec, KeyringRef, Secret, Value, VecMap, check_env_name};

pub use super::mute::{Mute, OnMute};
pub use super::rules::{CustomEvent, DefaultRole, EventId, Rule};

pub const CURRENT_VERSION: i64 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Store {
    pub version: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_user: Option<String>,
    #[serde(default)]
    pub notice: Notice,
    #[serde(default, skip_serializing_if = "Providers::is_empty")]
    pub providers: Providers,
    #[serde(default)]
    pub users: BTreeMap<String, User>,
    /// Rules that differ from their default, by event id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<EventId, Rule>,
    /// Custom events added by an operator (the built-in catalogue lives in `rules`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub events: BTreeMap<EventId, CustomEvent>,
    /// Mute windows by name, for rules and users' quiet hours.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mute: BTreeMap<String, Mute>,
}

impl Store {
    /// A stored user's display name; empty for a user without one or a name the store does not know.
    pub fn display_name(&self, user: &str) -> String {
        self.users
            .get(user)
            .and_then(|u| u.display_name.clone())
            .unwrap_or_default()
    }
}

impl Default for Store {
    fn default() -> Self {
        Store {
            version: CURRENT_VERSION,
            default_user: None,
            notice: Notice::default(),
            providers: Providers::default(),
            users: BTreeMap::new(),
            rules: BTreeMap::new(),
            events: BTreeMap::new(),
            mute: BTreeMap::new(),
        }
    }
}

/// Notice Management: the kinds an administrator has switched off for everyone.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    #[serde(default)]
    pub disabled: Vec<Kind>,
}

impl Notice {
    pub fn allows(&self, kind: Kind) -> bool {
        !self.disabled.contains(&kind)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    /// A mute window every delivery to this user waits out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_hours: Option<String>,
    /// Channel kinds tried in order, the first that delivers instead of every enabled channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallback: Vec<Kind>,
    #[serde(default, skip_serializing_if = "Channels::is_empty")]
    pub channels: Channels,
}

/// One configured channel of a user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Channel {
    pub fields: Fields,
    pub enabled: bool,
    pub verified: bool,
    /// The outstanding verification code, if one was sent.
    pub pending: Option<Box<PendingCode>>,
    /// When the last code was sent (Unix seconds), kept even when an address change drops the code,
    /// so that changing the address back and forth cannot send more than one code a minute.
    pub code_sent_at: Option<i64>,
}

impl Channel {
    pub fn text(&self, field: Field) -> Option<&str> {
        self.fields.get(&field).and_then(Value::as_text)
    }
    /// Verified, or a kind that needs no verification.
    pub fn is_verified(&self, kind: Kind) -> bool {
        self.verified || kind.verification() == Verification::None
    }
    /// The code waiting to be confirmed, unless it went to another destination than the channel's
    /// (an address edited by hand in the store): such a code proves nothing about this one.
    pub fn waiting_code(&self, kind: Kind) -> Option<&PendingCode> {
        self.pending
            .as_deref()
            .filter(|p| p.to.is_empty() || p.to == kind.shown_destination(&self.fields))
    }
    /// Where the waiting code went, as shown.
    pub fn code_sent_to(&self, kind: Kind) -> Option<String> {
        let code = self.waiting_code(kind)?;
        Some(if code.to.is_empty() {
            kind.shown_destination(&self.fields)
        } else {
            code.to.clone()
        })
    }
}

/// A verification code waiting to be confirmed: only its salted digest is kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendingCode {
    pub salt: String,
    pub digest: String,
    /// Unix seconds.
    pub sent_at: i64,
    pub expires_at: i64,
    pub attempts: u32,
    /// Where the code went, as shown (`Kind::shown_destination`): it proves that destination only.
    /// Empty in records written before notify kept it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to: String,
}

/// A user's channels, in the contract's kind order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Channels(pub VecMap<Kind, Channel>);

impl Channels {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The configured providers.
#[derive(Debug, Clone, Default)]
pub struct Providers(pub BTreeMap<ProviderName, Fields>);

impl Providers {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What the generic field machinery needs to know about a channel kind or a provider.
pub trait Schema: Copy + fmt::Display {
    fn specs(self) -> &'static [FieldSpec];
    /// Fields that must be present, given the others.
    fn needed(self, fields: &Fields) -> Vec<Field>;
    /// Rules across fields.
    fn cross_check(self, fields: &Fields) -> Result<(), String>;
    /// `channel email` / `provider smtp`, for messages.
    fn describe(self) -> String;

    fn spec(self, field: Field) -> Option<&'static FieldSpec> {
        self.specs().iter().find(|f| f.name == field)
    }
    /// The field a user's text names, if this kind or provider has it (`--set`, CSV, TOML, flags).
    fn spec_named(self, name: &str) -> Option<&'static FieldSpec> {
        self.specs().iter().find(|f| f.name.as_str() == name)
    }
    /// Every rule a complete record must satisfy.
    fn validate(self, fields: &Fields) -> Result<(), String> {
        let missing: Vec<_> = self
            .needed(fields)
            .into_iter()
            .filter(|n| !fields.contains_key(n))
            .collect();
        if let Some(first) = missing.first() {
            let spec = self
                .spec(*first)
                .map_or_else(String::new, |s| format!(" (e.g. {})", s.example));
            return Err(format!("{} is missing `{first}`{spec}", self.describe()));
        }
        self.cross_check(fields)
    }
}

impl Schema for Kind {
    fn specs(self) -> &'static [FieldSpec] {
        self.fields()
    }
    fn needed(self, fields: &Fields) -> Vec<Field> {
        // A signed webhook needs its key: listing it here lets `channel set` ask for it (or name its flag).
        let signed = self == Kind::Webhook
            && fields
                .get(&Field::SignatureMethod)
                .and_then(Value::as_text)
                .is_some_and(|m| m != "NONE");
        self.fields()
            .iter()
            .filter(|f| f.required || (signed && f.name == Field::SignatureKey))
            .map(|f| f.name)
            .collect()
    }
    fn cross_check(self, fields: &Fields) -> Result<(), String> {
        self.check_fields(fields)
    }
    fn describe(self) -> String {
        format!("channel {self}")
    }
}

impl Schema for ProviderName {
    fn specs(self) -> &'static [FieldSpec] {
        self.fields()
    }
    fn needed(self, fields: &Fields) -> Vec<Field> {
        self.needed_fields(fields)
    }
    fn cross_check(self, fields: &Fields) -> Result<(), String> {
        self.check_fields(fields)
    }
    fn describe(self) -> String {
        format!("provider {self}")
    }
}

/// Writes fields in table order; a secret kept elsewhere goes under `<name>_env`, `<name>_file` or
/// `<name>_keyring` with where it is.
fn serialize_fields<M: SerializeMap>(
    map: &mut M,
    specs: &[FieldSpec],
    fields: &Fields,
) -> Result<(), M::Error> {
    for spec in specs {
        let name = spec.name.as_str();
        match fields.get(&spec.name) {
            None => {}
            Some(Value::Text(t)) => map.serialize_entry(name, t)?,
            Some(Value::Number(n)) => map.serialize_entry(name, n)?,
            Some(Value::Choice(c)) => map.serialize_entry(name, c.as_str())?,
            Some(Value::Secret(Secret::Literal(s))) => map.serialize_entry(name, s)?,
            Some(Value::Secret(Secret::Env(var))) => {
                map.serialize_entry(&SecretForm::Env.key(name), var)?
            }
            Some(Value::Secret(Secret::File(path))) => {
                let path = path.to_str().ok_or_else(|| {
                    serde::ser::Error::custom(format!("the path of `{name}_file` is not UTF-8"))
                })?;
                map.serialize_entry(&SecretForm::File.key(name), path)?
            }
            Some(Value::Secret(Secret::Keyring(r))) => {
                map.serialize_entry(&SecretForm::Keyring.key(name), &r.to_string())?
            }
        }
    }
    Ok(())
}

/// How a key of a record holds its field: the value itself, or where a secret is kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SecretForm {
    Value,
    Env,
    File,
    Keyring,
}

impl SecretForm {
    const SUFFIXES: [(&str, SecretForm); 3] = [
        ("_env", SecretForm::Env),
        ("_file", SecretForm::File),
        ("_keyring", SecretForm::Keyring),
    ];
    fn key(self, name: &str) -> String {
        let suffix = Self::SUFFIXES
            .iter()
            .find(|(_, form)| *form == self)
            .map_or("", |(suffix, _)| suffix);
        format!("{name}{suffix}")
    }
    /// The field a key names and its form; a suffix counts only on a secret field's name.
    fn of<S: Schema>(schema: S, key: &str) -> (&str, SecretForm) {
        Self::SUFFIXES
            .iter()
            .find_map(|(suffix, form)| {
                key.strip_suffix(suffix)
                    .filter(|base| schema.spec_named(base).is_some_and(FieldSpec::is_secret))
                    .map(|base| (base, *form))
            })
            .unwrap_or((key, SecretForm::Value))
    }
}

/// Reads one field value, validating it as the command line would.
struct ValueSeed {
    spec: &'static FieldSpec,
    form: SecretForm,
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a value for `{}` such as {}",
            self.spec.name, self.spec.example
        )
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        let name = self.spec.name;
        let key = self.form.key(name.as_str());
        match self.form {
            SecretForm::Value => self
                .spec
                .parse_stored(v)
                .map_err(|e| E::custom(format!("invalid `{name}`: {e}"))),
            SecretForm::Env => {
                check_env_name(v).map_err(|e| E::custom(format!("invalid `{key}`: {e}")))?;
                Ok(Value::Secret(Secret::Env(v.to_owned())))
            }
            SecretForm::File => {
                // Stored absolute: a relative path would change meaning with the working folder.
                if v.contains(char::is_control) || !std::path::Path::new(v).is_absolute() {
                    return Err(E::custom(format!(
                        "invalid `{key}`: expected the absolute path of a file, e.g. /run/secrets/{name}"
                    )));
                }
                Ok(Value::Secret(Secret::File(v.into())))
            }
            SecretForm::Keyring => KeyringRef::parse(v)
                .map(|r| Value::Secret(Secret::Keyring(r)))
                .map_err(|e| E::custom(format!("invalid `{key}`: {e}"))),
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        if self.form != SecretForm::Value {
            return Err(E::invalid_type(de::Unexpected::Signed(v), &self));
        }
        let name = self.spec.name;
        self.spec
            .parse_number(v)
            .map_err(|e| E::custom(format!("invalid `{name}`: {e}")))
    }
}

/// Reads the fields (and, for channels, the state keys) of one table.
struct RecordVisitor<S> {
    schema: S,
    with_state: bool,
}

#[derive(Default)]
struct Record {
    fields: Fields,
    enabled: Option<bool>,
    verified: Option<bool>,
    pending: Option<PendingCode>,
    code_sent_at: Option<i64>,
}

impl<'de, S: Schema> Visitor<'de> for RecordVisitor<S> {
    type Value = Record;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the table of {}", self.schema.describe())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "enabled" if self.with_state => record.enabled = Some(map.next_value()?),
                "verified" if self.with_state => record.verified = Some(map.next_value()?),
                "verification" if self.with_state => record.pending = Some(map.next_value()?),
                "code_sent_at" if self.with_state => record.code_sent_at = Some(map.next_value()?),
                other => {
                    let (name, form) = SecretForm::of(self.schema, other);
                    let Some(spec) = self.schema.spec_named(name) else {
                        let known: Vec<_> = self
                            .schema
                            .specs()
                            .iter()
                            .map(|s| s.name.as_str())
                            .collect();
                        return Err(de::Error::custom(format!(
                            "unknown field `{other}` in {} (its fields: {})",
                            self.schema.describe(),
                            known.join(", ")
                        )));
                    };
                    if record.fields.contains_key(&spec.name) {
                        return Err(de::Error::custom(format!("`{}` is given twice", spec.name)));
                    }
                    let value = map.next_value_seed(ValueSeed { spec, form })?;
                    record.fields.insert(spec.name, value);
                }
            }
        }
        self.schema
            .validate(&record.fields)
            .map_err(de::Error::custom)?;
        Ok(record)
    }
}

impl Serialize for Channels {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (kind, channel) in &self.0 {
            map.serialize_entry(kind.as_str(), &ChannelOut(*kind, channel))?;
        }
        map.end()
    }
}

struct ChannelOut<'a>(Kind, &'a Channel);

impl Serialize for ChannelOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ChannelOut(kind, channel) = self;
        let mut map = s.serialize_map(None)?;
        serialize_fields(&mut map, kind.fields(), &channel.fields)?;
        map.serialize_entry("enabled", &channel.enabled)?;
        if kind.verification() != Verification::None {
            map.serialize_entry("verified", &channel.verified)?;
        }
        if let Some(at) = channel.code_sent_at {
            map.serialize_entry("code_sent_at", &at)?;
        }
        if let Some(pending) = &channel.pending {
            map.serialize_entry("verification", pending)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Channels {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Channels;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of channels by kind")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Channels, A::Error> {
                let mut out = VecMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let kind: Kind = key.parse().map_err(de::Error::custom)?;
                    let record = map.next_value_seed(SeedOf(RecordVisitor {
                        schema: kind,
                        with_state: true,
                    }))?;
                    out.insert(
                        kind,
                        Channel {
                            fields: record.fields,
                            enabled: record.enabled.unwrap_or(false),
                            verified: record
                                .verified
                                .unwrap_or(kind.verification() == Verification::None),
                            pending: record.pending.map(Box::new),
                            code_sent_at: record.code_sent_at,
                        },
                    );
                }
                Ok(Channels(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl Serialize for Providers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, fields) in &self.0 {
            map.serialize_entry(name.as_str(), &ProviderOut(*name, fields))?;
        }
        map.end()
    }
}

struct ProviderOut<'a>(ProviderName, &'a Fields);

impl Serialize for ProviderOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        serialize_fields(&mut map, self.0.fields(), self.1)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for Providers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Providers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of providers by name")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Providers, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let name: ProviderName = key.parse().map_err(de::Error::custom)?;
                    let record = map.next_value_seed(SeedOf(RecordVisitor {
                        schema: name,
                        with_state: false,
                    }))?;
                    out.insert(name, record.fields);
                }
                Ok(Providers(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// Adapts a map visitor into a seed for `next_value_seed`.
struct SeedOf<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for SeedOf<V> {
    type Value = V::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_map(self.0)
    }
}

#[cfg(test)]
mod tests;

//! Changes to user profiles shared by the self-service (`channel ...`) and administrator (`user ...`)
//! commands: turning given values into validated fields, applying them, and the rules for enabling.
//! `channel` is a user's change to their own channel, `import` parses the files of `user import`,
//! `provider` changes provider credentials, `user` is an administrator's change to any user.

pub mod channel;
pub mod import;
pub mod provider;
pub mod user;

use anyhow::Result;

use crate::channels::{Kind, Verification};
use crate::error::Error;
use crate::store::{Channel, Fields, Schema, Store};
use crate::values::{Field, FieldSpec, Secret, Value, check_env_name};

/// How a field's value was given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(String),
    /// `--X-stdin`: one line read from standard input.
    Stdin,
    /// `--X-env VAR`: keep only a reference to the environment variable.
    Env(String),
    /// `--X-file PATH`: keep only the path of the file that holds the secret.
    File(std::path::PathBuf),
}

impl Input {
    /// Combines the forms of a secret flag (clap keeps them mutually exclusive).
    pub fn secret(
        value: Option<&String>,
        stdin: bool,
        env: Option<&String>,
        file: Option<&std::path::PathBuf>,
    ) -> Option<Input> {
        match (value, stdin, env, file) {
            (Some(v), ..) => Some(Input::Text(v.clone())),
            (_, true, ..) => Some(Input::Stdin),
            (_, _, Some(var), _) => Some(Input::Env(var.clone())),
            (.., Some(path)) => Some(Input::File(path.clone())),
            _ => None,
        }
    }
}

/// Validates given inputs against a kind's or provider's fields. Flags that do not belong to it are
/// usage errors that list the flags it does take. `stdin_line` gives the line an `--X-stdin` flag
/// reads (the caller owns stdin; it is asked with the flag's name).
pub fn resolve_inputs<S: Schema>(
    schema: S,
    inputs: Vec<(Field, Input)>,
    stdin_line: &dyn Fn(&str) -> Result<String>,
) -> Result<Vec<(&'static FieldSpec, Value)>> {
    let mut out = Vec::new();
    for (field, input) in inputs {
        let Some(spec) = schema.spec(field) else {
            let flags: Vec<String> = schema.specs().iter().map(FieldSpec::flag).collect();
            return Err(Error::usage(format!(
                "{} does not apply to {} (it takes {})",
                field.flag(),
                schema.describe(),
                flags.join(", ")
            ))
            .into());
        };
        let value = match input {
            Input::Text(raw) => spec.parse(&raw).map_err(|e| {
                Error::usage(format!(
                    "invalid {} for {}: {e}",
                    spec.flag(),
                    schema.describe()
                ))
            })?,
            Input::Stdin => {
                let line = stdin_line(&format!("{}-stdin", spec.flag()))?;
                spec.parse(&line).map_err(|e| {
                    Error::usage(format!(
                        "invalid {}-stdin for {}: {e}",
                        spec.flag(),
                        schema.describe()
                    ))
                })?
            }
            Input::Env(var) => {
                check_env_name(&var)
                    .map_err(|e| Error::usage(format!("invalid {}-env: {e}", spec.flag())))?;
                Value::Secret(Secret::Env(var))
            }
            Input::File(path) => {
                Value::Secret(Secret::File(secret_file(spec, &path).map_err(|e| {
                    let hint = crate::values::secret::hint_for(&e, || {
                        format!("put the {} alone in the file", spec.name)
                    });
                    Error::usage(format!("invalid {}-file: {e}", spec.flag())).hint(hint)
                })?))
            }
        };
        out.push((spec, value));
    }
    Ok(out)
}

/// The absolute path a `--X-file` gives. A file that is there must be one the secret can be read from
/// (mode 0600 or stricter, a valid value); one that is not yet (a credential a service manager provides
/// when it starts the service) is read when the secret is used.
fn secret_file(spec: &FieldSpec, path: &std::path::Path) -> Result<std::path::PathBuf, String> {
    let path = std::path::absolute(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.to_str().is_none_or(|p| p.contains(char::is_control)) {
        return Err(format!("{} is not a plain UTF-8 path", path.display()));
    }
    if path.exists() {
        let value = crate::values::read_secret_file(&path)?;
        spec.parse(value.expose()).map_err(|e| {
            format!(
                "the file {} does not hold a valid {}: {e}",
                path.display(),
                spec.name
            )
        })?;
    }
    Ok(path)
}

/// Applies changes to fields; returns whether an address field changed value.
pub fn apply_fields(fields: &mut Fields, changes: &[(&'static FieldSpec, Value)]) -> bool {
    let mut address_changed = false;
    for (spec, value) in changes {
        let old = fields.insert(spec.name, value.clone());
        if spec.address && old.as_ref() != Some(value) {
            address_changed = true;
        }
    }
    address_changed
}

/// What happened to a channel's verification when it was changed.
#[derive(Debug, PartialEq, Eq)]
pub enum VerificationChange {
    Unchanged,
    Cleared,
}

/// Sets fields on a channel. An administrator's values count as verified; a user's changed address clears
/// the verification (and any code waiting to be confirmed) and disables the channel until it is verified
/// and enabled again, so that nothing reads as enabled while it cannot be used.
pub fn update_channel(
    channel: &mut Channel,
    kind: Kind,
    changes: &[(&'static FieldSpec, Value)],
    admin: bool,
) -> Result<VerificationChange, String> {
    for (field, default) in kind.defaults() {
        if !channel.fields.contains_key(field)
            && let Some(spec) = kind.field(*field)
            && let Ok(value) = spec.parse(default)
        {
            channel.fields.insert(spec.name, value);
        }
    }
    let address_changed = apply_fields(&mut channel.fields, changes);
    kind.validate(&channel.fields)?;
    if kind.verification() == Verification::None {
        channel.verified = true;
        return Ok(VerificationChange::Unchanged);
    }
    if admin {
        channel.verified = true;
        channel.pending = None;
        Ok(VerificationChange::Unchanged)
    } else if address_changed && (channel.verified || channel.pending.is_some()) {
        channel.verified = false;
        channel.enabled = false;
        channel.pending = None;
        Ok(VerificationChange::Cleared)
    } else {
        if address_changed {
            channel.pending = None;
        }
        Ok(VerificationChange::Unchanged)
    }
}

/// Refuses a kind that Notice Management has switched off (exit 1, with the command that fixes it).
pub fn ensure_available(store: &Store, kind: Kind) -> Result<()> {
    if store.notice.allows(kind) {
        Ok(())
    } else {
        Err(Error::failure(format!(
            "channel kind {kind} is switched off in Notice Management"
        ))
        .hint(format!(
            "an administrator can switch it on with `notify notice enable {kind}`"
        ))
        .into())
    }
}

/// The error for a user without a channel of this kind, with the command that configures one.
pub fn no_channel(user: &str, kind: Kind) -> anyhow::Error {
    Error::failure(format!("{user} has no {kind} channel configured"))
        .hint(format!("configure it with `notify channel set {kind}`"))
        .into()
}

/// A user's channel of this kind, or [`no_channel`].
pub fn channel_of<'a>(store: &'a Store, user: &str, kind: Kind) -> Result<&'a Channel> {
    store
        .users
        .get(user)
        .and_then(|u| u.channels.0.get(&kind))
        .ok_or_else(|| no_channel(user, kind))
}

/// Checks that a user's channel may be enabled: configured, available, verified.
pub fn ensure_enableable(store: &Store, user: &str, kind: Kind) -> Result<()> {
    let channel = channel_of(store, user, kind)?;
    ensure_available(store, kind)?;
    if !channel.is_verified(kind) {
        return Err(
            Error::failure(format!("the {kind} channel of {user} is not verified yet"))
                .hint(format!("verify it with `notify channel verify {kind}`"))
                .into(),
        );
    }
    Ok(())
}

/// A user name usable as a store key and on the command line.
pub fn check_user_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "invalid user name `{name}`: use 1 to 64 letters, digits, `.`, `_`, `-` or `@`, e.g. alice"
        ))
    }
}

/// Checks a free-text value (a display name, a role, a description): one line, no control characters
/// (an escape sequence in a name would reach every administrator's terminal).
pub fn check_text(what: &str, value: &str) -> Result<(), String> {
    match value.chars().find(|c| c.is_control()) {
        Some(c) => Err(format!(
            "{what} `{}` contains a control character ({}); use plain text",
            crate::output::visible(value, false),
            c.escape_default()
        )),
        None => Ok(()),
    }
}

/// Switches kinds on or off in Notice Management, for everyone.
/// Returns the kinds that were not switched that way already.
pub fn switch_notice(store: &mut Store, kinds: &[Kind], on: bool) -> Vec<Kind> {
    let disabled = &mut store.notice.disabled;
    let mut changed: Vec<Kind> = kinds
        .iter()
        .copied()
        .filter(|k| disabled.contains(k) == on)
        .collect();
    changed.sort();
    changed.dedup();
    if on {
        disabled.retain(|k| !kinds.contains(k));
    } else {
        disabled.extend(&changed);
        disabled.sort();
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_address_clears_verification_only_for_users() {
        let mut channel = Channel {
            verified: true,
            enabled: true,
            ..Channel::default()
        };
        let spec = Kind::Email.field(Field::Address).expect("field");
        let value = spec.parse("a@example.com").expect("valid");
        let got = update_channel(&mut channel, Kind::Email, &[(spec, value.clone())], false);
        assert_eq!(got, Ok(VerificationChange::Cleared));
        assert!(!channel.verified);
        assert_eq!(
            update_channel(&mut channel, Kind::Email, &[(spec, value)], false),
            Ok(VerificationChange::Unchanged)
        );
        let other = spec.parse("b@example.com").expect("valid");
        update_channel(&mut channel, Kind::Email, &[(spec, other)], true).expect("admin");
        assert!(channel.verified);
    }
}

//! A user's change to their own channel (`channel set`): what it would give, what is still missing, and
//! saving it.

use anyhow::Result;

use crate::channels::Kind;
use crate::error::Error;
use crate::store::{Fields, Schema, Store};
use crate::values::{Field, FieldSpec, Value};

use super::{
    VerificationChange, apply_fields, ensure_available, ensure_enableable, update_channel,
};

/// The channel's fields as they would be after `changes`, with the kind's defaults filled in.
pub fn preview(
    store: &Store,
    user: &str,
    kind: Kind,
    changes: &[(&'static FieldSpec, Value)],
) -> Result<Fields> {
    let mut fields = store
        .users
        .get(user)
        .and_then(|u| u.channels.0.get(&kind))
        .map(|c| c.fields.clone())
        .unwrap_or_default();
    apply_fields(&mut fields, changes);
    for (field, default) in kind.defaults() {
        if !fields.contains_key(field)
            && let Some(spec) = kind.field(*field)
        {
            fields.insert(spec.name, spec.parse(default).map_err(Error::usage)?);
        }
    }
    Ok(fields)
}

/// The fields a preview still lacks, in the order to ask for them (a Lark channel with neither an email
/// nor a mobile asks for the email).
pub fn missing_fields(kind: Kind, preview: &Fields) -> Vec<&'static FieldSpec> {
    let mut missing: Vec<&'static FieldSpec> = Vec::new();
    for field in kind.needed(preview) {
        if !preview.contains_key(&field)
            && !missing.iter().any(|s| s.name == field)
            && let Some(spec) = kind.field(field)
        {
            missing.push(spec);
        }
    }
    let has =
        |field: Field| preview.contains_key(&field) || missing.iter().any(|s| s.name == field);
    if kind == Kind::Lark
        && !has(Field::Email)
        && !has(Field::Mobile)
        && let Some(spec) = kind.field(Field::Email)
    {
        missing.push(spec);
    }
    missing
}

/// Refuses a change that changes nothing on a channel that exists.
pub fn check(
    store: &Store,
    user: &str,
    kind: Kind,
    changes: &[(&'static FieldSpec, Value)],
) -> Result<()> {
    let exists = store
        .users
        .get(user)
        .is_some_and(|u| u.channels.0.contains_key(&kind));
    if changes.is_empty() && exists {
        return Err(Error::usage(format!("nothing to change for {kind}"))
            .hint(format!("give the fields to set; `notify channel set --help` lists them, `notify channel show {kind}` shows the current values"))
            .into());
    }
    Ok(())
}

/// A saved channel's state.
#[derive(Debug)]
pub struct Saved {
    pub change: VerificationChange,
    pub verified: bool,
    pub enabled: bool,
    /// Where the code waiting to be confirmed went, as shown.
    pub code_sent_to: Option<String>,
}

/// Refuses a user that does not exist, unless it is `own`: the user a `channel` command acts on without
/// --user (the store's default user, else the login name), whom a first `channel set` creates.
pub fn ensure_user(store: &Store, user: &str, own: bool) -> Result<()> {
    if own || store.users.contains_key(user) {
        return Ok(());
    }
    Err(Error::failure(format!("no user named {user}"))
        .hint(format!(
            "add it with `notify user add {user}` first; `notify user list` shows the users"
        ))
        .into())
}

/// Applies the user's change (under the store's lock). An `own` user (see `ensure_user`) is created
/// when missing and becomes the store's default user when it has none.
pub fn save(
    store: &mut Store,
    user: &str,
    kind: Kind,
    changes: &[(&'static FieldSpec, Value)],
    own: bool,
) -> Result<Saved> {
    ensure_available(store, kind)?;
    ensure_user(store, user, own)?;
    if store.default_user.is_none() && own {
        store.default_user = Some(user.to_owned());
    }
    let channel = store
        .users
        .entry(user.to_owned())
        .or_default()
        .channels
        .0
        .get_or_insert_default(kind);
    let change = update_channel(channel, kind, changes, false).map_err(Error::usage)?;
    Ok(Saved {
        change,
        verified: channel.is_verified(kind),
        enabled: channel.enabled,
        code_sent_to: channel.code_sent_to(kind),
    })
}

/// Enables or disables the user's channels, all or none: enabling checks each channel may be enabled
/// (configured, available, verified), disabling that it exists.
pub fn set_enabled(store: &mut Store, user: &str, kinds: &[Kind], on: bool) -> Result<()> {
    for kind in kinds {
        if on {
            ensure_enableable(store, user, *kind)?;
        } else if !store
            .users
            .get(user)
            .is_some_and(|u| u.channels.0.contains_key(kind))
        {
            return Err(Error::failure(format!("{user} has no {kind} channel"))
                .hint("`notify channel list` shows the configured channels")
                .into());
        }
    }
    if let Some(u) = store.users.get_mut(user) {
        for kind in kinds {
            if let Some(channel) = u.channels.0.get_mut(kind) {
                channel.enabled = on;
            }
        }
    }
    Ok(())
}

/// Removes one of the user's channels with its state and any code waiting.
pub fn remove(store: &mut Store, user: &str, kind: Kind) -> Result<()> {
    let removed = store
        .users
        .get_mut(user)
        .and_then(|u| u.channels.0.remove(&kind));
    match removed {
        Some(_) => Ok(()),
        None => Err(
            Error::failure(format!("{user} has no {kind} channel to remove"))
                .hint("`notify channel list` shows the configured channels")
                .into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lark_asks_for_an_email_only_without_email_or_mobile() {
        let names = |fields: &Fields| -> Vec<_> {
            missing_fields(Kind::Lark, fields)
                .iter()
                .map(|s| s.name)
                .collect()
        };
        assert_eq!(names(&Fields::new()), [Field::Email]);
        let mut fields = Fields::new();
        fields.insert(Field::Mobile, Value::Text("+8613100000000".into()));
        assert!(names(&fields).is_empty());
    }
}

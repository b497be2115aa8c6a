//! An administrator's changes to users (`user add`, `modify`, `remove`, a row of `user import`): values
//! set this way count as verified.

use anyhow::Result;

use crate::channels::Kind;
use crate::error::Error;
use crate::store::{Schema, Store, User};
use crate::values::{FieldSpec, Secret, Value, check_env_name};

use super::{check_text, check_user_name, ensure_available, update_channel};

/// Adds a user that does not exist yet.
pub fn add(store: &mut Store, name: &str, user: User) -> Result<()> {
    check_user_name(name).map_err(Error::usage)?;
    check_free_text(user.display_name.as_deref(), &user.roles).map_err(Error::usage)?;
    if store.users.contains_key(name) {
        return Err(
            Error::failure(format!("a user named {name} already exists"))
                .hint(format!("change it with `notify user modify {name}`"))
                .into(),
        );
    }
    store.users.insert(name.to_owned(), user);
    Ok(())
}

/// Removes a user (and stops it being the default user).
pub fn remove(store: &mut Store, name: &str) -> Result<()> {
    if store.users.remove(name).is_none() {
        return Err(Error::failure(format!("no user named {name}"))
            .hint("`notify user list` shows the users")
            .into());
    }
    if store.default_user.as_deref() == Some(name) {
        store.default_user = None;
    }
    Ok(())
}

/// `user modify`: applies the change all together or not at all. `create` allows a new user.
pub fn modify(store: &mut Store, name: &str, change: &UserChange, create: bool) -> Result<()> {
    if !create && !store.users.contains_key(name) {
        return Err(Error::failure(format!("no user named {name}"))
            .hint(format!(
                "add it with `notify user add {name}`, or pass --create"
            ))
            .into());
    }
    for kind in &change.enable {
        ensure_available(store, *kind)?;
    }
    // Like `channel disable`, a channel the user does not have is a refused change (exit 1), not a
    // usage error.
    let has = |kind: &Kind| {
        change.sets.iter().any(|(k, _, _)| k == kind)
            || store
                .users
                .get(name)
                .is_some_and(|u| u.channels.0.contains_key(kind))
    };
    if let Some(kind) = change
        .disable
        .iter()
        .find(|k| !has(k) && !change.enable.contains(k))
    {
        return Err(Error::failure(format!(
            "cannot disable {kind}: {name} has no {kind} channel; nothing was changed"
        ))
        .hint(format!("`notify user show {name}` lists {name}'s channels"))
        .into());
    }
    apply_user_change(store, name, change, create).map_err(|e| {
        Error::usage(e).hint("set fields with --set KIND.FIELD=VALUE (e.g. --set webhook.url=https://...); nothing was changed")
    })?;
    Ok(())
}

/// An administrator's change to one user (`user modify`, one row of `user import`).
#[derive(Debug, Default, Clone)]
pub struct UserChange {
    pub display_name: Option<String>,
    pub roles: Option<Vec<String>>,
    pub sets: Vec<(Kind, &'static FieldSpec, Value)>,
    pub enable: Vec<Kind>,
    pub disable: Vec<Kind>,
}

/// Parses `KIND.FIELD=VALUE` (or `KIND.FIELD_env=VAR` for a secret).
pub fn parse_assignment(text: &str) -> Result<(Kind, &'static FieldSpec, Value), String> {
    // Without `=` the text may be `KIND.FIELD:SECRET` or a pasted secret: name only what looks like a key.
    let (key, raw) = text.split_once('=').ok_or_else(|| {
        let key: String = text
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            .take(40)
            .collect();
        format!(
            "`{key}...` is not KIND.FIELD=VALUE (the value is not shown), e.g. email.address=alice@example.com"
        )
    })?;
    parse_field(key.trim(), raw)
}

/// Finds the field a `KIND.FIELD` key names; `KIND.FIELD_env` names a secret kept as a reference.
pub fn lookup_field(key: &str) -> Result<(Kind, &'static FieldSpec, bool), String> {
    let (kind, field) = key
        .split_once('.')
        .ok_or_else(|| format!("`{key}` is not KIND.FIELD, e.g. email.address"))?;
    let kind: Kind = kind.parse()?;
    if let Some(base) = field.strip_suffix("_env")
        && let Some(spec) = kind.spec_named(base).filter(|s| s.is_secret())
    {
        return Ok((kind, spec, true));
    }
    let spec = kind.spec_named(field).ok_or_else(|| {
        let names: Vec<_> = kind
            .fields()
            .iter()
            .map(|f| format!("{kind}.{}", f.name))
            .collect();
        format!(
            "{kind} has no field `{field}` (its fields: {})",
            names.join(", ")
        )
    })?;
    Ok((kind, spec, false))
}

/// Parses a value for `KIND.FIELD` (a `--set` key or a CSV column).
pub fn parse_field(key: &str, raw: &str) -> Result<(Kind, &'static FieldSpec, Value), String> {
    let (kind, spec, env) = lookup_field(key)?;
    let value = if env {
        check_env_name(raw.trim()).map_err(|e| format!("invalid {key}: {e}"))?;
        Value::Secret(Secret::Env(raw.trim().to_owned()))
    } else {
        spec.parse(raw)
            .map_err(|e| format!("invalid {kind}.{}: {e}", spec.name))?
    };
    Ok((kind, spec, value))
}

/// Applies an administrator's change. `create` allows a user that does not exist yet.
pub fn apply_user_change(
    store: &mut Store,
    name: &str,
    change: &UserChange,
    create: bool,
) -> Result<(), String> {
    if let Some(kind) = change.enable.iter().find(|k| change.disable.contains(k)) {
        return Err(format!("{kind} is both enabled and disabled"));
    }
    if !store.users.contains_key(name) {
        if !create {
            return Err(format!("no user named {name}"));
        }
        check_user_name(name)?;
    }
    check_free_text(
        change.display_name.as_deref(),
        change.roles.as_deref().unwrap_or_default(),
    )?;
    let notice = store.notice.clone();
    let user = store.users.entry(name.to_owned()).or_default();
    if let Some(display) = &change.display_name {
        user.display_name = Some(display.clone());
    }
    if let Some(roles) = &change.roles {
        user.roles = roles.clone();
    }
    let mut kinds: Vec<Kind> = change.sets.iter().map(|(k, _, _)| *k).collect();
    kinds.dedup();
    for kind in kinds {
        let changes: Vec<_> = change
            .sets
            .iter()
            .filter(|(k, _, _)| *k == kind)
            .map(|(_, spec, value)| (*spec, value.clone()))
            .collect();
        let channel = user.channels.0.get_or_insert_default(kind);
        update_channel(channel, kind, &changes, true)?;
    }
    for kind in &change.enable {
        let channel = user.channels.0.get_mut(kind).ok_or_else(|| {
            format!("cannot enable {kind}: {name} has no {kind} channel (set its fields too)")
        })?;
        if !notice.allows(*kind) {
            return Err(format!(
                "cannot enable {kind}: it is switched off in Notice Management"
            ));
        }
        channel.enabled = true;
        channel.verified = true;
        channel.pending = None;
    }
    for kind in &change.disable {
        let channel = user
            .channels
            .0
            .get_mut(kind)
            .ok_or_else(|| format!("cannot disable {kind}: {name} has no {kind} channel"))?;
        channel.enabled = false;
    }
    Ok(())
}

/// A display name and role words are free text: no control characters.
fn check_free_text(display_name: Option<&str>, roles: &[String]) -> Result<(), String> {
    if let Some(name) = display_name {
        check_text("display name", name)?;
    }
    roles.iter().try_for_each(|r| check_text("role", r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_parse_and_name_the_field() {
        let (kind, spec, value) = parse_assignment("sms.mobile=13100000000").expect("valid");
        assert_eq!(
            (kind, spec.name, value),
            (
                Kind::Sms,
                crate::values::Field::Mobile,
                Value::Text("+8613100000000".into())
            )
        );
        assert!(
            parse_assignment("sms.mobile=12")
                .unwrap_err()
                .contains("invalid sms.mobile")
        );
        assert!(
            parse_assignment("sms.address=x")
                .unwrap_err()
                .contains("sms.mobile")
        );
        let (_, _, v) = parse_assignment("webhook.signature_key_env=HOOK_KEY").expect("env");
        assert_eq!(v, Value::Secret(Secret::Env("HOOK_KEY".into())));
    }
}

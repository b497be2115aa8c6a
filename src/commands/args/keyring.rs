//! `--X-keyring` on `channel set` and `provider set`: the value comes as any other (flag, stdin, prompt)
//! and goes to the OS keyring just before the store is written, which then holds only the entry's name.

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;
use crate::store::Schema;
use crate::values::{Field, FieldSpec, KeyringRef, Revealed, Secret, Value, keyring};

/// Checks that a keyring can be reached for the fields given with `--X-keyring`, and asks for the value
/// of each that neither `--X` nor `--X-stdin` gave (on a terminal; otherwise a usage error).
pub fn ask_keyring_secrets<S: Schema>(
    ctx: &Context,
    schema: S,
    fields: &[Field],
    changes: &mut Vec<(&'static FieldSpec, Value)>,
) -> Result<()> {
    for &field in fields {
        let flag = format!("{}-keyring", field.flag());
        let Some(spec) = schema.spec(field) else {
            return Err(
                Error::usage(format!("{flag} does not apply to {}", schema.describe())).into(),
            );
        };
        keyring::available().map_err(|e| {
            Error::failure(format!("cannot use {flag}: {e}")).hint(format!(
                "keep the secret in a file with {0}-file PATH (mode 0600) or in an environment \
                     variable with {0}-env VAR instead",
                field.flag()
            ))
        })?;
        if changes.iter().any(|(s, _)| s.name == field) {
            continue;
        }
        if !ctx.prompt.interactive() {
            return Err(Error::usage(format!("{flag} needs the secret to keep"))
                .hint(format!(
                    "pass it on one line of stdin with {}-stdin, or run on a terminal to be asked",
                    field.flag()
                ))
                .into());
        }
        let value = ctx.prompt.field(&schema.describe(), spec)?;
        changes.push((spec, value));
    }
    Ok(())
}

/// Puts each given secret of `fields` into the keyring, in the entry of its place in the store
/// (`place(field)`, e.g. `providers.smtp.password`), and leaves in `changes` only the entry's name.
/// Returns the entries written, for the note the command prints.
pub fn keep_in_keyring(
    ctx: &Context,
    fields: &[Field],
    changes: &mut [(&'static FieldSpec, Value)],
    place: impl Fn(Field) -> String,
) -> Result<Vec<(Field, KeyringRef)>> {
    let mut kept = Vec::new();
    for (spec, value) in changes.iter_mut() {
        if !fields.contains(&spec.name) {
            continue;
        }
        let Value::Secret(Secret::Literal(secret)) = value else {
            continue;
        };
        let entry = KeyringRef::for_place(&place(spec.name), ctx.store.path());
        keyring::set(&entry, &Revealed::new(secret.as_str())).map_err(|e| {
            Error::failure(format!("cannot keep the {} in the keyring: {e}", spec.name)).hint(
                format!(
                    "unlock the keyring and try again, or keep the secret in a file with {}-file PATH",
                    spec.flag()
                ),
            )
        })?;
        *value = Value::Secret(Secret::Keyring(entry.clone()));
        kept.push((spec.name, entry));
    }
    Ok(kept)
}

/// Notes for the secrets the change keeps outside the store: where each keyring entry is, and each
/// secret file that is not there yet (read when the secret is used).
pub fn notes(changes: &[(&'static FieldSpec, Value)]) -> Vec<String> {
    changes
        .iter()
        .filter_map(|(spec, value)| match value {
            Value::Secret(Secret::Keyring(entry)) => Some(format!(
                "the {} is in the keyring as {entry} (the store keeps only that name)",
                spec.name
            )),
            Value::Secret(Secret::File(path)) if !path.exists() => Some(format!(
                "{} does not exist yet: the {} is read from it each time it is used",
                path.display(),
                spec.name
            )),
            _ => None,
        })
        .collect()
}

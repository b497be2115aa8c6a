//! Changes to provider credentials (`provider set`): what a change would give, its checks, saving it.

use anyhow::Result;

use crate::error::Error;
use crate::providers::ProviderName;
use crate::store::{Fields, Schema, Store};
use crate::values::{Field, FieldSpec, Value};

use super::apply_fields;

/// The provider's fields as they would be after `changes` (to find what is still missing).
pub fn preview(
    store: &Store,
    name: ProviderName,
    changes: &[(&'static FieldSpec, Value)],
) -> Fields {
    let mut fields = store.providers.0.get(&name).cloned().unwrap_or_default();
    apply_fields(&mut fields, changes);
    fields
}

/// Checks a change before it is saved: the rules across fields, no field of the other SMS vendor, and
/// that something changes at all.
pub fn check(
    name: ProviderName,
    preview: &Fields,
    changes: &[(&'static FieldSpec, Value)],
) -> Result<()> {
    name.cross_check(preview).map_err(Error::usage)?;
    if let Some(other) = name.other_vendor_field(preview, changes.iter().map(|(spec, _)| spec.name))
    {
        let vendor = preview.get(&Field::Vendor).and_then(Value::as_text);
        return Err(Error::usage(format!(
            "{} does not apply to the sms vendor {}",
            other.flag(),
            vendor.unwrap_or_default()
        ))
        .hint(
            "`notify provider set --help` lists each vendor's fields; change vendors with --vendor",
        )
        .into());
    }
    if changes.is_empty() {
        return Err(
            Error::usage(format!("nothing to change for provider {name}"))
                .hint("`notify provider set --help` lists the fields")
                .into(),
        );
    }
    Ok(())
}

/// Applies a change to the stored provider (under the store's lock) and validates the result.
pub fn save(
    store: &mut Store,
    name: ProviderName,
    changes: &[(&'static FieldSpec, Value)],
) -> Result<()> {
    let fields = store.providers.0.entry(name).or_default();
    apply_fields(fields, changes);
    name.validate(fields).map_err(Error::usage)?;
    Ok(())
}

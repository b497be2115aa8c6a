//! Reads stores written by older versions of `notify`; the next write saves them in the current layout.
//!
//! Version 0 is the pre-release layout: no `version` key, and Notice Management kept as
//! `[notice] disabled_kinds = [...]`. Each old version has its own schema, parsed straight from the text
//! (like the current one) so that a bad value is reported at its own line and column in the file.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Table;

use super::schema::{Notice, Providers, Store, User};
use crate::channels::Kind;

/// The store's declared version; a store without the key is version 0.
pub fn version_of(table: &Table) -> Result<i64, String> {
    match table.get("version") {
        None => Ok(0),
        Some(toml::Value::Integer(v)) if *v >= 0 => Ok(*v),
        Some(other) => Err(format!("`version` must be a whole number, found {other}")),
    }
}

/// Parses the text of a store older than the current version and brings it up to date.
pub fn parse_old(text: &str, version: i64) -> Result<Store, toml::de::Error> {
    match version {
        0 => toml::from_str::<V0>(text).map(Store::from),
        _ => toml::from_str(text),
    }
}

/// The layout of version 0.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V0 {
    #[serde(default, rename = "version")]
    _version: Option<i64>,
    #[serde(default)]
    default_user: Option<String>,
    #[serde(default)]
    notice: NoticeV0,
    #[serde(default)]
    providers: Providers,
    #[serde(default)]
    users: BTreeMap<String, User>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeV0 {
    #[serde(default)]
    disabled_kinds: Vec<Kind>,
}

impl From<V0> for Store {
    fn from(old: V0) -> Store {
        Store {
            default_user: old.default_user,
            notice: Notice {
                disabled: old.notice.disabled_kinds,
            },
            providers: old.providers,
            users: old.users,
            ..Store::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema::CURRENT_VERSION;

    #[test]
    fn version_zero_renames_the_notice_key() {
        let text = "[notice]\ndisabled_kinds = [\"sms\"]\n[users.bob]\ndisplay_name = \"Bob\"\n";
        let table: Table = toml::from_str(text).expect("toml");
        assert_eq!(version_of(&table), Ok(0));
        let store = parse_old(text, 0).expect("valid v0 store");
        assert_eq!(store.version, CURRENT_VERSION);
        assert!(!store.notice.allows(Kind::Sms));
        assert_eq!(store.users["bob"].display_name.as_deref(), Some("Bob"));
        let saved = toml::to_string(&store).expect("serialises");
        assert!(saved.contains("disabled = [\"sms\"]"), "{saved}");
        assert!(!saved.contains("disabled_kinds"), "{saved}");
    }

    #[test]
    fn version_zero_errors_keep_their_place() {
        let err = parse_old("[users.bob.channels.sms]\nmobile = \"12\"\n", 0).unwrap_err();
        let span = err.span().expect("span");
        assert_eq!(span.start, "[users.bob.channels.sms]\nmobile = ".len());
        assert!(parse_old("[notice]\ndisabled = []\n", 0).is_err());
    }
}

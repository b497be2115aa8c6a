//! Upgrades stores written by older versions of `notify`, one version at a time, before they are parsed.
//!
//! Version 0 is the pre-release layout: no `version` key, and Notice Management kept as
//! `[notice] disabled_kinds = [...]`. Each step takes the TOML table of version N to version N + 1.

use toml::Table;

use super::schema::CURRENT_VERSION;

/// The store's declared version; a store without the key is version 0.
pub fn version_of(table: &Table) -> Result<i64, String> {
    match table.get("version") {
        None => Ok(0),
        Some(toml::Value::Integer(v)) if *v >= 0 => Ok(*v),
        Some(other) => Err(format!("`version` must be a whole number, found {other}")),
    }
}

/// Brings an older table up to [`CURRENT_VERSION`].
pub fn upgrade(mut table: Table, mut version: i64) -> Table {
    while version < CURRENT_VERSION {
        table = match version {
            0 => v0_to_v1(table),
            _ => table,
        };
        version += 1;
    }
    table.insert("version".into(), toml::Value::Integer(CURRENT_VERSION));
    table
}

fn v0_to_v1(mut table: Table) -> Table {
    if let Some(toml::Value::Table(notice)) = table.get_mut("notice")
        && let Some(kinds) = notice.remove("disabled_kinds")
    {
        notice.insert("disabled".into(), kinds);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_zero_renames_the_notice_key() {
        let table: Table = toml::from_str("[notice]\ndisabled_kinds = [\"sms\"]\n").expect("toml");
        assert_eq!(version_of(&table), Ok(0));
        let up = upgrade(table, 0);
        assert_eq!(up["version"].as_integer(), Some(1));
        assert_eq!(up["notice"]["disabled"][0].as_str(), Some("sms"));
        assert!(up["notice"].get("disabled_kinds").is_none());
    }
}

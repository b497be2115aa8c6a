//! `user import` as a library: CSV and TOML files parsed into per-user changes (every bad row named by
//! its line), then applied to the store all together or not at all.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use anyhow::Result;

use crate::channels::Kind;
use crate::error::Error;
use crate::store::Store;

use super::check_user_name;
use super::user::{UserChange, apply_user_change, lookup_field, parse_field};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Toml,
}

/// The format a file's name (else its first character) suggests.
pub fn guess_format(path: &Path, input: &[u8]) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => Format::Toml,
        Some("csv") => Format::Csv,
        _ if String::from_utf8_lossy(input).trim_start().starts_with('[') => Format::Toml,
        _ => Format::Csv,
    }
}

/// One user's change and the line it came from.
#[derive(Debug)]
pub struct Row {
    pub line: usize,
    pub name: String,
    pub change: UserChange,
}

/// A parsed import: the good rows, and each bad row's line and what is wrong with it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub rows: Vec<Row>,
    pub errors: Vec<(usize, String)>,
}

impl Parsed {
    fn failed(line: usize, error: impl Into<String>) -> Self {
        Parsed {
            rows: Vec::new(),
            errors: vec![(line, error.into())],
        }
    }
}

/// Applies every row to the store; any bad row (from parsing or from applying) fails the whole import
/// with a usage error listing them by line. Returns how many users were created and updated.
pub fn apply(store: &mut Store, parsed: &Parsed) -> Result<(usize, usize)> {
    let mut errors = parsed.errors.clone();
    if errors.is_empty() && parsed.rows.is_empty() {
        return Err(Error::usage("the import holds no users")
            .hint("give a CSV with a `name` header and one row per user, or TOML [users.<name>] tables")
            .into());
    }
    let mut created = 0;
    for row in &parsed.rows {
        if !store.users.contains_key(&row.name) {
            created += 1;
        }
        if let Err(e) = apply_user_change(store, &row.name, &row.change, true) {
            errors.push((row.line, format!("{}: {e}", row.name)));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|(line, _)| *line);
        let list: Vec<String> = errors
            .iter()
            .map(|(line, e)| format!("line {line}: {e}"))
            .collect();
        return Err(Error::usage(format!(
            "the import has {} bad row{}; nothing was imported\n  {}",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            list.join("\n  ")
        ))
        .into());
    }
    Ok((created, parsed.rows.len() - created))
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_kinds(cell: &str) -> Result<Vec<Kind>, String> {
    split_list(cell).iter().map(|k| k.parse::<Kind>()).collect()
}

const NOT_UTF8: &str = "is not valid UTF-8 text (save the file as UTF-8)";

/// Parses a CSV import. Cells are read as bytes and decoded one by one, so text that is not UTF-8 is a
/// bad row with its line rather than the end of the file.
pub fn parse_csv(input: &[u8]) -> Parsed {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let header: Vec<String> = match reader.byte_headers() {
        Ok(h) => match h
            .iter()
            .map(std::str::from_utf8)
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(h) => h.into_iter().map(|c| c.trim().to_owned()).collect(),
            Err(_) => return Parsed::failed(1, format!("the header {NOT_UTF8}")),
        },
        Err(e) => return Parsed::failed(1, format!("cannot read the header: {e}")),
    };
    let mut parsed = Parsed::default();
    if !header.iter().any(|h| h == "name") {
        parsed
            .errors
            .push((1, "the header has no `name` column".to_owned()));
    }
    for column in &header {
        let known = matches!(
            column.as_str(),
            "name" | "display_name" | "roles" | "enable"
        );
        if !known && let Err(e) = lookup_field(column) {
            parsed.errors.push((1, format!("column `{column}`: {e}")));
        }
    }
    if !parsed.errors.is_empty() {
        return parsed;
    }
    let mut seen = HashSet::new();
    for record in reader.byte_records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                parsed.errors.push((line, e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut change = UserChange::default();
        let mut name = String::new();
        let mut name_unreadable = false;
        let mut problems = Vec::new();
        for (column, raw) in header.iter().zip(record.iter()) {
            let Ok(cell) = std::str::from_utf8(raw) else {
                name_unreadable |= column == "name";
                problems.push(format!("column `{column}` {NOT_UTF8}"));
                continue;
            };
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match column.as_str() {
                "name" => name = cell.to_owned(),
                "display_name" => change.display_name = Some(cell.to_owned()),
                "roles" => change.roles = Some(split_list(cell)),
                "enable" => match parse_kinds(cell) {
                    Ok(kinds) => change.enable = kinds,
                    Err(e) => problems.push(format!("enable: {e}")),
                },
                key => match parse_field(key, cell) {
                    Ok(set) => change.sets.push(set),
                    Err(e) => problems.push(e),
                },
            }
        }
        if !name_unreadable {
            if name.is_empty() {
                problems.insert(0, "the name is empty".to_owned());
            } else if let Err(e) = check_user_name(&name) {
                problems.insert(0, e);
            }
        }
        if seen.contains(&name) {
            problems.push(format!("{name} appears on an earlier line too"));
        }
        if problems.is_empty() {
            seen.insert(name.clone());
            parsed.rows.push(Row { line, name, change });
        } else {
            parsed.errors.push((line, problems.join("; ")));
        }
    }
    parsed
}

/// Parses a TOML import: `[users.<name>]` tables shaped like the store's.
pub fn parse_toml(text: &str) -> Result<Parsed> {
    let doc: toml::Table = toml::from_str(text).map_err(|e| {
        Error::usage("the import is not valid TOML")
            .caused_by(anyhow::anyhow!("{}", crate::store::Located(text, e)))
    })?;
    let Some(users) = doc.get("users").and_then(toml::Value::as_table) else {
        return Err(Error::usage("the TOML import has no [users.<name>] tables")
            .hint("write each user as a table, e.g. [users.alice] with display_name = \"Alice\"")
            .into());
    };
    // The same users again, with where each one's table starts in the text.
    #[derive(serde::Deserialize)]
    struct Spans {
        users: BTreeMap<String, toml::Spanned<toml::Value>>,
    }
    let spans = toml::from_str::<Spans>(text)
        .map(|s| s.users)
        .unwrap_or_default();
    let mut parsed = Parsed::default();
    for (name, value) in users {
        let line = spans.get(name).map_or(0, |v| line_at(text, v.span().start));
        match toml_row(name, value) {
            Ok(change) => parsed.rows.push(Row {
                line,
                name: name.clone(),
                change,
            }),
            Err(e) => parsed.errors.push((line, format!("{name}: {e}"))),
        }
    }
    Ok(parsed)
}

/// The 1-based line of a byte offset, for messages.
fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

fn toml_row(name: &str, value: &toml::Value) -> Result<UserChange, String> {
    check_user_name(name)?;
    let table = value.as_table().ok_or("expected a table")?;
    let mut change = UserChange::default();
    for (key, value) in table {
        match key.as_str() {
            "display_name" => {
                let text = value.as_str().ok_or("display_name must be text")?;
                change.display_name = Some(text.to_owned());
            }
            "roles" => {
                let roles = value.as_array().ok_or("roles must be a list of text")?;
                change.roles = Some(
                    roles
                        .iter()
                        .map(|r| {
                            r.as_str()
                                .map(str::to_owned)
                                .ok_or("roles must be a list of text")
                        })
                        .collect::<Result<_, _>>()?,
                );
            }
            "channels" => {
                let channels = value.as_table().ok_or("channels must be a table")?;
                for (kind_name, fields) in channels {
                    toml_channel(&mut change, kind_name, fields)?;
                }
            }
            other => {
                return Err(format!(
                    "unknown key `{other}` (expected display_name, roles, channels)"
                ));
            }
        }
    }
    Ok(change)
}

fn toml_channel(change: &mut UserChange, kind: &str, fields: &toml::Value) -> Result<(), String> {
    let kind: Kind = kind.parse()?;
    let fields = fields
        .as_table()
        .ok_or_else(|| format!("channels.{kind} must be a table"))?;
    for (field, v) in fields {
        match (field.as_str(), v) {
            ("enabled", toml::Value::Boolean(true)) => change.enable.push(kind),
            ("enabled", toml::Value::Boolean(false)) => change.disable.push(kind),
            ("verified", toml::Value::Boolean(_)) => {}
            (_, toml::Value::String(s)) => change
                .sets
                .push(parse_field(&format!("{kind}.{field}"), s)?),
            (_, toml::Value::Integer(n)) => change
                .sets
                .push(parse_field(&format!("{kind}.{field}"), &n.to_string())?),
            _ => return Err(format!("channels.{kind}.{field} has an unexpected value")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_is_not_utf8_is_a_bad_row_with_its_line() {
        let parsed = parse_csv(b"name,display_name\ncarol,Carol\ndave,\xff\xfe\n\xc3,Erin\n");
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(
            parsed.errors,
            [
                (3, format!("column `display_name` {NOT_UTF8}")),
                (4, format!("column `name` {NOT_UTF8}")),
            ]
        );
    }

    #[test]
    fn a_name_repeated_after_a_good_row_is_refused() {
        let parsed = parse_csv(b"name\nx\ny\nx\n");
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(
            parsed.errors,
            [(4, "x appears on an earlier line too".to_owned())]
        );
    }
}

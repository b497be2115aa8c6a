//! `notify user import`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;
use crate::error::Error;
use crate::profiles::{self, UserChange};

/// Create or update many users from CSV or TOML, all or nothing
///
/// CSV: a header row of field names: `name` (required), `display_name`, `roles` (`;`-separated),
/// any `<kind>.<field>` (e.g. `email.address`, `sms.mobile`, `webhook.signature_key_env`), and
/// `enable` (`;`-separated kinds). Empty cells change nothing.
///
/// TOML: `[users.<name>]` tables as in the store (display_name, roles,
/// [users.<name>.channels.<kind>] with its fields and `enabled`). Absent fields change nothing.
///
/// Values count as verified, as with `user modify`. One bad row fails the whole import with exit
/// 2 and every bad row is reported by its line number (the CSV header is line 1). Reads stdin
/// when FILE is `-`.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The file to import (.csv or .toml), or - for stdin
    pub file: PathBuf,
    /// The format, when the file name does not tell
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Toml,
}

/// Bad rows: the line number and what is wrong.
type RowErrors = Vec<(usize, String)>;

/// One user's change and the line it came from.
struct Row {
    line: usize,
    name: String,
    change: UserChange,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let text = read_input(&args.file)?;
    let format = args
        .format
        .unwrap_or_else(|| guess_format(&args.file, &text));
    let (rows, mut errors) = match format {
        Format::Csv => parse_csv(&text),
        Format::Toml => parse_toml(&text)?,
    };
    if errors.is_empty() && rows.is_empty() {
        return Err(Error::usage("the import holds no users").into());
    }
    let count = rows.len();
    let (created, updated) = ctx.store.update(|store| {
        let mut created = 0;
        for row in &rows {
            if !store.users.contains_key(&row.name) {
                created += 1;
            }
            if let Err(e) = profiles::apply_user_change(store, &row.name, &row.change, true) {
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
        Ok((created, count - created))
    })?;
    ctx.out.note(&format!(
        "imported {count} users ({created} created, {updated} updated)"
    ));
    Ok(())
}

fn read_input(path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Error::failure("cannot read the import from stdin").caused_by(e))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| {
        Error::failure(format!("cannot read {}", path.display()))
            .caused_by(e)
            .into()
    })
}

fn guess_format(path: &Path, text: &str) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => Format::Toml,
        Some("csv") => Format::Csv,
        _ if text.trim_start().starts_with('[') => Format::Toml,
        _ => Format::Csv,
    }
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

fn parse_csv(text: &str) -> (Vec<Row>, RowErrors) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => return (rows, vec![(1, format!("cannot read the header: {e}"))]),
    };
    if !header.iter().any(|h| h == "name") {
        errors.push((1, "the header has no `name` column".to_owned()));
    }
    for column in &header {
        let known = matches!(
            column.as_str(),
            "name" | "display_name" | "roles" | "enable"
        );
        if !known && let Err(e) = profiles::lookup_field(column) {
            errors.push((1, format!("column `{column}`: {e}")));
        }
    }
    if !errors.is_empty() {
        return (rows, errors);
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push((line, e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut change = UserChange::default();
        let mut name = String::new();
        let mut problems = Vec::new();
        for (column, cell) in header.iter().zip(record.iter()) {
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
                key => match profiles::parse_field(key, cell) {
                    Ok(set) => change.sets.push(set),
                    Err(e) => problems.push(e),
                },
            }
        }
        if name.is_empty() {
            problems.insert(0, "the name is empty".to_owned());
        } else if let Err(e) = profiles::check_user_name(&name) {
            problems.insert(0, e);
        }
        if rows.iter().any(|r: &Row| r.name == name) {
            problems.push(format!("{name} appears on an earlier line too"));
        }
        if problems.is_empty() {
            rows.push(Row { line, name, change });
        } else {
            errors.push((line, problems.join("; ")));
        }
    }
    (rows, errors)
}

fn parse_toml(text: &str) -> Result<(Vec<Row>, RowErrors)> {
    let doc: toml::Table = toml::from_str(text).map_err(|e| {
        Error::usage("the import is not valid TOML")
            .caused_by(anyhow::anyhow!("{}", crate::store::Located(text, e)))
    })?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let Some(users) = doc.get("users").and_then(toml::Value::as_table) else {
        return Err(Error::usage("the TOML import has no [users.<name>] tables").into());
    };
    // The same users again, with where each one's table starts in the text.
    #[derive(serde::Deserialize)]
    struct Spans {
        users: BTreeMap<String, toml::Spanned<toml::Value>>,
    }
    let spans = toml::from_str::<Spans>(text)
        .map(|s| s.users)
        .unwrap_or_default();
    for (name, value) in users {
        let line = spans.get(name).map_or(0, |v| line_at(text, v.span().start));
        match toml_row(name, value) {
            Ok(change) => rows.push(Row {
                line,
                name: name.clone(),
                change,
            }),
            Err(e) => errors.push((line, format!("{name}: {e}"))),
        }
    }
    Ok((rows, errors))
}

/// The 1-based line of a byte offset, for messages.
fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

fn toml_row(name: &str, value: &toml::Value) -> Result<UserChange, String> {
    profiles::check_user_name(name)?;
    let table = value.as_table().ok_or("expected a table")?;
    let mut change = UserChange::default();
    for (key, value) in table {
        match key.as_str() {
            "display_name" => {
                change.display_name = Some(
                    value
                        .as_str()
                        .ok_or("display_name must be text")?
                        .to_owned(),
                )
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
                    let kind: Kind = kind_name.parse()?;
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
                                .push(profiles::parse_field(&format!("{kind}.{field}"), s)?),
                            (_, toml::Value::Integer(n)) => {
                                change.sets.push(profiles::parse_field(
                                    &format!("{kind}.{field}"),
                                    &n.to_string(),
                                )?);
                            }
                            _ => {
                                return Err(format!(
                                    "channels.{kind}.{field} has an unexpected value"
                                ));
                            }
                        }
                    }
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

//! `notify user import`

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;
use crate::profiles::import::{self, Format};

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

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let input = read_input(ctx, &args.file)?;
    let format = args
        .format
        .unwrap_or_else(|| import::guess_format(&args.file, &input));
    let parsed = match format {
        Format::Csv => import::parse_csv(&input),
        Format::Toml => import::parse_toml(&utf8(input, &args.file)?)?,
    };
    let (created, updated) = ctx.store.update(|store| import::apply(store, &parsed))?;
    ctx.out.note(&format!(
        "imported {} user{} ({created} created, {updated} updated)",
        parsed.rows.len(),
        if parsed.rows.len() == 1 { "" } else { "s" }
    ));
    Ok(())
}

fn read_input(ctx: &Context, path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut input = Vec::new();
        std::io::Read::read_to_end(&mut ctx.take_stdin("user import -")?, &mut input)
            .map_err(|e| Error::failure("cannot read the import from stdin").caused_by(e))?;
        return Ok(input);
    }
    std::fs::read(path).map_err(|e| {
        Error::failure(format!("cannot read {}", path.display()))
            .caused_by(e)
            .into()
    })
}

/// TOML must be UTF-8 as a whole (CSV is checked cell by cell): a bad byte is bad input, named by line.
fn utf8(input: Vec<u8>, path: &Path) -> Result<String> {
    String::from_utf8(input).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid].iter().filter(|b| **b == b'\n').count();
        let what = if path.as_os_str() == "-" {
            "stdin".to_owned()
        } else {
            path.display().to_string()
        };
        Error::usage(format!(
            "the import has a bad line; nothing was imported\n  line {line}: {what} is not valid UTF-8 text"
        ))
        .hint("save the file as UTF-8")
        .into()
    })
}

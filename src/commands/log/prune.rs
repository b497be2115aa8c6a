//! `notify log prune`

use anyhow::Result;
use serde::Serialize;

use crate::commands::args::when;
use crate::context::Context;
use crate::log::DeliveryLog;
use crate::log::time::{When, format_rfc3339};

/// Delete delivery log entries older than a duration or a time (nothing is ever pruned otherwise)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Delete entries older than this: a duration back from now (90m, 2h, 3d, 1w) or an RFC 3339 time
    #[arg(long, value_name = "WHEN", default_value = "90d", value_parser = when())]
    pub older_than: When,
}

/// The `log prune --json` shape.
#[derive(Serialize)]
struct Pruned {
    deleted: usize,
    older_than: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let path = ctx.log_path()?;
    let cutoff = args.older_than.cutoff(ctx.now().saturating_mul(1000));
    let deleted = match DeliveryLog::open_existing(path)? {
        Some(log) => log.prune(cutoff)?,
        None => 0,
    };
    let older_than = format_rfc3339(cutoff);
    if ctx.out.json {
        return ctx.out.json(&Pruned {
            deleted,
            older_than,
        });
    }
    let noun = if deleted == 1 { "entry" } else { "entries" };
    ctx.out.note(&format!(
        "deleted {deleted} {noun} older than {older_than} from {}",
        crate::log::shown(path)
    ));
    Ok(())
}

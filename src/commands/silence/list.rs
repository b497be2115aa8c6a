//! `notify silence list`

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::log::silences::Silences;
use crate::log::time::format_rfc3339;
use crate::time::{Matchers, Silence};

/// List the silences that hold now (with --all, ended ones too)
///
/// With --json: [{"id", "matchers": {"event", "recipient", "channel"}, "starts", "ends", "active",
/// "comment"}].
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Show ended (and expired) silences too
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    matchers: &'a Matchers,
    starts: String,
    ends: String,
    active: bool,
    comment: &'a str,
}

impl<'a> Row<'a> {
    fn of(s: &'a Silence, now: i64) -> Self {
        Row {
            id: &s.id,
            matchers: &s.matchers,
            starts: format_rfc3339(s.starts_ms),
            ends: format_rfc3339(s.ends_ms),
            active: s.active_at(now),
            comment: &s.comment,
        }
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let path = ctx.log_path()?;
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let silences = match crate::log::may_exist(path) {
        true => Silences::open(path)?.list(now, args.all)?,
        false => Vec::new(),
    };
    let rows: Vec<Row> = silences.iter().map(|s| Row::of(s, now)).collect();
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    if rows.is_empty() {
        ctx.out.note("no silences");
        return Ok(());
    }
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                r.id.to_owned(),
                r.matchers.describe(),
                r.ends.clone(),
                if r.active { "active" } else { "ended" }.to_owned(),
                r.comment.to_owned(),
            ]
        })
        .collect();
    ctx.out
        .table(&["ID", "MATCHES", "ENDS", "STATE", "COMMENT"], cells)
}

//! `notify notice ...`: Notice Management, the organisation-wide switch for each channel kind.

use anyhow::Result;
use clap::Subcommand;

use crate::channels::Kind;
use crate::commands::render;
use crate::context::Context;
use crate::profiles;

#[derive(Debug, Subcommand)]
pub enum NoticeCommand {
    /// Show which channel kinds are switched on for everyone
    List,
    /// Switch channel kinds on: users may configure and enable them
    Enable(Kinds),
    /// Switch channel kinds off: `channel set` and `channel enable` refuse them and sends skip them
    Disable(Kinds),
}

#[derive(Debug, clap::Args)]
pub struct Kinds {
    /// Channel kinds
    #[arg(required = true)]
    pub kinds: Vec<Kind>,
}

pub fn run(ctx: &Context, cmd: &NoticeCommand) -> Result<()> {
    match cmd {
        NoticeCommand::List => list(ctx),
        NoticeCommand::Enable(args) => switch(ctx, &args.kinds, true),
        NoticeCommand::Disable(args) => switch(ctx, &args.kinds, false),
    }
}

fn list(ctx: &Context) -> Result<()> {
    let store = ctx.store.load()?;
    let rows = render::notice_rows(&store);
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    let table = rows
        .into_iter()
        .map(|r| {
            vec![
                r.kind.to_owned(),
                r.name.to_owned(),
                render::yes_no(r.enabled),
            ]
        })
        .collect();
    ctx.out.table(&["kind", "name", "enabled"], table)
}

fn switch(ctx: &Context, kinds: &[Kind], on: bool) -> Result<()> {
    let changed = ctx
        .store
        .update(|store| Ok(profiles::switch_notice(store, kinds, on)))?;
    let way = if on { "on" } else { "off" };
    let names = |kinds: &[Kind]| -> String {
        let mut names: Vec<_> = kinds.iter().map(|k| k.as_str()).collect();
        names.sort();
        names.dedup();
        names.join(", ")
    };
    if !changed.is_empty() {
        ctx.out
            .note(&format!("switched {way} {} for everyone", names(&changed)));
    }
    let already: Vec<Kind> = kinds
        .iter()
        .copied()
        .filter(|k| !changed.contains(k))
        .collect();
    if !already.is_empty() {
        let verb = if already.len() == 1 { "was" } else { "were" };
        ctx.out.note(&format!(
            "{} {verb} already switched {way} (nothing to change)",
            names(&already)
        ));
    }
    Ok(())
}

//! `notify rule enable`

use anyhow::Result;

use super::view;
use crate::context::Context;
use crate::rules::edit;

/// Turn rules on: their events notify again
///
/// Each EVENT is an event id or a glob over ids (`*` any characters, `?` one), e.g. 'ticket.*.closed'.
/// A glob that matches nothing, or an unknown id, is an error and nothing changes.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Event ids or globs
    #[arg(value_name = "EVENT", required = true)]
    pub events: Vec<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    switch(ctx, &args.events, true)
}

/// Turns the rules `events` name on or off, all together or not at all, and says which changed (`--json`:
/// every rule matched, as it is now).
pub fn switch(ctx: &Context, events: &[String], on: bool) -> Result<()> {
    let switched = ctx
        .store
        .update(|store| Ok(edit::set_enabled(store, events, on)?))?;
    if ctx.out.json {
        let all: Vec<_> = switched.into_iter().map(|s| s.view).collect();
        return ctx.out.json(&view::list_json(&all));
    }
    let (changed, same): (Vec<_>, Vec<_>) = switched.into_iter().partition(|s| s.changed);
    let changed: Vec<_> = changed.into_iter().map(|s| s.view).collect();
    let word = if on { "on" } else { "off" };
    let rules = |n: usize| format!("{n} rule{}", if n == 1 { "" } else { "s" });
    let mut note = match changed.len() {
        0 => format!("nothing changed: {} already {word}", rules(same.len())),
        n => format!("turned {word} {}: {}", rules(n), view::ids(&changed)),
    };
    if !changed.is_empty() && !same.is_empty() {
        note.push_str(&format!(" ({} already {word})", same.len()));
    }
    ctx.out.note(&note);
    Ok(())
}

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

/// Turns the rules `events` name on or off, all together or not at all, and says which.
pub fn switch(ctx: &Context, events: &[String], on: bool) -> Result<()> {
    let views = ctx
        .store
        .update(|store| Ok(edit::set_enabled(store, events, on)?))?;
    if ctx.out.json {
        return ctx.out.json(&view::list_json(&views));
    }
    ctx.out.note(&format!(
        "turned {} {} rule{}: {}",
        if on { "on" } else { "off" },
        views.len(),
        if views.len() == 1 { "" } else { "s" },
        view::ids(&views)
    ));
    Ok(())
}

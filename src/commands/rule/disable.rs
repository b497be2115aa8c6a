//! `notify rule disable`

use anyhow::Result;

use crate::context::Context;

/// Turn rules off: their events notify nobody
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
    super::enable::switch(ctx, &args.events, false)
}

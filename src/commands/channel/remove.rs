//! `notify channel remove`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;
use crate::profiles;

/// Remove a channel from the user's profile (its fields, state and any pending code)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The channel kind
    pub kind: Kind,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let kind = args.kind;
    let name = ctx.store.update(|store| {
        let name = ctx.user_name(store)?;
        profiles::channel::remove(store, &name, kind)?;
        Ok(name)
    })?;
    ctx.out
        .note(&format!("removed the {kind} channel of {name}"));
    Ok(())
}

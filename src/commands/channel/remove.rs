//! `notify channel remove`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;
use crate::error::Error;

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
        let removed = store
            .users
            .get_mut(&name)
            .and_then(|u| u.channels.0.remove(&kind));
        match removed {
            Some(_) => Ok(name),
            None => Err(
                Error::failure(format!("{name} has no {kind} channel to remove"))
                    .hint("`notify channel list` shows the configured channels")
                    .into(),
            ),
        }
    })?;
    ctx.out
        .note(&format!("removed the {kind} channel of {name}"));
    Ok(())
}

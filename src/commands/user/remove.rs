//! `notify user remove`

use anyhow::Result;

use crate::context::Context;
use crate::profiles;

/// Remove a user and all their channels
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The user's name
    pub name: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    ctx.store
        .update(|store| profiles::user::remove(store, &args.name))?;
    ctx.out.note(&format!("removed user {}", args.name));
    Ok(())
}

//! `notify user remove`

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;

/// Remove a user and all their channels
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The user's name
    pub name: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    ctx.store.update(|store| {
        if store.users.remove(&args.name).is_none() {
            return Err(Error::failure(format!("no user named {}", args.name)).into());
        }
        if store.default_user.as_deref() == Some(args.name.as_str()) {
            store.default_user = None;
        }
        Ok(())
    })?;
    ctx.out.note(&format!("removed user {}", args.name));
    Ok(())
}

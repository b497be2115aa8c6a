//! `notify channel disable`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;
use crate::error::Error;

/// Stop delivering through channels (their configuration is kept)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The channel kinds to disable
    #[arg(required = true)]
    pub kinds: Vec<Kind>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let name = ctx.store.update(|store| {
        let name = ctx.user_name(store)?;
        let user = store.users.get_mut(&name);
        for kind in &args.kinds {
            let channel = user.as_ref().and_then(|u| u.channels.0.get(kind));
            if channel.is_none() {
                return Err(Error::failure(format!("{name} has no {kind} channel")).into());
            }
        }
        if let Some(user) = user {
            for kind in &args.kinds {
                if let Some(channel) = user.channels.0.get_mut(kind) {
                    channel.enabled = false;
                }
            }
        }
        Ok(name)
    })?;
    let kinds: Vec<_> = args.kinds.iter().map(|k| k.as_str()).collect();
    ctx.out
        .note(&format!("disabled {} for {name}", kinds.join(", ")));
    Ok(())
}

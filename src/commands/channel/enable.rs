//! `notify channel enable`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;
use crate::profiles;

/// Select channels for delivery
///
/// A channel must be configured, switched on in Notice Management, and (email, sms, dingtalk,
/// dingtalk-exclusive, feishu, lark, lark-mobile) verified first.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The channel kinds to enable
    #[arg(required = true)]
    pub kinds: Vec<Kind>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let name = ctx.store.update(|store| {
        let name = ctx.user_name(store)?;
        for kind in &args.kinds {
            profiles::ensure_enableable(store, &name, *kind)?;
        }
        if let Some(user) = store.users.get_mut(&name) {
            for kind in &args.kinds {
                if let Some(channel) = user.channels.0.get_mut(kind) {
                    channel.enabled = true;
                }
            }
        }
        Ok(name)
    })?;
    let kinds: Vec<_> = args.kinds.iter().map(|k| k.as_str()).collect();
    ctx.out
        .note(&format!("enabled {} for {name}", kinds.join(", ")));
    Ok(())
}

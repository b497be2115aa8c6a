//! `notify user list`

use anyhow::Result;

use crate::commands::render::UserDetail;
use crate::context::Context;

/// List users with their roles and enabled channels (--json: every channel with its fields, secrets masked)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print secrets and webhook tokens in full (with --json)
    #[arg(long)]
    pub reveal: bool,
    /// Only users holding this store role (e.g. dba)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let mut store = ctx.store.load()?;
    if let Some(role) = &args.role {
        store.users.retain(|_, u| u.roles.contains(role));
    }
    if ctx.out.json {
        let users: Vec<_> = store
            .users
            .iter()
            .map(|(n, u)| UserDetail::new(n, u, args.reveal))
            .collect();
        return ctx.out.json(&users);
    }
    let rows = store
        .users
        .iter()
        .map(|(name, user)| {
            let enabled: Vec<_> = user
                .channels
                .0
                .iter()
                .filter(|(_, c)| c.enabled)
                .map(|(k, _)| k.as_str())
                .collect();
            let configured: Vec<_> = user.channels.0.keys().map(|k| k.as_str()).collect();
            vec![
                name.clone(),
                user.display_name.clone().unwrap_or_default(),
                user.roles.join(", "),
                enabled.join(", "),
                configured.join(", "),
            ]
        })
        .collect();
    ctx.out.table(
        &["name", "display name", "roles", "enabled", "configured"],
        rows,
    )
}

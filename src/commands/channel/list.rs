//! `notify channel list`

use anyhow::Result;

use crate::commands::render;
use crate::context::Context;

/// List every channel kind for the user: configured, verified, enabled, available (Notice Management)
///
/// Kinds that need no verification (robots, webhooks) show as verified once configured.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Context, _args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let name = ctx.user_name(&store)?;
    let rows = render::channel_rows(&store, store.users.get(&name));
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    let table = rows
        .into_iter()
        .map(|row| {
            let yes_no = render::yes_no;
            vec![
                row.kind.to_owned(),
                yes_no(row.configured),
                yes_no(row.verified),
                yes_no(row.enabled),
                yes_no(row.available),
                row.destination,
            ]
        })
        .collect();
    let header = [
        "kind",
        "configured",
        "verified",
        "enabled",
        "available",
        "destination",
    ];
    ctx.out.table(&header, table)
}

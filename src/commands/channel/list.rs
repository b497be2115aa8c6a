//! `notify channel list`

use anyhow::Result;

use crate::commands::view;
use crate::context::Context;

/// List every channel kind for the user: configured, verified, enabled, available (Notice Management)
///
/// Kinds that need no verification (robots, webhooks) show as verified once configured.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Context, _args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let name = ctx.user_name(&store)?;
    let rows = view::channel_list(&store, store.users.get(&name));
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Bool(b) => view::yes_no(*b),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let keys = [
        "kind",
        "configured",
        "verified",
        "enabled",
        "available",
        "destination",
    ];
    let table = rows
        .iter()
        .map(|row| keys.iter().map(|k| text(&row[k])).collect())
        .collect();
    ctx.out.table(&keys, table)
}

//! `notify provider list`

use anyhow::Result;

use crate::commands::render::{self, ProviderRow};
use crate::context::Context;
use crate::providers::ProviderName;

/// List the providers and whether each is configured
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Context, _args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let rows: Vec<_> = ProviderName::ALL
        .iter()
        .map(|name| ProviderRow::new(*name, store.providers.0.get(name)))
        .collect();
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    let table = rows
        .into_iter()
        .map(|r| {
            vec![
                r.name.to_owned(),
                r.description.to_owned(),
                render::yes_no(r.configured),
            ]
        })
        .collect();
    ctx.out.table(&["name", "description", "configured"], table)
}

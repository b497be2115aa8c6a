//! `notify provider list`

use anyhow::Result;
use serde_json::json;

use crate::commands::view;
use crate::context::Context;
use crate::providers::ProviderName;
use crate::store::Schema;

/// List the providers and whether each is configured
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Context, _args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let rows: Vec<_> = ProviderName::ALL
        .iter()
        .map(|name| {
            let fields = store.providers.0.get(name);
            json!({
                "name": name.as_str(),
                "description": name.title(),
                "configured": fields.is_some_and(|f| name.validate(f).is_ok()),
                "fields": fields.map(|f| view::fields_json(name.fields(), f, false)).unwrap_or_default(),
            })
        })
        .collect();
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    let table = rows
        .iter()
        .map(|r| {
            vec![
                r["name"].as_str().unwrap_or_default().to_owned(),
                r["description"].as_str().unwrap_or_default().to_owned(),
                view::yes_no(r["configured"].as_bool().unwrap_or_default()),
            ]
        })
        .collect();
    ctx.out.table(&["name", "description", "configured"], table)
}

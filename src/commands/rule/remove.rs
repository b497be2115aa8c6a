//! `notify rule remove`

use anyhow::Result;

use super::view::RuleJson;
use crate::context::Context;
use crate::rules::edit;

/// Remove a custom event and its rule (built-in events can only be reset or disabled)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The custom event's id
    #[arg(value_name = "EVENT")]
    pub event: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let view = ctx
        .store
        .update(|store| Ok(edit::remove(store, &args.event)?))?;
    if ctx.out.json {
        return ctx.out.json(&RuleJson::new(&view));
    }
    ctx.out
        .note(&format!("removed the custom event {}", view.event.id));
    Ok(())
}

//! `notify rule reset`

use anyhow::Result;

use super::view::RuleJson;
use crate::context::Context;
use crate::rules::edit;

/// Put a rule back to its default: on, no optional roles, no additional users, every channel kind
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The event id
    #[arg(value_name = "EVENT")]
    pub event: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let view = ctx
        .store
        .update(|store| Ok(edit::reset(store, &args.event)?))?;
    if ctx.out.json {
        return ctx.out.json(&RuleJson::new(&view));
    }
    ctx.out
        .note(&format!("reset the rule of {}", view.event.id));
    Ok(())
}

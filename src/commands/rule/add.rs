//! `notify rule add`

use anyhow::Result;

use super::view::RuleJson;
use crate::context::Context;
use crate::rules::edit;
use crate::store::schema::DefaultRole;

/// Add a custom event, with a rule at its default
///
/// The id is three lowercase kebab-case words joined by dots (<category>.<module>.<state>) and must
/// not be a built-in event's.
///
/// Example:
///   notify rule add backup.nightly.failed --default-role none --description "The nightly backup failed"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The new event id, e.g. backup.nightly.failed
    #[arg(value_name = "EVENT")]
    pub event: String,
    /// Who the event always reaches
    #[arg(long, value_enum, value_name = "ROLE", default_value_t = DefaultRole::Submitter)]
    pub default_role: DefaultRole,
    /// What happened, in a sentence (also the default message) [default: the id's words]
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let view = ctx.store.update(|store| {
        Ok(edit::add(
            store,
            &args.event,
            args.default_role,
            args.description.as_deref(),
        )?)
    })?;
    if ctx.out.json {
        return ctx.out.json(&RuleJson::new(&view));
    }
    ctx.out
        .note(&format!("added the custom event {}", view.event.id));
    Ok(())
}

//! `notify rule set`

use anyhow::Result;

use super::view::RuleJson;
use crate::channels::Kind;
use crate::context::Context;
use crate::error::Error;
use crate::rules::edit::{self, Change};

/// Change who a rule reaches and through which channel kinds (only the parts given change)
///
/// --role replaces the optional roles (in addition to the event's default role): an event role
/// (submitter, approver, related, data-owner, instance-dba) or a store role such as dba, meaning every
/// user holding it. --recipient replaces the additional users; --channel narrows the channel kinds.
/// A role nobody holds, a user not in the store or a kind switched off in Notice Management is saved
/// with a warning.
///
/// Examples:
///   notify rule set ticket.data-change.pending-approval --role dba --channel dingtalk-bot --channel email
///   notify rule set task-flow.run.failed --recipient ops-lead
///   notify rule set ticket.data-change.pending-approval --all-channels --no-roles
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The event id
    #[arg(value_name = "EVENT")]
    pub event: String,
    /// An optional role (repeatable; replaces the rule's roles)
    #[arg(long = "role", value_name = "ROLE", conflicts_with = "no_roles")]
    pub roles: Vec<String>,
    /// Remove every optional role (the default role stays)
    #[arg(long)]
    pub no_roles: bool,
    /// An additional user (repeatable; replaces the rule's users)
    #[arg(
        long = "recipient",
        value_name = "USER",
        conflicts_with = "no_recipients"
    )]
    pub recipients: Vec<String>,
    /// Remove every additional user
    #[arg(long)]
    pub no_recipients: bool,
    /// A channel kind the rule goes through (repeatable; replaces the rule's kinds)
    #[arg(long = "channel", value_name = "KIND", conflicts_with = "all_channels")]
    pub channels: Vec<Kind>,
    /// Go through every channel kind again
    #[arg(long)]
    pub all_channels: bool,
}

fn part<T: Clone>(given: &[T], clear: bool) -> Option<Vec<T>> {
    if clear {
        Some(Vec::new())
    } else if given.is_empty() {
        None
    } else {
        Some(given.to_vec())
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let change = Change {
        roles: part(&args.roles, args.no_roles),
        users: part(&args.recipients, args.no_recipients),
        channels: part(&args.channels, args.all_channels),
    };
    if change.is_empty() {
        return Err(Error::usage("nothing to change")
            .hint("give --role, --recipient or --channel (or --no-roles, --no-recipients, --all-channels)")
            .into());
    }
    let (view, problems) = ctx.store.update(|store| {
        let view = edit::set(store, &args.event, &change)?;
        let problems = edit::problems(store, &view);
        Ok((view, problems))
    })?;
    for p in &problems {
        ctx.out.warn(p);
    }
    if ctx.out.json {
        return ctx.out.json(&RuleJson::new(&view));
    }
    ctx.out
        .note(&format!("updated the rule of {}", view.event.id));
    Ok(())
}

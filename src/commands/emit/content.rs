//! What an emit says: its message (a template, the message given, or the event's built-in text) and
//! the head of its JSON report.

use anyhow::Result;
use serde::Serialize;

use crate::channels::message::Message;
use crate::commands::rule::RuleJson;
use crate::context::Context;
use crate::delivery;
use crate::log::DeliveryId;
use crate::rules::RuleView;
use crate::store::Store;

use super::Args;

/// The message of an emit: the flags' content with the rule's event, as the store completes it.
pub fn message(ctx: &Context, store: &Store, view: &RuleView, args: &Args) -> Result<Message> {
    delivery::message(
        store,
        &args.fields.content(ctx, store, Some(view))?,
        &ctx.clock,
    )
}

/// The emitted event as `emit --json` names it.
#[derive(Debug, Serialize)]
struct EventJson<'a> {
    event: &'a str,
    category: &'a str,
    module: &'a str,
    task_id: Option<&'a str>,
    task_name: Option<&'a str>,
    submitter: Option<&'a str>,
}

/// What every `emit --json` document starts with.
#[derive(Debug, Serialize)]
pub struct Head<'a> {
    id: &'a DeliveryId,
    event: EventJson<'a>,
    rule: RuleJson<'a>,
}

impl<'a> Head<'a> {
    pub fn new(id: &'a DeliveryId, view: &'a RuleView, args: &'a Args) -> Self {
        Head {
            id,
            event: EventJson {
                event: view.event.id.as_str(),
                category: view.event.category(),
                module: view.event.module(),
                task_id: args.fields.task_id.as_deref(),
                task_name: args.fields.task_name.as_deref(),
                submitter: args.fields.submitter.as_deref(),
            },
            rule: RuleJson::new(view),
        }
    }
}

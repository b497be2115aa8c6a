//! What an emit says: its message (given, or the event's default text) and the head of its JSON report.

use anyhow::Result;
use serde::Serialize;

use crate::channels::message::{Format, Message};
use crate::commands::args::message_text;
use crate::commands::rule::RuleJson;
use crate::delivery::{self, Content};
use crate::log::EventId;
use crate::rules::{self, RuleView};
use crate::store::Store;

use super::Args;

/// The message: `--message`/`--message-file`, else the event's default text, with the event fields.
pub fn message(store: &Store, view: &RuleView, args: &Args) -> Result<Message> {
    let submitter_shown = args.submitter.as_ref().map(|s| {
        store
            .users
            .get(s)
            .and_then(|u| u.display_name.clone())
            .unwrap_or_else(|| s.clone())
    });
    let default = rules::default_text(
        &view.event.description,
        args.task_id.as_deref(),
        args.task_name.as_deref(),
        submitter_shown.as_deref(),
    );
    let text = message_text(args.message.as_ref(), args.message_file.as_deref())?;
    let content = Content {
        text: text.unwrap_or(default),
        title: args.title.clone(),
        format: Format::Text,
        event: view.event.id.to_string(),
        category: view.event.category().to_owned(),
        module: view.event.module().to_owned(),
        task_id: args.task_id.clone().unwrap_or_default(),
        task_name: args.task_name.clone().unwrap_or_default(),
        submitter: args.submitter.clone().unwrap_or_default(),
    };
    delivery::message(store, &content)
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
    id: &'a EventId,
    event: EventJson<'a>,
    rule: RuleJson<'a>,
}

impl<'a> Head<'a> {
    pub fn new(id: &'a EventId, view: &'a RuleView, args: &'a Args) -> Self {
        Head {
            id,
            event: EventJson {
                event: view.event.id.as_str(),
                category: view.event.category(),
                module: view.event.module(),
                task_id: args.task_id.as_deref(),
                task_name: args.task_name.as_deref(),
                submitter: args.submitter.as_deref(),
            },
            rule: RuleJson::new(view),
        }
    }
}

//! What an emit says: its message (given, or the event's default text) and the head of its JSON report.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;

use crate::channels::message::Message;
use crate::commands::args::message_text;
use crate::commands::rule::RuleJson;
use crate::delivery::{self, Content};
use crate::rules::RuleView;
use crate::store::Store;
use crate::templates::{self, Vars};

use super::Args;

/// The message: `--template`, else the rule's template, else `--message`/`--message-file`, else the
/// event's built-in text; with the event fields and the roles that reached each recipient.
pub fn message(store: &Store, view: &RuleView, args: &Args) -> Result<Message> {
    let submitter_shown = args.submitter.as_ref().map(|s| {
        store
            .users
            .get(s)
            .and_then(|u| u.display_name.clone())
            .unwrap_or_else(|| s.clone())
    });
    let builtin = templates::builtin(&Vars {
        task_id: args.task_id.clone().unwrap_or_default(),
        task_name: args.task_name.clone().unwrap_or_default(),
        submitter_name: submitter_shown.unwrap_or_default(),
        ..view.vars()
    });
    let given = args.rich.template()?;
    let check_template = given.is_some();
    let template = given.or_else(|| view.rule.template.clone());
    let text = message_text(args.message.as_ref(), args.message_file.as_deref())?;
    let content = Content {
        builtin: text.is_none(),
        message: text.clone().unwrap_or_default(),
        text: text.unwrap_or(builtin),
        title: args.title.clone(),
        format: args.rich.format,
        event: view.event.id.to_string(),
        category: view.event.category().to_owned(),
        module: view.event.module().to_owned(),
        state: view.event.state().to_owned(),
        description: view.event.description.clone(),
        task_id: args.task_id.clone().unwrap_or_default(),
        task_name: args.task_name.clone().unwrap_or_default(),
        submitter: args.submitter.clone().unwrap_or_default(),
        template,
        check_template,
        link: args.rich.link(),
        roles: HashMap::new(),
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
    event: EventJson<'a>,
    rule: RuleJson<'a>,
}

impl<'a> Head<'a> {
    pub fn new(view: &'a RuleView, args: &'a Args) -> Self {
        Head {
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

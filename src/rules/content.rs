//! What an event says, from its fields once they are read (flags or a relay's JSON): `emit` and the
//! relay make their message the same way.

use std::collections::HashMap;

use crate::channels::message::Format;
use crate::delivery::Content;
use crate::rules::RuleView;
use crate::store::Store;
use crate::templates::{self, Vars};

/// An event's content fields, files and stdin already read.
#[derive(Debug, Clone, Default)]
pub struct EventText {
    pub submitter: Option<String>,
    pub task_id: Option<String>,
    pub task_name: Option<String>,
    pub title: Option<String>,
    pub message: Option<String>,
    /// A template given with the event (it overrides the rule's).
    pub template: Option<String>,
    pub link: String,
    pub format: Format,
}

/// The content: the given template, else the rule's template, else the message, else the event's
/// built-in text (without an event: the message alone).
pub fn content(store: &Store, view: Option<&RuleView>, fields: EventText) -> Content {
    let submitter_shown = fields.submitter.as_ref().map(|s| {
        store
            .users
            .get(s)
            .and_then(|u| u.display_name.clone())
            .unwrap_or_else(|| s.clone())
    });
    let check_template = fields.template.is_some();
    let template = fields
        .template
        .or_else(|| view.and_then(|v| v.rule.template.clone()));
    let text = fields.message;
    let builtin = match (&text, view) {
        (None, Some(view)) => Some(templates::builtin(&Vars {
            task_id: fields.task_id.clone().unwrap_or_default(),
            task_name: fields.task_name.clone().unwrap_or_default(),
            submitter_name: submitter_shown.unwrap_or_default(),
            ..view.vars()
        })),
        _ => None,
    };
    let mut content = Content {
        builtin: builtin.is_some(),
        message: text.clone().unwrap_or_default(),
        text: text.or(builtin).unwrap_or_default(),
        title: fields.title,
        format: fields.format,
        task_id: fields.task_id.unwrap_or_default(),
        task_name: fields.task_name.unwrap_or_default(),
        submitter: fields.submitter.unwrap_or_default(),
        template,
        check_template,
        link: fields.link,
        roles: HashMap::new(),
        ..Content::default()
    };
    if let Some(view) = view {
        content.event = view.event.id.to_string();
        content.category = view.event.category().to_owned();
        content.module = view.event.module().to_owned();
        content.state = view.event.state().to_owned();
        content.description = view.event.description.clone();
    }
    content
}

//! What templates and rich formats add to a logged message ([`Rich`]), and its stored form: one JSON
//! object in `messages.rich` (log version 2; a version 1 row has none).
//!
//! The JSON shape is the log's file format, so it is spelled out here rather than derived from the
//! in-memory types: renaming a template variable must not silently change what old logs mean.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::templates::{CardColour, Vars};

/// The parts of a message beyond its title, text, format and event, as a retry needs them to send
/// the same copy again. None of them is a secret: a link is the ticket's page the user gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rich {
    /// Whether the text is Markdown (`--format auto` or the event's built-in text).
    pub markdown_text: bool,
    pub colour: CardColour,
    /// The template's source, rendered again per destination on a retry.
    pub template: Option<String>,
    pub link: String,
    /// The variables every destination shares, `time` included: a retry tells of the same event.
    pub vars: Vars,
    /// The roles that reached each stored recipient, by user name.
    pub roles: HashMap<String, Vec<String>>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Stored {
    markdown_text: bool,
    colour: String,
    template: Option<String>,
    link: String,
    vars: StoredVars,
    /// Sorted, so that one message is always stored as the same text.
    roles: BTreeMap<String, Vec<String>>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredVars {
    event: String,
    category: String,
    module: String,
    state: String,
    description: String,
    task_id: String,
    task_name: String,
    submitter: String,
    submitter_name: String,
    recipient: String,
    recipient_name: String,
    roles: Vec<String>,
    message: String,
    link: String,
    time: String,
    ack_link: String,
}

impl Rich {
    /// The stored text (a JSON object).
    pub(crate) fn to_json(&self) -> String {
        let v = self.vars.clone();
        let stored = Stored {
            markdown_text: self.markdown_text,
            colour: self.colour.as_str().to_owned(),
            template: self.template.clone(),
            link: self.link.clone(),
            vars: StoredVars {
                event: v.event,
                category: v.category,
                module: v.module,
                state: v.state,
                description: v.description,
                task_id: v.task_id,
                task_name: v.task_name,
                submitter: v.submitter,
                submitter_name: v.submitter_name,
                recipient: v.recipient,
                recipient_name: v.recipient_name,
                roles: v.roles,
                message: v.message,
                link: v.link,
                time: v.time,
                ack_link: v.ack_link,
            },
            roles: self.roles.clone().into_iter().collect(),
        };
        // Strings, booleans, lists and maps with string keys: serialising cannot fail.
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Reads the stored text back; `Err` names what does not parse.
    pub(crate) fn from_json(text: &str) -> Result<Rich, String> {
        let s: Stored = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let colour = [CardColour::Red, CardColour::Green, CardColour::Blue]
            .into_iter()
            .find(|c| c.as_str() == s.colour)
            .ok_or_else(|| format!("unknown card colour `{}`", s.colour))?;
        let v = s.vars;
        Ok(Rich {
            markdown_text: s.markdown_text,
            colour,
            template: s.template,
            link: s.link,
            vars: Vars {
                event: v.event,
                category: v.category,
                module: v.module,
                state: v.state,
                description: v.description,
                task_id: v.task_id,
                task_name: v.task_name,
                submitter: v.submitter,
                submitter_name: v.submitter_name,
                recipient: v.recipient,
                recipient_name: v.recipient_name,
                roles: v.roles,
                message: v.message,
                link: v.link,
                time: v.time,
                ack_link: v.ack_link,
                ..Vars::default()
            },
            roles: s.roles.into_iter().collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_text_reads_back_the_same_and_is_stable() {
        let rich = Rich {
            markdown_text: true,
            colour: CardColour::Red,
            template: Some("{{ description }} \"{{ task_name }}\" 数据 🚀\n".into()),
            link: "https://dms.example/t/42?a=1&b=2".into(),
            vars: Vars::sample(),
            roles: HashMap::from([
                ("bob".to_owned(), vec!["dba".to_owned()]),
                (
                    "alice".to_owned(),
                    vec!["approver".to_owned(), "dba".to_owned()],
                ),
            ]),
        };
        let text = rich.to_json();
        assert_eq!(Rich::from_json(&text), Ok(rich.clone()));
        assert_eq!(rich.clone().to_json(), text);
        assert!(
            text.contains(r#""roles":{"alice":["approver","dba"],"bob":["dba"]}"#),
            "{text}"
        );
        assert_eq!(
            Rich::from_json(&Rich::default().to_json()),
            Ok(Rich::default())
        );
        let err = Rich::from_json(r#"{"colour":"purple"}"#).unwrap_err();
        assert!(err.contains("purple"), "{err}");
        assert!(Rich::from_json("not json").is_err());
    }
}

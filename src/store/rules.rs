//! Notification rules and custom events as the store keeps them: event ids, a rule's settings (only what
//! differs from the default is written) and an operator's own events.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::mute::OnMute;
use super::timing::{GroupField, Span, Step};
use crate::channels::Kind;

/// An event id: `<category>.<module>.<state>`, three lowercase kebab-case words joined by dots.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EventId(String);

impl EventId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The three words: category, module, state.
    pub fn words(&self) -> [&str; 3] {
        let mut parts = self.0.splitn(3, '.');
        let mut next = || parts.next().unwrap_or_default();
        [next(), next(), next()]
    }
}

impl std::str::FromStr for EventId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let words: Vec<&str> = s.split('.').collect();
        let kebab = |w: &str| {
            !w.is_empty()
                && !w.starts_with('-')
                && !w.ends_with('-')
                && !w.contains("--")
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        if words.len() == 3 && words.iter().all(|w| kebab(w)) {
            Ok(EventId(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not an event id: it must be three lowercase kebab-case words joined by dots \
                 (<category>.<module>.<state>, e.g. backup.nightly.failed)"
            ))
        }
    }
}

impl TryFrom<String> for EventId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<EventId> for String {
    fn from(id: EventId) -> String {
        id.0
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A rule's settings; every field at its default is left out of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(default = "enabled_default", skip_serializing_if = "is_true")]
    pub enabled: bool,
    /// Optional roles, reached in addition to the event's default role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Additional users, by store name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<String>,
    /// The channel kinds the rule goes through; empty means every kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Kind>,
    /// The rule's message template (MiniJinja source, checked when saved); none: the built-in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Mute windows by name (`[mute."NAME"]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mute: Vec<String>,
    #[serde(default, skip_serializing_if = "OnMute::is_default")]
    pub on_mute: OnMute,
    /// Escalation steps (serve): while the event is unacknowledged, each step's roles hear of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalate: Vec<Step>,
    /// Grouping (serve): events with the same values of these fields become one message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_by: Vec<GroupField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_wait: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_interval: Option<Span>,
}

fn enabled_default() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Default for Rule {
    fn default() -> Self {
        Rule {
            enabled: true,
            roles: Vec::new(),
            users: Vec::new(),
            channels: Vec::new(),
            template: None,
            mute: Vec::new(),
            on_mute: OnMute::Defer,
            escalate: Vec::new(),
            group_by: Vec::new(),
            group_wait: None,
            repeat_interval: None,
        }
    }
}

impl Rule {
    pub fn is_default(&self) -> bool {
        *self == Rule::default()
    }

    /// Every role the rule reaches: its own (with an empty note), then each escalation step's (noted
    /// ` (escalation after 2h)`), for the checks that name a role nobody holds.
    pub fn roles_reached(&self) -> impl Iterator<Item = (&str, String)> {
        let own = self.roles.iter().map(|r| (r.as_str(), String::new()));
        let steps = self.escalate.iter().flat_map(|step| {
            let after = format!(" (escalation after {})", step.after);
            step.roles.iter().map(move |r| (r.as_str(), after.clone()))
        });
        own.chain(steps)
    }
}

/// Who a custom event reaches without any optional role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DefaultRole {
    Submitter,
    Approver,
    None,
}

impl DefaultRole {
    pub fn as_str(self) -> &'static str {
        match self {
            DefaultRole::Submitter => "submitter",
            DefaultRole::Approver => "approver",
            DefaultRole::None => "none",
        }
    }
}

/// An operator's own event: `[events."<id>"]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomEvent {
    pub default_role: DefaultRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_are_three_kebab_case_words() {
        let id: EventId = "backup.nightly-db.failed".parse().expect("valid");
        assert_eq!(id.words(), ["backup", "nightly-db", "failed"]);
        for bad in [
            "backup.failed",
            "Backup.x.y",
            "a..b",
            "a.-b.c",
            "a.b--c.d",
            "a.b.c.d",
        ] {
            assert!(bad.parse::<EventId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_rule_writes_only_what_differs_from_its_default() {
        #[derive(Serialize, Deserialize)]
        struct Doc {
            rule: Rule,
        }
        let text = toml::to_string(&Doc {
            rule: Rule::default(),
        })
        .expect("serialises");
        assert_eq!(text.trim(), "[rule]");
        let rule = Rule {
            enabled: false,
            channels: vec![Kind::Sms],
            ..Rule::default()
        };
        let text = toml::to_string(&Doc { rule: rule.clone() }).expect("serialises");
        assert_eq!(text, "[rule]\nenabled = false\nchannels = [\"sms\"]\n");
        let back: Doc = toml::from_str(&text).expect("parses");
        assert_eq!(back.rule, rule);
        assert!(!rule.is_default());
        assert!(toml::from_str::<Doc>("[rule]\nenable = true\n").is_err());
    }
}

//! Silences as pure data: what one matches (event globs, recipients, channel kinds) and when it holds.

use serde::{Deserialize, Serialize};

use crate::channels::Kind;
use crate::rules::matching::glob_matches;

/// What a silence matches: every list given must match (a list matches when any entry does).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matchers {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channel: Vec<Kind>,
}

impl Matchers {
    pub fn is_empty(&self) -> bool {
        self.event.is_empty() && self.recipient.is_empty() && self.channel.is_empty()
    }

    /// `event=ticket.*, recipient=alice` for lists and tables.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut put = |name: &str, values: Vec<&str>| {
            if !values.is_empty() {
                parts.push(format!("{name}={}", values.join("|")));
            }
        };
        put("event", self.event.iter().map(String::as_str).collect());
        put(
            "recipient",
            self.recipient.iter().map(String::as_str).collect(),
        );
        put("channel", self.channel.iter().map(|k| k.as_str()).collect());
        parts.join(", ")
    }
}

/// A silence: matching deliveries are skipped from `starts_ms` until `ends_ms` (Unix milliseconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Silence {
    pub id: String,
    pub matchers: Matchers,
    pub starts_ms: i64,
    pub ends_ms: i64,
    pub comment: String,
    pub created_by: Option<String>,
}

impl Silence {
    pub fn active_at(&self, now_ms: i64) -> bool {
        self.starts_ms <= now_ms && now_ms < self.ends_ms
    }

    /// Whether this silence's event globs (if any) match `event`.
    pub fn matches_event(&self, event: &str) -> bool {
        let m = &self.matchers;
        m.event.is_empty() || m.event.iter().any(|g| glob_matches(g, event))
    }

    /// Whether a delivery of `event` to `recipients` through `kind` is one this silence matches.
    pub fn matches(&self, event: &str, recipients: &[String], kind: Option<Kind>) -> bool {
        self.matches_event(event) && self.matches_delivery(recipients, kind)
    }

    /// Whether a delivery to `recipients` through `kind` matches, the event aside.
    pub fn matches_delivery(&self, recipients: &[String], kind: Option<Kind>) -> bool {
        let m = &self.matchers;
        (m.recipient.is_empty() || m.recipient.iter().any(|r| recipients.contains(r)))
            && (m.channel.is_empty() || kind.is_some_and(|k| m.channel.contains(&k)))
    }

    /// The skipped row's reason.
    pub fn reason(&self) -> String {
        format!("silenced ({}: {})", self.id, self.comment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn silence(matchers: Matchers) -> Silence {
        Silence {
            id: "s1".into(),
            matchers,
            starts_ms: 1_000,
            ends_ms: 2_000,
            comment: "maintenance".into(),
            created_by: None,
        }
    }

    #[test]
    fn every_given_list_must_match_and_a_silence_holds_for_its_time_only() {
        let s = silence(Matchers {
            event: vec!["ticket.*".into()],
            recipient: vec!["alice".into(), "bob".into()],
            ..Matchers::default()
        });
        let alice = vec!["alice".to_owned()];
        assert!(s.matches(
            "ticket.data-change.pending-approval",
            &alice,
            Some(Kind::Email)
        ));
        assert!(!s.matches("task-flow.run.failed", &alice, Some(Kind::Email)));
        assert!(!s.matches("ticket.x.y", &["carol".to_owned()], None));
        let sms = silence(Matchers {
            channel: vec![Kind::Sms],
            ..Matchers::default()
        });
        assert!(sms.matches("any.event.here", &alice, Some(Kind::Sms)));
        assert!(!sms.matches("any.event.here", &alice, Some(Kind::Email)));
        assert!(!s.active_at(999) && s.active_at(1_000) && s.active_at(1_999));
        assert!(!s.active_at(2_000), "a silence ends by itself");
        assert_eq!(s.reason(), "silenced (s1: maintenance)");
    }
}

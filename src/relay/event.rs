//! An event as `POST /v1/events` takes it: `notify emit`'s flags as JSON fields, checked field by field
//! so that a 400 names the field, and kept in the queue as the same JSON.

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

use crate::channels::Kind;
use crate::channels::message::Format;
use crate::log::DeliveryId;
use crate::log::time::{parse_duration, parse_rfc3339};
use crate::rules::{EventRoles, EventText};

/// The fields of one event (every one but `event` optional), as the queue keeps them: what
/// `POST /v1/events` takes (`Posted`) plus what notify's own intakes add (`recipients`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventBody {
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approver: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_owner: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instance_dba: Vec<String>,
    /// Additional recipients (a DMS hook's target users), reached besides the rule's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "in")]
    pub after: Option<String>,
}

/// The body of `POST /v1/events` (and each of a batch): only the documented fields, so a 400 names
/// any other, `recipients` too (notify's own intakes add that one to the queued [`EventBody`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Posted {
    event: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    submitter: Option<String>,
    #[serde(default)]
    approver: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    data_owner: Vec<String>,
    #[serde(default)]
    instance_dba: Vec<String>,
    #[serde(default)]
    task_id: Option<String>,
    #[serde(default)]
    task_name: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    channels: Vec<String>,
    #[serde(default)]
    at: Option<String>,
    #[serde(default, rename = "in")]
    after: Option<String>,
}

impl From<Posted> for EventBody {
    fn from(p: Posted) -> Self {
        EventBody {
            event: p.event,
            id: p.id,
            submitter: p.submitter,
            approver: p.approver,
            related: p.related,
            data_owner: p.data_owner,
            instance_dba: p.instance_dba,
            recipients: Vec::new(),
            task_id: p.task_id,
            task_name: p.task_name,
            title: p.title,
            message: p.message,
            link: p.link,
            format: p.format,
            channels: p.channels,
            at: p.at,
            after: p.after,
        }
    }
}

/// A body that does not make an event: the field at fault and why (the 400's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub field: String,
    pub reason: String,
}

impl Malformed {
    fn new(field: &str, reason: impl Into<String>) -> Self {
        Malformed {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

/// An event accepted for the queue: its id, when it is due, and its fields.
#[derive(Debug, Clone)]
pub struct Checked {
    pub id: DeliveryId,
    pub due_ms: i64,
    pub body: EventBody,
}

impl EventBody {
    /// Reads a request body; `fresh_id` names an event that came without one.
    pub fn parse(
        bytes: &[u8],
        now_ms: i64,
        fresh_id: impl FnOnce() -> Option<DeliveryId>,
    ) -> Result<Checked, Malformed> {
        let posted: Posted = serde_json::from_slice(bytes).map_err(|e| {
            let text = e.to_string();
            // serde names an unknown or mistyped field in its text; keep the field as ours.
            let field = text
                .split('`')
                .nth(1)
                .filter(|_| text.starts_with("unknown field") || text.starts_with("missing field"))
                .unwrap_or("body")
                .to_owned();
            Malformed::new(&field, text)
        })?;
        EventBody::from(posted).checked(now_ms, fresh_id)
    }

    /// Checks an event notify built itself (a DMS hook's, Alertmanager's) as [`EventBody::parse`]
    /// checks a client's.
    pub fn checked(
        self,
        now_ms: i64,
        fresh_id: impl FnOnce() -> Option<DeliveryId>,
    ) -> Result<Checked, Malformed> {
        let mut body = self;
        if body.event.trim().is_empty() {
            return Err(Malformed::new("event", "`event` is empty"));
        }
        let id = match &body.id {
            Some(id) => id
                .parse::<DeliveryId>()
                .map_err(|e| Malformed::new("id", e))?,
            None => fresh_id()
                .ok_or_else(|| Malformed::new("id", "no id could be made; send one in `id`"))?,
        };
        body.id = Some(id.to_string());
        if let Some(format) = &body.format {
            Format::from_str(format, true)
                .map_err(|_| Malformed::new("format", "`format` is one of auto, text, markdown"))?;
        }
        for kind in &body.channels {
            kind.parse::<Kind>()
                .map_err(|e: String| Malformed::new("channels", e))?;
        }
        let due_ms = match (&body.at, &body.after) {
            (Some(_), Some(_)) => {
                return Err(Malformed::new("in", "give `at` or `in`, not both"));
            }
            (Some(at), None) => parse_rfc3339(at).ok_or_else(|| {
                Malformed::new("at", "`at` is an RFC 3339 time, e.g. 2026-12-07T08:00:00Z")
            })?,
            (None, Some(after)) => {
                let wait = parse_duration(after, false)
                    .map_err(|why| Malformed::new("in", format!("`in`: {why} (e.g. 10m, 2h)")))?;
                now_ms.saturating_add(i64::try_from(wait.as_millis()).unwrap_or(i64::MAX))
            }
            (None, None) => now_ms,
        };
        Ok(Checked {
            id,
            due_ms: due_ms.max(now_ms),
            body,
        })
    }

    /// The event roles the fields name.
    pub fn roles(&self) -> EventRoles {
        EventRoles {
            submitter: self.submitter.clone(),
            approver: self.approver.clone(),
            related: self.related.clone(),
            data_owner: self.data_owner.clone(),
            instance_dba: self.instance_dba.clone(),
            additional: self.recipients.clone(),
        }
    }

    /// The content fields, as `emit`'s flags give them.
    pub fn text(&self) -> EventText {
        EventText {
            submitter: self.submitter.clone(),
            task_id: self.task_id.clone(),
            task_name: self.task_name.clone(),
            title: self.title.clone(),
            message: self.message.clone(),
            template: None,
            link: self.link.clone().unwrap_or_default(),
            format: self
                .format
                .as_deref()
                .and_then(|f| Format::from_str(f, true).ok())
                .unwrap_or_default(),
        }
    }

    /// The channel kinds the event is narrowed to (checked at intake).
    pub fn kinds(&self) -> Vec<Kind> {
        self.channels
            .iter()
            .filter_map(|k| k.parse().ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Checked, Malformed> {
        EventBody::parse(text.as_bytes(), 1_000, || "fresh".parse().ok())
    }

    #[test]
    fn a_body_names_the_field_at_fault() {
        let field = |text: &str| parse(text).unwrap_err().field;
        assert_eq!(field("{}"), "event");
        assert_eq!(field(r#"{"event": ""}"#), "event");
        assert_eq!(field(r#"{"event": "a.b.c", "colour": 1}"#), "colour");
        // Notify's own intakes carry `recipients` in the queue; a client does not.
        assert_eq!(
            field(r#"{"event": "a.b.c", "recipients": ["mallory"]}"#),
            "recipients"
        );
        assert_eq!(field(r#"{"event": "a.b.c", "id": "a b"}"#), "id");
        assert_eq!(field(r#"{"event": "a.b.c", "format": "html"}"#), "format");
        assert_eq!(
            field(r#"{"event": "a.b.c", "channels": ["fax"]}"#),
            "channels"
        );
        assert_eq!(field(r#"{"event": "a.b.c", "at": "tomorrow"}"#), "at");
        assert_eq!(field("[1"), "body");
    }

    #[test]
    fn an_event_without_an_id_gets_one_and_is_due_now_or_at_its_time() {
        let checked = parse(r#"{"event": "a.b.c", "approver": ["bob"]}"#).unwrap();
        assert_eq!(checked.id.as_str(), "fresh");
        assert_eq!(checked.body.id.as_deref(), Some("fresh"));
        assert_eq!(checked.due_ms, 1_000);
        assert_eq!(checked.body.roles().approver, ["bob"]);
        let later =
            parse(r#"{"event": "a.b.c", "id": "e-1", "at": "1970-01-01T00:00:05Z"}"#).unwrap();
        assert_eq!((later.id.as_str(), later.due_ms), ("e-1", 5_000));
        let after = parse(r#"{"event": "a.b.c", "in": "2m"}"#).unwrap();
        assert_eq!(after.due_ms, 121_000);
        assert_eq!(
            parse(r#"{"event": "a.b.c", "in": "soon"}"#)
                .unwrap_err()
                .field,
            "in"
        );
        assert_eq!(
            parse(r#"{"event": "a.b.c", "in": "1m", "at": "1970-01-01T00:00:05Z"}"#)
                .unwrap_err()
                .field,
            "in"
        );
    }
}

//! A DMS message hook (the body notify's webhook channel sends) as one event, so one notify can relay
//! another's webhook and DMS's own hook can be pointed at serve.

use serde_json::Value;

use super::alertmanager::kebab;
use super::event::{EventBody, Malformed};
use crate::channels::webhook::{EVENT_HEADER_VALUE, Payload, Received};

/// Whether the `DMS-Event` header says this is a message hook.
pub fn is_hook(header: Option<&str>) -> bool {
    header.is_some_and(|v| v.trim().eq_ignore_ascii_case(EVENT_HEADER_VALUE))
}

/// A field as text: a string as it is, a number in decimal, anything else empty.
fn text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    (!text.is_empty()).then_some(text)
}

/// The event a hook makes: its event id, submitter, target users as additional recipients, id and text.
pub fn event(bytes: &[u8]) -> Result<EventBody, Malformed> {
    let payload: Payload<Received, Value> =
        serde_json::from_slice(bytes).map_err(|e| Malformed {
            field: "messageEvent".into(),
            reason: format!("not a DMS message hook body: {e}"),
        })?;
    let m = payload.message_event;
    let whole = text(&m.event).filter(|e| e.split('.').count() == 3);
    let event = match whole {
        Some(event) => event,
        None => {
            let parts =
                [&m.category, &m.module, &m.event].map(|v| kebab(&text(v).unwrap_or_default()));
            if parts.iter().any(String::is_empty) {
                return Err(Malformed {
                    field: "messageEvent.event".into(),
                    reason: "give `messageEvent.event` as a whole event id, or `category`, `module` and `event`"
                        .into(),
                });
            }
            parts.join(".")
        }
    };
    let users = match &m.target_users {
        Value::Array(users) => users.iter().filter_map(|u| text(&u["uid"])).collect(),
        _ => Vec::new(),
    };
    Ok(EventBody {
        event,
        id: text(&m.id),
        submitter: text(&m.submitter_uid),
        recipients: users,
        task_id: text(&m.task_id),
        task_name: text(&m.task_name),
        message: text(&m.message),
        ..EventBody::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(value: Value) -> Result<EventBody, Malformed> {
        event(value.to_string().as_bytes())
    }

    #[test]
    fn notifys_own_body_keeps_its_event_id_and_names_the_target_users() {
        let body = map(json!({"messageEvent": {
            "id": "e-1", "submitterUid": "alice", "category": "ticket", "module": "data-change",
            "event": "ticket.data-change.pending-approval", "taskId": 42, "taskName": "Q",
            "eventTime": 1, "message": "hello",
            "targetUsers": [{"uid": "bob", "name": "Bob"}, {"uid": "carol", "name": ""}],
            "receivers": []
        }, "signatureMethod": "NONE"}))
        .unwrap();
        assert_eq!(body.event, "ticket.data-change.pending-approval");
        assert_eq!(body.id.as_deref(), Some("e-1"));
        assert_eq!(body.submitter.as_deref(), Some("alice"));
        assert_eq!(body.recipients, ["bob", "carol"]);
        assert_eq!(body.task_id.as_deref(), Some("42"));
        assert_eq!(body.task_name.as_deref(), Some("Q"));
        assert_eq!(body.message.as_deref(), Some("hello"));
    }

    #[test]
    fn dmss_short_event_is_built_from_category_and_module_in_kebab_case() {
        let body = map(json!({"messageEvent": {
            "category": "Ticket", "module": "DataChange", "event": "pending_approval"
        }}))
        .unwrap();
        assert_eq!(body.event, "ticket.data-change.pending-approval");
        assert_eq!((body.id, body.submitter), (None, None));
        let e = map(json!({"messageEvent": {"event": "x"}})).unwrap_err();
        assert_eq!(e.field, "messageEvent.event");
        let e = map(json!({"nothing": 1})).unwrap_err();
        assert_eq!(e.field, "messageEvent");
    }

    #[test]
    fn the_header_is_read_without_regard_to_case() {
        assert!(is_hook(Some("Message Hook")));
        assert!(is_hook(Some("message hook ")));
        assert!(!is_hook(Some("Push Hook")));
        assert!(!is_hook(None));
    }
}

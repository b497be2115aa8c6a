//! How a send is kept in the delivery log: the event id and each destination's idempotency key, what
//! the log knows of a repeated id, and the entries recorded (in one transaction) after the send.
//!
//! Keys are derived from (event id, destination identity), so a repeated `--id` reuses them even with
//! `--no-log`; a key the log already holds for the pair wins. A webhook's key is the event id itself
//! (every destination of one event carries the same `X-Notify-Delivery`, so that an endpoint can
//! de-duplicate on it). The log never
//! stops a delivery: when it cannot be opened, read or written, the run goes on and says why it was not
//! recorded.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use sha2::{Digest, Sha256};

use crate::channels::Kind;
use crate::channels::message::Message;
use crate::error::Error;
use crate::log::{self, DeliveryId, DeliveryLog, Entry, Identity};

use super::plan::Destination;
use super::target::Target;
use super::{Delivery, new_uuid, uuid_text};

/// The reason of a destination a repeated `--id` already delivered.
pub const ALREADY_DELIVERED: &str = "already delivered";

/// Where a run records its outcomes.
#[derive(Debug)]
pub enum Recording<'a> {
    /// `--no-log`.
    Off,
    To(&'a Path),
    /// A log the caller keeps open between runs (the relay): taken for the run, given back after.
    Kept(Arc<log::Kept>),
    /// The log has no place (no home folder and no `--log`): the run goes on unrecorded.
    Unavailable(anyhow::Error),
}

/// A fresh event id (a random UUID).
pub fn fresh_id() -> Result<DeliveryId> {
    let uuid = new_uuid().map_err(Error::failure)?;
    uuid.parse()
        .map_err(|e: String| Error::failure(format!("internal: {e}")).into())
}

pub(super) fn open(
    recording: Recording<'_>,
    problem: &mut Option<anyhow::Error>,
) -> Option<DeliveryLog> {
    match recording {
        Recording::Off => None,
        Recording::Unavailable(e) => {
            *problem = Some(e);
            None
        }
        Recording::Kept(kept) => match kept.take() {
            Ok(log) => Some(log),
            Err(e) => {
                *problem = Some(e);
                None
            }
        },
        Recording::To(path) => match DeliveryLog::open(path) {
            Ok(log) => Some(log),
            Err(e) => {
                *problem = Some(e);
                None
            }
        },
    }
}

/// Each destination's key: the event id for a webhook, else the key the log holds, else derived.
pub(super) fn keys(
    destinations: &[Destination],
    identities: &[Identity],
    id: &DeliveryId,
    logged: &HashMap<Identity, String>,
) -> Vec<String> {
    destinations
        .iter()
        .zip(identities)
        .map(|(dest, identity)| {
            if dest.kind == Some(Kind::Webhook) {
                id.as_str().to_owned()
            } else {
                logged
                    .get(identity)
                    .cloned()
                    .unwrap_or_else(|| derived_key(id, identity))
            }
        })
        .collect()
}

/// A UUID-shaped key from (event id, identity): the same pair always gives the same key, in any process.
pub fn derived_key(id: &DeliveryId, identity: &Identity) -> String {
    let digest = Sha256::digest(format!("notify idempotency key\n{id}\n{}", identity.key()));
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    // RFC 9562 version 8 (custom), so that the key is a well-formed UUID.
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    uuid_text(&b)
}

/// How the log names a destination without a secret: stored users and their channel, or (ad hoc) the
/// digest of the full address the user gave.
pub fn identity_of(dest: &Destination) -> Identity {
    match dest.kind {
        Some(kind) if dest.recipients.is_empty() => {
            let address = match &dest.target {
                // Digested at once: the identity never holds the token itself.
                Ok(Target::Webhook { url, .. }) => url.expose(),
                Ok(Target::DingtalkBot { webhook, .. } | Target::WecomBot { webhook, .. }) => {
                    webhook.expose()
                }
                Ok(Target::Email { to, .. }) => to,
                Ok(Target::Sms { mobile, .. }) => mobile,
                _ => &dest.shown,
            };
            Identity::ad_hoc(kind, address)
        }
        kind => Identity::stored(&dest.recipients, kind),
    }
}

/// The message as the log keeps it, all of it; [`message_of`] turns it back into the same message.
pub fn content_of(msg: &Message) -> log::Content {
    log::Content {
        // A headline exists exactly when a title was given or derived from the event name; either way
        // the subject is what `Message::new` makes of that title again.
        title: msg.headline.is_some().then(|| msg.subject.clone()),
        text: msg.text.clone(),
        format: msg.format,
        event: msg.event.clone(),
        rich: Some(log::Rich {
            markdown_text: msg.markdown_text,
            colour: msg.colour,
            template: msg.template.clone(),
            link: msg.link.clone(),
            vars: msg.vars.clone(),
            roles: msg.roles.clone(),
        }),
    }
}

/// The message `content` was made from; a row from before templates gives the message that version sent.
pub fn message_of(content: &log::Content) -> Message {
    // The log keeps the description among the template variables; the subject is made from it.
    let mut event = content.event.clone();
    if let Some(rich) = &content.rich {
        event.description = rich.vars.description.clone();
    }
    let mut msg = Message::new(
        content.title.clone(),
        content.text.clone(),
        content.format,
        event,
    );
    if let Some(rich) = &content.rich {
        msg.markdown_text = rich.markdown_text;
        msg.colour = rich.colour;
        msg.template = rich.template.clone();
        msg.link = rich.link.clone();
        msg.vars = rich.vars.clone();
        msg.roles = rich.roles.clone();
    }
    msg
}

pub(super) fn entries(
    id: &DeliveryId,
    rows: &[Delivery],
    identities: Vec<Identity>,
    keys: Vec<String>,
    content: &Arc<log::Content>,
    now_ms: u64,
) -> Vec<Entry> {
    let time_ms = i64::try_from(now_ms).unwrap_or(i64::MAX);
    rows.iter()
        .zip(identities.into_iter().zip(keys))
        .map(|(row, (identity, key))| Entry {
            event_id: id.clone(),
            time_ms,
            channel: row.channel.parse::<Kind>().ok(),
            identity,
            recipient: row.recipient.clone(),
            destination: row.destination.clone(),
            outcome: row.outcome,
            attempts: row.attempts,
            error_code: row.error_code.clone(),
            error_message: row.error_message.clone(),
            reason: row.reason.clone(),
            idempotency_key: key,
            content: Arc::clone(content),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::channels::message::{Event, Format};
    use crate::clock::Clock;
    use crate::delivery::Outcome;
    use crate::signing::SignatureMethod;
    use crate::values::Revealed;

    use super::*;

    fn id(s: &str) -> DeliveryId {
        s.parse().unwrap()
    }

    #[test]
    fn derived_keys_are_stable_uuids_that_differ_by_event_and_destination() {
        let alice = Identity::stored(&["alice".into()], Some(Kind::DingtalkBot));
        let bob = Identity::stored(&["bob".into()], Some(Kind::DingtalkBot));
        let a1 = derived_key(&id("run-1"), &alice);
        assert_eq!(a1, derived_key(&id("run-1"), &alice));
        assert_ne!(a1, derived_key(&id("run-2"), &alice));
        assert_ne!(a1, derived_key(&id("run-1"), &bob));
        let parts: Vec<usize> = a1.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12], "{a1}");
        assert_eq!(&a1[14..15], "8", "{a1}");
    }

    #[test]
    fn webhooks_carry_the_event_id_and_others_keep_a_logged_key() {
        let hook = Destination {
            recipients: Vec::new(),
            kind: Some(Kind::Webhook),
            shown: "https://h.example/x".into(),
            target: Ok(Target::Webhook {
                url: "https://h.example/x?token=s3cret".into(),
                method: SignatureMethod::None,
                key: Revealed::new(""),
                ca_file: None,
            }),
        };
        let stored = |name: &str| Destination {
            recipients: vec![name.into()],
            kind: Some(Kind::Email),
            shown: format!("{name}@example.com"),
            target: Err((Outcome::Skipped, "not enabled".into())),
        };
        let dests = [hook, stored("alice"), stored("bob")];
        let identities: Vec<Identity> = dests.iter().map(identity_of).collect();
        assert!(identities[0].is_ad_hoc());
        assert!(!identities[0].key().contains("s3cret"));
        let logged = HashMap::from([(identities[1].clone(), "from-the-log".to_owned())]);
        let keys = keys(&dests, &identities, &id("ticket-42"), &logged);
        assert_eq!(keys[0], "ticket-42");
        assert_eq!(keys[1], "from-the-log");
        assert_eq!(keys[2], derived_key(&id("ticket-42"), &identities[2]));
    }

    #[test]
    fn the_logged_content_gives_back_the_same_message() {
        let event = Event {
            name: "TicketApproval".into(),
            ..Event::default()
        };
        let cases = [
            Message::new(
                None,
                "first line\nmore".into(),
                Format::Text,
                Event::default(),
            ),
            Message::new(None, "body".into(), Format::Markdown, event.clone()),
            Message::new(Some("Custom".into()), "body".into(), Format::Text, event),
            Message::new(
                Some("Plain".into()),
                "b".into(),
                Format::Text,
                Event::default(),
            ),
        ];
        for msg in cases {
            let again = message_of(&content_of(&msg));
            assert_eq!(
                (&again.subject, &again.headline, &again.text, again.format),
                (&msg.subject, &msg.headline, &msg.text, msg.format)
            );
        }
    }

    /// Each channel kind's request body, format and cut note for `msg`, to `recipient` or to a shared
    /// destination; the webhook's event time (the time of the build) left out.
    fn requests(msg: &Message, recipient: Option<&str>) -> Vec<String> {
        use crate::store::Store;
        Kind::ALL
            .iter()
            .map(|kind| {
                let mut p = super::super::template_preview::preview(
                    &Store::default(),
                    msg,
                    *kind,
                    recipient,
                    0,
                )
                .unwrap_or_else(|e| panic!("{kind}: {e}"));
                if let Some(event) = p.body.get_mut("messageEvent") {
                    event["eventTime"] = 0.into();
                }
                format!("{kind} {} {:?} {}", p.format, p.cut, p.body)
            })
            .collect()
    }

    #[test]
    fn a_templated_rich_message_comes_back_byte_identical_on_every_channel() {
        use super::super::request::{Content, message};
        use crate::store::Store;
        use crate::templates::CardColour;

        let emit = Content {
            // emit: the built-in text is Markdown even with --format text; the state colours the card.
            text: "A task *failed*: Load \\<b>".into(),
            builtin: true,
            format: Format::Text,
            event: "task-flow.run.started".into(),
            category: "task-flow".into(),
            module: "run".into(),
            state: "failed".into(),
            description: "A task failed".into(),
            task_id: "7".into(),
            task_name: "Load <b> 数据 🚀".into(),
            submitter: "carol".into(),
            template: Some(
                "**{{ description }}** {{ task_name }} for {{ recipient }} ({{ roles }}) \
                 at {{ time }}\n\n[Ticket]({{ link }})"
                    .into(),
            ),
            link: "https://dms.example/t/7?x=1&y=(2)".into(),
            roles: HashMap::from([
                (
                    "alice".to_owned(),
                    vec!["approver".to_owned(), "dba".to_owned()],
                ),
                ("bob".to_owned(), vec!["submitter".to_owned()]),
            ]),
            ..Content::default()
        };
        let send_text = Content {
            text: "Disk *almost* full\nsecond line".into(),
            message: "Disk *almost* full\nsecond line".into(),
            title: Some("Disk".into()),
            format: Format::Text,
            link: "https://dms.example/disk".into(),
            ..Content::default()
        };
        let send_markdown = Content {
            text: "**Backup** done".into(),
            message: "**Backup** done".into(),
            format: Format::Markdown,
            event: "backup_succeeded".into(),
            template: Some("{{ message }} / {{ event }} / {{ link }}".into()),
            ..Content::default()
        };
        for content in [emit, send_text, send_markdown] {
            let msg = message(&Store::default(), &content, &Clock::system()).unwrap();
            let again = message_of(&content_of(&msg));
            assert_eq!(
                (
                    &again.subject,
                    &again.headline,
                    &again.text,
                    again.markdown_text
                ),
                (&msg.subject, &msg.headline, &msg.text, msg.markdown_text)
            );
            assert_eq!(
                (again.format, &again.template, &again.link, &again.vars),
                (msg.format, &msg.template, &msg.link, &msg.vars)
            );
            assert_eq!((&again.roles, again.colour), (&msg.roles, msg.colour));
            assert_eq!(content_of(&again), content_of(&msg));
            for recipient in [Some("alice"), None] {
                assert_eq!(requests(&again, recipient), requests(&msg, recipient));
            }
        }
        // The emit case really is one that the v1 log lost: its colour and Markdown came from elsewhere.
        let emit = message(
            &Store::default(),
            &Content {
                text: "x".into(),
                builtin: true,
                format: Format::Text,
                event: "task-flow.run.started".into(),
                state: "failed".into(),
                ..Content::default()
            },
            &Clock::system(),
        )
        .unwrap();
        let mut v1 = content_of(&emit);
        v1.rich = None;
        let old = message_of(&v1);
        assert_eq!((emit.colour, emit.markdown_text), (CardColour::Red, true));
        assert_eq!((old.colour, old.markdown_text), (CardColour::Blue, false));
    }
}

//! What `notify listen` prints: each accepted event on stdout (a line, or a JSON line with `--json`),
//! rejections and notes on stderr.

use anyhow::Result;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::channels::webhook::Person;
use crate::listen::{Event, Report, Sink, clean};
use crate::output::Output;
use crate::signing;

/// Prints what the receiver reports: events on stdout, everything else on stderr.
pub struct Printer(pub Output);

impl Sink for Printer {
    fn report(&self, report: Report<'_>) -> Result<()> {
        let out = &self.0;
        match report {
            // Shown even with -q: with port 0 it is the only way to learn the port.
            Report::Listening { addr, method } => {
                out.status(&format!("listening on http://{addr} (signature {method})"));
            }
            Report::Accepted {
                event,
                peer,
                request,
                bytes,
            } => {
                print_event(out, event)?;
                out.detail(&format!("accepted {request} from {peer} ({bytes} bytes)"));
            }
            Report::Repeated { event, peer } => {
                let id = event.delivery_id().map(clean).unwrap_or_default();
                let path = clean(&event.path);
                out.note(&format!(
                    "repeated delivery {id} to {path} from {peer} (a retry): answered 204 again, not printed"
                ));
            }
            Report::Rejected {
                peer,
                request,
                status,
                reason,
            } => {
                let what = request.unwrap_or("request");
                out.warn(&format!("rejected {what} from {peer}: {status} {reason}"));
            }
            Report::AcceptFailed(e) => out.warn(&format!("cannot accept a connection: {e}")),
            Report::Stopping { accepted } => {
                let s = if accepted == 1 { "" } else { "s" };
                out.note(&format!("received {accepted} event{s}, stopping"));
            }
        }
        Ok(())
    }
}

/// The `--json` line of an accepted event (field names are stable).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventLine<'a> {
    delivery: Option<&'a str>,
    id: &'a Json,
    event: &'a Json,
    event_time: i64,
    message: &'a Json,
    signature_method: &'a Json,
    verified: bool,
    path: &'a str,
    message_event: &'a Json,
}

fn print_event(out: &Output, event: &Event) -> Result<()> {
    if out.json {
        return out.json_line(&EventLine {
            delivery: event.delivery.as_deref(),
            id: &event.fields.id,
            event: &event.fields.event,
            event_time: event.event_time,
            message: &event.fields.message,
            signature_method: &event.payload.signature_method,
            verified: event.verified,
            path: &event.path,
            message_event: &event.payload.message_event,
        });
    }
    out.print(&human_line(event))
}

/// `TIME  DELIVERY  EVENT  "MESSAGE"  receivers: UID, ...`; everything the sender chose is cleaned of
/// control characters, and the message is quoted with its newlines escaped.
fn human_line(event: &Event) -> String {
    let fields = &event.fields;
    let time = u64::try_from(event.event_time / 1000)
        .map_or_else(|_| event.event_time.to_string(), signing::utc_timestamp);
    let delivery = event
        .delivery
        .as_deref()
        .or(event.id.as_deref())
        .filter(|d| !d.is_empty())
        .map_or_else(|| "-".to_owned(), clean);
    let name = match fields.event.as_str().unwrap_or_default() {
        "" => "-".to_owned(),
        name => clean(name),
    };
    let receivers: Vec<String> = fields
        .receivers
        .as_array()
        .map(|list| list.iter().map(receiver).collect())
        .unwrap_or_default();
    let receivers = if receivers.is_empty() {
        "-".to_owned()
    } else {
        receivers.join(", ")
    };
    let message = fields.message.as_str().unwrap_or_default();
    format!("{time}  {delivery}  {name}  {message:?}  receivers: {receivers}\n")
}

/// A receiver's uid, else their name, else `?`.
fn receiver(person: &Json) -> String {
    let person = match person
        .is_object()
        .then(|| Person::<Json>::deserialize(person))
    {
        Some(Ok(person)) => person,
        _ => return "?".to_owned(),
    };
    let uid = person.uid.as_str().filter(|s| !s.is_empty());
    clean(uid.or(person.name.as_str()).unwrap_or("?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::webhook::{Payload, Received};

    #[test]
    fn human_lines_are_one_line_without_escapes() {
        let body = r#"{"messageEvent":{"id":"d-1","event":"task_failed","eventTime":1700000000000,
            "message":"Task 7\nfailed \u001b[31m","receivers":[{"uid":"alice"},{"uid":"","name":"B\u0007"},7]}}"#;
        let payload: Payload<Json, Json> = serde_json::from_str(body).expect("JSON");
        let event = Event {
            delivery: None,
            id: Some("d-1".into()),
            event_time: 1_700_000_000_000,
            verified: false,
            path: "/".into(),
            fields: Received::deserialize(&payload.message_event).expect("fields"),
            payload,
        };
        assert_eq!(
            human_line(&event),
            "2023-11-14T22:13:20Z  d-1  task_failed  \"Task 7\\nfailed \\u{1b}[31m\"  receivers: alice, B?, ?\n"
        );
    }
}

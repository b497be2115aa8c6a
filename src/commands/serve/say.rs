//! What `notify serve` says on stderr: one line per request (dropped by -q), per outcome and per
//! event that needed no delivery, as text or (`--json-logs`) as one JSON object; never a secret.

use serde_json::{Map, Value, json};

use crate::listen::clean;
use crate::log::time::format_rfc3339;
use crate::output::Output;
use crate::relay::Line;
use crate::server::human_duration;

/// How a line is shown: a status (always), a note (dropped by -q) or a warning.
enum Level {
    Status,
    Note,
    Warn,
}

pub fn say(out: &Output, json: bool, now_ms: u64, line: Line) {
    let (level, kind, text, fields) = describe(line);
    if json {
        let mut doc = Map::new();
        let time = format_rfc3339(i64::try_from(now_ms).unwrap_or(i64::MAX));
        doc.insert("time".into(), time.into());
        doc.insert("kind".into(), kind.into());
        doc.insert("message".into(), text.into());
        doc.extend(fields);
        out.json_log(&Value::Object(doc), matches!(level, Level::Note));
        return;
    }
    match level {
        Level::Status => out.status(&text),
        Level::Note => out.note(&text),
        Level::Warn => out.warn(&text),
    }
}

fn describe(line: Line) -> (Level, &'static str, String, Map<String, Value>) {
    let fields = |v: Value| match v {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    match line {
        Line::Listening(addr) => (
            Level::Status,
            "listening",
            format!("listening on http://{addr}"),
            fields(json!({ "addr": addr.to_string() })),
        ),
        Line::Reclaimed(n) => (
            Level::Status,
            "reclaimed",
            format!("took back {n} event(s) a previous serve left in flight"),
            fields(json!({ "events": n })),
        ),
        Line::Request {
            method,
            path,
            status,
            id,
        } => {
            let (path, id) = (clean(&path), id.map(|i| clean(&i)));
            let shown = id.as_ref().map(|i| format!(" {i}")).unwrap_or_default();
            (
                Level::Note,
                "request",
                format!("{method} {path} {status}{shown}"),
                fields(json!({ "method": method, "path": path, "status": status, "id": id })),
            )
        }
        Line::Outcome {
            id,
            recipient,
            channel,
            outcome,
            detail,
            attempts,
        } => {
            let detail = detail.map(|d| clean(&d));
            let shown = detail
                .as_ref()
                .map(|d| format!(": {d}"))
                .unwrap_or_default();
            (
                Level::Status,
                "delivery",
                format!("{id} {recipient} {channel}: {outcome} (attempt {attempts}){shown}"),
                fields(
                    json!({ "id": id, "recipient": recipient, "channel": channel,
                    "outcome": outcome, "attempts": attempts, "detail": detail }),
                ),
            )
        }
        Line::Finished { id, note } => (
            Level::Status,
            "finished",
            format!("{id}: {}", clean(&note)),
            fields(json!({ "id": id })),
        ),
        Line::Stopping { grace } => (
            Level::Status,
            "stopping",
            format!(
                "stopping: new events get 503; waiting up to {} for attempts in flight (signal again to stop at once)",
                human_duration(grace)
            ),
            Map::new(),
        ),
        Line::StoreFailed(e) => (
            Level::Warn,
            "store_failed",
            format!("the store changed but does not load; the last good one stays in use: {e:#}"),
            Map::new(),
        ),
        Line::QueueFailed(e) => (
            Level::Warn,
            "queue_failed",
            format!("the queue: {e:#}"),
            Map::new(),
        ),
        Line::LogFailed(e) => (
            Level::Warn,
            "log_failed",
            format!("not recorded in the delivery log: {e:#}"),
            Map::new(),
        ),
    }
}

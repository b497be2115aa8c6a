//! `notify queue`: what waits in the relay's queue (events `notify serve` or `emit --at/--in` took).

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::log::queue::Waiting;
use crate::log::time::format_rfc3339;
use crate::relay::EventBody;

/// List the events that wait in the relay's queue
///
/// Every event `notify serve` (or `notify emit --at/--in`) accepted that still has a destination to
/// deliver: when it is due next, its state (due, scheduled, or in_flight while a worker holds it),
/// its destinations so far (queued, done, dead) and the last error. Delivered and cancelled events
/// are in `notify log`.
///
/// Exit 0 (an empty queue included), 1 when the delivery log cannot be read.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

/// One waiting event (the `queue --json` shape).
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    event: String,
    received: String,
    due: String,
    state: &'static str,
    queued: u32,
    done: u32,
    dead: u32,
    last_error: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn of(w: &'a Waiting, now_ms: i64) -> Self {
        let event = serde_json::from_str::<EventBody>(&w.body)
            .map(|b| b.event)
            .unwrap_or_default();
        Row {
            id: &w.id,
            event,
            received: format_rfc3339(w.received_ms),
            due: format_rfc3339(w.due_ms),
            state: match (w.in_flight, w.due_ms <= now_ms) {
                (true, _) => "in_flight",
                (false, true) => "due",
                (false, false) => "scheduled",
            },
            queued: w.queued,
            done: w.done,
            dead: w.dead,
            last_error: w.last_error.as_deref(),
        }
    }
}

pub fn run(ctx: &Context, _args: &Args) -> Result<()> {
    let path = ctx.log_path()?;
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let waiting = match crate::log::may_exist(path) {
        true => crate::log::open_queue(path)?.waiting(now)?,
        false => Vec::new(),
    };
    let rows: Vec<Row> = waiting.iter().map(|w| Row::of(w, now)).collect();
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    if rows.is_empty() {
        ctx.out.note("nothing waits in the queue");
        return Ok(());
    }
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                r.id.to_owned(),
                r.event.clone(),
                r.due.clone(),
                r.state.to_owned(),
                format!("{} queued, {} done, {} dead", r.queued, r.done, r.dead),
                r.last_error.unwrap_or_default().to_owned(),
            ]
        })
        .collect();
    let header = ["ID", "EVENT", "DUE", "STATE", "DESTINATIONS", "LAST ERROR"];
    ctx.out.table(&header, cells)
}

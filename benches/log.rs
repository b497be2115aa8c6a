//! What the delivery log adds to a send of 1,000 destinations: opening the log, looking up an `--id`
//! (delivered destinations and their keys), and recording the run in one transaction.
//!
//! Run: `cargo bench --bench log [RUNS]` (default 20 runs; prints the mean and the slowest run of each step).
//! Compare the record figure with the time a 1,000-destination send takes (benches/send.sh) to check the
//! 5% budget of issue 9.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use notify::channels::Kind;
use notify::channels::message::{Event, Format};
use notify::log::{Content, DeliveryId, Entry, Identity, Log, Outcome, Rich};

const DESTINATIONS: usize = 1_000;

fn rows(id: &DeliveryId, content: &Arc<Content>) -> Vec<Entry> {
    (0..DESTINATIONS)
        .map(|i| {
            let recipient = format!("user{i:04}");
            Entry {
                event_id: id.clone(),
                time_ms: 1_800_000_000_000,
                identity: Identity::stored(std::slice::from_ref(&recipient), Some(Kind::Email)),
                destination: format!("{recipient}@example.com"),
                recipient,
                channel: Some(Kind::Email),
                outcome: if i % 10 == 0 {
                    Outcome::Failed
                } else {
                    Outcome::Delivered
                },
                attempts: 1,
                error_code: (i % 10 == 0).then(|| "http_503".to_owned()),
                error_message: (i % 10 == 0).then(|| "service unavailable".to_owned()),
                reason: None,
                idempotency_key: format!("{id}-{i:08x}"),
                content: Arc::clone(content),
            }
        })
        .collect()
}

fn report(name: &str, times: &[Duration]) {
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let max = times.iter().max().copied().unwrap_or_default();
    println!(
        "{name:<44} {:>10.2} {:>10.2}",
        mean.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3
    );
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deliveries.db");
    let content = Arc::new(Content {
        title: Some("Ticket 42".into()),
        text: "Ticket 42 waits for your approval. ".repeat(20),
        format: Format::Text,
        event: Event {
            name: "TicketApproval".into(),
            task_id: "42".into(),
            ..Event::default()
        },
        // A message as `emit` makes it: a template and a link are stored with it (log version 2).
        rich: Some(Rich {
            markdown_text: true,
            template: Some("**{{ description }}**: {{ task_name }} (#{{ task_id }})".into()),
            link: "https://dms.example.com/ticket/42".into(),
            ..Rich::default()
        }),
    });
    let (mut open, mut lookup, mut record) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let id: DeliveryId = format!("bench-{run}").parse().unwrap();
        let batch = rows(&id, &content);
        let start = Instant::now();
        let log = Log::open(&path).unwrap();
        open.push(start.elapsed());
        let start = Instant::now();
        let history = log.history_of(&id).unwrap();
        lookup.push(start.elapsed());
        assert!(history.delivered.is_empty() && history.keys.is_empty());
        let start = Instant::now();
        log.record(&batch).unwrap();
        record.push(start.elapsed());
    }
    println!(
        "{:<44} {:>10} {:>10}",
        format!("step ({runs} runs, {DESTINATIONS} destinations)"),
        "mean (ms)",
        "max (ms)"
    );
    report("open the log", &open);
    report("look up --id (delivered, keys)", &lookup);
    report("record the run (one transaction)", &record);
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "log size after {} rows: {} KiB",
        runs * DESTINATIONS,
        size / 1024
    );
}

//! Records the workers' sends in groups: one task takes the sends that wait (a few milliseconds'
//! worth, up to [`MAX_GROUP`]) and records them with one call of the queue (one transaction on
//! SQLite): every commit writes the pages it changed again, so a group of records costs little more
//! than one.
//!
//! A worker keeps its slot until its record is committed: a crash cuts off no more sends than are
//! in flight (`--workers`), each of which keeps its lease and is sent again, under the same
//! idempotency key, after the next start.

use std::sync::Arc;

use anyhow::{Result, anyhow};
use tokio::sync::{mpsc, oneshot};

use crate::log::Kept;
use crate::log::queue::{Policy, Queue, Recorded, Sent};

/// The most sends one call records.
pub const MAX_GROUP: usize = 256;
/// How long a group waits after its first send for more (it stops waiting once half the workers'
/// sends are in it).
const LINGER: std::time::Duration = std::time::Duration::from_millis(2);

/// A send on its way to the queue, and who waits for its answer.
struct Job {
    sent: Sent,
    answer: oneshot::Sender<Result<Recorded>>,
}

/// The workers' handle on the recorder task.
#[derive(Debug)]
pub struct Recorder {
    jobs: mpsc::Sender<Job>,
}

impl Recorder {
    /// The handle for `workers` workers, and the recorder's task for the caller to spawn on the
    /// workers' runtime.
    pub fn new(
        queue: Arc<dyn Queue>,
        log: Arc<Kept>,
        policy: Policy,
        workers: usize,
    ) -> (Self, impl Future<Output = ()> + Send + 'static) {
        let (jobs, received) = mpsc::channel(workers.max(1));
        let gather = (workers / 2).max(1);
        (Recorder { jobs }, run(queue, log, policy, received, gather))
    }

    /// Records `sent` with the group that waits, and waits for its answer.
    pub async fn record(&self, sent: Sent) -> Result<Recorded> {
        let (answer, answered) = oneshot::channel();
        let job = Job { sent, answer };
        if self.jobs.send(job).await.is_err() {
            return Err(anyhow!("internal: the recorder is gone"));
        }
        answered
            .await
            .unwrap_or_else(|_| Err(anyhow!("internal: the recorder stopped before the record")))
    }
}

/// Takes what waits, records it, answers, and again, until every handle is gone.
async fn run(
    queue: Arc<dyn Queue>,
    log: Arc<Kept>,
    policy: Policy,
    mut received: mpsc::Receiver<Job>,
    gather: usize,
) {
    let mut jobs = Vec::with_capacity(MAX_GROUP);
    while received.recv_many(&mut jobs, MAX_GROUP).await > 0 {
        let lingered = tokio::time::timeout(LINGER, async {
            while jobs.len() < gather {
                let room = MAX_GROUP - jobs.len();
                if received.recv_many(&mut jobs, room).await == 0 {
                    break;
                }
            }
        });
        let _ = lingered.await;
        let (sents, answers): (Vec<Sent>, Vec<_>) =
            jobs.drain(..).map(|j| (j.sent, j.answer)).unzip();
        let (queue, log) = (Arc::clone(&queue), Arc::clone(&log));
        let n = sents.len();
        let recorded = tokio::task::spawn_blocking(move || {
            queue.record_sent_many(sents, &policy, &|rows| write_rows(&log, rows))
        })
        .await
        .unwrap_or_else(|e| {
            (0..n)
                .map(|_| Err(anyhow!("a queue call failed: {e}")))
                .collect()
        });
        for (answer, recorded) in answers.into_iter().zip(recorded) {
            // A worker cut off by a stop has nobody to answer; its record stands.
            let _ = answer.send(recorded);
        }
    }
}

/// The rows of a send in the log, where the queue's backend does not write them itself.
fn write_rows(log: &Kept, rows: &[crate::log::Entry]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    // A log that failed is dropped, not given back (the next send opens a fresh one).
    let opened = log.take()?;
    opened.record(rows)?;
    log.give(opened);
    Ok(())
}

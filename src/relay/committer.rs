//! Group commit for single-event intake: one task commits every event waiting in one transaction, and
//! each request is answered only after the commit that holds its event, so a 202 stays durable while
//! the queue pays one commit per batch instead of one per request.
//!
//! A batch that fails as a whole is tried again event by event, so that one bad event does not fail
//! the others; an event whose own commit fails is answered as not queued, and nothing is half queued.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, mpsc, oneshot};

use crate::log::queue::{Claimed, Inserted, NewEvent, Queue};

use super::{Line, Report};

/// The most events one transaction commits.
pub const MAX_GROUP: usize = 256;

/// How many requests may wait for the committer before new ones wait for room.
const WAITING: usize = 4 * MAX_GROUP;

/// An event on its way to the queue, and who waits for its answer.
struct Job {
    event: NewEvent,
    now_ms: i64,
    answer: oneshot::Sender<Option<Inserted>>,
}

/// The intake's handle on the committer task.
pub struct Committer {
    jobs: mpsc::Sender<Job>,
}

/// An event handed straight to the workers, with the worker slot it runs in.
pub type Handed = (Claimed, OwnedSemaphorePermit);

/// Where events due now go straight to the workers: for each, a free worker slot is taken before
/// the commit and the event is leased in the commit itself, so that no claim has to find it.
pub struct Handoff {
    /// The workers' slots (`--workers`).
    pub slots: Arc<Semaphore>,
    pub to: mpsc::UnboundedSender<Handed>,
    /// This serve's name on its leases, and how long a lease lasts.
    pub owner: String,
    pub lease: Duration,
}

impl Committer {
    /// Starts the committer task on the current runtime; `wake` is told when an event due now was
    /// queued that nobody was handed. With a `handoff`, events due now go to workers with free slots.
    pub fn start(
        queue: Arc<dyn Queue>,
        wake: Arc<Notify>,
        report: Report,
        handoff: Option<Handoff>,
    ) -> Committer {
        let (jobs, waiting) = mpsc::channel(WAITING);
        tokio::spawn(run(queue, waiting, wake, report, handoff));
        Committer { jobs }
    }

    /// Queues one event and waits for the commit that holds it: its insert's answer, or `None` when
    /// it was not committed (nothing of it is in the queue then).
    pub async fn commit(&self, event: NewEvent, now_ms: i64) -> Option<Inserted> {
        let (answer, answered) = oneshot::channel();
        let job = Job {
            event,
            now_ms,
            answer,
        };
        self.jobs.send(job).await.ok()?;
        answered.await.ok().flatten()
    }
}

/// Takes what waits (up to [`MAX_GROUP`]), commits it, answers, and again, until every handle is gone.
async fn run(
    queue: Arc<dyn Queue>,
    mut waiting: mpsc::Receiver<Job>,
    wake: Arc<Notify>,
    report: Report,
    handoff: Option<Handoff>,
) {
    let mut jobs = Vec::with_capacity(MAX_GROUP);
    while waiting.recv_many(&mut jobs, MAX_GROUP).await > 0 {
        let group = std::mem::take(&mut jobs);
        let queue = Arc::clone(&queue);
        let events: Vec<(NewEvent, i64)> =
            group.iter().map(|j| (j.event.clone(), j.now_ms)).collect();
        // A free worker slot for each event due now, as many as there are.
        let mut slots = Vec::new();
        let mut lease = None;
        if let Some(h) = &handoff {
            let due = events.iter().filter(|(e, now)| e.due_ms <= *now).count();
            while slots.len() < due {
                let Ok(slot) = Arc::clone(&h.slots).try_acquire_owned() else {
                    break;
                };
                slots.push(slot);
            }
            lease = Some((h.owner.clone(), h.lease));
        }
        let leases = slots.len();
        let committed = tokio::task::spawn_blocking(move || {
            let lease = lease
                .as_ref()
                .map(|(owner, lease)| (owner.as_str(), *lease));
            commit_group(&*queue, &events, lease, leases)
        })
        .await
        .unwrap_or_else(|_| Committed::none(group.len()));
        for e in committed.errors {
            (report)(Line::QueueFailed(e));
        }
        // New events due now (those due later are the poll's: a claim now would find nothing).
        let due_now = committed
            .answers
            .iter()
            .zip(&group)
            .filter(|(a, job)| matches!(a, Some(Inserted::New { due_ms }) if *due_ms <= job.now_ms))
            .count();
        if let Some(h) = &handoff {
            for &i in &committed.leased {
                let (Some(job), Some(slot)) = (group.get(i), slots.pop()) else {
                    break;
                };
                let event = Claimed {
                    id: job.event.id.clone(),
                    body: job.event.body.clone(),
                    planned: Some(Vec::new()),
                };
                // Workers that are gone (a stop) leave it leased: the next start takes it back.
                let _ = h.to.send((event, slot));
            }
        }
        // The slots not used go back; events not handed over wait for a claim.
        drop(slots);
        if due_now > committed.leased.len() {
            wake.notify_one();
        }
        for (job, answer) in group.into_iter().zip(committed.answers) {
            // A client that hung up meanwhile has nobody to answer; its event stays committed.
            let _ = job.answer.send(answer);
        }
    }
}

/// One group's answers (in order), the indexes of the events leased in it, and the errors met on
/// the way.
struct Committed {
    answers: Vec<Option<Inserted>>,
    leased: Vec<usize>,
    errors: Vec<anyhow::Error>,
}

impl Committed {
    fn none(n: usize) -> Self {
        Committed {
            answers: vec![None; n],
            leased: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// Commits the group in one transaction (received at the latest request's time, a few milliseconds
/// at most after the first), else each event in its own.
/// With `lease`, up to `leases` events due now are leased to the serve in the same transaction.
fn commit_group(
    queue: &dyn Queue,
    events: &[(NewEvent, i64)],
    lease: Option<(&str, Duration)>,
    leases: usize,
) -> Committed {
    let now = events.iter().map(|(_, now)| *now).max().unwrap_or_default();
    let all: Vec<NewEvent> = events.iter().map(|(e, _)| e.clone()).collect();
    let inserted = match lease {
        Some(lease) => queue.insert_leased(&all, now, lease, leases),
        None => queue.insert_many(&all, now).map(|i| (i, Vec::new())),
    };
    let first = match inserted {
        Ok((inserted, leased)) if inserted.len() == events.len() => {
            return Committed {
                answers: inserted.into_iter().map(Some).collect(),
                leased,
                errors: Vec::new(),
            };
        }
        Ok(_) => anyhow::anyhow!("internal: the queue answered a group of events short"),
        Err(e) => e,
    };
    if events.len() == 1 {
        return Committed {
            answers: vec![None],
            leased: Vec::new(),
            errors: vec![first],
        };
    }
    // Nothing of the group was committed: each event on its own, in order (duplicates as before).
    let mut errors = Vec::new();
    let answers = events
        .iter()
        .map(
            |(event, now)| match queue.insert(&event.id, &event.body, *now, event.due_ms) {
                Ok(inserted) => Some(inserted),
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
        )
        .collect();
    Committed {
        answers,
        leased: Vec::new(),
        errors,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use anyhow::{Result, bail};

    use super::*;
    use crate::log::queue::{
        Attempt, Cancelled, Claimed, Counts, Planned, Policy, SqliteQueue, Waiting,
    };

    fn event(id: &str) -> NewEvent {
        NewEvent {
            id: id.into(),
            body: format!("{{\"event\":\"e\",\"id\":\"{id}\"}}"),
            due_ms: 5,
        }
    }

    fn quiet() -> Report {
        Arc::new(|_| {})
    }

    /// Commits `ids` as concurrent requests; their answers in order.
    async fn burst(committer: &Arc<Committer>, ids: &[&str]) -> Vec<Option<Inserted>> {
        let tasks: Vec<_> = ids
            .iter()
            .map(|id| {
                let (c, e) = (Arc::clone(committer), event(id));
                tokio::spawn(async move { c.commit(e, 1).await })
            })
            .collect();
        let mut answers = Vec::new();
        for t in tasks {
            answers.push(t.await.unwrap());
        }
        answers
    }

    /// A queue that counts its transactions, refuses the ids it is told to and, when `broken`,
    /// every commit; what it committed, it keeps.
    #[derive(Default)]
    struct Fake {
        transactions: AtomicUsize,
        refused: Vec<String>,
        broken: bool,
        kept: Mutex<Vec<String>>,
        sizes: Mutex<Vec<usize>>,
    }

    impl Queue for Fake {
        fn insert_many(&self, events: &[NewEvent], _now: i64) -> Result<Vec<Inserted>> {
            self.transactions.fetch_add(1, Ordering::SeqCst);
            self.sizes.lock().unwrap().push(events.len());
            if self.broken {
                bail!("disk I/O error");
            }
            if let Some(e) = events.iter().find(|e| self.refused.contains(&e.id)) {
                bail!("refused {}", e.id);
            }
            let mut kept = self.kept.lock().unwrap();
            Ok(events
                .iter()
                .map(|e| match kept.contains(&e.id) {
                    true => Inserted::Duplicate,
                    false => {
                        kept.push(e.id.clone());
                        Inserted::New { due_ms: e.due_ms }
                    }
                })
                .collect())
        }
        fn claim(&self, _: &str, _: i64, _: Duration, _: usize) -> Result<Vec<Claimed>> {
            unimplemented!()
        }
        fn planned(&self, _: &str) -> Result<Vec<Planned>> {
            unimplemented!()
        }
        fn record(
            &self,
            _: &str,
            _: &str,
            _: &[(String, Attempt)],
            _: i64,
            _: &Policy,
        ) -> Result<()> {
            unimplemented!()
        }
        fn release(&self, _: &str, _: &str) -> Result<()> {
            unimplemented!()
        }
        fn reclaim_all(&self) -> Result<usize> {
            unimplemented!()
        }
        fn counts(&self, _: i64) -> Result<Counts> {
            unimplemented!()
        }
        fn waiting(&self, _: i64) -> Result<Vec<Waiting>> {
            unimplemented!()
        }
        fn cancel(&self, _: &str, _: i64) -> Result<Cancelled> {
            unimplemented!()
        }
        fn requeue_dead(
            &self,
            _: Option<&str>,
            _: Option<i64>,
            _: i64,
        ) -> Result<Vec<(String, String)>> {
            unimplemented!()
        }
        fn settle_dead(&self, _: &[(String, String)]) -> Result<usize> {
            unimplemented!()
        }
    }

    const NEW: Option<Inserted> = Some(Inserted::New { due_ms: 5 });
    const DUP: Option<Inserted> = Some(Inserted::Duplicate);

    #[tokio::test(flavor = "current_thread")]
    async fn requests_waiting_together_share_one_transaction_and_duplicates_answer_as_before() {
        let fake = Arc::new(Fake::default());
        let committer = Arc::new(Committer::start(
            fake.clone(),
            Arc::default(),
            quiet(),
            None,
        ));
        // On one thread every request is waiting before the committer first runs.
        let answers = burst(&committer, &["a", "b", "a", "c", "b"]).await;
        assert_eq!(answers, [NEW, NEW, DUP, NEW, DUP]);
        assert_eq!(fake.transactions.load(Ordering::SeqCst), 1);
        // Across groups too.
        assert_eq!(burst(&committer, &["c", "d"]).await, [DUP, NEW]);
        assert_eq!(fake.transactions.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_group_is_at_most_max_group_events() {
        let fake = Arc::new(Fake::default());
        let committer = Arc::new(Committer::start(
            fake.clone(),
            Arc::default(),
            quiet(),
            None,
        ));
        let ids: Vec<String> = (0..MAX_GROUP + 10).map(|i| format!("e{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let answers = burst(&committer, &ids).await;
        assert!(answers.iter().all(|a| *a == NEW));
        assert_eq!(*fake.sizes.lock().unwrap(), [MAX_GROUP, 10]);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn one_failing_event_fails_only_itself() {
        let fake = Arc::new(Fake {
            refused: vec!["bad".into()],
            ..Fake::default()
        });
        let seen = Arc::new(Mutex::new(Vec::new()));
        let lines = Arc::clone(&seen);
        let report: Report = Arc::new(move |line| lines.lock().unwrap().push(format!("{line:?}")));
        let committer = Arc::new(Committer::start(fake.clone(), Arc::default(), report, None));
        let answers = burst(&committer, &["a", "bad", "b", "a"]).await;
        assert_eq!(answers, [NEW, None, NEW, DUP]);
        assert_eq!(*fake.kept.lock().unwrap(), ["a", "b"]);
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert!(seen[0].contains("refused bad"), "{seen:?}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_failed_commit_answers_every_waiter_not_queued_and_keeps_nothing() {
        let fake = Arc::new(Fake {
            broken: true,
            ..Fake::default()
        });
        let committer = Arc::new(Committer::start(
            fake.clone(),
            Arc::default(),
            quiet(),
            None,
        ));
        assert_eq!(
            burst(&committer, &["a", "b", "c"]).await,
            [None, None, None]
        );
        assert!(fake.kept.lock().unwrap().is_empty());
    }

    #[tokio::test(flavor = "current_thread")]
    async fn with_sqlite_a_refused_row_leaves_the_rest_of_its_group_committed_and_nothing_half() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.db");
        let queue = Arc::new(SqliteQueue::open(&path).unwrap());
        // The file refuses one id, as a full disk or a constraint would refuse a row.
        let other = rusqlite::Connection::open(&path).unwrap();
        other
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON queue_events WHEN NEW.id = 'bad'
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let committer = Arc::new(Committer::start(
            queue.clone(),
            Arc::default(),
            quiet(),
            None,
        ));
        let answers = burst(&committer, &["a", "bad", "b", "b"]).await;
        assert_eq!(answers, [NEW, None, NEW, DUP]);
        let queued: Vec<String> = queue
            .waiting(0)
            .unwrap()
            .into_iter()
            .map(|w| w.id)
            .collect();
        assert_eq!(queued, ["a", "b"]);
        // Every row refused: nothing queued, every waiter told.
        other
            .execute_batch(
                "DROP TRIGGER refuse;
                 CREATE TRIGGER refuse BEFORE INSERT ON queue_events
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        assert_eq!(burst(&committer, &["c", "d"]).await, [None, None]);
        assert_eq!(queue.waiting(0).unwrap().len(), 2);
    }

    #[tokio::test]
    async fn events_due_now_go_leased_to_free_worker_slots_and_the_rest_wait_for_a_claim() {
        let dir = tempfile::tempdir().unwrap();
        let queue = Arc::new(SqliteQueue::open(&dir.path().join("log.db")).unwrap());
        let slots = Arc::new(Semaphore::new(2));
        let (to, mut handed) = mpsc::unbounded_channel();
        let handoff = Handoff {
            slots: Arc::clone(&slots),
            to,
            owner: "serve-1".into(),
            lease: Duration::from_secs(60),
        };
        let wake = Arc::new(Notify::new());
        let committer = Committer::start(queue.clone(), Arc::clone(&wake), quiet(), Some(handoff));
        for id in ["a", "b", "c"] {
            let mut due_now = event(id);
            due_now.due_ms = 0;
            assert_eq!(
                committer.commit(due_now, 1).await,
                Some(Inserted::New { due_ms: 0 })
            );
        }
        // Two slots: two events handed over, each with its slot and nothing planned yet.
        let mut given = Vec::new();
        while let Ok((event, slot)) = handed.try_recv() {
            assert_eq!(event.planned, Some(Vec::new()));
            given.push((event.id, slot));
        }
        let ids: Vec<&str> = given.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(slots.available_permits(), 0);
        // The third waits for a claim, and the workers were told.
        tokio::time::timeout(Duration::from_secs(5), wake.notified())
            .await
            .expect("woken");
        let claimed: Vec<String> = queue
            .claim("serve-1", 1, Duration::from_secs(60), 10)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(claimed, ["c"]);
        drop(given);
        assert_eq!(slots.available_permits(), 2);
    }

    #[tokio::test]
    async fn only_an_event_due_now_wakes_the_workers() {
        let dir = tempfile::tempdir().unwrap();
        let queue = Arc::new(SqliteQueue::open(&dir.path().join("log.db")).unwrap());
        let wake = Arc::new(Notify::new());
        let committer = Committer::start(queue, Arc::clone(&wake), quiet(), None);
        // `notified` completes at once when a wake-up is stored for it, else not before one comes.
        let woken = || async {
            tokio::time::timeout(Duration::ZERO, wake.notified())
                .await
                .is_ok()
        };
        let mut later = event("later");
        later.due_ms = 60_000;
        assert!(committer.commit(later, 1).await.is_some());
        assert!(!woken().await, "a claim now would find nothing");
        let mut due = event("due");
        due.due_ms = 0;
        assert!(committer.commit(due, 1).await.is_some());
        assert!(woken().await);
    }
}

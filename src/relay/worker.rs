//! The relay's workers: lease a due event, plan it as `notify emit` does with the store as it is now,
//! send its due destinations through [`Run::deliver_on`] (recorded in the log like every send), and
//! tell the queue each destination's outcome.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Result, anyhow};
use tokio::sync::{Notify, Semaphore, mpsc};
use tokio::task::JoinSet;

use crate::clock::Clock;
use crate::delivery::stop::Stop;
use crate::delivery::{Engine, Options, Recording, Run, identity_of};
use crate::log::acks::NewStep;
use crate::log::queue::{Attempt, Claimed, Planned, Policy, Queue, Sent};
use crate::log::{Entry, Kept};
use crate::rules::fallback::Chains;
use crate::store::Step;

use super::committer::Handed;
use super::fallback;
use super::metrics::Metrics;
use super::recorder::Recorder;
use super::stores::Stores;
use super::{Line, Report};

/// How often an idle worker looks for an event that became due (a retry's time, say), unless told.
pub const POLL: Duration = Duration::from_millis(200);
/// The same where the queue's commits wake the workers (PostgreSQL's LISTEN/NOTIFY): only work that
/// nobody announces is left to it (a deferred time reached, a killed replica's lease ended).
pub const POLL_WOKEN: Duration = Duration::from_secs(1);

/// What every worker shares.
pub struct Workers {
    pub queue: Arc<dyn Queue>,
    pub stores: Arc<Stores>,
    /// The delivery log, kept open between attempts.
    pub log: Arc<Kept>,
    pub cache_dir: Option<PathBuf>,
    pub clock: Clock,
    pub opts: Options,
    pub policy: Policy,
    pub lease: Duration,
    /// This serve's name on its leases.
    pub owner: String,
    /// One engine for every worker: the bound on attempts in flight (`--workers`), robot pacing,
    /// app tokens and Feishu/Lark rate limits hold across all of them.
    pub engine: Arc<Engine>,
    pub report: Report,
    pub metrics: Arc<Metrics>,
    /// Records sends in groups (see [`Recorder`]).
    pub recorder: Recorder,
    /// Signs the `ack_link` of escalating rules' messages.
    pub links: Arc<super::ack::Links>,
    /// How often idle workers look for work that nobody announced on `wake`.
    pub poll: Duration,
}

impl Workers {
    fn now_ms(&self) -> i64 {
        i64::try_from(self.clock.now_ms()).unwrap_or(i64::MAX)
    }

    /// Works on as many events at once as `slots` allows (the shared engine bounds their attempts
    /// to as many) until `stop`: those the intake hands over leased (see
    /// [`super::committer::Handoff`]), and those it claims. Then gives those in flight up to `grace`.
    /// An event cut off keeps its lease, which the next start takes back.
    pub async fn run(
        self: Arc<Self>,
        slots: Arc<Semaphore>,
        mut handed: mpsc::UnboundedReceiver<Handed>,
        wake: Arc<Notify>,
        stop: Stop,
        grace: Duration,
    ) {
        let mut tasks = JoinSet::new();
        let start = |tasks: &mut JoinSet<()>, (event, permit): Handed| {
            let me = Arc::clone(&self);
            // The slot is taken until the record is committed: a crash cuts off no more sends
            // than there are slots.
            tasks.spawn(async move {
                me.attempt(event).await;
                drop(permit);
            });
        };
        // Whether the queue may hold due work that nobody handed over (a claim found none: not
        // until something says so, or the poll comes round, however busy the hand-over keeps us).
        let mut look = true;
        let mut poll_at = tokio::time::Instant::now();
        loop {
            while tasks.try_join_next().is_some() {}
            if !look {
                tokio::select! {
                    () = stop.wait() => break,
                    Some(given) = handed.recv() => start(&mut tasks, given),
                    () = wake.notified() => look = true,
                    () = tokio::time::sleep_until(poll_at) => look = true,
                }
                continue;
            }
            let permit = tokio::select! {
                () = stop.wait() => break,
                Some(given) = handed.recv() => {
                    start(&mut tasks, given);
                    continue;
                }
                permit = Arc::clone(&slots).acquire_owned() => match permit {
                    Ok(permit) => permit,
                    Err(_) => break,
                },
            };
            // Every free slot in one claim: one write transaction leases a batch, not one event each.
            let mut permits = vec![permit];
            while let Ok(more) = Arc::clone(&slots).try_acquire_owned() {
                permits.push(more);
            }
            let (queue, owner, lease, now, limit) = (
                Arc::clone(&self.queue),
                self.owner.clone(),
                self.lease,
                self.now_ms(),
                permits.len(),
            );
            let claimed =
                tokio::task::spawn_blocking(move || queue.claim(&owner, now, lease, limit)).await;
            match claimed {
                Ok(Ok(events)) if !events.is_empty() => {
                    for event in events {
                        let Some(permit) = permits.pop() else { break };
                        start(&mut tasks, (event, permit));
                    }
                    continue;
                }
                Ok(Err(e)) => (self.report)(Line::QueueFailed(e)),
                _ => {}
            }
            drop(permits);
            look = false;
            poll_at = tokio::time::Instant::now() + self.poll;
        }
        let finished =
            tokio::time::timeout(grace, async { while tasks.join_next().await.is_some() {} }).await;
        if finished.is_err() {
            tasks.shutdown().await;
        }
    }

    /// Runs a queue call off the runtime's thread (SQLite blocks).
    async fn queued<T: Send + 'static>(
        &self,
        call: impl FnOnce(&dyn Queue) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let queue = Arc::clone(&self.queue);
        tokio::task::spawn_blocking(move || call(&*queue))
            .await
            .unwrap_or_else(|e| Err(anyhow!("a queue call failed: {e}")))
    }

    /// The event's planned destinations: `known` when the queue gave them already, else read.
    async fn planned(&self, id: &str, known: Option<Vec<Planned>>) -> Result<Vec<Planned>> {
        if let Some(planned) = known {
            return Ok(planned);
        }
        let key = id.to_owned();
        self.queued(move |q| q.planned(&key)).await
    }

    /// Records outcomes (none: the event is finished) and ends the lease.
    async fn record(&self, id: &str, outcomes: Vec<(String, Attempt)>) {
        let (id, owner, now, policy) = (
            id.to_owned(),
            self.owner.clone(),
            self.now_ms(),
            self.policy,
        );
        let recorded = self
            .queued(move |q| q.record(&id, &owner, &outcomes, now, &policy))
            .await;
        if let Err(e) = recorded {
            (self.report)(Line::QueueFailed(e));
        }
    }

    /// Records a send through the recorder: its outcomes, and its rows for the delivery log with
    /// them (in one transaction when the log is the queue's own file); rows the log refused are
    /// reported, the outcomes stand. Returns where the event's destinations stand now, when the
    /// queue told.
    async fn record_sent(
        &self,
        id: &str,
        outcomes: Vec<(String, Attempt)>,
        rows: Vec<Entry>,
    ) -> Option<Vec<Planned>> {
        let sent = Sent {
            id: id.to_owned(),
            owner: self.owner.clone(),
            outcomes,
            rows,
            now_ms: self.now_ms(),
        };
        let recorded = self.recorder.record(sent).await;
        match recorded {
            Ok(recorded) => {
                if let Some(e) = recorded.unlogged {
                    (self.report)(Line::LogFailed(e));
                }
                recorded.states
            }
            Err(e) => {
                (self.report)(Line::QueueFailed(e));
                None
            }
        }
    }

    /// Puts the event back untouched (its lease ends) after a failure of the queue or the log.
    async fn release(&self, id: &str, e: anyhow::Error) {
        (self.report)(Line::QueueFailed(e));
        let (id, owner) = (id.to_owned(), self.owner.clone());
        let _ = self.queued(move |q| q.release(&id, &owner)).await;
    }

    /// Schedules the rule's escalation steps of an event planned for the first time, each at now plus
    /// its delay (none when it is acknowledged already).
    async fn escalate(&self, id: &str, body: &str, steps: &[Step]) {
        let now = self.now_ms();
        let steps: Vec<NewStep> = (1u32..)
            .zip(steps)
            .map(|(n, s)| NewStep {
                step: n,
                after: s.after.to_string(),
                roles: s.roles.clone(),
                due_ms: now.saturating_add(s.after.ms()),
            })
            .collect();
        let (log, key, body) = (self.log.clone(), id.to_owned(), body.to_owned());
        let scheduled =
            tokio::task::spawn_blocking(move || log.acks(|a| a.schedule(&key, &body, &steps, now)))
                .await
                .unwrap_or_else(|e| Err(anyhow!("a log call failed: {e}")));
        if let Err(e) = scheduled {
            (self.report)(Line::QueueFailed(e));
        }
    }

    /// After a record (`states`: where it left the destinations, if known): the next link of a
    /// chain whose link gave up is due now; links no longer needed are skipped (see
    /// [`fallback::after`]). Returns the states still true, if any.
    async fn fall_back(
        &self,
        id: &str,
        chains: &Chains,
        states: Option<Vec<Planned>>,
    ) -> Option<Vec<Planned>> {
        let states = self.planned(id, states).await.ok()?;
        let next = fallback::after(chains, &states, self.now_ms());
        if next.is_empty() {
            return Some(states);
        }
        self.record(id, next).await;
        None
    }

    /// Plans and sends one leased event, then records what became of each destination.
    async fn attempt(&self, mut event: Claimed) {
        let id = event.id.clone();
        let planned = match self.planned(&id, event.planned.take()).await {
            Ok(planned) => planned,
            Err(e) => return self.release(&id, e).await,
        };
        let step = match self.step_of(&id).await {
            Ok(step) => step,
            Err(e) => return self.release(&id, e).await,
        };
        let members = match self.members_of(&id).await {
            Ok(members) => members,
            Err(e) => return self.release(&id, e).await,
        };
        let planning = self
            .plan(
                (&id, &event.body),
                &planned,
                step.as_ref(),
                members.as_deref(),
            )
            .and_then(|(plan, msg, deferred, chains, held, escalate)| {
                let event_id = id
                    .parse()
                    .map_err(|_| format!("the queued id `{id}` is not an event id: dropped"))?;
                Ok((plan, msg, event_id, deferred, chains, held, escalate))
            });
        let (plan, mut msg, event_id, deferred, chains, held_back, escalate) = match planning {
            Ok(planning) => planning,
            Err(note) => {
                let line = Line::Finished {
                    id: id.clone(),
                    note,
                };
                (self.report)(line);
                return self.record(&id, Vec::new()).await;
            }
        };
        // The link acknowledges the event itself, from its own message and from its steps'.
        match &step {
            Some(step) => msg.vars.ack_link = self.links.link(&step.event_id),
            None if !escalate.is_empty() => msg.vars.ack_link = self.links.link(&id),
            None => {}
        }
        if planned.is_empty() && step.is_none() && !escalate.is_empty() {
            self.escalate(&id, &event.body, &escalate).await;
        }
        let identities: Vec<String> = plan
            .destinations
            .iter()
            .map(|d| identity_of(d).key())
            .collect();
        let run = Run {
            cache_dir: self.cache_dir.clone(),
            recording: Recording::Kept(Arc::clone(&self.log)),
            id: Some(event_id),
            ..Run::new(self.opts.clone(), self.clock)
        };
        let mut finished = match run.deliver_with(&self.engine, plan, msg).await {
            Ok(finished) => finished,
            Err(e) => return self.release(&id, e).await,
        };
        if let Some(e) = finished.not_recorded.take() {
            (self.report)(Line::LogFailed(e));
        }
        let now = self.now_ms();
        let outcomes: Vec<(String, Attempt)> = identities
            .into_iter()
            .zip(&finished.rows)
            .map(|(identity, row)| (identity, attempt_of(row, now)))
            .collect();
        let held = deferred.iter().map(|d| {
            let until_ms = d.until_ms;
            let why = format!("{} until {}", d.why, crate::time::shown(until_ms));
            (
                identity_of(&d.destination).key(),
                Attempt::Deferred { until_ms, why },
            )
        });
        let recorded: Vec<_> = outcomes
            .iter()
            .cloned()
            .chain(held)
            .chain(held_back)
            .collect();
        let entries = std::mem::take(&mut finished.entries);
        let mut states = self.record_sent(&id, recorded, entries).await;
        if !chains.0.is_empty() {
            states = self.fall_back(&id, &chains, states).await;
        }
        if let Some(step) = &step {
            let (log, key, now) = (self.log.clone(), id.clone(), self.now_ms());
            let fired = tokio::task::spawn_blocking(move || log.acks(|a| a.fired(&key, now)));
            if let Ok(Err(e)) = fired.await {
                (self.report)(Line::QueueFailed(e));
            }
            let note = format!("{} of {} fired", step.title(), step.event_id);
            (self.report)(Line::Finished {
                id: id.clone(),
                note,
            });
        }
        for d in &deferred {
            (self.report)(Line::Outcome {
                id: id.clone(),
                recipient: d.destination.recipients.join(", "),
                channel: d.destination.channel().to_owned(),
                outcome: "deferred",
                detail: Some(format!(
                    "{} until {}",
                    d.why,
                    crate::time::shown(d.until_ms)
                )),
                attempts: 0,
            });
        }
        let states = self.planned(&id, states).await.unwrap_or_default();
        self.report_outcomes(&id, &finished.rows, &outcomes, &states);
    }
}

mod outcome;
mod plan;
#[cfg(test)]
mod tests;

use outcome::attempt_of;

//! The relay's workers: lease a due event, plan it as `notify emit` does with the store as it is now,
//! send its due destinations through [`Run::deliver_on`] (recorded in the log like every send), and
//! tell the queue each destination's outcome.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Result, anyhow};
use tokio::sync::{Notify, Semaphore, mpsc};
use tokio::task::JoinSet;

use crate::channels::message::Message;
use crate::clock::Clock;
use crate::delivery::Plan;
use crate::delivery::stop::{self, NOT_SENT, Stop};
use crate::delivery::{
    self, ALREADY_DELIVERED, Class, Delivery, Engine, HELD_BACK, OUTCOME_UNKNOWN, Options, Outcome,
    Recording, Run, identity_of,
};
use crate::log::acks::{NewStep, StepRow};
use crate::log::queue::{Attempt, Claimed, Planned, Policy, Queue, Sent, State};
use crate::log::{Entry, Kept};
use crate::rules;
use crate::rules::fallback::Chains;
use crate::store::Step;
use crate::time::Deferred;

use super::committer::Handed;
use super::event::EventBody;
use super::fallback;
use super::group;
use super::metrics::Metrics;
use super::recorder::Recorder;
use super::stores::Stores;
use super::{Line, Report};

/// How often an idle worker looks for an event that became due (a retry's time, say), unless told.
pub const POLL: Duration = Duration::from_millis(200);
/// The same where the queue's commits wake the workers (PostgreSQL's LISTEN/NOTIFY): only work that
/// nobody announces is left to it (a deferred time reached, a killed replica's lease ended).
pub const POLL_WOKEN: Duration = Duration::from_secs(1);

/// A planned event: what to send now, its message, what time holds back, users' fallback chains and
/// what to record for the links they hold back, and the rule's escalation steps.
type Planning = (
    Plan,
    Message,
    Vec<Deferred>,
    Chains,
    Vec<(String, Attempt)>,
    Vec<Step>,
);

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

    /// The event planned as `emit` plans it, with the store as it is now, narrowed to the
    /// destinations of its first planning that are due; `Err` says why nothing is to be sent.
    fn plan(
        &self,
        (id, raw): (&str, &str),
        planned: &[Planned],
        step: Option<&StepRow>,
        members: Option<&[(String, String)]>,
    ) -> Result<Planning, String> {
        let body: EventBody = serde_json::from_str(raw)
            .map_err(|e| format!("unreadable in the queue ({e}): dropped"))?;
        let current = self.stores.current();
        if current.reloaded {
            self.metrics.reload(true);
        }
        if let Some(e) = current.failed {
            self.metrics.reload(false);
            (self.report)(Line::StoreFailed(e));
        }
        let store = current.store;
        let view = rules::find(&store, &body.event).map_err(|_| {
            format!(
                "no event `{}` in the store any more: nothing sent",
                body.event
            )
        })?;
        if !view.rule.enabled {
            return Err(format!("rule {} is disabled: nothing sent", view.event.id));
        }
        // A grouping rule's event joins its group (sent by the group's own event) the first time.
        if step.is_none()
            && members.is_none()
            && planned.is_empty()
            && !view.rule.group_by.is_empty()
        {
            let (now, key) = (self.now_ms(), group::key(&view, &body));
            let span = |s: &Option<crate::store::Span>| s.as_ref().map_or(0, |s| s.ms());
            let (wait, repeat) = (
                span(&view.rule.group_wait),
                span(&view.rule.repeat_interval),
            );
            let rule = view.event.id.as_str();
            let joined = self
                .log
                .groups(|g| g.join(rule, &key, id, raw, now, wait, repeat));
            match joined {
                Ok(j) => {
                    let at = crate::time::shown(j.due_ms);
                    return Err(format!("grouped into {} (sent at {at})", j.group_id));
                }
                // A group that cannot be kept does not hold the event back: it goes alone.
                Err(e) => (self.report)(Line::QueueFailed(e)),
            }
        }
        // An escalation step reaches its roles instead of the rule's recipients.
        let recipients = match step {
            Some(step) => rules::by_roles(&store, &step.roles, &body.roles()),
            None => rules::resolve(&store, &view, &body.roles()),
        };
        if recipients.is_empty() {
            let id = &view.event.id;
            return Err(format!(
                "nobody reached: the rule of {id} names no recipient"
            ));
        }
        let content = rules::content(&store, Some(&view), body.text());
        let mut msg = delivery::message(&store, &content, &self.clock)
            .map_err(|e| format!("cannot compose the message: {e:#}"))?;
        msg.roles = recipients
            .iter()
            .map(|r| (r.name.clone(), r.roles.clone()))
            .collect();
        if let Some(members) = members {
            let bodies: Vec<EventBody> = members
                .iter()
                .filter_map(|(_, b)| serde_json::from_str(b).ok())
                .collect();
            group::shape(&mut msg, &store, &view, &bodies);
        }
        let mut plan = rules::plan(&store, &view, &recipients, &body.kinds());
        let chains = Chains::split(&mut plan, &store);
        if !planned.is_empty() {
            let now = self.now_ms();
            let due: HashSet<&str> = planned
                .iter()
                .filter(|p| p.state == State::Queued && p.next_attempt_ms <= now)
                .map(|p| p.identity.as_str())
                .collect();
            plan.destinations
                .retain(|d| due.contains(identity_of(d).key().as_str()));
        }
        let now = self.now_ms();
        let give_up = i64::try_from(self.policy.give_up_after.as_millis()).unwrap_or(i64::MAX);
        let held = fallback::narrow(
            &mut plan,
            &chains,
            planned,
            now,
            now.saturating_add(give_up),
        );
        // Time in the rules, at the time the destinations are due (a deferral comes back here).
        // Silences that cannot be read hush nothing: a delivery is never lost to them.
        let silences = self.log.silences(|s| s.active(now)).unwrap_or_else(|e| {
            (self.report)(Line::QueueFailed(e.context("cannot read the silences")));
            Vec::new()
        });
        let deferred = crate::time::apply(
            &mut plan,
            &store,
            &view.rule,
            view.event.id.as_str(),
            now,
            &silences,
        );
        let escalate = view.rule.escalate.clone();
        Ok((plan, msg, deferred, chains, held, escalate))
    }

    /// The events of the group a queued id stands for, if it is one (the group takes no newcomers
    /// from now on).
    async fn members_of(&self, id: &str) -> Result<Option<Vec<(String, String)>>> {
        if !id.starts_with("grp-") {
            return Ok(None);
        }
        let (log, key, now) = (self.log.clone(), id.to_owned(), self.now_ms());
        tokio::task::spawn_blocking(move || log.groups(|g| g.take(&key, now)))
            .await
            .unwrap_or_else(|e| Err(anyhow!("a log call failed: {e}")))
    }

    /// The escalation step a queued id stands for, if it is one.
    async fn step_of(&self, id: &str) -> Result<Option<StepRow>> {
        if !id.contains("esc") {
            return Ok(None);
        }
        let (log, key) = (self.log.clone(), id.to_owned());
        tokio::task::spawn_blocking(move || log.acks(|a| a.step(&key)))
            .await
            .unwrap_or_else(|e| Err(anyhow!("a log call failed: {e}")))
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

    /// After a record: the next link of a chain whose link gave up is due now; links no longer
    /// needed are skipped (see [`fallback::after`]).
    async fn fall_back(&self, id: &str, chains: &Chains) {
        let key = id.to_owned();
        let Ok(states) = self.queued(move |q| q.planned(&key)).await else {
            return;
        };
        let next = fallback::after(chains, &states, self.now_ms());
        if !next.is_empty() {
            self.record(id, next).await;
        }
    }

    /// Plans and sends one leased event, then records what became of each destination.
    async fn attempt(&self, mut event: Claimed) {
        let id = event.id.clone();
        let planned = match event.planned.take() {
            Some(planned) => planned,
            None => {
                let key = id.clone();
                match self.queued(move |q| q.planned(&key)).await {
                    Ok(planned) => planned,
                    Err(e) => return self.release(&id, e).await,
                }
            }
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
            self.fall_back(&id, &chains).await;
            // A link it handed over to changed them: read them again below.
            states = None;
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
        let states = match states {
            Some(states) => states,
            None => {
                let key = id.clone();
                self.queued(move |q| q.planned(&key))
                    .await
                    .unwrap_or_default()
            }
        };
        for (row, (identity, attempt)) in finished.rows.iter().zip(&outcomes) {
            let state = states.iter().find(|p| &p.identity == identity);
            let outcome = match (attempt, state.map(|s| s.state)) {
                (Attempt::NotStarted, _) => "queued (not started)",
                (Attempt::Held { .. }, _) => "queued (paced)",
                (Attempt::Deferred { .. }, _) => "deferred",
                (_, Some(State::Dead)) => "dead",
                (Attempt::Transient { .. }, _) => "retrying",
                (_, Some(State::Skipped)) => "skipped",
                _ => "delivered",
            };
            if !matches!(
                attempt,
                Attempt::NotStarted
                    | Attempt::Held { .. }
                    | Attempt::Skipped
                    | Attempt::Deferred { .. }
            ) {
                let took = Duration::from_millis(row.elapsed_ms);
                self.metrics.delivery(&row.channel, outcome, took);
            }
            (self.report)(Line::Outcome {
                id: id.clone(),
                recipient: row.recipient.clone(),
                channel: row.channel.clone(),
                outcome,
                detail: row.reason.clone().or_else(|| row.error_message.clone()),
                attempts: state.map_or(0, |s| s.attempts),
            });
        }
    }
}

/// What a destination's row means for the queue, by the engine's verdict (PROTOCOLS §10 classes): a
/// permanent failure (a refusal, a vendor's permanent code even in an HTTP 200) and a request sent but
/// not answered without an idempotency key (`outcome unknown`) are final; a retryable one is tried
/// again after the backoff, or the vendor's `Retry-After`.
fn attempt_of(row: &Delivery, now_ms: i64) -> Attempt {
    let code = row.error_code.as_deref().unwrap_or_default();
    // What the queue keeps as the last error: the code and what the vendor or transport said.
    let error = || match (&row.error_message, &row.reason) {
        (Some(message), _) if !code.is_empty() => format!("{code}: {message}"),
        (Some(message), _) => message.clone(),
        (None, reason) => reason.clone().unwrap_or_default(),
    };
    match row.outcome {
        Outcome::Delivered => Attempt::Delivered,
        Outcome::Skipped if row.reason.as_deref() == Some(ALREADY_DELIVERED) => Attempt::Delivered,
        Outcome::Skipped => Attempt::Skipped,
        Outcome::Failed if code == stop::CODE => {
            let reason = row.reason.clone().unwrap_or_default();
            if reason == NOT_SENT {
                return Attempt::NotStarted;
            }
            // Cut off by a stop after it was sent: nobody knows whether it arrived.
            Attempt::Permanent {
                error: format!("{OUTCOME_UNKNOWN} ({reason})"),
            }
        }
        // Not sent: a robot's pacing or an app's rate limit had no slot before the send's deadline.
        Outcome::Failed if code == HELD_BACK && row.retry_after.is_some() => Attempt::Held {
            not_before_ms: now_ms.saturating_add(
                row.retry_after
                    .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
            ),
        },
        Outcome::Failed => match row.class {
            Some(Class::Permanent | Class::OutcomeUnknown) => Attempt::Permanent { error: error() },
            Some(Class::Retryable) | None => {
                let wait = row
                    .retry_after
                    .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
                Attempt::Transient {
                    error: error(),
                    not_before_ms: wait.map(|w| now_ms.saturating_add(w)),
                }
            }
        },
    }
}

#[cfg(test)]
mod tests;

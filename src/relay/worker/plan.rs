//! Planning a leased event as `notify emit` plans it, with the store as it is now: its rule, its
//! recipients (or an escalation step's roles, or a group's members), its message, and what time and
//! fallback hold back.

use std::collections::HashSet;

use anyhow::{Result, anyhow};

use crate::channels::message::Message;
use crate::delivery::{self, Destination, Plan, identity_of};
use crate::log::acks::StepRow;
use crate::log::groups::Join;
use crate::log::queue::{Attempt, Planned, State};
use crate::rules;
use crate::rules::fallback::Chains;
use crate::store::Step;
use crate::time::{self, Deferred, Verdict};

use super::super::event::EventBody;
use super::super::{Line, fallback, group};
use super::Workers;

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

impl Workers {
    /// The event planned as `emit` plans it, with the store as it is now, narrowed to the
    /// destinations of its first planning that are due; `Err` says why nothing is to be sent.
    pub(super) fn plan(
        &self,
        (id, raw): (&str, &str),
        planned: &[Planned],
        step: Option<&StepRow>,
        members: Option<&[(String, String)]>,
    ) -> Result<Planning, String> {
        let body: EventBody = serde_json::from_str(raw)
            .map_err(|e| format!("unreadable in the queue ({e}): dropped"))?;
        let store = self.stores.reported(&self.metrics, &self.report);
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
            let join = Join {
                rule: view.event.id.as_str(),
                key: &key,
                event_id: id,
                body: raw,
                now_ms: now,
                wait_ms: wait,
                repeat_ms: repeat,
            };
            let joined = self.log.groups(|g| g.join(join));
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
        // Time in the rules, at the time the destinations are due (a deferral comes back here).
        // Silences that cannot be read hush nothing: a delivery is never lost to them.
        let silences = self.log.silences(|s| s.active(now)).unwrap_or_else(|e| {
            (self.report)(Line::QueueFailed(e.context("cannot read the silences")));
            Vec::new()
        });
        let silenced = time::narrow(&silences, view.event.id.as_str(), now);
        let mut windows = time::Windows::new(&store);
        let hushed = |d: &Destination| {
            let said = time::verdict(
                &mut windows,
                &view.rule,
                &d.recipients,
                d.kind,
                now,
                &silenced,
            );
            said != Verdict::Send
        };
        let hold_until = now.saturating_add(give_up);
        let held = fallback::narrow(&mut plan, &chains, planned, (now, hold_until), hushed);
        let deferred = time::apply(
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
    pub(super) async fn members_of(&self, id: &str) -> Result<Option<Vec<(String, String)>>> {
        if !id.starts_with("grp-") {
            return Ok(None);
        }
        let (log, key, now) = (self.log.clone(), id.to_owned(), self.now_ms());
        tokio::task::spawn_blocking(move || log.groups(|g| g.take(&key, now)))
            .await
            .unwrap_or_else(|e| Err(anyhow!("a log call failed: {e}")))
    }

    /// The escalation step a queued id stands for, if it is one.
    pub(super) async fn step_of(&self, id: &str) -> Result<Option<StepRow>> {
        if !id.contains("esc") {
            return Ok(None);
        }
        let (log, key) = (self.log.clone(), id.to_owned());
        tokio::task::spawn_blocking(move || log.acks(|a| a.step(&key)))
            .await
            .unwrap_or_else(|e| Err(anyhow!("a log call failed: {e}")))
    }
}

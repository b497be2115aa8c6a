//! `notify retry`: what the log says failed, planned again through the store as configured now and sent
//! with the original content and idempotency keys; the new outcomes appended to the log.
//!
//! Each failed destination is re-planned on its own (its users, its one channel kind), so a channel
//! since disabled or removed is a skipped row with its reason, and a destination delivered for the
//! event meanwhile is never sent again. Ad-hoc destinations cannot be retried: the log keeps no secret.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;

use crate::channels::webhook::{Audience, Person};
use crate::log::{self, DeliveryId, DeliveryLog, Filter, Identity, Logged};
use crate::store::Store;

use super::dry_run::dry_run;
use super::plan::{Destination, Plan, plan_users};
use super::recording::{entries, identity_of, keys, message_of};
use super::{Delivery, DryRow, Outcome, Run};

/// A retry's rows, each with its event id, and why they were not recorded, if they were not.
#[derive(Debug, Default)]
pub struct Retried {
    pub rows: Vec<(DeliveryId, Delivery)>,
    /// A signal cut the retry short.
    pub interrupted: bool,
    /// The (event id, identity key) of each destination delivered now, so that a serve's queue that
    /// gave it up can say so.
    pub delivered: Vec<(String, String)>,
    pub not_recorded: Option<anyhow::Error>,
}

/// One event's (and one message's) failed destinations, planned again.
struct Again {
    id: DeliveryId,
    content: Arc<log::Content>,
    plan: Plan,
    identities: Vec<Identity>,
}

impl Run<'_> {
    /// Re-sends every destination whose latest outcome in the log at `path` is `failed` (the run's own
    /// recording and id are not used: each row goes back to its event in that log).
    pub fn retry(&self, store: &Store, path: &Path, filter: &Filter) -> Result<Retried> {
        self.retry_besides(store, path, filter, &HashSet::new())
    }

    /// [`Run::retry`] of the events not in `held` (those a serve's queue holds: it sends them).
    pub fn retry_besides(
        &self,
        store: &Store,
        path: &Path,
        filter: &Filter,
        held: &HashSet<String>,
    ) -> Result<Retried> {
        let Some(log) = DeliveryLog::open_existing(path)? else {
            return Ok(Retried::default());
        };
        let mut out = Retried::default();
        let mut recorded = Vec::new();
        let live = self.start()?;
        for again in plans(store, &log, filter, held)? {
            let msg = message_of(&again.content);
            let keys = again.plan.keys.clone();
            let rows = self.send(&live, again.plan, msg);
            for (row, identity) in rows.iter().zip(&again.identities) {
                if row.outcome == Outcome::Delivered {
                    let done = (again.id.as_str().to_owned(), identity.key());
                    out.delivered.push(done);
                }
            }
            // Only what was attempted is recorded: a destination skipped now (a channel disabled since,
            // an ad-hoc one) stays due, so a later retry still finds it.
            let attempted = entries(
                &again.id,
                &rows,
                again.identities,
                keys,
                &again.content,
                self.clock.now_ms(),
            );
            recorded.extend(
                attempted
                    .into_iter()
                    .filter(|e| e.outcome != log::Outcome::Skipped),
            );
            out.rows
                .extend(rows.into_iter().map(|r| (again.id.clone(), r)));
        }
        out.interrupted = live.stopped();
        if let Err(e) = log.record(&recorded) {
            out.not_recorded = Some(e);
        }
        Ok(out)
    }

    /// What a retry would send, per destination, with its event id; nothing is sent or recorded.
    pub fn preview_retry(
        &self,
        store: &Store,
        path: &Path,
        filter: &Filter,
    ) -> Result<Vec<(DeliveryId, DryRow)>> {
        let Some(log) = DeliveryLog::open_existing(path)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for again in plans(store, &log, filter, &HashSet::new())? {
            let msg = message_of(&again.content);
            let rows = dry_run(&again.plan, &msg, self.clock);
            out.extend(rows.into_iter().map(|r| (again.id.clone(), r)));
        }
        Ok(out)
    }
}

/// The failed destinations grouped by event id and message, in the order they were recorded; the
/// events in `held` left out.
fn plans(
    store: &Store,
    log: &DeliveryLog,
    filter: &Filter,
    held: &HashSet<String>,
) -> Result<Vec<Again>> {
    let mut groups: Vec<(DeliveryId, log::Content, Vec<Logged>)> = Vec::new();
    for row in log.failed(filter)? {
        if held.contains(&row.event_id) {
            continue;
        }
        let id: DeliveryId = row.event_id.parse().map_err(anyhow::Error::msg)?;
        match groups
            .iter_mut()
            .find(|(i, c, _)| *i == id && *c == row.content)
        {
            Some((_, _, rows)) => rows.push(row),
            None => groups.push((id, row.content.clone(), vec![row])),
        }
    }
    let mut out = Vec::new();
    for (id, content, failed) in groups {
        let known = log.history_of(&id)?;
        let mut plan = Plan::default();
        let mut identities = Vec::new();
        for row in &failed {
            for (dest, identity) in replan(store, row, &mut plan.audience) {
                if known.delivered.contains(&identity) || identities.contains(&identity) {
                    continue;
                }
                identities.push(identity);
                plan.destinations.push(dest);
            }
        }
        let mut logged = known.keys;
        for row in &failed {
            logged.insert(row.identity.clone(), row.idempotency_key.clone());
        }
        plan.keys = keys(&plan.destinations, &identities, &id, &logged);
        out.push(Again {
            id,
            content: Arc::new(content),
            plan,
            identities,
        });
    }
    Ok(out)
}

/// The destinations a failed row becomes now, with their identities; `audience` gains the users planned.
fn replan(store: &Store, row: &Logged, audience: &mut Audience) -> Vec<(Destination, Identity)> {
    let skipped = |reason: String| {
        let dest = Destination {
            recipients: match &row.identity {
                Identity::Stored { recipients, .. } => recipients.clone(),
                Identity::AdHoc { .. } => Vec::new(),
            },
            kind: row.channel,
            shown: row.destination.clone(),
            target: Err((Outcome::Skipped, reason)),
        };
        (dest, row.identity.clone())
    };
    let (recipients, kind) = match &row.identity {
        Identity::AdHoc { .. } => {
            let hint = format!(
                "ad-hoc destination: repeat the send with --id {}",
                row.event_id
            );
            return vec![skipped(hint)];
        }
        Identity::Stored {
            recipients,
            channel: Some(kind),
        } => (recipients, *kind),
        Identity::Stored { channel: None, .. } => {
            return vec![skipped("no channel to retry".into())];
        }
    };
    let gone: Vec<&String> = recipients
        .iter()
        .filter(|u| !store.users.contains_key(*u))
        .collect();
    if gone.len() == recipients.len() {
        let names: Vec<&str> = gone.iter().map(|s| s.as_str()).collect();
        return vec![skipped(format!(
            "no longer a stored user ({})",
            names.join(", ")
        ))];
    }
    let planned = plan_users(store, recipients, &[kind], Vec::new());
    add_people(&mut audience.target_users, planned.audience.target_users);
    add_people(&mut audience.receivers, planned.audience.receivers);
    planned
        .destinations
        .into_iter()
        .map(|d| {
            let identity = identity_of(&d);
            (d, identity)
        })
        .collect()
}

fn add_people(to: &mut Vec<Person>, people: Vec<Person>) {
    for p in people {
        if !to.iter().any(|q| q.uid == p.uid) {
            to.push(p);
        }
    }
}

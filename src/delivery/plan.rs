//! Planning: per recipient and channel, whether a destination is usable (enabled, verified, switched on
//! in Notice Management, provider present), with recipients who share one group robot or webhook merged
//! into one destination and every unusable channel kept as a skipped row with its reason.

use std::collections::HashMap;

use crate::channels::Kind;
use crate::channels::webhook::{Audience, Person};
use crate::store::{Channel, Store};

use super::Outcome;
use super::target::{Target, target_for};

/// One row of the plan: a usable target, or the reason it is not.
#[derive(Debug, Clone)]
pub struct Destination {
    pub recipients: Vec<String>,
    /// None for a recipient with nothing to deliver through.
    pub kind: Option<Kind>,
    pub shown: String,
    pub target: Result<Target, (Outcome, String)>,
}

impl Destination {
    /// The channel column of the report (`-` when the recipient has none).
    pub fn channel(&self) -> &'static str {
        self.kind.map_or("-", Kind::as_str)
    }

    /// The recipient column of the report (`-` for an ad-hoc destination).
    pub fn recipient(&self) -> String {
        if self.recipients.is_empty() {
            "-".into()
        } else {
            self.recipients.join(", ")
        }
    }
}

/// The destinations of a send and who it addressed.
#[derive(Debug, Default)]
pub struct Plan {
    pub destinations: Vec<Destination>,
    pub audience: Audience,
    /// Each destination's idempotency key, by index (a webhook's is the event id, its `X-Notify-Delivery`); a
    /// destination without one gets a fresh random key.
    pub keys: Vec<String>,
}

impl Plan {
    /// The idempotency key chosen for destination `index`, if any.
    pub fn key(&self, index: usize) -> Option<&str> {
        self.keys.get(index).map(String::as_str)
    }
}

/// Why a configured channel is not used, if it is not.
fn unusable(store: &Store, kind: Kind, channel: &Channel) -> Option<String> {
    if !store.notice.allows(kind) {
        Some("switched off in Notice Management".into())
    } else if !channel.enabled {
        Some("not enabled".into())
    } else if !channel.is_verified(kind) {
        Some(format!("not verified (run `notify channel verify {kind}`)"))
    } else {
        None
    }
}

fn person(store: &Store, name: &str) -> Person {
    Person {
        uid: name.to_owned(),
        name: store.display_name(name),
    }
}

/// Plans a send to stored users: one destination per usable channel (robots and webhooks shared by
/// several users become one), every unusable channel a skipped row with its reason.
pub fn plan_users(
    store: &Store,
    users: &[String],
    filter: &[Kind],
    adhoc: Vec<Destination>,
) -> Plan {
    let mut plan = Plan::default();
    let mut shared: HashMap<String, usize> = HashMap::new();
    for name in users {
        let Some(user) = store.users.get(name) else {
            continue;
        };
        let person = person(store, name);
        plan.audience.target_users.push(person.clone());
        let mut usable = false;
        let mut rows = 0;
        let row = |kind: Option<Kind>, shown: String, target| Destination {
            recipients: vec![name.clone()],
            kind,
            shown,
            target,
        };
        for (kind, channel) in &user.channels.0 {
            if !filter.is_empty() && !filter.contains(kind) {
                continue;
            }
            rows += 1;
            let shown = kind.shown_destination(&channel.fields);
            if let Some(reason) = unusable(store, *kind, channel) {
                let skipped = Err((Outcome::Skipped, reason));
                plan.destinations.push(row(Some(*kind), shown, skipped));
                continue;
            }
            let target = target_for(store, *kind, channel).map_err(|e| (Outcome::Failed, e));
            usable |= target.is_ok();
            if let Ok(t) = &target
                && let Some(key) = t.shared_key()
            {
                if let Some(&i) = shared.get(&key) {
                    plan.destinations[i].recipients.push(name.clone());
                    continue;
                }
                shared.insert(key, plan.destinations.len());
            }
            plan.destinations.push(row(Some(*kind), shown, target));
        }
        for kind in filter {
            if !user.channels.0.contains_key(kind) {
                rows += 1;
                let skipped = Err((Outcome::Skipped, "not configured".into()));
                plan.destinations
                    .push(row(Some(*kind), String::new(), skipped));
            }
        }
        if rows == 0 {
            let skipped = Err((Outcome::Skipped, "no channels configured".into()));
            plan.destinations.push(row(None, String::new(), skipped));
        }
        if usable {
            plan.audience.receivers.push(person);
        }
    }
    plan.destinations.extend(adhoc);
    plan
}

/// A plan of one user's one channel, used whether or not it is enabled (`channel test`).
pub fn plan_channel(store: &Store, user: &str, kind: Kind, target: Target) -> Plan {
    let shown = store
        .users
        .get(user)
        .and_then(|u| u.channels.0.get(&kind))
        .map(|c| kind.shown_destination(&c.fields))
        .unwrap_or_default();
    let person = person(store, user);
    Plan {
        destinations: vec![Destination {
            recipients: vec![user.to_owned()],
            kind: Some(kind),
            shown,
            target: Ok(target),
        }],
        audience: Audience::new(vec![person.clone()], vec![person]),
        keys: Vec::new(),
    }
}

//! Users' fallbacks in the relay: the queue's state of each link decides which one a worker sends,
//! which wait (held until the one before gives up) and which are never needed.

use crate::delivery::{Destination, Outcome, Plan};
use crate::log::queue::{Attempt, Planned, State};
use crate::rules::fallback::{Chain, Chains, Finished, Seen};

/// Where the queue has each link of `chain` (`None`: not planned).
fn seen(chain: &Chain, planned: &[Planned], now_ms: i64) -> Vec<Option<Seen>> {
    let of = |key: &String| {
        planned.iter().find(|p| &p.identity == key).map(|p| Seen {
            finished: match p.state {
                State::Queued => Finished::No,
                State::Delivered => Finished::Reached,
                // Skipped (a silence or window dropped it) is passed over as `emit` passes it: the
                // user still hears through the next link. A link skipped as not needed comes after
                // one that delivered, which ends the chain first.
                State::Skipped | State::Dead => Finished::GaveUp,
            },
            attempts: p.attempts,
            due: p.state == State::Queued && p.next_attempt_ms <= now_ms,
        })
    };
    chain.links.iter().map(|(key, _)| of(key)).collect()
}

/// Narrows a planning (after [`Chains::split`] and the due filter) to each chain's link to send now;
/// returns what to record for the others: links held behind the one tried (until `hold_until_ms`, by
/// which the one before has given up), links no longer needed (skipped). `hushed` says whether time
/// (a silence, a mute window) has a say on a destination now.
pub fn narrow(
    plan: &mut Plan,
    chains: &Chains,
    planned: &[Planned],
    (now_ms, hold_until_ms): (i64, i64),
    mut hushed: impl FnMut(&Destination) -> bool,
) -> Vec<(String, Attempt)> {
    let mut record = Vec::new();
    for chain in &chains.0 {
        let mut seen = seen(chain, planned, now_ms);
        let keys: Vec<&String> = chain.links.iter().map(|(k, _)| k).collect();
        plan.destinations
            .retain(|d| !keys.contains(&&crate::delivery::identity_of(d).key()));
        // An event the queue holds for other destinations (emit deferred them) is not this chain's.
        if !planned.is_empty() && seen.iter().all(Option::is_none) {
            continue;
        }
        let mut walk = chain.walk(&seen);
        // A link that could not even be built gives up at once, its reason kept: the next one goes now.
        // Unless time hushes it: silenced it is skipped, muted it is held, as any destination is.
        while let Some(i) = walk.send {
            let link = &chain.links[i].1;
            let Err((Outcome::Failed, reason)) = &link.target else {
                break;
            };
            if hushed(link) {
                break;
            }
            let error = reason.clone();
            record.push((chain.links[i].0.clone(), Attempt::Permanent { error }));
            seen[i] = Some(Seen {
                finished: Finished::GaveUp,
                attempts: 1,
                due: false,
            });
            walk = chain.walk(&seen);
        }
        if let Some(i) = walk.send {
            plan.destinations.push(chain.links[i].1.clone());
        }
        for i in walk.hold {
            let before = chain.links[i - 1].1.channel();
            let why = format!("fallback: only if {before} fails");
            record.push((
                chain.links[i].0.clone(),
                Attempt::Deferred {
                    until_ms: hold_until_ms,
                    why,
                },
            ));
        }
        record.extend(
            walk.drop
                .into_iter()
                .map(|i| (chain.links[i].0.clone(), Attempt::Skipped)),
        );
    }
    record
}

/// After an attempt was recorded: a link that takes over from one that gave up is due now, links no
/// longer needed are skipped.
pub fn after(chains: &Chains, states: &[Planned], now_ms: i64) -> Vec<(String, Attempt)> {
    let mut record = Vec::new();
    for chain in &chains.0 {
        let seen = seen(chain, states, now_ms);
        if seen.iter().all(Option::is_none) {
            continue;
        }
        let walk = chain.walk(&seen);
        if let Some(i) = walk.release {
            let why = format!("fallback: {} gave up", chain.links[i - 1].1.channel());
            record.push((
                chain.links[i].0.clone(),
                Attempt::Deferred {
                    until_ms: now_ms,
                    why,
                },
            ));
        }
        record.extend(
            walk.drop
                .into_iter()
                .map(|i| (chain.links[i].0.clone(), Attempt::Skipped)),
        );
    }
    record
}

//! A user's fallback (`fallback = ["dingtalk", "email"]`): one channel at a time in the user's order,
//! the next only after the one before failed for good, so the user hears once instead of everywhere.
//!
//! Pure decisions: `emit` feeds the rows of each round ([`Chains::next_round`]), the relay's workers the
//! queue's states ([`Chain::walk`]).

use crate::delivery::{Delivery, Destination, Outcome, Plan, identity_of};
use crate::store::Store;

/// One fallback user's usable destinations, in the user's order, each with its log identity key.
#[derive(Debug, Clone)]
pub struct Chain {
    pub user: String,
    pub links: Vec<(String, Destination)>,
    /// `emit`: the link tried last.
    at: usize,
    /// `emit`: a link delivered.
    pub delivered: bool,
}

/// Every fallback user's chain of a plan.
#[derive(Debug, Default)]
pub struct Chains(pub Vec<Chain>);

/// Where the relay's queue has one destination: its state, attempts so far and whether it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub finished: Finished,
    pub attempts: u32,
    pub due: bool,
}

/// A destination's state in the queue, as far as a chain cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// Still to be tried (or tried again).
    No,
    /// Delivered: the chain is done.
    Reached,
    /// Given up, or skipped (a silence or window dropped it): the next link takes over.
    GaveUp,
}

/// What the relay does with a chain now.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Walk {
    /// The link to send now, if one is due.
    pub send: Option<usize>,
    /// Links not tried yet that wait behind an earlier one (recorded held).
    pub hold: Vec<usize>,
    /// Links that wait but will never be needed (recorded skipped).
    pub drop: Vec<usize>,
    /// The link that takes over after the one before gave up, not yet due in the queue.
    pub release: Option<usize>,
}

/// Whether a destination is a link of a chain: one that can be sent, or one that could not even be
/// built (a provider missing): that one fails when its turn comes and the next link takes over.
/// A skipped one (not enabled, not verified, switched off) is no link.
pub fn is_link(d: &Destination) -> bool {
    matches!(&d.target, Ok(_) | Err((Outcome::Failed, _)))
}

impl Chains {
    /// Takes every fallback user's own destinations out of `plan` except each chain's first link.
    /// Usable channels the user's list leaves out become skipped rows that say so.
    pub fn split(plan: &mut Plan, store: &Store) -> Chains {
        let mut chains = Vec::new();
        for (name, user) in store.users.iter().filter(|(_, u)| !u.fallback.is_empty()) {
            let own = |d: &Destination| d.recipients.len() == 1 && &d.recipients[0] == name;
            let mut links: Vec<(usize, Destination)> = Vec::new();
            for d in plan.destinations.iter_mut().filter(|d| own(d)) {
                let Some(kind) = d.kind.filter(|_| is_link(d)) else {
                    continue;
                };
                match user.fallback.iter().position(|k| *k == kind) {
                    Some(at) => links.push((at, d.clone())),
                    None => {
                        let list: Vec<&str> = user.fallback.iter().map(|k| k.as_str()).collect();
                        let reason = format!("not in {name}'s fallback ({})", list.join(", "));
                        d.target = Err((Outcome::Skipped, reason));
                    }
                }
            }
            if links.is_empty() {
                continue;
            }
            links.sort_by_key(|(at, _)| *at);
            let links: Vec<(String, Destination)> = links
                .into_iter()
                .map(|(_, d)| (identity_of(&d).key(), d))
                .collect();
            let later: Vec<&String> = links.iter().skip(1).map(|(k, _)| k).collect();
            plan.destinations
                .retain(|d| !(own(d) && is_link(d) && later.contains(&&identity_of(d).key())));
            chains.push(Chain {
                user: name.clone(),
                links,
                at: 0,
                delivered: false,
            });
        }
        Chains(chains)
    }

    /// `emit`: after a round whose destinations had these identity keys and rows, the destinations of
    /// the next round (the next link of each chain whose link failed), empty when all are done.
    pub fn next_round(&mut self, keys: &[String], rows: &[Delivery]) -> Vec<Destination> {
        let mut next = Vec::new();
        for chain in &mut self.0 {
            let tried = &chain.links[chain.at].0;
            let Some(row) = keys
                .iter()
                .position(|k| k == tried)
                .and_then(|i| rows.get(i))
            else {
                continue;
            };
            match row.outcome {
                Outcome::Failed if chain.at + 1 < chain.links.len() => {
                    chain.at += 1;
                    next.push(chain.links[chain.at].1.clone());
                }
                Outcome::Failed => {}
                _ => chain.delivered = true,
            }
        }
        next
    }

    /// `emit`: whether a failed row is made good by a later link of its user's chain.
    pub fn made_good(&self, row: &Delivery) -> bool {
        self.0.iter().any(|c| {
            c.delivered
                && c.user == row.recipient
                && c.links.iter().any(|(_, d)| d.channel() == row.channel)
        })
    }
}

impl Chain {
    /// The relay: what to do with this chain, given where the queue has each link (`None`: not
    /// planned yet). The first link not given up is the one that counts: reached ends the chain;
    /// otherwise it is sent when due, or at once when it takes over from a link that gave up and was
    /// never tried itself. Links after it are held (first planning) or, once the chain is done,
    /// dropped.
    pub fn walk(&self, seen: &[Option<Seen>]) -> Walk {
        let mut walk = Walk::default();
        let current = (0..self.links.len()).find(|&i| {
            !matches!(
                seen.get(i).copied().flatten(),
                Some(Seen {
                    finished: Finished::GaveUp,
                    ..
                })
            )
        });
        let Some(current) = current else {
            return walk;
        };
        let state = seen.get(current).copied().flatten();
        let reached = matches!(
            state,
            Some(Seen {
                finished: Finished::Reached,
                ..
            })
        );
        for later in current + 1..self.links.len() {
            match seen.get(later).copied().flatten() {
                None if !reached => walk.hold.push(later),
                Some(Seen {
                    finished: Finished::No,
                    ..
                }) if reached => walk.drop.push(later),
                _ => {}
            }
        }
        match state {
            _ if reached => {}
            None => walk.send = Some(current),
            Some(s) if s.due => walk.send = Some(current),
            Some(s) if current > 0 && s.attempts == 0 => {
                walk.send = Some(current);
                walk.release = Some(current);
            }
            Some(_) => {}
        }
        walk
    }
}

#[cfg(test)]
#[path = "fallback_tests.rs"]
mod tests;

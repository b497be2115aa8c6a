//! The dry run: every request each destination would send, built by the live send's own builders
//! (`steps`, `batch`), signed, its secrets masked, nothing opened.

use std::collections::{HashMap, HashSet};

use serde::{Serialize, Serializer};

use crate::channels::message::Message;
use crate::channels::wire::HttpRequest;
use crate::clock::Clock;

use super::batch_plan as batch;
use super::plan::Plan;
use super::target::Target;
use super::{Outcome, steps};

/// One destination of a dry run: the requests it would send, or why it would send nothing.
#[derive(Debug, Clone)]
pub struct DryRow {
    pub recipient: String,
    pub channel: &'static str,
    pub destination: String,
    pub requests: Result<Vec<Shown>, (Outcome, String)>,
}

/// One request as a dry run shows it (its `Display`): an HTTP request as it goes on the wire with its
/// credentials masked, or an SMTP exchange's envelope and message.
#[derive(Debug, Clone)]
pub enum Shown {
    Http(HttpRequest),
    Mail(String),
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shown::Http(req) => req.write_masked(f),
            Shown::Mail(text) => f.write_str(text),
        }
    }
}

/// A JSON string of the shown text, written without first collecting it.
impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Every request each destination would send: signed, secrets masked, nothing opened. A batch's one
/// request (PROTOCOLS.md §11) is shown on its first destination's row; the other members' rows show
/// no request of their own. Rows are built one at a time as the iterator is read (only the batching
/// decision is made up front), so a caller that prints each row keeps memory flat.
pub fn dry_run<'a>(
    plan: &'a Plan,
    msg: &'a Message,
    clock: Clock,
) -> impl Iterator<Item = DryRow> + 'a {
    let (composed, groups) = batch::plan(&plan.destinations, msg, &plan.audience);
    let mut batches: HashMap<usize, Vec<usize>> = HashMap::new();
    for group in groups.into_iter().filter(|g| g.len() > 1) {
        batches.insert(group[0], group);
    }
    let in_batch: HashSet<usize> = batches.values().flat_map(|g| g[1..].to_vec()).collect();
    plan.destinations
        .iter()
        .enumerate()
        .map(move |(index, dest)| {
            let requests = match &dest.target {
                Err(why) => Err(why.clone()),
                Ok(_) if in_batch.contains(&index) => Ok(Vec::new()),
                Ok(target) => steps::Stamp::keyed(clock.now_ms(), plan.key(index))
                    .map_err(|f| f.message)
                    .and_then(
                        |stamp| match (batches.get(&index), composed[index].as_deref()) {
                            (Some(group), Some(Ok(copy))) => {
                                let targets: Vec<&Target> = group
                                    .iter()
                                    .filter_map(|&i| plan.destinations[i].target.as_ref().ok())
                                    .collect();
                                batch::rendered(&targets, copy, &stamp)
                            }
                            _ => steps::rendered(
                                target,
                                msg,
                                &dest.recipients,
                                &plan.audience,
                                &stamp,
                            ),
                        },
                    )
                    .map_err(|reason| (Outcome::Failed, reason)),
            };
            DryRow {
                recipient: dest.recipient(),
                channel: dest.channel(),
                destination: dest.shown.clone(),
                requests,
            }
        })
}

//! The silences that hold for one planned event, indexed by recipient and channel kind, so each of a
//! planning's thousand deliveries looks at the few silences that could match it, not at every one.

use std::collections::HashMap;

use crate::channels::Kind;
use crate::rules::matching::glob_matches;

use super::Silence;

/// The active silences whose event matchers match one event at one instant, by what else they match.
/// Built once per planning from the silences read from the log.
#[derive(Debug, Default)]
pub struct Silenced<'s> {
    /// In the order they were read: the first matching one names the reason.
    held: Vec<&'s Silence>,
    /// Silences naming recipients, under each recipient they name.
    by_recipient: HashMap<&'s str, Vec<usize>>,
    /// Silences naming no recipient but channel kinds, under each kind.
    by_kind: HashMap<Kind, Vec<usize>>,
    /// Silences naming neither: every delivery of the event.
    everyone: Vec<usize>,
}

fn is_glob(pattern: &str) -> bool {
    pattern.bytes().any(|b| b == b'*' || b == b'?')
}

impl<'s> Silenced<'s> {
    /// The silences of `silences` that hold at `now_ms` for `event`. An exact event matcher is a
    /// comparison; a glob is matched once per distinct pattern, however many silences share it.
    pub fn new(silences: &'s [Silence], event: &str, now_ms: i64) -> Self {
        let mut globs: HashMap<&str, bool> = HashMap::new();
        // Silences added together tend to share their pattern: the last answer is checked first.
        let mut last: (&str, bool) = ("", false);
        let mut matches = |p: &'s str| {
            if last.0 != p {
                let matched = match is_glob(p) {
                    true => *globs.entry(p).or_insert_with(|| glob_matches(p, event)),
                    false => p == event,
                };
                last = (p, matched);
            }
            last.1
        };
        let mut out = Silenced::default();
        for s in silences.iter().filter(|s| s.active_at(now_ms)) {
            let m = &s.matchers;
            let event_matches = m.event.is_empty() || m.event.iter().any(|p| matches(p));
            if !event_matches {
                continue;
            }
            let at = out.held.len();
            out.held.push(s);
            if !m.recipient.is_empty() {
                for r in &m.recipient {
                    let list = out.by_recipient.entry(r.as_str()).or_default();
                    if list.last() != Some(&at) {
                        list.push(at);
                    }
                }
            } else if !m.channel.is_empty() {
                for k in &m.channel {
                    let list = out.by_kind.entry(*k).or_default();
                    if list.last() != Some(&at) {
                        list.push(at);
                    }
                }
            } else {
                out.everyone.push(at);
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// How many silences hold for the event.
    pub fn len(&self) -> usize {
        self.held.len()
    }

    /// The first silence (in the order read) that matches a delivery to `recipients` through `kind`.
    pub fn find(&self, recipients: &[String], kind: Option<Kind>) -> Option<&'s Silence> {
        let by_recipient = recipients
            .iter()
            .filter_map(|r| self.by_recipient.get(r.as_str()));
        let by_kind = kind.and_then(|k| self.by_kind.get(&k));
        let first = by_recipient
            .chain(by_kind)
            .chain(Some(&self.everyone))
            .filter_map(|list| {
                list.iter()
                    .copied()
                    .find(|&i| self.held[i].matches_delivery(recipients, kind))
            })
            .min()?;
        Some(self.held[first])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Matchers;

    fn silence(id: &str, event: &[&str], recipient: &[&str], channel: &[Kind]) -> Silence {
        Silence {
            id: id.into(),
            matchers: Matchers {
                event: event.iter().map(|s| (*s).to_owned()).collect(),
                recipient: recipient.iter().map(|s| (*s).to_owned()).collect(),
                channel: channel.to_vec(),
            },
            starts_ms: 0,
            ends_ms: 1_000,
            comment: "c".into(),
            created_by: None,
        }
    }

    /// The index finds exactly what a scan of every silence in order finds.
    #[test]
    fn the_index_finds_the_first_matching_silence_as_a_scan_would() {
        const EVENT: &str = "ticket.data-change.pending-approval";
        let all = vec![
            silence("other-event", &["task-flow.*"], &[], &[]),
            silence("exact-bob", &[EVENT], &["bob"], &[]),
            silence("glob-sms", &["ticket.*"], &[], &[Kind::Sms]),
            silence(
                "alice-email",
                &["t?cket.*"],
                &["alice", "carol"],
                &[Kind::Email],
            ),
            silence("any-ticket", &["ticket.data-change.*"], &[], &[]),
            silence("bob-again", &[], &["bob"], &[]),
            Silence {
                ends_ms: 10,
                ..silence("ended", &[], &[], &[])
            },
        ];
        let index = Silenced::new(&all, EVENT, 500);
        assert_eq!(
            index.len(),
            5,
            "the other event's and the ended silence are out"
        );
        let who = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let cases = [
            (who(&["alice"]), Some(Kind::Email)),
            (who(&["alice"]), Some(Kind::Sms)),
            (who(&["alice"]), Some(Kind::Webhook)),
            (who(&["bob"]), Some(Kind::Sms)),
            (who(&["carol", "dave"]), Some(Kind::Email)),
            (who(&["dave"]), None),
            (who(&[]), Some(Kind::Email)),
        ];
        for (recipients, kind) in cases {
            let scan = all
                .iter()
                .find(|s| s.active_at(500) && s.matches(EVENT, &recipients, kind))
                .map(|s| s.id.as_str());
            let found = index.find(&recipients, kind).map(|s| s.id.as_str());
            assert_eq!(found, scan, "{recipients:?} {kind:?}");
        }
        assert_eq!(
            index.find(&who(&["alice"]), Some(Kind::Email)).unwrap().id,
            "alice-email"
        );
        assert_eq!(index.find(&who(&["bob"]), None).unwrap().id, "exact-bob");
        assert_eq!(
            index.find(&who(&["dave"]), Some(Kind::Sms)).unwrap().id,
            "glob-sms"
        );
        let elsewhere = Silenced::new(&all, "task-flow.run.failed", 500);
        assert_eq!(elsewhere.len(), 2, "other-event and bob-again");
    }
}

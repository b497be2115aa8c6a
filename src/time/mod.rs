//! Time in the rules as pure functions of (now, store, rule, silences): mute windows defer or drop a
//! delivery, users' quiet hours defer it, silences skip it. No clock of its own and no I/O: `emit` and
//! the relay's workers hand in the instant and the silences they read.

pub mod silence;
pub mod silenced;
pub mod window;

use std::collections::HashMap;

use jiff::Timestamp;

use crate::channels::Kind;
use crate::delivery::{Destination, Outcome, Plan};
use crate::store::{OnMute, Rule, Store};
pub use silence::{Matchers, Silence};
pub use silenced::Silenced;
pub use window::Window;

/// What time does to one delivery planned now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Send,
    /// Recorded skipped with this reason (`muted (night)`, `silenced (<id>: <comment>)`).
    Skip(String),
    /// Held until `until_ms` (Unix milliseconds); `why` names the windows (`muted (night)`).
    Defer {
        until_ms: i64,
        why: String,
    },
}

/// A destination taken out of a plan until its window ends.
#[derive(Debug)]
pub struct Deferred {
    pub destination: Destination,
    pub until_ms: i64,
    pub why: String,
}

/// How many windows in a row are followed to the end of a deferral (one ending where another starts).
const CHAIN: usize = 16;

/// The store's mute windows, each turned into a [`Window`] once per planning, on first use, and each
/// asked once per instant: a planning's thousand deliveries share their windows' answers.
pub struct Windows<'a> {
    store: &'a Store,
    ready: HashMap<&'a str, Option<Window>>,
    ends: HashMap<(&'a str, i64), Option<i64>>,
    /// How many times a window was asked (each name once per instant), for the tests.
    asked: usize,
}

impl<'a> Windows<'a> {
    pub fn new(store: &'a Store) -> Self {
        Windows {
            store,
            ready: HashMap::new(),
            ends: HashMap::new(),
            asked: 0,
        }
    }

    /// How many (window, instant) pairs were worked out so far.
    pub fn asked(&self) -> usize {
        self.asked
    }

    /// When the named window's mute covering `at_ms` ends. A name the store does not know, or a zone
    /// this machine does not know, mutes nothing: a delivery is never lost to a broken window.
    fn end(&mut self, name: &'a str, at_ms: i64) -> Option<i64> {
        if let Some(&end) = self.ends.get(&(name, at_ms)) {
            return end;
        }
        self.asked += 1;
        let store = self.store;
        let window = self
            .ready
            .entry(name)
            .or_insert_with(|| store.mute.get(name).and_then(|m| m.window().ok()));
        let end = Timestamp::from_millisecond(at_ms).ok().and_then(|at| {
            window
                .as_ref()?
                .end_of_mute_at(at)
                .map(|t| t.as_millisecond())
        });
        self.ends.insert((name, at_ms), end);
        end
    }

    /// The end of the mute of any of `names` covering `at_ms`, following windows that take over.
    fn end_of_all(&mut self, names: &[&'a str], at_ms: i64) -> Option<i64> {
        let mut until = None;
        let mut at = at_ms;
        for _ in 0..CHAIN {
            let next = names.iter().filter_map(|n| self.end(n, at)).max();
            match next {
                Some(end) if end > at => {
                    until = Some(end);
                    at = end;
                }
                _ => break,
            }
        }
        until
    }
}

/// What time does to a delivery of the rule's event to `recipients` through `kind` at `now_ms`: a rule's mute
/// window that drops comes first, then deferrals (the rule's windows, a sole recipient's quiet hours;
/// silences are looked at again when a deferred delivery is due), then silences, which the caller
/// has narrowed to the event and the time with [`narrow`].
pub fn verdict<'a>(
    windows: &mut Windows<'a>,
    rule: &'a Rule,
    recipients: &[String],
    kind: Option<Kind>,
    now_ms: i64,
    silences: &Silenced<'_>,
) -> Verdict {
    let muting: Vec<&str> = rule
        .mute
        .iter()
        .map(String::as_str)
        .filter(|n| windows.end(n, now_ms).is_some())
        .collect();
    let mut why = Vec::new();
    let mut names = Vec::new();
    if !muting.is_empty() {
        let reason = format!("muted ({})", muting.join(", "));
        if rule.on_mute == OnMute::Drop {
            return Verdict::Skip(reason);
        }
        why.push(reason);
    }
    // Every window that could hold the delivery is followed, muting now or taking over later.
    if rule.on_mute == OnMute::Defer {
        names.extend(rule.mute.iter().map(String::as_str));
    }
    // A user's quiet hours cover that user's own channels, not a robot or webhook shared with others.
    if let [user] = recipients
        && let Some(quiet) = windows
            .store
            .users
            .get(user)
            .and_then(|u| u.quiet_hours.as_deref())
    {
        if windows.end(quiet, now_ms).is_some() {
            why.push(format!("quiet hours of {user} ({quiet})"));
        }
        names.push(quiet);
    }
    if let Some(until_ms) = windows.end_of_all(&names, now_ms) {
        return Verdict::Defer {
            until_ms,
            why: why.join(", "),
        };
    }
    match silences.find(recipients, kind) {
        Some(s) => Verdict::Skip(s.reason()),
        None => Verdict::Send,
    }
}

/// The silences that hold at `now_ms` for `event`: the same for every destination of one planning, so
/// they are narrowed and indexed once and each destination only looks up its recipients and channel.
pub fn narrow<'s>(silences: &'s [Silence], event: &str, now_ms: i64) -> Silenced<'s> {
    Silenced::new(silences, event, now_ms)
}

/// Applies [`verdict`] to every destination of `plan` that is to be sent or would fail (one that
/// could not be built): skipped ones become skipped rows with their reason, deferred ones leave the
/// plan and are returned.
pub fn apply<'a>(
    plan: &mut Plan,
    store: &'a Store,
    rule: &'a Rule,
    event: &str,
    now_ms: i64,
    silences: &[Silence],
) -> Vec<Deferred> {
    if rule.mute.is_empty()
        && silences.is_empty()
        && !store.users.values().any(|u| u.quiet_hours.is_some())
    {
        return Vec::new();
    }
    let silences = &narrow(silences, event, now_ms);
    let mut windows = Windows::new(store);
    let mut deferred = Vec::new();
    let mut kept = Vec::with_capacity(plan.destinations.len());
    for mut d in std::mem::take(&mut plan.destinations) {
        // A destination that could not be built is hushed and held like any other: only what was
        // skipped already (not enabled, not configured) is left alone.
        if matches!(d.target, Err((Outcome::Skipped, _))) {
            kept.push(d);
            continue;
        }
        let said = verdict(&mut windows, rule, &d.recipients, d.kind, now_ms, silences);
        match said {
            Verdict::Send => kept.push(d),
            Verdict::Skip(reason) => {
                d.target = Err((Outcome::Skipped, reason));
                kept.push(d);
            }
            Verdict::Defer { until_ms, why } => deferred.push(Deferred {
                destination: d,
                until_ms,
                why,
            }),
        }
    }
    plan.destinations = kept;
    deferred
}

/// Refuses a window name the store does not have, naming the nearest ones.
pub fn check_window(store: &Store, name: &str) -> Result<(), crate::error::Error> {
    if store.mute.contains_key(name) {
        return Ok(());
    }
    let near = crate::rules::matching::nearest(name, store.mute.keys().map(String::as_str), 3);
    let err = crate::error::Error::usage(format!("no mute window `{name}` in the store"));
    Err(match near.as_slice() {
        [] => err.hint(format!(
            "add it first: notify mute set {name} --times 22:00-08:00 (notify mute list shows the windows)"
        )),
        near => err.hint(format!("did you mean `{}`?", near.join("`, `"))),
    })
}

/// `2026-12-08T08:00:00Z`, for notes and reasons.
pub fn shown(ms: i64) -> String {
    crate::log::time::format_rfc3339(ms)
}

#[cfg(test)]
mod tests;

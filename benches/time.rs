//! What time in the rules adds to planning one event's 1,000 deliveries: with 10,000 silences (one in
//! ten matching the event) and 1,000 mute windows in the store (the rule uses three, every recipient
//! has quiet hours), against none.
//!
//! Run: `cargo bench --bench time [RUNS]` (default 20 runs; prints the mean and the slowest run).

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use notify::channels::Kind;
use notify::store::{Mute, OnMute, Rule, Store, User};
use notify::time::{self, Matchers, Silence, Verdict, Windows};

const DELIVERIES: usize = 1_000;
const SILENCES: usize = 10_000;
const WINDOWS: usize = 1_000;
const EVENT: &str = "ticket.data-change.pending-approval";
/// 2027-01-15T12:00:00Z: outside every window below, so each delivery is judged in full.
const NOW_MS: i64 = 1_800_014_400_000;

fn store(windows: usize) -> Store {
    let mut store = Store::default();
    for i in 0..windows {
        let zone = ["UTC", "Asia/Shanghai", "Europe/Berlin"][i % 3];
        store.mute.insert(
            format!("w{i}"),
            Mute {
                times: vec!["22:00-06:00".parse().unwrap()],
                weekdays: vec!["mon-fri".parse().unwrap()],
                timezone: Some(zone.to_owned()),
            },
        );
    }
    for i in 0..DELIVERIES {
        let user = User {
            quiet_hours: (windows > 0).then(|| format!("w{}", i % windows)),
            ..User::default()
        };
        store.users.insert(format!("user{i:04}"), user);
    }
    store
}

fn silences(n: usize) -> Vec<Silence> {
    (0..n)
        .map(|i| Silence {
            id: format!("{i:08x}"),
            matchers: Matchers {
                event: vec![
                    if i % 10 == 0 {
                        "ticket.*"
                    } else {
                        "task-flow.*"
                    }
                    .to_owned(),
                ],
                recipient: vec![format!("nobody{i}")],
                channel: vec![Kind::Sms],
            },
            starts_ms: 0,
            ends_ms: i64::MAX,
            comment: "bench".into(),
            created_by: None,
        })
        .collect()
}

/// One planning's time verdicts for every delivery; returns how many would be sent now.
fn plan(store: &Store, rule: &Rule, recipients: &[Vec<String>], silences: &[Silence]) -> usize {
    let silences = time::narrow(silences, EVENT, NOW_MS);
    let mut windows = Windows::new(store);
    recipients
        .iter()
        .filter(|r| {
            let v = time::verdict(&mut windows, rule, r, Some(Kind::Email), NOW_MS, &silences);
            v == Verdict::Send
        })
        .count()
}

fn measure(name: &str, runs: usize, mut f: impl FnMut() -> usize) {
    let mut total = Duration::ZERO;
    let mut worst = Duration::ZERO;
    for _ in 0..runs {
        let started = Instant::now();
        assert_eq!(f(), DELIVERIES);
        let took = started.elapsed();
        total += took;
        worst = worst.max(took);
    }
    println!(
        "{name}: mean {:.3} ms, slowest {:.3} ms",
        total.as_secs_f64() * 1000.0 / runs as f64,
        worst.as_secs_f64() * 1000.0
    );
}

fn main() {
    let runs = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let recipients: Vec<Vec<String>> = (0..DELIVERIES)
        .map(|i| vec![format!("user{i:04}")])
        .collect();
    let (bare, bare_rule) = (store(0), Rule::default());
    measure("no silences, no windows", runs, || {
        plan(&bare, &bare_rule, &recipients, &[])
    });
    let full = store(WINDOWS);
    let rule = Rule {
        mute: vec!["w0".into(), "w1".into(), "w2".into()],
        on_mute: OnMute::Defer,
        ..Rule::default()
    };
    let many = silences(SILENCES);
    measure("10,000 silences only", runs, || {
        plan(&bare, &bare_rule, &recipients, &many)
    });
    measure("1,000 windows only", runs, || {
        plan(&full, &rule, &recipients, &[])
    });
    measure("10,000 silences, 1,000 windows", runs, || {
        plan(&full, &rule, &recipients, &many)
    });
}

//! What time in the rules adds to planning one event's 1,000 deliveries, the way `emit` and the
//! relay plan them (rule, recipients, destinations, time, fallback chains): with 10,000 silences (one
//! in ten matching the event) and 1,000 mute windows in the store (the rule uses three, every
//! recipient has quiet hours), against none. The goal is a ratio under 2x.
//!
//! Run: `cargo bench --bench time [RUNS]` (default 20 runs; prints the mean and the slowest run of
//! each, side by side, and the ratio of the means; the two plannings run in turns).

#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use notify::channels::Kind;
use notify::rules::{self, EventRoles};
use notify::store::Store;
use notify::time::{self, Matchers, Silence};

const DELIVERIES: usize = 1_000;
const SILENCES: usize = 10_000;
const WINDOWS: usize = 1_000;
const EVENT: &str = "ticket.data-change.pending-approval";
/// 2027-01-15T12:00:00Z: outside every window below, so each delivery is judged in full.
const NOW_MS: i64 = 1_800_014_400_000;

/// 1,000 users with the role `dba` and a webhook each, whom the event's rule reaches; with `windows`,
/// that many mute windows, three of them on the rule, and quiet hours for every user.
fn store(windows: usize) -> Store {
    let mut toml = String::from("version = 1\n");
    let mute = match windows {
        0 => "",
        _ => "mute = [\"w0\", \"w1\", \"w2\"]\non_mute = \"defer\"\n",
    };
    writeln!(toml, "[rules.\"{EVENT}\"]\nroles = [\"dba\"]\n{mute}").unwrap();
    for i in 0..windows {
        let zone = ["UTC", "Asia/Shanghai", "Europe/Berlin"][i % 3];
        writeln!(
            toml,
            "[mute.w{i}]\ntimes = [\"22:00-06:00\"]\nweekdays = [\"mon-fri\"]\ntimezone = \"{zone}\""
        )
        .unwrap();
    }
    for i in 0..DELIVERIES {
        writeln!(toml, "[users.user{i:04}]\nroles = [\"dba\"]").unwrap();
        if windows > 0 {
            writeln!(toml, "quiet_hours = \"w{}\"", i % windows).unwrap();
        }
        writeln!(
            toml,
            "[users.user{i:04}.channels.webhook]\nurl = \"http://127.0.0.1:9/u{i}\"\n\
             signature_method = \"NONE\"\nenabled = true\nverified = true"
        )
        .unwrap();
    }
    toml::from_str(&toml).unwrap()
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

thread_local! {
    /// How long `time::apply` took in the runs so far: time's own part of the planning.
    static TIME_PART: std::cell::Cell<Duration> = const { std::cell::Cell::new(Duration::ZERO) };
}

/// One planning of the event, as the relay's worker does it; returns how many deliveries go now.
fn plan(store: &Store, silences: &[Silence]) -> usize {
    let view = rules::find(store, EVENT).unwrap();
    let recipients = rules::resolve(store, &view, &EventRoles::default());
    let mut plan = rules::plan(store, &view, &recipients, &[]);
    let chains = rules::fallback::Chains::split(&mut plan, store);
    let started = Instant::now();
    let deferred = time::apply(&mut plan, store, &view.rule, EVENT, NOW_MS, silences);
    TIME_PART.with(|t| t.set(t.get() + started.elapsed()));
    assert!(deferred.is_empty() && chains.0.is_empty());
    plan.destinations
        .iter()
        .filter(|d| d.target.is_ok())
        .count()
}

/// The mean and the slowest of several runs.
#[derive(Default)]
struct Times {
    total: Duration,
    worst: Duration,
    runs: u32,
}

impl Times {
    fn run(&mut self, f: impl FnOnce() -> usize) {
        let started = Instant::now();
        assert_eq!(f(), DELIVERIES);
        let took = started.elapsed();
        self.total += took;
        self.worst = self.worst.max(took);
        self.runs += 1;
    }

    fn mean(&self) -> Duration {
        self.total / self.runs.max(1)
    }
}

fn main() {
    let runs = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let (bare, full, many) = (store(0), store(WINDOWS), silences(SILENCES));
    plan(&bare, &[]);
    plan(&full, &many);
    // Taken in turns, so that a busy machine slows both alike.
    let (mut none, mut with) = (Times::default(), Times::default());
    let mut time_part = Duration::ZERO;
    for _ in 0..runs {
        none.run(|| plan(&bare, &[]));
        TIME_PART.with(|t| t.set(Duration::ZERO));
        with.run(|| plan(&full, &many));
        time_part += TIME_PART.with(std::cell::Cell::get);
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("planning one event's {DELIVERIES} deliveries, {runs} runs:");
    println!("{:<34} {:>10} {:>10}", "", "mean ms", "slowest ms");
    println!(
        "{:<34} {:>10.3} {:>10.3}",
        "no silences, no windows",
        ms(none.mean()),
        ms(none.worst)
    );
    println!(
        "{:<34} {:>10.3} {:>10.3}",
        "10,000 silences, 1,000 windows",
        ms(with.mean()),
        ms(with.worst)
    );
    println!(
        "{:<34} {:>10.3}",
        "  of which time in the rules",
        ms(time_part / u32::try_from(runs).unwrap())
    );
    println!(
        "ratio (means): {:.2}x (goal: under 2x)",
        with.mean().as_secs_f64() / none.mean().as_secs_f64()
    );
}

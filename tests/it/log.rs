//! `notify log` and `notify log prune` on a delivery log filled through the library.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use notify::channels::Kind;
use notify::channels::message::{Event, Format};
use notify::log::{Content, Entry, Identity, Log, Outcome};

use crate::support::Env;

/// The fixed "now" of these tests (Unix seconds), set through NOTIFY_NOW (any build).
const NOW: i64 = 1_800_000_000;
const HOUR_MS: i64 = 3_600_000;

/// An environment whose clock is fixed at NOW; the log sits at its default place under HOME.
fn env() -> Env {
    let mut env = Env::new();
    env.set_env("NOTIFY_NOW", &NOW.to_string());
    env
}

fn default_log(env: &Env) -> PathBuf {
    env.dir.path().join(".local/share/notify/deliveries.db")
}

fn content(event: &str) -> Arc<Content> {
    Arc::new(Content {
        title: None,
        text: "Ticket 42 awaits approval".into(),
        format: Format::Text,
        event: Event {
            name: event.into(),
            ..Event::default()
        },
        rich: None,
    })
}

/// A row of event `id` for a stored user's channel, `hours_ago` before NOW.
fn row(id: &str, recipient: &str, kind: Kind, outcome: Outcome, hours_ago: i64) -> Entry {
    Entry {
        event_id: id.parse().expect("event id"),
        time_ms: NOW * 1000 - hours_ago * HOUR_MS,
        identity: Identity::stored(&[recipient.to_owned()], Some(kind)),
        recipient: recipient.into(),
        channel: Some(kind),
        destination: format!("{recipient}@example.com"),
        outcome,
        attempts: if outcome == Outcome::Skipped { 0 } else { 1 },
        error_code: None,
        error_message: None,
        reason: None,
        idempotency_key: format!("{id}-{recipient}"),
        content: content("TicketApproval"),
    }
}

/// A log at `path` holding one partly failed send and an older ad-hoc webhook send.
fn fill(path: &Path) {
    let log = Log::open(path).expect("open log");
    let mut failed = row("ticket-42", "bob", Kind::Sms, Outcome::Failed, 1);
    failed.attempts = 4;
    failed.error_code = Some("http_500".into());
    failed.error_message = Some("the server answered 500".into());
    log.record(&[
        row("ticket-42", "alice", Kind::Email, Outcome::Delivered, 1),
        failed,
    ])
    .expect("record");
    let hook = Entry {
        identity: Identity::ad_hoc(Kind::Webhook, "http://127.0.0.1:9/hook?access_token=s3cret"),
        recipient: "-".into(),
        destination: "http://127.0.0.1:9/hook?access_token=****".into(),
        reason: Some("no receiver".into()),
        content: content(""),
        ..row("nightly", "-", Kind::Webhook, Outcome::Skipped, 30)
    };
    log.record(&[hook]).expect("record");
}

fn field<'a>(entry: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    entry
        .get(name)
        .unwrap_or_else(|| panic!("no {name} in {entry}"))
}

#[test]
fn log_json_has_the_contract_shape_newest_first() {
    let env = env();
    fill(&default_log(&env));
    let run = env.run(&["log", "--json"]);
    run.ok();
    let entries = run.json();
    let entries = entries.as_array().expect("an array");
    assert_eq!(entries.len(), 3);
    let keys: Vec<&str> = entries[0]
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "event",
            "time",
            "recipient",
            "channel",
            "destination",
            "outcome",
            "attempts",
            "error_code",
            "error_message",
            "reason",
            "idempotency_key",
            "next_attempt"
        ]
    );
    // Only a queued delivery has a next attempt; every other row has the key, set to null.
    assert!(
        entries.iter().all(|e| e["next_attempt"].is_null()),
        "{entries:?}"
    );
    let order: Vec<_> = entries
        .iter()
        .map(|e| format!("{}/{}", e["id"], e["recipient"]))
        .collect();
    assert_eq!(
        order,
        [
            r#""ticket-42"/"bob""#,
            r#""ticket-42"/"alice""#,
            r#""nightly"/"-""#
        ]
    );
    let bob = &entries[0];
    assert_eq!(field(bob, "event"), "TicketApproval");
    assert_eq!(field(bob, "time"), "2027-01-15T07:00:00Z");
    assert_eq!(field(bob, "channel"), "sms");
    assert_eq!(field(bob, "destination"), "bob@example.com");
    assert_eq!(field(bob, "outcome"), "failed");
    assert_eq!(field(bob, "attempts"), 4);
    assert_eq!(field(bob, "error_code"), "http_500");
    assert_eq!(field(bob, "error_message"), "the server answered 500");
    assert_eq!(field(bob, "reason"), &serde_json::Value::Null);
    assert_eq!(field(bob, "idempotency_key"), "ticket-42-bob");
    let hook = &entries[2];
    assert_eq!(field(hook, "event"), &serde_json::Value::Null);
    assert_eq!(
        field(hook, "destination"),
        "http://127.0.0.1:9/hook?access_token=****"
    );
    assert_eq!(field(hook, "reason"), "no receiver");
}

#[test]
fn filters_select_exactly_the_matching_entries() {
    let env = env();
    fill(&default_log(&env));
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["log", "--json"];
        all.extend_from_slice(args);
        let run = env.run(&all);
        run.ok();
        run.json()
            .as_array()
            .expect("an array")
            .iter()
            .map(|e| {
                format!(
                    "{}/{}",
                    e["id"].as_str().unwrap_or("?"),
                    e["recipient"].as_str().unwrap_or("?")
                )
            })
            .collect()
    };
    assert_eq!(ids(&["--outcome", "failed"]), ["ticket-42/bob"]);
    assert_eq!(ids(&["--recipient", "alice"]), ["ticket-42/alice"]);
    assert_eq!(ids(&["--channel", "webhook"]), ["nightly/-"]);
    assert_eq!(ids(&["--id", "nightly"]), ["nightly/-"]);
    assert_eq!(
        ids(&["--event", "TicketApproval"]),
        ["ticket-42/bob", "ticket-42/alice"]
    );
    assert_eq!(
        ids(&["--since", "2h"]),
        ["ticket-42/bob", "ticket-42/alice"]
    );
    assert_eq!(
        ids(&["--since", "2027-01-14T00:00:00Z"]),
        ids(&["--since", "2d"])
    );
    assert_eq!(ids(&["--since", "3d"]).len(), 3);
    assert_eq!(ids(&["--limit", "1"]), ["ticket-42/bob"]);
    assert!(ids(&["--recipient", "alice", "--outcome", "failed"]).is_empty());
}

#[test]
fn the_table_shows_each_entry_and_its_error() {
    let env = env();
    let path = env.path("audit.db");
    fill(&path);
    let run = env.run(&["log", "--log", path.to_str().expect("utf-8")]);
    run.ok();
    for text in [
        "TIME",
        "ERROR / REASON",
        "2027-01-15T07:00:00Z",
        "http_500: the server answered 500",
        "bob@example.com",
        "access_token=****",
        "no receiver",
    ] {
        run.stdout_has(text);
    }
    assert!(!run.stdout.contains("s3cret"));
}

#[test]
fn an_empty_result_says_so_and_creates_no_file() {
    let env = env();
    let run = env.run(&["log"]);
    run.ok().stderr_has("no delivery recorded yet");
    assert_eq!(run.stdout, "");
    let run = env.run(&["log", "--json"]);
    run.ok();
    assert_eq!(run.json(), serde_json::json!([]));
    assert!(!default_log(&env).exists());

    fill(&default_log(&env));
    let run = env.run(&["log", "--recipient", "nobody"]);
    run.ok()
        .stderr_has("no delivery in the log matches these filters");
    assert_eq!(run.stdout, "");
}

#[test]
fn the_log_moves_with_the_flag_and_the_environment() {
    let mut env = env();
    let path = env.path("elsewhere/deliveries.db");
    fill(&path);
    let count = |run: crate::support::Run| run.json().as_array().map_or(0, Vec::len);
    let flag = env.run(&["log", "--json", "--log", path.to_str().expect("utf-8")]);
    assert_eq!(count(flag), 3);
    env.set_env("NOTIFY_LOG", path.to_str().expect("utf-8"));
    assert_eq!(count(env.run(&["log", "--json"])), 3);
}

#[test]
fn bad_times_and_ids_are_usage_errors_with_an_example() {
    let env = env();
    for args in [
        ["log", "--since", "yesterday"],
        ["log", "--since", "2026-11-29"],
        ["prune", "--older-than", "3 days"],
    ] {
        let args: Vec<&str> = if args[0] == "prune" {
            ["log"].into_iter().chain(args).collect()
        } else {
            args.to_vec()
        };
        env.run(&args).code(2).stderr_has("e.g. 90m, 2h, 3d");
    }
    env.run(&["log", "--id", "a b"])
        .code(2)
        .stderr_has("invalid event id");
    env.run(&["log", "--limit", "0"]).code(2);
}

#[test]
fn prune_deletes_older_entries_and_says_how_many() {
    let env = env();
    let path = default_log(&env);
    {
        let log = Log::open(&path).expect("open log");
        log.record(&[
            row("old", "alice", Kind::Email, Outcome::Delivered, 24 * 100),
            row("old", "bob", Kind::Email, Outcome::Delivered, 24 * 100),
            row("recent", "alice", Kind::Email, Outcome::Delivered, 24 * 89),
            row("today", "alice", Kind::Email, Outcome::Delivered, 1),
        ])
        .expect("record");
    }
    env.run(&["log", "prune"])
        .ok()
        .stderr_has("deleted 2 entries older than 2026-10-17T08:00:00Z");
    let run = env.run(&["log", "prune", "--older-than", "2d", "--json"]);
    run.ok();
    assert_eq!(
        run.json(),
        serde_json::json!({"deleted": 1, "older_than": "2027-01-13T08:00:00Z"})
    );
    let left = env.run(&["log", "--json"]);
    let left = left.json();
    assert_eq!(left.as_array().map(Vec::len), Some(1));
    assert_eq!(left[0]["id"], "today");
    env.run(&["log", "prune", "--older-than", "2027-01-15T08:00:01Z"])
        .ok()
        .stderr_has("deleted 1 entry older than 2027-01-15T08:00:01Z");
}

#[test]
fn a_damaged_newer_or_unreachable_log_exits_1_with_a_hint() {
    let env = env();
    let garbage = env.path("garbage.db");
    std::fs::write(&garbage, vec![b'x'; 8192]).expect("write");
    let newer = env.path("newer.db");
    drop(Log::open(&newer).expect("open"));
    set_user_version(&newer, notify::log::CURRENT_VERSION + 1);
    let not_a_folder = env.path("file");
    std::fs::write(&not_a_folder, "").expect("write");

    let cases = [
        (
            garbage.clone(),
            "is damaged or not a notify log",
            "hint: move it aside",
        ),
        (
            newer,
            "was written by a newer notify",
            "hint: upgrade notify",
        ),
        (
            not_a_folder.join("deliveries.db"),
            "cannot read the delivery log",
            "hint: check",
        ),
        (env.path(""), "is not a file", "hint: point --log"),
    ];
    for (path, what, hint) in cases {
        let path = path.to_str().expect("utf-8");
        for cmd in [&["log"][..], &["log", "prune"]] {
            let mut args = cmd.to_vec();
            args.extend(["--log", path]);
            env.run(&args).code(1).stderr_has(what).stderr_has(hint);
        }
    }
    // Nothing was changed in the damaged file.
    assert_eq!(std::fs::read(&garbage).expect("read"), vec![b'x'; 8192]);
}

/// Sets a log's schema version by hand, as a newer notify would.
fn set_user_version(path: &Path, version: i64) {
    rusqlite::Connection::open(path)
        .expect("open sqlite")
        .pragma_update(None, "user_version", version)
        .expect("set user_version");
}

#[test]
fn readers_and_pruners_in_other_processes_never_see_a_locked_log() {
    const WRITERS: usize = 16;
    const READERS: usize = 16;
    const RUNS: usize = 10;
    let env = env();
    let path = default_log(&env);
    drop(Log::open(&path).expect("create log"));
    std::thread::scope(|s| {
        let children: Vec<_> = (0..READERS)
            .map(|i| {
                let args: &[&str] = if i % 2 == 0 {
                    &["log", "--json", "--limit", "1000"]
                } else {
                    &["log", "prune", "--older-than", "1000d"]
                };
                env.command(args).spawn().expect("spawn notify")
            })
            .collect();
        for w in 0..WRITERS {
            let path = &path;
            s.spawn(move || {
                let log = Log::open(path).expect("open log");
                for r in 0..RUNS {
                    let id = format!("w{w}-r{r}");
                    let rows: Vec<_> = (0..10)
                        .map(|i| row(&id, &format!("u{i}"), Kind::Email, Outcome::Delivered, 0))
                        .collect();
                    log.record(&rows).expect("record");
                }
            });
        }
        for child in children {
            let out = child.wait_with_output().expect("wait notify");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    });
    let run = env.run(&["log", "--json", "--limit", "100000"]);
    assert_eq!(
        run.json().as_array().map(Vec::len),
        Some(WRITERS * RUNS * 10)
    );
}

#[test]
fn a_send_is_logged_and_stamped_by_the_one_clock() {
    let env = env();
    let hook = crate::support::http::HttpServer::start();
    let url = hook.url("/hook");
    env.run(&["send", "--webhook", &url, "--message", "disk full"])
        .ok();
    // The webhook's event time and the log's time are both the run's clock, fixed by NOTIFY_NOW.
    let sent = hook.wait_for(1, std::time::Duration::from_secs(5));
    let event_time = sent[0].json()["messageEvent"]["eventTime"].as_u64();
    let event_time = event_time.expect("eventTime is a number");
    assert!(
        (NOW as u64 * 1000..NOW as u64 * 1000 + 60_000).contains(&event_time),
        "eventTime {event_time} is not the fixed clock"
    );
    let run = env.run(&["log", "--json"]);
    run.ok();
    let entries = run.json();
    assert_eq!(field(&entries[0], "time"), "2027-01-15T08:00:00Z");
}

#[test]
fn a_clock_that_is_not_a_time_is_refused() {
    let mut env = Env::new();
    env.set_env("NOTIFY_NOW", "tomorrow");
    env.run(&["log"])
        .code(2)
        .stderr_has("NOTIFY_NOW is \"tomorrow\", not a time in Unix seconds")
        .stderr_has("unset it");
}

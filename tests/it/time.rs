//! Time in the rules end to end: mute windows (`notify mute`), rules and quiet hours that use them,
//! silences (`notify silence`), and what `emit` does with them, on a clock fixed by NOTIFY_NOW.

use serde_json::Value;

use crate::support::http::HttpServer;
use crate::support::{Env, Run};

/// 2027-01-15T08:00:00Z, a Friday.
const NOW: i64 = 1_800_000_000;
const APPROVAL: &str = "ticket.data-change.pending-approval";

fn env() -> Env {
    let mut env = Env::new();
    env.set_env("NOTIFY_NOW", &NOW.to_string());
    env
}

/// bob, an approver's webhook at `/bob`, and a `night` window 07:00-09:00 UTC that covers NOW.
fn setup(env: &Env, server: &HttpServer) {
    env.run(&["user", "add", "bob"]).ok();
    let url = format!("webhook.url={}", server.url("/bob"));
    env.run(&[
        "user",
        "modify",
        "bob",
        "--set",
        &url,
        "--set",
        "webhook.signature_method=NONE",
        "--enable",
        "webhook",
    ])
    .ok();
    env.run(&[
        "mute",
        "set",
        "night",
        "--times",
        "07:00-09:00",
        "--timezone",
        "UTC",
    ])
    .ok();
}

fn emit(env: &Env, extra: &[&str]) -> Run {
    let mut args = vec![
        "emit",
        APPROVAL,
        "--approver",
        "bob",
        "--retry-base-ms",
        "10",
    ];
    args.extend_from_slice(extra);
    env.run(&args)
}

/// (recipient, channel, outcome, reason) of an `emit --json`'s rows (a dry run's destinations).
fn rows(run: &Run) -> Vec<(String, String, String, String)> {
    let doc = run.json();
    let key = if doc["dry_run"] == true {
        "destinations"
    } else {
        "deliveries"
    };
    doc[key]
        .as_array()
        .expect("deliveries")
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (s("recipient"), s("channel"), s("outcome"), s("reason"))
        })
        .collect()
}

fn row(outcome: &str, reason: &str) -> Vec<(String, String, String, String)> {
    vec![(
        "bob".into(),
        "webhook".into(),
        outcome.into(),
        reason.into(),
    )]
}

#[test]
fn mute_windows_are_stored_used_and_refused_with_what_to_do() {
    let env = env();
    env.run(&[
        "mute",
        "set",
        "night",
        "--times",
        "22:00-08:00",
        "--timezone",
        "Mars/Olympus",
    ])
    .code(2)
    .stderr_has("`Mars/Olympus` is not a time zone")
    .stderr_has("hint: `notify mute set night --times 22:00-08:00 --timezone Europe/Berlin`");
    env.run(&["mute", "set", "night", "--times", "25:00-08:00"])
        .code(2)
        .stderr_has("HH:MM-HH:MM");
    env.run(&[
        "mute",
        "set",
        "night",
        "--times",
        "22:00-08:00",
        "--weekdays",
        "someday",
    ])
    .code(2)
    .stderr_has("mon-fri");
    assert!(!env.store_text().contains("[mute"), "nothing stored");
    env.run(&[
        "mute",
        "set",
        "night",
        "--times",
        "22:00-08:00,12:00-13:00",
        "--weekdays",
        "mon-fri",
        "--timezone",
        "Europe/Berlin",
    ])
    .ok();
    let text = env.store_text();
    assert!(
        text.contains(
            "[mute.night]\ntimes = [\"22:00-08:00\", \"12:00-13:00\"]\nweekdays = [\"mon-fri\"]\ntimezone = \"Europe/Berlin\"\n"
        ),
        "{text}"
    );
    env.run(&["rule", "set", APPROVAL, "--mute", "nigth"])
        .code(2)
        .stderr_has("no mute window `nigth`")
        .stderr_has("did you mean `night`?");
    env.run(&[
        "rule",
        "set",
        APPROVAL,
        "--mute",
        "night",
        "--on-mute",
        "drop",
    ])
    .ok();
    env.run(&["user", "add", "alice"]).ok();
    env.run(&["user", "modify", "alice", "--quiet-hours", "nigt"])
        .code(2)
        .stderr_has("did you mean `night`?");
    env.run(&["user", "modify", "alice", "--quiet-hours", "night"])
        .ok();
    let text = env.store_text();
    assert!(text.contains("quiet_hours = \"night\""), "{text}");
    assert!(
        text.contains("mute = [\"night\"]\non_mute = \"drop\""),
        "{text}"
    );
    let listed = env.run(&["mute", "list", "--json"]).ok().json();
    assert_eq!(listed[0]["name"], "night");
    assert_eq!(listed[0]["rules"][0], format!("rule {APPROVAL}"));
    assert_eq!(listed[0]["users"][0], "user alice");
    env.run(&["mute", "remove", "night"])
        .code(2)
        .stderr_has(&format!(
            "mute window night is still used by rule {APPROVAL}, user alice"
        ));
    env.run(&["rule", "set", APPROVAL, "--no-mute", "--on-mute", "defer"])
        .ok();
    env.run(&["user", "modify", "alice", "--no-quiet-hours"])
        .ok();
    env.run(&["mute", "remove", "night"]).ok();
    let text = env.store_text();
    assert!(
        !text.contains("mute") && !text.contains("quiet_hours"),
        "{text}"
    );
}

#[test]
fn a_dropping_window_logs_the_delivery_skipped_with_its_reason() {
    let env = env();
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&[
        "rule",
        "set",
        APPROVAL,
        "--mute",
        "night",
        "--on-mute",
        "drop",
    ])
    .ok();
    let run = emit(&env, &["--json", "--id", "drop-1"]);
    run.ok();
    assert_eq!(rows(&run), row("skipped", "muted (night)"));
    assert!(server.requests().is_empty());
    let logged = env.run(&["log", "--json", "--id", "drop-1"]).ok().json();
    assert_eq!(logged[0]["outcome"], "skipped");
    assert_eq!(logged[0]["reason"], "muted (night)");
    let shown = env.run(&["rule", "show", APPROVAL]).ok().stdout.clone();
    assert!(shown.contains("night (drop)"), "{shown}");
    env.run(&["template", "render", APPROVAL, "--channel", "webhook"])
        .ok()
        .stderr_has("webhook: dropped: muted (night)");
}

#[test]
fn a_deferring_window_queues_the_delivery_until_it_ends_and_a_dry_run_says_so() {
    let env = env();
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&["rule", "set", APPROVAL, "--mute", "night"]).ok();
    let dry = emit(&env, &["--json", "--dry-run"]);
    dry.ok();
    assert_eq!(
        rows(&dry),
        row(
            "skipped",
            "deferred until 2027-01-15T09:00:00Z: muted (night)"
        )
    );
    emit(&env, &["--id", "defer-1"])
        .ok()
        .stderr_has("deferred bob webhook until 2027-01-15T09:00:00Z: muted (night)");
    assert!(
        server.requests().is_empty(),
        "nothing sent inside the window"
    );
    let queued = env.run(&["queue", "--json"]).ok().json();
    assert_eq!(queued.as_array().map(Vec::len), Some(1), "{queued}");
    assert_eq!(queued[0]["id"], "defer-1");
    assert_eq!(queued[0]["due"], "2027-01-15T09:00:00Z");
    assert_eq!(queued[0]["state"], "scheduled");
    assert_eq!(queued[0]["queued"], 1);
    env.run(&[
        "template",
        "render",
        APPROVAL,
        "--channel",
        "email",
        "--to",
        "bob",
    ])
    .ok()
    .stderr_has("email: deferred until 2027-01-15T09:00:00Z (muted (night))");
    // Outside the window the same rule sends at once.
    let mut later = Env::new();
    later.set_env("NOTIFY_NOW", &(NOW + 2 * 3600).to_string());
    setup(&later, &server);
    later
        .run(&["rule", "set", APPROVAL, "--mute", "night"])
        .ok();
    let run = emit(&later, &["--json"]);
    assert_eq!(rows(&run), row("delivered", ""));
}

#[test]
fn quiet_hours_defer_a_users_own_channels() {
    let env = env();
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&["user", "modify", "bob", "--quiet-hours", "night"])
        .ok();
    emit(&env, &["--id", "quiet-1"])
        .ok()
        .stderr_has("deferred bob webhook until 2027-01-15T09:00:00Z: quiet hours of bob (night)");
    let queued = env.run(&["queue", "--json"]).ok().json();
    assert_eq!(queued[0]["due"], "2027-01-15T09:00:00Z");
}

fn silence_ids(env: &Env, all: bool) -> Vec<String> {
    let mut args = vec!["silence", "list", "--json"];
    if all {
        args.push("--all");
    }
    let listed: Value = env.run(&args).ok().json();
    listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn silences_round_trip_skip_what_they_match_and_expire() {
    let env = env();
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&["silence", "add", "--for", "2h", "--comment", "x"])
        .code(2)
        .stderr_has("a silence needs something to match");
    env.run(&[
        "silence",
        "add",
        "--event",
        "ticket.*",
        "--until",
        "2027-01-15T07:00:00Z",
        "--comment",
        "x",
    ])
    .code(2)
    .stderr_has("is not in the future");
    let added = env.run(&[
        "silence",
        "add",
        "--event",
        "ticket.*",
        "--channel",
        "webhook",
        "--for",
        "2h",
        "--comment",
        "db maintenance",
    ]);
    added.ok().stderr_has("until 2027-01-15T10:00:00Z");
    let id = added.stdout.trim().to_owned();
    assert_eq!(id.len(), 8, "{id}");
    assert_eq!(silence_ids(&env, false), std::slice::from_ref(&id));
    env.run(&["template", "render", APPROVAL, "--channel", "webhook"])
        .ok()
        .stderr_has(&format!(
            "webhook: silenced ({id}: db maintenance): not sent"
        ));
    let run = emit(&env, &["--json", "--id", "hushed-1"]);
    assert_eq!(
        rows(&run),
        row("skipped", &format!("silenced ({id}: db maintenance)"))
    );
    assert!(server.requests().is_empty());
    // Another event is not matched.
    let other = env.run(&[
        "emit",
        "--json",
        "task-flow.run.failed",
        "--submitter",
        "bob",
    ]);
    assert_eq!(rows(&other), row("delivered", ""));
    env.run(&["silence", "expire", &id])
        .ok()
        .stderr_has("expired silence");
    env.run(&["silence", "expire", "nope"])
        .code(1)
        .stderr_has("no silence nope");
    assert!(silence_ids(&env, false).is_empty());
    assert_eq!(silence_ids(&env, true), [id]);
    let run = emit(&env, &["--json", "--id", "hushed-2"]);
    assert_eq!(rows(&run), row("delivered", ""));
}

#[test]
fn a_silence_ends_by_itself() {
    let env = env();
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&[
        "silence",
        "add",
        "--recipient",
        "bob",
        "--for",
        "30m",
        "--comment",
        "away",
    ])
    .ok();
    let mut later = env;
    later.set_env("NOTIFY_NOW", &(NOW + 3600).to_string());
    assert!(silence_ids(&later, false).is_empty());
    let run = emit(&later, &["--json"]);
    assert_eq!(rows(&run), row("delivered", ""));
}

#[test]
fn serve_delivers_deferred_deliveries_when_their_window_ends() {
    use crate::serve::{Serve, event, wait_pairs};
    use std::collections::BTreeSet;
    use std::time::{Duration, Instant};

    let mut env = Env::new();
    // Two seconds before the window ends at 09:00; serve's clock starts there too and moves on.
    env.set_env("NOTIFY_NOW", &(NOW + 3600 - 2).to_string());
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&["rule", "set", APPROVAL, "--mute", "night"]).ok();
    emit(&env, &["--id", "defer-e"])
        .ok()
        .stderr_has("until 2027-01-15T09:00:00Z");
    let started = Instant::now();
    let mut serve = Serve::start(&env, &[]);
    // An event posted to the relay inside the window is held the same way.
    assert_eq!(serve.post(&event("defer-h", &["bob"])).0, 202);
    serve.line("defer-h bob webhook: deferred");
    assert!(
        server.requests().is_empty(),
        "nothing sent inside the window"
    );
    let want = BTreeSet::from([
        ("/bob".to_owned(), "defer-e".to_owned()),
        ("/bob".to_owned(), "defer-h".to_owned()),
    ]);
    let seen = wait_pairs(&server, &want);
    assert_eq!(seen.len(), 2, "each delivered once");
    assert!(
        started.elapsed() >= Duration::from_millis(1900),
        "delivered at the window's end, not before: {:?}",
        started.elapsed()
    );
    let logged = env.run(&["log", "--json", "--id", "defer-e"]).ok().json();
    assert_eq!(logged[0]["outcome"], "delivered", "{logged}");
}

#[test]
fn a_deferred_delivery_survives_a_kill_9_and_arrives_at_the_windows_end() {
    use crate::serve::{Serve, event, wait_pairs};
    use std::collections::BTreeSet;
    use std::time::{Duration, Instant};

    // Four seconds before the `night` window ends at 09:00.
    let base = NOW + 3600 - 4;
    let mut env = Env::new();
    env.set_env("NOTIFY_NOW", &base.to_string());
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&["rule", "set", APPROVAL, "--mute", "night"]).ok();
    let started = Instant::now();
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("defer-k", &["bob"])).0, 202);
    serve.line("defer-k bob webhook: deferred");
    serve.kill9();
    assert!(server.requests().is_empty(), "nothing sent before the kill");
    // The restarted relay's clock goes on where the first one's would be, to the whole second.
    let whole = started.elapsed().as_secs() + 1;
    std::thread::sleep(Duration::from_secs(whole).saturating_sub(started.elapsed()));
    let whole = i64::try_from(whole).expect("seconds");
    env.set_env("NOTIFY_NOW", &(base + whole).to_string());
    let serve = Serve::start(&env, &[]);
    let want = BTreeSet::from([("/bob".to_owned(), "defer-k".to_owned())]);
    let seen = wait_pairs(&server, &want);
    let arrived = started.elapsed();
    assert_eq!(seen.len(), 1, "delivered once");
    // Due at the window's end, 4 s after the start: within 2 s of it.
    assert!(
        (Duration::from_secs(2)..=Duration::from_secs(6)).contains(&arrived),
        "arrived {arrived:?} after the start, the window ended after 4 s"
    );
    serve.signal("TERM");
    let logged = env.run(&["log", "--json", "--id", "defer-k"]).ok().json();
    assert_eq!(logged[0]["outcome"], "delivered", "{logged}");
}

#[test]
fn emit_of_a_deferred_event_shows_its_queued_rows_in_the_table_and_the_json() {
    let env = env();
    let server = HttpServer::start();
    setup(&env, &server);
    env.run(&["rule", "set", APPROVAL, "--mute", "night"]).ok();
    let table = emit(&env, &["--id", "defer-t"]);
    table.ok();
    let line = table
        .stdout
        .lines()
        .find(|l| l.contains("bob"))
        .unwrap_or_else(|| panic!("no row for bob: {}", table.stdout));
    for cell in [
        "webhook",
        "queued",
        "until 2027-01-15T09:00:00Z: muted (night)",
    ] {
        assert!(line.contains(cell), "{cell} in {line}");
    }
    let run = emit(&env, &["--id", "defer-j", "--json"]);
    run.ok();
    let doc = run.json();
    let rows = doc["deliveries"].as_array().expect("deliveries");
    assert_eq!(rows.len(), 1, "{doc}");
    assert_eq!(rows[0]["recipient"], "bob");
    assert_eq!(rows[0]["channel"], "webhook");
    assert_eq!(rows[0]["outcome"], "queued");
    assert_eq!(rows[0]["next_attempt"], "2027-01-15T09:00:00Z");
    assert_eq!(rows[0]["reason"], "muted (night)");
    assert_eq!(rows[0]["roles"], serde_json::json!(["approver"]));
}

#[test]
fn silences_and_windows_hush_a_destination_that_cannot_be_built() {
    let env = env();
    // bob's email is usable but no SMTP provider is configured: it would fail.
    env.write_store(
        r#"version = 1

[mute.night]
times = ["07:00-09:00"]
timezone = "UTC"

[users.bob.channels.email]
address = "bob@example.com"
enabled = true
verified = true
"#,
    );
    let email = |outcome: &str, reason: &str| {
        vec![(
            "bob".to_owned(),
            "email".to_owned(),
            outcome.to_owned(),
            reason.to_owned(),
        )]
    };
    let failed = emit(&env, &["--json"]);
    failed.code(3);
    assert_eq!(rows(&failed)[0].2, "failed");
    #[rustfmt::skip]
    let added = env.run(&[
        "silence", "add", "--recipient", "bob", "--for", "2h", "--comment", "away",
    ]);
    added.ok();
    let id = added.stdout.trim().to_owned();
    let silenced = emit(&env, &["--json"]);
    silenced.ok();
    assert_eq!(
        rows(&silenced),
        email("skipped", &format!("silenced ({id}: away)"))
    );
    env.run(&["silence", "expire", &id]).ok();
    #[rustfmt::skip]
    env.run(&["rule", "set", APPROVAL, "--mute", "night", "--on-mute", "drop"]).ok();
    let dropped = emit(&env, &["--json"]);
    dropped.ok();
    assert_eq!(rows(&dropped), email("skipped", "muted (night)"));
}

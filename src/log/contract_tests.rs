//! The delivery log's contract, checked on both backends: a SQLite file, and a fresh PostgreSQL
//! database of the tests' cluster (skipped with a `SKIPPED:` line where PostgreSQL is missing).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::*;
use crate::channels::Kind;
use crate::log::postgres::testing;
use crate::log::tests::entry;
use crate::log::{Identity, Outcome, Rich};

/// Runs `test` on a new SQLite log, then on a new PostgreSQL one; it gets the log and its `--log`.
fn each_backend(test: impl Fn(&DeliveryLog, &Path)) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notify").join("deliveries.db");
    test(&DeliveryLog::open(&file).unwrap(), &file);
    if let Some(pg) = testing::cluster() {
        let url = PathBuf::from(pg.fresh_database());
        let log = DeliveryLog::open(&url).unwrap();
        assert!(matches!(log, DeliveryLog::Postgres(_)));
        test(&log, &url);
    }
}

#[test]
fn a_run_is_read_back_whole_with_its_message() {
    each_backend(|log, _| {
        let alice = entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1_000);
        let mut bob = entry("run-1", "bob", Kind::Sms, Outcome::Failed, 1_000);
        bob.content = Arc::clone(&alice.content);
        log.record(&[alice.clone(), bob]).unwrap();

        let rows = log.query(&Filter::default()).unwrap();
        assert_eq!(rows.len(), 2);
        let got = rows.iter().find(|r| r.recipient == "alice").unwrap();
        assert_eq!(got.event_id, "run-1");
        assert_eq!(got.event, "TicketApproval");
        assert_eq!(got.time_ms, 1_000);
        assert_eq!(got.identity, alice.identity);
        assert_eq!(got.channel, Some(Kind::Email));
        assert_eq!(got.destination, "alice@example.com");
        assert_eq!(got.outcome, Outcome::Delivered);
        assert_eq!(got.attempts, 1);
        assert_eq!(got.idempotency_key, "key-run-1-alice");
        assert_eq!(got.content, *alice.content);
        assert!(
            got.content
                .rich
                .as_ref()
                .is_some_and(|r: &Rich| r.markdown_text)
        );
        let failed = rows.iter().find(|r| r.recipient == "bob").unwrap();
        assert_eq!(failed.error_code.as_deref(), Some("http_500"));
        assert_eq!(failed.error_message.as_deref(), Some("server error"));
    });
}

#[test]
fn a_repeated_id_finds_what_was_delivered_and_the_first_keys() {
    each_backend(|log, _| {
        let id: DeliveryId = "run-1".parse().unwrap();
        log.record(&[
            entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1),
            entry("run-1", "bob", Kind::Sms, Outcome::Failed, 1),
            entry("run-2", "carol", Kind::Email, Outcome::Delivered, 1),
        ])
        .unwrap();
        let mut again = entry("run-1", "alice", Kind::Email, Outcome::Skipped, 2);
        again.idempotency_key = "a-later-key".into();
        log.record(&[again]).unwrap();

        let alice = Identity::stored(&["alice".into()], Some(Kind::Email));
        let bob = Identity::stored(&["bob".into()], Some(Kind::Sms));
        let history = log.history_of(&id).unwrap();
        assert_eq!(history.delivered, HashSet::from([alice.clone()]));
        let unknown: DeliveryId = "run-9".parse().unwrap();
        let none = log.history_of(&unknown).unwrap();
        assert!(none.keys.is_empty() && none.delivered.is_empty());
        let keys = history.keys;
        assert_eq!(keys.len(), 2);
        assert_eq!(keys[&alice], "key-run-1-alice");
        assert_eq!(keys[&bob], "key-run-1-bob");
    });
}

#[test]
fn filters_select_by_id_event_recipient_channel_outcome_time_and_limit() {
    each_backend(|log, _| {
        let mut shared = entry("run-2", "bob", Kind::Email, Outcome::Failed, 2_000);
        shared.recipient = "alice, bob".into();
        log.record(&[
            entry("run-1", "alice", Kind::Email, Outcome::Delivered, 1_000),
            shared,
            entry("run-3", "carol", Kind::Sms, Outcome::Skipped, 3_000),
        ])
        .unwrap();
        let ids = |filter: Filter| -> Vec<String> {
            log.query(&filter)
                .unwrap()
                .into_iter()
                .map(|r| r.event_id)
                .collect()
        };
        assert_eq!(ids(Filter::default()), ["run-3", "run-2", "run-1"]);
        let by_id = Filter {
            id: Some("run-2".parse().unwrap()),
            ..Filter::default()
        };
        assert_eq!(ids(by_id), ["run-2"]);
        let by_recipient = Filter {
            recipient: Some("alice".into()),
            ..Filter::default()
        };
        assert_eq!(ids(by_recipient), ["run-2", "run-1"]);
        let by_channel = Filter {
            channel: Some(Kind::Sms),
            ..Filter::default()
        };
        assert_eq!(ids(by_channel), ["run-3"]);
        let by_outcome = Filter {
            outcome: Some(Outcome::Failed),
            ..Filter::default()
        };
        assert_eq!(ids(by_outcome), ["run-2"]);
        let by_event = Filter {
            event: Some("Other".into()),
            ..Filter::default()
        };
        assert!(ids(by_event).is_empty());
        let since = Filter {
            since_ms: Some(2_000),
            limit: Some(1),
            ..Filter::default()
        };
        assert_eq!(ids(since), ["run-3"]);
    });
}

#[test]
fn retry_finds_each_destination_whose_latest_row_failed_and_never_delivered() {
    each_backend(|log, _| {
        log.record(&[
            entry("run-1", "alice", Kind::Email, Outcome::Failed, 1),
            entry("run-1", "bob", Kind::Email, Outcome::Failed, 1),
            entry("run-2", "carol", Kind::Email, Outcome::Failed, 1),
        ])
        .unwrap();
        // alice went through on a later run; carol failed again.
        log.record(&[
            entry("run-1", "alice", Kind::Email, Outcome::Delivered, 2),
            entry("run-2", "carol", Kind::Email, Outcome::Failed, 2),
        ])
        .unwrap();
        let failed: Vec<(String, String, i64)> = log
            .failed(&Filter::default())
            .unwrap()
            .into_iter()
            .map(|r| (r.event_id, r.recipient, r.time_ms))
            .collect();
        assert_eq!(
            failed,
            [
                ("run-1".to_owned(), "bob".to_owned(), 1),
                ("run-2".to_owned(), "carol".to_owned(), 2)
            ]
        );
    });
}

#[test]
fn prune_deletes_old_rows_and_reopening_keeps_the_rest() {
    each_backend(|log, target| {
        log.record(&[entry(
            "old",
            "alice",
            Kind::Email,
            Outcome::Delivered,
            1_000,
        )])
        .unwrap();
        log.record(&[entry("new", "bob", Kind::Email, Outcome::Delivered, 5_000)])
            .unwrap();
        assert_eq!(log.prune(2_000).unwrap(), 1);
        assert_eq!(log.prune(2_000).unwrap(), 0);
        let again = DeliveryLog::open_existing(target).unwrap().unwrap();
        let rows = again.query(&Filter::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].event_id, "new");
    });
}

#[test]
fn many_writers_at_once_lose_no_row() {
    const WRITERS: usize = 4;
    const RUNS: usize = 10;
    each_backend(|_, target| {
        std::thread::scope(|s| {
            for w in 0..WRITERS {
                s.spawn(move || {
                    let log = DeliveryLog::open(target).unwrap();
                    for run in 0..RUNS {
                        let id = format!("w{w}-r{run}");
                        let rows: Vec<_> = (0..3)
                            .map(|i| {
                                entry(&id, &format!("u{i}"), Kind::Email, Outcome::Delivered, 1)
                            })
                            .collect();
                        log.record(&rows).unwrap();
                    }
                });
            }
        });
        let log = DeliveryLog::open(target).unwrap();
        assert_eq!(
            log.query(&Filter::default()).unwrap().len(),
            WRITERS * RUNS * 3
        );
    });
}

#[test]
fn the_log_is_shown_without_a_password() {
    let url = Path::new("postgres://notify:s3cret@db.example/notify");
    assert_eq!(shown(url), "postgres://notify:***@db.example/notify");
    assert!(may_exist(url));
    assert_eq!(shown(Path::new("/tmp/x.db")), "/tmp/x.db");
    assert!(!may_exist(Path::new("/nonexistent/x.db")));
}

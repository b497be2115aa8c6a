//! The queue's state machine, with explicit times.

use super::*;

const LEASE: Duration = Duration::from_secs(60);
const POLICY: Policy = Policy {
    max_attempts: 4,
    give_up_after: Duration::from_secs(3600),
    jitter: false,
};

fn new_queue() -> (tempfile::TempDir, SqliteQueue) {
    let dir = tempfile::tempdir().unwrap();
    let queue = SqliteQueue::open(&dir.path().join("deliveries.db")).unwrap();
    (dir, queue)
}

/// Runs a contract test on a SQLite queue, then on a PostgreSQL one (a fresh database) when the tests'
/// cluster is there: one suite, two backends.
fn each_backend(test: impl Fn(&dyn Queue)) {
    let (_dir, sqlite) = new_queue();
    test(&sqlite);
    if let Some(pg) = crate::log::postgres::testing::cluster() {
        let queue = crate::log::postgres::PgQueue::open(&pg.fresh_database()).unwrap();
        test(&queue);
    }
}

fn transient(error: &str) -> Attempt {
    Attempt::Transient {
        error: error.into(),
        not_before_ms: None,
    }
}

fn ids(claimed: &[Claimed]) -> Vec<&str> {
    claimed.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn an_id_is_queued_once_and_a_duplicate_changes_nothing() {
    each_backend(|q| {
        assert_eq!(
            q.insert("e1", "{\"a\":1}", 1_000, 1_000).unwrap(),
            Inserted::New { due_ms: 1_000 }
        );
        assert_eq!(
            q.insert("e1", "{\"a\":2}", 2_000, 2_000).unwrap(),
            Inserted::Duplicate
        );
        let claimed = q.claim("w", 2_000, LEASE, 10).unwrap();
        let claimed: Vec<(&str, &str)> = claimed
            .iter()
            .map(|c| (c.id.as_str(), c.body.as_str()))
            .collect();
        assert_eq!(claimed, [("e1", "{\"a\":1}")]);
        // Delivered and finished: still a duplicate.
        q.record(
            "e1",
            "w",
            &[("u:a".into(), Attempt::Delivered)],
            2_000,
            &POLICY,
        )
        .unwrap();
        assert_eq!(
            q.insert("e1", "{}", 3_000, 3_000).unwrap(),
            Inserted::Duplicate
        );
        assert!(q.claim("w", 10_000_000, LEASE, 10).unwrap().is_empty());
    });
}

#[test]
fn a_claim_takes_only_due_events_and_a_lease_hides_them_until_it_expires() {
    each_backend(|q| {
        q.insert("now", "{}", 1_000, 1_000).unwrap();
        q.insert("later", "{}", 1_000, 61_000).unwrap();
        assert_eq!(ids(&q.claim("w1", 1_000, LEASE, 10).unwrap()), ["now"]);
        assert_eq!(
            q.counts(1_000).unwrap(),
            Counts {
                due: 0,
                scheduled: 1,
                in_flight: 1,
                dead: 0
            }
        );
        // Held: nobody else gets it while the lease runs.
        assert!(q.claim("w2", 60_999, LEASE, 10).unwrap().is_empty());
        // Its worker died: the lease expires and the event is due again, to anyone.
        assert_eq!(
            ids(&q.claim("w2", 61_000, LEASE, 10).unwrap()),
            ["now", "later"]
        );
    });
}

#[test]
fn a_restart_takes_every_lease_back_at_once() {
    let (_dir, q) = new_queue();
    q.insert("e1", "{}", 1_000, 1_000).unwrap();
    q.claim("old", 1_000, LEASE, 10).unwrap();
    assert_eq!(q.reclaim_all().unwrap(), 1);
    assert_eq!(ids(&q.claim("new", 1_001, LEASE, 10).unwrap()), ["e1"]);
}

#[test]
fn a_transient_failure_backs_off_exponentially_until_max_attempts_then_is_dead() {
    each_backend(|q| {
        q.insert("e1", "{}", 0, 0).unwrap();
        let mut now = 0;
        let mut waits = Vec::new();
        for _ in 0..POLICY.max_attempts {
            assert_eq!(ids(&q.claim("w", now, LEASE, 1).unwrap()), ["e1"]);
            q.record(
                "e1",
                "w",
                &[("k".into(), transient("HTTP 503"))],
                now,
                &POLICY,
            )
            .unwrap();
            let planned = q.planned("e1").unwrap();
            waits.push(planned[0].next_attempt_ms - now);
            now = planned[0].next_attempt_ms;
            // Not due a millisecond before its time.
            assert!(q.claim("w", now - 1, LEASE, 1).unwrap().is_empty());
        }
        assert_eq!(waits, [2_000, 4_000, 8_000, 16_000]);
        let planned = q.planned("e1").unwrap();
        assert_eq!(planned[0].state, State::Dead);
        assert_eq!(planned[0].attempts, 4);
        assert_eq!(planned[0].last_error.as_deref(), Some("HTTP 503"));
        assert_eq!(q.counts(now).unwrap().dead, 1);
        assert!(q.claim("w", i64::MAX / 2, LEASE, 1).unwrap().is_empty());
    });
}

#[test]
fn retry_after_later_than_the_backoff_wins_and_waits_cap_at_an_hour() {
    let policy = Policy {
        max_attempts: 100,
        give_up_after: Duration::from_secs(86_400),
        jitter: false,
    };
    each_backend(|q| {
        q.insert("e1", "{}", 0, 0).unwrap();
        q.claim("w", 0, LEASE, 1).unwrap();
        let slow = Attempt::Transient {
            error: "HTTP 429".into(),
            not_before_ms: Some(30_000),
        };
        q.record("e1", "w", &[("k".into(), slow)], 0, &policy)
            .unwrap();
        assert_eq!(q.planned("e1").unwrap()[0].next_attempt_ms, 30_000);
        assert_eq!(policy.backoff(11), Duration::from_secs(2048));
        assert_eq!(policy.backoff(12), Duration::from_secs(3600));
        assert_eq!(policy.backoff(40), Duration::from_secs(3600));
        let jittered = Policy {
            jitter: true,
            ..policy
        };
        for _ in 0..50 {
            let wait = jittered.backoff(3).as_millis();
            assert!((6_400..=9_600).contains(&wait), "{wait}");
        }
    });
}

#[test]
fn a_retry_past_give_up_after_is_dead_at_once() {
    let policy = Policy {
        max_attempts: 100,
        give_up_after: Duration::from_secs(10),
        jitter: false,
    };
    each_backend(|q| {
        q.insert("e1", "{}", 0, 0).unwrap();
        q.claim("w", 9_000, LEASE, 1).unwrap();
        q.record(
            "e1",
            "w",
            &[("k".into(), transient("HTTP 503"))],
            9_000,
            &policy,
        )
        .unwrap();
        assert_eq!(q.planned("e1").unwrap()[0].state, State::Dead);
    });
}

#[test]
fn each_destination_keeps_its_own_state_and_the_event_is_due_at_the_earliest() {
    each_backend(|q| {
        q.insert("e1", "{}", 0, 0).unwrap();
        q.claim("w", 0, LEASE, 1).unwrap();
        let outcomes = [
            ("a".to_owned(), Attempt::Delivered),
            ("b".to_owned(), transient("HTTP 503")),
            (
                "c".to_owned(),
                Attempt::Permanent {
                    error: "HTTP 404".into(),
                },
            ),
            ("d".to_owned(), Attempt::Skipped),
            ("e".to_owned(), Attempt::NotStarted),
        ];
        q.record("e1", "w", &outcomes, 0, &POLICY).unwrap();
        let states: Vec<_> = q
            .planned("e1")
            .unwrap()
            .into_iter()
            .map(|p| (p.identity, p.state, p.attempts))
            .collect();
        assert_eq!(
            states,
            [
                ("a".to_owned(), State::Delivered, 1),
                ("b".to_owned(), State::Queued, 1),
                ("c".to_owned(), State::Dead, 1),
                ("d".to_owned(), State::Skipped, 0),
                ("e".to_owned(), State::Queued, 0),
            ]
        );
        // `e` was never tried: due again at once.
        assert_eq!(ids(&q.claim("w", 0, LEASE, 1).unwrap()), ["e1"]);
        q.record("e1", "w", &[("e".into(), Attempt::Delivered)], 0, &POLICY)
            .unwrap();
        assert!(q.claim("w", 1_999, LEASE, 1).unwrap().is_empty());
        assert_eq!(ids(&q.claim("w", 2_000, LEASE, 1).unwrap()), ["e1"]);
        q.record(
            "e1",
            "w",
            &[("b".into(), Attempt::Delivered)],
            2_000,
            &POLICY,
        )
        .unwrap();
        // Nothing queued is left: the event is done.
        assert!(q.claim("w", i64::MAX / 2, LEASE, 1).unwrap().is_empty());
        assert_eq!(
            q.counts(2_000).unwrap(),
            Counts {
                dead: 1,
                ..Counts::default()
            }
        );
    });
}

#[test]
fn a_release_puts_the_event_back_untouched() {
    each_backend(|q| {
        q.insert("e1", "{}", 0, 0).unwrap();
        q.claim("w", 0, LEASE, 1).unwrap();
        q.release("e1", "other").unwrap();
        assert!(q.claim("w2", 1, LEASE, 1).unwrap().is_empty());
        q.release("e1", "w").unwrap();
        assert_eq!(ids(&q.claim("w2", 1, LEASE, 1).unwrap()), ["e1"]);
        assert!(q.planned("e1").unwrap().is_empty());
    });
}

#[test]
fn an_event_committed_survives_the_connection_that_wrote_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deliveries.db");
    let q = SqliteQueue::open(&path).unwrap();
    q.insert("e1", "{}", 0, 0).unwrap();
    // No close, no checkpoint: what a kill -9 leaves.
    std::mem::forget(q);
    let again = SqliteQueue::open(&path).unwrap();
    assert_eq!(ids(&again.claim("w", 0, LEASE, 1).unwrap()), ["e1"]);
}

#[test]
fn waiting_events_are_listed_and_a_cancel_withdraws_only_what_no_worker_holds() {
    each_backend(|q| {
        q.insert("later", "{}", 0, 90_000).unwrap();
        q.insert("now", "{}", 0, 0).unwrap();
        q.insert("done", "{}", 0, 0).unwrap();
        q.claim("w", 0, LEASE, 2).unwrap();
        let outcomes = [
            ("a".to_owned(), Attempt::Delivered),
            ("b".to_owned(), transient("HTTP 503")),
        ];
        q.record("now", "w", &outcomes, 0, &POLICY).unwrap();
        q.record("done", "w", &[("a".into(), Attempt::Delivered)], 0, &POLICY)
            .unwrap();
        let waiting = q.waiting(0).unwrap();
        let rows: Vec<_> = waiting
            .iter()
            .map(|w| {
                (
                    w.id.as_str(),
                    w.due_ms,
                    w.queued,
                    w.done,
                    w.dead,
                    w.last_error.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("now", 2_000, 1, 1, 0, Some("HTTP 503")),
                ("later", 90_000, 0, 0, 0, None),
            ]
        );
        assert_eq!(q.cancel("done", 0).unwrap(), Cancelled::Finished);
        assert_eq!(q.cancel("nope", 0).unwrap(), Cancelled::Unknown);
        q.claim("w", 2_000, LEASE, 1).unwrap();
        assert!(q.waiting(2_000).unwrap()[0].in_flight);
        assert_eq!(q.cancel("now", 2_000).unwrap(), Cancelled::InFlight);
        assert_eq!(q.cancel("later", 2_000).unwrap(), Cancelled::Withdrawn);
        assert_eq!(q.cancel("later", 2_000).unwrap(), Cancelled::Finished);
        // The cancelled event never comes due; the held one does once its lease ends.
        assert_eq!(ids(&q.claim("w", 100_000, LEASE, 10).unwrap()), ["now"]);
    });
}

#[test]
fn a_batch_is_queued_in_one_go_with_one_answer_per_event() {
    each_backend(|q| {
        q.insert("old", "{}", 0, 0).unwrap();
        let new = |id: &str| NewEvent {
            id: id.into(),
            body: "{}".into(),
            due_ms: 5,
        };
        let answers = q
            .insert_many(&[new("a"), new("old"), new("a"), new("b")], 1)
            .unwrap();
        let new_at_5 = Inserted::New { due_ms: 5 };
        assert_eq!(
            answers,
            [
                new_at_5.clone(),
                Inserted::Duplicate,
                Inserted::Duplicate,
                new_at_5
            ]
        );
        assert_eq!(ids(&q.claim("w", 5, LEASE, 10).unwrap()), ["old", "a", "b"]);
    });
}

#[test]
fn a_destination_held_back_by_pacing_waits_for_its_slot_and_keeps_its_attempts() {
    each_backend(|q| {
        q.insert("e1", "{}", 0, 0).unwrap();
        q.claim("w", 0, LEASE, 1).unwrap();
        // Held back more often than max_attempts allows attempts: never dead for it.
        for round in 0..POLICY.max_attempts + 2 {
            let now = i64::from(round) * 60_000;
            let held = Attempt::Held {
                not_before_ms: now + 40_000,
            };
            q.record("e1", "w", &[("robot".into(), held)], now, &POLICY)
                .unwrap();
            assert!(q.claim("w", now + 39_999, LEASE, 1).unwrap().is_empty());
            assert_eq!(ids(&q.claim("w", now + 40_000, LEASE, 1).unwrap()), ["e1"]);
        }
        let planned = q.planned("e1").unwrap();
        assert_eq!((planned[0].state, planned[0].attempts), (State::Queued, 0));
    });
}

#[test]
fn a_dead_destination_queued_again_starts_its_attempts_afresh() {
    each_backend(|q| {
        q.insert("e1", "{}", 0, 0).unwrap();
        q.insert("e2", "{}", 0, 0).unwrap();
        q.claim("w", 0, LEASE, 2).unwrap();
        let dead = || Attempt::Permanent {
            error: "HTTP 404".into(),
        };
        q.record(
            "e1",
            "w",
            &[("a".into(), Attempt::Delivered), ("b".into(), dead())],
            1_000,
            &POLICY,
        )
        .unwrap();
        q.record("e2", "w", &[("c".into(), dead())], 2_000, &POLICY)
            .unwrap();
        assert!(q.claim("w", 5_000, LEASE, 2).unwrap().is_empty());
        // Only what `id` and `since` select.
        assert_eq!(q.requeue_dead(Some("e1"), Some(1_500), 9_000).unwrap(), []);
        assert_eq!(
            q.requeue_dead(Some("e1"), None, 9_000).unwrap(),
            [("e1".to_owned(), "b".to_owned())]
        );
        let planned = q.planned("e1").unwrap();
        let b = planned.iter().find(|p| p.identity == "b").unwrap();
        assert_eq!(
            (b.state, b.attempts, b.next_attempt_ms),
            (State::Queued, 0, 9_000)
        );
        assert_eq!(ids(&q.claim("w", 9_000, LEASE, 2).unwrap()), ["e1"]);
        // Its give-up clock starts again too: a transient failure long after the event arrived is retried.
        // (Its next attempt, 2 s on, is past an hour after the event arrived but not after the re-queue.)
        let late = 3_600_000;
        q.record("e1", "w", &[("b".into(), transient("503"))], late, &POLICY)
            .unwrap();
        let planned = q.planned("e1").unwrap();
        let b = planned.iter().find(|p| p.identity == "b").unwrap();
        assert_eq!((b.state, b.attempts), (State::Queued, 1));
        assert_eq!(q.counts(late).unwrap().dead, 1);
    });
}

//! A send recorded by the SQLite queue: its log rows and its outcomes in one commit, each part kept
//! when the other is refused.

use std::path::PathBuf;

use super::*;
use crate::channels::Kind;
use crate::log::tests::entry;
use crate::log::{Identity, Log, Outcome};

const LEASE: Duration = Duration::from_secs(60);
const POLICY: Policy = Policy {
    max_attempts: 4,
    give_up_after: Duration::from_secs(3600),
    jitter: false,
};

/// A queue with event `e1` leased to worker `w`.
fn leased() -> (tempfile::TempDir, PathBuf, SqliteQueue) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    let queue = SqliteQueue::open(&path).unwrap();
    queue.insert("e1", "{}", 0, 0).unwrap();
    queue.claim("w", 0, LEASE, 1).unwrap();
    (dir, path, queue)
}

/// Alice's email delivered for `e1`.
fn sent() -> Sent {
    Sent {
        id: "e1".into(),
        owner: "w".into(),
        outcomes: vec![("u:alice".into(), Attempt::Delivered)],
        rows: vec![entry("e1", "alice", Kind::Email, Outcome::Delivered, 5)],
        now_ms: 5,
    }
}

fn logged(path: &Path) -> usize {
    let id = "e1".parse().unwrap();
    Log::open(path)
        .unwrap()
        .history_of(&id)
        .unwrap()
        .delivered
        .len()
}

fn state(queue: &SqliteQueue) -> Vec<State> {
    queue
        .planned("e1")
        .unwrap()
        .iter()
        .map(|p| p.state)
        .collect()
}

#[test]
fn a_send_is_logged_and_recorded_in_one_commit_of_the_queue() {
    let (_dir, path, queue) = leased();
    let before = queue.writer.commits();
    let recorded = queue
        .record_sent(sent(), &POLICY, &|_| {
            panic!("the log is the queue's own file")
        })
        .unwrap();
    assert!(recorded.unlogged.is_none());
    assert_eq!(queue.writer.commits(), before + 1);
    // Where its destinations stand now, read in the same transaction.
    let states: Vec<State> = recorded.states.unwrap().iter().map(|p| p.state).collect();
    assert_eq!(states, [State::Delivered]);
    let alice = Identity::stored(&["alice".into()], Some(Kind::Email));
    let id = "e1".parse().unwrap();
    let delivered = Log::open(&path).unwrap().history_of(&id).unwrap().delivered;
    assert_eq!(delivered.into_iter().collect::<Vec<_>>(), [alice]);
    assert_eq!(state(&queue), [State::Delivered]);
    assert!(queue.waiting(5).unwrap().is_empty());
}

#[test]
fn rows_the_log_refuses_do_not_hold_the_outcomes_back_nor_the_other_way_round() {
    let (_dir, path, queue) = leased();
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON deliveries
             BEGIN SELECT RAISE(ABORT, 'rows refused'); END;",
        )
        .unwrap();
    let recorded = queue.record_sent(sent(), &POLICY, &|_| Ok(())).unwrap();
    assert!(format!("{:#}", recorded.unlogged.unwrap()).contains("rows refused"));
    assert_eq!((logged(&path), state(&queue)), (0, vec![State::Delivered]));
    // The outcomes refused: an error, and the rows are logged all the same (the next lease of the
    // event finds them delivered).
    let (_dir, path, queue) = leased();
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE UPDATE ON queue_events
             BEGIN SELECT RAISE(ABORT, 'outcomes refused'); END;",
        )
        .unwrap();
    let recorded = queue.record_sent(sent(), &POLICY, &|_| Ok(()));
    assert!(format!("{:#}", recorded.unwrap_err()).contains("outcomes refused"));
    assert_eq!((logged(&path), state(&queue)), (1, vec![]));
}

#[test]
fn sends_recorded_together_are_one_commit_and_each_gets_its_own_answer() {
    let (_dir, _path, queue) = leased();
    queue.insert("e2", "{}", 0, 0).unwrap();
    queue.claim("w", 0, LEASE, 1).unwrap();
    let mut second = sent();
    second.id = "e2".into();
    second.outcomes = vec![(
        "u:bob".into(),
        Attempt::Transient {
            error: "HTTP 503".into(),
            not_before_ms: None,
        },
    )];
    second.rows = vec![entry("e2", "bob", Kind::Email, Outcome::Failed, 5)];
    let before = queue.writer.commits();
    let answers = queue.record_sent_many(vec![sent(), second], &POLICY, &|_| Ok(()));
    assert_eq!(queue.writer.commits(), before + 1);
    let states: Vec<Vec<(String, State)>> = answers
        .into_iter()
        .map(|a| {
            let states = a.unwrap().states.unwrap();
            states.into_iter().map(|p| (p.identity, p.state)).collect()
        })
        .collect();
    assert_eq!(
        states,
        [
            vec![("u:alice".to_owned(), State::Delivered)],
            vec![("u:bob".to_owned(), State::Queued)]
        ]
    );
    // e1 is finished, e2 waits for its retry with its lease ended.
    let waiting: Vec<String> = queue
        .waiting(5)
        .unwrap()
        .into_iter()
        .map(|w| w.id)
        .collect();
    assert_eq!(waiting, ["e2"]);
}

#[test]
fn events_due_now_are_leased_at_insert_up_to_the_number_asked_and_no_claim_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let queue = SqliteQueue::open(&dir.path().join("log.db")).unwrap();
    queue.insert("known", "{}", 0, 0).unwrap();
    let new = |id: &str, due_ms| NewEvent {
        id: id.into(),
        body: "{}".into(),
        due_ms,
    };
    let events = [
        new("known", 10),
        new("later", 5_000),
        new("a", 10),
        new("b", 10),
        new("c", 10),
    ];
    let (inserted, leased) = queue
        .insert_leased(&events, 10, ("serve-1", LEASE), 2)
        .unwrap();
    assert_eq!(inserted[0], Inserted::Duplicate);
    assert!(
        inserted[1..]
            .iter()
            .all(|i| matches!(i, Inserted::New { .. }))
    );
    // Neither the duplicate nor the event due later: the first two new ones due now.
    assert_eq!(leased, [2, 3]);
    let claimed: Vec<String> = queue
        .claim("other", 10, LEASE, 10)
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(claimed, ["known", "c"]);
    // Their lease ends as a claim's does: then anyone may take them.
    let ends = 10 + i64::try_from(LEASE.as_millis()).unwrap();
    let claim = |now| -> Vec<String> {
        let mut ids: Vec<String> = queue
            .claim("third", now, LEASE, 10)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(claim(ends - 1), ["later"]);
    assert_eq!(claim(ends), ["a", "b", "c", "known"]);
}

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
    Log::open(path).unwrap().delivered_for(&id).unwrap().len()
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
    let not_logged = queue
        .record_sent(sent(), &POLICY, &|_| {
            panic!("the log is the queue's own file")
        })
        .unwrap();
    assert!(not_logged.is_none());
    assert_eq!(queue.writer.commits(), before + 1);
    let alice = Identity::stored(&["alice".into()], Some(Kind::Email));
    let id = "e1".parse().unwrap();
    let delivered = Log::open(&path).unwrap().delivered_for(&id).unwrap();
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
    let not_logged = queue.record_sent(sent(), &POLICY, &|_| Ok(())).unwrap();
    assert!(format!("{:#}", not_logged.unwrap()).contains("rows refused"));
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

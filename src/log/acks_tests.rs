use std::time::Duration;

use super::*;
use crate::log::open_queue;
use crate::log::postgres::testing::each_log;
use crate::log::queue::Policy;

const LEASE: Duration = Duration::from_secs(30);

fn policy() -> Policy {
    Policy {
        max_attempts: 3,
        give_up_after: Duration::from_secs(3600),
        jitter: false,
    }
}

fn step(n: u32, after: &str, due_ms: i64) -> NewStep {
    NewStep {
        step: n,
        after: after.into(),
        roles: vec!["dba".into()],
        due_ms,
    }
}

#[test]
fn an_ack_racing_a_step_stops_only_the_steps_not_claimed_before_it() {
    each_log(an_ack_racing_a_step);
}

fn an_ack_racing_a_step(path: &Path) {
    let queue = open_queue(path).unwrap();
    let acks = Acks::open(path).unwrap();
    queue.insert("e-1", "{}", 0, 0).unwrap();
    let claimed = queue.claim("w", 0, LEASE, 10).unwrap();
    assert_eq!(claimed.len(), 1);
    // Planned at 0: two steps, at 1 s and 5 s.
    let steps = [step(1, "1s", 1_000), step(2, "5s", 5_000)];
    assert_eq!(acks.schedule("e-1", "{}", &steps, 0).unwrap(), 2);
    // A planning after a restart schedules nothing twice.
    assert_eq!(acks.schedule("e-1", "{}", &steps, 0).unwrap(), 0);
    queue.record("e-1", "w", &[], 0, &policy()).unwrap();
    // At 1.0 s a worker claims step 1; at 1.5 s bob acknowledges.
    let claimed = queue.claim("w", 1_000, LEASE, 10).unwrap();
    let ids: Vec<&str> = claimed.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["e-1:esc1"]);
    assert_eq!(
        acks.ack("e-1", Some("bob"), 1_500).unwrap(),
        Acked::Now { stopped: 1 }
    );
    // Step 1 was claimed before the ack committed: it fires.
    acks.fired("e-1:esc1", 1_600).unwrap();
    queue
        .record("e-1:esc1", "w", &[], 1_600, &policy())
        .unwrap();
    // Step 2 comes due after the ack: nobody can claim it.
    assert!(queue.claim("w", 5_000, LEASE, 10).unwrap().is_empty());
    let rows = acks.steps_of("e-1").unwrap();
    let shown: Vec<(u32, Option<i64>, Option<i64>)> = rows
        .iter()
        .map(|r| (r.step, r.fired_ms, r.stopped_ms))
        .collect();
    assert_eq!(shown, [(1, Some(1_600), None), (2, None, Some(1_500))]);
    assert_eq!(rows[0].title(), "escalation step 1 (after 1s: dba)");
    let before = Ack {
        by: Some("bob".into()),
        at_ms: 1_500,
    };
    assert_eq!(
        acks.ack("e-1", None, 9_000).unwrap(),
        Acked::Before(before.clone())
    );
    assert_eq!(acks.ack_of("e-1").unwrap(), Some(before));
    assert_eq!(acks.ack("nope", None, 9_000).unwrap(), Acked::Unknown);
}

#[test]
fn an_event_acknowledged_before_its_planning_schedules_no_step() {
    each_log(|path| {
        let queue = open_queue(path).unwrap();
        let acks = Acks::open(path).unwrap();
        queue.insert("e-2", "{}", 0, 0).unwrap();
        assert_eq!(
            acks.ack("e-2", None, 10).unwrap(),
            Acked::Now { stopped: 0 }
        );
        assert_eq!(
            acks.schedule("e-2", "{}", &[step(1, "1s", 1_000)], 20)
                .unwrap(),
            0
        );
    });
}

#[test]
fn a_long_id_gets_a_step_id_that_is_still_an_event_id() {
    let long = "x".repeat(64);
    let id = step_id(&long, 2);
    assert!(id.starts_with("esc2-") && id.len() <= 64, "{id}");
    assert!(id.parse::<crate::log::DeliveryId>().is_ok());
    assert_eq!(step_id("e-1", 1), "e-1:esc1");
}

//! One engine shared by many concurrent runs (the relay's workers): robot pacing and the bound on
//! exchanges in flight hold across all of them.

use super::*;
use crate::delivery::HELD_BACK;

fn one(target: Target) -> Plan {
    Plan {
        destinations: vec![Destination {
            recipients: Vec::new(),
            kind: None,
            shown: String::new(),
            target: Ok(target),
        }],
        ..Plan::default()
    }
}

/// Runs `plans` at once on `engine`, each in its own task as the relay's workers do.
async fn at_once(engine: &Arc<Engine>, plans: Vec<Plan>) -> Vec<Delivery> {
    let msg = Arc::new(Message::new(
        None,
        "disk full".into(),
        Format::Text,
        Event::default(),
    ));
    let tasks: Vec<_> = plans
        .into_iter()
        .map(|plan| tokio::spawn(Arc::clone(engine).run(plan, Arc::clone(&msg))))
        .collect();
    let mut rows = Vec::new();
    for task in tasks {
        rows.extend(task.await.unwrap());
    }
    rows
}

#[tokio::test(start_paused = true)]
async fn twenty_five_events_to_one_robot_from_many_runs_are_paced_together() {
    let fake = Arc::new(Fake::default());
    fake.script("robot.test", vec![fake::json(200, OK_JSON)]);
    let transport: Arc<dyn Transport> = fake.clone();
    let opts = Options {
        deadline: Duration::from_secs(30),
        retries: 0,
        ..opts()
    };
    let engine = Engine::new(opts, Clock::system(), None, transport).with_exchange_limit(4);
    let engine = Arc::new(engine);
    let start = Instant::now();
    let rows = at_once(&engine, (0..25).map(|_| one(robot())).collect()).await;
    // Twenty went out at once; five found the minute's budget spent and were held back, unsent, told
    // when the oldest slot frees up.
    assert_eq!(fake.sent().len(), 20);
    let held: Vec<&Delivery> = rows
        .iter()
        .filter(|r| r.outcome == Outcome::Failed)
        .collect();
    assert_eq!(held.len(), 5, "{rows:?}");
    for row in held {
        assert_eq!(
            (row.error_code.as_deref(), row.attempts),
            (Some(HELD_BACK), 0)
        );
        let wait = row.retry_after.expect("when the slot frees up");
        assert!(
            wait > Duration::from_secs(59) && wait <= Duration::from_secs(60),
            "{wait:?}"
        );
    }
    assert!(start.elapsed() < Duration::from_secs(1));
    // A minute later the robot takes the rest.
    tokio::time::sleep(Duration::from_secs(60)).await;
    let rows = at_once(&engine, (0..5).map(|_| one(robot())).collect()).await;
    assert!(rows.iter().all(|r| r.outcome == Outcome::Delivered));
    assert_eq!(fake.sent().len(), 25);
}

#[tokio::test(start_paused = true)]
async fn the_exchange_limit_bounds_attempts_in_flight_across_runs() {
    let fake = Arc::new(Fake::default());
    let slow = |status| {
        Answer::Slow(
            Duration::from_secs(1),
            fake::json(status, "{}").into_response(),
        )
    };
    fake.script("hooks.test", vec![slow(200)]);
    let transport: Arc<dyn Transport> = fake.clone();
    let engine = Engine::new(opts(), Clock::system(), None, transport).with_exchange_limit(2);
    let engine = Arc::new(engine);
    let start = Instant::now();
    let plans = (0..3)
        .map(|_| Plan {
            destinations: (0..3)
                .flat_map(|_| one(webhook("hooks.test")).destinations)
                .collect(),
            ..Plan::default()
        })
        .collect();
    let rows = at_once(&engine, plans).await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    // Nine one-second answers, two at a time: five seconds, not the one second of nine at once.
    let took = start.elapsed();
    assert!(
        took >= Duration::from_secs(5) && took < Duration::from_secs(6),
        "{took:?}"
    );
    assert_eq!(fake.sent().len(), 9);
}

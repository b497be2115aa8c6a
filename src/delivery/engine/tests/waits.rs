//! What a send waits for, said while it waits (a robot's pacing), and a stop (Ctrl-C) honoured: no
//! new attempt, those in flight given their grace, every destination a row. On a paused clock.

use std::sync::Mutex;

use super::*;
use crate::delivery::stop::{GRACE, NOT_SENT, Stop};

/// Runs `targets` one at a time, stopping when `stop_after` has passed.
async fn run_stopped(
    fake: &Arc<Fake>,
    targets: Vec<Target>,
    stop_after: Duration,
) -> Vec<Delivery> {
    let (switch, stop) = Stop::switch();
    tokio::spawn(async move {
        tokio::time::sleep(stop_after).await;
        let _ = switch.send(true);
    });
    let opts = Options {
        concurrency: 1,
        timeout: Duration::from_secs(30),
        ..opts()
    };
    let transport: Arc<dyn Transport> = fake.clone();
    let engine = Engine::new(opts, Clock::system(), None, transport).with_stop(stop);
    let plan = Plan {
        destinations: targets
            .into_iter()
            .map(|t| Destination {
                recipients: Vec::new(),
                kind: None,
                shown: String::new(),
                target: Ok(t),
            })
            .collect(),
        ..Plan::default()
    };
    let msg = Message::new(None, "disk full".into(), Format::Text, Event::default());
    Arc::new(engine).run(plan, Arc::new(msg)).await
}

#[tokio::test(start_paused = true)]
async fn a_robots_pacing_wait_is_said_once_with_its_length_and_the_robot() {
    let fake = Arc::new(Fake::default());
    fake.script("robot.test", vec![fake::json(200, OK_JSON)]);
    let notes = Arc::new(Mutex::new(Vec::<String>::new()));
    let heard = Arc::clone(&notes);
    let opts = Options {
        deadline: Duration::from_secs(90),
        progress: Some(
            Progress::new(|_| {}).with_notes(move |n| heard.lock().unwrap().push(n.to_owned())),
        ),
        ..opts()
    };
    let rows = run(&fake, opts, vec![robot(); 22]).await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    let notes = notes.lock().unwrap();
    assert_eq!(
        *notes,
        [
            "waiting 60 s for DingTalk robot http://robot.test/robot/send?access_token=**** (20 messages a minute)"
        ],
        "one note for the wait, however many messages it holds back"
    );
}

#[tokio::test(start_paused = true)]
async fn a_stop_lets_the_attempt_in_flight_end_and_starts_nothing_more() {
    let fake = Arc::new(Fake::default());
    let slow = Answer::Slow(
        Duration::from_secs(2),
        fake::json(200, "{}").into_response(),
    );
    fake.script("hooks.test", vec![slow]);
    let rows = run_stopped(
        &fake,
        vec![webhook("hooks.test"); 3],
        Duration::from_secs(1),
    )
    .await;
    assert_row(&rows[0], Outcome::Delivered, 1);
    for row in &rows[1..] {
        assert_row(row, Outcome::Failed, 0);
        assert_eq!(row.reason.as_deref(), Some(NOT_SENT));
        assert_eq!(row.error_code.as_deref(), Some("interrupted"));
        // Nobody but notify said anything: no vendor message beside the reason.
        assert_eq!(row.error_message, None);
    }
    assert_eq!(fake.sent().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn an_attempt_that_outlasts_the_grace_is_cut_and_reported_as_perhaps_delivered() {
    let fake = Arc::new(Fake::default());
    let stuck = Answer::Slow(
        Duration::from_secs(25),
        fake::json(200, "{}").into_response(),
    );
    fake.script("hooks.test", vec![stuck]);
    let start = Instant::now();
    let rows = run_stopped(
        &fake,
        vec![webhook("hooks.test"); 2],
        Duration::from_secs(1),
    )
    .await;
    assert_eq!(start.elapsed(), Duration::from_secs(1) + GRACE);
    assert_eq!(rows[0].outcome, Outcome::Failed);
    assert!(
        rows[0]
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("may have been delivered")),
        "{:?}",
        rows[0]
    );
    // It was on the wire from the start until the cut: one attempt, that long.
    assert_eq!(rows[0].attempts, 1);
    assert_eq!(
        rows[0].elapsed_ms,
        (Duration::from_secs(1) + GRACE).as_millis() as u64
    );
    assert_eq!(rows[1].reason.as_deref(), Some(NOT_SENT));
}

#[tokio::test(start_paused = true)]
async fn a_stop_during_a_backoff_keeps_the_last_error_and_retries_no_more() {
    let fake = Arc::new(Fake::default());
    fake.script("hooks.test", vec![fake::json(503, "busy")]);
    let rows = run_stopped(
        &fake,
        vec![webhook("hooks.test")],
        Duration::from_millis(100),
    )
    .await;
    assert_row(&rows[0], Outcome::Failed, 1);
    let reason = rows[0].reason.as_deref().unwrap_or_default();
    assert!(reason.ends_with("(interrupted: not retried)"), "{reason}");
    assert_eq!(fake.sent().len(), 1);
}

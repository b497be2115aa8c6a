use super::*;
use crate::delivery::plan_users;

/// alice with three robots/hooks and the fallback webhook, wecom-bot, dingtalk-bot; bob with a webhook.
const STORE: &str = r#"
version = 1
[users.alice]
fallback = ["webhook", "wecom-bot", "dingtalk-bot"]
[users.alice.channels.dingtalk-bot]
webhook = "http://127.0.0.1:9/robot/send?access_token=a"
keyword = "DMS"
enabled = true
verified = true
[users.alice.channels.wecom-bot]
webhook = "http://127.0.0.1:9/wecom?key=a"
enabled = true
verified = true
[users.alice.channels.webhook]
url = "http://127.0.0.1:9/alice"
signature_method = "NONE"
enabled = true
verified = true
[users.bob.channels.webhook]
url = "http://127.0.0.1:9/bob"
signature_method = "NONE"
enabled = true
verified = true
"#;

fn planned() -> (Plan, Chains) {
    let store: Store = toml::from_str(STORE).expect("store");
    let mut plan = plan_users(&store, &["alice".into(), "bob".into()], &[], Vec::new());
    let chains = Chains::split(&mut plan, &store);
    (plan, chains)
}

fn row(d: &Destination, outcome: Outcome) -> Delivery {
    Delivery {
        recipient: d.recipient(),
        channel: d.channel().into(),
        destination: d.shown.clone(),
        outcome,
        attempts: 1,
        elapsed_ms: 1,
        error_code: None,
        error_message: None,
        reason: None,
        retry_after: None,
        class: None,
    }
}

fn sent(plan: &[Destination]) -> Vec<String> {
    plan.iter()
        .map(|d| format!("{} {}", d.recipient(), d.channel()))
        .collect()
}

#[test]
fn only_the_first_link_goes_out_first_and_the_next_after_a_failure() {
    let (plan, mut chains) = planned();
    assert_eq!(sent(&plan.destinations), ["alice webhook", "bob webhook"]);
    let keys: Vec<String> = plan
        .destinations
        .iter()
        .map(|d| identity_of(d).key())
        .collect();
    // The webhook failed for good (the engine's retries, if any, are behind this row).
    let rows = vec![
        row(&plan.destinations[0], Outcome::Failed),
        row(&plan.destinations[1], Outcome::Delivered),
    ];
    let next = chains.next_round(&keys, &rows);
    assert_eq!(sent(&next), ["alice wecom-bot"]);
    assert!(!chains.made_good(&rows[0]));
    let keys: Vec<String> = next.iter().map(|d| identity_of(d).key()).collect();
    let rows2 = vec![row(&next[0], Outcome::Delivered)];
    assert!(
        chains.next_round(&keys, &rows2).is_empty(),
        "the dingtalk robot is never tried"
    );
    assert!(chains.made_good(&rows[0]));
}

#[test]
fn a_channel_left_out_of_the_list_is_skipped_with_the_reason() {
    let store: Store = toml::from_str(&STORE.replace(
        r#"fallback = ["webhook", "wecom-bot", "dingtalk-bot"]"#,
        r#"fallback = ["wecom-bot"]"#,
    ))
    .unwrap();
    let mut plan = plan_users(&store, &["alice".into()], &[], Vec::new());
    let chains = Chains::split(&mut plan, &store);
    assert_eq!(chains.0[0].links.len(), 1);
    let skipped: Vec<_> = plan
        .destinations
        .iter()
        .filter_map(|d| {
            d.target
                .as_ref()
                .err()
                .map(|(_, why)| format!("{} {why}", d.channel()))
        })
        .collect();
    assert_eq!(
        skipped,
        [
            "dingtalk-bot not in alice's fallback (wecom-bot)",
            "webhook not in alice's fallback (wecom-bot)"
        ]
    );
}

fn seen(finished: Finished, attempts: u32, due: bool) -> Option<Seen> {
    Some(Seen {
        finished,
        attempts,
        due,
    })
}

#[test]
fn the_relay_sends_the_first_link_and_holds_the_rest() {
    let (_, chains) = planned();
    let chain = &chains.0[0];
    let walk = chain.walk(&[None, None, None]);
    assert_eq!(
        walk,
        Walk {
            send: Some(0),
            hold: vec![1, 2],
            ..Walk::default()
        }
    );
}

#[test]
fn after_a_permanent_failure_the_next_link_takes_over_at_once() {
    let (_, chains) = planned();
    let chain = &chains.0[0];
    // The webhook is dead (a 400); the robot was held, not due, never tried.
    let walk = chain.walk(&[
        seen(Finished::GaveUp, 1, false),
        seen(Finished::No, 0, false),
        seen(Finished::No, 0, false),
    ]);
    assert_eq!(
        walk,
        Walk {
            send: Some(1),
            release: Some(1),
            ..Walk::default()
        }
    );
}

#[test]
fn after_a_transient_failure_the_same_link_is_tried_again_first() {
    let (_, chains) = planned();
    let chain = &chains.0[0];
    // A 503: queued for a retry later, the next links still held.
    let waiting = [
        seen(Finished::No, 1, false),
        seen(Finished::No, 0, false),
        seen(Finished::No, 0, false),
    ];
    assert_eq!(chain.walk(&waiting), Walk::default());
    // The retry is due: the same link again, nothing else.
    let due = [
        seen(Finished::No, 1, true),
        seen(Finished::No, 0, false),
        seen(Finished::No, 0, false),
    ];
    assert_eq!(
        chain.walk(&due),
        Walk {
            send: Some(0),
            ..Walk::default()
        }
    );
    // It was delivered then: the held links are dropped, never sent.
    let done = [
        seen(Finished::Reached, 2, false),
        seen(Finished::No, 0, false),
        seen(Finished::No, 0, false),
    ];
    assert_eq!(
        chain.walk(&done),
        Walk {
            drop: vec![1, 2],
            ..Walk::default()
        }
    );
    // Retries used up: the next link takes over.
    let dead = [
        seen(Finished::GaveUp, 5, false),
        seen(Finished::No, 0, false),
        seen(Finished::No, 0, false),
    ];
    assert_eq!(chain.walk(&dead).send, Some(1));
    // The next link's own transient failure is retried on its own backoff, not released again.
    let retrying = [
        seen(Finished::GaveUp, 5, false),
        seen(Finished::No, 1, false),
        seen(Finished::No, 0, false),
    ];
    assert_eq!(chain.walk(&retrying), Walk::default());
    // Every link gave up: nothing more.
    let all = [
        seen(Finished::GaveUp, 1, false),
        seen(Finished::GaveUp, 1, false),
        seen(Finished::GaveUp, 1, false),
    ];
    assert_eq!(chain.walk(&all), Walk::default());
}

//! Batches and per-app rate limits through the engine, on a paused clock.

use super::*;

#[tokio::test(start_paused = true)]
async fn a_batch_is_retried_as_one_and_every_member_gets_its_outcome() {
    let fake = Arc::new(Fake::default());
    fake.script("gettoken", vec![ding_token()]);
    let busy = fake::json(200, r#"{"errcode":-1,"errmsg":"busy"}"#);
    fake.script("asyncsend", vec![busy, fake::json(200, OK_JSON)]);
    let mut targets: Vec<Target> = (0..150).map(|i| dingtalk(&format!("u{i}"))).collect();
    targets.insert(1, aliyun());
    fake.script("sms.test", vec![fake::json(200, r#"{"Code":"OK"}"#)]);
    let rows = run(&fake, opts(), targets).await;
    assert_eq!(rows.len(), 151);
    assert_row(&rows[1], Outcome::Delivered, 1);
    let sent = fake.sent_to("asyncsend");
    // The first call of the first batch is answered "busy" and sent again.
    assert_eq!(sent.len(), 3, "{sent:?}");
    let lists: Vec<usize> = sent
        .iter()
        .map(|(_, r)| {
            let body: serde_json::Value = serde_json::from_slice(&r.body).expect("JSON");
            body["userid_list"]
                .as_str()
                .map_or(0, |l| l.split(',').count())
        })
        .collect();
    assert!(lists.contains(&100) && lists.contains(&50), "{lists:?}");
    let retried = rows.iter().filter(|r| r.attempts == 2).count();
    let once = rows.iter().filter(|r| r.attempts == 1).count();
    assert!(
        (retried, once) == (100, 51) || (retried, once) == (50, 101),
        "{retried} retried, {once} once"
    );
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn feishu_messages_are_sent_in_parallel_within_the_apps_rate_limit() {
    let fake = Arc::new(Fake::default());
    fake.script("tenant_access_token", vec![feishu_token()]);
    fake.script("im/v1/messages", vec![fake::json(200, r#"{"code":0}"#)]);
    let targets = (0..120)
        .map(|i| feishu(&format!("p{i}@example.com")))
        .collect();
    let start = Instant::now();
    let opts = Options {
        concurrency: 64,
        ..opts()
    };
    let rows = run(&fake, opts, targets).await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    let at: Vec<Duration> = fake
        .sent_to("im/v1/messages")
        .iter()
        .map(|(t, _)| *t - start)
        .collect();
    assert_eq!(at.len(), 120);
    for w in at.windows(51) {
        assert!(w[50] - w[0] >= Duration::from_secs(1), "over 50/s: {w:?}");
    }
    assert_eq!(at.iter().filter(|t| t.is_zero()).count(), 50, "{at:?}");
    assert_eq!(at[119], Duration::from_secs(2));
}

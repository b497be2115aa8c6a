//! What may be sent again (a request that never left, or one an idempotency key protects), and every
//! destination always gets its row.

use super::*;

#[tokio::test(start_paused = true)]
async fn without_an_idempotency_key_an_unanswered_request_is_not_repeated() {
    for target in [wecom(), aliyun(), dingtalk("u1")] {
        let fake = Arc::new(Fake::default());
        fake.script("gettoken", vec![ding_token()]);
        fake.script(".test", vec![fake::no_answer(), fake::json(200, OK_JSON)]);
        let rows = run(&fake, opts(), vec![target.clone()]).await;
        assert_row(&rows[0], Outcome::Failed, 1);
        let reason = rows[0].reason.as_deref().unwrap();
        assert!(reason.starts_with(OUTCOME_UNKNOWN), "{target:?}: {reason}");
        assert_eq!(fake.sent().len() - fake.sent_to("gettoken").len(), 1);
    }
    let fake = Arc::new(Fake::default());
    let reset = SendError::NoAnswer {
        code: "timeout".into(),
        message: "timed out".into(),
    };
    fake.mail_answers(vec![Err(reset), Ok(())]);
    let rows = run(&fake, opts(), vec![email()]).await;
    assert_row(&rows[0], Outcome::Failed, 1);
    assert_eq!(fake.mails().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn with_an_idempotency_key_an_unanswered_request_is_repeated_with_the_same_key() {
    for target in [webhook("hooks.test"), robot(), feishu("a@example.com")] {
        let fake = Arc::new(Fake::default());
        fake.script("tenant_access_token", vec![feishu_token()]);
        let ok = fake::json(200, r#"{"errcode":0,"code":0}"#);
        fake.script(".test", vec![fake::no_answer(), ok]);
        let rows = run(&fake, opts(), vec![target.clone()]).await;
        assert_row(&rows[0], Outcome::Delivered, 2);
        let sent: Vec<_> = fake
            .sent()
            .into_iter()
            .filter(|(_, r)| !r.url.contains("tenant_access_token"))
            .collect();
        let key = |r: &HttpRequest| {
            let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            let key = &body["messageEvent"]["id"];
            let key = if key.is_null() { &body["msgUuid"] } else { key };
            let key = if key.is_null() { &body["uuid"] } else { key };
            key.as_str().unwrap().to_owned()
        };
        assert_eq!(key(&sent[0].1), key(&sent[1].1), "{target:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn what_never_left_is_retried_everywhere_and_refusals_follow_the_server() {
    let fake = Arc::new(Fake::default());
    fake.script(
        "wecom.test",
        vec![fake::not_sent(), fake::json(200, OK_JSON)],
    );
    let rows = run(&fake, opts(), vec![wecom()]).await;
    assert_row(&rows[0], Outcome::Delivered, 2);

    let fake = Arc::new(Fake::default());
    let refused = |permanent| SendError::Refused {
        code: "451".into(),
        message: "try later".into(),
        permanent,
    };
    fake.mail_answers(vec![Err(refused(false)), Ok(())]);
    let rows = run(&fake, opts(), vec![email()]).await;
    assert_row(&rows[0], Outcome::Delivered, 2);
    fake.mail_answers(vec![Err(refused(true))]);
    let rows = run(&fake, opts(), vec![email()]).await;
    assert_row(&rows[0], Outcome::Failed, 1);
}

#[tokio::test(start_paused = true)]
async fn a_delivery_that_panics_still_gets_a_failed_row() {
    let fake = Arc::new(Fake::default());
    fake.script("boom.test", vec![Answer::Panic]);
    fake.script("hooks.test", vec![fake::json(200, "{}")]);
    let rows = run(
        &fake,
        opts(),
        vec![webhook("boom.test"), webhook("hooks.test")],
    )
    .await;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].outcome, Outcome::Failed);
    assert_eq!(rows[0].error_code.as_deref(), Some("internal"));
    assert_eq!(rows[1].outcome, Outcome::Delivered);
}

#[test]
fn transport_errors_map_to_verdicts_by_whether_the_request_left() {
    let gone = || SendError::NoAnswer {
        code: "timeout".into(),
        message: "timed out".into(),
    };
    assert!(matches!(verdict_for(gone(), true), Verdict::Retry(_)));
    assert!(
        matches!(verdict_for(gone(), false), Verdict::Permanent(f) if f.message.starts_with(OUTCOME_UNKNOWN))
    );
    let refused = SendError::NotSent {
        code: "connect".into(),
        message: "refused".into(),
    };
    assert!(matches!(verdict_for(refused, false), Verdict::Retry(_)));
}

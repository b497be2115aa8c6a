//! The engine against a scripted transport on a paused clock: every wait below is virtual time.

mod batching;
mod faults;
mod resend;
mod shared;
mod waits;

use std::time::SystemTime;

use super::*;
use crate::channels::message::{Event, Format};
use crate::delivery::fake::{self, Answer, Fake};
use crate::delivery::pacer::Pacer;
use crate::delivery::target::{App, SmsVendor};
use crate::delivery::{Outcome, Plan};
use crate::providers::ProviderName;
use crate::signing::SignatureMethod;
use crate::transport::{HttpResponse, SendError, SmtpSecurity, SmtpSettings};
use crate::values::Revealed;

const OK_JSON: &str = r#"{"errcode":0,"errmsg":"ok"}"#;

fn opts() -> Options {
    Options::default()
}

fn webhook(host: &str) -> Target {
    Target::Webhook {
        url: format!("http://{host}/hook").into(),
        method: SignatureMethod::HmacSha256,
        key: Revealed::new("hook-key"),
        ca_file: None,
    }
}

fn wecom() -> Target {
    Target::WecomBot {
        webhook: "http://wecom.test/cgi-bin/webhook/send?key=k1".into(),
        ca_file: None,
    }
}

fn robot() -> Target {
    Target::DingtalkBot {
        webhook: "http://robot.test/robot/send?access_token=robot-token".into(),
        keyword: "DMS".into(),
        secret: Some(Revealed::new("SECrobot")),
        ca_file: None,
    }
}

fn aliyun() -> Target {
    Target::Sms {
        vendor: SmsVendor::Aliyun {
            api_base: "http://sms.test".into(),
            key_id: "id".into(),
            key_secret: Revealed::new("key-secret"),
            region: "cn-hangzhou".into(),
            sign_name: "DMS".into(),
            template: "SMS_1".into(),
            verify_template: None,
            ca_file: None,
        },
        mobile: "+8613100000000".into(),
        code: None,
    }
}

fn app(provider: ProviderName) -> App {
    App {
        provider,
        api_base: format!("http://{provider}.test"),
        id: format!("{provider}-app"),
        secret: Revealed::new("app-secret"),
        agent_id: 7,
        ca_file: None,
    }
}

fn dingtalk(userid: &str) -> Target {
    Target::Dingtalk {
        app: app(ProviderName::Dingtalk),
        mobile: None,
        userid: Some(userid.into()),
    }
}

fn feishu(email: &str) -> Target {
    Target::Feishu {
        app: app(ProviderName::Feishu),
        mobile: None,
        email: Some(email.into()),
    }
}

fn email() -> Target {
    Target::Email {
        smtp: SmtpSettings {
            host: "smtp.test".into(),
            port: 465,
            security: SmtpSecurity::Tls,
            username: None,
            password: None,
            from: "DMS <dms@example.com>".into(),
            ca_file: None,
        },
        to: "alice@example.com".into(),
    }
}

fn ding_token() -> Answer {
    fake::json(
        200,
        r#"{"errcode":0,"access_token":"ding-tok","expires_in":7200}"#,
    )
}

fn feishu_token() -> Answer {
    fake::json(
        200,
        r#"{"code":0,"tenant_access_token":"t-tok","expire":7200}"#,
    )
}

async fn run(fake: &Arc<Fake>, opts: Options, targets: Vec<Target>) -> Vec<Delivery> {
    run_cached(fake, opts, None, targets).await
}

async fn run_cached(
    fake: &Arc<Fake>,
    opts: Options,
    cache: Option<PathBuf>,
    targets: Vec<Target>,
) -> Vec<Delivery> {
    let transport: Arc<dyn Transport> = fake.clone();
    let engine = Arc::new(Engine::new(opts, Clock::system(), cache, transport));
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
    engine.run(plan, Arc::new(msg)).await
}

fn gaps(sent: &[(Instant, HttpRequest)]) -> Vec<Duration> {
    sent.windows(2).map(|w| w[1].0 - w[0].0).collect()
}

#[track_caller]
fn assert_row(row: &Delivery, outcome: Outcome, attempts: u32) {
    assert_eq!((row.outcome, row.attempts), (outcome, attempts), "{row:?}");
}

// Replaces the e2e `retries_stop_after_the_retry_budget` timing aspect: the count and the backoff.
#[tokio::test(start_paused = true)]
async fn retries_back_off_exponentially_with_jitter_and_stop_at_the_budget() {
    let fake = Arc::new(Fake::default());
    fake.script("hooks.test", vec![fake::json(503, "busy")]);
    let rows = run(&fake, opts(), vec![webhook("hooks.test")]).await;
    assert_row(&rows[0], Outcome::Failed, 4);
    assert_eq!(rows[0].error_code.as_deref(), Some("503"));
    let gaps = gaps(&fake.sent());
    // Base 500 ms doubling per retry, jittered between half and all of it.
    for (gap, full) in gaps.iter().zip([1000u64, 2000, 4000]) {
        let full = Duration::from_millis(full);
        assert!(*gap >= full / 2 && *gap <= full, "{gaps:?}");
    }
    assert_eq!(gaps.len(), 3);
}

#[tokio::test(start_paused = true)]
async fn webhooks_of_one_send_share_one_body_and_sign_the_shared_bytes() {
    let fake = Arc::new(Fake::default());
    fake.script("hooks.test", vec![fake::json(200, "{}")]);
    let transport: Arc<dyn Transport> = fake.clone();
    let engine = Arc::new(Engine::new(opts(), Clock::system(), None, transport));
    let destination = Destination {
        recipients: Vec::new(),
        kind: None,
        shown: String::new(),
        target: Ok(webhook("hooks.test")),
    };
    // As a send plans them: every webhook of one event is keyed by the event's id.
    let plan = Plan {
        destinations: vec![destination; 3],
        keys: vec!["event-1".into(); 3],
        ..Plan::default()
    };
    let msg = Message::new(None, "disk full".into(), Format::Text, Event::default());
    let rows = engine.run(plan, Arc::new(msg)).await;
    assert!(rows.iter().all(|r| r.outcome == Outcome::Delivered));
    let sent = fake.sent();
    let first = &sent[0].1;
    for (_, req) in &sent[1..] {
        assert_eq!(
            req.body.as_ptr(),
            first.body.as_ptr(),
            "one body, not copies"
        );
        assert_eq!(req.headers, first.headers);
    }
    let signature = first
        .headers
        .iter()
        .find(|(n, _)| n == "X-Notify-Signature");
    let expected =
        crate::signing::webhook_signature(SignatureMethod::HmacSha256, b"hook-key", &first.body);
    assert_eq!(signature.map(|(_, v)| v.clone()), expected);
}

#[tokio::test(start_paused = true)]
async fn at_most_concurrency_destinations_are_in_flight_and_each_row_is_reported_when_done() {
    let fake = Arc::new(Fake::default());
    let slow = Answer::Slow(
        Duration::from_secs(1),
        fake::json(200, "{}").into_response(),
    );
    fake.script("hooks.test", vec![slow]);
    let start = Instant::now();
    let reported = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = Arc::clone(&reported);
    let opts = Options {
        concurrency: 3,
        progress: Some(Progress::new(move |_| {
            let alive = tokio::runtime::Handle::current()
                .metrics()
                .num_alive_tasks();
            seen.lock().unwrap().push((Instant::now() - start, alive));
        })),
        ..opts()
    };
    let rows = run(&fake, opts, vec![webhook("hooks.test"); 10]).await;
    assert!(rows.iter().all(|r| r.outcome == Outcome::Delivered));
    let started: Vec<u64> = fake
        .sent()
        .iter()
        .map(|(at, _)| (*at - start).as_secs())
        .collect();
    assert_eq!(started, [0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    let reported = reported.lock().unwrap();
    let at: Vec<u64> = reported.iter().map(|(d, _)| d.as_secs()).collect();
    assert_eq!(at, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
    // A destination's task exists only while it has a slot (not one per destination up front).
    let most = reported.iter().map(|(_, alive)| *alive).max();
    assert!(most <= Some(3), "{reported:?}");
}

// Replaces the e2e `webhook_429_honours_retry_after` (which waited a real second).
#[tokio::test(start_paused = true)]
async fn retry_after_in_seconds_is_waited_exactly() {
    let fake = Arc::new(Fake::default());
    let busy = fake::with_header(fake::json(429, "{}"), "Retry-After", "7");
    fake.script("hooks.test", vec![busy, fake::json(200, "{}")]);
    let rows = run(&fake, opts(), vec![webhook("hooks.test")]).await;
    assert_row(&rows[0], Outcome::Delivered, 2);
    let sent = fake.sent();
    assert_eq!(gaps(&sent), vec![Duration::from_secs(7)]);
    assert_eq!(
        (&sent[0].1.body, &sent[0].1.headers),
        (&sent[1].1.body, &sent[1].1.headers),
        "the retry is the same delivery: same body, signature and delivery id"
    );
    assert!(rows[0].elapsed_ms >= 7000, "{:?}", rows[0]);
}

// Replaces the e2e `retry_after_as_an_http_date_is_honoured` (which waited real seconds).
#[tokio::test(start_paused = true)]
async fn retry_after_as_an_http_date_is_waited_until_then() {
    let fake = Arc::new(Fake::default());
    let when = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
    let busy = fake::with_header(fake::json(503, "{}"), "Retry-After", &when);
    fake.script("hooks.test", vec![busy, fake::json(200, "{}")]);
    let rows = run(&fake, opts(), vec![webhook("hooks.test")]).await;
    assert_row(&rows[0], Outcome::Delivered, 2);
    let gap = gaps(&fake.sent())[0];
    // The date has whole seconds.
    assert!(
        gap > Duration::from_secs(28) && gap <= Duration::from_secs(30),
        "{gap:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_beyond_the_deadline_fails_without_waiting() {
    let fake = Arc::new(Fake::default());
    let busy = fake::with_header(fake::json(429, "{}"), "Retry-After", "120");
    fake.script("hooks.test", vec![busy]);
    let start = Instant::now();
    let rows = run(&fake, opts(), vec![webhook("hooks.test")]).await;
    assert_row(&rows[0], Outcome::Failed, 1);
    assert!(rows[0].reason.as_deref().unwrap().contains("deadline"));
    assert_eq!(start.elapsed(), Duration::ZERO);
}

// Replaces the e2e `webhook_slow_answer_times_out_and_is_retried` (a 3 s slow answer).
#[tokio::test(start_paused = true)]
async fn each_attempt_has_its_timeout_and_a_keyed_request_is_retried() {
    let fake = Arc::new(Fake::default());
    let slow = Answer::Slow(
        Duration::from_secs(3),
        fake::json(200, "{}").into_response(),
    );
    fake.script("hooks.test", vec![slow, fake::json(200, "{}")]);
    let opts = Options {
        timeout: Duration::from_millis(500),
        ..opts()
    };
    let rows = run(&fake, opts, vec![webhook("hooks.test")]).await;
    assert_row(&rows[0], Outcome::Delivered, 2);
    let sent = fake.sent();
    // The first attempt gave up after 0.5 s, then a backoff of 0.5-1 s.
    let gap = gaps(&sent)[0];
    assert!(gap >= Duration::from_millis(1000) && gap <= Duration::from_millis(1500));
    assert_eq!(
        sent[0].1.headers, sent[1].1.headers,
        "same X-Notify-Delivery"
    );
}

#[tokio::test(start_paused = true)]
async fn the_deadline_ends_the_retries() {
    let fake = Arc::new(Fake::default());
    fake.script("hooks.test", vec![fake::json(503, "busy")]);
    let opts = Options {
        retries: 100,
        deadline: Duration::from_secs(5),
        ..opts()
    };
    let start = Instant::now();
    let rows = run(&fake, opts, vec![webhook("hooks.test")]).await;
    assert_eq!(rows[0].outcome, Outcome::Failed);
    assert!(rows[0].attempts >= 3, "{:?}", rows[0]);
    assert!(
        rows[0].reason.as_deref().unwrap().contains("deadline"),
        "{:?}",
        rows[0]
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

// Replaces the e2e `a_robot_is_paced_at_twenty_messages_a_minute` (which waited out a 2 s deadline).
#[tokio::test(start_paused = true)]
async fn a_robot_takes_twenty_messages_a_minute_and_the_rest_wait_or_fail() {
    let fake = Arc::new(Fake::default());
    fake.script("robot.test", vec![fake::json(200, OK_JSON)]);
    let short = Options {
        deadline: Duration::from_secs(2),
        ..opts()
    };
    let rows = run(&fake, short, vec![robot(); 21]).await;
    let failed: Vec<&Delivery> = rows
        .iter()
        .filter(|r| r.outcome == Outcome::Failed)
        .collect();
    assert_eq!(failed.len(), 1, "{rows:?}");
    assert_eq!(
        failed[0].reason.as_deref(),
        Some("robot rate limit (20/min)")
    );
    assert_eq!(failed[0].attempts, 0);
    assert_eq!(fake.sent().len(), 20);

    // With time enough, the 21st waits for the oldest slot to free up a minute later.
    let fake = Arc::new(Fake::default());
    fake.script("robot.test", vec![fake::json(200, OK_JSON)]);
    let long = Options {
        deadline: Duration::from_secs(90),
        ..opts()
    };
    let rows = run(&fake, long, vec![robot(); 21]).await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    let sent = fake.sent();
    let last = sent[20].0 - sent[0].0;
    assert!(
        last >= Duration::from_secs(60) && last < Duration::from_secs(61),
        "{last:?}"
    );
}

// Replaces the e2e `robot_pacing_holds_across_separate_runs` (which waited out a 1 s deadline).
#[tokio::test(start_paused = true)]
async fn robot_pacing_holds_across_runs_in_a_private_file() {
    let cache = tempfile::tempdir().unwrap();
    let fake = Arc::new(Fake::default());
    fake.script("wecom.test", vec![fake::json(200, OK_JSON)]);
    let dir = Some(cache.path().to_path_buf());
    let rows = run_cached(&fake, opts(), dir.clone(), vec![wecom(); 20]).await;
    assert!(rows.iter().all(|r| r.outcome == Outcome::Delivered));
    let short = Options {
        deadline: Duration::from_secs(1),
        ..opts()
    };
    let rows = run_cached(&fake, short, dir, vec![wecom()]).await;
    assert_eq!(rows[0].reason.as_deref(), Some("robot rate limit (20/min)"));
    assert_eq!(fake.sent().len(), 20);
    let files: Vec<_> = std::fs::read_dir(cache.path().join("robots"))
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    assert_eq!(files.len(), 1);
    use std::os::unix::fs::PermissionsExt;
    let mode = files[0].metadata().unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(!files[0].file_name().to_string_lossy().contains("k1"));
}

#[tokio::test(start_paused = true)]
async fn a_pacing_file_locked_elsewhere_is_waited_for_without_blocking() {
    let cache = tempfile::tempdir().unwrap();
    let robots = cache.path().join("robots");
    std::fs::create_dir_all(&robots).unwrap();
    let Target::WecomBot { webhook: url, .. } = wecom() else {
        unreachable!()
    };
    let held = std::fs::File::create(Pacer::path(&robots, url.expose())).unwrap();
    held.lock().unwrap();
    let fake = Arc::new(Fake::default());
    fake.script("wecom.test", vec![fake::json(200, OK_JSON)]);
    fake.script("hooks.test", vec![fake::json(200, "{}")]);
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        drop(held);
    });
    let start = Instant::now();
    let dir = Some(cache.path().to_path_buf());
    let rows = run_cached(&fake, opts(), dir, vec![wecom(), webhook("hooks.test")]).await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    // The webhook went out at once; the robot once the other holder let go.
    assert_eq!(fake.sent_to("hooks.test")[0].0, start);
    assert!(fake.sent_to("wecom.test")[0].0 - start >= Duration::from_millis(300));
}

#[tokio::test(start_paused = true)]
async fn one_token_serves_every_message_of_an_app() {
    let fake = Arc::new(Fake::default());
    fake.script("gettoken", vec![ding_token()]);
    fake.script("asyncsend", vec![fake::json(200, OK_JSON)]);
    let rows = run(
        &fake,
        opts(),
        vec![dingtalk("u1"), dingtalk("u2"), dingtalk("u3")],
    )
    .await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    assert_eq!(fake.sent_to("gettoken").len(), 1);
    // One notice to the three users: one call, one row each.
    let sent = fake.sent_to("asyncsend");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].1.url.contains("access_token=ding-tok"));
    let body: serde_json::Value = serde_json::from_slice(&sent[0].1.body).expect("JSON");
    assert_eq!(body["userid_list"], "u1,u2,u3");
    assert!(rows.iter().all(|r| r.attempts == 1), "{rows:?}");
}

#[tokio::test(start_paused = true)]
async fn two_apps_fetch_their_tokens_in_parallel() {
    let fake = Arc::new(Fake::default());
    let slow = |a: Answer| Answer::Slow(Duration::from_secs(1), a.into_response());
    fake.script("gettoken", vec![slow(ding_token())]);
    fake.script("tenant_access_token", vec![slow(feishu_token())]);
    fake.script("asyncsend", vec![fake::json(200, OK_JSON)]);
    fake.script("im/v1/messages", vec![fake::json(200, r#"{"code":0}"#)]);
    let start = Instant::now();
    let rows = run(&fake, opts(), vec![dingtalk("u1"), feishu("a@example.com")]).await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    assert_eq!(fake.sent_to("gettoken")[0].0, start);
    assert_eq!(fake.sent_to("tenant_access_token")[0].0, start);
}

#[tokio::test(start_paused = true)]
async fn a_revoked_token_is_fetched_again_once() {
    let fake = Arc::new(Fake::default());
    fake.script("gettoken", vec![ding_token()]);
    let revoked = fake::json(200, r#"{"errcode":40014,"errmsg":"invalid access_token"}"#);
    fake.script("asyncsend", vec![revoked.clone(), fake::json(200, OK_JSON)]);
    let rows = run(&fake, opts(), vec![dingtalk("u1")]).await;
    assert_row(&rows[0], Outcome::Delivered, 1);
    assert_eq!(fake.sent_to("gettoken").len(), 2);

    // Still refused after the refresh: no third token, the row fails with the vendor's code.
    let fake = Arc::new(Fake::default());
    fake.script("gettoken", vec![ding_token()]);
    fake.script("asyncsend", vec![revoked]);
    let rows = run(&fake, opts(), vec![dingtalk("u1")]).await;
    assert_eq!(rows[0].error_code.as_deref(), Some("40014"));
    assert_eq!(fake.sent_to("gettoken").len(), 2);
    assert_eq!(fake.sent_to("asyncsend").len(), 2);
}

#[tokio::test(start_paused = true)]
async fn the_progress_hook_hears_every_finished_row_once() {
    let fake = Arc::new(Fake::default());
    fake.script("ok.test", vec![fake::json(200, "{}")]);
    fake.script("bad.test", vec![fake::json(400, "no")]);
    let heard = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = Arc::clone(&heard);
    let opts = Options {
        progress: Some(Progress::new(move |row: &Delivery| {
            sink.lock().unwrap().push(row.outcome);
        })),
        ..opts()
    };
    let targets = vec![webhook("ok.test"), webhook("bad.test"), webhook("ok.test")];
    let rows = run(&fake, opts, targets).await;
    let mut heard = heard.lock().unwrap().clone();
    heard.sort_by_key(|o| o.as_str());
    assert_eq!(
        heard,
        [Outcome::Delivered, Outcome::Delivered, Outcome::Failed]
    );
    assert_eq!(rows[1].outcome, Outcome::Failed);
}

impl Answer {
    fn into_response(self) -> HttpResponse {
        match self {
            Answer::Reply(r) => r,
            other => panic!("not a reply: {other:?}"),
        }
    }
}

#[tokio::test(start_paused = true)]
async fn requests_carry_the_ca_file_of_their_target_or_app() {
    let fake = Arc::new(Fake::default());
    fake.script("hooks.test", vec![fake::json(200, "{}")]);
    fake.script("gettoken", vec![ding_token()]);
    fake.script("asyncsend", vec![fake::json(200, OK_JSON)]);
    fake.script("wecom.test", vec![fake::json(200, OK_JSON)]);
    let ca = PathBuf::from("/etc/ssl/corp-ca.pem");
    let Target::Webhook {
        url, method, key, ..
    } = webhook("hooks.test")
    else {
        unreachable!("a webhook target");
    };
    let hook = Target::Webhook {
        url,
        method,
        key,
        ca_file: Some(ca.clone()),
    };
    let mut ding = app(ProviderName::Dingtalk);
    ding.ca_file = Some(ca.clone());
    let notice = Target::Dingtalk {
        app: ding,
        mobile: None,
        userid: Some("u1".into()),
    };
    let rows = run(&fake, opts(), vec![hook, notice, wecom()]).await;
    assert!(
        rows.iter().all(|r| r.outcome == Outcome::Delivered),
        "{rows:?}"
    );
    assert_eq!(fake.sent().len(), 4, "token, notice, webhook, robot");
    for (_, req) in fake.sent() {
        let expected = (!req.url.contains("wecom")).then_some(ca.as_path());
        assert_eq!(req.ca_file.as_deref(), expected, "{}", req.url);
    }
}

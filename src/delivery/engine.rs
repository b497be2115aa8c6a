//! Runs a plan over an injected [`Transport`]: destinations concurrently under a bound, each attempt
//! under a timeout and the whole send under a deadline, retryable verdicts retried with exponential
//! backoff and jitter (or the server's `Retry-After`), robots paced, app tokens cached. Time is read
//! only through tokio (`Instant`, `sleep`), so a paused test clock drives all of it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::channels::message::Message;
use crate::channels::webhook::Audience;
use crate::channels::wire::{Failure, HttpRequest, HttpResponse, Verdict};
use crate::transport::{SendError, Transport};

use super::pacer::Pacer;
use super::plan::{Destination, Plan};
use super::steps::{self, Learned, Recipient, Stamp};
use super::target::{App, Target};
use super::tokens::Tokens;
use super::{Clock, Delivery, Options};

/// The row's error when a request went out, no answer came, and no idempotency key makes a retry safe.
pub const OUTCOME_UNKNOWN: &str =
    "outcome unknown: the request was sent but no answer came; it may have been delivered";

/// Runs a plan and reports every destination.
pub struct Engine {
    transport: Arc<dyn Transport>,
    opts: Options,
    tokens: Tokens,
    pacer: Pacer,
    clock: Clock,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("opts", &self.opts).finish()
    }
}

/// The result of a step and how many attempts it took.
#[derive(Debug)]
pub struct Attempted<T> {
    pub result: Result<T, Failure>,
    pub attempts: u32,
}

impl<T> Attempted<T> {
    /// A failure before the step's own request went out (a token or a lookup failed, say).
    fn failed(failure: Failure) -> Self {
        Attempted {
            result: Err(failure),
            attempts: 0,
        }
    }
}

fn failure(code: &str, message: impl Into<String>) -> Failure {
    Failure {
        code: code.into(),
        message: message.into(),
        retry_after: None,
    }
}

/// What a transport error means for retrying (PROTOCOLS.md §10): a request that never left may always
/// be sent again; one that left without an answer only where an idempotency key protects it.
pub fn verdict_for(error: SendError, resend_safe: bool) -> Verdict {
    match error {
        SendError::NotSent { code, message } => Verdict::retry(code, message, None),
        SendError::NoAnswer { code, message } if resend_safe => Verdict::retry(code, message, None),
        SendError::NoAnswer { code, message } => {
            Verdict::permanent(code, format!("{OUTCOME_UNKNOWN} ({message})"))
        }
        SendError::Refused {
            code,
            message,
            permanent: true,
        } => Verdict::permanent(code, message),
        SendError::Refused { code, message, .. } => Verdict::retry(code, message, None),
    }
}

/// A verdict as a step result: success, or the verdict to act on.
fn delivered(verdict: Verdict) -> Result<(), Verdict> {
    match verdict {
        Verdict::Delivered => Ok(()),
        other => Err(other),
    }
}

impl Engine {
    /// `cache_dir` (`<user cache dir>/notify`) keeps app tokens and robot send times between runs.
    pub fn new(opts: Options, cache_dir: Option<PathBuf>, transport: Arc<dyn Transport>) -> Self {
        Engine {
            transport,
            opts,
            tokens: Tokens::new(cache_dir.as_ref().map(|d| d.join("tokens"))),
            pacer: Pacer::new(cache_dir.map(|d| d.join("robots"))),
            clock: Clock::new(),
        }
    }

    /// Every destination gets exactly one row, in plan order; a delivery task that dies is a failed row.
    pub async fn run(self: Arc<Self>, plan: Plan, msg: Arc<Message>) -> Vec<Delivery> {
        let deadline = Instant::now() + self.opts.deadline;
        let audience = Arc::new(plan.audience);
        let limit = Arc::new(Semaphore::new(self.opts.concurrency.max(1)));
        let mut rows: Vec<Delivery> = plan
            .destinations
            .iter()
            .map(|d| {
                let mut row = Delivery::of(d);
                row.fail(failure(
                    "internal",
                    "the delivery stopped unexpectedly; it may or may not have gone out",
                ));
                row
            })
            .collect();
        let mut tasks = tokio::task::JoinSet::new();
        for (index, dest) in plan.destinations.into_iter().enumerate() {
            let engine = Arc::clone(&self);
            let msg = Arc::clone(&msg);
            let audience = Arc::clone(&audience);
            let limit = Arc::clone(&limit);
            tasks.spawn(async move {
                let _permit = limit.acquire_owned().await;
                (index, engine.deliver(dest, &msg, &audience, deadline).await)
            });
        }
        while let Some(done) = tasks.join_next().await {
            if let Ok((index, row)) = done
                && let Some(slot) = rows.get_mut(index)
            {
                *slot = row;
            }
        }
        rows
    }

    async fn deliver(
        &self,
        dest: Destination,
        msg: &Message,
        audience: &Audience,
        deadline: Instant,
    ) -> Delivery {
        let start = Instant::now();
        let mut row = Delivery::of(&dest);
        let target = match dest.target {
            Ok(t) => t,
            Err((outcome, reason)) => {
                row.outcome = outcome;
                row.reason = Some(reason);
                return row;
            }
        };
        let done = self.send_target(&target, msg, audience, deadline).await;
        row.attempts = done.attempts;
        row.elapsed_ms = start.elapsed().as_millis() as u64;
        if let Err(f) = done.result {
            row.fail(f);
        }
        row
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let base = self.opts.retry_base.as_millis() as u64;
        let exp = base.saturating_mul(1 << attempt.min(10)).min(30_000);
        let mut b = [0u8; 8];
        // Jitter only spreads retries out: without randomness the delay is the midpoint.
        let _ = getrandom::fill(&mut b);
        // Full jitter between half and all of the exponential delay.
        let jitter = u64::from_le_bytes(b) % (exp / 2 + 1);
        Duration::from_millis(exp / 2 + jitter)
    }

    /// Calls `attempt` until it succeeds, fails permanently, runs out of retries or of time.
    async fn retrying<T, F, Fut>(
        &self,
        deadline: Instant,
        robot: Option<&str>,
        mut attempt: F,
    ) -> Attempted<T>
    where
        F: FnMut(Duration) -> Fut,
        Fut: std::future::Future<Output = Result<T, Verdict>>,
    {
        let mut attempts = 0;
        let done = |result, attempts| Attempted { result, attempts };
        loop {
            if Instant::now() >= deadline {
                return done(
                    Err(failure("deadline", "the send's deadline passed")),
                    attempts,
                );
            }
            if let Some(robot) = robot
                && let Err(f) = self
                    .pacer
                    .slot(robot, deadline, || self.clock.now_ms())
                    .await
            {
                return done(Err(f), attempts);
            }
            attempts += 1;
            let timeout = self
                .opts
                .timeout
                .min(deadline.saturating_duration_since(Instant::now()));
            let failure = match attempt(timeout).await {
                Ok(t) => return done(Ok(t), attempts),
                Err(Verdict::Permanent(f)) => return done(Err(f), attempts),
                Err(Verdict::Delivered) => {
                    let f = failure("internal", "success reported as an error");
                    return done(Err(f), attempts);
                }
                Err(Verdict::Retry(f)) => f,
            };
            if attempts > self.opts.retries {
                return done(Err(failure), attempts);
            }
            let wait = failure
                .retry_after
                .unwrap_or_else(|| self.backoff(attempts));
            if Instant::now() + wait >= deadline {
                let message = format!(
                    "{} (no time left to retry before the deadline)",
                    failure.message
                );
                return done(Err(Failure { message, ..failure }), attempts);
            }
            tokio::time::sleep(wait).await;
        }
    }

    /// One HTTP exchange; transport errors become verdicts by the §10 rule.
    async fn http(
        &self,
        req: &HttpRequest,
        timeout: Duration,
        resend_safe: bool,
    ) -> Result<HttpResponse, Verdict> {
        self.transport
            .send(req, timeout)
            .await
            .map_err(|e| verdict_for(e, resend_safe))
    }

    async fn send_target(
        &self,
        target: &Target,
        msg: &Message,
        audience: &Audience,
        deadline: Instant,
    ) -> Attempted<()> {
        let stamp = match Stamp::new(self.clock.now_ms()) {
            Ok(s) => s,
            Err(f) => return Attempted::failed(f),
        };
        let safe = steps::resend_safe(target);
        let judge = steps::judge(target);
        match target {
            Target::Email { smtp, .. } => {
                let mail = match steps::mail(target, msg, &stamp) {
                    Ok(m) => m,
                    Err(f) => return Attempted::failed(f),
                };
                self.retrying(deadline, None, |t| {
                    let mail = mail.clone();
                    async move {
                        self.transport
                            .send_mail(smtp, mail, t)
                            .await
                            .map_err(|e| verdict_for(e, safe))
                    }
                })
                .await
            }
            Target::Dingtalk { app, .. } | Target::Feishu { app, .. } => {
                let userid = match steps::recipient(target) {
                    Recipient::Known(id) => id.to_owned(),
                    Recipient::LookUp { mobile, email } => {
                        match self.look_up(app, mobile, email, deadline).await {
                            Ok(id) => id,
                            Err(f) => return Attempted::failed(f),
                        }
                    }
                    Recipient::Missing(why) => return Attempted::failed(failure("invalid", why)),
                };
                let build = |token: &str| {
                    let learned = Learned {
                        token,
                        recipient: &userid,
                    };
                    steps::message_request(target, msg, audience, &stamp, learned)
                };
                self.with_token(app, deadline, safe, build, |resp| delivered(judge(resp)))
                    .await
            }
            _ => {
                // Refuse what cannot be built (a message too long, say) before any attempt.
                if let Err(f) = steps::message_request(target, msg, audience, &stamp, Learned::NONE)
                {
                    return Attempted::failed(f);
                }
                self.retrying(deadline, target.robot(), |t| {
                    // Per attempt: a fresh timestamp, signature and nonce where signed; the key stays.
                    let req = stamp.attempt(self.clock.now_ms()).and_then(|s| {
                        steps::message_request(target, msg, audience, &s, Learned::NONE)
                    });
                    async move {
                        let req = req.map_err(Verdict::Permanent)?;
                        delivered(judge(&self.http(&req, t, safe).await?))
                    }
                })
                .await
            }
        }
    }

    async fn token(&self, app: &App, deadline: Instant) -> Result<String, Failure> {
        let now = self.clock.now_ms() / 1000;
        self.tokens
            .get(app, now, || async {
                let done = self
                    .retrying(deadline, None, |t| async move {
                        let resp = self.http(&steps::token_request(app), t, true).await?;
                        steps::parse_token(app, &resp)
                    })
                    .await;
                done.result.map_err(|f| Failure {
                    message: format!("cannot get an access token: {}", f.message),
                    ..f
                })
            })
            .await
    }

    /// One step against an app's API: `build` makes the request with the current access token and `read`
    /// judges the answer. A token the vendor no longer accepts is dropped and fetched again, once.
    async fn with_token<T>(
        &self,
        app: &App,
        deadline: Instant,
        resend_safe: bool,
        build: impl Fn(&str) -> Result<HttpRequest, Failure>,
        read: impl Fn(&HttpResponse) -> Result<T, Verdict>,
    ) -> Attempted<T> {
        let mut refreshed = false;
        loop {
            let token = match self.token(app, deadline).await {
                Ok(t) => t,
                Err(f) => return Attempted::failed(f),
            };
            let req = match build(&token) {
                Ok(r) => r,
                Err(f) => return Attempted::failed(f),
            };
            let done = self
                .retrying(deadline, None, |t| {
                    let req = &req;
                    let read = &read;
                    async move { read(&self.http(req, t, resend_safe).await?) }
                })
                .await;
            match &done.result {
                Err(f) if !refreshed && steps::token_invalid(app).contains(&f.code.as_str()) => {
                    self.tokens.invalidate(app).await;
                    refreshed = true;
                }
                _ => return done,
            }
        }
    }

    /// Finds the id a message to a DingTalk or Feishu/Lark person is addressed to, by mobile or email.
    pub async fn look_up(
        &self,
        app: &App,
        mobile: Option<&str>,
        email: Option<&str>,
        deadline: Instant,
    ) -> Result<String, Failure> {
        let build = |token: &str| Ok(steps::lookup_request(app, token, mobile, email));
        self.with_token(app, deadline, true, build, |resp| {
            steps::parse_lookup(app, resp)
        })
        .await
        .result
    }
}

#[cfg(test)]
mod tests {
    //! The engine against a scripted transport on a paused clock: every wait below is virtual time.

    use std::time::SystemTime;

    use super::*;
    use crate::channels::message::{Event, Format};
    use crate::delivery::fake::{self, Answer, Fake};
    use crate::delivery::pacer::Pacer;
    use crate::delivery::target::SmsVendor;
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
            url: format!("http://{host}/hook"),
            method: SignatureMethod::HmacSha256,
            key: Revealed::new("hook-key"),
        }
    }

    fn wecom() -> Target {
        Target::WecomBot {
            webhook: "http://wecom.test/cgi-bin/webhook/send?key=k1".into(),
        }
    }

    fn robot() -> Target {
        Target::DingtalkBot {
            webhook: "http://robot.test/robot/send?access_token=robot-token".into(),
            keyword: "DMS".into(),
            secret: Some(Revealed::new("SECrobot")),
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
        let engine = Arc::new(Engine::new(opts, cache, transport));
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
            sent[0].1.body, sent[1].1.body,
            "the retry is the same delivery"
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
        let Target::WecomBot { webhook: url } = wecom() else {
            unreachable!()
        };
        let held = std::fs::File::create(Pacer::path(&robots, &url)).unwrap();
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
        assert_eq!(fake.sent_to("asyncsend").len(), 3);
        assert!(
            fake.sent_to("asyncsend")[0]
                .1
                .url
                .contains("access_token=ding-tok")
        );
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

    impl Answer {
        fn into_response(self) -> HttpResponse {
            match self {
                Answer::Reply(r) => r,
                other => panic!("not a reply: {other:?}"),
            }
        }
    }
}

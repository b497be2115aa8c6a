//! Runs a plan over an injected [`Transport`]: destinations concurrently under a bound, each attempt
//! under a timeout and the whole send under a deadline, retryable verdicts retried with exponential
//! backoff and jitter (or the server's `Retry-After`), robots paced, app tokens cached, Feishu/Lark
//! messages kept within the app's rate limits, and destinations that can share a vendor request sent as
//! one batch (`batch`). Time is read only through tokio (`Instant`, `sleep`), so a paused test clock
//! drives all of it.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::channels::message::Message;
use crate::channels::webhook::Audience;
use crate::channels::wire::{Failure, HttpRequest, HttpResponse, Verdict};
use crate::transport::{SendError, Transport};

use super::batch_plan as batch;
use super::pacer::Pacer;
use super::plan::{Destination, Plan};
use super::rate::{FEISHU_LIMITS, RateLimits};
use super::steps::{self, Composed, Learned, Recipient, Stamp};
use super::stop::{self, NOT_SENT, Stop};
use super::target::Target;
use super::tokens::Tokens;
use super::{Delivery, Options};
use crate::clock::Clock;

/// The row's error when a request went out, no answer came, and no idempotency key makes a retry safe.
pub const OUTCOME_UNKNOWN: &str =
    "outcome unknown: the request was sent but no answer came; it may have been delivered";

/// Told of each destination's row as it finishes (in completion order), and of what the send waits
/// for (a robot's pacing, a stop): how a command shows progress.
#[derive(Clone)]
pub struct Progress {
    row: Arc<dyn Fn(&Delivery) + Send + Sync>,
    note: Option<Note>,
}

/// Told what a send waits for, in words.
type Note = Arc<dyn Fn(&str) + Send + Sync>;

impl Progress {
    pub fn new(report: impl Fn(&Delivery) + Send + Sync + 'static) -> Self {
        Progress {
            row: Arc::new(report),
            note: None,
        }
    }

    /// Also told, in words, what the send is waiting for.
    pub fn with_notes(mut self, note: impl Fn(&str) + Send + Sync + 'static) -> Self {
        self.note = Some(Arc::new(note));
        self
    }

    pub fn note(&self, text: &str) {
        if let Some(note) = &self.note {
            note(text);
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

use super::batch_plan::Prepared;
/// A destination of a batch: its index in the plan, itself, its composed message.
pub(super) type Member = (usize, Destination, Prepared);

/// Runs a plan and reports every destination.
pub struct Engine {
    transport: Arc<dyn Transport>,
    opts: Options,
    tokens: Tokens,
    pacer: Pacer,
    rates: RateLimits,
    clock: Clock,
    stop: Stop,
    /// Until when each robot's pacing wait has been told of, so that it is said once per wait.
    told: std::sync::Mutex<std::collections::HashMap<String, Instant>>,
    /// Bounds the exchanges with vendors in flight across every run of this engine (the relay's
    /// `--workers`); `None`: each run's own `concurrency` is the only bound.
    exchanges: Option<Arc<tokio::sync::Semaphore>>,
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
    /// Whether the failure was judged permanent (not worth trying again later either).
    pub permanent: bool,
}

impl<T> Attempted<T> {
    /// A failure before the step's own request went out (a token or a lookup failed, say).
    fn failed(failure: Failure, permanent: bool) -> Self {
        Attempted {
            result: Err(failure),
            attempts: 0,
            permanent,
        }
    }

    /// A failure that carries its verdict (a token or a lookup that failed).
    fn refused(verdict: Verdict) -> Self {
        match verdict {
            Verdict::Permanent(f) => Self::failed(f, true),
            Verdict::Retry(f) => Self::failed(f, false),
            Verdict::Delivered => {
                Self::failed(failure("internal", "success reported as an error"), true)
            }
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

/// What a transport error means for retrying: a request that never left (DNS, connect, TLS) may always
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
    pub fn new(
        opts: Options,
        clock: Clock,
        cache_dir: Option<PathBuf>,
        transport: Arc<dyn Transport>,
    ) -> Self {
        Engine {
            transport,
            opts,
            tokens: Tokens::new(cache_dir.as_ref().map(|d| d.join("tokens"))),
            pacer: Pacer::new(cache_dir.map(|d| d.join("robots"))),
            rates: RateLimits::new(FEISHU_LIMITS),
            clock,
            stop: Stop::never(),
            told: Default::default(),
            exchanges: None,
        }
    }

    /// At most `n` exchanges with vendors (a message, a token, a lookup) at once across every run of
    /// this engine: one engine shared by many runs (the relay's workers) also shares robot pacing, the
    /// app tokens and the Feishu/Lark rate limits.
    pub fn with_exchange_limit(mut self, n: usize) -> Self {
        self.exchanges = Some(Arc::new(tokio::sync::Semaphore::new(n.max(1))));
        self
    }

    /// Whether the stop it obeys was set.
    pub fn stopped(&self) -> bool {
        self.stop.is_set()
    }

    /// A place among the exchanges in flight, held until the answer (or its failure) is in.
    async fn exchange_slot(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let slots = Arc::clone(self.exchanges.as_ref()?);
        slots.acquire_owned().await.ok()
    }

    /// Stops starting attempts when `stop` is set (see [`super::stop`]).
    pub fn with_stop(mut self, stop: Stop) -> Self {
        self.stop = stop;
        self
    }

    /// Every destination gets exactly one row, in plan order; a delivery task that dies is a failed row.
    pub async fn run(self: Arc<Self>, plan: Plan, msg: Arc<Message>) -> Vec<Delivery> {
        let deadline = Instant::now() + self.opts.deadline;
        let audience = Arc::new(plan.audience);
        let width = self.opts.concurrency.max(1);
        let mut rows: Vec<Delivery> = plan
            .destinations
            .iter()
            .map(|d| {
                let mut row = Delivery::of(d);
                row.fail(
                    failure(
                        "internal",
                        "the delivery stopped unexpectedly; it may or may not have gone out",
                    ),
                    true,
                );
                row
            })
            .collect();
        let (composed, groups) = batch::plan(&plan.destinations, &msg, &audience);
        let mut dests: Vec<Option<(Destination, Prepared)>> = plan
            .destinations
            .into_iter()
            .zip(composed)
            .map(Some)
            .collect();
        let mut tasks = tokio::task::JoinSet::new();
        let mut finished = vec![false; rows.len()];
        let mut started: Vec<Option<Instant>> = vec![None; rows.len()];
        let mut stopped: Option<Instant> = None;
        let keys = plan.keys;
        for group in groups {
            let mut members: Vec<Member> = group
                .into_iter()
                .filter_map(|i| dests.get_mut(i)?.take().map(|(d, c)| (i, d, c)))
                .collect();
            while tasks.len() >= width && !self.stop.is_set() {
                self.join_one(&mut tasks, &mut rows, &mut finished, &mut stopped)
                    .await;
            }
            if self.stop.is_set() {
                let not_sent = members.into_iter().map(|(index, dest, _)| {
                    let mut row = Delivery::of(&dest);
                    match dest.target {
                        Err((outcome, reason)) => {
                            (row.outcome, row.reason) = (outcome, Some(reason))
                        }
                        Ok(_) => row.fail(failure(stop::CODE, NOT_SENT), false),
                    }
                    (index, row)
                });
                self.record(&mut rows, &mut finished, Ok(not_sent.collect()));
                continue;
            }
            // A batch goes to vendors without idempotency keys; a single destination keeps its own.
            let key = match members.as_slice() {
                [(index, ..)] => keys.get(*index).cloned(),
                _ => None,
            };
            // A task exists only while it runs: spawning every destination up front would hold each
            // one's future and message for the whole send (the loop above waits for a free place).
            for (index, ..) in &members {
                if let Some(at) = started.get_mut(*index) {
                    *at = Some(Instant::now());
                }
            }
            let engine = Arc::clone(&self);
            let msg = Arc::clone(&msg);
            let audience = Arc::clone(&audience);
            tasks.spawn(async move {
                match members.len() {
                    1 => {
                        let Some((index, dest, composed)) = members.pop() else {
                            return Vec::new();
                        };
                        let row = engine
                            .deliver(dest, key, composed, &msg, &audience, deadline)
                            .await;
                        vec![(index, row)]
                    }
                    _ => engine.deliver_batch(members, deadline).await,
                }
            });
        }
        while !tasks.is_empty() {
            self.join_one(&mut tasks, &mut rows, &mut finished, &mut stopped)
                .await;
        }
        // Attempts a stop cut short after the grace period: sent, perhaps, but never answered. They were
        // on the wire from when their task started.
        let cut_off = rows.iter_mut().zip(&finished).zip(&started);
        for ((row, _), started) in cut_off.filter(|((_, done), _)| !**done) {
            if self.stop.is_set() {
                row.fail(
                    failure(
                        stop::CODE,
                        "interrupted: the attempt did not end in time; it may have been delivered",
                    ),
                    true,
                );
                if let Some(at) = started {
                    row.attempts = row.attempts.max(1);
                    row.elapsed_ms = at.elapsed().as_millis().try_into().unwrap_or(u64::MAX);
                }
            }
        }
        rows
    }

    /// Puts a finished task's rows in their places and reports them; a task that died leaves its rows
    /// as the failures they were initialised to.
    fn record(
        &self,
        rows: &mut [Delivery],
        finished: &mut [bool],
        done: Result<Vec<(usize, Delivery)>, tokio::task::JoinError>,
    ) {
        for (index, row) in done.into_iter().flatten() {
            if let Some(slot) = rows.get_mut(index) {
                if let Some(progress) = &self.opts.progress {
                    (progress.row)(&row);
                }
                *slot = row;
                finished[index] = true;
            }
        }
    }

    async fn deliver(
        &self,
        dest: Destination,
        key: Option<String>,
        composed: Prepared,
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
        let composed = composed.map_or_else(
            || steps::prepare(&target, msg, &dest.recipients, audience),
            |c| *c,
        );
        let msg = match composed {
            Ok(m) => m,
            Err(f) => {
                row.fail(f, true);
                return row;
            }
        };
        let done = self
            .send_target(&target, key.as_deref(), &msg, audience, deadline)
            .await;
        row.attempts = done.attempts;
        row.elapsed_ms = start.elapsed().as_millis() as u64;
        match done.result {
            Err(f) => row.fail(f, done.permanent),
            Ok(()) => row.reason = msg.cut,
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
        robot: Option<(&str, &str)>,
        mut attempt: F,
    ) -> Attempted<T>
    where
        F: FnMut(Duration) -> Fut,
        Fut: std::future::Future<Output = Result<T, Verdict>>,
    {
        let mut attempts = 0;
        let mut last: Option<Failure> = None;
        let done = |result, attempts, permanent| Attempted {
            result,
            attempts,
            permanent,
        };
        loop {
            if self.stop.is_set() {
                let f = match last {
                    None => failure(stop::CODE, NOT_SENT),
                    Some(f) => Failure {
                        message: format!("{} (interrupted: not retried)", f.message),
                        ..f
                    },
                };
                return done(Err(f), attempts, false);
            }
            if Instant::now() >= deadline {
                return done(
                    Err(failure("deadline", "the send's deadline passed")),
                    attempts,
                    false,
                );
            }
            if let Some((robot, kind)) = robot {
                let paced = tokio::select! {
                    paced = self.pacer.slot(robot, deadline, || self.clock.now_ms(), |wait| {
                        self.tell_wait(robot, kind, wait);
                    }) => paced,
                    () = self.stop.wait() => continue,
                };
                if let Err(f) = paced {
                    return done(Err(f), attempts, false);
                }
            }
            attempts += 1;
            let timeout = self
                .opts
                .timeout
                .min(deadline.saturating_duration_since(Instant::now()));
            let failure = match attempt(timeout).await {
                Ok(t) => return done(Ok(t), attempts, false),
                Err(Verdict::Permanent(f)) => return done(Err(f), attempts, true),
                Err(Verdict::Delivered) => {
                    let f = failure("internal", "success reported as an error");
                    return done(Err(f), attempts, true);
                }
                Err(Verdict::Retry(f)) => f,
            };
            if attempts > self.opts.retries {
                return done(Err(failure), attempts, false);
            }
            let wait = failure
                .retry_after
                .unwrap_or_else(|| self.backoff(attempts));
            if Instant::now() + wait >= deadline {
                let message = format!(
                    "{} (no time left to retry before the deadline)",
                    failure.message
                );
                return done(Err(Failure { message, ..failure }), attempts, false);
            }
            last = Some(failure);
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = self.stop.wait() => {}
            }
        }
    }

    /// One HTTP exchange; transport errors become verdicts by `verdict_for`'s rule.
    async fn http(
        &self,
        req: &HttpRequest,
        timeout: Duration,
        resend_safe: bool,
    ) -> Result<HttpResponse, Verdict> {
        let _slot = self.exchange_slot().await;
        self.transport
            .send(req, timeout)
            .await
            .map_err(|e| verdict_for(e, resend_safe))
    }

    async fn send_target(
        &self,
        target: &Target,
        key: Option<&str>,
        msg: &Composed,
        audience: &Audience,
        deadline: Instant,
    ) -> Attempted<()> {
        let stamp = match Stamp::keyed(self.clock.now_ms(), key) {
            Ok(s) => s,
            Err(f) => return Attempted::failed(f, false),
        };
        let safe = steps::resend_safe(target);
        let judge = steps::judge(target);
        match target {
            Target::Email { smtp, .. } => {
                let mail = match steps::mail(target, msg, &stamp) {
                    Ok(m) => m,
                    Err(f) => return Attempted::failed(f, true),
                };
                self.retrying(deadline, None, |t| {
                    let mail = mail.clone();
                    async move {
                        let _slot = self.exchange_slot().await;
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
                        match self.find_person(app, mobile, email, deadline).await {
                            Ok(id) => id,
                            Err(v) => return Attempted::refused(v),
                        }
                    }
                    Recipient::Missing(why) => {
                        return Attempted::failed(failure("invalid", why), true);
                    }
                };
                let build = |token: &str| {
                    let learned = Learned {
                        token,
                        recipient: &userid,
                    };
                    steps::message_request(target, msg, audience, &stamp, learned)
                };
                let rate = matches!(target, Target::Feishu { .. })
                    .then(|| format!("{}|{}|{}", app.provider, app.api_base, app.id));
                self.with_token(app, deadline, safe, rate.as_deref(), build, |resp| {
                    delivered(judge(resp))
                })
                .await
            }
            _ => {
                // Refuse what cannot be built before any attempt.
                let built =
                    match steps::message_request(target, msg, audience, &stamp, Learned::NONE) {
                        Ok(r) => r.ca_file(target.ca_file()),
                        Err(f) => return Attempted::failed(f, true),
                    };
                let reuse = steps::same_every_attempt(target);
                self.retrying(deadline, target.robot(), |t| {
                    // Per attempt: a fresh timestamp, signature and nonce where signed; the key stays.
                    let req = if reuse {
                        Ok(Cow::Borrowed(&built))
                    } else {
                        stamp.attempt(self.clock.now_ms()).and_then(|s| {
                            steps::message_request(target, msg, audience, &s, Learned::NONE)
                                .map(|r| Cow::Owned(r.ca_file(target.ca_file())))
                        })
                    };
                    async move {
                        let req = req.map_err(Verdict::Permanent)?;
                        delivered(judge(&self.http(&req, t, safe).await?))
                    }
                })
                .await
            }
        }
    }
}

mod app_calls;
mod send_batch;
#[cfg(test)]
mod tests;
mod waits;

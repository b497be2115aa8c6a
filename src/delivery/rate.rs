//! Per-app rate limits of vendor APIs that take one message per recipient (Feishu/Lark im/v1: 50 a
//! second and 1,000 a minute per app, as Feishu and Lark document): each message waits for a free slot in every
//! window, so a large send runs in parallel up to the vendor's limit and no further. Time is tokio's.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use crate::channels::wire::Failure;

/// Feishu/Lark im/v1 message limits per app: (messages, window).
pub const FEISHU_LIMITS: &[(usize, Duration)] = &[
    (50, Duration::from_secs(1)),
    (1000, Duration::from_secs(60)),
];

/// Send times per app, within the longest window.
type Sent = Arc<tokio::sync::Mutex<VecDeque<Instant>>>;

#[derive(Debug)]
pub struct RateLimits {
    limits: &'static [(usize, Duration)],
    apps: Mutex<HashMap<String, Sent>>,
}

impl RateLimits {
    pub fn new(limits: &'static [(usize, Duration)]) -> Self {
        RateLimits {
            limits,
            apps: Mutex::new(HashMap::new()),
        }
    }

    /// Waits for `app`'s next slot and takes it; fails when the slot comes only after `deadline`.
    pub async fn slot(&self, app: &str, deadline: Instant) -> Result<(), Failure> {
        let sent = {
            let mut apps = self.apps.lock().unwrap_or_else(|p| p.into_inner());
            Arc::clone(apps.entry(app.to_owned()).or_default())
        };
        // Held while waiting: the app's messages take their slots in turn.
        let mut sent = sent.lock().await;
        let longest = self.limits.iter().map(|l| l.1).max().unwrap_or_default();
        loop {
            let now = Instant::now();
            while sent.front().is_some_and(|t| *t + longest <= now) {
                sent.pop_front();
            }
            // A window is full when its n-th most recent send is still inside it.
            let free_at = self
                .limits
                .iter()
                .filter_map(|&(n, window)| {
                    let nth = sent.len().checked_sub(n.max(1))?;
                    Some(sent[nth] + window).filter(|at| *at > now)
                })
                .max();
            let Some(at) = free_at else {
                sent.push_back(now);
                return Ok(());
            };
            if at >= deadline {
                return Err(Failure {
                    code: super::HELD_BACK.into(),
                    message:
                        "the app's message rate limit leaves no slot before the send's deadline"
                            .into(),
                    retry_after: Some(at - now),
                });
            }
            tokio::time::sleep_until(at).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn take(limits: &RateLimits, app: &str, n: usize) -> Vec<Duration> {
        let start = Instant::now();
        let deadline = start + Duration::from_secs(3600);
        let mut at = Vec::new();
        for _ in 0..n {
            limits.slot(app, deadline).await.expect("a slot");
            at.push(start.elapsed());
        }
        at
    }

    #[tokio::test(start_paused = true)]
    async fn fifty_a_second_then_a_thousand_a_minute() {
        let limits = RateLimits::new(FEISHU_LIMITS);
        let at = take(&limits, "app", 1001).await;
        assert!(at[..50].iter().all(|d| d.is_zero()), "{:?}", &at[..51]);
        assert_eq!(at[50], Duration::from_secs(1));
        assert_eq!(at[99], Duration::from_secs(1));
        assert_eq!(at[100], Duration::from_secs(2));
        // No second ever holds more than 50.
        for w in at.windows(51) {
            assert!(w[50] - w[0] >= Duration::from_secs(1), "{w:?}");
        }
        // The 1,001st waits for the minute that began with the first.
        assert_eq!(at[999], Duration::from_secs(19));
        assert_eq!(at[1000], Duration::from_secs(60));
    }

    #[tokio::test(start_paused = true)]
    async fn apps_have_their_own_limits_and_the_deadline_is_kept() {
        let limits = RateLimits::new(FEISHU_LIMITS);
        take(&limits, "a", 50).await;
        assert_eq!(take(&limits, "b", 50).await.last(), Some(&Duration::ZERO));
        let start = Instant::now();
        let soon = start + Duration::from_millis(500);
        let f = limits.slot("a", soon).await.unwrap_err();
        assert_eq!(f.code, "rate_limit");
        assert_eq!(Instant::now(), start, "a refusal does not wait");
    }

    #[tokio::test(start_paused = true)]
    async fn parallel_senders_share_the_limit() {
        let limits = Arc::new(RateLimits::new(FEISHU_LIMITS));
        let start = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..120 {
            let limits = Arc::clone(&limits);
            tasks.spawn(async move {
                let deadline = Instant::now() + Duration::from_secs(60);
                limits.slot("app", deadline).await.expect("a slot");
                start.elapsed()
            });
        }
        let mut at = tasks.join_all().await;
        at.sort();
        assert_eq!(at.iter().filter(|d| d.is_zero()).count(), 50);
        assert_eq!(at[119], Duration::from_secs(2));
    }
}

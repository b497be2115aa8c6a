//! Calls to a vendor app's API (DingTalk, Feishu, Lark): the app's access token fetched once and cached,
//! a token the vendor no longer accepts fetched again once, the app's rate limits, person lookups.

use std::sync::atomic::{AtomicBool, Ordering};

use tokio::time::Instant;

use crate::channels::wire::{Failure, HttpRequest, HttpResponse, Verdict};
use crate::delivery::steps;
use crate::delivery::target::App;

use super::{Attempted, Engine};

impl Engine {
    /// The app's access token, cached; a failure keeps its verdict (a wrong secret is permanent).
    pub(super) async fn token(&self, app: &App, deadline: Instant) -> Result<String, Verdict> {
        let now = self.clock.now_ms() / 1000;
        let permanent = AtomicBool::new(false);
        let got = self
            .tokens
            .get(app, now, || async {
                let done = self
                    .retrying(deadline, None, |t| async move {
                        let req = steps::token_request(app).ca_file(app.ca_file.as_deref());
                        let resp = self.http(&req, t, true).await?;
                        steps::parse_token(app, &resp)
                    })
                    .await;
                permanent.store(done.permanent, Ordering::Relaxed);
                done.result.map_err(|f| Failure {
                    message: format!("cannot get an access token: {}", f.message),
                    ..f
                })
            })
            .await;
        got.map_err(|f| match permanent.load(Ordering::Relaxed) {
            true => Verdict::Permanent(f),
            false => Verdict::Retry(f),
        })
    }

    /// The app's access token, from the cache or by one token call, to learn whether its credentials
    /// work (`notify doctor`); nothing is sent.
    pub async fn fetch_token(&self, app: &App) -> Result<(), Failure> {
        let deadline = Instant::now() + self.opts.deadline;
        match self.token(app, deadline).await {
            Ok(_) => Ok(()),
            Err(Verdict::Permanent(f) | Verdict::Retry(f)) => Err(f),
            Err(Verdict::Delivered) => Ok(()),
        }
    }

    /// One step against an app's API: `build` makes the request with the current access token and `read`
    /// judges the answer. A token the vendor no longer accepts is dropped and fetched again, once. With
    /// `rate` (the app's key), every attempt first waits for a slot within the app's rate limits.
    pub(super) async fn with_token<T>(
        &self,
        app: &App,
        deadline: Instant,
        resend_safe: bool,
        rate: Option<&str>,
        build: impl Fn(&str) -> Result<HttpRequest, Failure>,
        read: impl Fn(&HttpResponse) -> Result<T, Verdict>,
    ) -> Attempted<T> {
        let mut refreshed = false;
        loop {
            let token = match self.token(app, deadline).await {
                Ok(t) => t,
                Err(v) => return Attempted::refused(v),
            };
            let req = match build(&token) {
                Ok(r) => r.ca_file(app.ca_file.as_deref()),
                Err(f) => return Attempted::failed(f, true),
            };
            let done = self
                .retrying(deadline, None, |t| {
                    let req = &req;
                    let read = &read;
                    async move {
                        if let Some(app) = rate {
                            // No slot before the deadline: not sent, so worth trying later.
                            self.rates
                                .slot(app, deadline)
                                .await
                                .map_err(Verdict::Retry)?;
                        }
                        read(&self.http(req, t, resend_safe).await?)
                    }
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
        let found = self.find_person(app, mobile, email, deadline).await;
        found.map_err(|v| match v {
            Verdict::Permanent(f) | Verdict::Retry(f) => f,
            Verdict::Delivered => Failure {
                code: "internal".into(),
                message: "success reported as an error".into(),
                retry_after: None,
            },
        })
    }

    /// [`Engine::look_up`], its failure keeping its verdict (nobody with that mobile is permanent).
    pub(super) async fn find_person(
        &self,
        app: &App,
        mobile: Option<&str>,
        email: Option<&str>,
        deadline: Instant,
    ) -> Result<String, Verdict> {
        let build = |token: &str| Ok(steps::lookup_request(app, token, mobile, email));
        let done = self
            .with_token(app, deadline, true, None, build, |resp| {
                steps::parse_lookup(app, resp)
            })
            .await;
        let permanent = done.permanent;
        done.result.map_err(|f| match permanent {
            true => Verdict::Permanent(f),
            false => Verdict::Retry(f),
        })
    }
}

//! A scripted transport for the engine's tests: records every request with the (paused) tokio time it
//! was sent at, and answers from per-URL scripts (a reply, a delay, a transport error, a panic).

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use crate::transport::{HttpRequest, HttpResponse, Pending, SendError, SmtpSettings, Transport};

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum Answer {
    Reply(HttpResponse),
    /// The reply after a delay; past the attempt's timeout it is a read timeout (the request went out).
    Slow(Duration, HttpResponse),
    Fail(SendError),
    Panic,
}

pub fn json(status: u16, body: &str) -> Answer {
    Answer::Reply(HttpResponse {
        status,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    })
}

pub fn with_header(answer: Answer, name: &str, value: &str) -> Answer {
    match answer {
        Answer::Reply(mut r) => {
            r.headers.push((name.into(), value.into()));
            Answer::Reply(r)
        }
        other => other,
    }
}

pub fn no_answer() -> Answer {
    Answer::Fail(SendError::NoAnswer {
        code: "connection".into(),
        message: "connection reset by peer".into(),
    })
}

pub fn not_sent() -> Answer {
    Answer::Fail(SendError::NotSent {
        code: "connect".into(),
        message: "connection refused".into(),
    })
}

#[derive(Debug, Default)]
pub struct Fake {
    /// (URL substring, answers in order; the last one repeats).
    scripts: Mutex<Vec<(String, VecDeque<Answer>)>>,
    sent: Mutex<Vec<(Instant, HttpRequest)>>,
    mails: Mutex<Vec<(Instant, Vec<u8>)>>,
    mail_answers: Mutex<VecDeque<Result<(), SendError>>>,
}

impl Fake {
    /// Answers requests whose URL contains `part` with `answers` in turn, repeating the last.
    pub fn script(&self, part: &str, answers: Vec<Answer>) -> &Self {
        self.scripts
            .lock()
            .unwrap()
            .push((part.to_owned(), answers.into()));
        self
    }

    pub fn mail_answers(&self, answers: Vec<Result<(), SendError>>) {
        *self.mail_answers.lock().unwrap() = answers.into();
    }

    pub fn sent(&self) -> Vec<(Instant, HttpRequest)> {
        self.sent.lock().unwrap().clone()
    }

    pub fn sent_to(&self, part: &str) -> Vec<(Instant, HttpRequest)> {
        self.sent()
            .into_iter()
            .filter(|(_, r)| r.url.contains(part))
            .collect()
    }

    pub fn mails(&self) -> Vec<(Instant, Vec<u8>)> {
        self.mails.lock().unwrap().clone()
    }

    fn next(&self, url: &str) -> Answer {
        let mut scripts = self.scripts.lock().unwrap();
        let Some((_, answers)) = scripts
            .iter_mut()
            .find(|(part, _)| url.contains(part.as_str()))
        else {
            panic!("no answer scripted for {url}");
        };
        if answers.len() > 1 {
            answers.pop_front().unwrap()
        } else {
            answers.front().cloned().expect("at least one answer")
        }
    }
}

impl Transport for Fake {
    fn send<'a>(
        &'a self,
        req: &'a HttpRequest,
        timeout: Duration,
    ) -> Pending<'a, Result<HttpResponse, SendError>> {
        Box::pin(async move {
            self.sent
                .lock()
                .unwrap()
                .push((Instant::now(), req.clone()));
            match self.next(&req.url) {
                Answer::Reply(r) => Ok(r),
                Answer::Slow(delay, r) => {
                    if delay > timeout {
                        tokio::time::sleep(timeout).await;
                        Err(SendError::NoAnswer {
                            code: "timeout".into(),
                            message: "operation timed out".into(),
                        })
                    } else {
                        tokio::time::sleep(delay).await;
                        Ok(r)
                    }
                }
                Answer::Fail(e) => Err(e),
                Answer::Panic => panic!("the fake transport was told to panic"),
            }
        })
    }

    fn send_mail<'a>(
        &'a self,
        _smtp: &'a SmtpSettings,
        mail: lettre::Message,
        _timeout: Duration,
    ) -> Pending<'a, Result<(), SendError>> {
        Box::pin(async move {
            self.mails
                .lock()
                .unwrap()
                .push((Instant::now(), mail.formatted()));
            let mut answers = self.mail_answers.lock().unwrap();
            if answers.len() > 1 {
                answers.pop_front().unwrap()
            } else {
                answers.front().cloned().unwrap_or(Ok(()))
            }
        })
    }
}

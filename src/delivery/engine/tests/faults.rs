//! The fault matrix of the retry rules (`verdict_for`, `steps::resend_safe`): every kind of destination × every way the network or the vendor
//! can fail → the outcome, the number of attempts and the (virtual) time the rules prescribe.
//!
//! Rules, with `--retries 2`, a 2 s attempt timeout and backoff from 500 ms (jittered between half and
//! all of 1 s, then of 2 s):
//! - nothing sent (connection refused): retried everywhere, 3 attempts, 1.5-3 s of backoff;
//! - sent, no answer (reset, read timeout): retried only behind an idempotency key (DingTalk robot
//!   msgUuid, Feishu/Lark uuid, our webhook's X-Notify-Delivery); elsewhere 1 attempt and "outcome
//!   unknown";
//! - 429 with `Retry-After: 7`: waited exactly 7 s, then delivered; 503: one backoff, then delivered;
//! - a documented throttle or busy code: one backoff, then delivered; a documented permanent code: 1
//!   attempt, no waiting, the vendor's code in the row. A lookup that finds nobody fails the row
//!   before the message is attempted (0 attempts).
//!
//! All cells run, then every mismatch is reported at once.

use std::ops::RangeInclusive;

use super::*;
use crate::delivery::Class;

const TIMEOUT: Duration = Duration::from_secs(2);
const DEADLINE: Duration = Duration::from_secs(60);
const RETRY_AFTER: Duration = Duration::from_secs(7);

/// How one attempt goes wrong.
#[derive(Clone)]
enum Fault {
    Refused,
    Reset,
    ReadTimeout,
    TooMany,
    Unavailable,
    /// The vendor answers with a code it documents as "not processed, try again".
    Throttled(Answer),
    /// The vendor answers with a code it documents as final; the row carries `code`.
    Permanent(Answer, String),
}

impl std::fmt::Debug for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let answer = |a: &Answer| match a {
            Answer::Reply(r) => format!("HTTP {} {}", r.status, String::from_utf8_lossy(&r.body)),
            other => format!("{other:?}"),
        };
        match self {
            Fault::Refused => f.write_str("connection refused"),
            Fault::Reset => f.write_str("reset before the response"),
            Fault::ReadTimeout => f.write_str("read timeout"),
            Fault::TooMany => f.write_str("429 with Retry-After: 7"),
            Fault::Unavailable => f.write_str("503"),
            Fault::Throttled(a) => write!(f, "throttled: {}", answer(a)),
            Fault::Permanent(a, _) => write!(f, "permanent: {}", answer(a)),
        }
    }
}

/// What the retry rules prescribe for a cell.
#[derive(Debug, PartialEq)]
struct Expected {
    outcome: Outcome,
    attempts: u32,
    /// The row's error code (failures only).
    code: Option<String>,
    outcome_unknown: bool,
    /// The class a caller that tries again later (the relay) acts on.
    class: Option<Class>,
    time: RangeInclusive<Duration>,
}

/// A kind of destination: how to build it, which request the faults hit, and what "yes" looks like.
struct Dest {
    name: &'static str,
    target: fn() -> Target,
    /// Part of the URL of the request the faults hit (other requests, app tokens, are answered well).
    step: &'static str,
    ok: fn() -> Answer,
    keyed: bool,
    /// The faulty step is a lookup before the message: a final answer there leaves 0 attempts.
    lookup: bool,
    faults: Vec<Fault>,
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

fn expected(fault: &Fault, keyed: bool) -> Expected {
    let backoff_twice = secs(1.5)..=secs(3.0);
    let failed = |attempts, code: &str, time| Expected {
        outcome: Outcome::Failed,
        attempts,
        code: Some(code.to_owned()),
        outcome_unknown: false,
        class: Some(Class::Retryable),
        time,
    };
    let delivered = |time| Expected {
        outcome: Outcome::Delivered,
        attempts: 2,
        code: None,
        outcome_unknown: false,
        class: None,
        time,
    };
    let unknown = |code: &str, time: Duration| Expected {
        outcome_unknown: true,
        class: Some(Class::OutcomeUnknown),
        ..failed(1, code, time..=time)
    };
    match fault {
        Fault::Refused => failed(3, "connect", backoff_twice),
        Fault::Reset if keyed => failed(3, "connection", backoff_twice),
        Fault::Reset => unknown("connection", Duration::ZERO),
        Fault::ReadTimeout if keyed => failed(
            3,
            "timeout",
            TIMEOUT * 3 + secs(1.5)..=TIMEOUT * 3 + secs(3.0),
        ),
        Fault::ReadTimeout => unknown("timeout", TIMEOUT),
        Fault::TooMany => delivered(RETRY_AFTER..=RETRY_AFTER),
        Fault::Unavailable | Fault::Throttled(_) => delivered(secs(0.5)..=secs(1.0)),
        Fault::Permanent(_, code) => Expected {
            class: Some(Class::Permanent),
            ..failed(1, code, Duration::ZERO..=Duration::ZERO)
        },
    }
}

/// The answers the faulty step gives, in turn (the last repeats).
fn script(fault: &Fault, ok: Answer) -> Vec<Answer> {
    match fault {
        Fault::Refused => vec![fake::not_sent()],
        Fault::Reset => vec![fake::no_answer()],
        Fault::ReadTimeout => vec![Answer::Slow(TIMEOUT * 5, ok.into_response())],
        Fault::TooMany => {
            let busy = fake::json(429, r#"{"code":20429,"message":"Too Many Requests"}"#);
            vec![fake::with_header(busy, "Retry-After", "7"), ok]
        }
        Fault::Unavailable => vec![fake::json(503, "{}"), ok],
        Fault::Throttled(answer) => vec![answer.clone(), ok],
        Fault::Permanent(answer, _) => vec![answer.clone()],
    }
}

/// SMTP has no HTTP statuses: "busy" is a transient refusal (4xx, no `Retry-After`), a final one 5xx.
fn mail_script(fault: &Fault) -> Vec<Result<(), SendError>> {
    let refused = |code: &str, permanent| SendError::Refused {
        code: code.into(),
        message: format!("{code} refused"),
        permanent,
    };
    match fault {
        Fault::Refused => vec![Err(not_sent_error())],
        Fault::Reset => vec![Err(no_answer_error("connection"))],
        Fault::ReadTimeout => vec![Err(no_answer_error("timeout"))],
        Fault::Unavailable | Fault::Throttled(_) => vec![Err(refused("421", false)), Ok(())],
        Fault::TooMany => unreachable!("SMTP has no Retry-After"),
        Fault::Permanent(_, code) => vec![Err(refused(code, true))],
    }
}

fn not_sent_error() -> SendError {
    match fake::not_sent() {
        Answer::Fail(e) => e,
        other => unreachable!("{other:?}"),
    }
}

fn no_answer_error(code: &str) -> SendError {
    SendError::NoAnswer {
        code: code.into(),
        message: "no answer".into(),
    }
}

fn opts() -> Options {
    Options {
        timeout: TIMEOUT,
        deadline: DEADLINE,
        retries: 2,
        ..Options::default()
    }
}

fn twilio() -> Target {
    Target::Sms {
        vendor: SmsVendor::Twilio {
            api_base: "http://twilio.test".into(),
            sid: "AC1".into(),
            token: Revealed::new("twilio-token"),
            from: "+15550000000".into(),
            ca_file: None,
        },
        mobile: "+15551234567".into(),
        code: None,
    }
}

fn dingtalk_by_mobile() -> Target {
    Target::Dingtalk {
        app: app(ProviderName::Dingtalk),
        mobile: Some("+8613100000000".into()),
        userid: None,
    }
}

fn feishu_by_mobile() -> Target {
    Target::Feishu {
        app: app(ProviderName::Feishu),
        mobile: Some("+8613100000000".into()),
        email: None,
    }
}

fn code_answer(field: &str, code: i64) -> Answer {
    fake::json(
        200,
        &format!(r#"{{"{field}":{code},"errmsg":"vendor says {code}"}}"#),
    )
}

fn aliyun_code(code: &str) -> Answer {
    fake::json(
        200,
        &format!(r#"{{"Code":"{code}","Message":"vendor says {code}"}}"#),
    )
}

/// The network and HTTP faults every destination meets.
fn common() -> Vec<Fault> {
    vec![
        Fault::Refused,
        Fault::Reset,
        Fault::ReadTimeout,
        Fault::TooMany,
        Fault::Unavailable,
    ]
}

fn with(mut faults: Vec<Fault>, more: impl IntoIterator<Item = Fault>) -> Vec<Fault> {
    faults.extend(more);
    faults
}

fn destinations() -> Vec<Dest> {
    let errcode = |c| code_answer("errcode", c);
    let permanent = |c: i64| Fault::Permanent(code_answer("errcode", c), c.to_string());
    vec![
        Dest {
            name: "dingtalk-bot",
            target: robot,
            step: "robot.test",
            ok: || fake::json(200, OK_JSON),
            keyed: true,
            lookup: false,
            faults: with(
                common(),
                [
                    Fault::Throttled(errcode(130101)),
                    Fault::Throttled(errcode(410100)),
                    Fault::Throttled(errcode(-1)),
                    permanent(310000),
                    permanent(300001),
                    permanent(300005),
                    permanent(400101),
                ],
            ),
        },
        Dest {
            name: "wecom-bot",
            target: wecom,
            step: "wecom.test",
            ok: || fake::json(200, OK_JSON),
            keyed: false,
            lookup: false,
            faults: with(
                common(),
                [
                    Fault::Throttled(errcode(45009)),
                    Fault::Throttled(errcode(-1)),
                    permanent(93000),
                ],
            ),
        },
        Dest {
            name: "webhook",
            target: || webhook("hooks.test"),
            step: "hooks.test",
            ok: || fake::json(200, "{}"),
            keyed: true,
            lookup: false,
            faults: with(
                common(),
                [
                    Fault::Throttled(fake::json(408, "{}")),
                    Fault::Throttled(fake::json(500, "{}")),
                    Fault::Permanent(fake::json(400, "{}"), "400".into()),
                    Fault::Permanent(fake::json(404, "{}"), "404".into()),
                ],
            ),
        },
        Dest {
            name: "dingtalk",
            target: || dingtalk("u1"),
            step: "asyncsend",
            ok: || fake::json(200, r#"{"errcode":0,"task_id":1}"#),
            keyed: false,
            lookup: false,
            faults: common(),
        },
        Dest {
            name: "dingtalk (lookup by mobile)",
            target: dingtalk_by_mobile,
            step: "getbymobile",
            ok: || fake::json(200, r#"{"errcode":0,"result":{"userid":"u1"}}"#),
            // A lookup changes nothing: it may always be repeated.
            keyed: true,
            lookup: true,
            faults: vec![Fault::Permanent(errcode(60121), "60121".into())],
        },
        Dest {
            name: "feishu/lark",
            target: || feishu("a@example.com"),
            step: "im/v1/messages",
            ok: || fake::json(200, r#"{"code":0}"#),
            keyed: true,
            lookup: false,
            faults: with(common(), [Fault::Throttled(code_answer("code", 11232))]),
        },
        Dest {
            name: "feishu/lark (lookup by mobile)",
            target: feishu_by_mobile,
            step: "batch_get_id",
            ok: || {
                fake::json(
                    200,
                    r#"{"code":0,"data":{"user_list":[{"user_id":"ou_1"}]}}"#,
                )
            },
            keyed: true,
            lookup: true,
            faults: vec![Fault::Permanent(
                fake::json(
                    200,
                    r#"{"code":0,"data":{"user_list":[{"mobile":"+8613100000000"}]}}"#,
                ),
                "user_not_found".into(),
            )],
        },
        Dest {
            name: "sms (aliyun)",
            target: aliyun,
            step: "sms.test",
            ok: || aliyun_code("OK"),
            keyed: false,
            lookup: false,
            faults: with(
                common(),
                [
                    Fault::Throttled(aliyun_code("isv.BUSINESS_LIMIT_CONTROL")),
                    Fault::Permanent(
                        aliyun_code("isv.MOBILE_NUMBER_ILLEGAL"),
                        "isv.MOBILE_NUMBER_ILLEGAL".into(),
                    ),
                    Fault::Permanent(
                        aliyun_code("isv.AMOUNT_NOT_ENOUGH"),
                        "isv.AMOUNT_NOT_ENOUGH".into(),
                    ),
                ],
            ),
        },
        Dest {
            name: "sms (twilio)",
            target: twilio,
            step: "twilio.test",
            ok: || fake::json(201, r#"{"sid":"SM1"}"#),
            keyed: false,
            lookup: false,
            faults: with(
                common(),
                [Fault::Permanent(
                    fake::json(
                        400,
                        r#"{"code":21211,"message":"Invalid 'To' Phone Number"}"#,
                    ),
                    "21211".into(),
                )],
            ),
        },
    ]
}

/// Runs one cell and describes how it differs from `want`, if it does.
async fn cell(target: Target, fake: &Arc<Fake>, want: &Expected) -> Option<String> {
    let start = Instant::now();
    let rows = run(fake, opts(), vec![target]).await;
    let took = start.elapsed();
    let row = &rows[0];
    let got = Expected {
        outcome: row.outcome,
        attempts: row.attempts,
        code: row.error_code.clone(),
        outcome_unknown: row
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with(OUTCOME_UNKNOWN)),
        class: row.class,
        time: took..=took,
    };
    let same = got.outcome == want.outcome
        && got.class == want.class
        && got.attempts == want.attempts
        && got.code == want.code
        && got.outcome_unknown == want.outcome_unknown
        && want.time.contains(&took)
        && took < DEADLINE;
    (!same).then(|| format!("want {want:?}\n      got {got:?} ({:?})", row.reason))
}

#[tokio::test(start_paused = true)]
async fn every_destination_under_every_fault_gets_the_outcome_section_10_prescribes() {
    let mut wrong = Vec::new();
    let mut cells = 0;
    for dest in destinations() {
        for fault in &dest.faults {
            let fake = Arc::new(Fake::default());
            fake.script("gettoken", vec![ding_token()]);
            fake.script("tenant_access_token", vec![feishu_token()]);
            fake.script(dest.step, script(fault, (dest.ok)()));
            fake.script("asyncsend", vec![fake::json(200, OK_JSON)]);
            fake.script("im/v1/messages", vec![fake::json(200, r#"{"code":0}"#)]);
            let mut want = expected(fault, dest.keyed);
            if dest.lookup && want.outcome == Outcome::Failed {
                want.attempts = 0;
            }
            if let Some(diff) = cell((dest.target)(), &fake, &want).await {
                wrong.push(format!("{} × {fault:?}:\n      {diff}", dest.name));
            }
            cells += 1;
        }
    }
    let mail_faults = [
        Fault::Refused,
        Fault::Reset,
        Fault::ReadTimeout,
        Fault::Unavailable,
        Fault::Permanent(fake::json(550, "{}"), "550".into()),
    ];
    for fault in mail_faults {
        let fake = Arc::new(Fake::default());
        fake.mail_answers(mail_script(&fault));
        // The fake SMTP server answers at once: a read timeout there costs no virtual time.
        let mut want = expected(&fault, false);
        if matches!(fault, Fault::ReadTimeout) {
            want.time = Duration::ZERO..=Duration::ZERO;
        }
        if let Some(diff) = cell(email(), &fake, &want).await {
            wrong.push(format!("email × {fault:?}:\n      {diff}"));
        }
        cells += 1;
    }
    assert!(cells > 50, "{cells} cells");
    assert!(
        wrong.is_empty(),
        "{} of {cells} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

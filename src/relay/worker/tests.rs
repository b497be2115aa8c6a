//! Tests of `worker`.

use super::*;
use crate::delivery::stop::{self, NOT_SENT};
use crate::delivery::{Class, Delivery, HELD_BACK, OUTCOME_UNKNOWN, Outcome};

fn failed(code: &str, message: &str, class: Class) -> Delivery {
    Delivery {
        recipient: "alice".into(),
        channel: "webhook".into(),
        destination: "http://127.0.0.1/a".into(),
        outcome: Outcome::Failed,
        attempts: 1,
        elapsed_ms: 1,
        error_code: Some(code.into()),
        error_message: Some(message.into()),
        reason: Some(message.into()),
        retry_after: None,
        class: Some(class),
    }
}

#[test]
fn the_engines_verdict_decides_and_not_the_http_status() {
    let permanent = |row: &Delivery| matches!(attempt_of(row, 0), Attempt::Permanent { .. });
    // A DingTalk robot's permanent code arrives in an HTTP 200: dead at once, with the vendor's words.
    let refused = failed("310000", "keywords not in content", Class::Permanent);
    assert_eq!(
        attempt_of(&refused, 0),
        Attempt::Permanent {
            error: "310000: keywords not in content".into()
        }
    );
    // Its rate limit code is worth another attempt.
    assert!(!permanent(&failed(
        "130101",
        "send too fast",
        Class::Retryable
    )));
    assert!(permanent(&failed("400", "Bad Request", Class::Permanent)));
    assert!(permanent(&failed(
        "timeout",
        &format!("{OUTCOME_UNKNOWN} (timed out)"),
        Class::OutcomeUnknown
    )));
    assert!(!permanent(&failed(
        "503",
        "Service Unavailable",
        Class::Retryable
    )));
    // A stop's rows carry no vendor message, only their reason.
    let stopped = |reason: &str| Delivery {
        error_message: None,
        ..failed(stop::CODE, reason, Class::Retryable)
    };
    assert_eq!(attempt_of(&stopped(NOT_SENT), 0), Attempt::NotStarted);
    let cut = stopped("interrupted: the attempt did not end in time");
    assert!(permanent(&cut));
    // Held back by a robot's pacing: queued for the free slot, not an attempt.
    let mut paced = failed(HELD_BACK, "robot rate limit (20/min)", Class::Retryable);
    paced.retry_after = Some(Duration::from_secs(40));
    assert_eq!(
        attempt_of(&paced, 1_000),
        Attempt::Held {
            not_before_ms: 41_000
        }
    );
    let mut later = failed("429", "Too Many Requests", Class::Retryable);
    later.retry_after = Some(Duration::from_secs(30));
    assert_eq!(
        attempt_of(&later, 1_000),
        Attempt::Transient {
            error: "429: Too Many Requests".into(),
            not_before_ms: Some(31_000)
        }
    );
}

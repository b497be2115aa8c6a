//! Verification codes: six digits from the OS's secure random source, kept only as a salted hash, valid
//! for ten minutes and five attempts, compared in constant time, resent at most once a minute.

use crate::signing::{code_digest, code_matches, hex_decode, hex_encode};
use crate::store::PendingCode;

pub const CODE_LIFETIME_SECS: i64 = 600;
pub const MAX_ATTEMPTS: u32 = 5;
pub const RESEND_AFTER_SECS: i64 = 60;

/// A six-digit code, uniform over 000000..=999999 (rejection sampling avoids modulo bias).
pub fn new_code() -> Result<String, String> {
    loop {
        let mut b = [0u8; 4];
        getrandom::fill(&mut b).map_err(|e| format!("the OS random source failed: {e}"))?;
        let n = u32::from_le_bytes(b);
        // 4_294_000_000 is the largest multiple of 1_000_000 that fits in a u32.
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

/// The record kept in the store for a code just sent to `to` (the destination as shown).
pub fn pending_for(code: &str, now: i64, to: String) -> Result<PendingCode, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| format!("the OS random source failed: {e}"))?;
    Ok(PendingCode {
        salt: hex_encode(&salt),
        digest: code_digest(&salt, code),
        sent_at: now,
        expires_at: now + CODE_LIFETIME_SECS,
        attempts: 0,
        to,
    })
}

/// Seconds to wait before another code may be sent, if any.
pub fn resend_wait(last_sent: Option<i64>, now: i64) -> Option<i64> {
    let wait = last_sent? + RESEND_AFTER_SECS - now;
    (wait > 0).then_some(wait)
}

/// Why a code was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    NoCode,
    Expired,
    /// Five wrong tries: the code is dead, even the right one is refused.
    Exhausted,
    Wrong {
        attempts_left: u32,
    },
    /// The code waiting went to `sent_to`, and the channel's destination is now `now`.
    Elsewhere {
        sent_to: String,
        now: String,
    },
}

/// Checks a code against the pending record, counting the attempt. On `Ok` the caller marks the channel
/// verified and drops the record; on `Wrong` the record (with its new count) must be saved.
pub fn check(pending: Option<&mut PendingCode>, code: &str, now: i64) -> Result<(), Rejection> {
    let Some(p) = pending else {
        return Err(Rejection::NoCode);
    };
    if p.attempts >= MAX_ATTEMPTS {
        return Err(Rejection::Exhausted);
    }
    if now >= p.expires_at {
        return Err(Rejection::Expired);
    }
    let salt = hex_decode(&p.salt).unwrap_or_default();
    if code_matches(&salt, code.trim(), &p.digest) {
        return Ok(());
    }
    p.attempts += 1;
    if p.attempts >= MAX_ATTEMPTS {
        Err(Rejection::Exhausted)
    } else {
        Err(Rejection::Wrong {
            attempts_left: MAX_ATTEMPTS - p.attempts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_stored_only_hashed() {
        let code = new_code().unwrap();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        let p = pending_for(&code, 1000, String::new()).unwrap();
        assert!(!p.digest.contains(&code) && !p.salt.contains(&code));
        assert_eq!(p.expires_at, 1600);
    }

    #[test]
    fn wrong_expired_and_exhausted() {
        let mut p = pending_for("123456", 1000, String::new()).unwrap();
        assert_eq!(
            check(Some(&mut p), "000000", 1001),
            Err(Rejection::Wrong { attempts_left: 4 })
        );
        assert_eq!(check(Some(&mut p), "123456", 1600), Err(Rejection::Expired));
        for _ in 0..3 {
            let _ = check(Some(&mut p), "000000", 1001);
        }
        assert_eq!(
            check(Some(&mut p), "000000", 1001),
            Err(Rejection::Exhausted)
        );
        assert_eq!(
            check(Some(&mut p), "123456", 1001),
            Err(Rejection::Exhausted)
        );
        let mut fresh = pending_for("123456", 1000, String::new()).unwrap();
        assert_eq!(check(Some(&mut fresh), " 123456 ", 1599), Ok(()));
        assert_eq!(check(None, "123456", 1), Err(Rejection::NoCode));
    }

    #[test]
    fn resends_wait_a_minute() {
        assert_eq!(resend_wait(Some(1000), 1030), Some(30));
        assert_eq!(resend_wait(Some(1000), 1060), None);
        assert_eq!(resend_wait(None, 1060), None);
    }
}

//! Times of the log: RFC 3339 in UTC for display and in `--since` / `--older-than` (whose durations
//! `commands::args` parses with every other duration flag).

use crate::signing::utc_timestamp;

/// Unix milliseconds as `yyyy-mm-ddThh:mm:ssZ` (times before 1970 show as the epoch).
pub fn format_rfc3339(ms: i64) -> String {
    utc_timestamp(u64::try_from(ms.div_euclid(1000)).unwrap_or(0))
}

/// An RFC 3339 time (`2026-11-29T10:00:00Z`, `2026-11-29T18:00:00+08:00`, fractions allowed) in Unix
/// milliseconds.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(range)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let sep = |i: usize, allowed: &[u8]| b.get(i).is_some_and(|c| allowed.contains(c));
    if b.len() < 20 || !sep(4, b"-") || !sep(7, b"-") || !sep(10, b"Tt ") || !sep(13, b":") {
        return None;
    }
    if !sep(16, b":") {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut i = 19;
    let mut millis = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
        let digits = &text.trim()[start..i.min(start + 3)];
        millis = digits.parse::<i64>().ok()? * 10_i64.pow(3 - digits.len() as u32);
    }
    let offset_secs = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && sep(i + 3, b":") => {
            let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = h * 3_600 + m * 60;
            if *sign == b'+' { secs } else { -secs }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + hour * 3_600 + minute * 60 + second.min(59) - offset_secs;
    Some(secs * 1000 + millis)
}

/// `--since` / `--older-than`: a duration back from now, or an RFC 3339 time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// This many milliseconds before now.
    Ago(i64),
    /// This Unix time in milliseconds.
    At(i64),
}

impl When {
    /// The moment meant, in Unix milliseconds.
    pub fn cutoff(self, now_ms: i64) -> i64 {
        match self {
            When::Ago(ms) => now_ms.saturating_sub(ms),
            When::At(ms) => ms,
        }
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Count from 0000-03-01 so that February, with its leap day, ends each year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips_and_honours_offsets() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_rfc3339("2026-11-29T11:35:41Z"),
            Some(1_795_952_141_000)
        );
        assert_eq!(format_rfc3339(1_795_952_141_999), "2026-11-29T11:35:41Z");
        assert_eq!(
            parse_rfc3339("2026-11-29T19:35:41.5+08:00"),
            Some(1_795_952_141_500)
        );
        assert_eq!(
            parse_rfc3339("2026-11-29 11:35:41.123456z"),
            Some(1_795_952_141_123)
        );
        assert_eq!(
            parse_rfc3339("2024-02-29T00:00:00Z"),
            Some(1_709_164_800_000)
        );
        for ms in [0, 951_782_400_000, 1_709_164_800_000, 4_102_444_799_000] {
            assert_eq!(parse_rfc3339(&format_rfc3339(ms)), Some(ms));
        }
        for bad in [
            "2026-11-29",
            "2026-11-29T11:35:41",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-29T24:00:00Z",
            "2026-11-29T11:35:41+0800",
            "2026-11-29T11:35:41.Z",
            "2026-11-29T11:35:41Zjunk",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn cutoffs_count_back_from_now_or_take_a_time() {
        assert_eq!(
            When::Ago(7_200_000).cutoff(10_000_000),
            10_000_000 - 7_200_000
        );
        assert_eq!(When::At(1000).cutoff(5), 1000);
    }
}

//! Times of the log: RFC 3339 in UTC for display and in `--since` / `--older-than` (and every duration
//! flag's grammar, which the relay's `in` shares).

use std::time::Duration;

use jiff::Timestamp;

/// The units a duration takes, with their length in milliseconds.
const UNITS: [(&str, u64); 6] = [
    ("ms", 1),
    ("s", 1_000),
    ("m", 60_000),
    ("h", 3_600_000),
    ("d", 86_400_000),
    ("w", 604_800_000),
];

/// `<n><unit>` (`30s`, `90m`, `1.5h`, `3d`, `1w`, `500ms`); a bare number is seconds when `bare_secs`.
/// The error says what is wrong with the text.
pub fn parse_duration(text: &str, bare_secs: bool) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let well_formed = !number.is_empty()
        && !number.starts_with('.')
        && !number.ends_with('.')
        && number.matches('.').count() <= 1;
    if !well_formed {
        return Err(format!("`{text}` does not start with a number"));
    }
    let unit_ms = match UNITS.iter().find(|(name, _)| *name == unit) {
        Some((_, ms)) => *ms,
        None if unit.is_empty() && bare_secs => 1_000,
        None if unit.is_empty() => {
            return Err(format!(
                "`{text}` needs a unit: {text}s, {text}m, {text}h or {text}d?"
            ));
        }
        None => return Err(format!("`{text}` has an unknown unit `{unit}`")),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` does not start with a number"))?;
    Duration::try_from_secs_f64(value * unit_ms as f64 / 1_000.0)
        .map_err(|_| format!("`{text}` is too long"))
}

/// Unix milliseconds as `yyyy-mm-ddThh:mm:ssZ` (times before 1970 show as the epoch).
pub fn format_rfc3339(ms: i64) -> String {
    let secs = ms.max(0).div_euclid(1000);
    Timestamp::from_second(secs)
        .unwrap_or(Timestamp::MAX)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// An RFC 3339 time (`2026-11-29T10:00:00Z`, `2026-11-29T18:00:00+08:00`, fractions allowed) in Unix
/// milliseconds. The shape is RFC 3339's (jiff alone would also take ISO 8601's other forms); the
/// calendar is jiff's.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let text = text.trim();
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let sep = |i: usize, allowed: &[u8]| b.get(i).is_some_and(|c| allowed.contains(c));
    let shaped = b.len() >= 20
        && digits(0..4)
        && sep(4, b"-")
        && digits(5..7)
        && sep(7, b"-")
        && digits(8..10)
        && sep(10, b"Tt ")
        && digits(11..13)
        && sep(13, b":")
        && digits(14..16)
        && sep(16, b":")
        && digits(17..19);
    if !shaped {
        return None;
    }
    let mut i = 19;
    if b[i] == b'.' {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset_ok = match b.get(i)? {
        b'Z' | b'z' => i + 1 == b.len(),
        b'+' | b'-' => {
            i + 6 == b.len() && digits(i + 1..i + 3) && sep(i + 3, b":") && digits(i + 4..i + 6)
        }
        _ => false,
    };
    if !offset_ok {
        return None;
    }
    let mut normal = text.to_owned();
    normal.replace_range(10..11, "T");
    if normal.ends_with('z') {
        normal.replace_range(normal.len() - 1.., "Z");
    }
    let at: Timestamp = normal.parse().ok()?;
    Some(at.as_millisecond())
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

//! One grammar for every duration flag (`--timeout`, `--deadline`, `--since`, `--older-than`), so that
//! `2s`, `5m`, `2h` and `3d` mean the same everywhere; clap parsers that name the flag in their errors.

use std::ffi::OsStr;
use std::time::Duration;

use clap::builder::TypedValueParser;
use clap::error::ErrorKind;

use crate::log::time::{When, parse_rfc3339};

/// The units a duration takes, with their length in milliseconds.
const UNITS: [(&str, u64); 6] = [
    ("ms", 1),
    ("s", 1_000),
    ("m", 60_000),
    ("h", 3_600_000),
    ("d", 86_400_000),
    ("w", 604_800_000),
];

/// The longest `--timeout` or `--deadline`: anything longer cannot be added to the clock safely and is
/// surely a mistake.
const MAX_LIMIT: Duration = Duration::from_secs(86_400);

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

/// The value parser of `--timeout` and `--deadline`: a duration or a bare number of seconds, more than
/// zero and at most a day.
pub fn limit() -> impl TypedValueParser<Value = Duration> {
    FlagParser(|text: &str| {
        let fail = |why: String| Problem {
            what: "a positive number of seconds or a duration",
            why,
            hint: "e.g. 30s, 5m, 2h or 1d (at most a day); a bare number is seconds",
        };
        match parse_duration(text, true) {
            Ok(d) if d.is_zero() => Err(fail(format!("`{}` is no time at all", text.trim()))),
            Ok(d) if d > MAX_LIMIT => Err(fail(format!("`{}` is more than a day", text.trim()))),
            Ok(d) => Ok(d),
            Err(why) => Err(fail(why)),
        }
    })
}

/// The value parser of `--since` and `--older-than`: a duration back from now or an RFC 3339 time.
pub fn when() -> impl TypedValueParser<Value = When> {
    FlagParser(|text: &str| {
        let fail = |why: String| Problem {
            what: "a duration back from now or an RFC 3339 time",
            why,
            hint: "e.g. 90m, 2h, 3d, 1w or 2026-11-29T08:00:00Z",
        };
        let trimmed = text.trim();
        if let Some(ms) = parse_rfc3339(trimmed) {
            return Ok(When::At(ms));
        }
        if trimmed.len() >= 10 && trimmed.as_bytes()[4] == b'-' {
            return Err(fail(format!(
                "`{trimmed}` is not a whole RFC 3339 time (date, time and zone)"
            )));
        }
        if !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(fail(format!("`{trimmed}` is neither")));
        }
        let ago = parse_duration(trimmed, false).map_err(fail)?;
        i64::try_from(ago.as_millis())
            .map(When::Ago)
            .map_err(|_| fail(format!("`{trimmed}` is too long")))
    })
}

/// Why a flag's text was refused: what the flag takes, what is wrong, and an example.
struct Problem {
    what: &'static str,
    why: String,
    hint: &'static str,
}

/// A parser of one flag's text whose errors name the flag.
#[derive(Clone)]
struct FlagParser<F>(F);

impl<T, F> TypedValueParser for FlagParser<F>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(&str) -> Result<T, Problem> + Clone + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let flag = arg
            .and_then(clap::Arg::get_long)
            .map_or_else(|| "the value".to_owned(), |long| format!("--{long}"));
        let text = value.to_string_lossy();
        (self.0)(&text).map_err(|p| {
            let message = format!("{flag} must be {}: {}\nhint: {}\n", p.what, p.why, p.hint);
            clap::Error::raw(ErrorKind::ValueValidation, message).with_cmd(cmd)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_grammar_for_every_duration() {
        let ok = |text: &str, bare: bool| parse_duration(text, bare).unwrap();
        assert_eq!(ok("2s", false), Duration::from_secs(2));
        assert_eq!(ok("90m", false), Duration::from_secs(5_400));
        assert_eq!(ok("2h", false), Duration::from_secs(7_200));
        assert_eq!(ok("3d", false), Duration::from_secs(3 * 86_400));
        assert_eq!(ok("1w", false), Duration::from_secs(7 * 86_400));
        assert_eq!(ok("500ms", false), Duration::from_millis(500));
        assert_eq!(ok("1.5h", false), Duration::from_secs(5_400));
        assert_eq!(ok(" 30 ", true), Duration::from_secs(30));
        assert_eq!(ok("0.25", true), Duration::from_millis(250));
        for (bad, why) in [
            ("2x", "unknown unit `x`"),
            ("3 d", "unknown unit ` d`"),
            ("90", "needs a unit: 90s, 90m"),
            ("", "does not start with a number"),
            ("d", "does not start with a number"),
            ("-3d", "does not start with a number"),
            ("1e20", "unknown unit `e20`"),
            ("NaN", "does not start with a number"),
            (".5s", "does not start with a number"),
            ("1.2.3s", "does not start with a number"),
            ("99999999999999999999d", "too long"),
        ] {
            let err = parse_duration(bad, false).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    fn parse<P: TypedValueParser>(
        parser: &P,
        flag: &'static str,
        text: &str,
    ) -> Result<P::Value, String> {
        let cmd = clap::Command::new("notify");
        let arg = clap::Arg::new(flag).long(flag);
        parser
            .parse_ref(&cmd, Some(&arg), OsStr::new(text))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn limits_take_seconds_or_a_duration_up_to_a_day() {
        assert_eq!(parse(&limit(), "timeout", "2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse(&limit(), "timeout", "2"), Ok(Duration::from_secs(2)));
        assert_eq!(parse(&limit(), "deadline", "1d"), Ok(MAX_LIMIT));
        for bad in ["0", "0s", "86401", "25h", "2x", "inf"] {
            let err = parse(&limit(), "deadline", bad).unwrap_err();
            assert!(
                err.contains("--deadline must be a positive number of seconds or a duration"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn cutoffs_are_a_duration_or_a_time() {
        assert_eq!(parse(&when(), "since", "2h"), Ok(When::Ago(7_200_000)));
        assert_eq!(
            parse(&when(), "since", "1970-01-01T00:00:01Z"),
            Ok(When::At(1_000))
        );
        let err = parse(&when(), "since", "yesterday").unwrap_err();
        assert!(
            err.contains("--since must be a duration back from now"),
            "{err}"
        );
        assert!(err.contains("e.g. 90m, 2h, 3d"), "{err}");
        let err = parse(&when(), "since", "2026-11-29").unwrap_err();
        assert!(err.contains("not a whole RFC 3339 time"), "{err}");
        let err = parse(&when(), "older-than", "90").unwrap_err();
        assert!(err.contains("`90` needs a unit"), "{err}");
    }
}

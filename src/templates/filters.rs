//! The filters `notify` adds to MiniJinja's: `date` (an RFC 3339 time in a strftime-like format, in
//! the time's own offset or a fixed one) and `truncate` (at most N characters, ending in `…`).

use minijinja::value::Value;
use minijinja::{Error, ErrorKind};

use super::limits::{Unit, truncate_to};

/// The format `date` uses without an argument.
pub const DEFAULT_DATE_FORMAT: &str = "%Y-%m-%d %H:%M";

/// The conversions `date` understands, for its help and its errors.
pub const DATE_CONVERSIONS: &str = "%Y %y %m %d %e %H %I %p %M %S %b %B %a %A %F %T %R %z %:z %%";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn invalid(msg: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, msg)
}

/// `{{ time|date }}`, `{{ time|date("%d %b %Y") }}`, `{{ time|date("%H:%M", "+08:00") }}`.
/// An empty time (unknown) gives an empty string.
pub fn date(value: &Value, format: Option<&str>, offset: Option<&str>) -> Result<String, Error> {
    let text = value
        .as_str()
        .ok_or_else(|| invalid(format!("date expects a time as text, not {}", value.kind())))?;
    if text.is_empty() {
        return Ok(String::new());
    }
    let mut time = Time::parse(text).ok_or_else(|| {
        invalid(format!(
            "`{text}` is not an RFC 3339 time (like 2026-03-01T09:30:00+08:00)"
        ))
    })?;
    if let Some(offset) = offset {
        let minutes = parse_offset(offset).ok_or_else(|| {
            invalid(format!(
                "`{offset}` is not an offset: give one like \"+08:00\", \"-05:00\" or \"Z\""
            ))
        })?;
        time = time.at_offset(minutes);
    }
    time.format(format.unwrap_or(DEFAULT_DATE_FORMAT))
}

/// `{{ task_name|truncate(20) }}`: at most `length` characters, the last one `…` when cut.
pub fn truncate(value: &Value, length: usize) -> Value {
    let text = value.to_string();
    let cut = truncate_to(&text, length, Unit::Chars).text;
    if value.is_safe() {
        Value::from_safe_string(cut)
    } else {
        Value::from(cut)
    }
}

/// A civil time with its UTC offset in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Time {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    offset: i32,
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_offset(s: &str) -> Option<i32> {
    match s {
        "Z" | "z" | "UTC" => return Some(0),
        _ => {}
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = s.get(1..)?.split_once(':')?;
    let (h, m) = (number(h)?, number(m)?);
    (h < 24 && m < 60 && h < 100).then_some(sign * (h * 60 + m) as i32)
}

impl Time {
    fn parse(s: &str) -> Option<Time> {
        let s = s.trim();
        let date = s.get(..10)?;
        if !matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
            return None;
        }
        let rest = s.get(11..)?;
        let mut d = date.split('-');
        let (year, month, day) = (number(d.next()?)?, number(d.next()?)?, number(d.next()?)?);
        let clock = rest.get(..8)?;
        let mut c = clock.split(':');
        let (hour, minute, second) = (number(c.next()?)?, number(c.next()?)?, number(c.next()?)?);
        let mut zone = rest.get(8..)?;
        if let Some(frac) = zone.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            zone = &frac[digits..];
        }
        let time = Time {
            year: i64::from(year),
            month,
            day,
            hour,
            minute,
            second,
            offset: parse_offset(zone)?,
        };
        let valid = (1..=12).contains(&month)
            && (1..=days_in_month(time.year, month)).contains(&day)
            && hour < 24
            && minute < 60
            && second <= 60;
        valid.then_some(time)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    fn epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour * 3600 + self.minute * 60 + self.second)
            - i64::from(self.offset) * 60
    }

    fn at_offset(self, offset: i32) -> Time {
        let local = self.epoch() + i64::from(offset) * 60;
        let (year, month, day) = civil_from_days(local.div_euclid(86_400));
        let secs = local.rem_euclid(86_400) as u32;
        Time {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
            offset,
        }
    }

    fn weekday(self) -> usize {
        (days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7) as usize
    }

    fn format(self, format: &str) -> Result<String, Error> {
        let mut out = String::new();
        let mut chars = format.chars();
        let month = MONTHS[(self.month - 1) as usize];
        let weekday = WEEKDAYS[self.weekday()];
        let hour12 = if self.hour.is_multiple_of(12) {
            12
        } else {
            self.hour % 12
        };
        let zone = |colon: bool| {
            let sign = if self.offset < 0 { '-' } else { '+' };
            let (h, m) = (self.offset.abs() / 60, self.offset.abs() % 60);
            if colon {
                format!("{sign}{h:02}:{m:02}")
            } else {
                format!("{sign}{h:02}{m:02}")
            }
        };
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let spec = match chars.next() {
                Some(':') => match chars.next() {
                    Some('z') => ":z".to_owned(),
                    other => format!(":{}", other.map(String::from).unwrap_or_default()),
                },
                Some(other) => other.to_string(),
                None => String::new(),
            };
            let piece = match spec.as_str() {
                "Y" => format!("{:04}", self.year),
                "y" => format!("{:02}", self.year.rem_euclid(100)),
                "m" => format!("{:02}", self.month),
                "d" => format!("{:02}", self.day),
                "e" => format!("{:>2}", self.day),
                "H" => format!("{:02}", self.hour),
                "I" => format!("{hour12:02}"),
                "p" => if self.hour < 12 { "AM" } else { "PM" }.to_owned(),
                "M" => format!("{:02}", self.minute),
                "S" => format!("{:02}", self.second),
                "b" => month[..3].to_owned(),
                "B" => month.to_owned(),
                "a" => weekday[..3].to_owned(),
                "A" => weekday.to_owned(),
                "F" => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
                "T" => format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second),
                "R" => format!("{:02}:{:02}", self.hour, self.minute),
                "z" => zone(false),
                ":z" => zone(true),
                "%" => "%".to_owned(),
                other => {
                    return Err(invalid(format!(
                        "date does not know `%{other}`: use {DATE_CONVERSIONS}"
                    )));
                }
            };
            out.push_str(&piece);
        }
        Ok(out)
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's well-known algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// An RFC 3339 time (UTC, whole seconds) for a Unix time in milliseconds.
pub fn rfc3339_utc(unix_ms: i64) -> String {
    let secs = unix_ms.div_euclid(1000);
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(time: &str, format: Option<&str>, offset: Option<&str>) -> Result<String, String> {
        date(&Value::from(time), format, offset).map_err(|e| e.to_string())
    }

    #[test]
    fn dates_format_in_their_own_offset() {
        let t = "2026-03-01T09:05:07+08:00";
        assert_eq!(d(t, None, None).unwrap(), "2026-03-01 09:05");
        assert_eq!(
            d(t, Some("%a %e %b %Y, %I:%M:%S %p %z (%A %B) %%"), None).unwrap(),
            "Sun  1 Mar 2026, 09:05:07 AM +0800 (Sunday March) %"
        );
        assert_eq!(
            d(t, Some("%F %T %:z"), None).unwrap(),
            "2026-03-01 09:05:07 +08:00"
        );
        assert_eq!(
            d("2026-03-01T09:05:07.123Z", Some("%R %y"), None).unwrap(),
            "09:05 26"
        );
        assert_eq!(d("", None, None).unwrap(), "");
    }

    #[test]
    fn a_fixed_offset_moves_the_time() {
        assert_eq!(
            d("2024-02-28T20:30:00Z", Some("%F %R %:z"), Some("+08:00")).unwrap(),
            "2024-02-29 04:30 +08:00"
        );
        assert_eq!(
            d("2026-01-01T01:00:00+08:00", Some("%F %R"), Some("Z")).unwrap(),
            "2025-12-31 17:00"
        );
        assert_eq!(
            d("2026-01-01T00:00:00Z", Some("%F %R %z"), Some("-05:30")).unwrap(),
            "2025-12-31 18:30 -0530"
        );
    }

    #[test]
    fn bad_times_formats_and_offsets_are_errors() {
        assert!(
            d("yesterday", None, None)
                .unwrap_err()
                .contains("not an RFC 3339 time")
        );
        assert!(d("2026-02-30T00:00:00Z", None, None).is_err());
        assert!(d("2026-01-01T00:00:00", None, None).is_err());
        assert!(
            d("2026-01-01T00:00:00Z", Some("%Q"), None)
                .unwrap_err()
                .contains("`%Q`")
        );
        assert!(
            d("2026-01-01T00:00:00Z", None, Some("CET"))
                .unwrap_err()
                .contains("not an offset")
        );
        assert!(date(&Value::from(5), None, None).is_err());
    }

    #[test]
    fn unix_milliseconds_become_rfc3339() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(1_700_000_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(rfc3339_utc(951_782_400_999), "2000-02-29T00:00:00Z");
        let round = Time::parse(&rfc3339_utc(1_790_000_000_000)).unwrap();
        assert_eq!(round.epoch(), 1_790_000_000);
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(
            truncate(&Value::from("数据变更完成"), 4).to_string(),
            "数据变…"
        );
        assert_eq!(truncate(&Value::from("short"), 10).to_string(), "short");
        assert!(truncate(&Value::from_safe_string("**b**".into()), 3).is_safe());
    }
}

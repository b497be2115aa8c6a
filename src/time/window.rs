//! Mute windows as pure functions of an instant: local times in an IANA zone (jiff does the
//! daylight-saving arithmetic), spans that may cross midnight, and the weekdays a span may start on.

use std::fmt;

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

/// `HH:MM-HH:MM` in the window's zone; an end at or before the start ends the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Span {
    start: Time,
    end: Time,
    /// `24:00` as an end: the next midnight.
    end_is_midnight: bool,
}

impl Span {
    fn crosses_midnight(&self) -> bool {
        self.end_is_midnight || self.end <= self.start
    }
}

fn clock_time(text: &str) -> Option<(Time, bool)> {
    let (h, m) = text.trim().split_once(':')?;
    let two = |s: &str| -> Option<i8> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (h, m) = (two(h)?, two(m)?);
    if (h, m) == (24, 0) {
        return Some((Time::midnight(), true));
    }
    Some((Time::new(h, m, 0, 0).ok()?, false))
}

impl std::str::FromStr for Span {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!("`{s}` is not a time span: write HH:MM-HH:MM in 24-hour time, e.g. 22:00-08:00")
        };
        let (start, end) = s.split_once('-').ok_or_else(bad)?;
        let (start, start_24) = clock_time(start).ok_or_else(bad)?;
        let (end, end_is_midnight) = clock_time(end).ok_or_else(bad)?;
        if start_24 {
            return Err(format!("`{s}` starts at 24:00: start at 00:00 instead"));
        }
        if start == end && !end_is_midnight {
            return Err(format!(
                "`{s}` is empty: it starts where it ends (a whole day is 00:00-24:00)"
            ));
        }
        Ok(Span {
            start,
            end,
            end_is_midnight,
        })
    }
}

impl TryFrom<String> for Span {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let end = match self.end_is_midnight {
            true => "24:00".to_owned(),
            false => self.end.strftime("%H:%M").to_string(),
        };
        write!(f, "{}-{end}", self.start.strftime("%H:%M"))
    }
}

impl From<Span> for String {
    fn from(s: Span) -> String {
        s.to_string()
    }
}

const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

fn day(text: &str) -> Option<Weekday> {
    let text = text.trim().to_ascii_lowercase();
    DAYS.iter().find(|(n, _)| *n == text).map(|(_, d)| *d)
}

/// A day (`sat`) or a run of days (`mon-fri`, `fri-mon` wraps over the weekend) a span may start on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Days {
    from: Weekday,
    to: Weekday,
}

impl Days {
    fn contains(self, d: Weekday) -> bool {
        let (from, to, d) = (
            self.from.to_monday_zero_offset(),
            self.to.to_monday_zero_offset(),
            d.to_monday_zero_offset(),
        );
        match from <= to {
            true => (from..=to).contains(&d),
            false => d >= from || d <= to,
        }
    }
}

impl std::str::FromStr for Days {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a weekday or a run of them: e.g. mon-fri, sat, sun");
        match s.split_once('-') {
            Some((a, b)) => Ok(Days {
                from: day(a).ok_or_else(bad)?,
                to: day(b).ok_or_else(bad)?,
            }),
            None => {
                let d = day(s).ok_or_else(bad)?;
                Ok(Days { from: d, to: d })
            }
        }
    }
}

impl TryFrom<String> for Days {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |d: Weekday| DAYS[d.to_monday_zero_offset() as usize].0;
        match self.from == self.to {
            true => f.write_str(name(self.from)),
            false => write!(f, "{}-{}", name(self.from), name(self.to)),
        }
    }
}

impl From<Days> for String {
    fn from(d: Days) -> String {
        d.to_string()
    }
}

/// The zone a window without one is read in.
pub const DEFAULT_ZONE: &str = "UTC";

/// An IANA zone by name; the error names it and gives an example.
pub fn zone(name: &str) -> Result<TimeZone, String> {
    TimeZone::get(name).map_err(|_| {
        format!("`{name}` is not a time zone this machine knows: give an IANA name, e.g. Asia/Shanghai or Europe/Berlin")
    })
}

/// A mute window ready to answer: its spans, the weekdays they may start on (none: every day), its zone.
#[derive(Debug, Clone)]
pub struct Window {
    pub spans: Vec<Span>,
    pub days: Vec<Days>,
    pub zone: TimeZone,
}

/// How many back-to-back spans are followed to the end of a mute (two spans meeting at 08:00 are one).
const CHAIN: usize = 16;

impl Window {
    fn starts_on(&self, date: Date) -> bool {
        self.days.is_empty() || self.days.iter().any(|d| d.contains(date.weekday()))
    }

    /// The span starting on `date` as instants: local times in the window's zone, a time that does not
    /// exist (spring forward) moved past the gap, a repeated one (fall back) taken the first time.
    fn instants(&self, span: &Span, date: Date) -> Option<(Timestamp, Timestamp)> {
        let start = self.zone.to_timestamp(date.to_datetime(span.start)).ok()?;
        let end_date = match span.crosses_midnight() {
            true => date.checked_add(1.day()).ok()?,
            false => date,
        };
        let end = self
            .zone
            .to_timestamp(end_date.to_datetime(span.end))
            .ok()?;
        Some((start, end))
    }

    /// The end of the span that covers `at`, if one does.
    fn covering(&self, at: Timestamp) -> Option<Timestamp> {
        let today = self.zone.to_datetime(at).date();
        let yesterday = today.checked_sub(1.day()).ok()?;
        [yesterday, today]
            .into_iter()
            .filter(|d| self.starts_on(*d))
            .flat_map(|d| self.spans.iter().filter_map(move |s| self.instants(s, d)))
            .filter(|(start, end)| *start <= at && at < *end)
            .map(|(_, end)| end)
            .max()
    }

    /// When the mute that covers `at` ends (spans that meet are followed), or None when `at` is not muted.
    pub fn end_of_mute_at(&self, at: Timestamp) -> Option<Timestamp> {
        let mut end = self.covering(at)?;
        for _ in 0..CHAIN {
            match self.covering(end) {
                Some(later) if later > end => end = later,
                _ => break,
            }
        }
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(spans: &[&str], days: &[&str], zone_name: &str) -> Window {
        Window {
            spans: spans.iter().map(|s| s.parse().unwrap()).collect(),
            days: days.iter().map(|d| d.parse().unwrap()).collect(),
            zone: zone(zone_name).unwrap(),
        }
    }

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn a_night_window_crosses_midnight_in_its_zone() {
        let night = window(&["22:00-08:00"], &[], "Asia/Shanghai");
        // 23:00 in Shanghai (UTC+8) is 15:00 UTC; the window ends 08:00 local = 00:00 UTC next day.
        assert_eq!(
            night.end_of_mute_at(t("2026-12-07T15:00:00Z")),
            Some(t("2026-12-08T00:00:00Z"))
        );
        // 03:00 local, after midnight: the span that started yesterday still covers it.
        assert_eq!(
            night.end_of_mute_at(t("2026-12-07T19:00:00Z")),
            Some(t("2026-12-08T00:00:00Z"))
        );
        // 08:00 local exactly is no longer muted; 21:59 local is not yet.
        assert_eq!(night.end_of_mute_at(t("2026-12-08T00:00:00Z")), None);
        assert_eq!(night.end_of_mute_at(t("2026-12-07T13:59:00Z")), None);
    }

    #[test]
    fn weekdays_are_the_day_a_span_starts() {
        let weeknights = window(&["22:00-08:00"], &["mon-fri"], "UTC");
        // 2026-12-11 is a Friday: its night covers Saturday 03:00.
        assert_eq!(
            weeknights.end_of_mute_at(t("2026-12-12T03:00:00Z")),
            Some(t("2026-12-12T08:00:00Z"))
        );
        // Saturday 23:00 starts no span, nor does Sunday night's start cover Monday 03:00.
        assert_eq!(weeknights.end_of_mute_at(t("2026-12-12T23:00:00Z")), None);
        assert_eq!(weeknights.end_of_mute_at(t("2026-12-14T03:00:00Z")), None);
        // A run that wraps over the weekend.
        let weekend = window(&["00:00-24:00"], &["sat-sun"], "UTC");
        assert_eq!(
            weekend.end_of_mute_at(t("2026-12-12T10:00:00Z")),
            Some(t("2026-12-14T00:00:00Z")),
            "Saturday's and Sunday's spans meet and are followed to Monday"
        );
        assert!("fri-mon".parse::<Days>().unwrap().contains(Weekday::Sunday));
        assert!(
            !"fri-mon"
                .parse::<Days>()
                .unwrap()
                .contains(Weekday::Wednesday)
        );
    }

    #[test]
    fn berlin_spring_forward_leaves_the_missing_hour_empty() {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00 UTC).
        let gap = window(&["02:00-03:00"], &[], "Europe/Berlin");
        for at in [
            "2026-03-29T00:30:00Z",
            "2026-03-29T01:00:00Z",
            "2026-03-29T01:30:00Z",
        ] {
            assert_eq!(gap.end_of_mute_at(t(at)), None, "{at}");
        }
        // The day before, the same window is an hour long.
        assert_eq!(
            gap.end_of_mute_at(t("2026-03-28T01:30:00Z")),
            Some(t("2026-03-28T02:00:00Z"))
        );
        // A window across the change is an hour shorter in real time: 01:00 CET to 04:00 CEST.
        let across = window(&["01:00-04:00"], &[], "Europe/Berlin");
        assert_eq!(
            across.end_of_mute_at(t("2026-03-29T00:00:00Z")),
            Some(t("2026-03-29T02:00:00Z"))
        );
    }

    #[test]
    fn berlin_fall_back_mutes_the_repeated_hour_both_times() {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:00-03:00 local happens twice.
        let twice = window(&["02:00-03:00"], &[], "Europe/Berlin");
        // First 02:30 (CEST, 00:30 UTC) and second 02:30 (CET, 01:30 UTC) both end at 03:00 CET.
        assert_eq!(
            twice.end_of_mute_at(t("2026-10-25T00:30:00Z")),
            Some(t("2026-10-25T02:00:00Z"))
        );
        assert_eq!(
            twice.end_of_mute_at(t("2026-10-25T01:30:00Z")),
            Some(t("2026-10-25T02:00:00Z"))
        );
        assert_eq!(twice.end_of_mute_at(t("2026-10-25T02:00:00Z")), None);
        assert_eq!(twice.end_of_mute_at(t("2026-10-24T23:59:00Z")), None);
    }

    #[test]
    fn spans_that_meet_are_one_mute() {
        let w = window(&["22:00-08:00", "08:00-09:30"], &[], "UTC");
        assert_eq!(
            w.end_of_mute_at(t("2026-12-07T23:00:00Z")),
            Some(t("2026-12-08T09:30:00Z"))
        );
    }

    #[test]
    fn bad_spans_days_and_zones_say_what_to_write() {
        for bad in [
            "22-08",
            "25:00-08:00",
            "08:00-08:00",
            "24:00-01:00",
            "22:00",
        ] {
            assert!(bad.parse::<Span>().is_err(), "{bad}");
        }
        assert_eq!(
            "00:00-24:00".parse::<Span>().unwrap().to_string(),
            "00:00-24:00"
        );
        assert!("monday-fri".parse::<Days>().is_err());
        let err = zone("Mars/Olympus").unwrap_err();
        assert!(
            err.contains("`Mars/Olympus`") && err.contains("Asia/Shanghai"),
            "{err}"
        );
    }
}

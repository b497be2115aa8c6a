//! A rule's time settings beyond mute windows: escalation steps and grouping, with their durations
//! parsed when the store is read (`30m`, `2h`), so a broken duration never reaches the relay.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::log::time::parse_duration;

/// A duration as the store writes it (`30m`), kept with its text for display.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Span {
    text: String,
    ms: i64,
}

impl Span {
    pub fn ms(&self) -> i64 {
        self.ms
    }
}

impl std::str::FromStr for Span {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let d: Duration = parse_duration(s, false)?;
        let ms = i64::try_from(d.as_millis()).map_err(|_| format!("`{s}` is too long"))?;
        Ok(Span {
            text: s.trim().to_owned(),
            ms,
        })
    }
}

impl TryFrom<String> for Span {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Span> for String {
    fn from(s: Span) -> String {
        s.text
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// `30m (dba), 2h (admin)`: a rule's steps as the commands say them; `None` without steps.
pub fn steps_text(steps: &[Step]) -> Option<String> {
    let shown: Vec<String> = steps
        .iter()
        .map(|s| format!("{} ({})", s.after, s.roles.join(", ")))
        .collect();
    (!shown.is_empty()).then(|| shown.join(", "))
}

/// One escalation step: after this long unacknowledged, these roles hear of the event too.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub after: Span,
    pub roles: Vec<String>,
}

impl std::str::FromStr for Step {
    type Err = String;
    /// `AFTER:ROLE[,ROLE]...`, as `rule set --escalate` takes it.
    fn from_str(s: &str) -> Result<Self, String> {
        let (after, roles) = s
            .split_once(':')
            .ok_or_else(|| format!("`{s}` is not AFTER:ROLE[,ROLE]..., e.g. 30m:dba"))?;
        let roles: Vec<String> = roles
            .split(',')
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect();
        if roles.is_empty() {
            return Err(format!("`{s}` names no role, e.g. 30m:dba"));
        }
        Ok(Step {
            after: after.parse()?,
            roles,
        })
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.after, self.roles.join(","))
    }
}

/// An event field a rule groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum GroupField {
    TaskId,
    TaskName,
    Submitter,
    Event,
    Module,
}

impl GroupField {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupField::TaskId => "task_id",
            GroupField::TaskName => "task_name",
            GroupField::Submitter => "submitter",
            GroupField::Event => "event",
            GroupField::Module => "module",
        }
    }
}

/// `grouped by task_id (wait 30s, repeat 4h)`, or `None` for a rule that does not group.
pub fn grouping_text(
    by: &[GroupField],
    wait: Option<&Span>,
    repeat: Option<&Span>,
) -> Option<String> {
    if by.is_empty() {
        return None;
    }
    let fields: Vec<&str> = by.iter().map(|f| f.as_str()).collect();
    let wait = wait.map_or_else(|| "0s".to_owned(), Span::to_string);
    let repeat = repeat.map(|r| format!(", repeat {r}")).unwrap_or_default();
    Some(format!(
        "grouped by {} (wait {wait}{repeat})",
        fields.join(", ")
    ))
}

//! Mute windows as the store keeps them (`[mute."NAME"]`), and what a rule does with a muted delivery.

use serde::{Deserialize, Serialize};

use crate::time::window::{self, Days, Span, Window};

/// `[mute."NAME"]`: spans in a zone, on some weekdays (none written: every day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mute {
    pub times: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<Days>,
    /// An IANA zone; none: UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

impl Mute {
    /// The window ready to answer; the error names a zone this machine does not know.
    pub fn window(&self) -> Result<Window, String> {
        let zone = window::zone(self.timezone.as_deref().unwrap_or(window::DEFAULT_ZONE))?;
        Ok(Window {
            spans: self.times.clone(),
            days: self.weekdays.clone(),
            zone,
        })
    }
}

/// What a rule's mute window does to a delivery it covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OnMute {
    /// Hold it until the window ends.
    #[default]
    Defer,
    /// Record it skipped.
    Drop,
}

impl OnMute {
    pub fn as_str(self) -> &'static str {
        match self {
            OnMute::Defer => "defer",
            OnMute::Drop => "drop",
        }
    }
    pub fn is_default(&self) -> bool {
        *self == OnMute::Defer
    }
}

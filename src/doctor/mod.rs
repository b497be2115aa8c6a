//! `notify doctor`: every check that can be made without sending a message, as findings that each say
//! what is wrong and the command that fixes it. The store, providers and channels are read without
//! touching the network; the network checks (app tokens, an SMTP login, TLS handshakes) only reach the
//! hosts the store names, concurrently and under a short timeout each; the delivery log is read, never
//! migrated.

mod channels;
mod log;
mod network;
mod providers;
mod rules;
mod store;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::clock::Clock;

/// What a finding is about, in the report's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    Store,
    Rules,
    Providers,
    Channels,
    Network,
    Log,
}

impl Area {
    pub fn title(self) -> &'static str {
        match self {
            Area::Store => "store",
            Area::Rules => "rules",
            Area::Providers => "providers",
            Area::Channels => "channels",
            Area::Network => "network",
            Area::Log => "delivery log",
        }
    }
}

/// How a check came out. Only a problem fails the doctor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Problem,
    /// Not checked: a network check under `--offline`.
    Skipped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Problem => "problem",
            Status::Skipped => "skipped",
        }
    }
}

/// One check's outcome (the `doctor --json` shape of a check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub area: Area,
    /// What was checked: `provider smtp`, `alice's email`, the store's path.
    pub subject: String,
    pub status: Status,
    pub message: String,
    /// The command that fixes it; none when all is well.
    pub hint: Option<String>,
}

impl Finding {
    pub fn new(
        area: Area,
        subject: impl Into<String>,
        status: Status,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            area,
            subject: subject.into(),
            status,
            message: message.into(),
            hint: None,
        }
    }
    pub fn ok(area: Area, subject: impl Into<String>, message: impl Into<String>) -> Self {
        Finding::new(area, subject, Status::Ok, message)
    }
    pub fn warning(area: Area, subject: impl Into<String>, message: impl Into<String>) -> Self {
        Finding::new(area, subject, Status::Warning, message)
    }
    pub fn problem(area: Area, subject: impl Into<String>, message: impl Into<String>) -> Self {
        Finding::new(area, subject, Status::Problem, message)
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A finding from an error of the library: its message and causes, and its hint when it has one.
    pub fn from_error(area: Area, subject: impl Into<String>, err: &anyhow::Error) -> Self {
        let mut message = String::new();
        let mut hint = None;
        for cause in err.chain() {
            let text = cause.to_string();
            if !message.contains(&text) {
                if !message.is_empty() {
                    message.push_str(": ");
                }
                message.push_str(&text);
            }
            if let Some(e) = cause.downcast_ref::<crate::error::Error>() {
                hint = hint.or_else(|| e.hint.clone());
            }
        }
        Finding {
            hint,
            ..Finding::problem(area, subject, message)
        }
    }
}

/// What a doctor run looks at.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub store: PathBuf,
    pub log: Option<PathBuf>,
    /// Where app tokens are cached (as for a send).
    pub cache_dir: Option<PathBuf>,
    /// Skip every check that would use the network.
    pub offline: bool,
    /// How long each network check may take.
    pub timeout: Duration,
    pub clock: Clock,
}

/// The default time each network check may take.
pub const TIMEOUT: Duration = Duration::from_secs(3);

/// Every finding, grouped by area (in [`Area`] order, each area in the order checked).
pub fn run(inputs: &Inputs) -> anyhow::Result<Vec<Finding>> {
    let mut findings = Vec::new();
    let store = store::check(&inputs.store, &mut findings);
    if let Some(store) = &store {
        rules::check(store, &mut findings);
        providers::check(store, &mut findings);
        channels::check(store, &mut findings);
        let targets = network::targets(store);
        if inputs.offline {
            findings.extend(targets.skipped());
        } else {
            findings.extend(network::check(targets, inputs)?);
        }
    }
    log::check(inputs.log.as_deref(), &inputs.clock, &mut findings);
    findings.sort_by_key(|f| f.area);
    Ok(findings)
}

/// How many findings have `status`.
pub fn count(findings: &[Finding], status: Status) -> usize {
    findings.iter().filter(|f| f.status == status).count()
}

/// The path as written in a hint (a shell word).
fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+~:@".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

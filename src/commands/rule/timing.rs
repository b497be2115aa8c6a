//! `rule set`'s escalation flags, apart so that the command's own file stays about recipients.

use crate::rules::edit::Change;
use crate::store::Step;

/// Escalation (`notify serve` only).
#[derive(Debug, Clone, clap::Args)]
pub struct TimingArgs {
    /// After AFTER unacknowledged, also notify these roles through the rule's channels (repeatable,
    /// e.g. 30m:dba; replaces the rule's steps; `notify serve` only)
    #[arg(
        long = "escalate",
        value_name = "AFTER:ROLE[,ROLE]",
        conflicts_with = "no_escalate"
    )]
    pub escalate: Vec<Step>,
    /// Remove the rule's escalation steps
    #[arg(long)]
    pub no_escalate: bool,
}

impl TimingArgs {
    /// Puts what was given into the change.
    pub fn apply(&self, change: &mut Change) {
        if self.no_escalate {
            change.escalate = Some(Vec::new());
        } else if !self.escalate.is_empty() {
            change.escalate = Some(self.escalate.clone());
        }
    }
}

//! `rule set`'s escalation flags, apart so that the command's own file stays about recipients.

use crate::error::Error;
use crate::rules::edit::Change;
use crate::store::{GroupField, Span, Step};

/// Escalation and grouping (`notify serve` only).
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
    /// Group events of this rule with the same values of these fields into one message (repeatable:
    /// task_id, task_name, submitter, event, module; `notify serve` only)
    #[arg(
        long = "group-by",
        value_name = "FIELD",
        conflicts_with = "no_grouping"
    )]
    pub group_by: Vec<GroupField>,
    /// How long a group collects events after its first one (e.g. 30s; with --group-by)
    #[arg(long, value_name = "DURATION", requires = "group_by")]
    pub group_wait: Option<Span>,
    /// After a group was sent, the same group is not sent again sooner than this (e.g. 4h; with --group-by)
    #[arg(long, value_name = "DURATION", requires = "group_by")]
    pub repeat_interval: Option<Span>,
    /// Send each event on its own again
    #[arg(long)]
    pub no_grouping: bool,
}

impl TimingArgs {
    /// Puts what was given into the change.
    pub fn apply(&self, change: &mut Change) -> Result<(), Error> {
        if self.no_grouping {
            change.grouping = Some((Vec::new(), None, None));
        } else if !self.group_by.is_empty() {
            change.grouping = Some((
                self.group_by.clone(),
                self.group_wait.clone(),
                self.repeat_interval.clone(),
            ));
        }
        if self.no_escalate {
            change.escalate = Some(Vec::new());
        } else if !self.escalate.is_empty() {
            change.escalate = Some(self.escalate.clone());
        }
        Ok(())
    }
}

//! The flags that describe an event (`emit`, `template render`): who it concerns, its task, its
//! message and style; and the content they make.

use std::path::PathBuf;

use anyhow::Result;

use crate::context::Context;
use crate::delivery::Content;
use crate::rules::{self, EventRoles, EventText, RuleView};
use crate::store::Store;

use super::{RichArgs, message_text};

/// An event's people, task and message.
#[derive(Debug, Clone, clap::Args)]
pub struct EventArgs {
    /// The ticket's submitter or the flow's owner
    #[arg(long, value_name = "USER", help_heading = "Event roles")]
    pub submitter: Option<String>,
    /// The current approval node's users (repeatable)
    #[arg(long = "approver", value_name = "USER", help_heading = "Event roles")]
    pub approvers: Vec<String>,
    /// The ticket's related people (repeatable)
    #[arg(long = "related", value_name = "USER", help_heading = "Event roles")]
    pub related: Vec<String>,
    /// The data owners (repeatable)
    #[arg(long = "data-owner", value_name = "USER", help_heading = "Event roles")]
    pub data_owners: Vec<String>,
    /// The instance's DBAs (repeatable)
    #[arg(
        long = "instance-dba",
        value_name = "USER",
        help_heading = "Event roles"
    )]
    pub instance_dbas: Vec<String>,
    /// The task's ID
    #[arg(long, value_name = "ID", help_heading = "Content")]
    pub task_id: Option<String>,
    /// The task's name
    #[arg(long, value_name = "TEXT", help_heading = "Content")]
    pub task_name: Option<String>,
    /// Email subject and chat heading [default: "[DMS] " and the event's description]
    #[allow(rustdoc::broken_intra_doc_links)] // `[DMS]` is the subject prefix, not a link
    #[arg(long, value_name = "TEXT", help_heading = "Content")]
    pub title: Option<String>,
    /// The message text [default: the event's description, the task and the submitter]
    #[arg(
        short,
        long,
        value_name = "TEXT",
        conflicts_with = "message_file",
        help_heading = "Content"
    )]
    pub message: Option<String>,
    /// Read the message from a file, or - for stdin
    #[arg(long, value_name = "PATH", help_heading = "Content")]
    pub message_file: Option<PathBuf>,
    #[command(flatten)]
    pub rich: RichArgs,
}

impl EventArgs {
    /// The event roles the flags name.
    pub fn roles(&self) -> EventRoles {
        EventRoles {
            submitter: self.submitter.clone(),
            approver: self.approvers.clone(),
            related: self.related.clone(),
            data_owner: self.data_owners.clone(),
            instance_dba: self.instance_dbas.clone(),
            additional: Vec::new(),
        }
    }

    /// The content: `--template`, else the rule's template, else `--message`/`--message-file`, else
    /// the event's built-in text (without an event: the message alone).
    pub fn content(
        &self,
        ctx: &Context,
        store: &Store,
        view: Option<&RuleView>,
    ) -> Result<Content> {
        // The template first: when both read stdin, the error names --template as the first reader.
        let template = self.rich.template(ctx)?;
        let fields = EventText {
            submitter: self.submitter.clone(),
            task_id: self.task_id.clone(),
            task_name: self.task_name.clone(),
            title: self.title.clone(),
            message: message_text(ctx, self.message.as_ref(), self.message_file.as_deref())?,
            template,
            link: self.rich.link(),
            format: self.rich.format,
        };
        Ok(rules::content(store, view, fields))
    }
}

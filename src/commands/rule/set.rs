//! `notify rule set`

use std::path::PathBuf;

use anyhow::Result;

use super::view::RuleJson;
use crate::channels::Kind;
use crate::commands::args::read_template;
use crate::context::Context;
use crate::error::Error;
use crate::rules;
use crate::rules::edit::{self, Change};
use crate::store::OnMute;

/// Change who a rule reaches, through which channel kinds and with which message (only the parts given change)
///
/// --role replaces the optional roles (in addition to the event's default role): an event role
/// (submitter, approver, related, data-owner, instance-dba) or a store role such as dba, meaning every
/// user holding it. --recipient replaces the additional users; --channel narrows the channel kinds.
/// A role nobody holds, a user not in the store or a kind switched off in Notice Management is saved
/// with a warning.
///
/// --template stores a message template: MiniJinja (Jinja2) syntax whose output is the message in
/// Markdown. It is checked against a sample event when saved; a template that does not parse or render
/// is refused (exit 2, naming its line and column) and nothing changes. Without one, the message is the
/// event's description, the task and the submitter.
///   Variables (all always defined, empty when unknown; any other name is an error):
///     event category module state description task_id task_name submitter submitter_name
///     recipient recipient_name roles (a list) message link time (RFC 3339)
///     ack_link (under `notify serve`, when the rule escalates: the signed link that acknowledges)
///   Values are escaped so they show literally; {{ message|safe }} prints a value as Markdown.
///   Filters: MiniJinja's built-ins (upper, default, join, ...) and
///     date(FORMAT, OFFSET)  time|date gives 2026-03-01 09:30; FORMAT takes %Y %y %m %d %e %H %I %p
///                           %M %S %b %B %a %A %F %T %R %z %:z %%; OFFSET like "+08:00" converts
///     truncate(N)           at most N characters, the last one … when cut
///
/// Examples:
///   notify rule set ticket.data-change.pending-approval --role dba --channel dingtalk-bot --channel email
///   notify rule set task-flow.run.failed --recipient ops-lead
///   notify rule set ticket.data-change.pending-approval --all-channels --no-roles
///   notify rule set ticket.data-change.failed --template failed.md.j2
///   notify rule set task-flow.run.failed --template - < failed.md.j2
///   notify rule set ticket.data-change.pending-approval --mute night --on-mute defer
///   notify rule set ticket.data-change.pending-approval --escalate 30m:dba --escalate 2h:admin
///   notify rule set task-flow.run.failed --group-by task_id --group-wait 30s --repeat-interval 4h
///
/// --mute names mute windows (see `notify mute set`): a delivery planned inside one is held until the
/// window ends (--on-mute defer, the default: `emit` queues it for `notify serve`) or logged skipped
/// with the reason `muted (NAME)` (--on-mute drop).
///
/// --escalate (served by `notify serve`): each step is scheduled when the relay plans the event; when
/// its time comes and nobody acknowledged the event (`notify ack ID`, `POST /v1/ack/ID`, or the signed
/// `ack_link` in the message), the step's roles are notified too, through the rule's channels.
/// --group-by (served by `notify serve`): events of the rule with the same values of the fields that
/// arrive within --group-wait become one message per recipient (templates see `count` and `events`);
/// a group sent is not sent again within --repeat-interval (later events wait for it to pass).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The event id
    #[arg(value_name = "EVENT")]
    pub event: String,
    /// An optional role (repeatable; replaces the rule's roles)
    #[arg(long = "role", value_name = "ROLE", conflicts_with = "no_roles")]
    pub roles: Vec<String>,
    /// Remove every optional role (the default role stays)
    #[arg(long)]
    pub no_roles: bool,
    /// An additional user (repeatable; replaces the rule's users)
    #[arg(
        long = "recipient",
        value_name = "USER",
        conflicts_with = "no_recipients"
    )]
    pub recipients: Vec<String>,
    /// Remove every additional user
    #[arg(long)]
    pub no_recipients: bool,
    /// A channel kind the rule goes through (repeatable; replaces the rule's kinds)
    #[arg(long = "channel", value_name = "KIND", conflicts_with = "all_channels")]
    pub channels: Vec<Kind>,
    /// Go through every channel kind again
    #[arg(long)]
    pub all_channels: bool,
    /// Store the message template in FILE (- for stdin), checked before it is saved
    #[arg(long, value_name = "FILE", conflicts_with = "no_template")]
    pub template: Option<PathBuf>,
    /// Remove the rule's template: back to the built-in message
    #[arg(long)]
    pub no_template: bool,
    /// A mute window (`notify mute set`) the rule waits out (repeatable; replaces the rule's windows)
    #[arg(long = "mute", value_name = "NAME", conflicts_with = "no_mute")]
    pub mute: Vec<String>,
    /// What a delivery inside a mute window does: defer (held until the window ends) or drop (logged skipped)
    #[arg(long, value_name = "WHAT")]
    pub on_mute: Option<OnMute>,
    /// Remove the rule's mute windows
    #[arg(long)]
    pub no_mute: bool,
    #[command(flatten)]
    pub timing: super::timing::TimingArgs,
}

fn part<T: Clone>(given: &[T], clear: bool) -> Option<Vec<T>> {
    if clear {
        Some(Vec::new())
    } else if given.is_empty() {
        None
    } else {
        Some(given.to_vec())
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let mut change = Change {
        roles: part(&args.roles, args.no_roles),
        users: part(&args.recipients, args.no_recipients),
        channels: part(&args.channels, args.all_channels),
        template: match (&args.template, args.no_template) {
            (Some(path), _) => Some(Some(read_template(ctx, path)?)),
            (None, true) => Some(None),
            (None, false) => None,
        },
        mute: part(&args.mute, args.no_mute),
        on_mute: args.on_mute,
        ..Change::default()
    };
    args.timing.apply(&mut change)?;
    if change.is_empty() {
        return Err(Error::usage("nothing to change")
            .hint("give --role, --recipient, --channel, --template, --mute, --on-mute, --escalate or --group-by (or --no-roles, --no-recipients, --all-channels, --no-template, --no-mute, --no-escalate, --no-grouping)")
            .into());
    }
    let (before, view, problems) = ctx.store.update(|store| {
        let before = rules::find(store, &args.event)?.rule;
        let view = edit::set(store, &args.event, &change)?;
        let problems = edit::problems(store, &view);
        Ok((before, view, problems))
    })?;
    // What a replacement removes is a warning, so that a person notices a dropped recipient; what a
    // --no-X asked to remove is a note (it was meant).
    let dropped = |noun: &str, old: &[String], new: &[String]| -> Option<String> {
        let gone: Vec<String> = old
            .iter()
            .filter(|o| !new.contains(o))
            .map(|o| format!("`{o}`"))
            .collect();
        let plural = if gone.len() == 1 { "" } else { "s" };
        (!gone.is_empty()).then(|| {
            format!(
                "removed the {noun}{plural} {} from the rule of {}",
                gone.join(", "),
                view.event.id
            )
        })
    };
    let say = |text: &str, asked: bool| match asked {
        true => ctx.out.note(text),
        false => ctx.out.warn(text),
    };
    if let Some(text) = dropped("role", &before.roles, &view.rule.roles) {
        let default = view.event.default_role.as_str();
        let text = format!("{text}; its default role `{default}` still applies");
        say(&text, args.no_roles);
    }
    if let Some(text) = dropped("user", &before.users, &view.rule.users) {
        say(&text, args.no_recipients);
    }
    for p in &problems {
        ctx.out.warn(p);
    }
    if ctx.out.json {
        return ctx.out.json(&RuleJson::new(&view));
    }
    ctx.out
        .note(&format!("updated the rule of {}", view.event.id));
    Ok(())
}

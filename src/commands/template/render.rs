//! `notify template render`

use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

use crate::channels::Kind;
use crate::commands::args::EventArgs;
use crate::context::Context;
use crate::delivery::{self, template_preview as preview};
use crate::error::Error;
use crate::rules;

/// Show what each channel would get for an event, sending nothing
///
/// The message is made as `notify emit` makes it (--template, else the rule's template, else
/// --message, else the event's built-in text; without an EVENT, the template or the message alone)
/// and shaped by the same code as a send: one section per channel kind with its format and the body
/// it would carry (the HTTP request body; subject, text and HTML for email; the template parameters
/// or the body for SMS). Destinations are examples unless --to names a user with that channel.
/// --to fills recipient, recipient_name and roles (the roles the event's flags give that user).
///
/// Examples:
///   notify template render ticket.data-change.failed --template failed.md.j2 --task-id 42 \
///       --task-name "Add index" --submitter carol --link https://dms.example.com/ticket/42
///   notify template render --template failed.md.j2 --channel email --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The event id, e.g. ticket.data-change.failed
    #[arg(value_name = "EVENT")]
    pub event: Option<String>,
    /// Only these channel kinds (repeatable) [default: dingtalk-bot wecom-bot dingtalk feishu email
    /// sms webhook]
    #[arg(long = "channel", value_name = "KIND")]
    pub channels: Vec<Kind>,
    /// The stored user whose copy to show
    #[arg(long = "to", value_name = "USER")]
    pub to: Option<String>,
    #[command(flatten)]
    pub fields: EventArgs,
}

/// One channel's section of `template render --json`.
#[derive(Debug, Serialize)]
struct Section {
    channel: &'static str,
    format: Option<&'static str>,
    body: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn text_of(p: &preview::Preview) -> String {
    let field = |name: &str| p.body[name].as_str().unwrap_or_default().to_owned();
    match p.channel {
        Kind::Email => {
            let mut out = format!("Subject: {}\n\n{}\n", field("subject"), field("text"));
            if let Some(html) = p.body["html"].as_str() {
                out.push_str(&format!("\n--- text/html ---\n{html}"));
            }
            out
        }
        _ => serde_json::to_string_pretty(&p.body).unwrap_or_default() + "\n",
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let view = args
        .event
        .as_deref()
        .map(|e| rules::find(&store, e))
        .transpose()?;
    if let Some(name) = args.to.as_deref().filter(|n| !store.users.contains_key(*n)) {
        return Err(Error::usage(format!("no user named {name}"))
            .hint("`notify user list` shows the users")
            .into());
    }
    let content = args.fields.content(ctx, &store, view.as_ref())?;
    let mut msg = delivery::message(&store, &content, &ctx.clock)?;
    if let Some(view) = &view {
        msg.roles = rules::resolve(&store, view, &args.fields.roles())
            .into_iter()
            .map(|r| (r.name, r.roles))
            .collect();
    }
    let kinds = if args.channels.is_empty() {
        preview::DEFAULT_KINDS.to_vec()
    } else {
        args.channels.clone()
    };
    let said = view
        .as_ref()
        .map(|v| super::time_says::lines(ctx, &store, v, args.to.as_deref(), &kinds))
        .transpose()?
        .unwrap_or_default();
    let mut sections = Vec::new();
    let mut text = String::new();
    let mut failed = Vec::new();
    for kind in kinds {
        match preview::preview(&store, &msg, kind, args.to.as_deref(), ctx.clock.now_ms()) {
            Ok(p) => {
                let cut = p
                    .cut
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "== {kind} · {}{cut} ==\n{}\n",
                    p.format,
                    text_of(&p)
                ));
                sections.push(Section {
                    channel: kind.as_str(),
                    format: Some(p.format),
                    body: p.body,
                    reason: p.cut,
                    error: None,
                });
            }
            Err(e) => {
                text.push_str(&format!("== {kind} · failed ==\n{e}\n\n"));
                failed.push(kind.as_str());
                sections.push(Section {
                    channel: kind.as_str(),
                    format: None,
                    body: Value::Null,
                    reason: None,
                    error: Some(e),
                });
            }
        }
    }
    for line in said {
        ctx.out.note(&line);
    }
    if ctx.out.json {
        ctx.out.json(&sections)?;
    } else {
        ctx.out.print(text.trim_end_matches('\n'))?;
        ctx.out.print("\n")?;
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::failure(format!(
            "the message cannot be made for {}",
            failed.join(", ")
        ))
        .hint("fix the template; the section of each channel says why")
        .into())
    }
}

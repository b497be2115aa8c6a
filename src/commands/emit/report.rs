//! What an emit prints: the delivery report with the roles that reached each row, or the dry run, in
//! the `emit --json` shape of CLI.md.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;

use crate::channels::message::Message;
use crate::commands::rule::RuleJson;
use crate::context::Context;
use crate::delivery::{self, Delivery, Outcome, Plan};

/// The emitted event as `emit --json` names it.
#[derive(Debug, Serialize)]
pub struct EventJson<'a> {
    pub event: &'a str,
    pub category: &'a str,
    pub module: &'a str,
    pub task_id: Option<&'a str>,
    pub task_name: Option<&'a str>,
    pub submitter: Option<&'a str>,
}

/// What every `emit --json` document starts with.
#[derive(Debug, Serialize)]
pub struct Head<'a> {
    pub event: EventJson<'a>,
    pub rule: RuleJson<'a>,
}

#[derive(Serialize)]
struct Report<'a, R: Serialize> {
    #[serde(flatten)]
    head: &'a Head<'a>,
    deliveries: Vec<R>,
}

/// One delivery row of `send --json`, plus the roles that reached its recipients.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    delivery: &'a Delivery,
    roles: &'a [String],
}

#[derive(Serialize)]
struct DryRun<'a> {
    #[serde(flatten)]
    head: &'a Head<'a>,
    dry_run: bool,
    destinations: Vec<DryRow<'a>>,
}

#[derive(Serialize)]
struct DryRow<'a> {
    recipient: String,
    roles: &'a [String],
    channel: &'static str,
    destination: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    requests: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Delivered => "delivered",
        Outcome::Failed => "failed",
        Outcome::Skipped => "skipped",
    }
}

/// `{"event", "rule", "deliveries": []}` for an emit that sent nothing.
pub fn nothing(ctx: &Context, head: &Head) -> Result<()> {
    ctx.out.json(&Report::<Row> {
        head,
        deliveries: Vec::new(),
    })
}

pub fn report(
    ctx: &Context,
    head: &Head,
    rows: &[Delivery],
    roles: &HashMap<String, Vec<String>>,
) -> Result<()> {
    let roles_of = |r: &str| roles.get(r).map_or(&[][..], Vec::as_slice);
    if ctx.out.json {
        let deliveries = rows
            .iter()
            .map(|d| Row {
                delivery: d,
                roles: roles_of(&d.recipient),
            })
            .collect();
        return ctx.out.json(&Report { head, deliveries });
    }
    let table = rows
        .iter()
        .map(|r| {
            let error = match (&r.error_code, &r.reason) {
                (Some(code), Some(reason)) => format!("{code}: {reason}"),
                (_, reason) => reason.clone().unwrap_or_default(),
            };
            vec![
                r.recipient.clone(),
                roles_of(&r.recipient).join(", "),
                r.channel.clone(),
                r.destination.clone(),
                outcome_word(r.outcome).to_owned(),
                r.attempts.to_string(),
                format!("{} ms", r.elapsed_ms),
                error,
            ]
        })
        .collect();
    let header = [
        "recipient",
        "roles",
        "channel",
        "destination",
        "outcome",
        "attempts",
        "time",
        "error",
    ];
    ctx.out.table(&header, table)
}

pub fn dry_run(
    ctx: &Context,
    head: &Head,
    plan: &Plan,
    msg: &Message,
    roles: &HashMap<String, Vec<String>>,
) -> Result<()> {
    let mut text = String::new();
    let mut destinations = Vec::new();
    for dest in &plan.destinations {
        let recipient = dest.recipients.join(", ");
        let roles = roles.get(&recipient).map_or(&[][..], Vec::as_slice);
        let channel = dest.channel();
        let mut row = DryRow {
            recipient,
            roles,
            channel,
            destination: &dest.shown,
            requests: None,
            outcome: None,
            reason: None,
        };
        let who = format!("{} ({})", row.recipient, roles.join(", "));
        match delivery::dry_run(dest, msg, &plan.audience) {
            Ok(requests) => {
                text.push_str(&format!("# {who} · {channel} · {}\n", dest.shown));
                for r in &requests {
                    text.push_str(&format!("{r}\n"));
                }
                row.requests = Some(requests);
            }
            Err(reason) => {
                let outcome = match &dest.target {
                    Err((Outcome::Skipped, _)) => "skipped",
                    _ => "failed",
                };
                text.push_str(&format!("# {who} · {channel} · {outcome}: {reason}\n\n"));
                row.outcome = Some(outcome);
                row.reason = Some(reason);
            }
        }
        destinations.push(row);
    }
    if ctx.out.json {
        return ctx.out.json(&DryRun {
            head,
            dry_run: true,
            destinations,
        });
    }
    ctx.out.print(&text)?;
    ctx.out.note("dry run: nothing was sent");
    Ok(())
}

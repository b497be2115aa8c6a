//! What an emit prints: the delivery report with the roles that reached each row, or the dry run.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;
use serde_json::json;

use crate::channels::message::Message;
use crate::context::Context;
use crate::delivery::{self, Delivery, Outcome, Plan};

pub fn with(head: &serde_json::Value, key: &str, value: serde_json::Value) -> serde_json::Value {
    let mut out = head.clone();
    out[key] = value;
    out
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    delivery: &'a Delivery,
    roles: &'a [String],
}

pub fn report(
    ctx: &Context,
    head: &serde_json::Value,
    rows: &[Delivery],
    roles: &HashMap<String, Vec<String>>,
) -> Result<()> {
    let roles_of = |r: &str| roles.get(r).map_or(&[][..], Vec::as_slice);
    if ctx.out.json {
        let rows: Vec<Row> = rows
            .iter()
            .map(|d| Row {
                delivery: d,
                roles: roles_of(&d.recipient),
            })
            .collect();
        return ctx
            .out
            .json(&with(head, "deliveries", serde_json::to_value(rows)?));
    }
    let table = rows
        .iter()
        .map(|r| {
            let outcome = serde_json::to_value(r.outcome)?
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let error = match (&r.error_code, &r.reason) {
                (Some(code), Some(reason)) => format!("{code}: {reason}"),
                (_, reason) => reason.clone().unwrap_or_default(),
            };
            Ok(vec![
                r.recipient.clone(),
                roles_of(&r.recipient).join(", "),
                r.channel.clone(),
                r.destination.clone(),
                outcome,
                r.attempts.to_string(),
                format!("{} ms", r.elapsed_ms),
                error,
            ])
        })
        .collect::<Result<Vec<_>>>()?;
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
    head: &serde_json::Value,
    plan: &Plan,
    msg: &Message,
    roles: &HashMap<String, Vec<String>>,
) -> Result<()> {
    let mut text = String::new();
    let mut rows = Vec::new();
    for dest in &plan.destinations {
        let who = dest.recipients.join(", ");
        let role = roles.get(&who).cloned().unwrap_or_default();
        let (channel, shown) = (dest.channel(), &dest.shown);
        match delivery::dry_run(dest, msg, &plan.audience) {
            Ok(requests) => {
                text.push_str(&format!(
                    "# {who} ({}) · {channel} · {shown}\n",
                    role.join(", ")
                ));
                for r in &requests {
                    text.push_str(&format!("{r}\n"));
                }
                rows.push(json!({"recipient": who, "roles": role, "channel": channel, "destination": shown, "requests": requests}));
            }
            Err(reason) => {
                let outcome = match &dest.target {
                    Err((Outcome::Skipped, _)) => "skipped",
                    _ => "failed",
                };
                text.push_str(&format!(
                    "# {who} ({}) · {channel} · {outcome}: {reason}\n\n",
                    role.join(", ")
                ));
                rows.push(json!({"recipient": who, "roles": role, "channel": channel, "destination": shown, "outcome": outcome, "reason": reason}));
            }
        }
    }
    if ctx.out.json {
        let out = with(
            &with(head, "dry_run", json!(true)),
            "destinations",
            json!(rows),
        );
        return ctx.out.json(&out);
    }
    ctx.out.print(&text)?;
    ctx.out.note("dry run: nothing was sent");
    Ok(())
}

//! The delivery report and the dry run, as `send`, `emit` and `channel test` print them: a table (or the
//! requests) on stdout, or one JSON document that starts with the command's own head fields.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::delivery::{Delivery, Outcome};
use crate::error::{Error, Exit};

mod dry;

pub use dry::dry_run;

/// The roles that reached each row's recipients, keyed by the row's `recipient` text (`emit` only).
pub type Roles = HashMap<String, Vec<String>>;

/// A head with no fields, for commands whose JSON is only the rows.
#[derive(Debug, Serialize)]
pub struct NoHead {}

#[derive(Serialize)]
struct Report<'a, H: Serialize> {
    #[serde(flatten)]
    head: &'a H,
    deliveries: Vec<Row<'a>>,
}

/// One row of `send --json`, plus (for `emit`) the roles that reached its recipients.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    delivery: &'a Delivery,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<&'a [String]>,
}

/// The roles that reached `recipient`, when the command reports roles at all.
fn roles_of<'a>(roles: Option<&'a Roles>, recipient: &str) -> Option<&'a [String]> {
    roles.map(|r| r.get(recipient).map_or(&[][..], Vec::as_slice))
}

/// `{head..., "deliveries": []}` for a run that sent nothing.
pub fn nothing<H: Serialize>(ctx: &Context, head: &H) -> Result<()> {
    ctx.out.json(&Report {
        head,
        deliveries: Vec::new(),
    })
}

/// Prints the report (a table, or `{head..., "deliveries": [...]}` with --json); exit 3 when any row
/// failed.
pub fn deliveries<H: Serialize>(
    ctx: &Context,
    head: &H,
    rows: &[Delivery],
    roles: Option<&Roles>,
) -> Result<()> {
    if ctx.out.json {
        let deliveries = rows
            .iter()
            .map(|d| Row {
                delivery: d,
                roles: roles_of(roles, &d.recipient),
            })
            .collect();
        ctx.out.json(&Report { head, deliveries })?;
    } else {
        table(ctx, rows, roles)?;
    }
    let failed = rows.iter().filter(|r| r.outcome == Outcome::Failed).count();
    if failed > 0 {
        let total = rows.len();
        let message = format!("{failed} of {total} deliveries failed");
        return Err(Error::new(Exit::Delivery, message).into());
    }
    Ok(())
}

fn table(ctx: &Context, rows: &[Delivery], roles: Option<&Roles>) -> Result<()> {
    let table = rows
        .iter()
        .map(|r| {
            let error = match (&r.error_code, &r.reason) {
                (Some(code), Some(reason)) => format!("{code}: {reason}"),
                (_, reason) => reason.clone().unwrap_or_default(),
            };
            let mut cells = vec![r.recipient.clone()];
            if let Some(reached) = roles_of(roles, &r.recipient) {
                cells.push(reached.join(", "));
            }
            cells.extend([
                r.channel.clone(),
                r.destination.clone(),
                r.outcome.as_str().to_owned(),
                r.attempts.to_string(),
                format!("{} ms", r.elapsed_ms),
                error,
            ]);
            cells
        })
        .collect();
    let mut header = vec!["recipient"];
    if roles.is_some() {
        header.push("roles");
    }
    header.extend([
        "channel",
        "destination",
        "outcome",
        "attempts",
        "time",
        "error",
    ]);
    ctx.out.table(&header, table)
}

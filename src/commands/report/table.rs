//! The delivery report as a table: one row per delivery (its event id for `retry`, the roles for
//! `emit`), then the rows that wait in the queue.

use anyhow::Result;

use super::{Roles, SCREENFUL, Waiting, roles_of};
use crate::context::Context;
use crate::delivery::{Delivery, Outcome};

/// The report as a table; a large one shows its failed rows first (each part in plan order).
pub(super) fn show(
    ctx: &Context,
    rows: &[(Option<&str>, &Delivery)],
    roles: Option<&Roles>,
    waiting: &[Waiting],
) -> Result<()> {
    let with_ids = rows.iter().any(|(id, _)| id.is_some());
    let failed = |r: &&(Option<&str>, &Delivery)| r.1.outcome == Outcome::Failed;
    let ordered: Vec<&(Option<&str>, &Delivery)> = if rows.len() > SCREENFUL {
        let (first, rest): (Vec<_>, Vec<_>) = rows.iter().partition(failed);
        first.into_iter().chain(rest).collect()
    } else {
        rows.iter().collect()
    };
    let mut table: Vec<Vec<String>> = ordered
        .into_iter()
        .map(|&(id, r)| {
            let error = match (&r.error_code, &r.reason) {
                // A reason that already starts with its code (`interrupted: not sent`) says it once.
                (Some(code), Some(reason)) if reason.starts_with(&format!("{code}:")) => {
                    reason.clone()
                }
                (Some(code), Some(reason)) => format!("{code}: {reason}"),
                (_, reason) => reason.clone().unwrap_or_default(),
            };
            let mut cells = Vec::new();
            if with_ids {
                cells.push(id.unwrap_or_default().to_owned());
            }
            cells.push(r.recipient.clone());
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
    table.extend(
        waiting
            .iter()
            .map(|w| w.cells(with_ids, roles_of(roles, &w.recipient))),
    );
    let mut header = Vec::new();
    if with_ids {
        header.push("id");
    }
    header.push("recipient");
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

//! The delivery report and the dry run, as `send`, `emit` and `channel test` print them: a table (or the
//! requests) on stdout, or one JSON document that starts with the command's own head fields.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;
use indicatif::ProgressBar;
use serde::Serialize;

use crate::context::Context;
use crate::delivery::{Delivery, Options, Outcome, Progress};
use crate::error::{Error, Exit};

mod dry;

pub use dry::dry_run;

/// The roles that reached each row's recipients, keyed by the row's `recipient` text (`emit` only).
pub type Roles = HashMap<String, Vec<String>>;

/// More rows than this are a large send: a progress bar while it runs (on a terminal), then a summary
/// line and the failures first.
pub const SCREENFUL: usize = 40;

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

/// A live send being reported: a progress bar while it runs, where one is wanted (see
/// [`crate::output::Output::progress_bar`]) and the send is large; the time it took for the summary.
pub struct Live {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Live {
    /// Starts the clock and, for a large send, points `opts.progress` at a progress bar.
    pub fn start(ctx: &Context, destinations: usize, opts: &mut Options) -> Live {
        let bar = match destinations > SCREENFUL {
            true => ctx.out.progress_bar(destinations as u64),
            false => None,
        };
        if let Some(bar) = &bar {
            let bar = bar.clone();
            let failed = AtomicUsize::new(0);
            opts.progress = Some(Progress::new(move |row: &Delivery| {
                if row.outcome == Outcome::Failed {
                    let failed = failed.fetch_add(1, Ordering::Relaxed) + 1;
                    bar.set_message(format!("{failed} failed"));
                }
                bar.inc(1);
            }));
        }
        Live {
            bar,
            started: Instant::now(),
        }
    }

    /// Clears the bar, leads a large report with its summary line (not with --json), then prints it
    /// as [`deliveries`] does.
    pub fn deliveries<H: Serialize>(
        self,
        ctx: &Context,
        head: &H,
        rows: &[Delivery],
        roles: Option<&Roles>,
    ) -> Result<()> {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
        if rows.len() > SCREENFUL && !ctx.out.json {
            ctx.out.note(&summary(rows, self.started.elapsed()));
        }
        deliveries(ctx, head, rows, roles)
    }
}

/// `N destinations: D delivered, F failed, S skipped in 1.2 s`.
fn summary(rows: &[Delivery], took: Duration) -> String {
    let count = |o: Outcome| rows.iter().filter(|r| r.outcome == o).count();
    format!(
        "{} destinations: {} delivered, {} failed, {} skipped in {:.1} s",
        rows.len(),
        count(Outcome::Delivered),
        count(Outcome::Failed),
        count(Outcome::Skipped),
        took.as_secs_f64()
    )
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

/// The report as a table; a large one shows its failed rows first (each part in plan order).
fn table(ctx: &Context, rows: &[Delivery], roles: Option<&Roles>) -> Result<()> {
    let failed = |r: &&Delivery| r.outcome == Outcome::Failed;
    let ordered: Vec<&Delivery> = if rows.len() > SCREENFUL {
        let (first, rest): (Vec<_>, Vec<_>) = rows.iter().partition(failed);
        first.into_iter().chain(rest).collect()
    } else {
        rows.iter().collect()
    };
    let table = ordered
        .into_iter()
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

//! A live send being reported: a progress bar while a large send runs, then its summary line.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;
use indicatif::ProgressBar;
use serde::Serialize;

use super::{Emitted, SCREENFUL, deliveries};
use crate::context::Context;
use crate::delivery::{Delivery, Options, Outcome, Progress};

/// A live send being reported: a progress bar while it runs, where one is wanted (see
/// [`crate::output::Output::progress_bar`]) and the send is large; the time it took for the summary.
pub struct Live {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Live {
    /// Starts the clock, points `opts.progress` at a progress bar for a large send, and has what the
    /// send waits for (a robot's pacing, a stop) said on stderr and in the bar.
    pub fn start(ctx: &Context, destinations: usize, opts: &mut Options) -> Live {
        let bar = match destinations > SCREENFUL {
            true => ctx.out.progress_bar(destinations as u64),
            false => None,
        };
        let counted = bar.clone();
        let failed = AtomicUsize::new(0);
        let progress = Progress::new(move |row: &Delivery| {
            let Some(bar) = &counted else { return };
            if row.outcome == Outcome::Failed {
                let failed = failed.fetch_add(1, Ordering::Relaxed) + 1;
                bar.set_message(format!("{failed} failed"));
            }
            bar.inc(1);
        });
        let (out, shown) = (ctx.out.clone(), bar.clone());
        opts.progress = Some(progress.with_notes(move |text: &str| match &shown {
            Some(bar) => {
                bar.suspend(|| out.note(text));
                bar.set_message(text.to_owned());
            }
            None => out.note(text),
        }));
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
        emitted: Option<&Emitted>,
    ) -> Result<()> {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
        if rows.len() > SCREENFUL && !ctx.out.json {
            ctx.out.note(&summary(rows, self.started.elapsed()));
        }
        deliveries(ctx, head, rows, emitted)
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

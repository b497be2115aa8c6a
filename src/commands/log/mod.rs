//! `notify log` and `notify log prune`: reading and trimming the delivery log.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod entry;
mod prune;
mod show;

/// Show the delivery log: each destination's outcome of every send, newest first
///
/// Every send, emit and channel test that is not a dry run records one entry per
/// destination: event id and name, time, recipient, channel, masked destination, outcome,
/// attempts, error and idempotency key. The listing shows each destination once, in its
/// latest state (--all-attempts: every recorded attempt). A `notify serve` on the log adds
/// its queue: `queued` with the next attempt (an event not planned yet is one row, due
/// when it is) and `dead` with the last error. The log is a SQLite file, by default
/// <user data dir>/notify/deliveries.db (--log or NOTIFY_LOG move it).
///
/// Examples:
///   notify log --id ticket-42:approval --all-attempts
///   notify log --outcome dead --since 1d
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, verbatim_doc_comment)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<LogCommand>,
    #[command(flatten)]
    pub show: show::Filters,
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    Prune(prune::Args),
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    match &args.command {
        Some(LogCommand::Prune(prune)) => prune::run(ctx, prune),
        None => show::run(ctx, &args.show),
    }
}

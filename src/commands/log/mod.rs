//! `notify log` and `notify log prune`: reading and trimming the delivery log.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod entry;
mod prune;
mod show;

/// Show the delivery log: each destination's outcome of every send, newest first
///
/// Every send, emit and channel test that is not a dry run records one entry per destination: event id and
/// name, time, recipient, channel, masked destination, outcome, attempts, error and idempotency key. The
/// log is a SQLite file, by default <user data dir>/notify/deliveries.db (--log or NOTIFY_LOG move it).
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
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

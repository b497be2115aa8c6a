//! `notify secret ...`: secrets kept outside the store.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod migrate;

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    Migrate(migrate::Args),
}

pub fn run(ctx: &Context, cmd: &SecretCommand) -> Result<()> {
    match cmd {
        SecretCommand::Migrate(args) => migrate::run(ctx, args),
    }
}

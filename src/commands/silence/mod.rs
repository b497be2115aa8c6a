//! `notify silence ...`: hush matching deliveries for a while, kept in the delivery log's database.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod add;
mod expire;
mod list;

#[derive(Debug, Subcommand)]
pub enum SilenceCommand {
    Add(add::Args),
    List(list::Args),
    Expire(expire::Args),
}

pub fn run(ctx: &Context, cmd: &SilenceCommand) -> Result<()> {
    match cmd {
        SilenceCommand::Add(args) => add::run(ctx, args),
        SilenceCommand::List(args) => list::run(ctx, args),
        SilenceCommand::Expire(args) => expire::run(ctx, args),
    }
}

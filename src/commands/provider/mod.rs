//! `notify provider ...`: credentials for the apps and servers that deliver.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod list;
mod set;
mod set_help;
mod show;

#[derive(Debug, Subcommand)]
pub enum ProviderCommand {
    List(list::Args),
    Show(show::Args),
    Set(set::Args),
}

pub fn run(ctx: &Context, cmd: &ProviderCommand) -> Result<()> {
    match cmd {
        ProviderCommand::List(args) => list::run(ctx, args),
        ProviderCommand::Show(args) => show::run(ctx, args),
        ProviderCommand::Set(args) => set::run(ctx, args),
    }
}

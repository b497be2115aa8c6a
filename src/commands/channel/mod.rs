//! `notify channel ...`: a user's own channels.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod disable;
mod enable;
mod list;
mod remove;
mod set;
mod show;
mod test;
pub mod verify;

#[derive(Debug, Subcommand)]
pub enum ChannelCommand {
    List(list::Args),
    Show(show::Args),
    Set(set::Args),
    Remove(remove::Args),
    Enable(enable::Args),
    Disable(disable::Args),
    Verify(verify::Args),
    Test(test::Args),
}

pub fn run(ctx: &Context, cmd: &ChannelCommand) -> Result<()> {
    match cmd {
        ChannelCommand::List(args) => list::run(ctx, args),
        ChannelCommand::Show(args) => show::run(ctx, args),
        ChannelCommand::Set(args) => set::run(ctx, args),
        ChannelCommand::Remove(args) => remove::run(ctx, args),
        ChannelCommand::Enable(args) => enable::run(ctx, args),
        ChannelCommand::Disable(args) => disable::run(ctx, args),
        ChannelCommand::Verify(args) => verify::run(ctx, args),
        ChannelCommand::Test(args) => test::run(ctx, args),
    }
}

//! `notify mute ...`: named mute windows that rules (`--mute`) and users' quiet hours refer to.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod list;
mod remove;
mod set;

#[derive(Debug, Subcommand)]
pub enum MuteCommand {
    Set(set::Args),
    List(list::Args),
    Remove(remove::Args),
}

pub fn run(ctx: &Context, cmd: &MuteCommand) -> Result<()> {
    match cmd {
        MuteCommand::Set(args) => set::run(ctx, args),
        MuteCommand::List(args) => list::run(ctx, args),
        MuteCommand::Remove(args) => remove::run(ctx, args),
    }
}

//! `notify user ...`: administrators managing other users' profiles.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod add;
mod import;
mod list;
mod modify;
mod remove;
mod show;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    List(list::Args),
    Show(show::Args),
    Add(add::Args),
    Modify(modify::Args),
    Remove(remove::Args),
    Import(import::Args),
}

pub fn run(ctx: &Context, cmd: &UserCommand) -> Result<()> {
    match cmd {
        UserCommand::List(args) => list::run(ctx, args),
        UserCommand::Show(args) => show::run(ctx, args),
        UserCommand::Add(args) => add::run(ctx, args),
        UserCommand::Modify(args) => modify::run(ctx, args),
        UserCommand::Remove(args) => remove::run(ctx, args),
        UserCommand::Import(args) => import::run(ctx, args),
    }
}

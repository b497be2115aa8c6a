//! `notify rule ...`: which events notify whom, through which channel kinds.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod add;
mod disable;
mod enable;
mod list;
mod matrix;
mod remove;
mod reset;
mod set;
mod show;
mod timing;
mod view;

pub use view::RuleJson;

#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    List(list::Args),
    Show(show::Args),
    Enable(enable::Args),
    Disable(disable::Args),
    Set(set::Args),
    Reset(reset::Args),
    Add(add::Args),
    Remove(remove::Args),
}

pub fn run(ctx: &Context, cmd: &RuleCommand) -> Result<()> {
    match cmd {
        RuleCommand::List(args) => list::run(ctx, args),
        RuleCommand::Show(args) => show::run(ctx, args),
        RuleCommand::Enable(args) => enable::run(ctx, args),
        RuleCommand::Disable(args) => disable::run(ctx, args),
        RuleCommand::Set(args) => set::run(ctx, args),
        RuleCommand::Reset(args) => reset::run(ctx, args),
        RuleCommand::Add(args) => add::run(ctx, args),
        RuleCommand::Remove(args) => remove::run(ctx, args),
    }
}

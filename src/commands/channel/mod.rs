//! `notify channel ...`: a user's own channels.

use anyhow::Result;
use clap::Subcommand;

use crate::channels::Kind;
use crate::context::Context;
use crate::profiles;

mod disable;
mod enable;
mod list;
mod remove;
mod set;
mod show;
mod test;
mod verification;
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

/// Enables or disables the user's channels (shared by `enable` and `disable`).
fn switch(ctx: &Context, kinds: &[Kind], on: bool) -> Result<()> {
    let name = ctx.store.update(|store| {
        let name = ctx.user_name(store)?;
        profiles::channel::set_enabled(store, &name, kinds, on)?;
        Ok(name)
    })?;
    let kinds: Vec<_> = kinds.iter().map(|k| k.as_str()).collect();
    let verb = if on { "enabled" } else { "disabled" };
    ctx.out
        .note(&format!("{verb} {} for {name}", kinds.join(", ")));
    Ok(())
}

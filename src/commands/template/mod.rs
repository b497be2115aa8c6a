//! `notify template ...`: see what a message template makes on each channel.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

mod render;
mod time_says;

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    Render(render::Args),
}

pub fn run(ctx: &Context, cmd: &TemplateCommand) -> Result<()> {
    match cmd {
        TemplateCommand::Render(args) => render::run(ctx, args),
    }
}

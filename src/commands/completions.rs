//! `notify completions`

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;
use crate::context::Context;

/// Print a completion script for a shell
///
/// bash:  mkdir -p ~/.local/share/bash-completion/completions
///        notify completions bash > ~/.local/share/bash-completion/completions/notify
/// zsh:   mkdir -p ~/.zfunc && notify completions zsh > ~/.zfunc/_notify
///        (with `fpath=(~/.zfunc $fpath)` before `compinit` in ~/.zshrc)
/// fish:  mkdir -p ~/.config/fish/completions
///        notify completions fish > ~/.config/fish/completions/notify.fish
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell
    pub shell: Shell,
}

/// The completion script for a shell, as committed under `completions/`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "notify", &mut out);
    out
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    ctx.out.print(&String::from_utf8_lossy(&script(args.shell)))
}

//! `notify` administers DMS-style notification channels.
//!
//! A run flows one way: `cli` parses, `context` gathers the store path, user and output mode once, a
//! command in `commands/` reads or updates the `store` (one TOML file, written under a lock and replaced
//! atomically), and `output` is the only code that prints. Channel kinds and provider credentials are
//! described by field tables (`channels`, `providers`, `values`) that drive validation everywhere.
//! `listen` is the custom-webhook receiver (HTTP framing and the §8 checks, sharing the contract's names
//! with `channels::webhook`); it reports to its caller and never prints. `templates` renders messages
//! (MiniJinja over the event's variables, Markdown to text and HTML, cutting to a channel's limit).

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod channels;
pub mod cli;
pub mod commands;
pub mod context;
pub mod delivery;
pub mod error;
pub mod listen;
pub mod output;
pub mod profiles;
pub mod prompt;
pub mod providers;
pub mod rules;
pub mod signing;
pub mod store;
pub mod templates;
pub mod transport;
pub mod values;
pub mod verify;

use anyhow::Result;

pub use cli::Cli;
use cli::Command;
use context::Context;

/// Runs a parsed command line.
pub fn run(cli: &Cli, ctx: &Context) -> Result<()> {
    ctx.out
        .detail(&format!("store: {}", ctx.store.path().display()));
    match &cli.command {
        Command::Channel(cmd) => commands::channel::run(ctx, cmd),
        Command::User(cmd) => commands::user::run(ctx, cmd),
        Command::Notice(cmd) => commands::notice::run(ctx, cmd),
        Command::Provider(cmd) => commands::provider::run(ctx, cmd),
        Command::Rule(cmd) => commands::rule::run(ctx, cmd),
        Command::Send(args) => commands::send::run(ctx, args),
        Command::Emit(args) => commands::emit::run(ctx, args),
        Command::Listen(args) => commands::listen::run(ctx, args),
        Command::Completions(args) => commands::completions::run(ctx, args),
    }
}

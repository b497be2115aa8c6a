//! `notify` administers DMS-style notification channels.
//!
//! A run flows one way. `cli` holds the root parser and the global options (generic over its command
//! tree, so it depends on nothing); `context` is built once from the global options (store path, user,
//! output mode, prompting, clock); `commands` holds the command tree and its dispatch, one file per verb
//! that parses its flags, calls the library and renders (`commands::args`: shared flag groups,
//! `commands::render`: the JSON shapes). Below the commands: `profiles` (changes to users and channels,
//! `user import` parsing), `verify` and `delivery`; below them the `store` (one TOML file, written under
//! a lock and replaced atomically), `transport` and `channels`; at the bottom `values` and `signing`.
//! Channel kinds and providers are tables of typed fields (`channels`, `providers`, `values`) that drive
//! validation everywhere. `output` is the only code that prints. `rules` holds the event catalogue, the
//! rules and recipient resolution for `notify emit`. `listen` is the custom-webhook receiver (signature,
//! freshness and de-duplication checks, sharing the contract's names with `channels::webhook`); it reports to its caller and never
//! prints. `server` is the hyper HTTP server it runs on (limits, timeouts, graceful stop), generic over a
//! request handler so that the relay can share it. `log` is the SQLite delivery log (each destination's outcome per run, for audit,
//! repeated `--id` sends and retries; never a secret) and, beside it in the same database, the relay's
//! queue (`log::queue`, one `Queue` contract for every backend). `relay` is `notify serve`: intake on
//! `server`, workers that plan due events through `rules` and send them through `delivery::Run`. `templates` renders messages (MiniJinja over the
//! event's variables, Markdown to text and HTML, cutting to a channel's limit); `delivery` renders each
//! destination's copy with it and `channels` shape the copy into each vendor's rich format.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod channels;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod context;
pub mod delivery;
pub mod doctor;
pub mod error;
pub mod listen;
pub mod log;
pub mod output;
pub mod profiles;
pub mod prompt;
pub mod providers;
pub mod relay;
pub mod rules;
pub mod server;
pub mod signing;
pub mod store;
pub mod templates;
pub mod time;
pub mod transport;
pub mod values;
pub mod verify;

use anyhow::Result;

pub use commands::Cli;
use context::Context;

/// Runs a parsed command line.
pub fn run(cli: &Cli, ctx: &Context) -> Result<()> {
    ctx.out
        .detail(&format!("store: {}", ctx.store.path().display()));
    commands::run(ctx, &cli.command)
}

//! The command tree and its dispatch. One folder per noun, one file per verb: each file holds its clap
//! arguments (the doc comments are the help text) and a `run` that turns them into a call on the library
//! (profiles, store, delivery, verify, listen) and renders the outcome. A command never calls another.

use anyhow::Result;
use clap::Subcommand;

use crate::context::Context;

pub mod ack;
pub mod args;
pub mod cancel;
pub mod channel;
pub mod completions;
pub mod doctor;
pub mod emit;
pub mod listen;
pub mod log;
pub mod mute;
pub mod notice;
pub mod provider;
pub mod queue;
pub mod render;
pub mod report;
pub mod retry;
pub mod rule;
pub mod secret;
pub mod send;
pub mod serve;
pub mod silence;
pub mod template;
pub mod user;

/// The root parser with this command tree.
pub type Cli = crate::cli::Cli<Command>;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Configure, verify, enable and test your own channels
    #[command(subcommand)]
    Channel(channel::ChannelCommand),
    /// Manage users and their channels as an administrator
    #[command(subcommand)]
    User(user::UserCommand),
    /// Notice Management: which channel kinds users may use at all
    #[command(subcommand)]
    Notice(notice::NoticeCommand),
    /// Credentials of the apps and servers that deliver messages
    #[command(subcommand)]
    Provider(provider::ProviderCommand),
    /// Notification rules: which events notify whom, through which channel kinds
    #[command(subcommand)]
    Rule(rule::RuleCommand),
    Send(send::Args),
    Emit(emit::Args),
    /// Message templates: see what each channel would get
    #[command(subcommand)]
    Template(template::TemplateCommand),
    Listen(listen::Args),
    Serve(serve::Args),
    Queue(queue::Args),
    Cancel(cancel::Args),
    Ack(ack::Args),
    /// Mute windows: times of day when rules and users' quiet hours hold deliveries
    #[command(subcommand)]
    Mute(mute::MuteCommand),
    /// Silences: hush matching deliveries for a while
    #[command(subcommand)]
    Silence(silence::SilenceCommand),
    Log(log::Args),
    Retry(retry::Args),
    /// Secrets kept outside the store: move them to the OS keyring or to files
    #[command(subcommand)]
    Secret(secret::SecretCommand),
    Completions(completions::Args),
    Doctor(doctor::Args),
}

/// Runs one command.
pub fn run(ctx: &Context, command: &Command) -> Result<()> {
    match command {
        Command::Channel(cmd) => channel::run(ctx, cmd),
        Command::User(cmd) => user::run(ctx, cmd),
        Command::Notice(cmd) => notice::run(ctx, cmd),
        Command::Provider(cmd) => provider::run(ctx, cmd),
        Command::Rule(cmd) => rule::run(ctx, cmd),
        Command::Send(args) => send::run(ctx, args),
        Command::Emit(args) => emit::run(ctx, args),
        Command::Template(cmd) => template::run(ctx, cmd),
        Command::Listen(args) => listen::run(ctx, args),
        Command::Serve(args) => serve::run(ctx, args),
        Command::Queue(args) => queue::run(ctx, args),
        Command::Cancel(args) => cancel::run(ctx, args),
        Command::Ack(args) => ack::run(ctx, args),
        Command::Mute(cmd) => mute::run(ctx, cmd),
        Command::Silence(cmd) => silence::run(ctx, cmd),
        Command::Log(args) => log::run(ctx, args),
        Command::Retry(args) => retry::run(ctx, args),
        Command::Secret(cmd) => secret::run(ctx, cmd),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
    }
}

//! The root parser and the global options. It is generic over its subcommands so that it depends on
//! nothing: `commands` names the tree (`commands::Cli`), and `context` is built from `GlobalArgs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub const EXAMPLES_AND_EXIT_CODES: &str = "\
Examples:
  notify channel set email --address alice@example.com     configure (and verify) your email
  notify channel enable email                              deliver through it
  notify user modify bob --set sms.mobile=13100000000 --enable sms
  notify send --to alice --to bob --event TicketApproval --message \"Ticket 42 awaits approval\"
  notify listen --count 1 &  notify send --webhook http://127.0.0.1:8787/ --message hi

Exit codes:
  0    success (a dry run included)
  1    failure not covered below (I/O, corrupt store, missing provider, a refused change)
  2    usage: bad flags or values, or a missing value under --no-input
  3    delivery failed for at least one destination (the report is still printed)
  4    verification failed (wrong, expired or exhausted code)
  130  interrupted, or a prompt was cancelled";

/// Administer notification channels: configure, verify, enable, test and send.
///
/// notify keeps each user's channel profile (DingTalk, Feishu, Lark, group chatbots, email, SMS and custom
/// webhooks) in one TOML store and delivers notifications through them over the vendors' real protocols.
#[derive(Debug, Parser)]
#[command(
    name = "notify",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(after_long_help = EXAMPLES_AND_EXIT_CODES)]
pub struct Cli<C: Subcommand> {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: C,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The TOML store [default: <user config dir>/notify/store.toml]
    #[arg(
        long,
        global = true,
        env = "NOTIFY_STORE",
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub store: Option<PathBuf>,
    /// The delivery log: a SQLite file [default: <user data dir>/notify/deliveries.db], or a PostgreSQL
    /// database that several hosts share, e.g. postgres://notify@db.example/notify (the password in
    /// PGPASSWORD)
    #[arg(
        long,
        global = true,
        env = "NOTIFY_LOG",
        hide_env_values = true,
        value_name = "PATH|URL",
        help_heading = "Global options"
    )]
    pub log: Option<PathBuf>,
    /// The PostgreSQL log's password from this environment variable (when the URL has none; before
    /// --log-password-file and PGPASSWORD)
    #[arg(
        long,
        global = true,
        value_name = "VAR",
        help_heading = "Global options"
    )]
    pub log_password_env: Option<String>,
    /// The PostgreSQL log's password from the first line of this file, readable by its owner only
    /// (when the URL has none; before PGPASSWORD)
    #[arg(
        long,
        global = true,
        env = "NOTIFY_LOG_PASSWORD_FILE",
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub log_password_file: Option<PathBuf>,
    /// A private CA (PEM) the PostgreSQL log's server certificate is checked against, besides the
    /// platform's roots and NOTIFY_CA_FILE (for postgres://...?sslmode=require)
    #[arg(
        long,
        global = true,
        env = "NOTIFY_LOG_CA_FILE",
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub log_ca_file: Option<PathBuf>,
    /// Whose profile a channel command acts on [default: the store's default_user, else the login name]
    #[arg(
        short,
        long,
        global = true,
        env = "NOTIFY_USER",
        value_name = "NAME",
        help_heading = "Global options"
    )]
    pub user: Option<String>,
    /// Machine-readable output on stdout (stable field names)
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,
    /// Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_input: bool,
    /// Print less on stderr
    #[arg(
        short,
        long,
        global = true,
        conflicts_with = "verbose",
        help_heading = "Global options"
    )]
    pub quiet: bool,
    /// Print more detail on stderr (never secrets)
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = "Global options")]
    pub verbose: u8,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Global options")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

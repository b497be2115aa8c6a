//! The event id and delivery-log flags of `send` and `emit` (`--no-log` also of `channel test`).

use crate::context::Context;
use crate::delivery::Recording;
use crate::log::DeliveryId;

/// The event's id and whether to record it.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Delivery log")]
pub struct LogArgs {
    /// The event's id: 1-64 letters, digits, `.`, `_`, `-`, `:` [default: a fresh UUID]. Repeating a
    /// run with an id the log holds delivers only what was not delivered yet, with the same
    /// idempotency keys
    #[arg(long, value_name = "ID")]
    pub id: Option<DeliveryId>,
    #[command(flatten)]
    pub no_log: NoLog,
}

/// `--no-log`, shared with `channel test`.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Delivery log")]
pub struct NoLog {
    /// Do not record this run in the delivery log (then --id cannot skip anything)
    #[arg(long)]
    pub no_log: bool,
}

impl NoLog {
    /// Where the run records: the log of --log / NOTIFY_LOG / the default place, or nowhere.
    pub fn recording<'a>(&self, ctx: &'a Context) -> Recording<'a> {
        if self.no_log {
            return Recording::Off;
        }
        match ctx.log_path() {
            Ok(path) => Recording::To(path),
            Err(e) => Recording::Unavailable(e),
        }
    }
}

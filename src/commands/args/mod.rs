//! Flag groups shared by several commands, written once: the secret flags `--X`, `--X-stdin`, `--X-env VAR`,
//! `--X-file PATH`, `--X-keyring`, the delivery limits, and reading a message or a secret given on the
//! command line.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::context::Context;
use crate::delivery::{DEFAULT_CONCURRENCY, DEFAULT_RETRIES, DEFAULT_RETRY_BASE_MS, Options};
use crate::error::Error;
use crate::profiles::Input;
use crate::signing::SignatureMethod;
use crate::values::secret::hint_for;
use crate::values::{Revealed, Secret};

mod duration;
mod event;
mod keyring;
mod rich;
mod secret;

pub use duration::{limit, parse_duration, when};

pub use event::EventArgs;
pub use keyring::{ask_keyring_secrets, keep_in_keyring, notes as secret_notes};
pub use rich::{RichArgs, read_template};
pub(crate) use secret::secret_flags;

/// Time and retry limits of a delivery (`send`, `emit`, `channel test`).
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// How long one attempt may take: 30s, 2m, ... (a bare number is seconds; at most a day)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = limit())]
    pub timeout: Duration,
    /// How long the whole send may take, retries and robot pacing included: 30s, 5m, ... (a bare
    /// number is seconds; at most a day)
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = limit())]
    pub deadline: Duration,
    /// Retries after a retryable failure (rate limit, 5xx, dropped connection)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RETRIES)]
    pub retries: u32,
    /// Deliveries in flight at once: a destination, or a vendor batch of many recipients, is one
    /// (connections to each host are reused)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY)]
    pub concurrency: usize,
    /// First retry delay in milliseconds (doubles each retry, with jitter)
    #[arg(long, value_name = "MS", default_value_t = DEFAULT_RETRY_BASE_MS, hide = true)]
    pub retry_base_ms: u64,
}

impl LimitArgs {
    /// The delivery options these flags give (their values were checked as they were parsed).
    pub fn options(&self) -> Result<Options> {
        Ok(Options {
            timeout: self.timeout,
            deadline: self.deadline,
            retries: self.retries,
            concurrency: self.concurrency.max(1),
            retry_base: Duration::from_millis(self.retry_base_ms),
            progress: None,
        })
    }
}

/// Parses `--signature-method` (any case) into the method, listing the three names in errors and help.
pub fn method_parser() -> impl TypedValueParser<Value = SignatureMethod> {
    PossibleValuesParser::new(SignatureMethod::names()).try_map(|s| s.parse::<SignatureMethod>())
}

/// The text of `--message TEXT` or `--message-file PATH` (`-` for stdin), if either was given.
pub fn message_text(
    ctx: &Context,
    message: Option<&String>,
    file: Option<&Path>,
) -> Result<Option<String>> {
    Ok(Some(match (message, file) {
        (Some(m), _) => m.clone(),
        (None, Some(path)) if path.as_os_str() == "-" => ctx.stdin_text("--message-file -")?,
        (None, Some(path)) => std::fs::read_to_string(path).map_err(|e| {
            Error::failure(format!("cannot read the message file {}", path.display()))
                .caused_by(e)
                .hint("check the path, or pass the text with --message")
        })?,
        (None, None) => return Ok(None),
    }))
}

/// A secret used at once (never stored): given, one line of stdin, an environment variable or a file;
/// never empty. `flag` names the flag in errors.
pub fn reveal(ctx: &Context, input: Option<Input>, flag: &str) -> Result<Option<Revealed>> {
    let resolved = match input {
        None => None,
        Some(Input::Text(t)) => Some(Revealed::new(t)),
        Some(Input::Stdin) => Some(Revealed::new(ctx.stdin_line(&format!("{flag}-stdin"))?)),
        Some(Input::Env(var)) => Some(Secret::Env(var).resolve().map_err(|e| {
            Error::usage(format!("{flag}-env: {e}")).hint(format!(
                "export the variable first, or pass the secret with {flag}-stdin"
            ))
        })?),
        Some(Input::File(path)) => Some(crate::values::read_secret_file(&path).map_err(|e| {
            let hint = hint_for(&e, || {
                format!("put the secret alone in the file, or pass it with {flag}-stdin")
            });
            Error::usage(format!("{flag}-file: {e}")).hint(hint)
        })?),
    };
    match resolved {
        Some(s) if s.is_empty() => Err(Error::usage(format!("{flag} is empty"))
            .hint(format!("give the secret on one line (e.g. `printf '%s\\n' \"$KEY\" | notify send ... {flag}-stdin`)"))
            .into()),
        other => Ok(other),
    }
}

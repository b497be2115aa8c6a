//! Flag groups shared by several commands, written once: the secret trio `--X`, `--X-stdin`, `--X-env VAR`,
//! the delivery limits, and reading a message or a secret given on the command line.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use anyhow::Result;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::delivery::{
    DEFAULT_CONCURRENCY, DEFAULT_DEADLINE_SECS, DEFAULT_RETRIES, DEFAULT_RETRY_BASE_MS,
    DEFAULT_TIMEOUT_SECS, Options,
};
use crate::error::Error;
use crate::profiles::Input;
use crate::signing::SignatureMethod;
use crate::values::{Revealed, Secret};

mod event;
mod rich;
mod secret;

pub use event::EventArgs;
pub use rich::{RichArgs, read_template};
pub(crate) use secret::secret_flags;

/// Time and retry limits of a delivery (`send`, `emit`, `channel test`).
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// Seconds one attempt may take
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_TIMEOUT_SECS)]
    pub timeout: f64,
    /// Seconds the whole send may take, retries and robot pacing included
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_DEADLINE_SECS)]
    pub deadline: f64,
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
    pub fn options(&self) -> Result<Options> {
        // At most a day: anything larger (1e19, 1e20) cannot be added to the clock; 0, NaN and inf are
        // refused the same way.
        const MAX_SECS: f64 = 86_400.0;
        let secs = |v: f64, flag: &str| match Duration::try_from_secs_f64(v) {
            Ok(d) if v > 0.0 && v <= MAX_SECS => Ok(d),
            _ => Err(Error::usage(format!(
                "{flag} must be a positive number of seconds, at most {MAX_SECS} (a day)"
            ))),
        };
        Ok(Options {
            timeout: secs(self.timeout, "--timeout")?,
            deadline: secs(self.deadline, "--deadline")?,
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

/// Stdin can feed one flag of a run: a second flag that wants it is refused (it would read nothing).
pub fn claim_stdin(flag: &str) -> Result<()> {
    static TAKEN: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    let mut taken = TAKEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match taken.as_deref() {
        Some(first) if first != flag => {
            Err(Error::usage(format!("{first} and {flag} both read stdin"))
                .hint("give one of them a file or a value")
                .into())
        }
        _ => {
            *taken = Some(flag.to_owned());
            Ok(())
        }
    }
}

/// The text of `--message TEXT` or `--message-file PATH` (`-` for stdin), if either was given.
pub fn message_text(message: Option<&String>, file: Option<&Path>) -> Result<Option<String>> {
    Ok(Some(match (message, file) {
        (Some(m), _) => m.clone(),
        (None, Some(path)) if path.as_os_str() == "-" => {
            claim_stdin("--message-file -")?;
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Error::failure("cannot read the message from stdin").caused_by(e))?;
            text
        }
        (None, Some(path)) => std::fs::read_to_string(path).map_err(|e| {
            Error::failure(format!("cannot read the message file {}", path.display()))
                .caused_by(e)
                .hint("check the path, or pass the text with --message")
        })?,
        (None, None) => return Ok(None),
    }))
}

/// A secret used at once (never stored): given, one line of stdin, or an environment variable; never
/// empty. `flag` names the flag in errors.
pub fn reveal(input: Option<Input>, flag: &str) -> Result<Option<Revealed>> {
    let resolved = match input {
        None => None,
        Some(Input::Text(t)) => Some(Revealed::new(t)),
        Some(Input::Stdin) => {
            claim_stdin(&format!("{flag}-stdin"))?;
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| Error::usage(format!("cannot read {flag}-stdin")).caused_by(e))?;
            Some(Revealed::new(line.trim_end_matches(['\r', '\n'])))
        }
        Some(Input::Env(var)) => Some(Secret::Env(var).resolve().map_err(|e| {
            Error::usage(format!("{flag}-env: {e}")).hint(format!(
                "export the variable first, or pass the secret with {flag}-stdin"
            ))
        })?),
    };
    match resolved {
        Some(s) if s.is_empty() => Err(Error::usage(format!("{flag} is empty"))
            .hint(format!("give the secret on one line (e.g. `printf '%s\\n' \"$KEY\" | notify send ... {flag}-stdin`)"))
            .into()),
        other => Ok(other),
    }
}

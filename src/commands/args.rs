//! Flag groups shared by several commands, written once: the secret trio `--X`, `--X-stdin`, `--X-env VAR`,
//! the delivery limits, and reading a message or a secret given on the command line.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::delivery::{
    DEFAULT_CONCURRENCY, DEFAULT_DEADLINE_SECS, DEFAULT_RETRIES, DEFAULT_RETRY_BASE_MS,
    DEFAULT_TIMEOUT_SECS, Options,
};
use crate::error::Error;
use crate::profiles::Input;
use crate::values::{Revealed, Secret};

/// Declares a flattened clap argument struct for one secret: `--FLAG <VALUE_NAME>`, `--FLAG-stdin` (one
/// line of stdin) and `--FLAG-env VAR`, mutually exclusive. `noun` completes the siblings' help ("Read
/// {noun} from one line of stdin"; "Store a reference to an environment variable holding {noun}", or
/// `env_help` where the variable is read at once). `requires` names an argument all three need. Its
/// `Debug` never shows the value.
macro_rules! secret_flags {
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal $(, requires = $requires:literal)?) => {
        secret_flags!(
            $(#[$doc])* $name, $flag, value_name = $value_name, help = $help, noun = $noun,
            env_help = concat!("Store a reference to an environment variable holding ", $noun)
            $(, requires = $requires)?
        );
    };
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal, env_help = $env_help:expr
     $(, requires = $requires:literal)?) => {
        $(#[$doc])*
        #[derive(Clone, Default, clap::Args)]
        #[group(multiple = false)]
        pub struct $name {
            #[arg(
                id = $flag,
                long = $flag,
                value_name = $value_name,
                help = $help
                $(, requires = $requires)?
            )]
            pub value: Option<String>,
            #[arg(
                id = concat!($flag, "-stdin"),
                long = concat!($flag, "-stdin"),
                help = concat!("Read ", $noun, " from one line of stdin")
                $(, requires = $requires)?
            )]
            pub stdin: bool,
            #[arg(
                id = concat!($flag, "-env"),
                long = concat!($flag, "-env"),
                value_name = "VAR",
                help = $env_help
                $(, requires = $requires)?
            )]
            pub env: Option<String>,
        }

        impl $name {
            /// The form the secret was given in, if any.
            pub fn input(&self) -> Option<$crate::profiles::Input> {
                $crate::profiles::Input::secret(self.value.as_ref(), self.stdin, self.env.as_ref())
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("value", &self.value.as_ref().map(|_| "****"))
                    .field("stdin", &self.stdin)
                    .field("env", &self.env)
                    .finish()
            }
        }
    };
}

pub(crate) use secret_flags;

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
    /// Destinations in flight at once
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY)]
    pub concurrency: usize,
    /// First retry delay in milliseconds (doubles each retry, with jitter)
    #[arg(long, value_name = "MS", default_value_t = DEFAULT_RETRY_BASE_MS, hide = true)]
    pub retry_base_ms: u64,
}

impl LimitArgs {
    pub fn options(&self) -> Result<Options> {
        let secs = |v: f64, flag: &str| {
            if v.is_finite() && v > 0.0 {
                Ok(Duration::from_secs_f64(v))
            } else {
                Err(Error::usage(format!(
                    "{flag} must be a positive number of seconds"
                )))
            }
        };
        Ok(Options {
            timeout: secs(self.timeout, "--timeout")?,
            deadline: secs(self.deadline, "--deadline")?,
            retries: self.retries,
            concurrency: self.concurrency.max(1),
            retry_base: Duration::from_millis(self.retry_base_ms),
        })
    }
}

/// The text of `--message TEXT` or `--message-file PATH` (`-` for stdin), if either was given.
pub fn message_text(message: Option<&String>, file: Option<&Path>) -> Result<Option<String>> {
    Ok(Some(match (message, file) {
        (Some(m), _) => m.clone(),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Error::usage("cannot read the message from stdin").caused_by(e))?;
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

#[cfg(test)]
mod tests {
    use clap::Parser;

    use crate::profiles::Input;

    secret_flags!(
        Key,
        "key",
        value_name = "KEY",
        help = "The key",
        noun = "the key"
    );

    secret_flags!(
        BotSecret,
        "secret",
        value_name = "SECRET",
        help = "Robot secret",
        noun = "the robot secret",
        env_help = "Read the robot secret from this environment variable",
        requires = "bot"
    );

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        key: Key,
        #[arg(long)]
        bot: Option<String>,
        #[command(flatten)]
        secret: BotSecret,
    }

    #[test]
    fn the_three_forms_are_exclusive_and_debug_hides_the_value() {
        let parse = |args: &[&str]| Cli::try_parse_from([&["t"], args].concat());
        let cli = parse(&["--key", "s3cret"]).unwrap();
        assert_eq!(cli.key.input(), Some(Input::Text("s3cret".into())));
        assert!(!format!("{cli:?}").contains("s3cret"));
        assert_eq!(
            parse(&["--key-stdin"]).unwrap().key.input(),
            Some(Input::Stdin)
        );
        assert_eq!(
            parse(&["--key-env", "K"]).unwrap().key.input(),
            Some(Input::Env("K".into()))
        );
        assert_eq!(parse(&[]).unwrap().key.input(), None);
        for args in [
            &["--key", "x", "--key-stdin"][..],
            &["--key-stdin", "--key-env", "V"],
            &["--key", "x", "--key-env", "V"],
        ] {
            let err = parse(args).unwrap_err();
            assert_eq!(
                err.kind(),
                clap::error::ErrorKind::ArgumentConflict,
                "{args:?}"
            );
        }
    }

    #[test]
    fn requires_applies_to_every_form() {
        let parse = |args: &[&str]| Cli::try_parse_from([&["t"], args].concat());
        for args in [
            &["--secret", "s"][..],
            &["--secret-stdin"],
            &["--secret-env", "V"],
        ] {
            let err = parse(args).unwrap_err();
            assert_eq!(
                err.kind(),
                clap::error::ErrorKind::MissingRequiredArgument,
                "{args:?}"
            );
        }
        let cli = parse(&["--bot", "b", "--secret-env", "V"]).unwrap();
        assert_eq!(cli.secret.input(), Some(Input::Env("V".into())));
    }
}

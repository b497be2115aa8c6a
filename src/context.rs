//! Everything a command needs to know about this run, built once: store path, user, output mode,
//! whether prompting is possible, and the run's one clock. The only place that reads the environment, and
//! the one that hands out stdin (it feeds one flag of a run).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{ColorChoice, GlobalArgs};
use crate::clock::Clock;
use crate::error::Error;
use crate::output::Output;
use crate::prompt::Prompter;
use crate::store::{Store, StoreFile};
use crate::transport;
use crate::values::load_ca_file;

pub struct Context {
    pub store: StoreFile,
    /// The delivery log; None when neither --log nor a home folder gives it a place.
    pub log: Option<PathBuf>,
    pub out: Output,
    pub prompt: Prompter,
    user_flag: Option<String>,
    login: Option<String>,
    /// The flag that read stdin, once one has.
    stdin_taken: std::sync::Mutex<Option<String>>,
    /// The run's clock: the system's, or set by `NOTIFY_NOW` (for tests).
    pub clock: Clock,
}

/// By hand: `--log` may be a URL with a password, shown masked.
impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("store", &self.store)
            .field("log", &self.log.as_deref().map(crate::log::shown))
            .field("out", &self.out)
            .field("prompt", &self.prompt)
            .field("user_flag", &self.user_flag)
            .field("login", &self.login)
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Result<Self> {
        let store_path = match &global.store {
            Some(path) => path.clone(),
            None => default_store_path()?,
        };
        let stdin_tty = std::io::stdin().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stderr_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        let login = ["USER", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .or_else(account_name);
        let log = global.log.clone().or_else(default_log_path);
        let out = Output::new(global.json, global.quiet, global.verbose, color);
        // The log flags matter to a PostgreSQL log only: given with a SQLite file, they are said to
        // be ignored rather than ignored silently.
        let postgres = log
            .as_deref()
            .and_then(std::path::Path::to_str)
            .is_some_and(crate::log::postgres::is_url);
        let for_postgres = [
            ("--log-password-env", global.log_password_env.is_some()),
            ("--log-password-file", global.log_password_file.is_some()),
            ("--log-ca-file", global.log_ca_file.is_some()),
        ];
        let given: Vec<&str> = for_postgres
            .iter()
            .filter(|(_, set)| *set)
            .map(|(flag, _)| *flag)
            .collect();
        if !postgres && !given.is_empty() {
            out.warn(&format!(
                "{} ignored: the log is a SQLite file, and these are for a PostgreSQL log \
                 (--log postgres://...)",
                given.join(", ")
            ));
        }
        if postgres {
            crate::log::postgres::Access::read(crate::log::postgres::Flags {
                password_env: global.log_password_env.as_deref(),
                password_file: global.log_password_file.as_deref(),
                ca_file: global.log_ca_file.as_deref(),
            })?
            .install();
        }
        trust_private_ca()?;
        Ok(Context {
            store: StoreFile::new(store_path),
            log,
            out,
            prompt: Prompter::new(!global.no_input && stdin_tty && stderr_tty),
            user_flag: global.user.clone().filter(|u| !u.is_empty()),
            login,
            clock: clock()?,
            stdin_taken: std::sync::Mutex::new(None),
        })
    }

    /// The user a `channel` command acts on: `--user`, else the store's `default_user`, else the login name.
    pub fn user_name(&self, store: &Store) -> Result<String> {
        self.user_flag
            .clone()
            .or_else(|| store.default_user.clone())
            .or_else(|| self.login.clone())
            .ok_or_else(|| {
                Error::usage("cannot tell which user to act on")
                    .hint("pass --user NAME or set NOTIFY_USER")
                    .into()
            })
    }

    /// Now, in Unix seconds (the run's clock).
    pub fn now(&self) -> i64 {
        self.clock.now_secs()
    }

    /// Where app access tokens and robot send times are kept between runs (`<user cache dir>/notify`).
    pub fn cache_dir(&self) -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.cache_dir().join("notify"))
    }

    /// Where the delivery log lives: `--log` / NOTIFY_LOG, else `<user data dir>/notify/deliveries.db`.
    pub fn log_path(&self) -> Result<&std::path::Path> {
        self.log.as_deref().ok_or_else(|| {
            Error::failure("cannot find your home folder to place the delivery log")
                .hint("pass --log PATH or set NOTIFY_LOG")
                .into()
        })
    }

    /// Whether `--user` (or NOTIFY_USER) named the user explicitly.
    pub fn user_given(&self) -> bool {
        self.user_flag.is_some()
    }
}

/// Stdin, handed out once per run: `what` (the flag, e.g. `--message-file -`) names the reader in the
/// error a second reader gets, since it would read nothing.
impl Context {
    pub fn take_stdin(&self, what: &str) -> Result<std::io::StdinLock<'static>> {
        let mut taken = self
            .stdin_taken
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(first) = taken.as_deref() {
            return Err(Error::usage(format!("{first} and {what} both read stdin"))
                .hint("stdin feeds one flag of a run: give the other one a file, a value or an environment variable")
                .into());
        }
        *taken = Some(what.to_owned());
        Ok(std::io::stdin().lock())
    }

    /// All of stdin as text, for `what`.
    pub fn stdin_text(&self, what: &str) -> Result<String> {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut self.take_stdin(what)?, &mut text)
            .map_err(|e| Error::failure(format!("cannot read {what} from stdin")).caused_by(e))?;
        Ok(text)
    }

    /// One line of stdin without its line ending, for `what` (a secret's `-stdin` flag); never empty.
    pub fn stdin_line(&self, what: &str) -> Result<String> {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut self.take_stdin(what)?, &mut line)
            .map_err(|e| Error::usage(format!("cannot read {what}")).caused_by(e))?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            return Err(Error::usage(format!(
                "stdin was empty; {what} expects the secret on one line"
            ))
            .hint(
                "pipe it in, e.g. `printf '%s\\n' \"$SECRET\" | notify ...`, or use the -env form",
            )
            .into());
        }
        Ok(line.to_owned())
    }
}

/// The run's clock. `NOTIFY_NOW` (Unix seconds) sets where it starts, in every build: it exists for
/// tests of code expiry and log filters; a value that is not a whole number is refused rather than
/// ignored, so nobody runs on a clock they did not mean to set.
fn clock() -> Result<Clock> {
    let Some(value) = std::env::var_os("NOTIFY_NOW").filter(|v| !v.is_empty()) else {
        return Ok(Clock::system());
    };
    let secs = value
        .to_str()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .ok_or_else(|| {
            Error::usage(format!(
                "NOTIFY_NOW is {value:?}, not a time in Unix seconds"
            ))
            .hint("NOTIFY_NOW fixes the clock for tests; unset it to use the system's clock")
        })?;
    Ok(Clock::starting_at(secs.saturating_mul(1000)))
}

/// `NOTIFY_CA_FILE`: CA certificates every connection trusts besides the platform's roots (a private
/// deployment), checked now so that a wrong path is a clear error rather than a failed delivery.
fn trust_private_ca() -> Result<()> {
    let Some(path) = std::env::var_os("NOTIFY_CA_FILE").filter(|v| !v.is_empty()) else {
        return Ok(());
    };
    let path = std::path::absolute(&path).unwrap_or_else(|_| PathBuf::from(&path));
    load_ca_file(&path).map_err(|e| {
        Error::usage(format!("NOTIFY_CA_FILE: {e}"))
            .hint("point NOTIFY_CA_FILE at a PEM file of CA certificates, or unset it")
    })?;
    transport::trust_everywhere(path);
    Ok(())
}

fn default_store_path() -> Result<PathBuf> {
    let dirs = directories::BaseDirs::new().ok_or_else(|| {
        Error::failure("cannot find your home folder to place the store")
            .hint("pass --store PATH or set NOTIFY_STORE")
    })?;
    Ok(dirs.config_dir().join("notify").join("store.toml"))
}

fn default_log_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join("notify").join("deliveries.db"))
}

/// The account name of this process's user, from the passwd database (for cron jobs and containers that
/// set no USER).
fn account_name() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_owned();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut parts = line.split(':');
        let name = parts.next()?;
        (parts.nth(1)? == uid).then(|| name.to_owned())
    })
}

//! Failure kinds, their exit codes, and the `error:` / `caused by:` / `hint:` rendering.

use std::fmt;

/// The process exit codes of the command line contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    Failure = 1,
    Usage = 2,
    Delivery = 3,
    Verification = 4,
    Interrupted = 130,
}

/// An error that knows its exit code and, often, what the user should do next.
#[derive(Debug)]
pub struct Error {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
    source: Option<anyhow::Error>,
}

impl Error {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Error {
            exit,
            message: message.into(),
            hint: None,
            source: None,
        }
    }
    /// Bad flags or values, or a value missing under `--no-input` (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }
    /// A refusal or failure not covered by another code (exit 1).
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Exit::Failure, message)
    }
    /// A wrong, expired or exhausted verification code (exit 4).
    pub fn verification(message: impl Into<String>) -> Self {
        Self::new(Exit::Verification, message)
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn caused_by(mut self, source: impl Into<anyhow::Error>) -> Self {
        self.source = Some(source.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e.as_ref() as &(dyn std::error::Error + 'static))
    }
}

/// Marks a write to stdout that failed because the reader went away (`notify ... | head`).
#[derive(Debug)]
pub struct BrokenPipe;

impl fmt::Display for BrokenPipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("broken pipe")
    }
}

impl std::error::Error for BrokenPipe {}

/// The exit code for an error: the first [`Error`] in its chain decides, anything else is a failure.
pub fn exit_code(err: &anyhow::Error) -> Exit {
    if err.chain().any(|e| e.is::<BrokenPipe>()) {
        return Exit::Success;
    }
    err.chain()
        .find_map(|e| e.downcast_ref::<Error>())
        .map_or(Exit::Failure, |e| e.exit)
}

/// Renders an error the way the contract asks: one `error:` line, `caused by:` lines, then a hint.
pub fn render(err: &anyhow::Error) -> String {
    let mut out = format!("error: {err}\n");
    let mut hint = None;
    let mut previous = err.to_string();
    for (i, cause) in err.chain().enumerate() {
        if let Some(e) = cause.downcast_ref::<Error>() {
            hint = hint.or(e.hint.clone());
        }
        let text = cause.to_string();
        if i > 0 && !says_again(&previous, &text) {
            out.push_str(&format!("  caused by: {text}\n"));
        }
        previous = text;
    }
    if let Some(hint) = hint {
        out.push_str(&format!("  hint: {hint}\n"));
    }
    out
}

/// Whether a cause only repeats the line before it: the same words, words the line already holds, or the
/// same words behind a prefix such as SQLite's `Error code 26: `. Each cause is said once.
fn says_again(previous: &str, text: &str) -> bool {
    previous.contains(text) || text.ends_with(previous)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_causes_and_hint_and_picks_the_exit_code() {
        let io = std::io::Error::other("disk full");
        let err = anyhow::Error::new(
            Error::failure("cannot write the store")
                .caused_by(io)
                .hint("free some space"),
        );
        assert_eq!(
            render(&err),
            "error: cannot write the store\n  caused by: disk full\n  hint: free some space\n"
        );
        assert_eq!(exit_code(&err), Exit::Failure);
        let wrapped = anyhow::Error::new(Error::usage("bad flag")).context("while parsing");
        assert_eq!(exit_code(&wrapped), Exit::Usage);
        assert!(render(&wrapped).contains("caused by: bad flag"));
    }

    #[test]
    fn a_cause_that_repeats_the_one_before_is_said_once() {
        let sqlite = std::io::Error::other("Error code 26: file is not a database");
        let middle = anyhow::Error::new(sqlite).context("file is not a database");
        let err = middle.context(Error::failure("the delivery log is damaged"));
        assert_eq!(
            render(&err),
            "error: the delivery log is damaged\n  caused by: file is not a database\n"
        );
    }
}

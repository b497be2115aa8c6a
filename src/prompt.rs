//! Prompts with dialoguer, only when stdin and stderr are terminals and `--no-input` was not given.

use anyhow::Result;

use crate::error::{Error, Exit};
use crate::values::{FieldSpec, Value};

#[derive(Debug, Clone)]
pub struct Prompter {
    interactive: bool,
}

impl Prompter {
    pub fn new(interactive: bool) -> Self {
        Prompter { interactive }
    }

    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// Asks for a field's value (secrets without echo), re-asking until it is valid. Without a terminal it
    /// fails with a usage error naming the flag.
    pub fn field(&self, what: &str, spec: &FieldSpec) -> Result<Value> {
        if !self.interactive {
            let mut flags = spec.flag();
            if spec.is_secret() {
                flags = format!("{flags}, {flags}-stdin or {flags}-env");
            }
            return Err(Error::usage(format!(
                "{what} needs `{}` (e.g. {})",
                spec.name, spec.example
            ))
            .hint(format!("pass {flags}, or run on a terminal to be prompted"))
            .into());
        }
        let label = format!("{what}: {}", spec.name.as_str().replace('_', " "));
        let raw = if spec.is_secret() {
            dialoguer::Password::new()
                .with_prompt(label)
                .interact()
                .map_err(cancelled)?
        } else {
            dialoguer::Input::<String>::new()
                .with_prompt(format!("{label} (e.g. {})", spec.example))
                .validate_with(|s: &String| spec.parse(s).map(|_| ()))
                .interact_text()
                .map_err(cancelled)?
        };
        spec.parse(&raw)
            .map_err(|e| Error::usage(format!("invalid `{}`: {e}", spec.name)).into())
    }

    /// Asks for a line of text (a verification code, say).
    pub fn text(&self, label: &str) -> Result<String> {
        dialoguer::Input::<String>::new()
            .with_prompt(label)
            .interact_text()
            .map_err(cancelled)
    }
}

fn cancelled(e: dialoguer::Error) -> anyhow::Error {
    Error::new(Exit::Interrupted, "the prompt was cancelled")
        .caused_by(anyhow::anyhow!("{e}"))
        .into()
}

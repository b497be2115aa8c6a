//! Secrets: a value or an environment reference that never prints, and the resolved form only signing
//! and the transport read.

use std::fmt;

/// A secret: the value itself, or the name of the environment variable that holds it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Secret {
    Literal(String),
    Env(String),
}

impl Secret {
    pub fn display(&self, reveal: bool) -> String {
        match self {
            Secret::Literal(s) if reveal => s.clone(),
            Secret::Literal(_) => "****".to_owned(),
            Secret::Env(var) => format!("${var}"),
        }
    }
    /// The secret's value, reading the environment variable when it is a reference.
    pub fn resolve(&self) -> Result<Revealed, String> {
        match self {
            Secret::Literal(s) => Ok(Revealed(s.clone())),
            Secret::Env(var) => match std::env::var(var) {
                Ok(v) if !v.is_empty() => Ok(Revealed(v)),
                _ => Err(format!("{UNSET_PREFIX}{var}{UNSET_SUFFIX}")),
            },
        }
    }
}

const UNSET_PREFIX: &str = "the environment variable ";
const UNSET_SUFFIX: &str = " is not set";

/// The hint for an error that [`Secret::resolve`] (or anything built on it) gave: when a secret's
/// environment variable is unset, what to export; otherwise `fallback`. Configuring the provider again
/// would not help a missing variable, so the hint names the variable instead.
pub fn hint_for(error: &str, fallback: impl FnOnce() -> String) -> String {
    let var = error.find(UNSET_PREFIX).and_then(|start| {
        let rest = &error[start + UNSET_PREFIX.len()..];
        rest.find(UNSET_SUFFIX).map(|end| &rest[..end])
    });
    match var {
        Some(var) => {
            format!("export {var} first (it holds the secret), then run the command again")
        }
        None => fallback(),
    }
}

/// A resolved secret on its way to signing or the wire. `Debug` prints `****` and there is no
/// `Display`: only [`Revealed::expose`] reads it (signing, the request builders, the transport).
#[derive(Clone, PartialEq, Eq)]
pub struct Revealed(String);

impl Revealed {
    pub fn new(value: impl Into<String>) -> Self {
        Revealed(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Revealed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(false))
    }
}

/// Checks that a name can be used as an environment variable reference.
pub fn check_env_name(var: &str) -> Result<(), String> {
    let ok = !var.is_empty()
        && !var.starts_with(|c: char| c.is_ascii_digit())
        && var.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{var}` is not an environment variable name, e.g. SMTP_PASSWORD"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let revealed = Secret::Literal("hunter2".into()).resolve().unwrap();
        assert_eq!(format!("{revealed:?}"), "****");
        assert_eq!(revealed.expose(), "hunter2");
        let s = crate::values::Value::Secret(Secret::Literal("hunter2".into()));
        assert_eq!(format!("{s:?}"), "****");
        assert_eq!(s.display(true), "hunter2");
        assert_eq!(
            crate::values::Value::Secret(Secret::Env("PW".into())).display(false),
            "$PW"
        );
    }

    #[test]
    fn an_unset_variable_is_named_in_the_hint() {
        let err = Secret::Env("NOTIFY_TEST_SURELY_UNSET_VAR".into())
            .resolve()
            .unwrap_err();
        let hint = hint_for(&format!("cannot send: {err}"), || "fallback".into());
        assert_eq!(
            hint,
            "export NOTIFY_TEST_SURELY_UNSET_VAR first (it holds the secret), then run the command again"
        );
        assert_eq!(
            hint_for("provider smtp is not configured", || "fallback".into()),
            "fallback"
        );
    }
}

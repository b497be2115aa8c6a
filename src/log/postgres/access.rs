//! How this process reaches a PostgreSQL log besides its URL: a private CA for its TLS
//! (`--log-ca-file`). Read once at start, so that a mistake is told before anything runs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Result;

use crate::error::Error;
use crate::values::load_ca_file;

/// The flags' values, resolved.
#[derive(Debug, Clone, Default)]
pub struct Access {
    pub(super) ca_file: Option<PathBuf>,
}

static ACCESS: OnceLock<Access> = OnceLock::new();

/// The log flags of a run, as given on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags<'a> {
    pub ca_file: Option<&'a Path>,
}

impl Access {
    /// Checks the CA file the flags name; called once per run.
    pub fn read(flags: Flags<'_>) -> Result<Access> {
        let ca_file = match flags.ca_file {
            Some(path) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
                load_ca_file(&path).map_err(|e| {
                    Error::usage(format!("--log-ca-file: {e}")).hint(
                        "point --log-ca-file at the PEM file of the CA that signed the database server's certificate",
                    )
                })?;
                Some(path)
            }
            None => None,
        };
        Ok(Access { ca_file })
    }

    /// Makes these the access of every PostgreSQL connection this process opens.
    pub fn install(self) {
        let _ = ACCESS.set(self);
    }

    /// What [`Access::install`] set (nothing by default).
    pub(super) fn current() -> Access {
        ACCESS.get().cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ca_file_that_is_no_ca_is_refused_naming_the_file_and_why() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ca.pem");
        std::fs::write(&file, "not a certificate\n").unwrap();
        let err = Access::read(Flags {
            ca_file: Some(&file),
            ..Flags::default()
        })
        .unwrap_err();
        let text = crate::error::render(&err);
        assert!(
            text.contains(&format!("--log-ca-file: the CA file {}", file.display()))
                && text.contains("holds no certificate"),
            "{text}"
        );
    }
}

//! How this process reaches a PostgreSQL log besides its URL: a password kept out of the URL and out
//! of `ps` (`--log-password-env`, `--log-password-file`) and a private CA for its TLS
//! (`--log-ca-file`). Read once at start, so that a mistake is told before anything runs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Result;

use crate::error::Error;
use crate::values::secret::hint_for;
use crate::values::{Revealed, Secret, load_ca_file, read_secret_file};

/// The flags' values, resolved. `Debug` shows no password (`Revealed` prints `****`).
#[derive(Debug, Clone, Default)]
pub struct Access {
    /// The password, with the flag that gave it (for messages).
    pub(super) password: Option<(Revealed, &'static str)>,
    pub(super) ca_file: Option<PathBuf>,
}

static ACCESS: OnceLock<Access> = OnceLock::new();

/// The log flags of a run, as given on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags<'a> {
    pub password_env: Option<&'a str>,
    pub password_file: Option<&'a Path>,
    pub ca_file: Option<&'a Path>,
}

impl Access {
    /// Reads the password and checks the CA file the flags name; called once per run.
    pub fn read(flags: Flags<'_>) -> Result<Access> {
        let password = match (flags.password_env, flags.password_file) {
            (Some(var), _) => {
                let read = Secret::Env(var.to_owned()).resolve().map_err(|e| {
                    Error::usage(format!("--log-password-env: {e}")).hint(
                        "export the variable first, or give the password with --log-password-file or PGPASSWORD",
                    )
                })?;
                Some((read, "--log-password-env"))
            }
            (None, Some(path)) => {
                let read = read_secret_file(path).map_err(|e| {
                    let hint = hint_for(&e, || {
                        "put the password alone on the file's first line".to_owned()
                    });
                    Error::usage(format!("--log-password-file: {e}")).hint(hint)
                })?;
                Some((read, "--log-password-file"))
            }
            (None, None) => None,
        };
        if let Some((password, flag)) = &password
            && password.is_empty()
        {
            return Err(Error::usage(format!("{flag} gives an empty password"))
                .hint("put the database password there, or leave the flag out")
                .into());
        }
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
        Ok(Access { password, ca_file })
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
    fn a_password_read_from_a_file_is_never_shown() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pw");
        std::fs::write(&file, "s3cret-pw\n").unwrap();
        std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        let access = Access::read(Flags {
            password_file: Some(&file),
            ..Flags::default()
        })
        .unwrap();
        let (password, flag) = access.password.clone().unwrap();
        assert_eq!(
            (password.expose(), flag),
            ("s3cret-pw", "--log-password-file")
        );
        let shown = format!("{access:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }

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

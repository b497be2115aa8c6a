//! Secrets: a value, or where to find it when it is used (an environment variable, a file, a keyring
//! entry), that never prints; and the resolved form only signing and the transport read.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use super::keyring::KeyringRef;
use super::keyring::{self, NO_KEYRING};

/// A secret: the value itself, or where it is kept. Only a literal puts the secret into the store.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Secret {
    Literal(String),
    /// `X_env = "VAR"`: the environment variable that holds it.
    Env(String),
    /// `X_file = "/abs/path"`: a file (mode 0600 or stricter) that holds it, read each time it is used.
    File(PathBuf),
    /// `X_keyring = "SERVICE/ACCOUNT"`: an entry in the OS keyring.
    Keyring(KeyringRef),
}

impl Secret {
    /// How the secret is shown: `****`, or where it is kept (`$VAR`, `file PATH`, `keyring SERVICE/ACCOUNT`);
    /// only a literal's value is shown with `reveal` (the others are not in the store to reveal).
    pub fn display(&self, reveal: bool) -> String {
        match self {
            Secret::Literal(s) if reveal => s.clone(),
            Secret::Literal(_) => "****".to_owned(),
            Secret::Env(var) => format!("${var}"),
            Secret::File(path) => format!("file {}", path.display()),
            Secret::Keyring(r) => format!("keyring {r}"),
        }
    }
    /// The secret's value, read from where it is kept.
    pub fn resolve(&self) -> Result<Revealed, String> {
        match self {
            Secret::Literal(s) => Ok(Revealed(s.clone())),
            Secret::Env(var) => match std::env::var(var) {
                Ok(v) if !v.is_empty() => Ok(Revealed(v)),
                _ => Err(format!("{UNSET_PREFIX}{var}{UNSET_SUFFIX}")),
            },
            Secret::File(path) => read_secret_file(path),
            Secret::Keyring(r) => keyring::get(r),
        }
    }
    /// [`Secret::resolve`], naming the secret (`what`, e.g. `signature_key`) when a file or the keyring
    /// fails, so that a message says which secret and which file.
    pub fn resolve_as(&self, what: &str) -> Result<Revealed, String> {
        self.resolve().map_err(|e| match self {
            Secret::File(_) | Secret::Keyring(_) => format!("{e} (it holds the {what})"),
            _ => e,
        })
    }
}

const UNSET_PREFIX: &str = "the environment variable ";
const UNSET_SUFFIX: &str = " is not set";
const OPEN_PREFIX: &str = "the secret file ";
const OPEN_SUFFIX: &str = " is open to other users";
const MISSING_PREFIX: &str = "cannot read the secret file ";
const MISSING_SUFFIX: &str = ": ";
/// A secret file larger than this is not a secret (a wrong path, `/dev/zero`): it is refused.
const MAX_SECRET_FILE: u64 = 64 * 1024;

/// Reads a secret file: refused when group or others may read or write it (as ssh refuses such a key),
/// trailing newlines trimmed, never empty.
pub fn read_secret_file(path: &Path) -> Result<Revealed, String> {
    let file = std::fs::File::open(path).map_err(|e| {
        format!(
            "{MISSING_PREFIX}{}{MISSING_SUFFIX}{}",
            path.display(),
            io_reason(&e)
        )
    })?;
    let meta = file.metadata().map_err(|e| {
        format!(
            "{MISSING_PREFIX}{}{MISSING_SUFFIX}{}",
            path.display(),
            io_reason(&e)
        )
    })?;
    if !meta.is_file() {
        return Err(format!(
            "{MISSING_PREFIX}{}{MISSING_SUFFIX}not a regular file",
            path.display()
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(format!(
                "{OPEN_PREFIX}{}{OPEN_SUFFIX} (mode {mode:04o}; it must be 0600 or stricter)",
                path.display()
            ));
        }
    }
    let mut bytes = Vec::new();
    file.take(MAX_SECRET_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            format!(
                "{MISSING_PREFIX}{}{MISSING_SUFFIX}{}",
                path.display(),
                io_reason(&e)
            )
        })?;
    if bytes.len() as u64 > MAX_SECRET_FILE {
        return Err(format!(
            "the secret file {} is larger than {} KiB: it holds more than a secret",
            path.display(),
            MAX_SECRET_FILE / 1024
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("the secret file {} is not UTF-8 text", path.display()))?;
    let value = text.trim_end_matches(['\n', '\r']);
    if value.is_empty() {
        return Err(format!("the secret file {} is empty", path.display()));
    }
    Ok(Revealed(value.to_owned()))
}

/// An I/O error's reason without the `(os error N)` tail.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(end) => text[..end].to_owned(),
                None => text,
            }
        }
    }
}

/// Finds `prefix ... suffix` in `error` and gives what lies between.
fn between<'a>(error: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    let start = error.find(prefix)?;
    let rest = &error[start + prefix.len()..];
    rest.find(suffix).map(|end| &rest[..end])
}

/// The hint for an error that [`Secret::resolve`] (or anything built on it) gave: when a secret's
/// environment variable is unset, what to export; when its file is open to others, the `chmod` that
/// fixes it; when it cannot be read, where it should be; when there is no keyring, the other places a
/// secret can be kept; otherwise `fallback`. Configuring the provider again would not help a missing
/// variable, so the hint names the variable instead.
pub fn hint_for(error: &str, fallback: impl FnOnce() -> String) -> String {
    if let Some(var) = between(error, UNSET_PREFIX, UNSET_SUFFIX) {
        return format!("export {var} first (it holds the secret), then run the command again");
    }
    if let Some(path) = between(error, OPEN_PREFIX, OPEN_SUFFIX) {
        return format!(
            "`chmod 600 {path}` (a Kubernetes secret volume: `defaultMode: 0400`), then run the command again"
        );
    }
    if let Some(path) = between(error, MISSING_PREFIX, MISSING_SUFFIX) {
        return format!(
            "put the secret in {path} (mode 0600), or point the secret's --X-file flag at the file that holds it"
        );
    }
    if error.contains(NO_KEYRING) {
        return "keep the secret in a file (its --X-file PATH flag, mode 0600) or an environment variable \
                (--X-env VAR) instead"
            .to_owned();
    }
    fallback()
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

    fn secret_file(text: &[u8], mode: u32) -> (tempfile::TempDir, PathBuf) {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        (dir, path)
    }

    #[test]
    fn a_secret_file_loses_its_trailing_newlines_only() {
        for (text, value) in [
            (&b"hunter2\n"[..], "hunter2"),
            (b"hunter2\r\n", "hunter2"),
            (b"hunter2", "hunter2"),
            (b" two words \n\n", " two words "),
        ] {
            let (_dir, path) = secret_file(text, 0o600);
            let secret = Secret::File(path);
            assert_eq!(secret.resolve().unwrap().expose(), value);
        }
        let (_dir, path) = secret_file(b"hunter2\n", 0o400);
        assert_eq!(read_secret_file(&path).unwrap().expose(), "hunter2");
    }

    #[test]
    fn a_secret_file_others_can_open_is_refused_with_the_chmod() {
        for mode in [0o644, 0o640, 0o604, 0o620, 0o602] {
            let (_dir, path) = secret_file(b"hunter2\n", mode);
            let err = read_secret_file(&path).unwrap_err();
            assert_eq!(
                err,
                format!(
                    "the secret file {} is open to other users (mode {mode:04o}; it must be 0600 or stricter)",
                    path.display()
                )
            );
            assert!(!err.contains("hunter2"));
            assert!(
                hint_for(&err, String::new).starts_with(&format!("`chmod 600 {}`", path.display())),
                "{}",
                hint_for(&err, String::new)
            );
        }
    }

    #[test]
    fn a_missing_empty_or_huge_secret_file_says_which_file_and_which_secret() {
        let dir = tempfile::tempdir().unwrap();
        let gone = Secret::File(dir.path().join("gone"));
        let err = gone.resolve_as("signature_key").unwrap_err();
        let path = dir.path().join("gone");
        assert_eq!(
            err,
            format!(
                "cannot read the secret file {}: no such file (it holds the signature_key)",
                path.display()
            )
        );
        assert!(
            hint_for(&err, String::new)
                .starts_with(&format!("put the secret in {}", path.display()))
        );
        let (_d, empty) = secret_file(b"\n", 0o600);
        assert!(read_secret_file(&empty).unwrap_err().ends_with("is empty"));
        let (_d, huge) = secret_file(&vec![b'x'; 70_000], 0o600);
        assert!(
            read_secret_file(&huge)
                .unwrap_err()
                .contains("larger than 64 KiB")
        );
        let (_d, binary) = secret_file(&[0xff, 0xfe, b'\n'], 0o600);
        assert!(
            read_secret_file(&binary)
                .unwrap_err()
                .ends_with("is not UTF-8 text")
        );
        // The environment and literal forms keep their messages.
        let env = Secret::Env("NOTIFY_TEST_SURELY_UNSET_VAR".into());
        assert_eq!(
            env.resolve_as("password").unwrap_err(),
            "the environment variable NOTIFY_TEST_SURELY_UNSET_VAR is not set"
        );
    }

    #[test]
    fn where_a_secret_is_kept_is_shown_never_its_value() {
        let file = Secret::File("/run/secrets/k".into());
        let kept = Secret::Keyring(KeyringRef::parse("notify/providers.smtp.password@/s").unwrap());
        for reveal in [false, true] {
            assert_eq!(file.display(reveal), "file /run/secrets/k");
            assert_eq!(
                kept.display(reveal),
                "keyring notify/providers.smtp.password@/s"
            );
        }
        assert_eq!(format!("{file:?}"), "file /run/secrets/k");
        assert!(
            hint_for(&format!("cannot send: {NO_KEYRING}: why"), String::new)
                .contains("--X-file PATH")
        );
    }
}

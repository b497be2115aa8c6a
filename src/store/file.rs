//! Reading and writing the store file safely.
//!
//! A write takes an exclusive lock on a sidecar `<store>.lock` file, re-reads the store under that lock,
//! applies the change, writes a temporary file in the same folder, syncs it and renames it over the store.
//! Readers never see a half-written file, and two writers never start from the same stale copy.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::migrate;
use super::schema::{CURRENT_VERSION, Store};
use crate::error::Error;

#[derive(Debug, Clone)]
pub struct StoreFile {
    path: PathBuf,
}

impl StoreFile {
    pub fn new(path: PathBuf) -> Self {
        StoreFile { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the store; a store that does not exist yet reads as an empty one.
    pub fn load(&self) -> Result<Store> {
        self.read().map(|(store, _)| store)
    }

    /// Applies `change` to the current store under the lock and writes the result; when `change` fails,
    /// nothing is written.
    pub fn update<T>(&self, change: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let dir = self.folder();
        if !dir.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dir)
                .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        }
        // A new store must not be created where others could replace it either.
        refuse_shared(&dir, "the store's folder", "700")?;
        let _lock = self.lock()?;
        let (mut store, existing_mode) = self.read()?;
        let out = change(&mut store)?;
        store.version = CURRENT_VERSION;
        let text = toml::to_string(&store).context("cannot serialise the store")?;
        self.replace(&text, existing_mode)?;
        Ok(out)
    }

    fn folder(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// Blocks until this process holds the store's lock; released when the file is dropped.
    fn lock(&self) -> Result<File> {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".lock");
        let lock_path = PathBuf::from(name);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&lock_path)
            .with_context(|| format!("cannot open the lock file {}", lock_path.display()))?;
        file.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        Ok(file)
    }

    /// The parsed store and, when the file exists, its permission bits.
    fn read(&self) -> Result<(Store, Option<u32>)> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Store::default(), None));
            }
            Err(e) => {
                return Err(Error::failure(format!(
                    "cannot read the store {}",
                    self.path.display()
                ))
                .caused_by(e)
                .into());
            }
        };
        let mode = self.check_permissions()?;
        Ok((self.parse(&text)?, Some(mode)))
    }

    /// Refuses a store (or its folder) that others could rewrite, as ssh refuses such keys; returns the
    /// store's permission bits.
    fn check_permissions(&self) -> Result<u32> {
        let mode = refuse_shared(&self.path, "the store", "600")?;
        refuse_shared(&self.folder(), "the store's folder", "700")?;
        Ok(mode & 0o7777)
    }

    fn parse(&self, text: &str) -> Result<Store> {
        let invalid = |e: &dyn std::fmt::Display| {
            Error::failure(format!("the store {} is not valid", self.path.display()))
                .caused_by(anyhow::anyhow!("{}", e.to_string().trim_end()))
                .hint(format!(
                    "fix it by hand in {} (nothing was changed)",
                    self.path.display()
                ))
        };
        let located = |e: toml::de::Error| invalid(&Located(text, e));
        let table: toml::Table = toml::from_str(text).map_err(located)?;
        let version = migrate::version_of(&table).map_err(|e| invalid(&e))?;
        if version > CURRENT_VERSION {
            return Err(Error::failure(format!(
                "the store {} was written by a newer notify (store version {version}; this notify knows up to {CURRENT_VERSION})",
                self.path.display()
            ))
            .hint("upgrade notify, or point --store at another file")
            .into());
        }
        // Parse the text itself, not the table, so that errors carry their line and column.
        if version == CURRENT_VERSION {
            return toml::from_str(text).map_err(|e| located(e).into());
        }
        migrate::parse_old(text, version).map_err(|e| located(e).into())
    }

    /// Writes `text` to a temporary file beside the store, syncs it, and renames it over the store.
    fn replace(&self, text: &str, existing_mode: Option<u32>) -> Result<()> {
        let dir = self.folder();
        let fail = |what: &str, e: std::io::Error| {
            Error::failure(format!("cannot {what} the store {}", self.path.display())).caused_by(e)
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".store.")
            .suffix(".tmp")
            .permissions(fs::Permissions::from_mode(existing_mode.unwrap_or(0o600)))
            .tempfile_in(&dir)
            .map_err(|e| fail("write", e))?;
        // The mode given at creation passes through the umask; set it again so that it is kept exactly.
        if let Some(mode) = existing_mode {
            tmp.as_file()
                .set_permissions(fs::Permissions::from_mode(mode))
                .map_err(|e| fail("write", e))?;
        }
        tmp.write_all(text.as_bytes())
            .map_err(|e| fail("write", e))?;
        tmp.as_file().sync_all().map_err(|e| fail("sync", e))?;
        tmp.persist(&self.path)
            .map_err(|e| fail("replace", e.error))?;
        // Make the rename itself durable.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// A TOML error as `line L, column C: what`, without the parser's excerpt of the line: the line may hold a
/// secret (a robot secret, a token in a webhook URL), and messages never show secrets.
pub struct Located<'a>(pub &'a str, pub toml::de::Error);

impl std::fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Located(text, e) = self;
        let message = e.message().trim_end();
        match e.span() {
            Some(span) => {
                let before = text.get(..span.start).unwrap_or(text);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                write!(f, "line {line}, column {column}: {message}")
            }
            None => f.write_str(message),
        }
    }
}

/// The mode of `path`, or an error with the `chmod` to run when group or others may write to it.
fn refuse_shared(path: &Path, what: &str, fix: &str) -> Result<u32> {
    let mode = fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .permissions()
        .mode();
    if mode & 0o022 != 0 {
        let who = if mode & 0o002 != 0 {
            "others"
        } else {
            "its group"
        };
        return Err(Error::failure(format!(
            "{what} {} is writable by {who} (mode {:o}); refusing to use it",
            path.display(),
            mode & 0o777
        ))
        .hint(format!("chmod {fix} {}", path.display()))
        .into());
    }
    Ok(mode)
}

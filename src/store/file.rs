//! Reading and writing the store file safely.
//!
//! A store path that is a symlink is resolved once per command and everything then happens at its target,
//! so the link stays a link. A write takes an exclusive lock on `<target>.lock`, re-reads the store under
//! that lock, applies the change, writes `.<name>.tmp` beside the target, syncs it and renames it over the
//! target. Readers never see a half-written file, and two writers never start from the same stale copy.
//! A writer killed before its rename leaves its temporary file behind (a full copy, secrets included): only
//! the lock holder writes one, so the next writer removes it under the lock before doing anything else.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::access::{refuse_exposed, refuse_writable};
use super::kept::Kept;
use super::schema::{CURRENT_VERSION, Store};
use super::{migrate, split};
use crate::error::Error;

/// A store with more users than this is freed on another thread (see `discard`).
const LARGE: usize = 1000;

/// Most symlinks followed from the store path to the file (as the kernel's own limit).
const MAX_LINKS: usize = 40;

#[derive(Debug, Clone)]
pub struct StoreFile {
    path: PathBuf,
}

/// The file a command works on: the store path with its symlinks resolved, once.
struct Target {
    file: PathBuf,
    folder: PathBuf,
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
        let target = self.target()?;
        self.read(&target, false).map(|(store, _, _)| store)
    }

    /// Applies `change` to the current store under the lock and writes the result; when `change` fails,
    /// or the result may not be kept in this file (see `access`), nothing is written.
    pub fn update<T>(&self, change: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let target = self.target()?;
        for dir in self.folders(&target) {
            if !dir.exists() {
                fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(&dir)
                    .with_context(|| format!("cannot create the folder {}", dir.display()))?;
            }
            // A new store must not be created where others could replace it either.
            refuse_writable(&dir, "the store's folder", "700")?;
        }
        let _lock = lock(&target.file)?;
        remove_stale_temps(&target);
        let (mut store, kept, existing_mode) = self.read(&target, true)?;
        let out = change(&mut store)?;
        store.version = CURRENT_VERSION;
        if let Some(mode) = existing_mode {
            refuse_exposed(&target.file, mode, &store)?;
        }
        self.replace(&target, &store, &kept, existing_mode)?;
        discard(store, kept);
        Ok(out)
    }

    /// Parses the store without the access checks of [`StoreFile::load`] (`notify doctor` reports the
    /// file's mode itself and still wants to read the rest); `None` when there is no file.
    pub fn parse_unchecked(&self) -> Result<Option<Store>> {
        let target = self.target()?;
        let text = match fs::read_to_string(&target.file) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            read => read.map_err(|e| {
                Error::failure(format!("cannot read the store {}", self.path.display()))
                    .caused_by(e)
            })?,
        };
        self.parse(text, false).map(|(store, _)| Some(store))
    }

    fn target(&self) -> Result<Target> {
        let file = resolve(&self.path)?;
        let folder = folder_of(&file);
        Ok(Target { file, folder })
    }

    /// The folder of the path as given (where a link lives) and, when different, the target's.
    fn folders(&self, target: &Target) -> Vec<PathBuf> {
        let given = folder_of(&self.path);
        if given == target.folder {
            vec![given]
        } else {
            vec![given, target.folder.clone()]
        }
    }

    /// The parsed store and, when the file exists, its permission bits. With `keep`, also the text it was
    /// read from, so that writing it copies the users a command did not change (see `kept`).
    fn read(&self, target: &Target, keep: bool) -> Result<(Store, Kept, Option<u32>)> {
        let text = match fs::read_to_string(&target.file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Store::default(), Kept::default(), None));
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
        // Refuse a store others could have rewritten before trusting a byte of it.
        let mode = refuse_writable(&target.file, "the store", "600")? & 0o7777;
        for dir in self.folders(target) {
            refuse_writable(&dir, "the store's folder", "700")?;
        }
        let (store, kept) = self.parse(text, keep)?;
        refuse_exposed(&target.file, mode, &store)?;
        Ok((store, kept, Some(mode)))
    }

    /// The store, parsed user by user when it is in today's layout (see `split`), else as a whole.
    fn parse(&self, text: String, keep: bool) -> Result<(Store, Kept)> {
        match split::parse(text, keep) {
            Ok(read) => Ok(read),
            // Kept whole for a write, so that what a person wrote there is kept too (see `split::write`).
            Err(text) => {
                let store = self.parse_whole(&text)?;
                Ok((
                    store,
                    if keep {
                        Kept::whole(text)
                    } else {
                        Kept::default()
                    },
                ))
            }
        }
    }

    fn parse_whole(&self, text: &str) -> Result<Store> {
        let invalid = |e: &dyn std::fmt::Display| {
            Error::failure(format!("the store {} is not valid", self.path.display()))
                .caused_by(anyhow::anyhow!("{}", e.to_string().trim_end()))
                .hint(format!(
                    "fix it by hand in {} (nothing was changed)",
                    self.path.display()
                ))
        };
        // Straight into the typed store in one pass; anything else (an older or newer version, a mistake)
        // takes the careful path below, which reads the version first so that its errors say what is wrong.
        if let Ok(store) = toml::from_str::<Store>(text)
            && store.version == CURRENT_VERSION
        {
            return Ok(store);
        }
        let located = |e: toml::de::Error| {
            let fix = boolean_fix(text, &e);
            let error = invalid(&Located(text, e));
            match fix {
                Some(fix) => error.hint(format!(
                    "booleans are written `true` or `false`, without quotes: `{fix}`; fix it by hand in {} (nothing was changed)",
                    self.path.display()
                )),
                None => error,
            }
        };
        let table: toml::Table = toml::from_str(text).map_err(located)?;
        // Every store notify writes has at least its `version` line: an empty file was cut short (a crash of
        // another program writing it, a full disk) and must not read as "no users, no providers".
        if table.is_empty() {
            return Err(invalid(&"line 1: the file is empty (not even its `version` line); it was probably cut short")
                .hint(format!(
                    "restore it from a backup, or delete {} to start with an empty store (nothing was changed)",
                    self.path.display()
                ))
                .into());
        }
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
        migrate::parse_old(text, version).map_err(|e| {
            // Without `version` a store reads as version 0; one in today's layout lost its first line.
            let current = format!("version = {CURRENT_VERSION}\n{text}");
            if !table.contains_key("version") && toml::from_str::<Store>(&current).is_ok() {
                invalid(&format!(
                    "line 1: the `version = {CURRENT_VERSION}` line is missing, and the rest is in the current layout"
                ))
                .hint(format!(
                    "restore {} from a backup, or, if the rest is complete, add `version = {CURRENT_VERSION}` as its first line (nothing was changed)",
                    self.path.display()
                ))
                .into()
            } else {
                located(e).into()
            }
        })
    }

    /// Writes `store` to `.<name>.tmp` beside the target (a user at a time, see `split::write`), syncs
    /// it, and renames it over the target.
    fn replace(
        &self,
        target: &Target,
        store: &Store,
        kept: &Kept,
        existing_mode: Option<u32>,
    ) -> Result<()> {
        let tmp = temp_path(&target.file);
        let fail = |what: &str, e: std::io::Error| {
            Error::failure(format!("cannot {what} the store {}", self.path.display())).caused_by(e)
        };
        let mode = existing_mode.unwrap_or(0o600);
        // `create_new` refuses an existing file or link: stale ones were removed under the lock.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)
            .map_err(|e| fail("write", e))?;
        let written = (|| -> Result<()> {
            // The mode given at creation passes through the umask; set it again so that it is kept exactly.
            file.set_permissions(fs::Permissions::from_mode(mode))
                .map_err(|e| fail("write", e))?;
            let mut out = BufWriter::with_capacity(1 << 16, &mut file);
            split::write(store, kept, &mut |piece| {
                out.write_all(piece.as_bytes())
                    .map_err(|e| fail("write", e).into())
            })?;
            out.flush().map_err(|e| fail("write", e))?;
            drop(out);
            file.sync_all().map_err(|e| fail("sync", e))?;
            fs::rename(&tmp, &target.file).map_err(|e| fail("replace", e).into())
        })();
        if let Err(e) = written {
            // Never leave a copy of the secrets behind on a failed write (a full disk, say).
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        // Make the rename itself durable.
        if let Ok(d) = File::open(&target.folder) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Frees a large store and its text on another thread: the command need not wait for tens of thousands
/// of frees, and a process that exits first simply ends that thread.
fn discard(store: Store, kept: Kept) {
    if store.users.len() > LARGE {
        // Should the thread not start, both are freed here as usual.
        let _ = std::thread::Builder::new().spawn(move || drop((store, kept)));
    }
}

/// The file `path` names: itself, or the end of its chain of symlinks (which need not exist yet).
fn resolve(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)
                    .with_context(|| format!("cannot read the symlink {}", current.display()))?;
                // A relative link is relative to the folder holding it; an absolute one replaces it.
                current = folder_of(&current).join(next);
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(e) => {
                return Err(
                    Error::failure(format!("cannot read the store {}", path.display()))
                        .caused_by(e)
                        .into(),
                );
            }
        }
    }
    Err(Error::failure(format!(
        "the store {} is a chain of more than {MAX_LINKS} symlinks",
        path.display()
    ))
    .hint("point --store or NOTIFY_STORE at the file itself")
    .into())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `<file>` with `.lock` appended.
fn lock_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// `.<name>.tmp` beside `file`: one fixed name, since only the lock holder writes it.
fn temp_path(file: &Path) -> PathBuf {
    let name = file.file_name().unwrap_or(OsStr::new("store"));
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(".tmp");
    folder_of(file).join(tmp)
}

/// Blocks until this process holds the store's lock; released when the file is dropped.
fn lock(file: &Path) -> Result<File> {
    let lock_path = lock_path(file);
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(&lock_path)
        .with_context(|| format!("cannot open the lock file {}", lock_path.display()))?;
    lock.lock()
        .with_context(|| format!("cannot lock {}", lock_path.display()))?;
    Ok(lock)
}

/// Removes what killed writers left beside the store; call with the lock held. Besides today's
/// `.<name>.tmp` this removes `.store.XXXXXX.tmp` (six letters or digits), the random names of notify
/// versions before this one, which were never cleaned. Failures are left to `replace`, which refuses to
/// write over anything.
fn remove_stale_temps(target: &Target) {
    let _ = fs::remove_file(temp_path(&target.file));
    let Ok(entries) = fs::read_dir(&target.folder) else {
        return;
    };
    for entry in entries.flatten() {
        if is_legacy_temp(&entry.file_name()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_legacy_temp(name: &OsStr) -> bool {
    name.to_str()
        .and_then(|n| n.strip_prefix(".store.")?.strip_suffix(".tmp"))
        .is_some_and(|random| {
            random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// The store's booleans, which a person may write as `yes` or `on`.
const BOOLEANS: [&str; 2] = ["enabled", "verified"];

/// `key = true` (or `false`) for an error at a boolean of the store written as a word (`enabled = yes`,
/// `verified = "no"`); only those words are ever shown, never the rest of the line.
fn boolean_fix(text: &str, e: &toml::de::Error) -> Option<String> {
    let at = e.span()?.start.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    if !BOOLEANS.contains(&key) {
        return None;
    }
    let value = value.split('#').next()?.trim().trim_matches(['"', '\'']);
    let meant = match value.to_ascii_lowercase().as_str() {
        "yes" | "y" | "on" | "true" | "1" => true,
        "no" | "n" | "off" | "false" | "0" => false,
        _ => return None,
    };
    Some(format!("{key} = {meant}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A store of `n` users, each with an enabled personal webhook.
    fn many_users(n: usize) -> Store {
        let mut text = String::from("version = 1\n");
        for i in 0..n {
            text.push_str(&format!(
                "[users.u{i:05}]\ndisplay_name = \"User {i}\"\n\
                 [users.u{i:05}.channels.webhook]\nurl = \"http://127.0.0.1:9/u{i}\"\nsignature_method = \"NONE\"\nenabled = true\n"
            ));
        }
        toml::from_str(&text).unwrap()
    }

    #[test]
    fn a_change_to_a_large_store_writes_what_toml_writes_for_the_whole_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.toml");
        let file = StoreFile::new(path.clone());
        let users = many_users(1500).users;
        file.update(|store| {
            store.users = users;
            Ok(())
        })
        .unwrap();
        let before = fs::read_to_string(&path).unwrap();
        file.update(|store| {
            let user = store.users.get_mut("u00002").unwrap();
            user.display_name = Some("Renamed".into());
            store.users.remove("u00003");
            Ok(())
        })
        .unwrap();
        let after = fs::read_to_string(&path).unwrap();
        let store = file.load().unwrap();
        assert_eq!(after, toml::to_string(&store).unwrap());
        assert_eq!(store.users.len(), 1499);
        assert_eq!(
            store.users["u00002"].display_name.as_deref(),
            Some("Renamed")
        );
        let unchanged = "[users.u01499]\ndisplay_name = \"User 1499\"\n";
        assert!(before.contains(unchanged) && after.contains(unchanged));
    }

    #[test]
    fn a_user_given_twice_in_a_large_store_is_reported_as_the_whole_parse_reports_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.toml");
        let text = toml::to_string(&many_users(1500)).unwrap() + "\n[users.u00007]\nroles = []\n";
        fs::write(&path, &text).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let err = StoreFile::new(path).load().unwrap_err();
        let whole = Located(&text, toml::from_str::<Store>(&text).unwrap_err()).to_string();
        let shown = crate::error::render(&err);
        assert!(shown.contains(&format!("caused by: {whole}\n")), "{shown}");
        // The second `[users.u00007]` header, on the last line but one.
        let line = text.lines().count() - 1;
        assert_eq!(whole, format!("line {line}, column 8: duplicate key"));
    }

    #[test]
    fn temp_and_lock_names_sit_beside_the_file() {
        let file = Path::new("/x/notify/store.toml");
        assert_eq!(temp_path(file), Path::new("/x/notify/.store.toml.tmp"));
        assert_eq!(lock_path(file), Path::new("/x/notify/store.toml.lock"));
        assert_eq!(temp_path(Path::new("s.toml")), Path::new("./.s.toml.tmp"));
    }

    #[test]
    fn only_the_old_random_temp_names_count_as_legacy() {
        assert!(is_legacy_temp(OsStr::new(".store.Ab3xYz.tmp")));
        for name in [
            ".store.toml.tmp",
            ".store.Ab3xY.tmp",
            ".store.Ab-xYz.tmp",
            "store.Ab3xYz.tmp",
        ] {
            assert!(!is_legacy_temp(OsStr::new(name)), "{name}");
        }
    }
}

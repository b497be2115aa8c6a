//! `notify secret migrate`: every literal secret of the store moved to the keyring or to files, and the
//! store rewritten to name where each went. All or nothing: the entries and files are written first,
//! under the store's lock, and removed again when anything (the store's own write included) fails.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::Result;

use super::file::StoreFile;
use super::schema::{Fields, Store};
use crate::channels::Kind;
use crate::error::Error;
use crate::providers::ProviderName;
use crate::values::{Field, KeyringRef, Revealed, Secret, Value, keyring, mask_url_tokens};

/// Where `migrate` puts the secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Keyring,
    /// One file per secret (mode 0600) in this folder (mode 0700 when created).
    Dir(PathBuf),
}

impl FromStr for Destination {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.split_once(':') {
            _ if s == "keyring" => Ok(Destination::Keyring),
            Some(("file", dir)) if !dir.is_empty() => Ok(Destination::Dir(dir.into())),
            _ => Err(format!(
                "`{s}` is not `keyring` or `file:DIR`, e.g. file:/etc/notify/secrets"
            )),
        }
    }
}

/// One secret moved: its place in the store (`providers.smtp.password`) and where it is now.
#[derive(Debug, Clone)]
pub struct Moved {
    pub place: String,
    pub to: Secret,
}

/// What a migration did, or would have to leave.
#[derive(Debug, Default)]
pub struct Migration {
    pub moved: Vec<Moved>,
    /// Places of URLs that carry a token: not secret fields, so they stay in the store.
    pub url_tokens: Vec<String>,
}

/// Moves every literal secret of the store at `file` to `to`; nothing is changed when any step fails.
pub fn migrate(file: &StoreFile, to: &Destination) -> Result<Migration> {
    let store_path = std::path::absolute(file.path()).unwrap_or_else(|_| file.path().to_owned());
    let mut written = Written::default();
    let outcome = file.update(|store| {
        let mut migration = Migration {
            url_tokens: url_tokens(store),
            ..Migration::default()
        };
        let literals = literals(store);
        if literals.is_empty() {
            return Ok(migration);
        }
        if let Destination::Dir(dir) = to {
            written.folder(dir)?;
        }
        for literal in &literals {
            let (place, value) = (&literal.place, &literal.value);
            let to = match to {
                Destination::Keyring => {
                    let entry = KeyringRef::for_place(place, &store_path);
                    written.entry(&entry, value, place)?;
                    Secret::Keyring(entry)
                }
                Destination::Dir(dir) => Secret::File(written.file(&dir.join(place), value)?),
            };
            migration.moved.push(Moved {
                place: place.clone(),
                to,
            });
        }
        for (literal, moved) in literals.iter().zip(&migration.moved) {
            replace(store, &literal.owner, literal.field, moved.to.clone());
        }
        Ok(migration)
    });
    if outcome.is_err() {
        written.undo();
    }
    outcome
}

/// Whose field a secret is.
#[derive(Clone)]
enum Owner {
    Provider(ProviderName),
    Channel(String, Kind),
}

/// A secret the store holds as given.
struct Literal {
    owner: Owner,
    field: Field,
    /// Where it is in the store, e.g. `providers.smtp.password`: names its file and keyring entry.
    place: String,
    value: Revealed,
}

/// Every literal secret, providers first, then users by name and channels by kind.
fn literals(store: &Store) -> Vec<Literal> {
    let mut out = Vec::new();
    let mut take = |owner: Owner, prefix: String, fields: &Fields| {
        for (field, value) in fields.iter() {
            if let Value::Secret(Secret::Literal(s)) = value {
                out.push(Literal {
                    owner: owner.clone(),
                    field: *field,
                    place: format!("{prefix}.{field}"),
                    value: Revealed::new(s.as_str()),
                });
            }
        }
    };
    for (name, fields) in &store.providers.0 {
        take(Owner::Provider(*name), format!("providers.{name}"), fields);
    }
    for (user, profile) in &store.users {
        for (kind, channel) in profile.channels.0.iter() {
            let owner = Owner::Channel(user.clone(), *kind);
            take(
                owner,
                format!("users.{user}.channels.{kind}"),
                &channel.fields,
            );
        }
    }
    out
}

/// The places of URL fields that carry a token (masked when shown).
fn url_tokens(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for (user, profile) in &store.users {
        for (kind, channel) in profile.channels.0.iter() {
            for (name, value) in channel.fields.iter() {
                if let Value::Text(t) = value
                    && mask_url_tokens(t) != *t
                {
                    out.push(format!("users.{user}.channels.{kind}.{name}"));
                }
            }
        }
    }
    out
}

/// Sets the owner's field to `to`.
fn replace(store: &mut Store, owner: &Owner, field: Field, to: Secret) {
    let fields = match owner {
        Owner::Provider(name) => store.providers.0.get_mut(name),
        Owner::Channel(user, kind) => store
            .users
            .get_mut(user)
            .and_then(|u| u.channels.0.get_mut(kind))
            .map(|c| &mut c.fields),
    };
    if let Some(fields) = fields {
        fields.insert(field, Value::Secret(to));
    }
}

/// What a migration has written so far, so that a failure can take it back.
#[derive(Default)]
struct Written {
    entries: Vec<KeyringRef>,
    files: Vec<PathBuf>,
    folder: Option<PathBuf>,
}

impl Written {
    /// Uses `dir` (created 0700 when missing; refused when others could replace what is in it).
    fn folder(&mut self, dir: &Path) -> Result<()> {
        if !dir.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| {
                    Error::failure(format!("cannot create the folder {}", dir.display()))
                        .caused_by(e)
                })?;
            self.folder = Some(dir.to_owned());
        }
        super::access::refuse_writable(dir, "the secrets' folder", "700")?;
        Ok(())
    }

    /// Writes one secret file (mode 0600, never over an existing file); gives its absolute path.
    fn file(&mut self, path: &Path, value: &Revealed) -> Result<PathBuf> {
        let path = std::path::absolute(path)
            .map_err(|e| Error::failure(format!("cannot write {}", path.display())).caused_by(e))?;
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .map_err(|e| {
                let err = Error::failure(format!("cannot write the secret file {}", path.display()))
                    .caused_by(e);
                if path.exists() {
                    err.hint("a file of that name is already there: move it away, or choose another folder")
                } else {
                    err
                }
            })?;
        self.files.push(path.clone());
        // The mode given at creation is reduced by the umask, never widened; make it exactly 0600.
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .and_then(|()| file.write_all(value.expose().as_bytes()))
            .and_then(|()| file.write_all(b"\n"))
            .and_then(|()| file.sync_all())
            .map_err(|e| {
                Error::failure(format!("cannot write the secret file {}", path.display()))
                    .caused_by(e)
            })?;
        Ok(path)
    }

    /// Puts one secret into the keyring.
    fn entry(&mut self, entry: &KeyringRef, value: &Revealed, place: &str) -> Result<()> {
        keyring::set(entry, value).map_err(|e| {
            Error::failure(format!("cannot move {place} to the keyring: {e}"))
                .hint("unlock the keyring, or move the secrets to files with --to file:DIR")
        })?;
        self.entries.push(entry.clone());
        Ok(())
    }

    /// Removes what was written (best effort: the store still holds every secret).
    fn undo(self) {
        for entry in &self.entries {
            let _ = keyring::delete(entry);
        }
        for file in &self.files {
            let _ = fs::remove_file(file);
        }
        if let Some(folder) = &self.folder {
            let _ = fs::remove_dir(folder);
        }
    }
}

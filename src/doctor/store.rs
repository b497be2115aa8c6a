//! The store file: where it is, who owns it, who may read and write it and its folder, and whether it
//! parses (read without the access checks of a normal load, so that the rest can still be examined).

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::{Area, Finding, shown};
use crate::store::{Store, StoreFile, first_literal_secret, schema::CURRENT_VERSION};

const AREA: Area = Area::Store;

/// Checks the store at `path` and returns it when it parses.
pub fn check(path: &Path, out: &mut Vec<Finding>) -> Option<Store> {
    let subject = path.display().to_string();
    let file = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let meta = match fs::metadata(&file) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            out.push(
                Finding::warning(
                    AREA,
                    subject,
                    "there is no store yet: nothing is configured",
                )
                .hint("notify channel set email --address you@example.com"),
            );
            return None;
        }
        Err(e) => {
            out.push(
                Finding::problem(AREA, subject, format!("cannot read the store: {e}"))
                    .hint(format!("ls -l {}", shown(path))),
            );
            return None;
        }
    };
    owner(&file, meta.uid(), &subject, out);
    folder(&file, out);
    let mode = meta.permissions().mode() & 0o777;
    let store = match StoreFile::new(path.to_path_buf()).parse_unchecked() {
        Ok(Some(store)) => store,
        Ok(None) => return None,
        Err(e) => {
            out.push(Finding::from_error(AREA, subject, &e));
            return None;
        }
    };
    file_mode(&file, mode, &store, &subject, out);
    out.push(Finding::ok(
        AREA,
        subject,
        format!(
            "parses (version {CURRENT_VERSION}): {}, {}, {} changed",
            counted(store.users.len(), "user"),
            counted(store.providers.0.len(), "provider"),
            counted(store.rules.len(), "rule")
        ),
    ));
    Some(store)
}

/// The file's mode: never writable by others; readable by others only without literal secrets.
fn file_mode(file: &Path, mode: u32, store: &Store, subject: &str, out: &mut Vec<Finding>) {
    let fix = format!("chmod 600 {}", shown(file));
    if mode & 0o022 != 0 {
        let who = if mode & 0o002 != 0 {
            "others"
        } else {
            "its group"
        };
        out.push(
            Finding::problem(
                AREA,
                subject,
                format!("mode {mode:04o}: writable by {who}, so every command refuses it"),
            )
            .hint(fix),
        );
    } else if mode & 0o044 != 0 {
        let who = if mode & 0o004 != 0 {
            "others"
        } else {
            "its group"
        };
        match first_literal_secret(store) {
            Some(place) => out.push(
                Finding::problem(
                    AREA,
                    subject,
                    format!(
                        "mode {mode:04o}: readable by {who} while it holds a literal secret ({place}), so every command refuses it"
                    ),
                )
                .hint(fix),
            ),
            None => out.push(
                Finding::warning(
                    AREA,
                    subject,
                    format!(
                        "mode {mode:04o}: readable by {who} (allowed while it only names secrets kept elsewhere; a literal secret would be refused)"
                    ),
                )
                .hint(fix),
            ),
        }
    } else {
        out.push(Finding::ok(AREA, subject, format!("mode {mode:04o}")));
    }
}

/// The folder holding the store: 0700 (nobody else may list, replace or add files).
fn folder(file: &Path, out: &mut Vec<Finding>) {
    let Some(dir) = file.parent().map(PathBuf::from) else {
        return;
    };
    let Ok(meta) = fs::metadata(&dir) else {
        return;
    };
    let mode = meta.permissions().mode() & 0o777;
    let subject = dir.display().to_string();
    let fix = format!("chmod 700 {}", shown(&dir));
    if mode & 0o022 != 0 {
        out.push(
            Finding::problem(
                AREA,
                subject,
                format!("the store's folder has mode {mode:04o}: others may replace the store, so every command refuses it"),
            )
            .hint(fix),
        );
    } else if mode & 0o077 != 0 {
        out.push(
            Finding::warning(
                AREA,
                subject,
                format!("the store's folder has mode {mode:04o}: others can see what is in it"),
            )
            .hint(fix),
        );
    } else {
        out.push(Finding::ok(
            AREA,
            subject,
            format!("folder mode {mode:04o}"),
        ));
    }
}

/// The store belongs to the user running notify.
fn owner(file: &Path, uid: u32, subject: &str, out: &mut Vec<Finding>) {
    let Some(me) = current_uid() else { return };
    if uid != me {
        out.push(
            Finding::problem(
                AREA,
                subject,
                format!(
                    "owned by user id {uid}, not by you (user id {me}): its owner can rewrite it"
                ),
            )
            .hint(format!("sudo chown \"$(id -un)\" {}", shown(file))),
        );
    }
}

/// This process's user id, from `/proc` (None where there is no `/proc`: the check is skipped).
fn current_uid() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    // Real, effective, saved, file system: the effective id decides what the process may do.
    line.split_whitespace().nth(2)?.parse().ok()
}

/// `1 user`, `2 users`.
fn counted(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

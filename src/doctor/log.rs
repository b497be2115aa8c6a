//! The delivery log: its mode, its schema version (read only: the doctor never migrates it), the serve
//! that owns it and the queue it holds.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Area, Finding, shown};
use crate::clock::Clock;
use crate::log::CURRENT_VERSION;

const AREA: Area = Area::Log;

pub fn check(path: Option<&Path>, clock: &Clock, out: &mut Vec<Finding>) {
    let Some(path) = path else {
        out.push(
            Finding::warning(
                AREA,
                "delivery log",
                "no place for it: there is no home folder",
            )
            .hint("export NOTIFY_LOG=/var/lib/notify/deliveries.db"),
        );
        return;
    };
    if let Some(url) = path.to_str().filter(|p| crate::log::postgres::is_url(p)) {
        return database(url, path, clock, out);
    }
    let subject = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            out.push(Finding::ok(
                AREA,
                subject,
                "not created yet (the first send creates it)",
            ));
            return;
        }
        Err(e) => {
            out.push(
                Finding::problem(AREA, subject, format!("cannot read it: {e}"))
                    .hint(format!("ls -l {}", shown(path))),
            );
            return;
        }
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        out.push(
            Finding::warning(
                AREA,
                &subject,
                format!("mode {mode:04o}: others can read who was notified of what"),
            )
            .hint(format!("chmod 600 {}", shown(path))),
        );
    }
    let version = match read_version(path) {
        Ok(v) => v,
        Err(e) => {
            out.push(
                Finding::problem(AREA, subject, format!("cannot open it: {e}"))
                    .hint("point --log (NOTIFY_LOG) at another file, or move this one aside"),
            );
            return;
        }
    };
    if version > CURRENT_VERSION {
        out.push(
            Finding::problem(
                AREA,
                subject,
                format!("written by a newer notify (log version {version}; this notify knows up to {CURRENT_VERSION})"),
            )
            .hint("upgrade notify, or point --log (NOTIFY_LOG) at another file"),
        );
        return;
    }
    let owner = crate::relay::owner(path);
    let serve = match &owner {
        Some(pid) => format!("; notify serve (process {pid}) owns it"),
        None => "; no serve owns it".to_owned(),
    };
    if version < CURRENT_VERSION {
        out.push(Finding::ok(
            AREA,
            subject,
            format!("opens (log version {version}, upgraded to {CURRENT_VERSION} by the next send){serve}"),
        ));
        return;
    }
    out.push(Finding::ok(
        AREA,
        &subject,
        format!("opens (log version {version}), mode {mode:04o}{serve}"),
    ));
    queue(path, clock, &subject, out);
}

/// The schema version, read through a read-only connection.
fn read_version(path: &Path) -> rusqlite::Result<i64> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// A PostgreSQL log: it answers, at which version (the doctor never migrates it).
fn database(url: &str, path: &Path, clock: &Clock, out: &mut Vec<Finding>) {
    let subject = crate::log::shown(path);
    match crate::log::postgres::Database::version(url) {
        Err(e) => out.push(Finding::from_error(AREA, subject, &e)),
        Ok(version) if version > CURRENT_VERSION => out.push(
            Finding::problem(
                AREA,
                subject,
                format!("written by a newer notify (log version {version}; this notify knows up to {CURRENT_VERSION})"),
            )
            .hint("upgrade notify, or point --log (NOTIFY_LOG) at another database"),
        ),
        Ok(version) if version < CURRENT_VERSION => out.push(Finding::ok(
            AREA,
            subject,
            format!("PostgreSQL answers (log version {version}, upgraded to {CURRENT_VERSION} by the next send)"),
        )),
        Ok(version) => {
            out.push(Finding::ok(
                AREA,
                &subject,
                format!("PostgreSQL answers (log version {version})"),
            ));
            queue(path, clock, &subject, out);
        }
    }
}

/// The relay's queue depth; given-up destinations are worth a look.
fn queue(path: &Path, clock: &Clock, subject: &str, out: &mut Vec<Finding>) {
    let now = i64::try_from(clock.now_ms()).unwrap_or(i64::MAX);
    let counts = match crate::log::open_queue(path).and_then(|q| q.counts(now)) {
        Ok(counts) => counts,
        Err(e) => {
            out.push(Finding::from_error(AREA, subject, &e));
            return;
        }
    };
    let text = format!(
        "queue: {} due, {} scheduled, {} in flight, {} destinations given up",
        counts.due, counts.scheduled, counts.in_flight, counts.dead
    );
    if counts.dead > 0 {
        out.push(Finding::warning(AREA, subject, text).hint("notify queue"));
    } else {
        out.push(Finding::ok(AREA, subject, text));
    }
}

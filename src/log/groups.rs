//! Grouping in the delivery log's database: events of one rule with the same group key join the open
//! group; the group's own queue event, due when its wait ends, sends them as one message. State, not
//! memory: a group waiting when the relay is killed is sent after the restart at its due time.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use super::postgres::{PgGroups, is_url};
use super::schema;

/// What joining came to: the group's id and when it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub group_id: String,
    pub due_ms: i64,
    /// This event opened the group.
    pub opened: bool,
}

/// An event joining the group of (`rule`, `key`), at `now_ms`, with its rule's `group_wait` and
/// `repeat_interval` in milliseconds. `body` is the event's fields as JSON.
#[derive(Debug, Clone, Copy)]
pub struct Join<'a> {
    pub rule: &'a str,
    pub key: &'a str,
    pub event_id: &'a str,
    pub body: &'a str,
    pub now_ms: i64,
    pub wait_ms: i64,
    pub repeat_ms: i64,
}

impl<'a> Join<'a> {
    /// For the tests: `event_id` of rule `r` (fields `{}`) joining key `key` at `now_ms`, waiting
    /// 30 s and repeating after `repeat_ms`.
    #[cfg(test)]
    pub(crate) fn of(key: &'a str, event_id: &'a str, now_ms: i64, repeat_ms: i64) -> Self {
        Join {
            rule: "r",
            key,
            event_id,
            body: "{}",
            now_ms,
            wait_ms: 30_000,
            repeat_ms,
        }
    }
}

/// The id of the group `event_id` opens at `now_ms`.
pub(crate) fn group_id(rule: &str, key: &str, event_id: &str, now_ms: i64) -> String {
    let seed = format!("{rule}\n{key}\n{event_id}\n{now_ms}");
    let digest = Sha256::digest(seed.as_bytes());
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("grp-{hex}")
}

/// The groups of one delivery log, in either backend.
#[derive(Debug)]
pub enum Groups {
    Sqlite(SqliteGroups),
    Postgres(PgGroups),
}

impl Groups {
    /// Opens (creating and migrating) the log `--log` names: a file or a PostgreSQL URL.
    pub fn open(target: &Path) -> Result<Self> {
        Ok(match target.to_str().filter(|t| is_url(t)) {
            Some(url) => Groups::Postgres(PgGroups::open(url)?),
            None => Groups::Sqlite(SqliteGroups::open(target)?),
        })
    }

    /// Adds an event to the open group of (`rule`, `key`), or opens one due at `now + wait`, and not
    /// before the last send of the same group plus `repeat` (its queue event carries `body`).
    pub fn join(&self, join: Join<'_>) -> Result<Joined> {
        match self {
            Groups::Sqlite(g) => g.join(join),
            Groups::Postgres(g) => g.join(join),
        }
    }

    /// A group's events (id, fields as JSON) in arrival order, closing it to newcomers; `None` when
    /// `id` is not a group.
    pub fn take(&self, id: &str, now_ms: i64) -> Result<Option<Vec<(String, String)>>> {
        match self {
            Groups::Sqlite(g) => g.take(id, now_ms),
            Groups::Postgres(g) => g.take(id, now_ms),
        }
    }
}

/// The groups of one log file.
#[derive(Debug)]
pub struct SqliteGroups {
    path: PathBuf,
    conn: Connection,
}

impl SqliteGroups {
    pub fn open(path: &Path) -> Result<Self> {
        Ok(SqliteGroups {
            path: path.to_owned(),
            conn: schema::open(path, true)?,
        })
    }

    /// As [`Groups::join`].
    pub fn join(&self, join: Join<'_>) -> Result<Joined> {
        let Join {
            rule,
            key,
            event_id,
            body,
            now_ms,
            wait_ms,
            repeat_ms,
        } = join;
        self.write(|tx| {
            let open: Option<(String, i64)> = tx
                .query_row(
                    "SELECT id, due_ms FROM groups WHERE rule = ?1 AND key = ?2 AND state = 'open'",
                    params![rule, key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (group_id, due_ms, opened) = match open {
                Some((id, due)) => (id, due, false),
                None => {
                    let last: Option<i64> = tx.query_row(
                        "SELECT max(sent_ms) FROM groups WHERE rule = ?1 AND key = ?2",
                        params![rule, key],
                        |r| r.get(0),
                    )?;
                    let due = now_ms
                        .saturating_add(wait_ms)
                        .max(last.map_or(i64::MIN, |l| l.saturating_add(repeat_ms)));
                    let id = group_id(rule, key, event_id, now_ms);
                    tx.execute(
                        "INSERT INTO groups (id, rule, key, state, due_ms) VALUES (?1, ?2, ?3, 'open', ?4)",
                        params![id, rule, key, due],
                    )?;
                    tx.execute(
                        "INSERT OR IGNORE INTO queue_events (id, body, received_ms, due_ms, state)
                         VALUES (?1, ?2, ?3, ?4, 'queued')",
                        params![id, body, now_ms, due],
                    )?;
                    (id, due, true)
                }
            };
            tx.execute(
                "INSERT OR IGNORE INTO group_events (group_id, event_id, body) VALUES (?1, ?2, ?3)",
                params![group_id, event_id, body],
            )?;
            Ok(Joined {
                group_id,
                due_ms,
                opened,
            })
        })
    }

    /// A group's events (id, fields as JSON) in arrival order, closing it to newcomers; `None` when
    /// `id` is not a group.
    pub fn take(&self, id: &str, now_ms: i64) -> Result<Option<Vec<(String, String)>>> {
        self.write(|tx| {
            let known: Option<String> = tx
                .query_row("SELECT state FROM groups WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if known.is_none() {
                return Ok(None);
            }
            tx.execute(
                "UPDATE groups SET state = 'sent', sent_ms = coalesce(sent_ms, ?2) WHERE id = ?1",
                params![id, now_ms],
            )?;
            let mut stmt = tx.prepare(
                "SELECT event_id, body FROM group_events WHERE group_id = ?1 ORDER BY rowid",
            )?;
            let rows = stmt
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Some(rows))
        })
    }

    fn write<T>(&self, f: impl Fn(&Transaction<'_>) -> rusqlite::Result<T>) -> Result<T> {
        schema::retry_busy(|| {
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .map_err(|e| schema::explain(&self.path, "write", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::postgres::testing::each_log;

    #[test]
    fn events_join_the_open_group_and_a_sent_group_waits_out_the_repeat_interval() {
        each_log(|target| joins_and_repeats(&Groups::open(target).unwrap()));
    }

    fn joins_and_repeats(groups: &Groups) {
        let first = groups.join(Join::of("42", "e-1", 1_000, 600_000)).unwrap();
        assert!(first.opened);
        assert_eq!(first.due_ms, 31_000);
        let second = groups.join(Join::of("42", "e-2", 5_000, 600_000)).unwrap();
        assert_eq!(
            (second.group_id.as_str(), second.opened),
            (first.group_id.as_str(), false)
        );
        let other = groups.join(Join::of("43", "e-3", 5_000, 600_000)).unwrap();
        assert_ne!(other.group_id, first.group_id);
        let members = groups.take(&first.group_id, 31_000).unwrap().unwrap();
        let ids: Vec<&str> = members.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["e-1", "e-2"]);
        // Sent at 31 s: a new event of the same key waits until 31 s + 10 min, not 30 s.
        let later = groups.join(Join::of("42", "e-4", 40_000, 600_000)).unwrap();
        assert!(later.opened);
        assert_eq!(later.due_ms, 631_000);
        assert_eq!(groups.take("nope", 0).unwrap(), None);
    }
}

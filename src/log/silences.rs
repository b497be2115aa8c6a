//! Silences in the delivery log's database: state shared by every process on the log (and, with a
//! shared backend, every host), not configuration; each ends by itself at its `ends_ms`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::postgres::{PgSilences, is_url};
use super::schema;
use crate::time::{Matchers, Silence};

/// What an `expire` came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expired {
    Now,
    /// It had ended already.
    Before,
    Unknown,
}

/// The silences of one delivery log, in either backend.
#[derive(Debug)]
pub enum Silences {
    Sqlite(SqliteSilences),
    Postgres(PgSilences),
}

impl Silences {
    /// Opens (creating and migrating) the log `--log` names: a file or a PostgreSQL URL.
    pub fn open(target: &Path) -> Result<Self> {
        Ok(match target.to_str().filter(|t| is_url(t)) {
            Some(url) => Silences::Postgres(PgSilences::open(url)?),
            None => Silences::Sqlite(SqliteSilences::open(target)?),
        })
    }

    /// The silences holding at `now_ms`, all of them; none when there is no log file yet (nothing
    /// was silenced).
    pub fn active_in(target: &Path, now_ms: i64) -> Result<Vec<Silence>> {
        if !super::may_exist(target) {
            return Ok(Vec::new());
        }
        Silences::open(target)?.active(now_ms)
    }

    /// The silences holding at `now_ms`, all of them.
    pub fn active(&self, now_ms: i64) -> Result<Vec<Silence>> {
        self.list(now_ms, false)
    }

    /// Adds a silence (its id chosen by the caller).
    pub fn add(&self, silence: &Silence, now_ms: i64) -> Result<()> {
        match self {
            Silences::Sqlite(s) => s.add(silence, now_ms),
            Silences::Postgres(s) => s.add(silence, now_ms),
        }
    }

    /// The silences that have not ended at `now_ms` (with `all`, every one), the newest first.
    pub fn list(&self, now_ms: i64, all: bool) -> Result<Vec<Silence>> {
        match self {
            Silences::Sqlite(s) => s.list(now_ms, all),
            Silences::Postgres(s) => s.list(now_ms, all),
        }
    }

    /// Ends a silence now.
    pub fn expire(&self, id: &str, now_ms: i64) -> Result<Expired> {
        match self {
            Silences::Sqlite(s) => s.expire(id, now_ms),
            Silences::Postgres(s) => s.expire(id, now_ms),
        }
    }
}

/// The silences of one log file.
#[derive(Debug)]
pub struct SqliteSilences {
    path: PathBuf,
    pub(super) conn: Connection,
}

impl SqliteSilences {
    /// Opens (creating and migrating) the log at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        Ok(SqliteSilences {
            path: path.to_owned(),
            conn: schema::open(path, true)?,
        })
    }

    /// Adds a silence (its id chosen by the caller).
    pub fn add(&self, silence: &Silence, now_ms: i64) -> Result<()> {
        let matchers = serde_json::to_string(&silence.matchers)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO silences (id, matchers, starts_ms, ends_ms, comment, created_by, created_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    silence.id,
                    matchers,
                    silence.starts_ms,
                    silence.ends_ms,
                    silence.comment,
                    silence.created_by,
                    now_ms
                ],
            )?;
            Ok(())
        })
    }

    /// The silences that have not ended at `now_ms` (with `all`, every one), the newest first.
    pub fn list(&self, now_ms: i64, all: bool) -> Result<Vec<Silence>> {
        let read = || -> rusqlite::Result<Vec<Silence>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, matchers, starts_ms, ends_ms, comment, created_by FROM silences
                 WHERE ?2 OR ends_ms > ?1 ORDER BY created_ms DESC, id",
            )?;
            stmt.query_map(params![now_ms, all], |r| {
                let text: String = r.get(1)?;
                Ok(Silence {
                    id: r.get(0)?,
                    matchers: serde_json::from_str::<Matchers>(&text).unwrap_or_default(),
                    starts_ms: r.get(2)?,
                    ends_ms: r.get(3)?,
                    comment: r.get(4)?,
                    created_by: r.get(5)?,
                })
            })?
            .collect()
        };
        read().map_err(|e| schema::explain(&self.path, "read", e))
    }

    /// Ends a silence now.
    pub fn expire(&self, id: &str, now_ms: i64) -> Result<Expired> {
        self.write(|tx| {
            let ends: Option<i64> = tx
                .query_row("SELECT ends_ms FROM silences WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            Ok(match ends {
                None => Expired::Unknown,
                Some(end) if end <= now_ms => Expired::Before,
                Some(_) => {
                    tx.execute(
                        "UPDATE silences SET ends_ms = ?2 WHERE id = ?1",
                        params![id, now_ms],
                    )?;
                    Expired::Now
                }
            })
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
    use crate::channels::Kind;
    use crate::log::postgres::testing::each_log;

    #[test]
    fn silences_round_trip_end_by_themselves_and_expire() {
        each_log(|target| {
            if !target.to_str().is_some_and(is_url) {
                assert!(Silences::active_in(target, 0).unwrap().is_empty());
            }
            let log = Silences::open(target).unwrap();
            let s = Silence {
                id: "ab12".into(),
                matchers: Matchers {
                    event: vec!["ticket.*".into()],
                    channel: vec![Kind::Sms],
                    ..Matchers::default()
                },
                starts_ms: 1_000,
                ends_ms: 5_000,
                comment: "db maintenance".into(),
                created_by: Some("ops".into()),
            };
            log.add(&s, 1_000).unwrap();
            assert_eq!(log.list(2_000, false).unwrap(), vec![s.clone()]);
            assert_eq!(Silences::active_in(target, 2_000).unwrap(), vec![s.clone()]);
            assert!(
                log.list(5_000, false).unwrap().is_empty(),
                "ended by itself"
            );
            assert_eq!(log.list(5_000, true).unwrap().len(), 1);
            assert_eq!(log.expire("ab12", 3_000).unwrap(), Expired::Now);
            assert!(Silences::active_in(target, 3_000).unwrap().is_empty());
            assert_eq!(log.expire("ab12", 4_000).unwrap(), Expired::Before);
            assert_eq!(log.expire("nope", 4_000).unwrap(), Expired::Unknown);
        });
    }
}

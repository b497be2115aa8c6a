//! Silences in PostgreSQL: the same rows as SQLite's, so that `notify silence add` on any host hushes
//! the deliveries of every replica on the database.

use std::sync::Arc;

use anyhow::Result;
use tokio_postgres::Row;

use super::{Database, PgError};
use crate::log::silences::Expired;
use crate::time::{Matchers, Silence};

/// The silences in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgSilences {
    db: Arc<Database>,
}

fn silence(r: &Row) -> Result<Silence, PgError> {
    let text: String = r.try_get(1)?;
    let matchers: Matchers =
        serde_json::from_str(&text).map_err(|_| PgError::Unreadable("silence matchers".into()))?;
    Ok(Silence {
        id: r.try_get(0)?,
        matchers,
        starts_ms: r.try_get(2)?,
        ends_ms: r.try_get(3)?,
        comment: r.try_get(4)?,
        created_by: r.try_get(5)?,
    })
}

impl PgSilences {
    /// Opens (and migrates) the database `url` names.
    pub fn open(url: &str) -> Result<PgSilences> {
        Ok(PgSilences {
            db: Database::open(url)?,
        })
    }

    /// Adds a silence (its id chosen by the caller).
    pub fn add(&self, silence: &Silence, now_ms: i64) -> Result<()> {
        let matchers = serde_json::to_string(&silence.matchers)?;
        let s = silence.clone();
        self.db.run("write", move |pool| async move {
            pool.get()
                .await?
                .execute(
                    "INSERT INTO silences (id, matchers, starts_ms, ends_ms, comment, created_by,
                         created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    &[
                        &s.id,
                        &matchers,
                        &s.starts_ms,
                        &s.ends_ms,
                        &s.comment,
                        &s.created_by,
                        &now_ms,
                    ],
                )
                .await?;
            Ok(())
        })
    }

    /// The silences that have not ended at `now_ms` (with `all`, every one), the newest first.
    pub fn list(&self, now_ms: i64, all: bool) -> Result<Vec<Silence>> {
        self.db.run("read", move |pool| async move {
            let rows = pool
                .get()
                .await?
                .query(
                    "SELECT id, matchers, starts_ms, ends_ms, comment, created_by FROM silences
                     WHERE $2 OR ends_ms > $1 ORDER BY created_ms DESC, id",
                    &[&now_ms, &all],
                )
                .await?;
            rows.iter().map(silence).collect()
        })
    }

    /// Ends a silence now.
    pub fn expire(&self, id: &str, now_ms: i64) -> Result<Expired> {
        let id = id.to_owned();
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            let ends: Option<i64> = tx
                .query_opt(
                    "SELECT ends_ms FROM silences WHERE id = $1 FOR UPDATE",
                    &[&id],
                )
                .await?
                .map(|r| r.try_get(0))
                .transpose()?;
            let out = match ends {
                None => Expired::Unknown,
                Some(end) if end <= now_ms => Expired::Before,
                Some(_) => {
                    tx.execute(
                        "UPDATE silences SET ends_ms = $2 WHERE id = $1",
                        &[&id, &now_ms],
                    )
                    .await?;
                    Expired::Now
                }
            };
            tx.commit().await?;
            Ok(out)
        })
    }
}

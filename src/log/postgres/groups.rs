//! Grouping in PostgreSQL: joins of one (rule, key) take one advisory lock, so replicas planning
//! events of one group at once add them to one open group (one message, sent once by whichever
//! replica claims the group's queue event); closing a group locks its row, so an event joins the
//! group before it is closed or a new one after, never one already being sent.

use std::sync::Arc;

use anyhow::Result;

use super::{Database, PgError};
use crate::log::groups::{Join, Joined, group_id};

/// The first half of the advisory lock key of a group's joins ("ntg1"); the second is the hash of
/// the rule and the key.
const GROUP_LOCK: i32 = 0x6e74_6731;

/// The groups in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgGroups {
    db: Arc<Database>,
}

impl PgGroups {
    /// Opens (and migrates) the database `url` names.
    pub fn open(url: &str) -> Result<PgGroups> {
        Ok(PgGroups {
            db: Database::open(url)?,
        })
    }

    /// As `Groups::join`.
    pub fn join(&self, join: Join<'_>) -> Result<Joined> {
        let (rule, key, event_id, body) = (
            join.rule.to_owned(),
            join.key.to_owned(),
            join.event_id.to_owned(),
            join.body.to_owned(),
        );
        let (now_ms, wait_ms, repeat_ms) = (join.now_ms, join.wait_ms, join.repeat_ms);
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2 || E'\\n' || $3))",
                &[&GROUP_LOCK, &rule, &key],
            )
            .await?;
            let open = tx
                .query_opt(
                    "SELECT id, due_ms FROM groups WHERE rule = $1 AND key = $2 AND state = 'open'
                     FOR UPDATE",
                    &[&rule, &key],
                )
                .await?;
            let (group, due_ms, opened) = match open {
                Some(r) => (r.try_get(0)?, r.try_get(1)?, false),
                None => {
                    let last: Option<i64> = tx
                        .query_one(
                            "SELECT max(sent_ms) FROM groups WHERE rule = $1 AND key = $2",
                            &[&rule, &key],
                        )
                        .await?
                        .try_get(0)?;
                    let due = now_ms
                        .saturating_add(wait_ms)
                        .max(last.map_or(i64::MIN, |l| l.saturating_add(repeat_ms)));
                    let id = group_id(&rule, &key, &event_id, now_ms);
                    tx.execute(
                        "INSERT INTO groups (id, rule, key, state, due_ms)
                         VALUES ($1, $2, $3, 'open', $4)",
                        &[&id, &rule, &key, &due],
                    )
                    .await?;
                    tx.execute(
                        "INSERT INTO queue_events (id, body, received_ms, due_ms, state)
                         VALUES ($1, $2, $3, $4, 'queued') ON CONFLICT (id) DO NOTHING",
                        &[&id, &body, &now_ms, &due],
                    )
                    .await?;
                    (id, due, true)
                }
            };
            tx.execute(
                "INSERT INTO group_events (group_id, event_id, body) VALUES ($1, $2, $3)
                 ON CONFLICT (group_id, event_id) DO NOTHING",
                &[&group, &event_id, &body],
            )
            .await?;
            tx.commit().await?;
            Ok(Joined {
                group_id: group,
                due_ms,
                opened,
            })
        })
    }

    /// As `Groups::take`: the members in the order they arrived (at the relay, then joined).
    pub fn take(&self, id: &str, now_ms: i64) -> Result<Option<Vec<(String, String)>>> {
        let id = id.to_owned();
        self.db.run("write", move |pool| async move {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            let known = tx
                .query_opt("SELECT state FROM groups WHERE id = $1 FOR UPDATE", &[&id])
                .await?;
            if known.is_none() {
                return Ok(None);
            }
            tx.execute(
                "UPDATE groups SET state = 'sent', sent_ms = coalesce(sent_ms, $2) WHERE id = $1",
                &[&id, &now_ms],
            )
            .await?;
            // group_events has no sequence of its own: the relay's arrival time orders the members,
            // then the physical order of the rows, which are only ever appended.
            let rows = tx
                .query(
                    "SELECT g.event_id, g.body FROM group_events g
                     LEFT JOIN queue_events q ON q.id = g.event_id
                     WHERE g.group_id = $1 ORDER BY q.received_ms NULLS FIRST, g.ctid",
                    &[&id],
                )
                .await?;
            let members = rows
                .iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<Result<Vec<_>, PgError>>()?;
            tx.commit().await?;
            Ok(Some(members))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing;
    use super::*;

    #[test]
    fn replicas_joining_one_key_at_once_open_one_group() {
        let Some(pg) = testing::cluster() else { return };
        let url = pg.fresh_database();
        PgGroups::open(&url).unwrap();
        // Each replica has its own pool, as separate processes do.
        let replicas: Vec<PgGroups> = (0..4)
            .map(|_| PgGroups {
                db: Arc::new(Database::connect(&url).unwrap()),
            })
            .collect();
        let together = std::sync::Barrier::new(replicas.len());
        let joined: Vec<Joined> = std::thread::scope(|s| {
            let handles: Vec<_> = replicas
                .iter()
                .enumerate()
                .map(|(r, g)| {
                    let together = &together;
                    s.spawn(move || {
                        (0..10)
                            .map(|n| {
                                let id = format!("e-{r}-{n}");
                                together.wait();
                                g.join(Join::of("42", &id, 1_000, 0)).unwrap()
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        let opened: Vec<&Joined> = joined.iter().filter(|j| j.opened).collect();
        assert_eq!(opened.len(), 1, "one group opened: {opened:?}");
        assert!(joined.iter().all(|j| j.group_id == opened[0].group_id));
        let members = replicas[0].take(&opened[0].group_id, 31_000).unwrap();
        assert_eq!(members.map(|m| m.len()), Some(40));
        // Closed: the next event opens a group of its own.
        let later = replicas[1].join(Join::of("42", "e-x", 32_000, 0));
        assert!(later.unwrap().opened);
    }
}

//! The PostgreSQL schema: the same numbered steps as the SQLite log's, applied by the first process
//! that needs them while it holds an advisory lock, so that replicas starting together migrate once.

use deadpool_postgres::Pool;

use super::PgError;

/// The schema version this notify writes; a database at a higher version is refused.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// The advisory lock key of the migrations ("notify" in ASCII): other applications' keys are unlikely
/// to collide with it.
const LOCK_KEY: i64 = 0x6e6f_7469_6679;

/// `MIGRATIONS[n]` takes the database from version `n` to `n + 1`, as `log::schema`'s step `n` does for
/// SQLite. Append only: a released step never changes.
const MIGRATIONS: &[&str] = &[
    // 1: the message of each run once, and one row per destination and run.
    "CREATE TABLE messages (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title TEXT,
        text TEXT NOT NULL,
        format TEXT NOT NULL,
        event TEXT NOT NULL,
        category TEXT NOT NULL,
        module TEXT NOT NULL,
        task_id TEXT NOT NULL,
        task_name TEXT NOT NULL,
        submitter_uid TEXT NOT NULL,
        submitter_name TEXT NOT NULL
    );
    CREATE TABLE deliveries (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id TEXT NOT NULL,
        time_ms BIGINT NOT NULL,
        identity TEXT NOT NULL,
        ad_hoc BOOLEAN NOT NULL,
        recipient TEXT NOT NULL,
        channel TEXT NOT NULL,
        destination TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed', 'skipped')),
        attempts INTEGER NOT NULL,
        error_code TEXT,
        error_message TEXT,
        reason TEXT,
        idempotency_key TEXT NOT NULL,
        message BIGINT NOT NULL REFERENCES messages(id)
    );
    CREATE INDEX deliveries_by_event ON deliveries(event_id, identity);
    CREATE INDEX deliveries_by_time ON deliveries(time_ms);
    CREATE INDEX deliveries_by_message ON deliveries(message);",
    // 2: what templates and rich formats add to a message (JSON, see `log::rich`); NULL in older rows.
    "ALTER TABLE messages ADD COLUMN rich TEXT;",
    // 3: the relay's queue (see `log::queue`): accepted events, and each one's planned destinations.
    "CREATE TABLE queue_events (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        received_ms BIGINT NOT NULL,
        due_ms BIGINT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'done', 'cancelled')),
        lease_owner TEXT,
        lease_until_ms BIGINT
    );
    CREATE INDEX queue_events_due ON queue_events(state, due_ms);
    CREATE TABLE queue_deliveries (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        event_id TEXT NOT NULL REFERENCES queue_events(id),
        identity TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'skipped', 'dead')),
        attempts INTEGER NOT NULL,
        next_attempt_ms BIGINT NOT NULL,
        last_error TEXT,
        PRIMARY KEY (event_id, identity)
    );
    CREATE INDEX queue_deliveries_by_state ON queue_deliveries(state);",
    // 4: silences (see `log::silences`): what they match (JSON), when they hold, and why.
    "CREATE TABLE silences (
        id TEXT PRIMARY KEY,
        matchers TEXT NOT NULL,
        starts_ms BIGINT NOT NULL,
        ends_ms BIGINT NOT NULL,
        comment TEXT NOT NULL,
        created_by TEXT,
        created_ms BIGINT NOT NULL
    );
    CREATE INDEX silences_by_end ON silences(ends_ms);",
    // 5: acknowledgements, escalation steps and groups (see `log::acks`, `log::groups`).
    "CREATE TABLE acks (
        event_id TEXT PRIMARY KEY,
        acked_by TEXT,
        acked_ms BIGINT NOT NULL
    );
    CREATE TABLE escalations (
        step_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        step INTEGER NOT NULL,
        after TEXT NOT NULL,
        roles TEXT NOT NULL,
        due_ms BIGINT NOT NULL,
        fired_ms BIGINT,
        stopped_ms BIGINT
    );
    CREATE INDEX escalations_by_event ON escalations(event_id);
    CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        key TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'sent')),
        due_ms BIGINT NOT NULL,
        sent_ms BIGINT
    );
    CREATE INDEX groups_by_key ON groups(rule, key, state);
    CREATE TABLE group_events (
        group_id TEXT NOT NULL REFERENCES groups(id),
        event_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (group_id, event_id)
    );",
];

/// Brings the database up to date in one transaction under the advisory lock; `Some(version)` when it
/// was written by a newer notify (and is left alone).
pub(super) async fn migrate(pool: Pool) -> Result<Option<i64>, PgError> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])
        .await?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS notify_schema (version BIGINT NOT NULL)")
        .await?;
    let version: i64 = tx
        .query_opt("SELECT version FROM notify_schema", &[])
        .await?
        .map_or(0, |r| r.get(0));
    if version > CURRENT_VERSION {
        return Ok(Some(version));
    }
    for sql in MIGRATIONS.iter().skip(version.max(0) as usize) {
        tx.batch_execute(sql).await?;
    }
    if version < CURRENT_VERSION {
        tx.execute("DELETE FROM notify_schema", &[]).await?;
        tx.execute(
            "INSERT INTO notify_schema (version) VALUES ($1)",
            &[&CURRENT_VERSION],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::super::{Database, testing};
    use super::*;

    fn run_sql(db: &Database, sql: &'static str) {
        db.run("test", move |pool| async move {
            pool.get().await?.batch_execute(sql).await?;
            Ok(())
        })
        .unwrap();
    }

    fn version(db: &Database) -> i64 {
        db.run("test", |pool| async move {
            let row = pool
                .get()
                .await?
                .query_one("SELECT version FROM notify_schema", &[])
                .await?;
            Ok(row.get::<_, i64>(0))
        })
        .unwrap()
    }

    #[test]
    fn replicas_starting_together_migrate_once_to_the_current_version() {
        let Some(pg) = testing::cluster() else { return };
        let url = pg.fresh_database();
        // Separate pools, as separate processes would have: the advisory lock orders them.
        let dbs: Vec<_> = (0..4).map(|_| Database::connect(&url).unwrap()).collect();
        std::thread::scope(|s| {
            for db in &dbs {
                s.spawn(|| assert_eq!(db.run("upgrade", migrate).unwrap(), None));
            }
        });
        assert_eq!(version(&dbs[0]), CURRENT_VERSION);
        let tables: Vec<String> = dbs[0]
            .run("test", |pool| async move {
                let rows = pool
                    .get()
                    .await?
                    .query(
                        "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'
                         ORDER BY tablename",
                        &[],
                    )
                    .await?;
                Ok(rows.iter().map(|r| r.get(0)).collect())
            })
            .unwrap();
        assert_eq!(
            tables,
            [
                "acks",
                "deliveries",
                "escalations",
                "group_events",
                "groups",
                "messages",
                "notify_schema",
                "queue_deliveries",
                "queue_events",
                "silences"
            ]
        );
    }

    #[test]
    fn a_database_written_by_a_newer_notify_is_refused_with_a_hint() {
        let Some(pg) = testing::cluster() else { return };
        let url = pg.fresh_database();
        let db = Database::connect(&url).unwrap();
        run_sql(
            &db,
            "CREATE TABLE notify_schema (version BIGINT NOT NULL);
             INSERT INTO notify_schema VALUES (999);",
        );
        let err = Database::open(&url).unwrap_err();
        let text = crate::error::render(&err);
        assert!(
            text.contains(
                "was written by a newer notify (log version 999; this notify knows up to"
            ),
            "{text}"
        );
        assert!(text.contains("hint: upgrade notify"), "{text}");
        assert!(!text.contains(testing::PASSWORD), "{text}");
        assert_eq!(version(&db), 999);
    }
}

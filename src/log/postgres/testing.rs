//! The tests' private PostgreSQL cluster, shared with the end-to-end tests (one file, two users).

#[path = "../../../tests/it/support/postgres.rs"]
mod cluster;

use std::path::{Path, PathBuf};

pub use cluster::{PASSWORD, cluster};

/// Runs `test` with the `--log` of a new SQLite file, then of a fresh PostgreSQL database of the
/// tests' cluster (skipped with a `SKIPPED:` line where PostgreSQL is missing).
pub fn each_log(test: impl Fn(&Path)) {
    let dir = tempfile::tempdir().unwrap();
    test(&dir.path().join("notify").join("deliveries.db"));
    if let Some(pg) = cluster() {
        test(&PathBuf::from(pg.fresh_database()));
    }
}

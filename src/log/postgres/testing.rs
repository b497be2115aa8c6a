//! The tests' private PostgreSQL cluster, shared with the end-to-end tests (one file, two users).

#[path = "../../../tests/it/support/postgres.rs"]
mod cluster;

pub use cluster::{PASSWORD, cluster};

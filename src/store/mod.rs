//! The profile store: one TOML file, read without a lock (writes replace it atomically) and written under
//! an exclusive lock so that concurrent `notify` processes take turns instead of losing each other's work.
//! A store others could rewrite, or read while it holds a literal secret, is refused (see `access`).

mod access;
mod edit;
mod file;
mod kept;
mod migrate;
mod mute;
mod rules;
pub mod schema;
pub mod secrets;
mod split;
mod strings;
mod timing;

pub use access::first_literal_secret;
pub use file::{Located, StoreFile};
pub use mute::{Mute, OnMute};
pub use rules::{CustomEvent, DefaultRole, EventId, Rule};
pub use schema::{Channel, Fields, PendingCode, Schema, Store, User};
pub use timing::{GroupField, Span, Step, grouping_text, steps_text};

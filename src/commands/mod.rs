//! One folder per noun, one file per verb: each file holds its clap arguments (the doc comments are the
//! help text) and a `run` that turns them into calls on the store, profiles and delivery.

pub mod channel;
pub mod completions;
pub mod listen;
pub mod log;
pub mod notice;
pub mod provider;
pub mod send;
pub mod user;
mod view;

pub use view::destination;

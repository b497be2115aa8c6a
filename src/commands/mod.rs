//! One folder per noun, one file per verb: each file holds its clap arguments (the doc comments are the
//! help text) and a `run` that turns them into calls on the store, profiles and delivery.

pub mod args;
pub mod channel;
pub mod completions;
pub mod listen;
pub mod notice;
pub mod provider;
pub mod render;
pub mod send;
pub mod user;

pub use render::destination;

//! End-to-end tests: the real `notify` binary against real servers on 127.0.0.1.

mod support;

mod config;
mod delivery;
mod doctor;
mod fanout;
mod flags;
mod generated;
mod interop;
mod listen;
mod log;
mod postgres;
mod postgres_chaos;
mod props;
mod retry;
mod rules;
mod secrets;
mod serve;
mod store;
mod templates;
mod terminal;
mod time;
mod time_escalation;
mod time_fallback;
mod time_grouping;
mod tls;
mod verify;

//! Proving a channel's destination: codes sent to it (`codes`: generation, the salted record, checks)
//! and the flows that send a code, confirm it or look the person up (`flow`).

mod codes;
mod flow;

pub use codes::{
    CODE_LIFETIME_SECS, MAX_ATTEMPTS, RESEND_AFTER_SECS, Rejection, check, new_code, pending_for,
    resend_wait,
};
pub use flow::{Started, confirm, start, well_formed};

//! Property tests (issue 11, "Proven, not promised"): generated inputs against the library's public API
//! (mobile normalisation, URL token masking, percent-encoding, signing, the store) and against the binary
//! (`user import` of CSV or TOML never panics). Case counts are bounded so that the whole module runs in a
//! few seconds.

mod encoding;
mod import;
mod masking;
mod mobile;
mod signing;
mod store;

use proptest::test_runner::Config;

/// `cases` generated inputs per property; no regression files are written into the source tree (a failure
/// prints its shrunk input, which belongs in a unit test).
fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

//! Fuzz targets for the client's parsers of untrusted input: what a server
//! sends (statuses, accounts, notifications, stream messages, `Link`
//! headers) and what a reader's URL holds (server addresses, routes).
//!
//! Each target is a property: inputs shaped like the real thing (the
//! recorded fixtures, or a grammar), then mutated, checked for no panic and
//! for the invariants the views rely on. Targets are named `fuzz_*`, so
//! `cargo test -p app --lib fuzz_` runs them all; `PROPTEST_CASES` raises
//! the case count for long runs (`bench/fuzz`). Failures are never saved
//! into the tree: each one found is a plain regression test beside its
//! target.

mod account;
mod fixtures;
mod json;
mod limits;
mod link_header;
mod notification;
mod route;
mod server_addr;
mod status;
mod streaming;

use proptest::test_runner::Config;

/// Proptest's defaults, `PROPTEST_CASES` included, without the failure
/// files it would otherwise write next to the sources.
pub fn config() -> Config {
    Config {
        failure_persistence: None,
        ..Config::default()
    }
}

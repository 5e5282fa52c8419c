//! The host layer's tests: the embed attributes and the host's host.json.
//! One test binary per layer: each file here is a module of it (`tests/tidy.rs` checks that
//! none is left out).

#[path = "../common/mod.rs"]
mod common;

mod embed;
mod host;

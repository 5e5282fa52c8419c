//! The app layer's tests: every flow through the state machine and the runtime, two tabs included.
//! One test binary per layer: each file here is a module of it (`tests/tidy.rs` checks that
//! none is left out).

#[path = "../common/mod.rs"]
mod common;

mod app;
mod session;
mod sync;

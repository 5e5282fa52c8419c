//! The figures layer's tests: scores, the gate and the roadmap for realistic organisations and the scenario matrix, the adviser's checks, the team view.
//! One test binary per layer: each file here is a module of it (`tests/tidy.rs` checks that
//! none is left out).

#[path = "../common/mod.rs"]
mod common;

mod advice;
mod matrix;
mod scenarios;
mod scoring;
mod team;

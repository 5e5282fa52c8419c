//! The formats layer's tests: every export read back, the golden reports, save files, share links, the packed content, the questionnaires as .po files.
//! One test binary per layer: each file here is a module of it (`tests/tidy.rs` checks that
//! none is left out).

#[path = "../common/mod.rs"]
mod common;

mod ciso;
mod packed;
mod reports;
mod saved;
mod share;
mod snapshots;
mod translation_po;
mod word;
mod workbook;

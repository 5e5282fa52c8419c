//! The model layer's tests: the questionnaires and their validation, the schema, the full bank's ids and titles, the interface languages, the EU AI Act table.
//! One test binary per layer: each file here is a module of it (`tests/tidy.rs` checks that
//! none is left out).

#[path = "../common/mod.rs"]
mod common;

mod content;
mod full_bank;
mod i18n;
mod regulation;
mod schema;
mod validation;

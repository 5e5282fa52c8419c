//! The pure core of the readiness check: content model, answers, scoring, gate and roadmap.
//!
//! Nothing in here touches the DOM, the network, storage or the clock: every input arrives as
//! a value (including "today") and every result leaves as a value, so all of it is tested
//! natively with `cargo test`.
//!
//! Five layers, each a folder, each importing only the ones before it (`tests/tidy.rs`):
//! `model` (the content and a person's answers), `figures` (what the answers mean),
//! `formats` (files in and out), `host` (the embedding page's settings) and `app` (the state
//! machine and the runtime that carries out its storage commands).

pub mod model;

pub mod figures;

pub mod formats;

pub mod host;

pub mod app;

pub use model::answers::{Answer, Answers};
pub use model::profile::{AiRole, Certification, HighRisk, Profile, SizeBand};
pub use model::questionnaire::{ContentError, Item, Questionnaire, Section, SectionKind};

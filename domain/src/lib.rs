//! The pure core of the readiness check: content model, answers, scoring, gate and roadmap.
//!
//! Nothing in here touches the DOM, the network, storage or the clock: every input arrives as
//! a value (including "today") and every result leaves as a value, so all of it is tested
//! natively with `cargo test`.

pub mod advice;
pub mod answers;
pub mod app;
pub mod catalogue;
pub mod condition;
pub mod date;
pub mod documents;
pub mod embed;
pub mod explain;
pub mod export;
pub mod host;
pub mod i18n;
pub mod order;
pub mod packed;
pub mod phase;
pub mod profile;
pub mod questionnaire;
pub mod regulation;
pub mod report;
pub mod roadmap;
pub mod runtime;
pub mod saved;
pub mod scoring;
pub mod session;
pub mod share;
pub mod standard;
pub mod sync;
pub mod team;
pub mod translation;
#[cfg(not(target_arch = "wasm32"))]
pub mod translation_po;
pub mod welcome;

pub use answers::{Answer, Answers};
pub use profile::{AiRole, Certification, HighRisk, Profile, SizeBand};
pub use questionnaire::{ContentError, Item, Questionnaire, Section, SectionKind};

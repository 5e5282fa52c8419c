//! Layer 2, the figures: what the answers mean (scores, the gate, the roadmap, the documents,
//! the explanations, the adviser's gaps, the team's statistics). Imports the model only.

pub mod advice;
pub mod applicability;
pub mod comparison;
pub mod documents;
pub mod explain;
pub mod roadmap;
pub mod scoring;
pub mod summary;
pub mod team;
pub mod text;

//! Layer 3, the formats: files in (save files, share links, the packed content, translations)
//! and files out (the exports). Imports the model and the figures.

pub mod catalogue;
pub mod export;
pub mod packed;
pub mod report;
pub mod saved;
pub mod share;
pub mod translation;
#[cfg(not(target_arch = "wasm32"))]
pub mod translation_po;

//! Layer 3, the formats: files in (save files, share links, the packed content, translations)
//! and files out (the exports). Imports the model and the figures.

pub mod adviser_sheet;
pub mod calendar;
pub mod catalogue;
pub mod ciso_assistant;
pub mod docx;
pub mod export;
pub mod gap_register;
pub mod packed;
pub mod report;
pub mod roadmap_csv;
pub mod saved;
pub mod share;
pub mod soa;
pub mod team_files;
pub mod team_sheet;
pub mod translation;
#[cfg(not(target_arch = "wasm32"))]
pub mod translation_po;
pub mod workbook;
pub mod write;
pub mod xlsx;
pub mod zip;

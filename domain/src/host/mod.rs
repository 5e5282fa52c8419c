//! Layer 4, the host: what the embedding page sets (its host.json, the embed attributes) and
//! the first paint it shows. Imports the layers before it.

pub mod config;
pub mod embed;
pub mod studio;
pub mod welcome;

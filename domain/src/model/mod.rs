//! Layer 1, the model: the questionnaire and its validation, the standard's facts, the EU AI
//! Act's dates, the profile, the answers, dates, ordering and the interface languages. Imports
//! no other layer.

pub mod answers;
pub mod condition;
pub mod date;
pub mod i18n;
pub mod order;
pub mod phase;
pub mod profile;
pub mod questionnaire;
pub mod regulation;
pub mod standard;

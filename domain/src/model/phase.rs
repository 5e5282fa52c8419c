//! The five phases of the road to a certification audit: their numbers and names. What each
//! phase holds and how long it lasts at least is the roadmap's (`roadmap.rs`).

use crate::model::i18n::{msg, Lang};

/// The five phases of the road to a certification audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    Assessment,
    Design,
    Implementation,
    AuditAndReview,
    Certification,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Assessment,
        Phase::Design,
        Phase::Implementation,
        Phase::AuditAndReview,
        Phase::Certification,
    ];

    pub fn from_number(n: u8) -> Option<Phase> {
        Phase::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn title(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Phase::Assessment => msg!("Assessment and planning"),
            Phase::Design => msg!("AIMS design and development"),
            Phase::Implementation => msg!("Implementation and training"),
            Phase::AuditAndReview => msg!("Internal audit and management review"),
            Phase::Certification => msg!("Certification audit, stage 1 and stage 2"),
        })
    }
}

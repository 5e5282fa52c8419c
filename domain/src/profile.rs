//! The organisation profile: not scored, but it decides which items apply and shapes the roadmap.

use super::i18n::{msg, Lang, Msg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::date::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBand {
    /// Fewer than 50 people.
    Small,
    /// 50 to 249 people.
    Medium,
    /// 250 to 999 people.
    Large,
    /// 1,000 people or more.
    Enterprise,
}

impl SizeBand {
    pub const ALL: [SizeBand; 4] = [
        SizeBand::Small,
        SizeBand::Medium,
        SizeBand::Large,
        SizeBand::Enterprise,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            SizeBand::Small => msg!("Fewer than 50 people"),
            SizeBand::Medium => msg!("50 to 249 people"),
            SizeBand::Large => msg!("250 to 999 people"),
            SizeBand::Enterprise => msg!("1,000 people or more"),
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            SizeBand::Small => "small",
            SizeBand::Medium => "medium",
            SizeBand::Large => "large",
            SizeBand::Enterprise => "enterprise",
        }
    }
}

/// What the organisation does with AI, in the roles of ISO/IEC 22989; more than one may apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AiRole {
    /// Designs, develops or trains AI systems (AI producer).
    Develops,
    /// Provides AI products or services to others (AI provider).
    Provides,
    /// Uses AI systems supplied by third parties (AI customer or user).
    Uses,
    /// Supplies components, data, tools or services to those who build or run AI (AI partner).
    Partner,
}

impl AiRole {
    pub const ALL: [AiRole; 4] = [
        AiRole::Develops,
        AiRole::Provides,
        AiRole::Uses,
        AiRole::Partner,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AiRole::Develops => "develops",
            AiRole::Provides => "provides",
            AiRole::Uses => "uses",
            AiRole::Partner => "partner",
        }
    }

    pub fn from_key(key: &str) -> Option<AiRole> {
        AiRole::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            AiRole::Develops => msg!("We develop or train AI systems (AI producer)"),
            AiRole::Provides => msg!("We provide AI products or services to others (AI provider)"),
            AiRole::Uses => msg!("We use AI systems from third parties (AI customer or user)"),
            AiRole::Partner => msg!("We supply data, components, tools or services to others who build or run AI (AI partner)"),
        })
    }

    /// How the EU AI Act usually names this role, for the hint beside it.
    pub fn eu_term(self, lang: Lang) -> &'static str {
        lang.t(match self {
            AiRole::Develops | AiRole::Provides => {
                msg!("under the EU AI Act usually a provider, if you place the system on the market or put it into service under your name")
            }
            AiRole::Uses => msg!("under the EU AI Act a deployer"),
            AiRole::Partner => msg!("under the EU AI Act often part of the value chain (Art. 25), sometimes a provider of a general-purpose AI model"),
        })
    }
}

/// An answer to a screening question: yes, no or not sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screening {
    Yes,
    No,
    NotSure,
}

impl Screening {
    pub const ALL: [Screening; 3] = [Screening::Yes, Screening::No, Screening::NotSure];

    pub fn key(self) -> &'static str {
        match self {
            Screening::Yes => "yes",
            Screening::No => "no",
            Screening::NotSure => "not_sure",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Screening::Yes => msg!("Yes"),
            Screening::No => msg!("No"),
            Screening::NotSure => msg!("Not sure"),
        })
    }
}

/// Management-system certifications whose processes can be reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certification {
    Iso27001,
    Iso9001,
    Iso27701,
}

impl Certification {
    pub const ALL: [Certification; 3] = [
        Certification::Iso27001,
        Certification::Iso9001,
        Certification::Iso27701,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Certification::Iso27001 => "iso27001",
            Certification::Iso9001 => "iso9001",
            Certification::Iso27701 => "iso27701",
        }
    }

    pub fn from_key(key: &str) -> Option<Certification> {
        Certification::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Certification::Iso27001 => "ISO/IEC 27001",
            Certification::Iso9001 => "ISO 9001",
            Certification::Iso27701 => "ISO/IEC 27701",
        }
    }
}

/// Whether any AI system in scope may be high-risk under the EU AI Act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HighRisk {
    Yes,
    No,
    NotSure,
}

impl HighRisk {
    pub const ALL: [HighRisk; 3] = [HighRisk::Yes, HighRisk::No, HighRisk::NotSure];

    pub fn key(self) -> &'static str {
        match self {
            HighRisk::Yes => "yes",
            HighRisk::No => "no",
            HighRisk::NotSure => "not_sure",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            HighRisk::Yes => msg!("Yes"),
            HighRisk::No => msg!("No"),
            HighRisk::NotSure => msg!("Not sure"),
        })
    }
}

/// The organisation profile. `None` fields are not answered yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    pub size: Option<SizeBand>,
    pub roles: BTreeSet<AiRole>,
    /// Number of AI systems in scope, at least 1.
    pub systems: u32,
    /// `Some(empty)` means "none"; `None` means the question is unanswered.
    pub certifications: Option<BTreeSet<Certification>>,
    pub high_risk: Option<HighRisk>,
    /// Whether any AI use may be a practice the EU AI Act prohibits (Art. 5).
    pub prohibited: Option<Screening>,
    pub target_date: Option<Date>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            size: None,
            roles: BTreeSet::new(),
            systems: 1,
            certifications: None,
            high_risk: None,
            prohibited: None,
            target_date: None,
        }
    }
}

/// Upper bound on AI systems in scope; beyond it the estimate says nothing useful.
pub const MAX_SYSTEMS: u32 = 500;

/// A question of the profile form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    Size,
    Roles,
    Systems,
    Certifications,
    HighRisk,
    Prohibited,
}

impl ProfileField {
    /// What is missing, as it reads in "Please answer: …" (English; show with `lang.t`, and fill
    /// `{max}` with [`MAX_SYSTEMS`]).
    pub fn label(self) -> Msg {
        match self {
            ProfileField::Size => msg!("the size of your organisation"),
            ProfileField::Roles => msg!("what you do with AI"),
            ProfileField::Systems => msg!("the number of AI systems (1 to {max})"),
            ProfileField::Certifications => {
                msg!("the certifications you hold (or \"none of these\")")
            }
            ProfileField::HighRisk => msg!("whether a system may be high-risk under the EU AI Act"),
            ProfileField::Prohibited => {
                msg!("whether any AI use may be a practice the EU AI Act prohibits")
            }
        }
    }
}

impl Profile {
    /// What still has to be answered before the questions start, in form order.
    pub fn missing(&self) -> Vec<ProfileField> {
        let mut missing = Vec::new();
        if self.size.is_none() {
            missing.push(ProfileField::Size);
        }
        if self.roles.is_empty() {
            missing.push(ProfileField::Roles);
        }
        if !(1..=MAX_SYSTEMS).contains(&self.systems) {
            missing.push(ProfileField::Systems);
        }
        if self.certifications.is_none() {
            missing.push(ProfileField::Certifications);
        }
        if self.high_risk.is_none() {
            missing.push(ProfileField::HighRisk);
        }
        if self.prohibited.is_none() {
            missing.push(ProfileField::Prohibited);
        }
        missing
    }

    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// Names of the certifications held ("ISO/IEC 27001", …), in a stable order.
    pub fn held_labels(&self) -> Vec<&'static str> {
        self.certifications
            .iter()
            .flatten()
            .map(|c| c.label())
            .collect()
    }

    pub fn holds(&self, certification: Certification) -> bool {
        self.certifications
            .as_ref()
            .is_some_and(|held| held.contains(&certification))
    }

    /// Only uses third-party AI: neither develops nor provides AI.
    pub fn only_uses_ai(&self) -> bool {
        self.roles.iter().all(|r| *r == AiRole::Uses) && !self.roles.is_empty()
    }

    /// Whether any system may be high-risk ("not sure" counts as yes).
    pub fn may_be_high_risk(&self) -> bool {
        matches!(self.high_risk, Some(HighRisk::Yes | HighRisk::NotSure))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_profile_lists_everything_missing() {
        let p = Profile::default();
        assert_eq!(
            p.missing(),
            [
                ProfileField::Size,
                ProfileField::Roles,
                ProfileField::Certifications,
                ProfileField::HighRisk,
                ProfileField::Prohibited
            ]
        );
        assert!(!p.is_complete());
    }

    #[test]
    fn none_of_the_certifications_is_an_answer() {
        let p = Profile {
            size: Some(SizeBand::Small),
            roles: [AiRole::Uses].into(),
            certifications: Some(BTreeSet::new()),
            high_risk: Some(HighRisk::No),
            prohibited: Some(Screening::No),
            ..Profile::default()
        };
        assert!(p.is_complete());
        assert!(p.only_uses_ai());
        assert!(!p.holds(Certification::Iso27001));
    }

    #[test]
    fn systems_must_be_in_range() {
        let mut p = Profile {
            systems: 0,
            ..Profile::default()
        };
        assert!(p.missing().contains(&ProfileField::Systems));
        p.systems = MAX_SYSTEMS + 1;
        assert!(p.missing().contains(&ProfileField::Systems));
    }
}

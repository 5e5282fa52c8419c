//! The organisation profile: not scored, but it decides which items apply and shapes the roadmap.

use crate::model::i18n::{msg, Lang, Msg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::model::date::Date;

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

    /// The label as it reads inside a sentence: only its first letter lowered, so German
    /// nouns keep their capital ("mit weniger als 50 Personen").
    pub fn in_sentence(self, lang: Lang) -> String {
        let label = self.label(lang);
        let mut chars = label.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_lowercase().chain(chars).collect()
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
            AiRole::Uses => msg!("under the EU AI Act usually a deployer (using a system under your own authority at work); you become its provider if you put your name on a high-risk system or substantially modify it (Art. 25(1))"),
            AiRole::Partner => msg!("under the EU AI Act often part of the value chain (Art. 25), sometimes a provider of a general-purpose AI model"),
        })
    }
}

/// The EU AI Act's roles in the supply chain of a high-risk system, beside provider and deployer:
/// their duties (Art. 22-24) attach only to high-risk systems, so they are asked only then.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EuRole {
    /// Places on the EU market a system that carries the name of a provider outside the EU.
    Importer,
    /// Makes a system available on the EU market without being its provider or importer.
    Distributor,
    /// Acts in the EU, under a written mandate, for a provider outside the EU.
    AuthorisedRepresentative,
}

impl EuRole {
    pub const ALL: [EuRole; 3] = [
        EuRole::Importer,
        EuRole::Distributor,
        EuRole::AuthorisedRepresentative,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EuRole::Importer => "importer",
            EuRole::Distributor => "distributor",
            EuRole::AuthorisedRepresentative => "authorised_representative",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            EuRole::Importer => msg!("Importer: we place on the EU market high-risk AI systems that carry the name of a provider outside the EU"),
            EuRole::Distributor => msg!("Distributor: we resell or pass on high-risk AI systems that others provide or import"),
            EuRole::AuthorisedRepresentative => msg!("Authorised representative: a provider outside the EU has mandated us to act for it in the EU"),
        })
    }

    /// The short name, for a list of the roles an organisation plays.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.t(match self {
            EuRole::Importer => msg!("importer of high-risk AI systems (EU AI Act)"),
            EuRole::Distributor => msg!("distributor of high-risk AI systems (EU AI Act)"),
            EuRole::AuthorisedRepresentative => {
                msg!("authorised representative for high-risk AI systems (EU AI Act)")
            }
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
    /// The EU AI Act's other supply-chain roles, asked only when a system may be high-risk and
    /// kept as given when the answer changes (they count only while a system may be high-risk).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub eu_roles: BTreeSet<EuRole>,
    pub target_date: Option<Date>,
    /// Who does the work, when the person changed it from the default for the size band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Capacity>,
}

/// Who does the work of the plan: an AIMS team for the management-system work, and the owners
/// of the AI systems (with their teams) doing the per-system work in parallel. Days are in
/// tenths of a day a week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// People in the AIMS team.
    pub people: u32,
    /// Days a week each of them gives to the AIMS, in tenths.
    pub days_tenths: u32,
    /// Days a week each AI system's owner and team give to that system's work, in tenths.
    pub owner_days_tenths: u32,
}

/// One field of the capacity form, as an HTML number field holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapacityField {
    pub name: &'static str,
    pub value: String,
    pub min: &'static str,
    pub max: String,
    pub step: &'static str,
}

impl Capacity {
    /// The most people an AIMS team can have here; more says nothing the plan could use.
    pub const MAX_PEOPLE: u32 = 50;
    /// At most five days a week (50 tenths) per person or system.
    pub const MAX_DAYS_TENTHS: u32 = 50;

    /// The typical team for an organisation of this size (questionnaires/README.md, "Capacity").
    pub fn typical(size: SizeBand) -> Capacity {
        let (people, days_tenths) = match size {
            SizeBand::Small => (1, 40),
            SizeBand::Medium => (2, 30),
            SizeBand::Large => (3, 40),
            SizeBand::Enterprise => (4, 40),
        };
        // Larger organisations run their AI systems with larger teams.
        let owner_days_tenths = match size {
            SizeBand::Small | SizeBand::Medium => 20,
            SizeBand::Large | SizeBand::Enterprise => 30,
        };
        Capacity {
            people,
            days_tenths,
            owner_days_tenths,
        }
    }

    /// Days a week as typed into a field ("2", "2.5" or "2,5"), in tenths; `None` when it is not
    /// such a number (at most one decimal).
    pub fn parse_days(text: &str) -> Option<u32> {
        let text = text.trim();
        let (whole, tenth) = text.split_once(['.', ',']).unwrap_or((text, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(tenth) || tenth.len() > 1 {
            return None;
        }
        whole
            .parse::<u32>()
            .ok()?
            .checked_mul(10)?
            .checked_add(tenth.parse().ok()?)
    }

    /// Tenths of a day as a number field holds it: "2" or "2.5" (the field's own notation).
    pub fn days_input(tenths: u32) -> String {
        match tenths % 10 {
            0 => (tenths / 10).to_string(),
            tenth => format!("{}.{tenth}", tenths / 10),
        }
    }

    /// The capacity with one field changed from the text a person typed into it (`field` is
    /// one of [`Capacity::FIELDS`]); `None` when the text is not a number in the field's range.
    pub fn with(self, field: &str, text: &str) -> Option<Capacity> {
        let next = match field {
            "people" => Capacity {
                people: text.trim().parse().ok()?,
                ..self
            },
            "days" => Capacity {
                days_tenths: Capacity::parse_days(text)?,
                ..self
            },
            "owner-days" => Capacity {
                owner_days_tenths: Capacity::parse_days(text)?,
                ..self
            },
            _ => return None,
        };
        next.is_valid().then_some(next)
    }

    /// The fields of the capacity form as a number field holds them: name, value, and its
    /// range as `min`, `max` and `step`.
    pub fn fields(self) -> [CapacityField; 3] {
        let days = |name, tenths| CapacityField {
            name,
            value: Self::days_input(tenths),
            min: "0.1",
            max: Self::days_input(Self::MAX_DAYS_TENTHS),
            step: "0.1",
        };
        [
            CapacityField {
                name: "people",
                value: self.people.to_string(),
                min: "1",
                max: Self::MAX_PEOPLE.to_string(),
                step: "1",
            },
            days("days", self.days_tenths),
            days("owner-days", self.owner_days_tenths),
        ]
    }

    /// Person-days a week the AIMS team gives, in tenths.
    pub fn team_tenths(self) -> u32 {
        self.people * self.days_tenths
    }

    /// Whether every figure is in its range (a person typed it, or a file carried it).
    pub fn is_valid(self) -> bool {
        (1..=Self::MAX_PEOPLE).contains(&self.people)
            && (1..=Self::MAX_DAYS_TENTHS).contains(&self.days_tenths)
            && (1..=Self::MAX_DAYS_TENTHS).contains(&self.owner_days_tenths)
    }
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
            eu_roles: BTreeSet::new(),
            target_date: None,
            capacity: None,
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

    /// Whether a certified management system (ISO/IEC 27001, ISO 9001, ISO/IEC 27701, which
    /// extends 27001) is there to build on: its processes already run with records.
    pub fn builds_on_certificate(&self) -> bool {
        self.certifications
            .as_ref()
            .is_some_and(|held| !held.is_empty())
    }

    /// Only uses third-party AI: neither develops nor provides AI.
    pub fn only_uses_ai(&self) -> bool {
        self.roles.iter().all(|r| *r == AiRole::Uses) && !self.roles.is_empty()
    }

    /// The capacity the plan uses: the person's own, or the typical one for the size band.
    pub fn capacity(&self) -> Capacity {
        self.capacity
            .filter(|c| c.is_valid())
            .unwrap_or_else(|| Capacity::typical(self.size.unwrap_or(SizeBand::Small)))
    }

    /// The EU AI Act's supply-chain roles that count: only while a system may be high-risk.
    pub fn eu_roles(&self) -> impl Iterator<Item = EuRole> + '_ {
        self.eu_roles
            .iter()
            .copied()
            .filter(|_| self.may_be_high_risk())
    }

    /// Every role the organisation plays, as a report lists them: what it does with AI, then
    /// the EU AI Act's supply-chain roles that count.
    pub fn role_labels(&self, lang: Lang) -> Vec<&'static str> {
        let ai = self.roles.iter().map(|r| r.label(lang));
        ai.chain(self.eu_roles().map(|r| r.name(lang))).collect()
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
    fn days_read_and_write_in_tenths() {
        for (text, tenths) in [
            ("2", Some(20)),
            ("2.5", Some(25)),
            (" 2,5 ", Some(25)),
            ("0.1", Some(1)),
            ("5", Some(50)),
        ] {
            assert_eq!(Capacity::parse_days(text), tenths, "{text}");
        }
        for bad in ["", "2.55", "-1", "1e1", ".5", "2.", "two", "99999999999"] {
            assert_eq!(Capacity::parse_days(bad), None, "{bad}");
        }
        assert_eq!(Capacity::days_input(25), "2.5");
        assert_eq!(Capacity::days_input(30), "3");
        for t in 1..=Capacity::MAX_DAYS_TENTHS {
            assert_eq!(Capacity::parse_days(&Capacity::days_input(t)), Some(t));
        }
    }

    #[test]
    fn one_field_changes_at_a_time_and_only_within_its_range() {
        let c = Capacity::typical(SizeBand::Medium);
        assert_eq!(c.with("people", "3").map(|n| n.people), Some(3));
        assert_eq!(
            c.with("days", "2,5").map(|n| (n.people, n.days_tenths)),
            Some((2, 25))
        );
        assert_eq!(
            c.with("owner-days", "1").map(|n| n.owner_days_tenths),
            Some(10)
        );
        for (field, bad) in [
            ("people", "0"),
            ("people", "51"),
            ("people", "1.5"),
            ("days", "0"),
            ("days", "5.1"),
            ("owner-days", ""),
            ("team", "2"),
        ] {
            assert_eq!(c.with(field, bad), None, "{field} {bad}");
        }
        for f in c.fields() {
            assert_eq!(c.with(f.name, &f.value), Some(c), "{} reads back", f.name);
            assert!(
                c.with(f.name, &f.max).is_some() && c.with(f.name, f.min).is_some(),
                "{} range",
                f.name
            );
        }
        assert_eq!(c.fields()[1].max, "5");
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

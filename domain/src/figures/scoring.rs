//! Scoring: maturity per clause and Annex A area, overall readiness, and the readiness gate.
//!
//! Formula: an item earns `weight × level` points out of `weight × top level`. "Don't know"
//! and unanswered items earn 0 (nothing evidenced is credited); "not applicable" with a
//! justification and items hidden by the profile leave both sums. A section's percentage is
//! its points over its maximum; overall readiness is the same over all counted items.
//!
//! The readiness gate has two stages ([`crate::model::standard::GATE`]): a stage 1 blocker below the
//! scale's gate level caps the band at "not ready"; a stage 2 blocker caps it at "ready for a
//! stage 1 audit, not yet for stage 2"; and a questionnaire that did not ask about every gate
//! item can show no band above "indicative only". Internal audit and management review items
//! not even planned stop stage 1 too, and so does an excluded Annex A control that a clause
//! requirement rests on; excluding more than a third of Annex A stops the band at "nearly ready".

use crate::model::answers::{Answer, Answers};
use crate::model::i18n::{msg, Lang};
use crate::model::profile::Profile;
use crate::model::questionnaire::{Item, Questionnaire, SectionKind};
use crate::model::standard::{self, Stage, GATE};

/// How one item stands for this profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemStatus {
    /// The profile hides the item: it counts nowhere.
    Hidden,
    Unanswered,
    Level(u8),
    DontKnow,
    NotApplicable,
    /// "Not applicable" was chosen but no justification given yet: still counts as 0.
    NeedsJustification,
}

impl ItemStatus {
    pub fn of(item: &Item, profile: &Profile, answers: &Answers) -> ItemStatus {
        if !item.applies(profile) {
            return ItemStatus::Hidden;
        }
        match answers.get(&item.id) {
            None => ItemStatus::Unanswered,
            Some(Answer::Level(level)) => ItemStatus::Level(*level),
            Some(Answer::DontKnow) => ItemStatus::DontKnow,
            Some(answer @ Answer::NotApplicable(_)) if answer.is_complete() => {
                ItemStatus::NotApplicable
            }
            Some(Answer::NotApplicable(_)) => ItemStatus::NeedsJustification,
        }
    }

    /// Counts toward progress: applicable and answered completely.
    pub fn is_answered(&self) -> bool {
        matches!(
            self,
            ItemStatus::Level(_) | ItemStatus::DontKnow | ItemStatus::NotApplicable
        )
    }

    /// Enters the score sums.
    fn is_scored(&self) -> bool {
        !matches!(self, ItemStatus::Hidden | ItemStatus::NotApplicable)
    }
}

/// Points and counts for one clause or Annex A area.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionScore {
    pub id: String,
    pub title: String,
    pub kind: SectionKind,
    pub points: u32,
    pub max_points: u32,
    /// Sum of the weights of scored items (maturity = points / weight_sum).
    pub weight_sum: u32,
    /// Items shown for this profile.
    pub applicable: usize,
    pub answered: usize,
    pub not_applicable: usize,
    pub dont_know: usize,
}

impl SectionScore {
    /// Whole percent, rounded half up; `None` when nothing in the section is scored.
    pub fn percent(&self) -> Option<u32> {
        percent(self.points, self.max_points)
    }

    /// Average maturity on the scale, in tenths (17 means 1.7); `None` when nothing is scored.
    pub fn maturity_tenths(&self) -> Option<u32> {
        ratio_rounded(self.points * 10, self.weight_sum)
    }
}

fn ratio_rounded(numerator: u32, denominator: u32) -> Option<u32> {
    (denominator > 0).then(|| (2 * numerator + denominator) / (2 * denominator))
}

fn percent(points: u32, max: u32) -> Option<u32> {
    ratio_rounded(points * 100, max)
}

/// The readiness band, lowest first. Four come from the average ([`Band::from_percent`]);
/// `Indicative` and `Stage1Ready` are only ever caps of the readiness gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    EarlyStage,
    NotReady,
    /// The questionnaire did not ask about every gate item: nothing better can be confirmed.
    Indicative,
    /// Every stage 1 record is in place, some stage 2 record is not.
    Stage1Ready,
    NearlyReady,
    AuditReady,
}

/// The lower bounds of the bands the average gives, in percent (early stage below the first).
pub const BAND_THRESHOLDS: [(u32, Band); 3] = [
    (30, Band::NotReady),
    (60, Band::NearlyReady),
    (85, Band::AuditReady),
];

impl Band {
    pub const ALL: [Band; 6] = [
        Band::EarlyStage,
        Band::NotReady,
        Band::Indicative,
        Band::Stage1Ready,
        Band::NearlyReady,
        Band::AuditReady,
    ];

    pub fn from_percent(percent: u32) -> Band {
        BAND_THRESHOLDS
            .iter()
            .rev()
            .find(|(from, _)| percent >= *from)
            .map_or(Band::EarlyStage, |(_, band)| *band)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Band::EarlyStage => msg!("Early stage: not ready for a certification audit"),
            Band::NotReady => msg!("Not ready for a certification audit"),
            Band::Indicative => msg!("Indicative only: run the full assessment to confirm"),
            Band::Stage1Ready => msg!("Ready for a stage 1 audit, not yet for stage 2"),
            Band::NearlyReady => msg!("Nearly ready for a certification audit"),
            Band::AuditReady => msg!("Ready to plan a certification audit"),
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            Band::EarlyStage => "early-stage",
            Band::NotReady => "not-ready",
            Band::Indicative => "indicative",
            Band::Stage1Ready => "stage1-ready",
            Band::NearlyReady => "nearly-ready",
            Band::AuditReady => "audit-ready",
        }
    }

    /// Whether the band confirms readiness for an audit stage (never from a short questionnaire).
    pub fn is_confirmed(self) -> bool {
        self >= Band::Stage1Ready
    }
}

/// A certification blocker: an item below the level an audit stage needs, or an Annex A
/// control excluded although a clause requirement that always applies rests on it.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenBlocker {
    pub id: String,
    pub title: String,
    pub status: ItemStatus,
    /// The audit stage it stops.
    pub stage: Stage,
    pub reason: BlockerReason,
}

/// Why an item blocks an audit stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockerReason {
    /// Its mandatory record is below the scale's gate level.
    BelowGate,
    /// An internal audit or management review item not even planned (level 1), which a stage 1
    /// audit checks ([`standard::PLANNED_BEFORE_STAGE1`]).
    NotPlanned,
    /// An Annex A control excluded although this clause item rests on it
    /// ([`standard::TIED_CONTROLS`]).
    TiedExclusion { clause: &'static str },
}

/// Why the band is lower than the average alone would give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    /// A stage 1 blocker is below the gate level.
    Stage1Blocker,
    /// Only stage 2 blockers are below the gate level.
    Stage2Blocker,
    /// The questionnaire did not ask about some gate items.
    NotAsked,
    /// More than [`standard::BROAD_EXCLUSION_PERCENT`] of the Annex A controls that apply are
    /// excluded: each exclusion must be defended before an auditor accepts the SoA.
    BroadExclusions,
}

impl Cap {
    /// The highest band allowed under this cap.
    pub fn ceiling(self) -> Band {
        match self {
            Cap::Stage1Blocker => Band::NotReady,
            Cap::Stage2Blocker => Band::Stage1Ready,
            Cap::NotAsked => Band::Indicative,
            Cap::BroadExclusions => Band::NearlyReady,
        }
    }
}

/// Everything the results screen shows, computed from questionnaire, profile and answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub sections: Vec<SectionScore>,
    pub points: u32,
    pub max_points: u32,
    pub applicable: usize,
    pub answered: usize,
    /// Listed first on the results screen; any entry caps the band.
    pub blockers: Vec<OpenBlocker>,
    /// "Don't know" answers: things to find out.
    pub unknowns: Vec<(String, String)>,
    /// Applicable items with no complete answer yet.
    pub unanswered: Vec<(String, String)>,
    /// Gate items ([`crate::model::standard::GATE`]) this questionnaire does not ask about.
    pub not_asked: Vec<(&'static str, Stage)>,
    /// Annex A controls answered "not applicable" (id, title), in questionnaire order.
    pub excluded: Vec<(String, String)>,
    /// Annex A controls that apply to this profile, excluded ones included.
    pub annex_applicable: usize,
    /// The band the average alone would give.
    pub uncapped_band: Band,
    /// The strictest cap in force, if any.
    pub cap: Option<Cap>,
    pub band: Band,
}

impl Assessment {
    pub fn compute(
        questionnaire: &Questionnaire,
        profile: &Profile,
        answers: &Answers,
    ) -> Assessment {
        let top = u32::from(questionnaire.scale.top());
        let gate = questionnaire.scale.gate_level;
        let mut sections = Vec::with_capacity(questionnaire.sections.len());
        let mut blockers = Vec::new();
        let mut unknowns = Vec::new();
        let mut unanswered = Vec::new();
        let mut excluded = Vec::new();
        let mut annex_applicable = 0;
        for section in &questionnaire.sections {
            let mut score = SectionScore {
                id: section.id.clone(),
                title: section.title.clone(),
                kind: section.kind,
                points: 0,
                max_points: 0,
                weight_sum: 0,
                applicable: 0,
                answered: 0,
                not_applicable: 0,
                dont_know: 0,
            };
            for item in &section.items {
                let status = ItemStatus::of(item, profile, answers);
                if status == ItemStatus::Hidden {
                    continue;
                }
                score.applicable += 1;
                if status.is_answered() {
                    score.answered += 1;
                }
                if status.is_scored() {
                    score.weight_sum += item.weight;
                    score.max_points += item.weight * top;
                }
                match status {
                    ItemStatus::Level(level) => score.points += item.weight * u32::from(level),
                    ItemStatus::DontKnow => {
                        score.dont_know += 1;
                        unknowns.push((item.id.clone(), item.title.clone()));
                    }
                    ItemStatus::NotApplicable => score.not_applicable += 1,
                    ItemStatus::Unanswered | ItemStatus::NeedsJustification => {
                        unanswered.push((item.id.clone(), item.title.clone()))
                    }
                    ItemStatus::Hidden => {}
                }
                if section.kind == SectionKind::Annex {
                    annex_applicable += 1;
                    if status == ItemStatus::NotApplicable {
                        excluded.push((item.id.clone(), item.title.clone()));
                    }
                }
                if let Some((stage, reason)) = blocks(item, &status, gate) {
                    blockers.push(OpenBlocker {
                        id: item.id.clone(),
                        title: item.title.clone(),
                        status,
                        stage,
                        reason,
                    });
                }
            }
            sections.push(score);
        }
        let points = sections.iter().map(|s| s.points).sum();
        let max_points = sections.iter().map(|s| s.max_points).sum();
        let uncapped_band = Band::from_percent(percent(points, max_points).unwrap_or(0));
        let not_asked: Vec<(&'static str, Stage)> = GATE
            .iter()
            .filter(|(id, _)| questionnaire.item(id).is_none())
            .copied()
            .collect();
        let cap = if blockers.iter().any(|b| b.stage == Stage::One) {
            Some(Cap::Stage1Blocker)
        } else if !not_asked.is_empty() {
            // Stricter than a stage 2 blocker: nothing is confirmed without every gate item.
            Some(Cap::NotAsked)
        } else if !blockers.is_empty() {
            Some(Cap::Stage2Blocker)
        } else if is_broad(excluded.len(), annex_applicable) {
            Some(Cap::BroadExclusions)
        } else {
            None
        };
        let band = cap.map_or(uncapped_band, |c| uncapped_band.min(c.ceiling()));
        Assessment {
            applicable: sections.iter().map(|s| s.applicable).sum(),
            answered: sections.iter().map(|s| s.answered).sum(),
            sections,
            points,
            max_points,
            blockers,
            unknowns,
            unanswered,
            not_asked,
            excluded,
            annex_applicable,
            uncapped_band,
            cap,
            band,
        }
    }

    /// Overall readiness in whole percent; `None` when nothing is scored at all.
    pub fn percent(&self) -> Option<u32> {
        percent(self.points, self.max_points)
    }

    pub fn is_capped(&self) -> bool {
        self.band != self.uncapped_band
    }

    pub fn section(&self, id: &str) -> Option<&SectionScore> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Whether so many Annex A controls are excluded that an auditor would challenge them.
    pub fn broad_exclusions(&self) -> bool {
        is_broad(self.excluded.len(), self.annex_applicable)
    }
}

fn is_broad(excluded: usize, applicable: usize) -> bool {
    excluded * 100 > applicable * standard::BROAD_EXCLUSION_PERCENT as usize
}

/// Whether an item with this status blocks an audit stage, and why. The strictest reason wins:
/// an audit or review item not even planned stops stage 1 although its record is a stage 2 one.
fn blocks(item: &Item, status: &ItemStatus, gate: u8) -> Option<(Stage, BlockerReason)> {
    if *status == ItemStatus::NotApplicable {
        return standard::tied_clause(&item.id)
            .map(|clause| (Stage::One, BlockerReason::TiedExclusion { clause }));
    }
    let at_least = |level: u8| matches!(status, ItemStatus::Level(l) if *l >= level);
    if standard::PLANNED_BEFORE_STAGE1.contains(&item.id.as_str()) && !at_least(1) {
        return Some((Stage::One, BlockerReason::NotPlanned));
    }
    item.gate
        .filter(|_| !at_least(gate))
        .map(|stage| (stage, BlockerReason::BelowGate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_percentage() {
        let cases = [
            (0, Band::EarlyStage),
            (29, Band::EarlyStage),
            (30, Band::NotReady),
            (59, Band::NotReady),
            (60, Band::NearlyReady),
            (84, Band::NearlyReady),
            (85, Band::AuditReady),
            (100, Band::AuditReady),
        ];
        for (p, band) in cases {
            assert_eq!(Band::from_percent(p), band, "{p}%");
        }
    }

    #[test]
    fn exclusions_are_broad_above_a_third_not_at_it() {
        assert!(!is_broad(33, 100), "exactly the limit is not broad");
        assert!(is_broad(34, 100));
        assert!(is_broad(1, 3), "a third of three is more than 33 %");
        assert!(!is_broad(0, 0));
    }

    #[test]
    fn rounding_is_half_up() {
        assert_eq!(percent(1, 8), Some(13)); // 12.5
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn no_band_label_claims_compliance_or_certification() {
        for band in Band::ALL {
            for lang in Lang::ALL {
                let label = band.label(lang).to_lowercase();
                assert!(
                    ![
                        "compliant",
                        "certified",
                        "konform",
                        "zertifiziert",
                        "conforme",
                        "certifié",
                        "certificad",
                    ]
                    .iter()
                    .any(|w| label.contains(w)),
                    "{label}"
                );
            }
        }
    }
}

//! The phased implementation roadmap: tasks from this organisation's gaps, phase durations, target-date check.
//!
//! Effort comes from the questionnaire's actions (person-days, optionally per AI system);
//! durations come from the formula below, so every figure can be explained on screen:
//! `weeks = minimum weeks + ceil(effort × coordination factor ÷ weekly capacity)`.

use super::answers::Answers;
use super::date::Date;
use super::i18n::{msg, Lang};
use super::profile::{Certification, Profile, SizeBand};
use super::questionnaire::Questionnaire;
use super::scoring::ItemStatus;

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
            Phase::Assessment => msg("Assessment and planning"),
            Phase::Design => msg("AIMS design and development"),
            Phase::Implementation => msg("Implementation and training"),
            Phase::AuditAndReview => msg("Internal audit and management review"),
            Phase::Certification => msg("Certification audit, stage 1 and stage 2"),
        })
    }

    /// The steps every organisation takes in this phase, whatever its gaps (English; show them
    /// with `lang.t`).
    pub fn milestones(self) -> &'static [&'static str] {
        match self {
            Phase::Assessment => {
                const {
                    &[
                msg("Confirm the gap analysis, the AIMS lead and the budget with top management."),
                msg("Agree the project plan and the target date for the certification audit."),
            ]
                }
            }
            Phase::Design => {
                const {
                    &[msg(
                        "Draft and approve the AIMS documents the gaps call for.",
                    )]
                }
            }
            Phase::Implementation => {
                const {
                    &[
                        msg("Put the processes into daily use and keep their records."),
                        msg("Train the people in AI roles and brief everyone else."),
                    ]
                }
            }
            Phase::AuditAndReview => {
                const {
                    &[
                        msg("Complete one full internal audit of the AIMS."),
                        msg("Hold one management review and record its decisions."),
                        msg("Close or plan corrective action for every finding."),
                    ]
                }
            }
            Phase::Certification => {
                const {
                    &[
                msg("Choose an accredited certification body and book both audit stages."),
                msg("Stage 1: the auditor reviews documentation and readiness."),
                msg("Close any stage 1 findings."),
                msg("Stage 2: the auditor samples implementation and effectiveness; major nonconformities must be closed before a certificate is issued."),
            ]
                }
            }
        }
    }

    /// No phase is shorter than this, however small the gaps.
    pub fn minimum_weeks(self) -> u32 {
        match self {
            Phase::Assessment => 2,
            Phase::Design => 2,
            Phase::Implementation => 2,
            // One full internal audit and one management review take time to run.
            Phase::AuditAndReview => 3,
            // Stage 1, time to act on its findings, then stage 2.
            Phase::Certification => 4,
        }
    }
}

/// Effort is counted in tenths of a person-day to keep every figure exact.
pub type Tenths = u32;

fn tenths(days: f64) -> Tenths {
    (days * 10.0).round() as Tenths
}

/// Person-days the AIMS team can give in a week, in tenths, by size band.
pub fn weekly_capacity(size: SizeBand) -> Tenths {
    match size {
        SizeBand::Small => 25,
        SizeBand::Medium => 40,
        SizeBand::Large => 60,
        SizeBand::Enterprise => 80,
    }
}

/// Extra effort for coordination across a larger organisation, in percent of the raw effort.
pub fn coordination_percent(size: SizeBand) -> u32 {
    match size {
        SizeBand::Small => 100,
        SizeBand::Medium => 110,
        SizeBand::Large => 125,
        SizeBand::Enterprise => 140,
    }
}

/// Effort for a "don't know" or unanswered item: finding out where it stands.
pub const FIND_OUT_TENTHS: Tenths = 5;

/// Effort to add one excluded control's intent to supplier requirements.
pub const SUPPLIER_REQUIREMENT_TENTHS: Tenths = 5;

/// Reuse of an existing certified management system halves a task's effort.
pub const REUSE_PERCENT: u32 = 50;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskKind {
    /// An action from the questionnaire that moves the item up from this level.
    Improve { from: u8 },
    /// A "don't know" answer: establish the facts first.
    FindOut,
    /// An unanswered item: assess it.
    Assess,
    /// A control excluded because suppliers do the work: require it of them (under `item_id`).
    SupplierRequirement { excluded: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub item_id: String,
    pub item_title: String,
    pub text: String,
    pub phase: Phase,
    pub kind: TaskKind,
    pub effort: Tenths,
    pub blocker: bool,
    /// The certification whose processes this task reuses, which halved its effort.
    pub reuses: Option<Certification>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhasePlan {
    pub phase: Phase,
    pub start_week: u32,
    pub end_week: u32,
    pub weeks: u32,
    pub effort: Tenths,
    pub tasks: Vec<Task>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetVerdict {
    /// The target is today or already past.
    InThePast,
    /// The plan fits with at least four weeks to spare.
    Realistic { spare_weeks: u32 },
    /// The plan fits, but with less than four weeks to spare.
    Tight { spare_weeks: u32 },
    /// The plan needs more weeks than are left.
    Unrealistic { short_weeks: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetCheck {
    pub target: Date,
    pub available_weeks: u32,
    /// When stage 2 would end if work started today.
    pub earliest: Date,
    pub verdict: TargetVerdict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roadmap {
    pub phases: Vec<PhasePlan>,
    pub total_weeks: u32,
    pub total_effort: Tenths,
    pub capacity: Tenths,
    pub coordination_percent: u32,
    pub systems: u32,
    pub target: Option<TargetCheck>,
}

impl Roadmap {
    /// Builds the roadmap for this profile and these answers, starting `today`.
    pub fn plan(
        questionnaire: &Questionnaire,
        profile: &Profile,
        answers: &Answers,
        today: Date,
    ) -> Roadmap {
        let lang = questionnaire.lang();
        let size = profile.size.unwrap_or(SizeBand::Small);
        let systems = profile.systems.max(1);
        let top = questionnaire.scale.top();
        let mut tasks = Vec::new();
        for item in questionnaire.items() {
            let status = ItemStatus::of(item, profile, answers);
            let base = |text: String, phase, kind, effort, reuses| Task {
                item_id: item.id.clone(),
                item_title: item.title.clone(),
                text,
                phase,
                kind,
                effort,
                blocker: item.blocker,
                reuses,
            };
            let from = match status {
                ItemStatus::NotApplicable => {
                    let passed_on = item
                        .suggest_na
                        .as_ref()
                        .filter(|s| s.when.holds(profile))
                        .and_then(|s| s.supplier_item.as_ref())
                        .and_then(|target| questionnaire.item(target));
                    if let Some(target) = passed_on {
                        tasks.push(Task {
                            item_id: target.id.clone(),
                            item_title: target.title.clone(),
                            text: lang.f(
                                "Require your AI suppliers to cover {id} ({title}) and ask for their evidence.",
                                &[("id", &item.id), ("title", &item.title)],
                            ),
                            phase: Phase::Implementation,
                            kind: TaskKind::SupplierRequirement {
                                excluded: item.id.clone(),
                            },
                            effort: SUPPLIER_REQUIREMENT_TENTHS,
                            blocker: target.blocker,
                            reuses: None,
                        });
                    }
                    continue;
                }
                ItemStatus::Hidden => continue,
                ItemStatus::Level(level) if level >= top => continue,
                ItemStatus::Level(level) => level,
                ItemStatus::DontKnow => {
                    let text = lang.f(
                        "Find out where this stands: {question}",
                        &[("question", &item.question)],
                    );
                    tasks.push(base(
                        text,
                        Phase::Assessment,
                        TaskKind::FindOut,
                        FIND_OUT_TENTHS,
                        None,
                    ));
                    0
                }
                ItemStatus::Unanswered | ItemStatus::NeedsJustification => {
                    let text = lang.f(
                        "Assess this item: {question}",
                        &[("question", &item.question)],
                    );
                    tasks.push(base(
                        text,
                        Phase::Assessment,
                        TaskKind::Assess,
                        FIND_OUT_TENTHS,
                        None,
                    ));
                    0
                }
            };
            let reuses = item.reusable_with(profile);
            for action in item.actions.iter().filter(|a| a.from >= from) {
                let mut effort = tenths(action.days);
                if action.per_system {
                    effort *= systems;
                }
                if reuses.is_some() {
                    effort = (effort * REUSE_PERCENT).div_ceil(100);
                }
                let kind = TaskKind::Improve { from: action.from };
                tasks.push(base(
                    action.text.clone(),
                    action.phase,
                    kind,
                    effort,
                    reuses,
                ));
            }
        }
        // Blockers first within each phase; otherwise questionnaire order (the sort is stable).
        tasks.sort_by_key(|t| (t.phase, !t.blocker));

        let capacity = weekly_capacity(size);
        let coordination = coordination_percent(size);
        let mut phases = Vec::with_capacity(5);
        let mut week = 0;
        for phase in Phase::ALL {
            let phase_tasks: Vec<Task> =
                tasks.iter().filter(|t| t.phase == phase).cloned().collect();
            let effort: Tenths = phase_tasks.iter().map(|t| t.effort).sum();
            // In u64: a custom questionnaire with many large per-system actions must not overflow.
            let extra =
                (u64::from(effort) * u64::from(coordination)).div_ceil(u64::from(capacity) * 100);
            let weeks = phase.minimum_weeks() + u32::try_from(extra).unwrap_or(u32::MAX / 8);
            phases.push(PhasePlan {
                phase,
                start_week: week + 1,
                end_week: week + weeks,
                weeks,
                effort,
                tasks: phase_tasks,
            });
            week += weeks;
        }
        let total_weeks = week;
        let target = profile.target_date.map(|target| {
            let days_left = today.days_until(target);
            let available_weeks = (days_left.max(0) / 7) as u32;
            let verdict = if days_left <= 0 {
                TargetVerdict::InThePast
            } else if total_weeks > available_weeks {
                TargetVerdict::Unrealistic {
                    short_weeks: total_weeks - available_weeks,
                }
            } else if available_weeks - total_weeks < 4 {
                TargetVerdict::Tight {
                    spare_weeks: available_weeks - total_weeks,
                }
            } else {
                TargetVerdict::Realistic {
                    spare_weeks: available_weeks - total_weeks,
                }
            };
            TargetCheck {
                target,
                available_weeks,
                earliest: today.add_days(i64::from(total_weeks) * 7),
                verdict,
            }
        });
        Roadmap {
            total_effort: phases.iter().map(|p| p.effort).sum(),
            phases,
            total_weeks,
            capacity,
            coordination_percent: coordination,
            systems,
            target,
        }
    }

    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.phases.iter().flat_map(|p| p.tasks.iter())
    }

    /// The assumptions behind the figures, in plain words, with this organisation's numbers.
    pub fn assumptions(&self, profile: &Profile, lang: Lang) -> Vec<String> {
        let size = profile.size.unwrap_or(SizeBand::Small);
        let systems = self.systems;
        let mut list = vec![
            lang.f(
                "Your AIMS team can give about {days} person-days a week to this work (typical for an organisation of {size}).",
                &[("days", &days_text(self.capacity, lang)), ("size", &size.label(lang).to_lowercase())],
            ),
            lang.f(
                "Coordinating across an organisation of that size multiplies the effort by {percent}.",
                &[("percent", &lang.percent(self.coordination_percent))],
            ),
            if systems == 1 {
                lang.t("Work done per AI system is counted once (1 AI system in scope).").to_string()
            } else {
                lang.f(
                    "Work done per AI system is counted {n} times ({n} AI systems in scope).",
                    &[("n", &systems)],
                )
            },
            lang.t("Items already at the top level create no tasks; each \"don't know\" or unanswered item adds half a day of fact-finding to phase 1.").to_string(),
            lang.f(
                "Every phase takes at least its minimum ({weeks} weeks): an internal audit and a management review must have run before stage 2, and the certification body needs time between stage 1 and stage 2.",
                &[("weeks", &Phase::ALL.map(|p| p.minimum_weeks().to_string()).join(", "))],
            ),
        ];
        let held: Vec<&str> = profile.held_labels();
        if held.is_empty() {
            list.push(
                lang.t("No existing management system is reused: everything is built new.")
                    .to_string(),
            );
        } else {
            list.push(lang.f(
                "Tasks whose processes exist in your {systems} management system (document control, internal audit, management review, corrective action, competence…) take {percent} of the effort.",
                &[("systems", &held.join(" / ")), ("percent", &lang.percent(REUSE_PERCENT))],
            ));
        }
        list.push(lang.t("These are indicative practitioners' estimates (typically 6 to 12 months from start to certificate), not a quote or a promise.").to_string());
        list
    }
}

/// Formats tenths of a day as "2.5" or "3" (2,5 in German).
pub fn days_text(effort: Tenths, lang: Lang) -> String {
    lang.tenths(u64::from(effort))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_are_numbered_one_to_five() {
        for (i, phase) in Phase::ALL.into_iter().enumerate() {
            assert_eq!(Phase::from_number(i as u8 + 1), Some(phase));
            assert_eq!(phase.number() as usize, i + 1);
        }
        assert_eq!(Phase::from_number(0), None);
        assert_eq!(Phase::from_number(6), None);
    }

    #[test]
    fn days_print_without_needless_decimals() {
        assert_eq!(days_text(30, Lang::En), "3");
        assert_eq!(days_text(25, Lang::En), "2.5");
        assert_eq!(days_text(25, Lang::De), "2,5");
        assert_eq!(days_text(0, Lang::En), "0");
    }
}

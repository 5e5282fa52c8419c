//! The phased implementation roadmap: tasks from this organisation's gaps, phase durations,
//! the three-year certification cycle after it, and the target-date check.
//!
//! Effort comes from the questionnaire's effort model (person-days per kind of action and size
//! band, see questionnaires/README.md). Who does the work is the profile's [`Capacity`]: an
//! AIMS team does the management-system work, the owners of the AI systems do the per-system
//! work in parallel. A phase lasts as long as its work needs, and never less than the calendar
//! time what is still to be done needs: review rounds for documents still to write, an
//! operating period only when the AIMS does not yet run with records (it starts once the setup
//! work that produces records is done), an internal audit and management review only when they
//! are not done yet, and always the certification body's booking lead time and the gap between
//! stage 1 and stage 2. Work done per AI system grows less than linearly with the number of
//! systems, and above [`first_scope`] systems the plan certifies the most critical ones first.

use crate::figures::scoring::ItemStatus;
use crate::model::answers::Answers;
use crate::model::date::Date;
use crate::model::i18n::{msg, plural, Lang};
use crate::model::profile::{AiRole, Capacity, Certification, Profile, SizeBand};
pub use crate::model::questionnaire::Tenths;
use crate::model::questionnaire::{
    Gives, Questionnaire, CERTIFICATION_AUDIT, FIND_OUT, SUPPLIER_REQUIREMENT,
};
use crate::model::regulation::{self, LegalMilestone};
use crate::model::standard;

pub use crate::model::phase::Phase;

/// Weeks the AIMS runs and keeps records before its internal audit. Certification bodies sample
/// these records in stage 2; about three months gives each process (risk and impact
/// re-assessment triggers, monitoring, supplier checks, a nonconformity or two) a chance to
/// leave evidence, which is what auditors commonly expect to see. The clock starts when the
/// setup work that produces those records is done, and the period is skipped when the answers
/// show the AIMS already running with records ([`RUNNING_WITH_RECORDS`]).
pub const OPERATING_WEEKS: u32 = 12;

/// The operating period when a certified ISO/IEC 27001, ISO 9001 or ISO/IEC 27701 system is
/// reused: its internal audit, management review, corrective action and document control
/// already run with records that the certification body can sample (often in an integrated
/// audit), so only the AI-specific processes need a new record trail, about two months.
pub const REUSED_OPERATING_WEEKS: u32 = 8;

/// What the answers must show for the AIMS to count as already running with records, so that
/// no new operating period is planned: `(item, at the top level)`; `false` means at least the
/// gate level. Operation (8.1), monitoring (9.1) and nonconformity handling (10.2) operating
/// with records and reviewed, and an internal audit (9.2.2) and a management review (9.3.3)
/// completed. A questionnaire that does not ask one of them cannot show it.
pub const RUNNING_WITH_RECORDS: [(&str, bool); 5] = [
    ("8.1", true),
    ("9.1", true),
    ("10.2", true),
    ("9.2.2", false),
    ("9.3.3", false),
];

/// The internal audit and management review whose completion (at the gate level) makes the
/// calendar minimum of phase 4 unnecessary.
pub const AUDIT_AND_REVIEW: [&str; 2] = ["9.2.2", "9.3.3"];

/// Fact-finding for "don't know" answers is shared among the owners of the items, so it takes
/// at most this many weeks of phase 1 however many there are (practitioners' figure for a gap
/// analysis: two to six weeks, the confirmation of the rest of phase 1 included).
pub const FIND_OUT_MAX_WEEKS: u32 = 4;

/// Weeks from the start of stage 1 to stage 2: time to close stage 1 findings and for the
/// certification body's second visit (usually four to eight weeks).
pub const STAGE_GAP_WEEKS: u32 = 6;

/// Weeks a certification body typically needs between being asked and the first audit date:
/// it is chosen and booked in phase 1 for that reason.
pub const BOOKING_LEAD_WEEKS: u32 = 8;

/// Above this many AI systems the plan covers this many, the most critical, and recommends
/// adding the others at the surveillance audits (a phased scope). A larger organisation has the
/// people to take more systems through a first certification.
pub fn first_scope(size: SizeBand) -> u32 {
    match size {
        SizeBand::Small => 3,
        SizeBand::Medium => 8,
        SizeBand::Large => 12,
        SizeBand::Enterprise => 15,
    }
}

/// The AI systems the first certification covers: all of them up to [`first_scope`].
pub fn systems_in_first_scope(profile: &Profile) -> u32 {
    let size = profile.size.unwrap_or(SizeBand::Small);
    profile.systems.max(1).min(first_scope(size))
}

impl Phase {
    /// The steps every organisation takes in this phase when it has work left (the plan's own
    /// steps, with the calendar they need, are [`PhasePlan::milestones`]).
    fn milestones(self, lang: Lang) -> Vec<String> {
        match self {
            Phase::Assessment => vec![
                lang.t(msg!("Confirm the gap analysis, the AIMS lead and the budget with top management.")).into(),
                lang.f(msg!("Choose a certification body accredited for ISO/IEC 42001 (ISO/IEC 17021-1 and ISO/IEC 42006) and book the stage 1 and stage 2 dates now: lead times are often {weeks} weeks or more."), &[("weeks", &BOOKING_LEAD_WEEKS)]),
                lang.t(msg!("Agree the project plan and the target date for the certification audit.")).into(),
            ],
            Phase::Design => vec![lang.t(msg!("Draft and approve the AIMS documents the gaps call for.")).into()],
            Phase::Implementation => vec![lang.t(msg!("Train the people in AI roles and brief everyone else.")).into()],
            Phase::AuditAndReview => vec![
                lang.t(msg!("Complete one full internal audit of the AIMS.")).into(),
                lang.t(msg!("Hold one management review and record its decisions.")).into(),
                lang.t(msg!("Close or plan corrective action for every finding.")).into(),
            ],
            Phase::Certification => vec![
                lang.t(msg!("Six to eight weeks before stage 1, check that the body's accreditation covers ISO/IEC 42001.")).into(),
                lang.t(msg!("Stage 1: the auditor reviews documentation and readiness.")).into(),
                lang.f(msg!("Close any stage 1 findings; stage 2 follows about {weeks} weeks after stage 1."), &[("weeks", &STAGE_GAP_WEEKS)]),
                lang.t(msg!("Stage 2: the auditor samples implementation and effectiveness; major nonconformities must be closed before a certificate is issued.")).into(),
            ],
        }
    }

    /// The calendar time this phase's work needs when there is work of its kind still to do
    /// (phase 3's operating period is [`OPERATING_WEEKS`] on top of its setup work).
    pub fn minimum_weeks(self) -> u32 {
        self.minimum_weeks_with(false)
    }

    /// The same, when an existing certified management system is reused (`reused`): its
    /// document approval routine shortens the review rounds of phase 2, and its audit programme,
    /// trained auditors and management review calendar those of phase 4, to three weeks each;
    /// its records shorten the operating period ([`REUSED_OPERATING_WEEKS`]).
    pub fn minimum_weeks_with(self, reused: bool) -> u32 {
        match self {
            Phase::Design | Phase::AuditAndReview if reused => 3,
            Phase::Implementation if reused => REUSED_OPERATING_WEEKS,
            // Confirming the gaps, the team and the budget, and booking the certification body.
            Phase::Assessment => 3,
            // Drafting, reviewing and approving documents takes a few review rounds.
            Phase::Design => 4,
            Phase::Implementation => OPERATING_WEEKS,
            // One full internal audit, the management review after it, corrective actions.
            Phase::AuditAndReview => 4,
            // Stage 1, the gap to stage 2, stage 2 itself.
            Phase::Certification => STAGE_GAP_WEEKS + 2,
        }
    }
}

/// The calendar time a phase needs beyond its work, with the weeks of each part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Floor {
    /// The phase's calendar minimum ([`Phase::minimum_weeks_with`]).
    Minimum { weeks: u32 },
    /// Phase 3: the setup work that produces records, then the operating period.
    Operating {
        setup_weeks: u32,
        operating_weeks: u32,
    },
    /// Phase 5: waiting for the booked audit dates, then stage 1, the gap, stage 2.
    Audits { wait_weeks: u32, audit_weeks: u32 },
}

impl Floor {
    pub fn weeks(self) -> u32 {
        match self {
            Floor::Minimum { weeks } => weeks,
            Floor::Operating {
                setup_weeks,
                operating_weeks,
            } => setup_weeks + operating_weeks,
            Floor::Audits {
                wait_weeks,
                audit_weeks,
            } => wait_weeks + audit_weeks,
        }
    }
}

impl PhasePlan {
    /// Whether the answers leave nothing to do in this phase.
    pub fn is_empty(&self) -> bool {
        self.weeks == 0
    }

    /// The steps of this phase for this plan: the generic ones only for work still to do.
    pub fn milestones(&self, lang: Lang) -> Vec<String> {
        if self.is_empty() {
            return vec![lang
                .t(msg!(
                    "Nothing to do in this phase: the answers show this work already done."
                ))
                .into()];
        }
        match (self.phase, self.floor) {
            (Phase::Implementation, Some(Floor::Operating { operating_weeks, .. })) => {
                let mut steps = vec![lang.f(msg!("Once the setup work that produces records is done, run the AIMS for at least {weeks} weeks and keep its records: the certification body samples them in stage 2."), &[("weeks", &operating_weeks)])];
                steps.extend(self.phase.milestones(lang));
                steps
            }
            (Phase::Implementation, _) => vec![lang
                .t(msg!("The AIMS already runs with records: no new operating period is needed, only the improvements below."))
                .into()],
            (Phase::AuditAndReview, None) => vec![lang
                .t(msg!("The internal audit and management review are done: keep their yearly cycle and close what they found."))
                .into()],
            (Phase::Certification, Some(Floor::Audits { wait_weeks, .. })) if wait_weeks > 0 => {
                let mut steps = vec![lang.n(
                    u64::from(wait_weeks),
                    plural!(
                        "Wait about {n} week for the audit dates booked in phase 1.",
                        "Wait about {n} weeks for the audit dates booked in phase 1."
                    ),
                    &[],
                )];
                steps.extend(self.phase.milestones(lang));
                steps
            }
            _ => self.phase.milestones(lang),
        }
    }
}

fn size_index(size: SizeBand) -> usize {
    SizeBand::ALL.iter().position(|s| *s == size).unwrap_or(0)
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

/// Share of a management-system task's effort left when an existing certified system gives a
/// process to reuse (its scope widened to AI) or to extend (AI-specific parts added).
pub fn reuse_percent(gives: Gives) -> u32 {
    match gives {
        Gives::Reuse => 30,
        Gives::Extend => 60,
    }
}

/// How many times per-system work counts for `systems` AI systems in scope, in hundredths:
/// the first three systems set up the method and count in full, the next seven reuse it and
/// count half, every further one a quarter.
pub fn system_factor(systems: u32) -> u32 {
    match systems {
        0..=3 => 100 * systems.max(1),
        4..=10 => 300 + 50 * (systems - 3),
        _ => 650 + 25 * (systems - 10),
    }
}

/// Effort for a "don't know" or unanswered item: finding out where it stands.
pub fn find_out_effort(q: &Questionnaire, size: SizeBand) -> Tenths {
    q.efforts
        .get(FIND_OUT)
        .map_or(5, |k| k.days[size_index(size)])
}

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
    /// An EU AI Act screening the profile calls for (prohibited practices, classification).
    Screening,
    /// Preparing for, hosting and following up a certification audit stage (the plan's own).
    Audit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub item_id: String,
    pub item_title: String,
    pub text: String,
    pub phase: Phase,
    pub kind: TaskKind,
    pub effort: Tenths,
    /// The task lifts a certification blocker towards the gate level.
    pub blocker: bool,
    /// The certification whose process this task reuses or extends, which shortened it.
    pub reuses: Option<(Certification, Gives)>,
    /// For per-system work: one system's share, which its owner does in parallel with the others.
    pub per_system: Option<Tenths>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhasePlan {
    pub phase: Phase,
    pub start_week: u32,
    pub end_week: u32,
    /// 0 when there is nothing left to do in this phase.
    pub weeks: u32,
    /// Weeks the work alone needs at the organisation's capacity (the calendar minimum may be more).
    pub work_weeks: u32,
    /// The calendar minimum in force, if any: only for work still to be done.
    pub floor: Option<Floor>,
    pub effort: Tenths,
    pub tasks: Vec<Task>,
}

/// The milestones of the three-year certification cycle after stage 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CycleEvent {
    /// The certification body decides and issues the certificate.
    Certificate,
    /// The yearly internal audit and management review before the first surveillance audit.
    FirstYearlyReview,
    FirstSurveillance,
    SecondYearlyReview,
    SecondSurveillance,
    ThirdYearlyReview,
    /// Before the certificate expires after three years.
    Recertification,
}

/// Weeks between the yearly internal audit and management review and the audit after them:
/// time to close their findings first.
pub const REVIEW_LEAD_WEEKS: u32 = 8;

impl CycleEvent {
    pub const ALL: [CycleEvent; 7] = [
        CycleEvent::Certificate,
        CycleEvent::FirstYearlyReview,
        CycleEvent::FirstSurveillance,
        CycleEvent::SecondYearlyReview,
        CycleEvent::SecondSurveillance,
        CycleEvent::ThirdYearlyReview,
        CycleEvent::Recertification,
    ];

    /// Weeks after the end of stage 2: the decision about four weeks later; the first
    /// surveillance audit about 10.5 months after the decision (it must come within 12, so it
    /// is planned with a margin), the second a year after the first; recertification about 33
    /// months after the decision (before expiry); each yearly internal audit and management
    /// review [`REVIEW_LEAD_WEEKS`] before the audit it prepares.
    pub fn weeks_after_stage2(self) -> u32 {
        const DECISION: u32 = 4;
        const FIRST: u32 = DECISION + 46;
        const SECOND: u32 = FIRST + 52;
        const RECERTIFICATION: u32 = DECISION + 143;
        match self {
            CycleEvent::Certificate => DECISION,
            CycleEvent::FirstYearlyReview => FIRST - REVIEW_LEAD_WEEKS,
            CycleEvent::FirstSurveillance => FIRST,
            CycleEvent::SecondYearlyReview => SECOND - REVIEW_LEAD_WEEKS,
            CycleEvent::SecondSurveillance => SECOND,
            CycleEvent::ThirdYearlyReview => RECERTIFICATION - REVIEW_LEAD_WEEKS,
            CycleEvent::Recertification => RECERTIFICATION,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        lang.t(match self {
            CycleEvent::Certificate => {
                msg!("Certificate decision (if stage 2 finds no open major nonconformity)")
            }
            CycleEvent::FirstYearlyReview => {
                msg!("Yearly internal audit and management review, before the first surveillance audit")
            }
            CycleEvent::FirstSurveillance => {
                msg!("First surveillance audit (within 12 months of the certificate decision)")
            }
            CycleEvent::SecondYearlyReview => {
                msg!("Yearly internal audit and management review, before the second surveillance audit")
            }
            CycleEvent::SecondSurveillance => {
                msg!("Second surveillance audit (year 3 of the certificate)")
            }
            CycleEvent::ThirdYearlyReview => {
                msg!("Yearly internal audit and management review, before the recertification audit")
            }
            CycleEvent::Recertification => {
                msg!("Recertification audit, before the certificate expires after three years")
            }
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            CycleEvent::Certificate => "certificate",
            CycleEvent::FirstYearlyReview => "yearly-review-1",
            CycleEvent::FirstSurveillance => "surveillance-1",
            CycleEvent::SecondYearlyReview => "yearly-review-2",
            CycleEvent::SecondSurveillance => "surveillance-2",
            CycleEvent::ThirdYearlyReview => "yearly-review-3",
            CycleEvent::Recertification => "recertification",
        }
    }
}

/// A cycle milestone and the week (counted from the start) it falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CycleMilestone {
    pub event: CycleEvent,
    pub week: u32,
    /// Systems beyond the first scope to bring into the AIMS before this surveillance audit, and
    /// the per-system work they take (person-days, in tenths).
    pub adds: Option<(u32, Tenths)>,
}

impl CycleMilestone {
    /// The milestone as one line: its title, and the systems it adds with their work.
    pub fn text(&self, lang: Lang) -> String {
        match self.adds {
            None => self.event.title(lang).into(),
            Some((systems, effort)) => lang.n(
                u64::from(systems),
                plural!(
                    "{title}: bring {n} more AI system into scope first, about {effort}",
                    "{title}: bring {n} more AI systems into scope first, about {effort}"
                ),
                &[
                    ("title", &self.event.title(lang)),
                    ("effort", &person_days(effort, lang)),
                ],
            ),
        }
    }
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

/// A first certification scope smaller than the AI systems the organisation counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhasedScope {
    /// Systems in the first scope: the most critical ones.
    pub first: u32,
    /// Systems added later, at the surveillance audits.
    pub later: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roadmap {
    pub phases: Vec<PhasePlan>,
    pub total_weeks: u32,
    pub total_effort: Tenths,
    /// Who does the work: the profile's own capacity or the typical one for its size.
    pub capacity: Capacity,
    /// Whether the capacity is the typical one for the size band (not changed by the person).
    pub typical_capacity: bool,
    pub coordination_percent: u32,
    /// AI systems the plan covers (the first scope when it is phased).
    pub systems: u32,
    pub phased: Option<PhasedScope>,
    /// The answers show the AIMS already running with records: no new operating period.
    pub running: bool,
    /// The answers show an internal audit and a management review completed.
    pub audited: bool,
    /// Requirements and controls of the standard this questionnaire did not ask about: their
    /// work is not in the plan.
    pub not_covered: usize,
    /// When some were not asked: the plan with every task's effort scaled up by what was not
    /// asked, `(weeks, effort)`, the top of the likely range (this plan is its bottom).
    pub upper: Option<(u32, Tenths)>,
    pub cycle: Vec<CycleMilestone>,
    /// The EU AI Act dates that bind this profile (regulation::for_profile), earliest first.
    pub legal: Vec<LegalMilestone>,
    pub target: Option<TargetCheck>,
}

/// What every task of one item shares.
struct ItemTasks<'a> {
    q: &'a Questionnaire,
    item: &'a crate::model::questionnaire::Item,
    size: usize,
    system_factor: u32,
    held: Option<&'a crate::model::questionnaire::Reuse>,
}

impl ItemTasks<'_> {
    fn task(
        &self,
        text: String,
        phase: Phase,
        kind: TaskKind,
        effort: Tenths,
        blocker: bool,
    ) -> Task {
        Task {
            item_id: self.item.id.clone(),
            item_title: self.item.title.clone(),
            text,
            phase,
            kind,
            effort,
            blocker,
            reuses: None,
            per_system: None,
        }
    }

    /// The effort of one action of a kind for this organisation, what it reuses, and one
    /// system's share when the work is done per system.
    fn effort(&self, kind: &str) -> (Tenths, Option<(Certification, Gives)>, Option<Tenths>) {
        let Some(k) = self.q.efforts.get(kind) else {
            return (0, None, None);
        };
        let one = k.days[self.size];
        let mut effort = u64::from(one);
        if k.per_system {
            effort = (effort * u64::from(self.system_factor)).div_ceil(100);
        }
        let reuse = self
            .held
            .filter(|_| k.management_system)
            .map(|r| (r.from, r.gives));
        if let Some((_, gives)) = reuse {
            effort = (effort * u64::from(reuse_percent(gives))).div_ceil(100);
        }
        let effort = u32::try_from(effort).unwrap_or(u32::MAX / 8);
        (effort, reuse, k.per_system.then_some(one))
    }
}

/// Whether every item of `required` is asked and answered at least at its level.
fn shows(
    q: &Questionnaire,
    answers: &Answers,
    profile: &Profile,
    required: impl IntoIterator<Item = (&'static str, u8)>,
) -> bool {
    required.into_iter().all(|(id, level)| {
        q.item(id).is_some_and(|item| {
            matches!(ItemStatus::of(item, profile, answers), ItemStatus::Level(l) if l >= level)
        })
    })
}

impl Roadmap {
    /// Builds the roadmap for this profile and these answers, starting `today`.
    pub fn plan(
        questionnaire: &Questionnaire,
        profile: &Profile,
        answers: &Answers,
        today: Date,
    ) -> Roadmap {
        let size = profile.size.unwrap_or(SizeBand::Small);
        let counted = profile.systems.max(1);
        let systems = systems_in_first_scope(profile);
        let phased = (counted > systems).then(|| PhasedScope {
            first: systems,
            later: counted - systems,
        });
        let mut tasks = item_tasks(questionnaire, profile, answers, size, systems);
        // Blockers first within each phase; otherwise questionnaire order (the sort is stable).
        crate::model::order::sort_by_key(&mut tasks, |t| (t.phase, !t.blocker));
        let (top, gate) = (questionnaire.scale.top(), questionnaire.scale.gate_level);
        let running = shows(
            questionnaire,
            answers,
            profile,
            RUNNING_WITH_RECORDS.map(|(id, at_top)| (id, if at_top { top } else { gate })),
        );
        let audited = shows(
            questionnaire,
            answers,
            profile,
            AUDIT_AND_REVIEW.map(|id| (id, gate)),
        );
        let capacity = profile.capacity();
        let coordination = coordination_percent(size);
        let calendar = Calendar {
            capacity,
            coordination,
            running,
            audited,
            reused: profile.builds_on_certificate(),
        };
        let (phases, total_weeks) = calendar.schedule(&tasks);
        let standard_items = standard::CLAUSE_ITEMS.len() + standard::CONTROLS.len();
        let asked = questionnaire.items().count();
        let not_covered = standard_items.saturating_sub(asked);
        let upper = (not_covered > 0 && asked > 0).then(|| {
            let scale = |e: Tenths| {
                let wide = u64::from(e) * standard_items as u64;
                u32::try_from(wide.div_ceil(asked as u64)).unwrap_or(u32::MAX / 8)
            };
            let scaled: Vec<Task> = tasks
                .iter()
                .map(|t| Task {
                    effort: scale(t.effort),
                    per_system: t.per_system.map(scale),
                    ..t.clone()
                })
                .collect();
            let (phases, weeks) = calendar.schedule(&scaled);
            (weeks, phases.iter().map(|p| p.effort).sum())
        });
        let unit: Tenths = phases
            .iter()
            .flat_map(|p| &p.tasks)
            .filter_map(|t| t.per_system)
            .sum();
        let cycle = cycle(total_weeks, systems, phased, unit);
        let legal = regulation::milestones(profile, today);
        Roadmap {
            total_effort: phases.iter().map(|p| p.effort).sum(),
            target: profile
                .target_date
                .map(|t| target_check(t, today, total_weeks)),
            phases,
            total_weeks,
            capacity,
            typical_capacity: capacity == Capacity::typical(size),
            coordination_percent: coordination,
            systems,
            phased,
            running,
            audited,
            not_covered,
            upper,
            cycle,
            legal,
        }
    }

    /// The dates still ahead that come before the certificate decision: duties that bind this
    /// organisation before it would be certified.
    pub fn binding_before_certificate(&self) -> Vec<&LegalMilestone> {
        let decision = self.total_weeks + CycleEvent::Certificate.weeks_after_stage2();
        self.legal
            .iter()
            .filter(|m| m.week.is_some_and(|w| w <= decision))
            .collect()
    }

    /// Says plainly when the certificate would come after a date that binds this organisation,
    /// and that the certificate does not make a system conform to the Act.
    pub fn legal_warning(&self, lang: Lang) -> Option<String> {
        let late = self.binding_before_certificate();
        (!late.is_empty()).then(|| {
            let dates: Vec<String> = late
                .iter()
                .map(|m| format!("{} ({})", lang.date(m.duty.date), m.duty.articles))
                .collect();
            lang.f(
                msg!("The certificate would come after EU AI Act dates that bind the organisation: {dates}. Prepare for those duties on their own timetable: ISO/IEC 42001 certification does not make an AI system conform to the EU AI Act."),
                &[("dates", &dates.join(", "))],
            )
        })
    }

    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.phases.iter().flat_map(|p| p.tasks.iter())
    }

    /// The plan in one sentence: its length and effort, and for a questionnaire that left items
    /// out, that this is the bottom of the range and where its top lies.
    pub fn headline(&self, lang: Lang) -> String {
        let (months, effort) = (
            months_text(self.total_weeks, lang),
            person_days(self.total_effort, lang),
        );
        match self.upper {
            None => lang.f(
                msg!("About {months} months from today to the end of the stage 2 audit, with {effort} of work."),
                &[("months", &months), ("effort", &effort)],
            ),
            Some((weeks, upper)) => lang.f(
                msg!("At least {months} months to the end of the stage 2 audit and {effort} of work for what this questionnaire asked; the full assessment usually finds more, up to about {upper_months} months and {upper}."),
                &[
                    ("months", &months),
                    ("effort", &effort),
                    ("upper_months", &months_text(weeks, lang)),
                    ("upper", &person_days(upper, lang)),
                ],
            ),
        }
    }

    /// Person-days of the systems added after the first certification (at the surveillance
    /// audits), which the plan's total does not include.
    pub fn follow_on_effort(&self) -> Tenths {
        self.cycle
            .iter()
            .filter_map(|m| m.adds)
            .map(|(_, e)| e)
            .sum()
    }

    /// The assumptions behind the figures, in plain words, with this organisation's numbers.
    pub fn assumptions(&self, profile: &Profile, lang: Lang) -> Vec<String> {
        let size = profile.size.unwrap_or(SizeBand::Small);
        let c = self.capacity;
        let team = lang.n(
            u64::from(c.people),
            plural!(
                "An AIMS team of {n} person giving {days} days a week does the management-system work",
                "An AIMS team of {n} people giving {days} days a week each does the management-system work"
            ),
            &[("days", &days_text(c.days_tenths, lang))],
        );
        let mut list = vec![
            if self.typical_capacity {
                lang.f(
                    msg!("{team} (typical for an organisation of {size}; change it above)."),
                    &[("team", &team), ("size", &size.in_sentence(lang))],
                )
            } else {
                lang.f(msg!("{team} (as entered for this plan)."), &[("team", &team)])
            },
            lang.f(
                msg!("The owners of the AI systems and their teams do the work for their own systems in parallel, {days} days a week each: per-system work takes as long as one system's share."),
                &[("days", &days_text(c.owner_days_tenths, lang))],
            ),
            lang.f(
                msg!("Coordinating across an organisation of that size multiplies the effort by {percent}."),
                &[("percent", &lang.percent(self.coordination_percent))],
            ),
            lang.f(
                msg!("Work done per AI system counts {factor} times for {n} systems: the first three set up the method and count in full, the next seven count half, every further one a quarter."),
                &[("factor", &lang.tenths(u64::from(system_factor(self.systems).div_ceil(10)))), ("n", &self.systems)],
            ),
        ];
        if let Some(p) = self.phased {
            list.push(lang.f(
                msg!("The organisation counts {total} AI systems. The plan certifies the {first} most critical first and adds the other {later} before the two surveillance audits, about {effort} of per-system work not counted in the total above: a phased scope keeps the first certification within reach."),
                &[("total", &(p.first + p.later)), ("first", &p.first), ("later", &p.later), ("effort", &person_days(self.follow_on_effort(), lang))],
            ));
        }
        list.push(lang.f(
            msg!("Items already at the top level create no tasks; each \"don't know\" or unanswered item adds fact-finding to phase 1, shared among the item owners so that it takes at most {weeks} weeks."),
            &[("weeks", &FIND_OUT_MAX_WEEKS)],
        ));
        list.push(if self.running {
            lang.t(msg!("The answers show the AIMS already running with records (operation, monitoring and nonconformity handling at the top level, an internal audit and a management review completed), so the plan has no new operating period.")).to_string()
        } else {
            lang.f(
                msg!("The AIMS runs and keeps records for {operating} weeks after the setup work that produces them, before its internal audit: certification bodies sample these records in stage 2."),
                &[("operating", &OPERATING_WEEKS)],
            )
        });
        list.push(lang.f(
            msg!("Each phase lasts as long as its work needs, and a phase with work left never less than the calendar time that work needs (phase 1: {assess} weeks, documents: {design} weeks of review rounds, internal audit and management review: {audit} weeks). Stage 1 can start about {lead} weeks after booking the certification body in phase 1, and stage 2 follows about {gap} weeks after stage 1."),
            &[
                ("assess", &Phase::Assessment.minimum_weeks()),
                ("design", &Phase::Design.minimum_weeks()),
                ("audit", &Phase::AuditAndReview.minimum_weeks()),
                ("lead", &BOOKING_LEAD_WEEKS),
                ("gap", &STAGE_GAP_WEEKS),
            ],
        ));
        let held: Vec<&str> = profile.held_labels();
        if held.is_empty() {
            list.push(
                lang.t(msg!(
                    "No existing management system is reused: everything is built new."
                ))
                .to_string(),
            );
        } else {
            list.push(lang.f(
                msg!("Where the organisation's {systems} management system has a process to reuse, its documents, programmes and agendas take {reuse} of the effort; where it has one to extend, {extend}. AI-specific work, and running the first internal audit and management review of the AIMS, take full effort."),
                &[
                    ("systems", &held.join(" / ")),
                    ("reuse", &lang.percent(reuse_percent(Gives::Reuse))),
                    ("extend", &lang.percent(reuse_percent(Gives::Extend))),
                ],
            ));
        }
        if self.not_covered > 0 {
            list.push(lang.f(
                msg!("This questionnaire did not ask about {n} of the standard's requirements and controls, so their work is not in this plan: the full assessment gives the complete estimate."),
                &[("n", &self.not_covered)],
            ));
        }
        list.push(self.practitioners(profile, lang));
        list
    }

    /// What practitioners report for an organisation of this size, beside this plan's length,
    /// with the reason when the plan falls outside that range (so the two never contradict).
    pub fn practitioners(&self, profile: &Profile, lang: Lang) -> String {
        let size = profile.size.unwrap_or(SizeBand::Small);
        let reused = profile.builds_on_certificate();
        let (low, high) = practitioner_months(size, reused);
        // Practitioners count to the certificate: the decision comes about four weeks after stage 2.
        let to_certificate = self.total_weeks + CycleEvent::Certificate.weeks_after_stage2();
        let tenths = months_tenths(to_certificate);
        let months = lang.one_decimal(u64::from(tenths));
        let range = if reused {
            msg!("Practitioners report about {low} to {high} months from start to certificate for an organisation of this size that builds on an ISO/IEC 27001 or ISO 9001 certificate.")
        } else {
            msg!("Practitioners report about {low} to {high} months from start to certificate for an organisation of this size starting from scratch.")
        };
        let range = lang.f(range, &[("low", &low), ("high", &high)]);
        let verdict = if tenths < low * 10 {
            msg!("This plan reaches the certificate decision in about {months} months, less than that, because of the work the answers show done or the capacity set above: check that capacity against the people the organisation really has.")
        } else if tenths > high * 10 {
            msg!("This plan reaches the certificate decision in about {months} months, more than that, because of the gaps the answers show at the capacity set above: more people shorten it.")
        } else {
            msg!("This plan reaches the certificate decision in about {months} months, within that range.")
        };
        format!(
            "{range} {} {}",
            lang.f(verdict, &[("months", &months)]),
            lang.t(msg!(
                "These are indicative estimates, not a quote or a promise."
            ))
        )
    }
}

/// Months from start to certificate that practitioners report by size band, from scratch or on
/// top of a certified ISO/IEC 27001 or ISO 9001 system (typically 6-12 months, 6-18 by size,
/// large enterprises 12-18 from scratch; 6-9 on top of ISO/IEC 27001, about a third shorter):
/// see the calibration in questionnaires/README.md.
pub fn practitioner_months(size: SizeBand, reused: bool) -> (u32, u32) {
    match (size, reused) {
        (SizeBand::Small | SizeBand::Medium, false) => (6, 12),
        (SizeBand::Large, false) => (9, 15),
        (SizeBand::Enterprise, false) => (12, 18),
        (SizeBand::Small | SizeBand::Medium, true) => (6, 9),
        (SizeBand::Large, true) => (6, 12),
        (SizeBand::Enterprise, true) => (9, 13),
    }
}

/// The three-year cycle after stage 2, with the systems beyond the first scope brought in
/// before the two surveillance audits (half each, the first group rounded up), priced by the
/// plan's per-system work for one system (`unit`) with the same sublinear factor.
fn cycle(
    total_weeks: u32,
    systems: u32,
    phased: Option<PhasedScope>,
    unit: Tenths,
) -> Vec<CycleMilestone> {
    let later = phased.map_or(0, |p| p.later);
    let first_group = later.div_ceil(2);
    let added = |from: u32, n: u32| {
        let factor = system_factor(from + n) - system_factor(from);
        (n > 0).then(|| {
            (
                n,
                (u64::from(unit) * u64::from(factor)).div_ceil(100) as Tenths,
            )
        })
    };
    CycleEvent::ALL
        .map(|event| CycleMilestone {
            event,
            week: total_weeks + event.weeks_after_stage2(),
            adds: match event {
                CycleEvent::FirstSurveillance => added(systems, first_group),
                CycleEvent::SecondSurveillance => added(systems + first_group, later - first_group),
                _ => None,
            },
        })
        .to_vec()
}

/// The tasks each applicable item creates for these answers.
fn item_tasks(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    size: SizeBand,
    systems: u32,
) -> Vec<Task> {
    let lang = q.lang();
    let gate = q.scale.gate_level;
    let top = q.scale.top();
    let size_at = size_index(size);
    let mut tasks = Vec::new();
    for item in q.items() {
        let shared = ItemTasks {
            q,
            item,
            size: size_at,
            system_factor: system_factor(systems),
            held: item.reusable_with(profile),
        };
        let planned_before_stage1 = standard::PLANNED_BEFORE_STAGE1.contains(&item.id.as_str());
        let from = match ItemStatus::of(item, profile, answers) {
            ItemStatus::NotApplicable => {
                let passed_on = item
                    .suggest_na
                    .as_ref()
                    .filter(|s| s.when.holds(profile))
                    .and_then(|s| s.supplier_item.as_ref())
                    .and_then(|target| q.item(target));
                if let Some(target) = passed_on {
                    let (effort, _, _) = shared.effort(SUPPLIER_REQUIREMENT);
                    tasks.push(Task {
                        item_id: target.id.clone(),
                        item_title: target.title.clone(),
                        text: lang.f(
                            msg!("Require the organisation's AI suppliers to cover {id} ({title}) and ask for their evidence."),
                            &[("id", &item.id), ("title", &item.title)],
                        ),
                        phase: Phase::Implementation,
                        kind: TaskKind::SupplierRequirement {
                            excluded: item.id.clone(),
                        },
                        effort,
                        blocker: false,
                        reuses: None,
                        per_system: None,
                    });
                }
                continue;
            }
            ItemStatus::Hidden => continue,
            ItemStatus::Level(level) if level >= top => continue,
            ItemStatus::Level(level) => level,
            status @ (ItemStatus::DontKnow
            | ItemStatus::Unanswered
            | ItemStatus::NeedsJustification) => {
                let (template, kind) = if status == ItemStatus::DontKnow {
                    (
                        msg!("Find out where this stands: {question}"),
                        TaskKind::FindOut,
                    )
                } else {
                    (msg!("Assess this item: {question}"), TaskKind::Assess)
                };
                let (effort, _, _) = shared.effort(FIND_OUT);
                let text = lang.f(template, &[("question", &item.question)]);
                let blocker = item.blocker || planned_before_stage1;
                tasks.push(shared.task(text, Phase::Assessment, kind, effort, blocker));
                0
            }
        };
        let applies = |a: &&crate::model::questionnaire::ItemAction| {
            a.when.as_ref().is_none_or(|w| w.holds(profile))
        };
        for action in item
            .actions
            .iter()
            .filter(|a| a.from >= from)
            .filter(applies)
        {
            let (effort, reuses, per_system) = shared.effort(&action.effort);
            // Only the steps up to the gate level lift a blocker (and for an internal audit or
            // management review item, the step to planned); later ones improve it further.
            // A duty the EU AI Act adds for high-risk systems is the law's, not an ISO audit's.
            let legal_only = action.when.as_ref().is_some_and(|w| w.mentions_high_risk());
            let blocker = action.lifts_blocker
                && !legal_only
                && ((item.blocker && action.from < gate)
                    || (planned_before_stage1 && action.from < 1));
            let kind = TaskKind::Improve { from: action.from };
            let text = match (&action.when, regulation::date("high-risk-annex-iii")) {
                // A duty the Act puts on high-risk systems says from when it binds.
                (Some(when), Some(duty)) if when.mentions_high_risk() => lang.f(
                    msg!("{action} (EU AI Act duty for high-risk systems from {date})"),
                    &[("action", &action.text), ("date", &lang.date(duty.date))],
                ),
                _ => action.text.clone(),
            };
            let mut task = shared.task(text, action.phase, kind, effort, blocker);
            task.reuses = reuses;
            task.per_system = per_system;
            tasks.push(task);
        }
    }
    tasks.extend(screening_tasks(q, profile, size_at, systems));
    tasks.extend(audit_tasks(q, size_at));
    tasks
}

/// Phase 5's own work, whatever the answers: preparing for and hosting stage 1 (documents,
/// guides, the opening and closing meetings), closing its findings, and hosting stage 2 with
/// its interviews and sampling. Not tied to one item.
fn audit_tasks(q: &Questionnaire, size: usize) -> Vec<Task> {
    let lang = q.lang();
    let days = q
        .efforts
        .get(CERTIFICATION_AUDIT)
        .map_or(0, |k| k.days[size]);
    let follow_up = q.efforts.get("follow_up").map_or(days, |k| k.days[size]);
    [
        (msg!("Prepare for and host the stage 1 audit: the documents, a guide for the auditor, the opening and closing meetings."), days),
        (msg!("Close the stage 1 findings before stage 2 and keep the evidence of each correction."), follow_up),
        (msg!("Host the stage 2 audit (interviews, sampled records) and answer any nonconformity with a corrective action plan."), days),
    ]
    .into_iter()
    .map(|(text, effort)| Task {
        item_id: String::new(),
        item_title: String::new(),
        text: lang.t(text).into(),
        phase: Phase::Certification,
        kind: TaskKind::Audit,
        effort,
        blocker: false,
        reuses: None,
        per_system: None,
    })
    .collect()
}

/// The EU AI Act screening the profile calls for, before anything else: prohibited practices
/// (Art. 5) and, when it is not clear, the classification of each system (Art. 6, Annex III).
fn screening_tasks(q: &Questionnaire, profile: &Profile, size: usize, systems: u32) -> Vec<Task> {
    use crate::model::profile::{HighRisk, Screening};
    let lang = q.lang();
    let effort = |kind: &str, per_system: bool| -> (Tenths, Option<Tenths>) {
        let days = q.efforts.get(kind).map_or(10, |k| k.days[size]);
        if per_system {
            ((days * system_factor(systems)).div_ceil(100), Some(days))
        } else {
            (days, None)
        }
    };
    let item = |id: &str| q.item(id).map(|i| (i.id.clone(), i.title.clone()));
    let anchor = item("4.1").or_else(|| q.items().next().map(|i| (i.id.clone(), i.title.clone())));
    let mut tasks = Vec::new();
    let Some((id, title)) = anchor else {
        return tasks;
    };
    // Screening is a legal duty under the EU AI Act, not an ISO audit blocker.
    let task = |text: String, (effort, per_system): (Tenths, Option<Tenths>)| Task {
        item_id: id.clone(),
        item_title: title.clone(),
        text,
        phase: Phase::Assessment,
        kind: TaskKind::Screening,
        effort,
        blocker: false,
        reuses: None,
        per_system,
    };
    if matches!(
        profile.prohibited,
        Some(Screening::Yes | Screening::NotSure)
    ) {
        tasks.push(task(
            lang.t(msg!("Screen every AI use against the practices the EU AI Act prohibits (Art. 5) and stop any that is one: no management system makes a prohibited practice acceptable, and no task of this plan may serve one.")).into(),
            effort("workshop", false),
        ));
    }
    if profile.high_risk == Some(HighRisk::NotSure) {
        tasks.push(task(
            lang.t(msg!("Classify each AI system against Art. 6 and Annex III of the EU AI Act (high-risk or not) and record the reasoning: the answer decides which of the Act's duties apply.")).into(),
            effort("system_record", true),
        ));
    }
    // Art. 50 binds providers and deployers whose systems talk to people or generate content:
    // the profile cannot tell which do, so finding out and acting on it is a task.
    let provider_or_deployer = [AiRole::Develops, AiRole::Provides, AiRole::Uses]
        .iter()
        .any(|r| profile.roles.contains(r));
    if let (true, Some(since)) = (provider_or_deployer, regulation::date("transparency")) {
        tasks.push(task(
            lang.f(
                msg!("Find the AI systems that talk to people or generate text, images, audio or video; for those, tell people they are dealing with AI and mark what is generated (Art. 50 of the EU AI Act, in force since {date})."),
                &[("date", &lang.date(since.date))],
            ),
            effort("system_record", true),
        ));
    }
    tasks
}

/// What the schedule needs besides the tasks.
#[derive(Clone, Copy)]
struct Calendar {
    capacity: Capacity,
    coordination: u32,
    running: bool,
    audited: bool,
    /// A certified management system is reused (shorter calendar minimums).
    reused: bool,
}

impl Calendar {
    /// Weeks these tasks need: the AIMS team's share at its capacity, with the coordination
    /// uplift of the organisation's size, and in parallel the per-system share of one system at
    /// its owner's (a system team's work on its own system needs no organisation-wide
    /// coordination).
    fn work_weeks<'a>(&self, tasks: impl Iterator<Item = &'a Task> + Clone) -> u32 {
        let weeks = |effort: u64, percent: u32, per_week: u32| {
            let work = (effort * u64::from(percent)).div_ceil(u64::from(per_week.max(1)) * 100);
            u32::try_from(work).unwrap_or(u32::MAX / 8)
        };
        let team: u64 = tasks
            .clone()
            .filter(|t| t.per_system.is_none())
            .map(|t| u64::from(t.effort))
            .sum();
        let one_system: u64 = tasks.filter_map(|t| t.per_system).map(u64::from).sum();
        weeks(team, self.coordination, self.capacity.team_tenths()).max(weeks(
            one_system,
            100,
            self.capacity.owner_days_tenths,
        ))
    }

    /// Lays the phases end to end: each as long as its work needs, and never less than the
    /// calendar time the work still to do needs.
    fn schedule(&self, tasks: &[Task]) -> (Vec<PhasePlan>, u32) {
        let mut phases = Vec::with_capacity(5);
        let mut week = 0;
        for phase in Phase::ALL {
            let phase_tasks: Vec<Task> =
                tasks.iter().filter(|t| t.phase == phase).cloned().collect();
            let minimum = Floor::Minimum {
                weeks: phase.minimum_weeks_with(self.reused),
            };
            let (work_weeks, floor) = match phase {
                Phase::Assessment => {
                    // Fact-finding is shared among the item owners: bounded in calendar time.
                    let found = |t: &&Task| matches!(t.kind, TaskKind::FindOut | TaskKind::Assess);
                    let finding = self
                        .work_weeks(phase_tasks.iter().filter(found))
                        .min(FIND_OUT_MAX_WEEKS);
                    (
                        self.work_weeks(phase_tasks.iter().filter(|t| !found(t))) + finding,
                        Some(minimum),
                    )
                }
                Phase::Design => (
                    self.work_weeks(phase_tasks.iter()),
                    (!phase_tasks.is_empty()).then_some(minimum),
                ),
                Phase::Implementation => (
                    self.work_weeks(phase_tasks.iter()),
                    (!self.running).then(|| Floor::Operating {
                        setup_weeks: self.work_weeks(phase_tasks.iter().filter(|t| t.blocker)),
                        operating_weeks: phase.minimum_weeks_with(self.reused),
                    }),
                ),
                Phase::AuditAndReview => (
                    self.work_weeks(phase_tasks.iter()),
                    (!self.audited).then_some(minimum),
                ),
                Phase::Certification => (
                    self.work_weeks(phase_tasks.iter()),
                    Some(Floor::Audits {
                        // The body was booked in week 1: stage 1 comes after its lead time.
                        wait_weeks: (BOOKING_LEAD_WEEKS + 1).saturating_sub(week + 1),
                        audit_weeks: phase.minimum_weeks(),
                    }),
                ),
            };
            let weeks = work_weeks.max(floor.map_or(0, Floor::weeks));
            phases.push(PhasePlan {
                phase,
                start_week: week + 1,
                end_week: week + weeks,
                weeks,
                work_weeks,
                floor,
                effort: phase_tasks.iter().map(|t| t.effort).sum(),
                tasks: phase_tasks,
            });
            week += weeks;
        }
        (phases, week)
    }
}

fn target_check(target: Date, today: Date, total_weeks: u32) -> TargetCheck {
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
}

/// Formats tenths of a day as "2.5" or "3" (2,5 in German).
pub fn days_text(effort: Tenths, lang: Lang) -> String {
    lang.tenths(u64::from(effort))
}

/// "2.5 person-days", "1 person-day", with the plural the count needs.
pub fn person_days(effort: Tenths, lang: Lang) -> String {
    let text = days_text(effort, lang);
    if effort == 10 {
        lang.f(msg!("{days} person-day"), &[("days", &text)])
    } else {
        lang.f(msg!("{days} person-days"), &[("days", &text)])
    }
}

/// Weeks as tenths of a month, rounded (52 weeks in 12 months).
fn months_tenths(weeks: u32) -> u32 {
    (weeks * 120 + 26) / 52
}

/// Weeks as months with one decimal: "10.6" or "10,6".
pub fn months_text(weeks: u32, lang: Lang) -> String {
    lang.one_decimal(u64::from(months_tenths(weeks)))
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
        assert_eq!(person_days(10, Lang::En), "1 person-day");
        assert_eq!(person_days(15, Lang::En), "1.5 person-days");
    }

    #[test]
    fn per_system_work_grows_less_than_linearly_and_never_falls() {
        assert_eq!(system_factor(1), 100);
        assert_eq!(system_factor(3), 300);
        assert_eq!(system_factor(10), 650);
        assert_eq!(system_factor(15), 775);
        for n in 1..500 {
            assert!(system_factor(n + 1) > system_factor(n));
            assert!(system_factor(n + 1) - system_factor(n) <= 100);
        }
    }
}

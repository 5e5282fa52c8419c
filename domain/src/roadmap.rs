//! The phased implementation roadmap: tasks from this organisation's gaps, phase durations,
//! the three-year certification cycle after it, and the target-date check.
//!
//! Effort comes from the questionnaire's effort model (person-days per kind of action and size
//! band, see questionnaires/README.md). A phase lasts as long as its work needs at the
//! organisation's capacity, and never less than the calendar time it needs:
//! `weeks = max(calendar minimum, ceil(effort × coordination ÷ weekly capacity))`.
//! Work done per AI system grows less than linearly with the number of systems, and above
//! [`first_scope`] systems the plan certifies the most critical ones first.

use super::answers::Answers;
use super::date::Date;
use super::i18n::{msg, Lang};
use super::profile::{Certification, Profile, SizeBand};
pub use super::questionnaire::Tenths;
use super::questionnaire::{Gives, Questionnaire, FIND_OUT, SUPPLIER_REQUIREMENT};
use super::scoring::ItemStatus;
use super::standard;

pub use super::phase::Phase;

/// Weeks the AIMS runs and keeps records before its internal audit. Certification bodies sample
/// these records in stage 2; about three months gives each process (risk and impact
/// re-assessment triggers, monitoring, supplier checks, a nonconformity or two) a chance to
/// leave evidence, which is what auditors commonly expect to see.
pub const OPERATING_WEEKS: u32 = 12;

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

impl Phase {
    /// The steps every organisation takes in this phase, whatever its gaps.
    pub fn milestones(self, lang: Lang) -> Vec<String> {
        match self {
            Phase::Assessment => vec![
                lang.t(msg!("Confirm the gap analysis, the AIMS lead and the budget with top management.")).into(),
                lang.f(msg!("Choose an accredited certification body and book the stage 1 and stage 2 dates now: lead times are often {weeks} weeks or more."), &[("weeks", &BOOKING_LEAD_WEEKS)]),
                lang.t(msg!("Agree the project plan and the target date for the certification audit.")).into(),
            ],
            Phase::Design => vec![lang.t(msg!("Draft and approve the AIMS documents the gaps call for.")).into()],
            Phase::Implementation => vec![
                lang.f(msg!("Run the AIMS for at least {weeks} weeks and keep its records: the certification body samples them in stage 2."), &[("weeks", &OPERATING_WEEKS)]),
                lang.t(msg!("Train the people in AI roles and brief everyone else.")).into(),
            ],
            Phase::AuditAndReview => vec![
                lang.t(msg!("Complete one full internal audit of the AIMS.")).into(),
                lang.t(msg!("Hold one management review and record its decisions.")).into(),
                lang.t(msg!("Close or plan corrective action for every finding.")).into(),
            ],
            Phase::Certification => vec![
                lang.t(msg!("Stage 1: the auditor reviews documentation and readiness.")).into(),
                lang.f(msg!("Close any stage 1 findings; stage 2 follows about {weeks} weeks after stage 1."), &[("weeks", &STAGE_GAP_WEEKS)]),
                lang.t(msg!("Stage 2: the auditor samples implementation and effectiveness; major nonconformities must be closed before a certificate is issued.")).into(),
            ],
        }
    }

    /// No phase is shorter than this, however small the gaps: the calendar time it needs.
    pub fn minimum_weeks(self) -> u32 {
        match self {
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

fn size_index(size: SizeBand) -> usize {
    SizeBand::ALL.iter().position(|s| *s == size).unwrap_or(0)
}

/// Person-days the AIMS team can give in a week, in tenths, by size band: about 0.6 of a person
/// in a small organisation, one in a medium one, two and a half in a large one, four in an
/// enterprise (a project team with part-time help from risk, legal and engineering).
pub fn weekly_capacity(size: SizeBand) -> Tenths {
    match size {
        SizeBand::Small => 30,
        SizeBand::Medium => 50,
        SizeBand::Large => 125,
        SizeBand::Enterprise => 200,
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
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhasePlan {
    pub phase: Phase,
    pub start_week: u32,
    pub end_week: u32,
    pub weeks: u32,
    /// Weeks the work alone needs at the organisation's capacity (the calendar minimum may be more).
    pub work_weeks: u32,
    pub effort: Tenths,
    pub tasks: Vec<Task>,
}

/// The milestones of the three-year certification cycle after stage 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CycleEvent {
    /// The certification body decides and issues the certificate.
    Certificate,
    FirstSurveillance,
    SecondSurveillance,
    /// Before the certificate expires after three years.
    Recertification,
}

impl CycleEvent {
    pub const ALL: [CycleEvent; 4] = [
        CycleEvent::Certificate,
        CycleEvent::FirstSurveillance,
        CycleEvent::SecondSurveillance,
        CycleEvent::Recertification,
    ];

    /// Weeks after the end of stage 2: the decision about four weeks later, surveillance audits
    /// one and two years after it, recertification about 33 months after it (before expiry).
    pub fn weeks_after_stage2(self) -> u32 {
        match self {
            CycleEvent::Certificate => 4,
            CycleEvent::FirstSurveillance => 4 + 52,
            CycleEvent::SecondSurveillance => 4 + 104,
            CycleEvent::Recertification => 4 + 143,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        lang.t(match self {
            CycleEvent::Certificate => {
                msg!("Certificate decision (if stage 2 finds no open major nonconformity)")
            }
            CycleEvent::FirstSurveillance => {
                msg!("First surveillance audit (year 2 of the certificate)")
            }
            CycleEvent::SecondSurveillance => {
                msg!("Second surveillance audit (year 3 of the certificate)")
            }
            CycleEvent::Recertification => {
                msg!("Recertification audit, before the certificate expires after three years")
            }
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            CycleEvent::Certificate => "certificate",
            CycleEvent::FirstSurveillance => "surveillance-1",
            CycleEvent::SecondSurveillance => "surveillance-2",
            CycleEvent::Recertification => "recertification",
        }
    }
}

/// A cycle milestone and the week (counted from the start) it falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CycleMilestone {
    pub event: CycleEvent,
    pub week: u32,
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
    pub capacity: Tenths,
    pub coordination_percent: u32,
    /// AI systems the plan covers (the first scope when it is phased).
    pub systems: u32,
    pub phased: Option<PhasedScope>,
    /// Requirements and controls of the standard this questionnaire did not ask about: their
    /// work is not in the plan.
    pub not_covered: usize,
    pub cycle: Vec<CycleMilestone>,
    pub target: Option<TargetCheck>,
}

/// What every task of one item shares.
struct ItemTasks<'a> {
    q: &'a Questionnaire,
    item: &'a super::questionnaire::Item,
    size: usize,
    system_factor: u32,
    held: Option<&'a super::questionnaire::Reuse>,
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
        }
    }

    /// The effort of one action of a kind, for this organisation.
    fn effort(&self, kind: &str) -> (Tenths, Option<(Certification, Gives)>) {
        let Some(k) = self.q.efforts.get(kind) else {
            return (0, None);
        };
        let mut effort = u64::from(k.days[self.size]);
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
        (u32::try_from(effort).unwrap_or(u32::MAX / 8), reuse)
    }
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
        let scope = first_scope(size);
        let phased = (counted > scope).then(|| PhasedScope {
            first: scope,
            later: counted - scope,
        });
        let systems = counted.min(scope);
        let mut tasks = item_tasks(questionnaire, profile, answers, size, systems);
        // Blockers first within each phase; otherwise questionnaire order (the sort is stable).
        super::order::sort_by_key(&mut tasks, |t| (t.phase, !t.blocker));
        let capacity = weekly_capacity(size);
        let coordination = coordination_percent(size);
        let (phases, total_weeks) = schedule(tasks, capacity, coordination);
        let cycle = CycleEvent::ALL
            .map(|event| CycleMilestone {
                event,
                week: total_weeks + event.weeks_after_stage2(),
            })
            .to_vec();
        let standard_items = standard::CLAUSE_ITEMS.len() + standard::CONTROLS.len();
        Roadmap {
            total_effort: phases.iter().map(|p| p.effort).sum(),
            target: profile
                .target_date
                .map(|t| target_check(t, today, total_weeks)),
            phases,
            total_weeks,
            capacity,
            coordination_percent: coordination,
            systems,
            phased,
            not_covered: standard_items.saturating_sub(questionnaire.items().count()),
            cycle,
        }
    }

    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.phases.iter().flat_map(|p| p.tasks.iter())
    }

    /// The assumptions behind the figures, in plain words, with this organisation's numbers.
    pub fn assumptions(&self, profile: &Profile, lang: Lang) -> Vec<String> {
        let size = profile.size.unwrap_or(SizeBand::Small);
        let mut list = vec![
            lang.f(
                msg!("Your AIMS team can give about {days} person-days a week to this work (typical for an organisation of {size})."),
                &[("days", &days_text(self.capacity, lang)), ("size", &size.label(lang).to_lowercase())],
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
                msg!("You count {total} AI systems. The plan certifies the {first} most critical first and adds the other {later} at the surveillance audits, one group per year: a phased scope keeps the first certification within reach."),
                &[("total", &(p.first + p.later)), ("first", &p.first), ("later", &p.later)],
            ));
        }
        list.push(lang.t(msg!("Items already at the top level create no tasks; each \"don't know\" or unanswered item adds fact-finding to phase 1.")).to_string());
        list.push(lang.f(
            msg!("Each phase lasts as long as its work needs, and never less than the calendar time it needs ({weeks} weeks): the AIMS must run and keep records for {operating} weeks before its internal audit, and stage 2 follows stage 1 after about {gap} weeks."),
            &[
                ("weeks", &Phase::ALL.map(|p| p.minimum_weeks().to_string()).join(", ")),
                ("operating", &OPERATING_WEEKS),
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
                msg!("Where your {systems} management system has a process to reuse, its documents, programmes and agendas take {reuse} of the effort; where it has one to extend, {extend}. AI-specific work, and running the first internal audit and management review of the AIMS, take full effort."),
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
        list.push(lang.f(
            msg!("Practitioners typically report 6 to 12 months from start to certificate; this plan needs about {months} months to the end of stage 2. These are indicative estimates, not a quote or a promise."),
            &[("months", &months_text(self.total_weeks, lang))],
        ));
        list
    }
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
        let from = match ItemStatus::of(item, profile, answers) {
            ItemStatus::NotApplicable => {
                let passed_on = item
                    .suggest_na
                    .as_ref()
                    .filter(|s| s.when.holds(profile))
                    .and_then(|s| s.supplier_item.as_ref())
                    .and_then(|target| q.item(target));
                if let Some(target) = passed_on {
                    let (effort, _) = shared.effort(SUPPLIER_REQUIREMENT);
                    tasks.push(Task {
                        item_id: target.id.clone(),
                        item_title: target.title.clone(),
                        text: lang.f(
                            msg!("Require your AI suppliers to cover {id} ({title}) and ask for their evidence."),
                            &[("id", &item.id), ("title", &item.title)],
                        ),
                        phase: Phase::Implementation,
                        kind: TaskKind::SupplierRequirement {
                            excluded: item.id.clone(),
                        },
                        effort,
                        blocker: false,
                        reuses: None,
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
                let (effort, _) = shared.effort(FIND_OUT);
                let text = lang.f(template, &[("question", &item.question)]);
                tasks.push(shared.task(text, Phase::Assessment, kind, effort, item.blocker));
                0
            }
        };
        let applies = |a: &&super::questionnaire::ItemAction| {
            a.when.as_ref().is_none_or(|w| w.holds(profile))
        };
        for action in item
            .actions
            .iter()
            .filter(|a| a.from >= from)
            .filter(applies)
        {
            let (effort, reuses) = shared.effort(&action.effort);
            // Only the steps up to the gate level lift a blocker; later ones improve it further.
            let blocker = item.blocker && action.from < gate;
            let kind = TaskKind::Improve { from: action.from };
            let mut task = shared.task(action.text.clone(), action.phase, kind, effort, blocker);
            task.reuses = reuses;
            tasks.push(task);
        }
    }
    tasks.extend(screening_tasks(q, profile, size_at, systems));
    tasks
}

/// The EU AI Act screening the profile calls for, before anything else: prohibited practices
/// (Art. 5) and, when it is not clear, the classification of each system (Art. 6, Annex III).
fn screening_tasks(q: &Questionnaire, profile: &Profile, size: usize, systems: u32) -> Vec<Task> {
    use super::profile::{HighRisk, Screening};
    let lang = q.lang();
    let effort = |kind: &str, per_system: bool| -> Tenths {
        let days = q.efforts.get(kind).map_or(10, |k| k.days[size]);
        if per_system {
            (days * system_factor(systems)).div_ceil(100)
        } else {
            days
        }
    };
    let item = |id: &str| q.item(id).map(|i| (i.id.clone(), i.title.clone()));
    let anchor = item("4.1").or_else(|| q.items().next().map(|i| (i.id.clone(), i.title.clone())));
    let mut tasks = Vec::new();
    let Some((id, title)) = anchor else {
        return tasks;
    };
    let task = |text: String, effort: Tenths| Task {
        item_id: id.clone(),
        item_title: title.clone(),
        text,
        phase: Phase::Assessment,
        kind: TaskKind::Screening,
        effort,
        blocker: true,
        reuses: None,
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
    tasks
}

/// Lays the phases end to end: each as long as its work needs, never less than its minimum.
fn schedule(tasks: Vec<Task>, capacity: Tenths, coordination: u32) -> (Vec<PhasePlan>, u32) {
    let mut phases = Vec::with_capacity(5);
    let mut week = 0;
    for phase in Phase::ALL {
        let phase_tasks: Vec<Task> = tasks.iter().filter(|t| t.phase == phase).cloned().collect();
        let effort: Tenths = phase_tasks.iter().map(|t| t.effort).sum();
        // In u64: a custom questionnaire with many large per-system actions must not overflow.
        let work =
            (u64::from(effort) * u64::from(coordination)).div_ceil(u64::from(capacity) * 100);
        let work_weeks = u32::try_from(work).unwrap_or(u32::MAX / 8);
        let weeks = work_weeks.max(phase.minimum_weeks());
        phases.push(PhasePlan {
            phase,
            start_week: week + 1,
            end_week: week + weeks,
            weeks,
            work_weeks,
            effort,
            tasks: phase_tasks,
        });
        week += weeks;
    }
    (phases, week)
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

/// Weeks as months with one decimal (52 weeks in 12 months): "10.6" or "10,6".
pub fn months_text(weeks: u32, lang: Lang) -> String {
    let tenths = (weeks * 120 + 26) / 52;
    lang.one_decimal(u64::from(tenths))
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

//! Scenario tests: realistic organisations with exact expected scores, bands, blockers and roadmaps.
//!
//! The expected scores were worked out by hand from the quick scan's weights (see the comments);
//! the roadmap figures were computed by a separate re-implementation of the formula from the
//! content (phase by phase, checked by hand for the start-up's phases 1 and 4), so a change to
//! the content or the formulas must update them knowingly.

use crate::common;

use aims_domain::figures::roadmap::{Phase, Roadmap, TargetVerdict, TaskKind};
use aims_domain::figures::scoring::{Assessment, Band, Cap, ItemStatus};
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::model::profile::Screening;
use aims_domain::model::questionnaire::Gives;
use aims_domain::model::standard::Stage;
use aims_domain::{AiRole, Certification, HighRisk, Profile, SizeBand};
use common::{all_at, answers, quick_scan};

fn today() -> Date {
    Date::parse("2026-11-28").unwrap()
}

fn profile(
    size: SizeBand,
    roles: &[AiRole],
    systems: u32,
    certs: &[Certification],
    risk: HighRisk,
) -> Profile {
    Profile {
        size: Some(size),
        roles: roles.iter().copied().collect(),
        systems,
        certifications: Some(certs.iter().copied().collect()),
        high_risk: Some(risk),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: None,
        capacity: None,
    }
}

fn section_figures(a: &Assessment) -> Vec<(&str, Option<u32>, Option<u32>)> {
    a.sections
        .iter()
        .map(|s| (s.id.as_str(), s.percent(), s.maturity_tenths()))
        .collect()
}

fn phase_weeks(r: &Roadmap) -> Vec<(u32, u32, u32, u32)> {
    r.phases
        .iter()
        .map(|p| (p.start_week, p.end_week, p.weeks, p.effort))
        .collect()
}

const STARTUP_ANSWERS: [(&str, &str); 24] = [
    ("4.1", "1"), ("4.3", "0"), ("5.2", "1"), ("6.1.2", "0"), ("6.1.3", "0"), ("6.1.4", "?"),
    ("6.2", "0"), ("7.2", "1"), ("7.5.3", "1"), ("8.1", "0"), ("9.1", "0"), ("9.2.2", "0"),
    ("9.3.3", "0"), ("10.2", "0"), ("A.2.3", "0"), ("A.3.2", "1"), ("A.4.2", "1"), ("A.5.4", "0"),
    // Hidden for an organisation that only uses AI: this answer must count nowhere.
    ("A.6.2.4", "3"),
    ("A.6.2.6", "1"),
    ("A.7.4", "na:We do not train or feed models; input data quality is the supplier's duty under contract."),
    ("A.8.2", "1"), ("A.9.4", "2"), ("A.10.3", "1"),
];

/// A small start-up that only uses third-party AI, two systems, no certifications.
#[test]
fn start_up_that_only_uses_third_party_ai() {
    let q = quick_scan();
    let p = profile(SizeBand::Small, &[AiRole::Uses], 2, &[], HighRisk::No);
    let ans = answers(&q, &STARTUP_ANSWERS);
    let a = Assessment::compute(&q, &p, &ans);

    // Clause points 6 of 78 (weights 26: every gate item weighs 2), Annex 7 of 24 (8 scored
    // controls): 13 / 102 = 12.7%.
    assert_eq!((a.points, a.max_points, a.percent()), (13, 102, Some(13)));
    assert_eq!(a.band, Band::EarlyStage);
    assert_eq!((a.applicable, a.answered), (23, 23));
    assert_eq!(
        section_figures(&a),
        [
            ("4", Some(11), Some(3)),
            ("5", Some(33), Some(10)),
            ("6", Some(0), Some(0)),
            ("7", Some(33), Some(10)),
            ("8", Some(0), Some(0)),
            ("9", Some(0), Some(0)),
            ("10", Some(0), Some(0)),
            ("A.2", Some(0), Some(0)),
            ("A.3", Some(33), Some(10)),
            ("A.4", Some(33), Some(10)),
            ("A.5", Some(0), Some(0)),
            ("A.6", Some(33), Some(10)),
            ("A.7", None, None),
            ("A.8", Some(33), Some(10)),
            ("A.9", Some(67), Some(20)),
            ("A.10", Some(33), Some(10)),
        ]
    );
    let a6 = a.section("A.6").unwrap();
    assert_eq!((a6.applicable, a6.answered), (1, 1), "A.6.2.4 is hidden");
    assert_eq!(a.section("A.7").unwrap().not_applicable, 1);
    let blockers: Vec<(&str, &ItemStatus)> = a
        .blockers
        .iter()
        .map(|b| (b.id.as_str(), &b.status))
        .collect();
    assert_eq!(
        blockers,
        [
            ("4.3", &ItemStatus::Level(0)),
            ("5.2", &ItemStatus::Level(1)),
            ("6.1.2", &ItemStatus::Level(0)),
            ("6.1.3", &ItemStatus::Level(0)),
            ("6.1.4", &ItemStatus::DontKnow),
            ("6.2", &ItemStatus::Level(0)),
            ("7.2", &ItemStatus::Level(1)),
            ("8.1", &ItemStatus::Level(0)),
            ("9.1", &ItemStatus::Level(0)),
            ("9.2.2", &ItemStatus::Level(0)),
            ("9.3.3", &ItemStatus::Level(0)),
            ("10.2", &ItemStatus::Level(0)),
        ]
    );
    assert_eq!(a.cap, Some(Cap::Stage1Blocker));
    assert_eq!(
        a.unknowns,
        [(
            "6.1.4".to_string(),
            "AI system impact assessment".to_string()
        )]
    );

    // Small: one person at 4 days a week, no coordination overhead: the team's work weeks =
    // ceil(tenths / 40); a system's owner at 2 days a week does its per-system work in
    // parallel. Nothing is done yet, so every calendar minimum applies: phase 1 (3 weeks),
    // review rounds (4), the setup work and 12 operating weeks, the audit and review (4), and
    // phase 5 (8). Phase 1: fact-finding for 6.1.4 (5) and the decisions of 4.3 and A.2.3 from
    // level 0 (3 + 3) = 11 tenths, 1 week of work, so its minimum of 3. Phase 2 now holds the
    // first risk and impact assessments, before the treatment and the SoA (206 tenths: 6
    // weeks). Phase 5 is hosting the two stages and closing findings (20 + 5 + 20 = 45).
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 17),
            (4, 7, 4, 206),
            (8, 20, 13, 121),
            (21, 24, 4, 120),
            (25, 32, 8, 45)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (32, 509));
    assert!(r
        .tasks()
        .all(|t| t.item_id != "A.6.2.4" && t.item_id != "A.7.4"));
    assert!(r.tasks().all(|t| t.reuses.is_none()));
    let find_out: Vec<&str> = r.phases[0]
        .tasks
        .iter()
        .map(|t| t.item_id.as_str())
        .collect();
    assert_eq!(
        find_out,
        ["4.3", "6.1.4", "A.2.3", "4.1"],
        "blockers first, then questionnaire order, then the EU AI Act transparency check"
    );
    assert!(r.phases[0].tasks[1]
        .text
        .starts_with("Find out where this stands"));
    // Only the steps up to the gate level are tagged as lifting a blocker.
    // (Internal audit and review items also from level 0: a stage 1 audit needs them planned.)
    for t in r.tasks() {
        if let aims_domain::figures::roadmap::TaskKind::Improve { from } = t.kind {
            let item = q.item(&t.item_id).unwrap();
            let planned =
                aims_domain::model::standard::PLANNED_BEFORE_STAGE1.contains(&item.id.as_str());
            assert_eq!(
                t.blocker,
                (item.blocker && from < q.scale.gate_level) || (planned && from == 0),
                "{} from {from}",
                t.item_id
            );
        }
    }
}

/// A mid-size company certified to ISO/IEC 27001 that develops AI, four systems.
#[test]
fn mid_size_iso27001_company_that_develops_ai() {
    let q = quick_scan();
    let p = profile(
        SizeBand::Medium,
        &[AiRole::Develops],
        4,
        &[Certification::Iso27001],
        HighRisk::NotSure,
    );
    let ans = answers(
        &q,
        &[
            ("4.1", "2"),
            ("4.3", "2"),
            ("5.2", "1"),
            ("6.1.2", "1"),
            ("6.1.3", "1"),
            ("6.1.4", "0"),
            ("6.2", "1"),
            ("7.2", "2"),
            ("7.5.3", "3"),
            ("8.1", "1"),
            ("9.1", "1"),
            ("9.2.2", "2"),
            ("9.3.3", "2"),
            ("10.2", "3"),
            ("A.2.3", "2"),
            ("A.3.2", "2"),
            ("A.4.2", "1"),
            ("A.5.4", "0"),
            ("A.6.2.4", "2"),
            ("A.6.2.6", "1"),
            ("A.7.4", "1"),
            ("A.8.2", "?"),
            ("A.9.4", "2"),
            ("A.10.3", "2"),
        ],
    );
    let a = Assessment::compute(&q, &p, &ans);
    // Clause 39 of 78, Annex 13 of 30: 52 / 108 = 48.1%.
    assert_eq!((a.points, a.max_points, a.percent()), (52, 108, Some(48)));
    assert_eq!(a.band, Band::NotReady);
    assert!(!a.is_capped(), "48% is 'not ready' on its own");
    let blockers: Vec<(&str, Stage)> = a
        .blockers
        .iter()
        .map(|b| (b.id.as_str(), b.stage))
        .collect();
    assert_eq!(
        blockers,
        [
            ("5.2", Stage::One),
            ("6.1.2", Stage::One),
            ("6.1.3", Stage::One),
            ("6.1.4", Stage::One),
            ("6.2", Stage::One),
            ("8.1", Stage::Two),
            ("9.1", Stage::Two),
        ]
    );
    assert_eq!(a.section("6").unwrap().percent(), Some(25)); // 6 of 24
    assert_eq!(a.section("9").unwrap().percent(), Some(56)); // 10 of 18
    assert_eq!(a.section("A.6").unwrap().percent(), Some(50)); // 3 of 6

    // Medium: two people at 3 days a week, 110% coordination: the team's work weeks =
    // ceil(tenths × 110 / 6000). ISO 27001 shortens only management-system steps of the items
    // that name it, and its reused processes shorten the calendar minimums (3-week review
    // rounds, 8 operating weeks). "Not sure" about high risk adds the classification of the 4
    // systems to phase 1: 3 tenths × 3.5 = 11. The internal audit and the management review are
    // done (level 2), so phase 4 has no minimum.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 27),
            (4, 6, 3, 214),
            (7, 15, 9, 303),
            (16, 17, 2, 125),
            (18, 25, 8, 70)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (25, 739));
    assert!(r.phases[0]
        .tasks
        .iter()
        .any(|t| t.kind == TaskKind::Screening && t.text.contains("Annex III")));
    // Running the internal audit itself is never shortened (5 person-days for medium); following
    // up its findings is management-system work, reused from ISO 27001: 10 × 30% = 3 tenths.
    let audit: Vec<(u32, Option<(Certification, Gives)>)> = r
        .tasks()
        .filter(|t| t.item_id == "9.2.2")
        .map(|t| (t.effort, t.reuses))
        .collect();
    assert_eq!(audit, [(3, Some((Certification::Iso27001, Gives::Reuse)))]);
    let ops = r.tasks().find(|t| t.item_id == "8.1").unwrap();
    assert_eq!(
        ops.reuses, None,
        "applying the processes per system is AI-specific work"
    );
    assert!(
        r.tasks()
            .all(|t| t.item_id != "7.5.3" && t.item_id != "10.2"),
        "top-level items create no tasks"
    );
}

/// A large firm with nothing in place, ten AI systems.
#[test]
fn large_firm_with_nothing_in_place() {
    let q = quick_scan();
    let p = profile(
        SizeBand::Large,
        &[AiRole::Develops, AiRole::Provides, AiRole::Uses],
        10,
        &[],
        HighRisk::Yes,
    );
    let ans = all_at(&q, 0);
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!((a.points, a.max_points, a.percent()), (0, 108, Some(0)));
    assert_eq!(a.band, Band::EarlyStage);
    assert_eq!(a.blockers.len(), 12);
    assert_eq!((a.applicable, a.answered), (24, 24));

    // Large: three people at 4 days a week, 125% coordination: the team's work = ceil(tenths ×
    // 125 / 12000); ten systems count 6.5 times for per-system work, which their owners do in
    // parallel at 3 days a week each.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 68),
            (4, 8, 5, 1061),
            (9, 21, 13, 916),
            (22, 25, 4, 405),
            (26, 33, 8, 95)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (33, 2545));
    // High risk as a deployer adds a fundamental rights impact assessment (20 × 6.5 = 130) and
    // the instructions-for-use step (5 × 6.5 = 33); as a provider, the impact assessment widened
    // to health, safety and fundamental rights (Art. 9). Phase 5 hosts the two audit stages and
    // closes the findings.
    assert!(r
        .tasks()
        .any(|t| t.item_id == "6.1.4" && t.text.contains("Art. 27")));
    assert!(r
        .tasks()
        .any(|t| t.item_id == "6.1.4" && t.text.contains("Art. 9")));
    assert_eq!(
        r.tasks().count(),
        24 * 3 + 3 + 3 + 1,
        "three steps for every item at level 0, three for a high-risk provider and deployer, three audit tasks, the transparency check"
    );
}

/// Nearly ready: every blocker at least implemented and documented, with a tight target date.
#[test]
fn nearly_ready_organisation_with_a_tight_target() {
    let q = quick_scan();
    let mut p = profile(
        SizeBand::Medium,
        &[AiRole::Develops, AiRole::Provides],
        3,
        &[Certification::Iso27001],
        HighRisk::No,
    );
    p.target_date = Date::parse("2027-03-31");
    let mut list: Vec<(&str, &str)> = q.items().map(|i| (i.id.as_str(), "3")).collect();
    for (id, level) in list.iter_mut() {
        if ["9.2.2", "9.3.3", "8.1", "A.7.4", "A.5.4"].contains(id) {
            *level = "2";
        }
    }
    let ans = answers(&q, &list);
    let a = Assessment::compute(&q, &p, &ans);
    // 108 - (2 + 2 + 2 + 1 + 1) = 100 of 108 = 92.6%.
    assert_eq!((a.points, a.max_points, a.percent()), (100, 108, Some(93)));
    assert!(a.blockers.is_empty());
    assert_eq!(a.uncapped_band, Band::AuditReady);
    // The quick scan does not ask about 6.1.1, 8.2, 8.3 and 8.4: it cannot confirm readiness.
    assert_eq!(a.band, Band::Indicative);
    assert_eq!(a.cap, Some(Cap::NotAsked));
    assert_eq!(
        a.not_asked.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        ["6.1.1", "8.2", "8.3", "8.4"]
    );

    // Only what is left has a calendar minimum: nothing to draft (phase 2 is empty), the setup
    // work and 8 operating weeks (ISO 27001 is reused) because 8.1 is not at the top level, one
    // week of phase 4 work (the audit and review are done), and phase 5: 20 weeks.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 9),
            (4, 3, 0, 0),
            (4, 11, 8, 12),
            (12, 12, 1, 51),
            (13, 20, 8, 70)
        ]
    );
    let phase4: Vec<&str> = r.phases[3]
        .tasks
        .iter()
        .map(|t| t.item_id.as_str())
        .collect();
    assert_eq!(phase4, ["9.2.2", "9.3.3", "A.5.4"]);
    // 123 days to 2027-03-31 = 17 whole weeks; the plan needs 20.
    let target = r.target.unwrap();
    assert_eq!(target.available_weeks, 17);
    assert_eq!(
        target.verdict,
        TargetVerdict::Unrealistic { short_weeks: 3 }
    );
    assert_eq!(target.earliest.to_string(), "2027-04-17");
}

#[test]
fn one_blocker_below_the_gate_caps_a_high_average() {
    let q = quick_scan();
    let p = profile(SizeBand::Small, &[AiRole::Develops], 1, &[], HighRisk::No);
    let mut ans = all_at(&q, 3);
    ans.set(&q, "6.1.4", aims_domain::Answer::Level(1)).unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(a.percent(), Some(96)); // 104 of 108: 6.1.4 weighs 2 and sits 2 levels low
    assert_eq!(a.uncapped_band, Band::AuditReady);
    assert_eq!(a.band, Band::NotReady);
    assert!(a.is_capped());

    // "Don't know" on a blocker is not evidence either.
    ans.set(&q, "6.1.4", aims_domain::Answer::DontKnow).unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(a.band, Band::NotReady);
    assert_eq!(a.blockers[0].status, ItemStatus::DontKnow);

    // At the gate level the stage 1 cap lifts, but the quick scan never confirms readiness.
    ans.set(&q, "6.1.4", aims_domain::Answer::Level(2)).unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!((a.band, a.percent()), (Band::Indicative, Some(98)));

    // The full assessment can: everything at 3 is ready; one stage 2 record at 1 stops stage 2.
    let full = common::questionnaire("iso42001-full.json");
    let mut ans = all_at(&full, 3);
    assert_eq!(Assessment::compute(&full, &p, &ans).band, Band::AuditReady);
    ans.set(&full, "10.2", aims_domain::Answer::Level(1))
        .unwrap();
    let a = Assessment::compute(&full, &p, &ans);
    assert_eq!(
        (a.band, a.cap),
        (Band::Stage1Ready, Some(Cap::Stage2Blocker))
    );
    ans.set(&full, "6.2", aims_domain::Answer::Level(0))
        .unwrap();
    assert_eq!(Assessment::compute(&full, &p, &ans).band, Band::NotReady);
}

#[test]
fn unanswered_blockers_also_block_and_unanswered_items_score_zero() {
    let q = quick_scan();
    let p = profile(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No);
    let ans = answers(&q, &[("4.1", "3"), ("A.9.4", "3")]);
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!((a.points, a.max_points), (6, 105));
    assert_eq!((a.answered, a.applicable, a.unanswered.len()), (2, 23, 21));
    assert_eq!(a.blockers.len(), 12);
    assert!(a
        .blockers
        .iter()
        .all(|b| b.status == ItemStatus::Unanswered));
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        r.phases[0]
            .tasks
            .iter()
            .filter(|t| t.text.starts_with("Assess this item"))
            .count(),
        21
    );
}

#[test]
fn not_applicable_needs_a_justification_and_never_applies_to_clauses() {
    let q = quick_scan();
    let p = profile(SizeBand::Small, &[AiRole::Develops], 1, &[], HighRisk::No);
    let mut ans = all_at(&q, 3);
    let err = ans
        .set(
            &q,
            "6.1.2",
            aims_domain::Answer::NotApplicable("not relevant".into()),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("can never be not applicable"),
        "{err}"
    );
    assert_eq!(
        ans.get("6.1.2"),
        Some(&aims_domain::Answer::Level(3)),
        "refused answer leaves the old one"
    );

    ans.set(&q, "A.7.4", aims_domain::Answer::NotApplicable("  ".into()))
        .unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(
        (a.points, a.max_points),
        (105, 108),
        "blank justification scores 0 and stays counted"
    );
    assert_eq!(
        a.unanswered,
        [(
            "A.7.4".to_string(),
            "Quality of data for AI systems".to_string()
        )]
    );

    ans.set(
        &q,
        "A.7.4",
        aims_domain::Answer::NotApplicable("No data of our own.".into()),
    )
    .unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(
        (a.points, a.max_points, a.percent()),
        (105, 105, Some(100)),
        "justified N/A leaves both sums"
    );
    assert_eq!(a.section("A.7").unwrap().percent(), None);
    assert!(a.unanswered.is_empty());
}

#[test]
fn items_hidden_by_the_profile_leave_every_figure_at_once() {
    let q = quick_scan();
    let user = profile(SizeBand::Small, &[AiRole::Uses], 2, &[], HighRisk::No);
    let without: Vec<(&str, &str)> = STARTUP_ANSWERS
        .iter()
        .copied()
        .filter(|(id, _)| *id != "A.6.2.4")
        .collect();
    let with_hidden = answers(&q, &STARTUP_ANSWERS);
    let without_hidden = answers(&q, &without);
    assert_eq!(
        Assessment::compute(&q, &user, &with_hidden),
        Assessment::compute(&q, &user, &without_hidden)
    );
    assert_eq!(
        Roadmap::plan(&q, &user, &with_hidden, today()),
        Roadmap::plan(&q, &user, &without_hidden, today())
    );

    // The same answers for a developer count A.6.2.4 (level 3, weight 1): 16 of 105.
    let developer = Profile {
        roles: [AiRole::Develops].into(),
        ..user
    };
    let a = Assessment::compute(&q, &developer, &with_hidden);
    assert_eq!((a.points, a.max_points, a.applicable), (16, 105, 24));
    assert_eq!(a.section("A.6").unwrap().percent(), Some(67));
}

#[test]
fn existing_certifications_shorten_the_roadmap_through_content_reuse() {
    let q = quick_scan();
    let ans = all_at(&q, 0);
    let fresh = profile(SizeBand::Medium, &[AiRole::Develops], 2, &[], HighRisk::No);
    let certified = profile(
        SizeBand::Medium,
        &[AiRole::Develops],
        2,
        &[Certification::Iso27001],
        HighRisk::No,
    );
    let quality = profile(
        SizeBand::Medium,
        &[AiRole::Develops],
        2,
        &[Certification::Iso9001],
        HighRisk::No,
    );
    let weeks = |p: &Profile| Roadmap::plan(&q, p, &ans, today()).total_weeks;
    assert!(weeks(&certified) < weeks(&fresh));
    assert!(weeks(&quality) < weeks(&fresh));
    let effort = |p: &Profile, id: &str| -> u32 {
        Roadmap::plan(&q, p, &ans, today())
            .tasks()
            .filter(|t| t.item_id == id)
            .map(|t| t.effort)
            .sum()
    };
    // 9.2.2 from level 0, medium: the programme (method, 20 tenths), the internal audit (50)
    // and the follow-up (10) = 80. ISO 27001 gives a process to reuse: the programme and the
    // follow-up drop to 30% (6 and 3); running the first AIMS audit stays in full: 59.
    assert_eq!(
        (effort(&fresh, "9.2.2"), effort(&certified, "9.2.2")),
        (80, 59)
    );
    // 6.1.2: ISO 27001's risk process can be extended (the method: 20 tenths × 60% = 12, the
    // trigger decision 5 × 60% = 3), but assessing the AI risks of each system stays in full
    // (15 × 2 systems = 30): 20 + 30 + 5 = 55 becomes 12 + 30 + 3 = 45.
    assert_eq!(
        (effort(&fresh, "6.1.2"), effort(&certified, "6.1.2")),
        (55, 45)
    );
    let per_system = |p: &Profile| -> Vec<u32> {
        Roadmap::plan(&q, p, &ans, today())
            .tasks()
            .filter(|t| t.item_id == "6.1.2" && t.reuses.is_none())
            .map(|t| t.effort)
            .collect()
    };
    assert_eq!(
        per_system(&certified),
        [30],
        "AI-specific work keeps full effort"
    );
    assert_eq!(per_system(&fresh), [20, 30, 5]);
    // 6.1.4 (impact assessment) has no ISO 27001 counterpart at all.
    assert_eq!(effort(&fresh, "6.1.4"), effort(&certified, "6.1.4"));
}

#[test]
fn durations_grow_with_size_and_systems() {
    let q = quick_scan();
    let ans = all_at(&q, 1);
    let plan = |size, systems| {
        let p = profile(size, &[AiRole::Develops], systems, &[], HighRisk::No);
        Roadmap::plan(&q, &p, &ans, today())
    };
    let weeks = |size, systems| plan(size, systems).total_weeks;
    // More systems are more work; their owners do it in parallel, so the calendar never
    // shortens and the effort grows.
    assert!(weeks(SizeBand::Small, 1) <= weeks(SizeBand::Small, 3));
    assert!(plan(SizeBand::Small, 1).total_effort < plan(SizeBand::Small, 3).total_effort);
    assert!(plan(SizeBand::Medium, 2).total_effort < plan(SizeBand::Medium, 8).total_effort);
    // A system team with one day a week instead of two takes longer over its own system.
    let mut slow = profile(SizeBand::Small, &[AiRole::Develops], 3, &[], HighRisk::No);
    slow.capacity = Some(aims_domain::model::profile::Capacity {
        owner_days_tenths: 5,
        ..slow.capacity()
    });
    assert!(Roadmap::plan(&q, &slow, &ans, today()).total_weeks > weeks(SizeBand::Small, 3));
    // Beyond the first scope more systems do not lengthen the first certification: they join
    // the scope at the surveillance audits.
    assert_eq!(weeks(SizeBand::Medium, 8), weeks(SizeBand::Medium, 30));
    let p = profile(SizeBand::Medium, &[AiRole::Develops], 30, &[], HighRisk::No);
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        r.phased,
        Some(aims_domain::figures::roadmap::PhasedScope {
            first: 8,
            later: 22
        })
    );
    assert!(r
        .assumptions(&p, Lang::En)
        .iter()
        .any(|a| a.contains("certifies the 8 most critical first")));
    // The 22 later systems join before the two surveillance audits, with their own work.
    let adds: Vec<(u32, u32)> = r.cycle.iter().filter_map(|m| m.adds).collect();
    assert_eq!(adds.iter().map(|(n, _)| n).sum::<u32>(), 22);
    assert!(adds.iter().all(|(_, effort)| *effort > 0));
    assert!(r.follow_on_effort() > 0);
    let all_top = all_at(&q, 3);
    let p = profile(
        SizeBand::Enterprise,
        &[AiRole::Develops],
        50,
        &[],
        HighRisk::No,
    );
    let r = Roadmap::plan(&q, &p, &all_top, today());
    assert!(
        r.tasks().all(|t| matches!(
            t.kind,
            aims_domain::figures::roadmap::TaskKind::Audit | aims_domain::figures::roadmap::TaskKind::Screening
        )),
        "items at the top level create no tasks; only hosting the audits and the EU AI Act transparency check remain"
    );
    // Nothing left but booking the certification body and the two audit stages: phase 1, the
    // wait for the booked dates (stage 1 from week 9) and stage 1 to stage 2.
    assert_eq!(
        r.total_weeks,
        8 + 8,
        "only the booking lead time and the audits remain"
    );
    assert!(r.running && r.audited);
    for phase in [Phase::Design, Phase::Implementation, Phase::AuditAndReview] {
        let p = r.phases.iter().find(|p| p.phase == phase).unwrap();
        assert!(p.is_empty(), "{phase:?}");
        assert_eq!(
            p.milestones(Lang::En).len(),
            1,
            "one line says there is nothing to do"
        );
    }
}

#[test]
fn target_dates_are_judged_plainly() {
    let q = quick_scan();
    let ans = all_at(&q, 3);
    let mut p = profile(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No);
    let verdict = |p: &Profile| Roadmap::plan(&q, p, &ans, today()).target.unwrap().verdict;
    p.target_date = Date::parse("2026-11-01");
    assert_eq!(verdict(&p), TargetVerdict::InThePast);
    p.target_date = Date::parse("2027-01-15"); // 48 days: 6 weeks for a 16-week plan
    assert_eq!(verdict(&p), TargetVerdict::Unrealistic { short_weeks: 10 });
    p.target_date = Date::parse("2027-12-31");
    assert!(matches!(verdict(&p), TargetVerdict::Realistic { .. }));
    p.target_date = None;
    let plan = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(plan.target, None);
    // The plan always has the five phases, in their order.
    let phases: Vec<Phase> = plan.phases.iter().map(|x| x.phase).collect();
    assert_eq!(phases, Phase::ALL);
}

/// The lead auditor's three cases: no audit programme or review planned is not "ready for stage
/// 1"; excluding every Annex A control is not "ready" (and the tied ones block stage 1); and the
/// SoA says why each control is included from its answer.
#[test]
fn stage_1_needs_audits_and_reviews_planned_and_exclusions_must_be_defensible() {
    let q = common::questionnaire("iso42001-full.json");
    let p = profile(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No);
    let mut ans = all_at(&q, 3);
    for id in ["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"] {
        ans.set(&q, id, aims_domain::Answer::Level(0)).unwrap();
    }
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!((a.percent(), a.uncapped_band), (Some(92), Band::AuditReady));
    assert_eq!(a.band, Band::NotReady, "was 'ready for a stage 1 audit'");
    let not_planned: Vec<&str> = a
        .blockers
        .iter()
        .filter(|b| b.reason == aims_domain::figures::scoring::BlockerReason::NotPlanned)
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(not_planned, ["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"]);
    assert!(a.blockers.iter().all(|b| b.stage == Stage::One));
    // Planned (level 1) is enough for stage 1; the completed audit and review stay a stage 2 need.
    let mut planned = ans.clone();
    for id in ["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"] {
        planned.set(&q, id, aims_domain::Answer::Level(1)).unwrap();
    }
    assert_eq!(
        Assessment::compute(&q, &p, &planned).band,
        Band::Stage1Ready
    );

    let mut excluded = all_at(&q, 3);
    for item in q
        .sections
        .iter()
        .filter(|s| s.id.starts_with('A'))
        .flat_map(|s| &s.items)
    {
        excluded
            .set(
                &q,
                &item.id,
                aims_domain::Answer::NotApplicable("no risk".into()),
            )
            .unwrap();
    }
    let a = Assessment::compute(&q, &p, &excluded);
    assert_eq!(a.uncapped_band, Band::AuditReady);
    assert!(a.band <= Band::NearlyReady);
    let tied: Vec<&str> = a.blockers.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        tied,
        ["A.2.2", "A.3.2", "A.4.2", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]
    );
    // Only the broad exclusions left: the band stops at "nearly ready", with the reason.
    for (control, _) in aims_domain::model::standard::TIED_CONTROLS {
        excluded
            .set(&q, control, aims_domain::Answer::Level(3))
            .unwrap();
    }
    let a = Assessment::compute(&q, &p, &excluded);
    assert_eq!(
        (a.band, a.cap),
        (Band::NearlyReady, Some(Cap::BroadExclusions))
    );
    let why = aims_domain::figures::explain::cap_text(&q, &a, Lang::En).unwrap();
    assert!(why.contains("31 of the 38 Annex A controls"), "{why}");
    let checks = aims_domain::figures::advice::checks(&q, &p, &excluded);
    assert!(checks
        .iter()
        .any(|c| c.items.len() == 31 && c.text.contains("A.10.4")));

    // The SoA's reason follows the answer and counts the first scope, not every system.
    let mut many = profile(SizeBand::Small, &[AiRole::Uses], 40, &[], HighRisk::No);
    many.certifications = Some(Default::default());
    let mut mixed = all_at(&q, 3);
    mixed
        .set(&q, "A.6.2.6", aims_domain::Answer::Level(1))
        .unwrap();
    mixed
        .set(&q, "A.8.2", aims_domain::Answer::DontKnow)
        .unwrap();
    let soa = aims_domain::formats::soa::statement_of_applicability(
        &q,
        &many,
        &mixed,
        &Default::default(),
    );
    let row = |id: &str| soa.lines().find(|l| l.starts_with(id)).unwrap().to_string();
    assert!(row("A.2.3").contains("is in place to treat the AI risks of the 3 AI systems in the first certification scope"), "{}", row("A.2.3"));
    assert!(row("A.6.2.6").contains("is planned"), "{}", row("A.6.2.6"));
    assert!(row("A.8.2").contains("not yet known"), "{}", row("A.8.2"));
}

/// Fact-finding for "don't know" is bounded in calendar time, and a certificate to build on
/// shortens the review rounds and the operating period, each by the stated amount.
#[test]
fn dont_know_is_bounded_and_a_certificate_shortens_the_calendar_minimums() {
    use aims_domain::figures::roadmap::{
        Floor, FIND_OUT_MAX_WEEKS, OPERATING_WEEKS, REUSED_OPERATING_WEEKS,
    };
    let q = common::questionnaire("iso42001-full.json");
    let mut unknown = aims_domain::Answers::default();
    for item in q.items() {
        unknown
            .set(&q, &item.id, aims_domain::Answer::DontKnow)
            .unwrap();
    }
    for size in SizeBand::ALL {
        let p = profile(
            size,
            &[AiRole::Develops, AiRole::Uses],
            5,
            &[],
            HighRisk::No,
        );
        let phase1 = &Roadmap::plan(&q, &p, &unknown, today()).phases[0];
        // 70 fact-finding tasks: weeks of work at the team's pace, but at most 4 in the calendar.
        assert!(phase1.effort >= 70 * 5, "{size:?}");
        assert!(
            phase1.weeks <= Phase::Assessment.minimum_weeks() + FIND_OUT_MAX_WEEKS,
            "{size:?}: {}",
            phase1.weeks
        );
    }
    let ans = all_at(&q, 0);
    let floors = |certs: &[Certification]| {
        let p = profile(SizeBand::Small, &[AiRole::Uses], 1, certs, HighRisk::No);
        Roadmap::plan(&q, &p, &ans, today())
            .phases
            .iter()
            .map(|p| p.floor)
            .collect::<Vec<_>>()
    };
    let (fresh, certified) = (floors(&[]), floors(&[Certification::Iso27001]));
    assert_eq!(
        (fresh[1], certified[1]),
        (
            Some(Floor::Minimum { weeks: 4 }),
            Some(Floor::Minimum { weeks: 3 })
        )
    );
    assert_eq!(
        (fresh[3], certified[3]),
        (
            Some(Floor::Minimum { weeks: 4 }),
            Some(Floor::Minimum { weeks: 3 })
        )
    );
    let operating = |f: Option<Floor>| match f {
        Some(Floor::Operating {
            operating_weeks, ..
        }) => operating_weeks,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        (operating(fresh[2]), operating(certified[2])),
        (OPERATING_WEEKS, REUSED_OPERATING_WEEKS)
    );
}

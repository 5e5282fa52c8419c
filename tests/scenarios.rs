//! Scenario tests: realistic organisations with exact expected scores, bands, blockers and roadmaps.
//!
//! The expected scores were worked out by hand from the quick scan's weights (see the comments);
//! the roadmap figures were computed by a separate re-implementation of the formula from the
//! content (phase by phase, checked by hand for the start-up's phases 1 and 4), so a change to
//! the content or the formulas must update them knowingly.

mod common;

use aims_domain::date::Date;
use aims_domain::i18n::Lang;
use aims_domain::profile::Screening;
use aims_domain::questionnaire::Gives;
use aims_domain::roadmap::{Phase, Roadmap, TargetVerdict, TaskKind};
use aims_domain::scoring::{Assessment, Band, Cap, ItemStatus};
use aims_domain::standard::Stage;
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

    // Small: 3 person-days a week, no coordination overhead: work weeks = ceil(tenths / 30),
    // never less than the calendar minimums 3, 4, 12, 4, 8. Phase 1: fact-finding for 6.1.4
    // (5) and the decisions of 4.3 and A.2.3 from level 0 (3 + 3) = 11 tenths, 1 week of work,
    // so its minimum of 3. Phase 4: the internal audit (30), the management review (10) and the
    // other phase 4 steps come to 135 tenths = 4.5, so 5 weeks.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 11),
            (4, 8, 5, 123),
            (9, 20, 12, 161),
            (21, 25, 5, 135),
            (26, 33, 8, 0)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (33, 430));
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
        ["4.3", "6.1.4", "A.2.3"],
        "blockers first, then questionnaire order"
    );
    assert!(r.phases[0].tasks[1]
        .text
        .starts_with("Find out where this stands"));
    // Only the steps up to the gate level are tagged as lifting a blocker.
    for t in r.tasks() {
        let item = q.item(&t.item_id).unwrap();
        if let aims_domain::roadmap::TaskKind::Improve { from } = t.kind {
            assert_eq!(
                t.blocker,
                item.blocker && from < q.scale.gate_level,
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

    // Medium: 5 person-days a week, 110% coordination: work weeks = ceil(tenths × 110 / 5000).
    // ISO 27001 shortens only management-system steps of the items that name it. "Not sure"
    // about high risk adds the classification of the 4 systems to phase 1: 3 tenths × 3.5 = 11.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 16),
            (4, 7, 4, 49),
            (8, 19, 12, 402),
            (20, 23, 4, 168),
            (24, 31, 8, 0)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (31, 635));
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

    // Large: 12.5 person-days a week, 125% coordination: work = ceil(tenths × 125 / 12500);
    // ten systems count 6.5 times for per-system work.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 35),
            (4, 8, 5, 406),
            (9, 21, 13, 1291),
            (22, 27, 6, 515),
            (28, 35, 8, 0)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (35, 2247));
    // High risk as a deployer adds a fundamental rights impact assessment (20 × 6.5 = 130) and
    // the instructions-for-use step (5 × 6.5 = 33) to phase 3.
    assert!(r
        .tasks()
        .any(|t| t.item_id == "6.1.4" && t.text.contains("Art. 27")));
    assert_eq!(
        r.tasks().count(),
        24 * 3 + 2,
        "three steps for every item at level 0, and two for a high-risk deployer"
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

    // The calendar minimums decide: 3 + 4 + 12 + 4 + 8 = 31 weeks.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 0),
            (4, 7, 4, 0),
            (8, 19, 12, 5),
            (20, 23, 4, 51),
            (24, 31, 8, 0)
        ]
    );
    let phase4: Vec<&str> = r.phases[3]
        .tasks
        .iter()
        .map(|t| t.item_id.as_str())
        .collect();
    assert_eq!(phase4, ["9.2.2", "9.3.3", "A.5.4"]);
    // 123 days to 2027-03-31 = 17 whole weeks; the plan needs 31.
    let target = r.target.unwrap();
    assert_eq!(target.available_weeks, 17);
    assert_eq!(
        target.verdict,
        TargetVerdict::Unrealistic { short_weeks: 14 }
    );
    assert_eq!(target.earliest.to_string(), "2027-07-03");
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
    // 9.2.2 from level 0, medium: the programme (document, 15 tenths), the internal audit (50)
    // and the follow-up (10) = 75. ISO 27001 gives a process to reuse: the programme and the
    // follow-up drop to 30% (5 and 3); running the first AIMS audit stays in full: 58.
    assert_eq!(
        (effort(&fresh, "9.2.2"), effort(&certified, "9.2.2")),
        (75, 58)
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
    let weeks = |size, systems| {
        let p = profile(size, &[AiRole::Develops], systems, &[], HighRisk::No);
        Roadmap::plan(&q, &p, &ans, today()).total_weeks
    };
    assert!(weeks(SizeBand::Small, 1) < weeks(SizeBand::Small, 3));
    assert!(weeks(SizeBand::Medium, 2) < weeks(SizeBand::Medium, 8));
    // Beyond the first scope more systems do not lengthen the first certification: they join
    // the scope at the surveillance audits.
    assert_eq!(weeks(SizeBand::Medium, 8), weeks(SizeBand::Medium, 30));
    let p = profile(SizeBand::Medium, &[AiRole::Develops], 30, &[], HighRisk::No);
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        r.phased,
        Some(aims_domain::roadmap::PhasedScope {
            first: 8,
            later: 22
        })
    );
    assert!(r
        .assumptions(&p, Lang::En)
        .iter()
        .any(|a| a.contains("certifies the 8 most critical first")));
    let all_top = all_at(&q, 3);
    let p = profile(
        SizeBand::Enterprise,
        &[AiRole::Develops],
        50,
        &[],
        HighRisk::No,
    );
    let r = Roadmap::plan(&q, &p, &all_top, today());
    assert_eq!(
        r.tasks().count(),
        0,
        "items at the top level create no tasks"
    );
    assert_eq!(
        r.total_weeks,
        3 + 4 + 12 + 4 + 8,
        "only the phase minimums remain"
    );
}

#[test]
fn target_dates_are_judged_plainly() {
    let q = quick_scan();
    let ans = all_at(&q, 3);
    let mut p = profile(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No);
    let verdict = |p: &Profile| Roadmap::plan(&q, p, &ans, today()).target.unwrap().verdict;
    p.target_date = Date::parse("2026-11-01");
    assert_eq!(verdict(&p), TargetVerdict::InThePast);
    p.target_date = Date::parse("2027-01-15"); // 48 days: 6 weeks for a 31-week plan
    assert_eq!(verdict(&p), TargetVerdict::Unrealistic { short_weeks: 25 });
    p.target_date = Date::parse("2027-12-31");
    assert!(matches!(verdict(&p), TargetVerdict::Realistic { .. }));
    p.target_date = None;
    assert_eq!(Roadmap::plan(&q, &p, &ans, today()).target, None);
    assert!(Phase::ALL.len() == 5);
}

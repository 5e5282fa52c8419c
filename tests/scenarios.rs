//! Scenario tests: realistic organisations with exact expected scores, bands, blockers and roadmaps.
//!
//! The expected figures were worked out by hand from the quick scan's weights and actions
//! (see the comments); a change to the content or the formulas must update them knowingly.

mod common;

use aims_readiness::domain::date::Date;
use aims_readiness::domain::roadmap::{Phase, Roadmap, TargetVerdict};
use aims_readiness::domain::scoring::{Assessment, Band, ItemStatus};
use aims_readiness::domain::{AiRole, Certification, HighRisk, Profile, SizeBand};
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
        target_date: None,
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

    // Clause points 5 of 63 (weights 21), Annex points 7 of 24 (8 scored controls): 12 / 87 = 13.8%.
    assert_eq!((a.points, a.max_points, a.percent()), (12, 87, Some(14)));
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
            ("9.2.2", &ItemStatus::Level(0)),
            ("9.3.3", &ItemStatus::Level(0)),
        ]
    );
    assert_eq!(
        a.unknowns,
        [(
            "6.1.4".to_string(),
            "AI system impact assessment".to_string()
        )]
    );

    // Small: 2.5 person-days a week, no coordination overhead: extra weeks = ceil(tenths / 25).
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 4, 4, 35),
            (5, 17, 13, 255),
            (18, 30, 13, 270),
            (31, 39, 9, 145),
            (40, 43, 4, 0)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (43, 705));
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
    // Clause 31 of 63, Annex 13 of 30: 44 / 93 = 47.3%.
    assert_eq!((a.points, a.max_points, a.percent()), (44, 93, Some(47)));
    assert_eq!(a.band, Band::NotReady);
    assert!(!a.is_capped(), "47% is 'not ready' on its own");
    let blockers: Vec<&str> = a.blockers.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(blockers, ["5.2", "6.1.2", "6.1.3", "6.1.4"]);
    assert_eq!(a.section("6").unwrap().percent(), Some(24)); // 5 of 21
    assert_eq!(a.section("9").unwrap().percent(), Some(60)); // 9 of 15
    assert_eq!(a.section("A.6").unwrap().percent(), Some(50)); // 3 of 6

    // Medium: 4 person-days a week, 110% coordination: extra weeks = ceil(tenths × 110 / 4000).
    // ISO 27001 reuse halves (rounding up) the tasks of 7.2, 9.2.2, 9.3.3, A.2.3, A.3.2, A.6.2.6, A.9.4, A.10.3.
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 3, 3, 5),
            (4, 8, 5, 85),
            (9, 22, 14, 401),
            (23, 28, 6, 85),
            (29, 32, 4, 0)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (32, 576));
    let audit = r.tasks().find(|t| t.item_id == "9.2.2").unwrap();
    assert_eq!(
        (audit.effort, audit.reuses),
        (5, Some(Certification::Iso27001))
    );
    let ops = r.tasks().find(|t| t.item_id == "8.1").unwrap();
    assert_eq!(ops.reuses, None, "8.1 reuses ISO 9001 only");
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
    assert_eq!((a.points, a.max_points, a.percent()), (0, 93, Some(0)));
    assert_eq!(a.band, Band::EarlyStage);
    assert_eq!(a.blockers.len(), 7);
    assert_eq!((a.applicable, a.answered), (24, 24));

    // Large: 6 person-days a week, 125% coordination: extra = ceil(tenths × 125 / 6000).
    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 4, 4, 60),
            (5, 16, 12, 460),
            (17, 42, 26, 1145),
            (43, 50, 8, 225),
            (51, 54, 4, 0)
        ]
    );
    assert_eq!((r.total_weeks, r.total_effort), (54, 1890));
    assert_eq!(
        r.tasks().count(),
        24 * 3,
        "three steps for every item at level 0"
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
    // 93 - (2 + 2 + 1 + 1 + 1) = 86 of 93 = 92.5%.
    assert_eq!((a.points, a.max_points, a.percent()), (86, 93, Some(92)));
    assert!(a.blockers.is_empty());
    assert_eq!(a.band, Band::AuditReady);

    let r = Roadmap::plan(&q, &p, &ans, today());
    assert_eq!(
        phase_weeks(&r),
        [
            (1, 2, 2, 0),
            (3, 4, 2, 0),
            (5, 7, 3, 15),
            (8, 11, 4, 23),
            (12, 15, 4, 0)
        ]
    );
    let phase4: Vec<&str> = r.phases[3]
        .tasks
        .iter()
        .map(|t| t.item_id.as_str())
        .collect();
    assert_eq!(phase4, ["9.2.2", "9.3.3", "A.5.4"]);
    // 123 days to 2027-03-31 = 17 whole weeks; the plan needs 15.
    let target = r.target.unwrap();
    assert_eq!(target.available_weeks, 17);
    assert_eq!(target.verdict, TargetVerdict::Tight { spare_weeks: 2 });
    assert_eq!(target.earliest.to_string(), "2027-03-13");
}

#[test]
fn one_blocker_below_the_gate_caps_a_high_average() {
    let q = quick_scan();
    let p = profile(SizeBand::Small, &[AiRole::Develops], 1, &[], HighRisk::No);
    let mut ans = all_at(&q, 3);
    ans.set(&q, "6.1.4", aims_readiness::domain::Answer::Level(1))
        .unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(a.percent(), Some(96)); // 89 of 93
    assert_eq!(a.uncapped_band, Band::AuditReady);
    assert_eq!(a.band, Band::NotReady);
    assert!(a.is_capped());

    // "Don't know" on a blocker is not evidence either.
    ans.set(&q, "6.1.4", aims_readiness::domain::Answer::DontKnow)
        .unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(a.band, Band::NotReady);
    assert_eq!(a.blockers[0].status, ItemStatus::DontKnow);

    // At the gate level the cap lifts.
    ans.set(&q, "6.1.4", aims_readiness::domain::Answer::Level(2))
        .unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!((a.band, a.percent()), (Band::AuditReady, Some(98)));
}

#[test]
fn unanswered_blockers_also_block_and_unanswered_items_score_zero() {
    let q = quick_scan();
    let p = profile(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No);
    let ans = answers(&q, &[("4.1", "3"), ("A.9.4", "3")]);
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!((a.points, a.max_points), (6, 90));
    assert_eq!((a.answered, a.applicable, a.unanswered.len()), (2, 23, 21));
    assert_eq!(a.blockers.len(), 7);
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
            aims_readiness::domain::Answer::NotApplicable("not relevant".into()),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("can never be not applicable"),
        "{err}"
    );
    assert_eq!(
        ans.get("6.1.2"),
        Some(&aims_readiness::domain::Answer::Level(3)),
        "refused answer leaves the old one"
    );

    ans.set(
        &q,
        "A.7.4",
        aims_readiness::domain::Answer::NotApplicable("  ".into()),
    )
    .unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(
        (a.points, a.max_points),
        (90, 93),
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
        aims_readiness::domain::Answer::NotApplicable("No data of our own.".into()),
    )
    .unwrap();
    let a = Assessment::compute(&q, &p, &ans);
    assert_eq!(
        (a.points, a.max_points, a.percent()),
        (90, 90, Some(100)),
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

    // The same answers for a developer count A.6.2.4 (level 3, weight 1): 15 of 90.
    let developer = Profile {
        roles: [AiRole::Develops].into(),
        ..user
    };
    let a = Assessment::compute(&q, &developer, &with_hidden);
    assert_eq!((a.points, a.max_points, a.applicable), (15, 90, 24));
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
    // 9.2.2 from level 0: 1.5 + 4 + 1 days = 65 tenths; reused: 8 + 20 + 5 = 33.
    assert_eq!(
        (effort(&fresh, "9.2.2"), effort(&certified, "9.2.2")),
        (65, 33)
    );
    // 6.1.2 (AI risk) is new work even for ISO 27001 holders.
    assert_eq!(effort(&fresh, "6.1.2"), effort(&certified, "6.1.2"));
}

#[test]
fn durations_grow_with_size_and_systems() {
    let q = quick_scan();
    let ans = all_at(&q, 1);
    let weeks = |size, systems| {
        let p = profile(size, &[AiRole::Develops], systems, &[], HighRisk::No);
        Roadmap::plan(&q, &p, &ans, today()).total_weeks
    };
    assert!(weeks(SizeBand::Small, 1) < weeks(SizeBand::Small, 8));
    assert!(weeks(SizeBand::Medium, 8) < weeks(SizeBand::Medium, 30));
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
        2 + 2 + 2 + 3 + 4,
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
    p.target_date = Date::parse("2027-01-15"); // 48 days: 6 weeks for a 13-week plan
    assert_eq!(verdict(&p), TargetVerdict::Unrealistic { short_weeks: 7 });
    p.target_date = Date::parse("2027-12-31");
    assert!(matches!(verdict(&p), TargetVerdict::Realistic { .. }));
    p.target_date = None;
    assert_eq!(Roadmap::plan(&q, &p, &ans, today()).target, None);
    assert!(Phase::ALL.len() == 5);
}

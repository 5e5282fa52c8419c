//! The scenario matrix: every size band, role combination, number of AI systems (1, 5, 40,
//! 200), certification and EU AI Act answer, times answer patterns (all 0, all 3, all 3 but one
//! stage 1 or stage 2 blocker at 0, all 3 but the internal audit and management review items at
//! 0, all 3 with every Annex A control excluded, blockers at 2 and the rest at 0, random seeds),
//! in both questionnaires. The invariants hold for every cell; questionnaires/README.md states
//! the bounds and why.

use crate::common;

use aims_domain::figures::roadmap::{Floor, Phase, Roadmap};
use aims_domain::figures::scoring::{Assessment, Band};
use aims_domain::model::date::Date;
use aims_domain::model::profile::Capacity;
use aims_domain::model::profile::Screening;
use aims_domain::model::questionnaire::SectionKind;
use aims_domain::model::standard::PLANNED_BEFORE_STAGE1;
use aims_domain::{
    AiRole, Answer, Answers, Certification, HighRisk, Profile, Questionnaire, SizeBand,
};
use common::all_at;

/// At most 20 weeks to the end of stage 2 when every item is at the top level: booking the
/// certification body, stage 1, closing its findings, stage 2 (about four months).
const MATURE_MAX_WEEKS: u32 = 20;
/// 12 months: a medium developer and provider with five systems, from nothing, default capacity.
const MEDIUM_DEVELOPER_MAX_WEEKS: u32 = 52;

/// 24 months: no plan may be longer, however many systems (a phased scope above the threshold).
const MAX_WEEKS: u32 = 104;
/// 18 months: a small organisation that only uses AI, even starting from nothing.
const SMALL_USER_MAX_WEEKS: u32 = 78;

fn profiles() -> Vec<Profile> {
    let mut out = Vec::new();
    let roles = [AiRole::Develops, AiRole::Provides, AiRole::Uses];
    for size in SizeBand::ALL {
        for mask in 1u8..8 {
            let roles: std::collections::BTreeSet<AiRole> = roles
                .iter()
                .enumerate()
                .filter(|(i, _)| mask >> i & 1 == 1)
                .map(|(_, r)| *r)
                .collect();
            for systems in [1, 5, 40, 200] {
                for certs in [
                    vec![],
                    vec![Certification::Iso27001],
                    vec![Certification::Iso9001],
                    vec![Certification::Iso27701],
                ] {
                    for risk in [HighRisk::Yes, HighRisk::No] {
                        out.push(Profile {
                            size: Some(size),
                            roles: roles.clone(),
                            systems,
                            certifications: Some(certs.iter().copied().collect()),
                            high_risk: Some(risk),
                            prohibited: Some(Screening::No),
                            eu_roles: Default::default(),
                            target_date: None,
                            capacity: None,
                        });
                    }
                }
            }
        }
    }
    out
}

/// A small deterministic generator (no crate needed): levels 0-3 and now and then "don't know".
fn random(q: &Questionnaire, seed: u64) -> Answers {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut answers = Answers::default();
    for item in q.items() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let answer = match (state >> 33) % 5 {
            4 => Answer::DontKnow,
            level => Answer::Level(level as u8),
        };
        answers.set(q, &item.id, answer).unwrap();
    }
    answers
}

fn patterns(q: &Questionnaire) -> Vec<(String, Answers)> {
    let mut out = vec![
        ("all 0".to_string(), all_at(q, 0)),
        ("all 3".to_string(), all_at(q, 3)),
    ];
    for blocker in ["6.1.2", "9.2.2"] {
        let mut a = all_at(q, 3);
        a.set(q, blocker, Answer::Level(0)).unwrap();
        out.push((format!("all 3 but {blocker} at 0"), a));
    }
    let mut unplanned = all_at(q, 3);
    for id in PLANNED_BEFORE_STAGE1 {
        if q.item(id).is_some() {
            unplanned.set(q, id, Answer::Level(0)).unwrap();
        }
    }
    out.push(("all 3 but internal audit and review at 0".into(), unplanned));
    let mut excluded = all_at(q, 3);
    for item in q
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Annex)
        .flat_map(|s| &s.items)
    {
        excluded
            .set(
                q,
                &item.id,
                Answer::NotApplicable("no AI risk calls for it".into()),
            )
            .unwrap();
    }
    out.push(("all 3, all of Annex A excluded".into(), excluded));
    let mut gates = all_at(q, 0);
    for item in q.items().filter(|i| i.blocker) {
        gates.set(q, &item.id, Answer::Level(2)).unwrap();
    }
    out.push(("blockers at 2, the rest 0".into(), gates));
    for seed in [1, 7, 42] {
        out.push((format!("random {seed}"), random(q, seed)));
    }
    out
}

/// The same answers one level lower wherever possible: more gaps.
fn lower(q: &Questionnaire, answers: &Answers) -> Answers {
    let mut out = answers.clone();
    for item in q.items() {
        if let Some(Answer::Level(l)) = answers.get(&item.id) {
            out.set(q, &item.id, Answer::Level(l.saturating_sub(1)))
                .unwrap();
        }
    }
    out
}

#[test]
fn every_profile_and_answer_pattern_keeps_the_invariants() {
    let today = Date::parse("2026-12-01").unwrap();
    let questionnaires = [
        common::quick_scan(),
        common::questionnaire("iso42001-full.json"),
    ];
    let mut cells = 0;
    for q in &questionnaires {
        let patterns = patterns(q);
        for p in profiles() {
            for (name, answers) in &patterns {
                let at = || format!("{} / {name} / {p:?}", q.id);
                let a = Assessment::compute(q, &p, answers);
                // The gate: never a band above its cap while a blocker is below the gate level.
                if let Some(cap) = a.cap {
                    assert!(a.band <= cap.ceiling(), "{}", at());
                }
                if !a.blockers.is_empty() {
                    assert!(a.band <= Band::Stage1Ready, "{}", at());
                }
                // A questionnaire that does not ask about every gate item never confirms readiness.
                if !a.not_asked.is_empty() {
                    assert!(!a.band.is_confirmed(), "{}", at());
                }
                let r = Roadmap::plan(q, &p, answers, today);
                assert!(
                    r.total_weeks <= MAX_WEEKS,
                    "{} weeks: {}",
                    r.total_weeks,
                    at()
                );
                if p.size == Some(SizeBand::Small) && p.only_uses_ai() {
                    assert!(
                        r.total_weeks <= SMALL_USER_MAX_WEEKS,
                        "{} weeks: {}",
                        r.total_weeks,
                        at()
                    );
                }
                let scope = aims_domain::figures::roadmap::first_scope(p.size.unwrap());
                assert!(r.phased.is_some() == (p.systems > scope), "{}", at());
                // Stage 1 needs the internal audit and the management review at least planned.
                let unplanned = PLANNED_BEFORE_STAGE1.iter().any(|id| {
                    matches!(
                        answers.get(id),
                        Some(Answer::Level(0)) | Some(Answer::DontKnow)
                    )
                });
                if unplanned {
                    assert!(a.band < Band::Stage1Ready, "{}", at());
                }
                // Excluding most of Annex A is a finding in waiting, never "ready".
                if a.broad_exclusions() {
                    assert!(a.band <= Band::NearlyReady, "{}", at());
                }
                no_minimum_for_work_done(&r, &at);
                if name == "all 3" {
                    assert!(
                        r.total_weeks <= MATURE_MAX_WEEKS,
                        "{} weeks: {}",
                        r.total_weeks,
                        at()
                    );
                }
                // More gaps never shorten the plan; more maturity never lengthens it.
                let worse = Roadmap::plan(q, &p, &lower(q, answers), today);
                assert!(worse.total_weeks >= r.total_weeks, "{}", at());
                assert!(worse.total_effort >= r.total_effort, "{}", at());
                // More capacity never lengthens it.
                let c = p.capacity();
                for more in [
                    Capacity {
                        people: c.people + 1,
                        ..c
                    },
                    Capacity {
                        days_tenths: c.days_tenths + 5,
                        ..c
                    },
                    Capacity {
                        owner_days_tenths: c.owner_days_tenths + 5,
                        ..c
                    },
                ] {
                    let bigger = Profile {
                        capacity: Some(more),
                        ..p.clone()
                    };
                    let faster = Roadmap::plan(q, &bigger, answers, today);
                    assert!(faster.total_weeks <= r.total_weeks, "{more:?}: {}", at());
                    assert_eq!(faster.total_effort, r.total_effort, "{}", at());
                }
                // Holding ISO 27001 never lengthens it.
                if !p.holds(Certification::Iso27001) {
                    let mut certified = p.clone();
                    certified
                        .certifications
                        .get_or_insert_with(Default::default)
                        .insert(Certification::Iso27001);
                    let c = Roadmap::plan(q, &certified, answers, today);
                    assert!(c.total_weeks <= r.total_weeks, "{}", at());
                    assert!(c.total_effort <= r.total_effort, "{}", at());
                    // From nothing, ISO 27001 shortens the full assessment's plan by at least
                    // 15 %. The quick scan's plan leaves out 46 items, so its weeks are mostly
                    // calendar minimums: at least 10 % there (14.7 % at worst, measured).
                    let saving = if q.id == "iso42001-full" { 15 } else { 10 };
                    if name == "all 0" && p.certifications.as_ref().is_some_and(|c| c.is_empty()) {
                        assert!(
                            c.total_weeks * 100 <= r.total_weeks * (100 - saving),
                            "{} -> {} weeks: {}",
                            r.total_weeks,
                            c.total_weeks,
                            at()
                        );
                    }
                }
                if name == "all 0"
                    && p.size == Some(SizeBand::Medium)
                    && p.systems == 5
                    && p.roles == [AiRole::Develops, AiRole::Provides].into()
                {
                    assert!(
                        r.total_weeks <= MEDIUM_DEVELOPER_MAX_WEEKS,
                        "{} weeks: {}",
                        r.total_weeks,
                        at()
                    );
                }
                cells += 1;
            }
        }
    }
    assert_eq!(cells, 2 * 4 * 7 * 4 * 4 * 2 * 10);
}

/// A calendar minimum only for work still to do: no operating period when the AIMS already runs
/// with records, no audit-and-review minimum when both are done, no review rounds without
/// documents to write, and a phase without tasks lasts no longer than its calendar needs.
fn no_minimum_for_work_done(r: &Roadmap, at: &dyn Fn() -> String) {
    for p in &r.phases {
        match (p.phase, p.floor) {
            (Phase::Implementation, Some(Floor::Operating { .. })) => {
                assert!(!r.running, "{}", at())
            }
            (Phase::AuditAndReview, Some(_)) => assert!(!r.audited, "{}", at()),
            (Phase::Implementation, Some(_)) => {
                panic!("phase 3 has only the operating floor: {}", at())
            }
            (Phase::Design, Some(_)) => assert!(!p.tasks.is_empty(), "{}", at()),
            _ => {}
        }
        if p.tasks.is_empty() && p.floor.is_none() {
            assert_eq!(p.weeks, 0, "phase {:?}: {}", p.phase, at());
        }
    }
}

#[test]
fn the_quick_scan_never_shows_a_confirmed_band() {
    let q = common::quick_scan();
    for p in profiles().into_iter().step_by(7) {
        for level in 0..=3 {
            let band = Assessment::compute(&q, &p, &all_at(&q, level)).band;
            assert!(!band.is_confirmed(), "{band:?} at level {level}");
        }
    }
}

/// The quick scan's plan is the bottom of its range: never below what the full assessment
/// plans for the items the quick scan asked, and its top is above that bottom.
#[test]
fn the_quick_scan_headline_is_a_lower_bound() {
    let today = Date::parse("2026-12-01").unwrap();
    let quick = common::quick_scan();
    let full = common::questionnaire("iso42001-full.json");
    for p in profiles().into_iter().step_by(3) {
        for level in 0..=2 {
            let q = Roadmap::plan(&quick, &p, &all_at(&quick, level), today);
            let f = Roadmap::plan(&full, &p, &all_at(&full, level), today);
            // Items the quick scan hides for this profile (A.6.2.4 for users) count nowhere.
            let shown = |id: &str| quick.item(id).is_some_and(|i| i.applies(&p));
            let asked: u32 = f
                .tasks()
                .filter(|t| shown(&t.item_id))
                .map(|t| t.effort)
                .sum();
            assert!(
                q.total_effort >= asked,
                "level {level}: quick {} < full's {asked} for the same items: {p:?}",
                q.total_effort
            );
            let (weeks, effort) = q.upper.expect("the quick scan leaves items out");
            assert!(effort > q.total_effort && weeks >= q.total_weeks, "{p:?}");
            assert_eq!(f.upper, None);
        }
    }
}

//! The full question bank: exactly the reference ids and titles, complete content, crosswalks, applicability and documents.

use crate::common;

use aims_domain::figures::documents::{checklist, DocumentStatus};
use aims_domain::figures::roadmap::{Roadmap, TaskKind};
use aims_domain::figures::scoring::Assessment;
use aims_domain::model::profile::Screening;
use aims_domain::model::questionnaire::Gives;
use aims_domain::{
    AiRole, Answer, Certification, HighRisk, Profile, Questionnaire, SectionKind, SizeBand,
};
use common::{all_at, questionnaire, quick_scan};
use std::collections::{BTreeSet, HashMap};

fn full() -> Questionnaire {
    questionnaire("iso42001-full.json")
}

/// Ids and short titles of ISO/IEC 42001:2023 clauses 4-10 (assessable items) and Annex A.
const REFERENCE: [(&str, &str); 70] = [
    ("4.1", "Understanding the organization and its context"),
    (
        "4.2",
        "Understanding the needs and expectations of interested parties",
    ),
    ("4.3", "Determining the scope of the AI management system"),
    ("4.4", "AI management system"),
    ("5.1", "Leadership and commitment"),
    ("5.2", "AI policy"),
    ("5.3", "Roles, responsibilities and authorities"),
    ("6.1.1", "General"),
    ("6.1.2", "AI risk assessment"),
    ("6.1.3", "AI risk treatment"),
    ("6.1.4", "AI system impact assessment"),
    ("6.2", "AI objectives and planning to achieve them"),
    ("6.3", "Planning of changes"),
    ("7.1", "Resources"),
    ("7.2", "Competence"),
    ("7.3", "Awareness"),
    ("7.4", "Communication"),
    ("7.5.1", "General"),
    ("7.5.2", "Creating and updating documented information"),
    ("7.5.3", "Control of documented information"),
    ("8.1", "Operational planning and control"),
    ("8.2", "AI risk assessment"),
    ("8.3", "AI risk treatment"),
    ("8.4", "AI system impact assessment"),
    ("9.1", "Monitoring, measurement, analysis and evaluation"),
    ("9.2.1", "General"),
    ("9.2.2", "Internal audit programme"),
    ("9.3.1", "General"),
    ("9.3.2", "Management review inputs"),
    ("9.3.3", "Management review results"),
    ("10.1", "Continual improvement"),
    ("10.2", "Nonconformity and corrective action"),
    ("A.2.2", "AI policy"),
    ("A.2.3", "Alignment with other organizational policies"),
    ("A.2.4", "Review of the AI policy"),
    ("A.3.2", "AI roles and responsibilities"),
    ("A.3.3", "Reporting of concerns"),
    ("A.4.2", "Resource documentation"),
    ("A.4.3", "Data resources"),
    ("A.4.4", "Tooling resources"),
    ("A.4.5", "System and computing resources"),
    ("A.4.6", "Human resources"),
    ("A.5.2", "AI system impact assessment process"),
    ("A.5.3", "Documentation of AI system impact assessments"),
    (
        "A.5.4",
        "Assessing AI system impact on individuals or groups of individuals",
    ),
    ("A.5.5", "Assessing societal impacts of AI systems"),
    (
        "A.6.1.2",
        "Objectives for responsible development of AI system",
    ),
    (
        "A.6.1.3",
        "Processes for responsible AI system design and development",
    ),
    ("A.6.2.2", "AI system requirements and specification"),
    (
        "A.6.2.3",
        "Documentation of AI system design and development",
    ),
    ("A.6.2.4", "AI system verification and validation"),
    ("A.6.2.5", "AI system deployment"),
    ("A.6.2.6", "AI system operation and monitoring"),
    ("A.6.2.7", "AI system technical documentation"),
    ("A.6.2.8", "AI system recording of event logs"),
    ("A.7.2", "Data for development and enhancement of AI system"),
    ("A.7.3", "Acquisition of data"),
    ("A.7.4", "Quality of data for AI systems"),
    ("A.7.5", "Data provenance"),
    ("A.7.6", "Data preparation"),
    ("A.8.2", "System documentation and information for users"),
    ("A.8.3", "External reporting"),
    ("A.8.4", "Communication of incidents"),
    ("A.8.5", "Information for interested parties"),
    ("A.9.2", "Processes for responsible use of AI systems"),
    ("A.9.3", "Objectives for responsible use of AI system"),
    ("A.9.4", "Intended use of the AI system"),
    ("A.10.2", "Allocating responsibilities"),
    ("A.10.3", "Suppliers"),
    ("A.10.4", "Customers"),
];

#[test]
fn the_full_bank_holds_exactly_the_reference_items_in_the_right_sections() {
    let q = full();
    let items: Vec<(&str, &str)> = q
        .items()
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(items, REFERENCE);
    assert_eq!(
        q.items().filter(|i| i.kind == SectionKind::Clause).count(),
        32
    );
    assert_eq!(
        q.items().filter(|i| i.kind == SectionKind::Annex).count(),
        38
    );
    let per_area: Vec<(&str, usize)> = q
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Annex)
        .map(|s| (s.id.as_str(), s.items.len()))
        .collect();
    assert_eq!(
        per_area,
        [
            ("A.2", 3),
            ("A.3", 2),
            ("A.4", 5),
            ("A.5", 4),
            ("A.6", 9),
            ("A.7", 5),
            ("A.8", 4),
            ("A.9", 3),
            ("A.10", 3)
        ]
    );
    for section in &q.sections {
        for item in &section.items {
            let expected_section = match section.kind {
                SectionKind::Clause => item.id.split('.').next().unwrap().to_string(),
                SectionKind::Annex => item.id.split('.').take(2).collect::<Vec<_>>().join("."),
            };
            assert_eq!(
                section.id, expected_section,
                "{} is in the wrong section",
                item.id
            );
        }
    }
}

#[test]
fn every_item_has_complete_content_and_no_text_is_reused() {
    let q = full();
    let top = q.scale.top();
    let mut seen: HashMap<String, String> = HashMap::new();
    for item in q.items() {
        assert!(item.why.len() > 80, "{}: the why text is too thin", item.id);
        assert!(
            item.question.ends_with('?'),
            "{}: the question must be a question",
            item.id
        );
        assert_eq!(item.levels.len(), usize::from(top) + 1, "{}", item.id);
        for level in 0..top {
            assert!(
                item.actions.iter().any(|a| a.from == level),
                "{}: no action from level {level}",
                item.id
            );
        }
        let texts = std::iter::once(&item.why)
            .chain(&item.levels)
            .chain(std::iter::once(&item.question));
        for text in texts.chain(item.actions.iter().map(|a| &a.text)) {
            if let Some(other) = seen.insert(text.clone(), item.id.clone()) {
                panic!("{} repeats a text of {other}: {text}", item.id);
            }
            let lower = text.to_lowercase();
            assert!(
                !lower.contains("compliant") && !lower.contains("certified"),
                "{}: {text}",
                item.id
            );
        }
    }
}

/// Crosswalk rows copied from the project's reference: framework entry -> 42001 items.
const NIST: [(&str, &str); 30] = [
    ("GOVERN 1.1", "4.1 6.2 A.2.2 A.2.4"),
    ("GOVERN 1.2", "A.9.3 A.6.1.2"),
    ("GOVERN 1.6", "A.4.2 A.4.3 A.4.4 A.4.5 A.4.6"),
    ("GOVERN 2.1", "9.1 5.3 7.1 7.2 7.3 7.4 A.3.2"),
    ("GOVERN 2.2", "7.2"),
    ("GOVERN 3.2", "A.6.1.3 A.9.3 A.4.6 A.5.3 7.2"),
    ("GOVERN 6.1", "A.10.2 A.10.3"),
    ("MAP 1.1", "6.1.4 A.5.2 A.5.3 A.5.4 A.5.5"),
    ("MAP 1.5", "6.1.1"),
    ("MAP 1.6", "A.6.2.2"),
    ("MAP 2.1", "A.6.2.3"),
    ("MAP 2.2", "A.6.2.7"),
    ("MAP 3.5", "A.6.1.3 A.6.2.7 A.8.2"),
    ("MAP 5.1", "6.1.2 A.5.2"),
    ("MEASURE 2.1", "A.8.4 A.6.2.4 A.6.2.7 A.4.2"),
    ("MEASURE 2.3", "A.7.4 A.6.2.6"),
    (
        "MEASURE 2.7",
        "A.7.2 A.3.2 A.2.3 A.5.2 A.6.1.2 A.6.2.3 A.9.3",
    ),
    ("MANAGE 2.4", "A.9.4 A.8.2 A.6.2.7 A.6.1.3"),
    ("MANAGE 4.1", "9.2.1 A.6.2.6 A.8.3 A.10.4"),
    ("MANAGE 4.3", "9.3.2 A.8.5 A.6.2.6 10.2"),
    ("MANAGE 1.2", "6.1.3 8.3"),
    ("MANAGE 1.3", "6.1.3 8.3"),
    ("MANAGE 1.4", "6.1.3 8.3"),
    ("MEASURE 1.1", "8.2"),
    ("MEASURE 2.4", "A.6.2.8"),
    ("MAP 4.1", "A.7.3 A.7.5"),
    ("GOVERN 4.3", "A.3.3"),
    ("MANAGE 4.2", "10.1"),
    ("MEASURE 2.11", "A.5.4"),
    ("MEASURE 2.12", "A.5.5"),
];

/// The reference's EU AI Act table (corrected 2026-12-01): each article and the items it sits
/// closest to. Art. 17 belongs to 4.4, 8.1, A.6.1.3 and the A.6.2 controls only.
const EU: [(&str, &str); 25] = [
    ("Art. 4", "7.2 7.3 A.4.6"),
    ("Art. 5", "4.1 6.1.4 A.9.4"),
    ("Art. 6", "4.1 4.3 A.5.2"),
    ("Art. 9", "6.1.1 6.1.2 6.1.3 8.2 8.3 A.5.2"),
    ("Art. 10", "A.7.2 A.7.3 A.7.4 A.7.5 A.7.6 A.4.3"),
    ("Art. 11", "A.6.2.7 A.6.2.3 A.4.2 A.4.3 A.4.4 A.4.5"),
    ("Art. 12", "A.6.2.8"),
    ("Art. 13", "A.8.2 A.8.5 A.9.4 A.6.2.7 A.10.4"),
    ("Art. 14", "A.6.2.2 A.6.1.3 A.6.2.6 A.9.2 A.3.2"),
    ("Art. 15", "A.6.2.4 A.6.2.6 A.6.1.2"),
    (
        "Art. 17",
        "4.4 8.1 A.6.1.3 A.6.2.2 A.6.2.3 A.6.2.4 A.6.2.5 A.6.2.6 A.6.2.7 A.6.2.8",
    ),
    ("Art. 18", "7.5.3"),
    ("Art. 19", "A.6.2.8"),
    ("Art. 20", "10.2 A.8.4"),
    ("Art. 25", "A.10.2 A.10.3"),
    ("Art. 26", "A.9.2 A.9.3 A.9.4 A.6.2.6 A.8.4 A.3.2"),
    ("Art. 26(6)", "A.6.2.8"),
    ("Art. 27", "6.1.4 8.4 A.5.2 A.5.3 A.5.4 A.5.5"),
    ("Art. 43", "A.6.2.5"),
    ("Art. 50", "A.8.2 A.8.5"),
    ("Art. 53", "A.10.3 A.6.2.7"),
    ("Art. 72", "A.6.2.6 9.1"),
    ("Art. 73", "A.8.4"),
    ("Art. 85", "A.8.3"),
    ("Art. 87", "A.3.3"),
];

const ISO27001_ANNEX: [(&str, &str); 19] = [
    ("A.2.2", "A.5.1"),
    ("A.2.3", "A.5.1"),
    ("A.2.4", "A.5.1"),
    ("A.3.2", "A.5.2"),
    ("A.3.3", "A.6.8 A.5.24-A.5.26"),
    ("A.4.2", "A.5.9"),
    ("A.6.1.3", "A.8.25-A.8.30"),
    ("A.6.2.3", "A.8.25-A.8.30"),
    ("A.6.2.5", "A.8.29"),
    ("A.6.2.6", "A.8.16"),
    ("A.6.2.7", "A.5.37"),
    ("A.6.2.8", "A.8.15"),
    ("A.8.3", "A.6.8 A.5.24-A.5.26"),
    ("A.8.4", "A.6.8 A.5.24-A.5.26"),
    ("A.9.2", "A.5.10"),
    ("A.9.4", "A.5.10"),
    ("A.10.2", "A.5.19-A.5.23"),
    ("A.10.3", "A.5.19-A.5.23"),
    ("A.10.4", "A.5.31"),
];

fn expected_refs(item: &str, kind: SectionKind) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (entry, items) in NIST {
        if items.split(' ').any(|i| i == item) {
            out.push(("nist_ai_rmf", entry.to_string()));
        }
    }
    for (article, items) in EU {
        if items.split(' ').any(|i| i == item) {
            out.push(("eu_ai_act", article.to_string()));
        }
    }
    // Clauses share ids with ISO/IEC 27001, except impact assessment (6.1.4, 8.4).
    if kind == SectionKind::Clause && item != "6.1.4" && item != "8.4" {
        out.push(("iso27001", item.to_string()));
    }
    for (control, refs) in ISO27001_ANNEX {
        if control == item {
            out.extend(refs.split(' ').map(|r| ("iso27001", r.to_string())));
        }
    }
    out
}

#[test]
fn crosswalk_entries_appear_wherever_the_reference_gives_them() {
    for q in [full(), quick_scan()] {
        for item in q.items() {
            for (framework, entry) in expected_refs(&item.id, item.kind) {
                let listed = item.refs.get(framework).is_some_and(|l| l.contains(&entry));
                assert!(listed, "{} {}: missing {framework} {entry}", q.id, item.id);
            }
            // EU AI Act references are exactly the reference's, never more (no Art. 17 on every
            // clause, no Art. 11/12 on document control, no Art. 73 on external reporting).
            let mut want: Vec<String> = expected_refs(&item.id, item.kind)
                .into_iter()
                .filter(|(f, _)| *f == "eu_ai_act")
                .map(|(_, e)| e)
                .collect();
            let mut have = item.refs.get("eu_ai_act").cloned().unwrap_or_default();
            want.sort();
            have.sort();
            assert_eq!(have, want, "{} {}: EU AI Act references", q.id, item.id);
        }
    }
}

fn user_only() -> Profile {
    Profile {
        size: Some(SizeBand::Small),
        roles: [AiRole::Uses].into(),
        systems: 3,
        certifications: Some(BTreeSet::new()),
        high_risk: Some(HighRisk::No),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: None,
        capacity: None,
    }
}

const SUGGESTED_NA: [&str; 8] = [
    "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.7", "A.7.2", "A.7.6",
];

#[test]
fn organisations_that_only_use_ai_get_suggested_exclusions_passed_to_suppliers() {
    let q = full();
    let suggested: Vec<&str> = q
        .items()
        .filter(|i| i.suggested_na(&user_only()).is_some())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(suggested, SUGGESTED_NA);
    for id in SUGGESTED_NA {
        let item = q.item(id).unwrap();
        assert!(
            item.suggested_na(&user_only()).unwrap().contains("A.10.3"),
            "{id} names the supplier control"
        );
        assert_eq!(
            item.suggest_na.as_ref().unwrap().supplier_item.as_deref(),
            Some("A.10.3")
        );
    }
    let developer = Profile {
        roles: [AiRole::Develops, AiRole::Uses].into(),
        ..user_only()
    };
    assert_eq!(
        q.items()
            .filter(|i| i.suggested_na(&developer).is_some())
            .count(),
        0
    );
    // An AI partner supplies data to those who build AI: the data controls stay suggested for
    // no one who supplies data, only the development ones.
    let partner = Profile {
        roles: [AiRole::Partner, AiRole::Uses].into(),
        ..user_only()
    };
    let for_partner: Vec<&str> = q
        .items()
        .filter(|i| i.suggested_na(&partner).is_some())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(for_partner, SUGGESTED_NA[..6]);
    assert!(q
        .items()
        .filter(|i| i.kind == SectionKind::Clause)
        .all(|i| i.suggest_na.is_none() && i.applies_when.is_none()));

    // Accepting the suggestions: the controls leave the scores and reappear as supplier tasks under A.10.3.
    let mut answers = all_at(&q, 1);
    for id in SUGGESTED_NA {
        let why = q
            .item(id)
            .unwrap()
            .suggested_na(&user_only())
            .unwrap()
            .to_string();
        answers.set(&q, id, Answer::NotApplicable(why)).unwrap();
    }
    let a = Assessment::compute(&q, &user_only(), &answers);
    assert_eq!(a.section("A.6").unwrap().not_applicable, 6);
    assert_eq!(a.section("A.7").unwrap().not_applicable, 2);
    let today = aims_domain::model::date::Date::parse("2026-11-28").unwrap();
    let r = Roadmap::plan(&q, &user_only(), &answers, today);
    let passed_on: Vec<String> = r
        .tasks()
        .filter_map(|t| match &t.kind {
            TaskKind::SupplierRequirement { excluded } => {
                assert_eq!(t.item_id, "A.10.3");
                Some(excluded.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(passed_on, SUGGESTED_NA);
    assert!(r
        .tasks()
        .all(|t| !SUGGESTED_NA.contains(&t.item_id.as_str())));
}

#[test]
fn every_mandatory_document_is_produced_and_the_checklist_follows_the_answers() {
    for q in [full(), quick_scan()] {
        for doc in q.documents.iter() {
            assert!(
                q.items().any(|i| i.documents.contains(&doc.id)),
                "{}: no item produces {}",
                q.id,
                doc.id
            );
        }
        assert_eq!(
            q.documents.iter().filter(|d| d.mandatory).count(),
            17,
            "{}",
            q.id
        );
    }
    // The full bank also covers the five documents every auditor expects.
    assert_eq!(full().documents.iter().filter(|d| !d.mandatory).count(), 5);
    let q = full();
    let p = user_only();
    let statuses = |answers: &aims_domain::Answers| -> Vec<DocumentStatus> {
        checklist(&q, &p, answers)
            .iter()
            .map(|d| d.status)
            .collect()
    };
    assert!(statuses(&all_at(&q, 0))
        .iter()
        .all(|s| *s == DocumentStatus::Missing));
    assert!(statuses(&all_at(&q, 2))
        .iter()
        .all(|s| *s == DocumentStatus::InPlace));
    let mut mixed = all_at(&q, 3);
    mixed.set(&q, "8.2", Answer::Level(1)).unwrap(); // risk assessment results: also produced by 6.1.2
    mixed.set(&q, "5.2", Answer::DontKnow).unwrap(); // AI policy: also produced by A.2.2-A.2.4
    let rows = checklist(&q, &p, &mixed);
    let status = |id: &str| rows.iter().find(|r| r.id == id).unwrap().status;
    assert_eq!(status("risk-assessment-results"), DocumentStatus::Partial);
    assert_eq!(status("ai-policy"), DocumentStatus::Partial);
    assert_eq!(status("aims-scope"), DocumentStatus::InPlace);
    assert!(
        rows.iter().take(17).all(|r| r.mandatory),
        "mandatory documents come first"
    );
}

#[test]
fn existing_management_systems_are_reused_where_the_content_says_so() {
    let q = full();
    for id in [
        "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2",
        "9.3.3", "10.2",
    ] {
        let reuse = &q.item(id).unwrap().reuse;
        for c in [Certification::Iso27001, Certification::Iso9001] {
            assert!(
                reuse.iter().any(|r| r.from == c && r.gives == Gives::Reuse),
                "{id}: {c:?} gives a process to reuse"
            );
        }
    }
    // The reference's list of controls and clauses with no real ISO 27001 counterpart.
    for id in [
        "6.1.4", "8.4", "A.4.3", "A.4.4", "A.4.5", "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2",
        "A.6.2.4", "A.6.2.6", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6", "A.9.3", "A.9.4",
    ] {
        for q in [full(), quick_scan()] {
            if let Some(item) = q.item(id) {
                assert!(
                    item.reuse.iter().all(|r| r.from != Certification::Iso27001),
                    "{id} is new work even with ISO 27001"
                );
            }
        }
    }
}

#[test]
fn quick_scan_items_match_the_full_bank() {
    let (quick, full) = (quick_scan(), full());
    for item in quick.items() {
        let twin = full
            .item(&item.id)
            .unwrap_or_else(|| panic!("{} missing from the full bank", item.id));
        assert_eq!(
            (&item.title, item.kind, item.gate, &item.refs),
            (&twin.title, twin.kind, twin.gate, &twin.refs),
            "{}",
            item.id
        );
    }
    // The full bank holds every gate item; the quick scan asks about fewer.
    let gates = |q: &Questionnaire| q.items().filter(|i| i.blocker).count();
    assert_eq!(gates(&full), aims_domain::model::standard::GATE.len());
    assert!(gates(&quick) < gates(&full));
}

#[test]
fn both_questionnaires_share_one_effort_model_and_the_quick_scan_never_plans_more() {
    let (quick, full) = (quick_scan(), full());
    assert_eq!(
        quick.efforts, full.efforts,
        "one effort model for both files"
    );
    let today = aims_domain::model::date::Date::parse("2026-11-28").unwrap();
    let p = Profile {
        roles: [AiRole::Develops].into(),
        size: Some(SizeBand::Medium),
        ..user_only()
    };
    for level in 0..3 {
        let plan = |q: &Questionnaire| Roadmap::plan(q, &p, &all_at(q, level), today);
        let (quick, full) = (plan(&quick), plan(&full));
        assert!(quick.total_effort <= full.total_effort, "level {level}");
        assert!(quick.total_weeks <= full.total_weeks, "level {level}");
        assert!(quick.not_covered > 0 && full.not_covered == 0);
    }
}

//! Content tests: every questionnaire file validates, and the quick scan covers the whole standard.

use aims_readiness::domain::{catalogue, Questionnaire, SectionKind};
use std::fs;
use std::path::Path;

fn questionnaire_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            // `<id>.<language>.json` files are translations (tests/i18n.rs checks them).
            let translation = name.trim_end_matches(".json").contains('.');
            name.ends_with(".json") && !name.ends_with(".schema.json") && !translation
        })
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn every_questionnaire_file_validates() {
    let files = questionnaire_files();
    assert!(!files.is_empty());
    for (path, json) in &files {
        if let Err(errors) = Questionnaire::parse(json) {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("{path} is invalid:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn the_compiled_catalogue_holds_every_file_and_all_are_usable() {
    let entries = catalogue::load();
    assert_eq!(entries.len(), questionnaire_files().len());
    assert!(entries.iter().all(|e| e.questionnaire.is_ok()));
    let ids: Vec<&str> = entries
        .iter()
        .map(|e| e.questionnaire.as_ref().unwrap().id.as_str())
        .collect();
    assert_eq!(
        ids[0], "iso42001-quick-scan",
        "the quick scan is offered first"
    );
}

const CLAUSES: [(&str, &str); 7] = [
    ("4", "Context of the organization"),
    ("5", "Leadership"),
    ("6", "Planning"),
    ("7", "Support"),
    ("8", "Operation"),
    ("9", "Performance evaluation"),
    ("10", "Improvement"),
];

const AREAS: [(&str, &str); 9] = [
    ("A.2", "Policies related to AI"),
    ("A.3", "Internal organization"),
    ("A.4", "Resources for AI systems"),
    ("A.5", "Assessing impacts of AI systems"),
    ("A.6", "AI system life cycle"),
    ("A.7", "Data for AI systems"),
    ("A.8", "Information for interested parties of AI systems"),
    ("A.9", "Use of AI systems"),
    ("A.10", "Third-party and customer relationships"),
];

fn quick_scan() -> Questionnaire {
    let json = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/iso42001-quick-scan.json"),
    )
    .unwrap();
    Questionnaire::parse(&json).unwrap()
}

#[test]
fn the_quick_scan_covers_every_clause_and_every_annex_area_with_reference_titles() {
    let q = quick_scan();
    let sections: Vec<(&str, &str, SectionKind)> = q
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str(), s.kind))
        .collect();
    let expected: Vec<(&str, &str, SectionKind)> = CLAUSES
        .iter()
        .map(|(id, t)| (*id, *t, SectionKind::Clause))
        .chain(AREAS.iter().map(|(id, t)| (*id, *t, SectionKind::Annex)))
        .collect();
    assert_eq!(sections, expected);
    let count = q.items().count();
    assert!(
        (20..=25).contains(&count),
        "about 20 questions, found {count}"
    );
}

#[test]
fn quick_scan_items_use_reference_ids_and_titles() {
    // Reference ids and short titles from the standard's table of contents (ids and titles only).
    let reference = [
        ("4.1", "Understanding the organization and its context"),
        ("4.3", "Determining the scope of the AI management system"),
        ("5.2", "AI policy"),
        ("6.1.2", "AI risk assessment"),
        ("6.1.3", "AI risk treatment"),
        ("6.1.4", "AI system impact assessment"),
        ("6.2", "AI objectives and planning to achieve them"),
        ("7.2", "Competence"),
        ("7.5.3", "Control of documented information"),
        ("8.1", "Operational planning and control"),
        ("9.1", "Monitoring, measurement, analysis and evaluation"),
        ("9.2.2", "Internal audit programme"),
        ("9.3.3", "Management review results"),
        ("10.2", "Nonconformity and corrective action"),
        ("A.2.3", "Alignment with other organizational policies"),
        ("A.3.2", "AI roles and responsibilities"),
        ("A.4.2", "Resource documentation"),
        (
            "A.5.4",
            "Assessing AI system impact on individuals or groups of individuals",
        ),
        ("A.6.2.4", "AI system verification and validation"),
        ("A.6.2.6", "AI system operation and monitoring"),
        ("A.7.4", "Quality of data for AI systems"),
        ("A.8.2", "System documentation and information for users"),
        ("A.9.4", "Intended use of the AI system"),
        ("A.10.3", "Suppliers"),
    ];
    let q = quick_scan();
    let items: Vec<(&str, &str)> = q
        .items()
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(items, reference);
}

#[test]
fn the_quick_scan_flags_exactly_the_certification_blockers() {
    let q = quick_scan();
    let blockers: Vec<&str> = q
        .items()
        .filter(|i| i.blocker)
        .map(|i| i.id.as_str())
        .collect();
    // Scope, AI policy, risk assessment, SoA (risk treatment), impact assessment,
    // internal audit, management review.
    assert_eq!(
        blockers,
        ["4.3", "5.2", "6.1.2", "6.1.3", "6.1.4", "9.2.2", "9.3.3"]
    );
}

#[test]
fn quick_scan_texts_are_distinct_and_never_promise_compliance() {
    let q = quick_scan();
    let mut seen = std::collections::HashSet::new();
    for item in q.items() {
        assert!(
            seen.insert(item.why.clone()),
            "{}: why text repeated",
            item.id
        );
        for level in &item.levels {
            assert!(
                seen.insert(level.clone()),
                "{}: level text repeated: {level}",
                item.id
            );
        }
        let all =
            format!("{} {} {}", item.question, item.why, item.levels.join(" ")).to_lowercase();
        assert!(
            !all.contains("compliant") && !all.contains("certified"),
            "{}",
            item.id
        );
    }
}

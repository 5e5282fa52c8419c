//! Content tests: every questionnaire file validates, and the quick scan covers the whole standard.

use aims_domain::formats::catalogue;
use aims_domain::{Questionnaire, SectionKind};
use std::fs;
use std::path::Path;

fn questionnaire_files() -> Vec<(String, String)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("questionnaires");
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
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .join("questionnaires/iso42001-quick-scan.json"),
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
fn every_gate_item_of_the_standard_is_a_blocker_with_its_stage() {
    use aims_domain::model::standard::{Stage, GATE};
    for q in [quick_scan(), full_assessment()] {
        for item in q.items() {
            assert_eq!(
                item.gate,
                aims_domain::model::standard::gate_stage(&item.id)
                    .filter(|_| !item.can_be_not_applicable()),
                "{}: {}",
                q.id,
                item.id
            );
        }
        // The quick scan asks about these gate items, and knows it misses the others.
        let asked: Vec<&str> = GATE
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| q.item(id).is_some())
            .collect();
        if q.id == "iso42001-quick-scan" {
            assert_eq!(
                asked,
                [
                    "4.3", "5.2", "6.1.2", "6.1.3", "6.1.4", "6.2", "7.2", "8.1", "9.1", "9.2.2",
                    "9.3.3", "10.2"
                ]
            );
        } else {
            assert_eq!(asked.len(), GATE.len());
        }
    }
    let stage1: Vec<&str> = GATE
        .iter()
        .filter(|(_, s)| *s == Stage::One)
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(
        stage1,
        ["4.3", "5.2", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2"]
    );
}

/// The effort table of questionnaires/README.md: kind, size-band values, and the range.
fn readme_efforts() -> Vec<(String, [f64; 4], (f64, f64))> {
    let text = std::fs::read_to_string(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .join("questionnaires/README.md"),
    )
    .unwrap();
    let table = text.split("<!-- effort table -->").nth(1).expect(
        "questionnaires/README.md has the effort table between <!-- effort table --> marks",
    );
    table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let kind = cells[1].trim_matches('`').to_string();
            let n = |i: usize| cells[i].parse::<f64>().unwrap_or_else(|_| panic!("{l}"));
            let (lo, hi) = cells[7].split_once('-').unwrap_or_else(|| panic!("{l}"));
            (
                kind,
                [n(3), n(4), n(5), n(6)],
                (lo.trim().parse().unwrap(), hi.trim().parse().unwrap()),
            )
        })
        .collect()
}

#[test]
fn every_effort_comes_from_the_calibrated_table_and_lies_in_its_range() {
    let table = readme_efforts();
    assert!(
        table.len() >= 15,
        "the README table has {} kinds",
        table.len()
    );
    for q in [quick_scan(), full_assessment()] {
        assert_eq!(
            q.efforts.len(),
            table.len(),
            "{}: one kind per README row",
            q.id
        );
        for (kind, days, (lo, hi)) in &table {
            let k = q
                .efforts
                .get(kind)
                .unwrap_or_else(|| panic!("{}: kind {kind} missing", q.id));
            let content: Vec<f64> = k.days.iter().map(|t| f64::from(*t) / 10.0).collect();
            assert_eq!(&content, days, "{}: {kind} differs from the README", q.id);
            assert!(
                days.iter().all(|d| d >= lo && d <= hi),
                "{kind}: {days:?} outside the range {lo}-{hi}"
            );
        }
    }
}

#[test]
fn one_action_has_one_effort_and_no_task_is_planned_twice() {
    let mut kinds: std::collections::BTreeMap<String, String> = Default::default();
    for q in [quick_scan(), full_assessment()] {
        let mut texts = std::collections::HashSet::new();
        for item in q.items() {
            for a in &item.actions {
                let previous = kinds.insert(a.text.clone(), a.effort.clone());
                assert!(
                    previous.as_ref().is_none_or(|p| *p == a.effort),
                    "{}: \"{}\" has two efforts ({previous:?} and {})",
                    item.id,
                    a.text,
                    a.effort
                );
                assert!(
                    texts.insert(a.text.clone()),
                    "{}: {}: the same task twice",
                    q.id,
                    a.text
                );
            }
        }
    }
    // The duplicates the review found are merged: each names the other instead of repeating it.
    let full = full_assessment();
    let first = |id: &str, from: u8| {
        full.item(id)
            .unwrap()
            .actions
            .iter()
            .find(|a| a.from == from)
            .unwrap()
            .text
            .clone()
    };
    assert!(first("A.2.2", 0).contains("5.2"));
    assert!(first("A.5.2", 0).contains("6.1.4"));
    assert!(!first("9.3.1", 1).starts_with("Hold"));
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

/// Level descriptions and actions are printed in the report a consultant hands a client, so they
/// speak of "the organisation", never to "you", in every language (questions, which the person
/// answers on screen, may say "you").
#[test]
fn report_texts_address_the_organisation_in_every_language() {
    let addressing: [(&str, &[&str]); 4] = [
        ("en", &["you", "your", "yours"]),
        (
            "de",
            &[
                "Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen",
            ],
        ),
        ("fr", &["vous", "votre", "vos"]),
        ("es", &["usted", "ustedes", "tu", "tus"]),
    ];
    // German capitalises the polite "Sie" and "Ihr" (lower case they mean "they" and "her").
    let words = |text: &str, lang: &str, list: &[&str]| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                list.iter()
                    .any(|p| p == w || (lang != "de" && *p == w.to_lowercase()))
            })
            .map(str::to_string)
            .collect()
    };
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("questionnaires");
    let mut checked = 0;
    for id in ["iso42001-full", "iso42001-quick-scan"] {
        for (lang, list) in addressing {
            let name = if lang == "en" {
                format!("{id}.json")
            } else {
                format!("{id}.{lang}.json")
            };
            let json: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(dir.join(&name)).unwrap()).unwrap();
            let mut texts: Vec<(String, String)> = Vec::new();
            if lang == "en" {
                for item in json["sections"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|s| s["items"].as_array().unwrap())
                {
                    let id = item["id"].as_str().unwrap().to_string();
                    for l in item["levels"].as_array().into_iter().flatten() {
                        texts.push((id.clone(), l.as_str().unwrap().to_string()));
                    }
                    for a in item["actions"].as_array().into_iter().flatten() {
                        texts.push((id.clone(), a["text"].as_str().unwrap().to_string()));
                    }
                }
            } else {
                for (id, item) in json["items"].as_object().unwrap() {
                    for key in ["levels", "actions"] {
                        for t in item[key].as_array().into_iter().flatten() {
                            texts.push((id.clone(), t.as_str().unwrap().to_string()));
                        }
                    }
                }
            }
            assert!(texts.len() > 50, "{name}: only {} texts read", texts.len());
            for (item, text) in texts {
                let found = words(&text, lang, list);
                assert!(found.is_empty(), "{name} {item} says {found:?}: {text}");
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

fn full_assessment() -> Questionnaire {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("questionnaires/iso42001-full.json");
    Questionnaire::parse(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn items_point_to_the_annexes_and_related_standards_and_4_2_names_the_climate_amendment() {
    for q in [quick_scan(), full_assessment()] {
        for item in q.items() {
            let guidance = item.refs.get("guidance").cloned().unwrap_or_default();
            if let Some(control) = item.id.strip_prefix("A.") {
                assert!(
                    guidance.contains(&format!("Annex B.{control}")),
                    "{}: Annex B",
                    item.id
                );
            }
            let needs: &[&str] = match item.id.as_str() {
                "6.1.2" | "8.2" | "8.3" => &["ISO/IEC 23894"],
                "6.1.4" | "8.4" | "A.5.2" | "A.5.3" | "A.5.4" | "A.5.5" => &["ISO/IEC 42005"],
                "4.1" => &["ISO/IEC 22989", "Annex D"],
                "6.2" => &["Annex C"],
                // Internal audits follow ISO 19011; ISO/IEC 42006 is for certification bodies.
                "9.2.2" => &["ISO 19011"],
                _ => &[],
            };
            for n in needs {
                assert!(guidance.iter().any(|g| g == n), "{}: {n}", item.id);
            }
            if item.id.starts_with("9.2") {
                assert!(
                    !guidance.iter().any(|g| g == "ISO/IEC 42006"),
                    "{}: 42006 is not internal-audit guidance",
                    item.id
                );
            }
        }
    }
    let full = full_assessment();
    for id in ["4.1", "4.2"] {
        assert!(
            full.item(id).unwrap().question.contains("climate"),
            "{id} asks about climate change"
        );
    }
}

/// The quick scan's text, and the same file as a retired version 1.5.0.
fn quick_scan_and_a_retired_version() -> (String, String) {
    let text = fs::read_to_string(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .join("questionnaires/iso42001-quick-scan.json"),
    )
    .unwrap();
    let retired = text
        .replacen("\"version\": \"2.0.0\"", "\"version\": \"1.5.0\"", 1)
        .replacen("\"status\": \"active\"", "\"status\": \"retired\"", 1);
    (text, retired)
}

#[test]
fn a_second_file_with_the_same_id_and_version_is_refused_and_retired_versions_are_not_offered() {
    let (text, retired) = quick_scan_and_a_retired_version();
    let entries =
        catalogue::load_from(&[("a.json", &text), ("b.json", &text), ("old.json", &retired)]);
    let refused: Vec<&str> = entries
        .iter()
        .filter(|e| e.questionnaire.is_err())
        .map(|e| e.file)
        .collect();
    assert_eq!(refused, ["b.json"]);
    let usable = catalogue::usable(&entries);
    assert_eq!(
        usable.len(),
        2,
        "the retired version stays usable for its saves"
    );
    let offered = catalogue::offered(&usable);
    assert_eq!(
        offered
            .iter()
            .map(|q| q.version.as_str())
            .collect::<Vec<_>>(),
        ["2.0.0"]
    );
}

#[test]
fn saves_of_a_retired_version_still_open_and_current_saves_find_the_current_version() {
    use aims_domain::formats::saved::{self, Source};
    let (text, retired) = quick_scan_and_a_retired_version();
    // The retired version first in the list: decoding must still pick by version.
    let usable = catalogue::usable(&catalogue::load_from(&[
        ("old.json", &retired),
        ("a.json", &text),
    ]));
    for (q, version) in usable.iter().map(|q| (q, q.version.clone())) {
        let file = saved::encode(
            q,
            &Default::default(),
            &Default::default(),
            &Default::default(),
            "2026-12-01T10:00:00.000Z",
        );
        let r = saved::decode(&file, &usable, Source::Import).unwrap();
        assert_eq!(r.questionnaire.version, version);
        assert_eq!(r.migrated_from, None);
    }
}

/// What the app's build script checks: the shipped content has no problem, and a broken file
/// is reported with every error, each line naming the file, the item and the field.
#[test]
fn the_build_check_passes_the_shipped_content_and_lists_every_error_of_a_broken_file() {
    assert_eq!(catalogue::problems(), Vec::<String>::new());
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("questionnaires/iso42001-quick-scan.json");
    let mut q: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let first = &mut q["sections"][0]["items"][0];
    first["weight"] = 0.into();
    first["title"] = "".into();
    let text = q.to_string();
    let problems = catalogue::problems_of(&catalogue::load_from(&[("broken.json", &text)]));
    assert!(problems.len() >= 2, "{problems:#?}");
    for field in ["`weight`", "`title`"] {
        let line = problems
            .iter()
            .find(|p| p.contains(field))
            .unwrap_or_else(|| panic!("{field}: {problems:#?}"));
        assert!(
            line.starts_with("broken.json: iso42001-quick-scan: 4.1, field "),
            "{line}"
        );
    }
}

/// Results of a quick scan and a full assessment are compared item by item (the comparison with
/// an earlier save, the team view): an id shared by both must offer the same level texts, in
/// every language, or one answer would mean two things.
#[test]
fn an_item_in_both_questionnaires_has_the_same_levels_in_every_language() {
    let (quick, full) = (
        std::rc::Rc::new(quick_scan()),
        std::rc::Rc::new(full_assessment()),
    );
    let mut shared = 0;
    for lang in aims_domain::model::i18n::Lang::ALL {
        let quick = catalogue::localise(&quick, lang).unwrap();
        let full = catalogue::localise(&full, lang).unwrap();
        for item in quick.items() {
            let twin = full
                .items()
                .find(|i| i.id == item.id)
                .unwrap_or_else(|| panic!("{} is not in the full assessment", item.id));
            assert_eq!(item.levels, twin.levels, "{} in {lang:?}", item.id);
            shared += 1;
        }
    }
    assert_eq!(
        shared,
        aims_domain::model::i18n::Lang::ALL.len() * quick.items().count()
    );
}

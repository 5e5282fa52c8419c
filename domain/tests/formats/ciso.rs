//! The CISO Assistant import files against the tool's own library and column rules: every
//! assessable requirement of its ISO/IEC 42001:2023 library once, by urn and ref_id (copied into
//! `tests/corpus/ciso-assistant-iso42001-2023.tsv` with the commit it was read at), results,
//! progress and scores from the values its data wizard accepts, notes exactly as typed; and the
//! roadmap as applied controls.

use crate::reports::{golden, known_snapshot, read_csv, today};
use aims_domain::figures::roadmap::Roadmap;
use aims_domain::formats::catalogue::localise;
use aims_domain::formats::ciso_assistant::{applied_controls, audit, effort, requirements, urn};
use aims_domain::formats::export::Response;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use std::rc::Rc;

fn library() -> Vec<(String, String)> {
    let text = include_str!("../../../tests/corpus/ciso-assistant-iso42001-2023.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let (urn, id) = l.split_once('\t').unwrap();
            (urn.to_string(), id.to_string())
        })
        .collect()
}

#[test]
fn the_audit_has_every_requirement_of_the_library_once_by_urn_and_ref_id() {
    let library = library();
    assert_eq!(library.len(), 67);
    let ours: Vec<(String, String)> = requirements()
        .into_iter()
        .map(|(id, _)| (urn(id), id.to_string()))
        .collect();
    assert_eq!(ours, library);
    let (q, s) = known_snapshot();
    let of = Response::plain(&q, &s, "a1");
    let text = audit(of.questionnaire, of.answers, today());
    golden("ciso-assistant-audit.csv", &text);
    let rows = read_csv(&text);
    assert_eq!(
        rows[0],
        [
            "urn",
            "assessable",
            "ref_id",
            "name",
            "compliance_result",
            "requirement_progress",
            "score",
            "observations"
        ]
    );
    let body = &rows[1..];
    assert_eq!(
        body.iter()
            .map(|r| (r[0].clone(), r[2].clone()))
            .collect::<Vec<_>>(),
        library
    );
    let results = [
        "",
        "not_assessed",
        "partially_compliant",
        "non_compliant",
        "compliant",
        "not_applicable",
    ];
    for r in body {
        assert_eq!(r[1], "True");
        assert!(results.contains(&r[4].as_str()), "{r:?}");
        assert!(
            ["", "in_review"].contains(&r[5].as_str()),
            "self-assessed answers are in review: {r:?}"
        );
        assert!(
            r[6].is_empty() || (0..=5).contains(&r[6].parse::<u8>().unwrap()),
            "{r:?}"
        );
        assert_eq!(r[4].is_empty(), r[5].is_empty(), "{r:?}");
    }
    let row = |id: &str| body.iter().find(|r| r[2] == id).unwrap();
    // 6.1.2-6.1.4 (1, 1, 0) fold into 6.1: the weakest decides, each answer is listed.
    assert_eq!(
        (row("6.1")[4].as_str(), row("6.1")[6].as_str()),
        ("non_compliant", "0")
    );
    for id in ["6.1.2 ", "6.1.3 ", "6.1.4 "] {
        assert!(
            row("6.1")[7].contains(&format!("\n{id}")),
            "{}",
            row("6.1")[7]
        );
    }
    // Levels 2 and 3 of 0-3 on the library's 0-5 scale; the gate level (2) reads compliant.
    assert_eq!(
        (row("4.1")[4].as_str(), row("4.1")[6].as_str()),
        ("compliant", "3")
    );
    assert_eq!(
        (row("10.2")[4].as_str(), row("10.2")[6].as_str()),
        ("compliant", "5")
    );
    assert_eq!(
        (row("5.2")[4].as_str(), row("5.2")[6].as_str()),
        ("partially_compliant", "2")
    );
    assert_eq!(row("A.7.4")[4], "not_applicable");
    assert!(row("A.7.4")[7].ends_with("Justification: Models are trained by the vendor; we feed no data of our own, see contract §4."));
    assert_eq!(row("A.8.2")[4], "not_assessed", "a \"don't know\"");
    // A requirement this questionnaire did not ask about writes nothing over the audit.
    assert_eq!(row("4.2")[4..], ["", "", "", ""]);
    // Notes exactly as typed: no apostrophe before a formula, line breaks kept.
    assert!(
        row("A.10.3")[7].ends_with("\nNote: =HYPERLINK(\"http://evil\") must not run as a formula")
    );
    assert!(row("6.1")[7].contains("Note: Risk method drafted,\nnot yet approved"));
}

#[test]
fn the_german_audit_keeps_the_tools_values_and_words_the_observations_in_german() {
    let (q, s) = known_snapshot();
    let de = localise(&Rc::new(q), Lang::De).unwrap();
    let of = Response::plain(&de, &s, "a1");
    let text = audit(of.questionnaire, of.answers, today());
    golden("ciso-assistant-audit.de.csv", &text);
    let rows = read_csv(&text);
    let a74 = rows.iter().find(|r| r[2] == "A.7.4").unwrap();
    assert_eq!(a74[4], "not_applicable");
    assert!(a74[7].starts_with("Selbstbewertung mit dem"), "{}", a74[7]);
}

#[test]
fn the_roadmap_becomes_applied_controls_with_sizes_priorities_and_dates() {
    let (q, s) = known_snapshot();
    let plan = Roadmap::plan(&q, &s.profile, &s.answers, today());
    let start = Date::parse("2027-01-04").unwrap();
    let text = applied_controls(&q, &plan, start);
    golden("ciso-assistant-applied-controls.csv", &text);
    let rows = read_csv(&text);
    assert_eq!(
        rows[0],
        [
            "ref_id",
            "name",
            "description",
            "category",
            "priority",
            "effort",
            "status",
            "start_date",
            "eta"
        ]
    );
    assert_eq!(rows.len() - 1, plan.tasks().count());
    for r in &rows[1..] {
        assert!(r[1].chars().count() <= 200 && !r[1].is_empty(), "{r:?}");
        assert!(["policy", "process", "technical"].contains(&r[3].as_str()));
        assert!(["1", "2", "3", "4"].contains(&r[4].as_str()));
        assert!(["XS", "S", "M", "L", "XL"].contains(&r[5].as_str()));
        assert_eq!(r[6], "to_do");
        assert!(Date::parse(&r[7]).unwrap() <= Date::parse(&r[8]).unwrap());
    }
    let blocker = rows
        .iter()
        .find(|r| r[1].starts_with("6.1.2 Run the AI risk assessment"))
        .unwrap();
    assert_eq!(
        (
            blocker[3].as_str(),
            blocker[4].as_str(),
            blocker[5].as_str()
        ),
        ("process", "1", "M")
    );
    assert_eq!(
        rows[1][7], "2027-01-04",
        "the first phase starts on the chosen day"
    );
    assert_eq!(
        [
            effort(0),
            effort(9),
            effort(10),
            effort(29),
            effort(30),
            effort(99),
            effort(100),
            effort(199),
            effort(200)
        ],
        ["XS", "XS", "S", "S", "M", "M", "L", "L", "XL"]
    );
}

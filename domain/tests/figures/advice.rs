//! The adviser's checks (answers that rarely go together, "not applicable" where the profile
//! says a control applies), the gaps with what to ask and what evidence to request, and the
//! adviser's sheet in Markdown.

use crate::common;

use std::rc::Rc;

use aims_domain::app::Library;
use aims_domain::figures::advice::{self, checks, gaps};
use aims_domain::figures::scoring::ItemStatus;
use aims_domain::formats::adviser_sheet;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::model::standard;
use aims_domain::{AiRole, Answer, Answers, Profile, Questionnaire, SizeBand};

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

fn profile(roles: &[AiRole]) -> Profile {
    common::profile(SizeBand::Medium, roles)
}

fn questionnaire(id: &str, lang: Lang) -> Rc<Questionnaire> {
    let library = Library::built_in();
    let all = library.in_lang(lang);
    Rc::clone(all.iter().find(|q| q.id == id).unwrap())
}

fn answers(q: &Questionnaire, level: u8, except: &[(&str, Answer)]) -> Answers {
    let mut a = Answers::default();
    for item in q.items() {
        a.set(q, &item.id, Answer::Level(level)).unwrap();
    }
    for (id, answer) in except {
        a.set(q, id, answer.clone()).unwrap();
    }
    a
}

#[test]
fn every_item_the_checks_name_is_in_the_standard() {
    let known: Vec<&str> = standard::CLAUSE_ITEMS
        .iter()
        .chain(standard::CONTROLS.iter())
        .map(|(id, _)| *id)
        .collect();
    for id in advice::rule_items() {
        assert!(
            known.contains(&id) || known.iter().any(|k| k.starts_with(&format!("{id}."))),
            "{id}"
        );
    }
}

#[test]
fn consistent_answers_raise_nothing() {
    let q = questionnaire("iso42001-full", Lang::En);
    let p = profile(&[AiRole::Develops, AiRole::Uses]);
    assert_eq!(checks(&q, &p, &answers(&q, 2, &[])), vec![]);
    assert_eq!(checks(&q, &p, &answers(&q, 0, &[])), vec![]);
}

#[test]
fn a_reviewed_policy_without_its_review_and_an_audit_without_a_programme_are_flagged() {
    let q = questionnaire("iso42001-full", Lang::En);
    let p = profile(&[AiRole::Uses]);
    let a = answers(
        &q,
        2,
        &[
            ("A.2.2", Answer::Level(3)),
            ("A.2.4", Answer::Level(0)),
            ("9.2.1", Answer::Level(3)),
            ("9.2.2", Answer::Level(0)),
        ],
    );
    let found = checks(&q, &p, &a);
    let items: Vec<Vec<String>> = found.iter().map(|c| c.items.clone()).collect();
    assert_eq!(items, vec![vec!["A.2.2", "A.2.4"], vec!["9.2.1", "9.2.2"]]);
    assert_eq!(
        found[0].text,
        "A.2.2 AI policy is at level 3, but A.2.4 Review of the AI policy is at level 0: a policy counted as reviewed needs its review to exist."
    );
    assert!(
        found[1].text.contains("audit programme"),
        "{}",
        found[1].text
    );
    // One step below the threshold is not flagged.
    let a = answers(
        &q,
        2,
        &[("A.2.2", Answer::Level(2)), ("A.2.4", Answer::Level(0))],
    );
    assert_eq!(checks(&q, &p, &a), vec![]);
}

#[test]
fn not_applicable_where_the_profile_says_the_control_applies() {
    let q = questionnaire("iso42001-full", Lang::En);
    let na = Answer::NotApplicable("We only buy AI".into());
    let a = answers(&q, 2, &[("A.6.2.4", na.clone()), ("A.10.3", na)]);
    let developer = checks(&q, &profile(&[AiRole::Develops]), &a);
    assert_eq!(developer.len(), 1);
    assert_eq!(developer[0].items, ["A.6.2.4"]);
    assert!(developer[0]
        .text
        .contains("the organisation develops or trains AI systems"));
    let user = checks(&q, &profile(&[AiRole::Uses]), &a);
    assert_eq!(user.len(), 1);
    assert_eq!(user[0].items, ["A.10.3"]);
    assert!(checks(&q, &profile(&[AiRole::Partner]), &a).is_empty());
}

#[test]
fn a_questionnaire_without_one_of_the_pair_is_not_checked_for_it() {
    let q = questionnaire("iso42001-quick-scan", Lang::En);
    assert!(q.item("A.2.4").is_none() && q.item("5.2").is_some());
    let a = answers(&q, 3, &[]);
    assert_eq!(checks(&q, &profile(&[AiRole::Uses]), &a), vec![]);
}

#[test]
fn gaps_come_blockers_first_with_the_next_level_and_the_documents_to_ask_for() {
    let q = questionnaire("iso42001-full", Lang::En);
    let p = profile(&[AiRole::Uses]);
    let a = answers(
        &q,
        2,
        &[
            ("4.1", Answer::Level(1)),
            ("4.3", Answer::Level(0)),
            ("A.8.2", Answer::DontKnow),
            ("A.7.4", Answer::NotApplicable("Vendor data only".into())),
        ],
    );
    let found = checks(&q, &p, &a);
    let list = gaps(&q, &p, &a, &found);
    let ids: Vec<&str> = list.iter().map(|g| g.item.id.as_str()).collect();
    assert_eq!(
        ids,
        ["4.3", "4.1", "A.8.2"],
        "blockers first; N/A and at-gate items are no gaps"
    );
    let scope = &list[0];
    assert_eq!(scope.status, ItemStatus::Level(0));
    assert_eq!(scope.next, Some((1, scope.item.levels[1].as_str())));
    assert!(
        !scope.documents.is_empty(),
        "the scope statement is a document"
    );
    assert_eq!(
        list[2].next.map(|(l, _)| l),
        Some(q.scale.gate_level),
        "unknown: evidence at the gate level"
    );
}

#[test]
fn the_sheet_lists_each_gap_with_what_to_ask_and_the_answers_to_check() {
    let q = questionnaire("iso42001-full", Lang::En);
    let p = profile(&[AiRole::Uses]);
    let a = answers(
        &q,
        2,
        &[("9.2.1", Answer::Level(3)), ("9.2.2", Answer::Level(0))],
    );
    let md = adviser_sheet::markdown(&q, &p, &a, &Default::default(), TODAY);
    assert!(
        md.starts_with("# Adviser's sheet: ISO/IEC 42001 full assessment\n"),
        "{md}"
    );
    assert!(md.contains("## Gaps (1)"), "{md}");
    let gap = md
        .split("### 9.2.2 Internal audit programme (certification blocker)")
        .nth(1)
        .expect(&md);
    assert!(gap.contains("- Now: 0 "), "{gap}");
    assert!(gap.contains("- Ask: "), "{gap}");
    assert!(gap.contains("- Evidence for level 1: "), "{gap}");
    // Escaped so no renderer reads "9." as a list number.
    assert!(
        gap.contains("- Check: 9\\.2.1 General is at level 3, but 9.2.2"),
        "{gap}"
    );
    assert!(
        md.contains("## Answers to check\n\n- 9\\.2.1 General"),
        "{md}"
    );

    let german = questionnaire("iso42001-full", Lang::De);
    let md = adviser_sheet::markdown(
        &german,
        &p,
        &answers(&german, 2, &[]),
        &Default::default(),
        TODAY,
    );
    assert!(md.starts_with("# Beratungsblatt: "), "{md}");
    assert!(md.contains("Keine Antwort"), "{md}");
}

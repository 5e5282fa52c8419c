//! Share links: round trips, link length for a complete full assessment, and bad links refused without panics.

mod common;

use aims_readiness::domain::share::{self, MAX_LINK_CHARS};
use aims_readiness::domain::{
    AiRole, Answer, Certification, HighRisk, Profile, Questionnaire, SizeBand,
};
use common::{all_at, catalogue, questionnaire, quick_scan};
use std::fs;
use std::path::Path;
use std::rc::Rc;

fn profile() -> Profile {
    Profile {
        size: Some(SizeBand::Enterprise),
        roles: [AiRole::Uses, AiRole::Provides].into(),
        systems: 42,
        certifications: Some([Certification::Iso27001, Certification::Iso27701].into()),
        high_risk: Some(HighRisk::NotSure),
        target_date: aims_readiness::domain::date::Date::parse("2027-09-30"),
    }
}

/// A complete full assessment: every item answered, mixing levels, don't know and N/A.
fn complete_full() -> (Rc<Questionnaire>, aims_readiness::domain::Answers) {
    let q = Rc::new(questionnaire("iso42001-full.json"));
    let mut answers = all_at(&q, 0);
    let user = Profile {
        roles: [AiRole::Uses].into(),
        ..profile()
    };
    for (n, item) in q.items().enumerate() {
        let answer = match (item.suggested_na(&user), n % 5) {
            (Some(why), _) => Answer::NotApplicable(why.to_string()),
            (None, 4) => Answer::DontKnow,
            (None, k) => Answer::Level(k as u8 % 4),
        };
        answers.set(&q, &item.id, answer).unwrap();
    }
    answers
        .set(
            &q,
            "A.5.5",
            Answer::NotApplicable(
                "Our only AI system is an internal spell checker with no societal reach.".into(),
            ),
        )
        .unwrap();
    (q, answers)
}

#[test]
fn a_complete_full_assessment_fits_in_a_short_link() {
    let (q, answers) = complete_full();
    let link = share::encode(&q, &profile(), &answers);
    let restored = share::decode(&format!("#{link}"), &catalogue()).unwrap();
    assert_eq!(restored.questionnaire.id, q.id);
    assert_eq!(restored.profile, profile());
    assert_eq!(restored.answers, answers);
    // 70 answers, the profile, eight suggested justifications by reference and one custom text.
    println!(
        "share link for a complete full assessment: {} characters after '#'",
        link.len()
    );
    assert!(link.len() < 200, "link is {} characters", link.len());

    let mut plain = answers.clone();
    plain.set(&q, "A.5.5", Answer::Level(1)).unwrap();
    let short = share::encode(&q, &profile(), &plain);
    println!("without a custom justification: {} characters", short.len());
    assert!(short.len() < 100);
}

#[test]
fn an_empty_assessment_and_the_quick_scan_round_trip_too() {
    let q = Rc::new(quick_scan());
    let empty = share::encode(&q, &Profile::default(), &Default::default());
    let r = share::decode(&empty, &catalogue()).unwrap();
    assert_eq!(r.profile, Profile::default());
    assert!(r.answers.is_empty());
    let all = all_at(&q, 3);
    let r = share::decode(&share::encode(&q, &profile(), &all), &catalogue()).unwrap();
    assert_eq!(r.answers, all);
}

fn bad_links() -> Vec<(&'static str, String, &'static str)> {
    let (q, answers) = complete_full();
    let good = share::encode(&q, &profile(), &answers);
    let body = good.strip_prefix(share::PREFIX).unwrap().to_string();
    let other = share::encode(
        &Rc::new(Questionnaire {
            id: "someone-else".into(),
            ..(*q).clone()
        }),
        &profile(),
        &answers,
    );
    let older = share::encode(
        &Rc::new(Questionnaire {
            version: "0.9.0".into(),
            ..(*q).clone()
        }),
        &profile(),
        &answers,
    );
    vec![
        ("no prefix", body.clone(), "does not contain shared results"),
        ("empty", share::PREFIX.to_string(), "damaged"),
        (
            "truncated",
            good[..good.len() / 2].to_string(),
            "ends too early",
        ),
        (
            "one character cut",
            good[..good.len() - 1].to_string(),
            "damaged",
        ),
        ("extra data", format!("{good}AAAA"), "extra data"),
        (
            "bad characters",
            format!("{}%3Cscript%3E", share::PREFIX),
            "characters a link never has",
        ),
        (
            "spaces",
            format!("{} {}", share::PREFIX, body),
            "characters a link never has",
        ),
        ("other questionnaire", other, "does not have"),
        ("older version", older, "version 0.9.0"),
        (
            "huge",
            format!("{}{}", share::PREFIX, "A".repeat(MAX_LINK_CHARS + 1)),
            "far more",
        ),
        (
            "wrong format",
            format!("{}{}", share::PREFIX, "Ag"),
            "unknown link format",
        ),
    ]
}

#[test]
fn bad_links_are_refused_with_a_reason() {
    for (name, link, fragment) in bad_links() {
        let err = share::decode(&link, &catalogue()).expect_err(name);
        assert!(err.to_string().contains(fragment), "{name}: {err}");
    }
}

#[test]
fn tampered_answer_codes_and_markup_are_refused() {
    let q = Rc::new(quick_scan());
    let mut answers = all_at(&q, 1);
    answers
        .set(&q, "A.7.4", Answer::NotApplicable("<b>not ours</b>".into()))
        .unwrap();
    let link = share::encode(&q, &profile(), &answers);
    let err = share::decode(&link, &catalogue()).unwrap_err().to_string();
    assert!(err.contains("not plain text"), "{err}");
    // N/A on a clause item cannot be produced by the app, but a hand-made link can try.
    let mut clause_na = all_at(&q, 1);
    clause_na.insert_unchecked("4.1", Answer::NotApplicable("no".into()));
    let err = share::decode(&share::encode(&q, &profile(), &clause_na), &catalogue())
        .unwrap_err()
        .to_string();
    assert!(err.contains("never be not applicable"), "{err}");
}

#[test]
fn the_share_corpus_never_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/share");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        for (name, link, _) in bad_links() {
            if link.len() <= 4096 {
                fs::write(dir.join(format!("{}.txt", name.replace(' ', "-"))), link).unwrap();
            }
        }
    }
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let text = String::from_utf8_lossy(&fs::read(entry.unwrap().path()).unwrap()).to_string();
        assert!(share::decode(&text, &catalogue()).is_err());
        count += 1;
    }
    assert!(
        count >= 10,
        "refresh the corpus with UPDATE_SNAPSHOTS=1 cargo test --test share"
    );
}

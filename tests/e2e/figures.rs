//! Prints the domain's scores and roadmap for a browser-test fixture as JSON (used by the end-to-end tests).
//!
//! Usage: `cargo run -p aims-domain --example figures -- tests/e2e/fixtures/<name>.json [language]`
//! (the language, `en` by default, only changes the band's wording).

use aims_domain::figures::roadmap::Roadmap;
use aims_domain::figures::scoring::Assessment;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::{Answer, Answers, Profile, Questionnaire};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Fixture {
    questionnaire: String,
    profile: Profile,
    answers: BTreeMap<String, Value>,
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: figures <fixture.json>");
    let lang = std::env::args()
        .nth(2)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let fixture: Fixture = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let text = std::fs::read_to_string(format!("{root}/questionnaires/{}", fixture.questionnaire))
        .unwrap();
    let q = Questionnaire::parse(&text).unwrap();
    let mut answers = Answers::default();
    for (id, value) in &fixture.answers {
        let answer = match value {
            Value::Number(n) => Answer::Level(n.as_u64().unwrap() as u8),
            Value::String(s) if s == "dont_know" => Answer::DontKnow,
            Value::Object(o) => {
                Answer::NotApplicable(o["not_applicable"].as_str().unwrap().to_string())
            }
            other => panic!("{id}: cannot read answer {other}"),
        };
        answers.set(&q, id, answer).unwrap();
    }
    let a = Assessment::compute(&q, &fixture.profile, &answers);
    // The roadmap's weeks do not depend on the date; only a target date would.
    let r = Roadmap::plan(
        &q,
        &fixture.profile,
        &answers,
        Date::parse("2026-01-01").unwrap(),
    );
    let out = json!({
        "overall": a.percent(),
        "band": a.band.label(lang),
        "points": a.points,
        "max_points": a.max_points,
        "applicable": a.applicable,
        "answered": a.answered,
        "sections": a.sections.iter().filter(|s| s.applicable > 0).map(|s| json!({
            "id": s.id,
            "percent": s.percent(),
            "maturity_tenths": s.maturity_tenths(),
            "points": s.points,
            "max_points": s.max_points,
            "answered": s.answered,
            "applicable": s.applicable,
            "not_applicable": s.not_applicable,
            "dont_know": s.dont_know,
        })).collect::<Vec<_>>(),
        "blockers": a.blockers.iter().map(|b| b.id.clone()).collect::<Vec<_>>(),
        "unknowns": a.unknowns.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(),
        "total_weeks": r.total_weeks,
        "phases": r.phases.iter().map(|p| json!({
            "number": p.phase.number(),
            "start_week": p.start_week,
            "end_week": p.end_week,
            "weeks": p.weeks,
            "tasks": p.tasks.iter().map(|t| t.item_id.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}

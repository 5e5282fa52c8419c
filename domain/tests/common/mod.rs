//! Shared helpers for the native integration tests: loading questionnaires and building answers.

#![allow(dead_code)]

pub mod tab;

use aims_domain::{Answer, Answers, Questionnaire};
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub fn questionnaire(file: &str) -> Questionnaire {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("questionnaires")
        .join(file);
    Questionnaire::parse(&fs::read_to_string(path).unwrap()).unwrap()
}

pub fn quick_scan() -> Questionnaire {
    questionnaire("iso42001-quick-scan.json")
}

/// Answers from a compact list: "0".."3" for levels, "?" for don't know, "na:<why>" for not applicable.
pub fn answers(q: &Questionnaire, list: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::default();
    for (id, code) in list {
        let answer = match *code {
            "?" => Answer::DontKnow,
            na if na.starts_with("na:") => Answer::NotApplicable(na[3..].to_string()),
            level => Answer::Level(level.parse().unwrap()),
        };
        answers
            .set(q, id, answer)
            .unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    answers
}

/// Every item of the questionnaire answered with the same level.
pub fn all_at(q: &Questionnaire, level: u8) -> Answers {
    let mut answers = Answers::default();
    for item in q.items() {
        answers.set(q, &item.id, Answer::Level(level)).unwrap();
    }
    answers
}

/// Both built-in questionnaires, as the decoders see the catalogue.
pub fn catalogue() -> Vec<Rc<Questionnaire>> {
    vec![
        Rc::new(quick_scan()),
        Rc::new(questionnaire("iso42001-full.json")),
    ]
}

/// Every Rust file below `dir`, recursively.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A complete organisation profile of this size and these roles (no certification, nothing
/// high-risk or prohibited, two AI systems).
pub fn profile(size: aims_domain::SizeBand, roles: &[aims_domain::AiRole]) -> aims_domain::Profile {
    aims_domain::Profile {
        size: Some(size),
        roles: roles.iter().copied().collect(),
        systems: 2,
        certifications: Some(Default::default()),
        high_risk: Some(aims_domain::HighRisk::No),
        prohibited: Some(aims_domain::model::profile::Screening::No),
        eu_roles: Default::default(),
        target_date: None,
        capacity: None,
    }
}

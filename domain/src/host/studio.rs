//! The host studio's previews: for each readiness band, the share-link fragment of sample answers
//! that reach it, so the studio (dist/host-studio.html) can show every result page a host writes
//! a message for. Computed at build time (build.rs); nothing of it is in the wasm.

use std::rc::Rc;

use crate::figures::scoring::{Assessment, Band};
use crate::formats::share;
use crate::model::answers::{Answer, Answers};
use crate::model::profile::{AiRole, Certification, HighRisk, Profile, Screening, SizeBand};
use crate::model::questionnaire::Questionnaire;

/// A band, its questionnaire, the level of every answer, and the items (by id prefix) set otherwise.
type Sample = (Band, &'static str, u8, &'static [(&'static str, u8)]);

const SAMPLES: [Sample; 6] = [
    (Band::EarlyStage, "iso42001-full", 0, &[]),
    (Band::NotReady, "iso42001-full", 1, &[]),
    // A quick scan never confirms readiness: all at the top, it is indicative.
    (Band::Indicative, "iso42001-quick-scan", 3, &[]),
    // The audit programme planned, no audit yet: ready for stage 1 only.
    (Band::Stage1Ready, "iso42001-full", 3, &[("9.2.2", 1)]),
    (Band::NearlyReady, "iso42001-full", 2, &[]),
    (Band::AuditReady, "iso42001-full", 3, &[("A.6.", 2)]),
];

/// A small organisation that develops and uses AI, one system, no certification, no high risk.
pub fn sample_profile() -> Profile {
    Profile {
        size: Some(SizeBand::Small),
        roles: [AiRole::Develops, AiRole::Uses].into(),
        systems: 1,
        certifications: Some(std::collections::BTreeSet::<Certification>::new()),
        high_risk: Some(HighRisk::No),
        prohibited: Some(Screening::No),
        ..Profile::default()
    }
}

/// The sample answers for `band` in `q` (any band's sample if `q` is not the one it uses).
pub fn sample_answers(q: &Questionnaire, band: Band) -> Option<Answers> {
    let (_, id, level, overrides) = SAMPLES.iter().find(|s| s.0 == band && s.1 == q.id)?;
    let mut answers = Answers::default();
    for item in q.items() {
        let level = overrides
            .iter()
            .find(|(prefix, _)| item.id.starts_with(prefix))
            .map_or(*level, |(_, l)| *l);
        answers.set(q, &item.id, Answer::Level(level)).ok()?;
    }
    debug_assert_eq!(q.id, *id);
    Some(answers)
}

/// Each band with the share fragment of answers that reach it (only those that do).
pub fn samples(questionnaires: &[Rc<Questionnaire>]) -> Vec<(Band, String)> {
    let profile = sample_profile();
    SAMPLES
        .iter()
        .filter_map(|(band, id, _, _)| {
            let q = questionnaires.iter().find(|q| q.id == *id)?;
            let answers = sample_answers(q, *band)?;
            (Assessment::compute(q, &profile, &answers).band == *band)
                .then(|| (*band, share::encode(q, &profile, &answers)))
        })
        .collect()
}

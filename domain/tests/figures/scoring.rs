//! A section's figures one by one, on a hand-made answer set, and the bands' names: what the
//! screens, the reports and the host's messages per band read.

use crate::common::{self, answers, quick_scan};

use aims_domain::figures::scoring::{Assessment, Band};
use aims_domain::model::i18n::Lang;
use aims_domain::{AiRole, SizeBand};

#[test]
fn a_section_counts_its_answers_by_kind() {
    let q = quick_scan();
    let p = common::profile(SizeBand::Medium, &[AiRole::Uses]);
    let clause_4: Vec<&str> = q.sections[0].items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(q.sections[0].id, "4");
    assert!(clause_4.len() >= 2, "{clause_4:?}");
    let annex = q
        .sections
        .iter()
        .find(|s| s.id == "A.10")
        .expect("the quick scan asks about A.10");
    let a = answers(
        &q,
        &[
            (clause_4[0], "?"),
            (clause_4[1], "2"),
            (&annex.items[0].id, "na:we buy no AI"),
        ],
    );
    let scores = Assessment::compute(&q, &p, &a).sections;
    let four = scores.iter().find(|s| s.id == "4").unwrap();
    assert_eq!(
        (
            four.applicable,
            four.answered,
            four.dont_know,
            four.not_applicable
        ),
        (clause_4.len(), 2, 1, 0)
    );
    // "Don't know" weighs in with no points: it counts as not in place.
    let (unknown, known) = (q.sections[0].items[0].weight, q.sections[0].items[1].weight);
    assert_eq!((four.points, four.weight_sum), (2 * known, unknown + known));
    let ten = scores.iter().find(|s| s.id == "A.10").unwrap();
    assert_eq!((ten.answered, ten.dont_know, ten.not_applicable), (1, 0, 1));
}

#[test]
fn every_band_has_its_own_key_and_words_in_every_language() {
    let bands = [
        Band::EarlyStage,
        Band::NotReady,
        Band::Indicative,
        Band::Stage1Ready,
        Band::NearlyReady,
        Band::AuditReady,
    ];
    // The keys are a contract: host.json's messages per band and the page's data-band use them.
    assert_eq!(
        bands.map(Band::key),
        [
            "early-stage",
            "not-ready",
            "indicative",
            "stage1-ready",
            "nearly-ready",
            "audit-ready"
        ]
    );
    // Only the bands from stage 1 ready up confirm a stage (the matrix checks a short
    // questionnaire never reaches one).
    assert_eq!(
        bands.map(Band::is_confirmed),
        [false, false, false, true, true, true]
    );
    assert_eq!(
        Band::AuditReady.label(Lang::En),
        "Ready to plan a certification audit"
    );
    for lang in Lang::ALL {
        let mut labels: Vec<&str> = bands.iter().map(|b| b.label(lang)).collect();
        assert!(labels.iter().all(|l| l.len() > 10), "{lang:?}: {labels:?}");
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), bands.len(), "{lang:?}: two bands read alike");
    }
}

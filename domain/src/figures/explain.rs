//! The sentences that explain a result, built from the questionnaire and the formula's own
//! constants (weights, bands, thresholds, the gate and its stages), so a custom questionnaire
//! explains itself correctly and the screen, the printed report and the Markdown report agree.

use crate::figures::scoring::{Assessment, Band, BlockerReason, Cap, OpenBlocker, BAND_THRESHOLDS};
use crate::model::i18n::{msg, plural, Lang};
use crate::model::questionnaire::Questionnaire;
use crate::model::standard::Stage;

/// The name of the level a certification blocker must reach, as it reads inside a sentence.
pub fn gate_label(q: &Questionnaire) -> String {
    q.scale.levels[usize::from(q.scale.gate_level)]
        .label
        .to_lowercase()
}

/// Why a blocker blocks, when it is not simply below the gate level (that one the screen and
/// the reports word with the item's status).
pub fn blocker_reason(q: &Questionnaire, b: &OpenBlocker, lang: Lang) -> Option<String> {
    match b.reason {
        BlockerReason::BelowGate => None,
        BlockerReason::NotPlanned => Some(lang.f(
            msg!("A stage 1 audit checks that internal audits and management reviews are at least planned (\"{level}\")."),
            &[("level", &q.scale.levels[1.min(q.scale.levels.len() - 1)].label.to_lowercase())],
        )),
        BlockerReason::TiedExclusion { clause } => Some(lang.f(
            msg!("It is excluded, but clause {clause} rests on it and always applies: include it."),
            &[("clause", &clause)],
        )),
    }
}

/// Why the band is below what the average alone would give, if it is.
pub fn cap_text(q: &Questionnaire, a: &Assessment, lang: Lang) -> Option<String> {
    if !a.is_capped() {
        return None;
    }
    let band = a.uncapped_band.label(lang);
    let gate = gate_label(q);
    let count = |stage: Stage| a.blockers.iter().filter(|b| b.stage == stage).count() as u64;
    Some(match a.cap? {
        Cap::Stage1Blocker => lang.n(
            count(Stage::One),
            plural!("The average alone would read \"{band}\", but {n} stage 1 blocker must reach \"{gate}\" first: without it a stage 1 audit would find the documented system incomplete.",
            "The average alone would read \"{band}\", but {n} stage 1 blockers must reach \"{gate}\" first: without them a stage 1 audit would find the documented system incomplete."),
            &[("band", &band), ("gate", &gate)],
        ),
        Cap::Stage2Blocker => lang.n(
            count(Stage::Two),
            plural!("The average alone would read \"{band}\". The records a stage 1 audit reviews are in place, but {n} stage 2 blocker must reach \"{gate}\" before the stage 2 audit.",
            "The average alone would read \"{band}\". The records a stage 1 audit reviews are in place, but {n} stage 2 blockers must reach \"{gate}\" before the stage 2 audit."),
            &[("band", &band), ("gate", &gate)],
        ),
        Cap::NotAsked => {
            let ids: Vec<&str> = a.not_asked.iter().map(|(id, _)| *id).collect();
            lang.n(
                ids.len() as u64,
                plural!("The answers point to \"{band}\", but this questionnaire did not ask about {n} record an auditor needs ({items}). Run the full assessment to confirm.",
                "The answers point to \"{band}\", but this questionnaire did not ask about {n} records an auditor needs ({items}). Run the full assessment to confirm."),
                &[("band", &band), ("items", &ids.join(", "))],
            )
        }
        Cap::BroadExclusions => lang.f(
            msg!("The average alone would read \"{band}\", but {excluded} of the {applicable} Annex A controls that apply to the organisation are excluded. Auditors challenge broad exclusions: each needs a risk assessment showing no risk the control would treat."),
            &[("band", &band), ("excluded", &a.excluded.len()), ("applicable", &a.annex_applicable)],
        ),
    })
}

/// How the score was computed, one sentence per rule, with this questionnaire's figures.
pub fn method(q: &Questionnaire, a: &Assessment, lang: Lang) -> Vec<String> {
    let top = q.scale.top();
    let weights = |blockers: bool| {
        let mut w: Vec<u32> = q
            .items()
            .filter(|i| i.blocker == blockers)
            .map(|i| i.weight)
            .collect();
        crate::model::order::sort(&mut w);
        w.dedup();
        w.iter().map(u32::to_string).collect::<Vec<_>>().join("/")
    };
    let percent = |p: u32| lang.percent(p);
    let [(t1, _), (t2, _), (t3, _)] = BAND_THRESHOLDS;
    let gate = gate_label(q);
    let blockers = |stage: Stage| {
        q.items()
            .filter(|i| i.gate == Some(stage))
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![
        lang.f(
            msg!("Each question earns its weight × the level chosen, out of weight × {top} (the top level). Certification blockers weigh {blocker}, other questions {other}."),
            &[("top", &top), ("blocker", &weights(true)), ("other", &weights(false))],
        ),
        lang.t(msg!("\"Don't know\" and unanswered questions earn 0 points: nothing that cannot be shown is credited. \"Not applicable\" (Annex A only, with a justification) and questions that do not apply to the organisation's profile are left out entirely.")).to_string(),
        lang.f(
            msg!("A section's score is its points divided by its maximum; its maturity is its points divided by the sum of its weights, on the 0-{top} scale."),
            &[("top", &top)],
        ),
        lang.f(
            msg!("Overall readiness: {points} of {max} points = {percent}."),
            &[
                ("points", &a.points),
                ("max", &a.max_points),
                ("percent", &a.percent().map_or(lang.t(msg!("n/a")).to_string(), percent)),
            ],
        ),
        lang.f(
            msg!("Bands by the average: below {t1} \"{b0}\"; from {t1} \"{b1}\"; from {t2} \"{b2}\"; from {t3} \"{b3}\"."),
            &[
                ("t1", &percent(t1)),
                ("t2", &percent(t2)),
                ("t3", &percent(t3)),
                ("b0", &Band::EarlyStage.label(lang)),
                ("b1", &Band::NotReady.label(lang)),
                ("b2", &Band::NearlyReady.label(lang)),
                ("b3", &Band::AuditReady.label(lang)),
            ],
        ),
        lang.f(
            msg!("Readiness gate, stage 1: if a record the stage 1 audit reviews ({items}) is below \"{gate}\", the band is at most \"{band}\"."),
            &[("items", &blockers(Stage::One)), ("gate", &gate), ("band", &Band::NotReady.label(lang))],
        ),
        lang.f(
            msg!("Readiness gate, stage 2: if a record the stage 2 audit samples ({items}) is below \"{gate}\", the band is at most \"{band}\"."),
            &[("items", &blockers(Stage::Two)), ("gate", &gate), ("band", &Band::Stage1Ready.label(lang))],
        ),
    ];
    if !a.not_asked.is_empty() {
        let ids: Vec<&str> = a.not_asked.iter().map(|(id, _)| *id).collect();
        lines.push(lang.f(
            msg!(
                "This questionnaire does not ask about {items}, so the band is at most \"{band}\"."
            ),
            &[
                ("items", &ids.join(", ")),
                ("band", &Band::Indicative.label(lang)),
            ],
        ));
    }
    lines
}

//! The summary a report opens with and the hand-off mail carries: the readiness and its band,
//! the open certification blockers, the first actions of the roadmap and its timeline.

use crate::figures::roadmap::Roadmap;
use crate::figures::scoring::Assessment;
use crate::figures::text::percent_text;
use crate::model::i18n::{msg, Lang};
use crate::model::questionnaire::Questionnaire;

/// How many of the roadmap's first tasks the summary names.
pub const FIRST_ACTIONS: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// "ISO/IEC 42001 quick scan, version 2.0.0: overall readiness 49%, "Not ready…"."
    pub readiness: String,
    /// The open blockers by id, or that none is open.
    pub blockers: String,
    /// The roadmap's first tasks, each "<item> <task>".
    pub actions: Vec<String>,
    /// The roadmap in one sentence (its length and effort).
    pub timeline: String,
    /// "Phase 1: Assessment and planning (weeks 1-3)", one per phase with work.
    pub phases: Vec<String>,
}

pub fn summary(q: &Questionnaire, a: &Assessment, r: &Roadmap, lang: Lang) -> Summary {
    let readiness = lang.f(
        msg!("{title}, version {version}: overall readiness {overall}, \"{band}\"."),
        &[
            ("title", &q.title),
            ("version", &q.version),
            ("overall", &percent_text(a.percent(), lang)),
            ("band", &a.band.label(lang)),
        ],
    );
    let blockers = if a.blockers.is_empty() {
        lang.t(msg!("No certification blocker is open."))
            .to_string()
    } else {
        let ids: Vec<&str> = a.blockers.iter().map(|b| b.id.as_str()).collect();
        lang.f(
            msg!("Certification blockers ({n}): {items}."),
            &[("n", &ids.len()), ("items", &ids.join(", "))],
        )
    };
    let actions = r
        .tasks()
        .take(FIRST_ACTIONS)
        .map(|t| match t.item_id.as_str() {
            "" => t.text.clone(),
            id => format!("{id} {}", t.text),
        })
        .collect();
    let phases = r
        .phases
        .iter()
        .filter(|p| p.weeks > 0)
        .map(|p| {
            lang.f(
                msg!("Phase {n}: {title} (weeks {from}-{to})"),
                &[
                    ("n", &p.phase.number()),
                    ("title", &p.phase.title(lang)),
                    ("from", &p.start_week),
                    ("to", &p.end_week),
                ],
            )
        })
        .collect();
    Summary {
        readiness,
        blockers,
        actions,
        timeline: r.headline(lang),
        phases,
    }
}

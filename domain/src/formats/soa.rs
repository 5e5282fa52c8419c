//! The draft Statement of Applicability, CSV: every Annex A control, included or excluded, with why.

use crate::figures::scoring::ItemStatus;
use crate::figures::text::{status_text, yes_no};
use crate::formats::write::{csv, csv_id, header, note};
use crate::model::answers::Answers;
use crate::model::answers::Notes;
use crate::model::i18n::{msg, Lang};
use crate::model::profile::Profile;
use crate::model::questionnaire::{Item, Questionnaire};

/// Why an Annex A control is included for this organisation, from its answer: implemented (it
/// treats the AI risks of the systems in the first scope), planned, or not yet assessed.
fn inclusion_reason(
    item: &Item,
    status: &ItemStatus,
    profile: &Profile,
    gate: u8,
    lang: Lang,
) -> String {
    let systems = crate::figures::roadmap::systems_in_first_scope(profile);
    let text = match status {
        ItemStatus::Level(l) if *l >= gate => msg!("Included: {title} is in place to treat the AI risks of the {n} AI systems in the first certification scope."),
        ItemStatus::Level(_) => msg!("Included: {title} is planned to treat the AI risks of the {n} AI systems in the first certification scope; confirm it with the risk assessment."),
        _ => msg!("Included until assessed: whether {title} is needed for the {n} AI systems in the first certification scope is not yet known; decide with the risk assessment."),
    };
    lang.f(text, &[("title", &item.title), ("n", &systems)])
}

/// Why the profile rules a control out: its title and the roles the organisation plays.
fn exclusion_reason(item: &Item, profile: &Profile, lang: Lang) -> String {
    let roles: Vec<&str> = profile.roles.iter().map(|r| r.label(lang)).collect();
    lang.f(
        msg!("Excluded: {title} concerns AI roles this organisation does not play; it says: {roles}."),
        &[("title", &item.title), ("roles", &roles.join("; "))],
    )
}

/// One control in the Statement of Applicability.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// Shown as a spreadsheet keeps it (see [`csv_id`]).
    pub shown_id: String,
    pub title: String,
    /// Included, excluded, or (not asked by a short questionnaire) not yet known.
    pub applicable: Option<bool>,
    pub justification: String,
    pub implementation: String,
    pub note: String,
}

/// All 38 Annex A controls of the standard, each included with a reason, excluded with its
/// justification, or (a short questionnaire) not assessed.
pub fn entries(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
) -> Vec<Entry> {
    let lang = q.lang();
    let mut out = Vec::new();
    for (id, reference_title) in crate::model::standard::CONTROLS {
        let Some(item) = q.item(id) else {
            out.push(Entry {
                id: id.to_string(),
                shown_id: id.to_string(),
                title: reference_title.to_string(),
                applicable: None,
                justification: lang
                    .t(msg!(
                        "Not asked by this questionnaire: decide with the full assessment."
                    ))
                    .into(),
                implementation: String::new(),
                note: String::new(),
            });
            continue;
        };
        let status = ItemStatus::of(item, profile, answers);
        let (applicable, justification) = match (&status, answers.get(&item.id)) {
            (ItemStatus::Hidden, _) => (false, exclusion_reason(item, profile, lang)),
            (_, Some(crate::model::answers::Answer::NotApplicable(why))) => (false, why.clone()),
            _ => (
                true,
                inclusion_reason(item, &status, profile, q.scale.gate_level, lang),
            ),
        };
        let implementation = match status {
            ItemStatus::Hidden | ItemStatus::NotApplicable | ItemStatus::NeedsJustification => {
                String::new()
            }
            other => status_text(q, &other),
        };
        out.push(Entry {
            id: item.id.clone(),
            shown_id: csv_id(item, lang),
            title: item.title.clone(),
            applicable: Some(applicable),
            justification,
            implementation,
            note: note(notes, &item.id),
        });
    }
    out
}

/// A draft Statement of Applicability as CSV: [`entries`], one row each.
pub fn statement_of_applicability(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
) -> String {
    let lang = q.lang();
    let mut rows = vec![header(
        lang,
        &[
            msg!("Control"),
            msg!("Title"),
            msg!("Applicable"),
            msg!("Justification"),
            msg!("Implementation status"),
            msg!("Note"),
        ],
    )];
    for e in entries(q, profile, answers, notes) {
        let applicable = match e.applicable {
            Some(yes) => yes_no(lang, yes),
            None => lang.t(msg!("Not assessed")).into(),
        };
        rows.push(vec![
            e.shown_id,
            e.title,
            applicable,
            e.justification,
            e.implementation,
            e.note,
        ]);
    }
    csv(&rows, lang)
}

//! The gap register, CSV: one row per applicable item, where it stands, the gap and its tasks.

use crate::figures::roadmap::{days_text, Roadmap};
use crate::figures::scoring::ItemStatus;
use crate::figures::text::{status_text, yes_no};
use crate::formats::write::{csv, csv_id, header, note};
use crate::model::answers::Answers;
use crate::model::answers::Notes;
use crate::model::i18n::msg;
use crate::model::profile::Profile;
use crate::model::questionnaire::{Questionnaire, SectionKind};

/// One row per applicable item: where it stands, the gap, and the roadmap's tasks for it.
pub fn gap_register(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    roadmap: &Roadmap,
) -> String {
    let lang = q.lang();
    let top = q.scale.top();
    let mut rows = vec![header(
        lang,
        &[
            msg!("Item"),
            msg!("Title"),
            msg!("Level"),
            msg!("Target"),
            msg!("Gap"),
            msg!("Blocker"),
            msg!("Actions"),
            msg!("Phase"),
            msg!("Effort (person-days)"),
            msg!("Note"),
        ],
    )];
    for item in q.items() {
        let status = ItemStatus::of(item, profile, answers);
        if status == ItemStatus::Hidden {
            continue;
        }
        let gap = match status {
            ItemStatus::Level(l) => (top - l).to_string(),
            ItemStatus::NotApplicable => String::new(),
            _ => top.to_string(),
        };
        let tasks: Vec<_> = roadmap.tasks().filter(|t| t.item_id == item.id).collect();
        let mut phases: Vec<u8> = tasks.iter().map(|t| t.phase.number()).collect();
        phases.dedup();
        rows.push(vec![
            csv_id(item, lang),
            item.title.clone(),
            status_text(q, &status),
            format!("{top} {}", q.scale.levels[usize::from(top)].label),
            gap,
            yes_no(lang, item.blocker),
            tasks
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            phases
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            days_text(tasks.iter().map(|t| t.effort).sum(), lang),
            note(notes, &item.id),
        ]);
    }
    // What this questionnaire did not ask about is listed too, so the register never looks
    // complete when it is not.
    let standard = crate::model::standard::CLAUSE_ITEMS
        .iter()
        .map(|(id, title)| (*id, *title, SectionKind::Clause))
        .chain(
            crate::model::standard::CONTROLS
                .iter()
                .map(|(id, title)| (*id, *title, SectionKind::Annex)),
        );
    for (id, title, kind) in standard.filter(|(id, _, _)| q.item(id).is_none()) {
        let shown = if kind == SectionKind::Clause {
            lang.f(msg!("Clause {id}"), &[("id", &id)])
        } else {
            id.to_string()
        };
        rows.push(vec![
            shown,
            title.to_string(),
            lang.t(msg!("Not assessed")).into(),
            String::new(),
            String::new(),
            yes_no(lang, crate::model::standard::gate_stage(id).is_some()),
            lang.t(msg!(
                "Not asked by this questionnaire: decide with the full assessment."
            ))
            .into(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    csv(&rows, lang)
}

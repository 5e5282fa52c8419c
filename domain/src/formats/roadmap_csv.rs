//! The roadmap as CSV: one row per task, with its phase, weeks and effort.

use crate::figures::roadmap::{days_text, Roadmap};
use crate::figures::text::reuse_text;
use crate::figures::text::yes_no;
use crate::formats::write::{csv, csv_id, header};
use crate::model::i18n::msg;
use crate::model::questionnaire::Questionnaire;

/// The roadmap as rows: one per task, with its phase and weeks.
pub fn roadmap_csv(q: &Questionnaire, roadmap: &Roadmap) -> String {
    let lang = q.lang();
    let mut rows = vec![header(
        lang,
        &[
            msg!("Phase"),
            msg!("Phase title"),
            msg!("Start week"),
            msg!("End week"),
            msg!("Item"),
            msg!("Title"),
            msg!("Task"),
            msg!("Blocker"),
            msg!("Effort (person-days)"),
            msg!("Reuses"),
        ],
    )];
    for phase in &roadmap.phases {
        for task in &phase.tasks {
            rows.push(vec![
                phase.phase.number().to_string(),
                phase.phase.title(lang).into(),
                phase.start_week.to_string(),
                phase.end_week.to_string(),
                q.item(&task.item_id)
                    .map_or_else(|| task.item_id.clone(), |i| csv_id(i, lang)),
                q.item(&task.item_id)
                    .map_or(String::new(), |i| i.title.clone()),
                task.text.clone(),
                yes_no(lang, task.blocker),
                days_text(task.effort, lang),
                reuse_text(task.reuses, lang),
            ]);
        }
    }
    // The EU AI Act dates that bind the organisation: on their plan week when still ahead.
    for m in &roadmap.legal {
        let week = m.week.map_or(String::new(), |w| w.to_string());
        rows.push(vec![
            String::new(),
            crate::model::regulation::as_of(lang),
            week.clone(),
            week,
            String::new(),
            format!("{}; {}", m.duty.articles, m.duty.binds.label(lang)),
            m.text(lang),
            yes_no(lang, false),
            String::new(),
            String::new(),
        ]);
    }
    // After stage 2: the three-year certification cycle, as milestones without effort.
    for m in &roadmap.cycle {
        rows.push(vec![
            String::new(),
            lang.t(msg!("After certification")).into(),
            m.week.to_string(),
            m.week.to_string(),
            String::new(),
            String::new(),
            m.text(lang),
            yes_no(lang, false),
            String::new(),
            String::new(),
        ]);
    }
    csv(&rows, lang)
}

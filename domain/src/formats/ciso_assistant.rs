//! Import files for CISO Assistant (intuitem), the GRC tool many engagements continue in: an
//! audit of its ISO/IEC 42001:2023 library (one row per requirement, keyed by `urn` and
//! `ref_id`, clause 6.1's four items folded into its one 6.1 row) and applied controls from the
//! roadmap. Columns and values as its data wizard reads them (README, "CISO Assistant").

use crate::figures::roadmap::{person_days, Roadmap, Task};
use crate::figures::scoring::ItemStatus;
use crate::figures::text::status_text;
use crate::formats::saved::Snapshot;
use crate::formats::write::csv_for_import;
use crate::model::date::Date;
use crate::model::i18n::{msg, Lang};
use crate::model::questionnaire::{Item, Questionnaire};
use crate::model::standard::{CLAUSE_ITEMS, CONTROLS};

/// The library's requirement node for a ref_id (its urns spell Annex A in lower case).
pub fn urn(ref_id: &str) -> String {
    format!(
        "urn:intuitem:risk:req_node:iso42001-2023:{}",
        ref_id.to_ascii_lowercase()
    )
}

/// The library's assessable requirements, in its order: clauses 4-10 (6.1.1-6.1.4 as one 6.1),
/// then the 38 Annex A controls.
pub fn requirements() -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for (id, _) in CLAUSE_ITEMS.iter().chain(CONTROLS.iter()) {
        if id.starts_with("6.1.") {
            match out.last_mut() {
                Some(("6.1", parts)) => parts.push(id),
                _ => out.push(("6.1", vec![id])),
            }
        } else {
            out.push((id, vec![id]));
        }
    }
    out
}

/// The audit: per requirement its result, "in review" (self-assessed answers), a score on the
/// library's 0-5 scale and, as observations, the answers with their notes and justifications.
pub fn audit(q: &Questionnaire, s: &Snapshot, today: Date) -> String {
    let of = (q, s);
    let lang = q.lang();
    let mut rows = vec![[
        "urn",
        "assessable",
        "ref_id",
        "name",
        "compliance_result",
        "requirement_progress",
        "score",
        "observations",
    ]
    .map(String::from)
    .to_vec()];
    let source = lang.f(
        msg!("Self-assessed with the {title} (version {version}) on {date}; not an audit."),
        &[
            ("title", &q.title),
            ("version", &q.version),
            ("date", &lang.date(today)),
        ],
    );
    for (ref_id, parts) in requirements() {
        let items: Vec<&Item> = parts.iter().filter_map(|id| q.item(id)).collect();
        let name = if ref_id == "6.1" {
            String::new()
        } else {
            title(ref_id)
        };
        let (result, score, observations) = if items.is_empty() {
            (String::new(), String::new(), String::new())
        } else {
            assessed(of, &items, &source)
        };
        let progress = if items.is_empty() { "" } else { "in_review" };
        rows.push(vec![
            urn(ref_id),
            "True".into(),
            ref_id.into(),
            name,
            result,
            progress.into(),
            score,
            observations,
        ]);
    }
    csv_for_import(&rows)
}

fn title(id: &str) -> String {
    if id == "6.1" {
        // A heading in the standard, assessed through 6.1.1-6.1.4 here.
        return "Actions to address risks and opportunities".into();
    }
    CLAUSE_ITEMS
        .iter()
        .chain(CONTROLS.iter())
        .find(|(i, _)| *i == id)
        .map_or(String::new(), |(_, t)| (*t).to_string())
}

/// The result, score and observations of the questionnaire's items for one requirement: the
/// weakest answer decides the result and score; each answer is listed.
fn assessed(
    of: (&Questionnaire, &Snapshot),
    items: &[&Item],
    source: &str,
) -> (String, String, String) {
    let (q, s) = of;
    let lang = q.lang();
    let statuses: Vec<ItemStatus> = items
        .iter()
        .map(|i| ItemStatus::of(i, &s.profile, &s.answers))
        .collect();
    let weakest = statuses
        .iter()
        .min_by_key(|st| match st {
            ItemStatus::Level(l) => i32::from(*l),
            ItemStatus::Hidden | ItemStatus::NotApplicable => i32::MAX,
            _ => -1,
        })
        .cloned()
        .unwrap_or(ItemStatus::Unanswered);
    let top = u32::from(q.scale.top().max(1));
    let (result, score) = match weakest {
        ItemStatus::Level(0) => ("non_compliant", Some(0)),
        ItemStatus::Level(l) if l < q.scale.gate_level => ("partially_compliant", Some(l)),
        ItemStatus::Level(l) => ("compliant", Some(l)),
        ItemStatus::Hidden | ItemStatus::NotApplicable => ("not_applicable", None),
        _ => ("not_assessed", None),
    };
    // The library scores 0-5; our levels run 0-top: scaled and rounded.
    let score = score.map_or(String::new(), |l| {
        ((u32::from(l) * 10 + top) / (2 * top)).to_string()
    });
    let mut lines = vec![source.to_string()];
    for (item, status) in items.iter().zip(&statuses) {
        lines.push(format!(
            "{} {}: {}",
            item.id,
            item.title,
            answer_text(q, s, item, status, lang)
        ));
        if let Some(note) = s.notes.get(&item.id).filter(|n| !n.is_empty()) {
            lines.push(format!("{}: {note}", lang.t(msg!("Note"))));
        }
    }
    (result.into(), score, lines.join("\n"))
}

fn answer_text(
    q: &Questionnaire,
    s: &Snapshot,
    item: &Item,
    status: &ItemStatus,
    lang: Lang,
) -> String {
    match (status, s.answers.get(&item.id)) {
        (_, Some(crate::model::answers::Answer::NotApplicable(why))) if !why.is_empty() => {
            format!(
                "{}. {}: {why}",
                status_text(q, status),
                lang.t(msg!("Justification"))
            )
        }
        (ItemStatus::Hidden, _) => lang
            .t(msg!(
                "Does not apply to the AI roles in this organisation's profile."
            ))
            .into(),
        _ => status_text(q, status),
    }
}

/// The roadmap's tasks as applied controls: a name and the full task, a category, a priority
/// (1 for audit blockers, then by phase), the effort as XS-XL from person-days, and the dates
/// of the task's phase counted from `start`.
pub fn applied_controls(q: &Questionnaire, plan: &Roadmap, start: Date) -> String {
    let lang = q.lang();
    let mut rows = vec![[
        "ref_id",
        "name",
        "description",
        "category",
        "priority",
        "effort",
        "status",
        "start_date",
        "eta",
    ]
    .map(String::from)
    .to_vec()];
    for phase in &plan.phases {
        for (n, task) in phase.tasks.iter().enumerate() {
            let number = phase.phase.number();
            let priority = match (task.blocker, number) {
                (true, _) => 1,
                (false, 1 | 2) => 2,
                (false, 3) => 3,
                _ => 4,
            };
            let when = lang.f(
                msg!("Phase {n}: {title} (weeks {from}-{to})"),
                &[
                    ("n", &number),
                    ("title", &phase.phase.title(lang)),
                    ("from", &phase.start_week),
                    ("to", &phase.end_week),
                ],
            );
            let description = format!(
                "{}\n{when}. {}",
                task_name(task, usize::MAX),
                person_days(task.effort, lang)
            );
            rows.push(vec![
                format!("AIMS-{number}.{}", n + 1),
                task_name(task, 200),
                description,
                category(&task.item_id).into(),
                priority.to_string(),
                effort(task.effort).into(),
                "to_do".into(),
                start
                    .add_days(i64::from(phase.start_week.saturating_sub(1)) * 7)
                    .to_string(),
                start
                    .add_days(i64::from(phase.end_week) * 7 - 1)
                    .to_string(),
            ]);
        }
    }
    csv_for_import(&rows)
}

/// "6.1.2 Run the AI risk assessment…", at most `max` characters (the tool's name field
/// holds 200); the description always has the whole task.
fn task_name(task: &Task, max: usize) -> String {
    let name = if task.item_id.is_empty() {
        task.text.clone()
    } else {
        format!("{} {}", task.item_id, task.text)
    };
    if name.chars().count() <= max {
        return name;
    }
    let mut cut: String = name.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// Policies (5.2, A.2), technical controls (the life cycle and data, A.6.2 and A.7), and
/// processes for everything else.
fn category(item: &str) -> &'static str {
    if item == "5.2" || item.starts_with("A.2.") {
        "policy"
    } else if item.starts_with("A.6.2.") || item.starts_with("A.7.") {
        "technical"
    } else {
        "process"
    }
}

/// The tool's effort sizes from person-days: under 1 XS, under 3 S, under 10 M, under 20 L,
/// else XL.
pub fn effort(tenths: u32) -> &'static str {
    match tenths {
        0..=9 => "XS",
        10..=29 => "S",
        30..=99 => "M",
        100..=199 => "L",
        _ => "XL",
    }
}

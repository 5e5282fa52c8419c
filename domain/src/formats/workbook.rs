//! The Excel workbook a consultant hands on: the summary, the gap register, the Statement of
//! Applicability with columns for its evidence, the dated roadmap and the evidence request
//! list, one sheet each, in the questionnaire's language (written by `formats::xlsx`).

use crate::figures::advice::{checks, gaps};
use crate::figures::roadmap::{Roadmap, TaskKind};
use crate::figures::scoring::{Assessment, ItemStatus};
use crate::figures::text::{organisation, reuse_text, status_text, yes_no};
use crate::formats::saved::Snapshot;
use crate::formats::xlsx::{self, Cell, Column};
use crate::model::date::Date;
use crate::model::i18n::{msg, Lang, Msg};
use crate::model::questionnaire::Questionnaire;
use crate::model::standard::{gate_stage, CONTROLS};

/// The workbook's bytes; the roadmap's dates count from `start`, the summary is dated `today`.
pub fn workbook(q: &Questionnaire, s: &Snapshot, start: Date, today: Date) -> Vec<u8> {
    let of = (q, s);
    let plan = Roadmap::plan(q, &s.profile, &s.answers, today);
    let sheets = [
        summary(of, today),
        gap_register(of, &plan),
        statement_of_applicability(of),
        roadmap(q, &plan, start),
        evidence_requests(of, &plan, start),
    ];
    xlsx::workbook(&sheets, &q.title)
}

/// What a sheet is made from: the questionnaire and the answers with profile and notes.
type Of<'a> = (&'a Questionnaire, &'a Snapshot);

fn columns(lang: Lang, names: &[(Msg, u8)]) -> Vec<Column> {
    names
        .iter()
        .map(|(name, width)| Column::new(lang.t(*name), *width))
        .collect()
}

fn table(name: Msg, lang: Lang, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> xlsx::Sheet {
    xlsx::Sheet {
        name: lang.t(name).into(),
        columns,
        rows,
        table: true,
        spare_rows: 0,
    }
}

fn text(value: impl Into<String>) -> Cell {
    let value = value.into();
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value)
    }
}

/// Person-days from tenths, as a number.
fn days(tenths: u32) -> Cell {
    Cell::Tenths(tenths.into())
}

/// The first day of plan week `week` (week 1 starts on `start`).
fn week_start(start: Date, week: u32) -> Date {
    start.add_days(i64::from(week.saturating_sub(1)) * 7)
}

/// The last day of plan week `week`.
fn week_end(start: Date, week: u32) -> Date {
    start.add_days(i64::from(week) * 7 - 1)
}

/// Profile, readiness, blockers and the maturity per clause and Annex A area.
fn summary(of: Of, today: Date) -> xlsx::Sheet {
    let (q, s) = of;
    let lang = q.lang();
    let a = Assessment::compute(q, &s.profile, &s.answers);
    let title = lang.f(
        msg!("{title} (version {version}), {date}."),
        &[
            ("title", &q.title),
            ("version", &q.version),
            ("date", &lang.date(today)),
        ],
    );
    let mut rows = vec![
        vec![text(lang.t(msg!("Indicative self-assessment based on the organisation's own answers. It is not an audit and not a statement of conformity.")))],
        vec![text(crate::model::regulation::as_of(lang))],
        vec![],
        vec![text(lang.t(msg!("Organisation")))],
    ];
    rows.extend(s.people.lines(lang).into_iter().map(|who| vec![text(who)]));
    for (label, value) in organisation(&s.profile, lang) {
        rows.push(vec![text(label), text(value)]);
    }
    rows.push(vec![]);
    let percent = a.percent().map_or(Cell::Empty, Cell::Percent);
    rows.push(vec![
        text(lang.t(msg!("Readiness"))),
        percent,
        text(a.band.label(lang)),
    ]);
    rows.push(vec![
        text(lang.t(msg!("Certification blockers"))),
        Cell::whole(a.blockers.len() as i64),
    ]);
    for b in &a.blockers {
        let why = crate::figures::explain::blocker_reason(q, b, lang)
            .unwrap_or_else(|| status_text(q, &b.status));
        rows.push(vec![
            text(&b.id),
            text(&b.title),
            text(why),
            text(b.stage.stops(lang)),
        ]);
    }
    rows.push(vec![]);
    let top = q.scale.top();
    rows.push(vec![
        text(lang.t(msg!("Section"))),
        text(lang.t(msg!("Title"))),
        text(lang.f(msg!("Maturity (0-{top})"), &[("top", &top)])),
        text(lang.t(msg!("Score"))),
        text(lang.t(msg!("Answered"))),
        text(lang.t(msg!("Applicable"))),
    ]);
    for x in a.sections.iter().filter(|x| x.applicable > 0) {
        rows.push(vec![
            text(&x.id),
            text(&x.title),
            x.maturity_tenths()
                .map_or(Cell::Empty, |t| Cell::Tenths(t.into())),
            x.percent().map_or(Cell::Empty, Cell::Percent),
            Cell::whole(x.answered as i64),
            Cell::whole(x.applicable as i64),
        ]);
    }
    xlsx::Sheet {
        name: lang.t(msg!("Summary")).into(),
        columns: vec![
            Column::new(lang.t(msg!("ISO/IEC 42001 readiness report")), 34),
            Column::new(title, 50),
            Column::new("", 30),
            Column::new("", 24),
            Column::new("", 12),
            Column::new("", 12),
        ],
        rows,
        table: false,
        spare_rows: 0,
    }
}

/// One row per applicable item: its answer, level against the target, gap, tasks and note;
/// then the standard's items this questionnaire did not ask about.
fn gap_register(of: Of, plan: &Roadmap) -> xlsx::Sheet {
    let (q, s) = of;
    let lang = q.lang();
    let top = q.scale.top();
    let mut rows = Vec::new();
    for item in q.items() {
        let status = ItemStatus::of(item, &s.profile, &s.answers);
        if status == ItemStatus::Hidden {
            continue;
        }
        let (level, gap) = match status {
            ItemStatus::Level(l) => (Cell::whole(l), Cell::whole(top - l)),
            ItemStatus::NotApplicable => (Cell::Empty, Cell::Empty),
            _ => (Cell::Empty, Cell::whole(top)),
        };
        let tasks: Vec<_> = plan.tasks().filter(|t| t.item_id == item.id).collect();
        let phase = tasks.iter().map(|t| t.phase.number()).min();
        let texts: Vec<&str> = tasks.iter().map(|t| t.text.as_str()).collect();
        rows.push(vec![
            text(&item.id),
            text(&item.title),
            text(status_text(q, &status)),
            level,
            Cell::whole(top),
            gap,
            text(yes_no(lang, item.blocker)),
            text(texts.join("\n")),
            phase.map_or(Cell::Empty, Cell::whole),
            days(tasks.iter().map(|t| t.effort).sum()),
            text(s.notes.get(&item.id).cloned().unwrap_or_default()),
        ]);
    }
    for (id, title) in not_asked(q) {
        let blocker = gate_stage(id).is_some();
        rows.push(vec![
            text(id),
            text(title),
            text(lang.t(msg!("Not assessed"))),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            text(yes_no(lang, blocker)),
            text(lang.t(msg!(
                "Not asked by this questionnaire: decide with the full assessment."
            ))),
        ]);
    }
    let columns = columns(
        lang,
        &[
            (msg!("Item"), 10),
            (msg!("Title"), 36),
            (msg!("Status"), 22),
            (msg!("Level"), 8),
            (msg!("Target"), 8),
            (msg!("Gap"), 8),
            (msg!("Blocker"), 9),
            (msg!("Actions"), 60),
            (msg!("Phase"), 8),
            (msg!("Effort (person-days)"), 12),
            (msg!("Note"), 40),
        ],
    );
    table(msg!("Gap register"), lang, columns, rows)
}

/// The standard's clause items and controls this questionnaire does not hold.
fn not_asked(q: &Questionnaire) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    crate::model::standard::CLAUSE_ITEMS
        .iter()
        .chain(CONTROLS.iter())
        .filter(|(id, _)| q.item(id).is_none())
        .copied()
}

/// Every Annex A control, included or excluded with why, and empty columns for its evidence,
/// the evidence's owner and when it was last checked: the draft becomes a working document.
fn statement_of_applicability(of: Of) -> xlsx::Sheet {
    let (q, s) = of;
    let lang = q.lang();
    let (included, excluded, unknown) = (
        lang.t(msg!("Included")).to_string(),
        lang.t(msg!("Excluded")).to_string(),
        lang.t(msg!("Not assessed")).to_string(),
    );
    let rows = crate::formats::soa::entries(q, &s.profile, &s.answers, &s.notes)
        .into_iter()
        .map(|e| {
            let applicable = match e.applicable {
                Some(true) => &included,
                Some(false) => &excluded,
                None => &unknown,
            };
            vec![
                text(e.id),
                text(e.title),
                text(applicable.as_str()),
                text(e.justification),
                text(e.implementation),
                text(e.note),
            ]
        })
        .collect();
    let mut columns = columns(
        lang,
        &[
            (msg!("Control"), 10),
            (msg!("Title"), 36),
            (msg!("Applicable"), 14),
            (msg!("Justification"), 60),
            (msg!("Implementation status"), 22),
            (msg!("Note"), 36),
            (msg!("Evidence"), 36),
            (msg!("Evidence owner"), 20),
            (msg!("Last checked"), 14),
        ],
    );
    columns[2].choices = vec![included, excluded, unknown];
    columns[8].dates = true;
    table(msg!("Statement of Applicability"), lang, columns, rows)
}

/// One row per task with its phase, dates from `start`, effort and blocker flag; then the
/// EU AI Act dates that bind the organisation and the certification cycle's milestones.
fn roadmap(q: &Questionnaire, plan: &Roadmap, start: Date) -> xlsx::Sheet {
    let lang = q.lang();
    let mut rows = Vec::new();
    for phase in &plan.phases {
        for task in &phase.tasks {
            rows.push(vec![
                Cell::whole(phase.phase.number()),
                text(phase.phase.title(lang)),
                Cell::Date(week_start(start, phase.start_week)),
                Cell::Date(week_end(start, phase.end_week)),
                text(&task.item_id),
                text(q.item(&task.item_id).map_or("", |i| i.title.as_str())),
                text(&task.text),
                text(yes_no(lang, task.blocker)),
                days(task.effort),
                text(reuse_text(task.reuses, lang)),
            ]);
        }
    }
    for m in &plan.legal {
        rows.push(vec![
            Cell::Empty,
            text(crate::model::regulation::as_of(lang)),
            m.week
                .map_or(Cell::Empty, |w| Cell::Date(week_start(start, w))),
            Cell::Empty,
            Cell::Empty,
            text(format!("{}; {}", m.duty.articles, m.duty.binds.label(lang))),
            text(m.text(lang)),
            text(yes_no(lang, false)),
        ]);
    }
    for m in &plan.cycle {
        rows.push(vec![
            Cell::Empty,
            text(lang.t(msg!("After certification"))),
            Cell::Date(week_start(start, m.week)),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            text(m.text(lang)),
            text(yes_no(lang, false)),
        ]);
    }
    let columns = columns(
        lang,
        &[
            (msg!("Phase"), 8),
            (msg!("Phase title"), 26),
            (msg!("Start date"), 12),
            (msg!("End date"), 12),
            (msg!("Item"), 10),
            (msg!("Title"), 30),
            (msg!("Task"), 60),
            (msg!("Blocker"), 9),
            (msg!("Effort (person-days)"), 12),
            (msg!("Reuses"), 30),
        ],
    );
    table(msg!("Roadmap"), lang, columns, rows)
}

/// Per gap, the records to ask the organisation for: what shows the next level, the documents
/// the item produces, an owner to fill in, the due date (the end of the phase that closes
/// the gap) and a status to keep.
fn evidence_requests(of: Of, plan: &Roadmap, start: Date) -> xlsx::Sheet {
    let (q, s) = of;
    let lang = q.lang();
    let statuses: Vec<String> = [
        msg!("Open"),
        msg!("Requested"),
        msg!("Received"),
        msg!("Accepted"),
    ]
    .iter()
    .map(|m| lang.t(*m).to_string())
    .collect();
    let all = checks(q, &s.profile, &s.answers);
    let mut rows = Vec::new();
    for g in gaps(q, &s.profile, &s.answers, &all) {
        let due = plan
            .phases
            .iter()
            .find(|p| {
                p.tasks
                    .iter()
                    .any(|t| t.item_id == g.item.id && t.kind != TaskKind::FindOut)
            })
            .map_or(Cell::Empty, |p| Cell::Date(week_end(start, p.end_week)));
        let mut records: Vec<String> = Vec::new();
        if let Some((level, evidence)) = g.next {
            records.push(lang.f(
                msg!("Evidence for level {level}: {evidence}"),
                &[("level", &level), ("evidence", &evidence)],
            ));
        }
        if !g.documents.is_empty() {
            records.push(lang.f(
                msg!("Documents to request: {documents}"),
                &[("documents", &g.documents.join("; "))],
            ));
        }
        rows.push(vec![
            text(&g.item.id),
            text(&g.item.title),
            text(status_text(q, &g.status)),
            text(yes_no(lang, g.item.blocker)),
            text(records.join("\n")),
            Cell::Empty,
            due,
            text(statuses[0].as_str()),
        ]);
    }
    let mut columns = columns(
        lang,
        &[
            (msg!("Item"), 10),
            (msg!("Title"), 30),
            (msg!("Status"), 22),
            (msg!("Blocker"), 9),
            (msg!("Record to request"), 60),
            (msg!("Owner"), 18),
            (msg!("Due date"), 12),
            (msg!("Request status"), 14),
        ],
    );
    columns[6].dates = true;
    columns[7].choices = statuses;
    let mut sheet = table(msg!("Evidence requests"), lang, columns, rows);
    sheet.spare_rows = 50;
    sheet
}

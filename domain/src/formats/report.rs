//! Reports people can hand on: CSV gap register, draft Statement of Applicability, roadmap CSV,
//! an .ics calendar of phases, a Markdown report, and the comparison with an earlier run.
//!
//! Everything is built from the same figures the screens show, as plain text, with no I/O.

use std::fmt::Write;

use crate::figures::documents::checklist;
use crate::figures::roadmap::{days_text, person_days, Roadmap, TaskKind};
use crate::figures::scoring::{Assessment, ItemStatus};
use crate::formats::saved::Notes;
use crate::model::answers::Answers;
use crate::model::date::Date;
use crate::model::i18n::{msg, plural, Lang, Msg};
use crate::model::profile::Certification;
use crate::model::profile::Profile;
use crate::model::questionnaire::Gives;
use crate::model::questionnaire::{Item, Questionnaire, SectionKind};

/// The field separator spreadsheet programs expect in this language: German, French and
/// Spanish ones read a semicolon, because the comma is the decimal mark there.
pub fn csv_separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::De | Lang::Fr | Lang::Es => ';',
    }
}

/// RFC 4180 CSV: fields quoted when they hold the separator, a quote or a line break, quotes
/// doubled, CRLF line ends, and a UTF-8 byte-order mark so spreadsheet programs pick the right
/// encoding. The separator is the one of `lang` ([`csv_separator`]).
pub fn csv(rows: &[Vec<String>], lang: Lang) -> String {
    let sep = csv_separator(lang);
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                let f = if runs_as_formula(f) {
                    format!("'{f}")
                } else {
                    f.clone()
                };
                if f.contains([sep, '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect();
        out.push_str(&fields.join(sep.encode_utf8(&mut [0; 4])));
        out.push_str("\r\n");
    }
    out
}

/// Whether a spreadsheet could run a cell as a formula: it starts with = + - @ (a number such
/// as -2 excepted), or with a tab or line break, or with spaces or such characters before one
/// of those. Such cells get a leading apostrophe, the spreadsheet convention for "this is text".
fn runs_as_formula(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    let rest = cell.trim_start_matches([' ', '\t', '\r', '\n', '\u{a0}', '\u{3000}']);
    rest.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']) && rest.parse::<f64>().is_err()
}

/// An item id as a spreadsheet keeps it: an id that starts with a digit ("4.1", "6.1.2",
/// "10.2") would be read as a number, or as a date with German settings, so it is written as
/// "Clause 4.1" (or "Control 1.2" for an Annex-kind item of a custom questionnaire); "A.6.1.2"
/// stays as it is.
pub fn csv_id(item: &Item, lang: Lang) -> String {
    if !item.id.starts_with(|c: char| c.is_ascii_digit()) {
        return item.id.clone();
    }
    match item.kind {
        SectionKind::Clause => lang.f(msg!("Clause {id}"), &[("id", &item.id)]),
        SectionKind::Annex => lang.f(msg!("Control {id}"), &[("id", &item.id)]),
    }
}

/// How an item's status reads in reports.
pub fn status_text(questionnaire: &Questionnaire, status: &ItemStatus) -> String {
    let lang = questionnaire.lang();
    match status {
        ItemStatus::Level(l) => {
            format!("{l} {}", questionnaire.scale.levels[usize::from(*l)].label)
        }
        ItemStatus::DontKnow => lang.t(msg!("Don't know")).into(),
        ItemStatus::NotApplicable => lang.t(msg!("Not applicable")).into(),
        ItemStatus::NeedsJustification => lang
            .t(msg!("Not applicable (justification missing)"))
            .into(),
        ItemStatus::Unanswered => lang.t(msg!("Not answered")).into(),
        ItemStatus::Hidden => lang.t(msg!("Not asked for this profile")).into(),
    }
}

/// A header row, translated.
fn header(lang: Lang, names: &[Msg]) -> Vec<String> {
    names.iter().map(|n| lang.t(*n).to_string()).collect()
}

pub(crate) fn yes_no(lang: Lang, yes: bool) -> String {
    lang.t(if yes { msg!("Yes") } else { msg!("No") }).into()
}

fn note(notes: &Notes, id: &str) -> String {
    notes.get(id).cloned().unwrap_or_default()
}

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

/// The organisation as every report summarises it: one label and value per profile answer, in
/// `lang` (the Markdown report and the printed report's cover both use this).
pub fn organisation(profile: &Profile, lang: Lang) -> Vec<(String, String)> {
    let not_given = || lang.t(msg!("not given")).to_string();
    let none = || lang.t(msg!("none")).to_string();
    let listed = |items: Vec<&str>, sep: &str, empty: String| {
        if items.is_empty() {
            empty
        } else {
            items.join(sep)
        }
    };
    let rows: [(Msg, String); 7] = [
        (
            msg!("Size"),
            profile
                .size
                .map_or_else(not_given, |s| s.label(lang).into()),
        ),
        (
            msg!("AI roles"),
            listed(profile.role_labels(lang), "; ", not_given()),
        ),
        (msg!("AI systems in scope"), profile.systems.to_string()),
        (
            msg!("Certifications held"),
            listed(profile.held_labels(), ", ", none()),
        ),
        (
            msg!("EU AI Act high-risk systems possible"),
            profile
                .high_risk
                .map_or_else(not_given, |h| h.label(lang).into()),
        ),
        (
            msg!("EU AI Act prohibited practice possible"),
            profile
                .prohibited
                .map_or_else(not_given, |p| p.label(lang).into()),
        ),
        (
            msg!("Target date for the certification audit"),
            profile.target_date.map_or_else(none, |d| lang.date(d)),
        ),
    ];
    rows.into_iter()
        .map(|(label, value)| (lang.t(label).to_string(), value))
        .collect()
}

/// A draft Statement of Applicability: all 38 Annex A controls of the standard, each included
/// with a reason, excluded with its justification, or (a short questionnaire) not assessed.
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
    for (id, reference_title) in crate::model::standard::CONTROLS {
        let Some(item) = q.item(id) else {
            rows.push(vec![
                id.to_string(),
                reference_title.to_string(),
                lang.t(msg!("Not assessed")).into(),
                lang.t(msg!(
                    "Not asked by this questionnaire: decide with the full assessment."
                ))
                .into(),
                String::new(),
                String::new(),
            ]);
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
        rows.push(vec![
            csv_id(item, lang),
            item.title.clone(),
            yes_no(lang, applicable),
            justification,
            implementation,
            note(notes, &item.id),
        ]);
    }
    csv(&rows, lang)
}

/// What an existing certification does for a task, as the roadmap CSV says it.
fn reuse_text(reuses: Option<(Certification, Gives)>, lang: Lang) -> String {
    match reuses {
        None => String::new(),
        Some((c, Gives::Reuse)) => lang.f(
            msg!("reuses a process of {system}"),
            &[("system", &c.label())],
        ),
        Some((c, Gives::Extend)) => lang.f(
            msg!("extends a process of {system}"),
            &[("system", &c.label())],
        ),
    }
}

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

fn ics_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\r', '\n'], "\\n")
}

/// Folds a content line at 75 octets, as RFC 5545 requires, never splitting a character.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// `2026-12-01T09:30:15.123Z` as an iCalendar UTC date-time, `20261201T093015Z` (digits only;
/// anything unreadable gives midnight of 2020-01-01).
fn ics_stamp(iso: &str) -> String {
    let digits: String = iso.chars().filter(char::is_ascii_digit).take(14).collect();
    if digits.len() == 14 {
        format!("{}T{}Z", &digits[..8], &digits[8..])
    } else {
        "20200101T000000Z".into()
    }
}

/// Minutes from 2020-01-01 to an ISO 8601 UTC time: grows with every export, so a calendar
/// that already holds the events takes the newer ones as updates (SEQUENCE).
fn ics_sequence(iso: &str) -> i64 {
    let Some(date) = Date::parse(iso.get(..10).unwrap_or("")) else {
        return 0;
    };
    let number = |range: std::ops::Range<usize>| {
        iso.get(range)
            .and_then(|t| t.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let days = Date {
        year: 2020,
        month: 1,
        day: 1,
    }
    .days_until(date);
    (days * 24 * 60 + number(11..13) * 60 + number(14..16)).max(0)
}

/// What a calendar export needs besides the plan: the first day, the time of the export, and
/// the assessment's id (which keeps each event's UID the same across re-exports).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarExport<'a> {
    pub start: Date,
    /// ISO 8601 UTC time of the export.
    pub now: &'a str,
    pub assessment: &'a str,
}

/// One all-day event of the calendar, from `first` up to (not including) `after`.
struct IcsEvent {
    uid: String,
    first: Date,
    after: Date,
    summary: String,
    description: String,
}

impl IcsEvent {
    fn write(&self, out: &mut String, stamp: &str, sequence: i64) {
        ics_line(out, "BEGIN:VEVENT");
        ics_line(out, &format!("UID:{}", self.uid));
        ics_line(out, &format!("DTSTAMP:{stamp}"));
        ics_line(out, &format!("SEQUENCE:{sequence}"));
        ics_line(out, &format!("DTSTART;VALUE=DATE:{}", ics_date(self.first)));
        ics_line(out, &format!("DTEND;VALUE=DATE:{}", ics_date(self.after)));
        ics_line(out, &format!("SUMMARY:{}", ics_escape(&self.summary)));
        ics_line(
            out,
            &format!("DESCRIPTION:{}", ics_escape(&self.description)),
        );
        ics_line(out, "TRANSP:TRANSPARENT");
        ics_line(out, "END:VEVENT");
    }
}

/// An .ics calendar with one all-day event per phase with work, the three-year cycle and the
/// EU AI Act dates still ahead that bind the organisation, starting on `start` (a Monday is best).
pub fn calendar(q: &Questionnaire, roadmap: &Roadmap, export: &CalendarExport) -> String {
    let start = export.start;
    let lang = q.lang();
    // Only letters, digits and hyphens of the id go into the UID.
    let id: String = export
        .assessment
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect();
    let uid = |what: &str| format!("{}-{id}-{what}@aims-readiness", q.id);
    let week = |n: u32| start.add_days(i64::from(n.saturating_sub(1)) * 7);
    let mut events = Vec::new();
    // A phase the answers leave nothing to do in takes no days: no event.
    for phase in roadmap.phases.iter().filter(|p| !p.is_empty()) {
        let mut description = lang.f(
            msg!("Weeks {from}-{to}."),
            &[("from", &phase.start_week), ("to", &phase.end_week)],
        );
        for m in phase.milestones(lang) {
            description.push(' ');
            description.push_str(&m);
        }
        if !phase.tasks.is_empty() {
            description.push(' ');
            description.push_str(&lang.n(
                phase.tasks.len() as u64,
                plural!(
                    "{n} task from the readiness check, {effort}.",
                    "{n} tasks from the readiness check, {effort}."
                ),
                &[("effort", &person_days(phase.effort, lang))],
            ));
        }
        events.push(IcsEvent {
            uid: uid(&format!("phase-{}", phase.phase.number())),
            first: week(phase.start_week),
            after: start.add_days(i64::from(phase.end_week) * 7),
            summary: lang.f(
                msg!("ISO 42001 phase {n}: {title}"),
                &[
                    ("n", &phase.phase.number()),
                    ("title", &phase.phase.title(lang)),
                ],
            ),
            description,
        });
    }
    for m in &roadmap.cycle {
        events.push(IcsEvent {
            uid: uid(m.event.key()),
            first: week(m.week),
            after: week(m.week).add_days(1),
            summary: lang.f(msg!("ISO 42001: {event}"), &[("event", &m.text(lang))]),
            description: lang.t(msg!("Planned from the readiness check: agree the exact date with your certification body.")).into(),
        });
    }
    // The Act's own dates, on the day they apply (not on a plan week).
    for m in roadmap.legal.iter().filter(|m| m.week.is_some()) {
        events.push(IcsEvent {
            uid: uid(&format!("eu-ai-act-{}", m.duty.id)),
            first: m.duty.date,
            after: m.duty.date.add_days(1),
            summary: lang.f(msg!("EU AI Act: {duty}"), &[("duty", &m.duty.text(lang))]),
            description: format!(
                "{}; {}. {}.",
                m.duty.articles,
                m.duty.binds.label(lang),
                crate::model::regulation::as_of(lang)
            ),
        });
    }
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//aims-readiness//ISO 42001 readiness roadmap//EN",
        "CALSCALE:GREGORIAN",
    ] {
        ics_line(&mut out, line);
    }
    let (stamp, sequence) = (ics_stamp(export.now), ics_sequence(export.now));
    for event in &events {
        event.write(&mut out, &stamp, sequence);
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

/// Text from outside the report's own structure (a note, a justification, a title from a
/// questionnaire file) as CommonMark that renders exactly as written: characters that could
/// start markup, HTML, an entity or a link are backslash-escaped, and each line break (LF, CR
/// or CRLF) becomes `line_break`.
fn md_escape(text: &str, line_break: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text
        .split("\r\n")
        .flat_map(|l| l.split(['\r', '\n']))
        .enumerate()
    {
        if n > 0 {
            out.push_str(line_break);
        }
        let body = line.trim_start_matches(' ');
        out.push_str(&line[..line.len() - body.len()]);
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        for (i, c) in body.chars().enumerate() {
            // At the start of a line these open a list, heading, quote or rule.
            let opens_block = (i == 0 && matches!(c, '-' | '+' | '=' | '#' | '>'))
                || (i == digits && digits > 0 && matches!(c, '.' | ')'));
            if opens_block
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Outside text inside a list item: line breaks become hard breaks that stay in the item.
pub(crate) fn md_text(text: &str) -> String {
    md_escape(text, "\\\n  ")
}

/// Outside text inside a table cell, where a line break would end the row.
pub(crate) fn md_cell(text: &str) -> String {
    md_escape(text, "<br>")
}

/// A score as reports and screens show it: "47%", or "n/a" when nothing applies.
pub fn percent_text(p: Option<u32>, lang: Lang) -> String {
    p.map_or(lang.t(msg!("n/a")).into(), |p| lang.percent(p))
}

/// A maturity (in tenths) always with one decimal, as a measured average: "2.0", or "n/a".
pub fn maturity_text(tenths: Option<u32>, lang: Lang) -> String {
    tenths.map_or(lang.t(msg!("n/a")).into(), |t| {
        lang.one_decimal(u64::from(t))
    })
}

/// A Markdown report for people who edit in a word processor.
pub fn markdown(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    today: Date,
) -> String {
    markdown_by(
        q,
        profile,
        answers,
        notes,
        &crate::formats::saved::People::default(),
        today,
    )
}

/// [`markdown`], saying who answered (and, for a team's consensus, who took part).
pub fn markdown_by(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    people: &crate::formats::saved::People,
    today: Date,
) -> String {
    let lang = q.lang();
    let a = Assessment::compute(q, profile, answers);
    let r = Roadmap::plan(q, profile, answers, today);
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", lang.t(msg!("ISO/IEC 42001 readiness report")));
    let _ = writeln!(
        md,
        "{}\n",
        lang.f(
            msg!("{title} (version {version}), {date}."),
            &[
                ("title", &q.title),
                ("version", &q.version),
                ("date", &lang.date(today))
            ]
        )
    );
    let _ = writeln!(md, "> {}\n", lang.t(msg!("Indicative self-assessment based on the organisation's own answers. It is not an audit and not a statement of conformity.")));
    if let Some(note) = crate::model::i18n::titles_note(lang) {
        let _ = writeln!(md, "> {note}\n");
    }
    let _ = writeln!(md, "## {}\n", lang.t(msg!("Organisation")));
    for who in people.lines(lang) {
        let _ = writeln!(md, "- {}", md_text(&who));
    }
    for (label, value) in organisation(profile, lang) {
        let _ = writeln!(md, "- {label}: {value}");
    }
    let _ = writeln!(md, "\n## {}\n", lang.t(msg!("Readiness")));
    let _ = writeln!(
        md,
        "{}\n",
        lang.f(
            msg!("**{percent}** overall: {band} ({points} of {max} points; {answered} of {applicable} questions answered)."),
            &[
                ("percent", &percent_text(a.percent(), lang)),
                ("band", &a.band.label(lang)),
                ("points", &a.points),
                ("max", &a.max_points),
                ("answered", &a.answered),
                ("applicable", &a.applicable),
            ]
        )
    );
    if let Some(text) = crate::figures::explain::cap_text(q, &a, lang) {
        let _ = writeln!(md, "{}\n", md_text(&text));
    }
    if !a.blockers.is_empty() {
        let _ = writeln!(md, "### {}\n", lang.t(msg!("Certification blockers")));
        for b in &a.blockers {
            let why = crate::figures::explain::blocker_reason(q, b, lang)
                .unwrap_or_else(|| status_text(q, &b.status).to_lowercase());
            let _ = writeln!(
                md,
                "- {} {}: {} ({})",
                b.id,
                md_text(&b.title),
                md_text(&why),
                b.stage.stops(lang)
            );
        }
        md.push('\n');
    }
    let _ = writeln!(
        md,
        "### {}\n",
        lang.t(msg!("Maturity by clause and Annex A area"))
    );
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} |",
        lang.t(msg!("Section")),
        lang.t(msg!("Title")),
        lang.f(msg!("Maturity (0-{top})"), &[("top", &q.scale.top())]),
        lang.t(msg!("Score")),
        lang.t(msg!("Answered"))
    );
    let _ = writeln!(md, "|---|---|---:|---:|---:|");
    for s in a.sections.iter().filter(|s| s.applicable > 0) {
        let maturity = maturity_text(s.maturity_tenths(), lang);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} / {} |",
            s.id,
            md_cell(&s.title),
            maturity,
            percent_text(s.percent(), lang),
            s.answered,
            s.applicable
        );
    }
    if !a.unknowns.is_empty() {
        let _ = writeln!(md, "\n### {}\n", lang.t(msg!("Things to find out")));
        for (id, title) in &a.unknowns {
            let _ = writeln!(md, "- {id} {}", md_text(title));
        }
    }
    let _ = writeln!(md, "\n## {}\n", lang.t(msg!("Documents")));
    let _ = writeln!(
        md,
        "| {} | {} | {} |",
        lang.t(msg!("Document")),
        lang.t(msg!("Required")),
        lang.t(msg!("Status"))
    );
    let _ = writeln!(md, "|---|---|---|");
    for d in checklist(q, profile, answers) {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            md_cell(&d.title),
            lang.t(if d.mandatory {
                msg!("Yes")
            } else {
                msg!("Expected")
            }),
            d.status.label(lang)
        );
    }
    let _ = writeln!(
        md,
        "\n## {}\n",
        lang.f(
            if r.upper.is_some() {
                msg!("Roadmap: at least {weeks} weeks, {effort}")
            } else {
                msg!("Roadmap: about {weeks} weeks, {effort}")
            },
            &[
                ("weeks", &r.total_weeks),
                ("effort", &person_days(r.total_effort, lang))
            ]
        )
    );
    let _ = writeln!(md, "{}\n", md_text(&r.headline(lang)));
    for p in &r.phases {
        let _ = writeln!(
            md,
            "### {}\n",
            lang.f(
                msg!("Phase {n}: {title} (weeks {from}-{to})"),
                &[
                    ("n", &p.phase.number()),
                    ("title", &p.phase.title(lang)),
                    ("from", &p.start_week),
                    ("to", &p.end_week)
                ]
            )
        );
        for m in p.milestones(lang) {
            let _ = writeln!(md, "- {}", md_text(&m));
        }
        for t in &p.tasks {
            let flag = if t.blocker {
                format!(" **({})**", lang.t(msg!("audit blocker")))
            } else {
                String::new()
            };
            let from = match &t.kind {
                TaskKind::SupplierRequirement { excluded } => {
                    format!(" ({})", lang.f(msg!("from {item}"), &[("item", excluded)]))
                }
                _ => String::new(),
            };
            let id = if t.item_id.is_empty() {
                String::new()
            } else {
                format!("{} ", t.item_id)
            };
            let _ = writeln!(
                md,
                "- [ ] {id}{}{}{}: {}",
                md_text(&t.text),
                from,
                flag,
                person_days(t.effort, lang)
            );
        }
        md.push('\n');
    }
    let _ = writeln!(
        md,
        "### {}\n",
        lang.t(msg!("After certification: the three-year cycle"))
    );
    for m in &r.cycle {
        let _ = writeln!(
            md,
            "- {}: {}",
            lang.f(msg!("week {n}"), &[("n", &m.week)]),
            md_text(&m.text(lang))
        );
    }
    md.push('\n');
    if !r.legal.is_empty() {
        let _ = writeln!(
            md,
            "### {} ({})\n",
            lang.t(msg!("EU AI Act dates that bind your organisation")),
            crate::model::regulation::as_of(lang)
        );
        for m in &r.legal {
            let _ = writeln!(
                md,
                "- {} ({}; {})",
                md_text(&m.text(lang)),
                m.duty.articles,
                m.duty.binds.label(lang)
            );
        }
        if let Some(note) = crate::model::regulation::term_note(lang) {
            let _ = writeln!(md, "\n{}", md_text(note));
        }
        if let Some(warning) = r.legal_warning(lang) {
            let _ = writeln!(md, "\n{}", md_text(&warning));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "### {}\n", lang.t(msg!("Assumptions")));
    for line in r.assumptions(profile, lang) {
        let _ = writeln!(md, "- {line}");
    }
    let excluded = exclusions(q, profile, answers);
    if !excluded.is_empty() {
        let _ = writeln!(
            md,
            "\n## {}\n",
            lang.t(msg!(
                "Controls excluded from the Statement of Applicability"
            ))
        );
        for e in &excluded {
            let _ = writeln!(
                md,
                "- **{} {}**: {}",
                e.id,
                md_text(&e.title),
                md_text(&e.justification)
            );
        }
    }
    let noted: Vec<&Item> = q
        .items()
        .filter(|i| notes.get(&i.id).is_some_and(|n| !n.is_empty()))
        .collect();
    if !noted.is_empty() {
        let _ = writeln!(md, "\n## {}\n", lang.t(msg!("Notes")));
        for item in noted {
            let _ = writeln!(
                md,
                "- **{} {}**: {}",
                item.id,
                md_text(&item.title),
                md_text(&notes[&item.id])
            );
        }
    }
    md
}

/// An Annex A control left out of the Statement of Applicability, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    pub id: String,
    pub title: String,
    /// The person's own justification, or why the profile rules the control out.
    pub justification: String,
    /// True when the person marked it "not applicable" (false: hidden by the profile).
    pub by_answer: bool,
}

/// Every Annex A control excluded for this profile and these answers, in questionnaire order.
pub fn exclusions(q: &Questionnaire, profile: &Profile, answers: &Answers) -> Vec<Exclusion> {
    let lang = q.lang();
    q.items()
        .filter(|i| i.kind == SectionKind::Annex)
        .filter_map(|item| {
            let (justification, by_answer) = match (
                ItemStatus::of(item, profile, answers),
                answers.get(&item.id),
            ) {
                (ItemStatus::Hidden, _) => (
                    lang.t(msg!(
                        "Does not apply to the AI roles in this organisation's profile."
                    ))
                    .to_string(),
                    false,
                ),
                (
                    ItemStatus::NotApplicable,
                    Some(crate::model::answers::Answer::NotApplicable(why)),
                ) => (why.clone(), true),
                _ => return None,
            };
            Some(Exclusion {
                id: item.id.clone(),
                title: item.title.clone(),
                justification,
                by_answer,
            })
        })
        .collect()
}

/// How one item moved between an earlier save and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Improved,
    Regressed,
    Unchanged,
    NewlyAnswered,
    NoLongerAnswered,
    /// Now "not applicable", whatever it was before.
    MarkedNotApplicable,
    /// Was "not applicable", now answered on the scale or "don't know".
    NoLongerNotApplicable,
}

impl Change {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Change::Improved => msg!("Improved"),
            Change::Regressed => msg!("Regressed"),
            Change::Unchanged => msg!("Unchanged"),
            Change::NewlyAnswered => msg!("Newly answered"),
            Change::NoLongerAnswered => msg!("No longer answered"),
            Change::MarkedNotApplicable => msg!("Marked not applicable"),
            Change::NoLongerNotApplicable => msg!("No longer not applicable"),
        })
    }

    /// The change's name in the DOM (a CSS class) and in tests.
    pub fn key(self) -> &'static str {
        match self {
            Change::Improved => "improved",
            Change::Regressed => "regressed",
            Change::Unchanged => "unchanged",
            Change::NewlyAnswered => "newly-answered",
            Change::NoLongerAnswered => "no-longer-answered",
            Change::MarkedNotApplicable => "marked-not-applicable",
            Change::NoLongerNotApplicable => "no-longer-not-applicable",
        }
    }
}

/// One clause or area, earlier and now.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionChange {
    pub id: String,
    pub title: String,
    pub then: Option<u32>,
    pub now: Option<u32>,
}

impl SectionChange {
    /// The change in percentage points ("+12", "−5", "±0"), when both are known.
    pub fn delta_text(&self) -> String {
        match (self.then, self.now) {
            (Some(then), Some(now)) => {
                let d = i64::from(now) - i64::from(then);
                match d {
                    0 => "±0".into(),
                    d if d > 0 => format!("+{d}"),
                    d => format!("\u{2212}{}", -d),
                }
            }
            _ => String::new(),
        }
    }
}

/// One item whose answer differs, with both statuses and the kind of change.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemChange {
    pub id: String,
    pub title: String,
    pub then: ItemStatus,
    pub now: ItemStatus,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Overall readiness earlier and now.
    pub then: Option<u32>,
    pub now: Option<u32>,
    pub sections: Vec<SectionChange>,
    pub items: Vec<ItemChange>,
}

fn rank(status: &ItemStatus) -> Option<u8> {
    match status {
        ItemStatus::Level(l) => Some(*l),
        ItemStatus::DontKnow | ItemStatus::NeedsJustification => Some(0),
        _ => None,
    }
}

fn change(then: &ItemStatus, now: &ItemStatus) -> Change {
    use ItemStatus::NotApplicable;
    match (then, now) {
        (_, NotApplicable) => Change::MarkedNotApplicable,
        (NotApplicable, n) if n.is_answered() => Change::NoLongerNotApplicable,
        (b, n) if !b.is_answered() && n.is_answered() => Change::NewlyAnswered,
        (b, n) if b.is_answered() && !n.is_answered() => Change::NoLongerAnswered,
        (b, n) => match (rank(b), rank(n)) {
            (Some(x), Some(y)) if y > x => Change::Improved,
            (Some(x), Some(y)) if y < x => Change::Regressed,
            _ => Change::Unchanged,
        },
    }
}

/// Compares an earlier save with the current answers, for the same profile.
pub fn compare(
    q: &Questionnaire,
    profile: &Profile,
    earlier: &Answers,
    now: &Answers,
) -> Comparison {
    let (before, after) = (
        Assessment::compute(q, profile, earlier),
        Assessment::compute(q, profile, now),
    );
    let sections = before
        .sections
        .iter()
        .zip(&after.sections)
        .filter(|(_, s)| s.applicable > 0)
        .map(|(b, s)| SectionChange {
            id: s.id.clone(),
            title: s.title.clone(),
            then: b.percent(),
            now: s.percent(),
        })
        .collect();
    let mut items = Vec::new();
    for item in q.items() {
        let (b, n) = (
            ItemStatus::of(item, profile, earlier),
            ItemStatus::of(item, profile, now),
        );
        if b == n || n == ItemStatus::Hidden {
            continue;
        }
        items.push(ItemChange {
            id: item.id.clone(),
            title: item.title.clone(),
            change: change(&b, &n),
            then: b,
            now: n,
        });
    }
    Comparison {
        then: before.percent(),
        now: after.percent(),
        sections,
        items,
    }
}

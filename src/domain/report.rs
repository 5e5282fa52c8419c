//! Reports people can hand on: CSV gap register, draft Statement of Applicability, roadmap CSV,
//! an .ics calendar of phases, a Markdown report, and the comparison with an earlier run.
//!
//! Everything is built from the same figures the screens show, as plain text, with no I/O.

use std::fmt::Write;

use super::answers::Answers;
use super::date::Date;
use super::documents::checklist;
use super::profile::Profile;
use super::questionnaire::{Item, Questionnaire, SectionKind};
use super::roadmap::{days_text, Roadmap, TaskKind};
use super::saved::Notes;
use super::scoring::{Assessment, ItemStatus};

/// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break, quotes doubled, CRLF
/// line ends, and a UTF-8 byte-order mark so spreadsheet programs pick the right encoding.
pub fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                // A leading = + - @ would be run as a formula by spreadsheets: neutralise it.
                let f = if f.starts_with(['=', '+', '-', '@']) && f.parse::<f64>().is_err() {
                    format!("'{f}")
                } else {
                    f.clone()
                };
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// How an item's status reads in reports.
pub fn status_text(questionnaire: &Questionnaire, status: &ItemStatus) -> String {
    match status {
        ItemStatus::Level(l) => {
            format!("{l} {}", questionnaire.scale.levels[usize::from(*l)].label)
        }
        ItemStatus::DontKnow => "Don't know".into(),
        ItemStatus::NotApplicable => "Not applicable".into(),
        ItemStatus::NeedsJustification => "Not applicable (justification missing)".into(),
        ItemStatus::Unanswered => "Not answered".into(),
        ItemStatus::Hidden => "Not asked for this profile".into(),
    }
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
    let top = q.scale.top();
    let mut rows = vec![[
        "Item",
        "Title",
        "Level",
        "Target",
        "Gap",
        "Blocker",
        "Actions",
        "Phase",
        "Effort (person-days)",
        "Note",
    ]
    .map(String::from)
    .to_vec()];
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
            item.id.clone(),
            item.title.clone(),
            status_text(q, &status),
            format!("{top} {}", q.scale.levels[usize::from(top)].label),
            gap,
            if item.blocker { "Yes" } else { "No" }.into(),
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
            days_text(tasks.iter().map(|t| t.effort).sum()),
            note(notes, &item.id),
        ]);
    }
    csv(&rows)
}

/// A draft Statement of Applicability: every Annex A control, applicable or excluded with reasons.
pub fn statement_of_applicability(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
) -> String {
    let mut rows = vec![[
        "Control",
        "Title",
        "Applicable",
        "Justification",
        "Implementation status",
        "Note",
    ]
    .map(String::from)
    .to_vec()];
    for item in q.items().filter(|i| i.kind == SectionKind::Annex) {
        let status = ItemStatus::of(item, profile, answers);
        let (applicable, justification) = match (&status, answers.get(&item.id)) {
            (ItemStatus::Hidden, _) => (
                "No",
                "Does not apply to the AI roles in this organisation's profile.".to_string(),
            ),
            (_, Some(super::answers::Answer::NotApplicable(why))) => ("No", why.clone()),
            _ => (
                "Yes",
                "Included to treat AI risks of the systems in scope.".to_string(),
            ),
        };
        let implementation = match status {
            ItemStatus::Hidden | ItemStatus::NotApplicable | ItemStatus::NeedsJustification => {
                String::new()
            }
            other => status_text(q, &other),
        };
        rows.push(vec![
            item.id.clone(),
            item.title.clone(),
            applicable.into(),
            justification,
            implementation,
            note(notes, &item.id),
        ]);
    }
    csv(&rows)
}

/// The roadmap as rows: one per task, with its phase and weeks.
pub fn roadmap_csv(q: &Questionnaire, roadmap: &Roadmap) -> String {
    let mut rows = vec![[
        "Phase",
        "Phase title",
        "Start week",
        "End week",
        "Item",
        "Title",
        "Task",
        "Blocker",
        "Effort (person-days)",
        "Reuses",
    ]
    .map(String::from)
    .to_vec()];
    for phase in &roadmap.phases {
        for task in &phase.tasks {
            rows.push(vec![
                phase.phase.number().to_string(),
                phase.phase.title().into(),
                phase.start_week.to_string(),
                phase.end_week.to_string(),
                task.item_id.clone(),
                q.item(&task.item_id)
                    .map_or(String::new(), |i| i.title.clone()),
                task.text.clone(),
                if task.blocker { "Yes" } else { "No" }.into(),
                days_text(task.effort),
                task.reuses.map_or(String::new(), |c| c.label().to_string()),
            ]);
        }
    }
    csv(&rows)
}

fn ics_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
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

/// An .ics calendar with one all-day event per phase, starting on `start` (a Monday is best).
pub fn calendar(q: &Questionnaire, roadmap: &Roadmap, start: Date) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//aims-readiness//ISO 42001 readiness roadmap//EN",
        "CALSCALE:GREGORIAN",
    ] {
        ics_line(&mut out, line);
    }
    let stamp = format!("{}T000000Z", ics_date(start));
    for phase in &roadmap.phases {
        let first = start.add_days(i64::from(phase.start_week - 1) * 7);
        let after = start.add_days(i64::from(phase.end_week) * 7);
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(
            &mut out,
            &format!(
                "UID:{}-{}-phase-{}@aims-readiness",
                q.id,
                ics_date(start),
                phase.phase.number()
            ),
        );
        ics_line(&mut out, &format!("DTSTAMP:{stamp}"));
        ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_date(first)));
        ics_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_date(after)));
        ics_line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                ics_escape(&format!(
                    "ISO 42001 phase {}: {}",
                    phase.phase.number(),
                    phase.phase.title()
                ))
            ),
        );
        let mut description = format!("Weeks {}-{}. ", phase.start_week, phase.end_week);
        description.push_str(&phase.phase.milestones().join(" "));
        if !phase.tasks.is_empty() {
            let n = phase.tasks.len();
            let _ = write!(
                description,
                " {n} task{} from the readiness check, {} person-days.",
                if n == 1 { "" } else { "s" },
                days_text(phase.effort)
            );
        }
        ics_line(
            &mut out,
            &format!("DESCRIPTION:{}", ics_escape(&description)),
        );
        ics_line(&mut out, "TRANSP:TRANSPARENT");
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn percent_text(p: Option<u32>) -> String {
    p.map_or("n/a".into(), |p| format!("{p}%"))
}

/// A Markdown report for people who edit in a word processor.
pub fn markdown(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    today: Date,
) -> String {
    let a = Assessment::compute(q, profile, answers);
    let r = Roadmap::plan(q, profile, answers, today);
    let mut md = String::new();
    let _ = writeln!(md, "# ISO/IEC 42001 readiness report\n");
    let _ = writeln!(md, "{} (version {}), {}.\n", q.title, q.version, today);
    let _ = writeln!(md, "> Indicative self-assessment based on the organisation's own answers. It is not an audit and not a statement of conformity.\n");
    let _ = writeln!(md, "## Organisation\n");
    let _ = writeln!(
        md,
        "- Size: {}",
        profile.size.map_or("not given", |s| s.label())
    );
    let roles: Vec<&str> = profile.roles.iter().map(|r| r.label()).collect();
    let _ = writeln!(
        md,
        "- AI roles: {}",
        if roles.is_empty() {
            "not given".into()
        } else {
            roles.join("; ")
        }
    );
    let _ = writeln!(md, "- AI systems in scope: {}", profile.systems);
    let certs: Vec<&str> = profile
        .certifications
        .iter()
        .flatten()
        .map(|c| c.label())
        .collect();
    let _ = writeln!(
        md,
        "- Certifications held: {}",
        if certs.is_empty() {
            "none".into()
        } else {
            certs.join(", ")
        }
    );
    let _ = writeln!(
        md,
        "- EU AI Act high-risk systems possible: {}",
        profile.high_risk.map_or("not given", |h| h.label())
    );
    if let Some(target) = profile.target_date {
        let _ = writeln!(md, "- Target date for the certification audit: {target}");
    }
    let _ = writeln!(md, "\n## Readiness\n");
    let _ = writeln!(
        md,
        "**{}** overall: {} ({} of {} points; {} of {} questions answered).\n",
        percent_text(a.percent()),
        a.band.label(),
        a.points,
        a.max_points,
        a.answered,
        a.applicable
    );
    if !a.blockers.is_empty() {
        let _ = writeln!(md, "### Certification blockers\n");
        for b in &a.blockers {
            let _ = writeln!(
                md,
                "- {} {}: {}",
                b.id,
                b.title,
                status_text(q, &b.status).to_lowercase()
            );
        }
        md.push('\n');
    }
    let _ = writeln!(md, "### Maturity by clause and Annex A area\n");
    let _ = writeln!(
        md,
        "| Section | Title | Maturity (0-{}) | Score | Answered |",
        q.scale.top()
    );
    let _ = writeln!(md, "|---|---|---:|---:|---:|");
    for s in a.sections.iter().filter(|s| s.applicable > 0) {
        let maturity = s
            .maturity_tenths()
            .map_or("n/a".into(), |t| format!("{}.{}", t / 10, t % 10));
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} / {} |",
            s.id,
            md_cell(&s.title),
            maturity,
            percent_text(s.percent()),
            s.answered,
            s.applicable
        );
    }
    if !a.unknowns.is_empty() {
        let _ = writeln!(md, "\n### Things to find out\n");
        for (id, title) in &a.unknowns {
            let _ = writeln!(md, "- {id} {title}");
        }
    }
    let _ = writeln!(md, "\n## Documents\n");
    let _ = writeln!(md, "| Document | Required | Status |");
    let _ = writeln!(md, "|---|---|---|");
    for d in checklist(q, profile, answers) {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            md_cell(&d.title),
            if d.mandatory { "Yes" } else { "Expected" },
            d.status.label()
        );
    }
    let _ = writeln!(
        md,
        "\n## Roadmap: about {} weeks, {} person-days\n",
        r.total_weeks,
        days_text(r.total_effort)
    );
    for p in &r.phases {
        let _ = writeln!(
            md,
            "### Phase {}: {} (weeks {}-{})\n",
            p.phase.number(),
            p.phase.title(),
            p.start_week,
            p.end_week
        );
        for m in p.phase.milestones() {
            let _ = writeln!(md, "- {m}");
        }
        for t in &p.tasks {
            let flag = if t.blocker {
                " **(audit blocker)**"
            } else {
                ""
            };
            let from = match &t.kind {
                TaskKind::SupplierRequirement { excluded } => format!(" (from {excluded})"),
                _ => String::new(),
            };
            let _ = writeln!(
                md,
                "- [ ] {} {}{}{}: {} person-days",
                t.item_id,
                md_cell(&t.text),
                from,
                flag,
                days_text(t.effort)
            );
        }
        md.push('\n');
    }
    let _ = writeln!(md, "### Assumptions\n");
    for line in r.assumptions(profile) {
        let _ = writeln!(md, "- {line}");
    }
    let noted: Vec<&Item> = q
        .items()
        .filter(|i| notes.get(&i.id).is_some_and(|n| !n.trim().is_empty()))
        .collect();
    if !noted.is_empty() {
        let _ = writeln!(md, "\n## Notes\n");
        for item in noted {
            let _ = writeln!(
                md,
                "- **{} {}**: {}",
                item.id,
                item.title,
                md_cell(&notes[&item.id])
            );
        }
    }
    md
}

/// How one item moved between an earlier run and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Improved,
    Regressed,
    Unchanged,
    NewlyAnswered,
    NoLongerAnswered,
}

impl Change {
    pub fn label(self) -> &'static str {
        match self {
            Change::Improved => "Improved",
            Change::Regressed => "Regressed",
            Change::Unchanged => "Unchanged",
            Change::NewlyAnswered => "Newly answered",
            Change::NoLongerAnswered => "No longer answered",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub overall: (Option<u32>, Option<u32>),
    /// Section id, title, earlier and current percentage.
    pub sections: Vec<(String, String, Option<u32>, Option<u32>)>,
    /// Items whose answer differs, with both statuses and the kind of change.
    pub items: Vec<(String, String, ItemStatus, ItemStatus, Change)>,
}

fn rank(status: &ItemStatus) -> Option<u8> {
    match status {
        ItemStatus::Level(l) => Some(*l),
        ItemStatus::DontKnow | ItemStatus::NeedsJustification => Some(0),
        _ => None,
    }
}

/// Compares an earlier run with the current answers, for the same profile.
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
        .map(|(b, s)| (s.id.clone(), s.title.clone(), b.percent(), s.percent()))
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
        let change = match (b.is_answered(), n.is_answered(), rank(&b), rank(&n)) {
            (false, true, _, _) => Change::NewlyAnswered,
            (true, false, _, _) => Change::NoLongerAnswered,
            (_, _, Some(x), Some(y)) if y > x => Change::Improved,
            (_, _, Some(x), Some(y)) if y < x => Change::Regressed,
            _ => Change::Unchanged,
        };
        items.push((item.id.clone(), item.title.clone(), b, n, change));
    }
    Comparison {
        overall: (before.percent(), after.percent()),
        sections,
        items,
    }
}

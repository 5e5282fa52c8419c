//! The roadmap as an iCalendar file: the phases, the certification cycle and the EU AI Act
//! dates ahead, as all-day events whose ids survive a re-export.

use crate::figures::roadmap::{person_days, Roadmap};
use crate::formats::write::{ics_date, ics_escape, ics_line, ics_sequence, ics_stamp};
use crate::model::date::Date;
use crate::model::i18n::{msg, plural};
use crate::model::questionnaire::Questionnaire;

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

//! Every file the widget offers for download, one value per format: its name, type and text.

use crate::figures::roadmap::Roadmap;
use crate::figures::team::Team;
use crate::formats::adviser_sheet;
use crate::formats::calendar;
use crate::formats::calendar::CalendarExport;
use crate::formats::gap_register;
use crate::formats::report;
use crate::formats::roadmap_csv;
use crate::formats::saved::Snapshot;
use crate::formats::saved::{self, SaveMeta};
use crate::formats::soa;
use crate::formats::team_sheet;
use crate::model::date::Date;
use crate::model::i18n::msg;
use crate::model::questionnaire::Questionnaire;

/// A download the person asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The assessment as a save file (opens again here, on any device).
    SaveFile,
    /// The Excel workbook (summary, gap register, SoA, roadmap dated from this day, evidence
    /// requests).
    Workbook(Date),
    /// The report as an editable Word document.
    WordReport,
    /// For CISO Assistant: an audit of its ISO/IEC 42001 library.
    CisoAudit,
    /// For CISO Assistant: the roadmap as applied controls dated from this day.
    CisoControls(Date),
    /// The adviser's sheet as an editable Word document.
    WordAdviserSheet,
    GapRegister,
    StatementOfApplicability,
    RoadmapCsv,
    /// The phases as calendar events from this start date.
    Calendar(Date),
    Markdown,
    /// The team view's table (every respondent's answer per item), CSV.
    TeamCsv,
    /// The team view as a Markdown section.
    TeamMarkdown,
    /// For the consultant: per gap what to ask and what evidence to request, and the answers
    /// to check.
    AdviserSheet,
}

/// "iso42001-full-2026-12-06-1030-dana-ciso.json": the questionnaire, the date and time (UTC,
/// as `now` gives it) and the respondent's name, so a workshop's files and two saves on one
/// day never share a name.
pub fn save_file_name(questionnaire: &str, now: &str, respondent: &str) -> String {
    let date = now.get(..10).unwrap_or("answers");
    let time: String = [now.get(11..13), now.get(14..16)]
        .into_iter()
        .flatten()
        .collect();
    // ASCII letters lowered; other scripts' letters kept as typed (no Unicode case tables in
    // the wasm); spaces, punctuation and invisible direction marks become one hyphen.
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
    let mut slug = String::new();
    for c in respondent.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && !c.is_whitespace() && !invisible(c) {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let parts = [questionnaire, date, &time, slug.trim_end_matches('-')];
    let name: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    format!("{}.json", name.join("-"))
}

/// What every export is made from: the questionnaire, the answers with the profile, notes and
/// names, and the assessment's id (kept in save files and calendar event ids).
#[derive(Clone, Copy, Debug)]
pub struct Response<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Snapshot,
    pub assessment: &'a str,
    /// The host's name (host.json), which heads the Word documents as it heads the printed
    /// report.
    pub host: Option<&'a str>,
    /// The host's logo (a data URL) and its text alternative, beside the name.
    pub logo: Option<(&'a str, &'a str)>,
    /// The maturity charts as the browser drew them (PNG data URLs) with their text
    /// alternatives, for the Word report.
    pub charts: &'a [(&'a str, &'a str)],
}

impl<'a> Response<'a> {
    /// An assessment's answers with nothing of a host around them (no name, logo or charts).
    pub fn plain(
        questionnaire: &'a Questionnaire,
        answers: &'a Snapshot,
        assessment: &'a str,
    ) -> Self {
        Response {
            questionnaire,
            answers,
            assessment,
            host: None,
            logo: None,
            charts: &[],
        }
    }
}

/// A file made in memory, ready to download: text (UTF-8), or the bytes of an Office file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub mime: &'static str,
    /// The text of a text file; empty for a binary one.
    pub text: String,
    /// The bytes of a binary file (an .xlsx); empty for a text file.
    pub bytes: Vec<u8>,
}

impl File {
    /// What is written to disk.
    pub fn content(&self) -> &[u8] {
        if self.bytes.is_empty() {
            self.text.as_bytes()
        } else {
            &self.bytes
        }
    }
}

/// What the Word documents show besides the report: the host's name and logo, and the charts
/// (data URLs with their text alternatives).
#[derive(Clone, Copy)]
struct Host<'a> {
    name: Option<&'a str>,
    logo: Option<(&'a str, &'a str)>,
    charts: &'a [(&'a str, &'a str)],
}

/// The Office Open XML word-processing type.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A Word document of a Markdown report, with the report's page footer and sign-off block.
fn word(q: &Questionnaire, host: Host, name: String, title: String, markdown: &str) -> File {
    use crate::formats::docx::Picture;
    let lang = q.lang();
    let frame = crate::formats::docx::Frame {
        title,
        letterhead: host.name.map(str::to_string),
        logo: host
            .logo
            .and_then(|(url, alt)| Picture::from_data_url(url, alt)),
        charts: host
            .charts
            .iter()
            .filter_map(|(url, alt)| Picture::from_data_url(url, alt))
            .collect(),
        charts_after: lang.t(msg!("Maturity by clause and Annex A area")).into(),
        page_of: lang.t(msg!("Page {page} of {pages}")).into(),
        sign_off: lang.t(msg!("Sign-off")).into(),
        sign_off_lines: [msg!("Prepared by"), msg!("Date"), msg!("Signature")]
            .iter()
            .map(|m| lang.t(*m).to_string())
            .collect(),
    };
    let blocks = crate::formats::docx::read_markdown(markdown);
    File {
        name,
        mime: DOCX,
        text: String::new(),
        bytes: crate::formats::docx::document(&blocks, &frame),
    }
}

/// The Office Open XML spreadsheet type.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The save file (stamped with `now`, ISO time): the one export the start module carries, for
/// the footer and the rescue download; the others come with the later screens.
pub fn save_file(of: &Response, now: &str) -> File {
    let meta = SaveMeta {
        saved_at: now.to_string(),
        assessment: Some(of.assessment.to_string()),
        parent: None,
    };
    File {
        name: save_file_name(&of.questionnaire.id, now, &of.answers.people.respondent),
        mime: "application/json",
        text: saved::encode_snapshot(of.questionnaire, of.answers, &meta),
        bytes: Vec::new(),
    }
}

impl Export {
    /// The file for an assessment (and its team view, for the team exports; `None` without
    /// one); `today` dates the roadmap, `now` (ISO time) stamps the save file and the calendar.
    pub fn file(self, of: &Response, team: Option<&Team>, today: Date, now: &str) -> Option<File> {
        let (q, s) = (of.questionnaire, of.answers);
        let plan = || Roadmap::plan(q, &s.profile, &s.answers, today);
        let (suffix, mime, text) = match self {
            Export::SaveFile => return Some(save_file(of, now)),
            Export::Workbook(_) | Export::WordReport | Export::WordAdviserSheet => {
                let host = Host {
                    name: of.host,
                    logo: of.logo,
                    charts: of.charts,
                };
                return self.office(q, s, host, today);
            }
            Export::GapRegister => (
                "gap-register.csv",
                "text/csv",
                gap_register::gap_register(q, &s.profile, &s.answers, &s.notes, &plan()),
            ),
            Export::StatementOfApplicability => (
                "statement-of-applicability.csv",
                "text/csv",
                soa::statement_of_applicability(q, &s.profile, &s.answers, &s.notes),
            ),
            Export::RoadmapCsv => (
                "roadmap.csv",
                "text/csv",
                roadmap_csv::roadmap_csv(q, &plan()),
            ),
            Export::Calendar(start) => {
                let export = CalendarExport {
                    start,
                    now,
                    assessment: of.assessment,
                };
                (
                    "roadmap.ics",
                    "text/calendar",
                    calendar::calendar(q, &plan(), &export),
                )
            }
            Export::CisoAudit => (
                "ciso-assistant-audit.csv",
                "text/csv",
                crate::formats::ciso_assistant::audit(q, s, today),
            ),
            Export::CisoControls(start) => (
                "ciso-assistant-applied-controls.csv",
                "text/csv",
                crate::formats::ciso_assistant::applied_controls(q, &plan(), start),
            ),
            Export::Markdown => (
                "report.md",
                "text/markdown",
                report::markdown_by(q, &s.profile, &s.answers, &s.notes, &s.people, today),
            ),
            Export::TeamCsv => (
                "team.csv",
                "text/csv",
                team_sheet::csv(team?, &team?.comparison_profile(&s.profile)),
            ),
            Export::TeamMarkdown => (
                "team.md",
                "text/markdown",
                team_sheet::markdown(team?, &team?.comparison_profile(&s.profile)),
            ),
            Export::AdviserSheet => (
                "adviser-sheet.md",
                "text/markdown",
                adviser_sheet::markdown(q, &s.profile, &s.answers, &s.people, today),
            ),
        };
        Some(File {
            name: format!("{}-{today}-{suffix}", q.id),
            mime,
            text,
            bytes: Vec::new(),
        })
    }

    /// The Office files: the Excel workbook and the Word documents (`None` for the others).
    fn office(self, q: &Questionnaire, s: &Snapshot, host: Host, today: Date) -> Option<File> {
        let lang = q.lang();
        let dated = |text| lang.f(text, &[("title", &q.title), ("date", &lang.date(today))]);
        match self {
            Export::WordReport => {
                let md = report::markdown_by(q, &s.profile, &s.answers, &s.notes, &s.people, today);
                let title = dated(msg!("{title}: readiness report, {date}"));
                Some(word(
                    q,
                    host,
                    format!("{}-{today}-report.docx", q.id),
                    title,
                    &md,
                ))
            }
            Export::WordAdviserSheet => {
                let md = adviser_sheet::markdown(q, &s.profile, &s.answers, &s.people, today);
                let title = dated(msg!("{title}: adviser's sheet, {date}"));
                Some(word(
                    q,
                    host,
                    format!("{}-{today}-adviser-sheet.docx", q.id),
                    title,
                    &md,
                ))
            }
            Export::Workbook(start) => Some(File {
                name: format!("{}-{today}-readiness.xlsx", q.id),
                mime: XLSX,
                text: String::new(),
                bytes: crate::formats::workbook::workbook(q, s, start, today),
            }),
            _ => None,
        }
    }
}

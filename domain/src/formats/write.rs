//! The writers every export shares: CSV cells and rows (spreadsheet-safe, the language's
//! separator), Markdown text and table cells, and iCalendar lines.

use crate::model::answers::Notes;
use crate::model::date::Date;
use crate::model::i18n::{msg, Lang, Msg};
use crate::model::questionnaire::{Item, SectionKind};
/// The field separator spreadsheet programs expect in this language: German, French and
/// Spanish ones read a semicolon, because the comma is the decimal mark there.
pub fn csv_separator(lang: Lang) -> char {
    lang.conventions().csv_separator
}

/// RFC 4180 CSV: fields quoted when they hold the separator, a quote or a line break, quotes
/// doubled, CRLF line ends, and a UTF-8 byte-order mark so spreadsheet programs pick the right
/// encoding. The separator is the one of `lang` ([`csv_separator`]).
pub fn csv(rows: &[Vec<String>], lang: Lang) -> String {
    csv_with(rows, csv_separator(lang), true)
}

/// RFC 4180 CSV for a program that imports it (not a spreadsheet a person opens): comma
/// separated, every cell exactly as given, no apostrophe before formula-like text.
pub fn csv_for_import(rows: &[Vec<String>]) -> String {
    csv_with(rows, ',', false)
}

fn csv_with(rows: &[Vec<String>], sep: char, guard_formulas: bool) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                let f = if guard_formulas && runs_as_formula(f) {
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
pub(crate) fn runs_as_formula(cell: &str) -> bool {
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

/// A header row, translated.
pub(crate) fn header(lang: Lang, names: &[Msg]) -> Vec<String> {
    names.iter().map(|n| lang.t(*n).to_string()).collect()
}

pub(crate) fn note(notes: &Notes, id: &str) -> String {
    notes.get(id).cloned().unwrap_or_default()
}

pub(crate) fn ics_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\r', '\n'], "\\n")
}

/// Folds a content line at 75 octets, as RFC 5545 requires, never splitting a character.
pub(crate) fn ics_line(out: &mut String, line: &str) {
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

pub(crate) fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// `2026-12-01T09:30:15.123Z` as an iCalendar UTC date-time, `20261201T093015Z` (digits only;
/// anything unreadable gives midnight of 2020-01-01).
pub(crate) fn ics_stamp(iso: &str) -> String {
    let digits: String = iso.chars().filter(char::is_ascii_digit).take(14).collect();
    if digits.len() == 14 {
        format!("{}T{}Z", &digits[..8], &digits[8..])
    } else {
        "20200101T000000Z".into()
    }
}

/// Minutes from 2020-01-01 to an ISO 8601 UTC time: grows with every export, so a calendar
/// that already holds the events takes the newer ones as updates (SEQUENCE).
pub(crate) fn ics_sequence(iso: &str) -> i64 {
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

/// Text from outside the report's own structure (a note, a justification, a title from a
/// questionnaire file) as CommonMark that renders exactly as written: characters that could
/// start markup, HTML, an entity or a link are backslash-escaped, and each line break (LF, CR
/// or CRLF) becomes `line_break`.
pub(crate) fn md_escape(text: &str, line_break: &str) -> String {
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

/// Text for XML (and HTML) content and attribute values: the five special characters escaped.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

//! The Excel workbook read back part by part: its archive, its five sheets against golden
//! files in English and German, ids kept as text, numbers and dates typed, frozen headers,
//! filters and drop-down lists, and hostile text that comes back exactly as typed.
//!
//! LibreOffice and openpyxl open the same file in the browser tests (`tests/e2e/workbook.spec.mjs`).

use crate::reports::{golden, known_snapshot, today};
use aims_domain::formats::catalogue::localise;
use aims_domain::formats::export::{Export, Response, XLSX};
use aims_domain::formats::saved::Snapshot;
use aims_domain::formats::share::crc32;
use aims_domain::formats::xlsx;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::Questionnaire;
use regex::Regex;
use std::rc::Rc;

/// The entries of a stored ZIP archive (name, content), each checked against its CRC-32 and
/// the central directory.
pub(crate) fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let mut entries = Vec::new();
    let mut at = 0;
    while u32_at(at) == 0x0403_4b50 {
        assert_eq!(u16_at(at + 8), 0, "stored");
        let crc = u32_at(at + 14);
        let size = u32_at(at + 18) as usize;
        let name_len = u16_at(at + 26);
        let name = String::from_utf8(bytes[at + 30..at + 30 + name_len].to_vec()).unwrap();
        let start = at + 30 + name_len + u16_at(at + 28);
        let data = &bytes[start..start + size];
        assert_eq!(crc32(data), crc, "{name}: CRC-32");
        // Every XML part is UTF-8; a picture's bytes are kept as lossy text (only their presence
        // is checked).
        let text = if name.ends_with(".xml") || name.ends_with(".rels") {
            String::from_utf8(data.to_vec()).unwrap()
        } else {
            String::from_utf8_lossy(data).into_owned()
        };
        entries.push((name, text));
        at = start + size;
    }
    let end = bytes.len() - 22;
    assert_eq!(
        u32_at(end),
        0x0605_4b50,
        "the end record closes the archive"
    );
    assert_eq!(
        u16_at(end + 10),
        entries.len(),
        "the directory lists every entry"
    );
    assert_eq!(
        u32_at(end + 16) as usize,
        at,
        "the directory follows the last entry"
    );
    entries
}

/// A cell's text as a spreadsheet reads it: XML entities and `_xHHHH_` escapes undone.
fn cell_text(xml: &str) -> String {
    let text = xml
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let escape = Regex::new("_x([0-9A-F]{4})_").unwrap();
    escape
        .replace_all(&text, |c: &regex::Captures| {
            char::from_u32(u32::from_str_radix(&c[1], 16).unwrap())
                .unwrap()
                .to_string()
        })
        .into_owned()
}

fn workbook(q: &Questionnaire, snapshot: &Snapshot, start: Date) -> Vec<(String, String)> {
    let of = Response::plain(q, snapshot, "a1");
    let file = Export::Workbook(start)
        .file(&of, None, today(), "2026-11-28T10:00:00Z")
        .unwrap();
    assert_eq!(file.mime, XLSX);
    assert!(file.name.ends_with("-readiness.xlsx"), "{}", file.name);
    assert!(file.text.is_empty());
    unzip(&file.bytes)
}

/// Each part's name and text, as one golden file.
fn listing(parts: &[(String, String)]) -> String {
    parts
        .iter()
        .map(|(name, xml)| format!("== {name}\n{xml}\n"))
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn the_workbook_has_five_typed_sheets_and_matches_its_golden_files() {
    let (q, s) = known_snapshot();
    let start = Date::parse("2027-01-04").unwrap();
    let parts = workbook(&q, &s, start);
    golden("workbook.xlsx.txt", &listing(&parts));
    let names = Regex::new(r#"<sheet name="([^"]+)""#).unwrap();
    let sheets: Vec<&str> = names
        .captures_iter(part(&parts, "xl/workbook.xml"))
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(
        sheets,
        [
            "Summary",
            "Gap register",
            "Statement of Applicability",
            "Roadmap",
            "Evidence requests"
        ]
    );
    for n in 1..=5 {
        let sheet = part(&parts, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ));
        assert_eq!(
            sheet.contains("<autoFilter ref="),
            n > 1,
            "sheet {n}: filters on every table"
        );
    }
    // Ids are text: 4.1 never becomes a number, 6.1.2 never a date.
    let gaps = part(&parts, "xl/worksheets/sheet2.xml");
    for id in ["4.1", "6.1.2", "10.2", "A.6.2.4"] {
        let cell = format!(r#"t="inlineStr"><is><t xml:space="preserve">{id}</t>"#);
        assert!(gaps.contains(&cell), "{id} is a text cell");
    }
    // Levels, targets and person-days are numbers.
    assert!(Regex::new(r#"<c r="D\d+" s="3"><v>2</v></c><c r="E\d+" s="3"><v>3</v></c><c r="F\d+" s="3"><v>1</v></c>"#).unwrap().is_match(gaps));
    // The roadmap's first task starts on the chosen day: a date serial with the date style.
    let roadmap = part(&parts, "xl/worksheets/sheet4.xml");
    assert!(roadmap.contains(&format!(
        r#"<c r="C2" s="2"><v>{}</v></c>"#,
        xlsx::serial(start)
    )));
    assert_eq!(
        xlsx::serial(Date::parse("2027-01-04").unwrap()),
        46391,
        "as spreadsheets count"
    );
    assert_eq!(xlsx::serial(Date::parse("1900-03-01").unwrap()), 61);
    // Drop-down lists: inclusion in the SoA, the status of each evidence request.
    let soa = part(&parts, "xl/worksheets/sheet3.xml");
    assert!(
        soa.contains(
            r#"sqref="C2:C39"><formula1>&quot;Included,Excluded,Not assessed&quot;</formula1>"#
        ),
        "{soa}"
    );
    let evidence = part(&parts, "xl/worksheets/sheet5.xml");
    assert!(
        evidence.contains(r#"><formula1>&quot;Open,Requested,Received,Accepted&quot;</formula1>"#)
    );
    assert!(part(&parts, "[Content_Types].xml").contains("/xl/worksheets/sheet5.xml"));
}

#[test]
fn the_german_workbook_matches_its_golden_file() {
    let (q, s) = known_snapshot();
    let de = localise(&Rc::new(q), Lang::De).unwrap();
    let parts = workbook(&de, &s, Date::parse("2027-01-04").unwrap());
    golden("workbook.de.xlsx.txt", &listing(&parts));
    let workbook = part(&parts, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"<sheet name="Lückenregister""#),
        "{workbook}"
    );
    assert!(part(&parts, "xl/worksheets/sheet5.xml")
        .contains("&quot;Offen,Angefordert,Erhalten,Akzeptiert&quot;"));
}

#[test]
fn hostile_text_in_a_note_and_a_justification_comes_back_exactly() {
    let (q, mut s) = known_snapshot();
    let hostile = format!(
        "<b>bold</b> & \"quotes\" 'single' =SUM(A1) \u{1}\u{7}\u{b}\u{1b}\r\n\ttab 🚀 مرحبا \u{202e}rtl\u{202c} _x0041_ _x00_ ]]> {}",
        "x".repeat(5000)
    );
    s.notes.insert("4.3".into(), hostile.clone());
    s.notes.insert("A.7.4".into(), hostile.clone());
    let mut answers = s.answers.clone();
    answers
        .set(
            &q,
            "A.7.4",
            aims_domain::Answer::NotApplicable(hostile.clone()),
        )
        .unwrap();
    s.answers = answers;
    let parts = workbook(&q, &s, today());
    let cells = Regex::new(r#"<t xml:space="preserve">([^<]*)</t>"#).unwrap();
    for sheet in ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"] {
        let xml = part(&parts, sheet);
        assert!(
            !xml.contains('\u{1}') && !xml.contains('\r'),
            "XML cannot carry them raw"
        );
        let found = cells
            .captures_iter(xml)
            .filter(|c| cell_text(&c[1]) == hostile)
            .count();
        // The gap register has both notes; the SoA has A.7.4's justification and note.
        assert_eq!(
            found, 2,
            "{sheet}: the notes (or the justification) exactly"
        );
    }
}

#[test]
fn text_escapes_only_what_xml_cannot_carry() {
    assert_eq!(xlsx::ooxml_text("a\u{1}b"), "a_x0001_b");
    assert_eq!(xlsx::ooxml_text("_x0041_"), "_x005F_x0041_");
    assert_eq!(xlsx::ooxml_text("_x00_ snake_case"), "_x00_ snake_case");
    assert_eq!(
        xlsx::ooxml_text("line\r\nnext\ttab"),
        "line_x000D_\nnext\ttab"
    );
    assert_eq!(
        xlsx::sheet_name("a/b:c*d?[e]\\f and a very long name beyond"),
        "a-b-c-d--e--f and a very long n"
    );
    assert_eq!(xlsx::column_name(0), "A");
    assert_eq!(xlsx::column_name(25), "Z");
    assert_eq!(xlsx::column_name(26), "AA");
}

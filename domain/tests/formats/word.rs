//! The Word report and adviser's sheet read back: the Markdown report's headings as Word's
//! heading outline, its tables with repeating header rows, a footer with page fields, the
//! sign-off block, golden files in English and German, and hostile notes exactly as typed.
//!
//! python-docx and LibreOffice Writer open the same files in the browser tests
//! (`tests/e2e/word.spec.mjs`).

use crate::reports::{golden, known_snapshot, today};
use crate::workbook::unzip;
use aims_domain::formats::catalogue::localise;
use aims_domain::formats::docx::{inline, read_markdown, Block, Run};
use aims_domain::formats::export::{Export, Response, DOCX};
use aims_domain::formats::report;
use aims_domain::formats::saved::Snapshot;
use aims_domain::model::i18n::Lang;
use aims_domain::Questionnaire;
use regex::Regex;
use std::rc::Rc;

fn document(q: &Questionnaire, s: &Snapshot, export: Export) -> Vec<(String, String)> {
    let of = Response::plain(q, s, "a1");
    let file = export
        .file(&of, None, today(), "2026-11-28T10:00:00Z")
        .unwrap();
    assert_eq!(file.mime, DOCX);
    assert!(file.name.ends_with(".docx"), "{}", file.name);
    unzip(&file.bytes)
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| n == name).unwrap().1
}

/// Each paragraph's text as Word shows it: runs joined, tabs and breaks as characters.
fn paragraphs(xml: &str) -> Vec<String> {
    let piece = Regex::new(
        r#"<w:t xml:space="preserve">([^<]*)</w:t>|<w:t>([^<]*)</w:t>|<w:tab/>|<w:br/>"#,
    )
    .unwrap();
    xml.split("</w:p>")
        .map(|p| {
            piece
                .captures_iter(p)
                .map(|c| match (c.get(1).or(c.get(2)), &c[0]) {
                    (Some(t), _) => t
                        .as_str()
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&"),
                    (None, "<w:tab/>") => "\t".into(),
                    (None, _) => "\n".into(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_word_report_has_the_markdown_report_as_an_outline_and_matches_its_golden_files() {
    let (q, s) = known_snapshot();
    let parts = document(&q, &s, Export::WordReport);
    let body = part(&parts, "word/document.xml");
    golden("report.docx.xml", body);
    // Every Markdown heading is a Word heading of the same level, in order.
    let md = report::markdown_by(&q, &s.profile, &s.answers, &s.notes, &s.people, today());
    let md_headings: Vec<String> = md
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            let level = l.chars().take_while(|c| *c == '#').count();
            format!("Heading{level} {}", l[level + 1..].replace('\\', ""))
        })
        .collect();
    let style = Regex::new(r#"<w:pStyle w:val="(Heading\d)"/></w:pPr>(.*?)</w:p>"#).unwrap();
    let headings: Vec<String> = style
        .captures_iter(body)
        .map(|c| format!("{} {}", &c[1], paragraphs(&c[2]).concat()))
        .collect();
    assert_eq!(headings[..md_headings.len()], md_headings[..]);
    assert_eq!(headings.last().unwrap(), "Heading2 Sign-off");
    // Each Markdown table is a Word table whose first row repeats on every page.
    let tables = md.lines().filter(|l| l.starts_with("|---")).count();
    assert_eq!(body.matches("<w:tbl>").count(), tables);
    assert_eq!(body.matches("<w:tblHeader/>").count(), tables);
    assert!(
        body.contains(r#"<w:jc w:val="right"/>"#),
        "figures are right-aligned"
    );
    let texts = paragraphs(body);
    assert!(
        texts.contains(
            &"4.3 Determining the scope of the AI management system: Scope v0.3 on SharePoint, \"AIMS/01\"; owner: CISO"
                .to_string()
        ),
        "{texts:?}"
    );
    assert!(texts
        .iter()
        .any(|t| t == "Risk method drafted,\nnot yet approved"
            || t.ends_with(": Risk method drafted,\nnot yet approved")));
    let footer = part(&parts, "word/footer1.xml");
    assert!(
        footer.contains("> PAGE <") && footer.contains("> NUMPAGES <"),
        "{footer}"
    );
    assert!(part(&parts, "[Content_Types].xml").contains("/word/footer1.xml"));
}

#[test]
fn the_german_word_report_and_the_adviser_sheet_match_their_golden_files() {
    let (q, s) = known_snapshot();
    let de = localise(&Rc::new(q.clone()), Lang::De).unwrap();
    let parts = document(&de, &s, Export::WordReport);
    golden("report.de.docx.xml", part(&parts, "word/document.xml"));
    assert!(part(&parts, "word/footer1.xml").contains(">Seite </w:t>"));
    let adviser = document(&q, &s, Export::WordAdviserSheet);
    golden(
        "adviser-sheet.docx.xml",
        part(&adviser, "word/document.xml"),
    );
    assert!(part(&adviser, "word/document.xml").contains(r#"<w:pStyle w:val="Heading3"/>"#));
}

#[test]
fn hostile_notes_come_back_exactly_with_control_characters_shown_as_their_pictures() {
    let (q, mut s) = known_snapshot();
    let hostile = format!(
        "<b>bold</b> & \"quotes\" **not bold** \\back\\slash\\ | pipe `code` [link](x) # not a heading\n- not a list\n> not a quote\ttab 🚀 مرحبا \u{202e}rtl\u{202c} \u{1}\u{7} <br> end {}",
        "x".repeat(4700)
    );
    s.notes.insert("4.3".into(), hostile.clone());
    let parts = document(&q, &s, Export::WordReport);
    let texts = paragraphs(part(&parts, "word/document.xml"));
    let shown = hostile
        .replace('\u{1}', "\u{2401}")
        .replace('\u{7}', "\u{2407}");
    let note = texts
        .iter()
        .find(|t| t.starts_with("4.3 Determining the scope of the AI management system: "))
        .unwrap();
    assert_eq!(
        note["4.3 Determining the scope of the AI management system: ".len()..],
        shown
    );
}

#[test]
fn the_markdown_subset_reads_as_blocks_and_runs() {
    assert_eq!(
        inline(r"a \*b\* **c** d\\"),
        [
            Run::Text {
                text: "a *b* ".into(),
                bold: false
            },
            Run::Text {
                text: "c".into(),
                bold: true
            },
            Run::Text {
                text: " d\\".into(),
                bold: false
            },
        ]
    );
    let blocks =
        read_markdown("# T\n\nline\\\n  next\n\n| a | b \\| c |\n|---|---:|\n| 1 | 2<br>3 |\n");
    assert_eq!(blocks.len(), 3);
    assert_eq!(
        blocks[1],
        Block::Paragraph(vec![
            Run::Text {
                text: "line".into(),
                bold: false
            },
            Run::Break,
            Run::Text {
                text: "next".into(),
                bold: false
            },
        ])
    );
    let Block::Table {
        header,
        rows,
        numeric,
    } = &blocks[2]
    else {
        panic!()
    };
    assert_eq!(
        header[1],
        [Run::Text {
            text: "b | c".into(),
            bold: false
        }]
    );
    assert_eq!(numeric, &[false, true]);
    assert_eq!(
        rows[0][1],
        [
            Run::Text {
                text: "2".into(),
                bold: false
            },
            Run::Break,
            Run::Text {
                text: "3".into(),
                bold: false
            }
        ]
    );
}

#[test]
fn a_hosts_name_heads_the_word_documents_as_it_heads_the_printed_cover() {
    let (q, s) = known_snapshot();
    for export in [Export::WordReport, Export::WordAdviserSheet] {
        let of = Response {
            host: Some("Acme & Söhne <Beratung>"),
            ..Response::plain(&q, &s, "a1")
        };
        let file = export
            .file(&of, None, today(), "2026-11-28T10:00:00Z")
            .unwrap();
        let parts = unzip(&file.bytes);
        let texts = paragraphs(part(&parts, "word/document.xml"));
        assert_eq!(texts[0], "Acme & Söhne <Beratung>", "{export:?}");
    }
    let without = document(&q, &s, Export::WordReport);
    assert_eq!(
        paragraphs(part(&without, "word/document.xml"))[0],
        "ISO/IEC 42001 readiness report"
    );
}

#[test]
fn a_png_or_jpeg_logo_is_pictured_in_the_word_documents_and_an_svg_is_left_out() {
    // A 1 x 1 PNG, and the start of a 64 x 32 JPEG (its frame header is what is read).
    let png = data_url("png", &base64_png());
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    jpeg.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    jpeg.extend([
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 0x01, 0x22, 0x00,
    ]);
    let jpeg_url = data_url("jpeg", &jpeg);
    let svg = data_url("svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>");
    let (q, s) = known_snapshot();
    let word = |logo: &str| {
        let of = Response {
            host: Some("Acme"),
            logo: Some((logo, "Acme & Co")),
            ..Response::plain(&q, &s, "a1")
        };
        unzip(
            &Export::WordReport
                .file(&of, None, today(), "now")
                .unwrap()
                .bytes,
        )
    };
    let with_png = word(&png);
    let body = part(&with_png, "word/document.xml");
    assert!(body.contains(r#"<wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="logo" descr="Acme &amp; Co"/>"#), "{body}");
    assert!(body.contains(r#"<a:blip r:embed="rId4"/>"#));
    assert!(part(&with_png, "word/_rels/document.xml.rels").contains(r#"Target="media/logo.png""#));
    assert!(with_png
        .iter()
        .any(|(name, _)| name == "word/media/logo.png"));
    let with_jpeg = word(&jpeg_url);
    assert!(
        part(&with_jpeg, "word/document.xml").contains(r#"<wp:extent cx="609600" cy="304800"/>"#),
        "64 x 32 px at 96 dpi"
    );
    let with_svg = word(&svg);
    assert!(!part(&with_svg, "word/document.xml").contains("<w:drawing>"));
    assert!(!with_svg
        .iter()
        .any(|(name, _)| name.starts_with("word/media/")));
}

/// A valid 1 x 1 PNG.
/// `bytes` as a data URL of an image of `kind`, base64 with padding as browsers write it.
fn data_url(kind: &str, bytes: &[u8]) -> String {
    use aims_domain::formats::share::base64url;
    let standard = base64url(bytes).replace('-', "+").replace('_', "/");
    let padding = "=".repeat((4 - standard.len() % 4) % 4);
    format!("data:image/{kind};base64,{standard}{padding}")
}

#[test]
fn the_maturity_charts_are_pictured_under_their_heading_in_each_language_and_fit_the_page() {
    // PNG headers claiming a chart's sizes (only the header is read): one as the browser draws
    // it, 1,116 x 570 px (10.6 M EMU wide at 96 dpi: scaled to 12 cm wide), one too tall.
    let (logo, wide, tall) = (
        data_url("png", &base64_png()),
        sized_png(1116, 570),
        sized_png(1116, 9000),
    );
    let (q, s) = known_snapshot();
    let de = localise(&Rc::new(q.clone()), Lang::De).unwrap();
    for (q, heading) in [
        (&q, "Maturity by clause and Annex A area"),
        (&de, "Reifegrad nach Abschnitt und Anhang-A-Bereich"),
    ] {
        let of = Response {
            host: Some("Acme"),
            logo: Some((&logo, "Acme")),
            charts: &[(&wide, "Score by clause <4-10>"), (&tall, "Score by area")],
            ..Response::plain(q, &s, "a1")
        };
        let parts = unzip(
            &Export::WordReport
                .file(&of, None, today(), "now")
                .unwrap()
                .bytes,
        );
        let body = part(&parts, "word/document.xml");
        // Right under the heading, before its table, in order, each with its own id and text.
        let under = body
            .split(heading)
            .nth(1)
            .unwrap_or_else(|| panic!("no heading {heading}"));
        let first = under
            .find(r#"<wp:docPr id="2" name="chart-1" descr="Score by clause &lt;4-10&gt;"/>"#)
            .expect("chart 1");
        let second = under
            .find(r#"<wp:docPr id="3" name="chart-2" descr="Score by area"/>"#)
            .expect("chart 2");
        assert!(first < second && second < under.find("<w:tbl>").unwrap());
        assert!(
            under.contains(r#"<wp:extent cx="4320000" cy="2206451"/>"#),
            "scaled to 12 cm wide"
        );
        assert!(
            under.contains(r#"<wp:extent cx="535680" cy="4320000"/>"#),
            "scaled to 12 cm high"
        );
        assert!(
            under.contains(r#"<a:blip r:embed="rId5"/>"#)
                && under.contains(r#"<a:blip r:embed="rId6"/>"#)
        );
        let rels = part(&parts, "word/_rels/document.xml.rels");
        for (id, target) in [
            ("rId4", "media/logo.png"),
            ("rId5", "media/chart-1.png"),
            ("rId6", "media/chart-2.png"),
        ] {
            assert!(rels.contains(&format!(r#"Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{target}""#)), "{rels}");
        }
        assert!(parts.iter().any(|(n, _)| n == "word/media/chart-2.png"));
    }
}

/// A PNG data URL whose header claims `w` x `h` pixels (only the header is read).
fn sized_png(w: u32, h: u32) -> String {
    let mut png = base64_png();
    png[16..20].copy_from_slice(&w.to_be_bytes());
    png[20..24].copy_from_slice(&h.to_be_bytes());
    data_url("png", &png)
}

/// The adviser's sheet has no maturity heading: a chart handed to it is left out, and nothing
/// else is lost.
#[test]
fn the_adviser_sheet_takes_no_chart() {
    let (q, s) = known_snapshot();
    let wide = sized_png(1116, 570);
    let of = Response {
        charts: &[(&wide, "x")],
        ..Response::plain(&q, &s, "a1")
    };
    let sheet = unzip(
        &Export::WordAdviserSheet
            .file(&of, None, today(), "now")
            .unwrap()
            .bytes,
    );
    assert!(!part(&sheet, "word/document.xml").contains("<w:drawing>"));
    assert!(!sheet
        .iter()
        .any(|(name, _)| name.starts_with("word/media/")));
    let without = document(&q, &s, Export::WordAdviserSheet);
    assert_eq!(
        paragraphs(part(&sheet, "word/document.xml")),
        paragraphs(part(&without, "word/document.xml"))
    );
}

fn base64_png() -> Vec<u8> {
    let mut png =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    png.extend(b"\0\0\0\rIDATx\xdac\xfc\xcf\xc0\x50\x0f\0\x04\x85\x01\x80\x84\xa9\x8c\x21\0\0\0\0IEND\xaeB`\x82");
    png
}

//! An editable Word document (.docx) from one of our Markdown reports: its headings become
//! Word's heading styles (a navigable outline), its tables real tables with a repeating header
//! row, its lists bulleted paragraphs; a footer numbers the pages and a sign-off block closes it.
//! Reads only the Markdown subset `report` and `adviser_sheet` write, so the Word file always
//! says what the Markdown file says, and outside text comes back as typed.

use crate::formats::write::xml_escape as escape;
use crate::formats::zip;

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run {
    Text { text: String, bold: bool },
    Break,
}

/// A block of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading(u8, Vec<Run>),
    Paragraph(Vec<Run>),
    Quote(Vec<Run>),
    Bullet(Vec<Run>),
    /// A header row, then the body rows; which columns hold figures (right-aligned).
    Table {
        header: Vec<Vec<Run>>,
        rows: Vec<Vec<Vec<Run>>>,
        numeric: Vec<bool>,
    },
}

/// What the document says around the report: its title (document properties), the footer's
/// "Page {page} of {pages}" in the report's language, and the sign-off block's labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub title: String,
    /// The host's name, first on the first page (as on the printed report's cover).
    pub letterhead: Option<String>,
    /// The host's logo beside it, when it is a PNG or JPEG image.
    pub logo: Option<Picture>,
    /// Charts (the browser draws them: src/ui/canvas.rs `chart_as_png`), placed under the
    /// first heading whose text is `charts_after`.
    pub charts: Vec<Picture>,
    pub charts_after: String,
    pub page_of: String,
    pub sign_off: String,
    pub sign_off_lines: Vec<String>,
}

/// A picture (the logo on the first page, a chart): its bytes, kind and size in pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub bytes: Vec<u8>,
    /// "png" or "jpeg".
    pub kind: &'static str,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl Picture {
    /// A picture from a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL whose size
    /// can be read from its header; `None` for anything else (the app draws an SVG, WebP or file
    /// path logo as a PNG first: src/ui/canvas.rs `logo_as_png`).
    pub fn from_data_url(url: &str, alt: &str) -> Option<Picture> {
        let (kind, body) = [
            ("png", "data:image/png;base64,"),
            ("jpeg", "data:image/jpeg;base64,"),
        ]
        .into_iter()
        .find_map(|(kind, prefix)| url.strip_prefix(prefix).map(|b| (kind, b)))?;
        let standard = body
            .trim_end_matches('=')
            .replace('+', "-")
            .replace('/', "_");
        let bytes = crate::formats::share::from_base64url(&standard)?;
        let (width, height) = match kind {
            "png" => png_size(&bytes)?,
            _ => jpeg_size(&bytes)?,
        };
        let alt = alt.to_string();
        Some(Picture {
            bytes,
            kind,
            width,
            height,
            alt,
        })
    }
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.get(..24)?;
    (header.starts_with(b"\x89PNG\r\n\x1a\n") && &header[12..16] == b"IHDR").then(|| {
        let be = |at: usize| {
            u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
        };
        (be(16), be(20))
    })
}

/// A JPEG's width and height, from its first start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    while at + 9 < bytes.len() && bytes.starts_with(&[0xFF, 0xD8]) {
        let (marker, length) = (
            bytes[at + 1],
            usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]])),
        );
        if bytes[at] != 0xFF {
            return None;
        }
        if matches!(marker, 0xC0..=0xC3) {
            let be = |i: usize| u32::from(u16::from_be_bytes([bytes[i], bytes[i + 1]]));
            return Some((be(at + 7), be(at + 5)));
        }
        at += 2 + length;
    }
    None
}

/// A picture inline in its own paragraph, `number` counting the document's pictures from 1
/// (relationship `rId{number + 3}`, `word/media/{name}.{kind}`), at its size at 96 dpi (EMU:
/// 9,525 per pixel) scaled down to fit `max` (width, height in EMU).
fn picture_xml(picture: &Picture, name: &str, number: usize, max: (u64, u64)) -> String {
    let (w, h) = (
        u64::from(picture.width.max(1)) * 9525,
        u64::from(picture.height.max(1)) * 9525,
    );
    // The smaller of the two scales (as a fraction of w or h), never above 1.
    let (cx, cy) = if w * max.1 > h * max.0 {
        (w.min(max.0), h * w.min(max.0) / w)
    } else {
        (w * h.min(max.1) / h, h.min(max.1))
    };
    let rel = number + 3;
    format!(
        r#"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="{name}" descr="{alt}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="{number}" name="{name}.{kind}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        alt = escape(&picture.alt),
        kind = picture.kind,
    )
}

/// The logo at most 1.5 cm high and the text's width (17 cm); a chart at most 12 cm wide and
/// high (its 12 px labels then print at about the body text's size).
const LOGO_MAX: (u64, u64) = (6_120_000, 540_000);
const CHART_MAX: (u64, u64) = (4_320_000, 4_320_000);

/// The blocks of a Markdown report written by this crate.
pub fn read_markdown(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut at = 0;
    while at < lines.len() {
        // A line ending in a hard break (an odd run of backslashes) goes on in the next one.
        let mut text = lines[at].to_string();
        while hard_break(&text) && at + 1 < lines.len() {
            at += 1;
            text.push('\n');
            text.push_str(lines[at].strip_prefix("  ").unwrap_or(lines[at]));
        }
        at += 1;
        if text.starts_with('|') {
            let mut table = vec![text];
            while at < lines.len() && lines[at].starts_with('|') {
                table.push(lines[at].to_string());
                at += 1;
            }
            blocks.push(read_table(&table));
            continue;
        }
        let heading = text.chars().take_while(|c| *c == '#').count();
        let block = if text.is_empty() {
            continue;
        } else if (1..=3).contains(&heading) && text[heading..].starts_with(' ') {
            Block::Heading(heading as u8, inline(&text[heading + 1..]))
        } else if let Some(rest) = text.strip_prefix("> ") {
            Block::Quote(inline(rest))
        } else if let Some(rest) = text.strip_prefix("- [ ] ") {
            Block::Bullet(inline(&format!("☐ {rest}")))
        } else if let Some(rest) = text.strip_prefix("- ") {
            Block::Bullet(inline(rest))
        } else {
            Block::Paragraph(inline(&text))
        };
        blocks.push(block);
    }
    blocks
}

fn hard_break(line: &str) -> bool {
    line.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1
}

fn read_table(lines: &[String]) -> Block {
    let cells = |line: &str| -> Vec<String> {
        let mut cells = vec![String::new()];
        let mut escaped = false;
        for c in line.trim().trim_start_matches('|').chars() {
            match c {
                '|' if !escaped => cells.push(String::new()),
                c => {
                    escaped = c == '\\' && !escaped;
                    if let Some(cell) = cells.last_mut() {
                        cell.push(c);
                    }
                }
            }
        }
        cells.pop(); // after the closing bar
        cells.iter().map(|c| c.trim().to_string()).collect()
    };
    let header: Vec<Vec<Run>> = cells(&lines[0]).iter().map(|c| inline(c)).collect();
    let numeric = lines
        .get(1)
        .map(|l| cells(l).iter().map(|c| c.ends_with(':')).collect())
        .unwrap_or_default();
    let rows = lines
        .iter()
        .skip(2)
        .map(|l| cells(l).iter().map(|c| inline(c)).collect())
        .collect();
    Block::Table {
        header,
        rows,
        numeric,
    }
}

/// Runs from inline Markdown: `**` toggles bold, a backslash takes the next character as it
/// is, a backslash before a line break (or `<br>` in a table cell) breaks the line.
pub fn inline(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current = String::new();
    let mut bold = false;
    let mut chars = text.chars().peekable();
    let flush = |runs: &mut Vec<Run>, current: &mut String, bold: bool| {
        if !current.is_empty() {
            runs.push(Run::Text {
                text: std::mem::take(current),
                bold,
            });
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\n') => {
                    flush(&mut runs, &mut current, bold);
                    runs.push(Run::Break);
                }
                Some(next) => current.push(next),
                None => {}
            },
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                flush(&mut runs, &mut current, bold);
                bold = !bold;
            }
            '<' if text_at(&mut chars, "br>") => {
                flush(&mut runs, &mut current, bold);
                runs.push(Run::Break);
            }
            c => current.push(c),
        }
    }
    flush(&mut runs, &mut current, bold);
    runs
}

/// Consumes `rest` if the characters ahead are exactly it.
fn text_at(chars: &mut std::iter::Peekable<std::str::Chars>, rest: &str) -> bool {
    let ahead: String = chars.clone().take(rest.chars().count()).collect();
    if ahead == rest {
        for _ in 0..rest.chars().count() {
            chars.next();
        }
        true
    } else {
        false
    }
}

/// Adds `picture` to the document's pictures (named `name`) and its paragraph to `body`.
fn place<'a>(
    body: &mut String,
    pictures: &mut Vec<(String, &'a Picture)>,
    (name, picture): (String, &'a Picture),
    max: (u64, u64),
) {
    body.push_str(&picture_xml(picture, &name, pictures.len() + 1, max));
    pictures.push((name, picture));
}

/// The .docx file of `blocks` in `frame`.
pub fn document(blocks: &[Block], frame: &Frame) -> Vec<u8> {
    let mut body = String::new();
    let mut pictures = Vec::new();
    if let Some(logo) = &frame.logo {
        place(&mut body, &mut pictures, ("logo".into(), logo), LOGO_MAX);
    }
    if let Some(host) = &frame.letterhead {
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:spacing w:after="240"/></w:pPr>{}</w:p>"#,
            runs_xml(
                &[Run::Text {
                    text: host.clone(),
                    bold: true
                }],
                false
            )
        ));
    }
    let mut charts = Some(&frame.charts).filter(|c| !c.is_empty());
    for block in blocks {
        block_xml(&mut body, block);
        let anchor = matches!(block, Block::Heading(_, runs) if runs.iter().map(plain).collect::<String>() == frame.charts_after);
        if let Some(list) = charts.filter(|_| anchor) {
            for (n, chart) in list.iter().enumerate() {
                let name = format!("chart-{}", n + 1);
                place(&mut body, &mut pictures, (name, chart), CHART_MAX);
                let caption = Run::Text {
                    text: chart.alt.clone(),
                    bold: false,
                };
                paragraph(&mut body, r#"<w:pStyle w:val="Caption"/>"#, &[caption]);
            }
            charts = None;
        }
    }
    heading_xml(&mut body, 2, &frame.sign_off);
    for line in &frame.sign_off_lines {
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:spacing w:before="360"/></w:pPr>{}<w:r><w:tab/><w:t>______________________________</w:t></w:r></w:p>"#,
            runs_xml(&[Run::Text { text: line.clone(), bold: false }], false)
        ));
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let media: Vec<(String, &[u8])> = pictures
        .iter()
        .map(|(name, p)| (format!("word/media/{name}.{}", p.kind), p.bytes.as_slice()))
        .collect();
    let links: String = media
        .iter()
        .enumerate()
        .map(|(n, (name, _))| format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{}"/>"#, n + 4, &name["word/".len()..]))
        .collect();
    let rels = DOCUMENT_RELS.replace("</Relationships>", &format!("{links}</Relationships>"));
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", ROOT_RELS.into()),
        ("docProps/core.xml", core(&frame.title)),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels),
        ("word/styles.xml", STYLES.into()),
        ("word/numbering.xml", NUMBERING.into()),
        ("word/footer1.xml", footer(&frame.page_of)),
    ];
    let mut entries: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
    entries.extend(media.iter().map(|(name, bytes)| (name.as_str(), *bytes)));
    zip::stored(&entries)
}

fn block_xml(out: &mut String, block: &Block) {
    match block {
        Block::Heading(level, runs) => {
            let text: String = runs.iter().map(plain).collect();
            heading_xml(out, *level, &text);
        }
        Block::Paragraph(runs) => paragraph(out, "", runs),
        Block::Quote(runs) => paragraph(out, r#"<w:pStyle w:val="Quote"/>"#, runs),
        Block::Bullet(runs) => paragraph(
            out,
            r#"<w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#,
            runs,
        ),
        Block::Table {
            header,
            rows,
            numeric,
        } => table_xml(out, header, rows, numeric),
    }
}

fn plain(run: &Run) -> String {
    match run {
        Run::Text { text, .. } => text.clone(),
        Run::Break => " ".into(),
    }
}

fn heading_xml(out: &mut String, level: u8, text: &str) {
    out.push_str(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>{}</w:p>"#,
        runs_xml(
            &[Run::Text {
                text: text.into(),
                bold: false
            }],
            false
        )
    ));
}

fn paragraph(out: &mut String, properties: &str, runs: &[Run]) {
    out.push_str(&format!(
        "<w:p><w:pPr>{properties}</w:pPr>{}</w:p>",
        runs_xml(runs, false)
    ));
}

fn table_xml(out: &mut String, header: &[Vec<Run>], rows: &[Vec<Vec<Run>>], numeric: &[bool]) {
    let widths = column_widths(header, rows);
    out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid>"#);
    for width in &widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    let row = |out: &mut String, cells: &[Vec<Run>], head: bool| {
        out.push_str(if head {
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr>"
        });
        for (n, cell) in cells.iter().enumerate() {
            let width = widths.get(n).copied().unwrap_or(0);
            let align = if numeric.get(n) == Some(&true) {
                r#"<w:jc w:val="right"/>"#
            } else {
                ""
            };
            out.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/>{align}</w:pPr>{}</w:p></w:tc>"#,
                runs_xml(cell, head)
            ));
        }
        out.push_str("</w:tr>");
    };
    row(out, header, true);
    for cells in rows {
        row(out, cells, false);
    }
    out.push_str("</w:tbl><w:p/>");
}

/// Each column's width on the page (twips, 9,638 in all), by the average length of its text:
/// ids and figures narrow, titles wide.
fn column_widths(header: &[Vec<Run>], rows: &[Vec<Vec<Run>>]) -> Vec<usize> {
    let length = |cell: &Vec<Run>| cell.iter().map(|r| plain(r).chars().count()).sum::<usize>();
    let weights: Vec<usize> = (0..header.len())
        .map(|n| {
            let cells = rows.iter().filter_map(|r| r.get(n));
            let total: usize = cells.clone().map(length).sum::<usize>() + length(&header[n]);
            // A header's longest word is never broken.
            let word = header[n]
                .iter()
                .flat_map(|r| {
                    plain(r)
                        .split(' ')
                        .map(|w| w.chars().count())
                        .collect::<Vec<_>>()
                })
                .max()
                .unwrap_or(0);
            (total / (cells.count() + 1)).max(word + 1).clamp(4, 40)
        })
        .collect();
    let sum = weights.iter().sum::<usize>().max(1);
    weights.iter().map(|w| 9638 * w / sum).collect()
}

/// Runs as WordprocessingML: tabs and line breaks as Word's own elements, characters XML
/// cannot carry (other control characters) as their visible Unicode pictures (U+2400 on).
fn runs_xml(runs: &[Run], all_bold: bool) -> String {
    let mut out = String::new();
    for run in runs {
        let (text, bold) = match run {
            Run::Break => {
                out.push_str("<w:r><w:br/></w:r>");
                continue;
            }
            Run::Text { text, bold } => (text, *bold || all_bold),
        };
        out.push_str(if bold {
            "<w:r><w:rPr><w:b/></w:rPr>"
        } else {
            "<w:r>"
        });
        for (n, piece) in text.split('\t').enumerate() {
            if n > 0 {
                out.push_str("<w:tab/>");
            }
            if piece.is_empty() {
                continue;
            }
            let shown: String = piece
                .chars()
                .map(|c| match u32::from(c) {
                    code @ 0..=0x1F => char::from_u32(0x2400 + code).unwrap_or(c),
                    0x7F => '\u{2421}',
                    _ => c,
                })
                .collect();
            out.push_str(&format!(
                r#"<w:t xml:space="preserve">{}</w:t>"#,
                escape(&shown)
            ));
        }
        out.push_str("</w:r>");
    }
    out
}

fn footer(page_of: &str) -> String {
    // "Page {page} of {pages}": the placeholders become Word's page fields.
    let mut runs = String::new();
    let mut rest = page_of;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        runs.push_str(&text_run(&rest[..open]));
        let field = match &rest[open..close] {
            "{page}" => "PAGE",
            "{pages}" => "NUMPAGES",
            _ => "",
        };
        if !field.is_empty() {
            runs.push_str(&format!(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {field} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#));
        }
        rest = &rest[close..];
    }
    runs.push_str(&text_run(rest));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>{runs}</w:p></w:ftr>"#
    )
}

fn text_run(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(text)
        )
    }
}

fn core(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title></cp:coreProperties>"#,
        escape(title)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="567"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

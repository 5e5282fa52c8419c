//! An Office Open XML workbook (.xlsx) from typed sheets: text stays text (so "4.1" and
//! "6.1.2" never become a number or a date), numbers and dates keep their types, header rows
//! are frozen and filtered, columns sized, and drop-down lists where a column takes a choice.

use crate::formats::write::xml_escape as escape;
use crate::formats::zip;
use crate::model::date::Date;

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    /// Kept exactly as typed: markup, control characters and formula-like text included.
    Text(String),
    /// A number in tenths (15 is 1.5): every figure the widget shows has at most one decimal,
    /// and whole numbers written by hand keep float formatting out of the wasm.
    Tenths(i64),
    /// A whole percentage, shown as one (49 is 49 %).
    Percent(u32),
    Date(Date),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    pub fn whole(n: impl Into<i64>) -> Cell {
        Cell::Tenths(n.into() * 10)
    }
}

/// The value of a number cell: "1.5" for 15 tenths, "3" for 30.
fn tenths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let (whole, tenth) = (value.unsigned_abs() / 10, value.unsigned_abs() % 10);
    match tenth {
        0 => format!("{sign}{whole}"),
        _ => format!("{sign}{whole}.{tenth}"),
    }
}

/// A column: its header and its width in characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: u8,
    /// The values a cell of this column may take, offered as a drop-down (none: free input).
    pub choices: Vec<String>,
    /// Cells typed in later are dates (the evidence's "last checked").
    pub dates: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, width: u8) -> Column {
        Column {
            header: header.into(),
            width,
            choices: Vec::new(),
            dates: false,
        }
    }
}

/// A worksheet: a header row (frozen, with filters) over its rows, or, when `table` is
/// false, plain rows (the summary), the first one frozen.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub table: bool,
    /// Rows the drop-down lists and date columns reach beyond the last one, for rows added.
    pub spare_rows: usize,
}

/// The styles the cells use, by their index in `styles.xml`.
const HEADER: u8 = 1;
const DATE: u8 = 2;
const WRAP: u8 = 3;
const PERCENT: u8 = 4;

/// The workbook as the bytes of an .xlsx file.
pub fn workbook(sheets: &[Sheet], title: &str) -> Vec<u8> {
    let mut parts: Vec<(String, String)> = vec![
        ("[Content_Types].xml".into(), content_types(sheets.len())),
        ("_rels/.rels".into(), ROOT_RELS.into()),
        ("docProps/core.xml".into(), core(title)),
        ("xl/workbook.xml".into(), workbook_xml(sheets)),
        (
            "xl/_rels/workbook.xml.rels".into(),
            workbook_rels(sheets.len()),
        ),
        ("xl/styles.xml".into(), STYLES.into()),
    ];
    for (n, sheet) in sheets.iter().enumerate() {
        parts.push((
            format!("xl/worksheets/sheet{}.xml", n + 1),
            sheet_xml(sheet),
        ));
    }
    let entries: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, xml)| (name.as_str(), xml.as_bytes()))
        .collect();
    zip::stored(&entries)
}

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

fn content_types(sheets: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    );
    for n in 1..=sheets {
        xml.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
    }
    xml.push_str("</Types>");
    xml
}

fn core(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title></cp:coreProperties>"#,
        escape(title)
    )
}

fn workbook_xml(sheets: &[Sheet]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>"#,
    );
    for (n, sheet) in sheets.iter().enumerate() {
        let id = n + 1;
        xml.push_str(&format!(
            r#"<sheet name="{}" sheetId="{id}" r:id="rId{id}"/>"#,
            escape(&sheet_name(&sheet.name))
        ));
    }
    xml.push_str("</sheets><definedNames>");
    // Spreadsheet programs keep a filter's range under this hidden name.
    for (n, sheet) in sheets.iter().enumerate().filter(|(_, s)| s.table) {
        xml.push_str(&format!(
            r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'{}'!{}</definedName>"#,
            escape(&sheet_name(&sheet.name).replace('\'', "''")),
            absolute(&range(sheet))
        ));
    }
    xml.push_str("</definedNames></workbook>");
    xml.replace("<definedNames></definedNames>", "")
}

fn workbook_rels(sheets: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for n in 1..=sheets {
        xml.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    let styles = sheets + 1;
    xml.push_str(&format!(r#"<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#));
    xml
}

/// A sheet name as spreadsheets accept it: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(name: &str) -> String {
    name.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

/// The header and every row, "A1:K40".
fn range(sheet: &Sheet) -> String {
    let columns = sheet.columns.len().max(1);
    format!("A1:{}{}", column_name(columns - 1), sheet.rows.len() + 1)
}

fn absolute(range: &str) -> String {
    range
        .split(':')
        .map(|cell| {
            let split = cell
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(cell.len());
            format!("${}${}", &cell[..split], &cell[split..])
        })
        .collect::<Vec<_>>()
        .join(":")
}

/// "A" for 0, "Z" for 25, "AA" for 26.
pub fn column_name(index: usize) -> String {
    let mut name = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        name.push(b'A' + rest as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn sheet_xml(sheet: &Sheet) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>"#,
    );
    for (n, column) in sheet.columns.iter().enumerate() {
        let style = if column.dates { DATE } else { WRAP };
        xml.push_str(&format!(
            r#"<col min="{0}" max="{0}" width="{1}" style="{style}" customWidth="1"/>"#,
            n + 1,
            column.width
        ));
    }
    xml.push_str("</cols><sheetData>");
    let header: Vec<Cell> = sheet
        .columns
        .iter()
        .map(|c| match c.header.as_str() {
            "" => Cell::Empty,
            text => Cell::text(text),
        })
        .collect();
    let widths: Vec<u8> = sheet.columns.iter().map(|c| c.width).collect();
    row_xml(&mut xml, 1, &header, HEADER, &widths);
    for (n, row) in sheet.rows.iter().enumerate() {
        row_xml(&mut xml, n + 2, row, WRAP, &widths);
    }
    xml.push_str("</sheetData>");
    if sheet.table {
        xml.push_str(&format!(r#"<autoFilter ref="{}"/>"#, range(sheet)));
    }
    validations(&mut xml, sheet);
    xml.push_str(r#"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#);
    xml
}

fn row_xml(xml: &mut String, number: usize, cells: &[Cell], text_style: u8, widths: &[u8]) {
    // Spreadsheets do not grow a row for wrapped text on opening (LibreOffice keeps the file's
    // height): the height is set from the longest cell, at most the 409 points a row holds.
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| match cell {
            Cell::Text(text) => wrapped_lines(text, usize::from(*width)),
            _ => 1,
        })
        .max()
        .unwrap_or(1);
    if lines > 1 {
        let height = (lines * 15).min(409);
        xml.push_str(&format!(
            r#"<row r="{number}" ht="{height}" customHeight="1">"#
        ));
    } else {
        xml.push_str(&format!(r#"<row r="{number}">"#));
    }
    for (n, cell) in cells.iter().enumerate() {
        let at = format!("{}{number}", column_name(n));
        match cell {
            Cell::Empty => {}
            Cell::Text(text) => xml.push_str(&format!(
                r#"<c r="{at}" s="{text_style}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                escape(&ooxml_text(text))
            )),
            Cell::Tenths(value) => xml.push_str(&format!(
                r#"<c r="{at}" s="{WRAP}"><v>{}</v></c>"#,
                tenths(*value)
            )),
            Cell::Percent(value) => xml.push_str(&format!(
                r#"<c r="{at}" s="{PERCENT}"><v>{}.{:02}</v></c>"#,
                value / 100,
                value % 100
            )),
            Cell::Date(date) => xml.push_str(&format!(
                r#"<c r="{at}" s="{DATE}"><v>{}</v></c>"#,
                serial(*date)
            )),
        }
    }
    xml.push_str("</row>");
}

/// How many lines `text` takes in a wrapped column `width` characters wide (an estimate: a
/// character is about one unit of width).
fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.max(4);
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(width).max(1))
        .sum()
}

/// Drop-down lists for the columns with choices, down to the spare rows.
fn validations(xml: &mut String, sheet: &Sheet) {
    let last = sheet.rows.len() + 1 + sheet.spare_rows;
    let lists: Vec<(usize, &Column)> = sheet
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.choices.is_empty())
        .collect();
    if lists.is_empty() {
        return;
    }
    xml.push_str(&format!(r#"<dataValidations count="{}">"#, lists.len()));
    for (n, column) in lists {
        let name = column_name(n);
        // A list given inline is one quoted string, its values separated by commas.
        let values: Vec<String> = column
            .choices
            .iter()
            .map(|c| c.replace([',', '"'], " "))
            .collect();
        xml.push_str(&format!(
            r#"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="{name}2:{name}{last}"><formula1>{}</formula1></dataValidation>"#,
            escape(&format!("\"{}\"", values.join(",")))
        ));
    }
    xml.push_str("</dataValidations>");
}

/// Days since 1899-12-30, the date serial spreadsheets count in.
pub fn serial(date: Date) -> i64 {
    let base = Date::new(1899, 12, 30).map_or(0, Date::days_since_epoch);
    date.days_since_epoch() - base
}

/// Text as a cell holds it: characters XML cannot carry (most control characters) written as
/// `_xHHHH_`, and an underscore that would start such an escape written as `_x005F_`, so a
/// spreadsheet reads back exactly what was typed (ECMA-376 Part 1, ST_Xstring).
pub fn ooxml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let carried =
            matches!(c, '\t' | '\n') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'));
        if !carried {
            out.push_str(&format!("_x{:04X}_", u32::from(c)));
        } else if c == '_' && looks_escaped(&text[at..]) {
            out.push_str("_x005F_");
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `text` starts with `_xHHHH_`.
fn looks_escaped(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 7
        && bytes[1] == b'x'
        && bytes[2..6].iter().all(u8::is_ascii_hexdigit)
        && bytes[6] == b'_'
}

//! The interface texts' tooling, never in the wasm: reads gettext `.po` files (the subset
//! translators' tools write; the core's build script compiles the interface translations with
//! it, and its native translators' tool reads a questionnaire's translated `.po` back,
//! `formats::translation_po`), and finds the texts the sources mark ([`marks`]).

pub mod marks;

/// One translated entry: a plain text, or a text with plural forms (`msgid_plural`,
/// `msgstr[0]`, `msgstr[1]`, …; which form a number takes is `Lang::plural_form`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoEntry {
    /// `msgctxt`: which of several places with the same English text this entry is for.
    pub context: Option<String>,
    pub id: String,
    pub plural: Option<String>,
    /// The translation; one text per plural form for plural entries.
    pub forms: Vec<String>,
}

/// The translated entries of a `.po` text as (English, translation) pairs: `msgid`/`msgstr`
/// with continuation lines, comments, and the escapes \" \\ \n \t. Untranslated (empty) and
/// fuzzy entries are left out, so the app falls back to English and domain/tests/model/i18n.rs reports them.
/// A `#, fuzzy` flag belongs to the entry that follows it. Plural entries are left out here;
/// [`parse_po_entries`] has them.
pub fn parse_po(text: &str) -> Result<Vec<(String, String)>, String> {
    Ok(parse_po_entries(text)?
        .into_iter()
        .filter(|e| e.plural.is_none())
        .map(|e| (e.id, e.forms.into_iter().next().unwrap_or_default()))
        .collect())
}

/// Which string the continuation lines of the current entry extend.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Context,
    Id,
    Plural,
    Form(usize),
}

/// Every translated entry of a `.po` text, plain and plural.
pub fn parse_po_entries(text: &str) -> Result<Vec<PoEntry>, String> {
    let mut entries = Vec::new();
    let mut current: Option<PoEntry> = None;
    let (mut fuzzy, mut next_fuzzy) = (false, false);
    let mut slot = Slot::Id;
    let mut flush = |entry: &mut Option<PoEntry>, fuzzy: bool| {
        if let Some(e) = entry.take() {
            let complete = !e.forms.is_empty() && e.forms.iter().all(|f| !f.is_empty());
            if !e.id.is_empty() && complete && !fuzzy {
                entries.push(e);
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        let bad = |what: &str| format!("line {}: bad {what}", n + 1);
        if let Some(flags) = line.strip_prefix("#,") {
            // A flag line starts the comments of the next entry: the current one is complete.
            flush(&mut current, fuzzy);
            fuzzy = false;
            next_fuzzy = flags.split(',').any(|flag| flag.trim() == "fuzzy");
        } else if line.is_empty() || line.starts_with('#') {
            continue;
        } else if let Some(rest) = line.strip_prefix("msgid_plural ") {
            let entry = current.as_mut().ok_or(bad("msgid_plural"))?;
            entry.plural = Some(unquote(rest).ok_or(bad("msgid_plural"))?);
            slot = Slot::Plural;
        } else if let Some(rest) = line.strip_prefix("msgctxt ") {
            flush(&mut current, fuzzy);
            fuzzy = std::mem::take(&mut next_fuzzy);
            current = Some(PoEntry {
                context: Some(unquote(rest).ok_or(bad("msgctxt"))?),
                id: String::new(),
                plural: None,
                forms: Vec::new(),
            });
            slot = Slot::Context;
        } else if let Some(rest) = line.strip_prefix("msgid ") {
            let id = unquote(rest).ok_or(bad("msgid"))?;
            // After a msgctxt, the msgid belongs to the same entry.
            match current.as_mut().filter(|_| slot == Slot::Context) {
                Some(entry) => entry.id = id,
                None => {
                    flush(&mut current, fuzzy);
                    fuzzy = std::mem::take(&mut next_fuzzy);
                    current = Some(PoEntry {
                        context: None,
                        id,
                        plural: None,
                        forms: Vec::new(),
                    });
                }
            }
            slot = Slot::Id;
        } else if let Some(rest) = line.strip_prefix("msgstr") {
            let entry = current.as_mut().ok_or(bad("msgstr"))?;
            slot = Slot::Form(msgstr(entry, rest, n)?);
        } else if line.starts_with('"') {
            let more = unquote(line).ok_or(bad("string"))?;
            let entry = current
                .as_mut()
                .ok_or(format!("line {}: string outside an entry", n + 1))?;
            continue_string(entry, slot, &more);
        } else {
            return Err(format!("line {}: not a .po line: {line}", n + 1));
        }
    }
    flush(&mut current, fuzzy);
    Ok(entries)
}

/// A `msgstr` or `msgstr[N]` line (`rest` after the keyword) of line `n`: its text becomes the
/// entry's next form, which must be form N. Returns N.
fn msgstr(entry: &mut PoEntry, rest: &str, n: usize) -> Result<usize, String> {
    let bad = |what: &str| format!("line {}: bad {what}", n + 1);
    let (index, value) = match rest.strip_prefix('[') {
        Some(indexed) => {
            let (i, value) = indexed.split_once(']').ok_or(bad("msgstr[N]"))?;
            (i.parse::<usize>().map_err(|_| bad("msgstr[N]"))?, value)
        }
        None => (0, rest),
    };
    if index != entry.forms.len() {
        return Err(format!("line {}: msgstr[{index}] out of order", n + 1));
    }
    entry.forms.push(unquote(value).ok_or(bad("msgstr"))?);
    Ok(index)
}

/// A continuation line's text, added to the part of the entry the last keyword opened.
fn continue_string(entry: &mut PoEntry, slot: Slot, more: &str) {
    match slot {
        Slot::Context => entry.context.get_or_insert_with(String::new).push_str(more),
        Slot::Id => entry.id.push_str(more),
        Slot::Plural => entry.plural.get_or_insert_with(String::new).push_str(more),
        Slot::Form(i) => entry.forms[i].push_str(more),
    }
}

fn unquote(text: &str) -> Option<String> {
    let inner = text.trim().strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                'n' => '\n',
                't' => '\t',
                other => other,
            });
        } else {
            out.push(c);
        }
    }
    Some(out)
}

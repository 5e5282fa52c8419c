//! Reads gettext `.po` files (the subset translators' tools write); shared by build.rs, which
//! compiles the interface translations, and by the tests that check it.

/// The translated entries of a `.po` text as (English, translation) pairs: `msgid`/`msgstr`
/// with continuation lines, comments, and the escapes \" \\ \n \t. Untranslated (empty) and
/// fuzzy entries are left out, so the app falls back to English and tests/i18n.rs reports them.
/// A `#, fuzzy` flag belongs to the entry that follows it.
pub fn parse_po(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    // The entry being read, and whether it carries the fuzzy flag.
    let (mut id, mut msg, mut fuzzy) = (None::<String>, None::<String>, false);
    // A flag line seen before the next entry's msgid.
    let mut next_fuzzy = false;
    let mut in_id = false;
    let mut flush = |id: &mut Option<String>, msg: &mut Option<String>, fuzzy: bool| {
        if let (Some(i), Some(m)) = (id.take(), msg.take()) {
            if !i.is_empty() && !m.is_empty() && !fuzzy {
                pairs.push((i, m));
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(flags) = line.strip_prefix("#,") {
            // A flag line starts the comments of the next entry: the current one is complete.
            flush(&mut id, &mut msg, fuzzy);
            fuzzy = false;
            next_fuzzy = flags.split(',').any(|flag| flag.trim() == "fuzzy");
        } else if line.is_empty() || line.starts_with('#') {
            continue;
        } else if let Some(rest) = line.strip_prefix("msgid ") {
            flush(&mut id, &mut msg, fuzzy);
            fuzzy = std::mem::take(&mut next_fuzzy);
            id = Some(unquote(rest).ok_or(format!("line {}: bad msgid", n + 1))?);
            in_id = true;
        } else if let Some(rest) = line.strip_prefix("msgstr ") {
            msg = Some(unquote(rest).ok_or(format!("line {}: bad msgstr", n + 1))?);
            in_id = false;
        } else if line.starts_with('"') {
            let more = unquote(line).ok_or(format!("line {}: bad string", n + 1))?;
            let slot = if in_id { id.as_mut() } else { msg.as_mut() };
            slot.ok_or(format!("line {}: string outside an entry", n + 1))?
                .push_str(&more);
        } else {
            return Err(format!("line {}: not a .po line: {line}", n + 1));
        }
    }
    flush(&mut id, &mut msg, fuzzy);
    Ok(pairs)
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

//! The .po reader the core's build script compiles translations with: a fuzzy flag drops the entry it
//! belongs to (the one after it), never its neighbour.

use aims_po as po;

#[test]
fn a_fuzzy_flag_drops_the_entry_it_belongs_to_and_keeps_the_one_before() {
    let text = r#"
msgid ""
msgstr ""
"Language: de\n"

msgid "Good"
msgstr "Gut"

#, fuzzy
msgid "Doubtful"
msgstr "Zweifelhaft"

#, c-format, fuzzy
msgid "Also doubtful"
msgstr "Auch"

#. a translator comment
msgid "Multi"
"line"
msgstr "Mehr"
"zeilig"

msgid "Empty"
msgstr ""
"#;
    let pairs = po::parse_po(text).unwrap();
    assert_eq!(
        pairs,
        [
            ("Good".to_string(), "Gut".to_string()),
            ("Multiline".to_string(), "Mehrzeilig".to_string()),
        ]
    );
}

#[test]
fn a_broken_line_is_reported_with_its_number() {
    let err = po::parse_po("msgid \"a\"\nmsgstr \"b\"\nnonsense\n").unwrap_err();
    assert!(err.starts_with("line 3"), "{err}");
}

#[test]
fn plural_entries_keep_every_form() {
    let text = r#"
msgid "{n} blocker"
msgid_plural "{n} blockers"
msgstr[0] "{n} Blocker"
msgstr[1] "{n} Blocker"
"gn"

msgid "Plain"
msgstr "Schlicht"
"#;
    let entries = po::parse_po_entries(text).unwrap();
    assert_eq!(entries[0].plural.as_deref(), Some("{n} blockers"));
    assert_eq!(entries[0].forms, ["{n} Blocker", "{n} Blockergn"]);
    assert_eq!(
        po::parse_po(text).unwrap(),
        [("Plain".to_string(), "Schlicht".to_string())]
    );
}

#[test]
fn a_context_belongs_to_its_entry_and_keeps_equal_english_texts_apart() {
    let text = r#"
msgctxt "items.4.1.levels.0"
msgid "Nothing exists."
msgstr "Rien n'existe."

#, fuzzy
msgctxt "items.4.2.levels.0"
msgid "Nothing exists."
msgstr "Douteux"

msgctxt "items.4.3."
"levels.0"
msgid "Nothing exists."
msgstr "Il n'y a rien."

msgid "No context"
msgstr "Sans contexte"
"#;
    let entries = po::parse_po_entries(text).unwrap();
    let found: Vec<(Option<&str>, &str, &str)> = entries
        .iter()
        .map(|e| (e.context.as_deref(), e.id.as_str(), e.forms[0].as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("items.4.1.levels.0"),
                "Nothing exists.",
                "Rien n'existe."
            ),
            (
                Some("items.4.3.levels.0"),
                "Nothing exists.",
                "Il n'y a rien."
            ),
            (None, "No context", "Sans contexte"),
        ]
    );
}

//! Questionnaire translations through gettext: every built-in translation file, written as a
//! `.po` and read back, comes out byte for byte as it is, and a `.po` with gaps, stale English
//! or unknown places is refused with every problem named.

use aims_domain::formats::catalogue;
use aims_domain::formats::translation_po::{from_po, places, to_po};
use aims_domain::model::i18n::Lang;

#[test]
fn every_translation_file_survives_the_trip_through_a_po_file_byte_for_byte() {
    let mut checked = 0;
    for base in catalogue::questionnaires() {
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let file = catalogue::translation_file(&base.id, lang).expect("a translation file");
            let translated = catalogue::localise(&base, lang).unwrap();
            let po = to_po(&base, Some(&translated), lang.code());
            assert!(po.contains(&format!("\"Language: {}\\n\"", lang.code())));
            assert_eq!(
                po.matches("\nmsgctxt ").count(),
                places(&base).len(),
                "{} {lang:?}",
                base.id
            );
            let back = from_po(&base, &po, lang.code()).unwrap();
            // The compiled-in file is minified; compare it with the file on disk.
            let path = format!(
                "{}/../questionnaires/{}.{}.json",
                env!("CARGO_MANIFEST_DIR"),
                base.id,
                lang.code()
            );
            let on_disk = std::fs::read_to_string(&path).unwrap();
            assert!(!file.is_empty());
            assert_eq!(back, on_disk, "{path} does not come back as it is");
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
}

#[test]
fn a_po_with_gaps_stale_english_or_unknown_places_names_every_problem() {
    let base = catalogue::questionnaires()
        .into_iter()
        .find(|q| q.id == "iso42001-quick-scan")
        .unwrap();
    // A fresh .po for a new language: every place untranslated.
    let empty = to_po(&base, None, "it");
    let problems = from_po(&base, &empty, "it").unwrap_err();
    assert_eq!(problems.len(), places(&base).len());
    assert!(problems.contains(&"items.4.1.question: not translated".to_string()));
    // A full one, then damaged three ways.
    let french = catalogue::localise(&base, Lang::Fr).unwrap();
    let po = to_po(&base, Some(&french), "fr");
    let title = places(&base)[0].1.to_string();
    let stale = po.replacen(&format!("msgid \"{title}\""), "msgid \"An older title\"", 1);
    let problems = from_po(&base, &stale, "fr").unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("title: translated from an older English text"));
    let extra = format!("{po}\nmsgctxt \"items.99.9.title\"\nmsgid \"Gone\"\nmsgstr \"Parti\"\n");
    assert_eq!(
        from_po(&base, &extra, "fr").unwrap_err(),
        ["items.99.9.title: not in the questionnaire"]
    );
    let fuzzy = po.replacen(
        "\nmsgctxt \"summary\"",
        "\n#, fuzzy\nmsgctxt \"summary\"",
        1,
    );
    assert_eq!(
        from_po(&base, &fuzzy, "fr").unwrap_err(),
        ["summary: not translated"]
    );
    // Texts with quotes, backslashes, tabs and line breaks come back exactly as written.
    let mut odd = (*french).clone();
    odd.summary = "Dit \"oui\" \\ puis\tnon\nfin « ok »".into();
    let json = from_po(&base, &to_po(&base, Some(&odd), "fr"), "fr").unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["summary"], odd.summary.as_str());
}

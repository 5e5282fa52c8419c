//! Interface texts that arrive at run time (the app's content file) are the ones used: the wasm
//! holds no texts at all, English included, and relies on exactly this. They arrive as tables by
//! id (the hash of each English text), without the ids themselves.
//! A binary of its own (not in `model/`): installing texts changes them for the whole process,
//! and no other test may see them.

use aims_domain::formats::packed::{pack, unpack, LangContent};
use aims_domain::model::i18n::{
    compiled_marks, hash, install, msg, plural, Lang, Msg, Table, Texts,
};

fn file(lang: Lang, texts: Texts) -> Vec<u8> {
    pack(&[LangContent {
        lang,
        texts,
        heads: vec![],
        questionnaires: vec![],
    }])
}

#[test]
fn installed_texts_are_the_ones_used() {
    let tasks = plural!(
        "{n} task from the readiness check, {effort}.",
        "{n} tasks from the readiness check, {effort}."
    );
    let message = |m: Msg, text: &str| (m.id(), text.to_string());
    let texts = Texts {
        messages: Table::arrange(vec![
            message(msg!("Results"), "Ergebnisse (geladen)"),
            message(msg!("Language"), "Sprache (geladen)"),
        ])
        .unwrap(),
        plurals: Table::arrange(vec![(
            tasks.id(),
            vec![
                "{n} Aufgabe (geladen)".into(),
                "{n} Aufgaben (geladen)".into(),
            ],
        )])
        .unwrap(),
    };
    let unpacked = unpack(&file(Lang::De, texts.clone()))
        .unwrap()
        .remove(0)
        .texts;
    assert_eq!(unpacked, texts);
    install(vec![(Lang::De, unpacked)]);
    assert_eq!(Lang::De.t(msg!("Results")), "Ergebnisse (geladen)");
    assert_eq!(Lang::De.t(msg!("Language")), "Sprache (geladen)");
    assert_eq!(Lang::De.n(3, tasks, &[]), "3 Aufgaben (geladen)");
    assert_eq!(Lang::De.n(1, tasks, &[]), "1 Aufgabe (geladen)");
    // A language not installed keeps the compiled texts (native builds only have them).
    assert_eq!(Lang::En.t(msg!("Language")), "Language");
    assert_eq!(Lang::Fr.t(msg!("Language")), "Langue");
    assert_eq!(
        Lang::En.n(2, tasks, &[("effort", &"4 days")]),
        "2 tasks from the readiness check, 4 days."
    );
}

/// What the wasm relies on: in a language's file as the build writes it for the later texts and
/// the offline edition (anonymous tables), every marked text finds its own translation by its id
/// alone, and the file holds no English where the language has its own words, and no list of
/// ids.
#[test]
fn every_text_in_a_content_file_is_found_by_its_id_alone() {
    let marks = compiled_marks();
    for lang in Lang::ALL {
        let bytes = file(lang, lang.texts(&marks).unwrap().anonymous());
        let texts = unpack(&bytes).unwrap().remove(0).texts;
        let mut checked = 0;
        for (english, translated) in lang.catalogue() {
            assert_eq!(
                texts.messages.get(hash(&[english])),
                Some(&translated.to_string())
            );
            checked += 1;
        }
        for (one, other, forms) in lang.plurals() {
            let found = texts.plurals.get(hash(&[one, other])).unwrap();
            assert_eq!(
                found,
                &forms.iter().map(|f| f.to_string()).collect::<Vec<_>>()
            );
        }
        if lang == Lang::En {
            for english in &marks.messages {
                assert_eq!(texts.messages.get(hash(&[english])), Some(english));
            }
            continue;
        }
        assert!(checked > 400, "{lang:?}: {checked}");
        for english in ["Save to file", "Your readiness", "{n} tasks from"] {
            let found = bytes
                .windows(english.len())
                .any(|w| w == english.as_bytes());
            assert!(!found, "{lang:?} holds {english:?}");
        }
        // Besides each text and its length: about 1.1 places per text and a shift per 4 texts,
        // never 4 bytes of id per text.
        // (A text's length is written doubled, so from 64 bytes on it takes two; a text written
        // again takes less than itself.)
        let table = aims_domain::formats::packed::packed(&texts.messages);
        let messages: usize = (texts.messages.entries.iter())
            .map(|t| t.len() + 1 + usize::from(t.len() > 63))
            .sum();
        let extra = table.len().saturating_sub(messages);
        assert!(
            extra < marks.messages.len(),
            "{lang:?}: {extra} bytes besides texts"
        );
    }
}

#[test]
fn tables_that_cannot_be_read_are_refused() {
    let english = Lang::En.texts(&compiled_marks()).unwrap();
    assert_eq!(
        unpack(&file(Lang::En, english.clone())).unwrap()[0].texts,
        english
    );
    let mut no_shifts = english.clone();
    no_shifts.messages = Table::new(vec![], english.messages.entries.clone(), vec![]);
    assert!(unpack(&file(Lang::En, no_shifts)).is_none());
    let mut no_places = english;
    no_places.plurals = Table::new(vec![0], vec![], vec![]);
    assert!(unpack(&file(Lang::En, no_places)).is_none());
}

//! Interface texts that arrive at run time (the app's content file) are the ones used: the wasm
//! holds no texts at all, English included, and relies on exactly this. They arrive in message
//! id order, the order of the build's list of marked texts (`i18n::ENGLISH`).
//! A binary of its own (not in `model/`): installing texts changes them for the whole process,
//! and no other test may see them.

use aims_domain::formats::packed::{pack, unpack, LangContent};
use aims_domain::model::i18n::{install, msg, plural, Lang, Texts, ENGLISH, ENGLISH_PLURALS};

fn file(lang: Lang, texts: Texts) -> Vec<u8> {
    pack(&[LangContent {
        lang,
        texts,
        questionnaires: vec![],
    }])
}

fn place(text: &str) -> usize {
    ENGLISH.binary_search(&text).unwrap()
}

#[test]
fn installed_texts_are_the_ones_used() {
    let mut texts = Lang::De.texts();
    texts.messages[place("Results")] = "Ergebnisse (geladen)".into();
    let tasks = plural!(
        "{n} task from the readiness check, {effort}.",
        "{n} tasks from the readiness check, {effort}."
    );
    let at = ENGLISH_PLURALS
        .iter()
        .position(|(one, _)| one.starts_with("{n} task from"))
        .unwrap();
    texts.plurals[at] = vec![
        "{n} Aufgabe (geladen)".into(),
        "{n} Aufgaben (geladen)".into(),
    ];
    // The German file holds no English text where German has its own words: ids, not keys.
    let bytes = file(Lang::De, texts.clone());
    for english in ["Save to file", "Your readiness", "{n} tasks from"] {
        assert!(!bytes
            .windows(english.len())
            .any(|w| w == english.as_bytes()));
    }
    let unpacked = unpack(&bytes).unwrap().remove(0).texts;
    assert_eq!(unpacked, texts);
    install(vec![(Lang::De, unpacked)]);
    assert_eq!(Lang::De.t(msg!("Results")), "Ergebnisse (geladen)");
    assert_eq!(Lang::De.t(msg!("Language")), "Sprache");
    assert_eq!(Lang::De.n(3, tasks, &[]), "3 Aufgaben (geladen)");
    assert_eq!(Lang::De.n(1, tasks, &[]), "1 Aufgabe (geladen)");
    // A language not installed keeps the compiled texts (native builds only have them).
    assert_eq!(Lang::En.t(msg!("Language")), "Language");
    assert_eq!(
        Lang::En.n(2, tasks, &[("effort", &"4 days")]),
        "2 tasks from the readiness check, 4 days."
    );
}

#[test]
fn texts_that_do_not_fit_the_ids_are_refused() {
    // English travels like any other language: the list itself, in order.
    let english = Lang::En.texts();
    assert_eq!(english.messages, ENGLISH.to_vec());
    assert_eq!(
        unpack(&file(Lang::En, english.clone())).unwrap()[0].texts,
        english
    );
    // One text fewer (a content file from another build) would shift every text after it.
    let mut short = english.clone();
    short.messages.pop();
    assert!(unpack(&file(Lang::En, short)).is_none());
    let mut no_forms = english;
    no_forms.plurals[0].clear();
    assert!(unpack(&file(Lang::En, no_forms)).is_none());
}

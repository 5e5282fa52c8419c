//! A catalogue that arrives at run time (the app's content file) replaces the compiled one for
//! its language: the app ships without compiled translations and relies on exactly this. It
//! arrives keyed by the hash of each English text, which the wasm holds already.

use aims_domain::i18n::{install, key, Catalogue, Lang};
use aims_domain::packed::{pack, unpack, LangContent};

#[test]
fn an_installed_catalogue_is_the_one_used() {
    let catalogue = Catalogue {
        messages: vec![
            ("Language".into(), "Sprache (geladen)".into()),
            ("Results".into(), "Ergebnisse (geladen)".into()),
        ],
        plurals: vec![(
            "{n} blocker".into(),
            "{n} blockers".into(),
            vec!["{n} Hürde".into(), "{n} Hürden (geladen)".into()],
        )],
    };
    let keyed = catalogue.keyed().unwrap();
    // The content file holds no English text of the catalogue, only keys and translations.
    let file = pack(&[LangContent {
        lang: Lang::De,
        catalogue: keyed.clone(),
        questionnaires: vec![],
    }]);
    for english in ["Language", "Results", "{n} blocker"] {
        assert!(!file.windows(english.len()).any(|w| w == english.as_bytes()));
    }
    let unpacked = unpack(&file).unwrap().remove(0).catalogue;
    assert_eq!(unpacked, keyed);
    install(vec![(Lang::De, unpacked)]);
    assert_eq!(Lang::De.t("Language"), "Sprache (geladen)");
    assert_eq!(Lang::De.t("Results"), "Ergebnisse (geladen)");
    assert_eq!(
        Lang::De.n(3, "{n} blocker", "{n} blockers", &[]),
        "3 Hürden (geladen)"
    );
    assert_eq!(Lang::De.n(1, "{n} blocker", "{n} blockers", &[]), "1 Hürde");
    // A text the installed catalogue lacks falls back to English, never to another table.
    assert_eq!(Lang::De.t("Start over"), "Start over");
    assert_eq!(Lang::En.t("Language"), "Language");
}

#[test]
fn keys_are_fnv1a_and_a_shared_key_is_refused() {
    // FNV-1a, 32 bits: the published test values.
    assert_eq!(key(""), 0x811c_9dc5);
    assert_eq!(key("a"), 0xe40c_292c);
    assert_eq!(key("foobar"), 0xbf9c_f968);
    let twice = Catalogue {
        messages: vec![("Same".into(), "A".into()), ("Same".into(), "B".into())],
        plurals: vec![],
    };
    let err = twice.keyed().unwrap_err();
    assert!(
        err.contains("\"Same\"") && err.contains("share the catalogue key"),
        "{err}"
    );
}

//! A catalogue that arrives at run time (the app's content file) replaces the compiled one for
//! its language: the app ships without compiled translations and relies on exactly this.

use aims_domain::i18n::{install, Catalogue, Lang};

#[test]
fn an_installed_catalogue_is_the_one_used() {
    let catalogue = Catalogue {
        messages: vec![("Language".into(), "Sprache (geladen)".into())],
        plurals: vec![(
            "{n} blocker".into(),
            "{n} blockers".into(),
            vec!["{n} Hürde".into(), "{n} Hürden (geladen)".into()],
        )],
    };
    install(vec![(Lang::De, catalogue)]);
    assert_eq!(Lang::De.t("Language"), "Sprache (geladen)");
    assert_eq!(
        Lang::De.n(3, "{n} blocker", "{n} blockers", &[]),
        "3 Hürden (geladen)"
    );
    // A text the installed catalogue lacks falls back to English, never to another table.
    assert_eq!(Lang::De.t("Results"), "Results");
    assert_eq!(Lang::En.t("Language"), "Language");
}

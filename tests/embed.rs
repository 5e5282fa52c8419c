//! Embedding configuration from the URL: accepted settings, and everything malformed ignored with a warning.

use aims_domain::embed::{EmbedConfig, Theme};

#[test]
fn a_host_configures_branding_links_and_questionnaire() {
    let (c, warnings) = EmbedConfig::from_query(
        "?questionnaire=iso42001-full&lang=en&accent=%23005a9c&accent-text=%23fff&font=Source+Sans+Pro,+sans-serif\
         &logo=data:image/png;base64,iVBORw0KGgo%3D&logo-alt=Acme+Academy&theme=dark\
         &cta-label=Talk+to+us&cta-url=mailto:hello@example.org&course-3=https://academy.example/lead-implementer\
         &course-A.6=https://academy.example/ai-lifecycle&id=left&title=hide",
    );
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(c.questionnaire.as_deref(), Some("iso42001-full"));
    assert_eq!(
        (c.accent.as_deref(), c.accent_text.as_deref()),
        (Some("#005a9c"), Some("#fff"))
    );
    assert_eq!(c.font.as_deref(), Some("Source Sans Pro, sans-serif"));
    assert_eq!(
        c.logo.as_deref(),
        Some("data:image/png;base64,iVBORw0KGgo=")
    );
    assert_eq!(c.theme, Theme::Dark);
    let cta = c.cta.unwrap();
    assert_eq!(
        (cta.label.as_str(), cta.url.as_str()),
        ("Talk to us", "mailto:hello@example.org")
    );
    assert_eq!(c.courses.len(), 2);
    assert_eq!(c.widget_id.as_deref(), Some("left"));
    assert!(c.hide_title);
    // Only "hide" hides it; anything else is refused with a warning and the title stays.
    let (shown, warnings) = EmbedConfig::from_query("?title=none");
    assert!(!shown.hide_title);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(!EmbedConfig::from_query("").0.hide_title);
}

#[test]
fn malformed_and_hostile_settings_are_ignored_with_warnings() {
    let cases = [
        "accent=red;}body{display:none",
        "accent=%23zzzzzz",
        "font=%3C/style%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "logo=https://tracker.example/pixel.png",
        "logo=//tracker.example/pixel.png",
        "logo=../../secrets.png",
        "logo=data:text/html;base64,PHNjcmlwdD4=",
        "cta-label=%3Cb%3EHi%3C/b%3E&cta-url=https://example.org",
        "cta-label=Hi&cta-url=javascript:alert(1)",
        "cta-label=Hi",
        "course-7=https://example.org",
        "course-A.6=http://insecure.example",
        "theme=neon",
        "lang=tlh",
        "questionnaire=../../etc",
        "colour=blue",
        "accent=%ZZ",
        "id=%3Cscript%3E",
    ];
    for query in cases {
        let (c, warnings) = EmbedConfig::from_query(query);
        assert!(!warnings.is_empty(), "{query}: no warning");
        let defaults = EmbedConfig::default();
        let changed = c.accent != defaults.accent
            || c.font != defaults.font
            || c.logo != defaults.logo
            || c.cta.is_some()
            || !c.courses.is_empty()
            || c.theme != defaults.theme
            || c.language.is_some()
            || c.questionnaire.is_some()
            || c.widget_id.is_some();
        assert!(!changed, "{query}: a bad value got through: {c:?}");
    }
}

#[test]
fn good_settings_survive_next_to_bad_ones() {
    let (c, warnings) =
        EmbedConfig::from_query("accent=%23123456&font=%3Cx%3E&unknown=1&theme=light");
    assert_eq!(c.accent.as_deref(), Some("#123456"));
    assert_eq!(c.theme, Theme::Light);
    assert_eq!(c.font, None);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

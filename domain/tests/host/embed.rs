//! Embedding configuration from the URL: accepted settings, and everything malformed ignored with a warning.

use aims_domain::host::embed::{EmbedConfig, Theme};

#[test]
fn a_host_configures_branding_links_and_questionnaire() {
    let (c, warnings) = EmbedConfig::from_query(
        "?questionnaire=iso42001-full&lang=en&accent=%23005a9c&accent-text=%23fff&font=Source+Sans+Pro,+sans-serif\
         &logo=data:image/png;base64,iVBORw0KGgo%3D&logo-alt=Acme+Academy&theme=dark\
         &cta-label=Talk+to+us&cta-url=mailto:hello@example.org&course-3=https://academy.example/lead-implementer\
         &course-A.6=https://academy.example/ai-lifecycle&id=left&title=hide",
    );
    assert_eq!(warnings, Vec::<String>::new());
    // Every field, so a setting read into the wrong place, or not read, fails here.
    let expected = EmbedConfig {
        questionnaire: Some("iso42001-full".into()),
        language: Some(aims_domain::model::i18n::Lang::En),
        accent: Some("#005a9c".into()),
        accent_text: Some("#fff".into()),
        font: Some("Source Sans Pro, sans-serif".into()),
        logo: Some("data:image/png;base64,iVBORw0KGgo=".into()),
        logo_alt: Some("Acme Academy".into()),
        theme: Theme::Dark,
        cta: Some(aims_domain::host::embed::CallToAction {
            label: "Talk to us".into(),
            url: "mailto:hello@example.org".into(),
        }),
        courses: [
            ("3", "https://academy.example/lead-implementer"),
            ("A.6", "https://academy.example/ai-lifecycle"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
        widget_id: Some("left".into()),
        host_name: None,
        contact: None,
        messages: Default::default(),
        hide_title: true,
        events: Default::default(),
    };
    assert_eq!(c, expected);
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
        "accent-text=red;}body{display:none",
        "accent-text=url(https://tracker.example/x)",
        "logo-alt=%3Cimg%20src=x%20onerror=alert(1)%3E",
        "logo-alt=",
        "title=none",
        "band-not_ready=%3Cb%3Eyou%20fail%3C/b%3E",
        "host-name=Evil%20Corp",
        "contact=mailto:evil@example.org",
    ];
    for query in cases {
        let (c, warnings) = EmbedConfig::from_query(query);
        assert!(!warnings.is_empty(), "{query}: no warning");
        // Every field, not a chosen few: nothing of a bad value gets through anywhere.
        assert_eq!(
            c,
            EmbedConfig::default(),
            "{query}: a bad value got through"
        );
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

/// A host's accent without a text colour gets the readable one (white on dark accents, the
/// widget's near-black on light ones), so the dark scheme's dark text never sits on a dark accent.
#[test]
fn an_accent_without_a_text_colour_gets_the_readable_one() {
    use aims_domain::host::embed::readable_on;
    assert_eq!(readable_on("#005a9c"), "#ffffff");
    assert_eq!(readable_on("#1f5f8b"), "#ffffff");
    assert_eq!(readable_on("#8a3b12"), "#ffffff");
    assert_eq!(readable_on("#ffdd00"), "#12161b");
    assert_eq!(readable_on("#7fb8e0"), "#12161b");
    assert_eq!(readable_on("#fff"), "#12161b");
    assert_eq!(readable_on("#000"), "#ffffff");
    let lang = aims_domain::model::i18n::Lang::En;
    let (config, _) = EmbedConfig::read("", Some(r##"{"accent": "#005a9c"}"##), lang);
    assert_eq!(config.accent_text.as_deref(), Some("#ffffff"));
    // A host's own choice stays.
    let (config, _) = EmbedConfig::read(
        "",
        Some(r##"{"accent": "#005a9c", "accent-text": "#ffee00"}"##),
        lang,
    );
    assert_eq!(config.accent_text.as_deref(), Some("#ffee00"));
    let (plain, _) = EmbedConfig::read("", Some("{}"), lang);
    assert_eq!(plain.accent_text, None);
}

/// WCAG 2 contrast with the exact sRGB curve (the domain estimates it without `powf`).
fn exact_contrast(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let hex = hex.trim_start_matches('#');
        let wide: String = if hex.len() == 3 {
            hex.chars().flat_map(|c| [c, c]).collect()
        } else {
            hex.to_string()
        };
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&wide[2 * i..2 * i + 2], 16).unwrap()) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(0) + 0.7152 * c(1) + 0.0722 * c(2)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// A host's accent used as text (links, secondary buttons, ids) reads in both schemes: every
/// one of the 4,096 `#rgb` accents, checked with the exact WCAG formula on each background of
/// the scheme (public/style.css), keeps at least 4.5:1; an accent that reads already stays as
/// it is, and one that does not keeps its hue, lightened for the dark scheme and darkened for
/// the light one.
#[test]
fn a_hosts_accent_as_text_reads_on_every_background_of_both_schemes() {
    use aims_domain::host::embed::accent_as_text;
    let light = ["#f6f7f9", "#ffffff", "#e6f0f7"];
    let dark = ["#12161b", "#1b2128", "#1d2f3d"];
    for n in 0..4096u32 {
        let accent = format!("#{n:03x}");
        for (scheme, backgrounds) in [(false, light), (true, dark)] {
            let text = accent_as_text(&accent, scheme);
            for b in backgrounds {
                let ratio = exact_contrast(&text, b);
                assert!(ratio >= 4.5, "{accent} as {text} on {b}: {ratio:.2}");
            }
        }
    }
    // Our own accents read as they are, and so does a host's that reads.
    assert_eq!(accent_as_text("#1f5f8b", false), "#1f5f8b");
    assert_eq!(accent_as_text("#7fb8e0", true), "#7fb8e0");
    assert_eq!(accent_as_text("#005a9c", false), "#005a9c");
    // A dark accent in the dark scheme is lightened, a yellow one in the light scheme darkened,
    // each still tinted by the accent (not plain white or black).
    let lighter = accent_as_text("#1f5f8b", true);
    assert!(
        lighter != "#ffffff" && lighter.as_str() > "#1f5f8b",
        "{lighter}"
    );
    let blue = u8::from_str_radix(&lighter[5..7], 16).unwrap();
    let red = u8::from_str_radix(&lighter[1..3], 16).unwrap();
    assert!(blue > red, "{lighter} keeps the blue");
    let darker = accent_as_text("#ffdd00", false);
    assert!(darker != "#12161b" && darker != "#ffdd00", "{darker}");
}

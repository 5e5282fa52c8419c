//! The host's settings from host.json (validated: every problem reported, bad entries dropped,
//! nothing taken as markup; the URL wins), the message per band and weakest section, and the
//! hand-off text and its `mailto:` link.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::rc::Rc;

use aims_domain::app::Library;
use aims_domain::figures::roadmap::Roadmap;
use aims_domain::figures::scoring::{Assessment, Band};
use aims_domain::host::config::{self, Handoff, MAX_MAILTO_CHARS};
use aims_domain::host::embed::EmbedConfig;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::{AiRole, Answer, Profile, Questionnaire, SizeBand};

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

/// The complete example the README gives hosts.
fn readme_example() -> String {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let start = readme
        .find("```json host.json")
        .expect("the README has a host.json example");
    let body = &readme[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

#[test]
fn the_readme_example_is_complete_and_valid() {
    let mut config = EmbedConfig::default();
    let warnings = config.with_host(&readme_example());
    assert_eq!(warnings, Vec::<String>::new());
    assert!(config.host_name.is_some() && config.contact.is_some());
    for band in Band::ALL {
        let m = config
            .band_message(band)
            .unwrap_or_else(|| panic!("{band:?}"));
        assert!(m.message.is_some() && m.cta.is_some(), "{band:?}");
    }
    assert!(!config.messages.weakest.is_empty());
}

#[test]
fn every_problem_is_reported_and_only_good_entries_stay() {
    let text = r##"{
        "name": "Example <script>",
        "contact": "mailto:a@example.org?cc=b@example.org",
        "colour": "#fff",
        "bands": {
            "not-ready": { "message": "Let us <b>talk</b>", "cta": { "label": "Book", "url": "javascript:alert(1)" } },
            "early-stage": { "message": "Start with a scoping workshop.", "cta": { "label": "Book a workshop", "url": "https://example.org/book" } },
            "great": { "message": "?" },
            "audit-ready": "not an object",
            "nearly-ready": { "message": "Almost there.", "extra": 1 }
        },
        "weakest": {
            "A.6": { "message": "Our life-cycle course helps." },
            "A.99": { "message": "no such area" },
            "11": { "message": "no such clause" }
        }
    }"##;
    let mut config = EmbedConfig::default();
    let warnings = config.with_host(text);
    let joined = warnings.join("\n").replace(['\u{2068}', '\u{2069}'], "");
    for expected in [
        "ignored name",
        "ignored contact",
        "\"colour\"",
        "bands.not-ready.message",
        "bands.not-ready.cta",
        "bands.great",
        "bands.audit-ready",
        "bands.nearly-ready.extra",
        "weakest.A.99",
        "weakest.11",
    ] {
        assert!(
            joined.contains(expected),
            "{expected} missing from:\n{joined}"
        );
    }
    assert_eq!(warnings.len(), 10, "{joined}");
    assert!(warnings.iter().all(|w| w.starts_with("host.json: ")));
    assert_eq!((config.host_name, config.contact), (None, None));
    assert_eq!(
        config.messages.bands.keys().collect::<Vec<_>>(),
        ["early-stage", "nearly-ready"]
    );
    assert!(
        !config.messages.bands.contains_key("not-ready"),
        "markup and javascript: dropped"
    );
    assert_eq!(config.messages.weakest.keys().collect::<Vec<_>>(), ["A.6"]);
}

#[test]
fn a_broken_file_is_ignored_with_one_clear_warning() {
    for (text, expected) in [
        ("{ \"name\": ", "not JSON (line 1, column 10)"),
        ("[1, 2]", "must be a JSON object"),
        (&"x".repeat(70_000), "larger than"),
    ] {
        let mut config = EmbedConfig::default();
        let warnings = config.with_host(text);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains(expected), "{}", warnings[0]);
        assert_eq!(config, EmbedConfig::default());
    }
}

#[test]
fn band_messages_come_from_the_url_too_but_the_contact_only_from_host_json() {
    // A crafted link must not redirect anyone's summary: name and contact are refused there.
    let (mut config, warnings) = EmbedConfig::from_query(
        "?host-name=Acme+Advisory&contact=mailto:attacker@evil.example&band-not-ready=Call+us+first",
    );
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings.iter().all(|w| w.contains("set it in host.json")));
    assert_eq!(
        (config.host_name.clone(), config.contact.clone()),
        (None, None)
    );
    config.with_host(
        r#"{"name": "Acme Advisory", "contact": "mailto:team@acme.example", "bands": {"not-ready": {"message": "From the file"}}}"#,
    );
    assert_eq!(config.host_name.as_deref(), Some("Acme Advisory"));
    assert_eq!(config.contact.as_deref(), Some("mailto:team@acme.example"));
    assert_eq!(
        config
            .band_message(Band::NotReady)
            .unwrap()
            .message
            .as_deref(),
        Some("Call us first"),
        "the URL's band message wins"
    );
    let (_, warnings) = EmbedConfig::from_query("?band-great=x&band-not-ready=%3Cb%3Ehi%3C%2Fb%3E");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

/// A crafted link to a host's page puts nothing in the host's name: the call to action, band
/// messages, course links, logo and look come from host.json, unless it turns URL settings on.
#[test]
fn settings_in_the_hosts_name_come_from_host_json_unless_it_turns_url_settings_on() {
    let crafted = "?lang=de&questionnaire=iso42001-full&theme=dark&id=w1&title=hide\
        &cta-label=Claim+your+prize&cta-url=https://evil.example/&band-not-ready=Call+us\
        &course-3=https://evil.example/c&course-A.6=https://evil.example/d&logo=data:image/png;base64,AAAA\
        &logo-alt=Evil&accent=%23ff0000&accent-text=%23ffffff&font=Comic+Sans";
    let host = r##"{"name": "Acme", "accent": "#005a9c", "cta": {"label": "Talk to us", "url": "mailto:team@acme.example"},
        "courses": {"3": "https://acme.example/implementer"}, "logo": "brand/logo.svg", "logo-alt": "Acme",
        "font": "Georgia, serif", "accent-text": "#fff"}"##;
    for with_host in [None, Some(host)] {
        let (config, warnings) = EmbedConfig::read(crafted, with_host, Lang::En);
        // What a visitor may choose stays.
        assert_eq!(config.language, Some(Lang::De));
        assert_eq!(config.questionnaire.as_deref(), Some("iso42001-full"));
        assert_eq!(config.widget_id.as_deref(), Some("w1"));
        assert!(config.hide_title);
        // Each refused key is named in a warning, and none of its value reached the page.
        let refused = [
            "cta-label",
            "cta-url",
            "band-not-ready",
            "course-3",
            "course-A.6",
            "logo",
            "logo-alt",
            "accent",
            "accent-text",
            "font",
        ];
        for key in refused {
            assert!(
                warnings
                    .iter()
                    .any(|w| w.contains(&format!("\"{key}\"")) && w.contains("host.json")),
                "{key}: {warnings:?}"
            );
        }
        assert_eq!(warnings.len(), refused.len(), "{warnings:?}");
        let debug = format!("{config:?}");
        assert!(
            !debug.contains("evil") && !debug.contains("Evil") && !debug.contains("prize"),
            "{debug}"
        );
        assert!(config.messages.bands.is_empty());
        // The host's own settings apply.
        if with_host.is_some() {
            assert_eq!(config.cta.as_ref().unwrap().label, "Talk to us");
            assert_eq!(
                config.courses.get("3").map(String::as_str),
                Some("https://acme.example/implementer")
            );
            assert_eq!(config.logo.as_deref(), Some("brand/logo.svg"));
            assert_eq!(
                (config.accent.as_deref(), config.font.as_deref()),
                (Some("#005a9c"), Some("Georgia, serif"))
            );
        } else {
            assert_eq!(
                (
                    config.cta.clone(),
                    config.logo.clone(),
                    config.accent.clone()
                ),
                (None, None, None)
            );
            assert!(config.courses.is_empty());
        }
    }
    // A host that wants URL settings turns them on; the URL then wins where both set one.
    let opted = host.replacen('{', r#"{"url-settings": true, "#, 1);
    let (config, warnings) = EmbedConfig::read(crafted, Some(&opted), Lang::En);
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(config.cta.as_ref().unwrap().url, "https://evil.example/");
    assert_eq!(
        config
            .band_message(Band::NotReady)
            .unwrap()
            .message
            .as_deref(),
        Some("Call us")
    );
    assert_eq!(config.courses.len(), 2);
    assert_eq!(config.accent.as_deref(), Some("#ff0000"));
    // Only `true` turns them on; a malformed host.json leaves them off.
    for off in [
        r#"{"url-settings": false}"#,
        r#"{"url-settings": "yes"}"#,
        "{not json",
        "[]",
    ] {
        let (config, _) = EmbedConfig::read(crafted, Some(off), Lang::En);
        assert_eq!(config.cta, None, "{off}");
    }
}

#[test]
fn host_json_refuses_bad_looks_links_and_courses_with_a_warning_each() {
    let mut config = EmbedConfig::default();
    let warnings = config.with_host(
        r##"{"accent": "red;}body{display:none", "font": "<x>", "logo": "https://tracker.example/p.png",
        "logo-alt": "a\u0000b", "cta": {"label": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)"},
        "courses": {"3": "javascript:alert(1)", "B.1": "https://acme.example/", "A.6": "https://acme.example/ok"},
        "url-settings": "yes"}"##,
    );
    for key in [
        "accent",
        "font",
        "logo",
        "logo-alt",
        "cta",
        "courses.3",
        "courses.B.1",
        "\"url-settings\"",
    ] {
        // Outside text in a warning is isolated (U+2068 … U+2069).
        let plain = |w: &String| w.replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            warnings.iter().any(|w| plain(w).contains(key)),
            "{key}: {warnings:?}"
        );
    }
    assert_eq!(warnings.len(), 8, "{warnings:?}");
    assert_eq!(
        (
            config.accent,
            config.font,
            config.logo,
            config.logo_alt,
            config.cta
        ),
        (None, None, None, None, None)
    );
    assert_eq!(config.courses.keys().collect::<Vec<_>>(), ["A.6"]);
}

fn profile() -> Profile {
    common::profile(SizeBand::Small, &[AiRole::Uses])
}

fn full() -> Rc<Questionnaire> {
    let library = Library::built_in();
    let all = library.in_lang(Lang::En);
    Rc::clone(all.iter().find(|q| q.id == "iso42001-full").unwrap())
}

#[test]
fn the_weakest_section_gets_its_message() {
    let q = full();
    let mut answers = common::all_at(&q, 3);
    for item in q.items().filter(|i| i.id.starts_with("A.6.")) {
        answers.set(&q, &item.id, Answer::Level(1)).unwrap();
    }
    let a = Assessment::compute(&q, &profile(), &answers);
    assert_eq!(config::weakest(&a), Some("A.6"));
    let mut config = EmbedConfig::default();
    config.with_host(r#"{"weakest": {"A.6": {"message": "Our life-cycle course helps."}}}"#);
    let (id, m) = config.weakest_message(&a).unwrap();
    assert_eq!(
        (id, m.message.as_deref()),
        ("A.6", Some("Our life-cycle course helps."))
    );
    config.messages.weakest = BTreeMap::new();
    assert!(config.weakest_message(&a).is_none());
}

#[test]
fn the_handoff_says_what_it_sends_and_the_link_carries_exactly_that() {
    let q = full();
    let mut answers = common::all_at(&q, 2);
    answers.set(&q, "9.2.2", Answer::Level(0)).unwrap();
    let a = Assessment::compute(&q, &profile(), &answers);
    let roadmap = Roadmap::plan(&q, &profile(), &answers, TODAY);
    let notes: BTreeMap<String, String> =
        [("4.3".to_string(), "Scope draft & owner: CISO".to_string())].into();
    let message = "Hello,\nplease call me.";
    let profile = profile();
    let without = Handoff {
        questionnaire: &q,
        profile: &profile,
        assessment: &a,
        roadmap: &roadmap,
        notes: None,
        message,
        sender: Default::default(),
    };
    let body = without.body();
    assert!(body.starts_with("Hello,\nplease call me.\n\n"), "{body}");
    // The profile a consultant sizes the work by; the EU AI Act screening stays out.
    assert!(
        body.contains("Organisation profile: Size: Fewer than 50 people; AI roles: "),
        "{body}"
    );
    assert!(body.contains("; AI systems in scope: "), "{body}");
    assert!(
        body.contains("; Certifications held: none; Target date for the certification audit: "),
        "{body}"
    );
    assert!(!body.contains("prohibited"), "{body}");
    // The person's details go in only when filled in, exactly as typed.
    let sender = Handoff {
        sender: aims_domain::host::config::Sender {
            name: "Zoë O'Brien <ceo>",
            organisation: "",
            phone: "+49 30 1234-5",
        },
        ..without
    }
    .body();
    assert!(
        sender.starts_with("Name: Zoë O'Brien <ceo>\nPhone: +49 30 1234-5\n\nHello,"),
        "{sender}"
    );
    assert!(!sender.contains("Organisation: "), "{sender}");
    assert!(
        body.contains(&format!("overall readiness {}%", a.percent().unwrap())),
        "{body}"
    );
    assert!(body.contains(a.band.label(Lang::En)), "{body}");
    assert!(
        body.contains("Certification blockers (1): 9.2.2 Internal audit programme."),
        "{body}"
    );
    assert!(
        body.contains(&format!("about {} weeks", roadmap.total_weeks)),
        "{body}"
    );
    assert!(
        body.contains(
            "Maturity (0-3) by clause: 4 2.0; 5 2.0; 6 2.0; 7 2.0; 8 2.0; 9 1.6; 10 2.0."
        ),
        "{body}"
    );
    assert!(
        body.contains("by Annex A area: A.2 2.0; A.3 2.0;"),
        "{body}"
    );
    assert!(!body.contains("Scope draft"), "no notes unless asked");
    let with = Handoff {
        notes: Some(&notes),
        ..without
    };
    assert!(with.body().contains("- 4.3: Scope draft & owner: CISO"));

    let link = Handoff {
        message: "",
        ..with
    }
    .mailto("mailto:team@acme.example");
    let link = link.expect("short enough for a mail link");
    assert!(link.len() <= MAX_MAILTO_CHARS);
    let (to, query) = link.split_once('?').unwrap();
    assert_eq!(to, "mailto:team@acme.example");
    let (subject, body) = query.split_once("&body=").unwrap();
    // The title names the standard, so the subject does not repeat it.
    assert_eq!(
        config::decode(subject.strip_prefix("subject=").unwrap()).unwrap(),
        format!("Readiness summary: {}", q.title)
    );
    assert_eq!(q.title.matches("42001").count(), 1);
    assert_eq!(
        config::decode(body).unwrap(),
        Handoff {
            message: "",
            ..with
        }
        .body()
    );
    assert!(!body.contains('&') && !body.contains(' ') && body.contains("%0D%0A"));

    let long = "x".repeat(2_000);
    assert!(Handoff {
        message: &long,
        ..with
    }
    .mailto("mailto:team@acme.example")
    .is_none());
}

/// Every line break reaches the mail as CRLF (RFC 6068), a lone CR included, so the mail breaks
/// its lines where the text shown does and the link's body reads back as that text.
#[test]
fn a_lone_cr_becomes_a_crlf_in_the_mail_link() {
    for (typed, encoded) in [
        ("a\rb", "a%0D%0Ab"),
        ("a\nb", "a%0D%0Ab"),
        ("a\r\nb", "a%0D%0Ab"),
        ("a\r\rb", "a%0D%0A%0D%0Ab"),
        ("a\n\rb", "a%0D%0A%0D%0Ab"),
    ] {
        assert_eq!(config::encode(typed), encoded, "{typed:?}");
        assert_eq!(
            config::decode(encoded).as_deref(),
            Some(typed.replace("\r\n", "\n").replace('\r', "\n").as_str())
        );
    }
    assert!(
        !config::encode("note\rend").contains("%0Dend"),
        "no bare CR"
    );
}

/// The host page learns that a questionnaire was started and finished, and the band only if it
/// asks; nothing at all unless host.json asks for events.
#[test]
fn events_tell_the_host_only_what_it_asked_for_and_never_an_answer() {
    use aims_domain::host::embed::{Events, Moment};
    let id = "iso42001-quick-scan";
    let band = Some(Band::NotReady);
    let read = |host: &str| {
        let mut config = EmbedConfig::default();
        let warnings = config.with_host(host);
        (config, warnings)
    };
    // What each host.json gets told at each moment: one row per setting, every moment checked.
    let table: [(&str, Events, Option<&str>, Option<&str>); 3] = [
        ("{}", Events::Off, None, None),
        (
            r#"{"events": true}"#,
            Events::Lifecycle,
            Some("started iso42001-quick-scan"),
            Some("completed iso42001-quick-scan"),
        ),
        (
            r#"{"events": {"band": true}}"#,
            Events::WithBand,
            Some("started iso42001-quick-scan"),
            Some("completed iso42001-quick-scan not-ready"),
        ),
    ];
    for (host, events, started, completed) in table {
        let (config, warnings) = read(host);
        assert!(warnings.is_empty(), "{host}: {warnings:?}");
        assert_eq!(config.events, events, "{host}");
        assert_eq!(
            config.event(Moment::Started, id, band).as_deref(),
            started,
            "{host}"
        );
        assert_eq!(
            config.event(Moment::Completed, id, band).as_deref(),
            completed,
            "{host}"
        );
    }
    let (plain, _) = read(r#"{"events": true}"#);
    assert_eq!(
        read(r#"{"events": {"band": false}}"#).0.events,
        Events::Lifecycle
    );
    assert_eq!(read(r#"{"events": false}"#).0.events, Events::Off);
    // Anything else is refused with a warning and leaves events off.
    for bad in [
        r#"{"events": "yes"}"#,
        r#"{"events": {"band": true, "answers": true}}"#,
        r#"{"events": {"score": true}}"#,
    ] {
        let (config, warnings) = read(bad);
        assert_eq!(config.events, Events::Off, "{bad}");
        assert_eq!(warnings.len(), 1, "{bad}: {warnings:?}");
    }
    // Never from the URL, even with URL settings on.
    let (config, warnings) =
        EmbedConfig::read("?events=true", Some(r#"{"url-settings": true}"#), Lang::En);
    assert_eq!(config.events, Events::Off);
    assert_eq!(warnings.len(), 1);
    // An id that is not a plain questionnaire id is never relayed.
    assert_eq!(plain.event(Moment::Started, "a b<script>", band), None);
}

/// A French visitor never reads German under a French interface: every text host.json gives per
/// language is taken in the visitor's language, else the host's own (`language`), else English.
#[test]
fn host_texts_per_language_follow_the_visitor_then_the_hosts_own_language() {
    let host = r#"{
        "language": "de",
        "name": {"de": "Beispiel Beratung", "fr": "Conseil Exemple"},
        "logo-alt": {"de": "Logo", "fr": "Logo de Conseil Exemple"},
        "cta": {"label": {"de": "Sprechen Sie mit uns", "fr": "Parlons-en", "en": "Talk to us"}, "url": "mailto:team@example.org"},
        "bands": {"not-ready": {"message": {"de": "Ihre Lücken sind klar.", "fr": "Vos écarts sont clairs."},
                                "cta": {"label": {"de": "Programm", "fr": "Programme"}, "url": "https://example.org/p"}}},
        "weakest": {"A.6": {"message": {"fr": "Le cycle de vie est votre point faible.", "en": "The life cycle is your weakest area."}}}
    }"#;
    let read = |lang: Lang| {
        let (config, warnings) = EmbedConfig::read("", Some(host), lang);
        assert_eq!(warnings, Vec::<String>::new(), "{lang:?}");
        config
    };
    let band = |c: &EmbedConfig| c.band_message(Band::NotReady).unwrap().clone();
    let fr = read(Lang::Fr);
    assert_eq!(fr.host_name.as_deref(), Some("Conseil Exemple"));
    assert_eq!(fr.logo_alt.as_deref(), Some("Logo de Conseil Exemple"));
    assert_eq!(fr.cta.as_ref().unwrap().label, "Parlons-en");
    assert_eq!(
        band(&fr).message.as_deref(),
        Some("Vos écarts sont clairs.")
    );
    assert_eq!(band(&fr).cta.unwrap().label, "Programme");
    assert_eq!(
        fr.messages.weakest["A.6"].message.as_deref(),
        Some("Le cycle de vie est votre point faible.")
    );
    // Spanish is not given: the host's own language (German), then English where German is missing.
    let es = read(Lang::Es);
    assert_eq!(es.host_name.as_deref(), Some("Beispiel Beratung"));
    assert_eq!(es.cta.as_ref().unwrap().label, "Sprechen Sie mit uns");
    assert_eq!(
        es.messages.weakest["A.6"].message.as_deref(),
        Some("The life cycle is your weakest area.")
    );
    // The URL's language wins over the page's guess.
    let (de, _) = EmbedConfig::read("?lang=de", Some(host), Lang::Fr);
    assert_eq!(band(&de).message.as_deref(), Some("Ihre Lücken sind klar."));
    // A plain string is the same text in every language; the validation is unchanged.
    let mut plain = EmbedConfig::default();
    assert!(plain
        .with_host_for(r#"{"name": "Acme"}"#, Lang::Fr)
        .is_empty());
    assert_eq!(plain.host_name.as_deref(), Some("Acme"));
    // A key that is no language, and a bad text in the chosen language, are reported.
    let mut bad = EmbedConfig::default();
    let warnings = bad.with_host_for(
        r#"{"name": {"fr": "<b>x</b>", "klingon": "Qapla'"}, "language": "xx"}"#,
        Lang::Fr,
    );
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(
        warnings.iter().any(|w| w.contains("klingon")),
        "{warnings:?}"
    );
    assert_eq!(bad.host_name, None);
}

/// The studio previews every band: each sample reaches its band, and its share fragment opens
/// to the same answers.
#[test]
fn the_studio_has_a_sample_for_every_band_that_reaches_it() {
    use aims_domain::formats::share;
    use aims_domain::host::studio;
    let library = Library::built_in();
    let all = library.in_lang(Lang::En);
    let samples = studio::samples(&all);
    assert_eq!(
        samples.iter().map(|(b, _)| *b).collect::<Vec<_>>(),
        Band::ALL.to_vec()
    );
    for (band, fragment) in samples {
        let decoded = share::decode(&fragment, &all).unwrap_or_else(|e| panic!("{band:?}: {e:?}"));
        let a = Assessment::compute(&decoded.questionnaire, &decoded.profile, &decoded.answers);
        assert_eq!(a.band, band);
        assert_eq!(decoded.profile, studio::sample_profile());
    }
}

//! The start screen's words (brand line, heading, lead, the three promises), shared by the
//! screen and by the build, which renders them into index.html so a visitor's first paint does
//! not wait for the wasm.

use crate::formats::write::xml_escape as escape;
use crate::model::i18n::{msg, Lang};
use crate::model::questionnaire::Head;

/// What the start screen says before the list of questionnaires.
pub struct Welcome {
    pub brand: &'static str,
    pub heading: &'static str,
    pub lead: &'static str,
    /// Each promise: its bold word and its sentence.
    pub promises: Vec<(&'static str, String)>,
}

/// The start screen's words in `lang`; `first` is the questionnaire offered first (its title and
/// minutes make the "Quick." promise; without one there is none).
pub fn welcome(lang: Lang, first: Option<&Head>) -> Welcome {
    let mut promises = vec![(
        lang.t(msg!("Private.")),
        lang.t(msg!(
            "Everything runs in your browser. Your answers never leave this device."
        ))
        .to_string(),
    )];
    if let Some(q) = first {
        promises.push((
            lang.t(msg!("Quick.")),
            lang.f(
                msg!("The {title} takes about {minutes} minutes; you can stop and continue later."),
                &[("title", &q.title), ("minutes", &q.minutes)],
            ),
        ));
    }
    promises.push((
        lang.t(msg!("Honest.")),
        lang.t(msg!(
            "An indicative self-assessment, not an audit: it never claims that you conform."
        ))
        .to_string(),
    ));
    Welcome {
        brand: brand(lang),
        heading: lang.t(msg!("How ready is your AI management system for ISO/IEC 42001?")),
        lead: lang.t(msg!("Answer a short questionnaire about your organisation's AI governance. You get a maturity score for each clause of the standard and each Annex A control area, the gaps that would stop a certification audit, and a phased roadmap to close them.")),
        promises,
    }
}

/// The product's name in the header.
pub fn brand(lang: Lang) -> &'static str {
    lang.t(msg!("AI management system readiness check"))
}

/// The first paint the build puts into index.html: the header's brand line and the start
/// screen's heading, lead and promises, with the app's own classes, and no control (nothing
/// that could be clicked before the app runs). Every language's is `hidden` until boot.js shows
/// the visitor's (so a returning visitor, who resumes, never sees it); the app replaces it when
/// it mounts.
pub fn preview_html(lang: Lang, first: Option<&Head>) -> String {
    let w = welcome(lang, first);
    let promises: String = w
        .promises
        .iter()
        .map(|(word, text)| {
            format!(
                "<li><strong>{}</strong> {}</li>",
                escape(word),
                escape(text)
            )
        })
        .collect();
    format!(
        concat!(
            r#"<div class="aims" data-preview="{lang}" data-screen="start" lang="{lang}" hidden>"#,
            r#"<header class="aims-header"><div class="brand"><span class="brand-mark" aria-hidden="true">◆</span>"#,
            r#"<span class="brand-name">{brand}</span><span class="brand-standard">ISO/IEC 42001:2023</span></div></header>"#,
            r#"<main class="aims-main"><section class="start"><h1>{heading}</h1><p class="lead">{lead}</p>"#,
            r#"<ul class="promises">{promises}</ul></section></main></div>"#
        ),
        lang = lang.code(),
        brand = escape(w.brand),
        heading = escape(w.heading),
        lead = escape(w.lead),
        promises = promises,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_paint_says_what_the_start_screen_says_with_no_control_and_escaped() {
        let q = crate::formats::catalogue::questionnaires();
        let first = crate::formats::catalogue::offered(&q)
            .first()
            .map(|q| Head::of(q));
        for lang in Lang::ALL {
            let html = preview_html(lang, first.as_ref());
            let words = welcome(lang, first.as_ref());
            assert!(html.contains(&escape(words.heading)), "{html}");
            assert!(html.contains(&escape(words.lead)));
            assert_eq!(words.promises.len(), 3);
            for (word, text) in &words.promises {
                assert!(html.contains(&escape(word)) && html.contains(&escape(text)));
            }
            assert!(html.contains(&format!(r#"data-preview="{}""#, lang.code())));
            assert!(html.contains(" hidden>"), "boot.js shows it, or nobody");
            for control in [
                "<button",
                "<a ",
                "<input",
                "<select",
                "<textarea",
                "<script",
            ] {
                assert!(!html.contains(control), "{control} in {html}");
            }
        }
        assert_eq!(
            escape(r#"<b>"Q&A"</b>"#),
            "&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;"
        );
    }
}

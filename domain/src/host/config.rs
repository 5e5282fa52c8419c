//! What a host configures beyond the URL, from a `host.json` next to `index.html`: its name,
//! a contact address, and per readiness band or weakest clause/area a short message with a call
//! to action. Read by a pure function that reports every problem and drops what it refuses;
//! nothing in it is ever markup. Also the hand-off: the summary a person may send the host
//! themselves, through their own mail client.

use serde_json::Value;

use crate::figures::roadmap::Roadmap;
use crate::figures::scoring::{Assessment, Band};
use crate::figures::text::maturity_text;
use crate::host::embed::{
    colour, contact, course_target, font, logo, message_text, parse_host, plain, web_link,
    CallToAction, EmbedConfig, Events, HostMessage, MAX_MESSAGE_CHARS,
};
use crate::model::answers::Notes;
use crate::model::i18n::{msg, outside, Lang};
use crate::model::profile::Profile;
use crate::model::questionnaire::{Questionnaire, SectionKind};
use crate::model::standard;

pub use crate::host::embed::MAX_HOST_BYTES;
/// Longer `mailto:` links are cut off by some mail clients; above this the widget offers
/// copying the text and the save file instead.
pub const MAX_MAILTO_CHARS: usize = 1800;

fn section_key(key: &str) -> bool {
    matches!(key, "4" | "5" | "6" | "7" | "8" | "9" | "10")
        || standard::CONTROLS.iter().any(|(id, _)| {
            let mut parts = id.split('.');
            let area = parts.next().zip(parts.next());
            area.is_some_and(|(a, n)| {
                key.strip_prefix(a).and_then(|k| k.strip_prefix('.')) == Some(n)
            })
        })
}

/// One message entry: `{"message": "...", "cta": {"label": "...", "url": "https://..."}}`.
fn entry(path: &str, value: &Value, warnings: &mut Vec<String>) -> Option<HostMessage> {
    let Some(object) = value.as_object() else {
        warnings.push(format!("host.json: ignored {path}: it must be an object"));
        return None;
    };
    let mut found = HostMessage::default();
    for (key, value) in object {
        match (key.as_str(), value) {
            ("message", Value::String(text)) => match message_text(text) {
                Some(text) => found.message = Some(text),
                None => warnings.push(format!(
                    "host.json: ignored {path}.message: plain text of 1 to {MAX_MESSAGE_CHARS} characters, no markup"
                )),
            },
            ("cta", Value::Object(cta)) => {
                let label = cta.get("label").and_then(Value::as_str).and_then(|l| plain(l, 40));
                let url = cta.get("url").and_then(Value::as_str).and_then(|u| web_link(u, true));
                match (label, url) {
                    (Some(label), Some(url)) => found.cta = Some(CallToAction { label, url }),
                    _ => warnings.push(format!(
                        "host.json: ignored {path}.cta: it needs a label (up to 40 plain characters) and an https:// or mailto: url"
                    )),
                }
            }
            (key, _) => warnings.push(format!(
                "host.json: ignored {path}.{}: unknown or not the right type",
                outside(key, 40)
            )),
        }
    }
    (found.message.is_some() || found.cta.is_some()).then_some(found)
}

/// Where host.json may give a text once or per language (`{"de": "…", "fr": "…"}`).
const LOCALISED: [&[&str]; 7] = [
    &["name"],
    &["logo-alt"],
    &["cta", "label"],
    &["bands", "*", "message"],
    &["bands", "*", "cta", "label"],
    &["weakest", "*", "message"],
    &["weakest", "*", "cta", "label"],
];

/// Replaces each text given per language with the one for `lang`: else the host's own language
/// (`"language"`), else English, else the first given. Reports keys that are no language.
fn localise(root: &mut Value, lang: Lang, warnings: &mut Vec<String>) {
    let own = root
        .get("language")
        .and_then(Value::as_str)
        .and_then(Lang::from_code);
    fn walk(
        value: &mut Value,
        path: &[&str],
        at: String,
        pick: &dyn Fn(&serde_json::Map<String, Value>) -> Option<Value>,
        warnings: &mut Vec<String>,
    ) {
        let Some((first, rest)) = path.split_first() else {
            if let Value::Object(by) = value {
                for key in by.keys().filter(|k| Lang::from_code(k).is_none()) {
                    warnings.push(format!(
                        "host.json: ignored {at}.{}: not a language of this widget (en, de, fr, es)",
                        outside(key, 40)
                    ));
                }
                if let Some(text) = pick(by) {
                    *value = text;
                }
            }
            return;
        };
        let Value::Object(map) = value else { return };
        for (key, child) in map.iter_mut().filter(|(k, _)| *first == "*" || k == first) {
            let at = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            walk(child, rest, at, pick, warnings);
        }
    }
    let pick = |by: &serde_json::Map<String, Value>| {
        [Some(lang), own, Some(Lang::En)]
            .into_iter()
            .flatten()
            .find_map(|l| by.get(l.code()))
            .or_else(|| {
                by.iter()
                    .find(|(k, _)| Lang::from_code(k).is_some())
                    .map(|(_, v)| v)
            })
            .cloned()
    };
    for path in LOCALISED {
        walk(root, path, String::new(), &pick, warnings);
    }
}

impl EmbedConfig {
    /// Adds a host.json's settings for a visitor in the URL's language (English if it sets
    /// none): [`EmbedConfig::with_host_for`].
    pub fn with_host(&mut self, text: &str) -> Vec<String> {
        self.with_host_for(text, self.language.unwrap_or_default())
    }

    /// Adds a host.json's settings (the URL's band messages win where both give one; name and
    /// contact come from here only), its texts in `lang` where it gives them per language.
    /// Returns a warning for every entry dropped; nothing in the file is run or shown as markup.
    pub fn with_host_for(&mut self, text: &str, lang: Lang) -> Vec<String> {
        match parse_host(text) {
            Ok(root) => self.with_host_value(root, lang),
            Err(warning) => vec![warning],
        }
    }

    /// [`EmbedConfig::with_host_for`] on host.json already parsed.
    pub(crate) fn with_host_value(&mut self, mut root: Value, lang: Lang) -> Vec<String> {
        let mut warnings = Vec::new();
        localise(&mut root, lang, &mut warnings);
        let Some(root) = root.as_object() else {
            return vec!["host.json: ignored: it must be a JSON object".into()];
        };
        for (key, value) in root {
            match (key.as_str(), value) {
                ("name", Value::String(name)) => match plain(name, 60) {
                    Some(name) => {
                        self.host_name.get_or_insert(name);
                    }
                    None => {
                        warnings.push("host.json: ignored name: up to 60 plain characters".into())
                    }
                },
                ("contact", Value::String(address)) => match contact(address) {
                    Some(address) => {
                        self.contact.get_or_insert(address);
                    }
                    None => warnings
                        .push("host.json: ignored contact: it must be one mailto: address".into()),
                },
                ("bands", Value::Object(bands)) => {
                    for (band, value) in bands {
                        if !Band::ALL.iter().any(|b| b.key() == band) {
                            warnings.push(format!(
                                "host.json: ignored bands.{}: no such band (known: {})",
                                outside(band, 40),
                                Band::ALL.map(Band::key).join(", ")
                            ));
                        } else if let Some(m) =
                            entry(&format!("bands.{band}"), value, &mut warnings)
                        {
                            self.messages.bands.entry(band.clone()).or_insert(m);
                        }
                    }
                }
                ("weakest", Value::Object(sections)) => {
                    for (section, value) in sections {
                        if !section_key(section) {
                            warnings.push(format!(
                                "host.json: ignored weakest.{}: not a clause (4-10) or Annex A area (A.2-A.10)",
                                outside(section, 40)
                            ));
                        } else if let Some(m) =
                            entry(&format!("weakest.{section}"), value, &mut warnings)
                        {
                            self.messages.weakest.entry(section.clone()).or_insert(m);
                        }
                    }
                }
                (key, value) if self.with_host_setting(key, value, &mut warnings) => {}
                (key, _) => warnings.push(format!(
                    "host.json: ignored \"{}\": unknown or not the right type",
                    outside(key, 40)
                )),
            }
        }
        warnings
    }

    /// The settings host.json shares with the URL (which sets them only where host.json turns
    /// URL settings on, and then wins): the look, the call to action and the course links.
    /// False for a key it does not know (or a value of the wrong type).
    fn with_host_setting(&mut self, key: &str, value: &Value, warnings: &mut Vec<String>) -> bool {
        let text = value.as_str();
        let mut refused = |what: &str| warnings.push(format!("host.json: ignored {key}: {what}"));
        match (key, value) {
            ("url-settings", Value::Bool(_)) => {}
            ("language", Value::String(code)) if Lang::from_code(code).is_some() => {}
            ("events", Value::Bool(on)) => {
                self.events = if *on { Events::Lifecycle } else { Events::Off };
            }
            ("events", Value::Object(asked)) => match asked.get("band") {
                Some(Value::Bool(band)) if asked.len() == 1 => {
                    self.events = if *band {
                        Events::WithBand
                    } else {
                        Events::Lifecycle
                    };
                }
                _ => refused("true, false, or {\"band\": true} to receive the band too"),
            },
            ("logo", Value::String(_)) => match text.and_then(logo) {
                Some(v) => _ = self.logo.get_or_insert(v),
                None => refused("a PNG, JPEG, WebP or SVG data: URL, or a path on this site"),
            },
            ("logo-alt", Value::String(_)) => match text.and_then(|t| plain(t, 80)) {
                Some(v) => _ = self.logo_alt.get_or_insert(v),
                None => refused("up to 80 plain characters"),
            },
            ("accent" | "accent-text", Value::String(_)) => match text.and_then(colour) {
                Some(v) if key == "accent" => _ = self.accent.get_or_insert(v),
                Some(v) => _ = self.accent_text.get_or_insert(v),
                None => refused("a colour such as #005a9c"),
            },
            ("font", Value::String(_)) => match text.and_then(font) {
                Some(v) => _ = self.font.get_or_insert(v),
                None => refused("font names, commas and spaces only"),
            },
            ("cta", Value::Object(cta)) => {
                let label = cta
                    .get("label")
                    .and_then(Value::as_str)
                    .and_then(|l| plain(l, 40));
                let url = cta
                    .get("url")
                    .and_then(Value::as_str)
                    .and_then(|u| web_link(u, true));
                match (label, url) {
                    (Some(label), Some(url)) => {
                        self.cta.get_or_insert(CallToAction { label, url });
                    }
                    _ => refused("it needs a label (up to 40 plain characters) and an https:// or mailto: url"),
                }
            }
            ("courses", Value::Object(courses)) => {
                for (target, url) in courses {
                    let link = url.as_str().and_then(|u| web_link(u, false));
                    match link.filter(|_| course_target(target)) {
                        Some(link) => {
                            self.courses.entry(target.clone()).or_insert(link);
                        }
                        None => warnings.push(format!(
                            "host.json: ignored courses.{}: a roadmap phase (1-5) or Annex A area (A.2-A.10) with an https:// link",
                            outside(target, 40)
                        )),
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// The host's message for this band, if it wrote one.
    pub fn band_message(&self, band: Band) -> Option<&HostMessage> {
        self.messages.bands.get(band.key())
    }

    /// The weakest clause or Annex A area the host wrote a message for, with that message.
    pub fn weakest_message<'a>(&'a self, a: &'a Assessment) -> Option<(&'a str, &'a HostMessage)> {
        let id = weakest(a)?;
        self.messages.weakest.get(id).map(|m| (id, m))
    }
}

/// The applicable section with the lowest score (the first of equals, clauses before areas).
pub fn weakest(a: &Assessment) -> Option<&str> {
    a.sections
        .iter()
        .filter_map(|s| s.percent().map(|p| (p, s)))
        .min_by_key(|(p, _)| *p)
        .map(|(_, s)| s.id.as_str())
}

/// Who writes, as far as the person chose to say (each field optional, sent exactly as typed).
#[derive(Clone, Copy, Debug, Default)]
pub struct Sender<'a> {
    pub name: &'a str,
    pub organisation: &'a str,
    pub phone: &'a str,
}

/// What the hand-off sends: built from the results and the organisation profile, the person's
/// own message and contact details, and their notes only when they ask for them.
pub struct Handoff<'a> {
    pub questionnaire: &'a Questionnaire,
    pub profile: &'a Profile,
    pub assessment: &'a Assessment,
    pub roadmap: &'a Roadmap,
    pub notes: Option<&'a Notes>,
    pub message: &'a str,
    pub sender: Sender<'a>,
}

impl Handoff<'_> {
    /// The subject names the standard once (the built-in titles already do).
    pub fn subject(&self) -> String {
        let lang = self.questionnaire.lang();
        let title = &self.questionnaire.title;
        let subject = if title.contains("42001") {
            msg!("Readiness summary: {title}")
        } else {
            msg!("ISO/IEC 42001 readiness summary: {title}")
        };
        lang.f(subject, &[("title", title)])
    }

    /// The person's details, one per line, only those filled in.
    fn sender_lines(&self, lang: Lang) -> String {
        let s = self.sender;
        [
            (msg!("Name"), s.name),
            (msg!("Organisation"), s.organisation),
            (msg!("Phone"), s.phone),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| format!("{}: {value}\n", lang.t(label)))
        .collect()
    }

    /// The open blockers with their titles, and the profile a consultant sizes the work by
    /// (size, roles, AI systems, certifications held, target date).
    fn context_lines(&self, lang: Lang) -> String {
        let a = self.assessment;
        let mut out = if a.blockers.is_empty() {
            lang.t(msg!("No certification blocker is open."))
                .to_string()
        } else {
            let items: Vec<String> = a
                .blockers
                .iter()
                .map(|b| format!("{} {}", b.id, b.title))
                .collect();
            lang.f(
                msg!("Certification blockers ({n}): {items}."),
                &[("n", &items.len()), ("items", &items.join("; "))],
            )
        };
        let wanted: Vec<String> = crate::figures::text::sizing(self.profile, lang)
            .into_iter()
            .map(|(label, value)| format!("{label}: {value}"))
            .collect();
        out.push('\n');
        out.push_str(&lang.f(
            msg!("Organisation profile: {rows}."),
            &[("rows", &wanted.join("; "))],
        ));
        out
    }

    /// The text exactly as it would be sent.
    pub fn body(&self) -> String {
        let q = self.questionnaire;
        let a = self.assessment;
        let lang = q.lang();
        let mut out = self.sender_lines(lang);
        if !out.is_empty() {
            out.push('\n');
        }
        if !self.message.trim().is_empty() {
            out.push_str(self.message.trim_end());
            out.push_str("\n\n");
        }
        let summary = crate::figures::summary::summary(q, a, self.roadmap, lang);
        out.push_str(&summary.readiness);
        out.push('\n');
        out.push_str(&self.context_lines(lang));
        out.push('\n');
        out.push_str(&lang.f(
            msg!("The roadmap to the end of the stage 2 audit: about {weeks} weeks."),
            &[("weeks", &self.roadmap.total_weeks)],
        ));
        // One line per kind, ids only: the whole text must fit a mail link.
        for kind in [SectionKind::Clause, SectionKind::Annex] {
            let scores: Vec<String> = a
                .sections
                .iter()
                .filter(|s| s.kind == kind && s.applicable > 0)
                .map(|s| format!("{} {}", s.id, maturity_text(s.maturity_tenths(), lang)))
                .collect();
            out.push('\n');
            out.push_str(&lang.f(
                match kind {
                    SectionKind::Clause => msg!("Maturity (0-{top}) by clause: {scores}."),
                    SectionKind::Annex => msg!("Maturity (0-{top}) by Annex A area: {scores}."),
                },
                &[("top", &q.scale.top()), ("scores", &scores.join("; "))],
            ));
        }
        if let Some(notes) = self.notes.filter(|n| !n.is_empty()) {
            out.push_str("\n\n");
            out.push_str(lang.t(msg!("My notes:")));
            for item in q.items() {
                if let Some(note) = notes.get(&item.id) {
                    out.push_str(&format!("\n- {}: {}", item.id, note));
                }
            }
        }
        out.push_str("\n\n");
        out.push_str(lang.t(msg!("An indicative self-assessment based on my answers, not an audit result and not a statement of conformity.")));
        out
    }

    /// The `mailto:` link that opens the person's mail client with this text, or `None` when it
    /// would be too long for mail clients (then copying and attaching the save file is offered).
    pub fn mailto(&self, contact: &str) -> Option<String> {
        let link = format!(
            "{contact}?subject={}&body={}",
            encode(&self.subject()),
            encode(&self.body())
        );
        (link.len() <= MAX_MAILTO_CHARS).then_some(link)
    }
}

/// Percent-encoding for a `mailto:` query value (RFC 6068): every byte but the unreserved ones;
/// line breaks as CRLF, as mail expects.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    // Every line break as CRLF (RFC 6068), whether typed as CRLF, LF or a lone CR, so the
    // mail's body breaks its lines where the text shown does.
    let lines = text.replace("\r\n", "\n").replace('\r', "\n");
    for b in lines.replace('\n', "\r\n").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The readable form of a `mailto:` query value (tests compare it with the text shown).
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(|s| s.replace("\r\n", "\n"))
}

/// How the hand-off names the host: its name (outside text, isolated), else a neutral word.
pub fn host_name(config: &EmbedConfig, lang: Lang) -> String {
    match &config.host_name {
        Some(name) => outside(name, 60),
        None => lang.t(msg!("the host of this page")).into(),
    }
}

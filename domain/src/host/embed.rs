//! Embedding configuration read from the widget's URL: validated so that nothing a host (or a
//! tampered link) passes can break the widget or inject markup. Unknown or malformed settings
//! are dropped with a warning.

use std::collections::BTreeMap;

use crate::figures::scoring::Band;
use crate::model::i18n::Lang;

/// Colour scheme: follow the system, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// A host's call to action, for example "Talk to us" with a mailto or booking link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallToAction {
    pub label: String,
    pub url: String,
}

/// A host.json larger than any sensible configuration: refused unread.
pub const MAX_HOST_BYTES: usize = 64 * 1024;

/// A message shown with the results: short, plain text.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// A host's words for one band or one weakest section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostMessage {
    pub message: Option<String>,
    pub cta: Option<CallToAction>,
}

/// Messages by band key (`Band::key`) and by section id ("4"-"10", "A.2"-"A.10").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostMessages {
    pub bands: BTreeMap<String, HostMessage>,
    pub weakest: BTreeMap<String, HostMessage>,
}

pub(crate) fn message_text(value: &str) -> Option<String> {
    let text = value.trim();
    let markup = text.contains('<') && text.contains('>');
    let ok = !text.is_empty()
        && !markup
        && text.chars().count() <= MAX_MESSAGE_CHARS
        && !text.chars().any(|c| c.is_control() && c != '\n');
    ok.then(|| text.to_string())
}

/// A `mailto:` address the contact may be: one plain address, nothing after it.
pub(crate) fn contact(value: &str) -> Option<String> {
    let address = value.strip_prefix("mailto:")?;
    let (user, domain) = address.split_once('@')?;
    let ok = !user.is_empty()
        && domain.contains('.')
        && address.len() <= 200
        && address
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"@.-_+".contains(&b));
    ok.then(|| value.to_string())
}

/// What the host page may learn of a visit, if its host.json asks (`"events"`): that a
/// questionnaire was started and that its results were reached, and, only if it asks for that
/// too, the readiness band. Never an answer, a note, the profile or a score per section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Events {
    #[default]
    Off,
    /// `"events": true`: started and completed, with the questionnaire's id.
    Lifecycle,
    /// `"events": {"band": true}`: completed carries the band as well.
    WithBand,
}

/// A moment the host page may be told of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// The person began a questionnaire (its profile or questions, once per page).
    Started,
    /// The person reached the results (once per page and questionnaire).
    Completed,
}

impl Moment {
    pub fn key(self) -> &'static str {
        match self {
            Moment::Started => "started",
            Moment::Completed => "completed",
        }
    }
}

/// Everything a host can configure. Defaults give the plain widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// A questionnaire id to open directly (checked against the catalogue by the shell).
    pub questionnaire: Option<String>,
    /// The interface and questionnaire language (`lang=de`); otherwise the browser's.
    pub language: Option<Lang>,
    pub accent: Option<String>,
    pub accent_text: Option<String>,
    pub font: Option<String>,
    /// A data URL or a same-origin path.
    pub logo: Option<String>,
    pub logo_alt: Option<String>,
    pub theme: Theme,
    pub cta: Option<CallToAction>,
    /// Course links by roadmap phase ("1"-"5") or Annex A area ("A.2"-"A.10").
    pub courses: BTreeMap<String, String>,
    /// Identifies this widget in the height messages it posts to the host page.
    pub widget_id: Option<String>,
    /// The host's name, as the hand-off names it ("Send my summary to …"); host.json only.
    pub host_name: Option<String>,
    /// A `mailto:` address: the results then offer the hand-off. host.json only, never the URL.
    pub contact: Option<String>,
    /// Messages per band and per weakest section (host.json; `band-<key>` in the URL).
    pub messages: HostMessages,
    /// `title=hide`: the host page has its own title, so the widget's brand line shows only the
    /// logo (if any) and the language menu.
    pub hide_title: bool,
    /// The lifecycle events the host page receives (host.json only).
    pub events: Events,
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

pub(crate) fn colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#')?;
    (matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| value.to_string())
}

pub(crate) fn plain(value: &str, max: usize) -> Option<String> {
    let ok = !value.trim().is_empty()
        && value.chars().count() <= max
        && !value
            .chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>' | '"' | '`' | '\\' | '{' | '}' | ';'));
    ok.then(|| value.trim().to_string())
}

pub(crate) fn web_link(value: &str, allow_mailto: bool) -> Option<String> {
    let ok = value.len() <= 500
        && value.is_ascii()
        && !value.chars().any(|c| {
            c.is_ascii_whitespace()
                || c.is_ascii_control()
                || matches!(c, '"' | '<' | '>' | '`' | '\\')
        })
        && (value.starts_with("https://") || (allow_mailto && value.starts_with("mailto:")));
    ok.then(|| value.to_string())
}

pub(crate) fn font(value: &str) -> Option<String> {
    plain(value, 80).filter(|v| {
        v.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '-' | '\''))
    })
}

/// The red, green and blue of `#rgb` or `#rrggbb`, 0-255 (0 for what is not hex: callers pass
/// validated colours).
fn rgb(colour: &str) -> [f64; 3] {
    let hex = colour.trim_start_matches('#');
    let channel = |i: usize| -> f64 {
        let (digits, scale) = if hex.len() == 3 {
            (hex.get(i..i + 1), 17.0)
        } else {
            (hex.get(2 * i..2 * i + 2), 1.0)
        };
        f64::from(
            digits
                .and_then(|d| u8::from_str_radix(d, 16).ok())
                .unwrap_or(0),
        ) * scale
    };
    [channel(0), channel(1), channel(2)]
}

/// WCAG relative luminance, with sRGB to linear light as c² (gamma 2, close to sRGB's 2.2
/// curve) and no `powf`, whose code would cost the start module 1.6 KB.
fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let linear = |c: f64| (c / 255.0) * (c / 255.0);
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The text colour that reads best on `accent` (`#rgb` or `#rrggbb`): white or the widget's
/// near-black, whichever has the higher WCAG contrast. Used when a host sets an accent without
/// `accent-text`, so a dark accent never carries the dark scheme's dark text.
pub fn readable_on(accent: &str) -> &'static str {
    let light = luminance(rgb(accent));
    // #12161b's relative luminance is about 0.0076.
    if contrast(light, 1.0) >= contrast(light, 0.0076) {
        "#ffffff"
    } else {
        "#12161b"
    }
}

/// The backgrounds accent-coloured text sits on, per scheme (public/style.css: `--aims-bg`,
/// `--aims-surface`, `--aims-accent-soft`).
const LIGHT_BACKGROUNDS: [&str; 3] = ["#f6f7f9", "#ffffff", "#e6f0f7"];
const DARK_BACKGROUNDS: [&str; 3] = ["#12161b", "#1b2128", "#1d2f3d"];

/// The host's accent as a text colour (links, secondary buttons, ids) for the light or the
/// dark scheme: the accent itself where it has a contrast of 5:1 on each of that scheme's
/// backgrounds (4.5:1 is the WCAG minimum; the margin covers the gamma-2 estimate), else the
/// accent mixed a tenth at a time towards white (dark scheme) or the widget's near-black
/// (light) until it has, so the colour keeps the host's hue as far as it can.
pub fn accent_as_text(accent: &str, dark: bool) -> String {
    let (backgrounds, towards) = if dark {
        (DARK_BACKGROUNDS, [255.0; 3])
    } else {
        (LIGHT_BACKGROUNDS, rgb("#12161b"))
    };
    let base = rgb(accent);
    let reads = |colour: [f64; 3]| {
        let l = luminance(colour);
        backgrounds
            .iter()
            .all(|b| contrast(l, luminance(rgb(b))) >= 5.0)
    };
    let mixed = (0..=10)
        .map(|tenths| {
            let t = f64::from(tenths) / 10.0;
            [0, 1, 2].map(|i| (base[i] + (towards[i] - base[i]) * t).round())
        })
        .find(|c| reads(*c))
        .unwrap_or(towards);
    if mixed == base {
        return accent.to_string();
    }
    let [r, g, b] = mixed.map(|c| c as u8);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A course link's target: a roadmap phase ("1"-"5") or an Annex A area ("A.2"-"A.10").
pub(crate) fn course_target(target: &str) -> bool {
    matches!(target, "1" | "2" | "3" | "4" | "5")
        || [
            "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10",
        ]
        .contains(&target)
}

/// URL settings that put words, links or a look on the page in the host's name: anyone can
/// craft a link to a host's widget page, so these come from the host's own `host.json` only,
/// unless it turns URL settings on (`"url-settings": true`). A visitor's choices (language,
/// questionnaire, theme), the embed id and `title=hide` stay in the URL.
pub fn host_only(key: &str) -> bool {
    matches!(
        key,
        "accent" | "accent-text" | "font" | "logo" | "logo-alt" | "cta-label" | "cta-url"
    ) || key.starts_with("band-")
        || key.starts_with("course-")
}

/// host.json as a JSON value, or the warning that ignores all of it (too large: refused unread;
/// not JSON). Parsed once per page: [`EmbedConfig::read`] needs its `url-settings` before the
/// URL is read, and its settings after.
pub(crate) fn parse_host(text: &str) -> Result<serde_json::Value, String> {
    if text.len() > MAX_HOST_BYTES {
        return Err(format!(
            "host.json: ignored: larger than {MAX_HOST_BYTES} bytes"
        ));
    }
    serde_json::from_str(text).map_err(|e| {
        format!(
            "host.json: ignored: not JSON (line {}, column {})",
            e.line(),
            e.column()
        )
    })
}

pub(crate) fn logo(value: &str) -> Option<String> {
    const IMAGES: [&str; 4] = [
        "data:image/png;base64,",
        "data:image/jpeg;base64,",
        "data:image/webp;base64,",
        "data:image/svg+xml;base64,",
    ];
    if let Some(prefix) = IMAGES.iter().find(|p| value.starts_with(**p)) {
        let body = &value[prefix.len()..];
        let ok = value.len() <= 150_000
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
        return ok.then(|| value.to_string());
    }
    // Same-origin relative path: no scheme, no host, no parent escapes, plain characters.
    let relative = !value.is_empty()
        && value.len() <= 200
        && !value.contains(':')
        && !value.starts_with("//")
        && !value.contains("..")
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_'));
    relative.then(|| value.to_string())
}

impl EmbedConfig {
    /// What to tell the host page at `moment`, as the space-separated tokens boot.js relays
    /// ("completed iso42001-quick-scan early-stage"); `None` when the host did not ask for
    /// events. The band goes only with `Completed`, and only if the host asked for it.
    pub fn event(&self, moment: Moment, questionnaire: &str, band: Option<Band>) -> Option<String> {
        let band = match (self.events, moment) {
            (Events::Off, _) => return None,
            (Events::WithBand, Moment::Completed) => band.map(Band::key),
            _ => None,
        };
        let id_ok = !questionnaire.is_empty()
            && questionnaire
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        id_ok.then(|| {
            [Some(moment.key()), Some(questionnaire), band]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    /// The page's configuration: its URL's settings, then the host's `host.json` (if the page
    /// has one). The settings [`host_only`] names are refused from the URL, each with a
    /// warning, unless host.json turns URL settings on; then the URL wins where both set one.
    /// Texts host.json gives per language are taken in the URL's language, else in `lang` (the
    /// one the page will show).
    pub fn read(query: &str, host: Option<&str>, lang: Lang) -> (EmbedConfig, Vec<String>) {
        let parsed = host.map(parse_host);
        let allowed = matches!(&parsed, Some(Ok(root)) if root.get("url-settings") == Some(&serde_json::Value::Bool(true)));
        let mut warnings = Vec::new();
        let kept: Vec<&str> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| {
                let key = pair.split_once('=').map_or(*pair, |(k, _)| k);
                let refused = !allowed && percent_decode(key).is_some_and(|k| host_only(&k));
                if refused {
                    warnings.push(format!(
                        "ignored setting \"{}\": this site sets it in its host.json (URL settings are off there)",
                        key.chars().take(40).collect::<String>()
                    ));
                }
                !refused
            })
            .collect();
        let (mut config, more) = EmbedConfig::from_query(&kept.join("&"));
        warnings.extend(more);
        match parsed {
            Some(Ok(root)) => {
                let lang = config.language.unwrap_or(lang);
                warnings.extend(config.with_host_value(root, lang));
            }
            Some(Err(warning)) => warnings.push(warning),
            None => {}
        }
        if config.accent_text.is_none() {
            config.accent_text = config.accent.as_deref().map(|a| readable_on(a).to_string());
        }
        (config, warnings)
    }

    /// Reads a query string (with or without the leading `?`). Returns the configuration and a
    /// warning for every setting that was ignored.
    pub fn from_query(query: &str) -> (EmbedConfig, Vec<String>) {
        let mut config = EmbedConfig::default();
        let mut warnings = Vec::new();
        let (mut cta_label, mut cta_url) = (None, None);
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value))
            else {
                warnings.push(format!(
                    "ignored a setting that is not valid URL encoding: {}",
                    raw_key.chars().take(40).collect::<String>()
                ));
                continue;
            };
            let accepted = match key.as_str() {
                "questionnaire" => plain(&value, 60)
                    .filter(|v| {
                        v.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    })
                    .map(|v| config.questionnaire = Some(v)),
                "lang" => Lang::from_code(&value).map(|l| config.language = Some(l)),
                "accent" => colour(&value).map(|v| config.accent = Some(v)),
                "accent-text" => colour(&value).map(|v| config.accent_text = Some(v)),
                "font" => font(&value).map(|v| config.font = Some(v)),
                "logo" => logo(&value).map(|v| config.logo = Some(v)),
                "logo-alt" => plain(&value, 80).map(|v| config.logo_alt = Some(v)),
                "title" => (value == "hide").then(|| config.hide_title = true),
                "theme" => {
                    let theme = match value.as_str() {
                        "light" => Some(Theme::Light),
                        "dark" => Some(Theme::Dark),
                        "system" => Some(Theme::System),
                        _ => None,
                    };
                    theme.map(|t| config.theme = t)
                }
                "cta-label" => plain(&value, 40).map(|v| cta_label = Some(v)),
                // Never from the URL: anyone can craft a link to this page, and the contact
                // is where a person's summary would go. Only the site's own host.json sets it.
                "host-name" | "contact" => {
                    warnings.push(format!(
                        "ignored setting \"{key}\": set it in host.json, next to index.html"
                    ));
                    continue;
                }
                band if band.starts_with("band-") => {
                    let key = &band["band-".len()..];
                    Band::ALL
                        .iter()
                        .any(|b| b.key() == key)
                        .then(|| message_text(&value))
                        .flatten()
                        .map(|message| {
                            config.messages.bands.insert(
                                key.to_string(),
                                HostMessage {
                                    message: Some(message),
                                    cta: None,
                                },
                            );
                        })
                }
                "cta-url" => web_link(&value, true).map(|v| cta_url = Some(v)),
                "id" => plain(&value, 40)
                    .filter(|v| {
                        v.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                    })
                    .map(|v| config.widget_id = Some(v)),
                course if course.starts_with("course-") => {
                    let target = &course["course-".len()..];
                    course_target(target)
                        .then(|| web_link(&value, false))
                        .flatten()
                        .map(|v| {
                            config.courses.insert(target.to_string(), v);
                        })
                }
                _ => {
                    warnings.push(format!(
                        "ignored unknown setting \"{}\"",
                        key.chars().take(40).collect::<String>()
                    ));
                    continue;
                }
            };
            if accepted.is_none() {
                warnings.push(format!(
                    "ignored setting \"{key}\": the value is not allowed"
                ));
            }
        }
        match (cta_label, cta_url) {
            (Some(label), Some(url)) => config.cta = Some(CallToAction { label, url }),
            (None, None) => {}
            _ => warnings
                .push("ignored the call to action: it needs both cta-label and cta-url".into()),
        }
        (config, warnings)
    }
}

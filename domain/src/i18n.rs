//! Languages: the interface's message catalogue (English source text is the key; translations
//! come from `locales/*.po`) and locale-aware numbers and dates.
//!
//! With the `catalogues` feature (the default: native tests and tools) the translations are
//! compiled in by build.rs, on native targets only: a wasm build never holds them, even when a
//! workspace build unifies the default features in (Trunk builds the default members, domain
//! included). The catalogue of the language on screen arrives in that language's content file
//! and is [`install`]ed at start, so a visitor downloads one language's interface texts.
//!
//! Code marks every interface text with `lang.t("…")`, `lang.f("… {name} …", &[…])` or, where a
//! text is stored before a language is known, `msg("…")`. `tests/i18n.rs` reads those marks from
//! the sources and fails when any declared language lacks one of them.

use std::fmt::Display;

use super::date::Date;

#[cfg(all(feature = "catalogues", not(target_arch = "wasm32")))]
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

#[cfg(not(all(feature = "catalogues", not(target_arch = "wasm32"))))]
static DE: &[(&str, &str)] = &[];
#[cfg(not(all(feature = "catalogues", not(target_arch = "wasm32"))))]
static DE_PLURALS: &[(&str, &str, &[&str])] = &[];
#[cfg(not(all(feature = "catalogues", not(target_arch = "wasm32"))))]
static FR: &[(&str, &str)] = &[];
#[cfg(not(all(feature = "catalogues", not(target_arch = "wasm32"))))]
static FR_PLURALS: &[(&str, &str, &[&str])] = &[];
#[cfg(not(all(feature = "catalogues", not(target_arch = "wasm32"))))]
static ES: &[(&str, &str)] = &[];
#[cfg(not(all(feature = "catalogues", not(target_arch = "wasm32"))))]
static ES_PLURALS: &[(&str, &str, &[&str])] = &[];

/// One language's interface translations, sorted by English text: messages, and plural
/// entries (English singular and plural, translated forms).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    pub messages: Vec<(String, String)>,
    pub plurals: Vec<(String, String, Vec<String>)>,
}

/// The catalogue key of an interface text: its 32-bit FNV-1a hash. Content files carry keys in
/// place of the English texts, which the wasm holds already (7.4 KB gzip less per language);
/// `tests/i18n.rs` checks that no two marked texts share a key, and [`Catalogue::keyed`]
/// refuses a catalogue where two do.
pub fn key(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// A catalogue as content files carry it: each translation under the [`key`] of its English
/// text (plural entries under the key of the English singular), sorted by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyedCatalogue {
    pub messages: Vec<(u32, String)>,
    pub plurals: Vec<(u32, Vec<String>)>,
}

impl Catalogue {
    /// This catalogue under [`key`]s; `Err` names two English texts that share one.
    pub fn keyed(&self) -> Result<KeyedCatalogue, String> {
        fn by_key<T>(entries: Vec<(u32, &str, T)>) -> Result<Vec<(u32, T)>, String> {
            let mut entries = entries;
            crate::order::sort_by_key(&mut entries, |e| e.0);
            if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
                return Err(format!(
                    "{:?} and {:?} share the catalogue key {:08x}; reword one of them",
                    w[0].1, w[1].1, w[0].0
                ));
            }
            Ok(entries.into_iter().map(|(k, _, v)| (k, v)).collect())
        }
        Ok(KeyedCatalogue {
            messages: by_key(
                self.messages
                    .iter()
                    .map(|(en, tr)| (key(en), en.as_str(), tr.clone()))
                    .collect(),
            )?,
            plurals: by_key(
                self.plurals
                    .iter()
                    .map(|(one, _, forms)| (key(one), one.as_str(), forms.clone()))
                    .collect(),
            )?,
        })
    }
}

type Messages = &'static [(u32, &'static str)];
type Plurals = &'static [(u32, &'static [&'static str])];

/// Catalogues installed at start, for the life of the page.
static INSTALLED: std::sync::OnceLock<Vec<(Lang, Messages, Plurals)>> = std::sync::OnceLock::new();

/// Installs catalogues that arrived at run time (the app's content file). Once per page: later
/// calls are ignored. The texts live as long as the page, so they are leaked on purpose.
pub fn install(catalogues: Vec<(Lang, KeyedCatalogue)>) {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let installed = catalogues
        .into_iter()
        .map(|(lang, c)| {
            let messages: Messages = Box::leak(
                c.messages
                    .into_iter()
                    .map(|(k, v)| (k, leak(v)))
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            );
            let plurals: Plurals = Box::leak(
                c.plurals
                    .into_iter()
                    .map(|(k, forms)| {
                        let forms: &'static [&'static str] = Box::leak(
                            forms
                                .into_iter()
                                .map(leak)
                                .collect::<Vec<_>>()
                                .into_boxed_slice(),
                        );
                        (k, forms)
                    })
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            );
            (lang, messages, plurals)
        })
        .collect();
    let _ = INSTALLED.set(installed);
}

/// The entry under `key` in a table sorted by key.
fn find<T: Copy>(table: &[(u32, T)], key: u32) -> Option<T> {
    let i = table.binary_search_by(|(k, _)| k.cmp(&key)).ok()?;
    Some(table[i].1)
}

/// The entry for `english` in a compiled table sorted by English text; `split` gives an
/// entry's English text and the value wanted.
fn find_english<E, T>(table: &[E], english: &str, split: impl Fn(&E) -> (&str, T)) -> Option<T> {
    let i = table.binary_search_by(|e| split(e).0.cmp(english)).ok()?;
    Some(split(&table[i]).1)
}

fn installed(lang: Lang) -> Option<&'static (Lang, Messages, Plurals)> {
    INSTALLED.get()?.iter().find(|(l, _, _)| *l == lang)
}

/// A language the interface and the built-in questionnaires are available in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
}

/// Marks a text for translation where it is stored before a language is known; translate it
/// when shown with [`Lang::t`].
pub const fn msg(text: &'static str) -> &'static str {
    text
}

impl Lang {
    /// Every declared language. English is the source language of all texts.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The BCP 47 code, as used in `lang` attributes, the embed URL and file names.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's own name, for the language switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// Reads a language tag such as `de`, `de-AT` or `EN_gb`; `None` for undeclared languages.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The translations compiled into this build (native builds only; the app's come from its
    /// content file, see [`install`]), sorted by English text; empty for English.
    pub fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => &[],
            Lang::De => DE,
            Lang::Fr => FR,
            Lang::Es => ES,
        }
    }

    /// This language's catalogue as owned data, to pack into a content file.
    pub fn owned_catalogue(self) -> Catalogue {
        Catalogue {
            messages: self
                .catalogue()
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            plurals: self
                .plurals()
                .iter()
                .map(|(one, other, forms)| {
                    (
                        one.to_string(),
                        other.to_string(),
                        forms.iter().map(|f| f.to_string()).collect(),
                    )
                })
                .collect(),
        }
    }

    /// The plural entries of this language: English singular and plural, and the translated
    /// forms, sorted by singular (empty for English).
    pub fn plurals(self) -> &'static [(&'static str, &'static str, &'static [&'static str])] {
        match self {
            Lang::En => &[],
            Lang::De => DE_PLURALS,
            Lang::Fr => FR_PLURALS,
            Lang::Es => ES_PLURALS,
        }
    }

    /// Which plural form a count takes (the index into a `.po` entry's `msgstr[N]`): English
    /// and German use the first form for exactly 1 and the second otherwise; French treats 0
    /// and 1 as singular.
    pub fn plural_form(self, n: u64) -> usize {
        match self {
            Lang::En | Lang::De | Lang::Es => usize::from(n != 1),
            Lang::Fr => usize::from(n > 1),
        }
    }

    /// A text that depends on a count, with `{n}` filled with the count (in this language's
    /// digits) and the other placeholders from `args`: `lang.n(3, "{n} blocker", "{n}
    /// blockers", &[])`. Both English forms are the catalogue key.
    pub fn n(
        self,
        n: u64,
        one: &'static str,
        other: &'static str,
        args: &[(&str, &dyn Display)],
    ) -> String {
        let forms = match installed(self) {
            Some((_, _, table)) => find(table, key(one)),
            // The app's compiled tables are empty: its catalogues come in the content file.
            None if cfg!(target_arch = "wasm32") => None,
            None => find_english(self.plurals(), one, |(en, _, forms)| (*en, *forms)),
        };
        let form = forms.and_then(|forms| forms.get(self.plural_form(n)).copied());
        let english = if n == 1 { one } else { other };
        let count = self.int(n);
        let mut all: Vec<(&str, &dyn Display)> = vec![("n", &count)];
        all.extend_from_slice(args);
        fill(form.unwrap_or(english), &all)
    }

    /// The interface text `english` in this language (English if a translation is missing,
    /// which `tests/i18n.rs` does not allow to ship).
    pub fn t(self, english: &'static str) -> &'static str {
        let found = match installed(self) {
            Some((_, table, _)) => find(table, key(english)),
            None if cfg!(target_arch = "wasm32") => None,
            None => find_english(self.catalogue(), english, |(en, tr)| (*en, *tr)),
        };
        found.unwrap_or(english)
    }

    /// Translates `english` and fills its `{name}` placeholders.
    pub fn f(self, english: &'static str, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(english), args)
    }

    /// A whole number with this language's digit grouping: 12,345, 12.345 or 12 345 (French:
    /// a narrow no-break space). Spanish groups with a point from five digits on (1000, 12.345),
    /// as the RAE and CLDR have it.
    pub fn int(self, value: u64) -> String {
        let digits = value.to_string();
        let sep = match self {
            Lang::En => ',',
            Lang::De => '.',
            Lang::Fr => '\u{202f}',
            Lang::Es if digits.len() <= 4 => return digits,
            Lang::Es => '.',
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// A number given in tenths, with one decimal unless it is whole: 2.5 or 2,5; 3.
    pub fn tenths(self, tenths: u64) -> String {
        let whole = self.int(tenths / 10);
        match tenths % 10 {
            0 => whole,
            d => format!("{whole}{}{d}", self.decimal_mark()),
        }
    }

    /// A number given in tenths, always with one decimal: 2.0 or 2,0 (for averages).
    pub fn one_decimal(self, tenths: u64) -> String {
        format!(
            "{}{}{}",
            self.int(tenths / 10),
            self.decimal_mark(),
            tenths % 10
        )
    }

    /// The decimal separator: "." in English, "," in German, French and Spanish.
    pub fn decimal_mark(self) -> char {
        match self {
            Lang::En => '.',
            Lang::De | Lang::Fr | Lang::Es => ',',
        }
    }

    /// A percentage: 47% in English, 47 % in German and French (narrow no-break space) and in
    /// Spanish (no-break space, as CLDR writes it).
    pub fn percent(self, value: u32) -> String {
        format!("{value}{}", self.percent_sign())
    }

    /// What follows a percentage's digits: "%", or a (narrow) no-break space and "%".
    pub fn percent_sign(self) -> &'static str {
        match self {
            Lang::En => "%",
            Lang::De | Lang::Fr => "\u{202f}%",
            Lang::Es => "\u{a0}%",
        }
    }

    /// A date as people of this language write it: 28 Nov 2026, 28.11.2026 (DIN 5008: 05.01.2027),
    /// 28/11/2026 in French and Spanish.
    pub fn date(self, date: Date) -> String {
        match self {
            Lang::En => {
                const MONTHS: [&str; 12] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                let month = MONTHS[(date.month as usize).clamp(1, 12) - 1];
                format!("{} {month} {}", date.day, date.year)
            }
            Lang::De => format!("{:02}.{:02}.{}", date.day, date.month, date.year),
            Lang::Fr | Lang::Es => format!("{:02}/{:02}/{}", date.day, date.month, date.year),
        }
    }
}

/// Outside text (a file name, an id or a value read from a file or a link) as it may appear
/// inside a message: at most `max` characters (cut with "…"), line breaks and control
/// characters shown as spaces, its own direction controls replaced by U+FFFD, and the whole
/// wrapped in Unicode isolates (U+2068 … U+2069), so a right-to-left override in it can never
/// reorder the message around it. Never used for stored data: only for what a message quotes.
pub fn outside(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 4) + 8);
    out.push('\u{2068}');
    for (count, c) in text.chars().enumerate() {
        if count == max {
            out.push('…');
            break;
        }
        out.push(match c {
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{61c}' => '\u{fffd}',
            c if c.is_control() => ' ',
            c => c,
        });
    }
    out.push('\u{2069}');
    out
}

/// How many items a message lists before it says "and N more".
pub const LISTED: usize = 8;

impl Lang {
    /// The first [`LISTED`] of `items` joined with "; ", then "and N more" for the rest, so a
    /// file with thousands of problems gives a message of a few lines.
    pub fn summary(self, items: &[String]) -> String {
        let shown = items[..items.len().min(LISTED)].join("; ");
        match items.len().saturating_sub(LISTED) {
            0 => shown,
            rest => self.f(
                "{list} and {n} more",
                &[("list", &shown), ("n", &self.int(rest as u64))],
            ),
        }
    }
}

/// Replaces each `{name}` in `template` with its argument; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags() {
        assert_eq!(Lang::from_code("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code(" de "), Some(Lang::De));
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn fills_placeholders_and_keeps_unknown_ones() {
        let n = 3;
        assert_eq!(
            fill("{n} of {total} done", &[("n", &n), ("total", &"24")]),
            "3 of 24 done"
        );
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
        assert_eq!(placeholders("{a} and {b}"), vec!["a", "b"]);
    }

    #[test]
    fn outside_text_is_cut_and_isolated() {
        assert_eq!(outside("abc", 10), "\u{2068}abc\u{2069}");
        assert_eq!(outside("abcdef", 3), "\u{2068}abc…\u{2069}");
        // A right-to-left override and a stray isolate closer cannot escape the isolate.
        assert_eq!(
            outside("x\u{202e}y\u{2069}\nz", 10),
            "\u{2068}x\u{fffd}y\u{fffd} z\u{2069}"
        );
    }

    #[test]
    fn long_lists_are_summarised() {
        let items: Vec<String> = (1..=10_000).map(|n| n.to_string()).collect();
        let text = Lang::En.summary(&items);
        assert!(text.ends_with("; 8 and 9,992 more"), "{text}");
        assert_eq!(Lang::En.summary(&items[..2]), "1; 2");
        assert!(text.len() < 100);
    }

    #[test]
    fn formats_numbers_and_dates_per_language() {
        assert_eq!(Lang::En.int(1_234_567), "1,234,567");
        assert_eq!(Lang::De.int(1_234_567), "1.234.567");
        assert_eq!(Lang::De.int(999), "999");
        assert_eq!(Lang::En.tenths(25), "2.5");
        assert_eq!(Lang::De.tenths(25), "2,5");
        assert_eq!(Lang::De.tenths(12_340), "1.234");
        assert_eq!(Lang::En.one_decimal(20), "2.0");
        assert_eq!(Lang::De.one_decimal(7), "0,7");
        assert_eq!(Lang::De.percent(47), "47\u{202f}%");
        let d = Date::parse("2026-11-28").unwrap();
        assert_eq!(Lang::En.date(d), "28 Nov 2026");
        assert_eq!(Lang::De.date(d), "28.11.2026");
        // French: narrow no-break spaces, decimal comma, day/month/year.
        assert_eq!(Lang::Fr.int(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(Lang::Fr.tenths(25), "2,5");
        assert_eq!(Lang::Fr.percent(47), "47\u{202f}%");
        assert_eq!(
            Lang::Fr.date(Date::parse("2027-09-30").unwrap()),
            "30/09/2027"
        );
        // Spanish: a point from five digits on, decimal comma, day/month/year.
        assert_eq!(Lang::Es.int(1_000), "1000");
        assert_eq!(Lang::Es.int(12_345), "12.345");
        assert_eq!(Lang::Es.int(1_234_567), "1.234.567");
        assert_eq!(Lang::Es.tenths(25), "2,5");
        assert_eq!(Lang::Es.percent(47), "47\u{a0}%");
        assert_eq!(
            Lang::Es.date(Date::parse("2027-09-30").unwrap()),
            "30/09/2027"
        );
    }

    #[test]
    fn plural_forms_follow_each_language() {
        // French treats 0 and 1 as singular; English, German and Spanish only 1.
        assert_eq!(Lang::Fr.plural_form(0), 0);
        assert_eq!(Lang::Fr.plural_form(1), 0);
        assert_eq!(Lang::Fr.plural_form(2), 1);
        for lang in [Lang::En, Lang::De, Lang::Es] {
            assert_eq!(lang.plural_form(0), 1);
            assert_eq!(lang.plural_form(1), 0);
            assert_eq!(lang.plural_form(2), 1);
        }
    }

    #[test]
    fn the_catalogue_is_sorted_for_binary_search() {
        for lang in Lang::ALL {
            let table = lang.catalogue();
            assert!(
                table.windows(2).all(|w| w[0].0 < w[1].0),
                "{lang:?}: build.rs must emit a sorted table without duplicates"
            );
        }
    }
}

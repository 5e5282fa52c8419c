//! Languages: the interface's messages (English source text marks them; translations come
//! from `locales/*.po`) and locale-aware numbers and dates.
//!
//! Code marks every interface text with `msg!("…")` (shown with `lang.t`, or `lang.f` to fill
//! `{name}` placeholders) and every text with plural forms with `plural!("one", "other")` (for
//! `lang.n`). domain/build.rs lists every mark in the sources, sorted ([`ENGLISH`],
//! [`ENGLISH_PLURALS`]); a mark becomes its place in that list at compile time, so no text, not
//! even the English one, reaches the wasm. Each language's texts, English included, arrive in
//! that language's content file in id order and are [`install`]ed at start: a visitor downloads
//! one language's interface texts and no other.
//!
//! Native builds (tests, tools, the build script that packs the content files) have English
//! and, with the `catalogues` feature (the default), the translations compiled in by build.rs,
//! on native targets only, even when a workspace build unifies the default features in.
//! `tests/i18n.rs` reads the marks again and fails when any declared language lacks one.

use std::fmt::Display;

use crate::model::date::Date;

// One table per locales/*.po file, empty unless compiled in (native, `catalogues`).
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

// An id is a u16.
const _: () =
    assert!(ENGLISH.len() <= u16::MAX as usize && ENGLISH_PLURALS.len() <= u16::MAX as usize);

/// An interface text: its place in [`ENGLISH`], the sorted list of every text the sources mark,
/// fixed at compile time by [`msg!`]. The English text itself never reaches the wasm: each
/// language's texts, English included, arrive in its content file in this order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Msg(u16);

/// A text with plural forms: its place in [`ENGLISH_PLURALS`], fixed by [`plural!`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Plural(u16);

/// Marks an interface text for translation and turns it into its [`Msg`] at compile time:
/// `lang.t(msg!("Results"))`, `lang.f(msg!("{n} of {total}"), &[…])`. A text the build did
/// not list (not a plain literal) fails the build at the mark.
#[macro_export]
macro_rules! msg {
    ($text:literal $(,)?) => {
        $crate::model::i18n::Msg::at(const { $crate::model::i18n::message_id($text) })
    };
}

/// Marks a text with plural forms (English singular and plural) for `lang.n(count, …)`.
#[macro_export]
macro_rules! plural {
    ($one:literal, $other:literal $(,)?) => {
        $crate::model::i18n::Plural::at(const { $crate::model::i18n::plural_id($one, $other) })
    };
}

pub use crate::{msg, plural};

/// Byte order, as `str`'s `Ord` (and build.rs's sort) has it, usable in a `const`.
const fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            };
        }
        i += 1;
    }
    if a.len() < b.len() {
        std::cmp::Ordering::Less
    } else if a.len() > b.len() {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// The id of a marked text (for [`msg!`], evaluated at compile time).
pub const fn message_id(text: &str) -> u16 {
    let (mut low, mut high) = (0, ENGLISH.len());
    while low < high {
        let mid = (low + high) / 2;
        match compare(ENGLISH[mid], text) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return mid as u16,
        }
    }
    panic!("{}", text)
}

/// The id of a marked plural text (for [`plural!`], evaluated at compile time).
pub const fn plural_id(one: &str, other: &str) -> u16 {
    let mut i = 0;
    while i < ENGLISH_PLURALS.len() {
        let (o, p) = ENGLISH_PLURALS[i];
        if compare(o, one).is_eq() && compare(p, other).is_eq() {
            return i as u16;
        }
        i += 1;
    }
    panic!("{}", one)
}

impl Msg {
    #[doc(hidden)]
    pub const fn at(id: u16) -> Msg {
        Msg(id)
    }

    /// The English text (native builds: tests and tools; the wasm holds no English).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn english(self) -> &'static str {
        ENGLISH[usize::from(self.0)]
    }
}

impl Plural {
    #[doc(hidden)]
    pub const fn at(id: u16) -> Plural {
        Plural(id)
    }

    /// The English singular and plural (native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn english(self) -> (&'static str, &'static str) {
        ENGLISH_PLURALS[usize::from(self.0)]
    }
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        #[cfg(not(target_arch = "wasm32"))]
        return write!(f, "msg!({:?})", self.english());
        #[cfg(target_arch = "wasm32")]
        write!(f, "Msg({})", self.0)
    }
}

impl std::fmt::Debug for Plural {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        #[cfg(not(target_arch = "wasm32"))]
        return write!(f, "plural!({:?}, {:?})", self.english().0, self.english().1);
        #[cfg(target_arch = "wasm32")]
        write!(f, "Plural({})", self.0)
    }
}

/// One language's interface texts as a content file carries them, in id order: every message
/// of [`ENGLISH`], then the forms of every entry of [`ENGLISH_PLURALS`] (as many as the
/// language has).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    pub messages: Vec<String>,
    pub plurals: Vec<Vec<String>>,
}

impl Texts {
    /// Whether these texts fit this build's ids: one per message, at least one form per plural.
    pub fn fits(&self) -> bool {
        self.messages.len() == ENGLISH.len()
            && self.plurals.len() == ENGLISH_PLURALS.len()
            && self.plurals.iter().all(|forms| !forms.is_empty())
    }
}

type Messages = &'static [&'static str];
type Plurals = &'static [&'static [&'static str]];

/// Texts installed at start, for the life of the page.
static INSTALLED: std::sync::OnceLock<Vec<(Lang, Messages, Plurals)>> = std::sync::OnceLock::new();

/// Installs the texts that arrived at run time (the app's content file). Once per page: later
/// calls are ignored. The texts live as long as the page, so they are leaked on purpose.
pub fn install(catalogues: Vec<(Lang, Texts)>) {
    let _ = INSTALLED.set(catalogues.into_iter().map(leaked).collect());
}

/// One language's texts for the life of the page (leaked on purpose, once per language).
fn leaked((lang, texts): (Lang, Texts)) -> (Lang, Messages, Plurals) {
    fn leak(texts: Vec<String>) -> &'static [&'static str] {
        let texts: Vec<&'static str> = texts
            .into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect();
        Box::leak(texts.into_boxed_slice())
    }
    let plurals: Vec<&'static [&'static str]> = texts.plurals.into_iter().map(leak).collect();
    (
        lang,
        leak(texts.messages),
        &*Box::leak(plurals.into_boxed_slice()),
    )
}

/// The entry for `english` in a compiled table sorted by English text; `split` gives an
/// entry's English text and the value wanted.
#[cfg(not(target_arch = "wasm32"))]
fn find_english<E, T>(table: &[E], english: &str, split: impl Fn(&E) -> (&str, T)) -> Option<T> {
    let i = table.binary_search_by(|e| split(e).0.cmp(english)).ok()?;
    Some(split(&table[i]).1)
}

/// The texts of `lang`: the installed ones, the way the app gets them. The wasm has no texts
/// of its own, so a language the page does not hold (a default `Lang` before the app knows
/// better) gets the page's language: never an empty text. Native builds (tests, tools) install
/// a language they were not given from the compiled catalogues, the same way, on first use.
fn installed(lang: Lang) -> Option<&'static (Lang, Messages, Plurals)> {
    let given = INSTALLED.get();
    let found = given.and_then(|all| all.iter().find(|(l, _, _)| *l == lang));
    #[cfg(target_arch = "wasm32")]
    return found.or(given?.first());
    #[cfg(not(target_arch = "wasm32"))]
    return found.or_else(|| {
        static COMPILED: std::sync::OnceLock<Vec<(Lang, Messages, Plurals)>> =
            std::sync::OnceLock::new();
        let all = COMPILED.get_or_init(|| Lang::ALL.map(|l| leaked((l, l.texts()))).to_vec());
        all.iter().find(|(l, _, _)| *l == lang)
    });
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

/// How a language writes dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// 28 Nov 2026.
    DayMonthNameYear,
    /// 28.11.2026 (DIN 5008: 05.01.2027).
    DayMonthYearDots,
    /// 28/11/2026.
    DayMonthYearSlashes,
}

/// Which plural form a count takes (the index into a `.po` entry's `msgstr[N]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// The first form for exactly 1, the second otherwise (English, German, Spanish).
    OneIsSingular,
    /// The first form for 0 and 1 (French).
    ZeroAndOneAreSingular,
}

/// One language's conventions: everything about a language that is not a text. A new
/// language is a row of [`LANGUAGES`] (with a `Lang` variant) plus its files.
#[derive(Clone, Copy, Debug)]
pub struct Conventions {
    pub lang: Lang,
    /// The BCP 47 code, as used in `lang` attributes, the embed URL and file names.
    pub code: &'static str,
    /// The language's own name, for the language switcher.
    pub name: &'static str,
    /// Its English name, for translators' files.
    pub english_name: &'static str,
    /// The digit group separator, and the fewest digits a number has before it is grouped.
    pub group: char,
    pub group_from: usize,
    pub decimal_mark: char,
    /// What follows a percentage's digits.
    pub percent_sign: &'static str,
    pub date: DateStyle,
    pub plural: PluralRule,
    /// The field separator spreadsheet programs expect: where the comma is the decimal mark,
    /// they read a semicolon.
    pub csv_separator: char,
    /// The interface translations compiled in (native builds with `catalogues`; empty in the
    /// wasm and for English), sorted by English text, and the plural entries.
    catalogue: &'static [(&'static str, &'static str)],
    plurals: &'static [(&'static str, &'static str, &'static [&'static str])],
}

/// Every declared language's conventions, in `Lang` order.
pub const LANGUAGES: &[Conventions] = &[
    Conventions {
        lang: Lang::En,
        code: "en",
        english_name: "English",
        name: "English",
        group: ',',
        group_from: 4,
        decimal_mark: '.',
        percent_sign: "%",
        date: DateStyle::DayMonthNameYear,
        plural: PluralRule::OneIsSingular,
        csv_separator: ',',
        catalogue: &[],
        plurals: &[],
    },
    Conventions {
        lang: Lang::De,
        code: "de",
        english_name: "German",
        name: "Deutsch",
        group: '.',
        group_from: 4,
        decimal_mark: ',',
        // A narrow no-break space before the sign.
        percent_sign: "\u{202f}%",
        date: DateStyle::DayMonthYearDots,
        plural: PluralRule::OneIsSingular,
        csv_separator: ';',
        catalogue: DE,
        plurals: DE_PLURALS,
    },
    Conventions {
        lang: Lang::Fr,
        code: "fr",
        english_name: "French",
        name: "Français",
        // A narrow no-break space between groups.
        group: '\u{202f}',
        group_from: 4,
        decimal_mark: ',',
        percent_sign: "\u{202f}%",
        date: DateStyle::DayMonthYearSlashes,
        plural: PluralRule::ZeroAndOneAreSingular,
        csv_separator: ';',
        catalogue: FR,
        plurals: FR_PLURALS,
    },
    Conventions {
        lang: Lang::Es,
        code: "es",
        english_name: "Spanish",
        name: "Español",
        // Grouped from five digits on (1000, 12.345), as the RAE and CLDR have it.
        group: '.',
        group_from: 5,
        decimal_mark: ',',
        // A no-break space, as CLDR writes it.
        percent_sign: "\u{a0}%",
        date: DateStyle::DayMonthYearSlashes,
        plural: PluralRule::OneIsSingular,
        csv_separator: ';',
        catalogue: ES,
        plurals: ES_PLURALS,
    },
];

impl Lang {
    /// Every declared language, in the order of [`LANGUAGES`]. English is the source language
    /// of all texts.
    pub const ALL: [Lang; LANGUAGES.len()] = {
        let mut all = [Lang::En; LANGUAGES.len()];
        let mut at = 0;
        while at < all.len() {
            all[at] = LANGUAGES[at].lang;
            at += 1;
        }
        all
    };

    /// This language's row of [`LANGUAGES`].
    pub fn conventions(self) -> &'static Conventions {
        &LANGUAGES[self as usize]
    }

    /// The BCP 47 code, as used in `lang` attributes, the embed URL and file names.
    pub fn code(self) -> &'static str {
        self.conventions().code
    }

    /// The language's own name, for the language switcher.
    pub fn name(self) -> &'static str {
        self.conventions().name
    }

    /// Reads a language tag such as `de`, `de-AT` or `EN_gb`; `None` for undeclared languages.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The translations compiled into this build (native builds only; the app's come from its
    /// content file, see [`install`]), sorted by English text; empty for English.
    pub fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        self.conventions().catalogue
    }

    /// This language's texts in id order, to pack into a content file (a missing translation
    /// is its English text, which `tests/i18n.rs` does not allow to ship).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn texts(self) -> Texts {
        Texts {
            messages: ENGLISH
                .iter()
                .map(|en| self.t_native(en).to_string())
                .collect(),
            plurals: ENGLISH_PLURALS
                .iter()
                .map(|pair| {
                    self.forms_native(*pair)
                        .iter()
                        .map(|f| f.to_string())
                        .collect()
                })
                .collect(),
        }
    }

    /// The compiled translation of `english` (English where there is none).
    #[cfg(not(target_arch = "wasm32"))]
    fn t_native(self, english: &'static str) -> &'static str {
        find_english(self.catalogue(), english, |(en, tr)| (*en, *tr)).unwrap_or(english)
    }

    /// The compiled plural forms of a pair (English: the pair itself).
    #[cfg(not(target_arch = "wasm32"))]
    fn forms_native(self, (one, other): (&'static str, &'static str)) -> Vec<&'static str> {
        find_english(self.plurals(), one, |(en, _, forms)| (*en, *forms))
            .map(<[&str]>::to_vec)
            .unwrap_or_else(|| vec![one, other])
    }

    /// The plural entries of this language: English singular and plural, and the translated
    /// forms, sorted by singular (empty for English).
    pub fn plurals(self) -> &'static [(&'static str, &'static str, &'static [&'static str])] {
        self.conventions().plurals
    }

    /// Which plural form a count takes (the index into a `.po` entry's `msgstr[N]`): English
    /// and German use the first form for exactly 1 and the second otherwise; French treats 0
    /// and 1 as singular.
    pub fn plural_form(self, n: u64) -> usize {
        match self.conventions().plural {
            PluralRule::OneIsSingular => usize::from(n != 1),
            PluralRule::ZeroAndOneAreSingular => usize::from(n > 1),
        }
    }

    /// A text that depends on a count, with `{n}` filled with the count (in this language's
    /// digits) and the other placeholders from `args`: `lang.n(3, plural!("{n} blocker", "{n}
    /// blockers"), &[])`.
    pub fn n(self, n: u64, text: Plural, args: &[(&str, &dyn Display)]) -> String {
        // The wasm holds no texts: without its content file it shows none (see ui::start).
        let forms: &[&str] = installed(self)
            .and_then(|(_, _, table)| table.get(usize::from(text.0)).copied())
            .unwrap_or_default();
        let form = self.plural_form(n);
        let template = forms
            .get(form)
            .or(forms.last())
            .copied()
            .unwrap_or_default();
        let count = self.int(n);
        let mut all: Vec<(&str, &dyn Display)> = vec![("n", &count)];
        all.extend_from_slice(args);
        fill(template, &all)
    }

    /// The interface text `text` in this language.
    pub fn t(self, text: Msg) -> &'static str {
        installed(self)
            .and_then(|(_, table, _)| table.get(usize::from(text.0)).copied())
            .unwrap_or_default()
    }

    /// Translates `text` and fills its `{name}` placeholders.
    pub fn f(self, text: Msg, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(text), args)
    }

    /// A whole number with this language's digit grouping: 12,345, 12.345 or 12 345 (French:
    /// a narrow no-break space). Spanish groups with a point from five digits on (1000, 12.345),
    /// as the RAE and CLDR have it.
    pub fn int(self, value: u64) -> String {
        let digits = value.to_string();
        let Conventions {
            group, group_from, ..
        } = *self.conventions();
        if digits.len() < group_from {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(group);
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
        self.conventions().decimal_mark
    }

    /// A percentage: 47% in English, 47 % in German and French (narrow no-break space) and in
    /// Spanish (no-break space, as CLDR writes it).
    pub fn percent(self, value: u32) -> String {
        format!("{value}{}", self.percent_sign())
    }

    /// What follows a percentage's digits: "%", or a (narrow) no-break space and "%".
    pub fn percent_sign(self) -> &'static str {
        self.conventions().percent_sign
    }

    /// A date as people of this language write it: 28 Nov 2026, 28.11.2026 (DIN 5008: 05.01.2027),
    /// 28/11/2026 in French and Spanish.
    pub fn date(self, date: Date) -> String {
        match self.conventions().date {
            DateStyle::DayMonthNameYear => {
                const MONTHS: [&str; 12] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                let month = MONTHS[(date.month as usize).clamp(1, 12) - 1];
                format!("{} {month} {}", date.day, date.year)
            }
            DateStyle::DayMonthYearDots => {
                format!("{:02}.{:02}.{}", date.day, date.month, date.year)
            }
            DateStyle::DayMonthYearSlashes => {
                format!("{:02}/{:02}/{}", date.day, date.month, date.year)
            }
        }
    }
}

/// Outside text (a file name, an id or a value read from a file or a link) as it may appear
/// inside a message: at most `max` characters (cut with "…"), line breaks and control
/// characters shown as spaces, its own direction controls replaced by U+FFFD, and the whole
/// wrapped in Unicode isolates (U+2068 … U+2069), so a right-to-left override in it can never
/// reorder the message around it. Never used for stored data: only for what a message quotes.
/// In a language other than English, the note that the standard's titles are our translations.
pub fn titles_note(lang: Lang) -> Option<&'static str> {
    (lang != Lang::En).then(|| {
        lang.t(msg!("The titles of the standard's clauses and controls in this language are our own translations, not the wording of a national edition of ISO/IEC 42001."))
    })
}

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
                msg!("{list} and {n} more"),
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
    fn the_table_has_one_row_per_language_in_order() {
        for (at, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, at);
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }

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

//! Languages: the interface's messages (English source text marks them; translations come
//! from `locales/*.po`) and locale-aware numbers and dates.
//!
//! Code marks every interface text with `msg!("…")` (shown with `lang.t`, or `lang.f` to fill
//! `{name}` placeholders) and every text with plural forms with `plural!("one", "other")` (for
//! `lang.n`). A mark becomes the hash of its English text at compile time ([`hash`]), so the
//! core compiles without a list of texts and no text, not even the English one, reaches the
//! wasm. The app's build script, which sees every source, lists the marks
//! (`aims_po::marks`), refuses two with one id, and packs each language's texts as a [`Table`]
//! by id into that language's content file; they are [`install`]ed at start: a visitor
//! downloads one language's interface texts and no other.
//!
//! Native builds (tests, tools, the build script that packs the content files) keep each mark's
//! English and, with the `catalogues` feature (the default), the translations compiled in by
//! build.rs, on native targets only, even when a workspace build unifies the default features
//! in. domain/tests/model/i18n.rs reads the marks again and fails when any language lacks one.

use std::fmt::Display;

use crate::model::date::Date;

// One table per locales/*.po file, empty unless compiled in (native, `catalogues`).
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A marked text's id: FNV-1a of its English text, computed where the text is marked, so no list
/// of texts is needed to compile a mark (plural texts: both forms, with a 0xFF byte between,
/// which UTF-8 never holds). Kept to 27 bits: every mark is a constant in the wasm, and 27 bits
/// take 4 bytes there where 32 take 5; a chance of about 1 in 270 that 1,000 texts hold two
/// with one id, which the app's build, seeing every mark, refuses.
pub const fn hash(parts: &[&str]) -> u32 {
    const PRIME: u32 = 0x0100_0193;
    let mut h: u32 = 0x811c_9dc5;
    let mut p = 0;
    while p < parts.len() {
        if p > 0 {
            h = (h ^ 0xff).wrapping_mul(PRIME);
        }
        let bytes = parts[p].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            h = (h ^ bytes[i] as u32).wrapping_mul(PRIME);
            i += 1;
        }
        p += 1;
    }
    h & 0x07ff_ffff
}

/// An interface text: the hash of its English text, fixed at compile time by [`msg!`]. The
/// English text itself never reaches the wasm (native builds keep it, for tests and tools): each
/// language's texts, English included, arrive in its content file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Msg {
    id: u32,
    #[cfg(not(target_arch = "wasm32"))]
    english: &'static str,
}

/// A text with plural forms: the hash of its two English forms, fixed by [`plural!`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Plural {
    id: u32,
    #[cfg(not(target_arch = "wasm32"))]
    english: (&'static str, &'static str),
}

/// Marks an interface text for translation and turns it into its [`Msg`] at compile time:
/// `lang.t(msg!("Results"))`, `lang.f(msg!("{n} of {total}"), &[…])`. The text must be a plain
/// literal, which the app's build lists for the content files.
#[macro_export]
macro_rules! msg {
    ($text:literal $(,)?) => {
        const { $crate::model::i18n::Msg::marked($crate::model::i18n::hash(&[$text]), $text) }
    };
}

/// Marks a text with plural forms (English singular and plural) for `lang.n(count, …)`.
#[macro_export]
macro_rules! plural {
    ($one:literal, $other:literal $(,)?) => {
        const {
            $crate::model::i18n::Plural::marked(
                $crate::model::i18n::hash(&[$one, $other]),
                ($one, $other),
            )
        }
    };
}

pub use crate::{msg, plural};

impl Msg {
    #[doc(hidden)]
    pub const fn marked(id: u32, english: &'static str) -> Msg {
        #[cfg(target_arch = "wasm32")]
        let _ = english;
        Msg {
            id,
            #[cfg(not(target_arch = "wasm32"))]
            english,
        }
    }

    /// The id: the hash of the English text.
    pub fn id(self) -> u32 {
        self.id
    }

    /// The English text (native builds: tests and tools; the wasm holds no English).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn english(self) -> &'static str {
        self.english
    }

    /// What a language without this text shows: English in native builds, nothing in the wasm
    /// (whose build puts every marked text in the content file).
    fn untranslated(self) -> &'static str {
        #[cfg(not(target_arch = "wasm32"))]
        return self.english;
        #[cfg(target_arch = "wasm32")]
        ""
    }
}

impl Plural {
    #[doc(hidden)]
    pub const fn marked(id: u32, english: (&'static str, &'static str)) -> Plural {
        #[cfg(target_arch = "wasm32")]
        let _ = english;
        Plural {
            id,
            #[cfg(not(target_arch = "wasm32"))]
            english,
        }
    }

    /// The id: the hash of the two English forms.
    pub fn id(self) -> u32 {
        self.id
    }

    /// The English singular and plural (native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn english(self) -> (&'static str, &'static str) {
        self.english
    }

    /// The forms a language without this text uses (see [`Msg::untranslated`]).
    fn untranslated(self) -> Vec<&'static str> {
        #[cfg(not(target_arch = "wasm32"))]
        return vec![self.english.0, self.english.1];
        #[cfg(target_arch = "wasm32")]
        Vec::new()
    }
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        #[cfg(not(target_arch = "wasm32"))]
        return write!(f, "msg!({:?})", self.english());
        #[cfg(target_arch = "wasm32")]
        write!(f, "Msg({:08x})", self.id)
    }
}

impl std::fmt::Debug for Plural {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        #[cfg(not(target_arch = "wasm32"))]
        return write!(f, "plural!({:?}, {:?})", self.english().0, self.english().1);
        #[cfg(target_arch = "wasm32")]
        write!(f, "Plural({:08x})", self.id)
    }
}

/// Texts by id, found without a list of ids (hash and displace): an id falls into bucket
/// `id % shifts.len()`, and that bucket's shift sends it to its own place in `entries`
/// ([`place`]). The app's build chose the shifts knowing every id the sources mark; a content
/// file carries the shifts (2 bytes per 4 texts) and the entries, and the ids only where the app
/// must tell a text the table lacks (the start's few texts: every other one is in the file that
/// comes with the questionnaires, which holds all the rest and no ids: [`Table::anonymous`]).
#[derive(Clone, Debug, Default)]
pub struct Table<T> {
    pub shifts: Vec<u16>,
    pub entries: Vec<T>,
    /// The id at each place, so an id the table does not hold finds nothing. Empty for an
    /// anonymous table, whose build arranged every id the app can still ask for.
    pub ids: Vec<u32>,
}

/// Equal when a content file would carry the same bytes.
impl<T: PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        self.shifts == other.shifts && self.entries == other.entries && self.ids == other.ids
    }
}

impl<T: Eq> Eq for Table<T> {}

/// Where `id` sits in a table of `size` places under `shift`: murmur3's finaliser of the id
/// mixed with the shift.
fn place(id: u32, shift: u16, size: usize) -> usize {
    let mut h = id ^ u32::from(shift).wrapping_mul(0x9e37_79b9);
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h as usize % size.max(1)
}

impl<T> Table<T> {
    /// A table as a content file carries it.
    pub fn new(shifts: Vec<u16>, entries: Vec<T>, ids: Vec<u32>) -> Table<T> {
        Table {
            shifts,
            entries,
            ids,
        }
    }

    /// This table without its ids: every id asked of it finds an entry (for a file that holds
    /// every text the app can still ask for once it is here).
    pub fn anonymous(self) -> Table<T> {
        Table {
            ids: Vec::new(),
            ..self
        }
    }

    /// The entry of `id`.
    pub fn get(&self, id: u32) -> Option<&T> {
        let shift = *self.shifts.get(id as usize % self.shifts.len().max(1))?;
        let at = place(id, shift, self.entries.len());
        let held = self.ids.is_empty() || self.ids.get(at) == Some(&id);
        self.entries.get(at).filter(|_| held)
    }

    /// Whether the table can be read: at least one bucket and one place.
    pub fn fits(&self) -> bool {
        !self.shifts.is_empty() && !self.entries.is_empty()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Default> Table<T> {
    /// Arranges entries by id, about 1.1 places per entry and one bucket per four. `Err` names
    /// an id two entries share (the build then names their texts); with distinct ids a shift
    /// that separates a bucket's ids is found within a few tries.
    pub fn arrange(items: Vec<(u32, T)>) -> Result<Table<T>, u32> {
        let mut ids: Vec<u32> = items.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(pair[0]);
        }
        let (size, buckets) = (items.len() + items.len() / 8 + 1, items.len() / 4 + 1);
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); buckets];
        for (id, _) in &items {
            members[*id as usize % buckets].push(*id);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|b| std::cmp::Reverse(members[*b].len()));
        let (mut shifts, mut at) = (vec![0u16; buckets], vec![u32::MAX; size]);
        for b in order {
            let free = |shift: u16| {
                let mut places: Vec<usize> = members[b]
                    .iter()
                    .map(|id| place(*id, shift, size))
                    .collect();
                places.sort_unstable();
                places.dedup();
                places.len() == members[b].len() && places.iter().all(|p| at[*p] == u32::MAX)
            };
            let shift = (0..=u16::MAX)
                .find(|s| free(*s))
                .ok_or_else(|| members[b][0])?;
            shifts[b] = shift;
            for id in &members[b] {
                at[place(*id, shift, size)] = *id;
            }
        }
        let mut entries: Vec<T> = (0..size).map(|_| T::default()).collect();
        for (id, entry) in items {
            entries[place(id, shifts[id as usize % buckets], size)] = entry;
        }
        Ok(Table {
            shifts,
            entries,
            ids: at,
        })
    }
}

/// One language's interface texts as a content file carries them: its messages and the forms of
/// its plural texts (as many as the language has), by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    pub messages: Table<String>,
    pub plurals: Table<Vec<String>>,
}

impl Texts {
    /// These texts without their ids ([`Table::anonymous`]).
    pub fn anonymous(self) -> Texts {
        Texts {
            messages: self.messages.anonymous(),
            plurals: self.plurals.anonymous(),
        }
    }

    /// Whether both tables can be read.
    pub fn fits(&self) -> bool {
        self.messages.fits() && self.plurals.fits()
    }
}

/// Texts installed at start, for the life of the page: what the start screen shows.
static INSTALLED: std::sync::OnceLock<Vec<(Lang, Texts)>> = std::sync::OnceLock::new();
/// Every other text, installed when it arrives with the questionnaires (a first visit's start
/// screen shows before they do; the offline edition has all of them in `INSTALLED`).
static LATER: std::sync::OnceLock<Vec<(Lang, Texts)>> = std::sync::OnceLock::new();

/// Installs the texts that arrived at run time (the app's content file). Once per page: later
/// calls are ignored.
pub fn install(catalogues: Vec<(Lang, Texts)>) {
    let _ = INSTALLED.set(catalogues);
}

/// Installs the texts that came with the questionnaires, after the start. Once per page.
pub fn install_later(catalogues: Vec<(Lang, Texts)>) {
    let _ = LATER.set(catalogues);
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The ids of texts asked for and not found: a text the build placed with the later texts
    /// but shown before they arrived (`missed`).
    static MISSED: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The ids of texts asked for that no installed file held (each once, in order): the shell
/// reports them, as the build then put a text the start screen shows in the wrong file.
pub fn missed() -> Vec<u32> {
    #[cfg(target_arch = "wasm32")]
    return MISSED.with(|m| m.borrow().clone());
    #[cfg(not(target_arch = "wasm32"))]
    Vec::new()
}

/// The entry `get` finds for `lang`, in the texts installed at start, then in the later ones.
/// The wasm has no texts of its own, so a language the page does not hold (a default `Lang`
/// before the app knows better) gets the page's language: never an empty text. Native builds
/// (tests, tools) install a language they were not given from the compiled catalogues, the same
/// way, on first use.
fn lookup<T: ?Sized>(
    lang: Lang,
    id: u32,
    get: impl Fn(&'static Texts) -> Option<&'static T>,
) -> Option<&'static T> {
    let found = [&INSTALLED, &LATER].into_iter().find_map(|set| {
        let given = set.get()?;
        let texts = given.iter().find(|(l, _)| *l == lang);
        #[cfg(target_arch = "wasm32")]
        let texts = texts.or(given.first());
        get(&texts?.1)
    });
    #[cfg(target_arch = "wasm32")]
    if found.is_none() {
        MISSED.with(|m| {
            let mut m = m.borrow_mut();
            if !m.contains(&id) {
                m.push(id);
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
    #[cfg(not(target_arch = "wasm32"))]
    let found = found.or_else(|| {
        static COMPILED: std::sync::OnceLock<Vec<(Lang, Texts)>> = std::sync::OnceLock::new();
        let all = COMPILED.get_or_init(|| {
            let marks = compiled_marks();
            Lang::ALL
                .map(|l| (l, l.texts(&marks).expect("the catalogues' texts")))
                .to_vec()
        });
        get(&all.iter().find(|(l, _)| *l == lang)?.1)
    });
    found
}

/// Every English text the compiled catalogues translate: each marked text, as the i18n test
/// requires every language to translate every one (native tools and tests; the app's build
/// lists the marks in the sources instead).
#[cfg(not(target_arch = "wasm32"))]
pub fn compiled_marks() -> aims_po::marks::Marks {
    let mut marks = aims_po::marks::Marks::default();
    for lang in Lang::ALL {
        marks
            .messages
            .extend(lang.catalogue().iter().map(|(en, _)| en.to_string()));
        marks.plurals.extend(
            lang.plurals()
                .iter()
                .map(|(one, other, _)| (one.to_string(), other.to_string())),
        );
    }
    marks
}

/// The entry for `english` in a compiled table sorted by English text; `split` gives an
/// entry's English text and the value wanted.
#[cfg(not(target_arch = "wasm32"))]
fn find_english<E, T>(table: &[E], english: &str, split: impl Fn(&E) -> (&str, T)) -> Option<T> {
    let i = table.binary_search_by(|e| split(e).0.cmp(english)).ok()?;
    Some(split(&table[i]).1)
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

    /// This language's texts for `marks` (every text the sources mark), to pack into a
    /// content file; a missing translation is its English text, which the i18n test does not
    /// allow to ship. `Err` names two texts with one id.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn texts(self, marks: &aims_po::marks::Marks) -> Result<Texts, String> {
        let messages = marks
            .messages
            .iter()
            .map(|en| (hash(&[en]), self.t_native(en)));
        let plurals = marks
            .plurals
            .iter()
            .map(|(one, other)| (hash(&[one, other]), self.forms_native(one, other)));
        let clash = |id: u32| {
            let mut texts: Vec<String> = marks
                .messages
                .iter()
                .filter(|t| hash(&[t]) == id)
                .cloned()
                .collect();
            texts.extend(
                marks
                    .plurals
                    .iter()
                    .filter(|(o, p)| hash(&[o, p]) == id)
                    .map(|(o, _)| o.clone()),
            );
            format!("these marked texts share the id {id:08x}: {texts:?}; reword one of them")
        };
        Ok(Texts {
            messages: Table::arrange(messages.collect()).map_err(clash)?,
            plurals: Table::arrange(plurals.collect()).map_err(clash)?,
        })
    }

    /// The compiled translation of `english` (English where there is none).
    #[cfg(not(target_arch = "wasm32"))]
    fn t_native(self, english: &str) -> String {
        find_english(self.catalogue(), english, |(en, tr)| (*en, *tr))
            .unwrap_or(english)
            .to_string()
    }

    /// The compiled plural forms of a pair (English: the pair itself).
    #[cfg(not(target_arch = "wasm32"))]
    fn forms_native(self, one: &str, other: &str) -> Vec<String> {
        match find_english(self.plurals(), one, |(en, _, forms)| (*en, *forms)) {
            Some(forms) => forms.iter().map(|f| f.to_string()).collect(),
            None => vec![one.to_string(), other.to_string()],
        }
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
        let forms: Vec<&str> = match lookup(self, text.id, |t| t.plurals.get(text.id)) {
            Some(forms) => forms.iter().map(String::as_str).collect(),
            None => text.untranslated(),
        };
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
        lookup(self, text.id, |t| t.messages.get(text.id))
            .map_or_else(|| text.untranslated(), String::as_str)
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

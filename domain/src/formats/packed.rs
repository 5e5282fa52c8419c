//! Validated content in a compact binary form: the app's build script packs, per language, the
//! interface catalogue and every built-in questionnaire once it has passed validation, into one
//! file per language (and one with every language for the offline edition); the wasm unpacks
//! the file it is given at start, with no JSON parsing and no validation code. Integers are
//! LEB128 varints, texts a length and UTF-8 bytes the first time and the number of that first
//! time after it, lists a count and their elements, enums their index.
//!
//! `unpack` trusts nothing it reads: a truncated or foreign blob gives `None`, never a panic.

use std::collections::BTreeMap;

use crate::model::condition::Condition;
use crate::model::i18n::{Lang, Table, Texts};
use crate::model::phase::Phase;
use crate::model::profile::{AiRole, Certification};
use crate::model::questionnaire::{
    Document, EffortKind, Gives, Head, Item, ItemAction, Level, NaSuggestion, Questionnaire, Reuse,
    Scale, Section, SectionKind, Status,
};
use crate::model::standard::Stage;

/// Marks the start of a blob in this format (and its version).
const MAGIC: &[u8; 4] = b"AIM5";

/// Reads what [`Pack::put`] wrote, checking every length against what is left.
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// Every text read so far, in order: a text written again refers to one of these.
    texts: Vec<&'a str>,
    /// How deeply conditions nest here: damaged bytes must not recurse without end.
    depth: u32,
}

/// Conditions nest no deeper than this in any sensible questionnaire.
const MAX_DEPTH: u32 = 32;

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }
}

/// What [`Pack::put`] writes into: the bytes, and each text already written with its number (a
/// text written again is written as that number: the two questionnaires share many of their
/// texts, which gzip's 32 KB window sees too far apart to share).
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
    texts: BTreeMap<String, u32>,
}

impl Writer {
    fn push(&mut self, byte: u8) {
        self.bytes.push(byte);
    }
}

fn put_varint(mut value: u32, out: &mut Writer) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A value that can be written to and read from the packed form.
pub trait Pack: Sized {
    fn put(&self, out: &mut Writer);
    fn get(r: &mut Reader) -> Option<Self>;
}

impl Pack for u32 {
    fn put(&self, out: &mut Writer) {
        put_varint(*self, out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.varint()
    }
}

impl Pack for u16 {
    fn put(&self, out: &mut Writer) {
        put_varint(u32::from(*self), out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        u16::try_from(r.varint()?).ok()
    }
}

impl Pack for u8 {
    fn put(&self, out: &mut Writer) {
        out.push(*self);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.byte()
    }
}

impl Pack for bool {
    fn put(&self, out: &mut Writer) {
        out.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

/// A text the first time as twice its length plus one and its UTF-8 bytes; again, as twice the
/// number of its first appearance.
impl Pack for String {
    fn put(&self, out: &mut Writer) {
        if let Some(&number) = out.texts.get(self) {
            put_varint(number * 2, out);
            return;
        }
        let number = out.texts.len() as u32;
        out.texts.insert(self.clone(), number);
        put_varint(self.len() as u32 * 2 + 1, out);
        out.bytes.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let v = r.varint()? as usize;
        if v % 2 == 0 {
            return r.texts.get(v / 2).map(|t| t.to_string());
        }
        let text = std::str::from_utf8(r.take(v / 2)?).ok()?;
        r.texts.push(text);
        Some(text.to_string())
    }
}

impl<T: Pack> Pack for Option<T> {
    fn put(&self, out: &mut Writer) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(T::get(r)?)),
            _ => None,
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn put(&self, out: &mut Writer) {
        put_varint(self.len() as u32, out);
        for v in self {
            v.put(out);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.varint()? as usize;
        // Every element takes at least a byte: a count larger than what is left is damage.
        if n > r.bytes.len() {
            return None;
        }
        // A loop, not `collect` into an Option: smaller in the wasm for each element type.
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::get(r)?);
        }
        Some(items)
    }
}

impl<T: Pack> Pack for BTreeMap<String, T> {
    fn put(&self, out: &mut Writer) {
        put_varint(self.len() as u32, out);
        for (k, v) in self {
            k.put(out);
            v.put(out);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.varint()? as usize;
        if n > r.bytes.len() {
            return None;
        }
        // Inserted one by one: collecting would sort, and the sort is large in the wasm.
        let mut map = BTreeMap::new();
        for _ in 0..n {
            map.insert(String::get(r)?, T::get(r)?);
        }
        Some(map)
    }
}

/// A table of texts travels as its shifts, its entries and its ids (none for an anonymous
/// table: `i18n::Table`).
impl<T: Pack> Pack for Table<T> {
    fn put(&self, out: &mut Writer) {
        self.shifts.put(out);
        self.entries.put(out);
        self.ids.put(out);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(Table::new(Pack::get(r)?, Pack::get(r)?, Pack::get(r)?))
    }
}

/// A language travels as its place in `Lang::ALL` (a new language is a row of the languages'
/// table, not a change here).
impl Pack for Lang {
    fn put(&self, out: &mut Writer) {
        out.push(Lang::ALL.iter().position(|x| x == self).unwrap_or(0) as u8);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Lang::ALL.get(usize::from(r.byte()?)).copied()
    }
}

/// Enums with a fixed list of values travel as their index in it.
macro_rules! pack_enum {
    ($($t:ty => [$($v:expr),+ $(,)?]);+ $(;)?) => {$(
        impl Pack for $t {
            fn put(&self, out: &mut Writer) {
                let all: &[$t] = &[$($v),+];
                out.push(all.iter().position(|x| x == self).unwrap_or(0) as u8);
            }
            fn get(r: &mut Reader) -> Option<Self> {
                let all: &[$t] = &[$($v),+];
                all.get(usize::from(r.byte()?)).copied()
            }
        }
    )+};
}

pack_enum! {
    Status => [Status::Draft, Status::Active, Status::Retired];
    SectionKind => [SectionKind::Clause, SectionKind::Annex];
    Stage => [Stage::One, Stage::Two];
    Gives => [Gives::Reuse, Gives::Extend];
    AiRole => [AiRole::Develops, AiRole::Provides, AiRole::Uses, AiRole::Partner];
    Certification => [Certification::Iso27001, Certification::Iso9001, Certification::Iso27701];
    Phase => [Phase::Assessment, Phase::Design, Phase::Implementation, Phase::AuditAndReview, Phase::Certification];
}

/// Structs travel as their fields in order.
macro_rules! pack_struct {
    ($($t:ident { $($f:ident),+ $(,)? });+ $(;)?) => {$(
        impl Pack for $t {
            fn put(&self, out: &mut Writer) {
                $(self.$f.put(out);)+
            }
            fn get(r: &mut Reader) -> Option<Self> {
                Some($t { $($f: Pack::get(r)?),+ })
            }
        }
    )+};
}

pack_struct! {
    Questionnaire { id, version, items_unchanged_since, status, language, title, summary, scale, efforts, documents, sections };
    Scale { levels, gate_level };
    Level { value, label, meaning };
    EffortKind { days, per_system, management_system };
    Document { id, title, mandatory };
    Section { id, kind, title, intro, items };
    Item { id, title, question, why, levels, weight, gate, blocker, kind, documents, applies_when, suggest_na, actions, reuse, refs };
    NaSuggestion { when, justification, supplier_item };
    ItemAction { from, phase, effort, when, lifts_blocker, text };
    Reuse { from, gives, refs };
}

impl Pack for [u32; 4] {
    fn put(&self, out: &mut Writer) {
        for v in self {
            v.put(out);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some([r.varint()?, r.varint()?, r.varint()?, r.varint()?])
    }
}

impl Pack for Condition {
    fn put(&self, out: &mut Writer) {
        match self {
            Condition::RoleAny(roles) => {
                out.push(0);
                roles.put(out);
            }
            Condition::HoldsAny(held) => {
                out.push(1);
                held.put(out);
            }
            Condition::HighRisk(yes) => {
                out.push(2);
                yes.put(out);
            }
            Condition::All(all) => {
                out.push(3);
                all.put(out);
            }
            Condition::Any(any) => {
                out.push(4);
                any.put(out);
            }
            Condition::Not(not) => {
                out.push(5);
                not.put(out);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.depth += 1;
        if r.depth > MAX_DEPTH {
            return None;
        }
        let condition = Some(match r.byte()? {
            0 => Condition::RoleAny(Pack::get(r)?),
            1 => Condition::HoldsAny(Pack::get(r)?),
            2 => Condition::HighRisk(Pack::get(r)?),
            3 => Condition::All(Pack::get(r)?),
            4 => Condition::Any(Pack::get(r)?),
            5 => Condition::Not(Box::new(Pack::get(r)?)),
            _ => return None,
        });
        r.depth -= 1;
        condition
    }
}

/// One language's content: its interface texts and every questionnaire in it. A first visit
/// gets it in two files: the texts with the questionnaires' `heads` (what the start screen
/// shows), then the `questionnaires` themselves (`app::Library`).
#[derive(Clone, Debug, PartialEq)]
pub struct LangContent {
    pub lang: Lang,
    pub texts: Texts,
    pub heads: Vec<Head>,
    pub questionnaires: Vec<Questionnaire>,
}

impl LangContent {
    /// The two parts a first visit downloads: the heads with `start` (the start screen's texts),
    /// then the questionnaires with `later` (every other text). This language's own `texts` go
    /// into neither: the build chooses the two sets (build.rs `start_texts`).
    pub fn split(&self, start: Texts, later: Texts) -> (LangContent, LangContent) {
        let first = LangContent {
            lang: self.lang,
            texts: start,
            heads: self.heads.clone(),
            questionnaires: Vec::new(),
        };
        let rest = LangContent {
            lang: self.lang,
            texts: later,
            heads: Vec::new(),
            questionnaires: self.questionnaires.clone(),
        };
        (first, rest)
    }
}

pack_struct! {
    LangContent { lang, texts, heads, questionnaires };
    Head { id, version, status, title, summary, items, minutes };
    Texts { messages, plurals };
}

/// The content of one or more languages.
pub type Content = Vec<LangContent>;

/// The packed form of `content`.
pub fn pack(content: &[LangContent]) -> Vec<u8> {
    let mut out = Writer {
        bytes: MAGIC.to_vec(),
        texts: BTreeMap::new(),
    };
    content.to_vec().put(&mut out);
    out.bytes
}

/// The content `pack` wrote; `None` for anything else (truncated, foreign, trailing bytes).
pub fn unpack(bytes: &[u8]) -> Option<Content> {
    let mut r = Reader {
        bytes: bytes.strip_prefix(MAGIC)?,
        texts: Vec::new(),
        depth: 0,
    };
    let content = Content::get(&mut r)?;
    // Tables that cannot be read would leave every text empty; only the questionnaires' own
    // file (`LangContent::split`) comes without texts.
    let fits = content
        .iter()
        .all(|c| c.texts.fits() || (c.texts == Texts::default() && !c.questionnaires.is_empty()));
    (r.bytes.is_empty() && fits).then_some(content)
}

/// The bytes of one value (as `pack` writes it, without the header).
pub fn packed<T: Pack>(value: &T) -> Vec<u8> {
    let mut out = Writer::default();
    value.put(&mut out);
    out.bytes
}

/// One value from bytes that hold exactly it.
pub fn read<T: Pack>(bytes: &[u8]) -> Option<T> {
    let mut r = Reader {
        bytes,
        texts: Vec::new(),
        depth: 0,
    };
    let value = T::get(&mut r)?;
    r.bytes.is_empty().then_some(value)
}

//! Share links: an assessment packed into the URL fragment (never sent to any server), and its checked decoder.
//!
//! Format 2 (then base64url without padding, after `#share=`):
//! `2 | id len, id | version len, version | profile fields (tag, length, bytes)…, 0 |
//! number of scale levels L | answers in questionnaire order, each a code of just enough bits
//! for L + 3 values (0 none, 1..=L a level, L+1 don't know, L+2 not applicable) | per "not
//! applicable": 0 = the suggested justification, or 1 + u16 length + UTF-8 text | CRC-32 of
//! everything before it`. Profile fields carry any number of roles and certifications as bit
//! masks, so a new one needs no new layout. Notes are never included; N/A justifications are.
//!
//! Format 1 links (fixed 3-bit codes for four-level scales, no check digits) still open. A link
//! of an older questionnaire version opens when the questionnaire says its items did not change
//! since (`items_unchanged_since`); a link of a later format with sound check digits is named as
//! made by a newer widget.

use std::rc::Rc;

use crate::formats::saved::Restored;
use crate::model::answers::text_length;
use crate::model::answers::Notes;
use crate::model::answers::MAX_TEXT_CHARS;
use crate::model::answers::{Answer, Answers};
use crate::model::date::Date;
use crate::model::i18n::{msg, outside, Lang, Msg};
use crate::model::profile::{
    AiRole, Capacity, Certification, EuRole, HighRisk, Profile, Screening, SizeBand, MAX_SYSTEMS,
};
use crate::model::questionnaire::{version_order, Item, Questionnaire};
use std::cmp::Ordering;

pub const SHARE_FORMAT: u8 = 2;
/// The fragment prefix that marks a share link.
pub const PREFIX: &str = "share=";
/// Longest fragment the decoder reads.
pub const MAX_LINK_CHARS: usize = 64 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding, as links carry it (tests build tampered links with it).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub(crate) fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (bits < 6).then_some(out)
}

/// Days are counted from this date for the target date (0 means none).
fn epoch() -> Date {
    Date {
        year: 2020,
        month: 1,
        day: 1,
    }
}

/// CRC-32 (IEEE 802.3), the check digits of a format 2 link: any flipped bit changes it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Bits per answer code for a scale of `levels` levels: enough for levels + 3 values.
fn code_bits(levels: usize) -> usize {
    let values = levels + 3;
    (usize::BITS - (values - 1).leading_zeros()) as usize
}

fn answer_code(answer: Option<&Answer>, levels: u8) -> u32 {
    match answer {
        None => 0,
        Some(Answer::Level(l)) => 1 + u32::from(*l),
        Some(Answer::DontKnow) => u32::from(levels) + 1,
        Some(Answer::NotApplicable(_)) => u32::from(levels) + 2,
    }
}

/// Packs `codes` of `bits` bits each, most significant bit first.
fn pack(codes: &[u32], bits: usize) -> Vec<u8> {
    let mut packed = vec![0u8; (codes.len() * bits).div_ceil(8)];
    for (n, code) in codes.iter().enumerate() {
        for bit in 0..bits {
            if code >> (bits - 1 - bit) & 1 == 1 {
                let at = n * bits + bit;
                packed[at / 8] |= 0x80 >> (at % 8);
            }
        }
    }
    packed
}

fn unpack(packed: &[u8], n: usize, bits: usize) -> u32 {
    (0..bits).fold(0, |c, bit| {
        let at = n * bits + bit;
        c << 1 | u32::from(packed[at / 8] >> (7 - at % 8) & 1)
    })
}

/// A set of flags as a bit mask, one bit per entry of `all`, in as many bytes as needed.
fn mask<T: PartialEq>(all: &[T], held: impl Fn(&T) -> bool) -> Vec<u8> {
    let mut bytes = vec![0u8; all.len().div_ceil(8)];
    for (i, x) in all.iter().enumerate() {
        if held(x) {
            bytes[i / 8] |= 1 << (i % 8);
        }
    }
    bytes
}

fn unmask<T: Copy>(all: &[T], bytes: &[u8]) -> Option<Vec<T>> {
    let mut out = Vec::new();
    for (i, byte) in bytes.iter().enumerate() {
        for bit in 0..8 {
            if byte >> bit & 1 == 1 {
                out.push(*all.get(i * 8 + bit)?);
            }
        }
    }
    Some(out)
}

mod tag {
    pub const END: u8 = 0;
    pub const SIZE: u8 = 1;
    pub const ROLES: u8 = 2;
    pub const CERTIFICATIONS: u8 = 3;
    pub const HIGH_RISK: u8 = 4;
    pub const SYSTEMS: u8 = 5;
    pub const TARGET: u8 = 6;
    pub const PROHIBITED: u8 = 7;
    /// Written only when set, so that links without them still open in older widgets.
    pub const EU_ROLES: u8 = 8;
    pub const CAPACITY: u8 = 9;
}

fn field(bytes: &mut Vec<u8>, tag: u8, value: &[u8]) {
    bytes.push(tag);
    bytes.push(value.len() as u8);
    bytes.extend(value);
}

fn index_of<T: PartialEq>(all: &[T], x: &T) -> u8 {
    all.iter().position(|y| y == x).unwrap_or(0) as u8
}

/// Packs an assessment into a fragment (without the leading `#`). Notes stay behind.
pub fn encode(questionnaire: &Questionnaire, profile: &Profile, answers: &Answers) -> String {
    let mut bytes = vec![SHARE_FORMAT];
    for text in [&questionnaire.id, &questionnaire.version] {
        bytes.push(text.len() as u8);
        bytes.extend(text.as_bytes());
    }
    if let Some(size) = profile.size {
        field(&mut bytes, tag::SIZE, &[index_of(&SizeBand::ALL, &size)]);
    }
    field(
        &mut bytes,
        tag::ROLES,
        &mask(&AiRole::ALL, |r| profile.roles.contains(r)),
    );
    if profile.certifications.is_some() {
        field(
            &mut bytes,
            tag::CERTIFICATIONS,
            &mask(&Certification::ALL, |c| profile.holds(*c)),
        );
    }
    if let Some(risk) = profile.high_risk {
        field(
            &mut bytes,
            tag::HIGH_RISK,
            &[index_of(&HighRisk::ALL, &risk)],
        );
    }
    let systems = profile.systems.min(u32::from(u16::MAX)) as u16;
    field(&mut bytes, tag::SYSTEMS, &systems.to_be_bytes());
    if let Some(p) = profile.prohibited {
        field(
            &mut bytes,
            tag::PROHIBITED,
            &[index_of(&Screening::ALL, &p)],
        );
    }
    if let Some(d) = profile.target_date {
        let days = epoch().days_until(d).clamp(1, i64::from(u16::MAX)) as u16;
        field(&mut bytes, tag::TARGET, &days.to_be_bytes());
    }
    if !profile.eu_roles.is_empty() {
        field(
            &mut bytes,
            tag::EU_ROLES,
            &mask(&EuRole::ALL, |r| profile.eu_roles.contains(r)),
        );
    }
    if let Some(c) = profile.capacity.filter(|c| c.is_valid()) {
        // Each field is at most 50 (people, or tenths of a day).
        let byte = |n: u32| n.min(255) as u8;
        let team = [
            byte(c.people),
            byte(c.days_tenths),
            byte(c.owner_days_tenths),
        ];
        field(&mut bytes, tag::CAPACITY, &team);
    }
    bytes.push(tag::END);

    let levels = questionnaire.scale.levels.len() as u8;
    bytes.push(levels);
    let items: Vec<&Item> = questionnaire.items().collect();
    let codes: Vec<u32> = items
        .iter()
        .map(|i| answer_code(answers.get(&i.id), levels))
        .collect();
    bytes.extend(pack(&codes, code_bits(usize::from(levels))));
    for item in &items {
        if let Some(Answer::NotApplicable(why)) = answers.get(&item.id) {
            let suggested = item
                .suggest_na
                .as_ref()
                .is_some_and(|s| s.justification == *why);
            if suggested {
                bytes.push(0);
            } else {
                let text = why.as_bytes();
                let len = text.len().min(usize::from(u16::MAX));
                bytes.push(1);
                bytes.extend((len as u16).to_be_bytes());
                bytes.extend(&text[..len]);
            }
        }
    }
    bytes.extend(crc32(&bytes).to_be_bytes());
    format!("{PREFIX}{}", base64url(&bytes))
}

/// Why a share link was refused. Nothing in the app has changed when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    NotAShareLink,
    TooLong(usize),
    Damaged(Msg),
    UnknownQuestionnaire(String),
    OtherVersion {
        found: String,
        current: String,
    },
    /// Made by a newer version of the widget, in a link format this one does not know yet.
    NewerFormat(u8),
    Invalid(Vec<String>),
}

impl ShareError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ShareError::NotAShareLink => lang.t(msg!("the link does not contain shared results")).into(),
            ShareError::TooLong(n) => lang.f(
                msg!("the link is {n} characters long, far more than shared results need"),
                &[("n", &lang.int(*n as u64))],
            ),
            ShareError::Damaged(what) => lang.f(
                msg!("the link is damaged or incomplete ({what}); ask for it to be sent again"),
                &[("what", &lang.t(*what))],
            ),
            ShareError::UnknownQuestionnaire(id) => lang.f(
                msg!("the link is for questionnaire \"{id}\", which this widget does not have"),
                &[("id", &outside(id, 60))],
            ),
            ShareError::OtherVersion { found, current } => lang.f(
                msg!("the link was made with version {found} of the questionnaire and this widget has version {current}; ask for a new link or a saved file"),
                &[("found", &outside(found, 20)), ("current", current)],
            ),
            ShareError::NewerFormat(format) => lang.f(
                msg!("the link was made by a newer version of this widget (link format {format}); open it there, or ask for a saved file"),
                &[("format", format)],
            ),
            ShareError::Invalid(problems) => lang.f(
                msg!("the link holds impossible answers: {problems}"),
                &[("problems", &lang.summary(problems))],
            ),
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or(ShareError::Damaged(msg!("it ends too early")))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, ShareError> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, ShareError> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn text(&mut self, len: usize) -> Result<String, ShareError> {
        String::from_utf8(self.take(len)?.to_vec())
            .map_err(|_| ShareError::Damaged(msg!("text is not UTF-8")))
    }
}

/// Reads a fragment (with or without the leading `#`) against the questionnaires this widget has.
pub fn decode(
    fragment: &str,
    questionnaires: &[Rc<Questionnaire>],
) -> Result<Restored, ShareError> {
    let body = fragment
        .trim_start_matches('#')
        .strip_prefix(PREFIX)
        .ok_or(ShareError::NotAShareLink)?;
    if body.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong(body.len()));
    }
    let bytes = from_base64url(body).ok_or(ShareError::Damaged(msg!(
        "it contains characters a link never has",
    )))?;
    let bytes = match bytes.first() {
        Some(1) => &bytes[..],
        // Format 2 and, we expect, every later one end in their CRC-32: a later format whose
        // check digits match is a sound link from a newer widget, not a damaged one.
        Some(&format) if format >= SHARE_FORMAT => {
            let Some(split) = bytes.len().checked_sub(4).filter(|n| *n > 0) else {
                return Err(ShareError::Damaged(msg!("it ends too early")));
            };
            let (data, check) = bytes.split_at(split);
            match (crc32(data).to_be_bytes() == check, format == SHARE_FORMAT) {
                (false, _) => {
                    return Err(ShareError::Damaged(msg!("its check digits do not match")))
                }
                (true, false) => return Err(ShareError::NewerFormat(format)),
                (true, true) => data,
            }
        }
        _ => return Err(ShareError::Damaged(msg!("unknown link format"))),
    };
    let format = bytes[0];
    let mut r = Reader { bytes, at: 1 };
    let len = usize::from(r.byte()?);
    let id = r.text(len)?;
    let len = usize::from(r.byte()?);
    let version = r.text(len)?;
    let questionnaire = questionnaires
        .iter()
        .filter(|q| q.id == id)
        .max_by_key(|q| q.version == version)
        .ok_or_else(|| ShareError::UnknownQuestionnaire(id.clone()))?;
    // An older version whose items this one kept, in the same order, is carried over item by
    // item, as save files are; any other version is refused.
    let migrated_from = match version_order(&version, &questionnaire.version) {
        Some(Ordering::Equal) => None,
        Some(Ordering::Less) if carries_over(questionnaire, &version) => Some(version),
        _ => {
            return Err(ShareError::OtherVersion {
                found: version,
                current: questionnaire.version.clone(),
            })
        }
    };
    // Messages are in the language of the questionnaire they concern.
    let lang = questionnaire.lang();
    let mut problems = Vec::new();
    let (profile, levels) = if format == 1 {
        (profile_v1(&mut r, lang, &mut problems)?, 4)
    } else {
        let profile = profile_v2(&mut r, lang, &mut problems)?;
        (profile, r.byte()?)
    };
    if usize::from(levels) != questionnaire.scale.levels.len() {
        return Err(ShareError::Damaged(msg!(
            "its answer scale differs from the questionnaire's",
        )));
    }
    let bits = if format == 1 {
        3
    } else {
        code_bits(usize::from(levels))
    };
    let answers = read_answers(&mut r, questionnaire, levels, bits, &mut problems)?;
    if r.at != bytes.len() {
        return Err(ShareError::Damaged(msg!("it has extra data at the end")));
    }
    if !problems.is_empty() {
        return Err(ShareError::Invalid(problems));
    }
    Ok(Restored {
        questionnaire: Rc::clone(questionnaire),
        profile,
        answers,
        notes: Notes::new(),
        // A link carries no names: it goes to people who were not in the room.
        people: Default::default(),
        saved_at: String::new(),
        assessment: None,
        parent: None,
        migrated_from,
        dropped: Vec::new(),
    })
}

/// Whether answers packed by position for `version` read the same in `questionnaire`.
fn carries_over(questionnaire: &Questionnaire, version: &str) -> bool {
    questionnaire
        .items_unchanged_since
        .as_deref()
        .and_then(|since| version_order(since, version))
        .is_some_and(|o| o != Ordering::Greater)
}

fn systems_in_range(systems: u32, lang: Lang, problems: &mut Vec<String>) -> u32 {
    if !(1..=MAX_SYSTEMS).contains(&systems) {
        problems.push(lang.f(
            msg!("{n} AI systems (the range is 1-{max})"),
            &[("n", &systems), ("max", &MAX_SYSTEMS)],
        ));
    }
    systems.clamp(1, MAX_SYSTEMS)
}

/// The fixed two-byte profile of format 1 links.
fn profile_v1(
    r: &mut Reader,
    lang: Lang,
    problems: &mut Vec<String>,
) -> Result<Profile, ShareError> {
    let (a, b) = (r.byte()?, r.byte()?);
    let size = match a & 7 {
        0 => None,
        n => SizeBand::ALL.get(usize::from(n - 1)).copied().or_else(|| {
            problems.push(lang.t(msg!("an unknown organisation size")).into());
            None
        }),
    };
    // Format 1 knew three roles, in bits 3-5.
    let roles = AiRole::ALL[..3]
        .iter()
        .enumerate()
        .filter(|(i, _)| a >> (3 + i) & 1 == 1)
        .map(|(_, r)| *r)
        .collect();
    let certs = Certification::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| b >> i & 1 == 1)
        .map(|(_, c)| *c)
        .collect();
    let high_risk = match b >> 4 {
        0 => None,
        n => HighRisk::ALL.get(usize::from(n - 1)).copied().or_else(|| {
            problems.push(lang.t(msg!("an unknown EU AI Act answer")).into());
            None
        }),
    };
    let systems = systems_in_range(u32::from(r.u16()?), lang, problems);
    let target = r.u16()?;
    Ok(Profile {
        size,
        roles,
        systems,
        certifications: (b >> 3 & 1 == 1).then_some(certs),
        high_risk,
        prohibited: None,
        eu_roles: std::collections::BTreeSet::new(),
        target_date: (target > 0).then(|| epoch().add_days(i64::from(target))),
        capacity: None,
    })
}

/// The tagged profile fields of format 2 links.
fn profile_v2(
    r: &mut Reader,
    lang: Lang,
    problems: &mut Vec<String>,
) -> Result<Profile, ShareError> {
    let mut profile = Profile::default();
    let damaged = || ShareError::Damaged(msg!("its organisation profile is malformed"));
    loop {
        let tag = r.byte()?;
        if tag == tag::END {
            return Ok(profile);
        }
        let len = usize::from(r.byte()?);
        let value = r.take(len)?;
        let one = || {
            (len == 1)
                .then(|| usize::from(value[0]))
                .ok_or_else(damaged)
        };
        let two = || {
            (len == 2)
                .then(|| u16::from_be_bytes([value[0], value[1]]))
                .ok_or_else(damaged)
        };
        match tag {
            tag::SIZE => match SizeBand::ALL.get(one()?) {
                Some(size) => profile.size = Some(*size),
                None => problems.push(lang.t(msg!("an unknown organisation size")).into()),
            },
            tag::ROLES => {
                profile.roles.clear();
                profile
                    .roles
                    .extend(unmask(&AiRole::ALL, value).ok_or_else(damaged)?);
            }
            tag::CERTIFICATIONS => {
                let mut held = std::collections::BTreeSet::new();
                held.extend(unmask(&Certification::ALL, value).ok_or_else(damaged)?);
                profile.certifications = Some(held);
            }
            tag::HIGH_RISK => match HighRisk::ALL.get(one()?) {
                Some(risk) => profile.high_risk = Some(*risk),
                None => problems.push(lang.t(msg!("an unknown EU AI Act answer")).into()),
            },
            tag::SYSTEMS => profile.systems = systems_in_range(u32::from(two()?), lang, problems),
            tag::PROHIBITED => match Screening::ALL.get(one()?) {
                Some(p) => profile.prohibited = Some(*p),
                None => problems.push(lang.t(msg!("an unknown EU AI Act answer")).into()),
            },
            tag::TARGET => {
                let days = two()?;
                profile.target_date = (days > 0).then(|| epoch().add_days(i64::from(days)));
            }
            tag::EU_ROLES => {
                profile.eu_roles.clear();
                profile
                    .eu_roles
                    .extend(unmask(&EuRole::ALL, value).ok_or_else(damaged)?);
            }
            tag::CAPACITY => {
                let [people, days, owner] = value else {
                    return Err(damaged());
                };
                let team = Capacity {
                    people: u32::from(*people),
                    days_tenths: u32::from(*days),
                    owner_days_tenths: u32::from(*owner),
                };
                if team.is_valid() {
                    profile.capacity = Some(team);
                } else {
                    problems.push(
                        lang.t(msg!(
                            "a team size out of range (the typical team for the size is used)"
                        ))
                        .into(),
                    );
                }
            }
            _ => return Err(damaged()),
        }
    }
}

/// The packed answer codes and, after them, the justifications of "not applicable" answers.
fn read_answers(
    r: &mut Reader,
    questionnaire: &Questionnaire,
    levels: u8,
    bits: usize,
    problems: &mut Vec<String>,
) -> Result<Answers, ShareError> {
    let lang = questionnaire.lang();
    let items: Vec<&Item> = questionnaire.items().collect();
    let packed = r.take((items.len() * bits).div_ceil(8))?.to_vec();
    let mut answers = Answers::default();
    let levels = u32::from(levels);
    for (n, item) in items.iter().enumerate() {
        let code = unpack(&packed, n, bits);
        let answer = match code {
            0 => continue,
            c if c <= levels => Answer::Level((c - 1) as u8),
            c if c == levels + 1 => Answer::DontKnow,
            c if c == levels + 2 => {
                let why = match r.byte()? {
                    0 => match &item.suggest_na {
                        Some(s) => s.justification.clone(),
                        None => {
                            problems.push(lang.f(
                                msg!("{item} refers to a suggested justification that does not exist"),
                                &[("item", &item.id)],
                            ));
                            continue;
                        }
                    },
                    1 => {
                        let len = usize::from(r.u16()?);
                        r.text(len)?
                    }
                    _ => return Err(ShareError::Damaged(msg!("a justification is malformed"))),
                };
                if text_length(&why) > MAX_TEXT_CHARS {
                    problems.push(lang.f(
                        msg!("the justification of {item} is longer than {n} characters"),
                        &[("item", &item.id), ("n", &lang.int(MAX_TEXT_CHARS as u64))],
                    ));
                    continue;
                }
                Answer::NotApplicable(why)
            }
            _ => {
                problems.push(lang.f(
                    msg!("{item} has an unknown answer code"),
                    &[("item", &item.id)],
                ));
                continue;
            }
        };
        if let Err(e) = answers.set(questionnaire, &item.id, answer) {
            problems.push(e.message(lang));
        }
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(
                from_base64url(&base64url(&bytes)).unwrap(),
                bytes,
                "length {len}"
            );
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(from_base64url("TWF"), Some(b"Ma".to_vec()));
        assert_eq!(
            from_base64url("T"),
            None,
            "a single character cannot hold a byte"
        );
        assert_eq!(from_base64url("TW=u"), None);
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn codes_are_just_wide_enough_for_every_scale() {
        // levels + 3 values: none, each level, don't know, not applicable.
        assert_eq!(code_bits(2), 3);
        assert_eq!(code_bits(4), 3);
        assert_eq!(code_bits(5), 3);
        assert_eq!(code_bits(6), 4);
        let codes = [0, 1, 7, 8, 3];
        let packed = pack(&codes, 4);
        assert_eq!(
            (0..5).map(|n| unpack(&packed, n, 4)).collect::<Vec<_>>(),
            codes
        );
    }
}

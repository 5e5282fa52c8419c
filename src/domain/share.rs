//! Share links: an assessment packed into the URL fragment (never sent to any server), and its checked decoder.
//!
//! Layout (then base64url without padding, after `#share=`):
//! `1 | id len, id | version len, version | size+roles | certs+risk | systems u16 | target u16 |
//! answers, 3 bits each in questionnaire order | per "not applicable": 0 = the suggested
//! justification, or 1 + u16 length + UTF-8 text`. Notes are never included.

use std::rc::Rc;

use super::answers::{Answer, Answers};
use super::date::Date;
use super::i18n::{msg, Lang};
use super::profile::{AiRole, Certification, HighRisk, Profile, SizeBand, MAX_SYSTEMS};
use super::questionnaire::Questionnaire;
use super::saved::{Notes, Restored, MAX_TEXT_CHARS};

pub const SHARE_FORMAT: u8 = 1;
/// The fragment prefix that marks a share link.
pub const PREFIX: &str = "share=";
/// Longest fragment the decoder reads.
pub const MAX_LINK_CHARS: usize = 64 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
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

fn from_base64url(text: &str) -> Option<Vec<u8>> {
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

fn answer_code(answer: Option<&Answer>) -> u8 {
    match answer {
        None => 0,
        Some(Answer::Level(l)) => 1 + l,
        Some(Answer::DontKnow) => 5,
        Some(Answer::NotApplicable(_)) => 6,
    }
}

/// Packs an assessment into a fragment (without the leading `#`). Notes stay behind.
pub fn encode(questionnaire: &Questionnaire, profile: &Profile, answers: &Answers) -> String {
    let mut bytes = vec![SHARE_FORMAT];
    for text in [&questionnaire.id, &questionnaire.version] {
        bytes.push(text.len() as u8);
        bytes.extend(text.as_bytes());
    }
    let size = profile.size.map_or(0, |s| {
        1 + SizeBand::ALL.iter().position(|x| *x == s).unwrap_or(0) as u8
    });
    let roles = AiRole::ALL
        .iter()
        .enumerate()
        .filter(|(_, r)| profile.roles.contains(r))
        .fold(0u8, |b, (i, _)| b | 1 << i);
    bytes.push(size | roles << 3);
    let certs = Certification::ALL
        .iter()
        .enumerate()
        .filter(|(_, c)| profile.holds(**c))
        .fold(0u8, |b, (i, _)| b | 1 << i);
    let answered = u8::from(profile.certifications.is_some()) << 3;
    let risk = profile.high_risk.map_or(0, |r| {
        1 + HighRisk::ALL.iter().position(|x| *x == r).unwrap_or(0) as u8
    });
    bytes.push(certs | answered | risk << 4);
    bytes.extend((profile.systems.min(u32::from(u16::MAX)) as u16).to_be_bytes());
    let target = profile.target_date.map_or(0, |d| {
        epoch().days_until(d).clamp(1, i64::from(u16::MAX)) as u16
    });
    bytes.extend(target.to_be_bytes());

    let items: Vec<_> = questionnaire.items().collect();
    let mut packed = vec![0u8; (items.len() * 3).div_ceil(8)];
    for (n, item) in items.iter().enumerate() {
        let code = answer_code(answers.get(&item.id));
        for bit in 0..3 {
            if code >> (2 - bit) & 1 == 1 {
                let at = n * 3 + bit;
                packed[at / 8] |= 0x80 >> (at % 8);
            }
        }
    }
    bytes.extend(packed);
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
    format!("{PREFIX}{}", base64url(&bytes))
}

/// Why a share link was refused. Nothing in the app has changed when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    NotAShareLink,
    TooLong(usize),
    Damaged(&'static str),
    UnknownQuestionnaire(String),
    OtherVersion { found: String, current: String },
    Invalid(Vec<String>),
}

impl ShareError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ShareError::NotAShareLink => lang.t("the link does not contain shared results").into(),
            ShareError::TooLong(n) => lang.f(
                "the link is {n} characters long, far more than shared results need",
                &[("n", n)],
            ),
            ShareError::Damaged(what) => lang.f(
                "the link is damaged or incomplete ({what}); ask for it to be sent again",
                &[("what", &lang.t(what))],
            ),
            ShareError::UnknownQuestionnaire(id) => lang.f(
                "the link is for questionnaire \"{id}\", which this widget does not have",
                &[("id", id)],
            ),
            ShareError::OtherVersion { found, current } => lang.f(
                "the link was made with version {found} of the questionnaire and this widget has version {current}; ask for a new link or a saved file",
                &[("found", found), ("current", current)],
            ),
            ShareError::Invalid(problems) => lang.f(
                "the link holds impossible answers: {problems}",
                &[("problems", &problems.join("; "))],
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
            .ok_or(ShareError::Damaged(msg("it ends too early")))?;
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
            .map_err(|_| ShareError::Damaged(msg("text is not UTF-8")))
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
    let bytes = from_base64url(body).ok_or(ShareError::Damaged(msg(
        "it contains characters a link never has",
    )))?;
    let mut r = Reader {
        bytes: &bytes,
        at: 0,
    };
    if r.byte()? != SHARE_FORMAT {
        return Err(ShareError::Damaged(msg("unknown link format")));
    }
    let len = usize::from(r.byte()?);
    let id = r.text(len)?;
    let len = usize::from(r.byte()?);
    let version = r.text(len)?;
    let questionnaire = questionnaires
        .iter()
        .find(|q| q.id == id)
        .ok_or_else(|| ShareError::UnknownQuestionnaire(id.chars().take(60).collect()))?;
    if questionnaire.version != version {
        return Err(ShareError::OtherVersion {
            found: version.chars().take(20).collect(),
            current: questionnaire.version.clone(),
        });
    }
    // Messages are in the language of the questionnaire they concern.
    let lang = questionnaire.lang();
    let mut problems = Vec::new();
    let (a, b) = (r.byte()?, r.byte()?);
    let size = match a & 7 {
        0 => None,
        n => SizeBand::ALL.get(usize::from(n - 1)).copied().or_else(|| {
            problems.push(lang.t("an unknown organisation size").into());
            None
        }),
    };
    let roles = AiRole::ALL
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
            problems.push(lang.t("an unknown EU AI Act answer").into());
            None
        }),
    };
    let systems = u32::from(r.u16()?);
    if !(1..=MAX_SYSTEMS).contains(&systems) {
        problems.push(lang.f(
            "{n} AI systems (the range is 1-{max})",
            &[("n", &systems), ("max", &MAX_SYSTEMS)],
        ));
    }
    let target = r.u16()?;
    let profile = Profile {
        size,
        roles,
        systems: systems.clamp(1, MAX_SYSTEMS),
        certifications: (b >> 3 & 1 == 1).then_some(certs),
        high_risk,
        target_date: (target > 0).then(|| epoch().add_days(i64::from(target))),
    };

    let items: Vec<_> = questionnaire.items().collect();
    let packed = r.take((items.len() * 3).div_ceil(8))?.to_vec();
    let mut answers = Answers::default();
    for (n, item) in items.iter().enumerate() {
        let code = (0..3).fold(0u8, |c, bit| {
            let at = n * 3 + bit;
            c << 1 | (packed[at / 8] >> (7 - at % 8) & 1)
        });
        let answer = match code {
            0 => continue,
            1..=4 => Answer::Level(code - 1),
            5 => Answer::DontKnow,
            6 => {
                let why = match r.byte()? {
                    0 => match &item.suggest_na {
                        Some(s) => s.justification.clone(),
                        None => {
                            problems.push(lang.f(
                                "{item} refers to a suggested justification that does not exist",
                                &[("item", &item.id)],
                            ));
                            continue;
                        }
                    },
                    1 => {
                        let len = usize::from(r.u16()?);
                        r.text(len)?
                    }
                    _ => return Err(ShareError::Damaged(msg("a justification is malformed"))),
                };
                if why.chars().count() > MAX_TEXT_CHARS || super::saved::suspicious(&why).is_some()
                {
                    problems.push(lang.f(
                        "the justification of {item} is not plain text",
                        &[("item", &item.id)],
                    ));
                    continue;
                }
                Answer::NotApplicable(why)
            }
            _ => {
                problems.push(lang.f("{item} has an unknown answer code", &[("item", &item.id)]));
                continue;
            }
        };
        if let Err(e) = answers.set(questionnaire, &item.id, answer) {
            problems.push(e.message(lang));
        }
    }
    if r.at != bytes.len() {
        return Err(ShareError::Damaged(msg("it has extra data at the end")));
    }
    if !problems.is_empty() {
        return Err(ShareError::Invalid(problems));
    }
    Ok(Restored {
        questionnaire: Rc::clone(questionnaire),
        profile,
        answers,
        notes: Notes::new(),
        saved_at: String::new(),
        migrated_from: None,
        dropped: Vec::new(),
    })
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
}

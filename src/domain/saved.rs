//! The saved form of an assessment (localStorage, save files) and its checked decoders.
//!
//! One JSON shape serves both places. `decode` checks everything before anything touches the
//! app's state: size, JSON syntax, format, questionnaire id and version, every item id, every
//! value, every string. Restoring from this browser's storage drops what no longer fits and
//! says so; importing a file refuses a bad file outright, naming each problem, except that a
//! save from an older version of the questionnaire is migrated item by item.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::answers::{Answer, Answers};
use super::i18n::{msg, Lang};
use super::profile::{Profile, MAX_SYSTEMS};
use super::questionnaire::Questionnaire;

pub const SAVED_FORMAT: u32 = 1;

/// Largest text any decoder reads; a complete full assessment with long notes is far smaller.
pub const MAX_SAVED_BYTES: usize = 1024 * 1024;

/// Longest note or justification accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 5000;

/// Free-text notes by item id: what exists, where, who owns it.
pub type Notes = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum StoredAnswer {
    Level(u8),
    DontKnow,
    NotApplicable(String),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    format: u32,
    questionnaire: String,
    version: String,
    #[serde(default)]
    saved_at: String,
    profile: Profile,
    answers: BTreeMap<String, StoredAnswer>,
    #[serde(default)]
    notes: Notes,
}

/// An assessment read back and checked against its questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub questionnaire: Rc<Questionnaire>,
    pub profile: Profile,
    pub answers: Answers,
    pub notes: Notes,
    pub saved_at: String,
    /// Set when the data came from an older version of the questionnaire.
    pub migrated_from: Option<String>,
    /// What could not be carried over, one sentence each.
    pub dropped: Vec<String>,
}

impl Restored {
    /// The part that is saved and merged.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            profile: self.profile.clone(),
            answers: self.answers.clone(),
            notes: self.notes.clone(),
        }
    }
}

/// Where the text comes from decides how strict the decoder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// This browser's own storage: drop what no longer fits and say so.
    Storage,
    /// A file or link from elsewhere: refuse anything wrong, naming every problem.
    Import,
}

/// Why text was refused. Nothing in the app has changed when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    TooLarge(usize),
    Empty,
    /// Not JSON; `truncated` when the text simply stops early.
    NotJson {
        message: String,
        truncated: bool,
    },
    NotASave(String),
    WrongFormat(u32),
    UnknownQuestionnaire(String),
    UnknownVersion {
        id: String,
        found: String,
        current: String,
    },
    /// Every problem found in an otherwise readable file.
    Invalid(Vec<String>),
}

impl SavedError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SavedError::TooLarge(n) => lang.f(
                "the file is {size} MB; an assessment is never more than {max} KB, so this is not one",
                &[
                    ("size", &lang.one_decimal((*n as u64 * 10 + 524_288) / 1_048_576)),
                    ("max", &(MAX_SAVED_BYTES / 1024)),
                ],
            ),
            SavedError::Empty => lang.t("the file is empty").into(),
            SavedError::NotJson { truncated: true, .. } => lang
                .t("the file is cut off before its end (incomplete download or copy?)")
                .into(),
            SavedError::NotJson { message, .. } => lang.f(
                "the file is not a saved assessment: it is not valid JSON ({detail})",
                &[("detail", message)],
            ),
            SavedError::NotASave(message) => lang.f(
                "the file is not a saved assessment of this widget ({detail})",
                &[("detail", message)],
            ),
            SavedError::WrongFormat(v) => lang.f(
                "the file uses save format {format}, which this version of the widget cannot read",
                &[("format", v)],
            ),
            SavedError::UnknownQuestionnaire(id) => lang.f(
                "the file belongs to questionnaire \"{id}\", which this widget does not have",
                &[("id", id)],
            ),
            SavedError::UnknownVersion { id, found, current } => lang.f(
                "the file was made with version {found} of \"{id}\", but this widget has version {current}; only saves from the same or an older version can be opened",
                &[("found", found), ("id", id), ("current", current)],
            ),
            SavedError::Invalid(problems) if problems.len() == 1 => lang.f(
                "the file has 1 problem: {problems}",
                &[("problems", &problems[0])],
            ),
            SavedError::Invalid(problems) => lang.f(
                "the file has {n} problems: {problems}",
                &[("n", &problems.len()), ("problems", &problems.join("; "))],
            ),
        }
    }
}

impl std::fmt::Display for SavedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Serialises an assessment; `saved_at` is an ISO 8601 timestamp supplied by the caller.
pub fn encode(
    questionnaire: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    saved_at: &str,
) -> String {
    let stored = Stored {
        format: SAVED_FORMAT,
        questionnaire: questionnaire.id.clone(),
        version: questionnaire.version.clone(),
        saved_at: saved_at.to_string(),
        profile: profile.clone(),
        answers: answers
            .iter()
            .map(|(id, a)| {
                let stored = match a {
                    Answer::Level(l) => StoredAnswer::Level(*l),
                    Answer::DontKnow => StoredAnswer::DontKnow,
                    Answer::NotApplicable(why) => StoredAnswer::NotApplicable(why.clone()),
                };
                (id.to_string(), stored)
            })
            .collect(),
        notes: notes
            .iter()
            .filter(|(_, n)| !n.trim().is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    };
    serde_json::to_string_pretty(&stored).expect("plain data always serialises")
}

/// Text that a browser would show as markup or that carries control characters: never in a save.
/// Returns what was found, in English (translate with `lang.t`).
pub(crate) fn suspicious(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    let tag = bytes.windows(2).any(|w| {
        w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?'))
    });
    if tag {
        return Some(msg("markup"));
    }
    if text.to_ascii_lowercase().contains("javascript:") {
        return Some(msg("a script address"));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Some(msg("control characters"));
    }
    None
}

fn check_text(lang: Lang, label: &str, text: &str, problems: &mut Vec<String>) -> bool {
    if text.chars().count() > MAX_TEXT_CHARS {
        problems.push(lang.f(
            "{what} is longer than {n} characters",
            &[("what", &label), ("n", &MAX_TEXT_CHARS)],
        ));
        return false;
    }
    if let Some(found) = suspicious(text) {
        problems.push(lang.f(
            "{what} contains {found}, which a saved assessment never holds",
            &[("what", &label), ("found", &lang.t(found))],
        ));
        return false;
    }
    true
}

/// Compares dotted versions numerically ("1.10" is newer than "1.9").
fn version_order(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    let parse = |v: &str| {
        v.split('.')
            .map(|p| p.parse::<u64>().ok())
            .collect::<Option<Vec<u64>>>()
    };
    let (mut a, mut b) = (parse(a)?, parse(b)?);
    let len = a.len().max(b.len());
    a.resize(len, 0);
    b.resize(len, 0);
    Some(a.cmp(&b))
}

/// Reads saved text against the questionnaires this widget has.
pub fn decode(
    text: &str,
    questionnaires: &[Rc<Questionnaire>],
    source: Source,
) -> Result<Restored, SavedError> {
    if text.len() > MAX_SAVED_BYTES {
        return Err(SavedError::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(SavedError::Empty);
    }
    // One pass: serde_json tells syntax errors (not JSON) from data errors (JSON, but not a save).
    let stored: Stored = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => SavedError::NotASave(e.to_string()),
        _ => SavedError::NotJson {
            truncated: e.is_eof(),
            message: e.to_string(),
        },
    })?;
    if stored.format != SAVED_FORMAT {
        return Err(SavedError::WrongFormat(stored.format));
    }
    let questionnaire = questionnaires
        .iter()
        .find(|q| q.id == stored.questionnaire)
        .ok_or_else(|| SavedError::UnknownQuestionnaire(stored.questionnaire.clone()))?;
    let migrated_from = match version_order(&stored.version, &questionnaire.version) {
        Some(std::cmp::Ordering::Equal) => None,
        Some(std::cmp::Ordering::Less) => Some(stored.version.clone()),
        _ => {
            return Err(SavedError::UnknownVersion {
                id: stored.questionnaire,
                found: stored.version,
                current: questionnaire.version.clone(),
            })
        }
    };
    // Messages are in the language of the questionnaire they concern.
    let lang = questionnaire.lang();
    // Problems that refuse an import; `dropped` lists what a lenient read leaves behind.
    let mut problems = Vec::new();
    let mut dropped = Vec::new();
    let lenient = source == Source::Storage || migrated_from.is_some();

    let mut profile = stored.profile;
    if !(1..=MAX_SYSTEMS).contains(&profile.systems) {
        problems.push(lang.f(
            "the number of AI systems ({n}) is outside 1-{max}",
            &[("n", &profile.systems), ("max", &MAX_SYSTEMS)],
        ));
        profile.systems = profile.systems.clamp(1, MAX_SYSTEMS);
    }
    check_text(
        lang,
        lang.t("the save date"),
        &stored.saved_at,
        &mut problems,
    );

    let mut answers = Answers::default();
    for (id, stored_answer) in stored.answers {
        let answer = match stored_answer {
            StoredAnswer::Level(l) => Answer::Level(l),
            StoredAnswer::DontKnow => Answer::DontKnow,
            StoredAnswer::NotApplicable(why) => {
                let label = lang.f("the justification of {item}", &[("item", &id)]);
                if !check_text(lang, &label, &why, &mut problems) {
                    continue;
                }
                Answer::NotApplicable(why)
            }
        };
        if let Err(e) = answers.set(questionnaire, &id, answer) {
            let unknown = questionnaire.item(&id).is_none();
            if lenient && (unknown || source == Source::Storage) {
                dropped.push(e.message(lang));
            } else {
                problems.push(e.message(lang));
            }
        }
    }
    let mut notes = Notes::new();
    for (id, note) in stored.notes {
        if questionnaire.item(&id).is_none() {
            let message = lang.f(
                "a note for {item}, which is not an item of this questionnaire",
                &[("item", &id)],
            );
            if lenient {
                dropped.push(message);
            } else {
                problems.push(message);
            }
        } else if check_text(
            lang,
            &lang.f("the note on {item}", &[("item", &id)]),
            &note,
            &mut problems,
        ) {
            notes.insert(id, note);
        }
    }
    if !problems.is_empty() {
        if source == Source::Import {
            return Err(SavedError::Invalid(problems));
        }
        dropped.extend(problems);
    }
    Ok(Restored {
        questionnaire: Rc::clone(questionnaire),
        profile,
        answers,
        notes,
        saved_at: stored.saved_at,
        migrated_from,
        dropped,
    })
}

/// The reads of one assessment that can be merged: profile, answers, notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub profile: Profile,
    pub answers: Answers,
    pub notes: Notes,
}

/// Three-way merge for two tabs editing one assessment: changes made on either side since
/// `base` are kept; where both changed the same item differently, `ours` wins and the item is
/// reported.
pub fn merge(
    base: &Snapshot,
    ours: &Snapshot,
    theirs: &Snapshot,
    lang: Lang,
) -> (Snapshot, Vec<String>) {
    let mut merged = theirs.clone();
    let mut conflicts = Vec::new();
    if ours.profile != base.profile {
        if theirs.profile != base.profile && theirs.profile != ours.profile {
            conflicts.push(lang.t("the organisation profile").to_string());
        }
        merged.profile = ours.profile.clone();
    }
    let mut ids: Vec<&str> = base.answers.iter().map(|(k, _)| k).collect();
    ids.extend(ours.answers.iter().map(|(k, _)| k));
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let (b, o, t) = (
            base.answers.get(id),
            ours.answers.get(id),
            theirs.answers.get(id),
        );
        if o != b {
            if t != b && t != o {
                conflicts.push(id.to_string());
            }
            match o {
                Some(answer) => merged.answers.insert_unchecked(id, answer.clone()),
                None => merged.answers.clear(id),
            }
        }
    }
    let mut note_ids: Vec<&String> = base.notes.keys().chain(ours.notes.keys()).collect();
    note_ids.sort_unstable();
    note_ids.dedup();
    for id in note_ids {
        let (b, o, t) = (base.notes.get(id), ours.notes.get(id), theirs.notes.get(id));
        if o != b {
            if t != b && t != o {
                conflicts.push(lang.f("the note on {item}", &[("item", id)]));
            }
            match o {
                Some(note) => merged.notes.insert(id.clone(), note.clone()),
                None => merged.notes.remove(id),
            };
        }
    }
    (merged, conflicts)
}

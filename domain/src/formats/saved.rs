//! The saved form of an assessment (localStorage, save files) and its checked decoders.
//!
//! One JSON shape serves both places. `decode` checks everything before anything touches the
//! app's state: size, encoding, JSON syntax, format, questionnaire id and version, every item id,
//! every value, the length of every text. Text is never judged by what it contains: whatever
//! the widget lets a person type is stored and read back exactly, and escaped where it is
//! rendered (reports, CSV, print), never here. Restoring from this browser's storage drops what
//! no longer fits and says so; importing a file refuses a bad file outright, naming each
//! problem, except that a save from an older version of the questionnaire is migrated item by
//! item.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::model::order;
use std::rc::Rc;

use crate::model::answers::{
    text_length, Answer, Answers, Notes, People, MAX_NAME_CHARS, MAX_PARTICIPANTS, MAX_TEXT_CHARS,
};
use crate::model::i18n::{msg, outside, Lang};
use crate::model::profile::{Profile, MAX_SYSTEMS};
use crate::model::questionnaire::{version_order, Questionnaire};

/// The save format this build writes. Format 1 (no assessment id, no parent) is still read.
pub const SAVED_FORMAT: u32 = 2;

/// Largest text any decoder reads; a complete full assessment with long notes is far smaller.
pub const MAX_SAVED_BYTES: usize = 1024 * 1024;

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
    /// A random id given to the assessment when it was started (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assessment: Option<String>,
    /// In this browser's storage only: the fingerprint of the stored text this save was based
    /// on, so another tab can merge against the right ancestor (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    /// The respondent's name or role, when given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    respondent: String,
    /// For a team's consensus: who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    consensus_of: Vec<String>,
    /// The organisation a report is for, and who prepared it, when given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    prepared_by: String,
    profile: Profile,
    answers: BTreeMap<String, StoredAnswer>,
    #[serde(default)]
    notes: Notes,
}

/// Only the format number, read before anything else, so a save from a newer version of the
/// widget is recognised as such whatever else it holds.
#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
}

/// An assessment read back and checked against its questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub questionnaire: Rc<Questionnaire>,
    pub profile: Profile,
    pub answers: Answers,
    pub notes: Notes,
    pub people: People,
    pub saved_at: String,
    /// The assessment's id, when the save has one (format 2).
    pub assessment: Option<String>,
    /// The fingerprint of the stored text this one was based on (storage only).
    pub parent: Option<String>,
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
            people: self.people.clone(),
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
    /// The bytes are not UTF-8 text; `at` is the offset of the first bad byte.
    NotUtf8 {
        at: usize,
    },
    /// Not JSON; `truncated` when the text simply stops early. Where the reader stopped (line and
    /// column, from 1) is kept, never the JSON library's English wording.
    NotJson {
        line: usize,
        column: usize,
        truncated: bool,
    },
    /// JSON, but not shaped like a save: what does not match and where (line and column).
    NotASave {
        mismatch: Mismatch,
        line: usize,
        column: usize,
    },
    /// JSON without a save format number.
    NoFormat,
    /// Saved by a newer version of the widget, in a format this one does not know yet.
    NewerFormat(u64),
    WrongFormat(String),
    UnknownQuestionnaire(String),
    UnknownVersion {
        id: String,
        found: String,
        current: String,
    },
    /// Every problem found in an otherwise readable file.
    Invalid(Vec<String>),
}

/// What in a JSON file does not match the save format, in our own terms: the JSON reader's
/// English wording never reaches a message, only the name it quotes from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    UnknownField(String),
    UnknownValue(String),
    MissingField(String),
    /// A date not written as `YYYY-MM-DD` (the message of `Date`'s own reader).
    NotADate,
    Other,
}

impl Mismatch {
    /// Reads serde's message ("unknown field `x`, expected ...", "missing field `x`", ...).
    fn of(message: &str) -> Mismatch {
        let quoted = || {
            let rest = message.split_once('`')?.1;
            Some(rest.split_once('`')?.0.to_string())
        };
        if message.starts_with("expected a date as YYYY-MM-DD") {
            return Mismatch::NotADate;
        }
        let kind: fn(String) -> Mismatch = if message.starts_with("unknown field") {
            Mismatch::UnknownField
        } else if message.starts_with("unknown variant") {
            Mismatch::UnknownValue
        } else if message.starts_with("missing field") {
            Mismatch::MissingField
        } else {
            return Mismatch::Other;
        };
        quoted().map_or(Mismatch::Other, kind)
    }
}

/// Kilobytes as people read them, rounded up: 1,025 KB.
fn kilobytes(bytes: usize, lang: Lang) -> String {
    lang.int(bytes.div_ceil(1024) as u64)
}

impl SavedError {
    /// The reason, in `lang`. Anything quoted from the file is cut short and isolated.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SavedError::TooLarge(n) => lang.f(
                msg!("the file is {size} KB; an assessment is never more than {max} KB, so this is not one"),
                &[
                    ("size", &kilobytes(*n, lang)),
                    ("max", &kilobytes(MAX_SAVED_BYTES, lang)),
                ],
            ),
            SavedError::Empty => lang.t(msg!("the file is empty")).into(),
            SavedError::NotUtf8 { at } => lang.f(
                msg!("the file is not UTF-8 text (byte {at} belongs to another encoding, such as Windows-1252); save it as UTF-8 or export it from the widget again"),
                &[("at", &lang.int(*at as u64))],
            ),
            SavedError::NotJson { truncated: true, .. } => lang
                .t(msg!("the file is cut off before its end (incomplete download or copy?)"))
                .into(),
            SavedError::NotJson { line, column, .. } => lang.f(
                msg!("the file is not a saved assessment: it is not valid JSON (line {line}, column {column})"),
                &[("line", &lang.int(*line as u64)), ("column", &lang.int(*column as u64))],
            ),
            SavedError::NotASave { mismatch, line, column } => {
                let (line, column) = (lang.int(*line as u64), lang.int(*column as u64));
                let at: [(&str, &dyn std::fmt::Display); 2] = [("line", &line), ("column", &column)];
                match mismatch {
                    Mismatch::UnknownField(name) => lang.f(
                        msg!("the file is not a saved assessment of this widget (it has a field {name}, which saves do not have; line {line}, column {column})"),
                        &[("name", &outside(name, 40)), at[0], at[1]],
                    ),
                    Mismatch::UnknownValue(value) => lang.f(
                        msg!("the file is not a saved assessment of this widget ({value} is not one of the allowed values; line {line}, column {column})"),
                        &[("value", &outside(value, 40)), at[0], at[1]],
                    ),
                    Mismatch::MissingField(name) => lang.f(
                        msg!("the file is not a saved assessment of this widget (the field {name} is missing; line {line}, column {column})"),
                        &[("name", &outside(name, 40)), at[0], at[1]],
                    ),
                    Mismatch::NotADate => lang.f(
                        msg!("the file is not a saved assessment of this widget (a date is not a real date written as YYYY-MM-DD; line {line}, column {column})"),
                        &at,
                    ),
                    Mismatch::Other => lang.f(
                        msg!("the file is not a saved assessment of this widget (unexpected content at line {line}, column {column})"),
                        &at,
                    ),
                }
            }
            SavedError::NoFormat => lang
                .t(msg!("the file is not a saved assessment of this widget (it names no save format)"))
                .into(),
            SavedError::NewerFormat(v) => lang.f(
                msg!("the file was saved by a newer version of this widget (save format {format}); open it there, or update this widget"),
                &[("format", v)],
            ),
            SavedError::WrongFormat(v) => lang.f(
                msg!("the file has save format {format}, which no version of this widget writes"),
                &[("format", &outside(v, 20))],
            ),
            SavedError::UnknownQuestionnaire(id) => lang.f(
                msg!("the file belongs to questionnaire \"{id}\", which this widget does not have"),
                &[("id", &outside(id, 60))],
            ),
            SavedError::UnknownVersion { id, found, current } => lang.f(
                msg!("the file was made with version {found} of \"{id}\", but this widget has version {current}; only saves from the same or an older version can be opened"),
                &[("found", &outside(found, 20)), ("id", &outside(id, 60)), ("current", current)],
            ),
            SavedError::Invalid(problems) if problems.len() == 1 => lang.f(
                msg!("the file has 1 problem: {problems}"),
                &[("problems", &problems[0])],
            ),
            SavedError::Invalid(problems) => lang.f(
                msg!("the file has {n} problems: {problems}"),
                &[("n", &lang.int(problems.len() as u64)), ("problems", &lang.summary(problems))],
            ),
        }
    }
}

impl std::fmt::Display for SavedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// What a save carries besides the snapshot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveMeta {
    /// ISO 8601 timestamp supplied by the caller.
    pub saved_at: String,
    pub assessment: Option<String>,
    /// Only for this browser's storage: the fingerprint of the text this save replaces.
    pub parent: Option<String>,
}

/// Serialises an assessment with its metadata.
pub fn encode_snapshot(
    questionnaire: &Questionnaire,
    snapshot: &Snapshot,
    meta: &SaveMeta,
) -> String {
    let stored = Stored {
        format: SAVED_FORMAT,
        questionnaire: questionnaire.id.clone(),
        version: questionnaire.version.clone(),
        saved_at: meta.saved_at.clone(),
        assessment: meta.assessment.clone(),
        parent: meta.parent.clone(),
        respondent: snapshot.people.respondent.clone(),
        consensus_of: snapshot.people.consensus_of.clone(),
        organisation: snapshot.people.organisation.clone(),
        prepared_by: snapshot.people.prepared_by.clone(),
        profile: snapshot.profile.clone(),
        answers: snapshot
            .answers
            .iter()
            .map(|(id, a)| {
                let stored = match a {
                    Answer::Level(l) => StoredAnswer::Level(*l),
                    Answer::DontKnow => StoredAnswer::DontKnow,
                    Answer::NotApplicable(why) => StoredAnswer::NotApplicable(why.clone()),
                };
                (id.to_string(), stored)
            })
            .fold(BTreeMap::new(), order::insert),
        notes: snapshot
            .notes
            .iter()
            .filter(|(_, n)| !n.is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .fold(BTreeMap::new(), order::insert),
    };
    serde_json::to_string_pretty(&stored).expect("plain data always serialises")
}

/// Serialises an assessment; `saved_at` is an ISO 8601 timestamp supplied by the caller.
pub fn encode(
    questionnaire: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    saved_at: &str,
) -> String {
    let snapshot = Snapshot {
        profile: profile.clone(),
        answers: answers.clone(),
        notes: notes.clone(),
        people: People::default(),
    };
    let meta = SaveMeta {
        saved_at: saved_at.to_string(),
        ..SaveMeta::default()
    };
    encode_snapshot(questionnaire, &snapshot, &meta)
}

/// A short, stable fingerprint of a stored text (FNV-1a, 64 bits, as 16 hex digits). It only
/// tells texts apart for merging; it protects nothing.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

fn check_length(lang: Lang, label: &str, text: &str, problems: &mut Vec<String>) -> bool {
    within(lang, label, text, MAX_TEXT_CHARS, problems)
}

fn within(lang: Lang, label: &str, text: &str, max: usize, problems: &mut Vec<String>) -> bool {
    if text_length(text) > max {
        problems.push(lang.f(
            msg!("{what} is longer than {n} characters"),
            &[("what", &label), ("n", &lang.int(max as u64))],
        ));
        return false;
    }
    true
}

/// The profile within its ranges: a number of systems outside them or an impossible team
/// capacity is a problem (and, read leniently, brought back into range or dropped).
fn read_profile(lang: Lang, mut profile: Profile, problems: &mut Vec<String>) -> Profile {
    if !(1..=MAX_SYSTEMS).contains(&profile.systems) {
        problems.push(lang.f(
            msg!("the number of AI systems ({n}) is outside 1-{max}"),
            &[("n", &profile.systems), ("max", &MAX_SYSTEMS)],
        ));
        profile.systems = profile.systems.clamp(1, MAX_SYSTEMS);
    }
    if profile.capacity.is_some_and(|c| !c.is_valid()) {
        problems.push(
            lang.t(msg!("the team capacity is outside its range"))
                .into(),
        );
        profile.capacity = None;
    }
    profile
}

/// The respondent's name, the consensus's participants, the organisation and who prepared the
/// report, each within its limit.
fn read_people(
    lang: Lang,
    [respondent, organisation, prepared_by]: [String; 3],
    consensus_of: Vec<String>,
    problems: &mut Vec<String>,
) -> People {
    let mut name = |label: &str, text: String| {
        if within(lang, label, &text, MAX_NAME_CHARS, problems) {
            text
        } else {
            String::new()
        }
    };
    let respondent = name(lang.t(msg!("the respondent's name")), respondent);
    let organisation = name(lang.t(msg!("the organisation's name")), organisation);
    let prepared_by = name(lang.t(msg!("who prepared the report")), prepared_by);
    if consensus_of.len() > MAX_PARTICIPANTS {
        problems.push(lang.f(
            msg!("the consensus names more than {n} people"),
            &[("n", &MAX_PARTICIPANTS)],
        ));
    }
    let label = lang.t(msg!("a name in the consensus"));
    let consensus_of = consensus_of
        .into_iter()
        .take(MAX_PARTICIPANTS)
        .filter(|name| within(lang, label, name, MAX_NAME_CHARS, problems))
        .collect();
    People {
        respondent,
        consensus_of,
        organisation,
        prepared_by,
    }
}

/// Reads the bytes of a file: they must be UTF-8 (a byte-order mark is allowed), then as
/// [`decode`]. A file in another encoding is refused, never read with replaced characters.
pub fn decode_bytes(
    bytes: &[u8],
    questionnaires: &[Rc<Questionnaire>],
    source: Source,
) -> Result<Restored, SavedError> {
    if bytes.len() > MAX_SAVED_BYTES {
        return Err(SavedError::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| match e.error_len() {
        // The bytes end inside a character: the file was cut off, not written in another
        // encoding. Where it stops, as the JSON reader would say it.
        None => {
            let read = &bytes[..e.valid_up_to()];
            let line = read.iter().filter(|b| **b == b'\n').count() + 1;
            let start = read.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&read[start..]).chars().count() + 1;
            SavedError::NotJson {
                line,
                column,
                truncated: true,
            }
        }
        Some(_) => SavedError::NotUtf8 {
            at: e.valid_up_to(),
        },
    })?;
    decode(text, questionnaires, source)
}

fn syntax_error(e: serde_json::Error) -> SavedError {
    match e.classify() {
        serde_json::error::Category::Data => SavedError::NotASave {
            mismatch: Mismatch::of(&e.to_string()),
            line: e.line(),
            column: e.column(),
        },
        _ => SavedError::NotJson {
            line: e.line(),
            column: e.column(),
            truncated: e.is_eof(),
        },
    }
}

/// The format number first: a newer format is named as such, whatever its fields are.
fn check_format(text: &str) -> Result<(), SavedError> {
    let head: Head = serde_json::from_str(text).map_err(syntax_error)?;
    match head.format {
        None => Err(SavedError::NoFormat),
        Some(serde_json::Value::Number(n)) => match n.as_u64() {
            Some(1) | Some(2) => Ok(()),
            Some(v) if v > u64::from(SAVED_FORMAT) => Err(SavedError::NewerFormat(v)),
            _ => Err(SavedError::WrongFormat(n.to_string())),
        },
        Some(other) => Err(SavedError::WrongFormat(other.to_string())),
    }
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(SavedError::Empty);
    }
    check_format(text)?;
    let stored: Stored = serde_json::from_str(text).map_err(syntax_error)?;
    // The same version if this widget has it (a retired one included), else the newest.
    let same_id = || {
        questionnaires
            .iter()
            .filter(|q| q.id == stored.questionnaire)
    };
    let questionnaire = same_id()
        .find(|q| q.version == stored.version)
        .or_else(|| {
            same_id().max_by(|a, b| {
                version_order(&a.version, &b.version).unwrap_or(std::cmp::Ordering::Equal)
            })
        })
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
    let quoted = |id: &str| outside(id, 40);

    let profile = read_profile(lang, stored.profile, &mut problems);
    let names = [stored.respondent, stored.organisation, stored.prepared_by];
    let people = read_people(lang, names, stored.consensus_of, &mut problems);
    let mut saved_at = stored.saved_at;
    if !check_length(
        lang,
        lang.t(msg!("the save date")),
        &saved_at,
        &mut problems,
    ) {
        saved_at.clear();
    }
    let assessment = stored.assessment.filter(|a| {
        !a.is_empty() && a.len() <= 64 && a.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let parent = stored
        .parent
        .filter(|p| p.len() == 16 && p.bytes().all(|b| b.is_ascii_hexdigit()));

    let mut answers = Answers::default();
    for (id, stored_answer) in stored.answers {
        let answer = match stored_answer {
            StoredAnswer::Level(l) => Answer::Level(l),
            StoredAnswer::DontKnow => Answer::DontKnow,
            StoredAnswer::NotApplicable(why) => {
                let label = lang.f(
                    msg!("the justification of {item}"),
                    &[("item", &quoted(&id))],
                );
                if !check_length(lang, &label, &why, &mut problems) {
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
                msg!("a note for {item}, which is not an item of this questionnaire"),
                &[("item", &quoted(&id))],
            );
            if lenient {
                dropped.push(message);
            } else {
                problems.push(message);
            }
        } else if check_length(
            lang,
            &lang.f(msg!("the note on {item}"), &[("item", &id)]),
            &note,
            &mut problems,
        ) && !note.is_empty()
        {
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
        people,
        saved_at,
        assessment,
        parent,
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
    pub people: People,
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
            conflicts.push(lang.t(msg!("the organisation profile")).to_string());
        }
        merged.profile = ours.profile.clone();
    }
    if ours.people != base.people {
        if theirs.people != base.people && theirs.people != ours.people {
            conflicts.push(lang.t(msg!("who answered")).to_string());
        }
        merged.people = ours.people.clone();
    }
    let mut ids: Vec<&str> = base.answers.iter().map(|(k, _)| k).collect();
    ids.extend(ours.answers.iter().map(|(k, _)| k));
    crate::model::order::sort(&mut ids);
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
    crate::model::order::sort(&mut note_ids);
    note_ids.dedup();
    for id in note_ids {
        let (b, o, t) = (base.notes.get(id), ours.notes.get(id), theirs.notes.get(id));
        if o != b {
            if t != b && t != o {
                conflicts.push(lang.f(msg!("the note on {item}"), &[("item", id)]));
            }
            match o {
                Some(note) => merged.notes.insert(id.clone(), note.clone()),
                None => merged.notes.remove(id),
            };
        }
    }
    (merged, conflicts)
}

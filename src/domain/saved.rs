//! The stored form of an assessment (localStorage today, save files later) and its checked decoder.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::answers::{Answer, Answers};
use super::profile::Profile;
use super::questionnaire::Questionnaire;

pub const SAVED_FORMAT: u32 = 1;

/// Largest stored text we try to read; anything bigger is not ours.
pub const MAX_SAVED_BYTES: usize = 2 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StoredAnswer {
    Level(u8),
    DontKnow,
    NotApplicable(String),
}

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    questionnaire: String,
    version: String,
    #[serde(default)]
    saved_at: String,
    profile: Profile,
    answers: BTreeMap<String, StoredAnswer>,
}

/// An assessment read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub profile: Profile,
    pub answers: Answers,
    pub saved_at: String,
    /// Answers that could not be carried over, with the reason.
    pub dropped: Vec<String>,
}

/// Why stored text was not usable. The caller keeps the text; nothing is destroyed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    TooLarge(usize),
    NotJson(String),
    WrongFormat(u32),
    OtherQuestionnaire { id: String, version: String },
}

impl std::fmt::Display for SavedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SavedError::TooLarge(n) => write!(
                f,
                "the saved data is {n} bytes, far more than an assessment needs"
            ),
            SavedError::NotJson(e) => write!(f, "the saved data is damaged ({e})"),
            SavedError::WrongFormat(v) => write!(
                f,
                "the saved data uses format {v}, which this version cannot read"
            ),
            SavedError::OtherQuestionnaire { id, version } => {
                write!(
                    f,
                    "the saved data belongs to questionnaire {id} version {version}"
                )
            }
        }
    }
}

/// Serialises an assessment; `saved_at` is an ISO 8601 timestamp supplied by the caller.
pub fn encode(
    questionnaire: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
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
    };
    serde_json::to_string(&stored).expect("plain data always serialises")
}

/// Reads stored text for this questionnaire, checking every answer against it.
pub fn decode(text: &str, questionnaire: &Questionnaire) -> Result<Restored, SavedError> {
    if text.len() > MAX_SAVED_BYTES {
        return Err(SavedError::TooLarge(text.len()));
    }
    let stored: Stored =
        serde_json::from_str(text).map_err(|e| SavedError::NotJson(e.to_string()))?;
    if stored.format != SAVED_FORMAT {
        return Err(SavedError::WrongFormat(stored.format));
    }
    if stored.questionnaire != questionnaire.id || stored.version != questionnaire.version {
        return Err(SavedError::OtherQuestionnaire {
            id: stored.questionnaire,
            version: stored.version,
        });
    }
    let mut profile = stored.profile;
    profile.systems = profile.systems.clamp(1, super::profile::MAX_SYSTEMS);
    let mut answers = Answers::default();
    let mut dropped = Vec::new();
    for (id, stored_answer) in stored.answers {
        let answer = match stored_answer {
            StoredAnswer::Level(l) => Answer::Level(l),
            StoredAnswer::DontKnow => Answer::DontKnow,
            StoredAnswer::NotApplicable(why) => Answer::NotApplicable(why),
        };
        if let Err(e) = answers.set(questionnaire, &id, answer) {
            dropped.push(e.to_string());
        }
    }
    Ok(Restored {
        profile,
        answers,
        saved_at: stored.saved_at,
        dropped,
    })
}

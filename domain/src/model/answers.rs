//! A person's answers: a maturity level, "don't know", or "not applicable" with a justification.

use std::collections::BTreeMap;

use crate::model::i18n::{msg, outside, Lang};

use crate::model::questionnaire::{Item, Questionnaire};

/// One answer to one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// A level on the questionnaire's scale, 0 to its top.
    Level(u8),
    DontKnow,
    /// Only for Annex A controls; the justification goes into the Statement of Applicability.
    NotApplicable(String),
}

impl Answer {
    /// An answer counts once it is usable: "not applicable" needs a justification.
    pub fn is_complete(&self) -> bool {
        match self {
            Answer::NotApplicable(why) => !why.trim().is_empty(),
            Answer::Level(_) | Answer::DontKnow => true,
        }
    }

    pub fn level(&self) -> Option<u8> {
        match self {
            Answer::Level(level) => Some(*level),
            _ => None,
        }
    }
}

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    UnknownItem(String),
    LevelOutOfRange { item: String, level: u8, top: u8 },
    NotApplicableRefused(String),
}

impl AnswerError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AnswerError::UnknownItem(id) => lang.f(
                msg!("there is no item {item} in this questionnaire"),
                &[("item", &outside(id, 40))],
            ),
            AnswerError::LevelOutOfRange { item, level, top } => lang.f(
                msg!("{item}: level {level} is outside 0-{top}"),
                &[("item", &outside(item, 40)), ("level", level), ("top", top)],
            ),
            AnswerError::NotApplicableRefused(id) => lang.f(
                msg!("{item} is a clause requirement: clauses 4-10 can never be not applicable"),
                &[("item", &outside(id, 40))],
            ),
        }
    }
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Answers by item id. Answers to items the profile hides are kept, but no figure counts them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    by_item: BTreeMap<String, Answer>,
}

impl Answers {
    pub fn get(&self, item: &str) -> Option<&Answer> {
        self.by_item.get(item)
    }

    /// Checks an answer against the item before storing it.
    pub fn check(
        questionnaire: &Questionnaire,
        item: &str,
        answer: &Answer,
    ) -> Result<(), AnswerError> {
        let found = questionnaire
            .item(item)
            .ok_or_else(|| AnswerError::UnknownItem(item.to_string()))?;
        check_item(questionnaire, found, answer)
    }

    /// Sets an answer after [`Answers::check`]; refuses what the item cannot take.
    pub fn set(
        &mut self,
        questionnaire: &Questionnaire,
        item: &str,
        answer: Answer,
    ) -> Result<(), AnswerError> {
        Answers::check(questionnaire, item, &answer)?;
        self.by_item.insert(item.to_string(), answer);
        Ok(())
    }

    /// Stores an answer that was already checked against the questionnaire (merging two checked sets).
    pub fn insert_unchecked(&mut self, item: &str, answer: Answer) {
        self.by_item.insert(item.to_string(), answer);
    }

    pub fn clear(&mut self, item: &str) {
        self.by_item.remove(item);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.by_item.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.by_item.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_item.is_empty()
    }
}

fn check_item(
    questionnaire: &Questionnaire,
    item: &Item,
    answer: &Answer,
) -> Result<(), AnswerError> {
    match answer {
        Answer::Level(level) if *level > questionnaire.scale.top() => {
            Err(AnswerError::LevelOutOfRange {
                item: item.id.clone(),
                level: *level,
                top: questionnaire.scale.top(),
            })
        }
        Answer::NotApplicable(_) if !item.can_be_not_applicable() => {
            Err(AnswerError::NotApplicableRefused(item.id.clone()))
        }
        _ => Ok(()),
    }
}

/// Longest note or justification accepted, in UTF-16 code units: the unit a browser's
/// `maxlength` counts, so what a text field accepts is exactly what the decoder accepts.
pub const MAX_TEXT_CHARS: usize = 5000;

/// The length of a text as a browser's `maxlength` counts it.
pub fn text_length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Free-text notes by item id: what exists, where, who owns it.
pub type Notes = BTreeMap<String, String>;

/// The longest name or role a person can give (as `maxlength` counts).
pub const MAX_NAME_CHARS: usize = 120;
/// The most names a consensus records (a team view compares at most twelve files).
pub const MAX_PARTICIPANTS: usize = 12;

/// `name` cut to what a name field holds ([`MAX_NAME_CHARS`], as `maxlength` counts), at a
/// character boundary: for names that were never typed into one (a file's name).
pub fn fit_name(name: &str) -> String {
    let mut used = 0;
    name.chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= MAX_NAME_CHARS
        })
        .collect()
}

/// Who answered: the person's name or role as typed (optional), and for an assessment adopted
/// from a team's consensus, the names of those who took part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    pub respondent: String,
    pub consensus_of: Vec<String>,
    /// The organisation the report is for, as typed (optional).
    pub organisation: String,
    /// Who prepared the report (a consultant, the AIMS lead), as typed (optional).
    pub prepared_by: String,
}

impl People {
    /// What the results and every report say about who answered: "Answered by: Dana" and
    /// "A team's consensus, with: Dana; Lee; Sam", each name isolated (outside text).
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.organisation.trim().is_empty() {
            lines.push(lang.f(
                msg!("Organisation: {name}"),
                &[("name", &outside(&self.organisation, MAX_NAME_CHARS))],
            ));
        }
        if !self.prepared_by.trim().is_empty() {
            lines.push(lang.f(
                msg!("Prepared by: {name}"),
                &[("name", &outside(&self.prepared_by, MAX_NAME_CHARS))],
            ));
        }
        if !self.respondent.trim().is_empty() {
            lines.push(lang.f(
                msg!("Answered by: {name}"),
                &[("name", &outside(&self.respondent, MAX_NAME_CHARS))],
            ));
        }
        if !self.consensus_of.is_empty() {
            let names: Vec<String> = self
                .consensus_of
                .iter()
                .map(|n| outside(n, MAX_NAME_CHARS))
                .collect();
            lines.push(lang.f(
                msg!("The consensus of a team of {n}: {names}"),
                &[("n", &names.len()), ("names", &names.join("; "))],
            ));
            lines.push(lang.t(msg!("Method: each answered separately; each item took the median of the levels given (the lower middle one for an even count), unless the team settled on one person's answer in discussion.")).into());
        }
        lines
    }
}

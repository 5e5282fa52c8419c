//! The built-in questionnaires: every file in questionnaires/, compiled in by build.rs.

use std::rc::Rc;

use super::i18n::Lang;
use super::questionnaire::{ContentError, Questionnaire};
use super::translation::translate;

include!(concat!(env!("OUT_DIR"), "/catalogue_files.rs"));

/// One catalogue entry: a usable questionnaire, or the reasons its file was refused.
#[derive(Clone, Debug)]
pub struct Entry {
    pub file: &'static str,
    pub questionnaire: Result<Rc<Questionnaire>, Vec<ContentError>>,
}

/// Parses every built-in file; usable ones come first, shortest first, then refused ones.
pub fn load() -> Vec<Entry> {
    let mut entries: Vec<Entry> = FILES
        .iter()
        .map(|(file, json)| Entry {
            file,
            questionnaire: Questionnaire::parse(json).map(Rc::new),
        })
        .collect();
    entries.sort_by_key(|e| match &e.questionnaire {
        Ok(q) => (0, q.minutes(), q.id.clone()),
        Err(_) => (1, 0, e.file.to_string()),
    });
    entries
}

/// The usable questionnaires among the entries, in catalogue order.
pub fn usable(entries: &[Entry]) -> Vec<Rc<Questionnaire>> {
    entries
        .iter()
        .filter_map(|e| e.questionnaire.clone().ok())
        .collect()
}

/// Every usable built-in questionnaire (for tools that do not show refused files).
pub fn questionnaires() -> Vec<Rc<Questionnaire>> {
    usable(&load())
}

/// The translation file of a questionnaire into `lang`, if the catalogue has one.
pub fn translation_file(id: &str, lang: Lang) -> Option<&'static str> {
    let name = format!("{id}.{}.json", lang.code());
    TRANSLATIONS
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, json)| *json)
}

/// A built-in `questionnaire` (in its source language) in `lang`: itself when it is already in
/// that language, its translation otherwise. `Err` when the catalogue has no usable translation
/// (tests/i18n.rs forbids that for every built-in questionnaire and declared language).
pub fn localise(
    questionnaire: &Rc<Questionnaire>,
    lang: Lang,
) -> Result<Rc<Questionnaire>, Vec<ContentError>> {
    if questionnaire.language == lang.code() {
        return Ok(Rc::clone(questionnaire));
    }
    let Some(json) = translation_file(&questionnaire.id, lang) else {
        return Err(vec![ContentError {
            questionnaire: questionnaire.id.clone(),
            item: None,
            field: "(translation)".into(),
            message: format!("no translation into {}", lang.code()),
        }]);
    };
    translate(questionnaire, json).map(Rc::new)
}

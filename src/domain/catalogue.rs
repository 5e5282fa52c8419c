//! The built-in questionnaires: every file in questionnaires/, compiled in by build.rs.

use std::rc::Rc;

use super::questionnaire::{ContentError, Questionnaire};

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
        Ok(q) => (0, q.minutes, q.id.clone()),
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

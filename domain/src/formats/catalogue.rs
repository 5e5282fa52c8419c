//! The built-in questionnaires: every file in questionnaires/, compiled in by domain/build.rs
//! and checked by the app's build.rs (`problems`).

use std::rc::Rc;

use crate::formats::translation::translate;
use crate::model::i18n::Lang;
use crate::model::questionnaire::{ContentError, Questionnaire};

include!(concat!(env!("OUT_DIR"), "/catalogue_files.rs"));

/// One catalogue entry: a usable questionnaire, or the reasons its file was refused.
#[derive(Clone, Debug)]
pub struct Entry {
    pub file: &'static str,
    pub questionnaire: Result<Rc<Questionnaire>, Vec<ContentError>>,
}

/// Parses every built-in file; usable ones come first, shortest first, then refused ones.
pub fn load() -> Vec<Entry> {
    load_from(FILES)
}

/// Parses `files` (name, text): a second file with an id and version already taken is refused,
/// since saves and links name a questionnaire by exactly those two.
pub fn load_from(files: &[(&'static str, &str)]) -> Vec<Entry> {
    let mut seen = std::collections::HashSet::new();
    let mut entries: Vec<Entry> = files
        .iter()
        .map(|(file, json)| {
            let questionnaire = Questionnaire::parse(json).and_then(|q| {
                if seen.insert((q.id.clone(), q.version.clone())) {
                    Ok(Rc::new(q))
                } else {
                    Err(vec![ContentError {
                        questionnaire: q.id.clone(),
                        item: None,
                        field: "version".into(),
                        message: format!(
                            "another file already has id {} and version {}: saves could not tell them apart",
                            q.id, q.version
                        ),
                    }])
                }
            });
            Entry { file, questionnaire }
        })
        .collect();
    crate::model::order::sort_by_key(&mut entries, |e| match &e.questionnaire {
        Ok(q) => (0, q.minutes(), q.id.clone()),
        Err(_) => (1, 0, e.file.to_string()),
    });
    entries
}

/// The questionnaires a person can start: usable and not retired (a retired version is kept
/// only so its saves still open).
pub fn offered(questionnaires: &[Rc<Questionnaire>]) -> Vec<Rc<Questionnaire>> {
    questionnaires
        .iter()
        .filter(|q| q.status.offered())
        .cloned()
        .collect()
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

/// Every declared language's interface texts for `marks` (every text the sources mark, as the
/// app's build script lists them) and every usable built-in questionnaire in it (its source where
/// a translation is missing: the i18n test forbids that, and the build refuses a broken one), as
/// the app's build script packs it. `Err` names two marked texts with one id.
#[cfg(not(target_arch = "wasm32"))]
pub fn content(marks: &aims_po::marks::Marks) -> Result<crate::formats::packed::Content, String> {
    let sources = questionnaires();
    Lang::ALL
        .iter()
        .map(|&lang| {
            let questionnaires: Vec<Questionnaire> = sources
                .iter()
                .map(|q| (*localise(q, lang).unwrap_or_else(|_| Rc::clone(q))).clone())
                .collect();
            Ok(crate::formats::packed::LangContent {
                lang,
                texts: lang.texts(marks)?,
                heads: questionnaires
                    .iter()
                    .map(crate::model::questionnaire::Head::of)
                    .collect(),
                questionnaires,
            })
        })
        .collect()
}

/// Every problem in the built-in content, one line each naming the file, item and field: files
/// refused (invalid, or an id and version taken twice) and translations that do not apply to
/// their questionnaire. The app's build script fails on any (a missing translation is a test
/// failure instead, tests/i18n.rs, so a benchmark's extra file needs none).
pub fn problems() -> Vec<String> {
    problems_of(&load())
}

/// The problems of `entries` (see `problems`).
pub fn problems_of(entries: &[Entry]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in entries {
        match &entry.questionnaire {
            Err(errors) => found.extend(errors.iter().map(|e| format!("{}: {e}", entry.file))),
            Ok(q) => {
                for lang in Lang::ALL {
                    if q.language == lang.code() || translation_file(&q.id, lang).is_none() {
                        continue;
                    }
                    if let Err(errors) = localise(q, lang) {
                        let file = format!("{}.{}.json", q.id, lang.code());
                        found.extend(errors.iter().map(|e| format!("{file}: {e}")));
                    }
                }
            }
        }
    }
    found
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

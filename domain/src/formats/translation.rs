//! Questionnaire translations: a file `<id>.<language>.json` holds every text of one questionnaire
//! in another language, keyed by section and item id; applying it to the validated English
//! questionnaire gives the same questionnaire (ids, weights, rules, actions) in that language.

use serde::Deserialize;
use std::collections::BTreeMap;

use crate::model::questionnaire::{ContentError, Errors, Questionnaire};

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawTranslation {
    #[serde(rename = "$comment")]
    comment: Option<String>,
    translation_of: String,
    version: String,
    language: String,
    title: String,
    summary: String,
    /// `[label, meaning]` for each level of the scale.
    scale: Vec<(String, String)>,
    /// Document titles by document id.
    documents: BTreeMap<String, String>,
    /// `[title, intro]` by section id.
    sections: BTreeMap<String, (String, String)>,
    items: BTreeMap<String, RawItemText>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawItemText {
    title: String,
    question: String,
    why: String,
    levels: Vec<String>,
    actions: Vec<String>,
    justification: Option<String>,
}

/// Checks that only translations need, on the questionnaire's error collector.
impl Errors {
    /// Copies a translated text into place, or reports it missing.
    fn text(&mut self, item: Option<&str>, field: &str, value: &str, into: &mut String) {
        if value.trim().is_empty() {
            self.at(item, field, "must be translated");
        } else {
            *into = value.to_string();
        }
    }

    fn count(&mut self, item: Option<&str>, field: &str, got: usize, want: usize) {
        if got != want {
            self.at(
                item,
                field,
                format!("has {got} texts, the questionnaire {want}"),
            );
        }
    }
}

/// Applies a translation file to `base`. Every text must be translated and every id must exist
/// in `base`; all problems are reported at once, each naming the item and field.
pub fn translate(base: &Questionnaire, json: &str) -> Result<Questionnaire, Vec<ContentError>> {
    let mut raw: RawTranslation = serde_json::from_str(json).map_err(|e| {
        vec![ContentError {
            questionnaire: base.id.clone(),
            item: None,
            field: "(json)".into(),
            message: format!("not a valid translation file: {e}"),
        }]
    })?;
    let _ = raw.comment.take();
    let mut c = Errors {
        questionnaire: format!("{} ({})", base.id, raw.language),
        list: Vec::new(),
    };
    if raw.translation_of != base.id {
        c.at(None, "translation_of", format!("must be `{}`", base.id));
    }
    if raw.version != base.version {
        c.at(
            None,
            "version",
            format!(
                "translates version {}, the questionnaire is {}",
                raw.version, base.version
            ),
        );
    }
    let mut q = base.clone();
    c.text(None, "language", &raw.language, &mut q.language);
    c.text(None, "title", &raw.title, &mut q.title);
    c.text(None, "summary", &raw.summary, &mut q.summary);

    c.count(None, "scale", raw.scale.len(), q.scale.levels.len());
    for (level, (label, meaning)) in q.scale.levels.iter_mut().zip(&raw.scale) {
        c.text(None, "scale.label", label, &mut level.label);
        c.text(None, "scale.meaning", meaning, &mut level.meaning);
    }
    for doc in &mut q.documents {
        let value = raw.documents.remove(&doc.id).unwrap_or_default();
        c.text(Some(&doc.id), "documents", &value, &mut doc.title);
    }
    for section in &mut q.sections {
        let (title, intro) = raw.sections.remove(&section.id).unwrap_or_default();
        c.text(
            Some(&section.id),
            "sections.title",
            &title,
            &mut section.title,
        );
        if !section.intro.is_empty() {
            c.text(
                Some(&section.id),
                "sections.intro",
                &intro,
                &mut section.intro,
            );
        }
        for item in &mut section.items {
            let id = item.id.clone();
            let at = Some(id.as_str());
            let Some(t) = raw.items.remove(&id) else {
                c.at(at, "items", "has no translation");
                continue;
            };
            c.text(at, "title", &t.title, &mut item.title);
            c.text(at, "question", &t.question, &mut item.question);
            c.text(at, "why", &t.why, &mut item.why);
            c.count(at, "levels", t.levels.len(), item.levels.len());
            for (slot, value) in item.levels.iter_mut().zip(&t.levels) {
                c.text(at, "levels", value, slot);
            }
            c.count(at, "actions", t.actions.len(), item.actions.len());
            for (action, value) in item.actions.iter_mut().zip(&t.actions) {
                c.text(at, "actions", value, &mut action.text);
            }
            match (&mut item.suggest_na, &t.justification) {
                (Some(na), Some(value)) => {
                    c.text(at, "justification", value, &mut na.justification)
                }
                (Some(_), None) => c.at(at, "justification", "must be translated"),
                (None, Some(_)) => c.at(at, "justification", "the item suggests no exclusion"),
                (None, None) => {}
            }
        }
    }
    // Texts for things the questionnaire does not have: a stale translation, never ignored.
    let extra = [
        ("documents", raw.documents.into_keys().collect::<Vec<_>>()),
        ("sections", raw.sections.into_keys().collect()),
        ("items", raw.items.into_keys().collect()),
    ];
    for (field, ids) in extra {
        for id in ids {
            c.at(Some(&id), field, "is not in the questionnaire");
        }
    }
    if c.list.is_empty() {
        Ok(q)
    } else {
        Err(c.list)
    }
}

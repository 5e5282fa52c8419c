//! The "documents you will need" checklist: each document's status derived from the answers of the items that produce it.

use crate::figures::scoring::ItemStatus;
use crate::model::answers::Answers;
use crate::model::i18n::{msg, Lang};
use crate::model::profile::Profile;
use crate::model::questionnaire::Questionnaire;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocumentStatus {
    /// No producing item has got beyond "not in place" (or it is unknown).
    Missing,
    /// Some work exists, but not every producing item is at the gate level.
    Partial,
    /// Every producing item is at least "implemented and documented".
    InPlace,
}

impl DocumentStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            DocumentStatus::Missing => msg!("Missing"),
            DocumentStatus::Partial => msg!("Partial"),
            DocumentStatus::InPlace => msg!("In place"),
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            DocumentStatus::Missing => "missing",
            DocumentStatus::Partial => "partial",
            DocumentStatus::InPlace => "in-place",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: String,
    pub title: String,
    pub mandatory: bool,
    pub status: DocumentStatus,
    /// The items (applicable, not excluded) whose answers decide the status.
    pub items: Vec<String>,
}

/// Every document the questionnaire names, mandatory ones first. Documents whose producing
/// items are all hidden or excluded are left out: the organisation does not need them.
pub fn checklist(
    questionnaire: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
) -> Vec<DocumentRow> {
    let gate = questionnaire.scale.gate_level;
    let mut rows: Vec<DocumentRow> = questionnaire
        .documents
        .iter()
        .filter_map(|doc| {
            let statuses: Vec<(String, ItemStatus)> = questionnaire
                .items()
                .filter(|i| i.documents.contains(&doc.id))
                .map(|i| (i.id.clone(), ItemStatus::of(i, profile, answers)))
                .filter(|(_, s)| !matches!(s, ItemStatus::Hidden | ItemStatus::NotApplicable))
                .collect();
            if statuses.is_empty() {
                return None;
            }
            let level = |s: &ItemStatus| match s {
                ItemStatus::Level(l) => *l,
                _ => 0,
            };
            let status = if statuses.iter().all(|(_, s)| level(s) >= gate) {
                DocumentStatus::InPlace
            } else if statuses.iter().any(|(_, s)| level(s) >= 1) {
                DocumentStatus::Partial
            } else {
                DocumentStatus::Missing
            };
            Some(DocumentRow {
                id: doc.id.clone(),
                title: doc.title.clone(),
                mandatory: doc.mandatory,
                status,
                items: statuses.into_iter().map(|(id, _)| id).collect(),
            })
        })
        .collect();
    crate::model::order::sort_by_key(&mut rows, |r| !r.mandatory);
    rows
}

/// How many of the documents the standard requires are in place, of how many.
pub fn required_in_place(rows: &[DocumentRow]) -> (usize, usize) {
    let required = rows.iter().filter(|d| d.mandatory);
    let in_place = required
        .clone()
        .filter(|d| d.status == DocumentStatus::InPlace)
        .count();
    (in_place, required.count())
}

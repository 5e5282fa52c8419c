//! Keeping the open assessment in step with this browser's storage: opening, offering imports,
//! saving after each change (merging what another tab wrote meanwhile), and following other tabs.

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use super::app::Dispatch;
use super::storage;
use crate::domain::saved::{self, Restored, Snapshot, Source};
use crate::domain::session::{Event, Notice, NoticeKind, Session};
use crate::domain::Questionnaire;

/// What this tab last read from or wrote to storage for the open assessment.
#[derive(Clone, Debug, Default)]
struct Synced {
    key: String,
    text: Option<String>,
    snapshot: Snapshot,
}

/// Shared, non-rendering state of the storage effects.
#[derive(Clone)]
pub struct Effects {
    synced: Rc<RefCell<Synced>>,
    /// False once storage refused a write or must not be overwritten.
    saving: Rc<RefCell<bool>>,
}

impl Default for Effects {
    fn default() -> Self {
        Effects {
            synced: Rc::default(),
            saving: Rc::new(RefCell::new(true)),
        }
    }
}

impl PartialEq for Effects {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.synced, &other.synced)
    }
}

impl Effects {
    /// Whether answers are being saved to this browser's storage.
    pub fn saving(&self) -> bool {
        *self.saving.borrow()
    }
}

pub fn info(text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        kind: NoticeKind::Info,
        text: text.into(),
    })
}

pub fn error(text: impl Into<String>) -> Notice {
    Notice {
        kind: NoticeKind::Error,
        text: text.into(),
    }
}

/// Opens a questionnaire with what this browser saved for it, or with an imported assessment.
pub fn open(
    dispatch: &Dispatch,
    effects: &Effects,
    questionnaire: Rc<Questionnaire>,
    imported: Option<Restored>,
) {
    dispatch.dispatch(open_event(effects, questionnaire, imported));
}

/// The event that opens a questionnaire; reads storage and records what was synced. The app
/// also uses it for its initial state, so a returning visitor's first paint is their questions.
pub fn open_event(
    effects: &Effects,
    questionnaire: Rc<Questionnaire>,
    imported: Option<Restored>,
) -> Event {
    let loaded = storage::load(&questionnaire);
    *effects.saving.borrow_mut() = loaded.can_save;
    *effects.synced.borrow_mut() = Synced {
        key: questionnaire.storage_key(),
        text: loaded.text,
        snapshot: loaded
            .restored
            .as_ref()
            .map(Restored::snapshot)
            .unwrap_or_default(),
    };
    storage::remember_last(&questionnaire.id);
    let lang = questionnaire.lang();
    let (restored, notice, imported) = match imported {
        Some(file) => {
            let mut text = lang.f(
                "Opened the saved assessment ({n} answers).",
                &[("n", &file.answers.len())],
            );
            if let Some(old) = &file.migrated_from {
                text.push(' ');
                text.push_str(&lang.f(
                    "It was made with version {old} of this questionnaire and was carried over to version {new}.",
                    &[("old", old), ("new", &questionnaire.version)],
                ));
            }
            if !file.dropped.is_empty() {
                text.push(' ');
                text.push_str(&lang.f(
                    "Not carried over: {what}.",
                    &[("what", &file.dropped.join("; "))],
                ));
            }
            (Some(file), info(text), true)
        }
        None => (loaded.restored, loaded.notice, false),
    };
    Event::Open {
        questionnaire,
        restored,
        notice,
        imported,
    }
}

/// Opens imported answers at once, or asks first when this device already holds answers for
/// that questionnaire (from a file or a share link alike).
pub fn offer_import(
    restored: Restored,
    latest: &RefCell<Option<Session>>,
    pending: &UseStateHandle<Option<Restored>>,
    dispatch: &Dispatch,
    effects: &Effects,
) {
    let on_device = storage::saved_answer_count(&restored.questionnaire);
    let in_view = latest
        .borrow()
        .as_ref()
        .is_some_and(|s| s.questionnaire.id == restored.questionnaire.id && !s.answers.is_empty());
    if on_device > 0 || in_view {
        pending.set(Some(restored));
    } else {
        open(
            dispatch,
            effects,
            Rc::clone(&restored.questionnaire),
            Some(restored),
        );
    }
}

/// Reads what another tab stored and merges it with this tab's state since the last sync.
/// Returns their snapshot, the merged one, and the items both changed.
fn merge_stored(
    synced: &Synced,
    ours: &Snapshot,
    text: &str,
    q: &Rc<Questionnaire>,
) -> Option<(Snapshot, Snapshot, Vec<String>)> {
    let theirs = saved::decode(text, std::slice::from_ref(q), Source::Storage)
        .ok()?
        .snapshot();
    let (merged, conflicts) = saved::merge(&synced.snapshot, ours, &theirs, q.lang());
    Some((theirs, merged, conflicts))
}

/// Saves the session, first merging in anything another tab wrote since this tab last synced.
pub fn save(session: &Session, effects: &Effects, dispatch: &Dispatch) {
    let q = &session.questionnaire;
    let lang = q.lang();
    let now = storage::now_iso();
    let filename = format!("{}-{}.json", q.id, now.get(..10).unwrap_or("answers"));
    let encode = |s: &Snapshot| saved::encode(q, &s.profile, &s.answers, &s.notes, &now);
    // Encoded once: the same text is the rescue download and, unless merged, the stored copy.
    let mut ours = session.snapshot();
    let mut text = encode(&ours);
    super::rescue::remember(filename.clone(), text.clone());
    if !effects.saving() {
        return;
    }
    let key = q.storage_key();
    let mut synced = effects.synced.borrow_mut();
    let stored = storage::get(&key);
    if let Some(stored) = stored.filter(|s| synced.key == key && Some(s) != synced.text.as_ref()) {
        if let Some((_, merged, conflicts)) = merge_stored(&synced, &ours, &stored, q) {
            let notice = if conflicts.is_empty() {
                info(lang.t("Changes made in another tab were merged with yours."))
            } else {
                info(lang.f(
                    "Another tab changed the same answers; this tab's answer was kept for: {items}.",
                    &[("items", &conflicts.join(", "))],
                ))
            };
            ours = merged;
            text = encode(&ours);
            super::rescue::remember(filename, text.clone());
            dispatch.dispatch(Event::Adopt {
                snapshot: ours.clone(),
                notice,
            });
        }
    }
    if storage::set(&key, &text) {
        *synced = Synced {
            key,
            text: Some(text),
            snapshot: ours,
        };
    } else {
        *effects.saving.borrow_mut() = false;
        dispatch.dispatch(Event::Notify(error(lang.t(
            "This browser refused to store your answers (storage is full or disabled). You can keep working and save them to a file, but they will be lost when you close the page.",
        ))));
    }
}

/// Another tab stored this assessment: show its answers here, merged with this tab's.
pub fn follow(
    event: &web_sys::StorageEvent,
    session: &Session,
    effects: &Effects,
    dispatch: &Dispatch,
) {
    let mut synced = effects.synced.borrow_mut();
    let key = session.questionnaire.storage_key();
    if event.key().as_deref() != Some(key.as_str()) || synced.key != key {
        return;
    }
    let Some(text) = event
        .new_value()
        .filter(|t| Some(t) != synced.text.as_ref())
    else {
        return;
    };
    let Some((theirs, merged, conflicts)) =
        merge_stored(&synced, &session.snapshot(), &text, &session.questionnaire)
    else {
        return;
    };
    let lang = session.questionnaire.lang();
    let notice = if conflicts.is_empty() {
        info(lang.t("This assessment was changed in another tab; its answers are shown here too."))
    } else {
        info(lang.f(
            "This assessment was changed in another tab; this tab's answer was kept for: {items}.",
            &[("items", &conflicts.join(", "))],
        ))
    };
    *synced = Synced {
        key,
        text: Some(text),
        snapshot: theirs,
    };
    dispatch.dispatch(Event::Adopt {
        snapshot: merged,
        notice,
    });
}

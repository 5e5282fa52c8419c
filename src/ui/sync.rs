//! Keeping the open assessment in step with this browser's storage: opening, offering imports,
//! saving after each change (the domain's `sync::Tracker` merges what another tab wrote and
//! moves unreadable data aside), and following other tabs.

use std::cell::RefCell;
use std::rc::Rc;

use super::app::Dispatch;
use super::storage::{self, Local};
use crate::domain::i18n::outside;
use crate::domain::saved::{Restored, SaveMeta};
use crate::domain::session::{import_replaces, Event, Notice, PendingImport, Session};
use crate::domain::sync::{SaveRefused, Tracker};
use crate::domain::Questionnaire;

/// Shared, non-rendering state of the storage effects.
#[derive(Clone)]
pub struct Effects {
    tracker: Rc<RefCell<Option<Tracker>>>,
    /// False once storage refused a write or must not be overwritten.
    saving: Rc<RefCell<bool>>,
}

impl Default for Effects {
    fn default() -> Self {
        Effects {
            tracker: Rc::default(),
            saving: Rc::new(RefCell::new(true)),
        }
    }
}

impl PartialEq for Effects {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tracker, &other.tracker)
    }
}

impl Effects {
    /// Whether answers are being saved to this browser's storage.
    pub fn saving(&self) -> bool {
        *self.saving.borrow()
    }
}

/// Opens a questionnaire with what this browser saved for it, or with an imported assessment
/// (`replaced`: the answers it replaces, offered for undo).
pub fn open(
    dispatch: &Dispatch,
    effects: &Effects,
    questionnaire: Rc<Questionnaire>,
    imported: Option<Restored>,
    replaced: Option<crate::domain::saved::Snapshot>,
) {
    dispatch.dispatch(open_event(effects, questionnaire, imported, replaced));
}

/// The event that opens a questionnaire; reads storage and starts tracking it. The app also
/// uses it for its initial state, so a returning visitor's first paint is their assessment.
pub fn open_event(
    effects: &Effects,
    questionnaire: Rc<Questionnaire>,
    imported: Option<Restored>,
    replaced: Option<crate::domain::saved::Snapshot>,
) -> Event {
    let loaded = storage::load(&questionnaire);
    *effects.saving.borrow_mut() = loaded.can_save;
    *effects.tracker.borrow_mut() = Some(loaded.tracker);
    storage::remember_last(&questionnaire.id);
    let lang = questionnaire.lang();
    let (restored, notice, imported) = match imported {
        Some(file) => {
            let mut text = match file.answers.len() {
                1 => lang
                    .t("Opened the saved assessment (1 answer).")
                    .to_string(),
                n => lang.f("Opened the saved assessment ({n} answers).", &[("n", &n)]),
            };
            if let Some(old) = &file.migrated_from {
                text.push(' ');
                text.push_str(&lang.f(
                    "It was made with version {old} of this questionnaire and was carried over to version {new}.",
                    &[("old", &outside(old, 20)), ("new", &questionnaire.version)],
                ));
            }
            if !file.dropped.is_empty() {
                text.push(' ');
                text.push_str(&lang.f(
                    "Not carried over: {what}.",
                    &[("what", &lang.summary(&file.dropped))],
                ));
            }
            (Some(file), Some(Notice::info(text)), true)
        }
        None => (loaded.restored, loaded.notice, loaded.migrated),
    };
    Event::Open {
        questionnaire,
        restored: restored.map(Box::new),
        notice,
        imported,
        assessment: storage::new_id(),
        replaced: replaced.map(Box::new),
    }
}

/// Opens imported answers at once when nothing different would be lost, or asks first when
/// this device (or the open assessment) holds other answers for that questionnaire.
pub fn offer_import(
    restored: Restored,
    latest: &RefCell<Option<Session>>,
    dispatch: &Dispatch,
    effects: &Effects,
) {
    let in_view = latest
        .borrow()
        .as_ref()
        .filter(|s| s.questionnaire.id == restored.questionnaire.id)
        .map(Session::snapshot);
    let current = in_view.or_else(|| storage::saved(&restored.questionnaire).map(|r| r.snapshot()));
    match import_replaces(current.as_ref(), &restored.snapshot()) {
        Some(replaces) => dispatch.dispatch(Event::AskImport(Box::new(PendingImport {
            restored,
            replaces,
        }))),
        None => open(
            dispatch,
            effects,
            Rc::clone(&restored.questionnaire),
            Some(restored),
            None,
        ),
    }
}

/// Saves the session: the tracker merges what another tab wrote since, moves unreadable data
/// aside, writes and checks the write.
pub fn save(session: &Session, effects: &Effects, dispatch: &Dispatch) {
    let q = &session.questionnaire;
    let lang = q.lang();
    let now = storage::now_iso();
    let filename = format!("{}-{}.json", q.id, now.get(..10).unwrap_or("answers"));
    let meta = SaveMeta {
        saved_at: now.clone(),
        assessment: Some(session.assessment.clone()),
        parent: None,
    };
    let snapshot = session.snapshot();
    // The rescue download holds the latest answers even when storage is off.
    super::rescue::remember(
        filename.clone(),
        crate::domain::saved::encode_snapshot(q, &snapshot, &meta),
    );
    if !effects.saving() {
        return;
    }
    let mut tracker = effects.tracker.borrow_mut();
    let Some(tracker) = tracker.as_mut().filter(|t| t.key == q.storage_key()) else {
        return;
    };
    match tracker.save(&mut Local, q, &snapshot, &meta) {
        Ok(saved) => {
            if let Some(merged) = saved.merged {
                super::rescue::remember(filename, saved.text);
                let notice = if saved.conflicts.is_empty() {
                    Notice::info(lang.t("Changes made in another tab were merged with yours."))
                } else {
                    Notice::info(lang.f(
                        "Another tab changed the same answers; this tab's answer was kept for: {items}.",
                        &[("items", &lang.summary(&saved.conflicts))],
                    ))
                };
                dispatch.dispatch(Event::Adopt {
                    snapshot: merged,
                    notice: Some(notice),
                    save: false,
                });
            }
            if saved.moved_aside.is_some() {
                dispatch.dispatch(Event::Notify(Notice::error(lang.t(
                    "Another copy of this assessment in this browser could not be read. It was kept (see \"Your data\" below) and your answers were saved.",
                ))));
            }
        }
        Err(refused) => {
            *effects.saving.borrow_mut() = false;
            dispatch.dispatch(Event::Notify(Notice::error(match refused {
                SaveRefused::Full => lang.t(
                    "This browser refused to store your answers (storage is full or disabled). You can keep working and save them to a file, but they will be lost when you close the page.",
                ),
                SaveRefused::CannotMoveAside => lang.t(
                    "Another copy of this assessment in this browser cannot be read and could not be kept aside, so saving is off to leave it untouched. Use \"Save to file\" to keep your answers.",
                ),
            })));
        }
    }
}

/// Another tab stored this assessment: show its answers here, merged with this tab's.
pub fn follow(
    event: &web_sys::StorageEvent,
    session: &Session,
    effects: &Effects,
    dispatch: &Dispatch,
) {
    let key = session.questionnaire.storage_key();
    if event.key().as_deref() != Some(key.as_str()) {
        return;
    }
    let Some(text) = event.new_value() else {
        return;
    };
    let mut tracker = effects.tracker.borrow_mut();
    let Some(tracker) = tracker.as_mut().filter(|t| t.key == key) else {
        return;
    };
    let lang = session.questionnaire.lang();
    let Some(incoming) = tracker.incoming(&session.questionnaire, &session.snapshot(), &text, lang)
    else {
        return;
    };
    let notice = if incoming.conflicts.is_empty() {
        Notice::info(
            lang.t("This assessment was changed in another tab; its answers are shown here too."),
        )
    } else {
        Notice::info(lang.f(
            "This assessment was changed in another tab; this tab's answer was kept for: {items}.",
            &[("items", &lang.summary(&incoming.conflicts))],
        ))
    };
    dispatch.dispatch(Event::Adopt {
        snapshot: incoming.merged,
        notice: Some(notice),
        save: incoming.needs_save,
    });
}

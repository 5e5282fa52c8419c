//! Browser storage and clock: the only place the widget touches localStorage or the date.

use gloo::storage::{LocalStorage, Storage};

use crate::domain::date::Date;
use crate::domain::saved::{self, Restored};
use crate::domain::session::{Notice, NoticeKind};
use crate::domain::Questionnaire;

/// Every key this widget writes starts with this prefix.
pub const PREFIX: &str = "aims-readiness:";
const LAST_OPENED: &str = "aims-readiness:last";

/// Today's date from the browser's clock, in local time.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

fn raw_get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn raw_set(key: &str, value: &str) -> bool {
    LocalStorage::raw().set_item(key, value).is_ok()
}

/// What storage held for a questionnaire, and whether saving over it is safe.
pub struct Loaded {
    pub restored: Option<Restored>,
    pub notice: Option<Notice>,
    /// False when unreadable data could not be moved aside: saving would destroy it.
    pub can_save: bool,
}

/// Reads what this browser holds for a questionnaire. Unreadable data is moved aside, never lost.
pub fn load(questionnaire: &Questionnaire) -> Loaded {
    let key = questionnaire.storage_key();
    let loaded = |restored, notice, can_save| Loaded {
        restored,
        notice,
        can_save,
    };
    let Some(text) = raw_get(&key) else {
        return loaded(None, None, true);
    };
    match saved::decode(&text, questionnaire) {
        Ok(restored) if restored.dropped.is_empty() => loaded(Some(restored), None, true),
        Ok(restored) => {
            let notice = Notice {
                kind: NoticeKind::Info,
                text: format!(
                    "Your saved answers were restored, except {}: {}.",
                    restored.dropped.len(),
                    restored.dropped.join("; ")
                ),
            };
            loaded(Some(restored), Some(notice), true)
        }
        Err(e) => {
            let backup = format!("{key}:unreadable");
            let kept = raw_set(&backup, &text);
            let text = if kept {
                format!("The answers saved in this browser could not be read: {e}. They were kept under \"{backup}\" and you are starting with a blank assessment.")
            } else {
                format!("The answers saved in this browser could not be read: {e}. They were left untouched and saving is off for now.")
            };
            let notice = Notice {
                kind: NoticeKind::Error,
                text,
            };
            loaded(None, Some(notice), kept)
        }
    }
}

/// Saves an assessment; `false` when the browser refuses (storage full or disabled).
pub fn save(questionnaire: &Questionnaire, text_of: impl FnOnce(&str) -> String) -> bool {
    raw_set(&questionnaire.storage_key(), &text_of(&now_iso()))
}

pub fn remember_last(id: &str) {
    raw_set(LAST_OPENED, id);
}

pub fn forget_last() {
    LocalStorage::delete(LAST_OPENED);
}

pub fn last_opened() -> Option<String> {
    raw_get(LAST_OPENED)
}

/// How many answers this browser holds for a questionnaire, for the start screen.
pub fn saved_answer_count(questionnaire: &Questionnaire) -> usize {
    raw_get(&questionnaire.storage_key())
        .and_then(|text| saved::decode(&text, questionnaire).ok())
        .map_or(0, |r| r.answers.len())
}

/// Every key this widget stored on this device, with the size of its value in characters.
pub fn stored_keys() -> Vec<(String, usize)> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<(String, usize)> = (0..count)
        .filter_map(|n| storage.key(n).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .map(|k| {
            let size = raw_get(&k).map_or(0, |v| v.chars().count());
            (k, size)
        })
        .collect();
    keys.sort();
    keys
}

/// Deletes every key this widget stored; returns how many were removed.
pub fn delete_everything() -> usize {
    let keys = stored_keys();
    for (key, _) in &keys {
        LocalStorage::delete(key);
    }
    keys.len()
}

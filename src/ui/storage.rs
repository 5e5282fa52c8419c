//! Browser storage and clock: the only place the widget touches localStorage or the date.
//!
//! Storage may be missing, disabled (sandboxed iframes, privacy modes), full or corrupted;
//! every function here degrades to "nothing stored" or `false` instead of failing.

use std::rc::Rc;

use crate::domain::date::Date;
use crate::domain::i18n::Lang;
use crate::domain::saved::{self, Restored, Source};
use crate::domain::session::Notice;
use crate::domain::sync::{move_aside, Store, Tracker};
use crate::domain::Questionnaire;

/// Every key this widget writes starts with this prefix.
pub const PREFIX: &str = "aims-readiness:";
const LAST_OPENED: &str = "aims-readiness:last";
const LANGUAGE: &str = "aims-readiness:language";

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

pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether this browser lets the widget store anything at all.
pub fn available() -> bool {
    storage().is_some()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a value; `false` when storage is missing, disabled or full.
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// This browser's localStorage as the domain's [`Store`].
pub struct Local;

impl Store for Local {
    fn get(&self, key: &str) -> Option<String> {
        get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> bool {
        set(key, value)
    }

    fn remove(&mut self, key: &str) {
        remove(key)
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|n| storage.key(n).ok().flatten())
            .collect()
    }
}

/// A fresh random id for a new assessment (not a secret: it only keeps calendar events apart).
pub fn new_id() -> String {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u32;
    format!("{:08x}{:08x}", part(), part())
}

/// What storage held for a questionnaire, and whether saving over it is safe.
pub struct Loaded {
    pub restored: Option<Restored>,
    /// Tracks the stored copy for later saves and other tabs' writes.
    pub tracker: Tracker,
    pub notice: Option<Notice>,
    /// False when unreadable data could not be moved aside (saving would destroy it) or
    /// when storage is unavailable.
    pub can_save: bool,
    /// The answers came from an older version's key: save them under this version at once.
    pub migrated: bool,
}

/// The newest readable save of an older version of this questionnaire, migrated to this one.
fn older_version(questionnaire: &Rc<Questionnaire>) -> Option<Restored> {
    let prefix = format!("{PREFIX}{}:", questionnaire.id);
    let mut candidates: Vec<Restored> = Local
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(&prefix) && !k.contains(":unreadable"))
        .filter_map(|k| get(&k))
        .filter_map(|t| {
            saved::decode(&t, std::slice::from_ref(questionnaire), Source::Storage).ok()
        })
        .filter(|r| r.migrated_from.is_some())
        .collect();
    candidates.sort_by(|a, b| a.saved_at.cmp(&b.saved_at));
    candidates.pop()
}

/// Reads what this browser holds for a questionnaire. Unreadable data is moved aside under a
/// dated key (the newest few are kept), never lost.
pub fn load(questionnaire: &Rc<Questionnaire>) -> Loaded {
    let lang = questionnaire.lang();
    let key = questionnaire.storage_key();
    if !available() {
        // The "saving is off" banner says so; no second notice repeats it.
        return Loaded {
            restored: None,
            tracker: Tracker::new(key, None, None),
            notice: None,
            can_save: false,
            migrated: false,
        };
    }
    let Some(text) = get(&key) else {
        // Nothing for this version: answers saved under an older version are carried over item
        // by item (and stay under their old key too).
        let older = older_version(questionnaire);
        let notice = older.as_ref().map(|r| {
            let from = r.migrated_from.clone().unwrap_or_default();
            let mut text = lang.f(
                "Your answers from version {old} of this questionnaire were carried over to version {new}.",
                &[("old", &from), ("new", &questionnaire.version)],
            );
            if !r.dropped.is_empty() {
                text.push(' ');
                text.push_str(&lang.f("Not carried over: {what}.", &[("what", &lang.summary(&r.dropped))]));
            }
            Notice::info(text)
        });
        return Loaded {
            migrated: older.is_some(),
            restored: older,
            tracker: Tracker::new(key, None, None),
            notice,
            can_save: true,
        };
    };
    match saved::decode(&text, std::slice::from_ref(questionnaire), Source::Storage) {
        Ok(restored) => {
            let notice = (!restored.dropped.is_empty()).then(|| {
                Notice::info(lang.f(
                    "Your saved answers were restored, except {n}: {what}.",
                    &[
                        ("n", &restored.dropped.len()),
                        ("what", &lang.summary(&restored.dropped)),
                    ],
                ))
            });
            Loaded {
                tracker: Tracker::new(key, Some(&text), Some(&restored)),
                restored: Some(restored),
                notice,
                can_save: true,
                migrated: false,
            }
        }
        Err(e) => {
            let now = now_iso();
            let kept = move_aside(&mut Local, &key, &text, &now);
            let message = if kept {
                lang.f("The answers saved in this browser could not be read: {why}. A copy was kept (see \"Your data\" below) and you are starting with a blank assessment.", &[("why", &e.message(lang))])
            } else {
                lang.f("The answers saved in this browser could not be read: {why}. They were left untouched and saving is off for now.", &[("why", &e.message(lang))])
            };
            Loaded {
                restored: None,
                // The unreadable text stays "known": a save replaces it only once it is copied.
                tracker: Tracker::new(key, kept.then_some(text.as_str()), None),
                notice: Some(Notice::error(message)),
                can_save: kept,
                migrated: false,
            }
        }
    }
}

pub fn remember_last(id: &str) {
    set(LAST_OPENED, id);
}

pub fn forget_last() {
    remove(LAST_OPENED);
}

/// Remembers the language the person chose, for their next visit.
pub fn remember_lang(lang: Lang) {
    set(LANGUAGE, lang.code());
}

/// The language chosen on an earlier visit, else the browser's first declared one we have.
pub fn preferred_lang() -> Option<Lang> {
    get(LANGUAGE)
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| {
            gloo::utils::window()
                .navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .find_map(|l| Lang::from_code(&l))
        })
}

pub fn last_opened() -> Option<String> {
    get(LAST_OPENED)
}

/// What this browser holds for a questionnaire, if it can be read.
pub fn saved(questionnaire: &Rc<Questionnaire>) -> Option<Restored> {
    get(&questionnaire.storage_key()).and_then(|text| {
        saved::decode(&text, std::slice::from_ref(questionnaire), Source::Storage).ok()
    })
}

/// How many answers this browser holds for a questionnaire, for the start screen.
pub fn saved_answer_count(questionnaire: &Rc<Questionnaire>) -> usize {
    saved(questionnaire).map_or(0, |r| r.answers.len())
}

/// Every key this widget stored on this device, with the size of its value in characters.
pub fn stored_keys() -> Vec<(String, usize)> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<(String, usize)> = (0..count)
        .filter_map(|n| storage.key(n).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .map(|k| {
            let size = get(&k).map_or(0, |v| v.chars().count());
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
        remove(key);
    }
    keys.len()
}

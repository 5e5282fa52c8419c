//! Browser storage and clock: the only place the widget touches localStorage or the date.
//!
//! Storage may be missing, disabled (sandboxed iframes, privacy modes), full or corrupted;
//! every function here degrades to "nothing stored" or `false` instead of failing.

use crate::domain::app::runtime::PREFIX;
use crate::domain::app::sync::Store;
use crate::domain::model::date::Date;
use crate::domain::model::i18n::Lang;

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

    fn available(&self) -> bool {
        available()
    }
}

/// A fresh random id for a new assessment (not a secret: it only keeps calendar events apart).
pub fn new_id() -> String {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u32;
    format!("{:08x}{:08x}", part(), part())
}

/// The browser's first declared language that the widget has.
pub fn browser_lang() -> Option<Lang> {
    gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .find_map(|l| Lang::from_code(&l))
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
    crate::domain::model::order::sort(&mut keys);
    keys
}

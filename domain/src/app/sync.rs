//! Keeping one assessment in step with storage that several tabs share: every save re-reads,
//! merges and writes in one step and re-checks after writing; what another tab wrote is merged
//! against the version that tab started from; unreadable data is moved aside, never overwritten.
//!
//! Storage is reached through the [`Store`] trait, so the whole protocol runs natively in tests
//! against an in-memory store (including two "tabs" writing at the same moment); the shell
//! implements it over `localStorage`.

use std::rc::Rc;

use crate::formats::saved::{self, fingerprint, merge, Restored, SaveMeta, Snapshot, Source};
use crate::model::i18n::Lang;
use crate::model::questionnaire::Questionnaire;

/// A key-value store of strings, as `localStorage` is. Writes may fail (full, disabled).
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> bool;
    fn remove(&mut self, key: &str);
    /// Every key, in any order.
    fn keys(&self) -> Vec<String>;
    /// Whether the browser offers this store at all (not disabled, sandboxed or private).
    fn available(&self) -> bool {
        true
    }
}

/// One store shared by several users of it, as tabs share `localStorage`.
impl<S: Store> Store for std::rc::Rc<std::cell::RefCell<S>> {
    fn get(&self, key: &str) -> Option<String> {
        self.borrow().get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> bool {
        self.borrow_mut().set(key, value)
    }

    fn remove(&mut self, key: &str) {
        self.borrow_mut().remove(key)
    }

    fn keys(&self) -> Vec<String> {
        self.borrow().keys()
    }

    fn available(&self) -> bool {
        self.borrow().available()
    }
}

/// How many backups of unreadable data are kept per assessment (the newest ones).
pub const BACKUPS_KEPT: usize = 5;

/// How many snapshots a tab remembers as possible merge bases.
const REMEMBERED: usize = 8;

/// The key under which unreadable data of `key` is kept, stamped with the time it was moved.
pub fn backup_key(key: &str, now: &str) -> String {
    format!("{key}:unreadable:{now}")
}

/// The backups of `key` in the store, oldest first (the stamp sorts by time). The single
/// undated backup older versions made (`<key>:unreadable`) counts as the oldest.
pub fn backups(store: &impl Store, key: &str) -> Vec<String> {
    let prefix = format!("{key}:unreadable");
    let mut found: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k == &prefix || k.starts_with(&format!("{prefix}:")))
        .collect();
    crate::model::order::sort(&mut found);
    found
}

/// Moves unreadable `text` of `key` aside under a new dated key, then drops the oldest backups
/// beyond [`BACKUPS_KEPT`]. False when the store refused the copy: then nothing may overwrite it.
pub fn move_aside(store: &mut impl Store, key: &str, text: &str, now: &str) -> bool {
    // The same unreadable text seen again (another tab, a reload) is already kept.
    if backups(store, key)
        .iter()
        .any(|b| store.get(b).as_deref() == Some(text))
    {
        return true;
    }
    let mut backup = backup_key(key, now);
    // Two moves in the same millisecond must not overwrite each other.
    let mut n = 1;
    while store.get(&backup).is_some_and(|b| b != text) {
        n += 1;
        backup = format!("{}-{n}", backup_key(key, now));
    }
    if !store.set(&backup, text) || store.get(&backup).as_deref() != Some(text) {
        return false;
    }
    let all = backups(store, key);
    for old in &all[..all.len().saturating_sub(BACKUPS_KEPT)] {
        store.remove(old);
    }
    true
}

/// What one tab knows of the stored copy of its assessment.
#[derive(Clone, Debug)]
pub struct Tracker {
    pub key: String,
    /// The stored text as this tab last read or wrote it.
    text: Option<String>,
    /// Snapshots this tab read or wrote, by fingerprint of their text, newest last: the merge
    /// bases for what another tab writes.
    seen: Vec<(String, Snapshot)>,
}

/// Why a save did not reach storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveRefused {
    /// The store refused the write (full or disabled).
    Full,
    /// Unreadable data is in the way and could not be moved aside: saving would destroy it.
    CannotMoveAside,
}

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The snapshot now stored, when it differs from the one given (another tab's changes were
    /// merged in): the tab should show it.
    pub merged: Option<Snapshot>,
    /// Items both tabs changed differently (this tab's answer was kept).
    pub conflicts: Vec<String>,
    /// Unreadable data that was moved aside first, under this key.
    pub moved_aside: Option<String>,
    /// The exact text stored (also what a rescue download holds).
    pub text: String,
}

/// What another tab's write means for this one.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    /// This tab's state with the other tab's changes merged in.
    pub merged: Snapshot,
    pub conflicts: Vec<String>,
    /// The merge kept changes of this tab that the stored copy lacks: save again.
    pub needs_save: bool,
}

impl Tracker {
    /// A tracker for `key`, starting from what was read there (if it could be read).
    pub fn new(key: String, text: Option<&str>, read: Option<&Restored>) -> Tracker {
        let mut tracker = Tracker {
            key,
            text: text.map(str::to_string),
            seen: Vec::new(),
        };
        if let (Some(text), Some(read)) = (text, read) {
            tracker.remember(fingerprint(text), read.snapshot());
        }
        tracker
    }

    fn remember(&mut self, print: String, snapshot: Snapshot) {
        self.seen.retain(|(p, _)| *p != print);
        self.seen.push((print, snapshot));
        if self.seen.len() > REMEMBERED {
            self.seen.remove(0);
        }
    }

    /// The base to merge another tab's write against: the text that tab started from if this
    /// tab knows it, else the oldest snapshot this tab remembers (which keeps the most of this
    /// tab's changes), else nothing.
    fn base_for(&self, parent: Option<&str>) -> Snapshot {
        parent
            .and_then(|p| self.seen.iter().find(|(print, _)| print == p))
            .or_else(|| self.seen.first())
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }

    /// Saves `ours` under the tracker's key: re-reads what is stored, merges what another tab
    /// wrote since, moves unreadable data aside, writes, and reads back to make sure no other
    /// write slipped in between (then merges again, a few times at most).
    pub fn save(
        &mut self,
        store: &mut impl Store,
        q: &Rc<Questionnaire>,
        ours: &Snapshot,
        meta: &SaveMeta,
    ) -> Result<Saved, SaveRefused> {
        let lang = q.lang();
        let mut current = ours.clone();
        let mut conflicts = Vec::new();
        let mut moved_aside = None;
        let mut text = String::new();
        for _ in 0..4 {
            let stored = store.get(&self.key);
            let parent = match stored.as_deref() {
                None => None,
                Some(t) if Some(t) == self.text.as_deref() => Some(fingerprint(t)),
                Some(t) => match saved::decode(t, std::slice::from_ref(q), Source::Storage) {
                    Ok(theirs) => {
                        let base = self.base_for(theirs.parent.as_deref());
                        let their_snapshot = theirs.snapshot();
                        let (merged, found) = merge(&base, &current, &their_snapshot, lang);
                        conflicts.extend(found);
                        self.remember(fingerprint(t), their_snapshot.clone());
                        current = merged;
                        if current == their_snapshot {
                            // Nothing of ours is missing there: adopt it as it is.
                            self.text = Some(t.to_string());
                            return Ok(Saved {
                                merged: (current != *ours).then_some(current),
                                conflicts,
                                moved_aside,
                                text: t.to_string(),
                            });
                        }
                        Some(fingerprint(t))
                    }
                    Err(_) => {
                        if !move_aside(store, &self.key, t, &meta.saved_at) {
                            return Err(SaveRefused::CannotMoveAside);
                        }
                        moved_aside = Some(backup_key(&self.key, &meta.saved_at));
                        None
                    }
                },
            };
            let meta = SaveMeta {
                parent,
                ..meta.clone()
            };
            text = saved::encode_snapshot(q, &current, &meta);
            if !store.set(&self.key, &text) {
                return Err(SaveRefused::Full);
            }
            if store.get(&self.key).as_deref() == Some(text.as_str()) {
                self.text = Some(text.clone());
                self.remember(fingerprint(&text), current.clone());
                return Ok(Saved {
                    merged: (current != *ours).then_some(current),
                    conflicts,
                    moved_aside,
                    text,
                });
            }
        }
        // Another writer kept slipping in: what we wrote last is stored or merged by them.
        self.text = Some(text.clone());
        Ok(Saved {
            merged: (current != *ours).then_some(current),
            conflicts,
            moved_aside,
            text,
        })
    }

    /// Another tab stored `text` under this key: merges it into `ours`. `None` when it is what
    /// this tab already knows, or unreadable (the next save moves it aside).
    pub fn incoming(
        &mut self,
        q: &Rc<Questionnaire>,
        ours: &Snapshot,
        text: &str,
        lang: Lang,
    ) -> Option<Incoming> {
        if Some(text) == self.text.as_deref() {
            return None;
        }
        let theirs = saved::decode(text, std::slice::from_ref(q), Source::Storage).ok()?;
        let base = self.base_for(theirs.parent.as_deref());
        let their_snapshot = theirs.snapshot();
        let (merged, conflicts) = merge(&base, ours, &their_snapshot, lang);
        self.remember(fingerprint(text), their_snapshot.clone());
        self.text = Some(text.to_string());
        Some(Incoming {
            needs_save: merged != their_snapshot,
            merged,
            conflicts,
        })
    }
}

/// An in-memory [`Store`] for tests and tools.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub entries: std::collections::BTreeMap<String, String>,
    /// Refuse writes (a full or disabled store).
    pub full: bool,
    /// No store at all (disabled, sandboxed): reads find nothing, writes fail.
    pub unavailable: bool,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).filter(|_| !self.unavailable).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> bool {
        if self.full || self.unavailable {
            return false;
        }
        self.entries.insert(key.to_string(), value.to_string());
        true
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    fn available(&self) -> bool {
        !self.unavailable
    }
}

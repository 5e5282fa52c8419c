//! Carries out the app's storage commands over any `sync::Store`: opening a questionnaire with
//! what storage holds (older versions carried over, unreadable data moved aside), saving with
//! the multi-tab protocol, following other tabs, and the remembered language and questionnaire.
//! The shell runs it over localStorage; tests run the very same code over memory.

use std::rc::Rc;

use crate::app::open::{Found, Opened};
use crate::app::sync::{move_aside, Incoming, Store, Tracker};
use crate::app::{device, import, open, AppState, Event, Storage, StoreCommand};
use crate::formats::saved::{self, Restored, SaveMeta, Snapshot, Source};
use crate::model::i18n::Lang;
use crate::model::questionnaire::Questionnaire;

/// Every key this widget writes starts with this prefix.
pub const PREFIX: &str = "aims-readiness:";
/// The questionnaire used last (a returning visitor resumes it).
pub const LAST_OPENED: &str = "aims-readiness:last";
/// The language the person chose.
pub const LANGUAGE: &str = "aims-readiness:language";

/// The storage side of the app: the store, and what the open assessment's tracker knows of it.
pub struct Runtime<S: Store> {
    pub store: S,
    tracker: Option<Tracker>,
    /// The current time, ISO 8601 (stamps saves and backups).
    now: fn() -> String,
    /// A fresh id for a new assessment.
    new_id: fn() -> String,
}

/// What storage held for a questionnaire, and whether saving over it is safe.
struct Loaded {
    restored: Option<Restored>,
    found: Found,
    storage: Storage,
}

impl<S: Store> Runtime<S> {
    pub fn new(store: S, now: fn() -> String, new_id: fn() -> String) -> Runtime<S> {
        Runtime {
            store,
            tracker: None,
            now,
            new_id,
        }
    }

    /// Carries out a storage command and returns the events it answers with.
    pub fn perform(&mut self, state: &AppState, command: StoreCommand) -> Vec<Event> {
        match command {
            StoreCommand::Open {
                questionnaire,
                imported,
                replaced,
            } => vec![self.open(questionnaire, imported.map(|r| *r), replaced.map(|r| *r))],
            StoreCommand::Save => self.save(state).into_iter().collect(),
            StoreCommand::LookUp(restored) => {
                let stored =
                    saved(&self.store, &restored.questionnaire).map(|r| Box::new(r.snapshot()));
                vec![import::Event::Offer { restored, stored }.into()]
            }
            StoreCommand::Follow(text) => self.follow(state, &text).into_iter().collect(),
            StoreCommand::RememberLang(lang) => {
                self.store.set(LANGUAGE, lang.code());
                Vec::new()
            }
            StoreCommand::ForgetLast => {
                self.store.remove(LAST_OPENED);
                Vec::new()
            }
            StoreCommand::Survey => {
                let counts = crate::formats::catalogue::offered(&state.questionnaires())
                    .iter()
                    .map(|q| {
                        (
                            q.id.clone(),
                            saved(&self.store, q).map_or(0, |r| r.answers.len()),
                        )
                    })
                    .collect();
                vec![device::Event::Surveyed(counts).into()]
            }
            StoreCommand::DeleteEverything => {
                let keys: Vec<String> = self
                    .store
                    .keys()
                    .into_iter()
                    .filter(|k| k.starts_with(PREFIX))
                    .collect();
                for key in &keys {
                    self.store.remove(key);
                }
                self.tracker = None;
                vec![device::Event::Deleted(keys.len()).into()]
            }
        }
    }

    /// The language chosen on an earlier visit.
    pub fn stored_lang(&self) -> Option<Lang> {
        self.store
            .get(LANGUAGE)
            .and_then(|code| Lang::from_code(&code))
    }

    pub fn last_opened(&self) -> Option<String> {
        self.store.get(LAST_OPENED)
    }

    fn open(
        &mut self,
        questionnaire: Rc<Questionnaire>,
        imported: Option<Restored>,
        replaced: Option<Snapshot>,
    ) -> Event {
        let loaded = self.load(&questionnaire);
        self.store.set(LAST_OPENED, &questionnaire.id);
        let (restored, found) = match imported {
            Some(file) => (Some(file), Found::Imported),
            None => (loaded.restored, loaded.found),
        };
        open::Event::Opened(Box::new(Opened {
            questionnaire,
            restored,
            found,
            storage: loaded.storage,
            assessment: (self.new_id)(),
            replaced,
        }))
        .into()
    }

    /// Reads what the store holds for a questionnaire and starts tracking it. Unreadable data
    /// is moved aside under a dated key (the newest few are kept), never lost.
    fn load(&mut self, questionnaire: &Rc<Questionnaire>) -> Loaded {
        let key = questionnaire.storage_key();
        let nothing = |storage| Loaded {
            restored: None,
            found: Found::Nothing,
            storage,
        };
        if !self.store.available() {
            // The "saving is off" banner says so; no second notice repeats it.
            self.tracker = Some(Tracker::new(key, None, None));
            return nothing(Storage::Unavailable);
        }
        let Some(text) = self.store.get(&key) else {
            // Nothing for this version: answers saved under an older version are carried over
            // item by item (and stay under their old key too).
            self.tracker = Some(Tracker::new(key, None, None));
            let older = self.older_version(questionnaire);
            return Loaded {
                found: match older {
                    Some(_) => Found::CarriedOver,
                    None => Found::Nothing,
                },
                restored: older,
                storage: Storage::On,
            };
        };
        match saved::decode(&text, std::slice::from_ref(questionnaire), Source::Storage) {
            Ok(restored) => {
                self.tracker = Some(Tracker::new(key, Some(&text), Some(&restored)));
                Loaded {
                    restored: Some(restored),
                    found: Found::Stored,
                    storage: Storage::On,
                }
            }
            Err(why) => {
                let kept = move_aside(&mut self.store, &key, &text, &(self.now)());
                // The unreadable text stays "known": a save replaces it only once it is copied.
                self.tracker = Some(Tracker::new(key, kept.then_some(text.as_str()), None));
                Loaded {
                    found: Found::Unreadable { why, kept },
                    ..nothing(if kept { Storage::On } else { Storage::Blocked })
                }
            }
        }
    }

    /// The newest readable save of an older version of this questionnaire, migrated to this one.
    fn older_version(&self, questionnaire: &Rc<Questionnaire>) -> Option<Restored> {
        let prefix = format!("{PREFIX}{}:", questionnaire.id);
        let mut candidates: Vec<Restored> = self
            .store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix) && !k.contains(":unreadable"))
            .filter_map(|k| self.store.get(&k))
            .filter_map(|t| {
                saved::decode(&t, std::slice::from_ref(questionnaire), Source::Storage).ok()
            })
            .filter(|r| r.migrated_from.is_some())
            .collect();
        crate::model::order::sort_by(&mut candidates, |a, b| a.saved_at.cmp(&b.saved_at));
        candidates.pop()
    }

    /// Saves the open assessment: the tracker merges what another tab wrote since, moves
    /// unreadable data aside, writes and checks the write.
    fn save(&mut self, state: &AppState) -> Option<Event> {
        let session = state.flow.session.as_ref().filter(|_| state.saving())?;
        let q = &session.questionnaire;
        let tracker = self.tracker.as_mut().filter(|t| t.key == q.storage_key())?;
        let meta = SaveMeta {
            saved_at: (self.now)(),
            assessment: Some(session.assessment.clone()),
            parent: None,
        };
        match tracker.save(&mut self.store, q, &session.snapshot(), &meta) {
            Ok(saved) if saved.merged.is_none() && saved.moved_aside.is_none() => None,
            Ok(saved) => Some(
                device::Event::Saved {
                    merged: saved.merged.map(|merged| {
                        Box::new(Incoming {
                            merged,
                            conflicts: saved.conflicts,
                            needs_save: false,
                        })
                    }),
                    moved_aside: saved.moved_aside.is_some(),
                }
                .into(),
            ),
            Err(refused) => Some(device::Event::SaveRefused(refused).into()),
        }
    }

    /// Another tab stored the open assessment: its answers, merged with this tab's.
    fn follow(&mut self, state: &AppState, text: &str) -> Option<Event> {
        let session = state.flow.session.as_ref()?;
        let q = &session.questionnaire;
        let tracker = self.tracker.as_mut().filter(|t| t.key == q.storage_key())?;
        let incoming = tracker.incoming(q, &session.snapshot(), text, q.lang())?;
        Some(device::Event::Followed(Box::new(incoming)).into())
    }
}

/// What `store` holds for a questionnaire, if it can be read.
pub fn saved(store: &impl Store, questionnaire: &Rc<Questionnaire>) -> Option<Restored> {
    let text = store.get(&questionnaire.storage_key())?;
    saved::decode(&text, std::slice::from_ref(questionnaire), Source::Storage).ok()
}

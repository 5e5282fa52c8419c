//! Carries out the app's storage commands over any `sync::Store`: opening a questionnaire with
//! what storage holds (older versions carried over, unreadable data moved aside), saving with
//! the multi-tab protocol, following other tabs, and the remembered language and questionnaire.
//! The shell runs it over localStorage; tests run the very same code over memory.

use crate::app::flow;
use std::rc::Rc;

use crate::app::session::Notice;
use crate::app::sync::{move_aside, Incoming, Store, Tracker};
use crate::app::{device, import, open, AppState, Event, Storage, StoreCommand};
use crate::formats::saved::{self, Restored, SaveMeta, Snapshot, Source};
use crate::model::i18n::{msg, outside, Lang};
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
    notice: Option<Notice>,
    storage: Storage,
    /// The answers came from an older version's key: save them under this version at once.
    migrated: bool,
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
        let (restored, notice, imported) = match imported {
            Some(file) => {
                let notice = Notice::info(opened_text(&questionnaire, &file));
                (Some(file), Some(notice), true)
            }
            None => (loaded.restored, loaded.notice, loaded.migrated),
        };
        let open = flow::Event::Open {
            questionnaire,
            restored: restored.map(Box::new),
            notice,
            imported,
            assessment: (self.new_id)(),
            replaced: replaced.map(Box::new),
        };
        open::Event::Opened {
            open: Box::new(open),
            storage: loaded.storage,
        }
        .into()
    }

    /// Reads what the store holds for a questionnaire and starts tracking it. Unreadable data
    /// is moved aside under a dated key (the newest few are kept), never lost.
    fn load(&mut self, questionnaire: &Rc<Questionnaire>) -> Loaded {
        let lang = questionnaire.lang();
        let key = questionnaire.storage_key();
        let nothing = |storage| Loaded {
            restored: None,
            notice: None,
            storage,
            migrated: false,
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
                notice: older
                    .as_ref()
                    .map(|r| Notice::info(carried_over_text(questionnaire, r))),
                migrated: older.is_some(),
                restored: older,
                storage: Storage::On,
            };
        };
        match saved::decode(&text, std::slice::from_ref(questionnaire), Source::Storage) {
            Ok(restored) => {
                let notice = (!restored.dropped.is_empty()).then(|| {
                    Notice::info(lang.f(
                        msg!("Your saved answers were restored, except {n}: {what}."),
                        &[
                            ("n", &restored.dropped.len()),
                            ("what", &lang.summary(&restored.dropped)),
                        ],
                    ))
                });
                self.tracker = Some(Tracker::new(key, Some(&text), Some(&restored)));
                Loaded {
                    restored: Some(restored),
                    notice,
                    storage: Storage::On,
                    migrated: false,
                }
            }
            Err(e) => {
                let kept = move_aside(&mut self.store, &key, &text, &(self.now)());
                let why = e.message(lang);
                let message = if kept {
                    lang.f(msg!("The answers saved in this browser could not be read: {why}. A copy was kept (see \"Your data\" below) and you are starting with a blank assessment."), &[("why", &why)])
                } else {
                    lang.f(msg!("The answers saved in this browser could not be read: {why}. They were left untouched and saving is off for now."), &[("why", &why)])
                };
                // The unreadable text stays "known": a save replaces it only once it is copied.
                self.tracker = Some(Tracker::new(key, kept.then_some(text.as_str()), None));
                Loaded {
                    notice: Some(Notice::error(message)),
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

/// "Opened the saved assessment (12 answers)", with what a migration changed.
fn opened_text(questionnaire: &Questionnaire, file: &Restored) -> String {
    let lang = questionnaire.lang();
    let mut text = match file.answers.len() {
        1 => lang
            .t(msg!("Opened the saved assessment (1 answer)."))
            .to_string(),
        n => lang.f(
            msg!("Opened the saved assessment ({n} answers)."),
            &[("n", &n)],
        ),
    };
    if let Some(old) = &file.migrated_from {
        text.push(' ');
        text.push_str(&lang.f(
            msg!("It was made with version {old} of this questionnaire and was carried over to version {new}."),
            &[("old", &outside(old, 20)), ("new", &questionnaire.version)],
        ));
    }
    not_carried_over(&mut text, &file.dropped, lang);
    text
}

/// Appends what a migration could not carry over, if anything.
fn not_carried_over(text: &mut String, dropped: &[String], lang: Lang) {
    if !dropped.is_empty() {
        text.push(' ');
        text.push_str(&lang.f(
            msg!("Not carried over: {what}."),
            &[("what", &lang.summary(dropped))],
        ));
    }
}

/// "Your answers from version 1.0.0 were carried over to version 2.0.0", with what was not.
fn carried_over_text(questionnaire: &Questionnaire, older: &Restored) -> String {
    let lang = questionnaire.lang();
    let from = older.migrated_from.clone().unwrap_or_default();
    let mut text = lang.f(
        msg!("Your answers from version {old} of this questionnaire were carried over to version {new}."),
        &[("old", &from), ("new", &questionnaire.version)],
    );
    not_carried_over(&mut text, &older.dropped, lang);
    text
}

//! This browser's storage as the app sees it: saves that went through or were refused, another
//! tab's writes followed, the start screen's survey, deleting everything and kept copies.

use crate::app::flow;
use std::rc::Rc;

use crate::app::session::{Notice, State};
use crate::app::sync::{Incoming, SaveRefused};
use crate::app::{navigate, notify, AppState, Commands, ShellCommand, Storage, StoreCommand};
use crate::model::i18n::{msg, plural, Lang};

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A save went through ([`StoreCommand::Save`]): what another tab wrote was merged in
    /// (`merged`), unreadable data was moved aside first (`moved_aside`).
    Saved {
        merged: Option<Box<Incoming>>,
        moved_aside: bool,
    },
    SaveRefused(SaveRefused),
    /// Another tab wrote this key (`None`: removed it).
    Changed {
        key: String,
        text: Option<String>,
    },
    /// The runtime merged another tab's write ([`StoreCommand::Follow`]).
    Followed(Box<Incoming>),
    /// What the runtime found stored: answers per questionnaire id ([`StoreCommand::Survey`]).
    Surveyed(std::collections::BTreeMap<String, usize>),
    /// "Delete everything stored on this device", confirmed.
    DeleteEverything,
    /// The runtime deleted this many stored entries.
    Deleted(usize),
    /// Download the stored entry with this key as a file (a kept copy that could not be read).
    DownloadBackup(String),
}

pub(crate) fn update(state: &AppState, next: &mut AppState, event: Event, commands: &mut Commands) {
    let lang = state.message_lang();
    match event {
        Event::Saved {
            merged,
            moved_aside,
        } => saved(next, merged, moved_aside, lang),
        Event::SaveRefused(refused) => {
            let (storage, text) = match refused {
                SaveRefused::Full => (Storage::Full, lang.t(
                    msg!("This browser refused to store your answers (storage is full or disabled). You can keep working and save them to a file, but they will be lost when you close the page."),
                )),
                SaveRefused::CannotMoveAside => (Storage::Blocked, lang.t(
                    msg!("Another copy of this assessment in this browser cannot be read and could not be kept aside, so saving is off to leave it untouched. Use \"Save to file\" to keep your answers."),
                )),
            };
            next.storage = storage;
            notify(next, Notice::error(text));
        }
        Event::Changed { key, text } => {
            let open = state
                .flow
                .session
                .as_ref()
                .map(|s| s.questionnaire.storage_key());
            if let (Some(text), true) = (text, open.as_ref() == Some(&key)) {
                commands.push(StoreCommand::Follow(text));
            }
        }
        Event::Followed(incoming) => {
            let notice = if incoming.conflicts.is_empty() {
                Notice::info(lang.t(msg!(
                    "This assessment was changed in another tab; its answers are shown here too."
                )))
            } else {
                Notice::info(lang.f(
                    msg!("This assessment was changed in another tab; this tab's answer was kept for: {items}."),
                    &[("items", &lang.summary(&incoming.conflicts))],
                ))
            };
            let save = incoming.needs_save;
            next.flow = adopt(&next.flow, *incoming, notice, save);
        }
        Event::Surveyed(counts) => next.saved_counts = Rc::new(counts),
        Event::DeleteEverything => commands.push(StoreCommand::DeleteEverything),
        Event::Deleted(removed) => {
            commands.push(StoreCommand::Survey);
            next.flow = flow::transition(&next.flow, navigate::Event::Leave);
            next.team = None;
            next.compared = None;
            notify(
                next,
                Notice::info(lang.n(
                    removed as u64,
                    plural!(
                        "Deleted everything this widget stored on this device ({n} item).",
                        "Deleted everything this widget stored on this device ({n} items)."
                    ),
                    &[],
                )),
            );
        }
        Event::DownloadBackup(key) => commands.push(ShellCommand::DownloadStored(key)),
    }
}

/// A save went through: another tab's changes merged in are shown; a copy that could not be
/// read was kept aside first.
fn saved(next: &mut AppState, merged: Option<Box<Incoming>>, moved_aside: bool, lang: Lang) {
    if let Some(incoming) = merged {
        let notice = if incoming.conflicts.is_empty() {
            Notice::info(lang.t(msg!("Changes made in another tab were merged with yours.")))
        } else {
            Notice::info(lang.f(
                msg!("Another tab changed the same answers; this tab's answer was kept for: {items}."),
                &[("items", &lang.summary(&incoming.conflicts))],
            ))
        };
        next.flow = adopt(&next.flow, *incoming, notice, false);
    }
    if moved_aside {
        notify(next, Notice::error(lang.t(
            msg!("Another copy of this assessment in this browser could not be read. It was kept (see \"Your data\" below) and your answers were saved."),
        )));
    }
}

fn adopt(flow: &State, incoming: Incoming, notice: Notice, save: bool) -> State {
    flow::transition(
        flow,
        flow::Event::Adopt {
            snapshot: Box::new(incoming.merged),
            notice: Some(notice),
            save,
        },
    )
}

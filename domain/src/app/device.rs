//! This browser's storage as the app sees it: saves that went through or were refused, another
//! tab's writes followed, the start screen's survey, deleting everything and kept copies.

use crate::app::flow;
use std::rc::Rc;

use crate::app::said::Device;
use crate::app::session::{Notice, State};
use crate::app::sync::{Incoming, SaveRefused};
use crate::app::{navigate, notify, AppState, Commands, ShellCommand, Storage, StoreCommand};

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
    match event {
        Event::Saved {
            merged,
            moved_aside,
        } => saved(next, merged, moved_aside),
        Event::SaveRefused(refused) => {
            next.storage = match refused {
                SaveRefused::Full => Storage::Full,
                SaveRefused::CannotMoveAside => Storage::Blocked,
            };
            notify(next, Notice::error(Device::Refused(refused)));
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
            let notice = Notice::info(Device::Followed(incoming.conflicts.clone()));
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
            notify(next, Notice::info(Device::Deleted(removed)));
        }
        Event::DownloadBackup(key) => commands.push(ShellCommand::DownloadStored(key)),
    }
}

/// A save went through: another tab's changes merged in are shown; a copy that could not be
/// read was kept aside first.
fn saved(next: &mut AppState, merged: Option<Box<Incoming>>, moved_aside: bool) {
    if let Some(incoming) = merged {
        let notice = Notice::info(Device::Merged(incoming.conflicts.clone()));
        next.flow = adopt(&next.flow, *incoming, notice, false);
    }
    if moved_aside {
        notify(next, Notice::error(Device::MovedAside));
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

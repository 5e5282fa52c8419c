//! What goes out and comes back read-only: share links (opened over everything, imported or
//! closed), the comparison with an earlier save, and the files the person downloads.

use std::rc::Rc;

use crate::app::said::Sharing;
use crate::app::session::Notice;
use crate::app::{notify, AppState, Commands, ShellCommand, StoreCommand};
use crate::formats::export::Export;
use crate::formats::share;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The address bar holds this fragment (at start, or a link pasted later).
    Link(String),
    /// Make the shared results the person's own assessment (asking first if that replaces
    /// answers).
    Import,
    Close,
    CloseComparison,
    Export(Export),
    /// Hand a file to the system's share sheet.
    Share(Export),
    /// The browser refused to create a download.
    DownloadRefused,
    /// The save file was handed to the browser under this name.
    SaveFileDownloaded(String),
}

pub(crate) fn update(state: &AppState, next: &mut AppState, event: Event, commands: &mut Commands) {
    match event {
        Event::Link(fragment) => link(state, next, &fragment, commands),
        Event::Import => {
            if let Some(view) = next.shared.take() {
                commands.push(ShellCommand::ClearFragment);
                commands.push(StoreCommand::LookUp(Box::new((*view).clone())));
            }
        }
        Event::Close => {
            next.shared = None;
            commands.push(ShellCommand::ClearFragment);
        }
        Event::CloseComparison => next.compared = None,
        Event::Export(export) => {
            if state.flow.session.is_some() {
                commands.push(ShellCommand::Download(export));
            }
        }
        Event::Share(export) => {
            if state.flow.session.is_some() {
                commands.push(ShellCommand::Share(export));
            }
        }
        Event::DownloadRefused => notify(next, Notice::error(Sharing::DownloadRefused)),
        Event::SaveFileDownloaded(name) => notify(next, Notice::info(Sharing::SavedAs(name))),
    }
}

/// A share link opens read-only over everything; a broken one says why and is cleared.
fn link(state: &AppState, next: &mut AppState, fragment: &str, commands: &mut Commands) {
    if !fragment.starts_with(&format!("#{}", share::PREFIX)) {
        return;
    }
    match share::decode(fragment, &state.questionnaires()) {
        Ok(restored) => {
            if let Some(old) = &restored.migrated_from {
                let new = restored.questionnaire.version.clone();
                let said = Sharing::LinkCarriedOver {
                    old: old.clone(),
                    new,
                };
                notify(next, Notice::info(said));
            }
            next.shared = Some(Rc::new(restored));
        }
        Err(e) => {
            commands.push(ShellCommand::ClearFragment);
            notify(next, Notice::error(Sharing::LinkRefused(e)));
        }
    }
}

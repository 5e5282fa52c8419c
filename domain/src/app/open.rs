//! Opening an assessment: the page's start (the host's questionnaire, else the last one), a
//! choice on the start screen, the questionnaires' arrival, and storage's answer with what it
//! holds.

use crate::app::flow;
use std::rc::Rc;

use crate::app::said::Open;
use crate::app::session::Notice;
use crate::app::session::Screen;
use crate::app::{opening, show, AppState, Commands, Library, ShellCommand, Storage, StoreCommand};
use crate::formats::catalogue;
use crate::formats::saved::{Restored, SavedError, Snapshot};
use crate::model::questionnaire::Questionnaire;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The page starts: open the questionnaire the host asked for, else the one used last.
    Start {
        asked: Option<String>,
        last: Option<String>,
    },
    /// The person chose the questionnaire with this id and version on the start screen (from
    /// its head: the shell sends it once the library is complete).
    Pick { id: String, version: String },
    /// The questionnaires of a first visit arrived after the start: the library they complete.
    Arrived(Rc<Library>),
    /// Storage was read for a questionnaire (the runtime's answer to [`StoreCommand::Open`]).
    Opened(Box<Opened>),
}

/// What the runtime found when it opened a questionnaire: data, worded here.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub questionnaire: Rc<Questionnaire>,
    /// The answers to open (stored, carried over from an older version, or a file's).
    pub restored: Option<Restored>,
    pub found: Found,
    pub storage: Storage,
    /// A fresh id, for an assessment that has none yet.
    pub assessment: String,
    /// What an import replaced (offered for undo).
    pub replaced: Option<Snapshot>,
}

/// Where the answers being opened came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// Nothing stored (or no storage): a blank assessment.
    Nothing,
    /// This browser's save of this version (some answers may no longer fit: `dropped`).
    Stored,
    /// No save of this version, but one of an older version, carried over.
    CarriedOver,
    /// A file or link the person chose to open.
    Imported,
    /// A save that cannot be read: kept aside (`kept`), or left untouched with saving off.
    Unreadable { why: SavedError, kept: bool },
}

pub(crate) fn update(state: &AppState, next: &mut AppState, event: Event, commands: &mut Commands) {
    match event {
        Event::Start { asked, last } => {
            commands.push(StoreCommand::Survey);
            let offered = catalogue::offered(&state.questionnaires());
            let find = |id: &String| offered.iter().find(|q| &q.id == id);
            if let Some(id) = asked.as_ref().filter(|id| find(id).is_none()) {
                commands.push(ShellCommand::Warn(unknown_questionnaire(id, &offered)));
            }
            if let Some(q) = asked.or(last).as_ref().and_then(find) {
                commands.push(opening(q, None, None));
            }
        }
        Event::Pick { id, version } => {
            let questionnaires = state.questionnaires();
            let found = questionnaires
                .iter()
                .find(|q| q.id == id && q.version == version);
            if let Some(q) = found {
                commands.push(opening(q, None, None));
            }
        }
        Event::Arrived(library) => next.library = library,
        Event::Opened(opened) => {
            let Opened {
                questionnaire,
                restored,
                found,
                storage,
                assessment,
                replaced,
            } = *opened;
            // Answers from outside, or carried over, are saved under this version at once.
            let imported = matches!(found, Found::Imported | Found::CarriedOver);
            let notice = notice(found, restored.as_ref(), &questionnaire);
            next.storage = storage;
            next.compared = None;
            let open = flow::Event::Open {
                imported,
                questionnaire,
                restored: restored.map(Box::new),
                notice,
                assessment,
                replaced: replaced.map(Box::new),
            };
            next.flow = flow::transition(&state.flow, open);
            // A workshop begun from the start screen: its questionnaire is open now.
            if std::mem::take(&mut next.workshop_opening) && next.team.is_some() {
                show(next, Screen::Team);
            }
        }
    }
}

fn unknown_questionnaire(id: &str, questionnaires: &[Rc<Questionnaire>]) -> String {
    let known: Vec<&str> = questionnaires.iter().map(|q| q.id.as_str()).collect();
    format!(
        "ignored questionnaire={id}: no such questionnaire (known: {})",
        known.join(", ")
    )
}

/// What opening says: nothing for a blank or a clean restore, else what happened.
fn notice(
    found: Found,
    restored: Option<&Restored>,
    questionnaire: &Questionnaire,
) -> Option<Notice> {
    let dropped = restored.map_or_else(Vec::new, |r| r.dropped.clone());
    let new = questionnaire.version.clone();
    match found {
        Found::Nothing => None,
        Found::Stored if dropped.is_empty() => None,
        Found::Stored => Some(Notice::info(Open::RestoredExcept(dropped))),
        Found::CarriedOver => {
            let old = restored
                .and_then(|r| r.migrated_from.clone())
                .unwrap_or_default();
            Some(Notice::info(Open::CarriedOver { old, new, dropped }))
        }
        Found::Imported => restored.map(|file| {
            Notice::info(Open::Opened {
                answers: file.answers.len(),
                carried_over: file.migrated_from.clone().map(|old| (old, new)),
                dropped,
            })
        }),
        Found::Unreadable { why, kept } => Some(Notice::error(Open::Unreadable { why, kept })),
    }
}

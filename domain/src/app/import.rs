//! Files coming in: a chosen or dropped file decoded completely, then opened (after asking when
//! it would replace different answers), compared with the open assessment, or added to the
//! team view; a refusal names the file and leaves everything as it was.

use std::rc::Rc;

use crate::app::said::{File, Why};
use crate::app::session::Screen;
use crate::app::session::{import_replaces, Notice, PendingImport};
use crate::app::{
    notify, opening, workshop, AppState, Commands, Compared, FileProblem, Purpose, StoreCommand,
};
use crate::figures::comparison;
use crate::formats::saved::{self, Restored, SavedError, Snapshot, Source};
use crate::model::date::Date;
use crate::model::i18n::{msg, outside};
use crate::model::questionnaire::Questionnaire;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A chosen or dropped file's bytes (or why there are none).
    FileRead {
        purpose: Purpose,
        name: String,
        bytes: Result<Vec<u8>, FileProblem>,
    },
    /// What storage holds for an incoming assessment's questionnaire
    /// ([`StoreCommand::LookUp`]).
    Offer {
        restored: Box<Restored>,
        stored: Option<Box<Snapshot>>,
    },
    /// Replace the answers with the file's, as the dialog asked.
    Confirm,
    /// Keep the answers; the file is not opened.
    Cancel,
    /// A file is being dragged over the page (or no longer).
    Dragging(bool),
}

pub(crate) fn update(state: &AppState, next: &mut AppState, event: Event, commands: &mut Commands) {
    match event {
        Event::FileRead {
            purpose,
            name,
            bytes,
        } => file_read(next, commands, purpose, &name, bytes),
        Event::Offer { restored, stored } => {
            let in_view = state
                .flow
                .session
                .as_ref()
                .filter(|s| s.questionnaire.id == restored.questionnaire.id)
                .map(|s| s.snapshot());
            let current = in_view.or(stored.map(|s| *s));
            match import_replaces(current.as_ref(), &restored.snapshot()) {
                Some(replaces) => {
                    next.flow.pending_import = Some(Box::new(PendingImport {
                        restored: *restored,
                        replaces,
                    }));
                }
                None => {
                    let q = Rc::clone(&restored.questionnaire);
                    commands.push(opening(&q, Some(*restored), None));
                }
            }
        }
        Event::Confirm => {
            if let Some(pending) = next.flow.pending_import.take() {
                let q = Rc::clone(&pending.restored.questionnaire);
                commands.push(opening(&q, Some(pending.restored), Some(pending.replaces)));
            }
        }
        Event::Cancel => next.flow.pending_import = None,
        Event::Dragging(on) => next.dragging = on,
    }
}

/// A chosen or dropped file: decoded completely, then offered for opening or compared; a
/// refusal names the file and leaves everything as it was.
fn file_read(
    next: &mut AppState,
    commands: &mut Commands,
    purpose: Purpose,
    name: &str,
    bytes: Result<Vec<u8>, FileProblem>,
) {
    let lang = next.lang;
    // A file dropped on the team view joins it.
    let purpose = match purpose {
        Purpose::Open if next.flow.screen == Screen::Team => Purpose::Team,
        other => other,
    };
    // Why the shell had no bytes, as every refusal below says it.
    let bytes = bytes.map_err(|problem| match problem {
        FileProblem::TooLarge(size) => Why::Refused(SavedError::TooLarge(size)),
        FileProblem::Unreadable => Why::Unreadable,
    });
    let against: Vec<Rc<Questionnaire>> = match (purpose, &next.flow.session) {
        (Purpose::Team, _) => return workshop::add_file(next, commands, name, bytes),
        (Purpose::Compare, Some(s)) => vec![Rc::clone(&s.questionnaire)],
        (Purpose::Compare, None) => return,
        (Purpose::Open, _) => next.questionnaires().to_vec(),
    };
    let decoded = bytes.and_then(|bytes| {
        saved::decode_bytes(&bytes, &against, Source::Import).map_err(Why::Refused)
    });
    match (decoded, purpose) {
        (Err(why), purpose) => {
            let file = name.to_string();
            let compare = purpose == Purpose::Compare;
            notify(next, Notice::error(File::Refused { file, why, compare }));
        }
        (Ok(restored), Purpose::Open | Purpose::Team) => {
            commands.push(StoreCommand::LookUp(Box::new(restored)))
        }
        (Ok(earlier), Purpose::Compare) => {
            let Some(s) = next.flow.session.as_ref() else {
                return;
            };
            let time = earlier.saved_at.get(11..16).filter(|t| {
                t.len() == 5
                    && t.as_bytes()[2] == b':'
                    && t.bytes().filter(u8::is_ascii_digit).count() == 4
            });
            let label = match (Date::parse(earlier.saved_at.get(..10).unwrap_or("")), time) {
                (Some(date), Some(time)) => lang.f(
                    msg!("{file}, saved {date} at {time} UTC"),
                    &[
                        ("file", &outside(name, 60)),
                        ("date", &lang.date(date)),
                        ("time", &time),
                    ],
                ),
                (Some(date), None) => lang.f(
                    msg!("{file}, saved {date}"),
                    &[("file", &outside(name, 60)), ("date", &lang.date(date))],
                ),
                (None, _) => outside(name, 60),
            };
            let comparison =
                comparison::compare(&s.questionnaire, &s.profile, &earlier.answers, &s.answers);
            next.compared = Some(Rc::new(Compared { label, comparison }));
        }
    }
}

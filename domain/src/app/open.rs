//! Opening an assessment: the page's start (the host's questionnaire, else the last one), a
//! choice on the start screen, and storage's answer with what it holds.

use crate::app::flow;
use std::rc::Rc;

use crate::app::session::Notice;
use crate::app::session::Screen;
use crate::app::{opening, show, AppState, Commands, ShellCommand, Storage, StoreCommand};
use crate::formats::catalogue;
use crate::formats::saved::{Restored, SavedError, Snapshot};
use crate::model::i18n::{msg, outside, Lang};
use crate::model::questionnaire::Questionnaire;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The page starts: open the questionnaire the host asked for, else the one used last.
    Start {
        asked: Option<String>,
        last: Option<String>,
    },
    /// The person chose a questionnaire on the start screen.
    Choose(Rc<Questionnaire>),
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
        Event::Choose(q) => commands.push(opening(&q, None, None)),
        Event::Opened(opened) => {
            let Opened {
                questionnaire,
                restored,
                found,
                storage,
                assessment,
                replaced,
            } = *opened;
            let lang = questionnaire.lang();
            let notice = notice(&found, restored.as_ref(), &questionnaire, lang);
            next.storage = storage;
            next.compared = None;
            let open = flow::Event::Open {
                // Answers from outside, or carried over, are saved under this version at once.
                imported: matches!(found, Found::Imported | Found::CarriedOver),
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
    found: &Found,
    restored: Option<&Restored>,
    questionnaire: &Questionnaire,
    lang: Lang,
) -> Option<Notice> {
    let dropped = restored.map_or(&[][..], |r| &r.dropped[..]);
    match found {
        Found::Nothing => None,
        Found::Stored if dropped.is_empty() => None,
        Found::Stored => Some(Notice::info(lang.f(
            msg!("Your saved answers were restored, except {n}: {what}."),
            &[("n", &dropped.len()), ("what", &lang.summary(dropped))],
        ))),
        Found::CarriedOver => {
            let from = restored.and_then(|r| r.migrated_from.clone());
            let mut text = lang.f(
                msg!("Your answers from version {old} of this questionnaire were carried over to version {new}."),
                &[("old", &from.unwrap_or_default()), ("new", &questionnaire.version)],
            );
            not_carried_over(&mut text, dropped, lang);
            Some(Notice::info(text))
        }
        Found::Imported => restored.map(|file| Notice::info(opened_text(questionnaire, file))),
        Found::Unreadable { why, kept } => {
            let why = why.message(lang);
            Some(Notice::error(if *kept {
                lang.f(msg!("The answers saved in this browser could not be read: {why}. A copy was kept (see \"Your data\" below) and you are starting with a blank assessment."), &[("why", &why)])
            } else {
                lang.f(msg!("The answers saved in this browser could not be read: {why}. They were left untouched and saving is off for now."), &[("why", &why)])
            }))
        }
    }
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

//! The assessment flow's machine: the session's life (opened, adopted from another tab or a
//! team, relocalised) and the small machines it runs (moving, editing, notices), over the
//! flow's state (`session::State`).

use std::rc::Rc;

use crate::app::session::{first_open_section, Notice, NoticeAction, Screen, Session, State, Undo};
use crate::app::{edit, navigate, notices};
use crate::formats::saved::{Restored, Snapshot};
use crate::model::answers::{Answers, Notes, People};
use crate::model::profile::Profile;
use crate::model::questionnaire::Questionnaire;

/// Everything that can happen to the flow: the session's life (opened, adopted from another
/// tab or a team, relocalised), and the small machines' events (moving, editing, notices).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Open a questionnaire, with what storage or a file held for it (if anything) and a notice.
    /// `imported` marks data that came from outside and must be saved at once.
    /// `assessment` is a fresh id for an assessment that has none yet; `replaced` is what an
    /// import replaced (offered for undo).
    Open {
        questionnaire: Rc<Questionnaire>,
        restored: Option<Box<Restored>>,
        notice: Option<Notice>,
        imported: bool,
        assessment: String,
        replaced: Option<Box<Snapshot>>,
    },
    /// Another tab saved this assessment: take its (already merged) state; `save` when the
    /// merge kept changes of this tab that storage lacks.
    Adopt {
        snapshot: Box<Snapshot>,
        notice: Option<Notice>,
        save: bool,
    },
    /// The same questionnaire in another language (the person switched languages): answers,
    /// profile and notes stay; ignored unless id and version match the open one.
    Relocalise(Rc<Questionnaire>),
    Go(navigate::Event),
    Edit(edit::Event),
    Notice(notices::Event),
}

impl From<navigate::Event> for Event {
    fn from(event: navigate::Event) -> Event {
        Event::Go(event)
    }
}

impl From<edit::Event> for Event {
    fn from(event: edit::Event) -> Event {
        Event::Edit(event)
    }
}

impl From<notices::Event> for Event {
    fn from(event: notices::Event) -> Event {
        Event::Notice(event)
    }
}

/// The one place the flow changes. Pure: same state and event, same result.
pub fn transition(state: &State, event: impl Into<Event>) -> State {
    step(state, event.into())
}

/// `transition` for one event type (one copy in the wasm, whatever the callers send).
fn step(state: &State, event: Event) -> State {
    let keeps_focus = matches!(event, Event::Go(navigate::Event::ShowItem(_)));
    let mut next = state.clone();
    match event {
        Event::Open {
            questionnaire,
            restored,
            notice,
            imported,
            assessment,
            replaced,
        } => {
            let revision = state.session.as_ref().map_or(0, |s| s.revision) + 1;
            let session = Session {
                questionnaire,
                assessment: String::new(),
                profile: Profile::default(),
                answers: Answers::default(),
                notes: Notes::new(),
                people: People::default(),
                section: 0,
                // Monotonic across opens: an imported assessment must be saved even when the
                // revision of the one before happened to have the same number.
                revision: if imported { revision } else { 0 },
            };
            let restored = restored.map(|r| *r);
            next = opened(session, restored, assessment, notice, replaced.map(|r| *r));
        }
        Event::Adopt {
            snapshot,
            notice,
            save,
        } => adopt(&mut next, *snapshot, notice, save),
        Event::Relocalise(questionnaire) => {
            if let Some(session) = next.session.as_mut() {
                let same = session.questionnaire.id == questionnaire.id
                    && session.questionnaire.version == questionnaire.version;
                if same {
                    session.questionnaire = questionnaire;
                }
            }
        }
        Event::Go(event) => navigate::update(&mut next, event),
        Event::Edit(event) => edit::update(&mut next, event),
        Event::Notice(event) => notices::update(&mut next, event),
    }
    // Leaving the confirmation open across screens would confuse: a screen change closes it.
    if next.confirming_reset && state.confirming_reset && next.screen != state.screen {
        next.confirming_reset = false;
    }
    if !keeps_focus {
        next.focus_item = None;
    }
    // The undo of an import is offered by its notice, and lives exactly as long as it.
    if next.notice.as_ref().and_then(|n| n.action) != Some(NoticeAction::UndoImport) {
        next.undo = None;
    }
    next
}

/// The flow once a questionnaire is open: on the profile until it is complete and something is
/// answered, else where the answers stop (or the results when nothing is left to answer).
fn opened(
    mut session: Session,
    restored: Option<Restored>,
    assessment: String,
    notice: Option<Notice>,
    replaced: Option<Snapshot>,
) -> State {
    let id = match restored {
        Some(r) => {
            session.profile = r.profile;
            session.answers = r.answers;
            session.notes = r.notes;
            session.people = r.people;
            r.assessment
        }
        None => None,
    };
    session.assessment = id.unwrap_or(assessment);
    let open = first_open_section(&session);
    let screen = match open {
        _ if !session.profile.is_complete() || session.answers.is_empty() => Screen::Profile,
        // A returning visitor who had answered everything sees the results again.
        None => Screen::Results,
        Some(_) => Screen::Questions,
    };
    session.section =
        open.unwrap_or_else(|| session.visible_sections().first().copied().unwrap_or(0));
    let undo = replaced.map(|snapshot| {
        Box::new(Undo {
            questionnaire: session.questionnaire.id.clone(),
            snapshot,
            said: crate::app::said::Open::ImportUndone.into(),
        })
    });
    let notice = match (notice, &undo) {
        (Some(mut n), Some(_)) => {
            n.action = Some(NoticeAction::UndoImport);
            Some(n)
        }
        (n, _) => n,
    };
    State {
        screen,
        session: Some(session),
        notice,
        undo,
        ..State::default()
    }
}

fn adopt(next: &mut State, snapshot: Snapshot, notice: Option<Notice>, save: bool) {
    if let Some(mut session) = next.session.take() {
        session.profile = snapshot.profile;
        session.answers = snapshot.answers;
        session.notes = snapshot.notes;
        session.people = snapshot.people;
        session.section = session.settle(session.section);
        if save {
            session = session.changed();
        }
        if notice.is_some() {
            next.notice = notice;
        }
        next.session = Some(session);
    }
}

//! The notice under the header: shown, dismissed, and its one action, putting back the answers
//! an import, an adopted consensus or the suggested exclusions replaced (what it says is
//! `said`).

use crate::app::session::{Notice, Session, State};

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Notify(Notice),
    Dismiss,
    /// Put back what the last import (or adopted consensus, or suggested exclusions) replaced.
    Undo,
}

pub(crate) fn update(next: &mut State, event: Event) {
    match event {
        Event::Notify(notice) => next.notice = Some(notice),
        Event::Dismiss => next.notice = None,
        Event::Undo => undo(next),
    }
}

fn undo(next: &mut State) {
    let undo = next.undo.take();
    let session = next.session.take();
    let (Some(undo), Some(session)) = (undo, session.clone()) else {
        next.session = session;
        return;
    };
    if undo.questionnaire != session.questionnaire.id {
        next.session = Some(session);
        return;
    }
    let mut session = Session {
        profile: undo.snapshot.profile,
        answers: undo.snapshot.answers,
        notes: undo.snapshot.notes,
        people: undo.snapshot.people,
        ..session
    }
    .changed();
    session.section = session.settle(session.section);
    next.session = Some(session);
    next.notice = Some(Notice::info(undo.said));
}

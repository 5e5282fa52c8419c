//! Editing the assessment: the profile, answers, notes, the respondent's name, the suggested
//! exclusions, and starting over. Every accepted change bumps the revision (a save follows).

use std::rc::Rc;

use crate::app::said::Edit;
use crate::app::session::{Notice, NoticeAction, Screen, Session, State, Undo};
use crate::model::answers::{
    text_length, Answer, Answers, Notes, People, MAX_NAME_CHARS, MAX_TEXT_CHARS,
};
use crate::model::profile::Profile;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    UpdateProfile(Profile),
    Answer {
        item: String,
        answer: Answer,
    },
    ClearAnswer(String),
    Note {
        item: String,
        text: String,
    },
    /// The respondent's name or role, as typed (empty: none given).
    SetRespondent(String),
    /// The organisation a report is for, as typed (empty: none given).
    SetOrganisation(String),
    /// Who prepared the report, as typed (empty: none given).
    SetPreparedBy(String),
    /// Marks every unanswered item whose exclusion is suggested for this profile as "not
    /// applicable", with the suggested justification (each stays editable).
    AcceptSuggestedExclusions,
    AskReset,
    CancelReset,
    ConfirmReset,
}

pub(crate) fn update(next: &mut State, event: Event) {
    if let Event::AskReset = event {
        next.confirming_reset = next.session.is_some();
        return;
    }
    if let Event::CancelReset = event {
        next.confirming_reset = false;
        return;
    }
    let Some(mut session) = next.session.take() else {
        return;
    };
    let refused = match event {
        Event::UpdateProfile(profile) => {
            session = Session { profile, ..session }.changed();
            session.section = session.settle(session.section);
            None
        }
        Event::Answer { item, answer } => answer_item(&mut session, item, answer),
        Event::ClearAnswer(item) => {
            if session.answers.get(&item).is_some() {
                session.answers.clear(&item);
                session = session.changed();
            }
            None
        }
        Event::Note { item, text } => note(&mut session, item, text),
        Event::SetRespondent(name) => set_name(&mut session, |p| &mut p.respondent, name),
        Event::SetOrganisation(name) => set_name(&mut session, |p| &mut p.organisation, name),
        Event::SetPreparedBy(name) => set_name(&mut session, |p| &mut p.prepared_by, name),
        Event::AcceptSuggestedExclusions => {
            accept_suggested(next, &mut session);
            None
        }
        Event::ConfirmReset => {
            next.confirming_reset = false;
            session = start_over(next, session);
            None
        }
        Event::AskReset | Event::CancelReset => None,
    };
    if let Some(said) = refused {
        next.notice = Some(Notice::error(said));
    }
    next.session = Some(session);
}

/// Keeps a name exactly as typed (empty: none), within the length a field holds.
fn set_name(
    session: &mut Session,
    field: fn(&mut People) -> &mut String,
    name: String,
) -> Option<Edit> {
    if text_length(&name) > MAX_NAME_CHARS {
        return Some(Edit::NameTooLong);
    }
    let mut people = session.people.clone();
    if *field(&mut people) != name {
        *field(&mut people) = name;
        session.people = people;
        *session = session.clone().changed();
    }
    None
}

/// Sets one answer, unless its justification is longer than a field holds or the item does
/// not take it; the error says why.
fn answer_item(session: &mut Session, item: String, answer: Answer) -> Option<Edit> {
    if matches!(&answer, Answer::NotApplicable(why) if text_length(why) > MAX_TEXT_CHARS) {
        return Some(Edit::JustificationTooLong);
    }
    let questionnaire = Rc::clone(&session.questionnaire);
    match session.answers.set(&questionnaire, &item, answer) {
        Ok(()) => {
            *session = session.clone().changed();
            None
        }
        Err(e) => Some(Edit::Refused(e)),
    }
}

/// Keeps a note exactly as typed (empty removes it), within the length a field holds.
fn note(session: &mut Session, item: String, text: String) -> Option<Edit> {
    if session.questionnaire.item(&item).is_none() {
        return Some(Edit::NoSuchItem(item));
    }
    if text_length(&text) > MAX_TEXT_CHARS {
        return Some(Edit::NoteTooLong);
    }
    if session.notes.get(&item).map_or("", String::as_str) != text {
        if text.is_empty() {
            session.notes.remove(&item);
        } else {
            session.notes.insert(item, text);
        }
        *session = session.clone().changed();
    }
    None
}

/// A blank assessment of the same questionnaire, on the profile screen.
fn start_over(next: &mut State, session: Session) -> Session {
    next.screen = Screen::Profile;
    next.undo = None;
    next.notice = Some(Notice::info(Edit::Cleared));
    Session {
        profile: Profile::default(),
        answers: Answers::default(),
        notes: Notes::new(),
        people: People::default(),
        section: 0,
        ..session
    }
    .changed()
}

fn accept_suggested(next: &mut State, session: &mut Session) {
    let questionnaire = Rc::clone(&session.questionnaire);
    let before = session.snapshot();
    let mut marked: Vec<String> = Vec::new();
    // Where the content says an excluded control's intent goes (A.10.3 in ours).
    let mut suppliers: Vec<String> = Vec::new();
    for item in questionnaire
        .items()
        .filter(|i| i.applies(&session.profile))
    {
        let suggestion = item.suggested_na(&session.profile).map(str::to_string);
        if let (Some(why), None) = (suggestion, session.answers.get(&item.id)) {
            if session
                .answers
                .set(&questionnaire, &item.id, Answer::NotApplicable(why))
                .is_ok()
            {
                marked.push(item.id.clone());
                let to = item
                    .suggest_na
                    .as_ref()
                    .and_then(|s| s.supplier_item.clone());
                if let Some(to) = to.filter(|t| !suppliers.contains(t)) {
                    suppliers.push(to);
                }
            }
        }
    }
    if marked.is_empty() {
        return;
    }
    *session = session.clone().changed();
    let mut notice = Notice::info(Edit::Excluded { marked, suppliers });
    notice.action = Some(NoticeAction::UndoImport);
    next.notice = Some(notice);
    next.undo = Some(Box::new(Undo {
        questionnaire: questionnaire.id.clone(),
        snapshot: before,
        said: Edit::ExclusionsUndone.into(),
    }));
}

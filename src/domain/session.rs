//! The app's state and its single transition function; saving is an effect the shell runs afterwards.

use std::rc::Rc;

use super::answers::{Answer, Answers};
use super::profile::Profile;
use super::questionnaire::Questionnaire;
use super::saved::{Notes, Restored, Snapshot, MAX_TEXT_CHARS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Choose a questionnaire.
    Start,
    Profile,
    Questions,
    Results,
    Roadmap,
    /// The printable report: everything on one page.
    Report,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the person, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// One assessment in progress.
#[derive(Clone, Debug)]
pub struct Session {
    pub questionnaire: Rc<Questionnaire>,
    pub profile: Profile,
    pub answers: Answers,
    /// Free-text notes per item (what exists, where, who owns it).
    pub notes: Notes,
    /// Index into `questionnaire.sections` of the section on screen.
    pub section: usize,
    /// Bumped on every change to profile or answers: the shell saves when it moves.
    pub revision: u64,
}

/// Two sessions are equal when they use the same questionnaire instance (compared by pointer:
/// a deep comparison of a large questionnaire on every render would cost more than the render)
/// and hold the same profile, answers, notes, section and revision.
impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
            && self.profile == other.profile
            && self.answers == other.answers
            && self.notes == other.notes
            && self.section == other.section
            && self.revision == other.revision
    }
}

impl Session {
    /// The part of the session that is saved and merged.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            profile: self.profile.clone(),
            answers: self.answers.clone(),
            notes: self.notes.clone(),
        }
    }

    /// Indices of the sections with at least one item that applies to this profile.
    pub fn visible_sections(&self) -> Vec<usize> {
        self.questionnaire
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.items.iter().any(|i| i.applies(&self.profile)))
            .map(|(n, _)| n)
            .collect()
    }

    /// The visible section nearest to `section`, looking forward first.
    fn settle(&self, section: usize) -> usize {
        let visible = self.visible_sections();
        visible
            .iter()
            .copied()
            .find(|&s| s >= section)
            .or_else(|| visible.last().copied())
            .unwrap_or(0)
    }

    fn changed(mut self) -> Self {
        self.revision += 1;
        self
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub screen: Screen,
    pub session: Option<Session>,
    pub confirming_reset: bool,
    pub notice: Option<Notice>,
}

impl Default for State {
    fn default() -> Self {
        State {
            screen: Screen::Start,
            session: None,
            confirming_reset: false,
            notice: None,
        }
    }
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Open a questionnaire, with what storage or a file held for it (if anything) and a notice.
    /// `imported` marks data that came from outside and must be saved at once.
    Open {
        questionnaire: Rc<Questionnaire>,
        restored: Option<Restored>,
        notice: Option<Notice>,
        imported: bool,
    },
    /// Another tab saved this assessment: take its (already merged) state without saving it back.
    Adopt {
        snapshot: Snapshot,
        notice: Option<Notice>,
    },
    Note {
        item: String,
        text: String,
    },
    /// Marks every unanswered item whose exclusion is suggested for this profile as "not
    /// applicable", with the suggested justification (each stays editable).
    AcceptSuggestedExclusions,
    UpdateProfile(Profile),
    Answer {
        item: String,
        answer: Answer,
    },
    ClearAnswer(String),
    /// The same questionnaire in another language (the person switched languages): answers,
    /// profile and notes stay; ignored unless id and version match the open one.
    Relocalise(Rc<Questionnaire>),
    ShowSection(usize),
    NextSection,
    PreviousSection,
    Show(Screen),
    AskReset,
    CancelReset,
    ConfirmReset,
    /// Back to the list of questionnaires; answers stay stored.
    Leave,
    Notify(Notice),
    DismissNotice,
}

fn error(text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        kind: NoticeKind::Error,
        text: text.into(),
    })
}

/// The one place state changes. Pure: same state and event, same result.
pub fn transition(state: &State, event: Event) -> State {
    let mut next = state.clone();
    let lang = state
        .session
        .as_ref()
        .map(|s| s.questionnaire.lang())
        .unwrap_or_default();
    match event {
        Event::Open {
            questionnaire,
            restored,
            notice,
            imported,
        } => {
            let (profile, answers, notes) = restored
                .map(|r| (r.profile, r.answers, r.notes))
                .unwrap_or_default();
            let screen = if profile.is_complete() && !answers.is_empty() {
                Screen::Questions
            } else {
                Screen::Profile
            };
            let mut session = Session {
                questionnaire,
                profile,
                answers,
                notes,
                section: 0,
                revision: u64::from(imported),
            };
            session.section = first_open_section(&session);
            next = State {
                screen,
                session: Some(session),
                confirming_reset: false,
                notice,
            };
        }
        Event::Leave => next = State::default(),
        Event::Adopt { snapshot, notice } => {
            if let Some(session) = next.session.as_mut() {
                session.profile = snapshot.profile;
                session.answers = snapshot.answers;
                session.notes = snapshot.notes;
                session.section = session.settle(session.section);
                if notice.is_some() {
                    next.notice = notice;
                }
            }
        }
        Event::AcceptSuggestedExclusions => {
            if let Some(mut session) = next.session.take() {
                let questionnaire = Rc::clone(&session.questionnaire);
                let mut changed = 0;
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
                            changed += 1;
                        }
                    }
                }
                if changed > 0 {
                    session = session.changed();
                    next.notice = Some(Notice {
                        kind: NoticeKind::Info,
                        text: lang.f("{n} controls were marked not applicable with the suggested justification. Review or edit each one; they become supplier requirements under A.10.3 in the roadmap.", &[("n", &changed)]),
                    });
                }
                next.session = Some(session);
            }
        }
        Event::Note { item, text } => {
            if let Some(mut session) = next.session.take() {
                if session.questionnaire.item(&item).is_none() {
                    next.notice = error(lang.f(
                        "there is no item {item} in this questionnaire",
                        &[("item", &item)],
                    ));
                } else if text.chars().count() > MAX_TEXT_CHARS {
                    next.notice = error(lang.f(
                        "Notes are limited to {n} characters.",
                        &[("n", &MAX_TEXT_CHARS)],
                    ));
                } else if session.notes.get(&item).map_or("", String::as_str) != text {
                    if text.is_empty() {
                        session.notes.remove(&item);
                    } else {
                        session.notes.insert(item, text);
                    }
                    session = session.changed();
                }
                next.session = Some(session);
            }
        }
        Event::Notify(notice) => next.notice = Some(notice),
        Event::DismissNotice => next.notice = None,
        Event::AskReset => next.confirming_reset = next.session.is_some(),
        Event::CancelReset => next.confirming_reset = false,
        Event::ConfirmReset => {
            next.confirming_reset = false;
            if let Some(session) = next.session.take() {
                let mut fresh = Session {
                    profile: Profile::default(),
                    answers: Answers::default(),
                    notes: Notes::new(),
                    section: 0,
                    ..session
                };
                fresh = fresh.changed();
                next.session = Some(fresh);
                next.screen = Screen::Profile;
                next.notice = Some(Notice {
                    kind: NoticeKind::Info,
                    text: lang
                        .t("All answers were cleared. You are starting over.")
                        .into(),
                });
            }
        }
        Event::UpdateProfile(profile) => {
            if let Some(session) = next.session.take() {
                let mut session = Session { profile, ..session }.changed();
                session.section = session.settle(session.section);
                next.session = Some(session);
            }
        }
        Event::Answer { item, answer } => {
            if let Some(mut session) = next.session.take() {
                let questionnaire = Rc::clone(&session.questionnaire);
                match session.answers.set(&questionnaire, &item, answer) {
                    Ok(()) => session = session.changed(),
                    Err(e) => next.notice = error(e.message(lang)),
                }
                next.session = Some(session);
            }
        }
        Event::ClearAnswer(item) => {
            if let Some(mut session) = next.session.take() {
                if session.answers.get(&item).is_some() {
                    session.answers.clear(&item);
                    session = session.changed();
                }
                next.session = Some(session);
            }
        }
        Event::Relocalise(questionnaire) => {
            if let Some(session) = next.session.as_mut() {
                let same = session.questionnaire.id == questionnaire.id
                    && session.questionnaire.version == questionnaire.version;
                if same {
                    session.questionnaire = questionnaire;
                }
            }
        }
        Event::ShowSection(section) => {
            if let Some(session) = next.session.as_mut() {
                if session.visible_sections().contains(&section) {
                    session.section = section;
                    next.screen = Screen::Questions;
                }
            }
        }
        Event::NextSection | Event::PreviousSection => {
            let forward = event == Event::NextSection;
            if let Some(session) = next.session.as_mut() {
                let visible = session.visible_sections();
                let at = visible
                    .iter()
                    .position(|&s| s == session.section)
                    .unwrap_or(0);
                match (forward, at) {
                    (true, at) if at + 1 < visible.len() => session.section = visible[at + 1],
                    (true, _) => next.screen = Screen::Results,
                    (false, 0) => next.screen = Screen::Profile,
                    (false, at) => session.section = visible[at - 1],
                }
            }
        }
        Event::Show(screen) => match (&next.session, screen) {
            (_, Screen::Start) => next = State::default(),
            (None, _) => {}
            (Some(_), Screen::Profile) => next.screen = Screen::Profile,
            (Some(session), _) if !session.profile.is_complete() => {
                next.screen = Screen::Profile;
                next.notice = error(lang.t("Please complete the organisation profile first: it decides which questions apply."));
            }
            (Some(_), screen) => next.screen = screen,
        },
    }
    // Leaving the confirmation open across screens would confuse; any other event closes it.
    if next.confirming_reset && state.confirming_reset && next.screen != state.screen {
        next.confirming_reset = false;
    }
    next
}

/// Where to resume: the first visible section with an unanswered applicable item.
fn first_open_section(session: &Session) -> usize {
    let visible = session.visible_sections();
    visible
        .iter()
        .copied()
        .find(|&n| {
            session.questionnaire.sections[n].items.iter().any(|i| {
                i.applies(&session.profile)
                    && !session.answers.get(&i.id).is_some_and(Answer::is_complete)
            })
        })
        .or_else(|| visible.first().copied())
        .unwrap_or(0)
}

//! The assessment flow: the screen, the open session (profile, answers, notes, who answered), notices and
//! dialogs, and its transition function; storage and files go through the application layer's commands
//! (`app.rs`).

use crate::figures::team::Team;
use crate::formats::export::{Export, File, Response};
use crate::model::date::Date;
use std::rc::Rc;

use crate::figures::scoring::ItemStatus;
use crate::formats::saved::{Restored, Snapshot};
use crate::model::answers::text_length;
use crate::model::answers::Notes;
use crate::model::answers::People;
use crate::model::answers::MAX_NAME_CHARS;
use crate::model::answers::MAX_TEXT_CHARS;
use crate::model::answers::{Answer, Answers};
use crate::model::i18n::{msg, Msg};
use crate::model::profile::Profile;
use crate::model::questionnaire::Questionnaire;

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
    /// Several respondents' answers side by side (`app::AppState::team`).
    Team,
    /// The adviser's sheet, for printing: per gap what to ask and what evidence to request.
    Adviser,
}

impl Screen {
    /// The screen's name in the DOM (`data-screen`) and in tests.
    pub fn key(self) -> &'static str {
        match self {
            Screen::Start => "start",
            Screen::Profile => "profile",
            Screen::Questions => "questions",
            Screen::Results => "results",
            Screen::Roadmap => "roadmap",
            Screen::Report => "report",
            Screen::Team => "team",
            Screen::Adviser => "adviser",
        }
    }

    /// The screen with this `key`.
    pub fn from_key(key: &str) -> Option<Screen> {
        [
            Screen::Start,
            Screen::Profile,
            Screen::Questions,
            Screen::Results,
            Screen::Roadmap,
            Screen::Report,
            Screen::Team,
            Screen::Adviser,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// Something a notice offers to do besides being dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Put back the answers an opened file replaced.
    UndoImport,
}

/// A message for the person, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
            action: None,
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            action: None,
        }
    }
}

/// A checked file (or share link) waiting for the person to confirm that it may replace the
/// answers this device holds for its questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub restored: Restored,
    /// What it would replace (the device's or the open assessment's answers).
    pub replaces: Snapshot,
}

/// What an import replaced, kept so it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub questionnaire: String,
    pub snapshot: Snapshot,
    /// What the notice says once it is undone (the import's words when `None`).
    pub said: Option<Msg>,
}

/// Whether opening `file` would replace answers that differ from it: the snapshot it would
/// replace, if so. Nothing is asked when nothing would be lost.
pub fn import_replaces(current: Option<&Snapshot>, file: &Snapshot) -> Option<Snapshot> {
    current
        .filter(|c| !c.answers.is_empty() || !c.notes.is_empty())
        .filter(|c| *c != file)
        .cloned()
}

/// Answered items of the applicable ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub applicable: usize,
}

impl Progress {
    /// Whole percent answered (0 when nothing applies).
    pub fn percent(self) -> u32 {
        ((self.answered * 100)
            .checked_div(self.applicable)
            .unwrap_or(0)) as u32
    }

    pub fn complete(self) -> bool {
        self.answered == self.applicable
    }
}

/// One assessment in progress.
#[derive(Clone, Debug)]
pub struct Session {
    pub questionnaire: Rc<Questionnaire>,
    /// A random id given when the assessment was started: keeps calendar events stable.
    pub assessment: String,
    pub profile: Profile,
    pub answers: Answers,
    /// Free-text notes per item (what exists, where, who owns it).
    pub notes: Notes,
    /// Who answered (and, for a team's consensus, who took part).
    pub people: People,
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
            && self.assessment == other.assessment
            && self.profile == other.profile
            && self.answers == other.answers
            && self.notes == other.notes
            && self.people == other.people
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
            people: self.people.clone(),
        }
    }

    /// One of the files the person can download (`Export::file`), made from this session's
    /// answers (and the team view, for the team exports).
    pub fn export(
        &self,
        export: Export,
        team: Option<&Team>,
        today: Date,
        now: &str,
    ) -> Option<File> {
        let answers = self.snapshot();
        let response = Response {
            questionnaire: &self.questionnaire,
            answers: &answers,
            assessment: &self.assessment,
        };
        export.file(&response, team, today, now)
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

    /// How many applicable items are answered, of how many, in the whole questionnaire
    /// (`section: None`) or in one section.
    pub fn progress(&self, section: Option<usize>) -> Progress {
        let q = &self.questionnaire;
        let items: Vec<&crate::Item> = match section {
            Some(n) => q
                .sections
                .get(n)
                .map(|s| s.items.iter().collect())
                .unwrap_or_default(),
            None => q.items().collect(),
        };
        let applicable: Vec<_> = items
            .into_iter()
            .filter(|i| i.applies(&self.profile))
            .collect();
        let answered = applicable
            .iter()
            .filter(|i| ItemStatus::of(i, &self.profile, &self.answers).is_answered())
            .count();
        Progress {
            answered,
            applicable: applicable.len(),
        }
    }

    /// Unanswered applicable items whose exclusion is suggested for this profile.
    pub fn open_suggestions(&self) -> usize {
        self.suggested().count()
    }

    /// The unanswered controls whose exclusion is suggested for this profile, in order.
    pub fn suggested(&self) -> impl Iterator<Item = &crate::model::questionnaire::Item> {
        self.questionnaire.items().filter(|i| {
            i.applies(&self.profile)
                && i.suggested_na(&self.profile).is_some()
                && self.answers.get(&i.id).is_none()
        })
    }

    /// Whether the section on screen holds one of them (the offer appears only there).
    pub fn offers_suggestions_here(&self) -> bool {
        let here = &self.questionnaire.sections[self.section];
        self.suggested()
            .any(|i| here.items.iter().any(|x| x.id == i.id))
    }

    /// The visible sections before and after the one on screen (`None`: the profile before the
    /// first, the results after the last).
    pub fn neighbours(&self) -> (Option<usize>, Option<usize>) {
        let visible = self.visible_sections();
        let at = visible.iter().position(|&n| n == self.section).unwrap_or(0);
        let before = at.checked_sub(1).and_then(|p| visible.get(p)).copied();
        (before, visible.get(at + 1).copied())
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
    /// A file or link waiting for confirmation before it replaces answers.
    pub pending_import: Option<Box<PendingImport>>,
    /// What the last import replaced, until the next change to the answers.
    pub undo: Option<Box<Undo>>,
    /// An item to bring into view and focus on the questions screen ("Review this answer").
    pub focus_item: Option<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            screen: Screen::Start,
            session: None,
            confirming_reset: false,
            notice: None,
            pending_import: None,
            undo: None,
            focus_item: None,
        }
    }
}

/// Everything that can happen to the state.
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
    /// A checked file or link would replace different answers: ask first.
    AskImport(Box<PendingImport>),
    CancelImport,
    /// Put back what the last import replaced.
    UndoImport,
    /// Show the question of this item, focused ("Review this answer").
    ShowItem(String),
    Note {
        item: String,
        text: String,
    },
    /// The respondent's name or role, as typed (empty: none given).
    SetRespondent(String),
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
    Some(Notice::error(text))
}

/// The one place state changes. Pure: same state and event, same result.
pub fn transition(state: &State, event: Event) -> State {
    let keeps_focus = matches!(event, Event::ShowItem(_));
    let mut next = step(state, event);
    if !keeps_focus {
        next.focus_item = None;
    }
    // The undo of an import is offered by its notice, and lives exactly as long as it.
    if next.notice.as_ref().and_then(|n| n.action) != Some(NoticeAction::UndoImport) {
        next.undo = None;
    }
    next
}

fn step(state: &State, event: Event) -> State {
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
            assessment,
            replaced,
        } => {
            let (profile, answers, notes, people, id) = restored
                .map(|r| (r.profile, r.answers, r.notes, r.people, r.assessment))
                .unwrap_or_default();
            let replaced = replaced.map(|r| *r);
            // Monotonic across opens: an imported assessment must be saved even when the
            // revision of the one before happened to have the same number.
            let revision = state.session.as_ref().map_or(0, |s| s.revision) + 1;
            let mut session = Session {
                questionnaire,
                assessment: id.unwrap_or(assessment),
                profile,
                answers,
                notes,
                people,
                section: 0,
                revision: if imported { revision } else { 0 },
            };
            let open = first_open_section(&session);
            let screen = match open {
                _ if !session.profile.is_complete() || session.answers.is_empty() => {
                    Screen::Profile
                }
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
                    said: None,
                })
            });
            let notice = match (notice, &undo) {
                (Some(mut n), Some(_)) => {
                    n.action = Some(NoticeAction::UndoImport);
                    Some(n)
                }
                (n, _) => n,
            };
            next = State {
                screen,
                session: Some(session),
                notice,
                undo,
                ..State::default()
            };
        }
        Event::AskImport(pending) => {
            next.pending_import = Some(pending);
        }
        Event::CancelImport => next.pending_import = None,
        Event::UndoImport => {
            let undo = next.undo.take();
            let session = next.session.take();
            if let (Some(undo), Some(session)) = (undo, session.clone()) {
                if undo.questionnaire == session.questionnaire.id {
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
                    let said = undo.said.unwrap_or(msg!(
                        "The answers you had before opening the file are back."
                    ));
                    next.notice = Some(Notice::info(lang.t(said)));
                } else {
                    next.session = Some(session);
                }
            } else {
                next.session = session;
            }
        }
        Event::ShowItem(item) => {
            if let Some(session) = next.session.as_mut() {
                let found = session.questionnaire.sections.iter().position(|s| {
                    s.items
                        .iter()
                        .any(|i| i.id == item && i.applies(&session.profile))
                });
                if let Some(section) = found {
                    session.section = section;
                    next.screen = Screen::Questions;
                    next.focus_item = Some(item);
                }
            }
        }
        Event::Leave => next = State::default(),
        Event::Adopt {
            snapshot,
            notice,
            save,
        } => {
            if let Some(mut session) = next.session.take() {
                let snapshot = *snapshot;
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
        Event::AcceptSuggestedExclusions => {
            if let Some(mut session) = next.session.take() {
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
                if !marked.is_empty() {
                    let changed = marked.len();
                    let marked = marked.join(", ");
                    session = session.changed();
                    let text = if suppliers.is_empty() {
                        lang.f(msg!("{n} controls were marked not applicable with the suggested justification: {ids}. Review or edit each one."), &[("n", &changed), ("ids", &marked)])
                    } else {
                        lang.f(msg!("{n} controls were marked not applicable with the suggested justification: {ids}. Review or edit each one; they become supplier requirements under {items} in the roadmap."), &[("n", &changed), ("ids", &marked), ("items", &suppliers.join(", "))])
                    };
                    let mut notice = Notice::info(text);
                    notice.action = Some(NoticeAction::UndoImport);
                    next.notice = Some(notice);
                    next.undo = Some(Box::new(Undo {
                        questionnaire: questionnaire.id.clone(),
                        snapshot: before,
                        said: Some(msg!("The controls are unanswered again.")),
                    }));
                }
                next.session = Some(session);
            }
        }
        Event::Note { item, text } => {
            if let Some(mut session) = next.session.take() {
                if session.questionnaire.item(&item).is_none() {
                    next.notice = error(lang.f(
                        msg!("there is no item {item} in this questionnaire"),
                        &[("item", &item)],
                    ));
                } else if text_length(&text) > MAX_TEXT_CHARS {
                    next.notice = error(lang.f(
                        msg!("Notes are limited to {n} characters."),
                        &[("n", &lang.int(MAX_TEXT_CHARS as u64))],
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
        Event::SetRespondent(name) => {
            if let Some(mut session) = next.session.take() {
                if text_length(&name) > MAX_NAME_CHARS {
                    next.notice = error(lang.f(
                        msg!("A name or role is limited to {n} characters."),
                        &[("n", &MAX_NAME_CHARS)],
                    ));
                } else if session.people.respondent != name {
                    session.people.respondent = name;
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
                    people: People::default(),
                    section: 0,
                    ..session
                };
                fresh = fresh.changed();
                next.session = Some(fresh);
                next.screen = Screen::Profile;
                next.undo = None;
                next.notice = Some(Notice::info(
                    lang.t(msg!("All answers were cleared. You are starting over.")),
                ));
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
                let too_long = matches!(&answer, Answer::NotApplicable(why) if text_length(why) > MAX_TEXT_CHARS);
                if too_long {
                    next.notice = error(lang.f(
                        msg!("Justifications are limited to {n} characters."),
                        &[("n", &lang.int(MAX_TEXT_CHARS as u64))],
                    ));
                    next.session = Some(session);
                    return next;
                }
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
            // A workshop's files can be compared before the facilitator's own profile exists.
            (Some(_), Screen::Team) => next.screen = Screen::Team,
            (Some(session), _) if !session.profile.is_complete() => {
                next.screen = Screen::Profile;
                next.notice = error(lang.t(msg!("Please complete the organisation profile first: it decides which questions apply.")));
            }
            (Some(_), screen) => next.screen = screen,
        },
    }
    // Leaving the confirmation open across screens would confuse: a screen change closes it.
    if next.confirming_reset && state.confirming_reset && next.screen != state.screen {
        next.confirming_reset = false;
    }
    next
}

/// Where to resume: the first visible section with an unanswered applicable item, if any.
fn first_open_section(session: &Session) -> Option<usize> {
    session.visible_sections().into_iter().find(|&n| {
        session.questionnaire.sections[n].items.iter().any(|i| {
            i.applies(&session.profile)
                && !session.answers.get(&i.id).is_some_and(Answer::is_complete)
        })
    })
}

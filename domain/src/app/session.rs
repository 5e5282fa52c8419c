//! The assessment flow: the screen, the open session (profile, answers, notes, who answered), notices and
//! dialogs, and its transition function; storage and files go through the application layer's commands
//! (`app.rs`).

use crate::figures::team::Team;
use crate::formats::export::{Export, File, Response};
use crate::model::date::Date;
use std::rc::Rc;

use crate::app::said::Said;
use crate::figures::scoring::ItemStatus;
use crate::formats::saved::{Restored, Snapshot};
use crate::model::answers::Notes;
use crate::model::answers::People;
use crate::model::answers::{Answer, Answers};
use crate::model::i18n::Lang;
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

/// A message for the person, shown until dismissed or replaced. It holds what happened, as
/// data; it is worded in the person's language only when shown ([`Notice::words`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub said: Said,
    pub action: Option<NoticeAction>,
}

impl Notice {
    pub fn info(said: impl Into<Said>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            said: said.into(),
            action: None,
        }
    }

    pub fn error(said: impl Into<Said>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            said: said.into(),
            action: None,
        }
    }

    /// The notice in `lang`'s words.
    pub fn words(&self, lang: Lang) -> String {
        self.said.words(lang)
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
    /// What the notice says once it is undone.
    pub said: Said,
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

    /// The save file of this session's answers, stamped with `now` (`export::save_file`).
    pub fn save_file(&self, now: &str) -> File {
        let answers = self.snapshot();
        let response = Response::plain(&self.questionnaire, &answers, &self.assessment);
        crate::formats::export::save_file(&response, now)
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
        let context = ExportContext {
            team,
            today,
            now,
            host: None,
            logo: None,
            charts: &[],
        };
        self.export_with(export, &context)
    }

    /// [`Session::export`] for a host: its name heads the Word documents.
    pub fn export_with(&self, export: Export, context: &ExportContext) -> Option<File> {
        let answers = self.snapshot();
        let response = Response {
            questionnaire: &self.questionnaire,
            answers: &answers,
            assessment: &self.assessment,
            host: context.host,
            logo: context.logo,
            charts: context.charts,
        };
        let (team, today, now) = (context.team, context.today, context.now);
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
    pub(crate) fn settle(&self, section: usize) -> usize {
        let visible = self.visible_sections();
        visible
            .iter()
            .copied()
            .find(|&s| s >= section)
            .or_else(|| visible.last().copied())
            .unwrap_or(0)
    }

    pub(crate) fn changed(mut self) -> Self {
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

/// Where to resume: the first visible section with an unanswered applicable item, if any.
pub(crate) fn first_open_section(session: &Session) -> Option<usize> {
    session.visible_sections().into_iter().find(|&n| {
        session.questionnaire.sections[n].items.iter().any(|i| {
            i.applies(&session.profile)
                && !session.answers.get(&i.id).is_some_and(Answer::is_complete)
        })
    })
}

/// What an export needs besides the session: the team view (for the team exports), the day
/// that dates the roadmap, the time that stamps the save file and calendar, and the host's
/// name for the Word documents.
#[derive(Clone, Copy, Debug)]
pub struct ExportContext<'a> {
    pub team: Option<&'a Team>,
    pub today: Date,
    pub now: &'a str,
    pub host: Option<&'a str>,
    /// The host's logo (a data URL) and its text alternative.
    pub logo: Option<(&'a str, &'a str)>,
    /// The maturity charts drawn by the browser (PNG data URLs) and their text alternatives.
    pub charts: &'a [(&'a str, &'a str)],
}

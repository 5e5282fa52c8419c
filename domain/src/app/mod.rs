//! The whole app state (language, the assessment flow, the shared view, storage status, the
//! comparison, dragging) and its one transition, which returns the new state and the commands
//! the shell carries out (storage through `runtime`, downloads and the address bar itself).

pub mod runtime;
pub mod session;
pub mod sync;

use crate::figures::comparison;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::figures::comparison::Comparison;
use crate::figures::team::{Pick, Team};
use crate::formats::catalogue;
use crate::formats::export::Export;
use crate::formats::packed::Content;
use crate::formats::saved::{self, Restored, SavedError, Snapshot, Source};
use crate::formats::share;
use crate::formats::team_files;
use crate::model::date::Date;
use crate::model::i18n::{msg, outside, plural, Lang};
use crate::model::questionnaire::Questionnaire;
use session::{import_replaces, Notice, PendingImport, Screen, State};
use session::{NoticeAction, Undo};
use sync::{Incoming, SaveRefused};

/// Whether answers reach this browser's storage, and why not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    On,
    /// The browser offers no storage (disabled, sandboxed, private mode).
    Unavailable,
    /// The browser refused a write (full or disabled).
    Full,
    /// Unreadable data is in the way and could not be kept aside: saving would destroy it.
    Blocked,
}

/// What a chosen or dropped file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open it as the assessment (asking first if it would replace different answers).
    Open,
    /// Compare the open assessment with it; nothing is replaced.
    Compare,
    /// Add it to the team view as one respondent; nothing is replaced or stored.
    Team,
}

/// Why the shell could not hand over a file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than a save file can be (its size in bytes); not read at all.
    TooLarge(usize),
    Unreadable,
}

/// The open assessment compared with an earlier save of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The earlier file, named for the person ("answers.json, saved 3 March 2026").
    pub label: String,
    pub comparison: Comparison,
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub lang: Lang,
    /// The built-in questionnaires in every language (usable ones, retired ones included so
    /// their saves still open).
    pub library: Rc<Library>,
    /// The assessment flow: screen, session, notice, dialogs.
    pub flow: State,
    /// Results opened from a share link, shown read-only over everything else.
    pub shared: Option<Rc<Restored>>,
    pub storage: Storage,
    pub compared: Option<Rc<Compared>>,
    /// Several respondents' save files of the open questionnaire, in memory only.
    pub team: Option<Rc<Team>>,
    /// A workshop started from the start screen is waiting for its questionnaire to open.
    pub workshop_opening: bool,
    /// How many answers this device holds per questionnaire id, for the start screen's cards
    /// (read by the runtime when the start screen shows, never while rendering).
    pub saved_counts: Rc<std::collections::BTreeMap<String, usize>>,
    /// A file is being dragged over the page.
    pub dragging: bool,
    /// The person was told a language switch would lose unsaved answers, and may now switch.
    pub switch_confirmed: Option<Lang>,
    /// The day the page was opened (dates the roadmap and the exports).
    pub today: Date,
}

/// Equal when the same questionnaire lists, shared view and comparison (compared by pointer:
/// they are replaced, never changed in place) and the same flow, storage, dragging and day.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
        }
        self.lang == other.lang
            && Rc::ptr_eq(&self.library, &other.library)
            && self.flow == other.flow
            && same(&self.shared, &other.shared)
            && self.storage == other.storage
            && same(&self.compared, &other.compared)
            && same(&self.team, &other.team)
            && self.workshop_opening == other.workshop_opening
            && self.saved_counts == other.saved_counts
            && self.dragging == other.dragging
            && self.switch_confirmed == other.switch_confirmed
            && self.today == other.today
    }
}

/// Everything that can happen to the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The page starts: open the questionnaire the host asked for, else the one used last.
    Start {
        asked: Option<String>,
        last: Option<String>,
    },
    /// A change to the assessment flow (navigation, answers, notes, notices, ...).
    Flow(session::Event),
    /// The person chose a questionnaire on the start screen.
    Choose(Rc<Questionnaire>),
    /// Storage was read for a questionnaire (the runtime's answer to [`Command::Open`]).
    Opened {
        open: Box<session::Event>,
        storage: Storage,
    },
    SetLang(Lang),
    /// After a reload into another language: show the screen and section the person was on.
    Resume {
        screen: Screen,
        section: usize,
    },
    /// A chosen or dropped file's bytes (or why there are none).
    FileRead {
        purpose: Purpose,
        name: String,
        bytes: Result<Vec<u8>, FileProblem>,
    },
    /// What storage holds for an incoming assessment's questionnaire ([`Command::LookUp`]).
    Offer {
        restored: Box<Restored>,
        stored: Option<Box<Snapshot>>,
    },
    ConfirmImport,
    /// The address bar holds this fragment (at start, or a link pasted later).
    SharedLink(String),
    ImportShared,
    CloseShared,
    CloseComparison,
    /// Show the team view (started empty for the open questionnaire if there is none).
    OpenTeam,
    /// Rename respondent `index` (kept exactly as typed).
    RenameRespondent {
        index: usize,
        name: String,
    },
    RemoveRespondent(usize),
    /// Choose where one item's consensus answer comes from.
    PickConsensus {
        item: String,
        pick: Pick,
    },
    /// Make the consensus the open assessment (undoable); the respondents' files are dropped.
    AdoptConsensus,
    /// Forget the team view's refusal messages.
    DismissRefusals,
    Export(Export),
    /// A save went through ([`Command::Save`]): what another tab wrote was merged in
    /// (`merged`), unreadable data was moved aside first (`moved_aside`).
    Saved {
        merged: Option<Box<Incoming>>,
        moved_aside: bool,
    },
    SaveRefused(SaveRefused),
    /// Another tab wrote this key (`None`: removed it).
    StorageChanged {
        key: String,
        text: Option<String>,
    },
    /// The runtime merged another tab's write ([`Command::Follow`]).
    Followed(Box<Incoming>),
    Dragging(bool),
    /// The browser refused to create a download.
    DownloadRefused,
    /// The save file was handed to the browser under this name.
    SaveFileDownloaded(String),
    /// "Delete everything stored on this device", confirmed.
    DeleteEverything,
    /// The runtime deleted this many stored entries.
    DeletedEverything(usize),
    /// What the runtime found stored: answers per questionnaire id ([`Command::Survey`]).
    Surveyed(std::collections::BTreeMap<String, usize>),
    /// Download the stored entry with this key as a file (a kept copy that could not be read).
    DownloadBackup(String),
}

impl From<session::Event> for Event {
    fn from(event: session::Event) -> Event {
        Event::Flow(event)
    }
}

/// What the shell does for a transition. Storage commands are carried out by
/// `runtime::Runtime` over any `sync::Store`; the others need a browser.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Read storage for this questionnaire (and track it), then open it, with an imported
    /// assessment instead of the stored one if given; answers with [`Event::Opened`].
    Open {
        questionnaire: Rc<Questionnaire>,
        imported: Option<Box<Restored>>,
        replaced: Option<Box<Snapshot>>,
    },
    /// Store the open assessment (merging other tabs' writes); answers with [`Event::Saved`]
    /// or [`Event::SaveRefused`].
    Save,
    /// Read what storage holds for the incoming assessment's questionnaire; answers with
    /// [`Event::Offer`].
    LookUp(Box<Restored>),
    /// Merge another tab's write of the open assessment; answers with [`Event::Followed`].
    Follow(String),
    RememberLang(Lang),
    /// Reload the page in `lang`, then show this screen and section again (`Event::Resume`).
    Reload {
        lang: Lang,
        resume: Option<(Screen, usize)>,
    },
    /// The next visit starts at the list of questionnaires.
    ForgetLast,
    Download(Export),
    /// Take the share link out of the address bar, so a reload does not reopen it.
    ClearFragment,
    /// A message for the host's developer console.
    Warn(String),
    /// Delete every entry this widget stored; answers with [`Event::DeletedEverything`].
    DeleteEverything,
    /// Count the answers stored for each offered questionnaire; answers with
    /// [`Event::Surveyed`].
    Survey,
    /// Hand the stored entry with this key to the person as a file (shell).
    DownloadStored(String),
}

/// The built-in questionnaires, validated, in every language.
#[derive(Debug, Default)]
pub struct Library {
    langs: Vec<(Lang, Rc<Vec<Rc<Questionnaire>>>)>,
}

impl Library {
    /// The questionnaires of `content` (its catalogues are `i18n::install`ed separately).
    pub fn new(content: Content) -> Library {
        let langs = content
            .into_iter()
            .map(|c| {
                (
                    c.lang,
                    Rc::new(c.questionnaires.into_iter().map(Rc::new).collect()),
                )
            })
            .collect();
        Library { langs }
    }

    /// Whether the questionnaires in `lang` are here (a page holds one language; switching to
    /// another reloads into it).
    pub fn has(&self, lang: Lang) -> bool {
        self.langs.iter().any(|(l, _)| *l == lang)
    }

    /// The built-in questionnaires, validated and translated from their files (native tools and
    /// tests; the wasm unpacks what the build packed instead).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn built_in() -> Library {
        Library::new(catalogue::content())
    }

    /// The questionnaires in `lang` (in the first language held if that one is missing).
    pub fn in_lang(&self, lang: Lang) -> Rc<Vec<Rc<Questionnaire>>> {
        let found = self
            .langs
            .iter()
            .find(|(l, _)| *l == lang)
            .or(self.langs.first());
        found.map(|(_, list)| Rc::clone(list)).unwrap_or_default()
    }
}

impl AppState {
    /// The app before anything is opened, shown in `lang`.
    pub fn new(lang: Lang, library: Rc<Library>, today: Date) -> AppState {
        AppState {
            lang,
            library,
            flow: State::default(),
            shared: None,
            storage: Storage::On,
            compared: None,
            team: None,
            workshop_opening: false,
            saved_counts: Rc::default(),
            dragging: false,
            switch_confirmed: None,
            today,
        }
    }

    /// The questionnaire with this id and version, in the language on screen.
    fn find(&self, q: &Questionnaire) -> Option<Rc<Questionnaire>> {
        self.questionnaires()
            .iter()
            .find(|x| x.id == q.id && x.version == q.version)
            .cloned()
    }

    /// The built-in questionnaires in the language on screen (derived, never stored: a page's
    /// library holds that language, see `initial` in the shell and `Event::SetLang`).
    pub fn questionnaires(&self) -> Rc<Vec<Rc<Questionnaire>>> {
        self.library.in_lang(self.lang)
    }

    /// Whether answers are being saved (the banner says so when not).
    pub fn saving(&self) -> bool {
        self.storage == Storage::On
    }

    /// The language of messages: the open questionnaire's, else the one on screen.
    fn message_lang(&self) -> Lang {
        self.flow
            .session
            .as_ref()
            .map_or(self.lang, |s| s.questionnaire.lang())
    }
}

/// The one place the app state changes. Pure: same state and event, same result.
pub fn transition(state: &AppState, event: Event) -> (AppState, Vec<Command>) {
    let mut next = state.clone();
    let mut commands = Vec::new();
    let lang = state.message_lang();
    let notify = |next: &mut AppState, notice: Notice| {
        next.flow = session::transition(&next.flow, session::Event::Notify(notice));
    };
    match event {
        Event::Start { asked, last } => {
            commands.push(Command::Survey);
            let offered = catalogue::offered(&state.questionnaires());
            let find = |id: &String| offered.iter().find(|q| &q.id == id);
            if let Some(id) = asked.as_ref().filter(|id| find(id).is_none()) {
                commands.push(Command::Warn(unknown_questionnaire(id, &offered)));
            }
            if let Some(q) = asked.or(last).as_ref().and_then(find) {
                commands.push(open(q, None, None));
            }
        }
        Event::Flow(event) => next.flow = session::transition(&state.flow, event),
        Event::Choose(q) => commands.push(open(&q, None, None)),
        Event::Opened { open, storage } => {
            next.storage = storage;
            next.compared = None;
            next.flow = session::transition(&state.flow, *open);
            // A workshop begun from the start screen: its questionnaire is open now.
            if std::mem::take(&mut next.workshop_opening) && next.team.is_some() {
                next.flow = session::transition(&next.flow, session::Event::Show(Screen::Team));
            }
        }
        Event::SetLang(chosen) if chosen == state.lang => {}
        Event::SetLang(chosen) if !state.library.has(chosen) => {
            // This page holds one language: the other one arrives by reloading into it, and
            // everything the reload must keep is in storage already, unless saving is off.
            let at_risk = !state.saving()
                && state
                    .flow
                    .session
                    .as_ref()
                    .is_some_and(|s| s.snapshot() != Snapshot::default());
            // The team view lives in this page only: its files, names and picks do not survive
            // a reload.
            let team_at_risk = state
                .team
                .as_ref()
                .is_some_and(|t| !t.respondents.is_empty());
            if (at_risk || team_at_risk) && next.switch_confirmed != Some(chosen) {
                next.switch_confirmed = Some(chosen);
                notify(&mut next, Notice::error(lang.t(if team_at_risk {
                    msg!("Switching the language reloads the page, and the team view lives in this page only: its files, the names you typed and the consensus picks would be lost. Adopt the consensus or export the team table first, then choose the language again to switch.")
                } else {
                    msg!("Switching the language reloads the page, and this browser is not saving your answers, so they would be lost. Save them to a file first (you can open it after the switch), then choose the language again to switch.")
                })));
            } else {
                commands.push(Command::RememberLang(chosen));
                let resume = state
                    .flow
                    .session
                    .as_ref()
                    .filter(|_| state.flow.screen != Screen::Start)
                    .map(|s| (state.flow.screen, s.section));
                commands.push(Command::Reload {
                    lang: chosen,
                    resume,
                });
            }
        }
        Event::SetLang(chosen) => {
            next.lang = chosen;
            commands.push(Command::RememberLang(chosen));
            if let Some(q) = state
                .flow
                .session
                .as_ref()
                .and_then(|s| next.find(&s.questionnaire))
            {
                if let Some(team) = &state.team {
                    // The respondents' answers stay; their items now read in the new language.
                    let mut team = (**team).clone();
                    team.questionnaire = Rc::clone(&q);
                    next.team = Some(Rc::new(team));
                }
                next.flow = session::transition(&state.flow, session::Event::Relocalise(q));
            }
            if let Some(view) = &state.shared {
                if let Some(q) = next.find(&view.questionnaire) {
                    next.shared = Some(Rc::new(Restored {
                        questionnaire: q,
                        ..(**view).clone()
                    }));
                }
            }
        }
        Event::Resume { screen, section } => {
            if state.flow.session.is_some() && screen != Screen::Start {
                let event = match screen {
                    Screen::Questions => session::Event::ShowSection(section),
                    // The respondents' files were in memory only.
                    Screen::Team => session::Event::Show(Screen::Results),
                    screen => session::Event::Show(screen),
                };
                next.flow = session::transition(&state.flow, event);
            }
        }
        Event::FileRead {
            purpose,
            name,
            bytes,
        } => file_read(&mut next, &mut commands, purpose, &name, bytes),
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
                    let pending = PendingImport {
                        restored: *restored,
                        replaces,
                    };
                    let ask = session::Event::AskImport(Box::new(pending));
                    next.flow = session::transition(&state.flow, ask);
                }
                None => {
                    let q = Rc::clone(&restored.questionnaire);
                    commands.push(open(&q, Some(*restored), None));
                }
            }
        }
        Event::ConfirmImport => {
            if let Some(pending) = state.flow.pending_import.as_ref() {
                let p = (**pending).clone();
                next.flow = session::transition(&state.flow, session::Event::CancelImport);
                let q = Rc::clone(&p.restored.questionnaire);
                commands.push(open(&q, Some(p.restored), Some(p.replaces)));
            }
        }
        Event::SharedLink(fragment) => {
            if fragment.starts_with(&format!("#{}", share::PREFIX)) {
                match share::decode(&fragment, &state.questionnaires()) {
                    Ok(restored) => {
                        if let Some(old) = &restored.migrated_from {
                            let q = &restored.questionnaire;
                            notify(&mut next, Notice::info(q.lang().f(
                                msg!("The shared link was made with version {old} of this questionnaire and was carried over to version {new}."),
                                &[("old", &outside(old, 20)), ("new", &q.version)],
                            )));
                        }
                        next.shared = Some(Rc::new(restored));
                    }
                    Err(e) => {
                        commands.push(Command::ClearFragment);
                        notify(&mut next, Notice::error(state.lang.f(
                            msg!("The shared link could not be opened: {why}. Your own answers are unchanged."),
                            &[("why", &e.message(state.lang))],
                        )));
                    }
                }
            }
        }
        Event::ImportShared => {
            if let Some(view) = next.shared.take() {
                commands.push(Command::ClearFragment);
                commands.push(Command::LookUp(Box::new((*view).clone())));
            }
        }
        Event::CloseShared => {
            next.shared = None;
            commands.push(Command::ClearFragment);
        }
        Event::CloseComparison => next.compared = None,
        Event::OpenTeam
        | Event::RenameRespondent { .. }
        | Event::RemoveRespondent(_)
        | Event::PickConsensus { .. }
        | Event::AdoptConsensus
        | Event::DismissRefusals => team_event(&mut next, event),
        Event::Export(export) => {
            if state.flow.session.is_some() {
                commands.push(Command::Download(export));
            }
        }
        Event::Saved {
            merged,
            moved_aside,
        } => {
            if let Some(incoming) = merged {
                let notice = if incoming.conflicts.is_empty() {
                    Notice::info(
                        lang.t(msg!("Changes made in another tab were merged with yours.")),
                    )
                } else {
                    Notice::info(lang.f(
                        msg!("Another tab changed the same answers; this tab's answer was kept for: {items}."),
                        &[("items", &lang.summary(&incoming.conflicts))],
                    ))
                };
                next.flow = adopt(&next.flow, *incoming, notice, false);
            }
            if moved_aside {
                notify(&mut next, Notice::error(lang.t(
                    msg!("Another copy of this assessment in this browser could not be read. It was kept (see \"Your data\" below) and your answers were saved."),
                )));
            }
        }
        Event::SaveRefused(refused) => {
            let (storage, text) = match refused {
                SaveRefused::Full => (Storage::Full, lang.t(
                    msg!("This browser refused to store your answers (storage is full or disabled). You can keep working and save them to a file, but they will be lost when you close the page."),
                )),
                SaveRefused::CannotMoveAside => (Storage::Blocked, lang.t(
                    msg!("Another copy of this assessment in this browser cannot be read and could not be kept aside, so saving is off to leave it untouched. Use \"Save to file\" to keep your answers."),
                )),
            };
            next.storage = storage;
            notify(&mut next, Notice::error(text));
        }
        Event::StorageChanged { key, text } => {
            let open = state
                .flow
                .session
                .as_ref()
                .map(|s| s.questionnaire.storage_key());
            if let (Some(text), true) = (text, open.as_ref() == Some(&key)) {
                commands.push(Command::Follow(text));
            }
        }
        Event::Followed(incoming) => {
            let notice = if incoming.conflicts.is_empty() {
                Notice::info(lang.t(msg!(
                    "This assessment was changed in another tab; its answers are shown here too."
                )))
            } else {
                Notice::info(lang.f(
                    msg!("This assessment was changed in another tab; this tab's answer was kept for: {items}."),
                    &[("items", &lang.summary(&incoming.conflicts))],
                ))
            };
            let save = incoming.needs_save;
            next.flow = adopt(&next.flow, *incoming, notice, save);
        }
        Event::Dragging(on) => next.dragging = on,
        Event::DownloadRefused => notify(
            &mut next,
            Notice::error(lang.t(msg!("The browser refused to create the file."))),
        ),
        Event::DeleteEverything => commands.push(Command::DeleteEverything),
        Event::DownloadBackup(key) => commands.push(Command::DownloadStored(key)),
        Event::Surveyed(counts) => next.saved_counts = Rc::new(counts),
        Event::DeletedEverything(removed) => {
            commands.push(Command::Survey);
            next.flow = session::transition(&next.flow, session::Event::Leave);
            next.team = None;
            next.compared = None;
            notify(
                &mut next,
                Notice::info(lang.n(
                    removed as u64,
                    plural!(
                        "Deleted everything this widget stored on this device ({n} item).",
                        "Deleted everything this widget stored on this device ({n} items)."
                    ),
                    &[],
                )),
            );
        }
        Event::SaveFileDownloaded(name) => notify(
            &mut next,
            Notice::info(lang.f(
                msg!("Saved as \"{name}\" where your browser keeps downloads. Open it here again with \"Open a saved file\", on any device."),
                &[("name", &outside(&name, 80))],
            )),
        ),
    }
    follow_up(state, &mut next, &mut commands);
    (next, commands)
}

/// What any change implies: a save when the assessment changed, forgetting the last
/// questionnaire when the person went back to the list, and no comparison of another one.
fn follow_up(state: &AppState, next: &mut AppState, commands: &mut Vec<Command>) {
    let revision = |s: &AppState| {
        s.flow
            .session
            .as_ref()
            .map(|x| (x.questionnaire.id.clone(), x.revision))
    };
    if let Some((_, rev)) = revision(next) {
        if rev > 0 && revision(state) != revision(next) {
            commands.push(Command::Save);
        }
    }
    if next.flow.screen == Screen::Start && state.flow.screen != Screen::Start {
        commands.push(Command::ForgetLast);
        commands.push(Command::Survey);
        next.compared = None;
    }
    let open_id = next.flow.session.as_ref().map(|s| &s.questionnaire.id);
    if !next.workshop_opening
        && next
            .team
            .as_ref()
            .is_some_and(|t| Some(&t.questionnaire.id) != open_id)
    {
        next.team = None;
    }
    if next.flow.screen == Screen::Team && next.team.is_none() {
        next.flow = session::transition(&next.flow, session::Event::Show(Screen::Results));
    }
}

/// The team view's events: nothing here is stored until the consensus is adopted.
fn team_event(next: &mut AppState, event: Event) {
    let Some(session) = next.flow.session.as_ref() else {
        return;
    };
    if let Event::OpenTeam = event {
        if next.team.is_none() {
            next.team = Some(Rc::new(Team::new(Rc::clone(&session.questionnaire))));
        }
        next.flow = session::transition(&next.flow, session::Event::Show(Screen::Team));
        return;
    }
    let Some(mut team) = next.team.as_deref().cloned() else {
        return;
    };
    match event {
        Event::RenameRespondent { index, name } => {
            // The field holds at most MAX_NAME_CHARS (its maxlength); a longer one is not a
            // typed name and is not taken.
            let fits =
                crate::model::answers::text_length(&name) <= crate::model::answers::MAX_NAME_CHARS;
            if let Some(r) = team.respondents.get_mut(index).filter(|_| fits) {
                r.name = name;
            }
        }
        Event::RemoveRespondent(index) => team.remove(index),
        Event::PickConsensus { item, pick } => team.pick(&item, pick),
        Event::DismissRefusals => team.refused.clear(),
        Event::AdoptConsensus if team.ready() => {
            let lang = session.questionnaire.lang();
            let before = session.snapshot();
            // Every respondent's notes and justifications come along, attributed; the
            // assessment records that it is a consensus and who took part.
            let (notes, cut) = team.consensus_notes(&before.notes);
            let consensus = Snapshot {
                answers: team.consensus(),
                profile: team.comparison_profile(&before.profile),
                notes,
                people: crate::model::answers::People {
                    respondent: before.people.respondent.clone(),
                    consensus_of: team.respondents.iter().map(|r| r.name.clone()).collect(),
                },
            };
            let mut flow = next.flow.clone();
            flow.undo = Some(Box::new(Undo {
                questionnaire: session.questionnaire.id.clone(),
                snapshot: before,
                said: Some(msg!(
                    "The answers you had before adopting the consensus are back."
                )),
            }));
            let mut text = lang.f(
                msg!("The team's consensus ({n} answers) is now your assessment, with everyone's notes. Change any answer as usual."),
                &[("n", &consensus.answers.len())],
            );
            if !cut.is_empty() {
                text.push(' ');
                text.push_str(&lang.f(
                    msg!("The notes on {items} were too long to join in full; the save files keep them all."),
                    &[("items", &cut.join(", "))],
                ));
            }
            let mut notice = Notice::info(text);
            notice.action = Some(NoticeAction::UndoImport);
            let adopt = session::Event::Adopt {
                snapshot: Box::new(consensus),
                notice: Some(notice),
                save: true,
            };
            flow = session::transition(&flow, adopt);
            next.flow = session::transition(&flow, session::Event::Show(Screen::Results));
            next.team = None;
            return;
        }
        _ => return,
    }
    next.team = Some(Rc::new(team));
}

fn open(q: &Rc<Questionnaire>, imported: Option<Restored>, replaced: Option<Snapshot>) -> Command {
    Command::Open {
        questionnaire: Rc::clone(q),
        imported: imported.map(Box::new),
        replaced: replaced.map(Box::new),
    }
}

fn adopt(flow: &State, incoming: Incoming, notice: Notice, save: bool) -> State {
    session::transition(
        flow,
        session::Event::Adopt {
            snapshot: Box::new(incoming.merged),
            notice: Some(notice),
            save,
        },
    )
}

/// A respondent's file: it joins the team view on screen; elsewhere it starts one, for the
/// open assessment's questionnaire or, from the start screen, for the file's own (which then
/// opens as the facilitator's assessment, their own answers untouched).
fn workshop_file(
    next: &mut AppState,
    commands: &mut Vec<Command>,
    name: &str,
    bytes: Result<Vec<u8>, String>,
) {
    let lang = next.lang;
    let on_screen = next.flow.screen == Screen::Team;
    let current = next
        .team
        .as_deref()
        .cloned()
        .filter(|_| on_screen || next.workshop_opening);
    let mut team = match (current, &next.flow.session) {
        (Some(team), _) => team,
        (None, Some(s)) if next.flow.screen != Screen::Start => {
            Team::new(Rc::clone(&s.questionnaire))
        }
        (None, _) => {
            // From the start screen: the first file says which questionnaire the workshop is of.
            let decoded = bytes.as_ref().map_err(Clone::clone).and_then(|b| {
                saved::decode_bytes(b, &next.questionnaires(), Source::Import)
                    .map_err(|e| e.message(lang))
            });
            match decoded {
                Ok(restored) => {
                    let q = Rc::clone(&restored.questionnaire);
                    commands.push(open(&q, None, None));
                    next.workshop_opening = true;
                    Team::new(q)
                }
                Err(why) => {
                    let text = lang.f(
                        msg!(
                            "\"{file}\" was not opened: {why}. Your current answers are unchanged."
                        ),
                        &[("file", &outside(name, 60)), ("why", &why)],
                    );
                    next.flow = session::transition(
                        &next.flow,
                        session::Event::Notify(Notice::error(text)),
                    );
                    return;
                }
            }
        }
    };
    match bytes {
        Ok(bytes) => team_files::add(&mut team, name, &bytes, lang),
        Err(why) => team.refuse(name, &why, lang),
    }
    next.team = Some(Rc::new(team));
    if next.flow.session.is_some() && !next.workshop_opening {
        next.flow = session::transition(&next.flow, session::Event::Show(Screen::Team));
    }
}

/// A chosen or dropped file: decoded completely, then offered for opening or compared; a
/// refusal names the file and leaves everything as it was.
fn file_read(
    next: &mut AppState,
    commands: &mut Vec<Command>,
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
    // Why the shell had no bytes, in the words every refusal below uses.
    let bytes = bytes.map_err(|problem| match problem {
        FileProblem::TooLarge(size) => SavedError::TooLarge(size).message(lang),
        FileProblem::Unreadable => lang.t(msg!("the browser could not read it")).into(),
    });
    let against: Vec<Rc<Questionnaire>> = match (purpose, &next.flow.session) {
        (Purpose::Team, _) => return workshop_file(next, commands, name, bytes),
        (Purpose::Compare, Some(s)) => vec![Rc::clone(&s.questionnaire)],
        (Purpose::Compare, None) => return,
        (Purpose::Open, _) => next.questionnaires().to_vec(),
    };
    let decoded = bytes.and_then(|bytes| {
        saved::decode_bytes(&bytes, &against, Source::Import).map_err(|e| e.message(lang))
    });
    let shown = outside(name, 60);
    match (decoded, purpose) {
        (Err(why), purpose) => {
            let refusal = match purpose {
                Purpose::Open | Purpose::Team => {
                    msg!("\"{file}\" was not opened: {why}. Your current answers are unchanged.")
                }
                Purpose::Compare => {
                    msg!(
                        "\"{file}\" cannot be compared: {why}. Your current answers are unchanged."
                    )
                }
            };
            let text = lang.f(refusal, &[("file", &shown), ("why", &why)]);
            next.flow =
                session::transition(&next.flow, session::Event::Notify(Notice::error(text)));
        }
        (Ok(restored), Purpose::Open | Purpose::Team) => {
            commands.push(Command::LookUp(Box::new(restored)))
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
                        ("file", &shown),
                        ("date", &lang.date(date)),
                        ("time", &time),
                    ],
                ),
                (Some(date), None) => lang.f(
                    msg!("{file}, saved {date}"),
                    &[("file", &shown), ("date", &lang.date(date))],
                ),
                (None, _) => shown,
            };
            let comparison =
                comparison::compare(&s.questionnaire, &s.profile, &earlier.answers, &s.answers);
            next.compared = Some(Rc::new(Compared { label, comparison }));
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

/// Runs `event` and every event its commands answer with, until only the shell's work is left.
/// `perform` carries out one command and returns the events it answers with (the shell: the
/// runtime over localStorage, downloads, the address bar; tests: the runtime over memory).
pub fn run(
    state: &AppState,
    event: Event,
    mut perform: impl FnMut(&AppState, Command) -> Vec<Event>,
) -> AppState {
    let mut state = state.clone();
    let mut queue = VecDeque::from([event]);
    while let Some(event) = queue.pop_front() {
        let (next, commands) = transition(&state, event);
        state = next;
        for command in commands {
            queue.extend(perform(&state, command));
        }
    }
    state
}

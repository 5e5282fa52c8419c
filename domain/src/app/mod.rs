//! The whole app state (language, the assessment flow, the shared view, storage status, the
//! comparison, dragging) and its one transition, which returns the new state and the commands
//! the shell carries out (storage through `runtime`, downloads and the address bar itself).

pub mod device;
pub mod edit;
pub mod flow;
pub mod import;
pub mod language;
pub mod navigate;
pub mod notices;
pub mod open;
pub mod runtime;
pub mod said;
pub mod session;
pub mod shared;
pub mod sync;
pub mod workshop;

use std::collections::VecDeque;
use std::rc::Rc;

use crate::figures::comparison::Comparison;
use crate::figures::team::Team;
use crate::formats::export::Export;
use crate::formats::packed::Content;
use crate::formats::saved::{Restored, Snapshot};
use crate::model::date::Date;
use crate::model::i18n::Lang;
use crate::model::questionnaire::{Head, Questionnaire};
use session::{Notice, Screen, State};

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

/// Everything that can happen to the app: one event of one of its small machines.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The assessment flow: the session's life, moving, editing, notices.
    Flow(flow::Event),
    Open(open::Event),
    Lang(language::Event),
    Import(import::Event),
    Shared(shared::Event),
    Workshop(workshop::Event),
    Device(device::Event),
}

/// Every machine's event is an app event (the flow's machines' too), so the shell and the
/// tests send `edit::Event::Answer { .. }` or `import::Event::Confirm` as they are.
macro_rules! app_event {
    ($($variant:ident($event:ty)),* $(,)?) => {$(
        impl From<$event> for Event {
            fn from(event: $event) -> Event {
                Event::$variant(event)
            }
        }
    )*};
}

app_event!(
    Flow(flow::Event),
    Open(open::Event),
    Lang(language::Event),
    Import(import::Event),
    Shared(shared::Event),
    Workshop(workshop::Event),
    Device(device::Event),
);

macro_rules! flow_event {
    ($($event:ty),*) => {$(
        impl From<$event> for Event {
            fn from(event: $event) -> Event {
                Event::Flow(event.into())
            }
        }
    )*};
}

flow_event!(navigate::Event, edit::Event, notices::Event);

/// What a transition asks for: storage work, which `runtime::Runtime` carries out over any
/// `sync::Store`, or work only a browser can do, which the shell carries out.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Store(StoreCommand),
    Shell(ShellCommand),
}

/// Storage work; each answers with the events named.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreCommand {
    /// Read storage for this questionnaire (and track it), then open it, with an imported
    /// assessment instead of the stored one if given; answers with [`open::Event::Opened`].
    Open {
        questionnaire: Rc<Questionnaire>,
        imported: Option<Box<Restored>>,
        replaced: Option<Box<Snapshot>>,
    },
    /// Store the open assessment (merging other tabs' writes); answers with
    /// [`device::Event::Saved`] or [`device::Event::SaveRefused`].
    Save,
    /// Read what storage holds for the incoming assessment's questionnaire; answers with
    /// [`import::Event::Offer`].
    LookUp(Box<Restored>),
    /// Merge another tab's write of the open assessment; answers with
    /// [`device::Event::Followed`].
    Follow(String),
    RememberLang(Lang),
    /// The next visit starts at the list of questionnaires.
    ForgetLast,
    /// Delete every entry this widget stored; answers with [`device::Event::Deleted`].
    DeleteEverything,
    /// Count the answers stored for each offered questionnaire; answers with
    /// [`device::Event::Surveyed`].
    Survey,
}

/// Work only the browser can do (the shell matches every one).
#[derive(Clone, Debug, PartialEq)]
pub enum ShellCommand {
    /// Reload the page in `lang`, then show this screen and section again
    /// ([`language::Event::Resume`]).
    Reload {
        lang: Lang,
        resume: Option<(Screen, usize)>,
    },
    /// Make this file and hand it to the browser; answers with
    /// [`shared::Event::DownloadRefused`] or [`shared::Event::SaveFileDownloaded`].
    Download(Export),
    /// Make this file and hand it to the system's share sheet (on a phone: mail, messengers,
    /// cloud drives), or download it where the browser cannot share files.
    Share(Export),
    /// Take the share link out of the address bar, so a reload does not reopen it.
    ClearFragment,
    /// A message for the host's developer console.
    Warn(String),
    /// Hand the stored entry with this key to the person as a file.
    DownloadStored(String),
}

impl From<StoreCommand> for Command {
    fn from(command: StoreCommand) -> Command {
        Command::Store(command)
    }
}

impl From<ShellCommand> for Command {
    fn from(command: ShellCommand) -> Command {
        Command::Shell(command)
    }
}

/// The commands a transition asks for, in order.
#[derive(Debug, Default)]
pub(crate) struct Commands(Vec<Command>);

impl Commands {
    pub(crate) fn push(&mut self, command: impl Into<Command>) {
        self.0.push(command.into());
    }
}

/// The built-in questionnaires, validated, in every language. A first visit starts with their
/// heads only (the start screen's titles, summaries and counts) and takes the questionnaires
/// when they arrive ([`Library::with`]); until then [`Library::complete`] is false and the
/// shell holds back the events that need them.
#[derive(Debug, Default)]
pub struct Library {
    langs: Vec<(Lang, Rc<Vec<Rc<Questionnaire>>>)>,
    heads: Vec<(Lang, Rc<Vec<Head>>)>,
}

/// The same library, not an equal one: a page builds it once, and once more when the
/// questionnaires arrive (as `AppState` compares it; comparing every questionnaire would bring
/// that code into the start module for nothing).
impl PartialEq for Library {
    fn eq(&self, other: &Library) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Library {
    /// The heads and questionnaires of `content` (its catalogues are `i18n::install`ed
    /// separately).
    pub fn new(content: Content) -> Library {
        Library::default().with(content)
    }

    /// This library with `content` added (the questionnaires of a first visit, arrived).
    pub fn with(&self, content: Content) -> Library {
        let mut library = Library {
            langs: self.langs.clone(),
            heads: self.heads.clone(),
        };
        for c in content {
            if !c.heads.is_empty() {
                library.heads.retain(|(l, _)| *l != c.lang);
                library.heads.push((c.lang, Rc::new(c.heads)));
            }
            if !c.questionnaires.is_empty() {
                library.langs.retain(|(l, _)| *l != c.lang);
                let list = c.questionnaires.into_iter().map(Rc::new).collect();
                library.langs.push((c.lang, Rc::new(list)));
            }
        }
        library
    }

    /// Whether the questionnaires in `lang` are here, or on their way (a page holds one
    /// language; switching to another reloads into it).
    pub fn has(&self, lang: Lang) -> bool {
        self.heads.iter().any(|(l, _)| *l == lang)
    }

    /// Whether every language's questionnaires are here, not only their heads.
    pub fn complete(&self) -> bool {
        self.heads
            .iter()
            .all(|(l, _)| self.langs.iter().any(|(x, _)| x == l))
    }

    /// What the start screen shows of the questionnaires in `lang` (in the first language held
    /// if that one is missing).
    pub fn heads_in(&self, lang: Lang) -> Rc<Vec<Head>> {
        in_lang(&self.heads, lang)
    }

    /// The built-in questionnaires, validated and translated from their files (native tools and
    /// tests; the wasm unpacks what the build packed instead).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn built_in() -> Library {
        let marks = crate::model::i18n::compiled_marks();
        Library::new(crate::formats::catalogue::content(&marks).expect("distinct ids"))
    }

    /// The questionnaires in `lang` (in the first language held if that one is missing).
    pub fn in_lang(&self, lang: Lang) -> Rc<Vec<Rc<Questionnaire>>> {
        in_lang(&self.langs, lang)
    }
}

/// The list held for `lang` (the first language's if that one is missing; none if none is).
fn in_lang<T>(lists: &[(Lang, Rc<Vec<T>>)], lang: Lang) -> Rc<Vec<T>> {
    let found = lists.iter().find(|(l, _)| *l == lang).or(lists.first());
    found.map(|(_, list)| Rc::clone(list)).unwrap_or_default()
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

    /// The language of messages (notices are worded in it when shown): the open
    /// questionnaire's, else the one on screen.
    pub fn message_lang(&self) -> Lang {
        self.flow
            .session
            .as_ref()
            .map_or(self.lang, |s| s.questionnaire.lang())
    }
}

/// The one place the app state changes. Pure: same state and event, same result. Each
/// machine updates its part; `follow_up` adds what any change implies.
pub fn transition(state: &AppState, event: Event) -> (AppState, Vec<Command>) {
    let mut next = state.clone();
    let mut commands = Commands::default();
    match event {
        Event::Flow(event) => next.flow = flow::transition(&state.flow, event),
        Event::Open(event) => open::update(state, &mut next, event, &mut commands),
        Event::Lang(event) => language::update(state, &mut next, event, &mut commands),
        Event::Import(event) => import::update(state, &mut next, event, &mut commands),
        Event::Shared(event) => shared::update(state, &mut next, event, &mut commands),
        Event::Workshop(event) => workshop::update(&mut next, event),
        Event::Device(event) => device::update(state, &mut next, event, &mut commands),
    }
    follow_up(state, &mut next, &mut commands);
    (next, commands.0)
}

/// Shows a notice (the flow's notices machine).
pub(crate) fn notify(next: &mut AppState, notice: Notice) {
    next.flow = flow::transition(&next.flow, notices::Event::Notify(notice));
}

/// Shows a screen (the flow's navigation machine).
pub(crate) fn show(next: &mut AppState, screen: Screen) {
    next.flow = flow::transition(&next.flow, navigate::Event::Show(screen));
}

/// What any change implies: a save when the assessment changed, forgetting the last
/// questionnaire when the person went back to the list, and no comparison of another one.
fn follow_up(state: &AppState, next: &mut AppState, commands: &mut Commands) {
    let revision = |s: &AppState| {
        s.flow
            .session
            .as_ref()
            .map(|x| (x.questionnaire.id.clone(), x.revision))
    };
    if let Some((_, rev)) = revision(next) {
        if rev > 0 && revision(state) != revision(next) {
            commands.push(StoreCommand::Save);
        }
    }
    if next.flow.screen == Screen::Start && state.flow.screen != Screen::Start {
        commands.push(StoreCommand::ForgetLast);
        commands.push(StoreCommand::Survey);
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
        show(next, Screen::Results);
    }
}

/// Opening a questionnaire: storage is read first ([`StoreCommand::Open`]).
pub(crate) fn opening(
    q: &Rc<Questionnaire>,
    imported: Option<Restored>,
    replaced: Option<Snapshot>,
) -> StoreCommand {
    StoreCommand::Open {
        questionnaire: Rc::clone(q),
        imported: imported.map(Box::new),
        replaced: replaced.map(Box::new),
    }
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

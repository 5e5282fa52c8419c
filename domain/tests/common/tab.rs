//! One browser tab for the native flow tests: the app state, the runtime over an in-memory store
//! it may share with other tabs, and the commands left for the shell (downloads, the address
//! bar, console warnings): the same `app::run` and `runtime::Runtime` the browser shell uses.

use aims_domain::app::open;
use std::cell::RefCell;
use std::rc::Rc;

use aims_domain::app::runtime::Runtime;
use aims_domain::app::sync::MemoryStore;
use aims_domain::app::{run, AppState, Command, Event, Library, ShellCommand};
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;

pub const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

pub type Shared = Rc<RefCell<MemoryStore>>;

pub fn store() -> Shared {
    Rc::new(RefCell::new(MemoryStore::default()))
}

pub struct Tab {
    pub state: AppState,
    pub runtime: Runtime<Shared>,
    pub shell: Vec<ShellCommand>,
}

impl Tab {
    /// A tab with every built-in questionnaire in every language, started as a page starts.
    pub fn new(store: &Shared, lang: Lang) -> Tab {
        Tab::with_library(store, lang, Library::built_in())
    }

    pub fn with_library(store: &Shared, lang: Lang, library: Library) -> Tab {
        let state = AppState::new(lang, Rc::new(library), TODAY);
        let runtime = Runtime::new(
            Rc::clone(store),
            || "2026-12-01T09:00:00.000Z".into(),
            || "a1b2c3d4e5f60718".into(),
        );
        let mut tab = Tab {
            state,
            runtime,
            shell: Vec::new(),
        };
        let last = tab.runtime.last_opened();
        tab.send(open::Event::Start { asked: None, last });
        tab
    }

    /// The person chooses `q` on the start screen (by its id and version, as the screen does).
    pub fn pick(&mut self, q: &aims_domain::Questionnaire) {
        self.send(open::Event::Pick {
            id: q.id.clone(),
            version: q.version.clone(),
        });
    }

    /// Runs `event` and every event its commands answer with; the shell's commands are kept.
    pub fn send(&mut self, event: impl Into<Event>) {
        let (runtime, shell) = (&mut self.runtime, &mut self.shell);
        self.state = run(&self.state, event.into(), |state, command| match command {
            Command::Store(command) => runtime.perform(state, command),
            Command::Shell(command) => {
                shell.push(command);
                Vec::new()
            }
        });
    }
}

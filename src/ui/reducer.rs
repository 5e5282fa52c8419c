//! The app's reducer and what it carries out (storage through the domain's runtime over
//! localStorage, downloads, the address bar): brought by the questions module
//! (`later::reducer`), so the start module holds none of the machines, the runtime, the saved
//! format or the share links. The shell holds every event until it is here.

use std::cell::{Cell, RefCell};

use super::files;
use super::hooks::clear_fragment;
use super::rescue;
use super::storage::{self, Local};
use crate::domain::app::runtime::Runtime;
use crate::domain::app::session::{ExportContext, Screen, Session};
use crate::domain::app::{run, shared, AppState, Command, Event, ShellCommand};
use crate::domain::formats::export::{Export, File};
use crate::domain::host::embed::EmbedConfig;
use crate::domain::model::i18n::Lang;

/// The app's one transition with its commands carried out: the domain's `run` over this
/// browser, and the rescue download kept up to date with the answers.
pub fn reduce(state: &AppState, event: Event) -> AppState {
    let next = run(state, event, perform);
    if next.flow.session != state.flow.session {
        remember_for_rescue(&next);
    }
    next
}

/// What the later module gives for the exports: every export but the save file, and the share
/// sheet (only its screens offer them, so it is loaded when they are asked for).
#[derive(Clone, Copy)]
pub struct Exports {
    pub export: fn(&Session, Export, &ExportContext) -> Option<File>,
    pub share: fn(&File) -> bool,
}

thread_local! {
    static EXPORTS: Cell<Option<Exports>> = const { Cell::new(None) };
}

/// Called by `later` when the later module has loaded.
pub fn keep_exports(exports: Exports) {
    EXPORTS.set(Some(exports));
}

/// An export other than the save file; `None` if the later module is not loaded or the export
/// has nothing to write.
fn later_export(session: &Session, export: Export, context: &ExportContext) -> Option<File> {
    EXPORTS
        .get()
        .and_then(|e| (e.export)(session, export, context))
}

/// Hands `file` to the system's share sheet; false if it cannot (or the later module is not
/// loaded), and the caller downloads the file instead.
fn share(file: &File) -> bool {
    EXPORTS.get().is_some_and(|e| (e.share)(file))
}

thread_local! {
    /// The storage side of the app: localStorage and the open assessment's tracker.
    pub(crate) static RUNTIME: RefCell<Runtime<Local>> =
        RefCell::new(Runtime::new(Local, storage::now_iso, storage::new_id));
}

/// The rescue download (shown if the app ever fails) holds the latest answers, stored or not.
fn remember_for_rescue(state: &AppState) {
    if let Some(s) = &state.flow.session {
        let file = s.save_file(&storage::now_iso());
        rescue::remember(file.name, file.text);
    }
}

/// Carries out one command: storage in the domain's runtime, the browser's work here.
fn perform(state: &AppState, command: Command) -> Vec<Event> {
    match command {
        Command::Store(command) => {
            RUNTIME.with(|runtime| runtime.borrow_mut().perform(state, command))
        }
        Command::Shell(command) => shell(state, command),
    }
}

/// The open assessment's `export`: the save file made here; every other export comes with the
/// later module, which is loaded by then (only its screens offer them).
fn make(state: &AppState, export: Export) -> Option<File> {
    let now = storage::now_iso();
    state.flow.session.as_ref().and_then(|s| match export {
        Export::SaveFile => Some(s.save_file(&now)),
        other => later_export(s, other, &export_context(state, &now)),
    })
}

/// The browser's work; no wildcard, so a new command that nobody carries out fails to compile
/// instead of silently doing nothing.
fn shell(state: &AppState, command: ShellCommand) -> Vec<Event> {
    match command {
        ShellCommand::Download(export) => match make(state, export) {
            Some(file) if !files::download(&file) => {
                vec![shared::Event::DownloadRefused.into()]
            }
            Some(file) if export == Export::SaveFile => {
                vec![shared::Event::SaveFileDownloaded(file.name).into()]
            }
            _ => Vec::new(),
        },
        ShellCommand::Share(export) => match make(state, export) {
            Some(file) if !share(&file) && !files::download(&file) => {
                vec![shared::Event::DownloadRefused.into()]
            }
            _ => Vec::new(),
        },
        ShellCommand::ClearFragment => {
            clear_fragment();
            Vec::new()
        }
        ShellCommand::Reload { lang, resume } => {
            reload_in(lang, resume);
            Vec::new()
        }
        ShellCommand::Warn(text) => {
            web_sys::console::warn_1(&format!("readiness check: {text}").into());
            Vec::new()
        }
        ShellCommand::DownloadStored(key) => {
            let file = storage::get(&key).map(|text| File {
                name: format!("{}.json", key.replace(':', "-")),
                mime: "application/json",
                text,
                bytes: Vec::new(),
            });
            match file {
                Some(file) if !files::download(&file) => {
                    vec![shared::Event::DownloadRefused.into()]
                }
                _ => Vec::new(),
            }
        }
    }
}

/// Where this tab keeps the screen to show again after a reload into another language.
pub(crate) const RESUME: &str = "aims-readiness:resume";

/// Reloads the page in `lang`: the language goes into the address (it outranks the stored
/// preference, also when storage is off), the screen to show again into this tab's session
/// storage; answers and notes are in local storage already.
fn reload_in(lang: Lang, resume: Option<(Screen, usize)>) {
    let window = gloo::utils::window();
    if let (Some((screen, section)), Ok(Some(tab))) = (resume, window.session_storage()) {
        let _ = tab.set_item(RESUME, &format!("{}:{section}", screen.key()));
    }
    let location = window.location();
    let mut query: Vec<String> = location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .map(str::to_string)
        .collect();
    query.push(format!("lang={}", lang.code()));
    let url = format!(
        "{}?{}{}",
        location.pathname().unwrap_or_default(),
        query.join("&"),
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    let _ = location.reload();
}

/// The host's configuration, kept for the Word documents' first lines (its name and logo);
/// set once, at start.
static HOST: std::sync::OnceLock<EmbedConfig> = std::sync::OnceLock::new();

/// Keeps the host's configuration for the exports (once, at start).
pub fn keep_host(config: &EmbedConfig) {
    let _ = HOST.set(config.clone());
}

/// What the later module's exports need besides the session.
fn export_context<'a>(state: &'a AppState, now: &'a str) -> ExportContext<'a> {
    ExportContext {
        team: state.team.as_deref(),
        today: state.today,
        now,
        host: HOST.get().and_then(|c| c.host_name.as_deref()),
        logo: HOST.get().and_then(|c| {
            let alt = c.logo_alt.as_deref().unwrap_or_default();
            c.logo.as_deref().map(|url| (url, alt))
        }),
        charts: &[],
    }
}

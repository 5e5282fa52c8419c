//! The screens after "see results" (results, roadmap, printed report, adviser's sheet, team view,
//! shared view) and every export but the save file, in a later wasm module: the start module
//! holds what the first screens need, and these load when first wanted (or earlier, while the
//! person answers).
//!
//! With the `split` feature (the default) `parts` is a split point: `wasm-split-cli` moves
//! everything only it reaches into `split_later.wasm`, which public/boot.js fetched before the
//! network lock. Without it (`--no-default-features`: one module) the same code runs directly.

use std::cell::Cell;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::dispatch::Dispatch;
use super::screens::{
    AdviserProps, AdviserScreen, ReportProps, ReportScreen, ResultsProps, ResultsScreen,
    RoadmapProps, RoadmapScreen, SharedProps, SharedView, TeamProps, TeamScreen,
};
use super::use_lang;
use crate::domain::app::session::ExportContext;
use crate::domain::app::session::Session;
use crate::domain::app::shared;
use crate::domain::formats::export::{Export, File};
use crate::domain::model::i18n::msg;

/// A screen of the later module, with what it shows.
#[derive(Clone, PartialEq)]
pub enum View {
    Results(ResultsProps),
    Roadmap(RoadmapProps),
    Report(ReportProps),
    Adviser(AdviserProps),
    Team(TeamProps),
    Shared(SharedProps),
}

/// Renders a later screen (in the later module).
fn render(view: View) -> Html {
    match view {
        View::Results(props) => html! { <ResultsScreen ..props /> },
        View::Roadmap(props) => html! { <RoadmapScreen ..props /> },
        View::Report(props) => html! { <ReportScreen ..props /> },
        View::Adviser(props) => html! { <AdviserScreen ..props /> },
        View::Team(props) => html! { <TeamScreen ..props /> },
        View::Shared(props) => html! { <SharedView ..props /> },
    }
}

/// What the later module gives the start module: its screens, every export but the save file
/// (`export::Export::file`, with the writers of every format), and the share sheet (offered
/// only on its screens).
#[derive(Clone, Copy)]
pub struct Parts {
    render: fn(View) -> Html,
    export: fn(&Session, Export, &ExportContext) -> Option<File>,
    share: fn(&File) -> bool,
}

/// The later module did not arrive (or could not start).
pub struct Missing;

#[cfg(all(feature = "split", target_arch = "wasm32"))]
impl From<wasm_split_helpers::SplitLoaderError> for Missing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Missing {
        Missing
    }
}

/// The split point: the later module's parts, loaded on the first call.
#[cfg_attr(
    all(feature = "split", target_arch = "wasm32"),
    wasm_split_helpers::wasm_split(later, fallible)
)]
fn parts() -> Result<Parts, Missing> {
    Ok(Parts {
        render,
        export: export_with_logo,
        share: crate::ui::files::share,
    })
}

/// [`Session::export_with`], with a logo Word cannot take as it is (SVG, WebP, a file path)
/// drawn as a PNG for the Word documents.
fn export_with_logo(session: &Session, export: Export, context: &ExportContext) -> Option<File> {
    let word = matches!(export, Export::WordReport | Export::WordAdviserSheet);
    let drawn = context
        .logo
        .filter(|(url, _)| {
            word && !url.starts_with("data:image/png;") && !url.starts_with("data:image/jpeg;")
        })
        .and_then(|(_, alt)| Some((crate::ui::files::logo_as_png()?, alt)));
    match &drawn {
        Some((png, alt)) => {
            let context = ExportContext {
                logo: Some((png.as_str(), alt)),
                ..*context
            };
            session.export_with(export, &context)
        }
        None => session.export_with(export, context),
    }
}

/// The later module's parts, once loaded (a page loads it at most once).
#[cfg(all(feature = "split", target_arch = "wasm32"))]
async fn load() -> Result<Parts, Missing> {
    parts().await
}

#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
async fn load() -> Result<Parts, Missing> {
    parts()
}

thread_local! {
    static LOADED: Cell<Option<Parts>> = const { Cell::new(None) };
    /// Whether `preload` has started (the questions screen asks each time it is shown).
    static PRELOADING: Cell<bool> = const { Cell::new(false) };
}

/// An export other than the save file, made by the later module; `None` if it is not loaded
/// (only its screens offer these exports, so it is) or the export has nothing to write.
pub fn export(session: &Session, export: Export, context: &ExportContext) -> Option<File> {
    LOADED
        .get()
        .and_then(|parts| (parts.export)(session, export, context))
}

/// Hands `file` to the system's share sheet through the later module; false if it cannot (or
/// the module is not loaded), and the caller downloads the file instead.
pub fn share(file: &File) -> bool {
    LOADED.get().is_some_and(|parts| (parts.share)(file))
}

/// Starts loading the later module without waiting for it (while the person answers).
pub fn preload() {
    if LOADED.get().is_none() && !PRELOADING.replace(true) {
        spawn_local(async {
            if let Ok(parts) = load().await {
                LOADED.set(Some(parts));
            }
        });
    }
}

#[derive(Clone, Copy)]
enum Status {
    Loading,
    Ready(Parts),
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct LaterProps {
    pub view: View,
    /// Whether answers are being stored: if not, a reload would lose them, so the save file
    /// comes first.
    pub saving: bool,
    pub dispatch: Dispatch,
}

/// A later screen: shown at once when its module is here, else after a short wait; if the module
/// never arrives, a message in the person's language and a reload, with every answer safe.
#[function_component(Later)]
pub fn later(props: &LaterProps) -> Html {
    let lang = use_lang();
    let status = use_state(|| LOADED.get().map_or(Status::Loading, Status::Ready));
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            if matches!(*status, Status::Loading) {
                spawn_local(async move {
                    match load().await {
                        Ok(parts) => {
                            LOADED.set(Some(parts));
                            status.set(Status::Ready(parts));
                        }
                        Err(Missing) => status.set(Status::Failed),
                    }
                });
            }
        });
    }
    match *status {
        Status::Ready(parts) => (parts.render)(props.view.clone()),
        Status::Loading => html! {
            <p class="later-loading" role="status">{ lang.t(msg!("Loading…")) }</p>
        },
        Status::Failed => {
            let reload = Callback::from(|_| {
                let _ = gloo::utils::window().location().reload();
            });
            html! {
                <section class="notice error" role="alert" data-testid="later-missing">
                    <p>{ lang.t(msg!("This part of the readiness check did not arrive, so it cannot be shown. Your answers are safe.")) }</p>
                    if props.saving {
                        <p>{ lang.t(msg!("They are kept on this device: reload the page to try again.")) }</p>
                    } else {
                        <p>{ lang.t(msg!("Saving is off, so save them to a file before you reload the page.")) }</p>
                        <button type="button" class="button" onclick={props.dispatch.send(shared::Event::Export(Export::SaveFile))}>
                            { lang.t(msg!("Save to file")) }
                        </button>
                    }
                    <button type="button" class="button primary" onclick={reload}>{ lang.t(msg!("Reload the page")) }</button>
                </section>
            }
        }
    }
}

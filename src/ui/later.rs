//! The code loaded after the start module, in two later wasm modules: `questions` (the app's
//! reducer, `reducer::reduce`, which the shell waits for before it handles any event; the step
//! navigation with its share link, the profile and questions screens, the notices, the import
//! confirmation and "Your data", needed a moment after the start screen) and `later` (results,
//! roadmap, printed report, adviser's sheet, team view, shared view, and every export but the
//! save file). The start module holds the shell and the start screen; each later module loads
//! when first wanted (or earlier: the questions module at once, the later one while the person
//! answers).
//!
//! With the `split` feature (the default) `questions_parts` and `parts` are split points:
//! `wasm-split-cli` moves everything only one of them reaches into `split_<name>.wasm` (code both
//! reach into a shared chunk), which public/boot.js fetched before the network lock. Without it
//! (`--no-default-features`: one module) the same code runs directly.

use std::cell::Cell;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::components::{
    import_dialog, notice_bar, ImportProps, NoticeProps, StepNav, StepNavProps, YourData,
    YourDataProps,
};
use super::dispatch::Dispatch;
use super::reducer::{self, Exports};
use super::screens::bars;
use super::screens::{
    adviser_screen, questions_screen, team_screen, AdviserProps, ProfileProps, ProfileScreen,
    QuestionsProps, ReportProps, ReportScreen, ResultsProps, ResultsScreen, RoadmapProps,
    RoadmapScreen, SharedProps, SharedView, TeamProps,
};
use super::use_lang;
use crate::domain::app::session::ExportContext;
use crate::domain::app::session::Session;
use crate::domain::app::shared;
use crate::domain::app::{AppState, Event};
use crate::domain::figures::scoring::Assessment;
use crate::domain::formats::export::{Export, File};
use crate::domain::model::i18n::{msg, Lang};
use crate::domain::model::questionnaire::SectionKind;

/// A screen of a later module, with what it shows.
#[derive(Clone, PartialEq)]
pub enum View {
    /// The step navigation above the profile, questions and later screens.
    Nav(StepNavProps),
    Profile(ProfileProps),
    Questions(QuestionsProps),
    Results(ResultsProps),
    Roadmap(RoadmapProps),
    Report(ReportProps),
    Adviser(AdviserProps),
    Team(TeamProps),
    Shared(SharedProps),
    /// "Your data" in the footer, drawn once it is opened.
    YourData(YourDataProps),
    /// The confirmation before a file or link replaces answers.
    Import(Box<ImportProps>),
    /// A notice, worded.
    Notice(NoticeProps),
}

/// How a later module draws its screens.
type Render = fn(View, Lang) -> Html;

/// The module a screen's code is in.
#[derive(Clone, Copy, PartialEq)]
enum Module {
    Questions,
    Later,
}

impl View {
    fn module(&self) -> Module {
        match self {
            View::Nav(_)
            | View::Profile(_)
            | View::Questions(_)
            | View::YourData(_)
            | View::Import(_)
            | View::Notice(_) => Module::Questions,
            _ => Module::Later,
        }
    }
}

/// Renders the profile or the questions (in the questions module).
fn render_questions(view: View, lang: Lang) -> Html {
    match view {
        View::Nav(props) => html! { <StepNav ..props /> },
        View::Profile(props) => html! { <ProfileScreen ..props /> },
        View::Questions(props) => questions_screen(&props, lang),
        View::YourData(props) => html! { <YourData ..props /> },
        View::Import(props) => import_dialog(&props, lang),
        View::Notice(props) => notice_bar(&props, lang),
        _ => Html::default(),
    }
}

/// Renders a screen after the questions (in the later module).
fn render(view: View, lang: Lang) -> Html {
    match view {
        View::Nav(_)
        | View::Profile(_)
        | View::Questions(_)
        | View::YourData(_)
        | View::Import(_)
        | View::Notice(_) => Html::default(),
        View::Results(props) => html! { <ResultsScreen ..props /> },
        View::Roadmap(props) => html! { <RoadmapScreen ..props /> },
        View::Report(props) => html! { <ReportScreen ..props /> },
        View::Adviser(props) => adviser_screen(&props, lang),
        View::Team(props) => team_screen(&props, lang),
        View::Shared(props) => html! { <SharedView ..props /> },
    }
}

/// What the later module gives the start module: its screens, every export but the save file
/// (`export::Export::file`, with the writers of every format), and the share sheet (offered
/// only on its screens).
#[derive(Clone, Copy)]
pub struct Parts {
    render: Render,
    exports: Exports,
}

/// The app's transition with its commands carried out (`reducer::reduce`).
pub type Reduce = fn(&AppState, Event) -> AppState;

/// What the questions module gives the start module: its screens and the app's reducer.
#[derive(Clone, Copy)]
pub struct QuestionsParts {
    render: Render,
    reduce: Reduce,
}

/// The later module did not arrive (or could not start).
pub struct Missing;

#[cfg(all(feature = "split", target_arch = "wasm32"))]
impl From<wasm_split_helpers::SplitLoaderError> for Missing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Missing {
        Missing
    }
}

/// The split point of the questions module: its screens, loaded on the first call.
#[cfg_attr(
    all(feature = "split", target_arch = "wasm32"),
    wasm_split_helpers::wasm_split(questions, fallible)
)]
fn questions_parts() -> Result<QuestionsParts, Missing> {
    Ok(QuestionsParts {
        render: render_questions,
        reduce: reducer::reduce,
    })
}

/// The split point of the later module: its parts, loaded on the first call.
#[cfg_attr(
    all(feature = "split", target_arch = "wasm32"),
    wasm_split_helpers::wasm_split(later, fallible)
)]
fn parts() -> Result<Parts, Missing> {
    Ok(Parts {
        render,
        exports: Exports {
            export: export_with_pictures,
            share: crate::ui::files::share,
        },
    })
}

/// [`Session::export_with`], with the pictures the browser draws for the Word documents: a
/// logo Word cannot take as it is (SVG, WebP, a file path) as a PNG, and the report's two
/// maturity charts.
fn export_with_pictures(
    session: &Session,
    export: Export,
    context: &ExportContext,
) -> Option<File> {
    use crate::ui::canvas::{chart_as_png, logo_as_png};
    let word = matches!(export, Export::WordReport | Export::WordAdviserSheet);
    let drawn = context
        .logo
        .filter(|(url, _)| {
            word && !url.starts_with("data:image/png;") && !url.starts_with("data:image/jpeg;")
        })
        .and_then(|(_, alt)| Some((logo_as_png()?, alt)));
    let charts: Vec<(String, &str)> = if export == Export::WordReport {
        let q = &session.questionnaire;
        let lang = q.lang();
        let a = Assessment::compute(q, &session.profile, &session.answers);
        [
            (SectionKind::Clause, msg!("Score by clause, 4 to 10")),
            (
                SectionKind::Annex,
                msg!("Score by Annex A area, A.2 to A.10"),
            ),
        ]
        .into_iter()
        .filter_map(|(kind, title)| Some((chart_as_png(&bars(&a, q, kind), lang)?, lang.t(title))))
        .collect()
    } else {
        Vec::new()
    };
    let charts: Vec<(&str, &str)> = charts
        .iter()
        .map(|(url, alt)| (url.as_str(), *alt))
        .collect();
    let context = ExportContext {
        logo: match &drawn {
            Some((png, alt)) => Some((png.as_str(), alt)),
            None => context.logo,
        },
        charts: &charts,
        ..*context
    };
    session.export_with(export, &context)
}

/// Calls a split point: with the split, the call loads its module (once per page) and awaits it.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
macro_rules! split_point {
    ($point:ident) => {
        $point().await
    };
}
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
macro_rules! split_point {
    ($point:ident) => {
        $point()
    };
}

/// Loads `module` and keeps its parts.
async fn load(module: Module) -> Result<(), Missing> {
    match module {
        Module::Questions => QUESTIONS.set(Some(split_point!(questions_parts)?)),
        Module::Later => {
            let parts = split_point!(parts)?;
            reducer::keep_exports(parts.exports);
            LOADED.set(Some(parts.render));
        }
    }
    Ok(())
}

/// Loads the questions module (the app's reducer with it), once per page.
pub async fn load_questions() -> Result<(), Missing> {
    match QUESTIONS.get() {
        Some(_) => Ok(()),
        None => load(Module::Questions).await,
    }
}

/// The app's reducer, once the questions module is here.
pub fn reducer() -> Option<Reduce> {
    QUESTIONS.get().map(|parts| parts.reduce)
}

thread_local! {
    static QUESTIONS: Cell<Option<QuestionsParts>> = const { Cell::new(None) };
    /// The later module's screens (its exports are kept by `reducer`, which makes them).
    static LOADED: Cell<Option<Render>> = const { Cell::new(None) };
    /// The modules `preload` has started on (the questions screen asks each time it is shown).
    static PRELOADING: Cell<[bool; 2]> = const { Cell::new([false; 2]) };
}

/// How `module` renders its screens, once it is loaded.
fn renderer(module: Module) -> Option<Render> {
    match module {
        Module::Questions => QUESTIONS.get().map(|parts| parts.render),
        Module::Later => LOADED.get(),
    }
}

/// Starts the later module before it is wanted, while the person answers (for minutes); the
/// questions module is loaded at start by the shell, which waits for its reducer
/// (`load_questions`). An effect, not a side effect of rendering.
#[hook]
pub fn use_preload(answering: bool) {
    use_effect_with(answering, |&answering| {
        if answering {
            preload(Module::Later);
        }
    });
}

/// Starts loading `module` without waiting for it.
fn preload(module: Module) {
    let mut started = PRELOADING.get();
    if renderer(module).is_none() && !std::mem::replace(&mut started[module as usize], true) {
        PRELOADING.set(started);
        spawn_local(async move {
            let _ = load(module).await;
        });
    }
}

/// What a reload would do to the person's answers: what the notice for a missing part says.
#[derive(Clone, Copy, PartialEq)]
pub enum Answers {
    /// No assessment is open (a first visit's start screen): nothing to keep safe.
    None,
    /// Stored on this device: a reload brings them back.
    Stored,
    /// Saving is off: a reload would lose them, so the save file comes first.
    Unsaved,
}

impl Answers {
    pub fn of(state: &AppState) -> Answers {
        match (state.flow.session.is_some(), state.saving()) {
            (false, _) => Answers::None,
            (true, true) => Answers::Stored,
            (true, false) => Answers::Unsaved,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LaterProps {
    pub view: View,
    pub answers: Answers,
    pub dispatch: Dispatch,
    /// Nothing while the module loads or if it never arrives (the step navigation: the screen
    /// below it says so).
    #[prop_or_default]
    pub quiet: bool,
    /// Whether a first visit's questionnaires, and the texts that come with them, are here
    /// (`Library::complete`): until then the screen waits, as the questions module can come
    /// first, and a notice or "Your data" can show on the start screen before them.
    #[prop_or(true)]
    pub arrived: bool,
}

/// A screen of a later module: shown at once when its module (and the texts that come with the
/// questionnaires) are here, else after a short wait;
/// if the module never arrives, a message in the person's language and a reload, with every
/// answer safe.
#[function_component(Later)]
pub fn later(props: &LaterProps) -> Html {
    let lang = use_lang();
    let module = props.view.module();
    // The module whose load failed, if any; a re-render once one has loaded.
    let failed = use_state(|| None::<Module>);
    let loaded = use_force_update();
    {
        let failed = failed.clone();
        use_effect_with(module, move |&module| {
            if renderer(module).is_none() {
                spawn_local(async move {
                    match load(module).await {
                        Ok(()) => loaded.force_update(),
                        Err(Missing) => failed.set(Some(module)),
                    }
                });
            }
        });
    }
    match renderer(module).filter(|_| props.arrived) {
        Some(render) => render(props.view.clone(), lang),
        None if props.quiet => Html::default(),
        None if *failed != Some(module) => html! {
            <p class="later-loading" role="status">{ lang.t(msg!("Loading…")) }</p>
        },
        None => missing(lang, props.answers, &props.dispatch),
    }
}

/// What the page says when a part of it never arrived (a later module, or a first visit's
/// questionnaires): in the person's language, with a reload and every answer safe.
pub fn missing(lang: Lang, answers: Answers, dispatch: &Dispatch) -> Html {
    let reload = Callback::from(|_| {
        let _ = gloo::utils::window().location().reload();
    });
    html! {
        <section class="notice error" role="alert" data-testid="later-missing">
            if answers == Answers::None {
                <p>{ lang.t(msg!("This part of the readiness check did not arrive, so it cannot be shown.")) }</p>
                <p>{ lang.t(msg!("Reload the page to try again.")) }</p>
            } else {
                <p>{ lang.t(msg!("This part of the readiness check did not arrive, so it cannot be shown. Your answers are safe.")) }</p>
            }
            if answers == Answers::Stored {
                <p>{ lang.t(msg!("They are kept on this device: reload the page to try again.")) }</p>
            }
            if answers == Answers::Unsaved {
                <p>{ lang.t(msg!("Saving is off, so save them to a file before you reload the page.")) }</p>
                <button type="button" class="button" onclick={dispatch.send(shared::Event::Export(Export::SaveFile))}>
                    { lang.t(msg!("Save to file")) }
                </button>
            }
            <button type="button" class="button primary" onclick={reload}>{ lang.t(msg!("Reload the page")) }</button>
        </section>
    }
}

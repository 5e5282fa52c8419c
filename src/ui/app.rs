//! The root component: a reducer over the app state whose transition the questions module
//! brings (`reducer::reduce`, through `later::reducer`; every event is held until it is here),
//! and the frame around the screen on show.

use crate::domain::app::{language, open};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::components::{language_picker, ImportProps, NoticeProps, StepNavProps};
use super::dispatch::Dispatch;
use super::footer::Footer;
use super::hooks::{self, Shown};
use super::later::{self, Answers, Later, View};
use super::reducer::{self, RUNTIME};
use super::screens::{
    start_screen, AdviserProps, ProfileProps, QuestionsProps, ReportProps, ResultsProps,
    RoadmapProps, SharedProps, StartProps, TeamProps,
};
use super::storage;
use crate::domain::app::session::Screen;
use crate::domain::app::{AppState, Event, Library};
use crate::domain::formats::packed;
use crate::domain::host::embed::{EmbedConfig, Moment, Theme};
use crate::domain::host::welcome;
use crate::domain::model::i18n::{self, msg, Lang};

/// The app state, made reducible.
#[derive(Clone, PartialEq)]
pub struct Root(AppState);

impl Reducible for Root {
    type Action = Event;

    fn reduce(self: Rc<Self>, event: Event) -> Rc<Self> {
        // The dispatcher holds every event until the questions module brought the reducer.
        let Some(reduce) = later::reducer() else {
            return self;
        };
        let next = reduce(&self.0, event);
        if next == self.0 {
            return self;
        }
        Rc::new(Root(next))
    }
}

/// The content file boot.js fetched for the language on screen (every language in the offline
/// edition), validated and packed by the build script: its interface texts are installed, its
/// questionnaires (or, on a first visit, only what the start screen shows of them until they
/// arrive: `use_questionnaires`) become the library. `None` when it is missing or damaged (the
/// wasm holds no texts of its own, so `ui::start` shows a fixed notice instead of the app).
pub fn load_content() -> Option<Rc<Library>> {
    let mut content = global_bytes("aimsReadinessContent")
        .as_deref()
        .and_then(packed::unpack)?;
    i18n::install(texts_of(&mut content));
    let library = Library::new(content);
    // The questionnaires with the other texts, if boot.js had them before the start (not a
    // first visit).
    let questions = global_bytes("aimsReadinessQuestions")
        .as_deref()
        .and_then(packed::unpack);
    Some(Rc::new(match questions {
        Some(more) => library.with(install_later(more)),
        None => library,
    }))
}

/// Installs the texts that come with the questionnaires, and hands back the questionnaires.
fn install_later(mut content: packed::Content) -> packed::Content {
    i18n::install_later(texts_of(&mut content));
    content
}

/// The interface texts of each language in `content`, taken out of it.
fn texts_of(content: &mut packed::Content) -> Vec<(Lang, i18n::Texts)> {
    content
        .iter_mut()
        .map(|c| (c.lang, std::mem::take(&mut c.texts)))
        .collect()
}

/// The bytes boot.js left in `window[name]`, if it is a Uint8Array.
fn global_bytes(name: &str) -> Option<Vec<u8>> {
    js_sys::Reflect::get(&gloo::utils::window(), &name.into())
        .ok()
        .filter(|v| v.is_instance_of::<js_sys::Uint8Array>())
        .map(|v| js_sys::Uint8Array::from(v).to_vec())
}

/// Where what the app needs after the start is: the questions module with the reducer, and a
/// first visit's questionnaires with the rest of the texts.
#[derive(Clone, Copy, PartialEq)]
enum Arrival {
    /// On their way, and nothing waits for them yet but the app's own first events.
    Waiting,
    /// Here: events go straight to the reducer (the page marks it: `data-ready`).
    Here,
    /// On their way, and the person did something that needs them: "Loading…".
    Awaited,
    /// They did not arrive (or were damaged): the page says so, with a reload.
    Failed,
}

/// What the dispatcher does with events while the reducer (and a first visit's questionnaires)
/// are on their way.
enum Holding {
    /// Nothing: everything is here.
    Nothing,
    /// Holds every event, to send them in order when everything is here.
    Events(Vec<Event>),
    /// They will not arrive: an event shows why instead of waiting.
    Lost,
}

type Held = Rc<RefCell<Holding>>;

/// The dispatcher the components use, and where the reducer and the questionnaires are: every
/// event waits for them, the app's own first events (`first_events`) included.
#[yew::hook]
fn use_arrival(state: &UseReducerHandle<Root>, first: Vec<Event>) -> (Dispatch, Arrival) {
    let held: Held = (*use_memo((), |_| Rc::new(RefCell::new(Holding::Events(first))))).clone();
    let arrival = use_state(|| Arrival::Waiting);
    let dispatch = use_dispatch(state, held.clone(), arrival.setter());
    use_later_parts(state, held, arrival.clone());
    (dispatch, *arrival)
}

/// "Loading…" while a click waits for the reducer; a reload if it never arrives.
fn arrival_notice(arrival: Arrival, s: &AppState, dispatch: &Dispatch) -> Html {
    match arrival {
        Arrival::Waiting | Arrival::Here => Html::default(),
        Arrival::Awaited => html! {
            <p class="later-loading" role="status">{ s.lang.t(msg!("Loading…")) }</p>
        },
        Arrival::Failed => later::missing(s.lang, Answers::of(s), dispatch),
    }
}

#[yew::hook]
fn use_dispatch(
    state: &UseReducerHandle<Root>,
    held: Held,
    arrival: UseStateSetter<Arrival>,
) -> Dispatch {
    let reducer = state.dispatcher();
    (*use_memo((), move |_| {
        Dispatch(Callback::from(move |e: Event| {
            match &mut *held.borrow_mut() {
                Holding::Nothing => {}
                Holding::Events(queue) => {
                    queue.push(e);
                    return arrival.set(Arrival::Awaited);
                }
                Holding::Lost => return arrival.set(Arrival::Failed),
            }
            reducer.dispatch(e)
        }))
    }))
    .clone()
}

/// Waits for the network lock (boot.js's `aimsReadinessLocked`: no event is handled before it),
/// the questions module (the reducer) and, on a first visit, the questionnaires (a promise of
/// their bytes in `aimsReadinessQuestions`); once all are here the library is complete and the
/// held events follow. A missing module, or
/// a missing or damaged file, ends in `Arrival::Failed`: the app's first events are held, so it
/// is said at once.
#[yew::hook]
fn use_later_parts(state: &UseReducerHandle<Root>, held: Held, arrival: UseStateHandle<Arrival>) {
    let reducer = state.dispatcher();
    let library = Rc::clone(&state.0.library);
    use_effect_with((), move |_| {
        let promise = (!library.complete()).then(|| window_promise("aimsReadinessQuestions"));
        let locked = window_promise("aimsReadinessLocked");
        wasm_bindgen_futures::spawn_local(async move {
            // boot.js locks the network once the first parts are in: no event before that.
            let locked = match locked {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                None => true,
            };
            let module = later::load_questions().await.ok().filter(|_| locked);
            let content = match promise {
                None => Some(None),
                Some(p) => questionnaires(p).await.map(Some),
            };
            let (Some(()), Some(content)) = (module, content) else {
                web_sys::console::error_1(&"readiness check: a part of it did not arrive".into());
                *held.borrow_mut() = Holding::Lost;
                return arrival.set(Arrival::Failed);
            };
            if let Some(content) = content {
                let complete = Rc::new(library.with(install_later(content)));
                report_missed_texts();
                reducer.dispatch(open::Event::Arrived(complete).into());
            }
            if let Holding::Events(events) =
                std::mem::replace(&mut *held.borrow_mut(), Holding::Nothing)
            {
                for event in events {
                    reducer.dispatch(event);
                }
            }
            arrival.set(Arrival::Here);
        });
    });
}

/// The promise boot.js left in `window[name]`, if there is one (the offline edition has none).
fn window_promise(name: &str) -> Option<js_sys::Promise> {
    js_sys::Reflect::get(&gloo::utils::window(), &name.into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Promise>().ok())
}

/// The questionnaires of a first visit, once `promise` (boot.js's request) has their bytes;
/// `None` if there is no request, it failed, or they are damaged.
async fn questionnaires(promise: Option<js_sys::Promise>) -> Option<packed::Content> {
    let bytes = wasm_bindgen_futures::JsFuture::from(promise?).await.ok()?;
    bytes
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .and_then(|b| packed::unpack(&b.to_vec()))
}

/// Reports texts the start screen asked for before they arrived: build.rs put a text it shows
/// with the later texts.
fn report_missed_texts() {
    let missed = i18n::missed();
    if !missed.is_empty() {
        let ids: Vec<String> = missed.iter().map(u32::to_string).collect();
        let text = format!(
            "readiness check: texts shown before they arrived: {}",
            ids.join(", ")
        );
        web_sys::console::error_1(&text.into());
    }
}

/// The screen and section to show again after a language reload (read once, then forgotten).
fn take_resume() -> Option<Event> {
    let tab = gloo::utils::window().session_storage().ok().flatten()?;
    let hint = tab.get_item(reducer::RESUME).ok().flatten()?;
    let _ = tab.remove_item(reducer::RESUME);
    let (screen, section) = hint.split_once(':')?;
    Some(
        language::Event::Resume {
            screen: Screen::from_key(screen)?,
            section: section.parse().ok()?,
        }
        .into(),
    )
}

/// The host's configuration, from the embed URL and the host.json boot.js read (settings in the
/// host's name come from host.json unless it turns URL settings on: `EmbedConfig::read`);
/// anything malformed or refused is ignored with a warning.
fn read_config() -> Rc<EmbedConfig> {
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    let host = js_sys::Reflect::get(&window, &"aimsReadinessHost".into())
        .ok()
        .and_then(|v| v.as_string());
    // Without `lang` in the URL the page shows the language of an earlier visit, else the
    // browser's (as `initial` decides); the host's texts are taken in it.
    let lang = RUNTIME
        .with(|r| r.borrow().stored_lang())
        .or_else(storage::browser_lang)
        .unwrap_or_default();
    let (config, warnings) = EmbedConfig::read(&search, host.as_deref(), lang);
    // Also kept for the host studio, which shows each problem next to its field.
    let _ = js_sys::Reflect::set(
        &window,
        &"aimsReadinessWarnings".into(),
        &warnings.join("\n").into(),
    );
    for warning in warnings {
        web_sys::console::warn_1(&format!("readiness check: {warning}").into());
    }
    reducer::keep_host(&config);
    Rc::new(config)
}

/// The first state: the host's language, else the one chosen on an earlier visit, else the
/// browser's, on the start screen; `first_events` open the questionnaire the host asked for or
/// the one used last once the reducer is here.
fn initial(config: &EmbedConfig, library: Rc<Library>) -> Root {
    let stored_lang = RUNTIME.with(|r| r.borrow().stored_lang());
    let wanted = config
        .language
        .or(stored_lang)
        .or_else(storage::browser_lang)
        .unwrap_or_default();
    // boot.js made the same choice and fetched that language; should they ever differ, the
    // page shows the language it holds.
    let lang = Some(wanted)
        .filter(|l| library.has(*l))
        .or_else(|| Lang::ALL.into_iter().find(|l| library.has(*l)))
        .unwrap_or_default();
    Root(AppState::new(lang, library, storage::today()))
}

/// The events the app starts with (held until the reducer is here): open what the host asked
/// for or what was used last, and show again the screen a language reload left. True when they
/// open another screen than the start screen (or a shared link will).
fn first_events(config: &EmbedConfig) -> (Vec<Event>, bool) {
    let last = RUNTIME.with(|r| r.borrow().last_opened());
    let asked = config.questionnaire.clone();
    let resume = take_resume();
    let link = !gloo::utils::window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .is_empty();
    let opening = asked.is_some() || last.is_some() || resume.is_some() || link;
    let mut events = vec![open::Event::Start { asked, last }.into()];
    events.extend(resume);
    (events, opening)
}

/// The page title, which also names the PDF a browser prints: the report gets its own.
fn title(s: &AppState) -> String {
    match (&s.flow.screen, &s.flow.session) {
        (Screen::Adviser, Some(session)) => s.lang.f(
            msg!("{title}: adviser's sheet, {date}"),
            &[
                ("title", &session.questionnaire.title),
                ("date", &s.lang.date(s.today)),
            ],
        ),
        (Screen::Report, Some(session)) => s.lang.f(
            msg!("{title}: readiness report, {date}"),
            &[
                ("title", &session.questionnaire.title),
                ("date", &s.lang.date(s.today)),
            ],
        ),
        _ => s.lang.t(msg!("ISO/IEC 42001 readiness check")).to_string(),
    }
}

/// The screen on show: shared results over everything, else the flow's screen. The screens
/// after "see results" come from the later module (`later`).
fn body(s: &AppState, dispatch: &Dispatch) -> Html {
    let (today, dispatch) = (s.today, dispatch.clone());
    let later = |view: View| html! { <Later {view} answers={Answers::of(s)} dispatch={dispatch.clone()} /> };
    if let Some(view) = &s.shared {
        let shared = Rc::clone(view);
        return later(View::Shared(SharedProps {
            shared,
            today,
            dispatch: dispatch.clone(),
        }));
    }
    let Some(session) = s
        .flow
        .session
        .clone()
        .filter(|_| s.flow.screen != Screen::Start)
    else {
        return start_screen(
            &StartProps {
                questionnaires: s.library.heads_in(s.lang),
                saved: s.saved_counts.clone(),
                dispatch,
            },
            s.lang,
        );
    };
    let results = |session, compared| {
        let dispatch = dispatch.clone();
        View::Results(ResultsProps {
            session,
            dispatch,
            today,
            read_only: false,
            compared,
        })
    };
    match s.flow.screen {
        Screen::Profile => {
            let q = &session.questionnaire;
            let about = s.lang.f(
                msg!("{title}: {items} questions, about {minutes} minutes. Your answers stay on this device."),
                &[("title", &q.title), ("items", &q.items().count()), ("minutes", &q.minutes())],
            );
            later(View::Profile(ProfileProps {
                profile: session.profile,
                about,
                respondent: session.people.respondent,
                dispatch: dispatch.clone(),
            }))
        }
        Screen::Questions => later(View::Questions(QuestionsProps {
            session,
            dispatch: dispatch.clone(),
        })),
        Screen::Results => later(results(session, s.compared.clone())),
        Screen::Report => later(View::Report(ReportProps {
            session,
            today,
            dispatch: dispatch.clone(),
        })),
        Screen::Adviser => later(View::Adviser(AdviserProps {
            session,
            today,
            dispatch: dispatch.clone(),
        })),
        Screen::Team => match &s.team {
            Some(team) => later(View::Team(TeamProps {
                team: Rc::clone(team),
                session,
                dispatch: dispatch.clone(),
            })),
            None => later(results(session, None)),
        },
        Screen::Roadmap | Screen::Start => later(View::Roadmap(RoadmapProps {
            session,
            dispatch: Some(dispatch.clone()),
            today,
        })),
    }
}

/// The brand line with the language switcher, and the step navigation of an open assessment.
fn header(s: &AppState, config: &EmbedConfig, dispatch: &Dispatch) -> Html {
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |chosen: Lang| dispatch.dispatch(language::Event::Set(chosen)))
    };
    let nav = s
        .flow
        .session
        .as_ref()
        .filter(|_| s.flow.screen != Screen::Start && s.shared.is_none());
    html! {
        <header class="aims-header">
            <div class="brand">
                if let Some(logo) = &config.logo {
                    <img class="brand-logo" src={logo.clone()} alt={config.logo_alt.clone().unwrap_or_default()} />
                } else if !config.hide_title {
                    <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                }
                if !config.hide_title {
                    <span class="brand-name">{ welcome::brand(s.lang) }</span>
                    <span class="brand-standard">{"ISO/IEC 42001:2023"}</span>
                }
                { language_picker(s.lang, on_lang) }
            </div>
            if let Some(session) = nav {
                <Later view={View::Nav(StepNavProps { screen: s.flow.screen, session: session.clone(),
                    confirming_reset: s.flow.confirming_reset, dispatch: dispatch.clone() })}
                    answers={Answers::of(s)} dispatch={dispatch.clone()} quiet=true />
            }
        </header>
    }
}

#[derive(Properties)]
pub struct AppProps {
    /// The built-in questionnaires of the content file (`load_content`).
    pub library: Rc<Library>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library)
    }
}

/// The root's classes: the host's theme, and whether a file is being dragged over the page.
fn root_class(theme: Theme, dragging: bool) -> &'static str {
    match (theme, dragging) {
        (Theme::System, false) => "aims",
        (Theme::System, true) => "aims dragging",
        (Theme::Light, false) => "aims theme-light",
        (Theme::Light, true) => "aims dragging theme-light",
        (Theme::Dark, false) => "aims theme-dark",
        (Theme::Dark, true) => "aims dragging theme-dark",
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config: Rc<EmbedConfig> = (*use_memo((), |_| read_config())).clone();
    let (first, opening) = (*use_memo((), |_| first_events(&config))).clone();
    let state = {
        let (config, library) = (config.clone(), props.library.clone());
        use_reducer(move || initial(&config, library))
    };
    let (dispatch, arrival) = use_arrival(&state, first);
    // Still to open another screen than the start screen (a returning visitor's questionnaire,
    // a shared link, a host's questionnaire): "Loading…" until the first events have run (they
    // run in the render that marks everything here), never a flash of the list.
    let opening = opening && arrival != Arrival::Here;
    let root = use_node_ref();
    let s = &state.0;
    hooks::use_document_language(s.lang, title(s));
    hooks::use_replace_preview();
    hooks::use_branding(root.clone(), config.clone());
    hooks::use_follow_tabs(dispatch.clone());
    hooks::use_share_fragment(dispatch.clone());
    hooks::use_window_drop(dispatch.clone());
    later::use_preload(s.flow.screen == Screen::Questions);
    // Starting a questionnaire, for a host that asked for events.
    let started = s
        .flow
        .session
        .as_ref()
        .filter(|_| matches!(s.flow.screen, Screen::Profile | Screen::Questions))
        .map(|session| session.questionnaire.id.clone());
    hooks::use_tell_host(
        Some(config.clone()),
        Moment::Started,
        started.map(|id| (id, None)),
    );
    hooks::use_show_new_screen(
        root.clone(),
        Shown {
            screen: s.flow.screen,
            section: s.flow.session.as_ref().map_or(0, |x| x.section),
            shared: s.shared.is_some(),
            focus_item: s.flow.focus_item.clone(),
        },
        opening,
    );
    let class = root_class(config.theme, s.dragging);
    html! {
        <ContextProvider<Rc<EmbedConfig>> context={config.clone()}>
        <ContextProvider<Lang> context={s.lang}>
        <div {class} data-screen={s.flow.screen.key()}
            data-ready={(arrival == Arrival::Here).then_some("")}
            ref={root}>
            { header(s, &config, &dispatch) }
            if s.flow.session.is_some() && !s.saving() {
                <p class="saving-off" role="status">{ s.lang.t(msg!("Saving is off: answers live only in this page until you close it. Use \"Save to file\" to keep them.")) }</p>
            }
            if let Some(p) = &s.flow.pending_import {
                <Later view={View::Import(Box::new(ImportProps { pending: (**p).clone(), dispatch: dispatch.clone() }))}
                    answers={Answers::of(s)} dispatch={dispatch.clone()} />
            }
            if let Some(notice) = &s.flow.notice {
                <Later view={View::Notice(NoticeProps { notice: notice.clone(), words_in: s.message_lang(), dispatch: dispatch.clone() })}
                    answers={Answers::of(s)} dispatch={dispatch.clone()} arrived={s.library.complete()} />
            }
            if s.dragging {
                <p class="drop-hint" aria-hidden="true">{ s.lang.t(msg!("Drop a saved assessment (.json) to open it")) }</p>
            }
            <main class="aims-main" id="aims-main">
                { arrival_notice(arrival, s, &dispatch) }
                if !opening {
                    { body(s, &dispatch) }
                } else if arrival == Arrival::Waiting {
                    <p class="later-loading" role="status">{ s.lang.t(msg!("Loading…")) }</p>
                }
            </main>
            <Footer dispatch={dispatch.clone()} answers={Answers::of(s)} arrived={s.library.complete()} />
        </div>
        </ContextProvider<Lang>>
        </ContextProvider<Rc<EmbedConfig>>>
    }
}

//! The root component: one reducer over the domain's transition function, the effects around it
//! (in `hooks`), and the handlers for files, exports and share links.

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use super::components::{Footer, ImportDialog, LanguagePicker, NoticeBar, StepNav};
use super::files;
use super::hooks::{self, clear_fragment, Shown};
use super::screens::{
    ProfileScreen, QuestionsScreen, ReportScreen, ResultsScreen, RoadmapScreen, SharedView,
    StartScreen,
};
use super::storage;
use super::sync::{self, offer_import, Effects};
use crate::domain::catalogue::{self, Entry};
use crate::domain::embed::{EmbedConfig, Theme};
use crate::domain::i18n::{outside, Lang};
use crate::domain::saved::{self, Restored, SaveMeta};
use crate::domain::session::{transition, Event, Notice, Screen, Session, State};
use crate::domain::share;
use crate::domain::Questionnaire;

/// The domain state, made reducible. All changes go through [`transition`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState(pub State);

impl Reducible for AppState {
    type Action = Event;

    fn reduce(self: Rc<Self>, event: Event) -> Rc<Self> {
        Rc::new(AppState(transition(&self.0, event)))
    }
}

pub type Dispatch = UseReducerDispatcher<AppState>;

/// The host's configuration, from the embed URL; anything malformed is ignored with a warning.
fn read_config() -> Rc<EmbedConfig> {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let (config, warnings) = EmbedConfig::from_query(&search);
    for warning in warnings {
        web_sys::console::warn_1(&format!("readiness check: {warning}").into());
    }
    Rc::new(config)
}

/// The built-in questionnaires in `lang` (English where a translation is broken, with a warning).
fn localised(entries: &[Entry], lang: Lang) -> Rc<Vec<Rc<Questionnaire>>> {
    Rc::new(
        catalogue::usable(entries)
            .iter()
            .map(|q| {
                catalogue::localise(q, lang).unwrap_or_else(|errors| {
                    for e in errors {
                        web_sys::console::warn_1(&format!("readiness check: {e}").into());
                    }
                    Rc::clone(q)
                })
            })
            .collect(),
    )
}

/// A refusal of a chosen or dropped file, naming it (cut short and isolated).
fn file_refused(lang: Lang, name: &str, why: &str) -> Event {
    Event::Notify(Notice::error(lang.f(
        "\"{file}\" was not opened: {why}. Your current answers are unchanged.",
        &[("file", &outside(name, 60)), ("why", &why)],
    )))
}

/// Reads a chosen or dropped file, checks it completely, and offers it for opening.
fn import_file(
    file: web_sys::File,
    lang: Lang,
    questionnaires: Rc<Vec<Rc<Questionnaire>>>,
    latest: Rc<RefCell<Option<Session>>>,
    dispatch: Dispatch,
    effects: Effects,
) {
    let name = file.name();
    yew::platform::spawn_local(async move {
        match files::read_save(file, &questionnaires, lang).await {
            Err(why) => dispatch.dispatch(file_refused(lang, &name, &why)),
            Ok(restored) => offer_import(restored, &latest, &dispatch, &effects),
        }
    });
}

/// Downloads the open assessment as a save file.
fn save_to_file(session: &Session, lang: Lang, dispatch: &Dispatch) {
    let now = storage::now_iso();
    let meta = SaveMeta {
        saved_at: now.clone(),
        assessment: Some(session.assessment.clone()),
        parent: None,
    };
    let text = saved::encode_snapshot(&session.questionnaire, &session.snapshot(), &meta);
    let filename = format!(
        "{}-{}.json",
        session.questionnaire.id,
        &now[..10.min(now.len())]
    );
    if !files::download(&filename, &text, "application/json") {
        dispatch.dispatch(Event::Notify(Notice::error(
            lang.t("The browser refused to create the file."),
        )));
    }
}

/// The share link of the open assessment: this page's address and the packed answers.
fn share_link(session: &Session) -> String {
    let location = gloo::utils::window().location();
    format!(
        "{}{}#{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        share::encode(&session.questionnaire, &session.profile, &session.answers)
    )
}

#[function_component(App)]
pub fn app() -> Html {
    let entries: Rc<Vec<Entry>> = use_memo((), |_| catalogue::load());
    let config: Rc<EmbedConfig> = (*use_memo((), |_| read_config())).clone();
    // The host's language, else the one chosen on an earlier visit, else the browser's.
    let lang = {
        let configured = config.language;
        use_state(move || {
            configured
                .or_else(storage::preferred_lang)
                .unwrap_or_default()
        })
    };
    let lang_now: Lang = *lang;
    let questionnaires: Rc<Vec<Rc<Questionnaire>>> = (*{
        let entries = entries.clone();
        use_memo(lang_now, move |lang| localised(&entries, *lang))
    })
    .clone();
    let root = use_node_ref();
    let effects = (*use_memo((), |_| Effects::default())).clone();
    // Open the questionnaire the host asked for, or resume the one this browser used last, as
    // the initial state: the first paint is already the assessment, never a flash of the list.
    let state = {
        let (config, questionnaires, effects) =
            (config.clone(), questionnaires.clone(), effects.clone());
        use_reducer(move || {
            hooks::warn_unknown_questionnaire(&config, &questionnaires);
            let wanted = config.questionnaire.clone().or_else(storage::last_opened);
            let resume = questionnaires
                .iter()
                .find(|q| Some(&q.id) == wanted.as_ref());
            let initial = State::default();
            AppState(match resume {
                Some(q) => transition(
                    &initial,
                    sync::open_event(&effects, Rc::clone(q), None, None),
                ),
                None => initial,
            })
        })
    };
    let shared = use_state(|| None::<Rc<Restored>>);
    let today = *use_memo((), |_| storage::today());
    let dispatch = state.dispatcher();
    // The latest session, for event listeners created once.
    let latest = use_mut_ref(|| None::<Session>);
    *latest.borrow_mut() = state.0.session.clone();

    let title = match (&state.0.screen, &state.0.session) {
        (Screen::Report, Some(session)) => lang_now.f(
            "{title}: readiness report, {date}",
            &[
                ("title", &session.questionnaire.title),
                ("date", &lang_now.date(today)),
            ],
        ),
        _ => lang_now.t("ISO/IEC 42001 readiness check").to_string(),
    };
    hooks::use_document_language(lang_now, title);
    hooks::use_branding(root.clone(), config.clone());
    hooks::use_save(state.0.session.clone(), effects.clone(), dispatch.clone());
    hooks::use_follow_tabs(latest.clone(), effects.clone(), dispatch.clone());
    let current = use_mut_ref(|| (lang_now, questionnaires.clone()));
    *current.borrow_mut() = (lang_now, questionnaires.clone());
    hooks::use_share_fragment(current, shared.clone(), dispatch.clone());
    let s = &state.0;
    hooks::use_show_new_screen(
        root.clone(),
        Shown {
            screen: s.screen,
            section: s.session.as_ref().map_or(0, |x| x.section),
            shared: shared.is_some(),
            focus_item: s.focus_item.clone(),
        },
    );

    // Choosing "Change questionnaire" means the next visit starts at the list, not back in here.
    {
        let previous = use_mut_ref(|| Screen::Start);
        use_effect_with(s.screen, move |screen| {
            if *screen == Screen::Start && *previous.borrow() != Screen::Start {
                storage::forget_last();
            }
            *previous.borrow_mut() = *screen;
        });
    }

    // A new language: the open assessment (and a shared view) switch to it, answers untouched.
    let on_lang = {
        let (lang, shared, dispatch, latest, entries) = (
            lang.clone(),
            shared.clone(),
            dispatch.clone(),
            latest.clone(),
            entries.clone(),
        );
        Callback::from(move |chosen: Lang| {
            storage::remember_lang(chosen);
            lang.set(chosen);
            let in_lang = localised(&entries, chosen);
            let find = |q: &Questionnaire| {
                in_lang
                    .iter()
                    .find(|x| x.id == q.id && x.version == q.version)
                    .cloned()
            };
            if let Some(view) = shared.as_ref() {
                if let Some(q) = find(&view.questionnaire) {
                    let mut view = (**view).clone();
                    view.questionnaire = q;
                    shared.set(Some(Rc::new(view)));
                }
            }
            let open = latest
                .borrow()
                .as_ref()
                .and_then(|s| find(&s.questionnaire));
            if let Some(q) = open {
                dispatch.dispatch(Event::Relocalise(q));
            }
        })
    };

    let on_file = {
        let (questionnaires, dispatch, effects, latest) = (
            questionnaires.clone(),
            dispatch.clone(),
            effects.clone(),
            latest.clone(),
        );
        Callback::from(move |file: web_sys::File| {
            import_file(
                file,
                lang_now,
                questionnaires.clone(),
                latest.clone(),
                dispatch.clone(),
                effects.clone(),
            )
        })
    };
    let dragging = hooks::use_window_drop(on_file.clone());

    let on_export = {
        let (latest, dispatch) = (latest.clone(), dispatch.clone());
        Callback::from(move |_: ()| {
            if let Some(session) = latest.borrow().as_ref() {
                save_to_file(session, lang_now, &dispatch);
            }
        })
    };
    let share_link = {
        let latest = latest.clone();
        Callback::from(move |_: ()| latest.borrow().as_ref().map(share_link).unwrap_or_default())
    };
    let close_shared = {
        let shared = shared.clone();
        Callback::from(move |_: ()| {
            clear_fragment();
            shared.set(None);
        })
    };
    let import_shared = {
        let (shared, dispatch, effects, latest) = (
            shared.clone(),
            dispatch.clone(),
            effects.clone(),
            latest.clone(),
        );
        Callback::from(move |_: ()| {
            let Some(restored) = shared.as_ref().map(|r| (**r).clone()) else {
                return;
            };
            clear_fragment();
            shared.set(None);
            offer_import(restored, &latest, &dispatch, &effects);
        })
    };

    let body = match (&s.screen, &s.session, shared.as_ref()) {
        (_, _, Some(view)) => html! {
            <SharedView shared={Rc::clone(view)} {today} dispatch={dispatch.clone()}
                on_import={import_shared.clone()} on_close={close_shared.clone()} />
        },
        (Screen::Start, _, _) | (_, None, _) => html! {
            <StartScreen questionnaires={questionnaires.clone()} dispatch={dispatch.clone()} effects={effects.clone()} on_file={on_file.clone()} />
        },
        (Screen::Profile, Some(session), _) => html! {
            <ProfileScreen profile={session.profile.clone()} dispatch={dispatch.clone()} />
        },
        (Screen::Questions, Some(session), _) => html! {
            <QuestionsScreen session={session.clone()} dispatch={dispatch.clone()} />
        },
        (Screen::Results, Some(session), _) => html! {
            <ResultsScreen session={session.clone()} dispatch={dispatch.clone()} {today} />
        },
        (Screen::Report, Some(session), _) => html! {
            <ReportScreen session={session.clone()} dispatch={dispatch.clone()} {today} />
        },
        (Screen::Roadmap, Some(session), _) => html! {
            <RoadmapScreen session={session.clone()} {today} />
        },
    };
    let saving_off = s.session.is_some() && !effects.saving();
    let theme_class = match config.theme {
        Theme::System => None,
        Theme::Light => Some("theme-light"),
        Theme::Dark => Some("theme-dark"),
    };
    let pending = s.pending_import.as_ref().map(|p| {
        html! { <ImportDialog pending={(**p).clone()} dispatch={dispatch.clone()} effects={effects.clone()} /> }
    });

    html! {
        <ContextProvider<Rc<EmbedConfig>> context={config.clone()}>
        <ContextProvider<Lang> context={lang_now}>
        <div class={classes!("aims", dragging.then_some("dragging"), theme_class)} data-screen={s.screen.key()}
            ref={root}>
            <header class="aims-header">
                <div class="brand">
                    if let Some(logo) = &config.logo {
                        <img class="brand-logo" src={logo.clone()} alt={config.logo_alt.clone().unwrap_or_default()} />
                    } else {
                        <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                    }
                    <span class="brand-name">{ lang_now.t("AI management system readiness check") }</span>
                    <span class="brand-standard">{"ISO/IEC 42001:2023"}</span>
                    <LanguagePicker current={lang_now} on_change={on_lang.clone()} />
                </div>
                if let Some(session) = &s.session {
                    if s.screen != Screen::Start && shared.is_none() {
                        <StepNav screen={s.screen} title={session.questionnaire.title.clone()}
                            confirming_reset={s.confirming_reset} dispatch={dispatch.clone()}
                            on_export={on_export.clone()} on_file={on_file.clone()} share_link={share_link.clone()} />
                    }
                }
            </header>
            if saving_off {
                <p class="saving-off" role="status">{ lang_now.t("Saving is off: answers live only in this page until you close it. Use \"Save to file\" to keep them.") }</p>
            }
            { pending.unwrap_or_default() }
            if let Some(notice) = &s.notice {
                <NoticeBar notice={notice.clone()} dispatch={dispatch.clone()} />
            }
            if dragging {
                <p class="drop-hint" aria-hidden="true">{ lang_now.t("Drop a saved assessment (.json) to open it") }</p>
            }
            <main class="aims-main" id="aims-main">{ body }</main>
            <Footer dispatch={dispatch.clone()} />
        </div>
        </ContextProvider<Lang>>
        </ContextProvider<Rc<EmbedConfig>>>
    }
}

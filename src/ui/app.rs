//! The root component: one reducer over the domain's transition function, plus the effects
//! around it: saving (merged with other tabs), following other tabs, importing and exporting files.

use std::rc::Rc;
use yew::prelude::*;

use super::components::{Footer, LanguagePicker, NoticeBar, StepNav};
use super::files::{self, ReadError};
use super::screens::{
    ProfileScreen, QuestionsScreen, ReportScreen, ResultsScreen, RoadmapScreen, SharedView,
    StartScreen,
};
use super::storage;
use super::sync::{self, error, offer_import, open, Effects};
use crate::domain::catalogue::{self, Entry};
use crate::domain::date::Date;
use crate::domain::embed::{EmbedConfig, Theme};
use crate::domain::i18n::Lang;
use crate::domain::saved::{self, Restored, Source, MAX_SAVED_BYTES};
use crate::domain::session::{transition, Event, Screen, Session, State};
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

#[function_component(App)]
pub fn app() -> Html {
    let entries: Rc<Vec<Entry>> = use_memo((), |_| catalogue::load());
    // The host's configuration, from the embed URL; anything malformed is ignored with a warning.
    let config: Rc<Rc<EmbedConfig>> = use_memo((), |_| {
        let search = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        let (config, warnings) = EmbedConfig::from_query(&search);
        for warning in warnings {
            web_sys::console::warn_1(&format!("readiness check: {warning}").into());
        }
        Rc::new(config)
    });
    let config: Rc<EmbedConfig> = (*config).clone();
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
    // The built-in questionnaires in the language on screen (English if a translation is broken).
    let questionnaires: Rc<Vec<Rc<Questionnaire>>> = {
        let entries = entries.clone();
        use_memo(lang_now, move |lang| {
            catalogue::usable(&entries)
                .iter()
                .map(|q| {
                    catalogue::localise(q, *lang).unwrap_or_else(|errors| {
                        for e in errors {
                            web_sys::console::warn_1(&format!("readiness check: {e}").into());
                        }
                        Rc::clone(q)
                    })
                })
                .collect()
        })
    };
    let root = use_node_ref();
    let effects = use_memo((), |_| Effects::default());
    let effects = (*effects).clone();
    // Open the questionnaire the host asked for, or resume the one this browser used last, as
    // the initial state: the first paint is already the assessment, never a flash of the list.
    let state = {
        let (config, questionnaires, effects) =
            (config.clone(), questionnaires.clone(), effects.clone());
        use_reducer(move || {
            let wanted = config.questionnaire.clone().or_else(storage::last_opened);
            let resume = questionnaires
                .iter()
                .find(|q| Some(&q.id) == wanted.as_ref());
            let initial = State::default();
            AppState(match resume {
                Some(q) => transition(&initial, sync::open_event(&effects, Rc::clone(q), None)),
                None => initial,
            })
        })
    };
    let pending = use_state(|| None::<Restored>);
    let shared = use_state(|| None::<Rc<Restored>>);
    let dragging = use_state(|| false);
    let today = *use_memo((), |_| storage::today());
    let dispatch = state.dispatcher();
    // The latest session, for event listeners created once.
    let latest = use_mut_ref(|| None::<Session>);
    *latest.borrow_mut() = state.0.session.clone();

    // A new language: the open assessment (and a shared view) switch to it, answers untouched.
    {
        let applied = use_mut_ref(|| lang_now);
        let (questionnaires, dispatch, shared) =
            (questionnaires.clone(), dispatch.clone(), shared.clone());
        use_effect_with(lang_now, move |lang| {
            let element = gloo::utils::document().document_element();
            if let Some(element) = element {
                let _ = element.set_attribute("lang", lang.code());
            }
            super::rescue::set_lang(*lang);
            // At start-up everything is already in this language.
            if std::mem::replace(&mut *applied.borrow_mut(), *lang) == *lang {
                return;
            }
            let find = |id: &str| questionnaires.iter().find(|q| q.id == id).cloned();
            if let Some(view) = shared.as_ref() {
                if let Some(q) =
                    find(&view.questionnaire.id).filter(|q| q.version == view.questionnaire.version)
                {
                    let mut view = (**view).clone();
                    view.questionnaire = q;
                    shared.set(Some(Rc::new(view)));
                }
            }
            for q in questionnaires.iter() {
                dispatch.dispatch(Event::Relocalise(Rc::clone(q)));
            }
        });
    }
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |chosen: Lang| {
            storage::remember_lang(chosen);
            lang.set(chosen);
        })
    };

    // Branding through CSS custom properties, set with the CSSOM (the CSP forbids style attributes).
    {
        let (root, config) = (root.clone(), config.clone());
        use_effect_with((), move |_| {
            if let Some(element) = root.cast::<web_sys::HtmlElement>() {
                let style = element.style();
                let set = |name: &str, value: &Option<String>| {
                    if let Some(value) = value {
                        let _ = style.set_property(name, value);
                    }
                };
                set("--aims-accent", &config.accent);
                set("--aims-accent-strong", &config.accent);
                set("--aims-on-accent", &config.accent_text);
                set("--aims-font", &config.font);
            }
        });
    }

    // Save after every change to profile, answers or notes: an effect, never part of a transition.
    {
        let session = state.0.session.clone();
        let revision = session
            .as_ref()
            .map(|s| (s.questionnaire.id.clone(), s.revision));
        let (dispatch, effects) = (dispatch.clone(), effects.clone());
        use_effect_with(revision, move |revision| {
            if let (Some(session), Some((_, rev))) = (session, revision) {
                if *rev > 0 {
                    sync::save(&session, &effects, &dispatch);
                }
            }
        });
    }

    // Follow other tabs: when one saves this assessment, take its answers (merged with ours).
    {
        let (dispatch, effects, latest) = (dispatch.clone(), effects.clone(), latest.clone());
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
                    let session = latest.borrow().clone();
                    if let (Some(event), Some(session)) =
                        (event.dyn_ref::<web_sys::StorageEvent>(), session)
                    {
                        sync::follow(event, &session, &effects, &dispatch);
                    }
                });
            move || drop(listener)
        });
    }

    // Shared results arrive in the URL fragment, at start-up or when a link is pasted later.
    // The listener lives as long as the app, so it reads the language and questionnaires in use.
    let current = use_mut_ref(|| (lang_now, questionnaires.clone()));
    *current.borrow_mut() = (lang_now, questionnaires.clone());
    {
        let (current, shared, dispatch) = (current.clone(), shared.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let read = move || {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                if !hash.starts_with(&format!("#{}", share::PREFIX)) {
                    return;
                }
                let (lang, questionnaires) = current.borrow().clone();
                match share::decode(&hash, &questionnaires) {
                    Ok(restored) => shared.set(Some(Rc::new(restored))),
                    Err(e) => {
                        clear_fragment();
                        dispatch.dispatch(Event::Notify(error(lang.f(
                            "The shared link could not be opened: {why}. Your own answers are unchanged.",
                            &[("why", &e.message(lang))],
                        ))));
                    }
                }
            };
            read();
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    read()
                });
            move || drop(listener)
        });
    }

    // Choosing "Change questionnaire" means the next visit starts at the list, not back in here.
    {
        let previous = use_mut_ref(|| Screen::Start);
        use_effect_with(state.0.screen, move |screen| {
            if *screen == Screen::Start && *previous.borrow() != Screen::Start {
                storage::forget_last();
            }
            *previous.borrow_mut() = *screen;
        });
    }

    // Import: check everything first; ask before replacing answers this device already holds.
    let on_file = {
        let (questionnaires, pending, dispatch, effects, latest) = (
            questionnaires.clone(),
            pending.clone(),
            dispatch.clone(),
            effects.clone(),
            latest.clone(),
        );
        Callback::from(move |file: web_sys::File| {
            let (questionnaires, pending, dispatch, effects, latest) = (
                questionnaires.clone(),
                pending.clone(),
                dispatch.clone(),
                effects.clone(),
                latest.clone(),
            );
            let name = file.name();
            yew::platform::spawn_local(async move {
                let text = match files::read_text(file, MAX_SAVED_BYTES).await {
                    Ok(text) => text,
                    Err(ReadError::TooLarge(size)) => {
                        let e = saved::SavedError::TooLarge(size as usize);
                        dispatch.dispatch(Event::Notify(error(lang_now.f(
                            "\"{file}\" was not opened: {why}. Your current answers are unchanged.",
                            &[("file", &name), ("why", &e.message(lang_now))],
                        ))));
                        return;
                    }
                    Err(ReadError::Unreadable) => {
                        dispatch.dispatch(Event::Notify(error(lang_now.f(
                            "\"{file}\" could not be read. Your current answers are unchanged.",
                            &[("file", &name)],
                        ))));
                        return;
                    }
                };
                match saved::decode(&text, &questionnaires, Source::Import) {
                    Err(e) => dispatch.dispatch(Event::Notify(error(lang_now.f(
                        "\"{file}\" was not opened: {why}. Your current answers are unchanged.",
                        &[("file", &name), ("why", &e.message(lang_now))],
                    )))),
                    Ok(restored) => offer_import(restored, &latest, &pending, &dispatch, &effects),
                }
            });
        })
    };

    let on_export = {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: ()| {
            let Some(session) = latest.borrow().clone() else {
                return;
            };
            let now = storage::now_iso();
            let text = saved::encode(
                &session.questionnaire,
                &session.profile,
                &session.answers,
                &session.notes,
                &now,
            );
            let filename = format!(
                "{}-{}.json",
                session.questionnaire.id,
                &now[..10.min(now.len())]
            );
            if !files::download(&filename, &text, "application/json") {
                dispatch.dispatch(Event::Notify(error(
                    lang_now.t("The browser refused to create the file."),
                )));
            }
        })
    };

    let share_link = {
        let latest = latest.clone();
        Callback::from(move |_: ()| {
            let Some(session) = latest.borrow().clone() else {
                return String::new();
            };
            let location = gloo::utils::window().location();
            let base = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            format!(
                "{base}#{}",
                share::encode(&session.questionnaire, &session.profile, &session.answers)
            )
        })
    };
    let close_shared = {
        let shared = shared.clone();
        Callback::from(move |_: ()| {
            clear_fragment();
            shared.set(None);
        })
    };
    let import_shared = {
        let (shared, pending, dispatch, effects, latest) = (
            shared.clone(),
            pending.clone(),
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
            offer_import(restored, &latest, &pending, &dispatch, &effects);
        })
    };

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, on_file) = (dragging.clone(), on_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };

    let confirm_import = pending.as_ref().map(|restored| {
        let confirm = {
            let (pending, dispatch, effects, restored) = (pending.clone(), dispatch.clone(), effects.clone(), restored.clone());
            Callback::from(move |_: MouseEvent| {
                pending.set(None);
                open(&dispatch, &effects, Rc::clone(&restored.questionnaire), Some(restored.clone()));
            })
        };
        let cancel = {
            let pending = pending.clone();
            Callback::from(move |_: MouseEvent| pending.set(None))
        };
        html! {
            <div class="notice confirm-import" role="alertdialog" aria-labelledby="import-title">
                <div>
                    <p id="import-title" class="confirm-title">{ lang_now.f("Open this saved assessment of the {title}?", &[("title", &restored.questionnaire.title)]) }</p>
                    <p>{ match Date::parse(restored.saved_at.get(..10).unwrap_or("")) {
                        Some(date) => lang_now.f("It holds {n} answers, saved {date}. It replaces the answers this device holds for that questionnaire.", &[("n", &restored.answers.len()), ("date", &lang_now.date(date))]),
                        None => lang_now.f("It holds {n} answers. It replaces the answers this device holds for that questionnaire.", &[("n", &restored.answers.len())]),
                    } }</p>
                </div>
                <div class="button-row">
                    <button type="button" class="button" onclick={confirm}>{ lang_now.t("Open it") }</button>
                    <button type="button" class="button secondary" onclick={cancel}>{ lang_now.t("Keep my current answers") }</button>
                </div>
            </div>
        }
    });

    let s = &state.0;
    let body = match (&s.screen, &s.session, shared.as_ref()) {
        (_, _, Some(view)) => html! {
            <SharedView shared={Rc::clone(view)} {today} dispatch={dispatch.clone()}
                on_import={import_shared.clone()} on_close={close_shared.clone()} />
        },
        (Screen::Start, _, _) | (_, None, _) => html! {
            <StartScreen entries={entries.clone()} questionnaires={questionnaires.clone()} dispatch={dispatch.clone()} effects={effects.clone()} on_file={on_file.clone()} />
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

    html! {
        <ContextProvider<Rc<EmbedConfig>> context={config.clone()}>
        <ContextProvider<Lang> context={lang_now}>
        <div class={classes!("aims", dragging.then_some("dragging"), theme_class)} data-screen={format!("{:?}", s.screen).to_lowercase()}
            ref={root} {ondragover} {ondragleave} {ondrop}>
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
            { confirm_import.unwrap_or_default() }
            if let Some(notice) = &s.notice {
                <NoticeBar notice={notice.clone()} dispatch={dispatch.clone()} />
            }
            if *dragging {
                <p class="drop-hint" aria-hidden="true">{ lang_now.t("Drop a saved assessment (.json) to open it") }</p>
            }
            <main class="aims-main" id="aims-main">{ body }</main>
            <Footer dispatch={dispatch.clone()} />
        </div>
        </ContextProvider<Lang>>
        </ContextProvider<Rc<EmbedConfig>>>
    }
}

use wasm_bindgen::JsCast;

/// Removes the share fragment from the address bar, so a reload does not reopen it.
fn clear_fragment() {
    let window = gloo::utils::window();
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

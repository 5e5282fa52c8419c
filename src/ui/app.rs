//! The root component: one reducer over the domain's transition function, plus the effects
//! around it: saving (merged with other tabs), following other tabs, importing and exporting files.

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use super::components::{Footer, NoticeBar, StepNav};
use super::files::{self, ReadError};
use super::screens::{
    ProfileScreen, QuestionsScreen, ReportScreen, ResultsScreen, RoadmapScreen, SharedView,
    StartScreen,
};
use super::storage;
use crate::domain::catalogue::{self, Entry};
use crate::domain::saved::{self, Restored, Snapshot, Source, MAX_SAVED_BYTES};
use crate::domain::session::{transition, Event, Notice, NoticeKind, Screen, Session, State};
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

/// What this tab last read from or wrote to storage for the open assessment.
#[derive(Clone, Debug, Default)]
struct Synced {
    key: String,
    text: Option<String>,
    snapshot: Snapshot,
}

/// Shared, non-rendering state of the effects.
#[derive(Clone, Default)]
pub struct Effects {
    synced: Rc<RefCell<Synced>>,
    /// False once storage refused a write or must not be overwritten.
    saving: Rc<RefCell<bool>>,
}

impl PartialEq for Effects {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.synced, &other.synced)
    }
}

fn info(text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        kind: NoticeKind::Info,
        text: text.into(),
    })
}

fn error(text: impl Into<String>) -> Notice {
    Notice {
        kind: NoticeKind::Error,
        text: text.into(),
    }
}

/// Opens a questionnaire with what this browser saved for it, or with an imported assessment.
pub fn open(
    dispatch: &Dispatch,
    effects: &Effects,
    questionnaire: Rc<Questionnaire>,
    imported: Option<Restored>,
) {
    let loaded = storage::load(&questionnaire);
    *effects.saving.borrow_mut() = loaded.can_save;
    *effects.synced.borrow_mut() = Synced {
        key: questionnaire.storage_key(),
        text: loaded.text,
        snapshot: loaded
            .restored
            .as_ref()
            .map(|r| Snapshot {
                profile: r.profile.clone(),
                answers: r.answers.clone(),
                notes: r.notes.clone(),
            })
            .unwrap_or_default(),
    };
    storage::remember_last(&questionnaire.id);
    let (restored, notice, imported) = match imported {
        Some(file) => {
            let mut text = format!(
                "Opened the saved assessment ({} answers).",
                file.answers.len()
            );
            if let Some(old) = &file.migrated_from {
                text.push_str(&format!(" It was made with version {old} of this questionnaire and was carried over to version {}.", questionnaire.version));
            }
            if !file.dropped.is_empty() {
                text.push_str(&format!(" Not carried over: {}.", file.dropped.join("; ")));
            }
            (Some(file), info(text), true)
        }
        None => (loaded.restored, loaded.notice, false),
    };
    dispatch.dispatch(Event::Open {
        questionnaire,
        restored,
        notice,
        imported,
    });
}

/// Opens imported answers at once, or asks first when this device already holds answers for
/// that questionnaire (from a file or a share link alike).
fn offer_import(
    restored: Restored,
    latest: &RefCell<Option<Session>>,
    pending: &UseStateHandle<Option<Restored>>,
    dispatch: &Dispatch,
    effects: &Effects,
) {
    let on_device = storage::saved_answer_count(&restored.questionnaire);
    let in_view = latest
        .borrow()
        .as_ref()
        .is_some_and(|s| s.questionnaire.id == restored.questionnaire.id && !s.answers.is_empty());
    if on_device > 0 || in_view {
        pending.set(Some(restored));
    } else {
        open(
            dispatch,
            effects,
            Rc::clone(&restored.questionnaire),
            Some(restored),
        );
    }
}

/// Saves the session, first merging in anything another tab wrote since this tab last synced.
fn save(session: &Session, effects: &Effects, dispatch: &Dispatch) {
    let q = &session.questionnaire;
    let now = storage::now_iso();
    super::rescue::remember(
        format!("{}-{}.json", q.id, now.get(..10).unwrap_or("answers")),
        saved::encode(q, &session.profile, &session.answers, &session.notes, &now),
    );
    if !*effects.saving.borrow() {
        return;
    }
    let key = q.storage_key();
    let mut synced = effects.synced.borrow_mut();
    let mut ours = session.snapshot();
    let stored = storage::get(&key);
    if synced.key == key && stored.is_some() && stored != synced.text {
        let theirs = saved::decode(
            stored.as_deref().unwrap_or_default(),
            std::slice::from_ref(q),
            Source::Storage,
        );
        if let Ok(theirs) = theirs {
            let theirs = Snapshot {
                profile: theirs.profile,
                answers: theirs.answers,
                notes: theirs.notes,
            };
            let (merged, conflicts) = saved::merge(&synced.snapshot, &ours, &theirs);
            let notice = if conflicts.is_empty() {
                info("Changes made in another tab were merged with yours.")
            } else {
                info(format!(
                    "Another tab changed the same answers; this tab's answer was kept for: {}.",
                    conflicts.join(", ")
                ))
            };
            ours = merged;
            dispatch.dispatch(Event::Adopt {
                snapshot: ours.clone(),
                notice,
            });
        }
    }
    let text = saved::encode(
        q,
        &ours.profile,
        &ours.answers,
        &ours.notes,
        &storage::now_iso(),
    );
    if storage::set(&key, &text) {
        *synced = Synced {
            key,
            text: Some(text),
            snapshot: ours,
        };
    } else {
        *effects.saving.borrow_mut() = false;
        dispatch.dispatch(Event::Notify(error("This browser refused to store your answers (storage is full or disabled). You can keep working and save them to a file, but they will be lost when you close the page.")));
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let entries: Rc<Vec<Entry>> = use_memo((), |_| catalogue::load());
    let questionnaires: Rc<Vec<Rc<Questionnaire>>> = {
        let entries = entries.clone();
        use_memo((), move |_| {
            entries
                .iter()
                .filter_map(|e| e.questionnaire.clone().ok())
                .collect()
        })
    };
    let state = use_reducer(AppState::default);
    let effects = use_memo((), |_| Effects {
        saving: Rc::new(RefCell::new(true)),
        ..Effects::default()
    });
    let effects = (*effects).clone();
    let pending = use_state(|| None::<Restored>);
    let shared = use_state(|| None::<Rc<Restored>>);
    let dragging = use_state(|| false);
    let today = *use_memo((), |_| storage::today());
    let dispatch = state.dispatcher();
    // The latest session, for event listeners created once.
    let latest = use_mut_ref(|| None::<Session>);
    *latest.borrow_mut() = state.0.session.clone();

    // Resume the questionnaire this browser used last, once, at start-up.
    {
        let (questionnaires, dispatch, effects) =
            (questionnaires.clone(), dispatch.clone(), effects.clone());
        use_effect_with((), move |_| {
            let last = storage::last_opened();
            if let Some(q) = questionnaires.iter().find(|q| Some(&q.id) == last.as_ref()) {
                open(&dispatch, &effects, Rc::clone(q), None);
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
                    save(&session, &effects, &dispatch);
                }
            }
        });
    }

    // Follow other tabs: when one saves this assessment, take its answers (merged with ours).
    {
        let (dispatch, effects, latest) = (dispatch.clone(), effects.clone(), latest.clone());
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(
                &gloo::utils::window(),
                "storage",
                move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(session) = latest.borrow().clone() else {
                        return;
                    };
                    let mut synced = effects.synced.borrow_mut();
                    if event.key().as_deref() != Some(synced.key.as_str())
                        || session.questionnaire.storage_key() != synced.key
                    {
                        return;
                    }
                    let Some(text) = event.new_value() else {
                        return;
                    };
                    if Some(&text) == synced.text.as_ref() {
                        return;
                    }
                    let Ok(theirs) = saved::decode(
                        &text,
                        std::slice::from_ref(&session.questionnaire),
                        Source::Storage,
                    ) else {
                        return;
                    };
                    let theirs = Snapshot {
                        profile: theirs.profile,
                        answers: theirs.answers,
                        notes: theirs.notes,
                    };
                    let (merged, conflicts) =
                        saved::merge(&synced.snapshot, &session.snapshot(), &theirs);
                    let notice = if conflicts.is_empty() {
                        info("This assessment was changed in another tab; its answers are shown here too.")
                    } else {
                        info(format!("This assessment was changed in another tab; this tab's answer was kept for: {}.", conflicts.join(", ")))
                    };
                    *synced = Synced {
                        key: synced.key.clone(),
                        text: Some(text),
                        snapshot: theirs,
                    };
                    dispatch.dispatch(Event::Adopt {
                        snapshot: merged,
                        notice,
                    });
                },
            );
            move || drop(listener)
        });
    }

    // Shared results arrive in the URL fragment, at start-up or when a link is pasted later.
    {
        let (questionnaires, shared, dispatch) =
            (questionnaires.clone(), shared.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let read = move || {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                if !hash.starts_with(&format!("#{}", share::PREFIX)) {
                    return;
                }
                match share::decode(&hash, &questionnaires) {
                    Ok(restored) => shared.set(Some(Rc::new(restored))),
                    Err(e) => {
                        clear_fragment();
                        dispatch.dispatch(Event::Notify(error(format!("The shared link could not be opened: {e}. Your own answers are unchanged."))));
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
                        dispatch.dispatch(Event::Notify(error(format!(
                            "\"{name}\" was not opened: {e}. Your current answers are unchanged."
                        ))));
                        return;
                    }
                    Err(ReadError::Unreadable) => {
                        dispatch.dispatch(Event::Notify(error(format!(
                            "\"{name}\" could not be read. Your current answers are unchanged."
                        ))));
                        return;
                    }
                };
                match saved::decode(&text, &questionnaires, Source::Import) {
                    Err(e) => dispatch.dispatch(Event::Notify(error(format!(
                        "\"{name}\" was not opened: {e}. Your current answers are unchanged."
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
                    "The browser refused to create the file.",
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
                    <p id="import-title" class="confirm-title">{ format!("Open this saved assessment of the {}?", restored.questionnaire.title) }</p>
                    <p>{ format!("It holds {} answers{}. It replaces the answers this device holds for that questionnaire.",
                        restored.answers.len(),
                        if restored.saved_at.is_empty() { String::new() } else { format!(", saved {}", restored.saved_at.get(..10).unwrap_or(&restored.saved_at)) }) }</p>
                </div>
                <div class="button-row">
                    <button type="button" class="button" onclick={confirm}>{"Open it"}</button>
                    <button type="button" class="button secondary" onclick={cancel}>{"Keep my current answers"}</button>
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
            <StartScreen entries={entries.clone()} dispatch={dispatch.clone()} effects={effects.clone()} on_file={on_file.clone()} />
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
    let saving_off = s.session.is_some() && !*effects.saving.borrow();

    html! {
        <div class={classes!("aims", dragging.then_some("dragging"))} data-screen={format!("{:?}", s.screen).to_lowercase()}
            {ondragover} {ondragleave} {ondrop}>
            <header class="aims-header">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                    <span class="brand-name">{"AI management system readiness check"}</span>
                    <span class="brand-standard">{"ISO/IEC 42001:2023"}</span>
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
                <p class="saving-off" role="status">{"Saving is off: answers live only in this page until you close it. Use \"Save to file\" to keep them."}</p>
            }
            { confirm_import.unwrap_or_default() }
            if let Some(notice) = &s.notice {
                <NoticeBar notice={notice.clone()} dispatch={dispatch.clone()} />
            }
            if *dragging {
                <p class="drop-hint" aria-hidden="true">{"Drop a saved assessment (.json) to open it"}</p>
            }
            <main class="aims-main" id="aims-main">{ body }</main>
            <Footer dispatch={dispatch.clone()} />
        </div>
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

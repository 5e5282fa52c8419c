//! The root component: one reducer over the domain's transition function, plus the saving effect.

use std::rc::Rc;
use yew::prelude::*;

use super::components::{Footer, NoticeBar, StepNav};
use super::screens::{ProfileScreen, QuestionsScreen, ResultsScreen, RoadmapScreen, StartScreen};
use super::storage;
use crate::domain::catalogue::{self, Entry};
use crate::domain::saved;
use crate::domain::session::{transition, Event, Notice, NoticeKind, Screen, State};
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

/// Opens a questionnaire with whatever this browser saved for it (an I/O step, so it lives here).
pub fn open(dispatch: &Dispatch, questionnaire: Rc<Questionnaire>) -> bool {
    let loaded = storage::load(&questionnaire);
    storage::remember_last(&questionnaire.id);
    dispatch.dispatch(Event::Open {
        questionnaire,
        restored: loaded.restored,
        notice: loaded.notice,
    });
    loaded.can_save
}

#[function_component(App)]
pub fn app() -> Html {
    let entries: Rc<Vec<Entry>> = use_memo((), |_| catalogue::load());
    let state = use_reducer(AppState::default);
    let saving = use_state(|| true);
    let today = *use_memo((), |_| storage::today());
    let dispatch = state.dispatcher();

    // Resume the questionnaire this browser used last, once, at start-up.
    {
        let entries = entries.clone();
        let dispatch = dispatch.clone();
        let saving = saving.clone();
        use_effect_with((), move |_| {
            let last = storage::last_opened();
            let found = entries
                .iter()
                .filter_map(|e| e.questionnaire.as_ref().ok())
                .find(|q| Some(&q.id) == last.as_ref());
            if let Some(q) = found {
                saving.set(open(&dispatch, Rc::clone(q)));
            }
        });
    }

    // Save after every change to profile or answers: an effect, never part of a transition.
    {
        let session = state.0.session.clone();
        let revision = session
            .as_ref()
            .map(|s| (s.questionnaire.id.clone(), s.revision));
        let dispatch = dispatch.clone();
        let saving = saving.clone();
        use_effect_with(revision, move |revision| {
            if let (Some(session), Some((_, rev))) = (session, revision) {
                if *rev > 0 && *saving {
                    let ok = storage::save(&session.questionnaire, |at| {
                        saved::encode(
                            &session.questionnaire,
                            &session.profile,
                            &session.answers,
                            at,
                        )
                    });
                    if !ok {
                        saving.set(false);
                        dispatch.dispatch(Event::Notify(Notice {
                            kind: NoticeKind::Error,
                            text: "This browser refused to store your answers (storage is full or disabled). You can keep working, but saving is off: your answers will be lost when you close the page.".into(),
                        }));
                    }
                }
            }
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

    let s = &state.0;
    let body = match (&s.screen, &s.session) {
        (Screen::Start, _) | (_, None) => html! {
            <StartScreen entries={entries.clone()} dispatch={dispatch.clone()} on_storage={Callback::from({
                let saving = saving.clone();
                move |ok: bool| saving.set(ok)
            })} />
        },
        (Screen::Profile, Some(session)) => html! {
            <ProfileScreen profile={session.profile.clone()} dispatch={dispatch.clone()} />
        },
        (Screen::Questions, Some(session)) => html! {
            <QuestionsScreen session={session.clone()} dispatch={dispatch.clone()} />
        },
        (Screen::Results, Some(session)) => html! {
            <ResultsScreen session={session.clone()} dispatch={dispatch.clone()} />
        },
        (Screen::Roadmap, Some(session)) => html! {
            <RoadmapScreen session={session.clone()} {today} />
        },
    };

    html! {
        <div class="aims" data-screen={format!("{:?}", s.screen).to_lowercase()}>
            <header class="aims-header">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                    <span class="brand-name">{"AI management system readiness check"}</span>
                    <span class="brand-standard">{"ISO/IEC 42001:2023"}</span>
                </div>
                if let Some(session) = &s.session {
                    if s.screen != Screen::Start {
                        <StepNav screen={s.screen} title={session.questionnaire.title.clone()}
                            confirming_reset={s.confirming_reset} dispatch={dispatch.clone()} />
                    }
                }
            </header>
            if !*saving {
                <p class="saving-off" role="status">{"Saving is off: answers live only in this page until you close it."}</p>
            }
            if let Some(notice) = &s.notice {
                <NoticeBar notice={notice.clone()} dispatch={dispatch.clone()} />
            }
            <main class="aims-main" id="aims-main">{ body }</main>
            <Footer dispatch={dispatch.clone()} />
        </div>
    }
}

//! The widget's frame: step navigation with start-over confirmation, notices, and the footer.

use yew::prelude::*;

use crate::domain::session::{Event, Notice, NoticeKind, Screen};
use crate::ui::app::Dispatch;

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    pub screen: Screen,
    pub title: String,
    pub confirming_reset: bool,
    pub dispatch: Dispatch,
}

const STEPS: [(Screen, &str); 4] = [
    (Screen::Profile, "Profile"),
    (Screen::Questions, "Questions"),
    (Screen::Results, "Results"),
    (Screen::Roadmap, "Roadmap"),
];

#[function_component(StepNav)]
pub fn step_nav(props: &StepNavProps) -> Html {
    let send = |event: Event| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(event.clone()))
    };
    html! {
        <nav class="step-nav" aria-label="Assessment steps">
            <span class="nav-title">{ &props.title }</span>
            <ol class="steps">
                { for STEPS.iter().enumerate().map(|(n, (screen, label))| {
                    let current = *screen == props.screen;
                    html! {
                        <li>
                            <button type="button" class={classes!("step", current.then_some("current"))}
                                aria-current={current.then_some("step")}
                                onclick={send(Event::Show(*screen))}>
                                <span class="step-number" aria-hidden="true">{ n + 1 }</span>{ *label }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <div class="nav-actions">
                <button type="button" class="link-button" onclick={send(Event::Show(Screen::Start))}>
                    {"Change questionnaire"}
                </button>
                <button type="button" class="link-button danger" onclick={send(Event::AskReset)}>
                    {"Start over"}
                </button>
            </div>
            if props.confirming_reset {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-reset-title" aria-describedby="confirm-reset-text">
                    <p id="confirm-reset-title" class="confirm-title">{"Start over?"}</p>
                    <p id="confirm-reset-text">{"This clears your profile and every answer to this questionnaire on this device. It cannot be undone."}</p>
                    <div class="button-row">
                        <button type="button" class="button danger" onclick={send(Event::ConfirmReset)}>{"Yes, clear everything"}</button>
                        <button type="button" class="button secondary" autofocus=true onclick={send(Event::CancelReset)}>{"Keep my answers"}</button>
                    </div>
                </div>
            }
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Notice,
    pub dispatch: Dispatch,
}

#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeProps) -> Html {
    let dispatch = props.dispatch.clone();
    let error = props.notice.kind == NoticeKind::Error;
    html! {
        <div class={classes!("notice", error.then_some("error"))} role={if error { "alert" } else { "status" }}>
            <p>{ &props.notice.text }</p>
            <button type="button" class="link-button" onclick={move |_| dispatch.dispatch(Event::DismissNotice)}>
                {"Dismiss"}
            </button>
        </div>
    }
}

#[function_component(Footer)]
pub fn footer() -> Html {
    html! {
        <footer class="aims-footer">
            <p>
                <strong>{"Indicative self-assessment. "}</strong>
                {"This check estimates readiness from your own answers. It is not an audit and does not show conformity: only an accredited certification body can certify an AI management system."}
            </p>
            <p>{"Your answers stay on this device: nothing is sent anywhere. They are kept in this browser's local storage until you start over."}</p>
        </footer>
    }
}

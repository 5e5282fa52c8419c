//! The widget's frame: step navigation with start-over confirmation, notices, and the footer.

use yew::prelude::*;

use crate::domain::session::{Event, Notice, NoticeKind, Screen};
use crate::ui::app::Dispatch;
use crate::ui::storage;

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    pub screen: Screen,
    pub title: String,
    pub confirming_reset: bool,
    pub dispatch: Dispatch,
    pub on_export: Callback<()>,
    pub on_file: Callback<web_sys::File>,
    /// The share link of the current answers (computed when asked for).
    pub share_link: Callback<(), String>,
}

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub on_file: Callback<web_sys::File>,
    #[prop_or_default]
    pub class: Classes,
}

/// "Open a saved file": a real file input, styled as a button, keyboard reachable.
#[function_component(OpenFileButton)]
pub fn open_file_button(props: &OpenFileProps) -> Html {
    let on_file = props.on_file.clone();
    let onchange = Callback::from(move |e: web_sys::Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            on_file.emit(file);
        }
        // Let the same file be chosen again after a fix.
        input.set_value("");
    });
    html! {
        <label class={classes!("file-button", props.class.clone())}>
            <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="open-file" {onchange} />
            {"Open a saved file"}
        </label>
    }
}

const STEPS: [(Screen, &str); 4] = [
    (Screen::Profile, "Profile"),
    (Screen::Questions, "Questions"),
    (Screen::Results, "Results"),
    (Screen::Roadmap, "Roadmap"),
];

#[function_component(StepNav)]
pub fn step_nav(props: &StepNavProps) -> Html {
    let sharing = use_state(|| false);
    // Recomputed on every render while open, so the link always matches the current answers.
    let link = sharing.then(|| props.share_link.emit(()));
    let toggle_share = {
        let sharing = sharing.clone();
        Callback::from(move |_: MouseEvent| sharing.set(!*sharing))
    };
    let copied = use_state(|| false);
    let copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = link.as_ref() {
                let _ = gloo::utils::window()
                    .navigator()
                    .clipboard()
                    .write_text(text);
                copied.set(true);
            }
        })
    };
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
                <button type="button" class="link-button" data-testid="save-file" onclick={props.on_export.reform(|_: MouseEvent| ())}>
                    {"Save to file"}
                </button>
                <button type="button" class="link-button" data-testid="share" aria-expanded={link.is_some().to_string()} onclick={toggle_share}>
                    {"Share link"}
                </button>
                <OpenFileButton on_file={props.on_file.clone()} class={classes!("link-button")} />
                <button type="button" class="link-button" onclick={send(Event::Show(Screen::Start))}>
                    {"Change questionnaire"}
                </button>
                <button type="button" class="link-button danger" onclick={send(Event::AskReset)}>
                    {"Start over"}
                </button>
            </div>
            if let Some(text) = link.as_ref() {
                <div class="share-panel">
                    <label for="share-link" class="confirm-title">{ format!("Link to these results ({} characters)", text.len()) }</label>
                    <input id="share-link" type="text" readonly=true value={text.clone()} data-testid="share-link" />
                    <button type="button" class="button secondary" onclick={copy}>{ if *copied { "Copied" } else { "Copy link" } }</button>
                    <p class="hint">{"The answers travel in the part after #, which browsers never send to a server. Anyone you give the link to can see them; notes are not included."}</p>
                </div>
            }
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

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub dispatch: Dispatch,
}

#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    let confirming = use_state(|| false);
    // Read when the panel opens, so the list reflects the latest save.
    let keys = use_state(storage::stored_keys);
    let refresh = {
        let keys = keys.clone();
        Callback::from(move |_: web_sys::Event| keys.set(storage::stored_keys()))
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let delete = {
        let confirming = confirming.clone();
        let dispatch = props.dispatch.clone();
        let keys = keys.clone();
        Callback::from(move |_: MouseEvent| {
            let removed = storage::delete_everything();
            keys.set(storage::stored_keys());
            confirming.set(false);
            dispatch.dispatch(Event::Leave);
            dispatch.dispatch(Event::Notify(Notice {
                kind: NoticeKind::Info,
                text: format!(
                    "Deleted everything this widget stored on this device ({removed} item{}).",
                    if removed == 1 { "" } else { "s" }
                ),
            }));
        })
    };
    html! {
        <footer class="aims-footer">
            <p>
                <strong>{"Indicative self-assessment. "}</strong>
                {"This check estimates readiness from your own answers. It is not an audit and does not show conformity: only an accredited certification body can certify an AI management system."}
            </p>
            if !offline_edition() {
                <p>
                    <a href="./aims-readiness-offline.html" download="aims-readiness-offline.html" data-testid="offline-download">
                        {"Download the offline edition"}
                    </a>
                    {": one HTML file that runs this check with no network at all, opened straight from your disk."}
                </p>
            }
            <details class="your-data" ontoggle={refresh}>
                <summary>{"Your data"}</summary>
                <p>{"Everything runs in this page. Your answers are never sent anywhere: the page's security policy forbids it to open any network connection once it has loaded. There are no cookies, no analytics and no third-party files."}</p>
                <p>{"To let you continue later, this widget keeps your answers in this browser's local storage, on this device only:"}</p>
                if keys.is_empty() {
                    <p class="muted" data-testid="stored-none">{"Nothing is stored at the moment."}</p>
                } else {
                    <ul class="stored-keys">
                        { for keys.iter().map(|(k, size)| html! { <li><code>{ k }</code>{ format!(" ({size} characters)") }</li> }) }
                    </ul>
                }
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby="delete-all-title">
                        <p id="delete-all-title" class="confirm-title">{"Delete everything this widget stored on this device?"}</p>
                        <div class="button-row">
                            <button type="button" class="button danger" onclick={delete}>{"Yes, delete it all"}</button>
                            <button type="button" class="button secondary" onclick={cancel}>{"Cancel"}</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="button secondary" onclick={ask} disabled={keys.is_empty()}>
                        {"Delete everything stored on this device"}
                    </button>
                }
            </details>
        </footer>
    }
}

/// True inside the single-file offline edition (marked by a meta tag the build writes).
fn offline_edition() -> bool {
    gloo::utils::document()
        .query_selector("meta[name=\"aims-edition\"][content=\"offline\"]")
        .ok()
        .flatten()
        .is_some()
}

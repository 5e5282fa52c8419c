//! The widget's frame: step navigation with start-over confirmation, notices, and the footer's
//! "Your data" panel.

use crate::domain::app::{device, shared};
use crate::domain::app::{edit, navigate, notices};
use yew::prelude::*;

use crate::domain::app::session::{Notice, NoticeAction, NoticeKind, Screen, Session};
use crate::domain::app::Purpose;
use crate::domain::formats::export::Export;
use crate::domain::formats::share;
use crate::domain::host::embed::{EmbedConfig, Events};
use crate::domain::model::i18n::{msg, Lang, Msg};
use crate::ui::dispatch::Dispatch;
use crate::ui::storage;
use crate::ui::use_lang;
use std::rc::Rc;

/// The step navigation of an open assessment (drawn by the questions module: src/ui/later.rs).
#[derive(Properties, PartialEq, Clone)]
pub struct StepNavProps {
    pub screen: Screen,
    pub session: Session,
    pub confirming_reset: bool,
    pub dispatch: Dispatch,
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

/// How a file button looks and what it says.
pub struct OpenFile {
    /// Its classes besides `file-button`.
    pub class: &'static str,
    /// The button's words (translated when shown).
    pub label: Msg,
    pub testid: &'static str,
    /// Several files at once (each one is handed to `on_file`).
    pub multiple: bool,
}

impl OpenFile {
    /// "Open a saved file", one file.
    pub const fn saved(class: &'static str) -> OpenFile {
        OpenFile {
            class,
            label: msg!("Open a saved file"),
            testid: "open-file",
            multiple: false,
        }
    }
}

/// A file button ("Open a saved file" and the like): a real file input, styled as a button,
/// keyboard reachable.
pub fn open_file_button(on_file: Callback<web_sys::File>, props: OpenFile, lang: Lang) -> Html {
    let onchange = Callback::from(move |e: web_sys::Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(files) = input.files() {
            (0..files.length())
                .filter_map(|n| files.get(n))
                .for_each(|file| on_file.emit(file));
        }
        // Let the same file be chosen again after a fix.
        input.set_value("");
    });
    html! {
        <label class={format!("file-button {}", props.class)}>
            <input type="file" accept=".json,application/json" class="visually-hidden" data-testid={props.testid} multiple={props.multiple} {onchange} />
            { lang.t(props.label) }
        </label>
    }
}

const STEPS: [(Screen, Msg); 4] = [
    (Screen::Profile, msg!("Profile")),
    (Screen::Questions, msg!("Questions")),
    (Screen::Results, msg!("Results")),
    (Screen::Roadmap, msg!("Roadmap")),
];

/// The share link, its length, a copy button and what the link carries.
fn share_panel(text: &str, copied: bool, copy: Callback<MouseEvent>, lang: Lang) -> Html {
    html! {
        <div class="share-panel">
            <label for="share-link" class="confirm-title">{ lang.f(msg!("Link to these results ({n} characters)"), &[("n", &lang.int(text.len() as u64))]) }</label>
            <input id="share-link" type="text" readonly=true value={text.to_string()} data-testid="share-link" />
            <button type="button" class="button secondary" onclick={copy}>{ lang.t(if copied { msg!("Copied") } else { msg!("Copy link") }) }</button>
            <p class="hint">{ lang.t(msg!("The link carries the questionnaire's name and version, your organisation profile, every answer, and the justification you wrote for each \"not applicable\" answer. Your notes are not included. It all travels in the part after #, which browsers never send to a server; anyone you give the link to can read it.")) }</p>
        </div>
    }
}

/// "Start over?", asked before anything is cleared.
fn confirm_reset(dispatch: &Dispatch, lang: Lang) -> Html {
    let send = |event: crate::domain::app::Event| dispatch.send(event);
    html! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-reset-title" aria-describedby="confirm-reset-text">
            <p id="confirm-reset-title" class="confirm-title">{ lang.t(msg!("Start over?")) }</p>
            <p id="confirm-reset-text">{ lang.t(msg!("This clears your profile and every answer to this questionnaire on this device. It cannot be undone.")) }</p>
            <div class="button-row">
                <button type="button" class="button danger" onclick={send(edit::Event::ConfirmReset.into())}>{ lang.t(msg!("Yes, clear everything")) }</button>
                <button type="button" class="button secondary" autofocus=true onclick={send(edit::Event::CancelReset.into())}>{ lang.t(msg!("Keep my answers")) }</button>
            </div>
        </div>
    }
}

#[function_component(StepNav)]
pub fn step_nav(props: &StepNavProps) -> Html {
    let lang = use_lang();
    let sharing = use_state(|| false);
    // Recomputed on every render while open, so the link always matches the current answers.
    let link = sharing.then(|| share_link(&props.session));
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
    let send = |event: crate::domain::app::Event| props.dispatch.send(event);
    // On a phone the five file and reset actions fold into one menu (CSS shows the toggle).
    let menu = use_state(|| false);
    let toggle_menu = {
        let menu = menu.clone();
        Callback::from(move |_: MouseEvent| menu.set(!*menu))
    };
    html! {
        <nav class="step-nav" aria-label={lang.t(msg!("Assessment steps"))}>
            <span class="nav-title">{ &props.session.questionnaire.title }</span>
            <ol class="steps">
                { for STEPS.iter().enumerate().map(|(n, (screen, label))| {
                    let current = *screen == props.screen;
                    html! {
                        <li>
                            <button type="button" class={if current { "step current" } else { "step" }}
                                aria-current={current.then_some("step")}
                                onclick={send(navigate::Event::Show(*screen).into())}>
                                <span class="step-number" aria-hidden="true">{ n + 1 }</span>{ lang.t(*label) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="link-button menu-toggle" data-testid="menu-toggle"
                aria-expanded={menu.to_string()} aria-controls="nav-actions" onclick={toggle_menu}>
                { lang.t(msg!("Files and more")) }
            </button>
            <div id="nav-actions" class={if *menu { "nav-actions open" } else { "nav-actions" }}>
                <button type="button" class="link-button" data-testid="save-file" onclick={props.dispatch.send(shared::Event::Export(Export::SaveFile))}>
                    { lang.t(msg!("Save to file")) }
                </button>
                <button type="button" class="link-button" data-testid="share" aria-expanded={link.is_some().to_string()} onclick={toggle_share}>
                    { lang.t(msg!("Share link")) }
                </button>
                { open_file_button(props.dispatch.file_reader(Purpose::Open), OpenFile::saved("link-button"), lang) }
                <button type="button" class="link-button" onclick={send(navigate::Event::Show(Screen::Start).into())}>
                    { lang.t(msg!("Change questionnaire")) }
                </button>
                <button type="button" class="link-button danger" onclick={send(edit::Event::AskReset.into())}>
                    { lang.t(msg!("Start over")) }
                </button>
            </div>
            if let Some(text) = link.as_ref() {
                { share_panel(text, *copied, copy, lang) }
            }
            if props.confirming_reset {
                { confirm_reset(&props.dispatch, lang) }
            }
        </nav>
    }
}

#[derive(PartialEq, Clone)]
pub struct NoticeProps {
    pub notice: Notice,
    /// The language the notice is worded in (`AppState::message_lang`).
    pub words_in: Lang,
    pub dispatch: Dispatch,
}

pub fn notice_bar(props: &NoticeProps, lang: Lang) -> Html {
    let dispatch = props.dispatch.clone();
    let error = props.notice.kind == NoticeKind::Error;
    let undo = props.notice.action == Some(NoticeAction::UndoImport);
    let on_undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(notices::Event::Undo))
    };
    html! {
        <div class={if error { "notice error" } else { "notice" }} role={if error { "alert" } else { "status" }}>
            <p>{ props.notice.words(props.words_in) }</p>
            <div class="button-row">
                if undo {
                    <button type="button" class="button secondary" data-testid="undo-import" onclick={on_undo}>{ lang.t(msg!("Undo")) }</button>
                }
                <button type="button" class="link-button" onclick={move |_| dispatch.dispatch(notices::Event::Dismiss)}>
                    { lang.t(msg!("Dismiss")) }
                </button>
            </div>
        </div>
    }
}

/// "Your data" (drawn by the questions module).
#[derive(Properties, PartialEq, Clone)]
pub struct YourDataProps {
    pub dispatch: Dispatch,
    /// Changes each time the panel is opened or closed: the list is read again.
    pub toggled: u32,
}

/// What the widget keeps on this device, what the host's page is told, and deleting it all.
#[function_component(YourData)]
pub fn your_data(props: &YourDataProps) -> Html {
    let config = use_context::<Rc<EmbedConfig>>().unwrap_or_default();
    let lang = use_lang();
    let confirming = use_state(|| false);
    // Read when the panel opens, so the list reflects the latest save.
    let keys = use_state(storage::stored_keys);
    {
        let keys = keys.clone();
        use_effect_with(props.toggled, move |_| keys.set(storage::stored_keys()));
    }
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
            confirming.set(false);
            // The runtime deletes and says how many; the list below is read again.
            dispatch.dispatch(device::Event::DeleteEverything);
            keys.set(storage::stored_keys());
        })
    };
    html! {
        <>
            <p>{ lang.t(msg!("Everything runs in this page. Your answers are never sent anywhere: the page's security policy forbids it to open any network connection once it has loaded. There are no cookies, no analytics and no third-party files.")) }</p>
            if config.events != Events::Off {
                <p data-testid="host-events">{ lang.t(if config.events == Events::WithBand {
                    msg!("This site's page is told when you start a questionnaire and when you reach its results, with the questionnaire's name and the readiness band, so it can count them. Nothing else: no answer, note, profile or score.")
                } else {
                    msg!("This site's page is told when you start a questionnaire and when you reach its results, with the questionnaire's name, so it can count them. Nothing else: no answer, note, profile or score.")
                }) }</p>
            }
            <p>{ lang.t(msg!("To let you continue later, this widget keeps your answers in this browser's local storage, on this device only:")) }</p>
            if keys.is_empty() {
                <p class="muted" data-testid="stored-none">{ lang.t(msg!("Nothing is stored at the moment.")) }</p>
            } else {
                <ul class="stored-keys">
                    { for keys.iter().map(|(k, size)| stored_key_row(k, *size, &props.dispatch, lang)) }
                </ul>
            }
            if *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby="delete-all-title">
                    <p id="delete-all-title" class="confirm-title">{ lang.t(msg!("Delete everything this widget stored on this device?")) }</p>
                    <div class="button-row">
                        <button type="button" class="button danger" onclick={delete}>{ lang.t(msg!("Yes, delete it all")) }</button>
                        <button type="button" class="button secondary" onclick={cancel}>{ lang.t(msg!("Cancel")) }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="button secondary" onclick={ask} disabled={keys.is_empty()}>
                    { lang.t(msg!("Delete everything stored on this device")) }
                </button>
            }
        </>
    }
}

/// One stored key in "Your data"; a kept copy of unreadable answers says when it was kept and
/// can be downloaded, so nothing unreadable is ever out of reach.
fn stored_key_row(key: &str, size: usize, dispatch: &Dispatch, lang: Lang) -> Html {
    let size_text = lang.f(msg!("({n} characters)"), &[("n", &lang.int(size as u64))]);
    let Some((_, stamp)) = key.split_once(":unreadable") else {
        return html! { <li><code>{ key }</code>{" "}{ size_text }</li> };
    };
    let date = crate::domain::model::date::Date::parse(
        stamp.trim_start_matches(':').get(..10).unwrap_or(""),
    );
    let kept = match date {
        Some(d) => lang.f(
            msg!("a copy of answers that could not be read, kept on {date}"),
            &[("date", &lang.date(d))],
        ),
        None => lang
            .t(msg!("a copy of answers that could not be read"))
            .into(),
    };
    let download = dispatch.send(device::Event::DownloadBackup(key.to_string()));
    html! {
        <li class="backup" data-testid="backup">
            <code>{ key }</code>{" "}{ size_text }{": "}{ kept }{" "}
            <button type="button" class="link-button small" onclick={download}>{ lang.t(msg!("Download it")) }</button>
        </li>
    }
}

/// The language switcher: a labelled native select, so it works with keyboard and screen readers;
/// `current` is the language on screen.
pub fn language_picker(current: Lang, on_change: Callback<Lang>) -> Html {
    let onchange = Callback::from(move |e: web_sys::Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let chosen = Lang::from_code(&select.value());
        // The select shows the language on screen until the page really is in the chosen one
        // (a switch may reload, or first ask): it re-renders with the new one when it is.
        select.set_value(current.code());
        if let Some(lang) = chosen {
            on_change.emit(lang);
        }
    });
    html! {
        <div class="language">
            <label for="aims-language" class="visually-hidden">{ current.t(msg!("Language")) }</label>
            <select id="aims-language" data-testid="language" {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={*l == current}>{ l.name() }</option>
                }) }
            </select>
        </div>
    }
}

//! The root's effects as small hooks: language and page title, branding, saving, following other
//! tabs, share fragments, showing the top of each new screen, and file drops anywhere on the page.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::app::Dispatch;
use super::sync::{self, Effects};
use crate::domain::embed::EmbedConfig;
use crate::domain::i18n::Lang;
use crate::domain::saved::Restored;
use crate::domain::session::{Event, Notice, Screen, Session};
use crate::domain::share;
use crate::domain::Questionnaire;

/// The document follows the language: `<html lang>`, the page title (which also names the PDF
/// a browser prints, so the printable report gets its own), the rescue panel's language.
#[hook]
pub fn use_document_language(lang: Lang, title: String) {
    use_effect_with((lang, title), move |(lang, title)| {
        let document = gloo::utils::document();
        if let Some(element) = document.document_element() {
            let _ = element.set_attribute("lang", lang.code());
        }
        document.set_title(title);
        super::rescue::set_lang(*lang);
    });
}

/// Branding through CSS custom properties, set with the CSSOM (the CSP forbids style attributes).
#[hook]
pub fn use_branding(root: NodeRef, config: Rc<EmbedConfig>) {
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

/// Saves after every change to profile, answers or notes: an effect, never part of a transition.
#[hook]
pub fn use_save(session: Option<Session>, effects: Effects, dispatch: Dispatch) {
    let revision = session
        .as_ref()
        .map(|s| (s.questionnaire.id.clone(), s.revision));
    use_effect_with(revision, move |revision| {
        if let (Some(session), Some((_, rev))) = (session, revision) {
            if *rev > 0 {
                sync::save(&session, &effects, &dispatch);
            }
        }
    });
}

/// Follows other tabs: when one saves this assessment, take its answers (merged with ours).
#[hook]
pub fn use_follow_tabs(latest: Rc<RefCell<Option<Session>>>, effects: Effects, dispatch: Dispatch) {
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

/// The language and the questionnaires in it, as long-lived listeners read them.
pub type Current = Rc<RefCell<(Lang, Rc<Vec<Rc<Questionnaire>>>)>>;

/// Shared results arrive in the URL fragment, at start-up or when a link is pasted later. The
/// listener lives as long as the app, so it reads the language and questionnaires in use.
#[hook]
pub fn use_share_fragment(
    current: Current,
    shared: UseStateHandle<Option<Rc<Restored>>>,
    dispatch: Dispatch,
) {
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
                    dispatch.dispatch(Event::Notify(Notice::error(lang.f(
                        "The shared link could not be opened: {why}. Your own answers are unchanged.",
                        &[("why", &e.message(lang))],
                    ))));
                }
            }
        };
        read();
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| read());
        move || drop(listener)
    });
}

/// Removes the share fragment from the address bar, so a reload does not reopen it.
pub fn clear_fragment() {
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

/// What decides that a new screen is on show: the screen, the section on the questions screen,
/// the shared view, and an item to bring into view.
#[derive(Clone, PartialEq)]
pub struct Shown {
    pub screen: Screen,
    pub section: usize,
    pub shared: bool,
    pub focus_item: Option<String>,
}

/// Every screen change shows the top of the new screen and moves focus to its heading (or to
/// the question "Review this answer" asked for); embedded, the host is asked to bring the
/// frame's top into view. Not at start-up: a page must not grab focus as it loads.
#[hook]
pub fn use_show_new_screen(root: NodeRef, shown: Shown) {
    let first = use_mut_ref(|| true);
    use_effect_with(shown, move |shown| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(root) = root.cast::<web_sys::HtmlElement>() else {
            return;
        };
        let window = gloo::utils::window();
        let target = shown.focus_item.as_ref().and_then(|id| {
            root.query_selector(&format!("[data-item=\"{id}\"]"))
                .ok()
                .flatten()
        });
        let heading = || root.query_selector("#aims-main h1").ok().flatten();
        let Some(element) = target.or_else(heading) else {
            return;
        };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let focusable: Option<web_sys::HtmlElement> = if shown.focus_item.is_some() {
            element
                .query_selector("input:checked, input")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into().ok())
        } else {
            element.clone().dyn_into().ok()
        };
        if let Some(f) = focusable {
            let _ = f.focus_with_options(&options);
        }
        let scroll_y = window.scroll_y().unwrap_or(0.0);
        let top = if shown.focus_item.is_some() {
            element.get_bounding_client_rect().top() + scroll_y - 16.0
        } else {
            root.get_bounding_client_rect().top() + scroll_y
        };
        if shown.focus_item.is_some() || scroll_y > top {
            window.scroll_to_with_x_and_y(0.0, top.max(0.0));
        }
        // boot.js passes this on to an embedding host as a request to show the frame's top
        // (or the focused question's position).
        let offset = (top - (root.get_bounding_client_rect().top() + scroll_y)).max(0.0);
        let _ = root.set_attribute("data-scroll-offset", &format!("{}", offset as i64));
        if let Ok(event) = web_sys::Event::new("aims-readiness:screen") {
            let _ = gloo::utils::document().dispatch_event(&event);
        }
    });
}

/// A saved assessment dropped anywhere on the page, even outside the widget's column, opens;
/// the browser never navigates to the dropped file instead.
#[hook]
pub fn use_window_drop(on_file: Callback<web_sys::File>) -> bool {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let over = {
                let dragging = dragging.clone();
                gloo::events::EventListener::new_with_options(
                    &window,
                    "dragover",
                    options,
                    move |e| {
                        e.prevent_default();
                        if !*dragging {
                            dragging.set(true);
                        }
                    },
                )
            };
            let leave = {
                let dragging = dragging.clone();
                gloo::events::EventListener::new(&window, "dragleave", move |e| {
                    // Leaving the window has no element to go to.
                    let left = e
                        .dyn_ref::<web_sys::MouseEvent>()
                        .is_some_and(|m| m.related_target().is_none());
                    if left {
                        dragging.set(false);
                    }
                })
            };
            let drop =
                gloo::events::EventListener::new_with_options(&window, "drop", options, move |e| {
                    e.prevent_default();
                    dragging.set(false);
                    let file = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                        .and_then(|d| d.files())
                        .and_then(|f| f.get(0));
                    if let Some(file) = file {
                        on_file.emit(file);
                    }
                });
            move || {
                std::mem::drop((over, leave, drop));
            }
        });
    }
    *dragging
}

/// Warns in the console about an embed setting naming a questionnaire this widget lacks.
pub fn warn_unknown_questionnaire(config: &EmbedConfig, questionnaires: &[Rc<Questionnaire>]) {
    if let Some(id) = &config.questionnaire {
        if !questionnaires.iter().any(|q| &q.id == id) {
            web_sys::console::warn_1(
                &format!(
                    "readiness check: ignored questionnaire={id}: no such questionnaire (known: {})",
                    questionnaires
                        .iter()
                        .map(|q| q.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
                .into(),
            );
        }
    }
}

//! The root's effects as small hooks: language and page title, branding, other tabs' writes,
//! share fragments, showing each new screen's heading, and file drops anywhere on the page.

use crate::domain::app::{device, import, shared};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::dispatch::Dispatch;
use crate::domain::app::session::Screen;
use crate::domain::app::Purpose;
use crate::domain::figures::scoring::Band;
use crate::domain::host::embed::{accent_as_text, EmbedConfig, Moment};
use crate::domain::model::i18n::Lang;

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

/// The start screen index.html painted before the wasm arrived (`domain::host::welcome`) gives way to
/// the app in the same task as the app's first render, so no frame shows both or neither.
#[hook]
pub fn use_replace_preview() {
    use_effect_with((), |_| remove_preview());
}

/// Removes the first paint of index.html (every language's), when the app or the notice that
/// replaces it takes over.
pub fn remove_preview() {
    let document = gloo::utils::document();
    while let Some(preview) = document.query_selector("[data-preview]").ok().flatten() {
        preview.remove();
    }
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
            // As a text colour the accent must read on the scheme's backgrounds: the stylesheet
            // picks the light or the dark variant (`--aims-link`).
            let text = |dark| config.accent.as_deref().map(|a| accent_as_text(a, dark));
            set("--aims-accent-text-light", &text(false));
            set("--aims-accent-text-dark", &text(true));
            set("--aims-font", &config.font);
        }
    });
}

/// Other tabs' writes to storage reach the app, which follows the open assessment's key.
#[hook]
pub fn use_follow_tabs(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
                if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
                    dispatch.dispatch(device::Event::Changed {
                        key: event.key().unwrap_or_default(),
                        text: event.new_value(),
                    });
                }
            });
        move || drop(listener)
    });
}

/// Shared results arrive in the URL fragment, at start-up or when a link is pasted later.
#[hook]
pub fn use_share_fragment(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let read = move || {
            let hash = gloo::utils::window().location().hash().unwrap_or_default();
            // No event for no fragment: one would wait for the reducer with "Loading…".
            if hash.len() > 1 {
                dispatch.dispatch(shared::Event::Link(hash));
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

/// Every screen or section change brings its heading (or the question "Review this answer"
/// asked for) to the top of the view and moves focus there, once the new screen is in the DOM:
/// on a phone the widget's own chrome stays above, out of the way. Embedded, the host is asked
/// to scroll to the same place. Not at start-up: a page must not grab focus as it loads, also
/// not when it opens its first screen a moment later (`opening`: the reducer was on its way).
#[hook]
pub fn use_show_new_screen(root: NodeRef, shown: Shown, opening: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with((shown, opening), move |(shown, opening)| {
        if *opening || std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        // Effects run once the new screen is in the DOM; reading positions lays it out, and
        // nothing above the heading arrives later. Done now, not a frame later: a frame later
        // (and browsers may hold frames back) the page would move under the next click.
        show_top(&root, shown.focus_item.clone());
    });
}

fn show_top(root: &NodeRef, focus_item: Option<String>) {
    let Some(root) = root.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let target = focus_item.as_ref().and_then(|id| {
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
    let focusable: Option<web_sys::HtmlElement> = if focus_item.is_some() {
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
    // A screen whose controls stand above its heading (the printable report's buttons) marks
    // where its top is.
    let anchor = root
        .query_selector("#aims-main [data-scroll-anchor]")
        .ok()
        .flatten()
        .filter(|_| focus_item.is_none());
    bring_to_top(&root, anchor.as_ref().unwrap_or(&element));
}

/// Brings `element` to the top of the view (below the space its `scroll-margin-top` leaves)
/// unless it is already in the top third; embedded, asks the host page to do the same.
fn bring_to_top(root: &web_sys::Element, element: &web_sys::Element) {
    let window = gloo::utils::window();
    let scroll_y = window.scroll_y().unwrap_or(0.0);
    // The space style.css leaves above it (on a phone the slim progress bar sits there).
    let margin = window
        .get_computed_style(element)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("scroll-margin-top").ok())
        .and_then(|px| px.trim_end_matches("px").parse::<f64>().ok())
        .unwrap_or(0.0);
    let view = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let on_screen = element.get_bounding_client_rect().top();
    // Already in the top third of the view: leave the page where it is.
    if !(margin..=view / 3.0).contains(&on_screen) {
        window.scroll_to_with_x_and_y(0.0, (on_screen + scroll_y - margin).max(0.0));
    }
    // boot.js passes this on to an embedding host, which scrolls its frame to the same place.
    let offset =
        (element.get_bounding_client_rect().top() - root.get_bounding_client_rect().top() - margin)
            .max(0.0);
    let _ = root.set_attribute("data-scroll-offset", &format!("{}", offset as i64));
    if let Ok(event) = web_sys::Event::new("aims-readiness:screen") {
        let _ = gloo::utils::document().dispatch_event(&event);
    }
}

thread_local! {
    /// The moments already told in this page, so a host counts each once.
    static TOLD: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Tells an embedding host page, if its host.json asked for events, that `moment` happened to
/// `what` (a questionnaire's id and, for the results, its band); once per page. `config` is the
/// host's settings where no context provides them (the root).
#[hook]
pub fn use_tell_host(
    config: Option<Rc<EmbedConfig>>,
    moment: Moment,
    what: Option<(String, Option<Band>)>,
) {
    let config = config
        .or(use_context::<Rc<EmbedConfig>>())
        .unwrap_or_default();
    use_effect_with((what, config), move |(what, config)| {
        if let Some((id, band)) = what {
            tell_host(config.event(moment, id, *band));
        }
    });
}

/// Tells an embedding host page `event` (`EmbedConfig::event`'s tokens, which hold no answer),
/// once per page: the root element carries it and a DOM event asks boot.js to post it.
fn tell_host(event: Option<String>) {
    let Some(event) = event else { return };
    // Once per moment and questionnaire: a band that changes later is not a second completion.
    let key: String = event.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let first = TOLD.with(|told| {
        let mut told = told.borrow_mut();
        let first = !told.contains(&key);
        if first {
            told.push(key);
        }
        first
    });
    let document = gloo::utils::document();
    if let (true, Some(root)) = (first, document.document_element()) {
        let _ = root.set_attribute("data-aims-event", &event);
        if let Ok(event) = web_sys::Event::new("aims-readiness:event") {
            let _ = document.dispatch_event(&event);
        }
    }
}

/// On a phone, after a tap on an answer, the next unanswered question of the section (or the
/// button to the next section) comes up, so a person reads on instead of scrolling past the
/// answered one. Keyboard choices (arrow keys move through the options) never move the page,
/// and nothing takes focus.
pub fn after_tap(question: web_sys::Element) {
    let narrow = gloo::utils::window()
        .match_media("(max-width: 760px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if !narrow {
        return;
    }
    // At once, in the click: the questions below do not move when this one is answered, and
    // a scroll a frame later could move the page under the person's next tap.
    let Some(root) = question.closest(".aims").ok().flatten() else {
        return;
    };
    let mut next = question.next_element_sibling();
    while let Some(candidate) = next {
        let open = candidate
            .query_selector("input:checked")
            .ok()
            .flatten()
            .is_none();
        if open {
            return bring_to_top(&root, &candidate);
        }
        next = candidate.next_element_sibling();
    }
    if let Some(button) = root.query_selector("[data-testid=\"next\"]").ok().flatten() {
        bring_to_top(&root, &button);
    }
}

/// A saved assessment dropped anywhere on the page, even outside the widget's column, opens;
/// the browser never navigates to the dropped file instead. The app knows when a file is
/// being dragged (told once per change, not on every `dragover`).
#[hook]
pub fn use_window_drop(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let dragging = Rc::new(Cell::new(false));
        let set = {
            let (dispatch, dragging) = (dispatch.clone(), dragging.clone());
            move |on: bool| {
                if dragging.replace(on) != on {
                    dispatch.dispatch(import::Event::Dragging(on));
                }
            }
        };
        let over = {
            let set = set.clone();
            gloo::events::EventListener::new_with_options(&window, "dragover", options, move |e| {
                e.prevent_default();
                set(true);
            })
        };
        let leave = {
            let set = set.clone();
            gloo::events::EventListener::new(&window, "dragleave", move |e| {
                // Leaving the window has no element to go to.
                let left = e
                    .dyn_ref::<web_sys::MouseEvent>()
                    .is_some_and(|m| m.related_target().is_none());
                if left {
                    set(false);
                }
            })
        };
        let on_file = dispatch.file_reader(Purpose::Open);
        let on_more = dispatch.file_reader(Purpose::Team);
        let drop =
            gloo::events::EventListener::new_with_options(&window, "drop", options, move |e| {
                e.prevent_default();
                set(false);
                // One file opens (or joins the team view when it is on screen); several are a
                // workshop's files and open the team view together.
                let files = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|d| d.files());
                if let Some(files) = files {
                    let several = files.length() > 1;
                    for n in 0..files.length() {
                        if let Some(file) = files.get(n) {
                            if several {
                                on_more.emit(file)
                            } else {
                                on_file.emit(file)
                            }
                        }
                    }
                }
            });
        move || std::mem::drop((over, leave, drop))
    });
}

//! The Yew shell: renders the domain's state, turns clicks into domain events, and does all I/O.

mod app;
mod canvas;
mod components;
mod dispatch;
mod files;
mod footer;
pub(crate) mod hooks;
mod later;
mod reducer;
mod rescue;
mod screens;
mod storage;

pub use app::App;

use crate::domain::model::i18n::Lang;

/// Shown when the content file did not arrive, in English: every translation is in that file.
const CONTENT_MISSING: &str = "The readiness check could not load its texts and questions. Reload the page; if this notice stays, please tell the owner of this site.";

/// False on a screen's first render and true from the frame after it: a long screen paints its
/// top at once and fills in the rest one frame later, so a click is answered within a frame.
#[yew::hook]
pub(crate) fn use_after_first_paint() -> bool {
    let ready = yew::use_state(|| false);
    {
        let ready = ready.clone();
        yew::use_effect_with((), move |_| after_next_paint(move || ready.set(true)));
    }
    *ready
}

/// Runs `f` in the first task after the next frame is painted (animation frame, then a timeout).
fn after_next_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let outer = Closure::once_into_js(move || next_task(f));
    let _ = gloo::utils::window().request_animation_frame(outer.unchecked_ref());
}

/// The language in effect, provided by the app root (English outside it).
#[yew::hook]
pub(crate) fn use_lang() -> Lang {
    yew::use_context::<Lang>().unwrap_or_default()
}

/// Mounts the widget into `#aims-readiness` if the page has one, else into `<body>`. Without
/// its content file (a damaged or blocked download) it shows a fixed notice: the interface's
/// texts are in that file.
pub fn start() {
    rescue::install();
    let document = gloo::utils::document();
    let root = document.get_element_by_id("aims-readiness");
    let Some(library) = app::load_content() else {
        web_sys::console::error_1(
            &"readiness check: the content file is missing or damaged".into(),
        );
        hooks::remove_preview();
        let parent = root.or_else(|| document.body().map(Into::into));
        if let (Ok(notice), Some(parent)) = (document.create_element("p"), parent) {
            notice.set_class_name("notice error");
            let _ = notice.set_attribute("role", "alert");
            notice.set_text_content(Some(CONTENT_MISSING));
            let _ = parent.append_child(&notice);
        }
        return;
    };
    let props = app::AppProps { library };
    // The first render in a task of its own: starting the module and unpacking the texts is one
    // long task on a slow phone, the render another, and the page can answer in between.
    next_task(move || {
        match root {
            Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
            None => yew::Renderer::<App>::with_props(props).render(),
        };
    });
}

/// Runs `f` in a task of its own (a zero timeout).
fn next_task(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let f = Closure::once_into_js(f);
    let _ = gloo::utils::window().set_timeout_with_callback(f.unchecked_ref());
}

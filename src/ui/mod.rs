//! The Yew shell: renders the domain's state, turns clicks into domain events, and does all I/O.

mod app;
mod components;
mod files;
mod rescue;
mod screens;
mod storage;
mod sync;

pub use app::App;

use crate::domain::i18n::Lang;

/// The language in effect, provided by the app root (English outside it).
#[yew::hook]
pub(crate) fn use_lang() -> Lang {
    yew::use_context::<Lang>().unwrap_or_default()
}

/// Mounts the widget into `#aims-readiness` if the page has one, else into `<body>`.
pub fn start() {
    rescue::install();
    let root = gloo::utils::document().get_element_by_id("aims-readiness");
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

//! Last line of defence: if the app ever panics, replace it with a friendly message and a way to
//! download the answers, instead of a dead page.

use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

use crate::domain::model::i18n::{msg, Lang};

thread_local! {
    /// The language on screen, so the rescue message speaks it too.
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
    /// The latest saved form of the open assessment, kept in memory even when storage is off.
    static LATEST: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Records the language on screen.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// Records what a rescue download would contain: file name and saved text.
pub fn remember(filename: String, text: String) {
    LATEST.with(|latest| *latest.borrow_mut() = Some((filename, text)));
}

fn download_link(filename: &str, text: &str) -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link = document.create_element("a").ok()?;
    link.set_attribute("href", &url).ok()?;
    link.set_attribute("download", filename).ok()?;
    link.set_attribute("class", "button").ok()?;
    link.set_text_content(Some(LANG.with(Cell::get).t(msg!("Download your answers"))));
    Some(link)
}

fn show_rescue() -> Option<()> {
    let lang = LANG.with(Cell::get);
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("aims-readiness")
        .or_else(|| document.body().map(Into::into))?;
    let panel = document.create_element("div").ok()?;
    panel.set_attribute("class", "aims rescue").ok()?;
    panel.set_attribute("role", "alert").ok()?;
    let title = document.create_element("h1").ok()?;
    title.set_text_content(Some(
        lang.t(msg!("Sorry, the readiness check stopped working")),
    ));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(lang.t(
        msg!("Something unexpected went wrong. Your answers were not sent anywhere. Download them to keep a copy, then reload the page: the widget will open them again from this browser, or from the file."),
    )));
    panel.append_child(&title).ok()?;
    panel.append_child(&text).ok()?;
    if let Some(link) = LATEST.with(|l| {
        l.borrow()
            .as_ref()
            .and_then(|(name, text)| download_link(name, text))
    }) {
        panel.append_child(&link).ok()?;
    }
    // Emptied node by node: no HTML parsing, so the page's Trusted Types policy holds here too.
    while let Some(child) = root.first_child() {
        root.remove_child(&child).ok()?;
    }
    root.append_child(&panel).ok()?;
    Some(())
}

/// Installs the panic hook. Call once, before rendering.
pub fn install() {
    // Through Yew, so its renderer does not replace this hook with its default one.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("readiness check: {info}")));
        let _ = show_rescue();
    }));
}

/// Lets the browser tests prove the rescue path; it is harmless for anyone else to call.
#[wasm_bindgen]
pub fn trigger_fault_for_tests() {
    panic!("fault injected by a test");
}

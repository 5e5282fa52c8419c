//! Files in and out: downloads built in memory (Blob URLs, no network) and reading a chosen or dropped file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download. Returns false if the browser refused.
pub fn download(filename: &str, text: &str, mime: &str) -> bool {
    let attempt = || -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = gloo::utils::document();
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        link.set_href(&url);
        link.set_download(filename);
        link.set_class_name("visually-hidden");
        document.body().ok_or("no body")?.append_child(&link)?;
        link.click();
        link.remove();
        web_sys::Url::revoke_object_url(&url)?;
        Ok(())
    };
    attempt().is_ok()
}

/// Why a file could not be read.
pub enum ReadError {
    TooLarge(f64),
    Unreadable,
}

/// Reads a chosen or dropped file as text, refusing oversized files before reading a byte.
pub async fn read_text(file: web_sys::File, limit: usize) -> Result<String, ReadError> {
    if file.size() > limit as f64 {
        return Err(ReadError::TooLarge(file.size()));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
}

//! Files in and out: downloads built in memory (Blob URLs, no network) and reading a chosen or dropped file.

use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::i18n::Lang;
use crate::domain::saved::{self, Restored, SavedError, Source, MAX_SAVED_BYTES};
use crate::domain::Questionnaire;

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

/// Reads a chosen or dropped file's bytes, refusing oversized files before reading one. The
/// domain decodes them (and refuses anything that is not UTF-8, instead of guessing).
pub async fn read_bytes(file: web_sys::File, limit: usize) -> Result<Vec<u8>, ReadError> {
    if file.size() > limit as f64 {
        return Err(ReadError::TooLarge(file.size()));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a chosen or dropped save file and checks it completely against `questionnaires`: the
/// assessment, or why it was refused (in `lang`). One path for opening and for comparing.
pub async fn read_save(
    file: web_sys::File,
    questionnaires: &[Rc<Questionnaire>],
    lang: Lang,
) -> Result<Restored, String> {
    match read_bytes(file, MAX_SAVED_BYTES).await {
        Ok(bytes) => {
            saved::decode_bytes(&bytes, questionnaires, Source::Import).map_err(|e| e.message(lang))
        }
        Err(ReadError::TooLarge(size)) => Err(SavedError::TooLarge(size as usize).message(lang)),
        Err(ReadError::Unreadable) => Err(lang.t("the browser could not read it").into()),
    }
}

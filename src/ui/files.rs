//! Files in and out: downloads built in memory (Blob URLs, no network) and reading a chosen or dropped file.

use crate::domain::app::import;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::app::{Event, FileProblem, Purpose};
use crate::domain::formats::export::File;
use crate::domain::formats::saved::MAX_SAVED_BYTES;

/// A file's content as the parts of a Blob or File: its text, or its bytes.
fn blob_parts(file: &File) -> js_sys::Array {
    if file.bytes.is_empty() {
        js_sys::Array::of1(&JsValue::from_str(&file.text))
    } else {
        js_sys::Array::of1(&js_sys::Uint8Array::from(file.bytes.as_slice()))
    }
}

/// Offers `file` as a download. Returns false if the browser refused.
pub fn download(file: &File) -> bool {
    let attempt = || -> Result<(), JsValue> {
        let parts = blob_parts(file);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(file.mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = gloo::utils::document();
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        link.set_href(&url);
        link.set_download(&file.name);
        link.set_class_name("visually-hidden");
        document.body().ok_or("no body")?.append_child(&link)?;
        link.click();
        link.remove();
        web_sys::Url::revoke_object_url(&url)?;
        Ok(())
    };
    attempt().is_ok()
}

/// Whether this browser can hand files to the system's share sheet (phones, tablets, some
/// desktops); elsewhere the share buttons are not shown. Asked once per page: the exports
/// panel asks on every render.
pub fn can_share_files() -> bool {
    thread_local! {
        static CAN_SHARE: std::cell::OnceCell<bool> = const { std::cell::OnceCell::new() };
    }
    CAN_SHARE.with(|known| *known.get_or_init(probe_share))
}

fn probe_share() -> bool {
    let navigator = gloo::utils::window().navigator();
    let probe = web_sys::ShareData::new();
    let Ok(file) =
        web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&"".into()), "probe.json")
    else {
        return false;
    };
    probe.set_files(&js_sys::Array::of1(&file));
    js_sys::Reflect::has(&navigator, &"canShare".into()).unwrap_or(false)
        && navigator.can_share_with_data(&probe)
}

/// Hands `file` to the system's share sheet. False when the browser cannot share it (then the
/// caller downloads it instead); a person who closes the sheet has simply not shared.
pub fn share(file: &File) -> bool {
    let attempt = || -> Result<(), JsValue> {
        let parts = blob_parts(file);
        let options = web_sys::FilePropertyBag::new();
        options.set_type(file.mime);
        let shared =
            web_sys::File::new_with_u8_array_sequence_and_options(&parts, &file.name, &options)?;
        let data = web_sys::ShareData::new();
        data.set_files(&js_sys::Array::of1(&shared));
        data.set_title(&file.name);
        let navigator = gloo::utils::window().navigator();
        if !can_share_files() || !navigator.can_share_with_data(&data) {
            return Err(JsValue::NULL);
        }
        // The promise settles when the sheet closes (rejected if the person closes it without
        // sharing): awaited so no rejection goes unhandled; nothing is left to do either way.
        let closed = navigator.share_with_data(&data);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(closed).await;
        });
        Ok(())
    };
    attempt().is_ok()
}

/// A chosen or dropped file's bytes, refusing oversized files before reading one. The domain
/// decodes them (and refuses anything that is not UTF-8, instead of guessing).
async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, FileProblem> {
    if file.size() > MAX_SAVED_BYTES as f64 {
        return Err(FileProblem::TooLarge(file.size() as usize));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileProblem::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads `file` and hands its bytes (or why there are none) to `send` as an event for `purpose`.
pub fn read_into(file: web_sys::File, purpose: Purpose, send: impl FnOnce(Event) + 'static) {
    let name = file.name();
    yew::platform::spawn_local(async move {
        let bytes = read_bytes(file).await;
        send(
            import::Event::FileRead {
                purpose,
                name,
                bytes,
            }
            .into(),
        );
    });
}

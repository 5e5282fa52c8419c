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

/// The host's logo as the page shows it, drawn into a PNG data URL for the Word documents (Word
/// takes PNG and JPEG pictures; a host's SVG, WebP or file path logo becomes one here). `None`
/// when the page shows no logo, it has not loaded, or the browser refuses to draw it.
///
/// Written with `Reflect` and `Function::apply`, which the start module imports anyway: typed
/// canvas bindings would add their imports to the start module's import table (every module
/// shares it), about 600 B gzip for a step of the later module.
pub fn logo_as_png() -> Option<String> {
    use js_sys::{Array, Function, Reflect};
    let get = |on: &JsValue, key: &str| Reflect::get(on, &key.into()).ok();
    let call = |on: &JsValue, name: &str, args: Array| -> Option<JsValue> {
        let function: Function = get(on, name)?.dyn_into().ok()?;
        function.apply(on, &args).ok()
    };
    let number = |on: &JsValue, key: &str| get(on, key)?.as_f64().filter(|n| *n > 0.0);
    let document: JsValue = gloo::utils::document().into();
    let img = call(
        &document,
        "querySelector",
        Array::of1(&"img.brand-logo".into()),
    )?;
    if img.is_null() || get(&img, "complete")?.as_bool() != Some(true) {
        return None;
    }
    // An SVG without a pixel size reports none: its size on the page gives the proportions.
    let (w, h) = match (number(&img, "naturalWidth"), number(&img, "naturalHeight")) {
        (Some(w), Some(h)) => (w, h),
        _ => (number(&img, "width")?, number(&img, "height")?),
    };
    // Word shows it at most 1.5 cm high: 180 px is 300 dpi there.
    let height = 180.0;
    let width = (w * height / h).round().clamp(1.0, 1_800.0);
    let canvas = call(&document, "createElement", Array::of1(&"canvas".into()))?;
    Reflect::set(&canvas, &"width".into(), &width.into()).ok()?;
    Reflect::set(&canvas, &"height".into(), &height.into()).ok()?;
    let context = call(&canvas, "getContext", Array::of1(&"2d".into()))?;
    let at = |n: f64| JsValue::from(n);
    call(
        &context,
        "drawImage",
        Array::of5(&img, &at(0.0), &at(0.0), &at(width), &at(height)),
    )?;
    call(&canvas, "toDataURL", Array::of1(&"image/png".into()))?.as_string()
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

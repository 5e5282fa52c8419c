//! Pictures for the Word documents, drawn with the browser's canvas: the host's logo and the
//! maturity charts, as PNG data URLs (Word takes PNG and JPEG pictures, not SVG).
//!
//! Written with `Reflect` and `Function::apply`, which the start module imports anyway: typed
//! canvas bindings would add their imports to the start module's import table (every module
//! shares it), about 600 B gzip for code only the later module runs.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::model::i18n::{msg, Lang};
use crate::ui::components::Bar;

fn get(on: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(on, &key.into()).ok()
}

fn set(on: &JsValue, key: &str, value: impl Into<JsValue>) -> Option<()> {
    Reflect::set(on, &key.into(), &value.into()).ok().map(drop)
}

/// Calls the method `name` of `on` with `args`.
fn call(on: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let function: Function = get(on, name)?.dyn_into().ok()?;
    function.apply(on, &args.iter().collect::<Array>()).ok()
}

/// A canvas of `width` x `height` pixels and its 2D context.
fn canvas(width: f64, height: f64) -> Option<(JsValue, JsValue)> {
    let document: JsValue = gloo::utils::document().into();
    let canvas = call(&document, "createElement", &["canvas".into()])?;
    set(&canvas, "width", width)?;
    set(&canvas, "height", height)?;
    let context = call(&canvas, "getContext", &["2d".into()])?;
    Some((canvas, context))
}

fn png(canvas: &JsValue) -> Option<String> {
    call(canvas, "toDataURL", &["image/png".into()])?.as_string()
}

/// The host's logo as the page shows it (a host's SVG, WebP or file path logo becomes a PNG
/// here). `None` when the page shows no logo, it has not loaded, or the browser refuses to
/// draw it.
pub fn logo_as_png() -> Option<String> {
    let number = |on: &JsValue, key: &str| get(on, key)?.as_f64().filter(|n| *n > 0.0);
    let document: JsValue = gloo::utils::document().into();
    let img = call(&document, "querySelector", &["img.brand-logo".into()])?;
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
    let (canvas, context) = canvas(width, height)?;
    let at = JsValue::from;
    call(
        &context,
        "drawImage",
        &[img, at(0.0), at(0.0), at(width), at(height)],
    )?;
    png(&canvas)
}

/// The sizes of the results screen's SVG chart (src/ui/components/bar_chart.rs), drawn three
/// times as large: 17 cm wide in Word is then about 170 dpi.
const ROW: f64 = 26.0;
const LABEL_WIDTH: f64 = 64.0;
const BAR_WIDTH: f64 = 260.0;
const SCALE: f64 = 3.0;

/// A bar chart of `bars` as the results screen draws it: a label, a track and a bar per
/// section, red where a certification blocker is open, the 0, 50 and 100 % grid; the bars in
/// the light scheme's accent (the host's when the page has one), in either scheme.
pub fn chart_as_png(bars: &[Bar], lang: Lang) -> Option<String> {
    let (width, height) = (
        LABEL_WIDTH + BAR_WIDTH + 48.0,
        ROW * bars.len() as f64 + 24.0,
    );
    let (canvas, c) = canvas(width * SCALE, height * SCALE)?;
    let n = JsValue::from;
    call(&c, "scale", &[n(SCALE), n(SCALE)])?;
    let fill = |colour: &str, x: f64, y: f64, w: f64, h: f64| {
        set(&c, "fillStyle", colour)?;
        call(&c, "fillRect", &[n(x), n(y), n(w), n(h)])
    };
    let text = |words: &str, x: f64, y: f64, align: &str, colour: &str| {
        set(&c, "fillStyle", colour)?;
        set(&c, "textAlign", align)?;
        call(&c, "fillText", &[words.into(), n(x), n(y)])
    };
    fill("#ffffff", 0.0, 0.0, width, height)?;
    set(&c, "font", "10px sans-serif")?;
    set(&c, "strokeStyle", "#d0d5dd")?;
    for p in [0, 50, 100] {
        let x = LABEL_WIDTH + BAR_WIDTH * f64::from(p) / 100.0;
        call(&c, "beginPath", &[])?;
        call(&c, "moveTo", &[n(x), n(0.0)])?;
        call(&c, "lineTo", &[n(x), n(height - 18.0)])?;
        call(&c, "stroke", &[])?;
        text(&lang.percent(p), x, height - 4.0, "center", "#5b6472")?;
    }
    set(&c, "font", "12px sans-serif")?;
    // Our light scheme's accent (public/style.css) unless the host has one.
    let accent = accent().unwrap_or_else(|| "#1f5f8b".into());
    for (row, bar) in bars.iter().enumerate() {
        let y = ROW * row as f64 + 4.0;
        text(&bar.label, LABEL_WIDTH - 8.0, y + 14.0, "right", "#1f2937")?;
        fill("#eef0f3", LABEL_WIDTH, y, BAR_WIDTH, 18.0)?;
        let length = BAR_WIDTH * f64::from(bar.percent.unwrap_or(0)) / 100.0;
        fill(
            if bar.flagged { "#b42318" } else { &accent },
            LABEL_WIDTH,
            y,
            length,
            18.0,
        )?;
        let value = bar
            .percent
            .map_or(lang.t(msg!("n/a")).to_string(), |p| lang.percent(p));
        text(
            &value,
            LABEL_WIDTH + BAR_WIDTH + 6.0,
            y + 14.0,
            "left",
            "#1f2937",
        )?;
    }
    png(&canvas)
}

/// The host's accent as it reads on a light background (`hooks::use_branding` sets it: a Word
/// page is white whatever scheme the screen is in), or `None` without a host accent.
fn accent() -> Option<String> {
    let window: JsValue = gloo::utils::window().into();
    let document: JsValue = gloo::utils::document().into();
    let root = call(&document, "querySelector", &[".aims".into()]).filter(|r| !r.is_null())?;
    let style = call(&window, "getComputedStyle", &[root])?;
    let value = call(
        &style,
        "getPropertyValue",
        &["--aims-accent-text-light".into()],
    )?;
    let value = value.as_string()?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

//! Fuzz target: save files and stored state must never panic, whatever the bytes.
#![no_main]

use aims_domain::formats::catalogue;
use aims_domain::formats::saved::{decode, decode_bytes, Source};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

thread_local! {
    static QUESTIONNAIRES: Vec<Rc<aims_domain::Questionnaire>> =
        catalogue::questionnaires();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    QUESTIONNAIRES.with(|q| {
        // Files arrive as bytes; stored state as text.
        let _ = decode_bytes(data, q, Source::Import);
        let _ = decode(&text, q, Source::Import);
        let _ = decode(&text, q, Source::Storage);
    });
});

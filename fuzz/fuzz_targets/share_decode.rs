//! Fuzz target: share links must never panic, whatever the fragment.
#![no_main]

use aims_domain::formats::catalogue;
use aims_domain::formats::share::{decode, PREFIX};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

thread_local! {
    static QUESTIONNAIRES: Vec<Rc<aims_domain::Questionnaire>> =
        catalogue::questionnaires();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    QUESTIONNAIRES.with(|q| {
        let _ = decode(&text, q);
        // Most random text lacks the prefix; also try it as a link body.
        let _ = decode(&format!("#{PREFIX}{text}"), q);
    });
});

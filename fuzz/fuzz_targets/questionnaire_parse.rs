//! Fuzz target: questionnaire files (from training providers) must never panic the validator.
#![no_main]

use aims_domain::Questionnaire;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Questionnaire::parse(&String::from_utf8_lossy(data));
});

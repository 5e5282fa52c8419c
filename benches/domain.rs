//! Plain Rust benchmark of the domain: scoring, gate and roadmap for a complete full assessment.
//!
//! Run with `cargo bench -p aims-domain --bench domain`. It measures and prints; it asserts nothing about time.

use aims_domain::figures::documents::checklist;
use aims_domain::figures::roadmap::Roadmap;
use aims_domain::figures::scoring::Assessment;
use aims_domain::formats::catalogue;
use aims_domain::model::date::Date;
use aims_domain::model::profile::Screening;
use aims_domain::{AiRole, Answer, Answers, Certification, HighRisk, Profile, SizeBand};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let full = catalogue::questionnaires()
        .into_iter()
        .find(|q| q.id == "iso42001-full")
        .expect("the full assessment is built in");
    let profile = Profile {
        size: Some(SizeBand::Large),
        roles: [AiRole::Develops, AiRole::Uses].into(),
        systems: 12,
        certifications: Some([Certification::Iso27001].into()),
        high_risk: Some(HighRisk::Yes),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: Date::parse("2027-12-31"),
        capacity: None,
    };
    let mut answers = Answers::default();
    for (n, item) in full.items().enumerate() {
        let answer = if n % 7 == 6 {
            Answer::DontKnow
        } else {
            Answer::Level((n % 4) as u8)
        };
        answers.set(&full, &item.id, answer).unwrap();
    }
    let today = Date::parse("2026-11-28").unwrap();
    let runs = 2000;
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let a = Assessment::compute(black_box(&full), black_box(&profile), black_box(&answers));
        let r = Roadmap::plan(&full, &profile, &answers, today);
        let d = checklist(&full, &profile, &answers);
        black_box((a, r, d));
        samples.push(start.elapsed().as_nanos() as f64 / 1000.0);
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    println!(
        "results + roadmap + documents for the full assessment (70 items), {runs} runs: median {:.1} µs, min {:.1} µs, max {:.1} µs",
        samples[runs / 2],
        samples[0],
        samples[runs - 1]
    );
}

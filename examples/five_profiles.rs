//! Prints the verdict, open blockers, plan length and effort for five reference profiles of
//! both built-in questionnaires (the table in the closing note of the effort-model work):
//! `cargo run -p aims-domain --example five_profiles`.
use aims_domain::figures::roadmap::Roadmap;
use aims_domain::figures::scoring::Assessment;
use aims_domain::formats::catalogue;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::{AiRole, Answer, Answers, Certification, HighRisk, Profile, SizeBand};

fn main() {
    for e in catalogue::load() {
        if let Err(errors) = &e.questionnaire {
            for x in errors.iter().take(10) {
                eprintln!("{}: {x}", e.file);
            }
        }
    }
    let qs = catalogue::questionnaires();
    let today = Date::parse("2026-12-01").unwrap();
    let p = |size, roles: &[AiRole], systems, certs: &[Certification], risk| Profile {
        size: Some(size),
        roles: roles.iter().copied().collect(),
        systems,
        certifications: Some(certs.iter().copied().collect()),
        high_risk: Some(risk),
        prohibited: Some(aims_domain::model::profile::Screening::No),
        eu_roles: Default::default(),
        target_date: None,
        capacity: None,
    };
    let cases = [
        (
            "small, user only, 1 system, all 0",
            p(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No),
            0u8,
        ),
        (
            "medium provider, 5 systems, ISO 27001, all 0",
            p(
                SizeBand::Medium,
                &[AiRole::Provides],
                5,
                &[Certification::Iso27001],
                HighRisk::No,
            ),
            0,
        ),
        (
            "large developer, 20 systems, high-risk, all 0",
            p(SizeBand::Large, &[AiRole::Develops], 20, &[], HighRisk::Yes),
            0,
        ),
        (
            "enterprise, 200 systems, all 0",
            p(
                SizeBand::Enterprise,
                &[AiRole::Develops, AiRole::Provides, AiRole::Uses],
                200,
                &[],
                HighRisk::NotSure,
            ),
            0,
        ),
        (
            "small, everything at level 2",
            p(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No),
            2,
        ),
        (
            "small, mature: everything at level 3",
            p(SizeBand::Small, &[AiRole::Uses], 1, &[], HighRisk::No),
            3,
        ),
        (
            "medium developer and provider, 5 systems, all 0",
            p(
                SizeBand::Medium,
                &[AiRole::Develops, AiRole::Provides],
                5,
                &[],
                HighRisk::No,
            ),
            0,
        ),
        (
            "medium developer and provider, 5 systems, ISO 27001, all 0",
            p(
                SizeBand::Medium,
                &[AiRole::Develops, AiRole::Provides],
                5,
                &[Certification::Iso27001],
                HighRisk::No,
            ),
            0,
        ),
    ];
    for q in &qs {
        println!("## {} (about {} minutes)", q.id, q.minutes());
        for (name, profile, level) in &cases {
            let mut answers = Answers::default();
            for item in q.items() {
                let _ = answers.set(q, &item.id, Answer::Level(*level));
            }
            let a = Assessment::compute(q, profile, &answers);
            let r = Roadmap::plan(q, profile, &answers, today);
            let blockers: Vec<String> = a.blockers.iter().map(|b| b.id.clone()).collect();
            println!(
                "| {name} | {} ({}%) | {} | {} weeks ({:.1} months) | {} person-days |",
                a.band.label(Lang::En),
                a.percent().unwrap_or(0),
                blockers.join(" "),
                r.total_weeks,
                r.total_weeks as f64 * 12.0 / 52.0,
                r.total_effort as f64 / 10.0
            );
        }
    }
}

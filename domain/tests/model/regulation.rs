//! The regulatory table (questionnaires/regulation/eu-ai-act.json) as compiled in: the same
//! rows as the file, the dates that bind each kind of organisation, the plan's warning when the
//! certificate would come after one, and the notice when the facts are more than a year old.

use crate::common;

use aims_domain::figures::roadmap::{Roadmap, TaskKind};
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::model::profile::EuRole;
use aims_domain::model::regulation::{self, CHECKED, DATES, LANGS};
use aims_domain::{AiRole, HighRisk, Profile, SizeBand};
use common::all_at;

fn table() -> serde_json::Value {
    let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("questionnaires/regulation/eu-ai-act.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn profile(roles: &[AiRole], high_risk: HighRisk) -> Profile {
    Profile {
        roles: roles.iter().copied().collect(),
        high_risk: Some(high_risk),
        ..common::profile(SizeBand::Small, roles)
    }
}

#[test]
fn the_compiled_table_is_the_file_in_every_language() {
    let mut langs = LANGS.to_vec();
    let mut declared = Lang::ALL.map(|l| l.code()).to_vec();
    langs.sort();
    declared.sort();
    assert_eq!(
        langs, declared,
        "one .po file per declared language besides English"
    );
    let file = table();
    assert_eq!(CHECKED.to_string(), file["checked"].as_str().unwrap());
    // Which sense of "fournisseur" and "proveedor" the dates mean; no note where there are two words.
    for lang in Lang::ALL {
        let note = file["term_note"][lang.code()].as_str().unwrap_or("");
        assert_eq!(
            regulation::term_note(lang),
            Some(note).filter(|n| !n.is_empty())
        );
    }
    assert_eq!(regulation::term_note(Lang::En), None);
    for (lang, word) in [(Lang::Fr, "fournisseur"), (Lang::Es, "proveedor")] {
        let note = regulation::term_note(lang).unwrap();
        assert!(note.contains(word) && note.contains("A.10.3"), "{note}");
    }
    let rows = file["dates"].as_array().unwrap();
    assert_eq!(rows.len(), DATES.len());
    for (row, date) in rows.iter().zip(DATES) {
        assert_eq!(row["id"], date.id);
        assert_eq!(row["date"].as_str().unwrap(), date.date.to_string());
        assert_eq!(row["articles"], date.articles);
        let key: String = row["binds"]
            .as_str()
            .unwrap()
            .split('_')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect();
        assert_eq!(format!("{:?}", date.binds), key);
        for lang in Lang::ALL {
            assert_eq!(
                row["text"][lang.code()],
                date.text(lang),
                "{} {lang:?}",
                date.id
            );
        }
    }
}

#[test]
fn each_kind_of_organisation_sees_exactly_the_dates_that_bind_it() {
    let ids = |p: &Profile| {
        regulation::for_profile(p)
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>()
    };
    let everyone = [
        "prohibitions",
        "ai-literacy",
        "transparency",
        "new-prohibitions",
    ];
    let high_risk = ["high-risk-annex-iii", "high-risk-annex-i"];
    // A high-risk provider: every date, general-purpose models included.
    assert_eq!(
        ids(&profile(&[AiRole::Provides], HighRisk::Yes)),
        [
            "prohibitions",
            "ai-literacy",
            "general-purpose-models",
            "transparency",
            "new-prohibitions",
            "high-risk-annex-iii",
            "high-risk-annex-i"
        ]
    );
    // A high-risk deployer: not the model providers' duties.
    let deployer: Vec<&str> = everyone.iter().chain(&high_risk).copied().collect();
    assert_eq!(ids(&profile(&[AiRole::Uses], HighRisk::Yes)), deployer);
    // A user with nothing high-risk: the duties of all providers and deployers only.
    assert_eq!(ids(&profile(&[AiRole::Uses], HighRisk::No)), everyone);
    // "Not sure" about high risk counts as yes; "not sure" about prohibited practices changes
    // nothing here (the prohibitions bind everyone anyway).
    assert_eq!(ids(&profile(&[AiRole::Uses], HighRisk::NotSure)), deployer);
    let mut unsure = profile(&[AiRole::Uses], HighRisk::No);
    unsure.prohibited = Some(aims_domain::model::profile::Screening::NotSure);
    assert_eq!(ids(&unsure), everyone);
}

#[test]
fn importers_distributors_and_authorised_representatives_see_their_duties_only_for_high_risk() {
    let ids = |p: &Profile| {
        regulation::for_profile(p)
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>()
    };
    // An importer that also uses AI itself: the deployer's dates and the importer's duty.
    let mut importer = profile(&[AiRole::Uses], HighRisk::Yes);
    importer.eu_roles = [EuRole::Importer].into();
    assert_eq!(
        ids(&importer),
        [
            "prohibitions",
            "ai-literacy",
            "transparency",
            "new-prohibitions",
            "high-risk-annex-iii",
            "importers",
            "high-risk-annex-i"
        ]
    );
    // Each role brings its own article, and only its own.
    for (role, id, article) in [
        (EuRole::Importer, "importers", "Art. 23"),
        (EuRole::Distributor, "distributors", "Art. 24"),
        (
            EuRole::AuthorisedRepresentative,
            "authorised-representatives",
            "Art. 22",
        ),
    ] {
        let mut p = profile(&[AiRole::Partner], HighRisk::NotSure);
        p.eu_roles = [role].into();
        let own: Vec<&str> = regulation::for_profile(&p)
            .iter()
            .filter(|d| d.date.to_string() == "2027-12-02")
            .map(|d| d.id)
            .collect();
        assert_eq!(own, [id], "{role:?}");
        let row = DATES.iter().find(|d| d.id == id).unwrap();
        assert_eq!(row.articles, article);
        assert!(p
            .role_labels(Lang::En)
            .iter()
            .any(|l| l.contains("high-risk")));
        // Nothing high-risk: the role is kept as given but binds nothing and is not listed.
        p.high_risk = Some(HighRisk::No);
        assert!(!ids(&p).contains(&id), "{role:?}");
        assert_eq!(p.eu_roles.len(), 1);
        assert_eq!(p.role_labels(Lang::En).len(), 1);
    }
}

#[test]
fn a_plan_that_ends_after_a_binding_date_says_so_and_screening_is_no_audit_blocker() {
    let q = common::questionnaire("iso42001-full.json");
    let today = Date::parse("2026-12-06").unwrap();
    let mut slow = profile(&[AiRole::Uses], HighRisk::Yes);
    slow.capacity = Some(aims_domain::model::profile::Capacity {
        people: 1,
        days_tenths: 10,
        owner_days_tenths: 10,
    });
    let plan = Roadmap::plan(&q, &slow, &all_at(&q, 0), today);
    let late: Vec<&str> = plan
        .binding_before_certificate()
        .iter()
        .map(|m| m.duty.id)
        .collect();
    assert_eq!(
        late,
        ["high-risk-annex-iii", "high-risk-annex-i"],
        "{} weeks",
        plan.total_weeks
    );
    let warning = plan.legal_warning(Lang::En).unwrap();
    assert!(
        warning.contains("2 Dec 2027") && warning.contains("does not make an AI system conform"),
        "{warning}"
    );
    // Already in force: placed without a week, never in the warning.
    let in_force = plan
        .legal
        .iter()
        .find(|m| m.duty.id == "prohibitions")
        .unwrap();
    assert_eq!(in_force.week, None);
    assert!(
        in_force
            .text(Lang::En)
            .starts_with("In force since 2 Feb 2025"),
        "{}",
        in_force.text(Lang::En)
    );
    // A mature organisation is certified before the high-risk duties apply: no warning.
    let mature = Roadmap::plan(
        &q,
        &profile(&[AiRole::Uses], HighRisk::Yes),
        &all_at(&q, 3),
        today,
    );
    assert_eq!(mature.legal_warning(Lang::En), None);
    // Screening under the Act is a legal duty, not an ISO audit blocker.
    let mut unsure = profile(&[AiRole::Uses], HighRisk::NotSure);
    unsure.prohibited = Some(aims_domain::model::profile::Screening::NotSure);
    let plan = Roadmap::plan(&q, &unsure, &all_at(&q, 0), today);
    let screening: Vec<_> = plan
        .tasks()
        .filter(|t| t.kind == TaskKind::Screening)
        .collect();
    assert_eq!(
        screening.len(),
        3,
        "prohibited practices, classification, transparency"
    );
    assert!(screening.iter().all(|t| !t.blocker));
}

#[test]
fn facts_older_than_a_year_are_flagged_once_politely() {
    let months = |n: i64| CHECKED.add_days(n * 365 / 12);
    assert!(!regulation::is_stale(months(11)));
    assert!(regulation::is_stale(months(13)));
    assert!(regulation::stale_notice(Lang::En).contains("check them with the host"));
    assert_eq!(
        regulation::as_of(Lang::En),
        "EU AI Act facts as of 6 Dec 2026"
    );
    assert!(
        regulation::as_of(Lang::De).contains("6.12.2026")
            || regulation::as_of(Lang::De).contains("06.12.2026"),
        "{}",
        regulation::as_of(Lang::De)
    );
}

#[test]
fn high_risk_actions_say_from_when_and_transparency_is_a_task_for_providers_and_deployers() {
    let q = common::questionnaire("iso42001-full.json");
    let today = Date::parse("2026-12-06").unwrap();
    let deployer = Roadmap::plan(
        &q,
        &profile(&[AiRole::Uses], HighRisk::Yes),
        &all_at(&q, 0),
        today,
    );
    let fria = deployer
        .tasks()
        .find(|t| t.text.contains("Art. 27"))
        .unwrap();
    assert!(
        fria.text
            .ends_with("(EU AI Act duty for high-risk systems from 2 Dec 2027)"),
        "{}",
        fria.text
    );
    assert!(!fria.blocker, "the law's duty, not an ISO audit blocker");
    // Actions every organisation takes carry no such date.
    assert!(deployer
        .tasks()
        .filter(|t| t.text.contains("from 2 Dec 2027"))
        .all(|t| q
            .item(&t.item_id)
            .unwrap()
            .actions
            .iter()
            .any(|a| a.when.is_some() && t.text.starts_with(a.text.as_str()))));
    let art50 = |p: &Profile| {
        Roadmap::plan(&q, p, &all_at(&q, 3), today)
            .tasks()
            .filter(|t| t.kind == TaskKind::Screening && t.text.contains("Art. 50"))
            .count()
    };
    assert_eq!(art50(&profile(&[AiRole::Uses], HighRisk::No)), 1);
    assert_eq!(art50(&profile(&[AiRole::Provides], HighRisk::No)), 1);
    assert_eq!(art50(&profile(&[AiRole::Partner], HighRisk::No)), 0);
    let task = Roadmap::plan(
        &q,
        &profile(&[AiRole::Uses], HighRisk::No),
        &all_at(&q, 3),
        today,
    )
    .tasks()
    .find(|t| t.text.contains("Art. 50"))
    .unwrap()
    .clone();
    assert!(
        task.text.contains("in force since 2 Aug 2026") && !task.blocker,
        "{}",
        task.text
    );
}

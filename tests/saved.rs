//! Save files and stored state: round trips, migration, merging two tabs, and a corpus of bad inputs
//! that must each be refused with a clear reason and never panic.

mod common;

use aims_readiness::domain::i18n::Lang;
use aims_readiness::domain::saved::{
    self, merge, Notes, SavedError, Snapshot, Source, MAX_SAVED_BYTES,
};
use aims_readiness::domain::{AiRole, Answer, HighRisk, Profile, SizeBand};
use common::{answers, catalogue, quick_scan};
use serde_json::{json, Value};
use std::fs;
use std::path::Path;
use std::rc::Rc;

fn profile() -> Profile {
    Profile {
        size: Some(SizeBand::Medium),
        roles: [AiRole::Uses].into(),
        systems: 3,
        certifications: Some(Default::default()),
        high_risk: Some(HighRisk::No),
        target_date: aims_readiness::domain::date::Date::parse("2027-06-30"),
    }
}

fn good_file() -> String {
    let q = quick_scan();
    let ans = answers(
        &q,
        &[
            ("4.1", "2"),
            ("4.3", "?"),
            ("5.2", "1"),
            ("A.7.4", "na:No data of our own"),
        ],
    );
    let notes: Notes = [(
        "4.1".to_string(),
        "Context analysis v2, owner COO".to_string(),
    )]
    .into();
    saved::encode(&q, &profile(), &ans, &notes, "2026-11-28T10:00:00.000Z")
}

#[test]
fn a_save_file_round_trips_with_profile_answers_and_notes() {
    let text = good_file();
    let r = saved::decode(&text, &catalogue(), Source::Import).unwrap();
    assert_eq!(r.questionnaire.id, "iso42001-quick-scan");
    assert_eq!(r.profile, profile());
    assert_eq!(r.answers.len(), 4);
    assert_eq!(
        r.answers.get("A.7.4"),
        Some(&Answer::NotApplicable("No data of our own".into()))
    );
    assert_eq!(
        r.notes.get("4.1").map(String::as_str),
        Some("Context analysis v2, owner COO")
    );
    assert_eq!(
        (
            r.saved_at.as_str(),
            r.migrated_from.clone(),
            r.dropped.len()
        ),
        ("2026-11-28T10:00:00.000Z", None, 0)
    );
    // Encoding what was decoded gives the same file.
    assert_eq!(
        saved::encode(
            &r.questionnaire,
            &r.profile,
            &r.answers,
            &r.notes,
            &r.saved_at
        ),
        text
    );
}

fn edit(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&good_file()).unwrap();
    f(&mut v);
    v.to_string()
}

/// Every bad input, with the words its message must contain. Each also runs from the corpus.
fn bad_inputs() -> Vec<(&'static str, String, &'static str)> {
    let good = good_file();
    vec![
        ("empty", String::new(), "empty"),
        ("whitespace", "   \n ".into(), "empty"),
        ("truncated", good[..good.len() / 2].to_string(), "cut off"),
        ("not json", "Readiness: 48%".into(), "not valid JSON"),
        ("json array", "[1,2,3]".into(), "not a saved assessment"),
        ("json string", "\"hello\"".into(), "not a saved assessment"),
        ("csv", "item,level\n4.1,2\n".into(), "not valid JSON"),
        (
            "binary",
            "\u{0}\u{1}\u{2}PK\u{3}\u{4}".into(),
            "not valid JSON",
        ),
        (
            "other questionnaire",
            edit(|v| v["questionnaire"] = json!("iso27001-gap")),
            "does not have",
        ),
        (
            "newer version",
            edit(|v| v["version"] = json!("2.0.0")),
            "version 2.0.0",
        ),
        (
            "nonsense version",
            edit(|v| v["version"] = json!("latest")),
            "version latest",
        ),
        ("wrong format", edit(|v| v["format"] = json!(7)), "format 7"),
        (
            "unknown top-level field",
            edit(|v| v["score"] = json!(100)),
            "unknown field `score`",
        ),
        (
            "unknown item",
            edit(|v| v["answers"]["4.9"] = json!({"level": 2})),
            "no item 4.9",
        ),
        (
            "annex id that does not exist",
            edit(|v| v["answers"]["A.6.1.4"] = json!("dont_know")),
            "no item A.6.1.4",
        ),
        (
            "level out of range",
            edit(|v| v["answers"]["4.1"] = json!({"level": 7})),
            "level 7 is outside 0-3",
        ),
        (
            "negative level",
            edit(|v| v["answers"]["4.1"] = json!({"level": -1})),
            "not a saved assessment",
        ),
        (
            "level as text",
            edit(|v| v["answers"]["4.1"] = json!({"level": "two"})),
            "not a saved assessment",
        ),
        (
            "unknown answer kind",
            edit(|v| v["answers"]["4.1"] = json!("maybe")),
            "not a saved assessment",
        ),
        (
            "clause marked not applicable",
            edit(|v| v["answers"]["6.1.2"] = json!({"not_applicable": "no"})),
            "never be not applicable",
        ),
        (
            "script in justification",
            edit(|v| {
                v["answers"]["A.7.4"] = json!({"not_applicable": "<script>alert(1)</script>"})
            }),
            "contains markup",
        ),
        (
            "image tag in note",
            edit(|v| v["notes"]["4.1"] = json!("<img src=x onerror=alert(1)>")),
            "contains markup",
        ),
        (
            "script address in note",
            edit(|v| v["notes"]["4.1"] = json!("see javascript:alert(1)")),
            "script address",
        ),
        (
            "control characters",
            edit(|v| v["notes"]["4.1"] = json!("a\u{7}b")),
            "control characters",
        ),
        (
            "huge note",
            edit(|v| v["notes"]["4.1"] = json!("x".repeat(6000))),
            "longer than 5000",
        ),
        (
            "note on unknown item",
            edit(|v| v["notes"]["4.9"] = json!("x")),
            "not an item",
        ),
        (
            "too many systems",
            edit(|v| v["profile"]["systems"] = json!(100000)),
            "outside 1-500",
        ),
        (
            "unknown size",
            edit(|v| v["profile"]["size"] = json!("huge")),
            "unknown variant `huge`",
        ),
        (
            "unknown profile field",
            edit(|v| v["profile"]["revenue"] = json!(1)),
            "unknown field `revenue`",
        ),
        (
            "impossible date",
            edit(|v| v["profile"]["target_date"] = json!("2027-02-30")),
            "YYYY-MM-DD",
        ),
        (
            "markup in save date",
            edit(|v| v["saved_at"] = json!("<b>now</b>")),
            "contains markup",
        ),
        (
            "50 MB",
            format!("{{\"pad\":\"{}\"}}", "x".repeat(50 * 1024 * 1024)),
            "MB",
        ),
        (
            "deep nesting",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            "not a saved assessment",
        ),
    ]
}

#[test]
fn every_bad_input_is_refused_with_a_specific_message() {
    let catalogue = catalogue();
    for (name, text, fragment) in bad_inputs() {
        let err = saved::decode(&text, &catalogue, Source::Import).expect_err(name);
        let message = err.to_string();
        assert!(
            message.contains(fragment),
            "{name}: expected {fragment:?} in {message:?}"
        );
    }
}

#[test]
fn the_bad_input_corpus_is_current_and_never_panics_any_decoder() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/saved");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let catalogue = catalogue();
    for (name, text, _) in bad_inputs() {
        if text.len() > MAX_SAVED_BYTES {
            continue; // generated on the fly above; too big to keep in the repository
        }
        let path = dir.join(format!("{}.txt", name.replace(' ', "-")));
        if update {
            fs::write(&path, &text).unwrap();
        }
    }
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for source in [Source::Import, Source::Storage] {
            let _ = saved::decode(&text, &catalogue, source);
        }
        assert!(saved::decode(&text, &catalogue, Source::Import).is_err());
        count += 1;
    }
    assert!(
        count >= 30,
        "corpus has {count} files; refresh it with UPDATE_SNAPSHOTS=1 cargo test --test saved"
    );
}

#[test]
fn a_refused_import_can_still_be_restored_leniently_from_own_storage() {
    let text = edit(|v| {
        v["answers"]["4.9"] = json!({"level": 2});
        v["answers"]["4.1"] = json!({"level": 9});
    });
    assert!(saved::decode(&text, &catalogue(), Source::Import).is_err());
    let r = saved::decode(&text, &catalogue(), Source::Storage).unwrap();
    assert_eq!(r.answers.len(), 3, "4.1 and 4.9 dropped, the rest kept");
    assert_eq!(r.dropped.len(), 2, "{:?}", r.dropped);
}

#[test]
fn a_save_from_an_older_version_is_migrated_and_says_what_was_dropped() {
    let text = edit(|v| {
        v["version"] = json!("0.9");
        v["answers"]["4.2"] = json!({"level": 2}); // not in the quick scan any more
        v["notes"]["7.1"] = json!("budget approved");
    });
    let r = saved::decode(&text, &catalogue(), Source::Import).unwrap();
    assert_eq!(r.migrated_from.as_deref(), Some("0.9"));
    assert_eq!(r.answers.len(), 4);
    assert_eq!(r.dropped.len(), 2, "{:?}", r.dropped);
    assert!(
        r.dropped.iter().any(|d| d.contains("4.2")) && r.dropped.iter().any(|d| d.contains("7.1"))
    );
}

#[test]
fn two_tabs_merge_without_losing_answers() {
    let q = quick_scan();
    let base = Snapshot {
        profile: profile(),
        answers: answers(&q, &[("4.1", "1"), ("4.3", "1")]),
        notes: Notes::new(),
    };
    let mut ours = base.clone();
    ours.answers.set(&q, "4.1", Answer::Level(2)).unwrap();
    ours.answers.set(&q, "5.2", Answer::Level(3)).unwrap();
    let mut theirs = base.clone();
    theirs.answers.set(&q, "4.3", Answer::Level(3)).unwrap();
    theirs.answers.set(&q, "6.2", Answer::DontKnow).unwrap();
    theirs.notes.insert("6.2".into(), "ask the CFO".into());
    let (merged, conflicts) = merge(&base, &ours, &theirs, Lang::En);
    assert!(conflicts.is_empty());
    assert_eq!(
        merged.answers,
        answers(
            &q,
            &[("4.1", "2"), ("4.3", "3"), ("5.2", "3"), ("6.2", "?")]
        )
    );
    assert_eq!(
        merged.notes.get("6.2").map(String::as_str),
        Some("ask the CFO")
    );

    // Both changed 4.1: this tab's answer wins and the conflict is named.
    theirs.answers.set(&q, "4.1", Answer::Level(0)).unwrap();
    let (merged, conflicts) = merge(&base, &ours, &theirs, Lang::En);
    assert_eq!(merged.answers.get("4.1"), Some(&Answer::Level(2)));
    assert_eq!(conflicts, ["4.1"]);

    // A deletion on our side survives too.
    let mut cleared = base.clone();
    cleared.answers.clear("4.3");
    let (merged, _) = merge(&base, &cleared, &base, Lang::En);
    assert_eq!(merged.answers.get("4.3"), None);
}

#[test]
fn storage_restores_what_the_app_saved() {
    let q = Rc::new(quick_scan());
    let text = good_file();
    let r = saved::decode(&text, std::slice::from_ref(&q), Source::Storage).unwrap();
    assert!(r.dropped.is_empty());
    let foreign = edit(|v| v["questionnaire"] = json!("iso42001-full"));
    assert!(matches!(
        saved::decode(&foreign, std::slice::from_ref(&q), Source::Storage),
        Err(SavedError::UnknownQuestionnaire(_))
    ));
}

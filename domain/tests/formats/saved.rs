//! Save files and stored state: round trips, migration, merging two tabs, and a corpus of bad inputs
//! that must each be refused with a clear reason and never panic.

use crate::common;

use aims_domain::formats::saved::{self, merge, SavedError, Snapshot, Source, MAX_SAVED_BYTES};
use aims_domain::model::answers::Notes;
use aims_domain::model::i18n::Lang;
use aims_domain::model::profile::Screening;
use aims_domain::{AiRole, Answer, HighRisk, Profile, SizeBand};
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
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: aims_domain::model::date::Date::parse("2027-06-30"),
        capacity: None,
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
            edit(|v| v["version"] = json!("9.0.0")),
            "version 9.0.0",
        ),
        (
            "nonsense version",
            edit(|v| v["version"] = json!("latest")),
            "version latest",
        ),
        ("wrong format", edit(|v| v["format"] = json!(0)), "format 0"),
        (
            "unknown top-level field",
            edit(|v| v["score"] = json!(100)),
            "it has a field score, which saves do not have",
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
            "huge note",
            edit(|v| v["notes"]["4.1"] = json!("x".repeat(6000))),
            "longer than 5,000",
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
            "huge is not one of the allowed values",
        ),
        (
            "unknown profile field",
            edit(|v| v["profile"]["revenue"] = json!(1)),
            "it has a field revenue, which saves do not have",
        ),
        (
            "impossible date",
            edit(|v| v["profile"]["target_date"] = json!("2027-02-30")),
            "YYYY-MM-DD",
        ),
        (
            "newer save format",
            edit(|v| {
                v["format"] = json!(3);
                v["synced_by"] = json!("a future field");
            }),
            "newer version of this widget",
        ),
        (
            "format as text",
            edit(|v| v["format"] = json!("2")),
            "save format \"2\"",
        ),
        (
            "50 MB",
            format!("{{\"pad\":\"{}\"}}", "x".repeat(50 * 1024 * 1024)),
            "51,201 KB; an assessment is never more than 1,024 KB",
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
        // Quoted values are isolated (U+2068 … U+2069); match the words around them.
        let message = err.to_string().replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            message.contains(fragment),
            "{name}: expected {fragment:?} in {message:?}"
        );
    }
}

#[test]
fn the_bad_input_corpus_is_current_and_never_panics_any_decoder() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/corpus/saved");
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
            let _ = saved::decode_bytes(&bytes, &catalogue, source);
        }
        assert!(saved::decode_bytes(&bytes, &catalogue, Source::Import).is_err());
        assert!(saved::decode(&text, &catalogue, Source::Import).is_err());
        count += 1;
    }
    assert!(
        count >= 28,
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
    // Each dropped answer is named, and the others are exactly the ones kept.
    assert!(
        r.dropped.iter().any(|d| d.contains("4.1")),
        "{:?}",
        r.dropped
    );
    assert!(
        r.dropped.iter().any(|d| d.contains("4.9")),
        "{:?}",
        r.dropped
    );
    assert!(r.answers.get("4.1").is_none() && r.answers.get("4.9").is_none());
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
        people: Default::default(),
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

    // The name given in one tab survives the other tab's answers; both naming differently is
    // a conflict, and this tab's name wins.
    ours.people.respondent = "Dana".into();
    let (merged, conflicts) = merge(&base, &ours, &theirs, Lang::En);
    assert_eq!(
        (merged.people.respondent.as_str(), conflicts.len()),
        ("Dana", 0)
    );
    let (merged, _) = merge(&base, &theirs, &ours, Lang::En);
    assert_eq!(merged.people.respondent, "Dana");
    let mut renamed = theirs.clone();
    renamed.people.respondent = "Lee".into();
    let (merged, conflicts) = merge(&base, &ours, &renamed, Lang::En);
    assert_eq!(merged.people.respondent, "Dana");
    assert_eq!(conflicts, ["who answered"]);
    ours.people.respondent.clear();

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

/// Text as people type or paste it: markup-like text, addresses in angle brackets, a script
/// address, emoji, right-to-left text, control characters, line breaks of every kind.
pub const HOSTILE: [&str; 8] = [
    "Owner: Jane <jane@example.org>",
    "<img src=x onerror=alert(1)> <script>alert(1)</script> </b> <!-- x --> <?php ?>",
    "see javascript:alert(1) and JAVASCRIPT:void(0)",
    "🙂 emoji, ZWJ 👩‍💻 and flags 🇩🇪",
    "نص عربي \u{202e}reversed\u{202c} עברית",
    "bell \u{7} null \u{0} escape \u{1b}[31m vertical tab \u{b}",
    "lines\r\nwith\rall\nbreaks\u{2028}and separators",
    "   leading and trailing spaces   ",
];

#[test]
fn whatever_a_field_accepts_is_stored_and_read_back_exactly() {
    let q = quick_scan();
    let mut ans = answers(&q, &[("4.1", "2")]);
    let mut notes = Notes::new();
    let annex: Vec<String> = q
        .items()
        .filter(|i| i.can_be_not_applicable())
        .map(|i| i.id.clone())
        .collect();
    let clauses: Vec<String> = q
        .items()
        .filter(|i| !i.can_be_not_applicable())
        .map(|i| i.id.clone())
        .collect();
    for (n, text) in HOSTILE.iter().enumerate() {
        ans.set(&q, &annex[n], Answer::NotApplicable(text.to_string()))
            .unwrap();
        notes.insert(clauses[n].clone(), text.to_string());
    }
    let text = saved::encode(&q, &profile(), &ans, &notes, "2026-12-01T10:00:00.000Z");
    for source in [Source::Import, Source::Storage] {
        let r = saved::decode(&text, &catalogue(), source).unwrap();
        assert_eq!(r.answers, ans, "{source:?}: every justification is back");
        assert_eq!(r.notes, notes, "{source:?}: every note is back");
        assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    }
    let r = saved::decode_bytes(text.as_bytes(), &catalogue(), Source::Import).unwrap();
    assert_eq!((r.answers.len(), r.notes.len()), (ans.len(), notes.len()));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_not_mangled() {
    // "Zoï Müller" saved as Windows-1252.
    let text = edit(|v| v["notes"]["4.1"] = json!("Zoï Müller"));
    let latin: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let err = saved::decode_bytes(&latin, &catalogue(), Source::Import).unwrap_err();
    assert!(matches!(err, SavedError::NotUtf8 { .. }), "{err}");
    assert!(err.to_string().contains("not UTF-8"), "{err}");
    // A byte-order mark is fine.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(text.as_bytes());
    let r = saved::decode_bytes(&bom, &catalogue(), Source::Import).unwrap();
    assert_eq!(r.notes["4.1"], "Zoï Müller");
}

#[test]
fn thousands_of_problems_give_a_short_message_that_says_how_many_more() {
    let text = edit(|v| {
        for n in 0..10_000 {
            v["answers"][format!("X.{n}")] = json!({"level": 1});
        }
    });
    let err = saved::decode(&text, &catalogue(), Source::Import).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("10,000 problems"), "{}", &message[..200]);
    assert!(message.contains("and 9,992 more"), "{}", &message[..200]);
    assert!(
        message.chars().count() < 1_000,
        "{} characters",
        message.chars().count()
    );
}

#[test]
fn outside_text_in_a_refusal_is_isolated_so_it_cannot_reorder_the_message() {
    let text = edit(|v| v["answers"]["\u{202e}4.9"] = json!({"level": 1}));
    let message = saved::decode(&text, &catalogue(), Source::Import)
        .unwrap_err()
        .to_string();
    assert!(!message.contains('\u{202e}'), "{message}");
    assert!(message.contains("\u{2068}\u{fffd}4.9\u{2069}"), "{message}");
    let other = edit(|v| v["questionnaire"] = json!("x\u{202e}y".repeat(50)));
    let message = saved::decode(&other, &catalogue(), Source::Import)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains('…') && !message.contains('\u{202e}'),
        "{message}"
    );
}

#[test]
fn inputs_refused_before_are_now_read_back_exactly() {
    // Saves this widget wrote itself but older versions refused on reading (markup-like text,
    // a script address, control characters): each now opens, with its text untouched.
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/corpus/accepted");
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let stored: Value = serde_json::from_str(&text).unwrap();
        let r = saved::decode(&text, &catalogue(), Source::Import).unwrap();
        for (id, note) in stored["notes"].as_object().unwrap() {
            assert_eq!(r.notes.get(id).map(String::as_str), note.as_str());
        }
        assert_eq!(r.saved_at, stored["saved_at"].as_str().unwrap());
        if let Some(why) = stored["answers"]["A.7.4"]["not_applicable"].as_str() {
            assert_eq!(
                r.answers.get("A.7.4"),
                Some(&Answer::NotApplicable(why.into()))
            );
        }
        count += 1;
    }
    assert_eq!(count, 6);
}

/// A refusal in German is German: the JSON reader's English wording ("unknown field", "invalid
/// type", "expected ...") never reaches it, only the names quoted from the file.
#[test]
fn german_refusals_carry_no_english_library_text() {
    let catalogue = catalogue();
    let english = [
        "unknown field",
        "unknown variant",
        "missing field",
        "invalid type",
        "invalid value",
        "expected",
        "trailing",
        "at line",
    ];
    for (name, text, _) in bad_inputs() {
        let message = saved::decode(&text, &catalogue, Source::Import)
            .expect_err(name)
            .message(Lang::De);
        assert!(
            message.starts_with("die Datei") || message.starts_with("Die Datei"),
            "{name}: {message}"
        );
        for words in english {
            assert!(!message.contains(words), "{name}: {words:?} in {message:?}");
        }
    }
}

/// A team the person set travels in the save file and comes back exactly; a file without one
/// stays as it was (no `capacity` key); one out of its range is refused with the reason.
#[test]
fn the_team_capacity_travels_in_the_save_file() {
    let q = quick_scan();
    let ans = answers(&q, &[("4.1", "2")]);
    let custom = aims_domain::model::profile::Capacity {
        people: 3,
        days_tenths: 25,
        owner_days_tenths: 10,
    };
    let with = Profile {
        capacity: Some(custom),
        ..profile()
    };
    let text = saved::encode(&q, &with, &ans, &Notes::new(), "2026-12-06T10:00:00.000Z");
    assert!(text.contains("\"capacity\""), "{text}");
    let r = saved::decode(&text, &catalogue(), Source::Import).unwrap();
    assert_eq!(r.profile.capacity, Some(custom));
    assert!(
        !good_file().contains("capacity"),
        "an unchanged team is not written"
    );
    let bad = text.replace("\"people\": 3", "\"people\": 0");
    assert_ne!(bad, text);
    let err = saved::decode(&bad, &catalogue(), Source::Import).unwrap_err();
    assert!(
        format!("{err:?}").contains("the team capacity is outside its range"),
        "{err:?}"
    );
}

/// A file cut off inside a character (an incomplete download of a note in another script) is
/// called cut off, not a file in another encoding; a byte that is never UTF-8 still is. The cut
/// file is kept in the corpus.
#[test]
fn a_file_cut_inside_a_character_is_called_cut_off() {
    let q = quick_scan();
    let ans = answers(&q, &[("4.1", "2")]);
    let notes: Notes = [("4.1".to_string(), "Überprüft 日本語".to_string())].into();
    let text = saved::encode(&q, &profile(), &ans, &notes, "2026-12-06T10:00:00.000Z");
    let at = text.find('日').unwrap() + 1; // inside the three bytes of 日
    let cut = &text.as_bytes()[..at];
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("tests/corpus/saved/cut-inside-a-character.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, cut).unwrap();
    }
    assert_eq!(
        fs::read(&path).unwrap(),
        cut,
        "refresh with UPDATE_SNAPSHOTS=1"
    );
    let err = saved::decode_bytes(cut, &catalogue(), Source::Import).unwrap_err();
    assert!(
        matches!(
            err,
            SavedError::NotJson {
                truncated: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("cut off"), "{err}");
    assert!(!err.to_string().contains("Windows-1252"), "{err}");
    // "Überprüft" in Windows-1252: bytes that are never UTF-8, with text after them.
    let latin1 = text.replace("Überprüft", "\u{1}berpr\u{2}ft").into_bytes();
    let latin1: Vec<u8> = latin1
        .into_iter()
        .map(|b| match b {
            1 => 0xDC,
            2 => 0xFC,
            b => b,
        })
        .collect();
    let err = saved::decode_bytes(&latin1, &catalogue(), Source::Import).unwrap_err();
    assert!(matches!(err, SavedError::NotUtf8 { .. }), "{err:?}");
}

/// The respondent's name and the consensus's names travel in the file exactly as typed; one
/// longer than the field accepts is refused on import (naming it) and dropped from storage,
/// never cut.
#[test]
fn names_are_kept_as_typed_and_an_overlong_one_is_refused_with_its_reason() {
    use aims_domain::formats::saved::decode;
    use aims_domain::model::answers::People;
    use aims_domain::model::answers::MAX_NAME_CHARS;
    let q = Rc::new(quick_scan());
    let people = People {
        respondent: "  Dana \u{202e}<b>CISO</b>  ".into(),
        consensus_of: vec!["Lee".into(), "عائشة".into()],
        organisation: "Acme & Söhne <GmbH> \"AI\" 🚀".into(),
        prepared_by: "  Ines Ruiz, \u{2067}Berater\u{2069}\n".into(),
    };
    let snapshot = Snapshot {
        profile: profile(),
        answers: answers(&q, &[("4.1", "2")]),
        notes: Notes::new(),
        people: people.clone(),
    };
    let text = saved::encode_snapshot(&q, &snapshot, &Default::default());
    let back = decode(&text, &[Rc::clone(&q)], Source::Import).unwrap();
    assert_eq!(back.people, people);
    let long = Snapshot {
        people: People {
            respondent: "x".repeat(MAX_NAME_CHARS + 1),
            ..People::default()
        },
        ..snapshot
    };
    let text = saved::encode_snapshot(&q, &long, &Default::default());
    let refused = decode(&text, &[Rc::clone(&q)], Source::Import).unwrap_err();
    assert!(
        refused
            .message(Lang::En)
            .contains("the respondent's name is longer than 120 characters"),
        "{}",
        refused.message(Lang::En)
    );
    let kept = decode(&text, &[Rc::clone(&q)], Source::Storage).unwrap();
    assert_eq!(kept.people.respondent, "");
    assert_eq!(kept.answers.len(), 1, "the answers stay");
}

/// Exactly as much as a field holds is kept; one character more is refused: a note of 5,000
/// UTF-16 units (the last one half of an emoji pair counts), a name of 120, twelve names in a
/// consensus (a thirteenth is refused).
#[test]
fn every_limit_holds_exactly_its_size() {
    use aims_domain::formats::saved::decode;
    use aims_domain::model::answers::{People, MAX_NAME_CHARS, MAX_PARTICIPANTS, MAX_TEXT_CHARS};
    let q = Rc::new(quick_scan());
    let full_note = format!("{}😀", "n".repeat(MAX_TEXT_CHARS - 2));
    let at_limit = Snapshot {
        profile: profile(),
        answers: answers(&q, &[("4.1", "2")]),
        notes: Notes::from([("4.1".to_string(), full_note.clone())]),
        people: People {
            respondent: "r".repeat(MAX_NAME_CHARS),
            consensus_of: (0..MAX_PARTICIPANTS).map(|n| format!("P{n}")).collect(),
            organisation: "o".repeat(MAX_NAME_CHARS),
            prepared_by: "p".repeat(MAX_NAME_CHARS),
        },
    };
    let read = |s: &Snapshot| {
        let text = saved::encode_snapshot(&q, s, &Default::default());
        decode(&text, &[Rc::clone(&q)], Source::Import)
    };
    let back = read(&at_limit).expect("everything at its limit is kept");
    assert_eq!(back.notes["4.1"], full_note);
    assert_eq!(back.people, at_limit.people);

    let mut long_note = at_limit.clone();
    long_note
        .notes
        .insert("4.1".into(), format!("{full_note}n"));
    let why = read(&long_note).unwrap_err().message(Lang::En);
    assert!(why.contains("longer than 5,000 characters"), "{why}");

    for who in ["the organisation's name", "who prepared the report"] {
        let mut long = at_limit.clone();
        let field = if who.starts_with("the") {
            &mut long.people.organisation
        } else {
            &mut long.people.prepared_by
        };
        field.push('x');
        let why = read(&long).unwrap_err().message(Lang::En);
        assert!(
            why.contains(&format!("{who} is longer than 120 characters")),
            "{why}"
        );
    }

    let mut crowd = at_limit.clone();
    crowd.people.consensus_of.push("One more".into());
    let why = read(&crowd).unwrap_err().message(Lang::En);
    assert!(
        why.contains("the consensus names more than 12 people"),
        "{why}"
    );

    // Bytes over the limit are refused for their size before anything reads them (these are
    // not even UTF-8); at the limit they are read, and refused for what they are.
    let over = vec![0xff; MAX_SAVED_BYTES + 1];
    let err = saved::decode_bytes(&over, &catalogue(), Source::Import).unwrap_err();
    assert_eq!(err, SavedError::TooLarge(MAX_SAVED_BYTES + 1));
    let at = vec![0xff; MAX_SAVED_BYTES];
    let err = saved::decode_bytes(&at, &catalogue(), Source::Import).unwrap_err();
    assert!(matches!(err, SavedError::NotUtf8 { .. }), "{err:?}");
}

/// A file cut off inside a character says where it stops, as the JSON reader would: line and
/// column of the first byte that is missing.
#[test]
fn a_file_cut_inside_a_character_says_where() {
    let mut bytes = "{\n  \"a\": \"é\"}".as_bytes().to_vec();
    let cut = bytes.iter().position(|b| *b == 0xC3).unwrap() + 1;
    bytes.truncate(cut);
    let err = saved::decode_bytes(&bytes, &catalogue(), Source::Import).unwrap_err();
    assert_eq!(
        err,
        SavedError::NotJson {
            line: 2,
            column: 9,
            truncated: true
        }
    );
}

/// What the decoder decides field by field, each at its edge: the format number, the size of
/// the text, the version chosen when this widget holds several, the assessment id.
#[test]
fn the_decoder_decides_each_edge_exactly() {
    let catalogue = catalogue();
    let decode = |text: &str| saved::decode(text, &catalogue, Source::Import);
    assert_eq!(
        decode(&edit(|v| v["format"] = json!(0))).unwrap_err(),
        SavedError::WrongFormat("0".into())
    );
    assert_eq!(
        decode(&edit(|v| v["format"] = json!(3))).unwrap_err(),
        SavedError::NewerFormat(3)
    );

    // Exactly the largest text read is read; one byte more is not.
    let good = good_file();
    let padded = format!("{good}{}", " ".repeat(MAX_SAVED_BYTES - good.len()));
    assert!(decode(&padded).is_ok());
    assert_eq!(
        decode(&format!("{padded} ")).unwrap_err(),
        SavedError::TooLarge(MAX_SAVED_BYTES + 1)
    );

    // A save of a version this widget still has (retired) opens as that version, unmigrated.
    let newer = Rc::new(quick_scan());
    let mut older = quick_scan();
    older.version = "1.0.0".into();
    let both = [Rc::clone(&newer), Rc::new(older)];
    let text = edit(|v| v["version"] = json!("1.0.0"));
    let restored = saved::decode(&text, &both, Source::Import).unwrap();
    assert_eq!(
        (
            restored.questionnaire.version.as_str(),
            restored.migrated_from
        ),
        ("1.0.0", None)
    );

    // An assessment id is kept when it is 1 to 64 letters, digits and hyphens, else dropped
    // (a fresh one is given on opening).
    let id = |value: Value| {
        decode(&edit(|v| v["assessment"] = value))
            .unwrap()
            .assessment
    };
    let longest = "a-1".repeat(21) + "b";
    assert_eq!(id(json!(longest)), Some(longest.clone()));
    for bad in [
        String::new(),
        format!("{longest}c"),
        "a b".into(),
        "é".into(),
    ] {
        assert_eq!(id(json!(bad)), None, "{bad:?}");
    }
}

/// The parent id is kept only as 16 hexadecimal digits; notes that are empty are not notes;
/// a note too long for its field is refused on import and dropped (not kept) from storage; a
/// migrated save drops what the new version no longer asks, never a bad value of an item it
/// still asks.
#[test]
fn the_decoder_keeps_only_what_fits_field_by_field() {
    use aims_domain::model::answers::MAX_TEXT_CHARS;
    let catalogue = catalogue();
    let parent = |value: &str| {
        let text = edit(|v| v["parent"] = json!(value));
        saved::decode(&text, &catalogue, Source::Import)
            .unwrap()
            .parent
    };
    assert_eq!(parent("0123456789abcdef"), Some("0123456789abcdef".into()));
    for bad in ["0123456789abcde", "0123456789abcdeg", "0123456789abcdef0"] {
        assert_eq!(parent(bad), None, "{bad}");
    }

    let empty_note = edit(|v| v["notes"]["5.2"] = json!(""));
    let r = saved::decode(&empty_note, &catalogue, Source::Import).unwrap();
    assert!(!r.notes.contains_key("5.2"), "{:?}", r.notes);

    let long = edit(|v| v["notes"]["5.2"] = json!("n".repeat(MAX_TEXT_CHARS + 1)));
    assert!(saved::decode(&long, &catalogue, Source::Import).is_err());
    let kept = saved::decode(&long, &catalogue, Source::Storage).unwrap();
    assert!(!kept.notes.contains_key("5.2"));
    assert_eq!(kept.notes.len(), 1, "the other note stays");

    // An older version's save with an impossible level for an item both versions ask.
    let bad_level = edit(|v| {
        v["version"] = json!("0.9.0");
        v["answers"]["5.2"] = json!({ "level": 9 });
    });
    let err = saved::decode(&bad_level, &catalogue, Source::Import).unwrap_err();
    let SavedError::Invalid(problems) = err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("5.2"), "{problems:?}");
}

//! Validation of broken questionnaire files: every error at once, each naming the item and field.

use aims_domain::Questionnaire;
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

fn quick_scan_json() -> Value {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("questionnaires/iso42001-quick-scan.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn item_mut<'a>(q: &'a mut Value, id: &str) -> &'a mut Value {
    q["sections"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|s| s["items"].as_array_mut().unwrap().iter_mut())
        .find(|i| i["id"] == id)
        .unwrap()
}

fn errors(q: &Value) -> Vec<String> {
    Questionnaire::parse(&q.to_string())
        .expect_err("the broken file must be refused")
        .iter()
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn every_problem_is_reported_at_once_with_item_and_field() {
    let mut q = quick_scan_json();
    item_mut(&mut q, "4.1")["levels"]
        .as_array_mut()
        .unwrap()
        .pop();
    item_mut(&mut q, "4.3")["applies_when"] = json!({"role_any": ["develops"]});
    item_mut(&mut q, "5.2")["actions"][0]["phase"] = json!(7);
    item_mut(&mut q, "6.2")["documents"] = json!(["ai-strategy"]);
    item_mut(&mut q, "7.2")["question"] = json!("  ");
    item_mut(&mut q, "9.1")["weight"] = json!(0);
    item_mut(&mut q, "A.2.3")["applies_when"] = json!({"role_any": ["builds"]});
    item_mut(&mut q, "A.3.2")["id"] = json!("A.4.9");
    item_mut(&mut q, "A.9.4")["reuse"] =
        json!([{ "from": "iso14001", "gives": "reuse", "refs": ["4.1"] }]);
    item_mut(&mut q, "A.10.3")["actions"] =
        json!([{ "from": 0, "phase": 2, "effort": "guesswork", "text": "Only one step." }]);
    item_mut(&mut q, "10.2")["id"] = json!("9.1");
    item_mut(&mut q, "6.1.2")["gate"] = json!("stage2");
    item_mut(&mut q, "A.8.2")["gate"] = json!("stage1");

    let found = errors(&q);
    let expected = [
        "iso42001-quick-scan: 4.1, field `levels`: expected 4 level descriptions, found 3",
        "iso42001-quick-scan: 4.3, field `applies_when`: clause items always apply and cannot be hidden",
        "iso42001-quick-scan: 4.3, field `gate`: a certification blocker must apply to every organisation",
        "iso42001-quick-scan: 6.1.2, field `gate`: 6.1.2 holds mandatory documented information an auditor asks for: its gate is \"stage1\"",
        "iso42001-quick-scan: A.8.2, field `gate`: only the clause items whose mandatory documented information an auditor asks for are blockers",
        "iso42001-quick-scan: A.10.3, field `actions[0]`: `effort` `guesswork` is not a kind in the file's `efforts`",
        "iso42001-quick-scan: 5.2, field `actions[0]`: `phase` must be 1 to 5",
        "iso42001-quick-scan: 6.2, field `documents`: `ai-strategy` is not in the questionnaire's documents",
        "iso42001-quick-scan: 7.2, field `question`: must not be empty",
        "iso42001-quick-scan: 9.1, field `weight`: 0 is outside 1-10",
        "iso42001-quick-scan: 9.1, field `id`: does not belong to section 10",
        "iso42001-quick-scan: 9.1, field `id`: appears twice in the questionnaire",
        "iso42001-quick-scan: A.2.3, field `applies_when`: `role_any` does not know \"builds\"",
        "iso42001-quick-scan: A.4.9, field `id`: does not belong to section A.3",
        "iso42001-quick-scan: A.9.4, field `reuse.from`: `iso14001` is not a known certification",
        "iso42001-quick-scan: A.10.3, field `actions`: no action moves the item up from level 1",
        "iso42001-quick-scan: A.10.3, field `actions`: no action moves the item up from level 2",
    ];
    for e in expected {
        assert!(
            found.iter().any(|f| f == e),
            "missing error: {e}\nfound:\n{}",
            found.join("\n")
        );
    }
    assert_eq!(
        found.len(),
        expected.len(),
        "unexpected extra errors:\n{}",
        found.join("\n")
    );
}

#[test]
fn top_level_problems_are_named_too() {
    let mut q = quick_scan_json();
    q["format"] = json!(3);
    q["id"] = json!("Quick Scan");
    q["version"] = json!("one");
    q["scale"]["gate_level"] = json!(4);
    q["scale"]["levels"][1]["value"] = json!(5);
    q["sections"][0]["kind"] = json!("chapter");
    let found = errors(&q);
    for fragment in [
        "field `format`: format 3 is not supported",
        "field `id`: must be lowercase letters, digits and hyphens",
        "field `version`: must look like 1, 1.2 or 1.2.3",
        "field `scale.gate_level`: must be a level above 0",
        "field `scale.levels`: level 2 must have value 1",
        "4, field `kind`: `chapter` is neither clause nor annex",
    ] {
        assert!(
            found.iter().any(|f| f.contains(fragment)),
            "missing {fragment}:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn unreadable_files_and_unknown_fields_get_one_clear_error() {
    for (text, fragment) in [
        ("", "not a valid questionnaire file"),
        ("{\"id\": \"x\",", "not a valid questionnaire file"),
        ("[1, 2, 3]", "not a valid questionnaire file"),
        (
            "{\"id\": \"x\", \"colour\": \"red\"}",
            "unknown field `colour`",
        ),
    ] {
        let errors = Questionnaire::parse(text).unwrap_err();
        assert_eq!(errors.len(), 1, "{text:?}");
        assert!(
            errors[0].to_string().contains(fragment),
            "{text:?}: {}",
            errors[0]
        );
    }
}

#[test]
fn an_empty_object_lists_every_missing_essential() {
    let found: Vec<String> = Questionnaire::parse("{}")
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    for field in [
        "format",
        "id",
        "version",
        "status",
        "language",
        "title",
        "summary",
        "efforts",
        "scale.levels",
        "scale.gate_level",
        "sections",
    ] {
        assert!(
            found
                .iter()
                .any(|f| f.contains(&format!("field `{field}`"))),
            "{field} not reported:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn items_unchanged_since_must_be_a_version_no_later_than_the_file() {
    for (value, refused) in [
        ("1.0.0", false),
        ("2.0.0", false),
        ("2.1.0", true),
        ("latest", true),
    ] {
        let mut q = quick_scan_json();
        q["items_unchanged_since"] = json!(value);
        let found: Vec<String> = Questionnaire::parse(&q.to_string())
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            found
                .iter()
                .any(|f| f.contains("field `items_unchanged_since`")),
            refused,
            "{value}: {found:?}"
        );
    }
}

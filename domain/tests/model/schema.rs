//! The JSON Schema in questionnaires/ agrees with the Rust model, and every questionnaire file satisfies it.

use aims_domain::model::condition::Condition;
use aims_domain::model::questionnaire::REF_FRAMEWORKS;
use aims_domain::Questionnaire;
use regex::Regex;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn dir() -> std::path::PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("questionnaires")
}

fn schema() -> Value {
    serde_json::from_str(&fs::read_to_string(dir().join("questionnaire.schema.json")).unwrap())
        .unwrap()
}

fn quick_scan() -> Value {
    serde_json::from_str(&fs::read_to_string(dir().join("iso42001-quick-scan.json")).unwrap())
        .unwrap()
}

fn schema_properties(schema: &Value, pointer: &str) -> BTreeSet<String> {
    schema
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("schema has no {pointer}"))
        .keys()
        .cloned()
        .collect()
}

/// The field names the Rust model accepts at a place in the file, read from serde's
/// "unknown field" message after planting an unknown field there.
fn model_fields(pointer: &str) -> BTreeSet<String> {
    let mut file = quick_scan();
    file.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("quick scan has no object at {pointer}"))
        .insert("zz_unknown".into(), json!(1));
    let errors = Questionnaire::parse(&file.to_string()).unwrap_err();
    fields_in(&errors[0].to_string())
}

/// The names serde lists after "expected" in an unknown-field message.
fn fields_in(message: &str) -> BTreeSet<String> {
    let list = message
        .split("unknown field `zz_unknown`, expected ")
        .nth(1)
        .unwrap_or_else(|| panic!("no field list in: {message}"));
    Regex::new("`([^`]+)`")
        .unwrap()
        .captures_iter(list)
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn schema_and_model_accept_the_same_fields() {
    let schema = schema();
    let mut file = quick_scan();
    // Give the sampled item a suggestion so the nested object exists in the sample.
    file.pointer_mut("/sections/7/items/0")
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(
            "suggest_na".into(),
            json!({"when": {"role_any": ["uses"]}, "justification": "x"}),
        );
    let places = [
        ("", "/properties"),
        ("/scale", "/$defs/scale/properties"),
        ("/scale/levels/0", "/$defs/level/properties"),
        ("/documents/0", "/$defs/document/properties"),
        ("/sections/0", "/$defs/section/properties"),
        ("/sections/0/items/0", "/$defs/item/properties"),
        ("/sections/0/items/0/actions/0", "/$defs/action/properties"),
        ("/efforts/decision", "/$defs/effort/properties"),
        ("/sections/0/items/0/reuse/0", "/$defs/reuse/properties"),
    ];
    for (file_pointer, schema_pointer) in places {
        assert_eq!(
            model_fields(file_pointer),
            schema_properties(&schema, schema_pointer),
            "fields at {file_pointer:?} differ between the Rust model and the schema"
        );
    }
    // The suggestion object, through the annex item that now carries one.
    let mut with_na = file.clone();
    with_na
        .pointer_mut("/sections/7/items/0/suggest_na")
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("zz_unknown".into(), json!(1));
    let message = Questionnaire::parse(&with_na.to_string()).unwrap_err()[0].to_string();
    assert_eq!(
        fields_in(&message),
        schema_properties(&schema, "/$defs/na_suggestion/properties")
    );

    let frameworks: BTreeSet<String> = REF_FRAMEWORKS.iter().map(|(k, _)| k.to_string()).collect();
    assert_eq!(
        frameworks,
        schema_properties(&schema, "/$defs/item/properties/refs/properties")
    );

    let condition_error = Condition::from_json(&json!({"zz_unknown": 1})).unwrap_err();
    let known: BTreeSet<String> = condition_error
        .split("(known: ")
        .nth(1)
        .unwrap()
        .trim_end_matches(')')
        .split(", ")
        .map(str::to_string)
        .collect();
    assert_eq!(
        known,
        schema_properties(&schema, "/$defs/condition/properties")
    );
}

/// A validator for the subset of JSON Schema the file uses; unknown keywords fail loudly.
fn check(schema: &Value, root: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let rule = match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => root
            .pointer(reference.trim_start_matches('#'))
            .expect("ref resolves"),
        None => schema,
    };
    for (keyword, arg) in rule.as_object().unwrap() {
        let fail = |errors: &mut Vec<String>, what: &str| errors.push(format!("{at}: {what}"));
        match keyword.as_str() {
            "$schema" | "$id" | "$ref" | "title" | "description" | "$defs" => {}
            "type" => {
                let ok = match arg.as_str().unwrap() {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_u64() || value.is_i64(),
                    "number" => value.is_number(),
                    "boolean" => value.is_boolean(),
                    other => panic!("type {other} not supported"),
                };
                if !ok {
                    fail(errors, &format!("expected {arg}"));
                    return;
                }
            }
            "const" if value != arg => fail(errors, &format!("expected {arg}")),
            "enum" if !arg.as_array().unwrap().contains(value) => {
                fail(errors, &format!("{value} not in {arg}"))
            }
            "pattern" => {
                let text = value.as_str().unwrap_or_default();
                if !Regex::new(arg.as_str().unwrap()).unwrap().is_match(text) {
                    fail(errors, &format!("{text:?} does not match {arg}"));
                }
            }
            "minLength"
                if value
                    .as_str()
                    .is_some_and(|s| (s.chars().count() as u64) < arg.as_u64().unwrap()) =>
            {
                fail(errors, "too short")
            }
            "minimum" if value.as_f64().is_some_and(|n| n < arg.as_f64().unwrap()) => {
                fail(errors, "below minimum")
            }
            "maximum" if value.as_f64().is_some_and(|n| n > arg.as_f64().unwrap()) => {
                fail(errors, "above maximum")
            }
            "exclusiveMinimum" if value.as_f64().is_some_and(|n| n <= arg.as_f64().unwrap()) => {
                fail(errors, "too small")
            }
            "minItems"
                if value
                    .as_array()
                    .is_some_and(|a| (a.len() as u64) < arg.as_u64().unwrap()) =>
            {
                fail(errors, "too few items")
            }
            "maxItems"
                if value
                    .as_array()
                    .is_some_and(|a| (a.len() as u64) > arg.as_u64().unwrap()) =>
            {
                fail(errors, "too many items")
            }
            "minProperties"
                if value
                    .as_object()
                    .is_some_and(|o| (o.len() as u64) < arg.as_u64().unwrap()) =>
            {
                fail(errors, "too few keys")
            }
            "maxProperties"
                if value
                    .as_object()
                    .is_some_and(|o| (o.len() as u64) > arg.as_u64().unwrap()) =>
            {
                fail(errors, "too many keys")
            }
            "required" => {
                for key in arg.as_array().unwrap() {
                    if value.get(key.as_str().unwrap()).is_none() {
                        fail(errors, &format!("missing {key}"));
                    }
                }
            }
            "properties" => {
                for (key, sub) in arg.as_object().unwrap() {
                    if let Some(v) = value.get(key) {
                        check(sub, root, v, &format!("{at}/{key}"), errors);
                    }
                }
            }
            // `false`: no keys beyond `properties`; a schema: every further value must match it.
            "additionalProperties" => {
                let known = rule.get("properties").and_then(Value::as_object);
                for (key, v) in value.as_object().into_iter().flatten() {
                    if known.is_some_and(|k| k.contains_key(key)) {
                        continue;
                    }
                    if arg.is_object() {
                        check(arg, root, v, &format!("{at}/{key}"), errors);
                    } else {
                        fail(errors, &format!("unexpected key {key}"));
                    }
                }
            }
            "items" => {
                for (n, v) in value.as_array().into_iter().flatten().enumerate() {
                    check(arg, root, v, &format!("{at}/{n}"), errors);
                }
            }
            "const" | "enum" | "minLength" | "minimum" | "maximum" | "exclusiveMinimum"
            | "minItems" | "maxItems" | "minProperties" | "maxProperties" => {}
            other => panic!("schema keyword {other} is not supported by this checker"),
        }
    }
}

#[test]
fn every_questionnaire_file_satisfies_the_schema() {
    let schema = schema();
    let mut checked = 0;
    for entry in fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        // Translations (`<id>.<language>.json`) have their own checks in tests/i18n.rs.
        let translation = name.trim_end_matches(".json").contains('.');
        if !name.ends_with(".json") || name.ends_with(".schema.json") || translation {
            continue;
        }
        let file: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let mut errors = Vec::new();
        check(&schema, &schema, &file, &name, &mut errors);
        assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn the_schema_checker_catches_mistakes() {
    let schema = schema();
    let mut file = quick_scan();
    file["id"] = json!("Not A Slug");
    file["sections"][0]["items"][0]["weight"] = json!(11);
    file["sections"][0]["items"][0]["colour"] = json!("red");
    file["sections"][0]["items"][0]["actions"][0]["phase"] = json!(0);
    let mut errors = Vec::new();
    check(&schema, &schema, &file, "", &mut errors);
    let joined = errors.join("\n");
    for fragment in [
        "/id: \"Not A Slug\" does not match",
        "/weight: above maximum",
        "unexpected key colour",
        "/phase: below minimum",
    ] {
        assert!(
            joined.contains(fragment),
            "{fragment} not caught:\n{joined}"
        );
    }
}

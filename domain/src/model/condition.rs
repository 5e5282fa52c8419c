//! Structured applicability conditions ("only for organisations that develop AI"), no expression strings.

use crate::model::profile::{AiRole, Certification, HighRisk, Profile};
use serde_json::Value;

/// A condition on the organisation profile, read from a questionnaire file.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// The organisation plays at least one of these AI roles.
    RoleAny(Vec<AiRole>),
    /// The organisation holds at least one of these certifications.
    HoldsAny(Vec<Certification>),
    /// Whether any system may be high-risk under the EU AI Act ("not sure" counts as yes).
    HighRisk(bool),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Whether the condition asks about high-risk systems anywhere in it.
    pub fn mentions_high_risk(&self) -> bool {
        match self {
            Condition::HighRisk(_) => true,
            Condition::All(list) | Condition::Any(list) => {
                list.iter().any(Condition::mentions_high_risk)
            }
            Condition::Not(inner) => inner.mentions_high_risk(),
            Condition::RoleAny(_) | Condition::HoldsAny(_) => false,
        }
    }

    pub fn holds(&self, profile: &Profile) -> bool {
        match self {
            Condition::RoleAny(roles) => roles.iter().any(|r| profile.roles.contains(r)),
            Condition::HoldsAny(certs) => certs.iter().any(|c| profile.holds(*c)),
            Condition::HighRisk(wanted) => {
                let maybe = matches!(profile.high_risk, Some(HighRisk::Yes | HighRisk::NotSure));
                maybe == *wanted
            }
            Condition::All(all) => all.iter().all(|c| c.holds(profile)),
            Condition::Any(any) => any.iter().any(|c| c.holds(profile)),
            Condition::Not(inner) => !inner.holds(profile),
        }
    }

    /// Reads a condition from JSON; the error says what is wrong, the caller says where.
    pub fn from_json(value: &Value) -> Result<Condition, String> {
        let object = value
            .as_object()
            .filter(|o| o.len() == 1)
            .ok_or("a condition is an object with exactly one key")?;
        let (key, arg) = object.iter().next().expect("checked: one key");
        match key.as_str() {
            "role_any" => keys(arg, key, AiRole::from_key).map(Condition::RoleAny),
            "holds_any" => keys(arg, key, Certification::from_key).map(Condition::HoldsAny),
            "eu_high_risk" => arg
                .as_bool()
                .map(Condition::HighRisk)
                .ok_or_else(|| "`eu_high_risk` takes true or false".to_string()),
            "all" | "any" => {
                let list = arg
                    .as_array()
                    .filter(|l| !l.is_empty())
                    .ok_or_else(|| format!("`{key}` takes a non-empty list of conditions"))?;
                let inner = list.iter().map(Condition::from_json).collect::<Result<_, _>>()?;
                Ok(if key == "all" {
                    Condition::All(inner)
                } else {
                    Condition::Any(inner)
                })
            }
            "not" => Ok(Condition::Not(Box::new(Condition::from_json(arg)?))),
            other => Err(format!(
                "unknown condition `{other}` (known: role_any, holds_any, eu_high_risk, all, any, not)"
            )),
        }
    }
}

fn keys<T>(arg: &Value, key: &str, parse: fn(&str) -> Option<T>) -> Result<Vec<T>, String> {
    let list = arg
        .as_array()
        .filter(|l| !l.is_empty())
        .ok_or_else(|| format!("`{key}` takes a non-empty list of names"))?;
    list.iter()
        .map(|v| {
            v.as_str()
                .and_then(parse)
                .ok_or_else(|| format!("`{key}` does not know {v}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn developer() -> Profile {
        Profile {
            roles: [AiRole::Develops].into(),
            high_risk: Some(HighRisk::NotSure),
            ..Profile::default()
        }
    }

    #[test]
    fn conditions_evaluate_against_the_profile() {
        let cases = [
            (json!({"role_any": ["develops", "provides"]}), true),
            (json!({"role_any": ["uses"]}), false),
            (json!({"holds_any": ["iso27001"]}), false),
            (json!({"eu_high_risk": true}), true),
            (json!({"not": {"role_any": ["develops"]}}), false),
            (
                json!({"all": [{"role_any": ["develops"]}, {"eu_high_risk": false}]}),
                false,
            ),
            (
                json!({"any": [{"role_any": ["uses"]}, {"eu_high_risk": true}]}),
                true,
            ),
        ];
        for (json, expected) in cases {
            let c = Condition::from_json(&json).unwrap();
            assert_eq!(c.holds(&developer()), expected, "{json}");
        }
    }

    #[test]
    fn malformed_conditions_are_explained() {
        let cases = [
            (json!("develops"), "exactly one key"),
            (json!({"role_any": []}), "non-empty list"),
            (json!({"role_any": ["builds"]}), "does not know \"builds\""),
            (json!({"holds_any": ["iso14001"]}), "does not know"),
            (json!({"eu_high_risk": "yes"}), "true or false"),
            (json!({"when": 1}), "unknown condition `when`"),
            (
                json!({"role_any": ["uses"], "eu_high_risk": true}),
                "exactly one key",
            ),
        ];
        for (json, expected) in cases {
            let err = Condition::from_json(&json).unwrap_err();
            assert!(err.contains(expected), "{json}: {err}");
        }
    }
}

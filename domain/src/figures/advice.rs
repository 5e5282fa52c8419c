//! The adviser's view: answers that look inconsistent with each other or with the profile
//! (shown to the person as "please check" hints too), and per gap what to ask the client and
//! what evidence to request, as a Markdown sheet.

use crate::figures::scoring::{Assessment, ItemStatus};
use crate::model::answers::{Answer, Answers};
use crate::model::i18n::{msg, Msg};
use crate::model::profile::{AiRole, Profile};
use crate::model::questionnaire::{Item, Questionnaire};
use crate::model::standard;

/// Two answers that rarely go together: `high` at `at_least` or above while `low` is at
/// `at_most` or below. What the standard builds on: a step cannot be working while the step it
/// stands on does not exist. Checked only when the questionnaire asks both items.
struct Pair {
    high: &'static str,
    at_least: u8,
    low: &'static str,
    at_most: u8,
    why: Msg,
}

const PAIRS: [Pair; 9] = [
    Pair {
        high: "5.2",
        at_least: 3,
        low: "A.2.4",
        at_most: 0,
        why: msg!("a policy counted as reviewed needs its review to exist"),
    },
    Pair {
        high: "A.2.2",
        at_least: 3,
        low: "A.2.4",
        at_most: 0,
        why: msg!("a policy counted as reviewed needs its review to exist"),
    },
    Pair {
        high: "9.2.1",
        at_least: 2,
        low: "9.2.2",
        at_most: 0,
        why: msg!("internal audits need an audit programme that plans them"),
    },
    Pair {
        high: "6.1.3",
        at_least: 2,
        low: "6.1.2",
        at_most: 0,
        why: msg!("risks are treated after they are assessed"),
    },
    Pair {
        high: "8.3",
        at_least: 2,
        low: "8.2",
        at_most: 0,
        why: msg!("risks are treated after they are assessed"),
    },
    Pair {
        high: "8.4",
        at_least: 2,
        low: "6.1.4",
        at_most: 0,
        why: msg!("impact assessments are carried out by a defined process"),
    },
    Pair {
        high: "9.3.3",
        at_least: 2,
        low: "9.3.2",
        at_most: 0,
        why: msg!("a management review's results come from its inputs"),
    },
    Pair {
        high: "9.1",
        at_least: 2,
        low: "6.2",
        at_most: 0,
        why: msg!("monitoring measures progress towards AI objectives"),
    },
    Pair {
        high: "7.5.3",
        at_least: 2,
        low: "7.5.2",
        at_most: 0,
        why: msg!("documents are controlled once they are created"),
    },
];

/// A control answered "not applicable" although the profile's roles make it relevant.
const APPLIES: [(&str, AiRole, Msg); 3] = [
    (
        "A.6.",
        AiRole::Develops,
        msg!("the profile says the organisation develops or trains AI systems"),
    ),
    (
        "A.7.",
        AiRole::Develops,
        msg!("the profile says the organisation develops or trains AI systems"),
    ),
    (
        "A.10.3",
        AiRole::Uses,
        msg!("the profile says the organisation uses AI systems supplied by others"),
    ),
];

/// Every item id the checks name (tests check them against the standard).
pub fn rule_items() -> Vec<&'static str> {
    let mut ids: Vec<&str> = PAIRS.iter().flat_map(|p| [p.high, p.low]).collect();
    ids.extend(
        APPLIES
            .iter()
            .map(|(prefix, _, _)| prefix.trim_end_matches('.')),
    );
    ids
}

/// One answer, or pair of answers, worth a second look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The items involved, the one to review first.
    pub items: Vec<String>,
    pub text: String,
}

fn level(item: &Item, profile: &Profile, answers: &Answers) -> Option<u8> {
    match ItemStatus::of(item, profile, answers) {
        ItemStatus::Level(l) => Some(l),
        _ => None,
    }
}

/// Every check that applies to these answers, in the questionnaire's language and order.
pub fn checks(q: &Questionnaire, profile: &Profile, answers: &Answers) -> Vec<Check> {
    let lang = q.lang();
    let mut found = Vec::new();
    for p in &PAIRS {
        let (Some(high), Some(low)) = (q.item(p.high), q.item(p.low)) else {
            continue;
        };
        let (Some(h), Some(l)) = (level(high, profile, answers), level(low, profile, answers))
        else {
            continue;
        };
        if h >= p.at_least && l <= p.at_most {
            found.push(Check {
                items: vec![high.id.clone(), low.id.clone()],
                text: lang.f(
                    msg!("{high} {high_title} is at level {h}, but {low} {low_title} is at level {l}: {why}."),
                    &[
                        ("high", &high.id),
                        ("high_title", &high.title),
                        ("h", &h),
                        ("low", &low.id),
                        ("low_title", &low.title),
                        ("l", &l),
                        ("why", &lang.t(p.why)),
                    ],
                ),
            });
        }
    }
    for item in q.items().filter(|i| i.applies(profile)) {
        if !matches!(answers.get(&item.id), Some(Answer::NotApplicable(_))) {
            continue;
        }
        let reason = APPLIES
            .iter()
            .find(|(prefix, role, _)| item.id.starts_with(prefix) && profile.roles.contains(role));
        if let Some((_, _, why)) = reason {
            found.push(Check {
                items: vec![item.id.clone()],
                text: lang.f(
                    msg!(
                        "{item} {title} is \"not applicable\", but {why}: check the justification."
                    ),
                    &[
                        ("item", &item.id),
                        ("title", &item.title),
                        ("why", &lang.t(*why)),
                    ],
                ),
            });
        }
    }
    found.extend(exclusion_checks(q, profile, answers));
    found
}

/// Exclusions an auditor would not accept: a control a clause requirement rests on, and more
/// than a third of Annex A excluded.
fn exclusion_checks(q: &Questionnaire, profile: &Profile, answers: &Answers) -> Vec<Check> {
    let lang = q.lang();
    let mut found = Vec::new();
    for item in q.items().filter(|i| i.applies(profile)) {
        let excluded = matches!(answers.get(&item.id), Some(Answer::NotApplicable(_)));
        if let (true, Some(clause)) = (excluded, standard::tied_clause(&item.id)) {
            found.push(Check {
                items: vec![item.id.clone(), clause.to_string()],
                text: lang.f(
                    msg!("{item} {title} is excluded, but it carries out clause {clause}, which always applies: an auditor will not accept the exclusion, so include it."),
                    &[("item", &item.id), ("title", &item.title), ("clause", &clause)],
                ),
            });
        }
    }
    let assessment = Assessment::compute(q, profile, answers);
    if assessment.broad_exclusions() {
        let ids: Vec<&str> = assessment
            .excluded
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        found.push(Check {
            items: ids.iter().map(|id| id.to_string()).collect(),
            text: lang.f(
                msg!("{n} of the {applicable} Annex A controls that apply are excluded ({items}): be ready to show for each one the risk assessment result that leaves it nothing to treat."),
                &[("n", &ids.len()), ("applicable", &assessment.annex_applicable), ("items", &ids.join(", "))],
            ),
        });
    }
    found
}

/// One gap on the adviser's sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap<'a> {
    pub item: &'a Item,
    pub status: ItemStatus,
    /// The level to reach next and what it looks like in evidence.
    pub next: Option<(u8, &'a str)>,
    /// Titles of the documents the item produces.
    pub documents: Vec<&'a str>,
    /// The checks that name this item.
    pub checks: Vec<&'a Check>,
}

/// Every applicable item below the gate level, unknown or unanswered: blockers first, then in
/// the questionnaire's order.
pub fn gaps<'a>(
    q: &'a Questionnaire,
    profile: &Profile,
    answers: &Answers,
    checks: &'a [Check],
) -> Vec<Gap<'a>> {
    let gate = q.scale.gate_level;
    let mut gaps: Vec<Gap> = q
        .items()
        .filter_map(|item| {
            let status = ItemStatus::of(item, profile, answers);
            let below = match status {
                ItemStatus::Level(l) => l < gate,
                ItemStatus::DontKnow | ItemStatus::Unanswered | ItemStatus::NeedsJustification => {
                    true
                }
                ItemStatus::Hidden | ItemStatus::NotApplicable => false,
            };
            below.then(|| {
                let next_level = match status {
                    ItemStatus::Level(l) => l + 1,
                    _ => gate,
                };
                Gap {
                    item,
                    next: item
                        .levels
                        .get(usize::from(next_level))
                        .map(|text| (next_level, text.as_str())),
                    documents: item
                        .documents
                        .iter()
                        .filter_map(|d| q.document(d).map(|d| d.title.as_str()))
                        .collect(),
                    checks: checks
                        .iter()
                        .filter(|c| c.items.contains(&item.id))
                        .collect(),
                    status,
                }
            })
        })
        .collect();
    crate::model::order::sort_by_key(&mut gaps, |g| !g.item.blocker);
    gaps
}

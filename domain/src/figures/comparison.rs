//! How the answers moved since an earlier save: per item and per section, better or worse.

use crate::figures::scoring::{Assessment, ItemStatus};
use crate::model::answers::Answers;
use crate::model::i18n::{msg, Lang};
use crate::model::profile::Profile;
use crate::model::questionnaire::Questionnaire;

/// How one item moved between an earlier save and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Improved,
    Regressed,
    Unchanged,
    NewlyAnswered,
    NoLongerAnswered,
    /// Now "not applicable", whatever it was before.
    MarkedNotApplicable,
    /// Was "not applicable", now answered on the scale or "don't know".
    NoLongerNotApplicable,
}

impl Change {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Change::Improved => msg!("Improved"),
            Change::Regressed => msg!("Regressed"),
            Change::Unchanged => msg!("Unchanged"),
            Change::NewlyAnswered => msg!("Newly answered"),
            Change::NoLongerAnswered => msg!("No longer answered"),
            Change::MarkedNotApplicable => msg!("Marked not applicable"),
            Change::NoLongerNotApplicable => msg!("No longer not applicable"),
        })
    }

    /// The change's name in the DOM (a CSS class) and in tests.
    pub fn key(self) -> &'static str {
        match self {
            Change::Improved => "improved",
            Change::Regressed => "regressed",
            Change::Unchanged => "unchanged",
            Change::NewlyAnswered => "newly-answered",
            Change::NoLongerAnswered => "no-longer-answered",
            Change::MarkedNotApplicable => "marked-not-applicable",
            Change::NoLongerNotApplicable => "no-longer-not-applicable",
        }
    }
}

/// One clause or area, earlier and now.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionChange {
    pub id: String,
    pub title: String,
    pub then: Option<u32>,
    pub now: Option<u32>,
}

impl SectionChange {
    /// The change in percentage points ("+12", "−5", "±0"), when both are known.
    pub fn delta_text(&self) -> String {
        match (self.then, self.now) {
            (Some(then), Some(now)) => {
                let d = i64::from(now) - i64::from(then);
                match d {
                    0 => "±0".into(),
                    d if d > 0 => format!("+{d}"),
                    d => format!("\u{2212}{}", -d),
                }
            }
            _ => String::new(),
        }
    }
}

/// One item whose answer differs, with both statuses and the kind of change.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemChange {
    pub id: String,
    pub title: String,
    pub then: ItemStatus,
    pub now: ItemStatus,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Overall readiness earlier and now.
    pub then: Option<u32>,
    pub now: Option<u32>,
    pub sections: Vec<SectionChange>,
    pub items: Vec<ItemChange>,
}

pub(crate) fn rank(status: &ItemStatus) -> Option<u8> {
    match status {
        ItemStatus::Level(l) => Some(*l),
        ItemStatus::DontKnow | ItemStatus::NeedsJustification => Some(0),
        _ => None,
    }
}

pub(crate) fn change(then: &ItemStatus, now: &ItemStatus) -> Change {
    use ItemStatus::NotApplicable;
    match (then, now) {
        (_, NotApplicable) => Change::MarkedNotApplicable,
        (NotApplicable, n) if n.is_answered() => Change::NoLongerNotApplicable,
        (b, n) if !b.is_answered() && n.is_answered() => Change::NewlyAnswered,
        (b, n) if b.is_answered() && !n.is_answered() => Change::NoLongerAnswered,
        (b, n) => match (rank(b), rank(n)) {
            (Some(x), Some(y)) if y > x => Change::Improved,
            (Some(x), Some(y)) if y < x => Change::Regressed,
            _ => Change::Unchanged,
        },
    }
}

/// Compares an earlier save with the current answers, for the same profile.
pub fn compare(
    q: &Questionnaire,
    profile: &Profile,
    earlier: &Answers,
    now: &Answers,
) -> Comparison {
    let (before, after) = (
        Assessment::compute(q, profile, earlier),
        Assessment::compute(q, profile, now),
    );
    let sections = before
        .sections
        .iter()
        .zip(&after.sections)
        .filter(|(_, s)| s.applicable > 0)
        .map(|(b, s)| SectionChange {
            id: s.id.clone(),
            title: s.title.clone(),
            then: b.percent(),
            now: s.percent(),
        })
        .collect();
    let mut items = Vec::new();
    for item in q.items() {
        let (b, n) = (
            ItemStatus::of(item, profile, earlier),
            ItemStatus::of(item, profile, now),
        );
        if b == n || n == ItemStatus::Hidden {
            continue;
        }
        items.push(ItemChange {
            id: item.id.clone(),
            title: item.title.clone(),
            change: change(&b, &n),
            then: b,
            now: n,
        });
    }
    Comparison {
        then: before.percent(),
        now: after.percent(),
        sections,
        items,
    }
}

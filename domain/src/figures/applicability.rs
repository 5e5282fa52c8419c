//! Which Annex A controls are left out for this profile and these answers, and why.

use crate::figures::scoring::ItemStatus;
use crate::model::answers::Answers;
use crate::model::i18n::msg;
use crate::model::profile::Profile;
use crate::model::questionnaire::{Questionnaire, SectionKind};

/// An Annex A control left out of the Statement of Applicability, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    pub id: String,
    pub title: String,
    /// The person's own justification, or why the profile rules the control out.
    pub justification: String,
    /// True when the person marked it "not applicable" (false: hidden by the profile).
    pub by_answer: bool,
}

/// Every Annex A control excluded for this profile and these answers, in questionnaire order.
pub fn exclusions(q: &Questionnaire, profile: &Profile, answers: &Answers) -> Vec<Exclusion> {
    let lang = q.lang();
    q.items()
        .filter(|i| i.kind == SectionKind::Annex)
        .filter_map(|item| {
            let (justification, by_answer) = match (
                ItemStatus::of(item, profile, answers),
                answers.get(&item.id),
            ) {
                (ItemStatus::Hidden, _) => (
                    lang.t(msg!(
                        "Does not apply to the AI roles in this organisation's profile."
                    ))
                    .to_string(),
                    false,
                ),
                (
                    ItemStatus::NotApplicable,
                    Some(crate::model::answers::Answer::NotApplicable(why)),
                ) => (why.clone(), true),
                _ => return None,
            };
            Some(Exclusion {
                id: item.id.clone(),
                title: item.title.clone(),
                justification,
                by_answer,
            })
        })
        .collect()
}

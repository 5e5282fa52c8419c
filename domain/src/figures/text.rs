//! One home for figures as text: an item's status, a percentage, a maturity level, yes and no,
//! and the organisation's profile as label and value rows, for the screens and every export.

use crate::figures::scoring::ItemStatus;
use crate::model::i18n::{msg, Lang, Msg};
use crate::model::profile::Certification;
use crate::model::profile::Profile;
use crate::model::questionnaire::Gives;
use crate::model::questionnaire::Questionnaire;

/// How an item's status reads in reports.
pub fn status_text(questionnaire: &Questionnaire, status: &ItemStatus) -> String {
    let lang = questionnaire.lang();
    match status {
        ItemStatus::Level(l) => {
            format!("{l} {}", questionnaire.scale.levels[usize::from(*l)].label)
        }
        ItemStatus::DontKnow => lang.t(msg!("Don't know")).into(),
        ItemStatus::NotApplicable => lang.t(msg!("Not applicable")).into(),
        ItemStatus::NeedsJustification => lang
            .t(msg!("Not applicable (justification missing)"))
            .into(),
        ItemStatus::Unanswered => lang.t(msg!("Not answered")).into(),
        ItemStatus::Hidden => lang.t(msg!("Not asked for this profile")).into(),
    }
}

pub(crate) fn yes_no(lang: Lang, yes: bool) -> String {
    lang.t(if yes { msg!("Yes") } else { msg!("No") }).into()
}

/// A score as reports and screens show it: "47%", or "n/a" when nothing applies.
pub fn percent_text(p: Option<u32>, lang: Lang) -> String {
    p.map_or(lang.t(msg!("n/a")).into(), |p| lang.percent(p))
}

/// A maturity (in tenths) always with one decimal, as a measured average: "2.0", or "n/a".
pub fn maturity_text(tenths: Option<u32>, lang: Lang) -> String {
    tenths.map_or(lang.t(msg!("n/a")).into(), |t| {
        lang.one_decimal(u64::from(t))
    })
}

/// The organisation as every report summarises it: one label and value per profile answer, in
/// `lang` (the Markdown report and the printed report's cover both use this).
pub fn organisation(profile: &Profile, lang: Lang) -> Vec<(String, String)> {
    worded(profile_rows(profile, lang), lang)
}

/// What a consultant sizes the work by (size, AI roles, AI systems, certifications held,
/// target date): [`organisation`] without the EU AI Act screening answers.
pub fn sizing(profile: &Profile, lang: Lang) -> Vec<(String, String)> {
    let screening = [
        msg!("EU AI Act high-risk systems possible"),
        msg!("EU AI Act prohibited practice possible"),
    ];
    let rows = profile_rows(profile, lang)
        .into_iter()
        .filter(|(label, _)| !screening.contains(label));
    worded(rows, lang)
}

fn worded(rows: impl IntoIterator<Item = (Msg, String)>, lang: Lang) -> Vec<(String, String)> {
    rows.into_iter()
        .map(|(label, value)| (lang.t(label).to_string(), value))
        .collect()
}

fn profile_rows(profile: &Profile, lang: Lang) -> [(Msg, String); 7] {
    let not_given = || lang.t(msg!("not given")).to_string();
    let none = || lang.t(msg!("none")).to_string();
    let listed = |items: Vec<&str>, sep: &str, empty: String| {
        if items.is_empty() {
            empty
        } else {
            items.join(sep)
        }
    };
    let rows: [(Msg, String); 7] = [
        (
            msg!("Size"),
            profile
                .size
                .map_or_else(not_given, |s| s.label(lang).into()),
        ),
        (
            msg!("AI roles"),
            listed(profile.role_labels(lang), "; ", not_given()),
        ),
        (msg!("AI systems in scope"), profile.systems.to_string()),
        (
            msg!("Certifications held"),
            listed(profile.held_labels(), ", ", none()),
        ),
        (
            msg!("EU AI Act high-risk systems possible"),
            profile
                .high_risk
                .map_or_else(not_given, |h| h.label(lang).into()),
        ),
        (
            msg!("EU AI Act prohibited practice possible"),
            profile
                .prohibited
                .map_or_else(not_given, |p| p.label(lang).into()),
        ),
        (
            msg!("Target date for the certification audit"),
            profile.target_date.map_or_else(none, |d| lang.date(d)),
        ),
    ];
    rows
}

/// What an existing certification does for a task, as the roadmap CSV says it.
pub fn reuse_text(reuses: Option<(Certification, Gives)>, lang: Lang) -> String {
    match reuses {
        None => String::new(),
        Some((c, Gives::Reuse)) => lang.f(
            msg!("reuses a process of {system}"),
            &[("system", &c.label())],
        ),
        Some((c, Gives::Extend)) => lang.f(
            msg!("extends a process of {system}"),
            &[("system", &c.label())],
        ),
    }
}

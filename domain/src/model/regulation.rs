//! The EU AI Act dates that bind an organisation, from the content's regulatory table
//! (questionnaires/regulation/eu-ai-act.json, compiled in by domain/build.rs): when each duty
//! applies, whom it binds, the date the facts were checked, and whether they may be out of date.

use crate::model::date::Date;
use crate::model::i18n::{msg, Lang};
use crate::model::profile::Profile;
use crate::model::standard::Binds;

/// One dated duty of the EU AI Act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegalDate {
    pub id: &'static str,
    /// From when it applies.
    pub date: Date,
    pub articles: &'static str,
    pub binds: Binds,
    /// The duty in every language of [`LANGS`].
    texts: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/regulation.rs"));

/// After this many days the widget says the legal facts may have changed.
pub const STALE_AFTER_DAYS: i64 = 365;

impl LegalDate {
    /// The duty in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        let at = LANGS.iter().position(|l| *l == lang.code()).unwrap_or(0);
        self.texts[at]
    }

    /// Whether it binds this organisation, as far as the profile tells.
    pub fn concerns(&self, profile: &Profile) -> bool {
        self.binds.concerns(profile)
    }
}

/// The dated duty with this id, if the table has it.
pub fn date(id: &str) -> Option<&'static LegalDate> {
    DATES.iter().find(|d| d.id == id)
}

/// The dates that concern this profile, earliest first.
pub fn for_profile(profile: &Profile) -> Vec<&'static LegalDate> {
    let mut dates: Vec<&LegalDate> = DATES.iter().filter(|d| d.concerns(profile)).collect();
    crate::model::order::sort_by_key(&mut dates, |d| d.date.days_since_epoch());
    dates
}

/// The dates that bind this profile, each placed on the plan's weeks from `today` when it is
/// still ahead, earliest first.
pub fn milestones(profile: &Profile, today: Date) -> Vec<LegalMilestone> {
    for_profile(profile)
        .into_iter()
        .map(|duty| LegalMilestone {
            duty,
            week: (duty.date.days_since_epoch() > today.days_since_epoch())
                .then(|| (today.days_until(duty.date) / 7) as u32 + 1),
        })
        .collect()
}

/// Whether `today` is so long after the facts were checked that they may have changed.
pub fn is_stale(today: Date) -> bool {
    CHECKED.days_until(today) > STALE_AFTER_DAYS
}

/// "EU AI Act facts as of 6 December 2026", in `lang`.
pub fn as_of(lang: Lang) -> String {
    lang.f(
        msg!("EU AI Act facts as of {date}"),
        &[("date", &lang.date(CHECKED))],
    )
}

/// In French and Spanish one word names both the Act's provider and ISO/IEC 42001's supplier:
/// which one the dates mean.
pub fn term_note(lang: Lang) -> Option<&'static str> {
    let at = LANGS.iter().position(|l| *l == lang.code())?;
    Some(TERM_NOTES[at]).filter(|n| !n.is_empty())
}

/// The polite notice for facts more than a year old.
pub fn stale_notice(lang: Lang) -> String {
    lang.f(
        msg!("The EU AI Act facts in this check were last checked on {date}, more than a year ago. The law or its dates may have changed since: please check them with the host of this page."),
        &[("date", &lang.date(CHECKED))],
    )
}

/// An EU AI Act date that binds this organisation, placed beside the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegalMilestone {
    pub duty: &'static LegalDate,
    /// The week (counted from the start) it falls in, when it is still ahead; `None` when the
    /// duty already applies.
    pub week: Option<u32>,
}

impl LegalMilestone {
    /// "2 December 2027 (week 52): Duties … apply", or "Since 2 February 2025: …".
    pub fn text(&self, lang: Lang) -> String {
        let date = lang.date(self.duty.date);
        match self.week {
            Some(week) => lang.f(
                msg!("{date} (week {week} of the plan): {duty}"),
                &[
                    ("date", &date),
                    ("week", &week),
                    ("duty", &self.duty.text(lang)),
                ],
            ),
            None => lang.f(
                msg!("In force since {date}: {duty}"),
                &[("date", &date), ("duty", &self.duty.text(lang))],
            ),
        }
    }
}

//! The EU AI Act dates that bind this organisation, dated "as of" the facts' check, with a polite
//! notice, once a visit, when they are more than a year old; on the results and the roadmap.

use std::sync::atomic::{AtomicBool, Ordering};
use yew::prelude::*;

use crate::domain::model::date::Date;
use crate::domain::model::i18n::msg;
use crate::domain::model::regulation::{self, LegalMilestone};
use crate::ui::use_lang;

#[derive(Properties, PartialEq)]
pub struct LegalDatesProps {
    pub milestones: Vec<LegalMilestone>,
    pub today: Date,
    /// The roadmap's warning when the certificate would come after a binding date.
    #[prop_or_default]
    pub warning: Option<String>,
}

/// Whether this visit has shown the notice that the facts may be out of date: it is said once,
/// on the first legal section shown, and kept there while that section stays.
static STALE_SAID: AtomicBool = AtomicBool::new(false);

#[function_component(LegalDates)]
pub fn legal_dates(props: &LegalDatesProps) -> Html {
    let lang = use_lang();
    let today = props.today;
    let say_stale = *use_memo((), move |_| {
        regulation::is_stale(today) && !STALE_SAID.swap(true, Ordering::Relaxed)
    });
    let dates = props.milestones.iter().map(|m| {
        html! {
            <li data-duty={m.duty.id}>
                { m.text(lang) }{" "}
                <span class="muted">{ format!("({}; {})", m.duty.articles, m.duty.binds.label(lang)) }</span>
            </li>
        }
    });
    html! {
        <section class="legal" aria-labelledby="legal-title" data-testid="legal-dates">
            <h2 id="legal-title">{ lang.t(msg!("EU AI Act dates that bind the organisation")) }</h2>
            <p class="muted" data-testid="legal-as-of">{ regulation::as_of(lang) }</p>
            if say_stale {
                <p class="notice inline" role="status" data-testid="legal-stale">{ regulation::stale_notice(lang) }</p>
            }
            <ul class="legal-dates">{ for dates }</ul>
            if let Some(note) = regulation::term_note(lang) {
                <p class="muted" data-testid="legal-term-note">{ note }</p>
            }
            if let Some(warning) = &props.warning {
                <p class="notice inline error" data-testid="legal-warning">{ warning }</p>
            }
            <p>{ lang.t(msg!("Neither ISO/IEC 42001 nor its European edition EN ISO/IEC 42001:2026 is a harmonised standard under the EU AI Act, so neither gives a presumption of conformity. The quality-management standard written for the Act's Art. 17 is EN 18286.")) }</p>
        </section>
    }
}

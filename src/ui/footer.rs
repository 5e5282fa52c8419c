//! The footer: the disclaimer, the offline edition's link and "Your data", whose panel the
//! questions module draws (src/ui/later.rs) when it is first opened.

use yew::prelude::*;

use crate::domain::model::i18n::msg;
use crate::ui::components::YourDataProps;
use crate::ui::dispatch::Dispatch;
use crate::ui::later::{Answers, Later, View};
use crate::ui::use_lang;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub dispatch: Dispatch,
    /// What a reload would do to the answers (for the notice if "Your data" never arrives).
    pub answers: Answers,
    /// Whether the texts "Your data" shows are here (a first visit's start screen: not yet).
    pub arrived: bool,
}

#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    let lang = use_lang();
    // How many times "Your data" was opened or closed: the panel reads storage again each time.
    let toggled = use_state(|| 0u32);
    let refresh = {
        let toggled = toggled.clone();
        Callback::from(move |_: web_sys::Event| toggled.set(*toggled + 1))
    };
    let panel = YourDataProps {
        dispatch: props.dispatch.clone(),
        toggled: *toggled,
    };
    html! {
        <footer class="aims-footer">
            <p>
                <strong>{ lang.t(msg!("Indicative self-assessment.")) }</strong>{" "}
                { lang.t(msg!("This check estimates readiness from your own answers. It is not an audit and does not show conformity: certification of an AI management system is only credible from a body accredited for ISO/IEC 42001 (ISO/IEC 17021-1 and ISO/IEC 42006).")) }
                if let Some(note) = crate::domain::model::i18n::titles_note(lang) { {" "}{ note } }
            </p>
            if !offline_edition() {
                <p>
                    <a href="./aims-readiness-offline.html" download="aims-readiness-offline.html" data-testid="offline-download">
                        { lang.t(msg!("Download the offline edition")) }
                    </a>
                    { ": " }{ lang.t(msg!("one HTML file that runs this check with no network at all, opened straight from your disk.")) }
                </p>
            }
            <details class="your-data" ontoggle={refresh}>
                <summary>{ lang.t(msg!("Your data")) }</summary>
                if *toggled > 0 {
                    <Later view={View::YourData(panel)} answers={props.answers} dispatch={props.dispatch.clone()} arrived={props.arrived} />
                }
            </details>
        </footer>
    }
}

/// True inside the single-file offline edition (marked by a meta tag the build writes).
fn offline_edition() -> bool {
    gloo::utils::document()
        .query_selector("meta[name=\"aims-edition\"][content=\"offline\"]")
        .ok()
        .flatten()
        .is_some()
}

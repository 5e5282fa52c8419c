//! The start screen: what the check is, how long it takes, the privacy promise, and the questionnaire choice.

use std::rc::Rc;
use yew::prelude::*;

use crate::domain::catalogue::Entry;
use crate::ui::app::Dispatch;
use crate::ui::components::OpenFileButton;
use crate::ui::storage;
use crate::ui::sync::{open, Effects};

#[derive(Properties)]
pub struct StartProps {
    pub entries: Rc<Vec<Entry>>,
    pub dispatch: Dispatch,
    pub effects: Effects,
    pub on_file: Callback<web_sys::File>,
}

impl PartialEq for StartProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
            && self.effects == other.effects
            && self.on_file == other.on_file
    }
}

#[function_component(StartScreen)]
pub fn start_screen(props: &StartProps) -> Html {
    let cards = props.entries.iter().map(|entry| match &entry.questionnaire {
        Ok(q) => {
            let saved = storage::saved_answer_count(q);
            let items = q.items().count();
            let onclick = {
                let q = Rc::clone(q);
                let dispatch = props.dispatch.clone();
                let effects = props.effects.clone();
                Callback::from(move |_: MouseEvent| open(&dispatch, &effects, Rc::clone(&q), None))
            };
            html! {
                <li class="card questionnaire-card" data-questionnaire={q.id.clone()}>
                    <h3>{ &q.title }</h3>
                    <p>{ &q.summary }</p>
                    <p class="meta">
                        { format!("{items} questions · about {} minutes · version {}", q.minutes, q.version) }
                    </p>
                    if saved > 0 {
                        <p class="meta saved">{ format!("{saved} answers saved on this device") }</p>
                    }
                    <button type="button" class="button" {onclick}>
                        { if saved > 0 { format!("Continue the {}", q.title) } else { format!("Start the {}", q.title) } }
                    </button>
                </li>
            }
        }
        Err(errors) => html! {
            <li class="card broken" role="alert">
                <h3>{ format!("{} could not be loaded", entry.file) }</h3>
                <p>{"This questionnaire file has problems, so it is not offered:"}</p>
                <ul class="errors">{ for errors.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }</ul>
            </li>
        },
    });
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1">{"How ready is your AI management system for ISO/IEC 42001?"}</h1>
            <p class="lead">
                {"Answer a short questionnaire about your organisation's AI governance. You get a maturity score for each clause of the standard and each Annex A control area, the gaps that would stop a certification audit, and a phased roadmap to close them."}
            </p>
            <ul class="promises">
                <li><strong>{"Private. "}</strong>{"Everything runs in your browser. Your answers never leave this device."}</li>
                <li><strong>{"Quick. "}</strong>{"The quick scan takes about five minutes; you can stop and continue later."}</li>
                <li><strong>{"Honest. "}</strong>{"An indicative self-assessment, not an audit: it never claims that you conform."}</li>
            </ul>
            <h2>{"Choose a questionnaire"}</h2>
            <ul class="cards">{ for cards }</ul>
            <p class="open-saved">{"Have a saved assessment? "}<OpenFileButton on_file={props.on_file.clone()} class={classes!("button", "secondary")} />
                <span class="hint">{" or drop the .json file anywhere on this page."}</span></p>
        </section>
    }
}

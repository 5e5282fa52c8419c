//! The start screen: what the check is, how long it takes, the privacy promise, and the questionnaire choice.

use std::rc::Rc;
use yew::prelude::*;

use crate::domain::app::{Event, Purpose};
use crate::domain::catalogue;
use crate::domain::Questionnaire;
use crate::ui::components::OpenFileButton;
use crate::ui::dispatch::Dispatch;
use crate::ui::storage;
use crate::ui::use_lang;

#[derive(Properties)]
pub struct StartProps {
    /// The usable questionnaires, in the language on screen.
    pub questionnaires: Rc<Vec<Rc<Questionnaire>>>,
    pub dispatch: Dispatch,
}

impl PartialEq for StartProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.questionnaires, &other.questionnaires) && self.dispatch == other.dispatch
    }
}

#[function_component(StartScreen)]
pub fn start_screen(props: &StartProps) -> Html {
    let lang = use_lang();
    let offered = catalogue::offered(&props.questionnaires);
    let cards = offered.iter().map(|q| {
            let saved = storage::saved_answer_count(q);
            let items = q.items().count();
            let onclick = {
                let q = Rc::clone(q);
                let dispatch = props.dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Event::Choose(Rc::clone(&q))))
            };
            html! {
                <li class="card questionnaire-card" data-questionnaire={q.id.clone()}>
                    <h3>{ &q.title }</h3>
                    <p>{ &q.summary }</p>
                    <p class="meta">
                        { lang.f("{items} questions · about {minutes} minutes · version {version}", &[("items", &items), ("minutes", &q.minutes()), ("version", &q.version)]) }
                    </p>
                    if saved > 0 {
                        <p class="meta saved">{ lang.f("{n} answers saved on this device", &[("n", &saved)]) }</p>
                    }
                    <button type="button" class="button" {onclick}>
                        { if saved > 0 { lang.f("Continue the {title}", &[("title", &q.title)]) } else { lang.f("Start the {title}", &[("title", &q.title)]) } }
                    </button>
                </li>
            }
    });
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1">{ lang.t("How ready is your AI management system for ISO/IEC 42001?") }</h1>
            <p class="lead">
                { lang.t("Answer a short questionnaire about your organisation's AI governance. You get a maturity score for each clause of the standard and each Annex A control area, the gaps that would stop a certification audit, and a phased roadmap to close them.") }
            </p>
            <ul class="promises">
                <li><strong>{ lang.t("Private.") }</strong>{" "}{ lang.t("Everything runs in your browser. Your answers never leave this device.") }</li>
                if let Some(q) = offered.first() {
                    <li><strong>{ lang.t("Quick.") }</strong>{" "}{ lang.f("The {title} takes about {minutes} minutes; you can stop and continue later.", &[("title", &q.title), ("minutes", &q.minutes())]) }</li>
                }
                <li><strong>{ lang.t("Honest.") }</strong>{" "}{ lang.t("An indicative self-assessment, not an audit: it never claims that you conform.") }</li>
            </ul>
            <h2>{ lang.t("Choose a questionnaire") }</h2>
            <ul class="cards">{ for cards }</ul>
            <p class="open-saved">{ lang.t("Have a saved assessment?") }{" "}<OpenFileButton on_file={props.dispatch.file_reader(Purpose::Open)} class={classes!("button", "secondary")} />
                <span class="hint">{" "}{ lang.t("or drop the .json file anywhere on this page.") }</span></p>
        </section>
    }
}

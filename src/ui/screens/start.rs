//! The start screen: what the check is, how long it takes, the privacy promise, and the questionnaire choice.

use crate::domain::app::open;
use std::rc::Rc;
use yew::prelude::*;

use crate::domain::app::Purpose;
use crate::domain::host::welcome::welcome;
use crate::domain::model::i18n::{msg, Lang};
use crate::domain::model::questionnaire::Head;
use crate::ui::components::{open_file_button, OpenFile};
use crate::ui::dispatch::Dispatch;

pub struct StartProps {
    /// What the start screen shows of the usable questionnaires, in the language on screen
    /// (the questionnaires themselves may still be on their way: `Library`).
    pub questionnaires: Rc<Vec<Head>>,
    /// Answers stored on this device per questionnaire id (the runtime's survey).
    pub saved: Rc<std::collections::BTreeMap<String, usize>>,
    pub dispatch: Dispatch,
}

pub fn start_screen(props: &StartProps, lang: Lang) -> Html {
    let offered = props.questionnaires.iter().filter(|q| q.status.offered());
    let words = welcome(lang, offered.clone().next());
    let cards = offered.map(|q| {
            let saved = props.saved.get(&q.id).copied().unwrap_or(0);
            let items = q.items;
            let onclick = props.dispatch.send(open::Event::Pick { id: q.id.clone(), version: q.version.clone() });
            html! {
                <li class="card questionnaire-card" data-questionnaire={q.id.clone()}>
                    <h3>{ &q.title }</h3>
                    <p>{ &q.summary }</p>
                    <p class="meta">
                        { lang.f(msg!("{items} questions · about {minutes} minutes · version {version}"), &[("items", &items), ("minutes", &q.minutes), ("version", &q.version)]) }
                    </p>
                    if saved > 0 {
                        <p class="meta saved">{ lang.f(msg!("{n} answers saved on this device"), &[("n", &saved)]) }</p>
                    }
                    <button type="button" class="button" {onclick}>
                        { if saved > 0 { lang.f(msg!("Continue the {title}"), &[("title", &q.title)]) } else { lang.f(msg!("Start the {title}"), &[("title", &q.title)]) } }
                    </button>
                </li>
            }
    });
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1">{ words.heading }</h1>
            <p class="lead">{ words.lead }</p>
            <ul class="promises">
                { for words.promises.iter().map(|(word, text)| html! { <li><strong>{ *word }</strong>{" "}{ text }</li> }) }
            </ul>
            <h2>{ lang.t(msg!("Choose a questionnaire")) }</h2>
            <ul class="cards">{ for cards }</ul>
            <section class="workshop-entry" aria-labelledby="workshop-title">
                <h2 id="workshop-title">{ lang.t(msg!("Run a workshop")) }</h2>
                <p>{ lang.t(msg!("Each participant answers on their own device and saves a file. Open all their files here to see the answers side by side, discuss where they differ, and agree on one assessment. The files stay in this page.")) }</p>
                <p>{ open_file_button(props.dispatch.file_reader(Purpose::Team), OpenFile { class: "button secondary", label: msg!("Open the participants' files"), testid: "workshop-files", multiple: true }, lang) }</p>
            </section>
            <p class="open-saved">{ lang.t(msg!("Have a saved assessment?")) }{" "}{ open_file_button(props.dispatch.file_reader(Purpose::Open), OpenFile::saved("button secondary"), lang) }
                <span class="hint">{" "}{ lang.t(msg!("or drop the .json file anywhere on this page.")) }</span></p>
        </section>
    }
}

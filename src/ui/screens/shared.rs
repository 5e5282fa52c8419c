//! Shared results opened from a link: read-only results and roadmap, with the option to import them.

use crate::domain::app::shared;
use std::rc::Rc;
use yew::prelude::*;

use super::{ResultsScreen, RoadmapScreen};
use crate::domain::app::session::Session;
use crate::domain::formats::saved::Restored;
use crate::domain::model::date::Date;
use crate::domain::model::i18n::msg;
use crate::ui::dispatch::Dispatch;
use crate::ui::use_lang;

#[derive(Properties, PartialEq, Clone)]
pub struct SharedProps {
    pub shared: Rc<Restored>,
    pub today: Date,
    pub dispatch: Dispatch,
}

#[function_component(SharedView)]
pub fn shared_view(props: &SharedProps) -> Html {
    let lang = use_lang();
    let roadmap = use_state(|| false);
    let r = &props.shared;
    let session = Session {
        questionnaire: Rc::clone(&r.questionnaire),
        assessment: String::new(),
        profile: r.profile.clone(),
        answers: r.answers.clone(),
        notes: r.notes.clone(),
        people: r.people.clone(),
        section: 0,
        revision: 0,
    };
    let send = |event: crate::domain::app::Event| props.dispatch.send(event);
    let show = |on: bool| {
        let roadmap = roadmap.clone();
        Callback::from(move |_: MouseEvent| roadmap.set(on))
    };
    html! {
        <section class="shared" aria-labelledby="shared-title">
            <div class="notice shared-banner">
                <div>
                    <p id="shared-title" class="confirm-title">{ lang.f(msg!("Shared results: {title} ({n} answers), read-only"), &[("title", &r.questionnaire.title), ("n", &r.answers.len())]) }</p>
                    <p>{ lang.t(msg!("Someone sent you these results in a link. They were read from the link itself: nothing was fetched from a server. Your own answers on this device are untouched.")) }</p>
                </div>
                <div class="button-row">
                    <button type="button" class="button" onclick={send(shared::Event::Import.into())}>{ lang.t(msg!("Import these answers")) }</button>
                    <button type="button" class="button secondary" onclick={send(shared::Event::Close.into())}>{ lang.t(msg!("Close")) }</button>
                </div>
            </div>
            <div class="steps shared-tabs" role="group" aria-label={lang.t(msg!("Shared views"))}>
                <button type="button" class={if *roadmap { "step" } else { "step current" }} aria-pressed={(!*roadmap).to_string()} onclick={show(false)}>{ lang.t(msg!("Results")) }</button>
                <button type="button" class={if *roadmap { "step current" } else { "step" }} aria-pressed={roadmap.to_string()} onclick={show(true)}>{ lang.t(msg!("Roadmap")) }</button>
            </div>
            if *roadmap {
                <RoadmapScreen session={session} today={props.today} />
            } else {
                <ResultsScreen session={session} dispatch={props.dispatch.clone()} today={props.today} read_only=true />
            }
        </section>
    }
}

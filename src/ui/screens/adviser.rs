//! The adviser's sheet, laid out for printing: per gap what to ask the client, what evidence to
//! request and which answers look inconsistent.

use crate::domain::app::navigate;
use crate::domain::figures::text;
use yew::prelude::*;

use crate::domain::app::session::{Screen, Session};
use crate::domain::figures::advice::{checks, gaps, Gap};
use crate::domain::model::date::Date;
use crate::domain::model::i18n::{msg, Lang};
use crate::ui::dispatch::Dispatch;

#[derive(PartialEq, Clone)]
pub struct AdviserProps {
    pub session: Session,
    pub today: Date,
    pub dispatch: Dispatch,
}

pub fn adviser_screen(props: &AdviserProps, lang: Lang) -> Html {
    let s = &props.session;
    let q = &s.questionnaire;
    let all = checks(q, &s.profile, &s.answers);
    let gaps = gaps(q, &s.profile, &s.answers, &all);
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let row = |g: &Gap| {
        html! {
            <li class="gap" data-item={g.item.id.clone()}>
                <h3><span class="item-id">{ &g.item.id }</span>{" "}{ &g.item.title }
                    if g.item.blocker { {" "}<span class="badge blocker">{ lang.t(msg!("Certification blocker")) }</span> }</h3>
                <dl class="gap-facts">
                    <dt>{ lang.t(msg!("Now")) }</dt><dd>{ text::status_text(q, &g.status) }</dd>
                    <dt>{ lang.t(msg!("Ask")) }</dt><dd>{ &g.item.question }</dd>
                    if let Some((level, evidence)) = g.next {
                        <dt>{ lang.f(msg!("Evidence for level {level}"), &[("level", &level)]) }</dt><dd>{ evidence }</dd>
                    }
                    if !g.documents.is_empty() {
                        <dt>{ lang.t(msg!("Documents to request")) }</dt><dd>{ g.documents.join("; ") }</dd>
                    }
                    { for g.checks.iter().map(|c| html! { <><dt>{ lang.t(msg!("Check")) }</dt><dd data-testid="gap-check">{ &c.text }</dd></> }) }
                </dl>
            </li>
        }
    };
    html! {
        <article class="report adviser">
            <div class="button-row no-print" data-scroll-anchor="">
                <button type="button" class="button" data-testid="print" onclick={print}>{ lang.t(msg!("Print or save as PDF")) }</button>
                <button type="button" class="button secondary" onclick={props.dispatch.send(navigate::Event::Show(Screen::Results))}>{ lang.t(msg!("Back to the results")) }</button>
            </div>
            <h1 id="adviser-title" tabindex="-1">{ lang.f(msg!("Adviser's sheet: {title}"), &[("title", &q.title)]) }</h1>
            <p>{ lang.f(msg!("Version {version}, prepared {date}. For the conversation with the client: each gap with what to ask and what evidence to request."), &[("version", &q.version), ("date", &lang.date(props.today))]) }</p>
            { for s.people.lines(lang).into_iter().map(|line| html! { <p data-testid="people">{ line }</p> }) }
            <section aria-labelledby="gaps-title">
                <h2 id="gaps-title">{ lang.f(msg!("Gaps ({n})"), &[("n", &gaps.len())]) }</h2>
                <ol class="gaps">{ for gaps.iter().map(row) }</ol>
            </section>
            <section aria-labelledby="checks-title">
                <h2 id="checks-title">{ lang.t(msg!("Answers to check")) }</h2>
                if all.is_empty() {
                    <p>{ lang.t(msg!("No answer looks inconsistent with another or with the profile.")) }</p>
                } else {
                    <ul>{ for all.iter().map(|c| html! { <li>{ &c.text }</li> }) }</ul>
                }
            </section>
        </article>
    }
}

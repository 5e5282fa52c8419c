//! The printable report: cover, results, documents, roadmap timeline and tasks, notes, method and
//! assumptions on one page, laid out for the browser's print dialog ("Save as PDF").

use crate::domain::app::{edit, navigate};
use crate::domain::figures::text;
use crate::domain::model::answers::MAX_NAME_CHARS;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{ResultsScreen, RoadmapScreen};
use crate::domain::app::session::{Screen, Session};
use crate::domain::figures::applicability::exclusions;
use crate::domain::figures::roadmap::Roadmap;
use crate::domain::figures::scoring::Assessment;
use crate::domain::figures::summary::{summary, Summary};
use crate::domain::host::embed::EmbedConfig;
use crate::domain::model::date::Date;
use crate::domain::model::i18n::{msg, Lang};
use crate::ui::dispatch::Dispatch;
use crate::ui::use_lang;
use std::rc::Rc;

#[derive(Properties, PartialEq, Clone)]
pub struct ReportProps {
    pub session: Session,
    pub today: Date,
    pub dispatch: Dispatch,
}

#[function_component(ReportScreen)]
pub fn report_screen(props: &ReportProps) -> Html {
    let lang = use_lang();
    let s = &props.session;
    let p = &s.profile;
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(navigate::Event::Show(Screen::Results))
        })
    };
    let notes: Vec<Html> = s
        .questionnaire
        .items()
        .filter_map(|i| s.notes.get(&i.id).filter(|n| !n.is_empty()).map(|n| (i, n)))
        .map(|(i, n)| html! { <li><span class="item-id">{ &i.id }</span>{" "}<strong>{ &i.title }</strong><p class="note-text" dir="auto">{ n }</p></li> })
        .collect();
    let excluded = exclusions(&s.questionnaire, &s.profile, &s.answers);
    let config = use_context::<Rc<EmbedConfig>>().unwrap_or_default();
    let assessment = Assessment::compute(&s.questionnaire, p, &s.answers);
    let plan = Roadmap::plan(&s.questionnaire, p, &s.answers, props.today);
    let first = summary(&s.questionnaire, &assessment, &plan, lang);
    html! {
        <article class="report">
            <div class="button-row no-print" data-scroll-anchor="">
                <button type="button" class="button" data-testid="print" onclick={print}>{ lang.t(msg!("Print or save as PDF")) }</button>
                <button type="button" class="button secondary" onclick={back}>{ lang.t(msg!("Back to the results")) }</button>
            </div>
            <div class="report-details no-print">
                { name_field("report-organisation", lang.t(msg!("Organisation (optional)")), &s.people.organisation, &props.dispatch, edit::Event::SetOrganisation) }
                { name_field("report-prepared-by", lang.t(msg!("Prepared by (optional)")), &s.people.prepared_by, &props.dispatch, edit::Event::SetPreparedBy) }
            </div>
            <section class="report-cover" aria-labelledby="report-title">
                if config.logo.is_some() || config.host_name.is_some() {
                    <p class="report-host" data-testid="report-host">
                        if let Some(logo) = &config.logo { <img src={logo.clone()} alt={config.logo_alt.clone().unwrap_or_default()} /> }
                        if let Some(name) = &config.host_name { <span dir="auto">{ name }</span> }
                    </p>
                }
                <p class="eyebrow">{ lang.t(msg!("ISO/IEC 42001:2023 readiness report")) }</p>
                <h1 id="report-title" tabindex="-1">{ &s.questionnaire.title }</h1>
                <p>{ lang.f(msg!("Version {version} · prepared {date}"), &[("version", &s.questionnaire.version), ("date", &lang.date(props.today))]) }</p>
                { for s.people.lines(lang).into_iter().map(|line| html! { <p data-testid="people">{ line }</p> }) }
                <dl class="profile-summary">
                    { for text::organisation(p, lang).into_iter().map(|(label, value)| html! { <><dt>{ label }</dt><dd>{ value }</dd></> }) }
                </dl>
                <p class="disclaimer">{ lang.t(msg!("Indicative self-assessment based on the organisation's own answers. It is not an audit and not a statement of conformity; certification of an AI management system is only credible from a body accredited for ISO/IEC 42001 (ISO/IEC 17021-1 and ISO/IEC 42006).")) }</p>
                if let Some(note) = crate::domain::model::i18n::titles_note(lang) { <p class="disclaimer">{ note }</p> }
            </section>
            { summary_section(&first, lang) }
            <ResultsScreen session={s.clone()} dispatch={props.dispatch.clone()} today={props.today} read_only=true />
            <RoadmapScreen session={s.clone()} today={props.today} />
            if !excluded.is_empty() {
                <section class="report-exclusions" aria-labelledby="exclusions-title">
                    <h2 id="exclusions-title">{ lang.t(msg!("Controls excluded from the Statement of Applicability")) }</h2>
                    <ul class="notes-list">{ for excluded.iter().map(|e| html! {
                        <li data-item={e.id.clone()}><span class="item-id">{ &e.id }</span>{" "}<strong>{ &e.title }</strong>
                            <p class="note-text" dir="auto">{ &e.justification }</p></li>
                    }) }</ul>
                </section>
            }
            if !notes.is_empty() {
                <section class="report-notes" aria-labelledby="notes-title">
                    <h2 id="notes-title">{ lang.t(msg!("Notes and evidence")) }</h2>
                    <ul class="notes-list">{ for notes }</ul>
                </section>
            }
        </article>
    }
}

/// An optional name on the report's cover, kept exactly as typed (and saved with the answers).
fn name_field(
    id: &'static str,
    label: &str,
    value: &str,
    dispatch: &Dispatch,
    event: fn(String) -> edit::Event,
) -> Html {
    let dispatch = dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        dispatch.dispatch(event(input.value()));
    });
    html! {
        <div class="group">
            <label for={id} class="legend">{ label }</label>
            <input {id} type="text" maxlength={MAX_NAME_CHARS.to_string()} value={value.to_string()} {oninput} data-testid={id} />
        </div>
    }
}

/// The report's first page after the cover: readiness, blockers, the first actions, the timeline.
fn summary_section(first: &Summary, lang: Lang) -> Html {
    html! {
        <section class="report-summary" aria-labelledby="summary-title" data-testid="report-summary">
            <h2 id="summary-title">{ lang.t(msg!("Summary")) }</h2>
            <p>{ &first.readiness }</p>
            <p>{ &first.blockers }</p>
            if !first.actions.is_empty() {
                <h3>{ lang.t(msg!("First actions")) }</h3>
                <ol>{ for first.actions.iter().map(|a| html! { <li dir="auto">{ a }</li> }) }</ol>
            }
            <p>{ &first.timeline }</p>
            <ul>{ for first.phases.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
        </section>
    }
}

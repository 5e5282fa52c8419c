//! The results screen: readiness and band, blockers first, charts with tables, unknowns, and the method.

use crate::domain::app::navigate;
use crate::domain::app::{shared, workshop};
use crate::domain::figures::text;
use yew::prelude::*;

use super::questions::section_name;
use crate::domain::app::session::{Screen, Session};
use crate::domain::app::{Compared, Purpose};
use crate::domain::figures::advice;
use crate::domain::figures::comparison::Comparison;
use crate::domain::figures::documents::{checklist, required_in_place, DocumentRow};
use crate::domain::figures::explain::{self, gate_label};
use crate::domain::figures::scoring::{Assessment, Band, ItemStatus, OpenBlocker, SectionScore};
use crate::domain::figures::text::maturity_text;
use crate::domain::figures::text::percent_text;
use crate::domain::formats::export::Export;
use crate::domain::host::embed::{EmbedConfig, Moment};
use crate::domain::model::date::Date;
use crate::domain::model::i18n::{msg, Lang};
use crate::domain::model::profile::Screening;
use crate::domain::model::regulation;
use crate::domain::{Questionnaire, SectionKind};
use crate::ui::components::{bar_chart, Bar, LegalDates};
use crate::ui::components::{
    call_to_action, course_link, host_messages, open_file_button, HandoffPanel, OpenFile,
};
use crate::ui::dispatch::Dispatch;
use crate::ui::{use_after_first_paint, use_lang};
use std::rc::Rc;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultsProps {
    pub session: Session,
    pub dispatch: Dispatch,
    pub today: Date,
    /// Shared results and the printed report: no buttons that change or navigate the answers.
    #[prop_or_default]
    pub read_only: bool,
    /// The comparison with an earlier save, if one was opened.
    #[prop_or_default]
    pub compared: Option<Rc<Compared>>,
}

fn status_text(status: &ItemStatus, scale_label: impl Fn(u8) -> String, lang: Lang) -> String {
    match status {
        ItemStatus::Level(l) => lang.f(
            msg!("level {level}, {label}"),
            &[("level", l), ("label", &scale_label(*l))],
        ),
        ItemStatus::DontKnow => lang.t(msg!("don't know")).into(),
        ItemStatus::Unanswered => lang.t(msg!("not answered yet")).into(),
        ItemStatus::NeedsJustification => lang
            .t(msg!("not applicable, but no justification yet"))
            .into(),
        ItemStatus::NotApplicable => lang.t(msg!("not applicable")).into(),
        ItemStatus::Hidden => lang.t(msg!("not asked")).into(),
    }
}

/// Index of the section that holds `item` (for "review this answer" links and flagged bars).
fn section_of(q: &Questionnaire, item: &str) -> usize {
    q.sections
        .iter()
        .position(|s| s.items.iter().any(|i| i.id == item))
        .unwrap_or(0)
}

/// One certification blocker: its item, why it blocks, the audit stage it stops, and (where the
/// answers can change) the way back to it.
fn blocker_item(b: &OpenBlocker, q: &Questionnaire, props: &ResultsProps, lang: Lang) -> Html {
    let gate_label = gate_label(q);
    let scale_label = |l: u8| q.scale.levels[usize::from(l)].label.to_lowercase();
    let send = |event: crate::domain::app::Event| props.dispatch.send(event);
    html! {
        <li data-item={b.id.clone()}>
            <span class="item-id">{ &b.id }</span>{" "}<strong>{ &b.title }</strong>
            <span class="blocker-status">{" "}{ explain::blocker_reason(q, b, lang).unwrap_or_else(|| lang.f(msg!("is {status}; it must be at least \"{gate}\"."), &[("status", &status_text(&b.status, scale_label, lang)), ("gate", &gate_label)])) }</span>
            {" "}<span class={format!("badge stage {}", b.stage.key())} data-testid="blocker-stage">{ b.stage.stops(lang) }</span>
            {" "}
            if !props.read_only {
                <button type="button" class="link-button small" data-testid="review-answer" onclick={send(navigate::Event::ShowItem(b.id.clone()).into())}>{ lang.t(msg!("Review this answer")) }</button>
            }
        </li>
    }
}

#[function_component(ResultsScreen)]
pub fn results_screen(props: &ResultsProps) -> Html {
    let lang = use_lang();
    let config = use_context::<Rc<EmbedConfig>>().unwrap_or_default();
    let complete = use_after_first_paint();
    let session = &props.session;
    let q = &session.questionnaire;
    let a = Rc::new(Assessment::compute(q, &session.profile, &session.answers));
    let gate_label = gate_label(q);
    let send = |event: crate::domain::app::Event| props.dispatch.send(event);
    let blockers = a.blockers.iter().map(|b| blocker_item(b, q, props, lang));
    let overall = a.percent();
    // Reaching the results, for a host that asked for events (never the shared view or print).
    let completed = (!props.read_only).then(|| (q.id.clone(), Some(a.band)));
    crate::ui::hooks::use_tell_host(None, Moment::Completed, completed);

    html! {
        <section class="results" aria-labelledby="results-title">
            // Shared results and the printed report speak of the organisation, not to "you".
            <h1 id="results-title" tabindex="-1">{ if props.read_only { lang.t(msg!("Readiness")) } else { lang.t(msg!("Your readiness")) } }</h1>
            // The printed report says it on its cover.
            if !props.read_only {
                { for session.people.lines(lang).into_iter().map(|line| html! { <p class="muted" data-testid="people">{ line }</p> }) }
            }
            <div class={format!("summary band-{}", a.band.key())}>
                <p class="score"><span data-testid="overall-percent">{ overall.map_or(lang.t(msg!("n/a")).into(), |p| p.to_string()) }</span>
                    if overall.is_some() { <span class="unit">{ lang.percent_sign() }</span> }</p>
                <div>
                    <p class="band" data-testid="band">{ a.band.label(lang) }</p>
                    if let Some(text) = explain::cap_text(q, &a, lang) {
                        <p class="capped" data-testid="capped">{ text }</p>
                    }
                    <p class="disclaimer">{ lang.t(msg!("Indicative self-assessment based on the organisation's own answers. It is not an audit and not a statement of conformity.")) }</p>
                </div>
            </div>
            { call_to_action(&config) }
            { host_messages(&config, &a) }
            if !props.read_only {
                <HandoffPanel session={session.clone()} assessment={Rc::clone(&a)} today={props.today} dispatch={props.dispatch.clone()} />
            }
            if matches!(session.profile.prohibited, Some(Screening::Yes | Screening::NotSure)) {
                <p class="notice inline error" role="alert" data-testid="prohibited">
                    { lang.t(msg!("The profile says an AI use may be a practice the EU AI Act prohibits (Art. 5). Settle that before anything else: a management system cannot make a prohibited practice acceptable, and the roadmap starts with this screening.")) }
                </p>
            }
            if !a.unanswered.is_empty() {
                <p class="notice inline" role="status">
                    { lang.f(msg!("{n} of {total} questions are not answered yet and count as not in place."), &[("n", &a.unanswered.len()), ("total", &a.applicable)]) }{" "}
                    if !props.read_only {
                        <button type="button" class="link-button" onclick={send(navigate::Event::Show(Screen::Questions).into())}>{ lang.t(msg!("Go back to the questions")) }</button>
                    }
                </p>
            }
            { please_check(session, props.read_only, &props.dispatch, lang) }
            // Read-only (printed report, shared view), the roadmap below lists them with the plan.
            if !props.read_only {
                <LegalDates milestones={regulation::milestones(&session.profile, props.today)} today={props.today} />
            }
            if !a.blockers.is_empty() {
                <section class="blockers" aria-labelledby="blockers-title">
                    <h2 id="blockers-title">{ lang.f(msg!("Certification blockers ({n})"), &[("n", &a.blockers.len())]) }</h2>
                    <p>{ lang.f(msg!("A certification body will expect each of these records at \"{gate}\" or better. A missing stage 1 record keeps the result at \"{stage1}\"; a missing stage 2 record at \"{stage2}\", whatever the average says."), &[("gate", &gate_label), ("stage1", &Band::NotReady.label(lang)), ("stage2", &Band::Stage1Ready.label(lang))]) }</p>
                    <ul class="blocker-list">{ for blockers }</ul>
                </section>
            }
            // Score, band and blockers come first; the charts, tables and exports arrive one frame
            // later, in the screen's second render, so the click that opened the results is
            // answered within a frame (see `use_after_first_paint`).
            { if complete {
                results_details(props, &a, &config, lang)
            } else { Html::default() } }
        </section>
    }
}

/// The bars of a maturity chart: one per applicable section of `kind`, flagged where a
/// certification blocker is open (the screen's charts and the Word report's pictures).
pub fn bars(a: &Assessment, q: &Questionnaire, kind: SectionKind) -> Vec<Bar> {
    let blocked: Vec<&str> = a
        .blockers
        .iter()
        .filter_map(|b| q.sections.get(section_of(q, &b.id)).map(|s| s.id.as_str()))
        .collect();
    a.sections
        .iter()
        .filter(|s| s.kind == kind && s.applicable > 0)
        .map(|s| Bar {
            label: s.id.clone(),
            percent: s.percent(),
            flagged: blocked.contains(&s.id.as_str()),
        })
        .collect()
}

/// Everything below the blockers: charts with tables, unknowns, documents, exports and the
/// method; `a` is the summary's assessment, computed once.
fn results_details(props: &ResultsProps, a: &Assessment, config: &EmbedConfig, lang: Lang) -> Html {
    let session = &props.session;
    let q = &session.questionnaire;
    let gate_label = gate_label(q);
    let send = |event: crate::domain::app::Event| props.dispatch.send(event);
    let bars = |kind: SectionKind| bars(a, q, kind);
    let unknowns = a.unknowns.iter().map(|(id, title)| {
        html! {
            <li><span class="item-id">{ id }</span>{" "}{ title }</li>
        }
    });
    html! { <>
            <section aria-labelledby="clauses-title">
                <h2 id="clauses-title">{ lang.t(msg!("Maturity by clause")) }</h2>
                <div class="chart-and-table">
                    { bar_chart(lang.t(msg!("Score by clause, 4 to 10")), &bars(SectionKind::Clause), lang) }
                    { score_table(a, q, SectionKind::Clause, lang.t(msg!("Clauses 4-10 (every clause applies to every organisation)")), config, lang) }
                </div>
            </section>
            <section aria-labelledby="areas-title">
                <h2 id="areas-title">{ lang.t(msg!("Maturity by Annex A area")) }</h2>
                <div class="chart-and-table">
                    { bar_chart(lang.t(msg!("Score by Annex A area, A.2 to A.10")), &bars(SectionKind::Annex), lang) }
                    { score_table(a, q, SectionKind::Annex, lang.t(msg!("Annex A control areas")), config, lang) }
                </div>
            </section>
            if !a.unknowns.is_empty() {
                <section class="unknowns" aria-labelledby="unknowns-title">
                    <h2 id="unknowns-title">{ lang.f(msg!("Things to find out ({n})"), &[("n", &a.unknowns.len())]) }</h2>
                    <p>{ lang.t(msg!("Answered \"don't know\": these score as not in place until someone finds out; the roadmap starts with them.")) }</p>
                    <ul>{ for unknowns }</ul>
                </section>
            }
            { documents(session, &gate_label, lang) }
            { if props.read_only { Html::default() } else {
                html! { <Exports questionnaire={Rc::clone(&props.session.questionnaire)} dispatch={props.dispatch.clone()} today={props.today} compared={props.compared.clone()} /> }
            } }
            <details class="method" open={props.read_only}>
                <summary>{ lang.t(msg!("How these scores were computed")) }</summary>
                <ul>
                    { for explain::method(q, a, lang).into_iter().enumerate().map(|(n, line)| html! {
                        <li data-testid={(n == 3).then_some("overall-method")}>{ line }</li>
                    }) }
                </ul>
            </details>
            if !props.read_only {
                <div class="button-row">
                    <button type="button" class="button" data-testid="to-roadmap" onclick={send(navigate::Event::Show(Screen::Roadmap).into())}>{ lang.t(msg!("See your roadmap")) }</button>
                    <button type="button" class="button secondary" onclick={send(navigate::Event::Show(Screen::Questions).into())}>{ lang.t(msg!("Change answers")) }</button>
                </div>
            }
    </> }
}

#[derive(Properties, PartialEq)]
struct ExportProps {
    dispatch: Dispatch,
    today: Date,
    questionnaire: Rc<Questionnaire>,
    compared: Option<Rc<Compared>>,
}

/// The open assessment beside an earlier save: overall, per section, and every changed answer.
fn comparison_view(q: &Questionnaire, label: &str, c: &Comparison, lang: Lang) -> Html {
    let percent = |p: Option<u32>| percent_text(p, lang);
    html! {
        <div class="comparison" data-testid="comparison">
            <h3>{ lang.f(msg!("Compared with {label}"), &[("label", &label)]) }</h3>
            <p>{ lang.f(msg!("Overall: {then} then, {now} now."), &[("then", &percent(c.then)), ("now", &percent(c.now))]) }</p>
            <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores">
                <caption>{ lang.t(msg!("Change per clause and Annex A area")) }</caption>
                <thead><tr><th scope="col">{ lang.t(msg!("Section")) }</th><th scope="col" class="num">{ lang.t(msg!("Then")) }</th><th scope="col" class="num">{ lang.t(msg!("Now")) }</th><th scope="col" class="num">{ lang.t(msg!("Change (points)")) }</th></tr></thead>
                <tbody>{ for c.sections.iter().map(|x| html! {
                    <tr data-section={x.id.clone()}><th scope="row">{ format!("{} {}", x.id, x.title) }</th><td class="num">{ percent(x.then) }</td><td class="num">{ percent(x.now) }</td><td class="num" data-col="delta">{ x.delta_text() }</td></tr>
                }) }</tbody>
            </table></div>
            if c.items.is_empty() {
                <p>{ lang.t(msg!("No answer has changed.")) }</p>
            } else {
                <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores">
                    <caption>{ lang.f(msg!("{n} changed answers"), &[("n", &c.items.len())]) }</caption>
                    <thead><tr><th scope="col">{ lang.t(msg!("Item")) }</th><th scope="col">{ lang.t(msg!("Then")) }</th><th scope="col">{ lang.t(msg!("Now")) }</th><th scope="col">{ lang.t(msg!("Change")) }</th></tr></thead>
                    <tbody>{ for c.items.iter().map(|x| html! {
                        <tr data-item={x.id.clone()}>
                            <th scope="row">{ format!("{} {}", x.id, x.title) }</th>
                            <td>{ text::status_text(q, &x.then) }</td><td>{ text::status_text(q, &x.now) }</td>
                            <td class={format!("change {}", x.change.key())}>{ x.change.label(lang) }</td>
                        </tr>
                    }) }</tbody>
                </table></div>
            }
        </div>
    }
}

/// Exports, printing and the comparison with an earlier save.
#[function_component(Exports)]
fn exports_panel(props: &ExportProps) -> Html {
    let lang = use_lang();
    let start = use_state(|| props.today);
    let export = |export: Export| props.dispatch.send(shared::Event::Export(export));
    let share = |export: Export| props.dispatch.send(shared::Event::Share(export));
    let can_share = crate::ui::files::can_share_files();
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: web_sys::Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(d) = Date::parse(&input.value()) {
                start.set(d);
            }
        })
    };
    let compared = props
        .compared
        .as_ref()
        .map(|c| comparison_view(&props.questionnaire, &c.label, &c.comparison, lang));
    html! {
        <section class="exports" aria-labelledby="exports-title">
            <h2 id="exports-title">{ lang.t(msg!("Take your results with you")) }</h2>
            <p>{ lang.t(msg!("Every file is made in this browser; nothing is uploaded.")) }</p>
            <div class="button-row">
                <button type="button" class="button" data-testid="to-report" onclick={props.dispatch.send(navigate::Event::Show(Screen::Report))}>{ lang.t(msg!("Printable report (PDF)")) }</button>
                <button type="button" class="button secondary" data-testid="export-xlsx" onclick={export(Export::Workbook(*start))}>{ lang.t(msg!("Workbook (Excel)")) }</button>
                <button type="button" class="button secondary" data-testid="export-gap" onclick={export(Export::GapRegister)}>{ lang.t(msg!("Gap register (CSV)")) }</button>
                <button type="button" class="button secondary" data-testid="export-soa" onclick={export(Export::StatementOfApplicability)}>{ lang.t(msg!("Statement of Applicability, draft (CSV)")) }</button>
                <button type="button" class="button secondary" data-testid="export-roadmap" onclick={export(Export::RoadmapCsv)}>{ lang.t(msg!("Roadmap (CSV)")) }</button>
                <button type="button" class="button secondary" data-testid="export-docx" onclick={export(Export::WordReport)}>{ lang.t(msg!("Report (Word)")) }</button>
                <button type="button" class="button secondary" data-testid="export-md" onclick={export(Export::Markdown)}>{ lang.t(msg!("Report (Markdown)")) }</button>
            </div>
            if can_share {
                <p>{ lang.t(msg!("Or send them from this device with its share sheet (mail, messengers, cloud drives): nothing goes through this site.")) }</p>
                <div class="button-row">
                    <button type="button" class="button secondary" data-testid="share-xlsx" onclick={share(Export::Workbook(*start))}>{ lang.t(msg!("Share the workbook")) }</button>
                    <button type="button" class="button secondary" data-testid="share-save" onclick={share(Export::SaveFile)}>{ lang.t(msg!("Share the save file")) }</button>
                </div>
            }
            <p>{ lang.t(msg!("For an adviser or consultant: per gap what to ask and what evidence to request.")) }</p>
            <div class="button-row">
                <button type="button" class="button secondary" data-testid="to-adviser" onclick={props.dispatch.send(navigate::Event::Show(Screen::Adviser))}>{ lang.t(msg!("Adviser's sheet (print)")) }</button>
                <button type="button" class="button secondary" data-testid="export-adviser-docx" onclick={export(Export::WordAdviserSheet)}>{ lang.t(msg!("Adviser's sheet (Word)")) }</button>
                <button type="button" class="button secondary" data-testid="export-adviser" onclick={export(Export::AdviserSheet)}>{ lang.t(msg!("Adviser's sheet (Markdown)")) }</button>
            </div>
            <p>{ lang.t(msg!("For CISO Assistant (GRC): the audit of its ISO/IEC 42001 library and the roadmap as applied controls.")) }</p>
            <div class="button-row">
                <button type="button" class="button secondary" data-testid="export-ciso-audit" onclick={export(Export::CisoAudit)}>{ lang.t(msg!("CISO Assistant audit (CSV)")) }</button>
                <button type="button" class="button secondary" data-testid="export-ciso-controls" onclick={export(Export::CisoControls(*start))}>{ lang.t(msg!("CISO Assistant applied controls (CSV)")) }</button>
            </div>
            <div class="calendar-export">
                <label for="calendar-start">{ lang.t(msg!("The plan's dates (calendar and workbook) start on")) }</label>
                <input id="calendar-start" type="date" value={start.to_string()} onchange={on_start} />
                <button type="button" class="button secondary" data-testid="export-ics" onclick={export(Export::Calendar(*start))}>{ lang.t(msg!("Download calendar (.ics)")) }</button>
            </div>
            <p class="team-open">{ lang.t(msg!("Several people answered? Put their save files side by side, see where they disagree and agree on one assessment:")) }{" "}<button type="button" class="button secondary" data-testid="open-team" onclick={props.dispatch.send(workshop::Event::Open)}>{ lang.t(msg!("Compare respondents")) }</button></p>
            <p class="compare-open">{ lang.t(msg!("See what changed since an earlier save (nothing is replaced):")) }{" "}{ open_file_button(props.dispatch.file_reader(Purpose::Compare), OpenFile { class: "button secondary", label: msg!("Compare with a saved file"), testid: "compare-file", multiple: false }, lang) }</p>
            { compared.unwrap_or_default() }
        </section>
    }
}

/// The scores of one kind of section as a table: maturity, score, points, answered, N/A, unknown.
fn score_table(
    a: &Assessment,
    q: &Questionnaire,
    kind: SectionKind,
    caption: &str,
    config: &EmbedConfig,
    lang: Lang,
) -> Html {
    let rows = a.sections.iter().filter(|s| s.kind == kind && s.applicable > 0).map(|s: &SectionScore| html! {
        <tr data-section={s.id.clone()}>
            <th scope="row">{ section_name(&s.id, s.kind, lang) }<span class="row-title">{ &s.title }</span>{ course_link(config, &s.id, lang) }</th>
            <td class="num" data-col="maturity">{ maturity_text(s.maturity_tenths(), lang) }</td>
            <td class="num" data-col="percent">{ percent_text(s.percent(), lang) }</td>
            <td class="num" data-col="points">{ format!("{} / {}", s.points, s.max_points) }</td>
            <td class="num" data-col="answered">{ format!("{} / {}", s.answered, s.applicable) }</td>
            <td class="num" data-col="na">{ s.not_applicable }</td>
            <td class="num" data-col="dont-know">{ s.dont_know }</td>
        </tr>
    });
    html! {
        <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores">
            <caption>{ caption.to_string() }</caption>
            <thead><tr>
                <th scope="col">{ lang.t(msg!("Section")) }</th>
                <th scope="col" class="num">{ lang.f(msg!("Maturity (0-{top})"), &[("top", &q.scale.top())]) }</th>
                <th scope="col" class="num">{ lang.t(msg!("Score")) }</th>
                <th scope="col" class="num">{ lang.t(msg!("Points")) }</th>
                <th scope="col" class="num">{ lang.t(msg!("Answered")) }</th>
                <th scope="col" class="num"><abbr title={lang.t(msg!("Not applicable"))}>{ lang.t(msg!("N/A")) }</abbr></th>
                <th scope="col" class="num">{ lang.t(msg!("Don't know")) }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table></div>
    }
}

/// The documents the standard requires and those auditors expect, with their status.
fn documents(session: &Session, gate_label: &str, lang: Lang) -> Html {
    let documents = checklist(&session.questionnaire, &session.profile, &session.answers);
    let rows = |mandatory: bool| {
        documents.iter().filter(|d| d.mandatory == mandatory).map(|d: &DocumentRow| html! {
            <tr data-document={d.id.clone()}>
                <th scope="row">{ &d.title }</th>
                <td><span class={format!("status {}", d.status.key())}>{ d.status.label(lang) }</span></td>
                <td class="muted">{ d.items.join(", ") }</td>
            </tr>
        }).collect::<Html>()
    };
    let (in_place, required) = required_in_place(&documents);
    html! {
            <section class="documents" aria-labelledby="documents-title">
                <h2 id="documents-title">{ lang.t(msg!("Documents the certification needs")) }</h2>
                <p>{ lang.f(msg!("{n} of the {total} documents the standard requires are in place, judging by the answers. A document is in place when every question that produces it is at \"{gate}\" or better, and partial when some work exists."), &[("n", &in_place), ("total", &required), ("gate", &gate_label)]) }</p>
                <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores documents-table">
                    <caption>{ lang.t(msg!("Required by ISO/IEC 42001")) }</caption>
                    <thead><tr><th scope="col">{ lang.t(msg!("Document")) }</th><th scope="col">{ lang.t(msg!("Status")) }</th><th scope="col">{ lang.t(msg!("From questions")) }</th></tr></thead>
                    <tbody>{ rows(true) }</tbody>
                </table></div>
                <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores documents-table">
                    <caption>{ lang.t(msg!("Not named by the standard, but every auditor asks for them")) }</caption>
                    <thead><tr><th scope="col">{ lang.t(msg!("Document")) }</th><th scope="col">{ lang.t(msg!("Status")) }</th><th scope="col">{ lang.t(msg!("From questions")) }</th></tr></thead>
                    <tbody>{ rows(false) }</tbody>
                </table></div>
            </section>
    }
}

/// Gentle hints where answers look inconsistent (the adviser's sheet lists the same checks).
fn please_check(session: &Session, read_only: bool, dispatch: &Dispatch, lang: Lang) -> Html {
    let found = advice::checks(&session.questionnaire, &session.profile, &session.answers);
    if found.is_empty() {
        return Html::default();
    }
    html! {
        <section class="please-check" aria-labelledby="please-check-title" data-testid="please-check">
            <h2 id="please-check-title">{ lang.t(msg!("Please check")) }</h2>
            <p>{ lang.t(msg!("These answers rarely go together. They may be right; if not, correcting them makes the result more reliable.")) }</p>
            <ul>{ for found.iter().map(|c| html! {
                <li data-item={c.items[0].clone()}>{ &c.text }{" "}
                    if !read_only {
                        <button type="button" class="link-button small" onclick={dispatch.send(navigate::Event::ShowItem(c.items[0].clone()))}>{ lang.t(msg!("Review this answer")) }</button>
                    }
                </li>
            }) }</ul>
        </section>
    }
}

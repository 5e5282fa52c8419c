//! The results screen: readiness and band, blockers first, charts with tables, unknowns, and the method.

use yew::prelude::*;

use super::questions::section_name;
use crate::domain::date::Date;
use crate::domain::documents::{checklist, DocumentRow};
use crate::domain::report::{self, Comparison};
use crate::domain::roadmap::Roadmap;
use crate::domain::saved::{self, Source, MAX_SAVED_BYTES};
use crate::domain::scoring::{Assessment, ItemStatus, SectionScore};
use crate::domain::session::{Event, Screen, Session};
use crate::domain::SectionKind;
use crate::ui::app::Dispatch;
use crate::ui::components::{Bar, BarChart};
use crate::ui::components::{CallToActionLink, CourseLink, OpenFileButton};
use crate::ui::files::{self, ReadError};
use std::rc::Rc;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub session: Session,
    pub dispatch: Dispatch,
    pub today: Date,
    /// Shared results and the printed report: no buttons that change or navigate the answers.
    #[prop_or_default]
    pub read_only: bool,
}

fn tenths_text(tenths: Option<u32>) -> String {
    tenths.map_or("n/a".into(), |t| format!("{}.{}", t / 10, t % 10))
}

fn percent_text(percent: Option<u32>) -> String {
    percent.map_or("n/a".into(), |p| format!("{p}%"))
}

fn status_text(status: &ItemStatus, scale_label: impl Fn(u8) -> String) -> String {
    match status {
        ItemStatus::Level(l) => format!("level {l}, {}", scale_label(*l)),
        ItemStatus::DontKnow => "don't know".into(),
        ItemStatus::Unanswered => "not answered yet".into(),
        ItemStatus::NeedsJustification => "not applicable, but no justification yet".into(),
        ItemStatus::NotApplicable => "not applicable".into(),
        ItemStatus::Hidden => "not asked".into(),
    }
}

#[function_component(ResultsScreen)]
pub fn results_screen(props: &ResultsProps) -> Html {
    let session = &props.session;
    let q = &session.questionnaire;
    let a = Assessment::compute(q, &session.profile, &session.answers);
    let gate_label = q.scale.levels[usize::from(q.scale.gate_level)]
        .label
        .to_lowercase();
    let scale_label = |l: u8| q.scale.levels[usize::from(l)].label.to_lowercase();
    let send = |event: Event| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(event.clone()))
    };
    let section_of = |item: &str| {
        q.sections
            .iter()
            .position(|s| s.items.iter().any(|i| i.id == item))
            .unwrap_or(0)
    };
    let blocked_sections: Vec<&str> = a
        .blockers
        .iter()
        .filter_map(|b| q.sections.get(section_of(&b.id)).map(|s| s.id.as_str()))
        .collect();
    let bars = |kind: SectionKind| -> Vec<Bar> {
        a.sections
            .iter()
            .filter(|s| s.kind == kind && s.applicable > 0)
            .map(|s| Bar {
                label: s.id.clone(),
                percent: s.percent(),
                flagged: blocked_sections.contains(&s.id.as_str()),
            })
            .collect()
    };
    let table = |kind: SectionKind, caption: &str| {
        let rows = a.sections.iter().filter(|s| s.kind == kind && s.applicable > 0).map(|s: &SectionScore| html! {
            <tr data-section={s.id.clone()}>
                <th scope="row">{ section_name(&s.id, s.kind) }<span class="row-title">{ &s.title }</span><CourseLink target={s.id.clone()} /></th>
                <td class="num" data-col="maturity">{ tenths_text(s.maturity_tenths()) }</td>
                <td class="num" data-col="percent">{ percent_text(s.percent()) }</td>
                <td class="num" data-col="points">{ format!("{} / {}", s.points, s.max_points) }</td>
                <td class="num" data-col="answered">{ format!("{} / {}", s.answered, s.applicable) }</td>
                <td class="num" data-col="na">{ s.not_applicable }</td>
                <td class="num" data-col="dont-know">{ s.dont_know }</td>
            </tr>
        });
        html! {
            <div class="table-scroll"><table class="scores">
                <caption>{ caption.to_string() }</caption>
                <thead><tr>
                    <th scope="col">{"Section"}</th>
                    <th scope="col" class="num">{ format!("Maturity (0-{})", q.scale.top()) }</th>
                    <th scope="col" class="num">{"Score"}</th>
                    <th scope="col" class="num">{"Points"}</th>
                    <th scope="col" class="num">{"Answered"}</th>
                    <th scope="col" class="num"><abbr title="Not applicable">{"N/A"}</abbr></th>
                    <th scope="col" class="num">{"Don't know"}</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        }
    };
    let blockers = a.blockers.iter().map(|b| html! {
        <li data-item={b.id.clone()}>
            <span class="item-id">{ &b.id }</span>{" "}<strong>{ &b.title }</strong>
            <span class="blocker-status">{ format!(" is {}; it must be at least \"{}\".", status_text(&b.status, scale_label), gate_label) }</span>
            {" "}
            if !props.read_only {
                <button type="button" class="link-button small" onclick={send(Event::ShowSection(section_of(&b.id)))}>{"Review this answer"}</button>
            }
        </li>
    });
    let unknowns = a.unknowns.iter().map(|(id, title)| {
        html! {
            <li><span class="item-id">{ id }</span>{" "}{ title }</li>
        }
    });
    let overall = a.percent();
    let documents = checklist(q, &session.profile, &session.answers);
    let document_rows = |mandatory: bool| {
        documents.iter().filter(|d| d.mandatory == mandatory).map(|d: &DocumentRow| html! {
            <tr data-document={d.id.clone()}>
                <th scope="row">{ &d.title }</th>
                <td><span class={classes!("status", d.status.key())}>{ d.status.label() }</span></td>
                <td class="muted">{ d.items.join(", ") }</td>
            </tr>
        }).collect::<Html>()
    };
    let documents_in_place = documents
        .iter()
        .filter(|d| d.mandatory && d.status == crate::domain::documents::DocumentStatus::InPlace)
        .count();
    let documents_mandatory = documents.iter().filter(|d| d.mandatory).count();

    html! {
        <section class="results" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1">{"Your readiness"}</h1>
            <div class={classes!("summary", format!("band-{}", a.band.key()))}>
                <p class="score"><span data-testid="overall-percent">{ overall.map_or("n/a".into(), |p| p.to_string()) }</span>
                    if overall.is_some() { <span class="unit">{"%"}</span> }</p>
                <div>
                    <p class="band" data-testid="band">{ a.band.label() }</p>
                    if a.is_capped() {
                        <p class="capped">{ format!("Your average alone would read \"{}\", but {} certification blocker{} must reach \"{}\" first.",
                            a.uncapped_band.label(), a.blockers.len(), if a.blockers.len() == 1 { "" } else { "s" }, gate_label) }</p>
                    }
                    <p class="disclaimer">{"An indicative self-assessment based on your answers, not an audit result and not a statement of conformity."}</p>
                </div>
            </div>
            <CallToActionLink />
            if !a.unanswered.is_empty() {
                <p class="notice inline" role="status">
                    { format!("{} of {} questions are not answered yet and count as not in place. ", a.unanswered.len(), a.applicable) }
                    if !props.read_only {
                        <button type="button" class="link-button" onclick={send(Event::Show(Screen::Questions))}>{"Go back to the questions"}</button>
                    }
                </p>
            }
            if !a.blockers.is_empty() {
                <section class="blockers" aria-labelledby="blockers-title">
                    <h2 id="blockers-title">{ format!("Certification blockers ({})", a.blockers.len()) }</h2>
                    <p>{ format!("A certification body will expect each of these at \"{gate_label}\" or better before an audit. Until then the result is capped at \"not ready for a certification audit\", whatever the average says.") }</p>
                    <ul class="blocker-list">{ for blockers }</ul>
                </section>
            }
            <section aria-labelledby="clauses-title">
                <h2 id="clauses-title">{"Maturity by clause"}</h2>
                <div class="chart-and-table">
                    <BarChart title="Score by clause, 4 to 10" bars={bars(SectionKind::Clause)} />
                    { table(SectionKind::Clause, "Clauses 4-10 (every clause applies to every organisation)") }
                </div>
            </section>
            <section aria-labelledby="areas-title">
                <h2 id="areas-title">{"Maturity by Annex A area"}</h2>
                <div class="chart-and-table">
                    <BarChart title="Score by Annex A area, A.2 to A.10" bars={bars(SectionKind::Annex)} />
                    { table(SectionKind::Annex, "Annex A control areas") }
                </div>
            </section>
            if !a.unknowns.is_empty() {
                <section class="unknowns" aria-labelledby="unknowns-title">
                    <h2 id="unknowns-title">{ format!("Things to find out ({})", a.unknowns.len()) }</h2>
                    <p>{"You answered \"don't know\" here. They score as not in place until you find out; the roadmap starts with them."}</p>
                    <ul>{ for unknowns }</ul>
                </section>
            }
            <section class="documents" aria-labelledby="documents-title">
                <h2 id="documents-title">{"Documents you will need"}</h2>
                <p>{ format!("{documents_in_place} of the {documents_mandatory} documents the standard requires are in place, judging by your answers. A document is in place when every question that produces it is at \"{gate_label}\" or better, and partial when some work exists.") }</p>
                <div class="table-scroll"><table class="scores documents-table">
                    <caption>{"Required by ISO/IEC 42001"}</caption>
                    <thead><tr><th scope="col">{"Document"}</th><th scope="col">{"Status"}</th><th scope="col">{"From questions"}</th></tr></thead>
                    <tbody>{ document_rows(true) }</tbody>
                </table></div>
                <div class="table-scroll"><table class="scores documents-table">
                    <caption>{"Not named by the standard, but every auditor asks for them"}</caption>
                    <thead><tr><th scope="col">{"Document"}</th><th scope="col">{"Status"}</th><th scope="col">{"From questions"}</th></tr></thead>
                    <tbody>{ document_rows(false) }</tbody>
                </table></div>
            </section>
            { if props.read_only { Html::default() } else { exports(props) } }
            <details class="method" open={props.read_only}>
                <summary>{"How these scores were computed"}</summary>
                <ul>
                    <li>{ format!("Each question earns its weight × the level you chose, out of weight × {} (the top level). Certification blockers weigh 2, other questions 1.", q.scale.top()) }</li>
                    <li>{"\"Don't know\" and unanswered questions earn 0 points: nothing that cannot be shown is credited. \"Not applicable\" (Annex A only, with a justification) and questions that do not apply to your profile are left out entirely."}</li>
                    <li>{ format!("A section's score is its points divided by its maximum; its maturity is its points divided by the sum of its weights, on the 0-{} scale.", q.scale.top()) }</li>
                    <li data-testid="overall-method">{ format!("Overall readiness: {} of {} points = {}.", a.points, a.max_points, percent_text(overall)) }</li>
                    <li>{"Bands: below 30% early stage; 30-59% not ready; 60-84% nearly ready; 85% and above ready to plan an audit."}</li>
                    <li>{ format!("Readiness gate: if any certification blocker (scope, AI policy, risk assessment, risk treatment and Statement of Applicability, impact assessment, internal audit, management review) is below \"{gate_label}\", the band is capped at \"not ready for a certification audit\".") }</li>
                </ul>
            </details>
            if !props.read_only {
                <div class="button-row">
                    <button type="button" class="button" data-testid="to-roadmap" onclick={send(Event::Show(Screen::Roadmap))}>{"See your roadmap"}</button>
                    <button type="button" class="button secondary" onclick={send(Event::Show(Screen::Questions))}>{"Change answers"}</button>
                </div>
            }
        </section>
    }
}

/// Exports, printing and the comparison with an earlier save.
fn exports(props: &ResultsProps) -> Html {
    html! { <Exports session={props.session.clone()} dispatch={props.dispatch.clone()} today={props.today} /> }
}

#[derive(Properties, PartialEq)]
struct ExportProps {
    session: Session,
    dispatch: Dispatch,
    today: Date,
}

#[function_component(Exports)]
fn exports_panel(props: &ExportProps) -> Html {
    let start = use_state(|| props.today);
    let comparison = use_state(|| None::<(String, Comparison)>);
    let s = &props.session;
    let q = &s.questionnaire;
    let stem = format!("{}-{}", q.id, props.today);
    let download = |suffix: &'static str, mime: &'static str, make: Rc<dyn Fn() -> String>| {
        let (name, dispatch) = (format!("{stem}-{suffix}"), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if !files::download(&name, &make(), mime) {
                dispatch.dispatch(Event::Notify(crate::domain::session::Notice {
                    kind: crate::domain::session::NoticeKind::Error,
                    text: "The browser refused to create the file.".into(),
                }));
            }
        })
    };
    let (sq, today) = (s.clone(), props.today);
    let plan = move |s: &Session| Roadmap::plan(&s.questionnaire, &s.profile, &s.answers, today);
    let gap = {
        let s = sq.clone();
        download(
            "gap-register.csv",
            "text/csv",
            Rc::new(move || {
                report::gap_register(
                    &s.questionnaire,
                    &s.profile,
                    &s.answers,
                    &s.notes,
                    &plan(&s),
                )
            }),
        )
    };
    let soa = {
        let s = sq.clone();
        download(
            "statement-of-applicability.csv",
            "text/csv",
            Rc::new(move || {
                report::statement_of_applicability(
                    &s.questionnaire,
                    &s.profile,
                    &s.answers,
                    &s.notes,
                )
            }),
        )
    };
    let roadmap_csv = {
        let s = sq.clone();
        download(
            "roadmap.csv",
            "text/csv",
            Rc::new(move || report::roadmap_csv(&s.questionnaire, &plan(&s))),
        )
    };
    let ics = {
        let (s, start) = (sq.clone(), *start);
        download(
            "roadmap.ics",
            "text/calendar",
            Rc::new(move || report::calendar(&s.questionnaire, &plan(&s), start)),
        )
    };
    let md = {
        let s = sq.clone();
        download(
            "report.md",
            "text/markdown",
            Rc::new(move || {
                report::markdown(&s.questionnaire, &s.profile, &s.answers, &s.notes, today)
            }),
        )
    };
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: web_sys::Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(d) = Date::parse(&input.value()) {
                start.set(d);
            }
        })
    };
    let print = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Event::Show(Screen::Report)))
    };
    let on_compare = {
        let (s, comparison, dispatch) = (sq.clone(), comparison.clone(), props.dispatch.clone());
        Callback::from(move |file: web_sys::File| {
            let (s, comparison, dispatch) = (s.clone(), comparison.clone(), dispatch.clone());
            let name = file.name();
            yew::platform::spawn_local(async move {
                let refused = |why: String| {
                    dispatch.dispatch(Event::Notify(crate::domain::session::Notice {
                        kind: crate::domain::session::NoticeKind::Error,
                        text: format!("\"{name}\" cannot be compared: {why}."),
                    }))
                };
                let text = match files::read_text(file, MAX_SAVED_BYTES).await {
                    Ok(text) => text,
                    Err(ReadError::TooLarge(n)) => {
                        return refused(saved::SavedError::TooLarge(n as usize).to_string())
                    }
                    Err(ReadError::Unreadable) => return refused("it could not be read".into()),
                };
                match saved::decode(
                    &text,
                    std::slice::from_ref(&s.questionnaire),
                    Source::Import,
                ) {
                    Ok(earlier) => {
                        let label = if earlier.saved_at.is_empty() {
                            name.clone()
                        } else {
                            format!("{name}, saved {}", earlier.saved_at.get(..10).unwrap_or(""))
                        };
                        comparison.set(Some((
                            label,
                            report::compare(
                                &s.questionnaire,
                                &s.profile,
                                &earlier.answers,
                                &s.answers,
                            ),
                        )));
                    }
                    Err(e) => refused(e.to_string()),
                }
            });
        })
    };
    let percent = |p: Option<u32>| p.map_or("n/a".to_string(), |p| format!("{p}%"));
    let compared = comparison.as_ref().map(|(label, c)| html! {
        <div class="comparison" data-testid="comparison">
            <h3>{ format!("Compared with {label}") }</h3>
            <p>{ format!("Overall: {} then, {} now.", percent(c.overall.0), percent(c.overall.1)) }</p>
            <div class="table-scroll"><table class="scores">
                <caption>{"Change per clause and Annex A area"}</caption>
                <thead><tr><th scope="col">{"Section"}</th><th scope="col" class="num">{"Then"}</th><th scope="col" class="num">{"Now"}</th></tr></thead>
                <tbody>{ for c.sections.iter().map(|(id, title, then, now)| html! {
                    <tr data-section={id.clone()}><th scope="row">{ format!("{id} {title}") }</th><td class="num">{ percent(*then) }</td><td class="num">{ percent(*now) }</td></tr>
                }) }</tbody>
            </table></div>
            if c.items.is_empty() {
                <p>{"No answer has changed."}</p>
            } else {
                <div class="table-scroll"><table class="scores">
                    <caption>{ format!("{} changed answers", c.items.len()) }</caption>
                    <thead><tr><th scope="col">{"Item"}</th><th scope="col">{"Then"}</th><th scope="col">{"Now"}</th><th scope="col">{"Change"}</th></tr></thead>
                    <tbody>{ for c.items.iter().map(|(id, title, then, now, change)| html! {
                        <tr data-item={id.clone()}>
                            <th scope="row">{ format!("{id} {title}") }</th>
                            <td>{ report::status_text(q, then) }</td><td>{ report::status_text(q, now) }</td>
                            <td class={classes!("change", format!("{change:?}").to_lowercase())}>{ change.label() }</td>
                        </tr>
                    }) }</tbody>
                </table></div>
            }
        </div>
    });
    html! {
        <section class="exports" aria-labelledby="exports-title">
            <h2 id="exports-title">{"Take your results with you"}</h2>
            <p>{"Every file is made in this browser; nothing is uploaded."}</p>
            <div class="button-row">
                <button type="button" class="button" data-testid="to-report" onclick={print}>{"Printable report (PDF)"}</button>
                <button type="button" class="button secondary" data-testid="export-gap" onclick={gap}>{"Gap register (CSV)"}</button>
                <button type="button" class="button secondary" data-testid="export-soa" onclick={soa}>{"Statement of Applicability, draft (CSV)"}</button>
                <button type="button" class="button secondary" data-testid="export-roadmap" onclick={roadmap_csv}>{"Roadmap (CSV)"}</button>
                <button type="button" class="button secondary" data-testid="export-md" onclick={md}>{"Report (Markdown)"}</button>
            </div>
            <div class="calendar-export">
                <label for="calendar-start">{"Calendar of the phases, starting on"}</label>
                <input id="calendar-start" type="date" value={start.to_string()} onchange={on_start} />
                <button type="button" class="button secondary" data-testid="export-ics" onclick={ics}>{"Download calendar (.ics)"}</button>
            </div>
            <p class="compare-open">{"Compare with an earlier run: "}<OpenFileButton on_file={on_compare} class={classes!("button", "secondary")} /></p>
            { compared.unwrap_or_default() }
        </section>
    }
}

//! The roadmap screen: five phases with weeks and tasks from this organisation's gaps, target check, assumptions.

use crate::domain::app::shared;
use crate::domain::app::{edit, navigate};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::app::session::{Screen, Session};
use crate::domain::figures::roadmap::{person_days, Roadmap, TargetVerdict, Task, TaskKind};
use crate::domain::formats::export::Export;
use crate::domain::host::embed::EmbedConfig;
use crate::domain::model::date::Date;
use crate::domain::model::i18n::{msg, plural, Lang};
use crate::domain::model::profile::Capacity;
use crate::domain::model::questionnaire::Gives;
use crate::ui::components::{call_to_action, course_link, timeline, LegalDates};
use crate::ui::dispatch::Dispatch;
use crate::ui::{use_after_first_paint, use_lang};
use std::rc::Rc;

#[derive(Properties, PartialEq, Clone)]
pub struct RoadmapProps {
    pub session: Session,
    pub today: Date,
    /// Where the capacity can be changed; `None` in the printed report and a shared view.
    #[prop_or_default]
    pub dispatch: Option<Dispatch>,
}

/// Who does the work: the AIMS team and the systems' owners, which the plan, the calendar and
/// the exports follow. One handler for the three fields; a value outside its range is ignored
/// (the field says its range).
fn capacity_form(session: &Session, plan: &Roadmap, dispatch: &Dispatch, lang: Lang) -> Html {
    let send = {
        let (profile, dispatch) = (session.profile.clone(), dispatch.clone());
        move |capacity: Option<Capacity>| {
            dispatch.dispatch(edit::Event::UpdateProfile(crate::domain::Profile {
                capacity,
                ..profile.clone()
            }))
        }
    };
    let onchange = {
        let (c, send) = (plan.capacity, send.clone());
        Callback::from(move |e: yew::Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(next) = c.with(&input.name(), &input.value()) {
                send(Some(next));
            }
        })
    };
    let reset = Callback::from(move |_| send(None));
    let labels = [
        msg!("People in the AIMS team"),
        msg!("Days a week each of them gives"),
        msg!("Days a week each AI system's owner and team give"),
    ];
    let fields = plan.capacity.fields().into_iter().zip(labels).map(|(f, label)| {
        let id = format!("capacity-{}", f.name);
        html! {
            <label for={id.clone()}>{ lang.t(label) }
                <input {id} name={f.name} type="number" inputmode="decimal" min={f.min} max={f.max} step={f.step} value={f.value} />
            </label>
        }
    });
    html! {
        <fieldset class="capacity" data-testid="capacity" {onchange}>
            <legend>{ lang.t(msg!("Who does the work")) }</legend>
            <p class="hint">{ lang.t(msg!("The plan, its calendar and the exports follow these figures.")) }</p>
            <div class="capacity-fields">{ for fields }</div>
            if !plan.typical_capacity {
                <button type="button" class="link-button small" onclick={reset}>{ lang.t(msg!("Use the typical team for an organisation of this size")) }</button>
            }
        </fieldset>
    }
}

pub fn task_row(task: &Task, lang: Lang) -> Html {
    let kind = match &task.kind {
        TaskKind::Improve { from } => lang.f(msg!("from level {level}"), &[("level", from)]),
        TaskKind::FindOut => lang.t(msg!("find out")).into(),
        TaskKind::Assess => lang.t(msg!("assess")).into(),
        TaskKind::SupplierRequirement { excluded } => {
            lang.f(msg!("passed on from {item}"), &[("item", excluded)])
        }
        TaskKind::Screening => lang.t(msg!("EU AI Act screening")).into(),
        TaskKind::Audit => lang.t(msg!("certification audit")).into(),
    };
    let meta = if task.item_title.is_empty() {
        kind
    } else {
        format!("{} · {}", task.item_title, kind)
    };
    html! {
        <li class={if task.blocker { "task blocker" } else { "task" }} data-item={task.item_id.clone()}>
            <div class="task-head">
                if !task.item_id.is_empty() { <span class="item-id">{ &task.item_id }</span> }
                if task.blocker { <span class="badge blocker">{ lang.t(msg!("Audit blocker")) }</span> }
                if let Some((c, gives)) = task.reuses { <span class="badge reuse">{ match gives {
                    Gives::Reuse => lang.f(msg!("Reuses {system}"), &[("system", &c.label())]),
                    Gives::Extend => lang.f(msg!("Extends {system}"), &[("system", &c.label())]),
                } }</span> }
                <span class="task-effort" data-testid="task-effort">{ person_days(task.effort, lang) }</span>
            </div>
            <p class="task-text">{ &task.text }</p>
            <p class="task-meta">{ meta }</p>
        </li>
    }
}

#[function_component(RoadmapScreen)]
pub fn roadmap_screen(props: &RoadmapProps) -> Html {
    let lang = use_lang();
    let config = use_context::<Rc<EmbedConfig>>().unwrap_or_default();
    let complete = use_after_first_paint();
    let session = &props.session;
    let plan = Roadmap::plan(
        &session.questionnaire,
        &session.profile,
        &session.answers,
        props.today,
    );
    let target = plan.target.as_ref().map(|t| {
        let (target, earliest) = (lang.date(t.target), lang.date(t.earliest));
        let (class, text) = match t.verdict {
            TargetVerdict::InThePast => ("target unrealistic", lang.f(msg!("The target date {target} has already passed. At this pace the certification audit could finish around {earliest}."), &[("target", &target), ("earliest", &earliest)])),
            TargetVerdict::Realistic { spare_weeks } => ("target realistic", lang.f(msg!("The target date {target} looks realistic: the plan fits with {n} weeks to spare."), &[("target", &target), ("n", &spare_weeks)])),
            TargetVerdict::Tight { spare_weeks: 1 } => ("target tight", lang.f(msg!("The target date {target} is tight: only 1 week to spare. Any delay moves the audit."), &[("target", &target)])),
            TargetVerdict::Tight { spare_weeks } => ("target tight", lang.f(msg!("The target date {target} is tight: only {n} weeks to spare. Any delay moves the audit."), &[("target", &target), ("n", &spare_weeks)])),
            TargetVerdict::Unrealistic { short_weeks } => ("target unrealistic", lang.f(msg!("The target date {target} is not realistic: the plan needs {n} more weeks than remain. The earliest likely finish is around {earliest}."), &[("target", &target), ("n", &short_weeks), ("earliest", &earliest)])),
        };
        html! { <p {class} data-testid="target-verdict" role="status">{ text }</p> }
    });
    let phases = plan.phases.iter().map(|p| html! {
        <li class="phase" data-phase={p.phase.number().to_string()}>
            <div class="phase-head">
                <h2><span class="phase-number">{ p.phase.number() }</span>{ p.phase.title(lang) }</h2>
                { course_link(&config, &p.phase.number().to_string(), lang) }
                <p class="phase-weeks" data-testid="phase-weeks">
                    { lang.f(msg!("Weeks {from}-{to}"), &[("from", &p.start_week), ("to", &p.end_week)]) }
                    <span class="muted">{" · "}{ lang.f(msg!("{weeks} weeks · {effort}"), &[("weeks", &p.weeks), ("effort", &person_days(p.effort, lang))]) }</span>
                </p>
            </div>
            <ul class="milestones">{ for p.milestones(lang).into_iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            if p.work_weeks < p.weeks {
                <p class="muted" data-testid="calendar-minimum">{ lang.n(u64::from(p.work_weeks), plural!("The work needs about {n} week; the phase lasts its calendar minimum of {weeks} weeks.", "The work needs about {n} weeks; the phase lasts its calendar minimum of {weeks} weeks."), &[("weeks", &p.weeks)]) }</p>
            }
            if !p.tasks.is_empty() {
                <ul class="tasks">{ for p.tasks.iter().map(|t| task_row(t, lang)) }</ul>
            }
        </li>
    });
    html! {
        <section class="roadmap" aria-labelledby="roadmap-title">
            <h1 id="roadmap-title" tabindex="-1">{ lang.t(msg!("Roadmap to a certification audit")) }</h1>
            <div class="summary">
                <p class="score">
                    if plan.upper.is_some() { <span class="unit">{ lang.t(msg!("at least")) }{" "}</span> }
                    <span data-testid="total-weeks">{ plan.total_weeks }</span><span class="unit">{" "}{ lang.t(msg!("weeks")) }</span></p>
                <div>
                    <p class="band" data-testid="roadmap-headline">{ plan.headline(lang) }</p>
                    <p class="disclaimer">{ lang.t(msg!("An indicative estimate from the answers, not a quote. Tasks for certification blockers come first in each phase.")) }</p>
                </div>
            </div>
            { target.unwrap_or_default() }
            { props.dispatch.as_ref().map(|d| capacity_form(session, &plan, d, lang)).unwrap_or_default() }
            { call_to_action(&config) }
            // The timeline and the phases with their tasks arrive one frame later
            // (see `use_after_first_paint`).
            { if complete { html! { <>
            { timeline(&plan, lang) }
            <ol class="phases">{ for phases }</ol>
            <LegalDates milestones={plan.legal.clone()} today={props.today} warning={plan.legal_warning(lang)} />
            <section class="cycle" aria-labelledby="cycle-title">
                <h2 id="cycle-title">{ lang.t(msg!("After certification: the three-year cycle")) }</h2>
                <ul class="milestones">{ for plan.cycle.iter().map(|m| html! {
                    <li data-cycle={m.event.key()}>{ lang.f(msg!("Week {n}"), &[("n", &m.week)]) }{": "}{ m.text(lang) }</li>
                }) }</ul>
            </section>
            <section class="assumptions" aria-labelledby="assumptions-title">
                <h2 id="assumptions-title">{ lang.t(msg!("Assumptions behind this estimate")) }</h2>
                <ul>{ for plan.assumptions(&session.profile, lang).into_iter().map(|a| html! { <li>{ a }</li> }) }</ul>
                <p>{ lang.t(msg!("ISO/IEC 42001 certification covers the organisation's management system, not individual AI systems. It is not a harmonised standard under the EU AI Act and gives no presumption of conformity with it, though it is a strong base for the Act's duties.")) }</p>
            </section>
            </> } } else { Html::default() } }
            { props.dispatch.as_ref().map(|d| way_on(d, lang)).unwrap_or_default() }
        </section>
    }
}

/// The end of the roadmap leads on: back to the results, the printable report, the plan as a
/// spreadsheet.
fn way_on(d: &Dispatch, lang: Lang) -> Html {
    html! {
        <div class="button-row no-print" data-testid="roadmap-way-on">
            <button type="button" class="button" onclick={d.send(navigate::Event::Show(Screen::Report))}>{ lang.t(msg!("Printable report (PDF)")) }</button>
            <button type="button" class="button secondary" onclick={d.send(shared::Event::Export(Export::RoadmapCsv))}>{ lang.t(msg!("Roadmap (CSV)")) }</button>
            <button type="button" class="button secondary" onclick={d.send(navigate::Event::Show(Screen::Results))}>{ lang.t(msg!("Back to the results")) }</button>
        </div>
    }
}

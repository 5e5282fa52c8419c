//! The roadmap screen: five phases with weeks and tasks from this organisation's gaps, target check, assumptions.

use yew::prelude::*;

use crate::domain::date::Date;
use crate::domain::roadmap::{days_text, Roadmap, TargetVerdict, Task, TaskKind};
use crate::domain::session::Session;
use crate::ui::components::{CallToActionLink, CourseLink, Timeline};

#[derive(Properties, PartialEq)]
pub struct RoadmapProps {
    pub session: Session,
    pub today: Date,
}

pub fn months(weeks: u32) -> String {
    // 52 weeks in 12 months; one decimal is as precise as an estimate deserves.
    let tenths = (weeks * 120 + 26) / 52;
    format!("{}.{}", tenths / 10, tenths % 10)
}

pub fn task_row(task: &Task) -> Html {
    let kind = match &task.kind {
        TaskKind::Improve { from } => format!("from level {from}"),
        TaskKind::FindOut => "find out".into(),
        TaskKind::Assess => "assess".into(),
        TaskKind::SupplierRequirement { excluded } => format!("passed on from {excluded}"),
    };
    html! {
        <li class={classes!("task", task.blocker.then_some("blocker"))} data-item={task.item_id.clone()}>
            <div class="task-head">
                <span class="item-id">{ &task.item_id }</span>
                if task.blocker { <span class="badge blocker">{"Audit blocker"}</span> }
                if let Some(c) = task.reuses { <span class="badge reuse">{ format!("Reuse {}", c.label()) }</span> }
                <span class="task-effort" data-testid="task-effort">{ format!("{} person-days", days_text(task.effort)) }</span>
            </div>
            <p class="task-text">{ &task.text }</p>
            <p class="task-meta">{ format!("{} · {}", task.item_title, kind) }</p>
        </li>
    }
}

#[function_component(RoadmapScreen)]
pub fn roadmap_screen(props: &RoadmapProps) -> Html {
    let session = &props.session;
    let plan = Roadmap::plan(
        &session.questionnaire,
        &session.profile,
        &session.answers,
        props.today,
    );
    let target = plan.target.as_ref().map(|t| {
        let (class, text) = match t.verdict {
            TargetVerdict::InThePast => ("unrealistic", format!("Your target date {} has already passed. At this pace the certification audit could finish around {}.", t.target, t.earliest)),
            TargetVerdict::Realistic { spare_weeks } => ("realistic", format!("Your target date {} looks realistic: the plan fits with {spare_weeks} weeks to spare.", t.target)),
            TargetVerdict::Tight { spare_weeks } => ("tight", format!("Your target date {} is tight: only {spare_weeks} week{} to spare. Any delay moves the audit.", t.target, if spare_weeks == 1 { "" } else { "s" })),
            TargetVerdict::Unrealistic { short_weeks } => ("unrealistic", format!("Your target date {} is not realistic: the plan needs {short_weeks} more weeks than you have. The earliest likely finish is around {}.", t.target, t.earliest)),
        };
        html! { <p class={classes!("target", class)} data-testid="target-verdict" role="status">{ text }</p> }
    });
    let phases = plan.phases.iter().map(|p| html! {
        <li class="phase" data-phase={p.phase.number().to_string()}>
            <div class="phase-head">
                <h2><span class="phase-number">{ p.phase.number() }</span>{ p.phase.title() }</h2>
                <CourseLink target={p.phase.number().to_string()} />
                <p class="phase-weeks" data-testid="phase-weeks">
                    { format!("Weeks {}-{}", p.start_week, p.end_week) }
                    <span class="muted">{ format!(" · {} weeks · {} person-days", p.weeks, days_text(p.effort)) }</span>
                </p>
            </div>
            <ul class="milestones">{ for p.phase.milestones().iter().map(|m| html! { <li>{ *m }</li> }) }</ul>
            if p.tasks.is_empty() {
                <p class="muted">{ format!("No tasks from your gaps: the phase takes its minimum of {} weeks.", p.phase.minimum_weeks()) }</p>
            } else {
                <ul class="tasks">{ for p.tasks.iter().map(task_row) }</ul>
            }
        </li>
    });
    html! {
        <section class="roadmap" aria-labelledby="roadmap-title">
            <h1 id="roadmap-title" tabindex="-1">{"Your roadmap to a certification audit"}</h1>
            <div class="summary">
                <p class="score"><span data-testid="total-weeks">{ plan.total_weeks }</span><span class="unit">{" weeks"}</span></p>
                <div>
                    <p class="band">{ format!("About {} months from today to the end of the stage 2 audit, with {} person-days of work.", months(plan.total_weeks), days_text(plan.total_effort)) }</p>
                    <p class="disclaimer">{"An indicative estimate from your answers, not a quote. Tasks for certification blockers come first in each phase."}</p>
                </div>
            </div>
            { target.unwrap_or_default() }
            <CallToActionLink />
            <Timeline roadmap={plan.clone()} />
            <ol class="phases">{ for phases }</ol>
            <section class="assumptions" aria-labelledby="assumptions-title">
                <h2 id="assumptions-title">{"Assumptions behind this estimate"}</h2>
                <ul>{ for plan.assumptions(&session.profile).into_iter().map(|a| html! { <li>{ a }</li> }) }</ul>
                <p>{"ISO/IEC 42001 certification covers your management system, not individual AI systems. It is not a harmonised standard under the EU AI Act and gives no presumption of conformity with it, though it is a strong base for the Act's duties."}</p>
            </section>
        </section>
    }
}

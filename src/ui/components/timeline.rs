//! The roadmap as a Gantt-like SVG of phases over weeks, with a table carrying the same figures for screen readers.

use yew::prelude::*;

use crate::domain::roadmap::{days_text, Roadmap};
use crate::ui::use_lang;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub roadmap: Roadmap,
}

const LABEL: u32 = 210;
const WIDTH: u32 = 460;
const ROW: u32 = 30;

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = use_lang();
    let r = &props.roadmap;
    let total = r.total_weeks.max(1);
    let height = ROW * r.phases.len() as u32 + 30;
    let x = |week: u32| LABEL + WIDTH * week / total;
    // Grid lines every 4 weeks (every 8 when the plan is long).
    let step = if total > 40 { 8 } else { 4 };
    let grid = (0..=total).step_by(step as usize).map(|w| html! {
        <g class="grid">
            <line x1={x(w).to_string()} x2={x(w).to_string()} y1="0" y2={(height - 20).to_string()} />
            <text x={x(w).to_string()} y={(height - 6).to_string()} text-anchor="middle">{ lang.f("w{n}", &[("n", &w)]) }</text>
        </g>
    });
    let bars = r.phases.iter().enumerate().map(|(n, p)| {
        let y = ROW * n as u32 + 4;
        let (x0, x1) = (x(p.start_week - 1), x(p.end_week));
        html! {
            <g class={classes!("gantt-row", format!("phase-{}", p.phase.number()))}>
                <text class="bar-label" x={(LABEL - 8).to_string()} y={(y + 16).to_string()} text-anchor="end">
                    { format!("{} {}", p.phase.number(), p.phase.title(lang)) }
                </text>
                <rect class="track" x={LABEL.to_string()} y={y.to_string()} width={WIDTH.to_string()} height="22" rx="3" />
                <rect class="fill" x={x0.to_string()} y={y.to_string()} width={(x1 - x0).max(2).to_string()} height="22" rx="3" />
                <text class="bar-value" x={(x0 + 6).to_string()} y={(y + 16).to_string()}>{ format!("{}-{}", p.start_week, p.end_week) }</text>
            </g>
        }
    });
    html! {
        <div class="timeline">
            <figure class="chart gantt">
                <svg viewBox={format!("0 0 {} {height}", LABEL + WIDTH + 10)} role="img" width="100%"
                    aria-label={lang.f("Timeline of the five phases over {weeks} weeks; the table below has the same figures", &[("weeks", &r.total_weeks)])}>
                    { for grid }
                    { for bars }
                </svg>
                <figcaption>{ lang.f("Phases over {weeks} weeks (w = week from the start)", &[("weeks", &r.total_weeks)]) }</figcaption>
            </figure>
            <div class="table-scroll"><table class="scores timeline-table">
                <caption>{ lang.t("The timeline as a table") }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t("Phase") }</th><th scope="col" class="num">{ lang.t("Start week") }</th><th scope="col" class="num">{ lang.t("End week") }</th>
                    <th scope="col" class="num">{ lang.t("Weeks") }</th><th scope="col" class="num">{ lang.t("Tasks") }</th><th scope="col" class="num">{ lang.t("Person-days") }</th>
                </tr></thead>
                <tbody>
                    { for r.phases.iter().map(|p| html! {
                        <tr data-phase={p.phase.number().to_string()}>
                            <th scope="row">{ format!("{} {}", p.phase.number(), p.phase.title(lang)) }</th>
                            <td class="num">{ p.start_week }</td><td class="num">{ p.end_week }</td><td class="num">{ p.weeks }</td>
                            <td class="num">{ p.tasks.len() }</td><td class="num">{ days_text(p.effort, lang) }</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </div>
    }
}

//! The roadmap as a Gantt-like chart of phases over weeks: each phase's name and weeks are HTML
//! text (readable at any width, embedded, on a phone and in print), its bar a stretched SVG; a
//! table carries the same figures for screen readers.

use yew::prelude::*;

use crate::domain::figures::roadmap::{days_text, Roadmap};
use crate::domain::model::i18n::{msg, Lang};

/// The chart of the phases of `r`, with its table.
pub fn timeline(r: &Roadmap, lang: Lang) -> Html {
    let total = r.total_weeks.max(1);
    let rows = r.phases.iter().map(|p| {
        let start = p.start_week - 1;
        html! {
            <li class={format!("gantt-row phase-{}", p.phase.number())} data-phase={p.phase.number().to_string()}>
                <span class="gantt-label"><span class="phase-number">{ p.phase.number() }</span>{ p.phase.title(lang) }</span>
                <span class="gantt-weeks">{ lang.f(msg!("Weeks {from}-{to}"), &[("from", &p.start_week), ("to", &p.end_week)]) }</span>
                <svg class="gantt-bar" viewBox={format!("0 0 {total} 10")} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="track" x="0" y="0" width={total.to_string()} height="10" />
                    <rect class="fill" x={start.to_string()} y="0" width={p.weeks.max(1).to_string()} height="10" />
                </svg>
            </li>
        }
    });
    html! {
        <div class="timeline">
            <figure class="chart gantt">
                <ol class="gantt-rows">{ for rows }</ol>
                <p class="gantt-axis" aria-hidden="true"><span>{ lang.f(msg!("week {n}"), &[("n", &0)]) }</span><span>{ lang.f(msg!("week {n}"), &[("n", &r.total_weeks)]) }</span></p>
                <figcaption>{ lang.f(msg!("Phases over {weeks} weeks from the start"), &[("weeks", &r.total_weeks)]) }</figcaption>
            </figure>
            <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores timeline-table">
                <caption>{ lang.t(msg!("The timeline as a table")) }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t(msg!("Phase")) }</th><th scope="col" class="num">{ lang.t(msg!("Start week")) }</th><th scope="col" class="num">{ lang.t(msg!("End week")) }</th>
                    <th scope="col" class="num">{ lang.t(msg!("Weeks")) }</th><th scope="col" class="num">{ lang.t(msg!("Tasks")) }</th><th scope="col" class="num">{ lang.t(msg!("Person-days")) }</th>
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

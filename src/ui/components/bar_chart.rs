//! A horizontal SVG bar chart of percentages; the numbers also appear in a table beside it.

use yew::prelude::*;

use crate::domain::model::i18n::{msg, Lang};

#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// `None` draws an empty row marked "n/a".
    pub percent: Option<u32>,
    /// Marks a bar that holds an open certification blocker.
    pub flagged: bool,
}

const ROW: u32 = 26;
const LABEL_WIDTH: u32 = 64;
const BAR_WIDTH: u32 = 260;

/// The chart titled `title`, one bar per entry of `bars`.
pub fn bar_chart(title: &str, bars: &[Bar], lang: Lang) -> Html {
    let height = ROW * bars.len() as u32 + 24;
    let width = LABEL_WIDTH + BAR_WIDTH + 48;
    let grid = [0u32, 50, 100].map(|p| {
        let x = LABEL_WIDTH + BAR_WIDTH * p / 100;
        html! {
            <g class="grid">
                <line x1={x.to_string()} x2={x.to_string()} y1="0" y2={(height - 18).to_string()} />
                <text x={x.to_string()} y={(height - 4).to_string()} text-anchor="middle">{ lang.percent(p) }</text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={title.to_string()}
                width="100%" preserveAspectRatio="xMinYMin meet">
                { for grid }
                { for bars.iter().enumerate().map(|(n, bar)| {
                    let y = ROW * n as u32 + 4;
                    let w = BAR_WIDTH * bar.percent.unwrap_or(0) / 100;
                    let label = bar.percent.map_or(lang.t(msg!("n/a")).to_string(), |p| lang.percent(p));
                    html! {
                        <g class={if bar.flagged { "bar flagged" } else { "bar" }}>
                            <text class="bar-label" x={(LABEL_WIDTH - 8).to_string()} y={(y + 14).to_string()} text-anchor="end">{ &bar.label }</text>
                            <rect class="track" x={LABEL_WIDTH.to_string()} y={y.to_string()} width={BAR_WIDTH.to_string()} height="18" rx="3" />
                            <rect class="fill" x={LABEL_WIDTH.to_string()} y={y.to_string()} width={w.to_string()} height="18" rx="3" />
                            <text class="bar-value" x={(LABEL_WIDTH + BAR_WIDTH + 6).to_string()} y={(y + 14).to_string()}>{ label }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                { title }
                if bars.iter().any(|b| b.flagged) {
                    <span class="legend"><span class="swatch flagged" aria-hidden="true"></span>{ lang.t(msg!("Red bar: the section holds an open certification blocker")) }</span>
                }
            </figcaption>
        </figure>
    }
}

//! The team view: several respondents' save files side by side, the items to discuss first, a
//! disagreement heatmap with its table, and the consensus that can become the assessment.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::app::{Event as AppEvent, Purpose};
use crate::domain::export::Export;
use crate::domain::i18n::{msg, outside, Lang};
use crate::domain::report::{self, maturity_text};
use crate::domain::scoring::ItemStatus;
use crate::domain::session::{Event, Screen, Session};
use crate::domain::team::{ItemRow, Pick, Summary, Team, MAX_RESPONDENTS, MIN_RESPONDENTS};
use crate::ui::components::OpenFileButton;
use crate::ui::dispatch::Dispatch;
use crate::ui::use_lang;

#[derive(Properties, PartialEq)]
pub struct TeamProps {
    pub team: Rc<Team>,
    pub session: Session,
    pub dispatch: Dispatch,
}

#[function_component(TeamScreen)]
pub fn team_screen(props: &TeamProps) -> Html {
    let lang = use_lang();
    let team = &props.team;
    let d = &props.dispatch;
    let summary = team
        .ready()
        .then(|| Rc::new(team.summary(&props.session.profile)));
    html! {
        <section class="team" aria-labelledby="team-title">
            <h1 id="team-title" tabindex="-1">{ lang.t(msg!("Compare respondents")) }</h1>
            <p>{ lang.f(msg!("Open the save file of each person who answered the {title} ({min} to {max} files), or drop them here. They stay in this page's memory: nothing of them is stored unless you adopt the consensus as your assessment."), &[("title", &team.questionnaire.title), ("min", &MIN_RESPONDENTS), ("max", &MAX_RESPONDENTS)]) }</p>
            <p><OpenFileButton on_file={d.file_reader(Purpose::Team)} class={classes!("button")} label={msg!("Add respondents' files")} testid="team-files" multiple=true /></p>
            { refusals(team, d, lang) }
            { respondents(team, d, lang) }
            if let Some(summary) = summary {
                { sections_table(team, &summary, lang) }
                { discuss_first(team, &summary, lang) }
                { heatmap(team, &summary, lang) }
                { items_table(team, &summary, &props.session, d, lang) }
                { consensus_panel(team, d, lang) }
            } else {
                <p class="notice inline" role="status">{ lang.f(msg!("Add at least {n} files to compare them."), &[("n", &MIN_RESPONDENTS)]) }</p>
            }
            <div class="button-row">
                <button type="button" class="button secondary" onclick={d.send(Event::Show(Screen::Results))}>{ lang.t(msg!("Back to my results")) }</button>
            </div>
        </section>
    }
}

fn refusals(team: &Team, d: &Dispatch, lang: Lang) -> Html {
    if team.refused.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notice error" role="alert" data-testid="team-refused">
            <ul>{ for team.refused.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            <button type="button" class="link-button" onclick={d.send(AppEvent::DismissRefusals)}>{ lang.t(msg!("Dismiss")) }</button>
        </div>
    }
}

fn respondents(team: &Team, d: &Dispatch, lang: Lang) -> Html {
    let rows = team.respondents.iter().enumerate().map(|(index, r)| {
        let rename = {
            let d = d.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                d.dispatch(AppEvent::RenameRespondent { index, name: input.value() });
            })
        };
        let id = format!("respondent-{index}");
        html! {
            <li data-respondent={index.to_string()}>
                <label for={id.clone()}>{ lang.f(msg!("Name of respondent {n}"), &[("n", &(index + 1))]) }</label>
                <input id={id} type="text" maxlength="80" value={r.name.clone()} oninput={rename} />
                <span class="muted">{ lang.f(msg!("from {file}"), &[("file", &outside(&r.file, 60))]) }</span>
                if let Some(old) = &r.migrated_from {
                    <span class="muted">{" "}{ lang.f(msg!("(carried over from version {old})"), &[("old", &outside(old, 20))]) }</span>
                }
                <button type="button" class={classes!("link-button", "small", "danger")} onclick={d.send(AppEvent::RemoveRespondent(index))}>{ lang.f(msg!("Remove {name}"), &[("name", &outside(&r.name, 40))]) }</button>
            </li>
        }
    });
    html! { <ol class="respondents" data-testid="respondents">{ for rows }</ol> }
}

fn header_cells(team: &Team) -> Html {
    team.respondents
        .iter()
        .map(|r| html! { <th scope="col" class="num">{ r.shown_name() }</th> })
        .collect()
}

fn sections_table(team: &Team, summary: &Summary, lang: Lang) -> Html {
    let rows = summary.sections.iter().map(|s| html! {
        <tr data-section={s.id.clone()} class={classes!(s.disagree.then_some("disagree"))}>
            <th scope="row">{ format!("{} {}", s.id, s.title) }</th>
            { for s.maturity.iter().map(|m| html! { <td class="num">{ maturity_text(*m, lang) }</td> }) }
            <td class="num" data-col="median">{ maturity_text(s.median_tenths, lang) }</td>
            <td class="num" data-col="spread">{ maturity_text(s.spread_tenths, lang) }</td>
            <td>{ mark(s.disagree, lang) }</td>
        </tr>
    });
    html! {
        <section aria-labelledby="team-sections-title">
            <h2 id="team-sections-title">{ lang.t(msg!("Maturity by clause and Annex A area")) }</h2>
            <div class="table-scroll"><table class="scores" data-testid="team-sections">
                <caption>{ lang.f(msg!("Maturity (0-{top}) per respondent"), &[("top", &team.questionnaire.scale.top())]) }</caption>
                <thead><tr><th scope="col">{ lang.t(msg!("Section")) }</th>{ header_cells(team) }<th scope="col" class="num">{ lang.t(msg!("Median")) }</th><th scope="col" class="num">{ lang.t(msg!("Spread")) }</th><th scope="col">{ lang.t(msg!("To discuss")) }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </section>
    }
}

fn mark(disagree: bool, lang: Lang) -> Html {
    if disagree {
        html! { <span class="badge disagree-mark">{ lang.t(msg!("Discuss")) }</span> }
    } else {
        Html::default()
    }
}

fn status(team: &Team, s: &ItemStatus) -> String {
    report::status_text(&team.questionnaire, s)
}

/// One respondent's answer in the table: short on screen (the level, "?", "N/A", "–"), in full
/// for screen readers and in the tooltip, so a dozen columns fit a phone.
fn answer_cell(team: &Team, s: &ItemStatus, lang: Lang) -> Html {
    let short = match s {
        ItemStatus::Level(l) => l.to_string(),
        ItemStatus::DontKnow => "?".into(),
        ItemStatus::NotApplicable | ItemStatus::NeedsJustification => lang.t(msg!("N/A")).into(),
        ItemStatus::Unanswered | ItemStatus::Hidden => "–".into(),
    };
    let full = status(team, s);
    html! {
        <td class={classes!("answer", cell_class(s))} title={full.clone()}>
            <span aria-hidden="true">{ short }</span><span class="visually-hidden">{ full }</span>
        </td>
    }
}

fn discuss_first(team: &Team, summary: &Summary, lang: Lang) -> Html {
    let rows = summary
        .discuss_first
        .iter()
        .filter_map(|id| summary.items.iter().find(|i| &i.id == id))
        .map(|row: &ItemRow| {
            let answers = team
                .respondents
                .iter()
                .zip(&row.answers)
                .map(|(r, a)| format!("{}: {}", r.shown_name(), status(team, a)))
                .collect::<Vec<_>>()
                .join("; ");
            html! {
                <li data-item={row.id.clone()}>
                    <span class="item-id">{ &row.id }</span>{" "}<strong>{ &row.title }</strong>
                    if row.gate.is_some() { {" "}<span class="badge stage">{ lang.t(msg!("Certification blocker")) }</span> }
                    <br /><span class="muted">{ answers }</span>
                </li>
            }
        });
    html! {
        <section aria-labelledby="discuss-title">
            <h2 id="discuss-title">{ lang.t(msg!("To discuss first")) }</h2>
            if summary.discuss_first.is_empty() {
                <p>{ lang.t(msg!("The respondents agree within one level on every item.")) }</p>
            } else {
                <p>{ lang.t(msg!("Where answers are two or more levels apart, someone does not know, or a level stands beside \"not applicable\"; certification blockers first.")) }</p>
                <ol class="discuss-first" data-testid="discuss-first">{ for rows }</ol>
            }
        </section>
    }
}

const CELL: usize = 22;
const LABEL: usize = 64;

/// One colour class per answer (the legend and the table below say the same in words).
fn cell_class(s: &ItemStatus) -> String {
    match s {
        ItemStatus::Level(l) => format!("level-{l}"),
        ItemStatus::DontKnow => "dont-know".into(),
        ItemStatus::NotApplicable | ItemStatus::NeedsJustification => "na".into(),
        ItemStatus::Unanswered | ItemStatus::Hidden => "none".into(),
    }
}

fn heatmap(team: &Team, summary: &Summary, lang: Lang) -> Html {
    let width = LABEL + CELL * team.respondents.len() + 24;
    let height = CELL * summary.items.len() + CELL;
    let title = lang.t(msg!(
        "Answers per item and respondent; a flag marks items to discuss"
    ));
    let heads = (0..team.respondents.len()).map(|n| {
        let x = LABEL + CELL * n + CELL / 2;
        html! { <text x={x.to_string()} y="15" text-anchor="middle">{ n + 1 }</text> }
    });
    let rows = summary.items.iter().enumerate().map(|(row, item)| {
        let y = CELL * (row + 1);
        html! {
            <g class={classes!("heat-row", item.disagree.then_some("disagree"))}>
                <text x={(LABEL - 6).to_string()} y={(y + 15).to_string()} text-anchor="end">{ &item.id }</text>
                { for item.answers.iter().enumerate().map(|(n, a)| html! {
                    <rect class={classes!("heat", cell_class(a))} x={(LABEL + CELL * n).to_string()} y={y.to_string()} width={(CELL - 2).to_string()} height={(CELL - 2).to_string()} rx="2" />
                }) }
                if item.disagree {
                    <text class="flag" x={(LABEL + CELL * team.respondents.len() + 4).to_string()} y={(y + 15).to_string()}>{"⚑"}</text>
                }
            </g>
        }
    });
    let top = team.questionnaire.scale.top();
    let legend = (0..=top).map(|l| html! {
        <span class="legend"><span class={classes!("swatch", "heat", format!("level-{l}"))} aria-hidden="true"></span>{ lang.f(msg!("level {level}, {label}"), &[("level", &l), ("label", &team.questionnaire.scale.levels[usize::from(l)].label.to_lowercase())]) }</span>
    });
    html! {
        <figure class="chart heatmap" data-testid="heatmap">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={title} width={width.to_string()} height={height.to_string()}>
                { for heads }
                { for rows }
            </svg>
            <figcaption>
                { lang.t(msg!("Columns are respondents in the order above; the table below gives every answer in words.")) }{" "}
                { for legend }
                <span class="legend"><span class={classes!("swatch", "heat", "dont-know")} aria-hidden="true"></span>{ lang.t(msg!("don't know")) }</span>
                <span class="legend"><span class={classes!("swatch", "heat", "na")} aria-hidden="true"></span>{ lang.t(msg!("not applicable")) }</span>
                <span class="legend"><span class={classes!("swatch", "heat", "none")} aria-hidden="true"></span>{ lang.t(msg!("not answered yet")) }</span>
            </figcaption>
        </figure>
    }
}

fn pick_select(team: &Team, item: &str, median: Option<u32>, d: &Dispatch, lang: Lang) -> Html {
    let current = team
        .picks
        .get(item)
        .map_or(Pick::Median, |i| Pick::From(*i));
    let onchange = {
        let (d, item) = (d.clone(), item.to_string());
        Callback::from(move |e: web_sys::Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let pick = select
                .value()
                .parse::<usize>()
                .map_or(Pick::Median, Pick::From);
            d.dispatch(AppEvent::PickConsensus {
                item: item.clone(),
                pick,
            });
        })
    };
    let median_label = match median {
        Some(t) => lang.f(
            msg!("Median ({m})"),
            &[("m", &lang.one_decimal(u64::from(t)))],
        ),
        None => lang.t(msg!("Median")).into(),
    };
    html! {
        <select aria-label={lang.f(msg!("Consensus for {item}"), &[("item", &item)])} {onchange} data-testid="consensus-pick">
            <option value="median" selected={current == Pick::Median}>{ median_label }</option>
            { for team.respondents.iter().enumerate().map(|(n, r)| html! {
                <option value={n.to_string()} selected={current == Pick::From(n)}>{ r.shown_name() }</option>
            }) }
        </select>
    }
}

fn items_table(
    team: &Team,
    summary: &Summary,
    session: &Session,
    d: &Dispatch,
    lang: Lang,
) -> Html {
    let consensus = team.consensus();
    let rows = summary.items.iter().map(|row| {
        let agreed = team
            .questionnaire
            .item(&row.id)
            .map(|i| status(team, &ItemStatus::of(i, &session.profile, &consensus)))
            .unwrap_or_default();
        html! {
            <tr data-item={row.id.clone()} class={classes!(row.disagree.then_some("disagree"))}>
                <th scope="row">{ format!("{} {}", row.id, row.title) }</th>
                { for row.answers.iter().map(|a| answer_cell(team, a, lang)) }
                <td class="num" data-col="median">{ row.median_tenths.map_or(String::new(), |t| lang.one_decimal(u64::from(t))) }</td>
                <td class="num" data-col="spread">{ row.spread.map_or(String::new(), |s| s.to_string()) }</td>
                <td>{ mark(row.disagree, lang) }</td>
                <td data-col="consensus">{ pick_select(team, &row.id, row.median_tenths, d, lang) }<span class="muted">{" "}{ agreed }</span></td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="team-items-title">
            <h2 id="team-items-title">{ lang.t(msg!("Every answer")) }</h2>
            <div class="table-scroll"><table class="scores team-items" data-testid="team-items">
                <caption>{ lang.t(msg!("Each respondent's answer per item, the median and spread of the levels given, and the consensus")) }<br /><span class="muted">{ lang.t(msg!("Answers: the level, ? for \"don't know\", N/A for \"not applicable\", – for not answered.")) }</span></caption>
                <thead><tr><th scope="col">{ lang.t(msg!("Item")) }</th>{ header_cells(team) }<th scope="col" class="num">{ lang.t(msg!("Median")) }</th><th scope="col" class="num">{ lang.t(msg!("Spread")) }</th><th scope="col">{ lang.t(msg!("To discuss")) }</th><th scope="col">{ lang.t(msg!("Consensus")) }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </section>
    }
}

fn consensus_panel(team: &Team, d: &Dispatch, lang: Lang) -> Html {
    let export = |export: Export| d.send(AppEvent::Export(export));
    html! {
        <section class="consensus" aria-labelledby="consensus-title">
            <h2 id="consensus-title">{ lang.t(msg!("Consensus")) }</h2>
            <p>{ lang.t(msg!("By default each item takes the median of the levels given; with an even number of levels, the lower of the two middle ones, so the consensus never claims more than half the team said. \"Not applicable\" is taken only when more people chose it than gave a level. Pick a respondent's answer instead in the table above where the discussion settled on it.")) }</p>
            <p>{ lang.f(msg!("Adopting replaces your current answers to the {title} with the consensus ({n} answers), keeps your profile and notes, and can be undone right after. Then change any answer as usual."), &[("title", &team.questionnaire.title), ("n", &team.consensus().len())]) }</p>
            <div class="button-row">
                <button type="button" class="button" data-testid="adopt-consensus" onclick={d.send(AppEvent::AdoptConsensus)}>{ lang.t(msg!("Adopt the consensus as my assessment")) }</button>
                <button type="button" class="button secondary" data-testid="export-team-csv" onclick={export(Export::TeamCsv)}>{ lang.t(msg!("Team table (CSV)")) }</button>
                <button type="button" class="button secondary" data-testid="export-team-md" onclick={export(Export::TeamMarkdown)}>{ lang.t(msg!("Team comparison (Markdown)")) }</button>
            </div>
        </section>
    }
}

//! The team view: several respondents' save files side by side, the items to discuss first, a
//! disagreement heatmap with its table, and the consensus that can become the assessment.

use crate::domain::app::navigate;
use crate::domain::app::{shared, workshop};
use crate::domain::figures::text;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::app::session::{Screen, Session};
use crate::domain::app::Purpose;
use crate::domain::figures::scoring::ItemStatus;
use crate::domain::figures::team::{
    ItemRow, Pick, Summary, Team, MAX_RESPONDENTS, MIN_RESPONDENTS,
};
use crate::domain::figures::text::maturity_text;
use crate::domain::formats::export::Export;
use crate::domain::model::answers::Answer;
use crate::domain::model::answers::MAX_NAME_CHARS;
use crate::domain::model::i18n::{msg, outside, Lang};
use crate::ui::components::{open_file_button, OpenFile};
use crate::ui::dispatch::Dispatch;

#[derive(PartialEq, Clone)]
pub struct TeamProps {
    pub team: Rc<Team>,
    pub session: Session,
    pub dispatch: Dispatch,
}

pub fn team_screen(props: &TeamProps, lang: Lang) -> Html {
    let team = &props.team;
    let d = &props.dispatch;
    let profile = team.comparison_profile(&props.session.profile);
    let summary = team.ready().then(|| Rc::new(team.summary(&profile)));
    html! {
        <section class="team" aria-labelledby="team-title">
            <h1 id="team-title" tabindex="-1">{ lang.t(msg!("Compare respondents")) }</h1>
            <p>{ lang.f(msg!("Open the save file of each person who answered the {title} ({min} to {max} files), or drop them here. They stay in this page's memory: nothing of them is stored unless you adopt the consensus as your assessment."), &[("title", &team.questionnaire.title), ("min", &MIN_RESPONDENTS), ("max", &MAX_RESPONDENTS)]) }</p>
            <p>{ open_file_button(d.file_reader(Purpose::Team), OpenFile { class: "button", label: msg!("Add respondents' files"), testid: "team-files", multiple: true }, lang) }</p>
            { refusals(team, d, lang) }
            { respondents(team, d, lang) }
            { profile_differences(team, lang) }
            if let Some(summary) = summary {
                { sections_table(team, &summary, lang) }
                { discuss_first(team, &summary, d, lang) }
                { heatmap(team, &summary, lang) }
                { items_table(team, &summary, &profile, d, lang) }
                { consensus_panel(team, d, lang) }
            } else {
                <p class="notice inline" role="status">{ lang.f(msg!("Add at least {n} files to compare them."), &[("n", &MIN_RESPONDENTS)]) }</p>
            }
            <div class="button-row">
                <button type="button" class="button secondary" onclick={d.send(navigate::Event::Show(Screen::Results))}>{ lang.t(msg!("Back to my results")) }</button>
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
            <button type="button" class="link-button" onclick={d.send(workshop::Event::DismissRefusals)}>{ lang.t(msg!("Dismiss")) }</button>
        </div>
    }
}

fn respondents(team: &Team, d: &Dispatch, lang: Lang) -> Html {
    let rows = team.respondents.iter().enumerate().map(|(index, r)| {
        let rename = {
            let d = d.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                d.dispatch(workshop::Event::Rename { index, name: input.value() });
            })
        };
        let id = format!("respondent-{index}");
        html! {
            // Keyed by file: after a removal, no name input is reused for another person.
            <li key={r.key().to_string()} data-respondent={index.to_string()}>
                <label for={id.clone()}>{ lang.f(msg!("Name of respondent {n}"), &[("n", &(index + 1))]) }</label>
                <input id={id} type="text" maxlength={MAX_NAME_CHARS.to_string()} value={r.name.clone()} oninput={rename} />
                <span class="muted">{ lang.f(msg!("from {file}"), &[("file", &outside(&r.file, 60))]) }</span>
                if let Some(old) = &r.migrated_from {
                    <span class="muted">{" "}{ lang.f(msg!("(carried over from version {old})"), &[("old", &outside(old, 20))]) }</span>
                }
                <button type="button" class="link-button small danger" onclick={d.send(workshop::Event::Remove(index))}>{ lang.f(msg!("Remove {name}"), &[("name", &outside(&r.name, 40))]) }</button>
            </li>
        }
    });
    html! { <ol class="respondents" data-testid="respondents">{ for rows }</ol> }
}

/// Respondents who described the organisation differently answered different items.
fn profile_differences(team: &Team, lang: Lang) -> Html {
    let differences = team.profile_differences(lang);
    if differences.is_empty() {
        return Html::default();
    }
    html! {
        <p class="notice inline" role="status" data-testid="profile-differences">
            { lang.f(msg!("The respondents described the organisation differently ({what}). The comparison uses one profile (yours, or the first respondent's until you have one): agree on the organisation profile together first."), &[("what", &differences.join("; "))]) }
        </p>
    }
}

/// What respondents wrote about an item: each note and "not applicable" justification, with
/// their name, exactly as typed.
fn remarks(team: &Team, item: &str, lang: Lang) -> Html {
    let remarks = team.remarks(item);
    if remarks.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="remarks" data-testid="remarks">
            { for remarks.iter().map(|r| {
                let who = team.respondents[r.respondent].shown_name();
                let label = if r.justification {
                    lang.f(msg!("{name}, why not applicable:"), &[("name", &who)])
                } else {
                    lang.f(msg!("{name} notes:"), &[("name", &who)])
                };
                html! { <li><strong>{ label }</strong>{" "}<span class="note-text" dir="auto">{ &r.text }</span></li> }
            }) }
        </ul>
    }
}

fn header_cells(team: &Team) -> Html {
    team.respondents
        .iter()
        .map(|r| html! { <th scope="col" class="num">{ r.shown_name() }</th> })
        .collect()
}

fn sections_table(team: &Team, summary: &Summary, lang: Lang) -> Html {
    let rows = summary.sections.iter().map(|s| html! {
        <tr data-section={s.id.clone()} class={s.disagree.then_some("disagree")}>
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
            <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores" data-testid="team-sections">
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
    text::status_text(&team.questionnaire, s)
}

/// One respondent's answer in the table: short on screen (the level, "?", "N/A", "–"), in full
/// for screen readers and in the tooltip, so a dozen columns fit a phone.
fn answer_cell(team: &Team, s: &ItemStatus, lang: Lang) -> Html {
    let short = Some(cell_text(s, lang))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "–".into());
    let full = status(team, s);
    html! {
        <td class={format!("answer {}", cell_class(s))} title={full.clone()}>
            <span aria-hidden="true">{ short }</span><span class="visually-hidden">{ full }</span>
        </td>
    }
}

fn discuss_first(team: &Team, summary: &Summary, d: &Dispatch, lang: Lang) -> Html {
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
                    <a class="item-id" href={format!("#team-row-{}", row.id.replace('.', "-"))}>{ &row.id }</a>{" "}<strong>{ &row.title }</strong>
                    if row.gate.is_some() { {" "}<span class="badge stage">{ lang.t(msg!("Certification blocker")) }</span> }
                    <br /><span class="muted">{ answers }</span>
                    { remarks(team, &row.id, lang) }
                    <p class="consensus-line">{ pick_select(team, row, "discuss", d, lang) }</p>
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
/// Room above the cells for the slanted names.
const HEAD: usize = 70;

/// An answer in one cell (heatmap and table): the level, "?", "N/A" or nothing.
fn cell_text(s: &ItemStatus, lang: Lang) -> String {
    match s {
        ItemStatus::Level(l) => l.to_string(),
        ItemStatus::DontKnow => "?".into(),
        ItemStatus::NotApplicable | ItemStatus::NeedsJustification => lang.t(msg!("N/A")).into(),
        ItemStatus::Unanswered | ItemStatus::Hidden => String::new(),
    }
}

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
    let width = LABEL + CELL * team.respondents.len() + 24 + HEAD;
    let height = CELL * summary.items.len() + HEAD;
    let title = lang.t(msg!(
        "Answers per item and respondent; a flag marks items to discuss"
    ));
    // The respondents' names, slanted over their columns (cut to 14 characters; the tables
    // give them in full).
    let heads = team.respondents.iter().enumerate().map(|(n, r)| {
        let x = LABEL + CELL * n + CELL / 2;
        let y = HEAD - 6;
        let name: String = r.name.chars().take(14).collect();
        html! { <text class="head" x={x.to_string()} y={y.to_string()} transform={format!("rotate(-45 {x} {y})")}>{ name }</text> }
    });
    let rows = summary.items.iter().enumerate().map(|(row, item)| {
        let y = HEAD + CELL * row;
        html! {
            <g class={if item.disagree { "heat-row disagree" } else { "heat-row" }}>
                <text x={(LABEL - 6).to_string()} y={(y + 15).to_string()} text-anchor="end">{ &item.id }</text>
                { for item.answers.iter().enumerate().map(|(n, a)| {
                    let x = LABEL + CELL * n;
                    let dark = matches!(a, ItemStatus::Level(l) if *l >= 2);
                    html! {
                        <>
                        <rect class={format!("heat {}", cell_class(a))} x={x.to_string()} y={y.to_string()} width={(CELL - 2).to_string()} height={(CELL - 2).to_string()} rx="2" />
                        <text class={if dark { "heat-text on-dark" } else { "heat-text" }} x={(x + CELL / 2 - 1).to_string()} y={(y + 15).to_string()}>{ cell_text(a, lang) }</text>
                        </>
                    }
                }) }
                if item.disagree {
                    <text class="flag" x={(LABEL + CELL * team.respondents.len() + 4).to_string()} y={(y + 15).to_string()}>{"⚑"}</text>
                }
            </g>
        }
    });
    let top = team.questionnaire.scale.top();
    let legend = (0..=top).map(|l| html! {
        <span class="legend"><span class={format!("swatch heat level-{l}")} aria-hidden="true"></span>{ lang.f(msg!("level {level}, {label}"), &[("level", &l), ("label", &team.questionnaire.scale.levels[usize::from(l)].label.to_lowercase())]) }</span>
    });
    html! {
        <figure class="chart heatmap" data-testid="heatmap">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={title} width={width.to_string()} height={height.to_string()}>
                { for heads }
                { for rows }
            </svg>
            <figcaption>
                { lang.t(msg!("Each column is a respondent, named above it; each cell prints the answer, and the table below gives every answer in words.")) }{" "}
                { for legend }
                <span class="legend"><span class="swatch heat dont-know" aria-hidden="true"></span>{ lang.t(msg!("don't know")) }</span>
                <span class="legend"><span class="swatch heat na" aria-hidden="true"></span>{ lang.t(msg!("not applicable")) }</span>
                <span class="legend"><span class="swatch heat none" aria-hidden="true"></span>{ lang.t(msg!("not answered yet")) }</span>
            </figcaption>
        </figure>
    }
}

/// The consensus for one item: the median rule (saying what it gives) or one respondent's
/// answer.
fn pick_select(team: &Team, row: &ItemRow, place: &str, d: &Dispatch, lang: Lang) -> Html {
    let item = row.id.as_str();
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
            d.dispatch(workshop::Event::Pick {
                item: item.clone(),
                pick,
            });
        })
    };
    // "Median rule: 1 Partly, ad hoc", so the rule's answer is never read as a contradiction.
    let rule = team
        .median_answer(item)
        .map(|a| {
            let shown = match a {
                Answer::Level(l) => ItemStatus::Level(l),
                Answer::DontKnow => ItemStatus::DontKnow,
                Answer::NotApplicable(_) => ItemStatus::NotApplicable,
            };
            status(team, &shown)
        })
        .unwrap_or_else(|| lang.t(msg!("no answer")).into());
    let median_label = lang.f(msg!("Median rule: {answer}"), &[("answer", &rule)]);
    // The same control stands in "to discuss first" and in the table: one id for each place.
    let id = format!("pick-{place}-{}", item.replace('.', "-"));
    html! {
        <>
        <label class="visually-hidden" for={id.clone()}>{ lang.f(msg!("Consensus for {item}"), &[("item", &item)]) }</label>
        <select {id} {onchange} data-testid="consensus-pick">
            <option value="median" selected={current == Pick::Median}>{ median_label }</option>
            { for team.respondents.iter().enumerate().map(|(n, r)| html! {
                <option value={n.to_string()} selected={current == Pick::From(n)}>{ lang.f(msg!("{name}: {answer}"), &[("name", &r.shown_name()), ("answer", &status(team, &row.answers[n]))]) }</option>
            }) }
        </select>
        </>
    }
}

fn items_table(
    team: &Team,
    summary: &Summary,
    profile: &crate::domain::Profile,
    d: &Dispatch,
    lang: Lang,
) -> Html {
    let consensus = team.consensus();
    let rows = summary.items.iter().map(|row| {
        let agreed = team
            .questionnaire
            .item(&row.id)
            .map(|i| status(team, &ItemStatus::of(i, profile, &consensus)))
            .unwrap_or_default();
        html! {
            <tr id={format!("team-row-{}", row.id.replace('.', "-"))} data-item={row.id.clone()} class={row.disagree.then_some("disagree")}>
                <th scope="row">{ format!("{} {}", row.id, row.title) }{ remarks(team, &row.id, lang) }</th>
                <td data-col="consensus">{ pick_select(team, row, "table", d, lang) }<span class="muted">{" "}{ agreed }</span></td>
                { for row.answers.iter().map(|a| answer_cell(team, a, lang)) }
                <td class="num" data-col="median">{ median_text(row, lang) }</td>
                <td class="num" data-col="spread">{ row.spread.map_or(String::new(), |s| s.to_string()) }</td>
                <td>{ mark(row.disagree, lang) }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="team-items-title">
            <h2 id="team-items-title">{ lang.t(msg!("Every answer")) }</h2>
            <div class="table-scroll" data-scroll-hint={lang.t(msg!("Scroll sideways for more columns."))}><table class="scores team-items" data-testid="team-items">
                <caption>{ lang.t(msg!("Each respondent's answer per item, the median and spread of the levels given, and the consensus")) }<br /><span class="muted">{ lang.t(msg!("Answers: the level, ? for \"don't know\", N/A for \"not applicable\", – for not answered.")) }</span></caption>
                <thead><tr><th scope="col">{ lang.t(msg!("Item")) }</th><th scope="col">{ lang.t(msg!("Consensus")) }</th>{ header_cells(team) }<th scope="col" class="num">{ lang.t(msg!("Median")) }</th><th scope="col" class="num">{ lang.t(msg!("Spread")) }</th><th scope="col">{ lang.t(msg!("To discuss")) }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </section>
    }
}

/// The median of the levels given, and how many said "not applicable" (not in the median).
fn median_text(row: &ItemRow, lang: Lang) -> String {
    let median = row
        .median_tenths
        .map_or(String::new(), |t| lang.one_decimal(u64::from(t)));
    match row.not_applicable {
        0 => median,
        n => lang
            .f(
                msg!("{median} ({n} N/A)"),
                &[("median", &median), ("n", &n)],
            )
            .trim()
            .to_string(),
    }
}

fn consensus_panel(team: &Team, d: &Dispatch, lang: Lang) -> Html {
    let export = |export: Export| d.send(shared::Event::Export(export));
    html! {
        <section class="consensus" aria-labelledby="consensus-title">
            <h2 id="consensus-title">{ lang.t(msg!("Consensus")) }</h2>
            <p>{ lang.t(msg!("By default each item takes the median of the levels given; with an even number of levels, the lower of the two middle ones, so the consensus never claims more than half the team said. \"Not applicable\" is taken only when more people chose it than gave a level. Pick a respondent's answer instead in the table above where the discussion settled on it.")) }</p>
            <p>{ lang.f(msg!("Adopting replaces your current answers to the {title} with the consensus ({n} answers), keeps your profile and notes, and can be undone right after. Then change any answer as usual."), &[("title", &team.questionnaire.title), ("n", &team.consensus().len())]) }</p>
            <div class="button-row">
                <button type="button" class="button" data-testid="adopt-consensus" onclick={d.send(workshop::Event::Adopt)}>{ lang.t(msg!("Adopt the consensus as my assessment")) }</button>
                <button type="button" class="button secondary" data-testid="export-team-csv" onclick={export(Export::TeamCsv)}>{ lang.t(msg!("Team table (CSV)")) }</button>
                <button type="button" class="button secondary" data-testid="export-team-md" onclick={export(Export::TeamMarkdown)}>{ lang.t(msg!("Team comparison (Markdown)")) }</button>
            </div>
        </section>
    }
}

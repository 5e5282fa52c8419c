//! The team view as files: its table as CSV (every respondent's answer per item, median,
//! spread, mark, consensus and remarks) and as a Markdown section.

use crate::figures::scoring::ItemStatus;
use crate::figures::team::{ItemRow, Team};
use crate::figures::text::{maturity_text, status_text, yes_no};
use crate::formats::write::{self, csv_id, md_cell, md_text};
use crate::model::i18n::msg;
use crate::model::profile::Profile;

/// The team table as CSV, one row per item: every respondent's answer, median, spread, mark
/// and the consensus, in the questionnaire's language and its spreadsheet conventions.
pub fn csv(team: &Team, profile: &Profile) -> String {
    let q = &team.questionnaire;
    let lang = q.lang();
    let summary = team.summary(profile);
    let mut header: Vec<String> = vec![lang.t(msg!("Item")).into(), lang.t(msg!("Title")).into()];
    header.extend(team.respondents.iter().map(|r| r.name.clone()));
    header.extend([
        lang.t(msg!("Median")).into(),
        lang.t(msg!("Spread")).into(),
        lang.t(msg!("To discuss")).into(),
        lang.t(msg!("Consensus")).into(),
        lang.t(msg!("Notes and justifications")).into(),
    ]);
    let mut rows = vec![header];
    let consensus = team.consensus();
    for row in &summary.items {
        let Some(item) = q.item(&row.id) else {
            continue;
        };
        let mut cells = vec![csv_id(item, lang), row.title.clone()];
        cells.extend(row.answers.iter().map(|a| status_text(q, a)));
        let agreed = status_text(q, &ItemStatus::of(item, profile, &consensus));
        cells.extend([
            row.median_tenths
                .map_or(String::new(), |t| lang.one_decimal(u64::from(t))),
            row.spread.map_or(String::new(), |s| s.to_string()),
            yes_no(lang, row.disagree),
            agreed,
            team.remark_lines(&row.id).join("\n"),
        ]);
        rows.push(cells);
    }
    write::csv(&rows, lang)
}

/// The team's results as a Markdown section: who took part, the sections side by side and
/// the items to discuss first.
pub fn markdown(team: &Team, profile: &Profile) -> String {
    let q = &team.questionnaire;
    let lang = q.lang();
    let summary = team.summary(profile);
    let mut out = format!("## {}\n\n", lang.t(msg!("Team comparison")));
    out.push_str(&lang.f(
        msg!("{n} respondents answered the {title} (version {version}):"),
        &[
            ("n", &team.respondents.len()),
            ("title", &md_text(&q.title)),
            ("version", &q.version),
        ],
    ));
    out.push_str("\n\n");
    for r in &team.respondents {
        out.push_str(&format!("- {}\n", md_text(&r.shown_name())));
    }
    out.push_str(&format!(
        "\n| {} |",
        lang.f(msg!("Maturity (0-{top})"), &[("top", &q.scale.top())])
    ));
    for r in &team.respondents {
        out.push_str(&format!(" {} |", md_cell(&r.shown_name())));
    }
    out.push_str(&format!(
        " {} | {} |\n|---|",
        lang.t(msg!("Median")),
        lang.t(msg!("Spread"))
    ));
    out.push_str(&"---:|".repeat(team.respondents.len() + 2));
    out.push('\n');
    for s in &summary.sections {
        let mark = if s.disagree { " ⚑" } else { "" };
        out.push_str(&format!("| {} {}{mark} |", s.id, md_cell(&s.title)));
        for m in &s.maturity {
            out.push_str(&format!(" {} |", maturity_text(*m, lang)));
        }
        out.push_str(&format!(
            " {} | {} |\n",
            maturity_text(s.median_tenths, lang),
            maturity_text(s.spread_tenths, lang)
        ));
    }
    out.push_str(&format!("\n### {}\n\n", lang.t(msg!("To discuss first"))));
    if summary.discuss_first.is_empty() {
        out.push_str(lang.t(msg!(
            "The respondents agree within one level on every item."
        )));
        out.push('\n');
    }
    for id in &summary.discuss_first {
        let Some(row) = summary.items.iter().find(|i| &i.id == id) else {
            continue;
        };
        let answers: Vec<String> = team
            .respondents
            .iter()
            .zip(&row.answers)
            .map(|(r, a)| format!("{}: {}", md_text(&r.shown_name()), status_text(q, a)))
            .collect();
        out.push_str(&format!(
            "- **{}** {}: {}\n",
            row.id,
            md_text(&row.title),
            answers.join("; ")
        ));
        for line in team.remark_lines(id) {
            out.push_str(&format!("  - {}\n", md_text(&line)));
        }
    }
    let remarked: Vec<&ItemRow> = summary
        .items
        .iter()
        .filter(|i| !team.remarks(&i.id).is_empty())
        .collect();
    if !remarked.is_empty() {
        out.push_str(&format!(
            "\n### {}\n\n",
            lang.t(msg!("Notes and justifications"))
        ));
        for row in remarked {
            out.push_str(&format!("- **{}** {}\n", row.id, md_text(&row.title)));
            for line in team.remark_lines(&row.id) {
                out.push_str(&format!("  - {}\n", md_text(&line)));
            }
        }
    }
    out.push_str(&format!(
        "\n{}\n",
        lang.t(msg!("⚑ marks respondents two or more levels apart, a \"don't know\", or a level beside \"not applicable\"."))
    ));
    out
}

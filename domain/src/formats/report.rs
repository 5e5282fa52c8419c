//! The Markdown report: the verdict, the scores, the blockers, the roadmap, the documents, the
//! EU AI Act dates and the notes, in one document a person can hand on.

use crate::figures::applicability::exclusions;
use crate::figures::documents::checklist;
use crate::figures::roadmap::{person_days, Roadmap, TaskKind};
use crate::figures::scoring::Assessment;
use crate::figures::text::{maturity_text, organisation, percent_text, status_text};
use crate::formats::write::{md_cell, md_text};
use crate::model::answers::Answers;
use crate::model::answers::Notes;
use crate::model::date::Date;
use crate::model::i18n::msg;
use crate::model::profile::Profile;
use crate::model::questionnaire::{Item, Questionnaire};
use std::fmt::Write;

/// A Markdown report for people who edit in a word processor.
pub fn markdown(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    today: Date,
) -> String {
    markdown_by(
        q,
        profile,
        answers,
        notes,
        &crate::model::answers::People::default(),
        today,
    )
}

/// [`markdown`], saying who answered (and, for a team's consensus, who took part).
pub fn markdown_by(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    notes: &Notes,
    people: &crate::model::answers::People,
    today: Date,
) -> String {
    let lang = q.lang();
    let a = Assessment::compute(q, profile, answers);
    let r = Roadmap::plan(q, profile, answers, today);
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", lang.t(msg!("ISO/IEC 42001 readiness report")));
    let _ = writeln!(
        md,
        "{}\n",
        lang.f(
            msg!("{title} (version {version}), {date}."),
            &[
                ("title", &q.title),
                ("version", &q.version),
                ("date", &lang.date(today))
            ]
        )
    );
    let _ = writeln!(md, "> {}\n", lang.t(msg!("Indicative self-assessment based on the organisation's own answers. It is not an audit and not a statement of conformity.")));
    if let Some(note) = crate::model::i18n::titles_note(lang) {
        let _ = writeln!(md, "> {note}\n");
    }
    summary_markdown(&mut md, q, &a, &r);
    let _ = writeln!(md, "## {}\n", lang.t(msg!("Organisation")));
    for who in people.lines(lang) {
        let _ = writeln!(md, "- {}", md_text(&who));
    }
    for (label, value) in organisation(profile, lang) {
        let _ = writeln!(md, "- {label}: {value}");
    }
    let _ = writeln!(md, "\n## {}\n", lang.t(msg!("Readiness")));
    let _ = writeln!(
        md,
        "{}\n",
        lang.f(
            msg!("**{percent}** overall: {band} ({points} of {max} points; {answered} of {applicable} questions answered)."),
            &[
                ("percent", &percent_text(a.percent(), lang)),
                ("band", &a.band.label(lang)),
                ("points", &a.points),
                ("max", &a.max_points),
                ("answered", &a.answered),
                ("applicable", &a.applicable),
            ]
        )
    );
    if let Some(text) = crate::figures::explain::cap_text(q, &a, lang) {
        let _ = writeln!(md, "{}\n", md_text(&text));
    }
    if !a.blockers.is_empty() {
        let _ = writeln!(md, "### {}\n", lang.t(msg!("Certification blockers")));
        for b in &a.blockers {
            let why = crate::figures::explain::blocker_reason(q, b, lang)
                .unwrap_or_else(|| status_text(q, &b.status).to_lowercase());
            let _ = writeln!(
                md,
                "- {} {}: {} ({})",
                b.id,
                md_text(&b.title),
                md_text(&why),
                b.stage.stops(lang)
            );
        }
        md.push('\n');
    }
    let _ = writeln!(
        md,
        "### {}\n",
        lang.t(msg!("Maturity by clause and Annex A area"))
    );
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} |",
        lang.t(msg!("Section")),
        lang.t(msg!("Title")),
        lang.f(msg!("Maturity (0-{top})"), &[("top", &q.scale.top())]),
        lang.t(msg!("Score")),
        lang.t(msg!("Answered"))
    );
    let _ = writeln!(md, "|---|---|---:|---:|---:|");
    for s in a.sections.iter().filter(|s| s.applicable > 0) {
        let maturity = maturity_text(s.maturity_tenths(), lang);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} / {} |",
            s.id,
            md_cell(&s.title),
            maturity,
            percent_text(s.percent(), lang),
            s.answered,
            s.applicable
        );
    }
    if !a.unknowns.is_empty() {
        let _ = writeln!(md, "\n### {}\n", lang.t(msg!("Things to find out")));
        for (id, title) in &a.unknowns {
            let _ = writeln!(md, "- {id} {}", md_text(title));
        }
    }
    documents_markdown(&mut md, q, profile, answers);
    let _ = writeln!(
        md,
        "\n## {}\n",
        lang.f(
            if r.upper.is_some() {
                msg!("Roadmap: at least {weeks} weeks, {effort}")
            } else {
                msg!("Roadmap: about {weeks} weeks, {effort}")
            },
            &[
                ("weeks", &r.total_weeks),
                ("effort", &person_days(r.total_effort, lang))
            ]
        )
    );
    let _ = writeln!(md, "{}\n", md_text(&r.headline(lang)));
    for p in &r.phases {
        let _ = writeln!(
            md,
            "### {}\n",
            lang.f(
                msg!("Phase {n}: {title} (weeks {from}-{to})"),
                &[
                    ("n", &p.phase.number()),
                    ("title", &p.phase.title(lang)),
                    ("from", &p.start_week),
                    ("to", &p.end_week)
                ]
            )
        );
        for m in p.milestones(lang) {
            let _ = writeln!(md, "- {}", md_text(&m));
        }
        for t in &p.tasks {
            let flag = if t.blocker {
                format!(" **({})**", lang.t(msg!("audit blocker")))
            } else {
                String::new()
            };
            let from = match &t.kind {
                TaskKind::SupplierRequirement { excluded } => {
                    format!(" ({})", lang.f(msg!("from {item}"), &[("item", excluded)]))
                }
                _ => String::new(),
            };
            let id = if t.item_id.is_empty() {
                String::new()
            } else {
                format!("{} ", t.item_id)
            };
            let _ = writeln!(
                md,
                "- [ ] {id}{}{}{}: {}",
                md_text(&t.text),
                from,
                flag,
                person_days(t.effort, lang)
            );
        }
        md.push('\n');
    }
    let _ = writeln!(
        md,
        "### {}\n",
        lang.t(msg!("After certification: the three-year cycle"))
    );
    for m in &r.cycle {
        let _ = writeln!(
            md,
            "- {}: {}",
            lang.f(msg!("week {n}"), &[("n", &m.week)]),
            md_text(&m.text(lang))
        );
    }
    md.push('\n');
    if !r.legal.is_empty() {
        let _ = writeln!(
            md,
            "### {} ({})\n",
            lang.t(msg!("EU AI Act dates that bind the organisation")),
            crate::model::regulation::as_of(lang)
        );
        for m in &r.legal {
            let _ = writeln!(
                md,
                "- {} ({}; {})",
                md_text(&m.text(lang)),
                m.duty.articles,
                m.duty.binds.label(lang)
            );
        }
        if let Some(note) = crate::model::regulation::term_note(lang) {
            let _ = writeln!(md, "\n{}", md_text(note));
        }
        if let Some(warning) = r.legal_warning(lang) {
            let _ = writeln!(md, "\n{}", md_text(&warning));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "### {}\n", lang.t(msg!("Assumptions")));
    for line in r.assumptions(profile, lang) {
        let _ = writeln!(md, "- {line}");
    }
    let excluded = exclusions(q, profile, answers);
    if !excluded.is_empty() {
        let _ = writeln!(
            md,
            "\n## {}\n",
            lang.t(msg!(
                "Controls excluded from the Statement of Applicability"
            ))
        );
        for e in &excluded {
            let _ = writeln!(
                md,
                "- **{} {}**: {}",
                e.id,
                md_text(&e.title),
                md_text(&e.justification)
            );
        }
    }
    let noted: Vec<&Item> = q
        .items()
        .filter(|i| notes.get(&i.id).is_some_and(|n| !n.is_empty()))
        .collect();
    if !noted.is_empty() {
        let _ = writeln!(md, "\n## {}\n", lang.t(msg!("Notes")));
        for item in noted {
            let _ = writeln!(
                md,
                "- **{} {}**: {}",
                item.id,
                md_text(&item.title),
                md_text(&notes[&item.id])
            );
        }
    }
    md
}

/// The report's first section, one page: readiness and band, the open blockers, the first
/// actions and the timeline.
fn summary_markdown(md: &mut String, q: &Questionnaire, a: &Assessment, r: &Roadmap) {
    let lang = q.lang();
    let s = crate::figures::summary::summary(q, a, r, lang);
    let _ = writeln!(md, "## {}\n", lang.t(msg!("Summary")));
    let _ = writeln!(md, "{}\n", md_text(&s.readiness));
    let _ = writeln!(md, "{}\n", md_text(&s.blockers));
    if !s.actions.is_empty() {
        let _ = writeln!(md, "**{}**\n", lang.t(msg!("First actions")));
        for action in &s.actions {
            let _ = writeln!(md, "- {}", md_text(action));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "{}\n", md_text(&s.timeline));
    for phase in &s.phases {
        let _ = writeln!(md, "- {}", md_text(phase));
    }
    md.push('\n');
}

/// The documents the standard requires (and those auditors expect), with where each stands.
fn documents_markdown(md: &mut String, q: &Questionnaire, profile: &Profile, answers: &Answers) {
    let lang = q.lang();
    let _ = writeln!(md, "\n## {}\n", lang.t(msg!("Documents")));
    let _ = writeln!(
        md,
        "| {} | {} | {} |",
        lang.t(msg!("Document")),
        lang.t(msg!("Required")),
        lang.t(msg!("Status"))
    );
    let _ = writeln!(md, "|---|---|---|");
    for d in checklist(q, profile, answers) {
        let required = if d.mandatory {
            msg!("Yes")
        } else {
            msg!("Expected")
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            md_cell(&d.title),
            lang.t(required),
            d.status.label(lang)
        );
    }
}

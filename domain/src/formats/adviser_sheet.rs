//! The adviser's sheet as Markdown: per gap what to ask, what evidence to request and which
//! answers to check, then the remaining checks (from `figures::advice`).

use crate::figures::advice::{checks, gaps, Gap};
use crate::figures::text::status_text;
use crate::formats::write::md_text;
use crate::model::answers::{Answers, People};
use crate::model::date::Date;
use crate::model::i18n::{msg, Lang};
use crate::model::profile::Profile;
use crate::model::questionnaire::Questionnaire;

/// The adviser's sheet as Markdown: per gap what to ask, what evidence to request and which
/// answers to check, then the remaining checks.
pub fn markdown(
    q: &Questionnaire,
    profile: &Profile,
    answers: &Answers,
    people: &People,
    today: Date,
) -> String {
    let lang = q.lang();
    let all = checks(q, profile, answers);
    let gaps = gaps(q, profile, answers, &all);
    let mut out = format!(
        "# {}\n\n{}\n\n",
        lang.f(msg!("Adviser's sheet: {title}"), &[("title", &md_text(&q.title))]),
        lang.f(
            msg!("Version {version}, prepared {date}. For the conversation with the client: each gap with what to ask and what evidence to request."),
            &[("version", &q.version), ("date", &lang.date(today))]
        )
    );
    for who in people.lines(lang) {
        out.push_str(&format!("{}\n\n", md_text(&who)));
    }
    out.push_str(&format!(
        "## {}\n\n",
        lang.f(msg!("Gaps ({n})"), &[("n", &gaps.len())])
    ));
    for g in &gaps {
        gap_markdown(&mut out, q, g, lang);
    }
    out.push_str(&format!("## {}\n\n", lang.t(msg!("Answers to check"))));
    if all.is_empty() {
        out.push_str(lang.t(msg!(
            "No answer looks inconsistent with another or with the profile."
        )));
        out.push('\n');
    }
    for c in &all {
        out.push_str(&format!("- {}\n", md_text(&c.text)));
    }
    out
}

fn gap_markdown(out: &mut String, q: &Questionnaire, g: &Gap, lang: Lang) {
    let blocker = if g.item.blocker {
        format!(" ({})", lang.t(msg!("certification blocker")))
    } else {
        String::new()
    };
    out.push_str(&format!(
        "### {} {}{blocker}\n\n- {}\n- {}\n",
        g.item.id,
        md_text(&g.item.title),
        lang.f(
            msg!("Now: {status}"),
            &[("status", &status_text(q, &g.status))]
        ),
        lang.f(
            msg!("Ask: {question}"),
            &[("question", &md_text(&g.item.question))]
        ),
    ));
    if let Some((level, evidence)) = g.next {
        out.push_str(&format!(
            "- {}\n",
            lang.f(
                msg!("Evidence for level {level}: {evidence}"),
                &[("level", &level), ("evidence", &md_text(evidence))]
            )
        ));
    }
    if !g.documents.is_empty() {
        let docs: Vec<String> = g.documents.iter().map(|d| md_text(d)).collect();
        out.push_str(&format!(
            "- {}\n",
            lang.f(
                msg!("Documents to request: {documents}"),
                &[("documents", &docs.join("; "))]
            )
        ));
    }
    for c in &g.checks {
        out.push_str(&format!(
            "- {}\n",
            lang.f(msg!("Check: {text}"), &[("text", &md_text(&c.text))])
        ));
    }
    out.push('\n');
}

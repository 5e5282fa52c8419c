//! Snapshot summaries of every questionnaire (ids, sections, weights, blockers, actions, counts), kept
//! in tests/snapshots/ so that any content change shows up in review.
//!
//! After an intended content change, refresh them with `UPDATE_SNAPSHOTS=1 cargo test -p aims-domain --test formats`.

use aims_domain::formats::catalogue;
use aims_domain::{Questionnaire, SectionKind};
use std::fmt::Write;
use std::fs;
use std::path::Path;

fn summary(q: &Questionnaire) -> String {
    let mut out = String::new();
    let items: Vec<_> = q.items().collect();
    let actions: usize = items.iter().map(|i| i.actions.len()).sum();
    writeln!(
        out,
        "{} {} ({}, {}): {}",
        q.id, q.version, q.status, q.language, q.title
    )
    .unwrap();
    writeln!(
        out,
        "{} sections, {} items ({} clause, {} annex), {} blockers, {} actions, {} documents ({} mandatory)",
        q.sections.len(),
        items.len(),
        items.iter().filter(|i| i.kind == SectionKind::Clause).count(),
        items.iter().filter(|i| i.kind == SectionKind::Annex).count(),
        items.iter().filter(|i| i.blocker).count(),
        actions,
        q.documents.len(),
        q.documents.iter().filter(|d| d.mandatory).count()
    )
    .unwrap();
    let levels: Vec<String> = q
        .scale
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, l.label))
        .collect();
    writeln!(
        out,
        "scale: {}; gate level {}",
        levels.join(" | "),
        q.scale.gate_level
    )
    .unwrap();
    for section in &q.sections {
        writeln!(
            out,
            "\n[{}] {:?} {} ({} items)",
            section.id,
            section.kind,
            section.title,
            section.items.len()
        )
        .unwrap();
        for item in &section.items {
            let mut flags = vec![format!("w{}", item.weight)];
            if let Some(stage) = item.gate {
                flags.push(format!("BLOCKER-{}", stage.key()));
            }
            if item.applies_when.is_some() {
                flags.push("conditional".into());
            }
            if let Some(na) = &item.suggest_na {
                flags.push(format!(
                    "suggest-na->{}",
                    na.supplier_item.as_deref().unwrap_or("-")
                ));
            }
            if !item.reuse.is_empty() {
                let reuse: Vec<String> = item
                    .reuse
                    .iter()
                    .map(|r| format!("{}:{}", r.from.key(), r.gives.key()))
                    .collect();
                flags.push(format!("reuse:{}", reuse.join(",")));
            }
            writeln!(out, "  {} {} [{}]", item.id, item.title, flags.join(" ")).unwrap();
            let steps: Vec<String> = item
                .actions
                .iter()
                .map(|a| format!("{}->P{} {}", a.from, a.phase.number(), a.effort))
                .collect();
            writeln!(out, "    actions: {}", steps.join(", ")).unwrap();
            if !item.documents.is_empty() {
                writeln!(out, "    documents: {}", item.documents.join(", ")).unwrap();
            }
            let refs: Vec<String> = item
                .refs
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.join(", ")))
                .collect();
            if !refs.is_empty() {
                writeln!(out, "    refs: {}", refs.join("; ")).unwrap();
            }
        }
    }
    out
}

#[test]
fn questionnaire_summaries_match_their_snapshots() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for entry in catalogue::load() {
        let q = entry
            .questionnaire
            .expect("every built-in questionnaire is valid");
        let path = dir.join(format!("{}.txt", q.id));
        let now = summary(&q);
        if update {
            fs::write(&path, &now).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(now.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "content changed; review and refresh with UPDATE_SNAPSHOTS=1 cargo test -p aims-domain --test formats: {stale:?}"
    );
}

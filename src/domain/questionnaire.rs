//! Questionnaire files: the raw JSON shape, the validated model, and validation that reports every error at once.

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use super::condition::Condition;
use super::i18n::Lang;
use super::profile::{Certification, Profile};
use super::roadmap::Phase;

/// The file format this build reads.
pub const FORMAT: u32 = 1;

// ---------------------------------------------------------------------------------------------
// Raw shape: everything optional or loosely typed, so validation can name each problem.

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawQuestionnaire {
    #[serde(rename = "$schema")]
    schema: Option<String>,
    format: Option<u32>,
    id: String,
    version: String,
    status: String,
    language: String,
    title: String,
    summary: String,
    minutes: u32,
    scale: RawScale,
    documents: Vec<RawDocument>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawScale {
    levels: Vec<RawLevel>,
    gate_level: Option<u8>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawLevel {
    value: Option<u8>,
    label: String,
    meaning: String,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawDocument {
    id: String,
    title: String,
    mandatory: bool,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawSection {
    id: String,
    kind: String,
    title: String,
    intro: String,
    items: Vec<RawItem>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawItem {
    id: String,
    title: String,
    question: String,
    why: String,
    levels: Vec<String>,
    weight: Option<u32>,
    blocker: bool,
    documents: Vec<String>,
    applies_when: Option<Value>,
    suggest_na: Option<RawNaSuggestion>,
    actions: Vec<RawAction>,
    reuse: Vec<String>,
    refs: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawNaSuggestion {
    when: Option<Value>,
    justification: String,
    supplier_item: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawAction {
    from: Option<u8>,
    phase: Option<u8>,
    days: Option<f64>,
    per_system: bool,
    text: String,
}

// ---------------------------------------------------------------------------------------------
// Validated model.

/// A validated questionnaire. Every invariant checked by [`Questionnaire::parse`] holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub status: String,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub scale: Scale,
    pub documents: Vec<Document>,
    pub sections: Vec<Section>,
}

/// The maturity scale shared by every item of a questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub levels: Vec<Level>,
    /// The level a certification blocker must reach ("implemented and documented").
    pub gate_level: u8,
}

impl Scale {
    pub fn top(&self) -> u8 {
        (self.levels.len() - 1) as u8
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub value: u8,
    pub label: String,
    pub meaning: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub mandatory: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// Clauses 4-10: every item always applies.
    Clause,
    /// Annex A areas: items may be excluded with a justification.
    Annex,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: String,
    pub kind: SectionKind,
    pub title: String,
    pub intro: String,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub question: String,
    pub why: String,
    /// What each level looks like in evidence, one text per scale level.
    pub levels: Vec<String>,
    pub weight: u32,
    pub blocker: bool,
    pub kind: SectionKind,
    pub documents: Vec<String>,
    pub applies_when: Option<Condition>,
    pub suggest_na: Option<NaSuggestion>,
    pub actions: Vec<ItemAction>,
    pub reuse: Vec<Certification>,
    /// Related references by framework key (`nist_ai_rmf`, `eu_ai_act`, `iso27001`).
    pub refs: BTreeMap<String, Vec<String>>,
}

impl Item {
    /// Whether the item applies to this profile; hidden items leave every figure.
    pub fn applies(&self, profile: &Profile) -> bool {
        self.applies_when.as_ref().is_none_or(|c| c.holds(profile))
    }

    /// The justification to prefill when "not applicable" is suggested for this profile.
    pub fn suggested_na(&self, profile: &Profile) -> Option<&str> {
        self.suggest_na
            .as_ref()
            .filter(|s| s.when.holds(profile))
            .map(|s| s.justification.as_str())
    }

    pub fn can_be_not_applicable(&self) -> bool {
        self.kind == SectionKind::Annex
    }

    /// Whether an existing certification lets the organisation reuse processes for this item.
    pub fn reusable_with(&self, profile: &Profile) -> Option<Certification> {
        self.reuse.iter().copied().find(|c| profile.holds(*c))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NaSuggestion {
    pub when: Condition,
    pub justification: String,
    /// The item (usually A.10.3, Suppliers) under which the excluded control's intent becomes a
    /// supplier requirement.
    pub supplier_item: Option<String>,
}

/// One step that moves an item up from level `from`.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemAction {
    pub from: u8,
    pub phase: Phase,
    /// Effort in person-days, for the whole organisation or per AI system.
    pub days: f64,
    pub per_system: bool,
    pub text: String,
}

/// Reference frameworks an item may cite.
pub const REF_FRAMEWORKS: [(&str, &str); 3] = [
    ("nist_ai_rmf", "NIST AI RMF"),
    ("eu_ai_act", "EU AI Act"),
    ("iso27001", "ISO/IEC 27001:2022"),
];

// ---------------------------------------------------------------------------------------------
// Errors.

/// One problem in a questionnaire file, naming where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub questionnaire: String,
    /// Item or section id, when the problem is inside one.
    pub item: Option<String>,
    pub field: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(
                f,
                "{}: {item}, field `{}`: {}",
                self.questionnaire, self.field, self.message
            ),
            None => write!(
                f,
                "{}: field `{}`: {}",
                self.questionnaire, self.field, self.message
            ),
        }
    }
}

/// Collects every problem of a content file at once (also used for translations).
pub(super) struct Errors {
    pub(super) questionnaire: String,
    pub(super) list: Vec<ContentError>,
}

impl Errors {
    pub(super) fn at(&mut self, item: Option<&str>, field: &str, message: impl Into<String>) {
        self.list.push(ContentError {
            questionnaire: self.questionnaire.clone(),
            item: item.map(str::to_string),
            field: field.to_string(),
            message: message.into(),
        });
    }

    fn top(&mut self, field: &str, message: impl Into<String>) {
        self.at(None, field, message);
    }

    fn require(&mut self, item: Option<&str>, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.at(item, field, "must not be empty");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Validation.

impl Questionnaire {
    /// Parses and validates a questionnaire file, returning every problem found.
    pub fn parse(json: &str) -> Result<Questionnaire, Vec<ContentError>> {
        let raw: RawQuestionnaire = serde_json::from_str(json).map_err(|e| {
            vec![ContentError {
                questionnaire: "(unreadable file)".into(),
                item: None,
                field: "(json)".into(),
                message: format!("not a valid questionnaire file: {e}"),
            }]
        })?;
        validate(raw)
    }

    /// The language of this questionnaire's texts (English for an undeclared language).
    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.language).unwrap_or_default()
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The localStorage key of this questionnaire's answers: id and version.
    pub fn storage_key(&self) -> String {
        format!("aims-readiness:{}:{}", self.id, self.version)
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_version(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    (1..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn validate(raw: RawQuestionnaire) -> Result<Questionnaire, Vec<ContentError>> {
    let name = if raw.id.trim().is_empty() {
        "(no id)".to_string()
    } else {
        raw.id.clone()
    };
    let mut e = Errors {
        questionnaire: name,
        list: Vec::new(),
    };

    match raw.format {
        Some(FORMAT) => {}
        Some(other) => e.top(
            "format",
            format!("format {other} is not supported (expected {FORMAT})"),
        ),
        None => e.top("format", format!("missing (expected {FORMAT})")),
    }
    if !is_slug(&raw.id) {
        e.top("id", "must be lowercase letters, digits and hyphens");
    }
    if !is_version(&raw.version) {
        e.top("version", "must look like 1, 1.2 or 1.2.3");
    }
    if !matches!(raw.status.as_str(), "draft" | "active" | "retired") {
        e.top("status", "must be draft, active or retired");
    }
    e.require(None, "language", &raw.language);
    e.require(None, "title", &raw.title);
    e.require(None, "summary", &raw.summary);
    if raw.minutes == 0 {
        e.top("minutes", "must be a positive estimate of the time needed");
    }

    let scale = validate_scale(&raw.scale, &mut e);
    let level_count = scale.levels.len();

    let mut documents = Vec::new();
    let mut doc_ids = HashSet::new();
    for doc in &raw.documents {
        let at = Some(doc.id.as_str());
        if !is_slug(&doc.id) {
            e.at(
                at,
                "documents.id",
                "must be lowercase letters, digits and hyphens",
            );
        } else if !doc_ids.insert(doc.id.clone()) {
            e.at(at, "documents.id", "appears twice");
        }
        e.require(at, "documents.title", &doc.title);
        documents.push(Document {
            id: doc.id.clone(),
            title: doc.title.clone(),
            mandatory: doc.mandatory,
        });
    }

    if raw.sections.is_empty() {
        e.top("sections", "a questionnaire needs at least one section");
    }
    let mut section_ids = HashSet::new();
    let mut item_ids = HashSet::new();
    let mut sections = Vec::new();
    for raw_section in raw.sections {
        let sid = raw_section.id.clone();
        let at = Some(sid.as_str());
        if sid.trim().is_empty() {
            e.at(at, "sections.id", "must not be empty");
        } else if !section_ids.insert(sid.clone()) {
            e.at(at, "sections.id", "appears twice");
        }
        let kind = match raw_section.kind.as_str() {
            "clause" => SectionKind::Clause,
            "annex" => SectionKind::Annex,
            other => {
                e.at(at, "kind", format!("`{other}` is neither clause nor annex"));
                SectionKind::Clause
            }
        };
        e.require(at, "title", &raw_section.title);
        if raw_section.items.is_empty() {
            e.at(at, "items", "a section needs at least one item");
        }
        let items = raw_section
            .items
            .into_iter()
            .map(|raw_item| {
                let item = validate_item(raw_item, kind, &sid, level_count, &doc_ids, &mut e);
                if !item.id.is_empty() && !item_ids.insert(item.id.clone()) {
                    e.at(Some(&item.id), "id", "appears twice in the questionnaire");
                }
                item
            })
            .collect();
        sections.push(Section {
            id: sid,
            kind,
            title: raw_section.title,
            intro: raw_section.intro,
            items,
        });
    }

    for item in sections.iter().flat_map(|s| &s.items) {
        let target = item
            .suggest_na
            .as_ref()
            .and_then(|s| s.supplier_item.as_ref());
        if let Some(target) = target {
            if !item_ids.contains(target) {
                e.at(
                    Some(&item.id),
                    "suggest_na.supplier_item",
                    format!("`{target}` is not an item of this questionnaire"),
                );
            }
        }
    }
    if !e.list.is_empty() {
        return Err(e.list);
    }
    let _ = raw.schema;
    Ok(Questionnaire {
        id: raw.id,
        version: raw.version,
        status: raw.status,
        language: raw.language,
        title: raw.title,
        summary: raw.summary,
        minutes: raw.minutes,
        scale,
        documents,
        sections,
    })
}

fn validate_scale(raw: &RawScale, e: &mut Errors) -> Scale {
    if raw.levels.len() < 2 || raw.levels.len() > 6 {
        e.top("scale.levels", "needs between 2 and 6 levels");
    }
    let mut levels = Vec::new();
    for (i, level) in raw.levels.iter().enumerate() {
        if level.value != Some(i as u8) {
            e.top(
                "scale.levels",
                format!(
                    "level {} must have value {i} (levels count up from 0)",
                    i + 1
                ),
            );
        }
        if level.label.trim().is_empty() || level.meaning.trim().is_empty() {
            e.top(
                "scale.levels",
                format!("level {i} needs a label and a meaning"),
            );
        }
        levels.push(Level {
            value: i as u8,
            label: level.label.clone(),
            meaning: level.meaning.clone(),
        });
    }
    let gate_level = match raw.gate_level {
        Some(g) if (g as usize) < raw.levels.len() && g > 0 => g,
        Some(_) => {
            e.top("scale.gate_level", "must be a level above 0 on the scale");
            1
        }
        None => {
            e.top(
                "scale.gate_level",
                "missing: the level a certification blocker must reach",
            );
            1
        }
    };
    if levels.len() < 2 {
        // Keep the model usable for the remaining checks.
        levels.resize_with(2, || Level {
            value: 0,
            label: String::new(),
            meaning: String::new(),
        });
    }
    Scale { levels, gate_level }
}

fn validate_item(
    raw: RawItem,
    kind: SectionKind,
    section: &str,
    level_count: usize,
    doc_ids: &HashSet<String>,
    e: &mut Errors,
) -> Item {
    let id = raw.id.trim().to_string();
    let at = if id.is_empty() {
        format!("(item without id in section {section})")
    } else {
        id.clone()
    };
    let at = Some(at.as_str());
    if id.is_empty() {
        e.at(at, "id", "must not be empty");
    } else if id != section && !id.starts_with(&format!("{section}.")) {
        e.at(at, "id", format!("does not belong to section {section}"));
    }
    e.require(at, "title", &raw.title);
    e.require(at, "question", &raw.question);
    e.require(at, "why", &raw.why);
    if raw.levels.len() != level_count {
        e.at(
            at,
            "levels",
            format!(
                "expected {level_count} level descriptions, found {}",
                raw.levels.len()
            ),
        );
    }
    for (i, text) in raw.levels.iter().enumerate() {
        if text.trim().is_empty() {
            e.at(at, "levels", format!("level {i} description is empty"));
        }
    }
    let weight = match raw.weight {
        Some(w @ 1..=10) => w,
        Some(w) => {
            e.at(at, "weight", format!("{w} is outside 1-10"));
            1
        }
        None => 1,
    };
    for doc in &raw.documents {
        if !doc_ids.contains(doc) {
            e.at(
                at,
                "documents",
                format!("`{doc}` is not in the questionnaire's documents"),
            );
        }
    }

    let applies_when = raw.applies_when.as_ref().and_then(|v| {
        Condition::from_json(v)
            .map_err(|m| e.at(at, "applies_when", m))
            .ok()
    });
    let suggest_na = raw.suggest_na.as_ref().and_then(|s| {
        e.require(at, "suggest_na.justification", &s.justification);
        let Some(when) = &s.when else {
            e.at(at, "suggest_na.when", "missing");
            return None;
        };
        Condition::from_json(when)
            .map_err(|m| e.at(at, "suggest_na.when", m))
            .ok()
            .map(|when| NaSuggestion {
                when,
                justification: s.justification.clone(),
                supplier_item: s.supplier_item.clone(),
            })
    });
    if kind == SectionKind::Clause {
        if raw.applies_when.is_some() {
            e.at(
                at,
                "applies_when",
                "clause items always apply and cannot be hidden",
            );
        }
        if raw.suggest_na.is_some() {
            e.at(at, "suggest_na", "clause items can never be not applicable");
        }
    }
    if raw.blocker && raw.applies_when.is_some() {
        e.at(
            at,
            "blocker",
            "a certification blocker must apply to every organisation",
        );
    }

    let top = level_count.saturating_sub(1) as u8;
    let mut actions = Vec::new();
    for (n, a) in raw.actions.iter().enumerate() {
        let field = format!("actions[{n}]");
        let from = match a.from {
            Some(f) if f < top => f,
            Some(f) => {
                e.at(
                    at,
                    &field,
                    format!("`from` {f} must be below the top level {top}"),
                );
                0
            }
            None => {
                e.at(at, &field, "`from` is missing");
                0
            }
        };
        let phase = match a.phase.and_then(Phase::from_number) {
            Some(p) => p,
            None => {
                e.at(at, &field, "`phase` must be 1 to 5");
                Phase::Assessment
            }
        };
        let days = match a.days {
            Some(d) if d > 0.0 && d <= 200.0 => d,
            _ => {
                e.at(at, &field, "`days` must be more than 0 and at most 200");
                1.0
            }
        };
        e.require(at, &format!("{field}.text"), &a.text);
        actions.push(ItemAction {
            from,
            phase,
            days,
            per_system: a.per_system,
            text: a.text.clone(),
        });
    }
    for level in 0..top {
        if !actions.iter().any(|a| a.from == level) {
            e.at(
                at,
                "actions",
                format!("no action moves the item up from level {level}"),
            );
        }
    }

    let mut reuse = Vec::new();
    for key in &raw.reuse {
        match Certification::from_key(key) {
            Some(c) => reuse.push(c),
            None => e.at(at, "reuse", format!("`{key}` is not a known certification")),
        }
    }
    for (framework, refs) in &raw.refs {
        if !REF_FRAMEWORKS.iter().any(|(k, _)| k == framework) {
            e.at(
                at,
                "refs",
                format!("`{framework}` is not a known framework"),
            );
        }
        if refs.iter().any(|r| r.trim().is_empty()) {
            e.at(at, "refs", format!("`{framework}` has an empty reference"));
        }
    }

    Item {
        id,
        title: raw.title,
        question: raw.question,
        why: raw.why,
        levels: raw.levels,
        weight,
        blocker: raw.blocker,
        kind,
        documents: raw.documents,
        applies_when,
        suggest_na,
        actions,
        reuse,
        refs: raw.refs,
    }
}

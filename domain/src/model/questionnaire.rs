//! Questionnaire files: the raw JSON shape, the validated model, and validation that reports every error at once.

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::model::condition::Condition;
use crate::model::i18n::{msg, Lang, Msg};
use crate::model::phase::Phase;
use crate::model::profile::{Certification, Profile};
use crate::model::standard::{gate_stage, Stage};

/// Reading speed assumed for the time estimate (a careful read of unfamiliar text).
pub const WORDS_PER_MINUTE: u32 = 200;
/// Time to pick an answer once the texts are read.
pub const SECONDS_PER_ANSWER: u32 = 10;

/// The file format this build reads (2: blockers are `gate` stages, not a `blocker` flag).
pub const FORMAT: u32 = 2;

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
    items_unchanged_since: Option<String>,
    status: String,
    language: String,
    title: String,
    summary: String,
    scale: RawScale,
    efforts: BTreeMap<String, RawEffort>,
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
struct RawEffort {
    days: Vec<f64>,
    per_system: bool,
    management_system: bool,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawReuse {
    from: String,
    gives: String,
    refs: Vec<String>,
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
    gate: Option<String>,
    documents: Vec<String>,
    applies_when: Option<Value>,
    suggest_na: Option<RawNaSuggestion>,
    actions: Vec<RawAction>,
    reuse: Vec<RawReuse>,
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
    effort: String,
    when: Option<Value>,
    blocker: Option<bool>,
    text: String,
}

// ---------------------------------------------------------------------------------------------
// Validated model.

/// Where a questionnaire version is in its life: a draft or an active version is offered, a
/// retired one only opens the saves and links made with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Draft,
    Active,
    Retired,
}

impl Status {
    /// Whether a questionnaire in this state is offered on the start screen (a retired version
    /// is still read, for answers saved with it, but never offered).
    pub fn offered(self) -> bool {
        self != Status::Retired
    }

    /// The value as written in the file.
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Retired => "retired",
        }
    }

    fn from_code(code: &str) -> Option<Status> {
        [Status::Draft, Status::Active, Status::Retired]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A validated questionnaire. Every invariant checked by [`Questionnaire::parse`] holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    /// The earliest version whose items are the same, in the same order, as this one's: share
    /// links made with it (which carry answers by position) are carried over item by item.
    pub items_unchanged_since: Option<String>,
    pub status: Status,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub scale: Scale,
    /// The effort model: person-days per kind of action and size band (questionnaires/README.md).
    pub efforts: BTreeMap<String, EffortKind>,
    pub documents: Vec<Document>,
    pub sections: Vec<Section>,
}

/// Effort is counted in tenths of a person-day to keep every figure exact.
pub type Tenths = u32;

/// One kind of action in the effort model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EffortKind {
    /// Person-days (in tenths) for a small, medium, large and enterprise organisation.
    pub days: [Tenths; 4],
    /// Done once per AI system in scope.
    pub per_system: bool,
    /// Management-system work (documents, programmes, agendas) that an existing certified
    /// management system shortens; never AI-specific work or running an audit or review.
    pub management_system: bool,
}

/// The kinds of action the roadmap itself creates; every questionnaire's effort model has them.
pub const FIND_OUT: &str = "find_out";
pub const SUPPLIER_REQUIREMENT: &str = "supplier_requirement";
/// The effort kind of preparing for, hosting and following up one certification audit stage.
pub const CERTIFICATION_AUDIT: &str = "certification_audit";

/// What an existing certified management system gives an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gives {
    /// A process to reuse as it is, with AI added to its scope.
    Reuse,
    /// A process to extend with AI-specific parts.
    Extend,
}

impl Gives {
    pub fn key(self) -> &'static str {
        match self {
            Gives::Reuse => "reuse",
            Gives::Extend => "extend",
        }
    }
}

/// One certification's contribution to an item, with the clauses or controls it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reuse {
    pub from: Certification,
    pub gives: Gives,
    pub refs: Vec<String>,
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
    /// A certification blocker: the item holds mandatory documented information, and below the
    /// gate level its absence stops this audit stage ([`crate::model::standard::GATE`]).
    pub gate: Option<Stage>,
    /// Whether the item is a certification blocker (`gate.is_some()`).
    pub blocker: bool,
    pub kind: SectionKind,
    pub documents: Vec<String>,
    pub applies_when: Option<Condition>,
    pub suggest_na: Option<NaSuggestion>,
    pub actions: Vec<ItemAction>,
    pub reuse: Vec<Reuse>,
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

    /// What the organisation's existing certifications give this item: the most useful held
    /// one (reuse before extend).
    pub fn reusable_with(&self, profile: &Profile) -> Option<&Reuse> {
        self.reuse
            .iter()
            .filter(|r| profile.holds(r.from))
            .min_by_key(|r| r.gives != Gives::Reuse)
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
    /// The kind of action in the questionnaire's effort model (`efforts`).
    pub effort: String,
    /// Only for profiles this holds for (for example high-risk systems under the EU AI Act):
    /// an extra step on top of the ones every organisation takes.
    pub when: Option<Condition>,
    /// Whether this step lifts the item's certification blocker (steps below the gate level
    /// do, unless the file says `"blocker": false`: a process that runs on triggers later).
    pub lifts_blocker: bool,
    pub text: String,
}

/// Reference frameworks an item may cite. `guidance` points to the standard's annexes (B
/// implementation guidance, C objectives and risk sources, D sectors) and related standards
/// (ISO/IEC 22989 concepts, 23894 AI risk management, 42005 impact assessment, ISO 19011 for
/// internal audits).
pub const REF_FRAMEWORKS: [(&str, FrameworkName); 4] = [
    ("nist_ai_rmf", FrameworkName::Proper("NIST AI RMF")),
    ("eu_ai_act", FrameworkName::Proper("EU AI Act")),
    ("iso27001", FrameworkName::Proper("ISO/IEC 27001:2022")),
    (
        "guidance",
        FrameworkName::Described(msg!("ISO/IEC 42001 guidance and related standards")),
    ),
];

/// How a reference framework is named: by its proper name in every language, or by a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameworkName {
    Proper(&'static str),
    Described(Msg),
}

impl FrameworkName {
    /// The name as shown in `lang`.
    pub fn show(self, lang: Lang) -> &'static str {
        match self {
            FrameworkName::Proper(name) => name,
            FrameworkName::Described(text) => lang.t(text),
        }
    }
}

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
pub(crate) struct Errors {
    pub(crate) questionnaire: String,
    pub(crate) list: Vec<ContentError>,
}

impl Errors {
    pub(crate) fn at(&mut self, item: Option<&str>, field: &str, message: impl Into<String>) {
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

    /// About how long the questionnaire takes, in whole minutes: reading every question and its
    /// level descriptions at [`WORDS_PER_MINUTE`], plus [`SECONDS_PER_ANSWER`] to choose.
    pub fn minutes(&self) -> u32 {
        let words = |text: &str| text.split_whitespace().count() as u32;
        let (reading, items) = self.items().fold((0, 0), |(w, n), item| {
            let level_words: u32 = item.levels.iter().map(|l| words(l)).sum();
            (w + words(&item.question) + level_words, n + 1)
        });
        (reading * 60 / WORDS_PER_MINUTE + items * SECONDS_PER_ANSWER).div_ceil(60)
    }

    /// The localStorage key of this questionnaire's answers: id and version.
    pub fn storage_key(&self) -> String {
        format!("aims-readiness:{}:{}", self.id, self.version)
    }
}

/// What the start screen shows of a questionnaire before its items are here: the content of
/// a first visit arrives in two parts, these heads with the interface texts, the
/// questionnaires with the later modules (`app::Library`).
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub id: String,
    pub version: String,
    pub status: Status,
    pub title: String,
    pub summary: String,
    /// How many items it has.
    pub items: u32,
    /// [`Questionnaire::minutes`].
    pub minutes: u32,
}

impl Head {
    pub fn of(q: &Questionnaire) -> Head {
        Head {
            id: q.id.clone(),
            version: q.version.clone(),
            status: q.status,
            title: q.title.clone(),
            summary: q.summary.clone(),
            items: q.items().count() as u32,
            minutes: q.minutes(),
        }
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// How two versions ("1.2.0", "2") compare, part by part as numbers; `None` when one is not a
/// version.
pub fn version_order(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    let parse = |v: &str| {
        v.split('.')
            .map(|p| p.parse::<u64>().ok())
            .collect::<Option<Vec<u64>>>()
    };
    let (mut a, mut b) = (parse(a)?, parse(b)?);
    let len = a.len().max(b.len());
    a.resize(len, 0);
    b.resize(len, 0);
    Some(a.cmp(&b))
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
        Some(1) => e.top(
            "format",
            "format 1 is no longer read: set `format` to 2, replace each `blocker: true` with `gate: \"stage1\"` or `\"stage2\"`, each action's `days` and `per_system` with an `effort` kind, and drop `minutes` (see questionnaires/README.md)",
        ),
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
    if let Some(since) = &raw.items_unchanged_since {
        if !is_version(since)
            || version_order(since, &raw.version) == Some(std::cmp::Ordering::Greater)
        {
            e.top(
                "items_unchanged_since",
                "must be a version like 1.0.0, no later than `version`",
            );
        }
    }
    let status = Status::from_code(&raw.status);
    if status.is_none() {
        e.top("status", "must be draft, active or retired");
    }
    e.require(None, "language", &raw.language);
    e.require(None, "title", &raw.title);
    e.require(None, "summary", &raw.summary);
    let efforts = validate_efforts(&raw.efforts, &mut e);

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
                let context = ItemContext {
                    kind,
                    section: &sid,
                    level_count,
                    doc_ids: &doc_ids,
                    efforts: &efforts,
                };
                let item = validate_item(raw_item, &context, &mut e);
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
        items_unchanged_since: raw.items_unchanged_since,
        status: status.unwrap_or(Status::Draft),
        language: raw.language,
        title: raw.title,
        summary: raw.summary,
        efforts,
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

/// Checks the effort model: four positive values per kind that never fall as the organisation
/// grows, and the kinds the roadmap itself uses.
fn validate_efforts(
    raw: &BTreeMap<String, RawEffort>,
    e: &mut Errors,
) -> BTreeMap<String, EffortKind> {
    let mut efforts = BTreeMap::new();
    for (key, effort) in raw {
        let field = format!("efforts.{key}");
        let days: Vec<Tenths> = effort
            .days
            .iter()
            .map(|d| (d * 10.0).round() as Tenths)
            .collect();
        let valid = days.len() == 4
            && effort.days.iter().all(|d| *d > 0.0 && *d <= 200.0)
            && days.windows(2).all(|w| w[0] <= w[1]);
        if !valid {
            e.top(
                &field,
                "`days` needs four values above 0 and at most 200 (small, medium, large, enterprise), never falling",
            );
            continue;
        }
        efforts.insert(
            key.clone(),
            EffortKind {
                days: [days[0], days[1], days[2], days[3]],
                per_system: effort.per_system,
                management_system: effort.management_system,
            },
        );
    }
    for needed in [FIND_OUT, SUPPLIER_REQUIREMENT, CERTIFICATION_AUDIT] {
        if !raw.contains_key(needed) {
            e.top(
                "efforts",
                format!("`{needed}` is missing: the roadmap uses it"),
            );
        }
    }
    efforts
}

/// What an item's checks need to know about the file around it.
struct ItemContext<'a> {
    kind: SectionKind,
    section: &'a str,
    level_count: usize,
    doc_ids: &'a HashSet<String>,
    efforts: &'a BTreeMap<String, EffortKind>,
}

fn validate_item(raw: RawItem, context: &ItemContext, e: &mut Errors) -> Item {
    let ItemContext {
        kind,
        section,
        level_count,
        doc_ids,
        ..
    } = *context;
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
    let gate = match raw.gate.as_deref().map(|g| (g, Stage::from_key(g))) {
        None => None,
        Some((_, Some(stage))) => Some(stage),
        Some((other, None)) => {
            e.at(
                at,
                "gate",
                format!("`{other}` is neither stage1 nor stage2"),
            );
            None
        }
    };
    let required = (kind == SectionKind::Clause)
        .then(|| gate_stage(&id))
        .flatten();
    match (gate, required) {
        (Some(_), _) if raw.applies_when.is_some() => e.at(
            at,
            "gate",
            "a certification blocker must apply to every organisation",
        ),
        (g, r) if g == r => {}
        (_, Some(r)) => e.at(
            at,
            "gate",
            format!(
                "{id} holds mandatory documented information an auditor asks for: its gate is \"{}\"",
                r.key()
            ),
        ),
        (Some(_), None) => e.at(
            at,
            "gate",
            "only the clause items whose mandatory documented information an auditor asks for are blockers",
        ),
        (None, None) => {}
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
        if !context.efforts.contains_key(&a.effort) {
            e.at(
                at,
                &field,
                format!(
                    "`effort` `{}` is not a kind in the file's `efforts`",
                    a.effort
                ),
            );
        }
        e.require(at, &format!("{field}.text"), &a.text);
        let when = a.when.as_ref().and_then(|w| {
            Condition::from_json(w)
                .map_err(|m| e.at(at, &format!("{field}.when"), m))
                .ok()
        });
        actions.push(ItemAction {
            from,
            phase,
            effort: a.effort.clone(),
            when,
            lifts_blocker: a.blocker.unwrap_or(true),
            text: a.text.clone(),
        });
    }
    for level in 0..top {
        if !actions.iter().any(|a| a.from == level && a.when.is_none()) {
            e.at(
                at,
                "actions",
                format!("no action moves the item up from level {level}"),
            );
        }
    }

    let mut reuse = Vec::new();
    for r in &raw.reuse {
        let gives = match r.gives.as_str() {
            "reuse" => Some(Gives::Reuse),
            "extend" => Some(Gives::Extend),
            other => {
                e.at(
                    at,
                    "reuse.gives",
                    format!("`{other}` is neither reuse nor extend"),
                );
                None
            }
        };
        if r.refs.iter().all(|x| x.trim().is_empty()) {
            e.at(
                at,
                "reuse.refs",
                "name the clauses or controls of the certification",
            );
        }
        match (Certification::from_key(&r.from), gives) {
            (Some(from), Some(gives)) => reuse.push(Reuse {
                from,
                gives,
                refs: r.refs.clone(),
            }),
            (None, _) => e.at(
                at,
                "reuse.from",
                format!("`{}` is not a known certification", r.from),
            ),
            _ => {}
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
        gate,
        blocker: gate.is_some(),
        kind,
        documents: raw.documents,
        applies_when,
        suggest_na,
        actions,
        reuse,
        refs: raw.refs,
    }
}

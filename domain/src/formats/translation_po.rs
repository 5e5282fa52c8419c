//! Questionnaire translations as gettext `.po` files, for translators' tools (Poedit and the
//! like), as the interface's texts are: [`to_po`] writes every text of a questionnaire with its
//! place as `msgctxt` and the English as `msgid` (and an existing translation as `msgstr`);
//! [`from_po`] turns a translated `.po` back into `<id>.<language>.json`, naming every text that
//! is missing, fuzzy, unknown or translated from an older English. Native tools only
//! (`scripts/questionnaire-po.sh`); never in the wasm.

use crate::model::i18n::Lang;
use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::model::questionnaire::Questionnaire;

/// Every text a translation file holds, in the file's order, each under its place:
/// `title`, `scale.0.label`, `documents.aims-scope`, `sections.4.intro`, `items.4.1.levels.2`, ...
pub fn places(q: &Questionnaire) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = vec![
        ("title".into(), q.title.as_str()),
        ("summary".into(), q.summary.as_str()),
    ];
    for (i, level) in q.scale.levels.iter().enumerate() {
        out.push((format!("scale.{i}.label"), &level.label));
        out.push((format!("scale.{i}.meaning"), &level.meaning));
    }
    for doc in &q.documents {
        out.push((format!("documents.{}", doc.id), &doc.title));
    }
    for s in &q.sections {
        out.push((format!("sections.{}.title", s.id), &s.title));
        if !s.intro.is_empty() {
            out.push((format!("sections.{}.intro", s.id), &s.intro));
        }
    }
    for item in q.items() {
        let at = |field: &str| format!("items.{}.{field}", item.id);
        out.push((at("title"), &item.title));
        out.push((at("question"), &item.question));
        out.push((at("why"), &item.why));
        for (i, level) in item.levels.iter().enumerate() {
            out.push((at(&format!("levels.{i}")), level));
        }
        for (i, action) in item.actions.iter().enumerate() {
            out.push((at(&format!("actions.{i}")), &action.text));
        }
        if let Some(na) = &item.suggest_na {
            out.push((at("justification"), &na.justification));
        }
    }
    out
}

/// The English name of a language code, for the file's comment (the code itself if unknown).
fn language_name(code: &str) -> &str {
    Lang::from_code(code).map_or(code, |l| l.conventions().english_name)
}

fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `.po` file of `base` (the English questionnaire) for the language `code`: every text
/// under its place, translated where `translated` (the questionnaire in that language, if
/// there is one) has it, empty otherwise.
pub fn to_po(base: &Questionnaire, translated: Option<&Questionnaire>, code: &str) -> String {
    let theirs: BTreeMap<String, &str> = translated
        .map(places)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let mut out = format!(
        "# {} texts of {}.json {}, one entry per place (msgctxt).\n\
         msgid \"\"\nmsgstr \"\"\n\
         \"Project-Id-Version: {} {}\\n\"\n\
         \"Language: {code}\\n\"\n\
         \"MIME-Version: 1.0\\n\"\n\
         \"Content-Type: text/plain; charset=UTF-8\\n\"\n\
         \"Content-Transfer-Encoding: 8bit\\n\"\n",
        language_name(code),
        base.id,
        base.version,
        base.id,
        base.version
    );
    for (place, english) in places(base) {
        let translation = theirs.get(&place).copied().unwrap_or("");
        out.push_str(&format!(
            "\nmsgctxt {}\nmsgid {}\nmsgstr {}\n",
            quote(&place),
            quote(english),
            quote(translation)
        ));
    }
    out
}

/// One value of a translation file, written in the order given (objects keep their keys'
/// order, as the files do: questionnaire order, not alphabetical).
enum Json {
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Text(text) => s.serialize_str(text),
            Json::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// The translation file (`<id>.<code>.json`) a translated `.po` of `base` gives; `Err` lists
/// every problem, each naming its place: a text not translated (or marked fuzzy), a text
/// translated from an English text that has changed since, a place the questionnaire does not
/// have, a line the reader cannot read.
pub fn from_po(base: &Questionnaire, po_text: &str, code: &str) -> Result<String, Vec<String>> {
    let entries = aims_po::parse_po_entries(po_text).map_err(|e| vec![e])?;
    let mut found: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut problems = Vec::new();
    for e in entries {
        let Some(place) = e.context else {
            problems.push(format!("{:?}: an entry without its place (msgctxt)", e.id));
            continue;
        };
        let text = e.forms.into_iter().next().unwrap_or_default();
        found.insert(place, (e.id, text));
    }
    let mut text = BTreeMap::new();
    for (place, english) in places(base) {
        match found.remove(&place) {
            None => problems.push(format!("{place}: not translated")),
            Some((id, _)) if id != english => problems.push(format!(
                "{place}: translated from an older English text; the English now reads {english:?}"
            )),
            Some((_, translation)) => {
                text.insert(place, translation);
            }
        }
    }
    problems.extend(
        found
            .into_keys()
            .map(|place| format!("{place}: not in the questionnaire")),
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut take = |place: String| Json::Text(text.remove(&place).unwrap_or_default());
    let plain = |t: &str| Json::Text(t.to_string());
    let scale = (0..base.scale.levels.len())
        .map(|i| {
            Json::List(vec![
                take(format!("scale.{i}.label")),
                take(format!("scale.{i}.meaning")),
            ])
        })
        .collect();
    let documents = base
        .documents
        .iter()
        .map(|d| (d.id.clone(), take(format!("documents.{}", d.id))))
        .collect();
    let sections = base
        .sections
        .iter()
        .map(|sec| {
            let title = take(format!("sections.{}.title", sec.id));
            let intro = take(format!("sections.{}.intro", sec.id));
            (sec.id.clone(), Json::List(vec![title, intro]))
        })
        .collect();
    let items = base
        .items()
        .map(|item| {
            let at = |field: &str| format!("items.{}.{field}", item.id);
            let mut fields = vec![
                ("title".to_string(), take(at("title"))),
                ("question".to_string(), take(at("question"))),
                ("why".to_string(), take(at("why"))),
            ];
            let levels = (0..item.levels.len()).map(|i| take(at(&format!("levels.{i}"))));
            fields.push(("levels".into(), Json::List(levels.collect())));
            let actions = (0..item.actions.len()).map(|i| take(at(&format!("actions.{i}"))));
            fields.push(("actions".into(), Json::List(actions.collect())));
            if item.suggest_na.is_some() {
                fields.push(("justification".into(), take(at("justification"))));
            }
            (item.id.clone(), Json::Object(fields))
        })
        .collect();
    let file = Json::Object(vec![
        (
            "$comment".into(),
            Json::Text(format!(
                "{} texts of {}.json, keyed by id. Ids, weights, rules and actions come from that file; tests/i18n.rs checks every text is here.",
                language_name(code),
                base.id
            )),
        ),
        ("translation_of".into(), plain(&base.id)),
        ("version".into(), plain(&base.version)),
        ("language".into(), plain(code)),
        ("title".into(), take("title".into())),
        ("summary".into(), take("summary".into())),
        ("scale".into(), Json::List(scale)),
        ("documents".into(), Json::Object(documents)),
        ("sections".into(), Json::Object(sections)),
        ("items".into(), Json::Object(items)),
    ]);
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(b" "),
    );
    file.serialize(&mut ser).map_err(|e| vec![e.to_string()])?;
    let mut out = String::from_utf8(out).map_err(|e| vec![e.to_string()])?;
    out.push('\n');
    Ok(out)
}

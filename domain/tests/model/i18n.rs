//! Every declared language is complete: each interface text marked in the sources has a
//! translation with the same placeholders, no translation is stale, no unmarked English text
//! hides in the interface, and every built-in questionnaire is fully translated.

use aims_domain::formats::gap_register;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use aims_domain::formats::catalogue;
use aims_domain::formats::report;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::{compiled_marks, hash, msg, placeholders, plural, Lang, Table};
use aims_domain::model::profile::Screening;
use aims_domain::{AiRole, Certification, HighRisk, Profile, Questionnaire, SizeBand};
use aims_po::marks::Marks;
use regex::Regex;

use crate::common;

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    // The shell (src/) and the domain crate (domain/src/) both mark texts for translation.
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    for dir in ["src", "domain/src"] {
        common::rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            // Unit tests may use any text, and comments may quote a call; only shipped code counts.
            let shipped = text
                .split("#[cfg(test)]")
                .next()
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            (p, shipped)
        })
        .collect()
}

fn unescape(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('u') => {
                let code: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&code, 16).unwrap()).unwrap());
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

const LIT: &str = r#""((?:[^"\\]|\\.)*)""#;

/// Every text the code marks for translation (`msg!("…")`), with the file it appears in, read
/// from the sources here independently of the build script that lists them as message ids.
fn marked_texts() -> BTreeMap<String, String> {
    let call = Regex::new(&format!(r"\bmsg!\(\s*{LIT}")).unwrap();
    let mut texts = BTreeMap::new();
    for (path, text) in sources() {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for c in call.captures_iter(&text) {
            texts.insert(unescape(&c[1]), file.clone());
        }
    }
    texts
}

/// Every text with plural forms the code marks (`lang.n(count, plural!("one", "other"), …)`).
fn marked_plurals() -> BTreeMap<(String, String), String> {
    let call = Regex::new(&format!(r#"\bplural!\(\s*{LIT},\s*{LIT}"#)).unwrap();
    let mut texts = BTreeMap::new();
    for (path, text) in sources() {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for c in call.captures_iter(&text) {
            texts.insert((unescape(&c[1]), unescape(&c[2])), file.clone());
        }
    }
    texts
}

#[test]
fn every_declared_language_has_every_plural_text_in_every_form() {
    let marked = marked_plurals();
    assert!(
        marked.len() >= 3,
        "only {} plural texts found",
        marked.len()
    );
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let table: BTreeMap<(&str, &str), &[&str]> = lang
            .plurals()
            .iter()
            .map(|(o, p, f)| ((*o, *p), *f))
            .collect();
        let missing: Vec<String> = marked
            .iter()
            .filter(|((o, p), _)| !table.contains_key(&(o.as_str(), p.as_str())))
            .map(|((o, p), file)| format!("{file}: {o:?} / {p:?}"))
            .collect();
        assert!(
            missing.is_empty(),
            "locales/{}.po lacks plural texts:\n{}",
            lang.code(),
            missing.join("\n")
        );
        for ((one, other), forms) in &table {
            assert!(
                marked.contains_key(&(one.to_string(), other.to_string())),
                "locales/{}.po has a plural text the code no longer uses: {one:?}",
                lang.code()
            );
            assert_eq!(forms.len(), 2, "{}: {one:?} needs two forms", lang.code());
            let mut english = placeholders(other);
            english.sort_unstable();
            for form in forms.iter() {
                let mut found = placeholders(form);
                found.sort_unstable();
                found.dedup();
                let mut want = english.clone();
                want.dedup();
                assert_eq!(
                    found,
                    want,
                    "{}: placeholders differ in {form:?}",
                    lang.code()
                );
            }
        }
    }
}

/// The app's build lists the marks with `aims_po::marks` and packs each language's texts by
/// their ids: it must find exactly the texts the sources mark, as read here by a second,
/// independent extractor, or a text would be missing from the content files. The compiled
/// catalogues (what native tools and tests use) hold the same texts, and no two share an id.
#[test]
fn the_build_lists_exactly_the_marked_texts() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let (listed, files) = Marks::scan(&[root.join("src"), root.join("domain/src")]);
    assert!(files.len() > 80, "only {} files read", files.len());
    let marked: BTreeSet<String> = marked_texts().into_keys().collect();
    assert_eq!(
        listed.messages, marked,
        "aims_po::marks and the sources disagree"
    );
    let marked: BTreeSet<(String, String)> = marked_plurals().into_keys().collect();
    assert_eq!(
        listed.plurals, marked,
        "aims_po::marks and the sources disagree"
    );
    assert_eq!(compiled_marks(), listed);
    assert!(listed.messages.len() > 400 && listed.plurals.len() >= 3);
    let mut ids: Vec<u32> = listed.messages.iter().map(|t| hash(&[t])).collect();
    ids.extend(listed.plurals.iter().map(|(o, p)| hash(&[o, p])));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), listed.messages.len() + listed.plurals.len());
    for lang in Lang::ALL {
        assert!(lang.texts(&listed).unwrap().fits(), "{lang:?}");
    }
}

/// A mark's id is the FNV-1a hash of its English text, the same in `msg!` (at compile time)
/// and in the build (at run time), and a plural's covers both forms.
#[test]
fn a_marks_id_is_the_hash_of_its_english_text() {
    // FNV-1a's published values, kept to 27 bits.
    assert_eq!(hash(&[""]), 0x811c_9dc5 & 0x07ff_ffff);
    assert_eq!(hash(&["a"]), 0xe40c_292c & 0x07ff_ffff);
    assert_eq!(hash(&["foobar"]), 0xbf9c_f968 & 0x07ff_ffff);
    assert_eq!(msg!("Results").id(), hash(&["Results"]));
    assert_eq!(msg!("Results").english(), "Results");
    let tasks = plural!(
        "{n} task from the readiness check, {effort}.",
        "{n} tasks from the readiness check, {effort}."
    );
    assert_eq!(tasks.id(), hash(&[tasks.english().0, tasks.english().1]));
    // The forms are kept apart: moving a letter across the boundary changes the id.
    assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
    assert_ne!(hash(&["abc"]), hash(&["ab", "c"]));
}

/// The table a content file carries finds every id it was arranged with, each at a place of
/// its own; two texts with one id are refused, naming the id; a table with its ids (arranged
/// here, or read with them: the start's texts) finds nothing for an id it does not hold, an
/// anonymous one (the later texts, which hold every other id) finds an entry for any id.
#[test]
fn a_table_finds_every_arranged_id_at_its_own_place() {
    let mut seed: u32 = 7;
    let ids: Vec<u32> = (0..3000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed
        })
        .collect();
    let table = Table::arrange(ids.iter().map(|id| (*id, id.to_string())).collect()).unwrap();
    assert_eq!(table.entries.len(), 3000 + 3000 / 8 + 1);
    assert_eq!(table.shifts.len(), 3000 / 4 + 1);
    let read = Table::new(
        table.shifts.clone(),
        table.entries.clone(),
        table.ids.clone(),
    );
    let anonymous = table.clone().anonymous();
    assert!(anonymous.ids.is_empty());
    for id in &ids {
        assert_eq!(table.get(*id), Some(&id.to_string()));
        assert_eq!(read.get(*id), Some(&id.to_string()));
        assert_eq!(anonymous.get(*id), Some(&id.to_string()));
    }
    assert_eq!(table.get(12), None);
    assert_eq!(read.get(12), None);
    assert!(anonymous.get(12).is_some());
    assert_eq!(
        Table::arrange(vec![(5, "a"), (9, "b"), (5, "c")]).err(),
        Some(5)
    );
    let empty: Table<String> = Table::arrange(vec![]).unwrap();
    assert!(empty.fits());
    assert_eq!(empty.get(1), None);
}

#[test]
fn the_sources_mark_a_plausible_number_of_texts() {
    let texts = marked_texts();
    // A broken extractor would find next to nothing and let every other check pass vacuously.
    assert!(texts.len() > 250, "only {} marked texts found", texts.len());
    for key in [
        "Save to file",
        "Your readiness",
        "{n} of {total} questions are not answered yet and count as not in place.",
    ] {
        assert!(texts.contains_key(key), "the extractor missed {key:?}");
    }
    for key in texts.keys() {
        assert_eq!(
            key.trim(),
            key,
            "{key:?}: keep spaces outside translated texts"
        );
        assert!(!key.is_empty());
    }
}

#[test]
fn every_declared_language_translates_every_marked_text() {
    let texts = marked_texts();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let table: BTreeMap<&str, &str> = lang.catalogue().iter().copied().collect();
        let missing: Vec<String> = texts
            .iter()
            .filter(|(k, _)| !table.contains_key(k.as_str()))
            .map(|(k, file)| format!("{file}: {k:?}"))
            .collect();
        assert!(
            missing.is_empty(),
            "locales/{}.po lacks {} texts:\n{}",
            lang.code(),
            missing.len(),
            missing.join("\n")
        );
        let stale: Vec<&&str> = table.keys().filter(|k| !texts.contains_key(**k)).collect();
        assert!(
            stale.is_empty(),
            "locales/{}.po has texts the code no longer uses: {stale:?}",
            lang.code()
        );
        for (english, translated) in &table {
            let (mut a, mut b) = (placeholders(english), placeholders(translated));
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{}: placeholders differ for {english:?}", lang.code());
        }
    }
}

/// Text in the interface that is not marked: a literal with three words in a row, or a
/// capitalised phrase, outside a translation call. Technical strings are listed here.
#[test]
fn no_unmarked_english_in_the_interface() {
    let literal = Regex::new(LIT).unwrap();
    let wordy = Regex::new(r"(^[A-Z][a-z]+ [a-z]+)|([A-Za-z]+ [a-z]+ [a-z]+)").unwrap();
    let allowed = [
        "readiness check: ",
        "meta[name=",
        "aims-readiness",
        "fault injected by a test",
        // Shown when the content file, which holds every translation, did not arrive.
        "could not load its texts and questions",
    ];
    // A list of classes the stylesheet defines (a `{…}` placeholder standing for a number) is
    // not English: the views choose classes as whole strings ("notice inline error").
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let css = fs::read_to_string(root.join("public/style.css")).unwrap();
    let classes: BTreeSet<String> = Regex::new(r"\.([a-z][a-z0-9-]*)")
        .unwrap()
        .captures_iter(&css)
        .map(|c| c[1].to_string())
        .collect();
    let placeholder = Regex::new(r"\{[^}]*\}").unwrap();
    let class_list = |s: &str| {
        placeholder
            .replace_all(s, "0")
            .split(' ')
            .all(|word| classes.contains(word))
    };
    // Both English forms of a `lang.n(…)` call are marked.
    let plural_forms: BTreeSet<String> = marked_plurals()
        .into_keys()
        .flat_map(|(one, other)| [one, other])
        .collect();
    let mut found = Vec::new();
    let mut files = Vec::new();
    common::rust_files(&root.join("src/ui"), &mut files);
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let code: String = text
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("//") {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        for m in literal.find_iter(&code) {
            let before = code[..m.start()].trim_end();
            let s = m.as_str();
            let marked =
                before.ends_with("msg!(") || plural_forms.contains(&unescape(&s[1..s.len() - 1]));
            let technical = allowed.iter().any(|a| s.contains(a)) || class_list(&s[1..s.len() - 1]);
            if !marked && wordy.is_match(s) && !technical {
                let line = code[..m.start()].lines().count();
                found.push(format!("{}:{line}: {s}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "unmarked interface text:\n{}",
        found.join("\n")
    );
}

fn texts_of(q: &Questionnaire) -> Vec<String> {
    let mut all = vec![q.title.clone(), q.summary.clone()];
    all.extend(
        q.scale
            .levels
            .iter()
            .flat_map(|l| [l.label.clone(), l.meaning.clone()]),
    );
    all.extend(q.documents.iter().map(|d| d.title.clone()));
    for s in &q.sections {
        all.push(s.title.clone());
        all.push(s.intro.clone());
        for i in &s.items {
            all.extend([i.title.clone(), i.question.clone(), i.why.clone()]);
            all.extend(i.levels.iter().cloned());
            all.extend(i.actions.iter().map(|a| a.text.clone()));
            all.extend(i.suggest_na.iter().map(|n| n.justification.clone()));
        }
    }
    all.retain(|t| !t.is_empty());
    all
}

#[test]
fn every_built_in_questionnaire_is_complete_in_every_declared_language() {
    let questionnaires = catalogue::questionnaires();
    assert!(questionnaires.len() >= 2);
    for q in &questionnaires {
        assert_eq!(
            q.lang(),
            Lang::En,
            "{}: built-in files are written in English",
            q.id
        );
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let translated = catalogue::localise(q, lang).unwrap_or_else(|errors| {
                panic!(
                    "{} has no complete {} translation:\n{}",
                    q.id,
                    lang.code(),
                    errors
                        .iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            });
            assert_eq!(translated.lang(), lang);
            // Same questionnaire: ids, weights, rules and actions are untouched.
            let ids = |q: &Questionnaire| {
                q.items()
                    .map(|i| (i.id.clone(), i.weight, i.blocker))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(q), ids(&translated));
            // A "translation" that copies the English is missing, not done. Short texts such as
            // "ISO/IEC 27001" may legitimately stay the same.
            let (en, other) = (texts_of(q), texts_of(&translated));
            assert_eq!(en.len(), other.len());
            let same: Vec<&String> = en
                .iter()
                .zip(&other)
                .filter(|(a, b)| a == b && a.split(' ').count() > 2)
                .map(|(a, _)| a)
                .collect();
            assert!(
                same.is_empty(),
                "{} ({}): untranslated texts: {same:#?}",
                q.id,
                lang.code()
            );
        }
    }
}

#[test]
fn a_broken_translation_names_each_problem() {
    let q = catalogue::questionnaires()
        .into_iter()
        .find(|q| q.id == "iso42001-quick-scan")
        .unwrap();
    let json = catalogue::translation_file(&q.id, Lang::De).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["items"]["4.1"]["question"] = "".into();
    value["items"]["9.9"] = value["items"]["4.3"].clone();
    value["items"].as_object_mut().unwrap().remove("5.2");
    value["version"] = "0.9".into();
    let errors = aims_domain::formats::translation::translate(&q, &value.to_string()).unwrap_err();
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(
        has("4.1, field `question`: must be translated"),
        "{text:#?}"
    );
    assert!(
        has("9.9, field `items`: is not in the questionnaire"),
        "{text:#?}"
    );
    assert!(has("5.2, field `items`: has no translation"), "{text:#?}");
    assert!(has("field `version`"), "{text:#?}");
}

#[test]
fn reports_follow_the_questionnaire_language() {
    let q = std::rc::Rc::new(common::quick_scan());
    let profile = Profile {
        size: Some(SizeBand::Medium),
        roles: [AiRole::Develops].into(),
        systems: 3,
        certifications: Some([Certification::Iso27001].into()),
        high_risk: Some(HighRisk::NotSure),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: Date::parse("2027-09-30"),
        capacity: None,
    };
    let answers = common::all_at(&q, 1);
    let today = Date::parse("2026-11-28").unwrap();
    let en_md = report::markdown(&q, &profile, &answers, &Default::default(), today);
    assert!(en_md.starts_with("# ISO/IEC 42001 readiness report"));
    let decimal = Regex::new(r";\d+,\d;").unwrap();
    for lang in [Lang::De, Lang::Fr, Lang::Es] {
        let tr = catalogue::localise(&q, lang).unwrap();
        let md = report::markdown(&tr, &profile, &answers, &Default::default(), today);
        let code = lang.code();
        assert!(!md.contains("readiness report"), "{code}: {md}");
        assert!(!md.contains("person-days"), "{code}: {md}");
        // Dates and percentages as the language writes them: 28.11.2026 or 28/11/2026, the
        // target 30.09.2027 or 30/09/2027, and a space before the percent sign.
        assert!(md.contains(&lang.date(today)), "{code}: {md}");
        assert!(
            md.contains(&lang.date(Date::parse("2027-09-30").unwrap())),
            "{code}: {md}"
        );
        assert!(md.contains(lang.percent_sign()), "{code}: {md}");
        assert_ne!(lang.percent_sign(), "%");
        // The gap register is for that language's spreadsheets: semicolons, decimal commas.
        let plan = aims_domain::figures::roadmap::Roadmap::plan(&tr, &profile, &answers, today);
        let csv = gap_register::gap_register(&tr, &profile, &answers, &Default::default(), &plan);
        let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
        assert!(
            header.contains(';') && !header.contains("Title"),
            "{code}: {header}"
        );
        assert!(
            decimal.is_match(&csv),
            "{code}: no effort with a decimal comma: {csv}"
        );
        let distinct: BTreeSet<&str> = md.lines().collect();
        assert!(distinct.len() > 20);
    }
}

/// One language's glossary: `locales/<lang>.glossary.tsv`, English term and translation (with
/// alternatives after `|`), both lower case; `#` starts a comment line. An English term matches
/// whole words (a plural "s" allowed), or any word it begins when it ends in `*`. Terms are
/// checked in the file's order, each removed once checked.
fn glossary(lang: Lang) -> Vec<(String, Vec<String>)> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../locales"))
        .join(format!("{}.glossary.tsv", lang.code()));
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} has no glossary ({})", lang.code(), path.display()));
    let terms: Vec<(String, Vec<String>)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (en, tr) = l.split_once('\t').expect("term<TAB>translation");
            let tr = tr.split('\t').next().unwrap();
            (en.to_string(), tr.split('|').map(str::to_string).collect())
        })
        .collect();
    // In the file's order, which puts the specific before the general: "readiness gate" is
    // checked, and removed, before "readiness", and "top management" before "management review".
    terms
}

/// Where an English text holds a glossary term, its translation holds the glossary's word for
/// it: a term is never translated two ways, in the interface or in any questionnaire.
#[test]
fn glossary_terms_are_translated_one_way() {
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let terms = glossary(lang);
        assert!(
            terms.len() >= 8,
            "{}: a glossary of {} terms",
            lang.code(),
            terms.len()
        );
        let mut pairs: Vec<(String, String)> = lang
            .catalogue()
            .iter()
            .map(|(en, tr)| (en.to_string(), tr.to_string()))
            .collect();
        for q in catalogue::questionnaires() {
            let translated = catalogue::localise(&q, lang).unwrap();
            pairs.extend(texts_of(&q).into_iter().zip(texts_of(&translated)));
        }
        // The regulatory table's dated duties, as the legal sections and exports show them.
        pairs.extend(
            aims_domain::model::regulation::DATES
                .iter()
                .map(|d| (d.text(Lang::En).to_string(), d.text(lang).to_string())),
        );
        let patterns: Vec<(Regex, &String, &Vec<String>)> = terms
            .iter()
            .map(|(term, words)| {
                let body = regex::escape(term.trim_end_matches('*'));
                let end = if term.ends_with('*') { "" } else { "s?\\b" };
                (Regex::new(&format!("\\b{body}{end}")).unwrap(), term, words)
            })
            .collect();
        let mut used = BTreeSet::new();
        let mut wrong = Vec::new();
        for (english, translation) in &pairs {
            let mut english = english.to_lowercase();
            let translation = translation.to_lowercase();
            for (pattern, term, words) in &patterns {
                if pattern.is_match(&english) {
                    used.insert((*term).clone());
                    if !words.iter().any(|w| translation.contains(w.as_str())) {
                        wrong.push(format!(
                            "{term:?} is not {:?} in: {translation}",
                            words.join("|")
                        ));
                    }
                    english = pattern.replace_all(&english, " ").into_owned();
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{}: {} texts translate a glossary term another way:\n{}",
            lang.code(),
            wrong.len(),
            wrong.join("\n")
        );
        let unused: Vec<&String> = terms
            .iter()
            .map(|(t, _)| t)
            .filter(|t| !used.contains(*t))
            .collect();
        assert!(
            unused.is_empty(),
            "{}: glossary terms no text uses: {unused:?}",
            lang.code()
        );
    }
}

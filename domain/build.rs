//! Build script of the domain crate: compiles the questionnaires in questionnaires/ (and their
//! translations) into the app's catalogue, the regulatory table into constants, and the
//! interface translations in locales/*.po into sorted tables. It reads no Rust sources: a
//! message's id is the hash of its English text (`i18n::hash`), so editing a screen never
//! rebuilds the core.
use std::{collections::BTreeSet, env, fs, path::Path};

use aims_po::parse_po_entries;

fn main() {
    // The content lives at the top of the repository, beside the app that embeds it. Read when
    // the script runs, not when it was compiled: a target directory shared by two checkouts
    // must never read (or miss) the other checkout's files.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest)
        .parent()
        .expect("the domain crate sits inside the repository");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    // The benchmark builds a second dist with a generated stress questionnaire (scripts/bench.sh);
    // normal builds never set this.
    println!("cargo:rerun-if-env-changed=AIMS_EXTRA_QUESTIONNAIRES");
    let extra = env::var_os("AIMS_EXTRA_QUESTIONNAIRES").map(std::path::PathBuf::from);
    questionnaires(
        &root.join("questionnaires"),
        extra.as_deref(),
        &out.join("catalogue_files.rs"),
    );
    // The interface's languages: English and one per locales/*.po file (tests/i18n.rs checks
    // they are the declared ones).
    let langs: Vec<String> = std::iter::once("en".to_string())
        .chain(
            listing(&root.join("locales"), |name| name.ends_with(".po"))
                .iter()
                .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned()),
        )
        .collect();
    regulation(
        &root.join("questionnaires/regulation/eu-ai-act.json"),
        &langs,
        &out.join("regulation.rs"),
    );
    locales(&root.join("locales"), &out.join("locales.rs"));
}

/// Compiles the regulatory table into constants: the date the facts were checked and each dated
/// duty with whom it binds and its text in every language. A malformed table fails the build,
/// naming what is wrong, as a malformed questionnaire does.
fn regulation(file: &Path, langs: &[String], target: &Path) {
    println!("cargo:rerun-if-changed={}", file.display());
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let table: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let fail = |what: String| -> ! { panic!("{}: {what}", file.display()) };
    let date = |v: &serde_json::Value, at: &str| -> (i32, u32, u32) {
        let s = v
            .as_str()
            .unwrap_or_else(|| fail(format!("{at}: a date like 2026-12-06")));
        let parts: Vec<u32> = s.split('-').filter_map(|p| p.parse().ok()).collect();
        match parts[..] {
            [y, m, d] if (1..=12).contains(&m) && (1..=31).contains(&d) => (y as i32, m, d),
            _ => fail(format!("{at}: `{s}` is not a date like 2026-12-06")),
        }
    };
    let (y, m, d) = date(&table["checked"], "checked");
    // Optional per language: empty where the language needs no note.
    let notes: Vec<&str> = langs
        .iter()
        .map(|lang| table["term_note"][lang.as_str()].as_str().unwrap_or(""))
        .collect();
    let mut out = format!(
        "/// When the regulatory facts were last checked.\npub const CHECKED: Date = Date {{ year: {y}, month: {m}, day: {d} }};\n\
         /// Which sense of a shared word the dates mean, per language (empty: none needed).\npub const TERM_NOTES: &[&str] = &{notes:?};\n\
         /// The languages of every text below, in order.\npub const LANGS: &[&str] = &{langs:?};\n\
         /// Every dated duty of the table, in its order.\npub const DATES: &[LegalDate] = &[\n"
    );
    let rows = table["dates"]
        .as_array()
        .unwrap_or_else(|| fail("`dates` must be a list".into()));
    let mut ids = BTreeSet::new();
    for (n, row) in rows.iter().enumerate() {
        let at = format!("dates[{n}]");
        let field = |name: &str| {
            row[name]
                .as_str()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| fail(format!("{at}: `{name}` must be a text")))
                .to_string()
        };
        let id = field("id");
        if !ids.insert(id.clone()) {
            fail(format!("{at}: id `{id}` appears twice"));
        }
        let (y, m, d) = date(&row["date"], &format!("{at}.date"));
        let texts: Vec<String> = langs
            .iter()
            .map(|lang| {
                row["text"][lang.as_str()]
                    .as_str()
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or_else(|| fail(format!("{at}: `text.{lang}` is missing")))
                    .to_string()
            })
            .collect();
        out.push_str(&format!(
            "    LegalDate {{ id: {id:?}, date: Date {{ year: {y}, month: {m}, day: {d} }}, articles: {:?}, binds: Binds::{}, texts: &{texts:?} }},\n",
            field("articles"),
            // `providers_and_deployers` names `Binds::ProvidersAndDeployers`: an unknown key
            // fails the build at this line of the generated file.
            field("binds")
                .split('_')
                .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
                .collect::<String>(),
        ));
    }
    out.push_str("];\n");
    fs::write(target, out).expect("write the regulatory table");
}

fn listing(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<std::path::PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} must exist: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| keep(p.file_name().and_then(|n| n.to_str()).unwrap_or("")))
        .collect();
    files.sort();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    files
}

/// A translation file is `<questionnaire id>.<language>.json`; ids never contain dots.
fn is_translation(name: &str) -> bool {
    name.trim_end_matches(".json").contains('.')
}

fn questionnaires(dir: &Path, extra: Option<&Path>, target: &Path) {
    let wanted = |name: &str| name.ends_with(".json") && !name.ends_with(".schema.json");
    let mut files = listing(dir, wanted);
    if let Some(extra) = extra {
        files.extend(listing(extra, wanted));
    }
    // The files are compiled in without the whitespace between JSON tokens (smaller wasm).
    let out_dir = target.parent().unwrap().join("questionnaires");
    fs::create_dir_all(&out_dir).expect("create the minified questionnaire folder");
    let list = |wanted: bool| {
        files
            .iter()
            .filter(|p| is_translation(p.file_name().unwrap().to_str().unwrap()) == wanted)
            .map(|p| {
                let name = p.file_name().unwrap().to_str().unwrap();
                let text = fs::read_to_string(p).expect("read a questionnaire file");
                let minified = out_dir.join(name);
                fs::write(&minified, minify_json(&text)).expect("write a minified questionnaire");
                format!(
                    "    ({name:?}, include_str!({:?})),\n",
                    minified.display().to_string()
                )
            })
            .collect::<String>()
    };
    let out = format!(
        "/// Every questionnaire file, by file name, compiled in.\npub const FILES: &[(&str, &str)] = &[\n{}];\n\
         /// Every questionnaire translation (`<id>.<language>.json`), by file name.\npub const TRANSLATIONS: &[(&str, &str)] = &[\n{}];\n",
        list(false),
        list(true)
    );
    fs::write(target, out).expect("write the catalogue list");
}

/// Drops whitespace outside strings. Invalid JSON stays invalid: the app's build script
/// (build.rs at the top) validates every questionnaire and fails the build naming item and field.
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// One table per `.po` file (`DE`, `DE_PLURALS`, ...), filled for native builds with the
/// `catalogues` feature and empty otherwise: the app installs its one language from its content
/// file, and the wasm holds no texts.
fn locales(dir: &Path, target: &Path) {
    let compiled = env::var_os("CARGO_FEATURE_CATALOGUES").is_some()
        && env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32");
    let mut out = String::new();
    for path in listing(dir, |name| name.ends_with(".po")) {
        let code = path
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_ascii_uppercase();
        let text = fs::read_to_string(&path).expect("read a .po file");
        let mut entries =
            parse_po_entries(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        entries.dedup_by(|a, b| a.id == b.id && a.plural.is_some() == b.plural.is_some());
        let file = path.file_name().unwrap().to_str().unwrap().to_string();
        out.push_str(&format!(
            "/// Translations from locales/{file}, sorted by English text.\npub static {code}: &[(&str, &str)] = &[\n"
        ));
        if !compiled {
            entries.clear();
        }
        for e in entries.iter().filter(|e| e.plural.is_none()) {
            out.push_str(&format!("    ({:?}, {:?}),\n", e.id, e.forms[0]));
        }
        out.push_str("];\n");
        out.push_str(&format!(
            "/// Plural entries from locales/{file} (singular, plural, forms), sorted by singular.\npub static {code}_PLURALS: &[(&str, &str, &[&str])] = &[\n"
        ));
        for e in entries.iter().filter(|e| e.plural.is_some()) {
            out.push_str(&format!(
                "    ({:?}, {:?}, &{:?}),\n",
                e.id,
                e.plural.as_deref().unwrap_or(""),
                e.forms
            ));
        }
        out.push_str("];\n");
    }
    fs::write(target, out).expect("write the locale tables");
}

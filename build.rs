//! Build script of the app: refuses to build with broken content, lists the interface texts
//! the sources mark, and packs the validated content for the wasm. Every questionnaire and translation compiled into the domain crate is
//! validated here, and the build fails listing every error with its file, item and field, so no
//! user ever meets a refused built-in file; what passed is packed (`domain::formats::packed`) into two
//! files per language (texts and heads, then questionnaires) and one with all of it, in `target/aims-content/`, which the
//! Trunk hook copies next to the wasm and the app unpacks without parsing or validating JSON.

fn main() {
    // The split (scripts/split.mjs) reads the linker's relocations to move functions between
    // modules: only the wasm with the `split` feature keeps them.
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=questionnaires");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-env-changed=AIMS_EXTRA_QUESTIONNAIRES");
    let problems = aims_domain::formats::catalogue::problems();
    if !problems.is_empty() {
        eprintln!(
            "The built-in questionnaires have {} problem(s):",
            problems.len()
        );
        for problem in &problems {
            eprintln!("  {problem}");
        }
        // The failing line names the count; cargo shows the full list above it.
        panic!(
            "{} problem(s) in questionnaires/ (listed above; see questionnaires/README.md)",
            problems.len()
        );
    }
    // Every text the shell (src/) and the core (domain/src/) mark for translation: the
    // content files carry each language's texts by the marks' ids. Only this script sees both
    // trees, so it refuses two texts with one id (the core compiles a mark without a list).
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it");
    let root = std::path::Path::new(&manifest);
    let (marks, files) = aims_po::marks::Marks::scan(&[root.join("src"), root.join("domain/src")]);
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    // One file per language (what a visitor downloads) and one with every language (the
    // offline edition), where scripts/post-build.mjs picks them up for dist/.
    let content = aims_domain::formats::catalogue::content(&marks)
        .unwrap_or_else(|clash| panic!("marked interface texts: {clash}"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            // At run time, not compile time (a shared target directory, see domain/build.rs).
            root.join("target")
        });
    write_content(root, &marks, content, &target.join("aims-content"));
}

/// Writes the content files into `dir`: per language, the start screen's texts with the
/// questionnaires' heads (content-) and the questionnaires with every other text (questions-),
/// which a first visit requests after the start module (public/boot.js); the first paint per
/// language; the host studio's samples; and every language at once for the offline edition.
fn write_content(
    root: &std::path::Path,
    marks: &aims_po::marks::Marks,
    content: aims_domain::formats::packed::Content,
    dir: &std::path::Path,
) {
    use aims_domain::formats::packed::{pack, LangContent};
    let write = |name: String, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes).expect("the target directory is writable")
    };
    std::fs::create_dir_all(dir).expect("the target directory is writable");
    // The start's texts keep their ids, so the app can tell a text they lack (and report one
    // it asked for before the later texts arrived).
    let (start_marks, rest_marks) = start_texts(root, marks);
    for one in &content {
        let texts = |marks| one.lang.texts(marks).expect("a subset of distinct ids");
        let (start, rest) = one.split(texts(&start_marks), texts(&rest_marks).anonymous());
        for (name, part) in [("content", start), ("questions", rest)] {
            write(format!("{name}-{}.bin", one.lang.code()), &pack(&[part]));
        }
    }
    // The first paint in every language, for scripts/post-build.mjs to put into index.html;
    // boot.js keeps the visitor's language where the app will open on the start screen.
    for one in &content {
        let first = one.heads.iter().find(|h| h.status.offered());
        let preview = aims_domain::host::welcome::preview_html(one.lang, first);
        write(
            format!("preview-{}.html", one.lang.code()),
            preview.as_bytes(),
        );
    }
    write_studio_samples(&content, dir);
    // The offline edition has every text at once: no ids needed.
    let all: Vec<LangContent> = content
        .into_iter()
        .map(|c| LangContent {
            texts: c.texts.anonymous(),
            ..c
        })
        .collect();
    write("content-all.bin".into(), &pack(&all));
}

/// The files whose marked texts a first visit's start screen can show before the questionnaires
/// arrive (the shell, the start screen, the header and footer, the host's settings, the notice
/// for a part that never arrived): their texts go into the content file, every other one into
/// the questionnaires' file. Returns (start, rest).
fn start_texts(
    root: &std::path::Path,
    all: &aims_po::marks::Marks,
) -> (aims_po::marks::Marks, aims_po::marks::Marks) {
    const START_FILES: &[&str] = &[
        "src/ui/app.rs",
        "src/ui/mod.rs",
        "src/ui/footer.rs",
        "src/ui/later.rs",
        "src/ui/rescue.rs",
        "src/ui/screens/start.rs",
        "src/ui/components/chrome.rs",
        "src/ui/components/host.rs",
        "domain/src/model/i18n.rs",
        "domain/src/host/config.rs",
        "domain/src/host/welcome.rs",
    ];
    let mut start = aims_po::marks::Marks::default();
    for file in START_FILES {
        let path = root.join(file);
        let code = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (build.rs lists it)", path.display()));
        start.add(&aims_po::marks::shipped(&code));
    }
    let rest = aims_po::marks::Marks {
        messages: all.messages.difference(&start.messages).cloned().collect(),
        plurals: all.plurals.difference(&start.plurals).cloned().collect(),
    };
    (start, rest)
}

/// The host studio's previews, for scripts/post-build.mjs to put into host-studio.html: a share
/// fragment per readiness band, from the English questionnaires (the studio's preview opens it
/// in the language it shows). Every band must have one: the build stops otherwise.
fn write_studio_samples(
    content: &[aims_domain::formats::packed::LangContent],
    dir: &std::path::Path,
) {
    let english = content
        .iter()
        .find(|c| c.lang == aims_domain::model::i18n::Lang::En)
        .expect("the English content is built");
    let questionnaires: Vec<std::rc::Rc<aims_domain::Questionnaire>> = english
        .questionnaires
        .iter()
        .cloned()
        .map(std::rc::Rc::new)
        .collect();
    let samples = aims_domain::host::studio::samples(&questionnaires);
    assert_eq!(
        samples.len(),
        aims_domain::figures::scoring::Band::ALL.len(),
        "a studio sample reaches no band"
    );
    let entries: Vec<String> = samples
        .into_iter()
        .map(|(band, fragment)| format!("\"{}\": \"{fragment}\"", band.key()))
        .collect();
    let json = format!("{{{}}}", entries.join(", "));
    std::fs::write(dir.join("studio-samples.json"), json)
        .expect("the target directory is writable");
}

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
    let dir = target.join("aims-content");
    std::fs::create_dir_all(&dir).expect("the target directory is writable");
    // A first visit takes each language in two parts: the interface texts with what the start
    // screen shows of the questionnaires (content-), then the questionnaires (questions-),
    // requested with the later modules (public/boot.js).
    // The texts the start module shows go with the start; every other text with the
    // questionnaires (the app reports a text it asked for before they arrived).
    let (start_marks, rest_marks) = start_texts(root, &marks);
    for one in &content {
        let (mut start, mut rest) = one.split();
        // The start's texts keep their ids, so the app can tell a text they lack.
        start.texts = one
            .lang
            .texts(&start_marks)
            .expect("a subset of distinct ids");
        rest.texts = (one
            .lang
            .texts(&rest_marks)
            .expect("a subset of distinct ids"))
        .anonymous();
        for (name, part) in [("content", start), ("questions", rest)] {
            let packed = aims_domain::formats::packed::pack(&[part]);
            let file = dir.join(format!("{name}-{}.bin", one.lang.code()));
            std::fs::write(file, packed).expect("the target directory is writable");
        }
    }
    // The first paint in every language, for scripts/post-build.mjs to put into index.html;
    // boot.js keeps the visitor's language where the app will open on the start screen.
    for one in &content {
        let first = one.heads.iter().find(|h| h.status.offered());
        let preview = aims_domain::host::welcome::preview_html(one.lang, first);
        let name = format!("preview-{}.html", one.lang.code());
        std::fs::write(dir.join(name), preview).expect("the target directory is writable");
    }
    write_studio_samples(&content, &dir);
    // The offline edition has every text at once: no ids needed.
    let content: Vec<_> = content
        .into_iter()
        .map(|c| aims_domain::formats::packed::LangContent {
            texts: c.texts.anonymous(),
            ..c
        })
        .collect();
    let all = aims_domain::formats::packed::pack(&content);
    std::fs::write(dir.join("content-all.bin"), all).expect("the target directory is writable");
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

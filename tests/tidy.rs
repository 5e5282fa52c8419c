//! Tidy checks on the source tree: layering, file headers.

use std::fs;
use std::path::{Path, PathBuf};

/// Every Rust file below `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "no Rust files under {dir}");
    files
}

/// The crate graph keeps the browser out of the domain: the domain crate may depend on serde
/// and serde_json (and natively on our dependency-free .po reader) and nothing else, so it
/// cannot name Yew, web-sys or gloo at all.
#[test]
fn the_domain_crate_depends_on_serde_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(root.join("domain/Cargo.toml")).unwrap();
    let po = fs::read_to_string(root.join("po/Cargo.toml")).unwrap();
    assert!(
        po.trim_end().ends_with("[dependencies]"),
        "the .po reader depends on nothing (po/Cargo.toml)"
    );
    let mut section = String::new();
    let mut dependencies = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_string();
        } else if section.ends_with("dependencies]") && !section.contains("dev-") {
            if let Some((name, _)) = line.split_once('=') {
                dependencies.push(format!("{section} {}", name.trim()));
            }
        }
    }
    assert_eq!(
        dependencies,
        [
            "[dependencies] serde",
            "[dependencies] serde_json",
            // The translators' tool (formats::translation_po), native only.
            "[target.'cfg(not(target_arch = \"wasm32\"))'.dependencies] aims-po",
            // The build script reads the regulatory table and the .po files; nothing of them
            // reaches the crate.
            "[build-dependencies] serde_json",
            "[build-dependencies] aims-po"
        ],
        "the domain crate must stay pure (domain/Cargo.toml)"
    );
}

#[test]
fn every_source_file_starts_with_a_doc_line() {
    let mut files = files_under("src");
    files.extend(files_under("tests"));
    files.extend(files_under("domain"));
    files.extend(files_under("po"));
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !fs::read_to_string(f).unwrap().starts_with("//!"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading //! line: {missing:?}"
    );
}

/// `classes!` builds a set of classes at run time, about 200 B of wasm a use (issue 29's
/// measurements): a class is a static string chosen by `if` or `match`, or one `format!`.
#[test]
fn the_views_build_no_class_sets() {
    let users: Vec<String> = files_under("src")
        .iter()
        .filter(|f| {
            fs::read_to_string(f)
                .unwrap()
                .contains(concat!("classes", "!("))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(users.is_empty(), "classes! in {users:?}");
}

#[test]
fn scripts_create_target_before_writing_logs_into_it() {
    // A fresh clone has no target/; under `set -o pipefail` a `tee target/...` before anything
    // created it fails the whole script.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts");
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "sh") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let code: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .collect();
        let Some(first_use) = code.iter().position(|l| l.contains("target/")) else {
            continue;
        };
        let created = code.iter().position(|l| l.contains("mkdir -p target"));
        assert!(
            created.is_some_and(|c| c < first_use),
            "{} writes into target/ before `mkdir -p target`",
            path.display()
        );
    }
}

/// The core's layers, lowest first: a file in one may import from its own layer and the ones
/// before it, never from a later one.
const LAYERS: [&str; 5] = ["model", "figures", "formats", "host", "app"];

/// The core's modules a file names (`crate::figures::team` -> "figures/team"), tests left out.
fn core_imports(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found: Vec<String> = paths_after(code, "crate::")
        .into_iter()
        .filter_map(|p| {
            let mut parts = p.split("::");
            let (layer, module) = (parts.next()?, parts.next()?);
            LAYERS.contains(&layer).then(|| format!("{layer}/{module}"))
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Every core file as "layer/module" with the modules it imports.
fn core_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("domain/src");
    let mut graph = Graph::new();
    for file in files_under("domain/src") {
        let relative = file.strip_prefix(&src).unwrap().with_extension("");
        let name = relative.to_string_lossy().replace("/mod", "");
        let imports = core_imports(&fs::read_to_string(&file).unwrap())
            .into_iter()
            .filter(|m| *m != name)
            .collect();
        graph.insert(name, imports);
    }
    graph
}

fn layer_of(module: &str) -> Option<usize> {
    let layer = module.split('/').next()?;
    LAYERS.iter().position(|l| *l == layer)
}

#[test]
fn the_core_imports_only_from_its_own_layer_and_the_ones_before() {
    assert_eq!(
        core_imports("use crate::model::i18n::msg;\nuse crate::figures::{team::Team, text};\n#[cfg(test)]\nuse crate::app::x;"),
        ["figures/team", "figures/text", "model/i18n"]
    );
    let graph = core_graph();
    assert!(graph.len() > 30, "read {} modules", graph.len());
    for layer in LAYERS {
        assert!(
            graph.keys().any(|m| m.starts_with(&format!("{layer}/"))),
            "no module in domain/src/{layer}/"
        );
    }
    let mut upward = Vec::new();
    for (module, imports) in &graph {
        let Some(own) = layer_of(module) else {
            assert!(
                imports.is_empty() || module == "lib",
                "{module} is in no layer"
            );
            continue;
        };
        for import in imports {
            if layer_of(import).is_some_and(|l| l > own) {
                upward.push(format!("{module} imports {import}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "a layer imports a later one ({}):\n{}",
        LAYERS.join(" < "),
        upward.join("\n")
    );
}

#[test]
fn the_core_modules_import_each_other_without_cycles() {
    let cycles = cycles(&core_graph());
    assert!(
        cycles.is_empty(),
        "import cycles in the core:\n{}",
        cycles.join("\n")
    );
}

type Graph = std::collections::BTreeMap<String, Vec<String>>;

/// Every import cycle in `graph`, one line each ("a -> b -> a").
fn cycles(graph: &Graph) -> Vec<String> {
    // Depth-first search; a module met again on the current path closes a cycle.
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|p| p == node) {
            cycles.push(format!("{} -> {node}", path[at..].join(" -> ")));
            return;
        }
        if !done.insert(node.to_string()) {
            return;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done, cycles);
        }
        path.pop();
    }
    let mut found = Vec::new();
    let mut done = std::collections::BTreeSet::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

/// The paths a Rust file names after `prefix` (`crate::ui::`, `super::`), groups expanded:
/// `super::screens::{a::B, C}` gives `screens::a::B` and `screens::C`.
fn paths_after(text: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        let head: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        match rest[head.len()..].strip_prefix('{') {
            Some(group) => {
                let inner = &group[..group.find('}').unwrap_or(0)];
                found.extend(inner.split(',').map(|p| format!("{head}{}", p.trim())));
            }
            None => found.push(head),
        }
    }
    found.retain(|p| !p.is_empty() && !p.ends_with("::"));
    found
}

/// The shell's module graph, file by file (`app`, `screens/results`, ...): a name re-exported
/// by a directory's `mod.rs` (`pub use chrome::{Footer, ...}`) leads to the file defining it.
fn shell_graph() -> Graph {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    // `screens/mod.rs` re-exporting `ResultsScreen` from `results`: ("screens", "ResultsScreen") -> "screens/results".
    let exported_by = |dir: &str, name: &str| -> Option<String> {
        let table = fs::read_to_string(ui.join(dir).join("mod.rs")).ok()?;
        paths_after(&table, "pub use ")
            .into_iter()
            .find(|p| p.rsplit("::").next() == Some(name))
            .map(|p| format!("{dir}/{}", p.split("::").next().unwrap_or("")))
    };
    let resolve = |base: &str, path: &str| -> Option<String> {
        let mut segments = path.split("::").filter(|s| !s.is_empty());
        let first = segments.next()?;
        let dir = if base.is_empty() {
            String::new()
        } else {
            format!("{base}/")
        };
        if ui.join(format!("{dir}{first}.rs")).exists() {
            return Some(format!("{dir}{first}"));
        }
        if ui.join(format!("{dir}{first}")).is_dir() {
            let next = segments.next()?;
            let inner = format!("{dir}{first}");
            if ui.join(format!("{inner}/{next}.rs")).exists() {
                return Some(format!("{inner}/{next}"));
            }
            return exported_by(&inner, next);
        }
        // A name re-exported by this directory's mod.rs (`super::{ResultsScreen, ...}`).
        exported_by(base, first)
    };
    let mut graph = Graph::new();
    for file in files_under("src/ui") {
        let rel = file.strip_prefix(&ui).unwrap().with_extension("");
        let node = rel.to_string_lossy().replace('\\', "/");
        if node == "mod" || node.ends_with("/mod") {
            continue;
        }
        let base = rel
            .parent()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_default();
        let text = fs::read_to_string(&file).unwrap();
        let mut imports: Vec<String> = paths_after(&text, "crate::ui::")
            .iter()
            .filter_map(|p| resolve("", p))
            .chain(
                paths_after(&text, "super::")
                    .iter()
                    .filter_map(|p| resolve(&base, p)),
            )
            .filter(|m| *m != node)
            .collect();
        imports.sort();
        imports.dedup();
        graph.insert(node, imports);
    }
    graph
}

#[test]
fn the_shell_modules_import_each_other_without_cycles() {
    let graph = shell_graph();
    // The resolution must see the edges that exist, or the check proves nothing.
    let edges = |from: &str| graph.get(from).cloned().unwrap_or_default();
    assert!(
        edges("app").contains(&"screens/start".to_string()),
        "{graph:#?}"
    );
    assert!(
        edges("screens/report").contains(&"screens/results".to_string()),
        "{graph:#?}"
    );
    assert!(
        edges("screens/results").contains(&"components/chrome".to_string()),
        "{graph:#?}"
    );
    assert!(
        edges("screens/results").contains(&"dispatch".to_string()),
        "{graph:#?}"
    );
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "import cycles in the shell:\n{}",
        cycles.join("\n")
    );
}

/// The line count of every function in `text` (from its `fn` line to the closing brace at the
/// same indentation), with its name.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let Some(rest) = ["fn ", "pub fn ", "pub(crate) fn "]
            .iter()
            .find_map(|p| trimmed.strip_prefix(p))
        else {
            continue;
        };
        if line.trim_end().ends_with(';') || line.trim_end().ends_with('}') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        if let Some(end) = lines[n + 1..].iter().position(|l| l.trim_end() == close) {
            found.push((name, end + 2));
        }
    }
    found
}

#[test]
fn no_function_in_the_shell_is_longer_than_80_lines() {
    let sample = "fn short() {\n    a();\n}\n\npub fn long() {\n    b();\n    c();\n}\n";
    assert_eq!(
        function_lengths(sample),
        [("short".to_string(), 3), ("long".to_string(), 4)]
    );
    let mut long = Vec::new();
    for file in files_under("src/ui") {
        for (name, lines) in function_lengths(&fs::read_to_string(&file).unwrap()) {
            if lines > 80 {
                long.push(format!("{} {name}: {lines} lines", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "split these:\n{}", long.join("\n"));
}

/// The core's functions longer than 80 lines when the rule reached it, with their length then.
/// It may only shrink: a function split below 80 lines leaves the list (the test says so), a
/// listed one may not grow, and none in `app/` is listed.
const LONG_IN_THE_CORE: [(&str, &str, usize); 18] = [
    ("model/questionnaire.rs", "validate", 158),
    ("model/questionnaire.rs", "validate_item", 253),
    ("figures/roadmap.rs", "plan", 85),
    ("figures/roadmap.rs", "assumptions", 88),
    ("figures/roadmap.rs", "item_tasks", 108),
    ("figures/scoring.rs", "compute", 107),
    ("figures/team.rs", "summary", 103),
    ("formats/calendar.rs", "calendar", 88),
    ("formats/gap_register.rs", "gap_register", 92),
    ("formats/report.rs", "markdown_by", 247),
    ("formats/saved.rs", "decode", 132),
    ("formats/share.rs", "encode", 88),
    ("formats/share.rs", "decode", 96),
    ("formats/share.rs", "profile_v2", 83),
    ("formats/team_sheet.rs", "markdown", 93),
    ("formats/translation.rs", "translate", 102),
    ("formats/translation_po.rs", "from_po", 104),
    ("host/embed.rs", "from_query", 105),
];

#[test]
fn no_function_in_the_core_is_longer_than_80_lines_beyond_a_shrinking_list() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("domain/src");
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for file in files_under("domain/src") {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for (name, lines) in function_lengths(&fs::read_to_string(&file).unwrap()) {
            if lines <= 80 {
                continue;
            }
            match LONG_IN_THE_CORE
                .iter()
                .find(|(f, n, _)| *f == relative && *n == name)
            {
                Some((_, _, then)) if lines > *then => problems.push(format!(
                    "{relative} {name}: grew from {then} to {lines} lines"
                )),
                Some(_) => seen.push((relative.clone(), name)),
                None => problems.push(format!("{relative} {name}: {lines} lines")),
            }
        }
    }
    for (file, name, _) in LONG_IN_THE_CORE {
        assert!(!file.starts_with("app/"), "app/ keeps every function short");
        if !seen.iter().any(|(f, n)| f == file && n == name) {
            problems.push(format!(
                "{file} {name} is 80 lines or shorter now (or gone): take it off LONG_IN_THE_CORE"
            ));
        }
    }
    assert!(problems.is_empty(), "split these:\n{}", problems.join("\n"));
}

/// The core's tests are one binary per layer (`domain/tests/<layer>/main.rs`, which cargo
/// finds by itself); a file in a layer's folder that its `main.rs` does not declare would never
/// be compiled or run, and nothing else would say so. Neither crate turns discovery off.
#[test]
fn every_test_file_is_one_that_cargo_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for manifest in ["Cargo.toml", "domain/Cargo.toml"] {
        let text = fs::read_to_string(root.join(manifest)).unwrap();
        assert!(
            !text.contains("autotests = false") && !text.contains("[[test]]"),
            "{manifest}: let cargo find the tests"
        );
    }
    let tests = root.join("domain/tests");
    let mut unrun = Vec::new();
    let mut layers = 0;
    for entry in fs::read_dir(&tests).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() || dir.ends_with("common") {
            continue;
        }
        layers += 1;
        let main = fs::read_to_string(dir.join("main.rs")).unwrap_or_default();
        for file in fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if stem != "main" && !main.contains(&format!("\nmod {stem};")) {
                unrun.push(path.display().to_string());
            }
        }
    }
    assert_eq!(layers, LAYERS.len(), "one test folder per layer");
    // Top-level tests/ holds this file and the browser suites; a Rust file in one of its folders
    // runs only when a manifest names it (the figures example).
    let manifests = fs::read_to_string(root.join("domain/Cargo.toml")).unwrap();
    let mut files = Vec::new();
    rust_files(&root.join("tests"), &mut files);
    for file in files {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let top = file.parent() == Some(&root.join("tests"));
        if !top && !manifests.contains(&format!("\"../{relative}\"")) {
            unrun.push(relative);
        }
    }
    assert!(unrun.is_empty(), "never compiled or run: {unrun:?}");
}

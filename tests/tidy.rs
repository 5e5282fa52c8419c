//! Tidy checks on the source tree: layering, file headers.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    common::rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "no Rust files under {dir}");
    files
}

/// The crate graph keeps the browser out of the domain: the domain crate may depend on serde
/// and serde_json and nothing else, so it cannot name Yew, web-sys or gloo at all.
#[test]
fn the_domain_crate_depends_on_serde_only() {
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("domain/Cargo.toml"))
            .unwrap();
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
            // The build script reads the regulatory table; nothing of it reaches the crate.
            "[build-dependencies] serde_json"
        ],
        "the domain crate must stay pure (domain/Cargo.toml)"
    );
}

#[test]
fn every_source_file_starts_with_a_doc_line() {
    let mut files = files_under("src");
    files.extend(files_under("tests"));
    files.extend(files_under("domain"));
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

/// The modules a domain file imports from its siblings (`super::name`), tests left out.
fn domain_imports(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("super::") {
        rest = &rest[at + "super::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(0)];
            found.extend(
                inner
                    .split(',')
                    .map(|p| p.trim().split("::").next().unwrap_or("").to_string()),
            );
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found.retain(|n| !n.is_empty());
    found.sort();
    found.dedup();
    found
}

#[test]
fn the_domain_modules_import_each_other_without_cycles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("domain/src");
    let mut graph = std::collections::BTreeMap::new();
    for file in files_under("domain/src") {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" {
            continue;
        }
        let imports: Vec<String> = domain_imports(&fs::read_to_string(&file).unwrap())
            .into_iter()
            .filter(|m| *m != name && dir.join(format!("{m}.rs")).exists())
            .collect();
        graph.insert(name, imports);
    }
    assert!(graph.len() > 15, "read {} modules", graph.len());
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "import cycles in the domain:\n{}",
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

/// The `[[test]]` paths a manifest lists (relative to the repository).
fn listed_tests(manifest: &str, base: &str) -> Vec<String> {
    let text = fs::read_to_string(manifest).unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("path = \""))
        .filter_map(|p| p.strip_suffix('"'))
        .filter(|p| p.ends_with(".rs") && p.contains("tests/"))
        .map(|p| {
            Path::new(base)
                .join(p)
                .components()
                .fold(PathBuf::new(), |mut acc, c| {
                    match c {
                        std::path::Component::ParentDir => {
                            acc.pop();
                        }
                        std::path::Component::CurDir => {}
                        other => acc.push(other),
                    }
                    acc
                })
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Both crates list their tests by hand (`autotests = false`): a test file that neither lists
/// would never be compiled or run, and nothing else would say so.
#[test]
fn every_test_file_is_one_that_cargo_runs() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut listed = listed_tests(&format!("{root}/Cargo.toml"), "");
    listed.extend(listed_tests(&format!("{root}/domain/Cargo.toml"), "domain"));
    let files: Vec<String> = fs::read_dir(format!("{root}/tests"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| format!("tests/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    assert!(files.len() > 20, "{files:?}");
    let unrun: Vec<&String> = files.iter().filter(|f| !listed.contains(f)).collect();
    assert!(
        unrun.is_empty(),
        "never compiled: add a [[test]] for each to domain/Cargo.toml: {unrun:?}"
    );
}

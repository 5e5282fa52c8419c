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
        ["[dependencies] serde", "[dependencies] serde_json"],
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
    // Depth-first search; a module met again on the current path closes a cycle.
    fn visit(
        node: &str,
        graph: &std::collections::BTreeMap<String, Vec<String>>,
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
    let mut cycles = Vec::new();
    let mut done = std::collections::BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(
        cycles.is_empty(),
        "import cycles in the domain:\n{}",
        cycles.join("\n")
    );
}

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

#[test]
fn the_domain_never_imports_the_browser_layer() {
    let forbidden = [
        "yew",
        "web_sys",
        "gloo",
        "wasm_bindgen",
        "js_sys",
        "crate::ui",
    ];
    let mut offences = Vec::new();
    for file in files_under("src/domain") {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in forbidden {
                let used =
                    code.contains(&format!("{name}::")) || code.contains(&format!("use {name}"));
                if used {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the domain must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn every_source_file_starts_with_a_doc_line() {
    let mut files = files_under("src");
    files.extend(files_under("tests"));
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"));
    files.extend(files_under("build"));
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

//! Finds the interface texts Rust sources mark for translation (`msg!("…")` and
//! `plural!("one", "other")`): the app's build script lists them for the content files, and the
//! core's i18n test compares them with an extractor of its own.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Every text the sources mark: messages, and (singular, plural) pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub messages: BTreeSet<String>,
    pub plurals: BTreeSet<(String, String)>,
}

impl Marks {
    /// The marks in the shipped code of every Rust file under `dirs`, and the files read (a
    /// build script reruns when one changes). A mark whose text is not a plain literal is not
    /// listed; the macro then has no text to hash and fails to compile.
    pub fn scan(dirs: &[PathBuf]) -> (Marks, Vec<PathBuf>) {
        let mut files = Vec::new();
        for dir in dirs {
            rust_files(dir, &mut files);
        }
        let mut marks = Marks::default();
        for path in files.iter().filter(|p| p.is_file()) {
            let text = fs::read_to_string(path).unwrap_or_default();
            marks.add(&shipped(&text));
        }
        (marks, files)
    }

    /// The marks in one file's shipped code.
    pub fn add(&mut self, code: &str) {
        for (at, _) in code.match_indices("msg!(") {
            let plain = !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            if let Some((text, _)) = literal(&code[at + 5..]).filter(|_| plain) {
                self.messages.insert(text);
            }
        }
        for (at, _) in code.match_indices("plural!(") {
            let pair = literal(&code[at + 8..]).and_then(|(one, rest)| {
                let rest = rest.trim_start().strip_prefix(',')?;
                Some((one, literal(rest)?.0))
            });
            self.plurals.extend(pair);
        }
    }
}

/// The Rust files under `dir`, sorted (and `dir` itself, so a new file is noticed).
fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    files.push(dir.to_path_buf());
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The code of a source file that ships: before its unit tests, without comment lines.
pub fn shipped(text: &str) -> String {
    text.split("#[cfg(test)]")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The string literal at the start of `code` (after white space), unescaped, and the code after
/// it; `None` when `code` does not start with a plain string literal.
fn literal(code: &str) -> Option<(String, &str)> {
    let rest = code.trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &rest[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' => {
                    let code: String = chars
                        .by_ref()
                        .map(|(_, c)| c)
                        .skip(1)
                        .take_while(|c| *c != '}')
                        .collect();
                    out.push(char::from_u32(u32::from_str_radix(&code, 16).ok()?)?);
                }
                '\n' => {
                    // A line continuation: the next line's leading white space is skipped.
                    let tail = &rest[i + 2..];
                    let skip = tail.len() - tail.trim_start().len();
                    for _ in 0..tail[..skip].chars().count() {
                        chars.next();
                    }
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

//! The mark finder the app's build script lists interface texts with: plain literals with their
//! escapes, both forms of a plural text, and nothing from comments, unit tests or look-alikes.

use aims_po::marks::{shipped, Marks};

#[test]
fn marks_are_read_with_their_escapes_and_only_from_shipped_code() {
    let code = r#"
        let a = lang.t(msg!("Results"));
        let b = lang.f(msg!(
            "{n} of {total} \"done\"\n\u{2068}x\u{2069}"
        ), &[]);
        let c = lang.n(2, plural!("{n} task", "{n} tasks"), &[]);
        let long = msg!("one \
                         line");
        // msg!("In a comment")
        let d = my_msg!("Not ours");
        let e = msg!(TEXT);
        #[cfg(test)]
        mod tests { fn f() { msg!("In a unit test"); } }
    "#;
    let mut marks = Marks::default();
    marks.add(&shipped(code));
    let messages: Vec<&str> = marks.messages.iter().map(String::as_str).collect();
    assert_eq!(
        messages,
        [
            "Results",
            "one line",
            "{n} of {total} \"done\"\n\u{2068}x\u{2069}"
        ]
    );
    let plurals: Vec<(&str, &str)> = (marks.plurals.iter())
        .map(|(o, p)| (o.as_str(), p.as_str()))
        .collect();
    assert_eq!(plurals, [("{n} task", "{n} tasks")]);
}

#[test]
fn a_scan_reads_every_rust_file_under_the_folders_and_names_them() {
    let dir = std::env::temp_dir().join(format!("aims-po-marks-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("ui")).unwrap();
    std::fs::write(dir.join("a.rs"), r#"msg!("From a")"#).unwrap();
    std::fs::write(dir.join("ui/b.rs"), r#"plural!("one b", "two b")"#).unwrap();
    std::fs::write(dir.join("ui/c.txt"), r#"msg!("Not Rust")"#).unwrap();
    let (marks, files) = Marks::scan(&[dir.clone(), dir.join("missing")]);
    assert_eq!(marks.messages.iter().collect::<Vec<_>>(), ["From a"]);
    assert_eq!(marks.plurals.len(), 1);
    let names: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(&dir).unwrap().display().to_string())
        .collect();
    assert_eq!(names, ["", "a.rs", "ui", "ui/b.rs"]);
    std::fs::remove_dir_all(dir).unwrap();
}

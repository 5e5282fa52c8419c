//! Build script of the app: refuses to build with broken content, and packs the validated
//! content for the wasm. Every questionnaire and translation compiled into the domain crate is
//! validated here, and the build fails listing every error with its file, item and field, so no
//! user ever meets a refused built-in file; what passed is written to `$OUT_DIR/content.bin`
//! (`domain::packed`), which the app embeds and unpacks without parsing or validating JSON.

fn main() {
    println!("cargo:rerun-if-changed=questionnaires");
    println!("cargo:rerun-if-env-changed=AIMS_EXTRA_QUESTIONNAIRES");
    let problems = aims_domain::catalogue::problems();
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
    let content = aims_domain::catalogue::content();
    let packed = aims_domain::packed::pack(&content);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("content.bin"), packed).expect("OUT_DIR is writable");
}

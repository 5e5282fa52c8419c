//! Translators' tool for questionnaires (`scripts/questionnaire-po.sh`): writes a built-in
//! questionnaire's texts as a gettext `.po` file, and turns a translated `.po` back into the
//! translation file `questionnaires/<id>.<language>.json` (see `domain::formats::translation_po`).

use std::process::ExitCode;

use aims_domain::formats::{catalogue, translation, translation_po};

const USAGE: &str = "usage: questionnaire-po.sh export <questionnaire id> <language code> > <file>.po
       questionnaire-po.sh import <questionnaire id> <language code> <file>.po > questionnaires/<id>.<code>.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, id, code) = match args.as_slice() {
        [c, id, code, ..] => (c.as_str(), id.as_str(), code.as_str()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(base) = catalogue::questionnaires().into_iter().find(|q| q.id == id) else {
        eprintln!("no built-in questionnaire has the id {id:?}");
        return ExitCode::FAILURE;
    };
    match (command, args.get(3)) {
        ("export", None) => {
            // The translation so far, read from disk: a translator may be half-way through.
            let path = format!(
                "{}/../questionnaires/{id}.{code}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let translated = match std::fs::read_to_string(&path) {
                Ok(text) => match translation::translate(&base, &text) {
                    Ok(q) => Some(q),
                    Err(problems) => {
                        eprintln!("{path} has problems; fix them or move it away first:");
                        for p in problems {
                            eprintln!("  {p}");
                        }
                        return ExitCode::FAILURE;
                    }
                },
                Err(_) => None,
            };
            print!(
                "{}",
                translation_po::to_po(&base, translated.as_ref(), code)
            );
            ExitCode::SUCCESS
        }
        ("import", Some(file)) => {
            let text = match std::fs::read_to_string(file) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("{file}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            match translation_po::from_po(&base, &text, code) {
                Ok(json) => {
                    print!("{json}");
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    eprintln!("{file}: {} problem(s):", problems.len());
                    for p in problems {
                        eprintln!("  {p}");
                    }
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

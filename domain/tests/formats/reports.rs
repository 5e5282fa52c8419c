//! Exports checked against golden files for a known set of answers, plus round trips and the comparison.
//!
//! After an intended change, refresh the golden files with `UPDATE_SNAPSHOTS=1 cargo test -p aims-domain --test formats`.

use crate::common;

use aims_domain::figures::applicability;
use aims_domain::figures::comparison;
use aims_domain::figures::comparison::Change;
use aims_domain::figures::roadmap::Roadmap;
use aims_domain::formats::calendar;
use aims_domain::formats::gap_register;
use aims_domain::formats::report;
use aims_domain::formats::roadmap_csv;
use aims_domain::formats::soa;
use aims_domain::formats::write;
use aims_domain::model::answers::Notes;
use aims_domain::model::date::Date;
use aims_domain::model::i18n::Lang;
use aims_domain::model::profile::Screening;
use aims_domain::{AiRole, Answers, Certification, HighRisk, Profile, Questionnaire, SizeBand};
use common::{answers, quick_scan};
use std::fs;
use std::path::Path;

pub(crate) fn known() -> (Questionnaire, Profile, Answers, Notes) {
    let q = quick_scan();
    let profile = Profile {
        size: Some(SizeBand::Medium),
        roles: [AiRole::Develops, AiRole::Uses].into(),
        systems: 4,
        certifications: Some([Certification::Iso27001].into()),
        high_risk: Some(HighRisk::NotSure),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: Date::parse("2027-06-30"),
        capacity: None,
    };
    let a = answers(
        &q,
        &[
            ("4.1", "2"),
            ("4.3", "2"),
            ("5.2", "1"),
            ("6.1.2", "1"),
            ("6.1.3", "1"),
            ("6.1.4", "0"),
            ("6.2", "1"),
            ("7.2", "2"),
            ("7.5.3", "3"),
            ("8.1", "1"),
            ("9.1", "1"),
            ("9.2.2", "2"),
            ("9.3.3", "2"),
            ("10.2", "3"),
            ("A.2.3", "2"),
            ("A.3.2", "2"),
            ("A.4.2", "1"),
            ("A.5.4", "0"),
            ("A.6.2.4", "2"),
            ("A.6.2.6", "1"),
            (
                "A.7.4",
                "na:Models are trained by the vendor; we feed no data of our own, see contract §4.",
            ),
            ("A.8.2", "?"),
            ("A.9.4", "2"),
            ("A.10.3", "2"),
        ],
    );
    let notes: Notes = [
        (
            "4.3".to_string(),
            "Scope v0.3 on SharePoint, \"AIMS/01\"; owner: CISO".to_string(),
        ),
        (
            "6.1.2".to_string(),
            "Risk method drafted,\nnot yet approved".to_string(),
        ),
        (
            "A.10.3".to_string(),
            "=HYPERLINK(\"http://evil\") must not run as a formula".to_string(),
        ),
    ]
    .into();
    (q, profile, a, notes)
}

/// [`known`] as a snapshot, as the exports take it.
pub(crate) fn known_snapshot() -> (Questionnaire, aims_domain::formats::saved::Snapshot) {
    let (q, profile, answers, notes) = known();
    let snapshot = aims_domain::formats::saved::Snapshot {
        profile,
        answers,
        notes,
        ..Default::default()
    };
    (q, snapshot)
}

pub(crate) fn today() -> Date {
    Date::parse("2026-11-28").unwrap()
}

pub(crate) fn golden(name: &str, actual: &str) {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, actual).unwrap();
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    assert!(expected == actual, "{name} differs from its golden file; review and refresh with UPDATE_SNAPSHOTS=1 cargo test -p aims-domain --test formats");
}

pub(crate) fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a UTF-8 byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_gap_register_matches_its_golden_file_and_reads_back() {
    let (q, p, a, n) = known();
    let roadmap = Roadmap::plan(&q, &p, &a, today());
    let text = gap_register::gap_register(&q, &p, &a, &n, &roadmap);
    golden("gap-register.csv", &text);
    let rows = read_csv(&text);
    assert_eq!(
        rows[0],
        [
            "Item",
            "Title",
            "Level",
            "Target",
            "Gap",
            "Blocker",
            "Actions",
            "Phase",
            "Effort (person-days)",
            "Note"
        ]
    );
    // The 24 items asked, then the 46 requirements and controls the quick scan did not ask about.
    assert_eq!(rows.len(), 1 + 70);
    assert_eq!(rows.iter().filter(|r| r[2] == "Not assessed").count(), 46);
    assert!(rows
        .iter()
        .any(|r| r[0] == "Clause 6.1.1" && r[2] == "Not assessed" && r[5] == "Yes"));
    let scope = rows.iter().find(|r| r[0] == "Clause 4.3").unwrap();
    assert_eq!(scope[2], "2 Implemented and documented");
    assert_eq!((scope[4].as_str(), scope[5].as_str()), ("1", "Yes"));
    assert_eq!(
        scope[9], "Scope v0.3 on SharePoint, \"AIMS/01\"; owner: CISO",
        "commas and quotes survive"
    );
    let risk = rows.iter().find(|r| r[0] == "Clause 6.1.2").unwrap();
    assert_eq!(
        risk[9], "Risk method drafted,\nnot yet approved",
        "line breaks survive"
    );
    assert!(risk[6].contains('\n'), "several actions, one per line");
    let supplier = rows.iter().find(|r| r[0] == "A.10.3").unwrap();
    assert!(supplier[9].starts_with("'="), "a formula is neutralised");
    let total: f64 = rows[1..]
        .iter()
        .filter(|r| r[2] != "Not assessed")
        .map(|r| r[8].parse::<f64>().unwrap())
        .sum();
    // Every task but the plan's own (hosting the certification audits) belongs to an item.
    let own: u32 = roadmap
        .tasks()
        .filter(|t| t.item_id.is_empty())
        .map(|t| t.effort)
        .sum();
    assert!(own > 0, "phase 5 carries the work of hosting the audits");
    assert!(
        (total * 10.0 - f64::from(roadmap.total_effort - own)).abs() < 0.01,
        "effort adds up to the roadmap's"
    );
}

#[test]
fn the_statement_of_applicability_lists_every_annex_control() {
    let (q, p, a, n) = known();
    let text = soa::statement_of_applicability(&q, &p, &a, &n);
    golden("statement-of-applicability.csv", &text);
    let rows = read_csv(&text);
    // All 38 controls of the standard, including those the quick scan did not ask about.
    assert_eq!(rows.len() - 1, 38);
    let not_assessed = rows.iter().filter(|r| r[2] == "Not assessed").count();
    assert_eq!(
        not_assessed,
        38 - q
            .items()
            .filter(|i| i.kind == aims_domain::SectionKind::Annex)
            .count()
    );
    // Reasons are specific to the control, never one sentence for every row.
    let reasons: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter(|r| r[2] == "Yes")
        .map(|r| r[3].as_str())
        .collect();
    assert_eq!(reasons.len(), rows.iter().filter(|r| r[2] == "Yes").count());
    let data = rows.iter().find(|r| r[0] == "A.7.4").unwrap();
    assert_eq!(
        &data[2..5],
        [
            "No",
            "Models are trained by the vendor; we feed no data of our own, see contract §4.",
            ""
        ]
    );
    let vv = rows.iter().find(|r| r[0] == "A.6.2.4").unwrap();
    assert_eq!(
        (vv[2].as_str(), vv[4].as_str()),
        ("Yes", "2 Implemented and documented")
    );
}

#[test]
fn the_roadmap_exports_as_csv_and_calendar() {
    let (q, p, a, _) = known();
    let roadmap = Roadmap::plan(&q, &p, &a, today());
    let text = roadmap_csv::roadmap_csv(&q, &roadmap);
    golden("roadmap.csv", &text);
    assert_eq!(
        read_csv(&text).len() - 1,
        roadmap.tasks().count() + roadmap.legal.len() + roadmap.cycle.len()
    );
    // The EU AI Act dates that bind this profile, dated "as of" the facts' check.
    assert!(text.contains("EU AI Act facts as of 6 Dec 2026"));
    assert!(text.contains("Duties for the high-risk AI systems of Annex III apply"));

    let start = Date::parse("2027-01-04").unwrap();
    let export = calendar::CalendarExport {
        start,
        now: "2026-12-01T09:30:15.123Z",
        assessment: "3f2a9c10be44d7a1",
    };
    let ics = calendar::calendar(&q, &roadmap, &export);
    golden("roadmap.ics", &ics);
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "lines are folded at 75 octets"
    );
    assert!(
        ics.split("\r\n").filter(|l| !l.is_empty()).count() > 0
            && !ics.replace("\r\n", "").contains('\n'),
        "CRLF only"
    );
    // Unfold and read the events back.
    let unfolded = ics.replace("\r\n ", "");
    let starts: Vec<&str> = unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
        .collect();
    let ends: Vec<&str> = unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("DTEND;VALUE=DATE:"))
        .collect();
    assert_eq!(
        starts.len(),
        15,
        "five phases, then the certificate, three yearly internal audits and reviews, two surveillance audits and the recertification, then three EU AI Act dates"
    );
    // The EU AI Act dates fall on their own days, whatever the plan's start.
    assert_eq!(starts[12..], ["20261202", "20271202", "20280802"]);
    assert!(unfolded.contains("EU AI Act facts as of 6 Dec 2026"));
    assert_eq!(starts[0], "20270104");
    assert_eq!(
        starts[1..5],
        ends[..4],
        "each phase starts when the previous one ends"
    );
    // The first surveillance audit falls 46 weeks (about 10.5 months) after the certificate
    // decision, the yearly internal audit and management review 8 weeks before it.
    let date = |t: &str| Date::parse(&format!("{}-{}-{}", &t[..4], &t[4..6], &t[6..])).unwrap();
    assert_eq!(date(starts[5]).days_until(date(starts[7])), 46 * 7);
    assert_eq!(date(starts[6]).days_until(date(starts[7])), 8 * 7);
    let last_end = start.add_days(i64::from(roadmap.total_weeks) * 7);
    assert_eq!(
        ends[4],
        format!(
            "{:04}{:02}{:02}",
            last_end.year, last_end.month, last_end.day
        )
    );
    assert!(unfolded.contains("SUMMARY:ISO 42001 phase 1: Assessment and planning"));
    // DTSTAMP is the time of the export, not the start date.
    assert!(unfolded
        .lines()
        .filter(|l| l.starts_with("DTSTAMP:"))
        .all(|l| l == "DTSTAMP:20261201T093015Z"));
}

fn ics_values<'a>(ics: &'a str, name: &str) -> Vec<&'a str> {
    ics.lines()
        .filter_map(|l| l.strip_prefix(name))
        .map(|l| l.trim_end_matches('\r'))
        .collect()
}

#[test]
fn re_exported_calendars_update_their_events_instead_of_duplicating_them() {
    let (q, p, a, _) = known();
    let roadmap = Roadmap::plan(&q, &p, &a, today());
    let first = calendar::calendar(
        &q,
        &roadmap,
        &calendar::CalendarExport {
            start: Date::parse("2027-01-04").unwrap(),
            now: "2026-12-01T09:30:15.123Z",
            assessment: "3f2a9c10be44d7a1",
        },
    );
    // Later, with more answers and another start date: the same assessment's plan.
    let mut more = a.clone();
    more.set(&q, "4.1", aims_domain::Answer::Level(3)).unwrap();
    let later = calendar::calendar(
        &q,
        &Roadmap::plan(&q, &p, &more, today()),
        &calendar::CalendarExport {
            start: Date::parse("2027-02-01").unwrap(),
            now: "2026-12-03T16:05:00.000Z",
            assessment: "3f2a9c10be44d7a1",
        },
    );
    let uids = ics_values(&first, "UID:");
    // Five phases, seven cycle milestones and the EU AI Act dates still ahead for this profile
    // ("not sure" about high risk counts as yes: 2 December 2026, 2027 and August 2028).
    assert_eq!(
        uids.len(),
        15,
        "five phases, seven cycle milestones, three EU AI Act dates"
    );
    assert!(first.replace("\r\n ", "").contains(
        "UID:iso42001-quick-scan-3f2a9c10be44d7a1-eu-ai-act-high-risk-annex-iii@aims-readiness"
    ));
    assert_eq!(uids, ics_values(&later, "UID:"), "UIDs are stable");
    assert_eq!(
        uids.iter().collect::<std::collections::BTreeSet<_>>().len(),
        15,
        "one UID per event"
    );
    let seq = |ics: &str| ics_values(ics, "SEQUENCE:")[0].parse::<u64>().unwrap();
    assert!(
        seq(&later) > seq(&first),
        "the later export has the higher SEQUENCE"
    );
    // Another assessment (another client) never collides with this one.
    let other = calendar::calendar(
        &q,
        &roadmap,
        &calendar::CalendarExport {
            start: Date::parse("2027-01-04").unwrap(),
            now: "2026-12-01T09:30:15.123Z",
            assessment: "0000aaaa1111bbbb",
        },
    );
    assert!(ics_values(&other, "UID:").iter().all(|u| !uids.contains(u)));
}

#[test]
fn the_markdown_report_matches_its_golden_file() {
    let (q, p, a, n) = known();
    let md = report::markdown(&q, &p, &a, &n, today());
    golden("report.md", &md);
    // 51 of 105 points (every gate item weighs 2): 48.6%.
    assert!(md.contains("**49%** overall"));
    assert!(md.contains("| 6 | Planning | 0.8 | 25% | 4 / 4 |"));
    assert!(md.contains("(stops the stage 1 audit)") && md.contains("(stops the stage 2 audit)"));
    assert!(md.contains("Recertification audit"));
    assert!(md.contains("Scope v0.3 on SharePoint"));
    assert!(!md.to_lowercase().contains("compliant") && !md.to_lowercase().contains("certified"));
}

#[test]
fn the_german_report_and_gap_register_match_their_golden_files() {
    let (q, p, a, n) = known();
    let de = aims_domain::formats::catalogue::localise(&std::rc::Rc::new(q), Lang::De).unwrap();
    let md = report::markdown(&de, &p, &a, &n, today());
    golden("report.de.md", &md);
    assert!(md.contains("**49\u{202f}%** insgesamt"), "{md}");
    assert!(
        md.contains("| 6 | Planung | 0,8 | 25\u{202f}% | 4 / 4 |"),
        "{md}"
    );
    assert!(md.contains("28.11.2026"));
    let plan = Roadmap::plan(&de, &p, &a, today());
    let csv = gap_register::gap_register(&de, &p, &a, &n, &plan);
    golden("gap-register.de.csv", &csv);
    // German spreadsheets split on semicolons and read decimal commas.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Frage");
    assert_eq!(&headers[8], "Aufwand (Personentage)");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 70, "asked items and the ones not assessed");
    assert!(
        rows.iter().any(|r| r[8].contains(',')),
        "some effort has a decimal comma"
    );
}

#[test]
fn comparing_with_an_earlier_run_shows_each_change() {
    let (q, p, now, _) = known();
    let earlier = answers(
        &q,
        &[
            ("4.1", "1"),
            ("4.3", "3"),
            ("5.2", "1"),
            ("6.1.2", "?"),
            ("7.2", "2"),
        ],
    );
    let c = comparison::compare(&q, &p, &earlier, &now);
    let change = |id: &str| c.items.iter().find(|i| i.id == id).map(|i| i.change);
    assert_eq!(change("4.1"), Some(Change::Improved));
    assert_eq!(change("4.3"), Some(Change::Regressed));
    assert_eq!(change("5.2"), None, "unchanged items are not listed");
    assert_eq!(
        change("6.1.2"),
        Some(Change::Improved),
        "don't know counts as 0"
    );
    assert_eq!(change("9.1"), Some(Change::NewlyAnswered));
    assert!(c.then < c.now);
    let clause4 = c.sections.iter().find(|s| s.id == "4").unwrap();
    assert_eq!((clause4.then, clause4.now), (Some(78), Some(67)));
    let mut back = now.clone();
    back.clear("4.1");
    assert_eq!(
        comparison::compare(&q, &p, &now, &back).items[0].change,
        Change::NoLongerAnswered
    );
    // Level 2 to "not applicable" is a change, and so is the way back.
    let mut excluded = now.clone();
    excluded
        .set(
            &q,
            "A.9.4",
            aims_domain::Answer::NotApplicable("Not used".into()),
        )
        .unwrap();
    let to_na = comparison::compare(&q, &p, &now, &excluded);
    assert_eq!(to_na.items.len(), 1);
    assert_eq!(to_na.items[0].change, Change::MarkedNotApplicable);
    assert_eq!(
        comparison::compare(&q, &p, &excluded, &now).items[0].change,
        Change::NoLongerNotApplicable
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let rows: Vec<Vec<String>> = [
        "=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "\n=1", " =1", "  @x", "\u{a0}=1", "＝1",
        "-2", "+3.5", "plain", "a=b",
    ]
    .iter()
    .map(|c| vec![c.to_string()])
    .collect();
    let text = write::csv(&rows, Lang::En);
    let back = read_csv(&text);
    let cells: Vec<&str> = back.iter().map(|r| r[0].as_str()).collect();
    for (cell, original) in cells.iter().zip(&rows) {
        let original = &original[0];
        let number = original.parse::<f64>().is_ok();
        let harmless = number || original == "plain" || original == "a=b";
        if harmless {
            assert_eq!(cell, original, "left alone");
        } else {
            assert_eq!(
                *cell,
                format!("'{original}"),
                "neutralised, otherwise exact"
            );
        }
    }
}

#[test]
fn ids_that_look_like_numbers_are_written_as_text() {
    let (q, p, a, n) = known();
    let roadmap = Roadmap::plan(&q, &p, &a, today());
    for lang in Lang::ALL {
        let q =
            aims_domain::formats::catalogue::localise(&std::rc::Rc::new(q.clone()), lang).unwrap();
        let sep = write::csv_separator(lang) as u8;
        // Each export with the column that holds item ids.
        for (text, column) in [
            (gap_register::gap_register(&q, &p, &a, &n, &roadmap), 0),
            (roadmap_csv::roadmap_csv(&q, &roadmap), 4),
            (soa::statement_of_applicability(&q, &p, &a, &n), 0),
        ] {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(sep)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let mut ids = 0;
            for row in reader.records() {
                let id = row.unwrap()[column].to_string();
                if id.is_empty() {
                    continue; // the certification cycle's milestones belong to no item
                }
                assert!(
                    !id.starts_with(|c: char| c.is_ascii_digit()),
                    "{lang:?}: an id cell starts with a digit: {id:?}"
                );
                assert!(
                    id.ends_with(|c: char| c.is_ascii_digit()),
                    "{id:?} keeps the id"
                );
                ids += 1;
            }
            assert!(ids > 5);
        }
    }
}

#[test]
fn markdown_escapes_outside_text_so_it_renders_exactly_as_typed() {
    let (q, p, a, mut n) = known();
    n.insert(
        "4.3".into(),
        "<img src=x onerror=alert(1)> **not bold** [link](javascript:alert(1)) a_b & &amp; `code`\r\n# not a heading\r- not a list\n1. not ordered".into(),
    );
    let md = report::markdown(&q, &p, &a, &n, today());
    let line = md.lines().position(|l| l.contains("onerror")).unwrap();
    let item: Vec<&str> = md.lines().skip(line).take(4).collect();
    assert_eq!(
        item,
        [
            "- **4.3 Determining the scope of the AI management system**: \\<img src=x onerror=alert(1)\\> \\*\\*not bold\\*\\* \\[link\\](javascript:alert(1)) a\\_b \\& \\&amp; \\`code\\`\\",
            "  \\# not a heading\\",
            "  \\- not a list\\",
            "  1\\. not ordered",
        ]
    );
    assert!(!md.contains('\r'), "no carriage return survives");
}

#[test]
fn markdown_and_print_list_the_excluded_controls_with_their_justifications() {
    let (q, p, a, n) = known();
    let md = report::markdown(&q, &p, &a, &n, today());
    let section = md
        .split("## Controls excluded from the Statement of Applicability")
        .nth(1)
        .unwrap();
    assert!(section.contains("A.7.4"), "{section}");
    assert!(section.contains(
        "Models are trained by the vendor; we feed no data of our own, see contract §4."
    ));
    let excluded = applicability::exclusions(&q, &p, &a);
    assert!(excluded.iter().any(|e| e.id == "A.7.4" && e.by_answer));
}

/// The organisation, the author and a team's consensus with its method head the Markdown
/// report's organisation section (and so the Word report, which is made from it).
#[test]
fn the_report_names_the_organisation_the_author_and_a_teams_method() {
    let (q, p, a, n) = known();
    let people = aims_domain::model::answers::People {
        organisation: "Acme & Söhne".into(),
        prepared_by: "Ines Ruiz".into(),
        consensus_of: vec!["Dana".into(), "Lee".into()],
        ..Default::default()
    };
    let md = report::markdown_by(&q, &p, &a, &n, &people, today());
    let section = md.split("## Organisation\n\n").nth(1).unwrap();
    let lines: Vec<&str> = section.lines().take(4).collect();
    assert_eq!(
        lines,
        [
            "- Organisation: \u{2068}Acme \\& Söhne\u{2069}",
            "- Prepared by: \u{2068}Ines Ruiz\u{2069}",
            "- The consensus of a team of 2: \u{2068}Dana\u{2069}; \u{2068}Lee\u{2069}",
            "- Method: each answered separately; each item took the median of the levels given (the lower middle one for an even count), unless the team settled on one person's answer in discussion.",
        ]
    );
}

/// The report is handed to a client: whatever the answers and the profile, its sentences speak of
/// the organisation and never to "you" (the on-screen results, read by the person who answered,
/// may). Checked over both questionnaires, every level, capped and uncapped results, many AI
/// systems, every role, and the known answers.
#[test]
fn the_report_never_addresses_the_reader_as_you() {
    // German capitalises the polite "Sie"/"Ihr" (lower case: "they", "her"); at the start of a
    // sentence the capital says nothing, so only words inside a sentence count there.
    let addressed = |md: &str| -> Vec<String> {
        md.lines()
            .filter(|line| {
                let mut sentence_start = true;
                line.split(' ').any(|token| {
                    let w = token.trim_matches(|c: char| !c.is_alphanumeric());
                    let hit = matches!(
                        w.to_lowercase().as_str(),
                        "you" | "your" | "yours" | "vous" | "votre" | "vos" | "usted" | "ustedes"
                    ) || (!sentence_start
                        && matches!(
                            w,
                            "Sie" | "Ihr" | "Ihre" | "Ihren" | "Ihrem" | "Ihrer" | "Ihnen"
                        ));
                    sentence_start = token.ends_with(['.', ':', '!', '?'])
                        || !token.chars().any(char::is_alphanumeric);
                    hit
                })
            })
            .map(str::to_string)
            .collect()
    };
    let (q, p, a, n) = known();
    let mut reports = vec![report::markdown(&q, &p, &a, &n, today())];
    for file in ["iso42001-quick-scan.json", "iso42001-full.json"] {
        let q = common::questionnaire(file);
        for level in 0..=3 {
            for (systems, high) in [(1, HighRisk::No), (12, HighRisk::Yes)] {
                let mut p = p.clone();
                p.roles = AiRole::ALL.into();
                p.systems = systems;
                p.high_risk = Some(high);
                if systems > 1 {
                    p.eu_roles = aims_domain::model::profile::EuRole::ALL.into();
                    p.capacity = Some(aims_domain::model::profile::Capacity {
                        people: 1,
                        days_tenths: 5,
                        owner_days_tenths: 2,
                    });
                }
                let a = common::all_at(&q, level);
                for lang in [Lang::En, Lang::De, Lang::Fr, Lang::Es] {
                    let q = aims_domain::formats::catalogue::localise(
                        &std::rc::Rc::new(q.clone()),
                        lang,
                    )
                    .unwrap();
                    reports.push(report::markdown(&q, &p, &a, &n, today()));
                }
            }
        }
        // Stage 1 blockers at the bottom, the rest at the top: a capped verdict.
        let mut a = common::all_at(&q, 3);
        for b in ["4.3", "5.2", "6.1.2"] {
            a.set(&q, b, aims_domain::Answer::Level(0)).unwrap();
        }
        for lang in [Lang::En, Lang::De, Lang::Fr, Lang::Es] {
            let q = aims_domain::formats::catalogue::localise(&std::rc::Rc::new(q.clone()), lang)
                .unwrap();
            reports.push(report::markdown(&q, &p, &a, &n, today()));
        }
    }
    let mut lines = std::collections::BTreeSet::new();
    for md in &reports {
        assert!(md.len() > 2_000);
        lines.extend(addressed(md));
    }
    assert!(reports.len() > 30);
    let lines: Vec<String> = lines.into_iter().collect();
    assert!(
        lines.is_empty(),
        "the report says \"you\":\n{}",
        lines.join("\n")
    );
}

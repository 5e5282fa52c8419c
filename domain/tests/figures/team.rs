//! The team view: merging respondents' save files (medians, spread, disagreement marks, the
//! items to discuss first), the consensus rules, refusals one file at a time, older versions,
//! its exports, and the whole flow through `app::run` (nothing stored until adopted).

use crate::common;
use aims_domain::app::{edit, import, language, navigate, notices, shared, workshop, ShellCommand};

use aims_domain::formats::{team_files, team_sheet};
use common::tab::{store, Tab, TODAY};

use std::rc::Rc;

use aims_domain::app::session::{NoticeAction, Screen};
use aims_domain::app::sync::Store;
use aims_domain::app::{Library, Purpose};
use aims_domain::figures::scoring::ItemStatus;
use aims_domain::figures::team::{Pick, Team, MAX_RESPONDENTS};
use aims_domain::formats::export::Export;
use aims_domain::model::i18n::Lang;
use aims_domain::{AiRole, Answer, Answers, Profile, Questionnaire, SizeBand};

const QUICK: &str = "iso42001-quick-scan";

fn profile() -> Profile {
    common::profile(SizeBand::Medium, &[AiRole::Uses])
}

fn quick(lang: Lang) -> Rc<Questionnaire> {
    let library = Library::built_in();
    let all = library.in_lang(lang);
    Rc::clone(all.iter().find(|q| q.id == QUICK).unwrap())
}

/// A save file of `q` with these answers (and the file's version changed if given).
fn save_file(q: &Questionnaire, answers: &[(&str, Answer)], version: Option<&str>) -> Vec<u8> {
    let mut a = Answers::default();
    for (item, answer) in answers {
        a.set(q, item, answer.clone()).unwrap();
    }
    save_file_of(q, &profile(), &a, version)
}

/// A save file of `q` as the widget writes one (its version changed if `version` is given).
fn save_file_of(
    q: &Questionnaire,
    profile: &aims_domain::Profile,
    answers: &Answers,
    version: Option<&str>,
) -> Vec<u8> {
    named_file(q, profile, answers, version, "", &[])
}

/// A save file made by a respondent who gave their name, with notes per item.
fn named_file(
    q: &Questionnaire,
    profile: &aims_domain::Profile,
    answers: &Answers,
    version: Option<&str>,
    name: &str,
    notes: &[(&str, &str)],
) -> Vec<u8> {
    let snapshot = aims_domain::formats::saved::Snapshot {
        profile: profile.clone(),
        answers: answers.clone(),
        notes: notes
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        people: aims_domain::model::answers::People {
            respondent: name.into(),
            ..Default::default()
        },
    };
    let meta = aims_domain::formats::saved::SaveMeta {
        saved_at: "2026-11-20T10:00:00.000Z".into(),
        assessment: Some("ffff0000ffff0000".into()),
        parent: None,
    };
    let mut file: serde_json::Value = serde_json::from_str(
        &aims_domain::formats::saved::encode_snapshot(q, &snapshot, &meta),
    )
    .unwrap();
    if let Some(v) = version {
        file["version"] = v.into();
    }
    file.to_string().into_bytes()
}

fn level(n: u8) -> Answer {
    Answer::Level(n)
}

/// Three respondents: agreement on 4.1, a two-level gap on 4.3 (a blocker), a "don't know"
/// on 5.2 (a blocker), one level apart on 7.2, and N/A beside a level on A.10.3.
fn three() -> Team {
    let q = quick(Lang::En);
    let mut team = Team::new(Rc::clone(&q));
    let na = Answer::NotApplicable("We buy no AI from suppliers".into());
    let files = [
        (
            "ciso.json",
            vec![
                ("4.1", level(2)),
                ("4.3", level(1)),
                ("5.2", level(2)),
                ("7.2", level(2)),
                ("A.10.3", na.clone()),
            ],
        ),
        (
            "data-science.json",
            vec![
                ("4.1", level(2)),
                ("4.3", level(3)),
                ("5.2", Answer::DontKnow),
                ("7.2", level(3)),
                ("A.10.3", level(1)),
            ],
        ),
        (
            "legal.json",
            vec![
                ("4.1", level(2)),
                ("4.3", level(2)),
                ("5.2", level(3)),
                ("7.2", level(3)),
                ("A.10.3", na),
            ],
        ),
    ];
    for (name, answers) in files {
        team_files::add(&mut team, name, &save_file(&q, &answers, None), Lang::En);
    }
    assert!(team.refused.is_empty(), "{:?}", team.refused);
    team
}

#[test]
fn medians_spread_and_disagreement_marks_per_item() {
    let team = three();
    let summary = team.summary(&profile());
    let row = |id: &str| summary.items.iter().find(|i| i.id == id).unwrap().clone();

    let agreed = row("4.1");
    assert_eq!(
        (agreed.median_tenths, agreed.spread, agreed.disagree),
        (Some(20), Some(0), false)
    );
    let apart = row("4.3");
    assert_eq!(
        (apart.median_tenths, apart.spread, apart.disagree),
        (Some(20), Some(2), true)
    );
    let unknown = row("5.2");
    assert_eq!(unknown.answers[1], ItemStatus::DontKnow);
    assert_eq!(
        (unknown.median_tenths, unknown.dont_know, unknown.disagree),
        (Some(25), 1, true)
    );
    let close = row("7.2");
    assert_eq!(
        (close.spread, close.disagree),
        (Some(1), false),
        "one level apart is not marked"
    );
    let na = row("A.10.3");
    assert!(na.disagree, "a level beside \"not applicable\" is marked");
    let unanswered = row("6.2");
    assert_eq!(unanswered.answers, vec![ItemStatus::Unanswered; 3]);
    assert_eq!(
        (unanswered.median_tenths, unanswered.disagree),
        (None, false)
    );

    assert_eq!(
        team.respondents[1].name, "data-science",
        "named by its file"
    );
}

#[test]
fn sections_show_each_respondent_with_median_and_spread() {
    let team = three();
    let summary = team.summary(&profile());
    let clause4 = summary.sections.iter().find(|s| s.id == "4").unwrap();
    assert_eq!(clause4.maturity.len(), 3);
    assert!(clause4.disagree, "4.3 is marked, so clause 4 is");
    let spread = clause4.spread_tenths.unwrap();
    let (min, max) = (
        clause4.maturity.iter().flatten().min().unwrap(),
        clause4.maturity.iter().flatten().max().unwrap(),
    );
    assert_eq!(spread, max - min);
    assert!(clause4.median_tenths.unwrap() >= *min && clause4.median_tenths.unwrap() <= *max);
}

#[test]
fn blockers_with_the_widest_spread_are_discussed_first() {
    let team = three();
    let summary = team.summary(&profile());
    // 4.3 (blocker, spread 2) before 5.2 (blocker, spread 1 with a "don't know"), then A.10.3.
    assert_eq!(summary.discuss_first, vec!["4.3", "5.2", "A.10.3"]);
}

#[test]
fn the_consensus_takes_the_lower_median_picks_and_never_more_than_the_team_said() {
    let mut team = three();
    assert_eq!(team.consensus_answer("4.1"), Some(level(2)));
    assert_eq!(team.consensus_answer("4.3"), Some(level(2)));
    // Levels 2 and 3 with a "don't know": the lower middle one.
    assert_eq!(team.consensus_answer("5.2"), Some(level(2)));
    // Two of three chose N/A over one level: N/A with the first justification.
    assert_eq!(
        team.consensus_answer("A.10.3"),
        Some(Answer::NotApplicable("We buy no AI from suppliers".into()))
    );
    assert_eq!(team.consensus_answer("6.2"), None, "nobody answered");

    team.pick("4.3", Pick::From(1));
    assert_eq!(team.consensus_answer("4.3"), Some(level(3)));
    team.pick("5.2", Pick::From(1));
    assert_eq!(team.consensus_answer("5.2"), Some(Answer::DontKnow));
    team.pick("4.3", Pick::Median);
    assert_eq!(team.consensus_answer("4.3"), Some(level(2)));
    team.pick("4.1", Pick::From(7));
    assert!(!team.picks.contains_key("4.1"), "no such respondent");

    let consensus = team.consensus();
    assert_eq!(consensus.len(), 5);
    assert_eq!(consensus.get("7.2"), Some(&level(3)));

    // Removing the respondent a pick named sends that item back to the median.
    team.remove(1);
    assert!(!team.picks.contains_key("5.2"));
    assert_eq!(team.respondents.len(), 2);
    assert_eq!(team.consensus_answer("5.2"), Some(level(2)));
}

#[test]
fn only_a_dont_know_stays_a_dont_know() {
    let q = quick(Lang::En);
    let mut team = Team::new(Rc::clone(&q));
    team_files::add(
        &mut team,
        "a.json",
        &save_file(&q, &[("4.1", Answer::DontKnow)], None),
        Lang::En,
    );
    team_files::add(
        &mut team,
        "b.json",
        &save_file(&q, &[("4.3", level(1))], None),
        Lang::En,
    );
    assert_eq!(team.consensus_answer("4.1"), Some(Answer::DontKnow));
}

#[test]
fn bad_and_mismatched_files_are_refused_one_by_one_and_the_others_stay() {
    let mut team = three();
    let before = team.respondents.clone();
    let q = quick(Lang::En);
    let full = Library::built_in()
        .in_lang(Lang::En)
        .iter()
        .find(|x| x.id != QUICK)
        .cloned()
        .unwrap();
    team_files::add(&mut team, "notes.txt", b"not json at all", Lang::En);
    team_files::add(
        &mut team,
        "full.json",
        &save_file(&full, &[], None),
        Lang::En,
    );
    team_files::add(
        &mut team,
        "legal (copy).json",
        &save_file(
            &q,
            &[
                ("4.1", level(2)),
                ("4.3", level(2)),
                ("5.2", level(3)),
                ("7.2", level(3)),
                (
                    "A.10.3",
                    Answer::NotApplicable("We buy no AI from suppliers".into()),
                ),
            ],
            None,
        ),
        Lang::En,
    );
    team_files::add(
        &mut team,
        "newer.json",
        &save_file(&q, &[], Some("99.0")),
        Lang::En,
    );
    assert_eq!(
        team.respondents, before,
        "every refusal leaves the others as they were"
    );
    assert_eq!(team.refused.len(), 4, "{:?}", team.refused);
    assert!(
        team.refused[0].contains("notes.txt") && team.refused[0].contains("not"),
        "{}",
        team.refused[0]
    );
    assert!(
        team.refused[1].contains("another questionnaire"),
        "{}",
        team.refused[1]
    );
    assert!(
        team.refused[2].contains("same file as") && team.refused[2].contains("legal"),
        "{}",
        team.refused[2]
    );
    assert!(team.refused[3].contains("99.0"), "{}", team.refused[3]);
    for text in &team.refused {
        assert!(text.contains("The other files stay."), "{text}");
        assert!(
            text.contains('\u{2068}'),
            "the file name is isolated: {text}"
        );
    }
}

#[test]
fn at_most_twelve_respondents() {
    let q = quick(Lang::En);
    let mut team = Team::new(Rc::clone(&q));
    for n in 0..=MAX_RESPONDENTS {
        let file = save_file(&q, &[("4.1", level((n % 4) as u8))], None);
        // Each file differs (its note), so none is the same file as another.
        let mut value: serde_json::Value = serde_json::from_slice(&file).unwrap();
        value["notes"] = serde_json::json!({ "4.1": format!("respondent {n}") });
        team_files::add(
            &mut team,
            &format!("r{n}.json"),
            value.to_string().as_bytes(),
            Lang::En,
        );
    }
    assert_eq!(team.respondents.len(), MAX_RESPONDENTS);
    assert_eq!(team.refused.len(), 1);
    assert!(
        team.refused[0].contains("at most 12"),
        "{}",
        team.refused[0]
    );
}

#[test]
fn an_older_version_is_carried_over_as_for_any_import() {
    let q = quick(Lang::En);
    let mut team = Team::new(Rc::clone(&q));
    team_files::add(
        &mut team,
        "old.json",
        &save_file(&q, &[("4.1", level(3))], Some("0.9")),
        Lang::En,
    );
    assert!(team.refused.is_empty(), "{:?}", team.refused);
    assert_eq!(team.respondents[0].migrated_from.as_deref(), Some("0.9"));
    assert_eq!(team.respondents[0].answers.get("4.1"), Some(&level(3)));
}

#[test]
fn the_team_table_reads_back_as_csv_with_every_respondent() {
    let mut team = three();
    team.respondents[0].name = "CISO; \"security\", 2026".into();
    let q = Rc::clone(&team.questionnaire);
    let csv_text = team_sheet::csv(&team, &profile());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b',')
        .from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[2], "CISO; \"security\", 2026", "names as typed");
    assert_eq!(header[3..5], ["data-science", "legal"]);
    assert_eq!(
        &header[header.len() - 5..],
        [
            "Median",
            "Spread",
            "To discuss",
            "Consensus",
            "Notes and justifications"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = rows.iter().find(|r| &r[0] == "Clause 4.3").unwrap();
    let text = |l: u8| aims_domain::figures::text::status_text(&q, &ItemStatus::Level(l));
    assert_eq!(
        row.iter().skip(2).collect::<Vec<_>>(),
        [
            text(1),
            text(3),
            text(2),
            "2.0".into(),
            "2".into(),
            "Yes".into(),
            text(2),
            String::new()
        ]
    );
    // N/A justifications are in the last column, with their author.
    let supplier = rows.iter().find(|r| &r[0] == "A.10.3").unwrap();
    assert_eq!(
        &supplier[supplier.len() - 1],
        // Names isolated (U+2068 ... U+2069), so a right-to-left name reorders nothing after it.
        "\u{2068}CISO; \"security\", 2026\u{2069} (not applicable): We buy no AI from suppliers\n\u{2068}legal\u{2069} (not applicable): We buy no AI from suppliers"
    );

    let german = {
        let q = quick(Lang::De);
        let mut t = Team::new(Rc::clone(&q));
        team_files::add(
            &mut t,
            "a.json",
            &save_file(&q, &[("5.2", level(2))], None),
            Lang::De,
        );
        team_files::add(
            &mut t,
            "b.json",
            &save_file(&q, &[("5.2", level(3))], None),
            Lang::De,
        );
        team_sheet::csv(&t, &profile())
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(german.as_bytes());
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r[0].ends_with(" 5.2"))
        .unwrap();
    assert_eq!(&row[4], "2,5", "German decimal comma in a semicolon CSV");
}

#[test]
fn the_markdown_section_names_everyone_and_what_to_discuss() {
    let mut team = three();
    team.respondents[2].name = "Legal *team* <b>".into();
    let md = team_sheet::markdown(&team, &profile());
    assert!(md.starts_with("## Team comparison\n"), "{md}");
    assert!(
        md.contains("- \u{2068}Legal \\*team\\* \\<b\\>\u{2069}"),
        "escaped as typed, isolated: {md}"
    );
    let discuss = md.split("### To discuss first").nth(1).unwrap();
    let first = discuss.lines().find(|l| l.starts_with("- **")).unwrap();
    assert!(first.starts_with("- **4.3**"), "{first}");
    assert!(md.contains("| 4 "), "the clause table: {md}");
}

#[test]
fn the_flow_stores_nothing_until_the_consensus_is_adopted_and_adopting_can_be_undone() {
    let store = store();
    let mut tab = Tab::new(&store, Lang::En);
    let q = quick(Lang::En);
    tab.pick(&q);
    tab.send(edit::Event::UpdateProfile(profile()));
    tab.send(edit::Event::Answer {
        item: "4.1".into(),
        answer: level(0),
    });
    let mine = tab.state.flow.session.as_ref().unwrap().snapshot();
    let stored_before = store.borrow().get(&q.storage_key());

    tab.send(workshop::Event::Open);
    assert_eq!(tab.state.flow.screen, Screen::Team);
    let files = [
        ("a.json", vec![("4.1", level(2)), ("4.3", level(1))]),
        ("b.json", vec![("4.1", level(3)), ("4.3", level(3))]),
        ("c.json", vec![("4.1", level(2)), ("4.3", level(2))]),
    ];
    for (name, answers) in &files {
        let event = import::Event::FileRead {
            purpose: Purpose::Team,
            name: (*name).into(),
            bytes: Ok(save_file(&q, answers, None)),
        };
        tab.send(event);
    }
    // A file dropped on the team view (the page's drop opens with Purpose::Open) joins it too.
    let dropped = import::Event::FileRead {
        purpose: Purpose::Open,
        name: "d.json".into(),
        bytes: Ok(save_file(&q, &[("4.1", level(1))], None)),
    };
    tab.send(dropped);
    let team = tab.state.team.clone().unwrap();
    assert_eq!(team.respondents.len(), 4);
    assert!(
        tab.state.flow.pending_import.is_none(),
        "nothing asked to replace the answers"
    );
    tab.send(workshop::Event::Rename {
        index: 0,
        name: "  Ana \u{202e} (CISO)  ".into(),
    });
    assert_eq!(
        tab.state.team.as_ref().unwrap().respondents[0].name,
        "  Ana \u{202e} (CISO)  ",
        "kept exactly as typed"
    );
    tab.send(workshop::Event::Remove(3));
    tab.send(workshop::Event::Pick {
        item: "4.3".into(),
        pick: Pick::From(1),
    });
    tab.send(shared::Event::Export(Export::TeamCsv));
    assert!(matches!(
        tab.shell.last(),
        Some(ShellCommand::Download(Export::TeamCsv))
    ));
    let file = tab
        .state
        .flow
        .session
        .as_ref()
        .unwrap()
        .export(Export::TeamCsv, tab.state.team.as_deref(), TODAY, "now")
        .unwrap();
    assert_eq!(file.name, format!("{QUICK}-2026-12-01-team.csv"));
    assert!(tab
        .state
        .flow
        .session
        .as_ref()
        .unwrap()
        .export(Export::TeamCsv, None, TODAY, "now")
        .is_none());

    assert_eq!(
        tab.state.flow.session.as_ref().unwrap().snapshot(),
        mine,
        "answers untouched"
    );
    assert_eq!(
        store.borrow().get(&q.storage_key()),
        stored_before,
        "nothing of the team stored"
    );

    tab.send(workshop::Event::Adopt);
    let s = tab.state.flow.session.as_ref().unwrap();
    assert_eq!(s.answers.get("4.1"), Some(&level(2)), "median of 2, 3, 2");
    assert_eq!(s.answers.get("4.3"), Some(&level(3)), "picked from b");
    assert_eq!(s.profile, profile(), "the profile stays");
    assert_eq!(tab.state.flow.screen, Screen::Results);
    assert!(
        tab.state.team.is_none(),
        "the respondents' files are dropped"
    );
    let notice = tab.state.flow.notice.clone().unwrap();
    assert_eq!(
        notice.action,
        Some(NoticeAction::UndoImport),
        "{}",
        notice.words(aims_domain::model::i18n::Lang::En)
    );
    let stored = aims_domain::app::runtime::saved(&store, &q).unwrap();
    assert_eq!(
        stored.answers.get("4.3"),
        Some(&level(3)),
        "the consensus is saved"
    );

    tab.send(notices::Event::Undo);
    assert_eq!(
        tab.state.flow.session.as_ref().unwrap().answers,
        mine.answers,
        "undone"
    );
}

#[test]
fn leaving_for_another_questionnaire_drops_the_team() {
    let store = store();
    let mut tab = Tab::new(&store, Lang::En);
    tab.pick(&quick(Lang::En));
    tab.send(workshop::Event::Open);
    assert!(tab.state.team.is_some());
    tab.send(navigate::Event::Show(Screen::Start));
    assert!(tab.state.team.is_none());
    // A reload into another language resumes the results, not an empty team view.
    tab.pick(&quick(Lang::En));
    tab.send(language::Event::Resume {
        screen: Screen::Team,
        section: 0,
    });
    assert_ne!(tab.state.flow.screen, Screen::Team);
    // On a page that holds both languages (the offline edition) the team view follows a switch.
    tab.send(edit::Event::UpdateProfile(profile()));
    tab.send(workshop::Event::Open);
    tab.send(language::Event::Set(Lang::De));
    let team = tab.state.team.clone().expect("kept across the switch");
    assert_eq!(team.questionnaire.lang(), Lang::De);
    assert_eq!(tab.state.flow.screen, Screen::Team);
}

/// A right-to-left override in one respondent's name (from a file name) cannot mirror the
/// others' answers: every name beside other text is isolated, on screen and in the Markdown.
#[test]
fn a_right_to_left_override_in_a_name_reorders_nothing_else() {
    let mut team = three();
    team.respondents[0].name = "ana\u{202e}STNEMMOC".into();
    let md = team_sheet::markdown(&team, &profile());
    let discuss = md.split("### To discuss first").nth(1).unwrap();
    let line = discuss
        .lines()
        .find(|l| l.starts_with("- **4.3**"))
        .unwrap();
    assert!(
        !line.contains('\u{202e}'),
        "no override left to act: {line}"
    );
    assert!(
        line.contains("\u{2068}ana\u{fffd}STNEMMOC\u{2069}: "),
        "{line}"
    );
    assert!(line.contains("\u{2068}data-science\u{2069}: "), "{line}");
    // The name itself is kept exactly as typed.
    assert_eq!(team.respondents[0].name, "ana\u{202e}STNEMMOC");
    assert_eq!(
        team.respondents[0].shown_name(),
        "\u{2068}ana\u{fffd}STNEMMOC\u{2069}"
    );
}

/// Three named respondents with notes and justifications: the names head the columns, every
/// note and justification reaches the facilitator (screen, CSV, Markdown), and adopting keeps
/// them all, attributed, and records the consensus and who took part.
#[test]
fn names_notes_and_justifications_reach_the_facilitator_and_the_adopted_assessment() {
    let store = store();
    let mut tab = Tab::new(&store, Lang::En);
    let q = quick(Lang::En);
    let answers = |pairs: &[(&str, Answer)]| {
        let mut a = Answers::default();
        for (item, answer) in pairs {
            a.set(&q, item, answer.clone()).unwrap();
        }
        a
    };
    let na = |why: &str| Answer::NotApplicable(why.into());
    let files = [
        (
            "iso42001-quick-scan-2026-12-06-0910-dana.json",
            named_file(
                &q,
                &profile(),
                &answers(&[
                    ("4.1", level(2)),
                    ("A.10.3", na("We buy no AI <b>at all</b>")),
                ]),
                None,
                "Dana (CISO)",
                &[("4.1", "Context analysis v2 on the wiki\nowner: Dana")],
            ),
        ),
        (
            "lee.json",
            named_file(
                &q,
                &profile(),
                &answers(&[("4.1", level(0)), ("A.10.3", level(1))]),
                None,
                "Lee",
                &[("A.10.3", "Procurement checks two AI vendors")],
            ),
        ),
        (
            "no-name.json",
            named_file(
                &q,
                &profile(),
                &answers(&[("4.1", level(1))]),
                None,
                "",
                &[],
            ),
        ),
    ];
    // From the start screen: the workshop opens straight on the team view, for the files'
    // questionnaire, with nothing of the facilitator's replaced.
    assert_eq!(tab.state.flow.screen, Screen::Start);
    for (name, bytes) in &files {
        tab.send(import::Event::FileRead {
            purpose: Purpose::Team,
            name: (*name).into(),
            bytes: Ok(bytes.clone()),
        });
    }
    assert_eq!(tab.state.flow.screen, Screen::Team);
    let team = tab.state.team.clone().unwrap();
    let names: Vec<&str> = team.respondents.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Dana (CISO)", "Lee", "no-name"]);
    // Every remark on an item, exactly as typed, with its author and kind.
    let remarks = team.remarks("A.10.3");
    assert_eq!(remarks.len(), 2);
    assert!(remarks[0].justification && remarks[0].text == "We buy no AI <b>at all</b>");
    assert!(!remarks[1].justification && remarks[1].respondent == 1);
    let row = |id: &str| {
        team.summary(&profile())
            .items
            .into_iter()
            .find(|i| i.id == id)
            .unwrap()
    };
    assert_eq!(row("A.10.3").not_applicable, 1);
    // The exports carry names, notes and justifications.
    let session = tab.state.flow.session.clone().unwrap();
    let csv = session
        .export(
            Export::TeamCsv,
            Some(&team),
            TODAY,
            "2026-12-06T10:00:00.000Z",
        )
        .unwrap()
        .text;
    assert!(csv.contains("Dana (CISO)") && csv.contains("Lee"), "{csv}");
    assert!(csv.contains("Procurement checks two AI vendors"));
    assert!(csv.contains("Context analysis v2 on the wiki\nowner: Dana"));
    let md = session
        .export(
            Export::TeamMarkdown,
            Some(&team),
            TODAY,
            "2026-12-06T10:00:00.000Z",
        )
        .unwrap()
        .text;
    assert!(md.contains("Notes and justifications"), "{md}");
    // Markup in a justification is escaped, never dropped.
    assert!(
        md.contains("(not applicable): We buy no AI \\<b\\>at all\\</b\\>"),
        "{md}"
    );

    tab.send(workshop::Event::Adopt);
    let s = tab.state.flow.session.clone().unwrap();
    assert_eq!(s.people.consensus_of, ["Dana (CISO)", "Lee", "no-name"]);
    assert_eq!(
        s.notes.get("4.1").map(String::as_str),
        Some("Dana (CISO): Context analysis v2 on the wiki\nowner: Dana")
    );
    assert_eq!(
        s.notes.get("A.10.3").map(String::as_str),
        Some("Dana (CISO) (not applicable): We buy no AI <b>at all</b>\nLee: Procurement checks two AI vendors")
    );
    // The facilitator had no profile: the respondents' is used.
    assert_eq!(s.profile, profile());
    let lines = s.people.lines(Lang::En);
    assert!(
        lines[0].starts_with("The consensus of a team of 3:"),
        "{lines:?}"
    );
    let report = s
        .export(Export::Markdown, None, TODAY, "2026-12-06T10:00:00.000Z")
        .unwrap()
        .text;
    assert!(report.contains("The consensus of a team of 3"), "{report}");
    let sheet = s
        .export(
            Export::AdviserSheet,
            None,
            TODAY,
            "2026-12-06T10:00:00.000Z",
        )
        .unwrap()
        .text;
    assert!(sheet.contains("The consensus of a team of 3"), "{sheet}");
    // The save file keeps who took part, and reads back the same.
    let saved = s
        .export(Export::SaveFile, None, TODAY, "2026-12-06T10:00:00.000Z")
        .unwrap();
    let back = aims_domain::formats::saved::decode(
        &saved.text,
        &[Rc::clone(&q)],
        aims_domain::formats::saved::Source::Import,
    )
    .unwrap();
    assert_eq!(back.people, s.people);
}

#[test]
fn save_files_are_named_by_day_time_and_respondent() {
    use aims_domain::formats::export::save_file_name;
    let now = "2026-12-06T09:07:31.000Z";
    assert_eq!(
        save_file_name(QUICK, now, ""),
        "iso42001-quick-scan-2026-12-06-0907.json"
    );
    assert_eq!(
        save_file_name(QUICK, now, "  Dana (CISO) / Ops "),
        "iso42001-quick-scan-2026-12-06-0907-dana-ciso-ops.json"
    );
    assert_eq!(
        save_file_name(QUICK, now, "Jürgen Maß"),
        "iso42001-quick-scan-2026-12-06-0907-jürgen-maß.json"
    );
    assert_eq!(
        save_file_name(QUICK, now, "../../etc"),
        "iso42001-quick-scan-2026-12-06-0907-etc.json"
    );
}

#[test]
fn respondents_who_describe_the_organisation_differently_are_flagged() {
    let q = quick(Lang::En);
    let mut team = Team::new(Rc::clone(&q));
    let other = Profile {
        systems: 9,
        ..profile()
    };
    team_files::add(
        &mut team,
        "a.json",
        &save_file(&q, &[("4.1", level(1))], None),
        Lang::En,
    );
    assert!(team.profile_differences(Lang::En).is_empty());
    team_files::add(
        &mut team,
        "b.json",
        &save_file_of(&q, &other, &Answers::default(), None),
        Lang::En,
    );
    assert_eq!(
        team.profile_differences(Lang::En),
        ["the number of AI systems"]
    );
}

/// A file's name can be longer than a name field holds: the respondent's name is cut to fit, so
/// the adopted consensus (which records the names) always saves and opens again.
#[test]
fn a_long_file_name_still_gives_a_consensus_that_opens_again() {
    use aims_domain::formats::saved::{decode, Source};
    use aims_domain::model::answers::MAX_NAME_CHARS;
    let store = store();
    let mut tab = Tab::new(&store, Lang::En);
    let q = quick(Lang::En);
    let long = format!("{}.json", "ü".repeat(300));
    for (name, l) in [(long.as_str(), 1), ("b.json", 2)] {
        tab.send(import::Event::FileRead {
            purpose: Purpose::Team,
            name: name.into(),
            bytes: Ok(save_file(&q, &[("4.1", level(l))], None)),
        });
    }
    let team = tab.state.team.clone().unwrap();
    assert_eq!(team.respondents[0].name.chars().count(), MAX_NAME_CHARS);
    // A rename longer than the field is not taken.
    tab.send(workshop::Event::Rename {
        index: 1,
        name: "x".repeat(MAX_NAME_CHARS + 1),
    });
    assert_eq!(tab.state.team.as_ref().unwrap().respondents[1].name, "b");
    tab.send(workshop::Event::Adopt);
    let s = tab.state.flow.session.clone().unwrap();
    let saved = s
        .export(Export::SaveFile, None, TODAY, "2026-12-06T10:00:00.000Z")
        .unwrap();
    let back = decode(&saved.text, &[Rc::clone(&q)], Source::Import).unwrap();
    assert_eq!(back.people.consensus_of.len(), 2);
}

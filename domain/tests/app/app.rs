//! The app's flows natively, through the same `app::run` and `runtime::Runtime` the browser shell
//! uses (over an in-memory store instead of localStorage): opening and refusing files, older
//! versions, share links, two tabs, a language switch, storage missing or full, start over.

use crate::common;
use aims_domain::app::{
    device, edit, import, language, navigate, notices, open, shared, workshop, ShellCommand,
};

use std::rc::Rc;

use common::tab::{store, Shared, Tab, TODAY};

use aims_domain::app::runtime::{LANGUAGE, LAST_OPENED};
use aims_domain::app::session::{self, NoticeAction, NoticeKind, Screen};
use aims_domain::app::sync::Store;
use aims_domain::app::{Event, FileProblem, Library, Purpose, Storage};
use aims_domain::formats::catalogue;
use aims_domain::formats::export::Export;
use aims_domain::formats::saved::{self, SaveMeta, Snapshot};
use aims_domain::formats::share;
use aims_domain::model::i18n::{compiled_marks, Lang};
use aims_domain::model::profile::Screening;
use aims_domain::{AiRole, Answer, HighRisk, Profile, Questionnaire, SizeBand};

const QUICK: &str = "iso42001-quick-scan";

impl Tab {
    /// A tab whose page holds only the content of `lang`, as a visitor's download does.
    fn one_language(store: &Shared, lang: Lang) -> Tab {
        let content = catalogue::content(&compiled_marks())
            .unwrap()
            .into_iter()
            .filter(|c| c.lang == lang)
            .collect();
        Tab::with_library(store, lang, Library::new(content))
    }

    fn open_quick_scan(&mut self) {
        let q = self.questionnaire(QUICK);
        self.pick(&q);
    }

    fn questionnaire(&self, id: &str) -> Rc<Questionnaire> {
        let all = self.state.questionnaires();
        let q = all.iter().find(|q| q.id == id);
        Rc::clone(q.expect("a built-in questionnaire"))
    }

    fn answer(&mut self, item: &str, level: u8) {
        self.send(edit::Event::Answer {
            item: item.into(),
            answer: Answer::Level(level),
        });
    }

    fn level(&self, item: &str) -> Option<Answer> {
        self.session().answers.get(item).cloned()
    }

    fn session(&self) -> &session::Session {
        self.state
            .flow
            .session
            .as_ref()
            .expect("an open assessment")
    }

    fn notice(&self) -> (NoticeKind, String) {
        let n = self.state.flow.notice.as_ref().expect("a notice");
        (n.kind, n.words(self.state.message_lang()))
    }

    /// The profile filled in and a few answers given, as a person does first.
    fn started(store: &Shared) -> Tab {
        let mut tab = Tab::new(store, Lang::En);
        tab.open_quick_scan();
        tab.send(edit::Event::UpdateProfile(profile()));
        tab.answer("4.1", 2);
        tab.answer("5.2", 1);
        tab
    }
}

fn profile() -> Profile {
    Profile {
        size: Some(SizeBand::Medium),
        roles: [AiRole::Uses].into_iter().collect(),
        systems: 2,
        certifications: Some(Default::default()),
        high_risk: Some(HighRisk::No),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: None,
        capacity: None,
    }
}

/// What storage holds for the quick scan, read as a returning visitor would read it.
fn stored(store: &Shared, tab: &Tab) -> Option<Snapshot> {
    aims_domain::app::runtime::saved(store, &tab.questionnaire(QUICK)).map(|r| r.snapshot())
}

/// A save file of the quick scan with these answers.
fn save_file(q: &Questionnaire, levels: &[(&str, u8)], version: Option<&str>) -> Vec<u8> {
    let mut answers = aims_domain::Answers::default();
    for (item, level) in levels {
        answers.set(q, item, Answer::Level(*level)).unwrap();
    }
    let snapshot = Snapshot {
        profile: profile(),
        answers,
        notes: Default::default(),
        people: Default::default(),
    };
    let meta = SaveMeta {
        saved_at: "2026-11-20T10:00:00.000Z".into(),
        assessment: Some("ffff0000ffff0000".into()),
        parent: None,
    };
    let mut file: serde_json::Value =
        serde_json::from_str(&saved::encode_snapshot(q, &snapshot, &meta)).unwrap();
    if let Some(v) = version {
        file["version"] = v.into();
    }
    file.to_string().into_bytes()
}

fn read(name: &str, bytes: Vec<u8>) -> Event {
    import::Event::FileRead {
        purpose: Purpose::Open,
        name: name.into(),
        bytes: Ok(bytes),
    }
    .into()
}

#[test]
fn every_change_is_saved_and_a_returning_visitor_resumes_it() {
    let store = store();
    let tab = Tab::started(&store);
    let kept = stored(&store, &tab).expect("saved after each change");
    assert_eq!(kept.answers.len(), 2);
    assert_eq!(kept.profile, profile());
    assert_eq!(store.get(LAST_OPENED).as_deref(), Some(QUICK));

    let again = Tab::new(&store, Lang::En);
    assert_eq!(again.level("4.1"), Some(Answer::Level(2)));
    assert_eq!(again.state.flow.screen, Screen::Questions);
}

#[test]
fn opening_a_file_over_different_answers_asks_and_replaces_only_when_confirmed() {
    let store = store();
    let mut tab = Tab::started(&store);
    let q = tab.questionnaire(QUICK);
    tab.send(read(
        "other.json",
        save_file(&q, &[("4.1", 3), ("6.2", 2)], None),
    ));
    let pending = tab.state.flow.pending_import.clone().expect("asks first");
    assert_eq!(pending.replaces.answers.len(), 2);
    assert_eq!(
        tab.level("4.1"),
        Some(Answer::Level(2)),
        "nothing replaced yet"
    );

    tab.send(import::Event::Cancel);
    assert!(tab.state.flow.pending_import.is_none());
    assert_eq!(tab.level("4.1"), Some(Answer::Level(2)));

    tab.send(read(
        "other.json",
        save_file(&q, &[("4.1", 3), ("6.2", 2)], None),
    ));
    tab.send(import::Event::Confirm);
    assert_eq!(tab.level("4.1"), Some(Answer::Level(3)));
    assert_eq!(tab.level("5.2"), None);
    assert_eq!(
        stored(&store, &tab).unwrap().answers.len(),
        2,
        "stored at once"
    );
    let notice = tab.state.flow.notice.clone().unwrap();
    assert_eq!(notice.action, Some(NoticeAction::UndoImport));

    tab.send(notices::Event::Undo);
    assert_eq!(tab.level("4.1"), Some(Answer::Level(2)));
    assert_eq!(tab.level("5.2"), Some(Answer::Level(1)));
    assert_eq!(
        stored(&store, &tab).unwrap().answers.get("5.2"),
        Some(&Answer::Level(1))
    );
}

#[test]
fn a_refused_file_names_itself_and_leaves_answers_and_storage_untouched() {
    let store = store();
    let mut tab = Tab::started(&store);
    let before = (tab.session().snapshot(), store.borrow().entries.clone());
    let refusals = [
        ("notes.txt", Ok(b"not json at all".to_vec())),
        ("empty.json", Ok(b"{}".to_vec())),
        ("latin1.json", Ok(vec![0x7b, 0xe9, 0x7d])),
        ("huge.json", Err(FileProblem::TooLarge(9_000_000))),
        ("gone.json", Err(FileProblem::Unreadable)),
    ];
    for (name, bytes) in refusals {
        tab.send(import::Event::FileRead {
            purpose: Purpose::Open,
            name: name.into(),
            bytes,
        });
        let (kind, text) = tab.notice();
        assert_eq!(kind, NoticeKind::Error, "{name}");
        assert!(
            text.contains(name) && text.contains("Your current answers are unchanged"),
            "{text}"
        );
        assert!(tab.state.flow.pending_import.is_none());
        assert_eq!(tab.session().snapshot(), before.0, "{name}");
        assert_eq!(store.borrow().entries, before.1, "{name}: storage changed");
    }
}

#[test]
fn a_file_from_an_older_version_opens_and_says_it_was_carried_over() {
    let store = store();
    let mut tab = Tab::new(&store, Lang::En);
    let q = tab.questionnaire(QUICK);
    tab.send(read(
        "old.json",
        save_file(&q, &[("4.1", 1), ("7.2", 3)], Some("0.9")),
    ));
    assert!(
        tab.state.flow.pending_import.is_none(),
        "nothing would be lost: no question"
    );
    assert_eq!(tab.level("7.2"), Some(Answer::Level(3)));
    let (_, text) = tab.notice();
    assert!(
        text.contains("version") && text.contains("0.9") && text.contains(&q.version),
        "{text}"
    );
    assert_eq!(stored(&store, &tab).unwrap().answers.len(), 2);
}

#[test]
fn a_share_link_opens_read_only_and_imports_only_when_asked() {
    let store = store();
    let mut tab = Tab::started(&store);
    let q = tab.questionnaire(QUICK);
    let mut theirs = aims_domain::Answers::default();
    theirs.set(&q, "4.1", Answer::Level(3)).unwrap();
    let link = format!("#{}", share::encode(&q, &profile(), &theirs));
    tab.send(shared::Event::Link(link));
    let view = tab.state.shared.clone().expect("shown read-only");
    assert_eq!(view.answers.get("4.1"), Some(&Answer::Level(3)));
    assert_eq!(
        tab.level("4.1"),
        Some(Answer::Level(2)),
        "own answers untouched"
    );

    tab.send(shared::Event::Import);
    assert!(tab.state.shared.is_none());
    assert!(tab.shell.contains(&ShellCommand::ClearFragment));
    assert!(
        tab.state.flow.pending_import.is_some(),
        "it would replace answers: asks"
    );
    tab.send(import::Event::Confirm);
    assert_eq!(tab.level("4.1"), Some(Answer::Level(3)));
    assert_eq!(tab.level("5.2"), None);
}

#[test]
fn a_damaged_share_link_is_refused_and_cleared_from_the_address_bar() {
    let store = store();
    let mut tab = Tab::started(&store);
    let before = tab.session().snapshot();
    tab.send(shared::Event::Link(format!("#{}AAAA!!", share::PREFIX)));
    assert!(tab.state.shared.is_none());
    assert_eq!(tab.notice().0, NoticeKind::Error);
    assert!(tab.shell.contains(&ShellCommand::ClearFragment));
    assert_eq!(tab.session().snapshot(), before);
    // Any other fragment is not ours to read.
    tab.send(notices::Event::Dismiss);
    tab.send(shared::Event::Link("#aims-main".into()));
    assert!(tab.state.flow.notice.is_none() && tab.state.shared.is_none());
}

#[test]
fn two_tabs_answering_at_once_both_end_with_every_answer() {
    let store = store();
    let mut a = Tab::started(&store);
    let mut b = Tab::new(&store, Lang::En);
    assert_eq!(
        b.level("4.1"),
        Some(Answer::Level(2)),
        "the second tab resumes"
    );
    a.answer("6.2", 3);
    b.answer("7.2", 1);
    // B's save merged A's write; A hears of B's write as a storage event.
    assert_eq!(b.level("6.2"), Some(Answer::Level(3)));
    assert!(b.notice().1.contains("another tab"), "{}", b.notice().1);
    let key = a.session().questionnaire.storage_key();
    let text = store.get(&key);
    a.send(device::Event::Changed { key, text });
    assert_eq!(a.level("7.2"), Some(Answer::Level(1)));
    assert_eq!(a.level("6.2"), Some(Answer::Level(3)));
    let kept = stored(&store, &a).unwrap();
    assert_eq!(kept.answers.len(), 4, "{:?}", kept.answers);
    // Another key, or a removal, changes nothing.
    let before = a.session().snapshot();
    a.send(device::Event::Changed {
        key: "something-else".into(),
        text: Some("{}".into()),
    });
    assert_eq!(a.session().snapshot(), before);
}

#[test]
fn switching_language_mid_assessment_keeps_answers_notes_screen_and_section() {
    let store = store();
    let mut tab = Tab::started(&store);
    tab.send(navigate::Event::Show(Screen::Questions));
    tab.send(navigate::Event::NextSection);
    tab.send(edit::Event::Note {
        item: "4.1".into(),
        text: "Register kept by the CISO".into(),
    });
    let (section, revision) = (tab.session().section, tab.session().revision);
    tab.send(language::Event::Set(Lang::De));
    assert_eq!(tab.state.lang, Lang::De);
    assert_eq!(tab.session().questionnaire.lang(), Lang::De);
    assert_eq!(tab.state.flow.screen, Screen::Questions);
    assert_eq!(tab.session().section, section);
    assert_eq!(
        tab.session().revision,
        revision,
        "a switch changes no answer: no save"
    );
    assert_eq!(
        tab.session().notes.get("4.1").map(String::as_str),
        Some("Register kept by the CISO")
    );
    assert_eq!(tab.level("4.1"), Some(Answer::Level(2)));
    assert!(tab
        .state
        .questionnaires()
        .iter()
        .all(|q| q.lang() == Lang::De));
    assert_eq!(store.get(LANGUAGE).as_deref(), Some("de"));
    assert_eq!(
        Tab::new(&store, Lang::En).runtime.stored_lang(),
        Some(Lang::De)
    );
}

#[test]
fn without_storage_the_assessment_works_and_says_saving_is_off() {
    let store = store();
    store.borrow_mut().unavailable = true;
    let mut tab = Tab::started(&store);
    assert_eq!(tab.state.storage, Storage::Unavailable);
    assert!(!tab.state.saving());
    assert!(
        tab.state.flow.notice.is_none(),
        "the banner says it; no notice repeats it"
    );
    assert_eq!(tab.level("5.2"), Some(Answer::Level(1)));
    assert!(store.borrow().entries.is_empty());
    tab.send(shared::Event::Export(Export::SaveFile));
    assert!(tab
        .shell
        .contains(&ShellCommand::Download(Export::SaveFile)));
    let file = tab
        .session()
        .export(Export::SaveFile, None, TODAY, "2026-12-01T09:00:00.000Z")
        .unwrap();
    assert_eq!(file.name, "iso42001-quick-scan-2026-12-01-0900.json");
    assert!(saved::decode(
        &file.text,
        &tab.state.questionnaires(),
        saved::Source::Import
    )
    .is_ok());
}

#[test]
fn a_full_store_turns_saving_off_with_a_notice_and_keeps_every_answer() {
    let store = store();
    let mut tab = Tab::started(&store);
    store.borrow_mut().full = true;
    tab.answer("6.2", 2);
    assert_eq!(tab.state.storage, Storage::Full);
    assert_eq!(tab.notice().0, NoticeKind::Error);
    assert!(
        tab.notice().1.contains("refused to store"),
        "{}",
        tab.notice().1
    );
    tab.answer("7.2", 2);
    assert_eq!(tab.level("6.2"), Some(Answer::Level(2)));
    assert_eq!(tab.level("7.2"), Some(Answer::Level(2)));
    assert_eq!(
        stored(&store, &tab).unwrap().answers.len(),
        2,
        "the last good save is intact"
    );
}

#[test]
fn start_over_asks_first_and_clears_the_stored_answers_only_when_confirmed() {
    let store = store();
    let mut tab = Tab::started(&store);
    tab.send(edit::Event::AskReset);
    assert!(tab.state.flow.confirming_reset);
    tab.send(edit::Event::CancelReset);
    assert!(!tab.state.flow.confirming_reset);
    assert_eq!(stored(&store, &tab).unwrap().answers.len(), 2);

    tab.send(edit::Event::AskReset);
    tab.send(navigate::Event::Show(Screen::Results));
    assert!(
        !tab.state.flow.confirming_reset,
        "moving on closes the question"
    );

    tab.send(edit::Event::AskReset);
    tab.send(edit::Event::ConfirmReset);
    assert_eq!(tab.state.flow.screen, Screen::Profile);
    assert!(tab.session().answers.is_empty());
    let kept = stored(&store, &tab).unwrap();
    assert!(kept.answers.is_empty() && kept.profile == Profile::default());
}

#[test]
fn going_back_to_the_list_forgets_the_last_questionnaire_but_not_its_answers() {
    let store = store();
    let mut tab = Tab::started(&store);
    tab.send(navigate::Event::Show(Screen::Start));
    assert!(store.get(LAST_OPENED).is_none());
    let again = Tab::new(&store, Lang::En);
    assert!(again.state.flow.session.is_none(), "starts at the list");
    assert_eq!(stored(&store, &again).unwrap().answers.len(), 2);
}

#[test]
fn comparing_with_a_file_replaces_nothing_and_a_bad_file_is_refused() {
    let store = store();
    let mut tab = Tab::started(&store);
    let q = tab.questionnaire(QUICK);
    let before = tab.session().snapshot();
    tab.send(import::Event::FileRead {
        purpose: Purpose::Compare,
        name: "march.json".into(),
        bytes: Ok(save_file(&q, &[("4.1", 0)], None)),
    });
    let compared = tab.state.compared.clone().expect("a comparison");
    // Named with its day and time (the file says 2026-11-20T10:00 UTC).
    assert_eq!(
        compared.label.replace(['\u{2068}', '\u{2069}'], ""),
        "march.json, saved 20 Nov 2026 at 10:00 UTC"
    );
    // Each section says by how many points it changed.
    let change = |then, now| aims_domain::figures::comparison::SectionChange {
        id: "4".into(),
        title: String::new(),
        then,
        now,
    };
    assert_eq!(change(Some(40), Some(52)).delta_text(), "+12");
    assert_eq!(change(Some(40), Some(35)).delta_text(), "\u{2212}5");
    assert_eq!(change(Some(40), Some(40)).delta_text(), "±0");
    assert_eq!(change(None, Some(40)).delta_text(), "");
    assert!(compared.comparison.items.iter().any(|i| i.id == "4.1"));
    assert_eq!(tab.session().snapshot(), before);

    tab.send(import::Event::FileRead {
        purpose: Purpose::Compare,
        name: "broken.json".into(),
        bytes: Ok(b"[".to_vec()),
    });
    assert!(
        tab.notice().1.contains("cannot be compared"),
        "{}",
        tab.notice().1
    );
    assert_eq!(tab.session().snapshot(), before);
}

#[test]
fn a_host_asking_for_an_unknown_questionnaire_gets_a_console_warning_and_the_list() {
    let store = store();
    let mut tab = Tab::new(&store, Lang::En);
    tab.send(open::Event::Start {
        asked: Some("no-such".into()),
        last: None,
    });
    assert!(tab.state.flow.session.is_none());
    assert!(
        matches!(tab.shell.last(), Some(ShellCommand::Warn(w)) if w.contains("no-such") && w.contains(QUICK)),
        "{:?}",
        tab.shell
    );
}

#[test]
fn every_export_is_one_named_file_in_the_questionnaire_language() {
    let store = store();
    let mut tab = Tab::started(&store);
    tab.send(language::Event::Set(Lang::De));
    let exports = [
        (Export::GapRegister, "gap-register.csv", "text/csv"),
        (
            Export::StatementOfApplicability,
            "statement-of-applicability.csv",
            "text/csv",
        ),
        (Export::RoadmapCsv, "roadmap.csv", "text/csv"),
        (Export::Calendar(TODAY), "roadmap.ics", "text/calendar"),
        (Export::Markdown, "report.md", "text/markdown"),
    ];
    for (export, suffix, mime) in exports {
        tab.send(shared::Event::Export(export));
        assert_eq!(tab.shell.last(), Some(&ShellCommand::Download(export)));
        let file = tab
            .session()
            .export(export, None, TODAY, "2026-12-01T09:00:00.000Z")
            .unwrap();
        assert_eq!(file.name, format!("{QUICK}-2026-12-01-{suffix}"));
        assert_eq!(file.mime, mime);
        assert!(!file.text.is_empty());
    }
    let md = tab
        .session()
        .export(Export::Markdown, None, TODAY, "2026-12-01T09:00:00.000Z")
        .unwrap();
    assert!(
        md.text.contains("Reifegrad") || md.text.contains("Bereitschaft"),
        "{}",
        &md.text[..200]
    );
}

#[test]
fn a_page_holding_one_language_switches_by_reloading_onto_the_same_screen() {
    let store = store();
    let mut tab = Tab::one_language(&store, Lang::En);
    tab.open_quick_scan();
    tab.send(edit::Event::UpdateProfile(profile()));
    tab.answer("4.1", 2);
    tab.send(navigate::Event::Show(Screen::Questions));
    tab.send(navigate::Event::NextSection);
    let section = tab.session().section;
    tab.send(language::Event::Set(Lang::De));
    assert_eq!(
        tab.shell.last(),
        Some(&ShellCommand::Reload {
            lang: Lang::De,
            resume: Some((Screen::Questions, section))
        })
    );
    assert_eq!(
        tab.state.lang,
        Lang::En,
        "this page stays as it is until it reloads"
    );
    assert_eq!(store.get(LANGUAGE).as_deref(), Some("de"));

    // The reloaded page: German content, the stored answers, the same screen and section.
    let mut again = Tab::one_language(&store, Lang::De);
    again.send(language::Event::Resume {
        screen: Screen::Questions,
        section,
    });
    assert_eq!(again.state.flow.screen, Screen::Questions);
    assert_eq!(again.session().section, section);
    assert_eq!(again.session().questionnaire.lang(), Lang::De);
    assert_eq!(again.level("4.1"), Some(Answer::Level(2)));
}

#[test]
fn without_storage_a_reloading_switch_warns_first_and_goes_ahead_when_chosen_again() {
    let store = store();
    store.borrow_mut().unavailable = true;
    let mut tab = Tab::one_language(&store, Lang::En);
    tab.open_quick_scan();
    tab.answer("4.1", 2);
    tab.send(language::Event::Set(Lang::De));
    assert!(!tab
        .shell
        .iter()
        .any(|c| matches!(c, ShellCommand::Reload { .. })));
    assert_eq!(tab.notice().0, NoticeKind::Error);
    assert!(
        tab.notice().1.contains("would be lost"),
        "{}",
        tab.notice().1
    );
    assert_eq!(tab.level("4.1"), Some(Answer::Level(2)));
    tab.send(language::Event::Set(Lang::De));
    assert!(matches!(
        tab.shell.last(),
        Some(ShellCommand::Reload { lang: Lang::De, .. })
    ));
    // Nothing typed yet: nothing to lose, no question.
    let mut fresh = Tab::one_language(&store, Lang::En);
    fresh.send(language::Event::Set(Lang::De));
    assert!(matches!(
        fresh.shell.last(),
        Some(ShellCommand::Reload {
            lang: Lang::De,
            resume: None
        })
    ));
}

#[test]
fn a_reloading_switch_warns_first_while_a_team_view_holds_respondents() {
    let store = store();
    let mut tab = Tab::one_language(&store, Lang::En);
    tab.open_quick_scan();
    tab.send(edit::Event::UpdateProfile(profile()));
    let q = tab.questionnaire(QUICK);
    tab.send(workshop::Event::Open);
    for (name, level) in [("ana.json", 1), ("ben.json", 3)] {
        tab.send(import::Event::FileRead {
            purpose: Purpose::Team,
            name: name.into(),
            bytes: Ok(save_file(&q, &[("4.1", level)], None)),
        });
    }
    assert_eq!(tab.state.team.as_ref().unwrap().respondents.len(), 2);
    // Saving works, so the answers are safe, but the team view is in this page only.
    tab.send(language::Event::Set(Lang::De));
    assert!(!tab
        .shell
        .iter()
        .any(|c| matches!(c, ShellCommand::Reload { .. })));
    assert_eq!(tab.notice().0, NoticeKind::Error);
    assert!(tab.notice().1.contains("team view"), "{}", tab.notice().1);
    assert_eq!(tab.state.team.as_ref().unwrap().respondents.len(), 2);
    tab.send(language::Event::Set(Lang::De));
    assert!(matches!(
        tab.shell.last(),
        Some(ShellCommand::Reload { lang: Lang::De, .. })
    ));
}

#[test]
fn a_link_made_with_an_older_version_opens_and_says_it_was_carried_over() {
    let store = store();
    let mut tab = Tab::started(&store);
    let q = tab.questionnaire(QUICK);
    let old = Questionnaire {
        version: "1.0.0".into(),
        ..(*q).clone()
    };
    let mut answers = aims_domain::Answers::default();
    answers.set(&q, "4.1", Answer::Level(3)).unwrap();
    let link = share::encode(&old, &profile(), &answers);
    tab.send(shared::Event::Link(format!("#{link}")));
    let view = tab.state.shared.clone().expect("the shared view opens");
    assert_eq!(view.answers.get("4.1"), Some(&Answer::Level(3)));
    assert_eq!(view.questionnaire.version, q.version);
    assert_eq!(tab.notice().0, NoticeKind::Info);
    assert!(
        tab.notice().1.contains("carried over to version 2.0.0"),
        "{}",
        tab.notice().1
    );
}

/// "Delete everything" is a command the runtime carries out over the store: every key of the
/// widget goes (and only the widget's), the app returns to the list, and it says how many.
#[test]
fn deleting_everything_goes_through_the_runtime_and_leaves_other_keys_alone() {
    let store = store();
    store.borrow_mut().set("someone-else:key", "theirs");
    let mut tab = Tab::started(&store);
    tab.send(edit::Event::Answer {
        item: "4.1".into(),
        answer: Answer::Level(2),
    });
    let ours = |s: &Shared| {
        s.borrow()
            .keys()
            .into_iter()
            .filter(|k| k.starts_with("aims-readiness:"))
            .count()
    };
    assert!(ours(&store) >= 2, "{:?}", store.borrow().keys());
    tab.send(device::Event::DeleteEverything);
    assert_eq!(ours(&store), 0);
    assert_eq!(
        store.borrow().get("someone-else:key").as_deref(),
        Some("theirs")
    );
    assert!(tab.state.flow.session.is_none());
    assert!(
        tab.notice()
            .1
            .starts_with("Deleted everything this widget stored on this device"),
        "{}",
        tab.notice().1
    );
    // Nothing is written back afterwards.
    assert_eq!(ours(&store), 0);
    // A kept copy is downloaded by the shell, from the key it names.
    tab.send(device::Event::DownloadBackup(
        "aims-readiness:x:unreadable:2026".into(),
    ));
    assert!(
        matches!(tab.shell.last(), Some(ShellCommand::DownloadStored(k)) if k == "aims-readiness:x:unreadable:2026")
    );
}

/// The start screen's "n answers saved on this device" comes from the runtime's survey when the
/// start screen shows (never from reading storage while rendering), and is current after a
/// deletion.
#[test]
fn the_start_screen_counts_come_from_the_runtime() {
    let store = store();
    let mut tab = Tab::started(&store);
    tab.send(edit::Event::Answer {
        item: "4.1".into(),
        answer: Answer::Level(2),
    });
    tab.send(navigate::Event::Show(Screen::Start));
    assert_eq!(
        tab.state.saved_counts.get(QUICK),
        Some(&2),
        "{:?}",
        tab.state.saved_counts
    );
    // A new page on the same device sees them too.
    let again = Tab::new(&store, Lang::En);
    assert_eq!(again.state.saved_counts.get(QUICK), Some(&2));
    tab.send(device::Event::DeleteEverything);
    assert_eq!(tab.state.saved_counts.get(QUICK), Some(&0));
}

#[test]
fn a_first_visit_starts_with_the_heads_and_opens_the_chosen_questionnaire_once_it_arrives() {
    use aims_domain::formats::packed::{pack, unpack};
    // The two files a first visit downloads, read back as the browser reads them.
    let content = catalogue::content(&compiled_marks()).unwrap();
    let en = content.iter().find(|c| c.lang == Lang::En).unwrap();
    // (Which texts go where is build.rs's choice; here all of them come first.)
    let (start, rest) = en.split(en.texts.clone(), Default::default());
    let (start, rest) = (pack(&[start]), pack(&[rest]));
    assert!(
        start.len() * 2 < rest.len(),
        "the start file carries no items"
    );
    let first = Library::new(unpack(&start).unwrap());
    assert!(first.has(Lang::En) && !first.complete());
    assert!(first.in_lang(Lang::En).is_empty());
    // What the start screen shows is the questionnaires' own titles, counts and minutes.
    let full = Library::built_in().in_lang(Lang::En);
    let shown = |h: &aims_domain::model::questionnaire::Head| {
        (
            h.id.clone(),
            h.version.clone(),
            h.title.clone(),
            h.summary.clone(),
            h.items as usize,
            h.minutes,
        )
    };
    let own = |q: &Rc<Questionnaire>| {
        (
            q.id.clone(),
            q.version.clone(),
            q.title.clone(),
            q.summary.clone(),
            q.items().count(),
            q.minutes(),
        )
    };
    let heads = first.heads_in(Lang::En);
    assert_eq!(
        heads.iter().map(shown).collect::<Vec<_>>(),
        full.iter().map(own).collect::<Vec<_>>()
    );

    let shared = store();
    let mut tab = Tab::with_library(&shared, Lang::En, first);
    let head = heads.iter().find(|h| h.id == QUICK).unwrap();
    let pick = open::Event::Pick {
        id: head.id.clone(),
        version: head.version.clone(),
    };
    // Without the questionnaires nothing opens (the shell holds the click until they arrive).
    tab.send(pick.clone());
    assert!(tab.state.flow.session.is_none());
    let complete = Rc::new(tab.state.library.with(unpack(&rest).unwrap()));
    assert!(complete.complete());
    assert_eq!(
        complete
            .in_lang(Lang::En)
            .iter()
            .map(own)
            .collect::<Vec<_>>(),
        full.iter().map(own).collect::<Vec<_>>()
    );
    tab.send(open::Event::Arrived(Rc::clone(&complete)));
    assert!(Rc::ptr_eq(&tab.state.library, &complete));
    tab.send(pick);
    assert_eq!(tab.session().questionnaire.id, QUICK);
    assert_eq!(tab.state.flow.screen, Screen::Profile);
    // A version that is not in the library opens nothing.
    let mut other = Tab::new(&store(), Lang::En);
    other.send(open::Event::Pick {
        id: QUICK.into(),
        version: "0.0.1".into(),
    });
    assert!(other.state.flow.session.is_none());
}

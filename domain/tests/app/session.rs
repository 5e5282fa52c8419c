//! The transition function and the stored form: navigation, reset, refusals, round trips, damaged data.

use crate::common;
use aims_domain::app::said::{Edit, Open, Said};
use aims_domain::app::{edit, navigate, notices};
use aims_domain::model::i18n::Lang;

use aims_domain::app::flow::{transition, Event};
use aims_domain::app::session::{
    import_replaces, NoticeAction, NoticeKind, PendingImport, Screen, State,
};
use aims_domain::formats::saved::{self, Source};
use aims_domain::model::profile::Screening;
use aims_domain::{AiRole, Answer, HighRisk, Profile, SizeBand};
use common::quick_scan;
use std::rc::Rc;

fn complete_profile(roles: &[AiRole]) -> Profile {
    Profile {
        size: Some(SizeBand::Medium),
        roles: roles.iter().copied().collect(),
        systems: 3,
        certifications: Some(Default::default()),
        high_risk: Some(HighRisk::No),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: None,
        capacity: None,
    }
}

fn opened() -> State {
    transition(
        &State::default(),
        Event::Open {
            questionnaire: Rc::new(quick_scan()),
            restored: None,
            notice: None,
            imported: false,
            assessment: "a1".into(),
            replaced: None,
        },
    )
}

/// The events of the flow's machines as flow events, in order.
macro_rules! events {
    ($($event:expr),* $(,)?) => {
        vec![$(Event::from($event)),*]
    };
}

fn run(state: State, events: Vec<Event>) -> State {
    events.into_iter().fold(state, |s, e| transition(&s, e))
}

#[test]
fn a_new_assessment_starts_with_the_profile_and_needs_it_complete() {
    let s = opened();
    assert_eq!(s.screen, Screen::Profile);
    let s = transition(&s, navigate::Event::Show(Screen::Questions));
    assert_eq!(s.screen, Screen::Profile);
    assert_eq!(s.notice.as_ref().unwrap().kind, NoticeKind::Error);
    let s = run(
        s,
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            navigate::Event::Show(Screen::Questions),
        ],
    );
    assert_eq!(s.screen, Screen::Questions);
    assert_eq!(s.session.as_ref().unwrap().section, 0);
}

#[test]
fn next_and_back_walk_the_visible_sections_and_skip_hidden_ones() {
    let s = run(
        opened(),
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            navigate::Event::Show(Screen::Questions),
        ],
    );
    let session = s.session.as_ref().unwrap();
    let ids: Vec<&str> = session
        .visible_sections()
        .iter()
        .map(|&n| session.questionnaire.sections[n].id.as_str())
        .collect();
    assert_eq!(ids.len(), 16, "A.6 still shows A.6.2.6 to users of AI");
    let back = transition(&s, navigate::Event::PreviousSection);
    assert_eq!(
        back.screen,
        Screen::Profile,
        "back from the first section returns to the profile"
    );
    let mut s = s;
    let mut seen = vec![];
    while s.screen == Screen::Questions {
        seen.push(s.session.as_ref().unwrap().section);
        s = transition(&s, navigate::Event::NextSection);
    }
    assert_eq!(seen.len(), 16);
    assert_eq!(
        s.screen,
        Screen::Results,
        "next from the last section shows the results"
    );
}

#[test]
fn answers_change_through_events_and_refusals_keep_the_old_answer() {
    let s = run(
        opened(),
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Develops])),
            edit::Event::Answer {
                item: "4.3".into(),
                answer: Answer::Level(2),
            },
        ],
    );
    let rev = s.session.as_ref().unwrap().revision;
    let refused = transition(
        &s,
        edit::Event::Answer {
            item: "4.3".into(),
            answer: Answer::NotApplicable("n/a".into()),
        },
    );
    let session = refused.session.as_ref().unwrap();
    assert_eq!(session.answers.get("4.3"), Some(&Answer::Level(2)));
    assert_eq!(
        session.revision, rev,
        "a refused answer is not a change to save"
    );
    assert!(refused
        .notice
        .as_ref()
        .unwrap()
        .words(Lang::En)
        .contains("never be not applicable"));
    let unknown = transition(
        &s,
        edit::Event::Answer {
            item: "4.9".into(),
            answer: Answer::Level(1),
        },
    );
    assert!(unknown
        .notice
        .as_ref()
        .unwrap()
        .words(Lang::En)
        .replace(['\u{2068}', '\u{2069}'], "")
        .contains("no item 4.9"));
    let too_high = transition(
        &s,
        edit::Event::Answer {
            item: "4.1".into(),
            answer: Answer::Level(4),
        },
    );
    assert!(too_high
        .notice
        .as_ref()
        .unwrap()
        .words(Lang::En)
        .contains("outside 0-3"));
    let cleared = transition(&s, edit::Event::ClearAnswer("4.3".into()));
    assert_eq!(cleared.session.as_ref().unwrap().answers.get("4.3"), None);
    assert_eq!(cleared.session.as_ref().unwrap().revision, rev + 1);
}

#[test]
fn start_over_asks_first_and_clears_everything_only_when_confirmed() {
    let s = run(
        opened(),
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Develops])),
            edit::Event::Answer {
                item: "4.3".into(),
                answer: Answer::Level(2),
            },
            edit::Event::AskReset,
        ],
    );
    assert!(s.confirming_reset);
    let kept = transition(&s, edit::Event::CancelReset);
    assert!(!kept.confirming_reset);
    assert_eq!(kept.session.as_ref().unwrap().answers.len(), 1);
    let cleared = transition(&s, edit::Event::ConfirmReset);
    let session = cleared.session.as_ref().unwrap();
    assert!(session.answers.is_empty());
    assert_eq!(session.profile, Profile::default());
    assert_eq!(cleared.screen, Screen::Profile);
    assert!(
        session.revision > s.session.as_ref().unwrap().revision,
        "the cleared state gets saved"
    );
}

#[test]
fn notes_are_kept_per_item_and_limited() {
    let s = run(
        opened(),
        events![edit::Event::Note {
            item: "4.3".into(),
            text: "Scope draft in the AIMS folder, owner: CISO".into(),
        }],
    );
    let session = s.session.as_ref().unwrap();
    assert_eq!(
        session.notes.get("4.3").map(String::as_str),
        Some("Scope draft in the AIMS folder, owner: CISO")
    );
    assert_eq!(session.revision, 1);
    let cleared = transition(
        &s,
        edit::Event::Note {
            item: "4.3".into(),
            text: String::new(),
        },
    );
    assert!(cleared.session.as_ref().unwrap().notes.is_empty());
    let too_long = transition(
        &s,
        edit::Event::Note {
            item: "4.3".into(),
            text: "x".repeat(5001),
        },
    );
    let notice = too_long.notice.as_ref().unwrap();
    assert_eq!(
        (notice.kind, notice.words(Lang::En).as_str()),
        (NoticeKind::Error, "Notes are limited to 5,000 characters.")
    );
    assert_eq!(
        notice.said,
        Said::Edit(Edit::NoteTooLong),
        "the notice holds what happened, worded when shown"
    );
    assert_eq!(
        notice.words(Lang::De),
        "Notizen sind auf 5.000 Zeichen begrenzt."
    );
    assert_eq!(too_long.session.as_ref().unwrap().notes, session.notes);
    let unknown = transition(
        &s,
        edit::Event::Note {
            item: "4.9".into(),
            text: "x".into(),
        },
    );
    assert!(unknown
        .notice
        .as_ref()
        .unwrap()
        .words(Lang::En)
        .contains("no item 4.9"));
}

#[test]
fn suggested_exclusions_can_be_accepted_at_once_without_touching_answers() {
    let full = Rc::new(common::questionnaire("iso42001-full.json"));
    let s = transition(
        &State::default(),
        Event::Open {
            questionnaire: Rc::clone(&full),
            restored: None,
            notice: None,
            imported: false,
            assessment: "a1".into(),
            replaced: None,
        },
    );
    let s = run(
        s,
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            edit::Event::Answer {
                item: "A.6.2.4".into(),
                answer: Answer::Level(2),
            },
            edit::Event::AcceptSuggestedExclusions,
        ],
    );
    let session = s.session.as_ref().unwrap();
    let excluded: Vec<&str> = full
        .items()
        .filter(|i| matches!(session.answers.get(&i.id), Some(Answer::NotApplicable(_))))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        excluded,
        ["A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.7", "A.7.2", "A.7.6"]
    );
    assert_eq!(
        session.answers.get("A.6.2.4"),
        Some(&Answer::Level(2)),
        "an existing answer is kept"
    );
    let Said::Edit(Edit::Excluded { marked, .. }) = &s.notice.as_ref().unwrap().said else {
        panic!("{:?}", s.notice)
    };
    assert_eq!(
        marked, &excluded,
        "the notice holds every control it marked"
    );
    let notice = &s.notice.as_ref().unwrap().words(Lang::En);
    assert!(notice.starts_with("7 controls"), "{notice}");
    // It names every control it marked, and can be undone.
    assert!(
        notice
            .contains("justification: A.6.1.2, A.6.1.3, A.6.2.2, A.6.2.3, A.6.2.7, A.7.2, A.7.6."),
        "{notice}"
    );
    assert_eq!(
        s.notice.as_ref().unwrap().action,
        Some(aims_domain::app::session::NoticeAction::UndoImport)
    );
    let undone = transition(&s, notices::Event::Undo);
    let back = undone.session.as_ref().unwrap();
    assert_eq!(back.answers.len(), 1, "only the answer given before stays");
    assert_eq!(
        undone.notice.as_ref().unwrap().said,
        Said::Edit(Edit::ExclusionsUndone)
    );
    assert_eq!(
        undone.notice.as_ref().unwrap().words(Lang::En),
        "The controls are unanswered again."
    );
    // The supplier item named is the content's, not a copy in the code.
    let suppliers: std::collections::BTreeSet<&str> = full
        .items()
        .filter(|i| excluded.contains(&i.id.as_str()))
        .filter_map(|i| i.suggest_na.as_ref()?.supplier_item.as_deref())
        .collect();
    assert_eq!(suppliers.len(), 1, "{suppliers:?}");
    let supplier = suppliers.first().unwrap();
    assert!(
        notice.contains(&format!("under {supplier} in the roadmap")),
        "{notice}"
    );
    // A developer gets no suggestions, so nothing changes.
    let dev = run(
        opened(),
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Develops])),
            edit::Event::AcceptSuggestedExclusions,
        ],
    );
    assert!(dev.session.as_ref().unwrap().answers.is_empty());
}

fn answer(item: &str, level: u8) -> Event {
    edit::Event::Answer {
        item: item.into(),
        answer: Answer::Level(level),
    }
    .into()
}

/// A quick scan with a complete profile and every applicable item answered.
fn finished() -> State {
    let q = Rc::new(quick_scan());
    let profile = complete_profile(&[AiRole::Uses]);
    let events: Vec<Event> = std::iter::once(edit::Event::UpdateProfile(profile.clone()).into())
        .chain(
            q.items()
                .filter(|i| i.applies(&profile))
                .map(|i| answer(&i.id, 1)),
        )
        .collect();
    run(opened(), events)
}

fn reopen(state: &State, imported: bool) -> State {
    let session = state.session.as_ref().unwrap();
    let text = saved::encode(
        &session.questionnaire,
        &session.profile,
        &session.answers,
        &session.notes,
        "2026-12-01T10:00:00.000Z",
    );
    let restored =
        saved::decode(&text, &[Rc::clone(&session.questionnaire)], Source::Storage).unwrap();
    transition(
        state,
        Event::Open {
            questionnaire: Rc::clone(&session.questionnaire),
            restored: Some(Box::new(restored)),
            notice: None,
            imported,
            assessment: "fresh".into(),
            replaced: None,
        },
    )
}

#[test]
fn a_returning_visitor_who_had_finished_lands_on_the_results() {
    let done = finished();
    assert_eq!(reopen(&done, false).screen, Screen::Results);
    // Half-way, the questions open at the first section with an open question.
    let half = run(
        opened(),
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            answer("4.1", 2),
        ],
    );
    let back = reopen(&half, false);
    assert_eq!(back.screen, Screen::Questions);
    assert_eq!(back.session.unwrap().section, 0);
}

#[test]
fn an_opened_file_is_always_saved_even_after_start_over() {
    // Start over bumps the revision; opening a file must bump it again, never reuse a number
    // the save effect has already seen.
    let done = finished();
    let reset = run(
        done.clone(),
        events![edit::Event::AskReset, edit::Event::ConfirmReset],
    );
    let before = reset.session.as_ref().unwrap().revision;
    let opened_file = reopen_with(&reset, &done);
    let after = opened_file.session.as_ref().unwrap().revision;
    assert!(after > before, "{after} > {before}");
    assert!(opened_file.session.as_ref().unwrap().profile.is_complete());
    // Opening from this browser's own storage is no change and saves nothing.
    assert_eq!(reopen(&done, false).session.unwrap().revision, 0);
}

fn reopen_with(state: &State, file_of: &State) -> State {
    let s = file_of.session.as_ref().unwrap();
    let text = saved::encode(
        &s.questionnaire,
        &s.profile,
        &s.answers,
        &s.notes,
        "2026-12-01T10:00:00.000Z",
    );
    let restored = saved::decode(&text, &[Rc::clone(&s.questionnaire)], Source::Import).unwrap();
    transition(
        state,
        Event::Open {
            questionnaire: Rc::clone(&s.questionnaire),
            restored: Some(Box::new(restored)),
            notice: None,
            imported: true,
            assessment: "fresh".into(),
            replaced: None,
        },
    )
}

#[test]
fn opening_a_file_over_different_answers_asks_and_can_be_undone() {
    let done = finished();
    let current = done.session.as_ref().unwrap().snapshot();
    // A file with fewer, different answers.
    let older = run(
        opened(),
        events![
            edit::Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            answer("4.1", 3),
        ],
    );
    let file = older.session.as_ref().unwrap().snapshot();
    let replaces = import_replaces(Some(&current), &file).expect("different answers: ask first");
    assert_eq!(replaces, current);
    assert_eq!(
        import_replaces(Some(&current), &current),
        None,
        "the same answers: nothing to ask"
    );
    assert_eq!(
        import_replaces(None, &file),
        None,
        "nothing on the device: nothing to ask"
    );

    let text = saved::encode(
        &older.session.as_ref().unwrap().questionnaire,
        &file.profile,
        &file.answers,
        &file.notes,
        "2026-11-01T10:00:00.000Z",
    );
    let q = Rc::clone(&done.session.as_ref().unwrap().questionnaire);
    let restored = saved::decode(&text, &[Rc::clone(&q)], Source::Import).unwrap();
    // The dialog is the app's import machine's (domain/tests/app/app.rs); here it is open.
    let asked = State {
        pending_import: Some(Box::new(PendingImport {
            restored: restored.clone(),
            replaces: replaces.clone(),
        })),
        ..done.clone()
    };

    let imported = transition(
        &asked,
        Event::Open {
            questionnaire: Rc::clone(&q),
            restored: Some(Box::new(restored)),
            notice: Some(aims_domain::app::session::Notice::info(Open::ImportUndone)),
            imported: true,
            assessment: "fresh".into(),
            replaced: Some(Box::new(replaces)),
        },
    );
    assert_eq!(imported.session.as_ref().unwrap().answers.len(), 1);
    assert_eq!(
        imported.notice.as_ref().unwrap().action,
        Some(NoticeAction::UndoImport)
    );
    let undone = transition(&imported, notices::Event::Undo);
    let session = undone.session.as_ref().unwrap();
    assert_eq!(session.snapshot(), current, "every answer is back");
    assert!(
        session.revision > imported.session.as_ref().unwrap().revision,
        "and saved"
    );
    assert!(undone.undo.is_none());
    // Dismissing the notice ends the offer.
    let dismissed = transition(&imported, notices::Event::Dismiss);
    assert!(dismissed.undo.is_none());
    assert_eq!(
        transition(&dismissed, notices::Event::Undo).session,
        dismissed.session
    );
}

#[test]
fn review_this_answer_opens_the_question_itself() {
    let done = run(finished(), events![navigate::Event::Show(Screen::Results)]);
    let s = transition(&done, navigate::Event::ShowItem("9.2.2".into()));
    assert_eq!(s.screen, Screen::Questions);
    assert_eq!(s.focus_item.as_deref(), Some("9.2.2"));
    let q = &s.session.as_ref().unwrap().questionnaire;
    assert!(q.sections[s.session.as_ref().unwrap().section]
        .items
        .iter()
        .any(|i| i.id == "9.2.2"));
    // The focus request lasts one step.
    assert_eq!(transition(&s, answer("9.2.2", 2)).focus_item, None);
    // An unknown item changes nothing.
    assert_eq!(
        transition(&done, navigate::Event::ShowItem("4.9".into())).screen,
        Screen::Results
    );
}

#[test]
fn a_justification_longer_than_the_stored_limit_is_refused_visibly() {
    let s = run(
        opened(),
        events![edit::Event::UpdateProfile(complete_profile(&[
            AiRole::Uses,
        ]))],
    );
    let long = transition(
        &s,
        edit::Event::Answer {
            item: "A.7.4".into(),
            answer: Answer::NotApplicable("x".repeat(5001)),
        },
    );
    assert_eq!(long.notice.as_ref().unwrap().kind, NoticeKind::Error);
    assert!(long
        .session
        .as_ref()
        .unwrap()
        .answers
        .get("A.7.4")
        .is_none());
    // 5,000 code units (an emoji counts two, as in the browser's maxlength) are fine.
    let limit = format!("{}😀", "x".repeat(4998));
    let ok = transition(
        &s,
        edit::Event::Answer {
            item: "A.7.4".into(),
            answer: Answer::NotApplicable(limit.clone()),
        },
    );
    assert_eq!(
        ok.session.as_ref().unwrap().answers.get("A.7.4"),
        Some(&Answer::NotApplicable(limit))
    );
}

/// The report's optional organisation and author are kept exactly as typed and saved (a change
/// to save); one longer than the field holds is refused with a notice, the old one kept.
#[test]
fn the_reports_organisation_and_author_are_kept_as_typed() {
    use aims_domain::model::answers::MAX_NAME_CHARS;
    let s = opened();
    let rev = s.session.as_ref().unwrap().revision;
    let typed = "  Acme & Söhne <GmbH> \u{202e}x ";
    let s = run(
        s,
        events![
            edit::Event::SetOrganisation(typed.into()),
            edit::Event::SetPreparedBy("Ines Ruiz".into()),
        ],
    );
    let people = &s.session.as_ref().unwrap().people;
    assert_eq!(
        (people.organisation.as_str(), people.prepared_by.as_str()),
        (typed, "Ines Ruiz")
    );
    assert_eq!(s.session.as_ref().unwrap().revision, rev + 2);
    let refused = transition(
        &s,
        edit::Event::SetPreparedBy("x".repeat(MAX_NAME_CHARS + 1)),
    );
    assert_eq!(
        refused.notice.as_ref().unwrap().said,
        Said::Edit(Edit::NameTooLong)
    );
    assert_eq!(
        refused.session.as_ref().unwrap().people.prepared_by,
        "Ines Ruiz"
    );
    let lines = refused.session.as_ref().unwrap().people.lines(Lang::En);
    assert_eq!(
        lines,
        [
            "Organisation: \u{2068}  Acme & Söhne <GmbH> \u{fffd}x \u{2069}",
            "Prepared by: \u{2068}Ines Ruiz\u{2069}"
        ]
    );
}

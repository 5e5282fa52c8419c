//! The transition function and the stored form: navigation, reset, refusals, round trips, damaged data.

mod common;

use aims_readiness::domain::session::{transition, Event, NoticeKind, Screen, State};
use aims_readiness::domain::{AiRole, Answer, HighRisk, Profile, SizeBand};
use common::quick_scan;
use std::rc::Rc;

fn complete_profile(roles: &[AiRole]) -> Profile {
    Profile {
        size: Some(SizeBand::Medium),
        roles: roles.iter().copied().collect(),
        systems: 3,
        certifications: Some(Default::default()),
        high_risk: Some(HighRisk::No),
        target_date: None,
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
        },
    )
}

fn run(state: State, events: Vec<Event>) -> State {
    events.into_iter().fold(state, |s, e| transition(&s, e))
}

#[test]
fn a_new_assessment_starts_with_the_profile_and_needs_it_complete() {
    let s = opened();
    assert_eq!(s.screen, Screen::Profile);
    let s = transition(&s, Event::Show(Screen::Questions));
    assert_eq!(s.screen, Screen::Profile);
    assert_eq!(s.notice.as_ref().unwrap().kind, NoticeKind::Error);
    let s = run(
        s,
        vec![
            Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            Event::Show(Screen::Questions),
        ],
    );
    assert_eq!(s.screen, Screen::Questions);
    assert_eq!(s.session.as_ref().unwrap().section, 0);
}

#[test]
fn next_and_back_walk_the_visible_sections_and_skip_hidden_ones() {
    let s = run(
        opened(),
        vec![
            Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            Event::Show(Screen::Questions),
        ],
    );
    let session = s.session.as_ref().unwrap();
    let ids: Vec<&str> = session
        .visible_sections()
        .iter()
        .map(|&n| session.questionnaire.sections[n].id.as_str())
        .collect();
    assert_eq!(ids.len(), 16, "A.6 still shows A.6.2.6 to users of AI");
    let back = transition(&s, Event::PreviousSection);
    assert_eq!(
        back.screen,
        Screen::Profile,
        "back from the first section returns to the profile"
    );
    let mut s = s;
    let mut seen = vec![];
    while s.screen == Screen::Questions {
        seen.push(s.session.as_ref().unwrap().section);
        s = transition(&s, Event::NextSection);
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
        vec![
            Event::UpdateProfile(complete_profile(&[AiRole::Develops])),
            Event::Answer {
                item: "4.3".into(),
                answer: Answer::Level(2),
            },
        ],
    );
    let rev = s.session.as_ref().unwrap().revision;
    let refused = transition(
        &s,
        Event::Answer {
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
        .text
        .contains("never be not applicable"));
    let unknown = transition(
        &s,
        Event::Answer {
            item: "4.9".into(),
            answer: Answer::Level(1),
        },
    );
    assert!(unknown
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("no item 4.9"));
    let too_high = transition(
        &s,
        Event::Answer {
            item: "4.1".into(),
            answer: Answer::Level(4),
        },
    );
    assert!(too_high
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("outside 0-3"));
    let cleared = transition(&s, Event::ClearAnswer("4.3".into()));
    assert_eq!(cleared.session.as_ref().unwrap().answers.get("4.3"), None);
    assert_eq!(cleared.session.as_ref().unwrap().revision, rev + 1);
}

#[test]
fn start_over_asks_first_and_clears_everything_only_when_confirmed() {
    let s = run(
        opened(),
        vec![
            Event::UpdateProfile(complete_profile(&[AiRole::Develops])),
            Event::Answer {
                item: "4.3".into(),
                answer: Answer::Level(2),
            },
            Event::AskReset,
        ],
    );
    assert!(s.confirming_reset);
    let kept = transition(&s, Event::CancelReset);
    assert!(!kept.confirming_reset);
    assert_eq!(kept.session.as_ref().unwrap().answers.len(), 1);
    let cleared = transition(&s, Event::ConfirmReset);
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
        vec![Event::Note {
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
        Event::Note {
            item: "4.3".into(),
            text: String::new(),
        },
    );
    assert!(cleared.session.as_ref().unwrap().notes.is_empty());
    let too_long = transition(
        &s,
        Event::Note {
            item: "4.3".into(),
            text: "x".repeat(5001),
        },
    );
    assert!(too_long.notice.is_some());
    assert_eq!(too_long.session.as_ref().unwrap().notes, session.notes);
    let unknown = transition(
        &s,
        Event::Note {
            item: "4.9".into(),
            text: "x".into(),
        },
    );
    assert!(unknown
        .notice
        .as_ref()
        .unwrap()
        .text
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
        },
    );
    let s = run(
        s,
        vec![
            Event::UpdateProfile(complete_profile(&[AiRole::Uses])),
            Event::Answer {
                item: "A.6.2.4".into(),
                answer: Answer::Level(2),
            },
            Event::AcceptSuggestedExclusions,
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
    assert!(s.notice.as_ref().unwrap().text.starts_with("7 controls"));
    // A developer gets no suggestions, so nothing changes.
    let dev = run(
        opened(),
        vec![
            Event::UpdateProfile(complete_profile(&[AiRole::Develops])),
            Event::AcceptSuggestedExclusions,
        ],
    );
    assert!(dev.session.as_ref().unwrap().answers.is_empty());
}

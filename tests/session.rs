//! The transition function and the stored form: navigation, reset, refusals, round trips, damaged data.

mod common;

use aims_readiness::domain::saved::{self, SavedError};
use aims_readiness::domain::session::{transition, Event, NoticeKind, Screen, State};
use aims_readiness::domain::{AiRole, Answer, HighRisk, Profile, SizeBand};
use common::{answers, quick_scan};
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
fn a_saved_assessment_round_trips_and_resumes_at_the_first_open_section() {
    let q = quick_scan();
    let profile = Profile {
        target_date: aims_readiness::domain::date::Date::parse("2027-06-30"),
        ..complete_profile(&[AiRole::Uses])
    };
    let ans = answers(
        &q,
        &[
            ("4.1", "2"),
            ("4.3", "?"),
            ("5.2", "1"),
            ("A.7.4", "na:No data of our own"),
        ],
    );
    let text = saved::encode(&q, &profile, &ans, "2026-11-28T10:00:00.000Z");
    let restored = saved::decode(&text, &q).unwrap();
    assert_eq!((&restored.profile, &restored.answers), (&profile, &ans));
    assert_eq!(restored.saved_at, "2026-11-28T10:00:00.000Z");
    assert!(restored.dropped.is_empty());

    let s = transition(
        &State::default(),
        Event::Open {
            questionnaire: Rc::new(q),
            restored: Some(restored),
            notice: None,
        },
    );
    assert_eq!(s.screen, Screen::Questions);
    let session = s.session.as_ref().unwrap();
    assert_eq!(
        session.questionnaire.sections[session.section].id, "6",
        "clauses 4 and 5 are fully answered"
    );
}

#[test]
fn damaged_or_foreign_stored_data_is_refused_with_a_reason() {
    let q = quick_scan();
    let good = saved::encode(
        &q,
        &complete_profile(&[AiRole::Uses]),
        &answers(&q, &[("4.1", "2")]),
        "t",
    );
    let cases: Vec<(String, &str)> = vec![
        (good[..good.len() / 2].to_string(), "damaged"),
        ("not json at all".into(), "damaged"),
        (good.replace("\"format\":1", "\"format\":9"), "format 9"),
        (
            good.replace("iso42001-quick-scan", "iso42001-full"),
            "belongs to questionnaire iso42001-full",
        ),
        (
            good.replace("\"version\":\"1.0.0\"", "\"version\":\"0.9\""),
            "version 0.9",
        ),
        (
            format!("{{\"pad\":\"{}\"}}", "x".repeat(saved::MAX_SAVED_BYTES)),
            "far more than",
        ),
    ];
    for (text, fragment) in cases {
        let err: SavedError = saved::decode(&text, &q).unwrap_err();
        assert!(err.to_string().contains(fragment), "{fragment}: {err}");
    }
}

#[test]
fn stored_answers_that_no_longer_fit_are_dropped_and_named() {
    let q = quick_scan();
    let good = saved::encode(
        &q,
        &complete_profile(&[AiRole::Uses]),
        &answers(&q, &[("4.1", "2"), ("4.3", "1")]),
        "t",
    );
    let text = good
        .replace(
            "\"4.1\":{\"level\":2}",
            "\"4.1\":{\"level\":9},\"4.9\":\"dont_know\"",
        )
        .replace(
            "\"4.3\":{\"level\":1}",
            "\"4.3\":{\"not_applicable\":\"x\"}",
        );
    let restored = saved::decode(&text, &q).unwrap();
    assert!(restored.answers.is_empty());
    assert_eq!(restored.dropped.len(), 3, "{:?}", restored.dropped);
    assert!(restored.dropped.iter().any(|d| d.contains("4.9")));
}

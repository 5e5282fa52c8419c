//! Moving through the assessment: screens, sections and one item, and back to the list.

use crate::app::said::Said;
use crate::app::session::{Notice, Screen, State};

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Show the question of this item, focused ("Review this answer").
    ShowItem(String),
    ShowSection(usize),
    NextSection,
    PreviousSection,
    Show(Screen),
    /// Back to the list of questionnaires; answers stay stored.
    Leave,
}

pub(crate) fn update(next: &mut State, event: Event) {
    match event {
        Event::ShowItem(item) => {
            if let Some(session) = next.session.as_mut() {
                let found = session.questionnaire.sections.iter().position(|s| {
                    s.items
                        .iter()
                        .any(|i| i.id == item && i.applies(&session.profile))
                });
                if let Some(section) = found {
                    session.section = section;
                    next.screen = Screen::Questions;
                    next.focus_item = Some(item);
                }
            }
        }
        Event::Leave => *next = State::default(),
        Event::ShowSection(section) => {
            if let Some(session) = next.session.as_mut() {
                if session.visible_sections().contains(&section) {
                    session.section = section;
                    next.screen = Screen::Questions;
                }
            }
        }
        Event::NextSection => step_section(next, true),
        Event::PreviousSection => step_section(next, false),
        Event::Show(screen) => show(next, screen),
    }
}

/// The next or previous section with something to answer; past the last, the results; before
/// the first, the profile.
fn step_section(next: &mut State, forward: bool) {
    if let Some(session) = next.session.as_mut() {
        let visible = session.visible_sections();
        let at = visible
            .iter()
            .position(|&s| s == session.section)
            .unwrap_or(0);
        match (forward, at) {
            (true, at) if at + 1 < visible.len() => session.section = visible[at + 1],
            (true, _) => next.screen = Screen::Results,
            (false, 0) => next.screen = Screen::Profile,
            (false, at) => session.section = visible[at - 1],
        }
    }
}

fn show(next: &mut State, screen: Screen) {
    match (&next.session, screen) {
        (_, Screen::Start) => *next = State::default(),
        (None, _) => {}
        (Some(_), Screen::Profile) => next.screen = Screen::Profile,
        // A workshop's files can be compared before the facilitator's own profile exists.
        (Some(_), Screen::Team) => next.screen = Screen::Team,
        (Some(session), _) if !session.profile.is_complete() => {
            next.screen = Screen::Profile;
            next.notice = Some(Notice::error(Said::ProfileFirst));
        }
        (Some(_), screen) => next.screen = screen,
    }
}

//! Switching the language: in place when this page holds it, else by reloading into it (after
//! a warning when the reload would lose unsaved answers or a team view), then resuming.

use crate::app::flow;
use std::rc::Rc;

use crate::app::said::Said;
use crate::app::session::{Notice, Screen};
use crate::app::{navigate, notify, AppState, Commands, ShellCommand, StoreCommand};
use crate::formats::saved::{Restored, Snapshot};
use crate::model::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Set(Lang),
    /// After a reload into another language: show the screen and section the person was on.
    Resume {
        screen: Screen,
        section: usize,
    },
}

pub(crate) fn update(state: &AppState, next: &mut AppState, event: Event, commands: &mut Commands) {
    match event {
        Event::Set(chosen) if chosen == state.lang => {}
        Event::Set(chosen) if !state.library.has(chosen) => reload(state, next, chosen, commands),
        Event::Set(chosen) => switch(state, next, chosen, commands),
        Event::Resume { screen, section } => {
            if state.flow.session.is_some() && screen != Screen::Start {
                let event = match screen {
                    Screen::Questions => navigate::Event::ShowSection(section),
                    // The respondents' files were in memory only.
                    Screen::Team => navigate::Event::Show(Screen::Results),
                    screen => navigate::Event::Show(screen),
                };
                next.flow = flow::transition(&state.flow, event);
            }
        }
    }
}

/// This page holds one language: the other one arrives by reloading into it, and everything
/// the reload must keep is in storage already, unless saving is off.
fn reload(state: &AppState, next: &mut AppState, chosen: Lang, commands: &mut Commands) {
    let at_risk = !state.saving()
        && state
            .flow
            .session
            .as_ref()
            .is_some_and(|s| s.snapshot() != Snapshot::default());
    // The team view lives in this page only: its files, names and picks do not survive a
    // reload.
    let team_at_risk = state
        .team
        .as_ref()
        .is_some_and(|t| !t.respondents.is_empty());
    if (at_risk || team_at_risk) && next.switch_confirmed != Some(chosen) {
        next.switch_confirmed = Some(chosen);
        notify(
            next,
            Notice::error(Said::SwitchLoses { team: team_at_risk }),
        );
        return;
    }
    commands.push(StoreCommand::RememberLang(chosen));
    let resume = state
        .flow
        .session
        .as_ref()
        .filter(|_| state.flow.screen != Screen::Start)
        .map(|s| (state.flow.screen, s.section));
    commands.push(ShellCommand::Reload {
        lang: chosen,
        resume,
    });
}

/// The language is in this page: everything open reads in it at once.
fn switch(state: &AppState, next: &mut AppState, chosen: Lang, commands: &mut Commands) {
    next.lang = chosen;
    commands.push(StoreCommand::RememberLang(chosen));
    if let Some(q) = state
        .flow
        .session
        .as_ref()
        .and_then(|s| next.find(&s.questionnaire))
    {
        if let Some(team) = &state.team {
            // The respondents' answers stay; their items now read in the new language.
            let mut team = (**team).clone();
            team.questionnaire = Rc::clone(&q);
            next.team = Some(Rc::new(team));
        }
        next.flow = flow::transition(&state.flow, flow::Event::Relocalise(q));
    }
    if let Some(view) = &state.shared {
        if let Some(q) = next.find(&view.questionnaire) {
            next.shared = Some(Rc::new(Restored {
                questionnaire: q,
                ..(**view).clone()
            }));
        }
    }
}

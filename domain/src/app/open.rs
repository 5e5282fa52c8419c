//! Opening an assessment: the page's start (the host's questionnaire, else the last one), a
//! choice on the start screen, and storage's answer with what it holds.

use crate::app::flow;
use std::rc::Rc;

use crate::app::session::Screen;
use crate::app::{opening, show, AppState, Commands, ShellCommand, Storage, StoreCommand};
use crate::formats::catalogue;
use crate::model::questionnaire::Questionnaire;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The page starts: open the questionnaire the host asked for, else the one used last.
    Start {
        asked: Option<String>,
        last: Option<String>,
    },
    /// The person chose a questionnaire on the start screen.
    Choose(Rc<Questionnaire>),
    /// Storage was read for a questionnaire (the runtime's answer to [`StoreCommand::Open`]).
    Opened {
        open: Box<flow::Event>,
        storage: Storage,
    },
}

pub(crate) fn update(state: &AppState, next: &mut AppState, event: Event, commands: &mut Commands) {
    match event {
        Event::Start { asked, last } => {
            commands.push(StoreCommand::Survey);
            let offered = catalogue::offered(&state.questionnaires());
            let find = |id: &String| offered.iter().find(|q| &q.id == id);
            if let Some(id) = asked.as_ref().filter(|id| find(id).is_none()) {
                commands.push(ShellCommand::Warn(unknown_questionnaire(id, &offered)));
            }
            if let Some(q) = asked.or(last).as_ref().and_then(find) {
                commands.push(opening(q, None, None));
            }
        }
        Event::Choose(q) => commands.push(opening(&q, None, None)),
        Event::Opened { open, storage } => {
            next.storage = storage;
            next.compared = None;
            next.flow = flow::transition(&state.flow, *open);
            // A workshop begun from the start screen: its questionnaire is open now.
            if std::mem::take(&mut next.workshop_opening) && next.team.is_some() {
                show(next, Screen::Team);
            }
        }
    }
}

fn unknown_questionnaire(id: &str, questionnaires: &[Rc<Questionnaire>]) -> String {
    let known: Vec<&str> = questionnaires.iter().map(|q| q.id.as_str()).collect();
    format!(
        "ignored questionnaire={id}: no such questionnaire (known: {})",
        known.join(", ")
    )
}

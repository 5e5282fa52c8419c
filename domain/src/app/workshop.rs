//! The team view (a workshop): respondents' save files side by side, renamed, removed, the
//! consensus picked item by item and adopted as the assessment (undoable). Nothing here is
//! stored until the consensus is adopted.

use crate::app::flow;
use std::rc::Rc;

use crate::app::navigate;
use crate::app::said::{self, File, Why};
use crate::app::session::{Notice, NoticeAction, Screen, Undo};
use crate::app::{notify, opening, show, AppState, Commands};
use crate::figures::team::{Pick, Team};
use crate::formats::saved::{self, Snapshot, Source};
use crate::formats::team_files;
use crate::model::answers::{text_length, People, MAX_NAME_CHARS};

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Show the team view (started empty for the open questionnaire if there is none).
    Open,
    /// Rename respondent `index` (kept exactly as typed).
    Rename {
        index: usize,
        name: String,
    },
    Remove(usize),
    /// Choose where one item's consensus answer comes from.
    Pick {
        item: String,
        pick: Pick,
    },
    /// Make the consensus the open assessment (undoable); the respondents' files are dropped.
    Adopt,
    /// Forget the refusal messages.
    DismissRefusals,
}

pub(crate) fn update(next: &mut AppState, event: Event) {
    let Some(session) = next.flow.session.as_ref() else {
        return;
    };
    if let Event::Open = event {
        if next.team.is_none() {
            next.team = Some(Rc::new(Team::new(Rc::clone(&session.questionnaire))));
        }
        show(next, Screen::Team);
        return;
    }
    let Some(mut team) = next.team.as_deref().cloned() else {
        return;
    };
    match event {
        Event::Rename { index, name } => {
            // The field holds at most MAX_NAME_CHARS (its maxlength); a longer one is not a
            // typed name and is not taken.
            let fits = text_length(&name) <= MAX_NAME_CHARS;
            if let Some(r) = team.respondents.get_mut(index).filter(|_| fits) {
                r.name = name;
            }
        }
        Event::Remove(index) => team.remove(index),
        Event::Pick { item, pick } => team.pick(&item, pick),
        Event::DismissRefusals => team.refused.clear(),
        Event::Adopt if team.ready() => {
            let before = session.snapshot();
            // Every respondent's notes and justifications come along, attributed; the
            // assessment records that it is a consensus and who took part.
            let (notes, cut) = team.consensus_notes(&before.notes);
            let consensus = Snapshot {
                answers: team.consensus(),
                profile: team.comparison_profile(&before.profile),
                notes,
                people: People {
                    respondent: before.people.respondent.clone(),
                    consensus_of: team.respondents.iter().map(|r| r.name.clone()).collect(),
                    ..before.people.clone()
                },
            };
            let mut flow = next.flow.clone();
            flow.undo = Some(Box::new(Undo {
                questionnaire: session.questionnaire.id.clone(),
                snapshot: before,
                said: said::Team::ConsensusUndone.into(),
            }));
            let answers = consensus.answers.len();
            let mut notice = Notice::info(said::Team::Adopted { answers, cut });
            notice.action = Some(NoticeAction::UndoImport);
            let adopt = flow::Event::Adopt {
                snapshot: Box::new(consensus),
                notice: Some(notice),
                save: true,
            };
            flow = flow::transition(&flow, adopt);
            next.flow = flow::transition(&flow, navigate::Event::Show(Screen::Results));
            next.team = None;
            return;
        }
        _ => return,
    }
    next.team = Some(Rc::new(team));
}

/// A respondent's file: it joins the team view on screen; elsewhere it starts one, for the
/// open assessment's questionnaire or, from the start screen, for the file's own (which then
/// opens as the facilitator's assessment, their own answers untouched).
pub(crate) fn add_file(
    next: &mut AppState,
    commands: &mut Commands,
    name: &str,
    bytes: Result<Vec<u8>, Why>,
) {
    let lang = next.lang;
    let on_screen = next.flow.screen == Screen::Team;
    let current = next
        .team
        .as_deref()
        .cloned()
        .filter(|_| on_screen || next.workshop_opening);
    let mut team = match (current, &next.flow.session) {
        (Some(team), _) => team,
        (None, Some(s)) if next.flow.screen != Screen::Start => {
            Team::new(Rc::clone(&s.questionnaire))
        }
        (None, _) => {
            // From the start screen: the first file says which questionnaire the workshop is of.
            let decoded = bytes.as_ref().map_err(Clone::clone).and_then(|b| {
                saved::decode_bytes(b, &next.questionnaires(), Source::Import).map_err(Why::Refused)
            });
            match decoded {
                Ok(restored) => {
                    let q = Rc::clone(&restored.questionnaire);
                    commands.push(opening(&q, None, None));
                    next.workshop_opening = true;
                    Team::new(q)
                }
                Err(why) => {
                    let file = name.to_string();
                    let said = File::Refused {
                        file,
                        why,
                        compare: false,
                    };
                    notify(next, Notice::error(said));
                    return;
                }
            }
        }
    };
    match bytes {
        Ok(bytes) => team_files::add(&mut team, name, &bytes, lang),
        Err(why) => team.refuse(name, &why.words(lang), lang),
    }
    next.team = Some(Rc::new(team));
    if next.flow.session.is_some() && !next.workshop_opening {
        show(next, Screen::Team);
    }
}

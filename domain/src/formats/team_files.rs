//! A workshop's save files read into the team view: each file decoded against the team's
//! questionnaire, named, and admitted or refused with the reason (the others stay).

use std::rc::Rc;

use crate::figures::team::{Respondent, Team};
use crate::formats::saved::{self, SavedError, Source};
use crate::model::answers::fit_name;
use crate::model::i18n::{msg, outside, Lang};

/// Adds a save file to the team view, or notes in `lang` why it is refused (the others stay as
/// they were).
pub fn add(team: &mut Team, file: &str, bytes: &[u8], lang: Lang) {
    let read = match team.full(lang) {
        Some(why) => Err(why),
        None => respondent(team, file, bytes, lang),
    };
    if let Err(why) = read.and_then(|r| team.admit(r, lang)) {
        team.refuse(file, &why, lang);
    }
}

/// The respondent a save file holds, named as they named themselves, else after the file.
fn respondent(team: &Team, file: &str, bytes: &[u8], lang: Lang) -> Result<Respondent, String> {
    let against = [Rc::clone(&team.questionnaire)];
    let restored = saved::decode_bytes(bytes, &against, Source::Import).map_err(|e| match e {
        SavedError::UnknownQuestionnaire(id) => lang.f(
            msg!("it is an assessment of another questionnaire ({id}), not of the {title}"),
            &[
                ("id", &outside(&id, 40)),
                ("title", &team.questionnaire.title),
            ],
        ),
        e => e.message(lang),
    })?;
    // The name they gave when they saved, else the file's name.
    let name = match restored.people.respondent.trim() {
        // A file's name can be longer than a name field holds; a consensus records names.
        "" => fit_name(file.strip_suffix(".json").unwrap_or(file)),
        _ => restored.people.respondent.clone(),
    };
    Ok(Respondent {
        name,
        file: file.to_string(),
        answers: restored.answers,
        notes: restored.notes,
        profile: restored.profile,
        migrated_from: restored.migrated_from,
        fingerprint: saved::fingerprint(&String::from_utf8_lossy(bytes)),
    })
}

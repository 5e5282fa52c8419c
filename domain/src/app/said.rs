//! What notices say, as data: one kind per machine (opening, editing, files, the team view,
//! sharing, this device's storage), each with its facts; worded in a language only when a notice
//! is shown, so the machines and the runtime return data, never sentences.

use crate::app::sync::SaveRefused;
use crate::formats::saved::SavedError;
use crate::formats::share::ShareError;
use crate::model::answers::{AnswerError, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::i18n::{msg, outside, plural, Lang};

/// What a notice says: the situation and its facts, each machine's own kind. Worded only when
/// shown ([`Said::words`]), so the runtime and the machines return data, never sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    Open(Open),
    Edit(Edit),
    File(File),
    Team(Team),
    Sharing(Sharing),
    Device(Device),
    /// A later screen was asked for before the profile that decides which questions apply.
    ProfileFirst,
    /// Switching the language would lose what only this page holds: the team view (`team`) or
    /// answers this browser is not saving. Choosing the language again switches.
    SwitchLoses {
        team: bool,
    },
}

impl Said {
    /// The notice in `lang`'s words; outside text in it is cut short and isolated.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Said::Open(said) => said.words(lang),
            Said::Edit(said) => said.words(lang),
            Said::File(said) => said.words(lang),
            Said::Team(said) => said.words(lang),
            Said::Sharing(said) => said.words(lang),
            Said::Device(said) => said.words(lang),
            Said::ProfileFirst => lang.t(msg!(
                "Please complete the organisation profile first: it decides which questions apply."
            )).into(),
            Said::SwitchLoses { team: true } => lang.t(msg!("Switching the language reloads the page, and the team view lives in this page only: its files, the names you typed and the consensus picks would be lost. Adopt the consensus or export the team table first, then choose the language again to switch.")).into(),
            Said::SwitchLoses { team: false } => lang.t(msg!("Switching the language reloads the page, and this browser is not saving your answers, so they would be lost. Save them to a file first (you can open it after the switch), then choose the language again to switch.")).into(),
        }
    }
}

macro_rules! from_said {
    ($($kind:ident),*) => {$(
        impl From<$kind> for Said {
            fn from(said: $kind) -> Said {
                Said::$kind(said)
            }
        }
    )*};
}
from_said!(Open, Edit, File, Team, Sharing, Device);

/// What opening an assessment says, worded when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Open {
    /// This browser's save, except the answers that no longer fit.
    RestoredExcept(Vec<String>),
    /// An older version's save carried over to version `new`, except `dropped`.
    CarriedOver {
        old: String,
        new: String,
        dropped: Vec<String>,
    },
    /// A file or link opened: how many answers, the versions if it was carried over, and what
    /// was not.
    Opened {
        answers: usize,
        carried_over: Option<(String, String)>,
        dropped: Vec<String>,
    },
    /// This browser's save cannot be read: kept aside (`kept`), or left untouched with saving
    /// off.
    Unreadable { why: SavedError, kept: bool },
    /// An import was undone.
    ImportUndone,
}

impl Open {
    pub fn words(&self, lang: Lang) -> String {
        let (mut text, dropped) = match self {
            Open::RestoredExcept(dropped) => {
                return lang.f(
                    msg!("Your saved answers were restored, except {n}: {what}."),
                    &[("n", &dropped.len()), ("what", &lang.summary(dropped))],
                )
            }
            Open::CarriedOver { old, new, dropped } => (lang.f(
                msg!("Your answers from version {old} of this questionnaire were carried over to version {new}."),
                &[("old", old), ("new", new)],
            ), dropped),
            Open::Opened { answers, carried_over, dropped } => (opened(*answers, carried_over.as_ref(), lang), dropped),
            Open::Unreadable { why, kept } => {
                let why = why.message(lang);
                return if *kept {
                    lang.f(msg!("The answers saved in this browser could not be read: {why}. A copy was kept (see \"Your data\" below) and you are starting with a blank assessment."), &[("why", &why)])
                } else {
                    lang.f(msg!("The answers saved in this browser could not be read: {why}. They were left untouched and saving is off for now."), &[("why", &why)])
                };
            }
            Open::ImportUndone => {
                return lang.t(msg!("The answers you had before opening the file are back.")).into()
            }
        };
        if !dropped.is_empty() {
            text.push(' ');
            text.push_str(&lang.f(
                msg!("Not carried over: {what}."),
                &[("what", &lang.summary(dropped))],
            ));
        }
        text
    }
}

/// "Opened the saved assessment (12 answers)", with the versions a migration went between.
fn opened(answers: usize, carried_over: Option<&(String, String)>, lang: Lang) -> String {
    let mut text = match answers {
        1 => lang
            .t(msg!("Opened the saved assessment (1 answer)."))
            .to_string(),
        n => lang.f(
            msg!("Opened the saved assessment ({n} answers)."),
            &[("n", &n)],
        ),
    };
    if let Some((old, new)) = carried_over {
        text.push(' ');
        text.push_str(&lang.f(
            msg!("It was made with version {old} of this questionnaire and was carried over to version {new}."),
            &[("old", &outside(old, 20)), ("new", new)],
        ));
    }
    text
}

/// What editing says, worded when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    NameTooLong,
    JustificationTooLong,
    NoteTooLong,
    NoSuchItem(String),
    /// An answer the item does not take.
    Refused(AnswerError),
    Cleared,
    /// The suggested exclusions were accepted for the `marked` controls; their intent goes to
    /// the `suppliers` items in the roadmap.
    Excluded {
        marked: Vec<String>,
        suppliers: Vec<String>,
    },
    ExclusionsUndone,
}

impl Edit {
    pub fn words(&self, lang: Lang) -> String {
        let most = lang.int(MAX_TEXT_CHARS as u64);
        match self {
            Edit::NameTooLong => lang.f(
                msg!("A name or role is limited to {n} characters."),
                &[("n", &MAX_NAME_CHARS)],
            ),
            Edit::JustificationTooLong => lang.f(
                msg!("Justifications are limited to {n} characters."),
                &[("n", &most)],
            ),
            Edit::NoteTooLong => lang.f(
                msg!("Notes are limited to {n} characters."),
                &[("n", &most)],
            ),
            Edit::NoSuchItem(item) => lang.f(
                msg!("there is no item {item} in this questionnaire"),
                &[("item", item)],
            ),
            Edit::Refused(why) => why.message(lang),
            Edit::Cleared => lang
                .t(msg!("All answers were cleared. You are starting over."))
                .into(),
            Edit::Excluded { marked, suppliers } => {
                let (n, ids) = (marked.len(), marked.join(", "));
                if suppliers.is_empty() {
                    lang.f(msg!("{n} controls were marked not applicable with the suggested justification: {ids}. Review or edit each one."), &[("n", &n), ("ids", &ids)])
                } else {
                    lang.f(msg!("{n} controls were marked not applicable with the suggested justification: {ids}. Review or edit each one; they become supplier requirements under {items} in the roadmap."), &[("n", &n), ("ids", &ids), ("items", &suppliers.join(", "))])
                }
            }
            Edit::ExclusionsUndone => lang.t(msg!("The controls are unanswered again.")).into(),
        }
    }
}

/// Why a file was refused: the browser could not read it, or what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    Unreadable,
    Refused(SavedError),
}

impl Why {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Why::Unreadable => lang.t(msg!("the browser could not read it")).into(),
            Why::Refused(why) => why.message(lang),
        }
    }
}

/// What opening a file says, worded when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum File {
    /// The file (named as it came) was not opened (or, `compare`, not compared), and why.
    Refused {
        file: String,
        why: Why,
        compare: bool,
    },
}

impl File {
    pub fn words(&self, lang: Lang) -> String {
        let File::Refused { file, why, compare } = self;
        let refusal = if *compare {
            msg!("\"{file}\" cannot be compared: {why}. Your current answers are unchanged.")
        } else {
            msg!("\"{file}\" was not opened: {why}. Your current answers are unchanged.")
        };
        lang.f(
            refusal,
            &[("file", &outside(file, 60)), ("why", &why.words(lang))],
        )
    }
}

/// What the team view says in a notice, worded when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Team {
    /// The consensus (`answers` of them) became the assessment; the notes on the `cut` items
    /// were too long to join in full.
    Adopted {
        answers: usize,
        cut: Vec<String>,
    },
    ConsensusUndone,
}

impl Team {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Team::Adopted { answers, cut } => {
                let mut text = lang.f(
                    msg!("The team's consensus ({n} answers) is now your assessment, with everyone's notes. Change any answer as usual."),
                    &[("n", answers)],
                );
                if !cut.is_empty() {
                    text.push(' ');
                    text.push_str(&lang.f(
                        msg!("The notes on {items} were too long to join in full; the save files keep them all."),
                        &[("items", &cut.join(", "))],
                    ));
                }
                text
            }
            Team::ConsensusUndone => lang
                .t(msg!(
                    "The answers you had before adopting the consensus are back."
                ))
                .into(),
        }
    }
}

/// What sharing and downloading say, worded when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sharing {
    DownloadRefused,
    /// The save file was handed to the browser under this name.
    SavedAs(String),
    /// A share link of an older version, carried over to version `new`.
    LinkCarriedOver {
        old: String,
        new: String,
    },
    LinkRefused(ShareError),
}

impl Sharing {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Sharing::DownloadRefused => lang.t(msg!("The browser refused to create the file.")).into(),
            Sharing::SavedAs(name) => lang.f(
                msg!("Saved as \"{name}\" where your browser keeps downloads. Open it here again with \"Open a saved file\", on any device."),
                &[("name", &outside(name, 80))],
            ),
            Sharing::LinkCarriedOver { old, new } => lang.f(
                msg!("The shared link was made with version {old} of this questionnaire and was carried over to version {new}."),
                &[("old", &outside(old, 20)), ("new", new)],
            ),
            Sharing::LinkRefused(why) => lang.f(
                msg!("The shared link could not be opened: {why}. Your own answers are unchanged."),
                &[("why", &why.message(lang))],
            ),
        }
    }
}

/// What this device's storage says, worded when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Device {
    Refused(SaveRefused),
    /// Another tab changed this assessment; this tab's answer was kept for these items.
    Followed(Vec<String>),
    /// Another tab's changes were merged into a save; this tab's answer was kept for these.
    Merged(Vec<String>),
    /// A copy that could not be read was kept aside before saving.
    MovedAside,
    /// Everything stored was deleted: this many entries.
    Deleted(usize),
}

impl Device {
    pub fn words(&self, lang: Lang) -> String {
        let text = match self {
            Device::Refused(SaveRefused::Full) => msg!("This browser refused to store your answers (storage is full or disabled). You can keep working and save them to a file, but they will be lost when you close the page."),
            Device::Refused(SaveRefused::CannotMoveAside) => msg!("Another copy of this assessment in this browser cannot be read and could not be kept aside, so saving is off to leave it untouched. Use \"Save to file\" to keep your answers."),
            Device::Followed(kept) if kept.is_empty() => msg!("This assessment was changed in another tab; its answers are shown here too."),
            Device::Followed(kept) => return lang.f(
                msg!("This assessment was changed in another tab; this tab's answer was kept for: {items}."),
                &[("items", &lang.summary(kept))],
            ),
            Device::Merged(kept) if kept.is_empty() => msg!("Changes made in another tab were merged with yours."),
            Device::Merged(kept) => return lang.f(
                msg!("Another tab changed the same answers; this tab's answer was kept for: {items}."),
                &[("items", &lang.summary(kept))],
            ),
            Device::MovedAside => msg!("Another copy of this assessment in this browser could not be read. It was kept (see \"Your data\" below) and your answers were saved."),
            Device::Deleted(removed) => return lang.n(
                *removed as u64,
                plural!(
                    "Deleted everything this widget stored on this device ({n} item).",
                    "Deleted everything this widget stored on this device ({n} items)."
                ),
                &[],
            ),
        };
        lang.t(text).into()
    }
}

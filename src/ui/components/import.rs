//! The confirmation before an opened file (or an imported share link) replaces answers: what it
//! holds, what it replaces, and that it can be undone.

use crate::domain::app::import;
use yew::prelude::*;

use crate::domain::app::session::PendingImport;
use crate::domain::formats::saved::Snapshot;
use crate::domain::model::date::Date;
use crate::domain::model::i18n::{msg, Lang};
use crate::ui::dispatch::Dispatch;

#[derive(PartialEq, Clone)]
pub struct ImportProps {
    pub pending: PendingImport,
    pub dispatch: Dispatch,
}

/// "12 answers and 3 notes".
fn holdings(lang: Lang, snapshot: &Snapshot) -> String {
    let answers = snapshot.answers.len();
    let notes = snapshot.notes.len();
    match (answers == 1, notes) {
        (true, 0) => lang.t(msg!("1 answer")).into(),
        (false, 0) => lang.f(msg!("{n} answers"), &[("n", &answers)]),
        (true, 1) => lang.t(msg!("1 answer and 1 note")).into(),
        (false, 1) => lang.f(msg!("{n} answers and 1 note"), &[("n", &answers)]),
        (true, m) => lang.f(msg!("1 answer and {m} notes"), &[("m", &m)]),
        (false, m) => lang.f(
            msg!("{n} answers and {m} notes"),
            &[("n", &answers), ("m", &m)],
        ),
    }
}

pub fn import_dialog(props: &ImportProps, lang: Lang) -> Html {
    let p = &props.pending;
    let restored = &p.restored;
    let confirm = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(import::Event::Confirm))
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(import::Event::Cancel))
    };
    let file = match Date::parse(restored.saved_at.get(..10).unwrap_or("")) {
        Some(date) => lang.f(
            msg!("It holds {what}, saved {date}."),
            &[
                ("what", &holdings(lang, &restored.snapshot())),
                ("date", &lang.date(date)),
            ],
        ),
        None => lang.f(
            msg!("It holds {what}."),
            &[("what", &holdings(lang, &restored.snapshot()))],
        ),
    };
    html! {
        <div class="notice confirm-import" role="alertdialog" aria-labelledby="import-title" aria-describedby="import-text">
            <div>
                <p id="import-title" class="confirm-title">{ lang.f(msg!("Open this saved assessment of the {title}?"), &[("title", &restored.questionnaire.title)]) }</p>
                <p id="import-text">
                    { file }{" "}
                    <strong>{ lang.f(msg!("It replaces the {what} you have now for that questionnaire."), &[("what", &holdings(lang, &p.replaces))]) }</strong>{" "}
                    { lang.t(msg!("You can undo this right after opening it.")) }
                </p>
            </div>
            <div class="button-row">
                <button type="button" class="button" data-testid="confirm-import" onclick={confirm}>{ lang.t(msg!("Open it and replace my answers")) }</button>
                <button type="button" class="button secondary" autofocus=true onclick={cancel}>{ lang.t(msg!("Keep my current answers")) }</button>
            </div>
        </div>
    }
}

//! What an embedding host adds: its call to action, links to its courses, messages per band and
//! weakest section, and the hand-off of a summary through the person's own mail client.

use crate::domain::app::shared;
use std::rc::Rc;
use yew::prelude::*;

use crate::domain::app::session::Session;
use crate::domain::figures::roadmap::Roadmap;
use crate::domain::figures::scoring::Assessment;
use crate::domain::formats::export::Export;
use crate::domain::host::config::{self, Handoff, Sender};
use crate::domain::host::embed::EmbedConfig;
use crate::domain::model::date::Date;
use crate::domain::model::i18n::{msg, outside, Lang};
use crate::ui::dispatch::Dispatch;
use crate::ui::use_lang;

/// The host's call to action, if it configured one. It links out; it never carries answers.
pub fn call_to_action(config: &EmbedConfig) -> Html {
    match &config.cta {
        Some(cta) => html! {
            <p class="cta no-print">
                <a class="button" href={cta.url.clone()} target="_blank" rel="noopener noreferrer" data-testid="cta">{ &cta.label }</a>
            </p>
        },
        None => Html::default(),
    }
}

/// A link to the host's course for `target` (a roadmap phase number, "1"-"5", or an Annex A
/// area id, "A.2"-"A.10"), if it configured one.
pub fn course_link(config: &EmbedConfig, target: &str, lang: Lang) -> Html {
    match config.courses.get(target) {
        Some(url) => html! {
            <a class="course-link" href={url.clone()} target="_blank" rel="noopener noreferrer" data-course={target.to_string()}>
                { lang.t(msg!("Related course")) }
            </a>
        },
        None => Html::default(),
    }
}

/// The host's words for this band and for the weakest clause or area, with their calls to
/// action (host.json or `band-<key>` in the URL); plain text, shown on screen and in print.
pub fn host_messages(config: &EmbedConfig, a: &Assessment) -> Html {
    let band = config
        .band_message(a.band)
        .map(|m| ("band", a.band.key(), m));
    let weakest = config.weakest_message(a).map(|(id, m)| ("weakest", id, m));
    let shown: Vec<_> = band.into_iter().chain(weakest).collect();
    if shown.is_empty() {
        return Html::default();
    }
    html! {
        <div class="host-messages" data-testid="host-messages">
            { for shown.into_iter().map(|(kind, key, m)| html! {
                <div class="host-message" data-kind={kind} data-key={key.to_string()}>
                    if let Some(text) = &m.message { <p>{ text }</p> }
                    if let Some(cta) = &m.cta {
                        <p><a class="button secondary" href={cta.url.clone()} target="_blank" rel="noopener noreferrer">{ &cta.label }</a>
                        <span class="print-only">{" "}{ &cta.url }</span></p>
                    }
                </div>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct HandoffProps {
    pub session: Session,
    pub assessment: Rc<Assessment>,
    pub today: Date,
    pub dispatch: Dispatch,
}

/// "Send my summary to …": the exact text, the person's own message and (if ticked) notes,
/// handed to their own mail client as a `mailto:` link. The widget itself sends nothing.
#[function_component(HandoffPanel)]
pub fn handoff_panel(props: &HandoffProps) -> Html {
    let lang = use_lang();
    let config = use_context::<Rc<EmbedConfig>>().unwrap_or_default();
    let open = use_state(|| false);
    let with_notes = use_state(|| false);
    let message = use_state(String::new);
    // Name, organisation, phone: optional, in the mail only when filled in.
    let sender = use_state(<[String; 3]>::default);
    let copied = use_state(|| false);
    let Some(contact) = config.contact.clone() else {
        return Html::default();
    };
    let name = config::host_name(&config, lang);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let button = html! {
        <button type="button" class="button secondary" aria-expanded={open.to_string()} aria-controls="handoff" data-testid="handoff-open" onclick={toggle}>
            { lang.f(msg!("Send my summary to {host}"), &[("host", &name)]) }
        </button>
    };
    if !*open {
        return html! { <p class="handoff-open no-print">{ button }</p> };
    }
    let s = &props.session;
    let roadmap = Roadmap::plan(&s.questionnaire, &s.profile, &s.answers, props.today);
    let handoff = Handoff {
        questionnaire: &s.questionnaire,
        profile: &s.profile,
        assessment: &props.assessment,
        roadmap: &roadmap,
        notes: with_notes.then_some(&s.notes),
        message: &message,
        sender: Sender {
            name: &sender[0],
            organisation: &sender[1],
            phone: &sender[2],
        },
    };
    let body = handoff.body();
    let link = handoff.mailto(&contact);
    let on_message = {
        let message = message.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            message.set(input.value());
        })
    };
    let on_notes = {
        let with_notes = with_notes.clone();
        Callback::from(move |_: web_sys::Event| with_notes.set(!*with_notes))
    };
    html! {
        <div class="handoff no-print">
            <p>{ button }</p>
            <section id="handoff" class="handoff-panel" aria-labelledby="handoff-title">
                <h2 id="handoff-title">{ lang.f(msg!("Your summary for {host}"), &[("host", &name)]) }</h2>
                <p>{ lang.t(msg!("This widget sends nothing. The link below opens your own mail program with exactly the text shown here; you decide whether to send it.")) }</p>
                { sender_fields(&sender, lang) }
                <label for="handoff-message">{ lang.t(msg!("Your message (optional)")) }</label>
                <textarea id="handoff-message" rows="3" maxlength="1000" value={(*message).clone()} oninput={on_message} data-testid="handoff-message" />
                <p><label><input type="checkbox" checked={*with_notes} onchange={on_notes} data-testid="handoff-notes" />{" "}{ lang.t(msg!("Include my notes")) }</label></p>
                <p class="muted">{ lang.f(msg!("To: {address}. Subject: {subject}"), &[("address", &outside(contact.trim_start_matches("mailto:"), 200)), ("subject", &handoff.subject())]) }</p>
                <label for="handoff-text">{ lang.t(msg!("The text that would be sent")) }</label>
                <textarea id="handoff-text" rows="12" readonly=true value={body.clone()} data-testid="handoff-text" />
                { handoff_actions(link, body, copied, &props.dispatch, lang) }
            </section>
        </div>
    }
}

/// The person's name, organisation and phone, each optional; the text below shows them as typed.
fn sender_fields(
    sender: &UseStateHandle<[String; 3]>,
    lang: crate::domain::model::i18n::Lang,
) -> Html {
    let fields = [
        (
            "handoff-name",
            msg!("Your name (optional)"),
            "name",
            "text",
            100,
        ),
        (
            "handoff-organisation",
            msg!("Organisation (optional)"),
            "organization",
            "text",
            100,
        ),
        ("handoff-phone", msg!("Phone (optional)"), "tel", "tel", 40),
    ];
    html! {
        <div class="handoff-sender">
            { for fields.into_iter().enumerate().map(|(i, (id, label, autocomplete, kind, max))| {
                let value = sender[i].clone();
                let sender = sender.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    let mut next = (*sender).clone();
                    next[i] = input.value();
                    sender.set(next);
                });
                html! {
                    <p>
                        <label for={id}>{ lang.t(label) }</label>
                        <input id={id} type={kind} autocomplete={autocomplete} maxlength={max.to_string()} {value} {oninput} data-testid={id} />
                    </p>
                }
            }) }
        </div>
    }
}

/// The mail link, or (too long for one) the save file to attach; and copying the text.
fn handoff_actions(
    link: Option<String>,
    body: String,
    copied: UseStateHandle<bool>,
    dispatch: &Dispatch,
    lang: crate::domain::model::i18n::Lang,
) -> Html {
    let label = lang.t(if *copied {
        msg!("Copied")
    } else {
        msg!("Copy the text")
    });
    let copy = Callback::from(move |_: MouseEvent| {
        let _ = gloo::utils::window()
            .navigator()
            .clipboard()
            .write_text(&body);
        copied.set(true);
    });
    let save = dispatch.send(shared::Event::Export(Export::SaveFile));
    html! {
        <div class="button-row">
            if let Some(href) = link {
                <a class="button" href={href} data-testid="handoff-mailto">{ lang.t(msg!("Open it in my mail program")) }</a>
            } else {
                <p class="notice inline" role="status" data-testid="handoff-too-long">{ lang.t(msg!("This text is too long for a mail link. Copy it into a message, and attach your save file if you want to share every answer.")) }</p>
                <button type="button" class="button secondary" data-testid="handoff-save" onclick={save}>{ lang.t(msg!("Save to file")) }</button>
            }
            <button type="button" class="button secondary" onclick={copy}>{ label }</button>
        </div>
    }
}

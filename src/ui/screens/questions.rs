//! The questions screen: one section at a time, with a section list, progress, and back/next.

use crate::domain::app::{edit, navigate};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::domain::app::session::{Progress, Session};
use crate::domain::figures::roadmap::reuse_percent;
use crate::domain::model::answers::text_length;
use crate::domain::model::answers::Answer;
use crate::domain::model::answers::MAX_TEXT_CHARS;
use crate::domain::model::i18n::{msg, Lang};
use crate::domain::model::questionnaire::{Gives, Item, Questionnaire, Reuse, REF_FRAMEWORKS};
use crate::domain::model::standard::eu_binds;
use crate::domain::{Profile, SectionKind};
use crate::ui::dispatch::Dispatch;
use crate::ui::use_lang;

#[derive(PartialEq, Clone)]
pub struct QuestionsProps {
    pub session: Session,
    pub dispatch: Dispatch,
}

/// "Clause 4" or "Annex A.6", as people say it.
pub fn section_name(id: &str, kind: SectionKind, lang: Lang) -> String {
    match kind {
        SectionKind::Clause => lang.f(msg!("Clause {id}"), &[("id", &id)]),
        SectionKind::Annex => lang.f(msg!("Annex {id}"), &[("id", &id)]),
    }
}

pub fn questions_screen(props: &QuestionsProps, lang: Lang) -> Html {
    let session = &props.session;
    let q = &session.questionnaire;
    let profile = &session.profile;

    let progress = session.progress(None);
    let send = |event: crate::domain::app::Event| props.dispatch.send(event);
    let suggested: Vec<String> = if session.offers_suggestions_here() {
        session
            .suggested()
            .map(|i| format!("{} {}", i.id, i.title))
            .collect()
    } else {
        Vec::new()
    };
    let section = &q.sections[session.section];
    let shared_profile = Rc::new(profile.clone());
    let name = |n: usize| section_name(&q.sections[n].id, q.sections[n].kind, lang);
    let (before, after) = session.neighbours();
    let next_label = after.map_or(lang.t(msg!("See your results")).to_string(), |n| {
        lang.f(msg!("Next: {section}"), &[("section", &name(n))])
    });
    let back_label = before.map_or(lang.t(msg!("Back: profile")).to_string(), |n| {
        lang.f(msg!("Back: {section}"), &[("section", &name(n))])
    });
    html! {
        <div class="questions">
            <aside class="section-nav">
                { progress_bar(progress, lang) }
                { section_list(session, &props.dispatch, lang) }
            </aside>
            <section class="section" aria-labelledby="section-title">
                // On a phone the section list scrolls away; this slim bar stays at the top.
                <div class="slim-progress" aria-hidden="true">
                    <span>{ format!("{}/{}", progress.answered, progress.applicable) }</span>
                    <progress max={progress.applicable.to_string()} value={progress.answered.to_string()}></progress>
                </div>
                if !suggested.is_empty() {
                    { suggestions(&suggested, send(edit::Event::AcceptSuggestedExclusions.into()), lang) }
                }
                <p class="eyebrow">{ section_name(&section.id, section.kind, lang) }</p>
                <h1 id="section-title" tabindex="-1">{ &section.title }</h1>
                if !section.intro.is_empty() {
                    <p class="lead">{ &section.intro }</p>
                }
                <div class="items">
                { for section.items.iter().enumerate().filter(|(_, i)| i.applies(profile)).map(|(index, item)| html! {
                    <QuestionCard key={item.id.clone()} questionnaire={Rc::clone(q)} section={session.section} {index}
                        answer={session.answers.get(&item.id).cloned()}
                        note={session.notes.get(&item.id).cloned().unwrap_or_default()}
                        suggestion={item.suggested_na(profile).map(str::to_string)}
                        profile={Rc::clone(&shared_profile)}
                        dispatch={props.dispatch.clone()} />
                }) }
                </div>
                <div class="button-row spread">
                    <button type="button" class="button secondary" data-testid="back" onclick={send(navigate::Event::PreviousSection.into())}>{ back_label }</button>
                    <button type="button" class="button" data-testid="next" onclick={send(navigate::Event::NextSection.into())}>{ next_label }</button>
                </div>
            </section>
        </div>
    }
}

/// The visible sections, each with its progress, the one on screen marked.
fn section_list(session: &Session, dispatch: &Dispatch, lang: Lang) -> Html {
    let q = &session.questionnaire;
    let send = |event: crate::domain::app::Event| dispatch.send(event);
    let nav_items = session.visible_sections().into_iter().map(|n| {
        let section = &q.sections[n];
        let Progress { answered: done, applicable: total } = session.progress(Some(n));
        let current = n == session.section;
        let complete = done == total;
        html! {
            <li>
                <button type="button" class={match (current, complete) {
                    (false, false) => "section-link",
                    (true, false) => "section-link current",
                    (false, true) => "section-link complete",
                    (true, true) => "section-link current complete",
                }}
                    aria-current={current.then_some("true")} onclick={send(navigate::Event::ShowSection(n).into())}>
                    <span class="section-id">{ &section.id }</span>
                    <span class="section-title">{ &section.title }</span>
                    <span class="section-count">
                        <span aria-hidden="true">{ format!("{done}/{total}") }</span>
                        <span class="visually-hidden">{ lang.f(msg!("{done} of {total} answered"), &[("done", &done), ("total", &total)]) }</span>
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <nav aria-label={lang.t(msg!("Sections"))}>
            <ol class="section-list">{ for nav_items }</ol>
        </nav>
    }
}

/// What an existing certification gives this item, with the share of effort the roadmap counts.
fn reuse_hint(r: &Reuse, lang: Lang) -> String {
    let args: [(&str, &dyn std::fmt::Display); 3] = [
        ("system", &r.from.label()),
        ("refs", &r.refs.join(", ")),
        ("percent", &lang.percent(reuse_percent(r.gives))),
    ];
    match r.gives {
        Gives::Reuse => lang.f(msg!("Already certified to {system}? Its process ({refs}) can be reused for AI: the roadmap counts {percent} of the effort for this item's documents, programmes and agendas. AI-specific work stays in full."), &args),
        Gives::Extend => lang.f(msg!("Already certified to {system}? Its process ({refs}) can be extended for AI: the roadmap counts {percent} of the effort for this item's documents, programmes and agendas. AI-specific work stays in full."), &args),
    }
}

/// "120 of 5,000 characters" under a text field, so the limit the decoder applies is visible
/// while typing (the field's `maxlength` enforces it).
fn length_counter(lang: Lang, id: String, count: usize) -> Html {
    let near = count * 10 >= MAX_TEXT_CHARS * 9;
    html! {
        <p {id} class={if near { "hint counter near-limit" } else { "hint counter" }} data-testid="length-counter">
            { lang.f(msg!("{n} of {max} characters"), &[("n", &lang.int(count as u64)), ("max", &lang.int(MAX_TEXT_CHARS as u64))]) }
        </p>
    }
}

/// "3 of 24 answered", with the two numbers marked for tests.
fn answered_of(lang: Lang, answered: usize, applicable: usize) -> Html {
    // The template decides the word order; the numbers stay separate elements.
    let template = lang.t(msg!("{answered} of {applicable} answered"));
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        parts.push(html! { { rest[..open].to_string() } });
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        parts.push(match &rest[open + 1..close] {
            "answered" => html! { <span data-testid="answered">{ answered }</span> },
            _ => html! { <span data-testid="applicable">{ applicable }</span> },
        });
        rest = rest.get(close + 1..).unwrap_or("");
    }
    parts.push(html! { { rest.to_string() } });
    parts.into_iter().collect()
}

/// A question card re-renders only when its own answer, note or suggestion changes: the
/// questionnaire is compared by pointer, so a click re-renders one card, not the whole section.
#[derive(Properties)]
struct CardProps {
    questionnaire: Rc<Questionnaire>,
    section: usize,
    index: usize,
    answer: Option<Answer>,
    note: String,
    suggestion: Option<String>,
    /// For the references that concern this organisation only.
    profile: Rc<crate::domain::Profile>,
    dispatch: Dispatch,
}

impl PartialEq for CardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
            && (self.section, self.index) == (other.section, other.index)
            && self.answer == other.answer
            && self.note == other.note
            && self.suggestion == other.suggestion
            && self.profile == other.profile
            && self.dispatch == other.dispatch
    }
}

/// DOM-safe form of an item id ("A.6.2.4" becomes "A-6-2-4").
fn dom_id(item: &str) -> String {
    item.replace('.', "-")
}

#[function_component(QuestionCard)]
fn question_card(props: &CardProps) -> Html {
    let lang = use_lang();
    let item = &props.questionnaire.sections[props.section].items[props.index];
    let id = dom_id(&item.id);
    let name = format!("q-{id}");
    let na_text = match &props.answer {
        Some(Answer::NotApplicable(why)) => Some(why.clone()),
        _ => None,
    };
    let justification = na_text.map(|text| justification(props, &id, text, lang));
    let refs = references(item, &props.profile, lang);
    let note = note(props, &id, lang);
    // There before the first answer too, only unseen (hidden from screen readers and the
    // keyboard as well): the card keeps its height, so a first answer never moves the questions
    // below it, under the person's finger, and the browser repaints one card, not every card
    // below it (7 ms a click on the 1,000-item page).
    let clear = {
        let dispatch = props.dispatch.clone();
        let item_id = item.id.clone();
        let class = if props.answer.is_some() {
            "link-button small"
        } else {
            "link-button small unanswered"
        };
        html! {
            <button type="button" {class} onclick={move |_| dispatch.dispatch(edit::Event::ClearAnswer(item_id.clone()))}>
                { lang.t(msg!("Clear answer")) }
            </button>
        }
    };
    html! {
        <fieldset class="question" id={format!("item-{id}")} data-item={item.id.clone()}>
            <legend>
                <span class="item-ref">
                    <span class="item-id">{ &item.id }</span>{" "}{ &item.title }
                    if item.blocker { <span class="badge blocker" title={lang.t(msg!("Needed before a certification audit"))}>{ lang.t(msg!("Audit blocker")) }</span> }
                </span>
                <span class="item-question">{ &item.question }</span>
            </legend>
            if let Some(suggestion) = &props.suggestion {
                <p class="hint suggestion">{ lang.f(msg!("Often not applicable for your profile: {reason}"), &[("reason", suggestion)]) }</p>
            }
            { answer_options(props, &name, lang) }
            { justification.unwrap_or_default() }
            <details class="why">
                <summary>{ lang.t(msg!("Why this matters")) }</summary>
                <p>{ &item.why }</p>
                { for item.reuse.iter().map(|r| html! {
                    <p class="reuse-hint">{ reuse_hint(r, lang) }</p>
                }) }
                if !refs.is_empty() {
                    <p class="refs-title">{ lang.t(msg!("Related references")) }</p>
                    <ul class="refs">{ for refs }</ul>
                }
            </details>
            { note }
            { clear }
        </fieldset>
    }
}

/// The justification of a "not applicable" answer, with its limit and counter.
fn justification(props: &CardProps, id: &str, text: String, lang: Lang) -> Html {
    let item = &props.questionnaire.sections[props.section].items[props.index];
    let dispatch = props.dispatch.clone();
    let item_id = item.id.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        dispatch.dispatch(edit::Event::Answer {
            item: item_id.clone(),
            answer: Answer::NotApplicable(area.value()),
        });
    });
    let empty = text.trim().is_empty();
    let area_id = format!("{id}-justification");
    let count = text_length(&text);
    html! {
        <div class="justification">
            <label for={area_id.clone()}>{ lang.t(msg!("Why does this control not apply to you?")) }</label>
            <textarea id={area_id} rows="2" value={text} {oninput} aria-invalid={empty.to_string()}
                maxlength={MAX_TEXT_CHARS.to_string()}
                aria-describedby={format!("{id}-justification-hint {id}-justification-count")} />
            <p id={format!("{id}-justification-hint")} class={if empty { "hint error-text" } else { "hint" }} aria-live="polite">
                { lang.t(if empty { msg!("A justification is required before this counts as answered.") } else { msg!("Saved with your answers.") }) }
            </p>
            { length_counter(lang, format!("{id}-justification-count"), count) }
        </div>
    }
}

/// The item's references to other frameworks; EU AI Act articles say whom they bind and show
/// only where the profile is concerned.
fn references(item: &Item, profile: &Profile, lang: Lang) -> Vec<Html> {
    REF_FRAMEWORKS
        .iter()
        .filter_map(|(key, label)| {
            let list = item.refs.get(*key).filter(|r| !r.is_empty())?;
            // EU AI Act articles say whom they bind, and show only where the profile is concerned.
            let shown: Vec<String> = if *key == "eu_ai_act" {
                list.iter()
                    .filter_map(|a| match eu_binds(a) {
                        Some(b) if b.concerns(profile) => Some(format!("{a} ({})", b.label(lang))),
                        Some(_) => None,
                        None => Some(a.clone()),
                    })
                    .collect()
            } else {
                list.clone()
            };
            (!shown.is_empty()).then(|| {
                html! { <li data-framework={*key}><span class="ref-framework">{ label.show(lang) }</span>{": "}{ shown.join(", ") }</li> }
            })
        })
        .collect()
}

/// The free-text note of an item: what exists, where, who owns it.
fn note(props: &CardProps, id: &str, lang: Lang) -> Html {
    let item = &props.questionnaire.sections[props.section].items[props.index];
    let dispatch = props.dispatch.clone();
    let item_id = item.id.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        dispatch.dispatch(edit::Event::Note {
            item: item_id.clone(),
            text: area.value(),
        });
    });
    let note_id = format!("note-{id}");
    html! {
        <details class="note" open={!props.note.is_empty()}>
            <summary>{ lang.t(if props.note.is_empty() { msg!("Add a note") } else { msg!("Your note") }) }</summary>
            <label for={note_id.clone()} class="hint">{ lang.t(msg!("What exists, where it is kept, who owns it. Saved with your answers and included in every export.")) }</label>
            <textarea id={note_id.clone()} rows="3" maxlength={MAX_TEXT_CHARS.to_string()} value={props.note.clone()} {oninput}
                aria-describedby={format!("{note_id}-count")} />
            { length_counter(lang, format!("{note_id}-count"), text_length(&props.note)) }
        </details>
    }
}

/// The overall progress, as text and as a bar.
fn progress_bar(progress: Progress, lang: Lang) -> Html {
    html! {
        <div class="progress" role="group" aria-label={lang.t(msg!("Progress"))}>
            <p id="progress-text" aria-live="polite">
                { answered_of(lang, progress.answered, progress.applicable) }
            </p>
            <progress max={progress.applicable.to_string()} value={progress.answered.to_string()} aria-labelledby="progress-text">
                { lang.percent(progress.percent()) }
            </progress>
        </div>
    }
}

/// The offer to mark the development controls an AI user usually excludes, naming each one,
/// with its warning; the notice after it can undo it.
fn suggestions(controls: &[String], accept: Callback<MouseEvent>, lang: Lang) -> Html {
    html! {
        <div class="notice suggestions" data-testid="suggestions">
            <p>{ lang.f(msg!("For an organisation that only uses AI from others, {n} development controls are usually not applicable:"), &[("n", &controls.len())]) }</p>
            <ul class="suggested-controls">{ for controls.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
            <p class="warning-text" data-testid="gpai-warning">{ lang.t(msg!("Check first: if you build on general-purpose AI models (answers from your own documents, fine-tuning, agents that act for you), you may be developing an AI system yourself, and these controls then apply.")) }</p>
            <button type="button" class="button secondary" onclick={accept}>
                { lang.f(msg!("Mark these {n} not applicable"), &[("n", &controls.len())]) }
            </button>
        </div>
    }
}

/// The scale's levels with this item's evidence for each, "don't know" and, where the item
/// allows it, "not applicable".
fn answer_options(props: &CardProps, name: &str, lang: Lang) -> Html {
    let item = &props.questionnaire.sections[props.section].items[props.index];
    let scale = &props.questionnaire.scale;
    let na_chosen = matches!(props.answer, Some(Answer::NotApplicable(_)));
    let answer_with = |answer: Answer| {
        let dispatch = props.dispatch.clone();
        let item = item.id.clone();
        Callback::from(move |_: web_sys::Event| {
            dispatch.dispatch(edit::Event::Answer {
                item: item.clone(),
                answer: answer.clone(),
            })
        })
    };
    let option = |value: String, label: Html, checked: bool, onchange: Callback<web_sys::Event>| {
        let input_id = format!("{name}-{value}");
        // A tap (not a keyboard choice, whose click has no count) on a level or "don't know"
        // moves on; "not applicable" stays for its justification.
        let moves_on = value != "not-applicable";
        let onclick = Callback::from(move |e: MouseEvent| {
            // Yew delegates events: the target, not the current target, is inside the card.
            let question = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|inner| inner.closest("fieldset.question").ok().flatten());
            if let (true, Some(question)) = (moves_on && e.detail() > 0, question) {
                crate::ui::hooks::after_tap(question);
            }
        });
        html! {
            <label class={if checked { "option selected" } else { "option" }} for={input_id.clone()} {onclick}>
                <input type="radio" id={input_id} name={name.to_string()} value={value} {checked} {onchange} />
                <span class="option-body">{ label }</span>
            </label>
        }
    };
    let levels = scale.levels.iter().zip(&item.levels).map(|(level, evidence)| {
        let checked = props.answer == Some(Answer::Level(level.value));
        let label = html! {
            <>
                <span class="option-title"><span class="level-number">{ level.value }</span>{ &level.label }</span>
                <span class="option-text">{ evidence }</span>
            </>
        };
        option(level.value.to_string(), label, checked, answer_with(Answer::Level(level.value)))
    });
    let dont_know = option(
        "dont-know".into(),
        html! { <span class="option-title">{ lang.t(msg!("Don't know")) }</span> },
        props.answer == Some(Answer::DontKnow),
        answer_with(Answer::DontKnow),
    );
    let not_applicable = item.can_be_not_applicable().then(|| {
        let prefill = props.suggestion.clone().unwrap_or_default();
        option(
            "not-applicable".into(),
            html! { <span class="option-title">{ lang.t(msg!("Not applicable")) }<span class="option-text">{" "}{ lang.t(msg!("(needs a short justification for the Statement of Applicability)")) }</span></span> },
            na_chosen,
            answer_with(Answer::NotApplicable(prefill)),
        )
    });
    html! {
        <div class="options">
            { for levels }
            { dont_know }
            { not_applicable.unwrap_or_default() }
        </div>
    }
}

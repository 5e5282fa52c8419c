//! The organisation profile form: not scored, but it decides which items apply and shapes the roadmap.

use crate::domain::app::{edit, navigate};
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::app::session::Screen;
use crate::domain::model::answers::MAX_NAME_CHARS;
use crate::domain::model::date::Date;
use crate::domain::model::i18n::{msg, Lang, Msg};
use crate::domain::model::profile::{EuRole, ProfileField, Screening, MAX_SYSTEMS};
use crate::domain::{AiRole, Certification, HighRisk, Profile, SizeBand};
use crate::ui::dispatch::Dispatch;
use crate::ui::use_lang;

#[derive(Properties, PartialEq, Clone)]
pub struct ProfileProps {
    pub profile: Profile,
    /// The questionnaire, its length and time, and the privacy promise, in one line.
    pub about: String,
    /// The respondent's name or role, as typed.
    pub respondent: String,
    pub dispatch: Dispatch,
}

/// Applies a change to a copy of the profile and sends it.
type Update = Rc<dyn Fn(Box<dyn Fn(&mut Profile)>)>;

/// What ticking (true) or unticking a checkbox does to the profile.
type Toggle = Rc<dyn Fn(&mut Profile, bool)>;

/// Sends the profile with one change applied.
fn updater(profile: &Profile, dispatch: &Dispatch) -> Update {
    let (profile, dispatch) = (profile.clone(), dispatch.clone());
    Rc::new(move |change: Box<dyn Fn(&mut Profile)>| {
        let mut next = profile.clone();
        change(&mut next);
        dispatch.dispatch(edit::Event::UpdateProfile(next));
    })
}

/// One radio button per value; choosing one sets it with `set`.
fn radios<T: Copy + PartialEq + 'static>(
    name: &'static str,
    values: &[T],
    current: Option<T>,
    text: impl Fn(T) -> (&'static str, String),
    set: fn(&mut Profile, T),
    update: &Update,
) -> Html {
    values
        .iter()
        .map(|&value| {
            let (key, label) = text(value);
            let update = update.clone();
            let onchange = Callback::from(move |_| update(Box::new(move |p| set(p, value))));
            html! {
                <label class="choice">
                    <input type="radio" {name} value={key} checked={current == Some(value)} {onchange} />
                    <span>{ label }</span>
                </label>
            }
        })
        .collect()
}

/// One checkbox: ticking or unticking it calls `set` with its new state.
fn checkbox(
    name: &'static str,
    key: &'static str,
    checked: bool,
    label: Html,
    set: Toggle,
    update: &Update,
) -> Html {
    let update = update.clone();
    let onchange = Callback::from(move |e: Event2| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        let set = set.clone();
        update(Box::new(move |p| set(p, on)))
    });
    html! {
        <label class="choice">
            <input type="checkbox" {name} value={key} {checked} {onchange} />
            <span>{ label }</span>
        </label>
    }
}

/// The certifications held, with "None of these" (an explicit answer, not an empty one).
fn certifications(profile: &Profile, update: &Update, lang: Lang) -> Html {
    let none_held = profile
        .certifications
        .as_ref()
        .is_some_and(BTreeSet::is_empty);
    let held = Certification::ALL.map(|cert| {
        let set = Rc::new(move |p: &mut Profile, on: bool| {
            let mut held = p.certifications.clone().unwrap_or_default();
            if on {
                held.insert(cert);
            } else {
                held.remove(&cert);
            }
            p.certifications = if held.is_empty() { None } else { Some(held) };
        });
        checkbox(
            "certifications",
            cert.key(),
            profile.holds(cert),
            html! { cert.label() },
            set,
            update,
        )
    });
    let none = Rc::new(|p: &mut Profile, on: bool| p.certifications = on.then(BTreeSet::new));
    html! {
        <div class="choices">
            { for held }
            { checkbox("certifications", "none", none_held, html! { lang.t(msg!("None of these")) }, none, update) }
        </div>
    }
}

/// The AI roles, each with the EU AI Act's term for it.
fn roles(profile: &Profile, update: &Update, lang: Lang) -> Html {
    AiRole::ALL
        .map(|role| {
            let set = Rc::new(move |p: &mut Profile, on: bool| {
                if on { p.roles.insert(role); } else { p.roles.remove(&role); }
            });
            let label = html! { <>{ role.label(lang) }<span class="hint role-term">{ format!(" ({})", role.eu_term(lang)) }</span></> };
            checkbox("roles", role.key(), profile.roles.contains(&role), label, set, update)
        })
        .into_iter()
        .collect()
}

/// The EU AI Act's other supply-chain roles, whose duties attach only to high-risk systems.
fn eu_roles(profile: &Profile, update: &Update, lang: Lang) -> Html {
    let choices: Html = EuRole::ALL
        .map(|role| {
            let set = Rc::new(move |p: &mut Profile, on: bool| {
                if on {
                    p.eu_roles.insert(role);
                } else {
                    p.eu_roles.remove(&role);
                }
            });
            let label = html! { role.label(lang) };
            checkbox(
                "eu_roles",
                role.key(),
                profile.eu_roles.contains(&role),
                label,
                set,
                update,
            )
        })
        .into_iter()
        .collect();
    let legend = msg!("For high-risk AI systems, do you also play one of these roles under the EU AI Act? Choose any that apply (optional).");
    let hint = msg!("Their duties (Art. 22-24) apply only to high-risk systems. A distributor or importer that puts its name on a high-risk system or substantially modifies it becomes its provider (Art. 25(1)).");
    let choices = html! { <div class="choices">{ choices }</div> };
    group(
        ("group", Some("eu-roles")),
        legend,
        Some(hint),
        choices,
        lang,
    )
}

/// One question of the form: a fieldset with its legend, an optional hint and its choices.
fn group(
    (class, testid): (&'static str, Option<&'static str>),
    legend: Msg,
    hint: Option<Msg>,
    choices: Html,
    lang: Lang,
) -> Html {
    html! {
        <fieldset {class} data-testid={testid}>
            <legend>{ lang.t(legend) }</legend>
            if let Some(hint) = hint { <p class="hint">{ lang.t(hint) }</p> }
            { choices }
        </fieldset>
    }
}

/// The two EU AI Act screenings: high-risk systems and prohibited practices.
fn ai_act(
    profile: &Profile,
    update: &Update,
    lang: Lang,
    group_class: &dyn Fn(ProfileField) -> &'static str,
) -> Html {
    let risk = radios(
        "high_risk",
        &HighRisk::ALL,
        profile.high_risk,
        |a| (a.key(), a.label(lang).to_string()),
        |p, a| p.high_risk = Some(a),
        update,
    );
    let prohibited = radios(
        "prohibited",
        &Screening::ALL,
        profile.prohibited,
        |a| (a.key(), a.label(lang).to_string()),
        |p, a| p.prohibited = Some(a),
        update,
    );
    let risk = group(
        (group_class(ProfileField::HighRisk), None),
        msg!("Could any of your AI systems be high-risk under the EU AI Act (Art. 6 and Annex III)?"),
        Some(msg!("For example AI used in hiring, credit scoring, education, critical infrastructure or law enforcement, or as a safety component of a regulated product. \"Not sure\" adds the classification to the roadmap.")),
        html! { <div class="choices inline">{ risk }</div> },
        lang,
    );
    let prohibited = group(
        (group_class(ProfileField::Prohibited), None),
        msg!("Could any current or planned use of AI be a practice the EU AI Act prohibits (Art. 5)?"),
        Some(msg!("For example recognising the emotions of staff at work or of pupils and students in education, scoring people's social behaviour, manipulating people in ways that harm them, exploiting vulnerabilities, or building facial recognition databases by untargeted scraping: prohibited since 2 February 2025. From 2 December 2026 also AI that generates intimate images of people without their consent or child sexual abuse material.")),
        html! { <div class="choices inline">{ prohibited }</div> },
        lang,
    );
    html! {
        <>
        { risk }
        if profile.may_be_high_risk() { { eu_roles(profile, update, lang) } }
        { prohibited }
        </>
    }
}

#[function_component(ProfileScreen)]
pub fn profile_screen(props: &ProfileProps) -> Html {
    let lang = use_lang();
    let attempted = use_state(|| false);
    let profile = &props.profile;
    let update = updater(profile, &props.dispatch);
    let on = |change: fn(&mut Profile, &HtmlInputElement)| {
        let update = update.clone();
        Callback::from(move |e: Event2| {
            let input: HtmlInputElement = e.target_unchecked_into();
            update(Box::new(move |p| change(p, &input)));
        })
    };
    let missing = profile.missing();
    let group_class = |field: ProfileField| {
        if *attempted && missing.contains(&field) {
            "group invalid"
        } else {
            "group"
        }
    };
    let sizes = radios(
        "size",
        &SizeBand::ALL,
        profile.size,
        |s| (s.key(), s.label(lang).to_string()),
        |p, s| p.size = Some(s),
        &update,
    );
    let on_systems = on(|p, input| p.systems = input.value().trim().parse().unwrap_or(0));
    let on_target = on(|p, input| p.target_date = Date::parse(&input.value()));
    // The form submits with its button or with Enter in any field.
    let on_submit = {
        let (attempted, dispatch, complete) = (
            attempted.clone(),
            props.dispatch.clone(),
            profile.is_complete(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            attempted.set(true);
            if complete {
                dispatch.dispatch(navigate::Event::Show(Screen::Questions));
            }
        })
    };
    html! {
        <section class="profile" aria-labelledby="profile-title">
            <h1 id="profile-title" tabindex="-1">{ lang.t(msg!("Your organisation")) }</h1>
            <p class="about" data-testid="profile-about">{ &props.about }</p>
            <p class="lead">{ lang.t(msg!("These answers are not scored. They decide which questions apply to you and how long the roadmap takes.")) }</p>
            <form class="profile-form" onsubmit={on_submit}>
                { group((group_class(ProfileField::Size), None), msg!("How many people work in your organisation?"), None, html! { <div class="choices">{ sizes }</div> }, lang) }
                { group((group_class(ProfileField::Roles), None), msg!("What do you do with AI? Choose all that apply."), None, html! { <div class="choices">{ roles(profile, &update, lang) }</div> }, lang) }
                { systems(profile.systems, on_systems, group_class(ProfileField::Systems), lang) }
                { group((group_class(ProfileField::Certifications), None), msg!("Which certifications do you already hold?"), Some(msg!("An existing management system lets you reuse processes such as document control, internal audit and management review.")), certifications(profile, &update, lang), lang) }
                { ai_act(profile, &update, lang, &group_class) }
                { target_date(profile.target_date, on_target, lang) }
                { respondent(&props.respondent, &props.dispatch, lang) }
                { form_errors(if *attempted { &missing } else { &[] }, lang) }
                <div class="button-row">
                    <button type="submit" class="button" data-testid="profile-continue">{ lang.t(msg!("Continue to the questions")) }</button>
                </div>
            </form>
        </section>
    }
}

type Event2 = web_sys::Event;

/// What is still missing, announced politely once the person tried to continue.
fn form_errors(missing: &[ProfileField], lang: Lang) -> Html {
    let fields = missing
        .iter()
        .map(|f| lang.f(f.label(), &[("max", &MAX_SYSTEMS)]))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <div aria-live="polite" class="form-errors">
            if !missing.is_empty() {
                <p class="error-text">{ lang.f(msg!("Please answer: {fields}."), &[("fields", &fields)]) }</p>
            }
        </div>
    }
}

/// The respondent's optional name or role: it names their save file and heads their column
/// when a facilitator compares a workshop's files.
fn respondent(name: &str, dispatch: &Dispatch, lang: Lang) -> Html {
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(edit::Event::SetRespondent(input.value()));
        })
    };
    html! {
        <div class="group">
            <label for="respondent" class="legend">{ lang.t(msg!("Your name or role (optional)")) }</label>
            <p class="hint" id="respondent-hint">{ lang.t(msg!("In a workshop, the facilitator sees it above your answers. It names your save file and stays on this device otherwise; share links never carry it.")) }</p>
            <input id="respondent" type="text" autocomplete="name" maxlength={MAX_NAME_CHARS.to_string()}
                aria-describedby="respondent-hint" value={name.to_string()} {oninput} data-testid="respondent" />
        </div>
    }
}

/// The optional target date of a certification audit.
fn target_date(date: Option<Date>, onchange: Callback<Event2>, lang: Lang) -> Html {
    html! {
        <div class="group">
            <label for="target" class="legend">{ lang.t(msg!("Target date for a certification audit (optional)")) }</label>
            <p class="hint" id="target-hint">{ lang.t(msg!("The roadmap will tell you whether it is realistic.")) }</p>
            <input id="target" type="date" aria-describedby="target-hint"
                value={date.map(|d| d.to_string()).unwrap_or_default()} {onchange} />
        </div>
    }
}

/// How many AI systems the management system covers (it sizes the per-system work).
fn systems(count: u32, onchange: Callback<Event2>, class: &'static str, lang: Lang) -> Html {
    html! {
        <div {class}>
            <label for="systems" class="legend">{ lang.t(msg!("How many AI systems will your AI management system cover?")) }</label>
            <p class="hint" id="systems-hint">{ lang.t(msg!("Count AI features inside purchased software too. A rough number is fine.")) }</p>
            <input id="systems" type="number" min="1" max={MAX_SYSTEMS.to_string()} inputmode="numeric"
                aria-describedby="systems-hint" value={count.to_string()} {onchange} />
        </div>
    }
}

//! The organisation profile form: not scored, but it decides which items apply and shapes the roadmap.

use std::collections::BTreeSet;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::date::Date;
use crate::domain::profile::{ProfileField, Screening, MAX_SYSTEMS};
use crate::domain::session::{Event, Screen};
use crate::domain::{AiRole, Certification, HighRisk, Profile, SizeBand};
use crate::ui::dispatch::Dispatch;
use crate::ui::use_lang;

#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub profile: Profile,
    pub dispatch: Dispatch,
}

#[function_component(ProfileScreen)]
pub fn profile_screen(props: &ProfileProps) -> Html {
    let lang = use_lang();
    let attempted = use_state(|| false);
    let profile = &props.profile;
    let update = {
        let dispatch = props.dispatch.clone();
        let profile = profile.clone();
        move |change: Box<dyn Fn(&mut Profile)>| {
            let mut next = profile.clone();
            change(&mut next);
            dispatch.dispatch(Event::UpdateProfile(next));
        }
    };
    let on = |change: fn(&mut Profile, &HtmlInputElement)| {
        let update = update.clone();
        Callback::from(move |e: Event2| {
            let input: HtmlInputElement = e.target_unchecked_into();
            update(Box::new(move |p| change(p, &input)));
        })
    };
    let missing = profile.missing();
    let invalid = |field: ProfileField| *attempted && missing.contains(&field);

    let size_options = SizeBand::ALL.map(|size| {
        let checked = profile.size == Some(size);
        let update = update.clone();
        html! {
            <label class="choice">
                <input type="radio" name="size" value={size.key()} {checked}
                    onchange={Callback::from(move |_| update(Box::new(move |p| p.size = Some(size))))} />
                <span>{ size.label(lang) }</span>
            </label>
        }
    });
    let role_options = AiRole::ALL.map(|role| {
        let checked = profile.roles.contains(&role);
        let update = update.clone();
        html! {
            <label class="choice">
                <input type="checkbox" name="roles" value={role.key()} {checked}
                    onchange={Callback::from(move |e: Event2| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        update(Box::new(move |p| { if on { p.roles.insert(role); } else { p.roles.remove(&role); } }))
                    })} />
                <span>{ role.label(lang) }<span class="hint role-term">{ format!(" ({})", role.eu_term(lang)) }</span></span>
            </label>
        }
    });
    let prohibited_options = Screening::ALL.map(|answer| {
        let checked = profile.prohibited == Some(answer);
        let update = update.clone();
        html! {
            <label class="choice">
                <input type="radio" name="prohibited" value={answer.key()} {checked}
                    onchange={Callback::from(move |_| update(Box::new(move |p| p.prohibited = Some(answer))))} />
                <span>{ answer.label(lang) }</span>
            </label>
        }
    });
    let none_held = profile
        .certifications
        .as_ref()
        .is_some_and(BTreeSet::is_empty);
    let cert_options = Certification::ALL.map(|cert| {
        let checked = profile.holds(cert);
        let update = update.clone();
        html! {
            <label class="choice">
                <input type="checkbox" name="certifications" value={cert.key()} {checked}
                    onchange={Callback::from(move |e: Event2| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        update(Box::new(move |p| {
                            let mut held = p.certifications.clone().unwrap_or_default();
                            if on { held.insert(cert); } else { held.remove(&cert); }
                            p.certifications = if held.is_empty() { None } else { Some(held) };
                        }))
                    })} />
                <span>{ cert.label() }</span>
            </label>
        }
    });
    let risk_options = HighRisk::ALL.map(|answer| {
        let checked = profile.high_risk == Some(answer);
        let update = update.clone();
        html! {
            <label class="choice">
                <input type="radio" name="high_risk" value={answer.key()} {checked}
                    onchange={Callback::from(move |_| update(Box::new(move |p| p.high_risk = Some(answer))))} />
                <span>{ answer.label(lang) }</span>
            </label>
        }
    });

    let on_none = on(|p, input| {
        p.certifications = if input.checked() {
            Some(BTreeSet::new())
        } else {
            None
        };
    });
    let on_systems = on(|p, input| {
        p.systems = input.value().trim().parse().unwrap_or(0);
    });
    let on_target = on(|p, input| p.target_date = Date::parse(&input.value()));

    // The form submits with its button or with Enter in any field.
    let on_submit = {
        let attempted = attempted.clone();
        let dispatch = props.dispatch.clone();
        let complete = profile.is_complete();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            attempted.set(true);
            if complete {
                dispatch.dispatch(Event::Show(Screen::Questions));
            }
        })
    };
    let group_class = |field: ProfileField| classes!("group", invalid(field).then_some("invalid"));
    let missing_text = missing
        .iter()
        .map(|f| lang.f(f.label(), &[("max", &MAX_SYSTEMS)]))
        .collect::<Vec<_>>()
        .join("; ");

    html! {
        <section class="profile" aria-labelledby="profile-title">
            <h1 id="profile-title" tabindex="-1">{ lang.t("Your organisation") }</h1>
            <p class="lead">{ lang.t("These answers are not scored. They decide which questions apply to you and how long the roadmap takes.") }</p>
            <form class="profile-form" onsubmit={on_submit}>
                <fieldset class={group_class(ProfileField::Size)}>
                    <legend>{ lang.t("How many people work in your organisation?") }</legend>
                    <div class="choices">{ for size_options }</div>
                </fieldset>
                <fieldset class={group_class(ProfileField::Roles)}>
                    <legend>{ lang.t("What do you do with AI? Choose all that apply.") }</legend>
                    <div class="choices">{ for role_options }</div>
                </fieldset>
                <div class={group_class(ProfileField::Systems)}>
                    <label for="systems" class="legend">{ lang.t("How many AI systems will your AI management system cover?") }</label>
                    <p class="hint" id="systems-hint">{ lang.t("Count AI features inside purchased software too. A rough number is fine.") }</p>
                    <input id="systems" type="number" min="1" max={MAX_SYSTEMS.to_string()} inputmode="numeric"
                        aria-describedby="systems-hint" value={profile.systems.to_string()} onchange={on_systems} />
                </div>
                <fieldset class={group_class(ProfileField::Certifications)}>
                    <legend>{ lang.t("Which certifications do you already hold?") }</legend>
                    <p class="hint">{ lang.t("An existing management system lets you reuse processes such as document control, internal audit and management review.") }</p>
                    <div class="choices">
                        { for cert_options }
                        <label class="choice">
                            <input type="checkbox" name="certifications" value="none" checked={none_held} onchange={on_none} />
                            <span>{ lang.t("None of these") }</span>
                        </label>
                    </div>
                </fieldset>
                <fieldset class={group_class(ProfileField::HighRisk)}>
                    <legend>{ lang.t("Could any of your AI systems be high-risk under the EU AI Act (Art. 6 and Annex III)?") }</legend>
                    <p class="hint">{ lang.t("For example AI used in hiring, credit scoring, education, critical infrastructure or law enforcement, or as a safety component of a regulated product. \"Not sure\" adds the classification to the roadmap.") }</p>
                    <div class="choices inline">{ for risk_options }</div>
                </fieldset>
                <fieldset class={group_class(ProfileField::Prohibited)}>
                    <legend>{ lang.t("Could any current or planned use of AI be a practice the EU AI Act prohibits (Art. 5)?") }</legend>
                    <p class="hint">{ lang.t("For example scoring people's social behaviour, manipulating people in ways that harm them, exploiting vulnerabilities, or building facial recognition databases by untargeted scraping. Prohibited since 2 February 2025.") }</p>
                    <div class="choices inline">{ for prohibited_options }</div>
                </fieldset>
                <div class="group">
                    <label for="target" class="legend">{ lang.t("Target date for a certification audit (optional)") }</label>
                    <p class="hint" id="target-hint">{ lang.t("The roadmap will tell you whether it is realistic.") }</p>
                    <input id="target" type="date" aria-describedby="target-hint"
                        value={profile.target_date.map(|d| d.to_string()).unwrap_or_default()} onchange={on_target} />
                </div>
                <div aria-live="polite" class="form-errors">
                    if *attempted && !missing.is_empty() {
                        <p class="error-text">{ lang.f("Please answer: {fields}.", &[("fields", &missing_text)]) }</p>
                    }
                </div>
                <div class="button-row">
                    <button type="submit" class="button" data-testid="profile-continue">{ lang.t("Continue to the questions") }</button>
                </div>
            </form>
        </section>
    }
}

type Event2 = web_sys::Event;

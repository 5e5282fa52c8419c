//! What an embedding host adds: its call to action and links to its courses (from the embed URL).

use std::rc::Rc;
use yew::prelude::*;

use crate::domain::embed::EmbedConfig;
use crate::ui::use_lang;

/// The host's call to action, if it configured one. It links out; it never carries answers.
#[function_component(CallToActionLink)]
pub fn call_to_action() -> Html {
    let config = use_context::<Rc<EmbedConfig>>().unwrap_or_default();
    match &config.cta {
        Some(cta) => html! {
            <p class="cta no-print">
                <a class="button" href={cta.url.clone()} target="_blank" rel="noopener noreferrer" data-testid="cta">{ &cta.label }</a>
            </p>
        },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct CourseProps {
    /// A roadmap phase number ("1"-"5") or an Annex A area id ("A.2"-"A.10").
    pub target: String,
}

/// A link to the host's course for a phase or an Annex A area, if it configured one.
#[function_component(CourseLink)]
pub fn course_link(props: &CourseProps) -> Html {
    let lang = use_lang();
    let config = use_context::<Rc<EmbedConfig>>().unwrap_or_default();
    match config.courses.get(&props.target) {
        Some(url) => html! {
            <a class="course-link" href={url.clone()} target="_blank" rel="noopener noreferrer" data-course={props.target.clone()}>
                { lang.t("Related course") }
            </a>
        },
        None => Html::default(),
    }
}

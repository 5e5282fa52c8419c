//! How components send events to the root: one callback into the domain's app transition.

use yew::Callback;

use super::files;
use crate::domain::app::{Event, Purpose};

/// Sends an event (an app event, or an assessment-flow event) to the root.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub Callback<Event>);

impl Dispatch {
    pub fn dispatch(&self, event: impl Into<Event>) {
        self.0.emit(event.into());
    }

    /// A click handler that sends `event`.
    pub fn send<E: Into<Event> + Clone + 'static>(&self, event: E) -> Callback<yew::MouseEvent> {
        let dispatch = self.clone();
        Callback::from(move |_| dispatch.dispatch(event.clone()))
    }

    /// A callback that reads a chosen or dropped file and sends its bytes for `purpose`.
    pub fn file_reader(&self, purpose: Purpose) -> Callback<web_sys::File> {
        let dispatch = self.clone();
        Callback::from(move |file| {
            let dispatch = dispatch.clone();
            files::read_into(file, purpose, move |event| dispatch.dispatch(event))
        })
    }
}

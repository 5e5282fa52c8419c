//! Reusable pieces of the interface: navigation, notices, charts, footer.

mod bar_chart;
mod chrome;
mod host;
mod import;
mod legal;
mod timeline;

pub use bar_chart::{bar_chart, Bar};
pub use chrome::{
    language_picker, notice_bar, open_file_button, NoticeProps, OpenFile, StepNav, StepNavProps,
    YourData, YourDataProps,
};
pub use host::{call_to_action, course_link, host_messages, HandoffPanel};
pub use import::{import_dialog, ImportProps};
pub use legal::LegalDates;
pub use timeline::timeline;

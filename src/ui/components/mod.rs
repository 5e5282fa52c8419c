//! Reusable pieces of the interface: navigation, notices, charts, footer.

mod bar_chart;
mod chrome;
mod host;
mod import;
mod legal;
mod timeline;

pub use bar_chart::{Bar, BarChart};
pub use chrome::{
    LanguagePicker, NoticeBar, NoticeProps, OpenFileButton, StepNav, StepNavProps, YourData,
    YourDataProps,
};
pub use host::{CallToActionLink, CourseLink, HandoffPanel, HostMessages};
pub use import::{ImportDialog, ImportProps};
pub use legal::LegalDates;
pub use timeline::Timeline;

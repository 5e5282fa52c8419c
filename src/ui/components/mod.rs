//! Reusable pieces of the interface: navigation, notices, charts, footer.

mod bar_chart;
mod chrome;
mod host;
mod import;
mod legal;
mod timeline;

pub use bar_chart::{Bar, BarChart};
pub use chrome::{Footer, LanguagePicker, NoticeBar, OpenFileButton, StepNav, StepNavProps};
pub use host::{CallToActionLink, CourseLink, HandoffPanel, HostMessages};
pub use import::ImportDialog;
pub use legal::LegalDates;
pub use timeline::Timeline;

//! The widget's screens, one per step: start, profile, questions, results, roadmap; the
//! printable report and adviser's sheet, the shared view and the team view.

mod adviser;
mod profile;
mod questions;
mod report;
mod results;
mod roadmap;
mod shared;
mod start;
mod team;

pub use adviser::AdviserScreen;
pub use profile::ProfileScreen;
pub use questions::QuestionsScreen;
pub use report::ReportScreen;
pub use results::ResultsScreen;
pub use roadmap::RoadmapScreen;
pub use shared::SharedView;
pub use start::StartScreen;
pub use team::TeamScreen;

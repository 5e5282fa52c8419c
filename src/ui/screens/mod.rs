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

pub use adviser::{adviser_screen, AdviserProps};
pub use profile::{ProfileProps, ProfileScreen};
pub use questions::{questions_screen, QuestionsProps};
pub use report::{ReportProps, ReportScreen};
pub use results::{bars, ResultsProps, ResultsScreen};
pub use roadmap::{RoadmapProps, RoadmapScreen};
pub use shared::{SharedProps, SharedView};
pub use start::{start_screen, StartProps};
pub use team::{team_screen, TeamProps};

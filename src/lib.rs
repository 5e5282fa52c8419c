//! ISO/IEC 42001 readiness check: a pure domain core and the Yew shell that renders it.
/// The domain crate (`domain/`), under the name the shell has always used.
pub use aims_domain as domain;
pub mod ui;

//! ISO/IEC 42001 readiness check: a pure domain core and the Yew shell that renders it.
pub mod domain;
pub mod ui;

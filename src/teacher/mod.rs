//! Teacher mode's domain: classes of pseudonymous pupils, class sessions of a quiz
//! (answers from a shared device, from result codes, or tallied), the reports a
//! teacher reads, CSV export, the backup format and the PIN's lockout. Plain Rust: no
//! Dioxus, no SQL (teacher data is stored by `crate::storage::Teacher`).

pub mod backup;
pub mod codes;
pub mod csv;
pub mod entry;
pub mod form;
pub mod model;
pub mod report;
pub mod tally;

pub use backup::*;
pub use codes::*;
pub use csv::*;
pub use form::*;
pub use model::*;
pub use report::*;

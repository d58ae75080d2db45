//! Sauga: an offline app that helps pupils, teachers and educational support
//! specialists recognise and prevent human trafficking.
//!
//! Layers, from the inside out (ARCHITECTURE.md has the map and the rules, and
//! `tests/it/layers.rs` checks them):
//! - **domain**: plain Rust, no Dioxus, no SQL, no file system, no clock;
//! - **storage**: the only SQL;
//! - **platform**: the only `cfg` for web/desktop/mobile, file system, clock and JS;
//! - **ui**: the only Dioxus.

// Teacher mode's strings (`locales/teacher/`) only where teacher mode is built in.
#[cfg(feature = "teacher")]
rust_i18n::i18n!("locales", fallback = "en");
#[cfg(not(feature = "teacher"))]
rust_i18n::i18n!("locales/pupil", fallback = "en");

// Domain.
#[macro_use]
mod coded; // `coded!`: enums written as fixed codes (one table each)
pub mod check; // problems found in written files, one collector, TOML with lines
pub mod content; // the course model, its loading and every content check
pub mod dates; // YYYY-MM-DD dates as day counts
pub mod gift; // Moodle GIFT: parse, write, convert to and from quiz questions
pub mod lang; // the four languages, `PerLang`, UI string lookups
pub mod passcode; // the app passcode as an Argon2id hash
pub mod quiz; // questions, scoring, shuffle, practice, self-check, result codes
pub mod teacher; // classes, sessions, reports, CSV, backup format, code entry

// Storage.
pub mod storage; // SQLite: schema, migrations, settings, progress, teacher data

// Platform.
pub mod platform; // where data lives, durability, device languages, clock, files

// UI.
pub mod ui; // Dioxus components and views

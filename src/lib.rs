//! Sauga: an offline app that helps pupils, teachers and educational support
//! specialists recognise and prevent human trafficking.
//!
//! The domain (`lang`, `content`, `markdown`, `storage`) is plain Rust with no UI
//! dependency; `ui` is a thin Dioxus layer on top; `platform` holds everything that
//! differs between web, desktop and mobile.

rust_i18n::i18n!("locales", fallback = "en");

pub mod content;
pub mod dates;
pub mod gift;
pub mod help;
pub mod lang;
pub mod markdown;
pub mod passcode;
pub mod platform;
pub mod quiz;
pub mod resultcode;
pub mod storage;
pub mod teacher;
pub mod textcheck;
pub mod ui;

//! The Dioxus UI: thin views over the domain. Each screen is a component reading
//! [`state::Ctx`]; every change goes through a `Ctx` action.

mod help;
mod home;
mod icons;
mod learn;
mod library;
mod privacy;
mod quiz;
mod rich;
mod settings;
mod shell;
pub mod state;
mod teacher;

pub use help::HelpList;
pub use shell::{App, Shell, ShellProps, StorageProblem};

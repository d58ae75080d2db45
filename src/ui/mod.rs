//! The Dioxus UI: thin views over the domain. Each screen is a component reading
//! [`state::Ctx`]; every change goes through a `Ctx` action.

mod home;
mod icons;
mod learn;
mod rich;
mod settings;
mod shell;
pub mod state;

pub use shell::{App, Shell, ShellProps, StorageProblem};

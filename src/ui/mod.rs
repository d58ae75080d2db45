//! The Dioxus UI, the only layer that knows Dioxus: thin views over the domain. Each
//! screen is a component reading [`state::Ctx`]; every change goes through a `Ctx`
//! action.
//!
//! - `state`: the signals every screen reads and the actions that change them;
//! - `shell`: the app root (opening storage), the header, navigation and save badge;
//! - `js`: the only file that runs JavaScript (`document::eval`);
//! - `components/`: pieces several screens use (icons, the lesson renderer, charts);
//! - `views/`: one file per screen (teacher mode's screens in `views/teacher/`).

mod components;
pub mod js;
mod shell;
pub mod state;
mod views;

pub use shell::{App, SaveProblem, Shell, ShellProps, StorageProblem};
pub use views::help::HelpList;

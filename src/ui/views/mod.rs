//! One file per screen (teacher mode's screens in `teacher/`).

pub(crate) mod help;
pub(crate) mod home;
pub(crate) mod learn;
pub(crate) mod library;
pub(crate) mod packs;
pub(crate) mod privacy;
pub(crate) mod quiz;
pub(crate) mod results;
pub(crate) mod settings;
#[cfg(feature = "teacher")]
pub(crate) mod teacher;
// The pupil's web app has no teacher mode: its door opens the teacher page.
#[cfg(not(feature = "teacher"))]
pub(crate) mod teacher_door;

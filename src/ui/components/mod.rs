//! Pieces several screens use: inline SVG icons, the lesson document renderer, and
//! teacher report charts.

pub(crate) mod charts;
pub(crate) mod icons;
pub(crate) mod read_aloud;
pub(crate) mod rich;

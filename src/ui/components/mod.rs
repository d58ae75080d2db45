//! Pieces several screens use: inline SVG icons, the lesson document renderer,
//! teacher report charts and QR codes.

#[cfg(feature = "teacher")]
pub(crate) mod charts;
pub(crate) mod icons;
pub(crate) mod qr;
pub(crate) mod read_aloud;
pub(crate) mod rich;

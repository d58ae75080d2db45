//! A text as a QR code, drawn as one SVG path (the `qrcode` crate makes the matrix):
//! the pupil's result code, for the teacher's camera.

use dioxus::prelude::*;

/// The QR code of `text` as an SVG path over a square of `size` modules, the quiet
/// zone of 4 modules included; `None` if the text is too long for a QR code.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    // Medium error correction: a scratched or dim phone screen still reads.
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if colors[y * n + x] == qrcode::Color::Dark {
                // A run of dark modules on a row as one rectangle.
                let start = x;
                while x < n && colors[y * n + x] == qrcode::Color::Dark {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + quiet,
                    y + quiet,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((n + 2 * quiet, d))
}

/// The QR code of `text`, labelled for screen readers with `label`. Always dark on
/// white (a camera reads that best), in dark colours too.
#[component]
pub fn QrCode(text: String, label: String) -> Element {
    let Some((size, d)) = qr_path(&text) else {
        return rsx! {};
    };
    rsx! {
        svg { class: "qr", "data-qr": "{text}", view_box: "0 0 {size} {size}", role: "img", "aria-label": "{label}",
            "shape-rendering": "crispEdges",
            rect { width: "{size}", height: "{size}", fill: "#fff" }
            path { d: "{d}", fill: "#000" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_drawn_with_its_quiet_zone_and_a_long_text_is_refused() {
        let (size, d) = qr_path("K7PQ2M4X9TRA").unwrap();
        // A short code fits version 1 (21 modules) plus 4 on each side.
        assert_eq!(size, 29);
        // The top-left finder pattern: a full row of 7 dark modules at (4, 4).
        assert!(d.starts_with("M4 4h7v1h-7z"), "{d}");
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }
}

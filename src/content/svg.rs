//! Illustrations: SVG pictures that may hold shapes only.

/// What an illustration may not contain: anything that runs or fetches.
const SVG_FORBIDDEN: &[&str] = &[
    "<script",
    "href",
    "<image",
    "<foreignobject",
    "url(",
    "<text",
    "@import",
];
/// The largest illustration accepted, in bytes.
const SVG_MAX: usize = 12 * 1024;

/// Problems of an SVG illustration (empty when fine).
pub fn svg_problems(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = svg.to_lowercase();
    let start = lower.trim_start();
    if !(start.starts_with("<svg") || start.starts_with("<?xml")) || !lower.contains("<svg") {
        out.push("is not an SVG picture (it must start with <svg)".to_string());
    }
    if !svg.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        out.push("lacks xmlns=\"http://www.w3.org/2000/svg\"".to_string());
    }
    if svg.len() > SVG_MAX {
        out.push(format!(
            "is {} bytes; keep pictures under {SVG_MAX} bytes",
            svg.len()
        ));
    }
    for bad in SVG_FORBIDDEN {
        if lower.contains(bad) {
            out.push(format!("contains `{bad}`: pictures may hold shapes only (no scripts, text, links or images)"));
        }
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find(" on") {
        let after = &rest[i + 3..];
        let name_len = after
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if name_len > 0 && after[name_len..].trim_start().starts_with('=') {
            out.push("has an event attribute (on…=): pictures may not run code".to_string());
            break;
        }
        rest = after;
    }
    out
}

//! Report charts as inline SVG written by the components: no chart library, no
//! script.

use dioxus::prelude::*;

use crate::ui::state::use_ctx;

/// A horizontal bar (inline SVG, no script library).
#[component]
pub fn Bar(label: String, percent: f64, note: String) -> Element {
    let w = percent.clamp(0.0, 100.0);
    rsx! {
        div { class: "bar-row",
            span { class: "bar-label", "{label}" }
            svg { class: "bar-svg", view_box: "0 0 100 10", preserve_aspect_ratio: "none", role: "img", "aria-label": "{label}: {w:.0} %",
                rect { x: "0", y: "0", width: "100", height: "10", fill: "#e2e8e6" }
                rect { x: "0", y: "0", width: "{w}", height: "10", fill: "#0f766e" }
            }
            span { class: "bar-value", "{w:.0} % ({note})" }
        }
    }
}

/// The class's percent right per session, as a line (inline SVG).
#[component]
pub fn TrendChart(points: Vec<(String, f64)>) -> Element {
    let ctx = use_ctx();
    if points.is_empty() {
        return rsx! { p { class: "muted", {ctx.t("teacher.no_data")} } };
    }
    let n = points.len();
    // The plot runs from x 40 to 290 (the scale's labels sit left of it) and from
    // y 110 (0 %) up to 10 (100 %).
    let x = |i: usize| {
        if n == 1 {
            165.0
        } else {
            40.0 + 250.0 * i as f64 / (n - 1) as f64
        }
    };
    let y = |p: f64| 110.0 - p.clamp(0.0, 100.0);
    let line: String = points
        .iter()
        .enumerate()
        .map(|(i, (_, p))| format!("{:.1},{:.1}", x(i), y(*p)))
        .collect::<Vec<_>>()
        .join(" ");
    // Screen readers get the figures the picture shows.
    let label = format!(
        "{}: {}",
        ctx.t("teacher.trend"),
        points
            .iter()
            .map(|(d, p)| format!("{d} {p:.0} %"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Values are written over the points while they fit.
    let show_values = n <= 12;
    rsx! {
        svg { class: "trend", view_box: "0 0 300 125", role: "img", "aria-label": "{label}",
            text { x: "34", y: "113", text_anchor: "end", font_size: "11", fill: "#64748b", "0 %" }
            text { x: "34", y: "63", text_anchor: "end", font_size: "11", fill: "#64748b", "50 %" }
            text { x: "34", y: "13", text_anchor: "end", font_size: "11", fill: "#64748b", "100 %" }
            line { x1: "40", y1: "110", x2: "290", y2: "110", stroke: "#94a3b8" }
            line { x1: "40", y1: "60", x2: "290", y2: "60", stroke: "#e2e8e6" }
            line { x1: "40", y1: "10", x2: "290", y2: "10", stroke: "#e2e8e6" }
            polyline { points: "{line}", fill: "none", stroke: "#0f766e", stroke_width: "3" }
            for (i, (date, p)) in points.iter().enumerate() {
                g { key: "{i}",
                    circle { cx: "{x(i):.1}", cy: "{y(*p):.1}", r: "4", fill: "#0f766e",
                        title { "{date}: {p:.0} %" }
                    }
                    if show_values {
                        text { x: format!("{:.1}", x(i)), y: format!("{:.1}", y(*p) + if *p > 85.0 { 14.0 } else { -7.0 }), text_anchor: "middle", font_size: "10", fill: "#0f172a", "{p:.0}" }
                    }
                }
            }
        }
    }
}

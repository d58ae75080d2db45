//! Small line icons drawn for Sauga (inline SVG, nothing fetched).

use dioxus::prelude::*;

#[derive(Clone, Copy, PartialEq)]
pub enum Icon {
    Home,
    Book,
    Gear,
    Check,
    Clock,
    ArrowLeft,
    ArrowRight,
    Shield,
    Close,
    Lifebuoy,
    Speaker,
    Pause,
    Stop,
}

#[component]
pub fn Svg(icon: Icon) -> Element {
    let d = match icon {
        Icon::Home => "M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10",
        Icon::Book => "M4 5a2 2 0 012-2h13v16H6a2 2 0 00-2 2V5zM4 21a2 2 0 012-2h13",
        Icon::Gear => "M12 15a3 3 0 100-6 3 3 0 000 6zM19.4 13a7.5 7.5 0 000-2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 00-1.7-1L15 3h-4l-.3 3a7.5 7.5 0 00-1.7 1l-2.4-1-2 3.4 2 1.6a7.5 7.5 0 000 2l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 001.7 1l.3 3h4l.3-3a7.5 7.5 0 001.7-1l2.4 1 2-3.4-2-1.6z",
        Icon::Check => "M5 12.5l4.5 4.5L19 7.5",
        Icon::Clock => "M12 21a9 9 0 100-18 9 9 0 000 18zM12 7v5l3 2",
        Icon::ArrowLeft => "M15 5l-7 7 7 7",
        Icon::ArrowRight => "M9 5l7 7-7 7",
        Icon::Close => "M6 6l12 12M18 6L6 18",
        Icon::Lifebuoy => "M12 21a9 9 0 100-18 9 9 0 000 18zM12 16a4 4 0 100-8 4 4 0 000 8zM5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6",
        Icon::Speaker => "M4 9v6h4l5 4V5L8 9H4zM16.5 8.5a5 5 0 010 7M19 6a8.5 8.5 0 010 12",
        Icon::Pause => "M8 5v14M16 5v14",
        Icon::Stop => "M6 6h12v12H6z",
        Icon::Shield => "M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6l8-3zM8.5 12l2.5 2.5 4.5-5",
    };
    rsx! {
        svg {
            class: "icon",
            view_box: "0 0 24 24",
            width: "24",
            height: "24",
            fill: "none",
            stroke: "currentColor",
            stroke_width: "2",
            stroke_linecap: "round",
            stroke_linejoin: "round",
            "aria-hidden": "true",
            path { d: "{d}" }
        }
    }
}

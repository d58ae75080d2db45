//! Renders the lesson document model ([`crate::markdown`]) as Dioxus elements.
//! Text is always text: nothing is injected as HTML.

use dioxus::prelude::*;

use super::state::{use_ctx, Screen};
use crate::markdown::{Block, Inline, LinkTarget};

#[component]
pub fn Blocks(blocks: Vec<Block>) -> Element {
    rsx! {
        for block in blocks {
            BlockView { block }
        }
    }
}

#[component]
fn BlockView(block: Block) -> Element {
    match block {
        Block::Heading { level: 2, content } => rsx! { h2 { Inlines { inlines: content } } },
        Block::Heading { content, .. } => rsx! { h3 { Inlines { inlines: content } } },
        Block::Paragraph(content) => rsx! { p { Inlines { inlines: content } } },
        Block::Note(blocks) => rsx! {
            aside { class: "note", Blocks { blocks } }
        },
        Block::List { ordered, items } => {
            let checklist = items.iter().any(|i| i.check.is_some());
            let rendered = rsx! {
                for item in items {
                    li { class: if item.check.is_some() { "check-item" },
                        if let Some(checked) = item.check {
                            label {
                                input { r#type: "checkbox", checked }
                                span { Blocks { blocks: item.blocks.clone() } }
                            }
                        } else {
                            Blocks { blocks: item.blocks.clone() }
                        }
                    }
                }
            };
            if ordered {
                rsx! { ol { {rendered} } }
            } else {
                rsx! { ul { class: if checklist { "checklist" }, {rendered} } }
            }
        }
    }
}

#[component]
fn Inlines(inlines: Vec<Inline>) -> Element {
    rsx! {
        for inline in inlines {
            InlineView { inline }
        }
    }
}

#[component]
fn InlineView(inline: Inline) -> Element {
    let ctx = use_ctx();
    match inline {
        Inline::Text(t) => rsx! { "{t}" },
        Inline::Strong(c) => rsx! { strong { Inlines { inlines: c } } },
        Inline::Emphasis(c) => rsx! { em { Inlines { inlines: c } } },
        Inline::LineBreak => rsx! { br {} },
        Inline::Link {
            target: LinkTarget::Module(id),
            content,
        } => rsx! {
            button {
                class: "inline-link",
                r#type: "button",
                onclick: move |_| ctx.go(Screen::Module(id.clone())),
                Inlines { inlines: content }
            }
        },
    }
}

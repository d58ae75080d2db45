//! Renders the lesson document model ([`crate::content::markdown`]) as Dioxus elements.
//! Text is always text: nothing is injected as HTML.

use dioxus::prelude::*;

use crate::content::markdown::{Block, Inline, LinkTarget};
use crate::content::phones::Piece;
use crate::ui::state::{use_ctx, Screen};

/// Where the blocks are: (module, page), so checklist ticks are kept per page.
pub type At = Option<(String, usize)>;

#[component]
pub fn Blocks(blocks: Vec<Block>, #[props(default)] at: At) -> Element {
    rsx! {
        for block in blocks {
            BlockView { block, at: at.clone() }
        }
    }
}

#[component]
fn BlockView(block: Block, at: At) -> Element {
    let ctx = use_ctx();
    let ticks = (ctx.ticks)();
    match block {
        Block::Heading { level: 2, content } => rsx! { h2 { Inlines { inlines: content } } },
        Block::Heading { content, .. } => rsx! { h3 { Inlines { inlines: content } } },
        Block::Paragraph(content) => rsx! { p { Inlines { inlines: content } } },
        Block::Note(blocks) => rsx! {
            aside { class: "note", Blocks { blocks, at } }
        },
        Block::List { ordered, items } => {
            let checklist = items.iter().any(|i| i.check.is_some());
            let rendered = rsx! {
                for item in items {
                    li { class: if item.check.is_some() { "check-item" },
                        if let Some(checked) = item.check {
                            {
                                let ticked = at.as_ref().is_some_and(|(m, p)| ticks.contains(&(m.clone(), *p, item.check_id)));
                                let place = at.clone();
                                let id = item.check_id;
                                rsx! {
                                    label {
                                        input {
                                            r#type: "checkbox",
                                            "data-check": "{id}",
                                            checked: checked || ticked,
                                            onchange: move |e: FormEvent| {
                                                if let Some((m, p)) = &place {
                                                    ctx.set_tick(m, *p, id, e.checked());
                                                }
                                            },
                                        }
                                        span { Blocks { blocks: item.blocks.clone(), at: at.clone() } }
                                    }
                                }
                            }
                        } else {
                            Blocks { blocks: item.blocks.clone(), at: at.clone() }
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
        // Text without a digit holds no phone number.
        Inline::Text(t) if !t.bytes().any(|b| b.is_ascii_digit()) => rsx! { "{t}" },
        Inline::Text(t) => {
            // Every number of the help directory is a `tel:` link that never wraps.
            let phones: Vec<(String, String)> = ctx
                .catalog()
                .help
                .iter()
                .flat_map(|s| s.phones.iter().map(|p| (p.display.clone(), p.tel_href())))
                .collect();
            let parts: Vec<(Option<String>, String)> = crate::content::phones::pieces(&t, &phones)
                .into_iter()
                .map(|p| match p {
                    Piece::Text(s) => (None, s.to_string()),
                    Piece::Phone { shown, dial } => {
                        (Some(dial), crate::content::phones::unbroken(shown))
                    }
                })
                .collect();
            rsx! {
                for (i, (dial, text)) in parts.into_iter().enumerate() {
                    if let Some(href) = dial {
                        a { key: "{i}", class: "tel-link", href: "{href}", "data-tel-link": "{href}", "{text}" }
                    } else {
                        "{text}"
                    }
                }
            }
        }
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
                "data-link": "module:{id}",
                onclick: move |_| ctx.go(Screen::Module(id.clone())),
                Inlines { inlines: content }
            }
        },
        Inline::Link {
            target: LinkTarget::Glossary(id),
            content,
        } => rsx! {
            button {
                class: "inline-link term",
                r#type: "button",
                "data-link": "glossary:{id}",
                onclick: move |_| ctx.show_term(&id),
                Inlines { inlines: content }
            }
        },
        Inline::Link {
            target: LinkTarget::Help,
            content,
        } => rsx! {
            button {
                class: "inline-link help",
                r#type: "button",
                "data-link": "help:",
                onclick: move |_| ctx.go(Screen::Help),
                Inlines { inlines: content }
            }
        },
    }
}

//! Lesson Markdown → a small document model the UI renders as Dioxus elements.
//!
//! Only what lessons need is supported; anything else (images, tables, HTML, code,
//! rules, deep headings…) is reported as a problem with its line, so an editor learns
//! at once that the app would not show it. Nothing here knows about Dioxus or files.
//!
//! A language file holds all pages of a module: every level-1 heading (`# Title`)
//! starts a new page.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One page of a lesson.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Page {
    pub title: String,
    /// 1-based line of the page's `#` heading in its file.
    pub line: usize,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    /// `##` (level 2) or `###` (level 3).
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    /// A "remember" box (`> ` in Markdown).
    Note(Vec<Block>),
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ListItem {
    /// `Some(checked)` for a checklist item (`- [ ]`), `None` for a plain item.
    pub check: Option<bool>,
    /// For a checklist item: its number on the page (0, 1, 2…), which keeps its tick.
    pub check_id: usize,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link {
        target: LinkTarget,
        content: Vec<Inline>,
    },
    LineBreak,
}

/// Where a link in lesson text goes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum LinkTarget {
    /// `module:ID`: another module of the course.
    Module(String),
    /// `glossary:ID`: a term of the glossary, shown in place.
    Glossary(String),
    /// `help:`: the Help screen.
    Help,
}

impl LinkTarget {
    /// Reads a link destination; `None` for anything lessons may not link to.
    pub fn parse(dest: &str) -> Option<LinkTarget> {
        let id = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        };
        if let Some(rest) = dest.strip_prefix("module:") {
            id(rest).map(LinkTarget::Module)
        } else if let Some(rest) = dest.strip_prefix("glossary:") {
            id(rest).map(LinkTarget::Glossary)
        } else if dest == "help:" {
            Some(LinkTarget::Help)
        } else {
            None
        }
    }
}

/// Something in a Markdown file the app cannot show, with its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MdProblem {
    pub line: usize,
    pub message: String,
}

/// Plain text of inline content (for titles, alt text and tests).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    fn walk(out: &mut String, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                    walk(out, c)
                }
                Inline::LineBreak => out.push(' '),
            }
        }
    }
    walk(&mut out, inlines);
    out
}

/// Plain text of a whole page body, blocks separated by newlines.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                out.push_str(&plain_text(content));
                out.push('\n');
            }
            Block::List { items, .. } => {
                for item in items {
                    out.push_str(&blocks_text(&item.blocks));
                }
            }
            Block::Note(inner) => out.push_str(&blocks_text(inner)),
        }
    }
    out
}

/// Every link target in a list of blocks.
pub fn links(blocks: &[Block]) -> Vec<&LinkTarget> {
    fn inl<'a>(out: &mut Vec<&'a LinkTarget>, inlines: &'a [Inline]) {
        for i in inlines {
            match i {
                Inline::Link { target, content } => {
                    out.push(target);
                    inl(out, content);
                }
                Inline::Strong(c) | Inline::Emphasis(c) => inl(out, c),
                Inline::Text(_) | Inline::LineBreak => {}
            }
        }
    }
    fn blk<'a>(out: &mut Vec<&'a LinkTarget>, blocks: &'a [Block]) {
        for b in blocks {
            match b {
                Block::Heading { content, .. } | Block::Paragraph(content) => inl(out, content),
                Block::List { items, .. } => items.iter().for_each(|i| blk(out, &i.blocks)),
                Block::Note(inner) => blk(out, inner),
            }
        }
    }
    let mut out = Vec::new();
    blk(&mut out, blocks);
    out
}

/// Containers open while walking the event stream.
enum Frame {
    Page,
    Title(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link(Option<LinkTarget>, Vec<Inline>),
    List(bool, Vec<ListItem>),
    Item(Option<bool>, Vec<Block>, Vec<Inline>),
    Note(Vec<Block>),
    /// Inside something unsupported: its content is dropped (the problem is reported once).
    Skip,
}

struct Builder<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    pages: Vec<Page>,
    stack: Vec<Frame>,
    problems: Vec<MdProblem>,
    /// Line of the first text seen before any page started (reported once).
    orphan_reported: bool,
    /// The next checklist item's number on the current page.
    next_check: usize,
}

impl<'a> Builder<'a> {
    fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    fn problem(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.line_of(offset);
        self.problems.push(MdProblem {
            line,
            message: message.into(),
        });
    }

    fn skipping(&self) -> bool {
        self.stack.iter().any(|f| matches!(f, Frame::Skip))
    }

    /// Inline content goes to the innermost frame that takes inlines.
    fn push_inline(&mut self, inline: Inline, offset: usize) {
        if self.skipping() {
            return;
        }
        match self.stack.last_mut() {
            Some(
                Frame::Title(v)
                | Frame::Heading(_, v)
                | Frame::Paragraph(v)
                | Frame::Strong(v)
                | Frame::Emphasis(v)
                | Frame::Link(_, v)
                | Frame::Item(_, _, v),
            ) => v.push(inline),
            _ => self.orphan(offset),
        }
    }

    fn orphan(&mut self, offset: usize) {
        if !self.orphan_reported {
            self.orphan_reported = true;
            self.problem(
                offset,
                "text before the first page: every page must start with a `# Title` line",
            );
        }
    }

    /// A finished block goes to the innermost frame that takes blocks.
    fn push_block(&mut self, block: Block, offset: usize) {
        if self.skipping() {
            return;
        }
        match self.stack.last_mut() {
            Some(Frame::Page) => {
                if let Some(p) = self.pages.last_mut() {
                    p.blocks.push(block)
                }
            }
            Some(Frame::Note(v)) => v.push(block),
            Some(Frame::Item(_, blocks, loose)) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph(std::mem::take(loose)));
                }
                blocks.push(block)
            }
            _ => self.orphan(offset),
        }
    }

    fn unsupported(&mut self, offset: usize, what: &str) {
        if !self.skipping() {
            self.problem(
                offset,
                format!("{what} is not supported in lessons (see content/README.md)"),
            );
        }
    }

    fn start(&mut self, tag: Tag<'a>, offset: usize) {
        let frame = match tag {
            Tag::Heading {
                level: HeadingLevel::H1,
                ..
            } => {
                if !matches!(self.stack.last(), Some(Frame::Page) | None) {
                    self.unsupported(offset, "a `#` page heading inside a list or note");
                    Frame::Skip
                } else {
                    self.stack.clear();
                    self.next_check = 0;
                    self.pages.push(Page {
                        title: String::new(),
                        line: self.line_of(offset),
                        blocks: Vec::new(),
                    });
                    self.stack.push(Frame::Page);
                    Frame::Title(Vec::new())
                }
            }
            Tag::Heading { level, .. } => match level {
                HeadingLevel::H2 => Frame::Heading(2, Vec::new()),
                HeadingLevel::H3 => Frame::Heading(3, Vec::new()),
                _ => {
                    self.unsupported(offset, "a heading deeper than `###`");
                    Frame::Skip
                }
            },
            Tag::Paragraph => Frame::Paragraph(Vec::new()),
            Tag::Strong => Frame::Strong(Vec::new()),
            Tag::Emphasis => Frame::Emphasis(Vec::new()),
            Tag::Link { dest_url, .. } => {
                let target = LinkTarget::parse(&dest_url);
                if target.is_none() {
                    self.problem(
                        offset,
                        format!(
                            "link to `{dest_url}`: lessons may only link to `module:ID`, `glossary:ID` or `help:`"
                        ),
                    );
                }
                Frame::Link(target, Vec::new())
            }
            Tag::List(start) => Frame::List(start.is_some(), Vec::new()),
            Tag::Item => Frame::Item(None, Vec::new(), Vec::new()),
            Tag::BlockQuote(_) => Frame::Note(Vec::new()),
            Tag::CodeBlock(_) => {
                self.unsupported(offset, "a code block");
                Frame::Skip
            }
            Tag::HtmlBlock => {
                self.unsupported(offset, "HTML");
                Frame::Skip
            }
            Tag::Image { .. } => {
                self.unsupported(offset, "an image");
                Frame::Skip
            }
            Tag::Table(_) => {
                self.unsupported(offset, "a table");
                Frame::Skip
            }
            Tag::FootnoteDefinition(_) => {
                self.unsupported(offset, "a footnote");
                Frame::Skip
            }
            Tag::Strikethrough => {
                self.unsupported(offset, "strikethrough");
                Frame::Skip
            }
            _ => {
                self.unsupported(offset, "this kind of Markdown");
                Frame::Skip
            }
        };
        if self.pages.is_empty() && !matches!(frame, Frame::Skip) {
            self.orphan(offset);
            self.stack.push(Frame::Skip);
            return;
        }
        self.stack.push(frame);
    }

    fn end(&mut self, _tag: TagEnd, offset: usize) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Skip | Frame::Page => {}
            Frame::Title(content) => {
                let title = plain_text(&content).trim().to_string();
                if title.is_empty() {
                    self.problem(offset, "a page heading `#` without a title");
                }
                if let Some(p) = self.pages.last_mut() {
                    p.title = title;
                }
            }
            Frame::Heading(level, content) => {
                self.push_block(Block::Heading { level, content }, offset)
            }
            Frame::Paragraph(content) => self.push_block(Block::Paragraph(content), offset),
            Frame::Strong(content) => self.push_inline(Inline::Strong(content), offset),
            Frame::Emphasis(content) => self.push_inline(Inline::Emphasis(content), offset),
            Frame::Link(target, content) => match target {
                Some(target) => self.push_inline(Inline::Link { target, content }, offset),
                None => content
                    .into_iter()
                    .for_each(|i| self.push_inline(i, offset)),
            },
            Frame::List(ordered, items) => self.push_block(Block::List { ordered, items }, offset),
            Frame::Item(check, mut blocks, loose) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph(loose));
                }
                let check_id = if check.is_some() {
                    self.next_check += 1;
                    self.next_check - 1
                } else {
                    0
                };
                if let Some(Frame::List(_, items)) = self.stack.last_mut() {
                    items.push(ListItem {
                        check,
                        check_id,
                        blocks,
                    });
                }
            }
            Frame::Note(blocks) => self.push_block(Block::Note(blocks), offset),
        }
    }
}

/// Parses one language file into pages, reporting what the app cannot show.
pub fn parse_pages(text: &str) -> (Vec<Page>, Vec<MdProblem>) {
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut b = Builder {
        text,
        line_starts,
        pages: Vec::new(),
        stack: Vec::new(),
        problems: Vec::new(),
        orphan_reported: false,
        next_check: 0,
    };
    let options = Options::ENABLE_TASKLISTS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(b.text, options).into_offset_iter() {
        let at = range.start;
        match event {
            Event::Start(tag) => b.start(tag, at),
            Event::End(tag) => b.end(tag, at),
            Event::Text(t) => b.push_inline(Inline::Text(t.into_string()), at),
            Event::SoftBreak => b.push_inline(Inline::Text(" ".into()), at),
            Event::HardBreak => b.push_inline(Inline::LineBreak, at),
            Event::TaskListMarker(checked) => {
                if let Some(Frame::Item(check, _, _)) = b.stack.last_mut() {
                    *check = Some(checked);
                }
            }
            Event::Code(_) => b.unsupported(at, "inline code"),
            Event::Html(_) | Event::InlineHtml(_) => b.unsupported(at, "HTML"),
            Event::Rule => b.unsupported(
                at,
                "a `---` line (pages are split by `# Title` headings, not rules)",
            ),
            Event::FootnoteReference(_) => b.unsupported(at, "a footnote"),
            _ => b.unsupported(at, "this kind of Markdown"),
        }
    }
    // Merge adjacent text runs so the model (and tests) stay simple.
    for page in &mut b.pages {
        merge_blocks(&mut page.blocks);
    }
    (b.pages, b.problems)
}

fn merge_blocks(blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => merge_inlines(content),
            Block::List { items, .. } => items.iter_mut().for_each(|i| merge_blocks(&mut i.blocks)),
            Block::Note(inner) => merge_blocks(inner),
        }
    }
}

fn merge_inlines(inlines: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for mut i in inlines.drain(..) {
        match (&mut i, out.last_mut()) {
            (Inline::Text(t), Some(Inline::Text(prev))) => {
                prev.push_str(t);
                continue;
            }
            (Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. }, _) => {
                merge_inlines(c)
            }
            _ => {}
        }
        out.push(i);
    }
    *inlines = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn headings_split_pages() {
        let (pages, problems) = parse_pages("# One\n\nFirst.\n\n# Two\n\nSecond\nline.\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].title, "One");
        assert_eq!(pages[0].line, 1);
        assert_eq!(pages[1].title, "Two");
        assert_eq!(pages[1].line, 5);
        assert_eq!(
            pages[1].blocks,
            vec![Block::Paragraph(vec![text("Second line.")])]
        );
    }

    #[test]
    fn inline_styles_lists_notes_and_links() {
        let md = "# P\n\nA **bold** and *soft* [link](module:jobs).\n\n- [ ] check\n- [x] done\n\n1. one\n2. two\n\n> Remember this.\n\n## Sub\n";
        let (pages, problems) = parse_pages(md);
        assert!(problems.is_empty(), "{problems:?}");
        let b = &pages[0].blocks;
        assert_eq!(
            b[0],
            Block::Paragraph(vec![
                text("A "),
                Inline::Strong(vec![text("bold")]),
                text(" and "),
                Inline::Emphasis(vec![text("soft")]),
                text(" "),
                Inline::Link {
                    target: LinkTarget::Module("jobs".into()),
                    content: vec![text("link")]
                },
                text("."),
            ])
        );
        match &b[1] {
            Block::List {
                ordered: false,
                items,
            } => {
                assert_eq!(items[0].check, Some(false));
                assert_eq!(items[1].check, Some(true));
                assert_eq!((items[0].check_id, items[1].check_id), (0, 1));
                assert_eq!(items[0].blocks, vec![Block::Paragraph(vec![text("check")])]);
            }
            other => panic!("expected a checklist, got {other:?}"),
        }
        assert!(matches!(&b[2], Block::List { ordered: true, items } if items.len() == 2));
        assert_eq!(
            b[3],
            Block::Note(vec![Block::Paragraph(vec![text("Remember this.")])])
        );
        assert_eq!(
            b[4],
            Block::Heading {
                level: 2,
                content: vec![text("Sub")]
            }
        );
        assert_eq!(links(b), vec![&LinkTarget::Module("jobs".into())]);
    }

    #[test]
    fn unsupported_markdown_is_reported_with_its_line() {
        let md = "# P\n\nok\n\n![pic](a.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>x</b>\n\n---\n\n`code`\n\n#### deep\n\n[web](https://example.org)\n";
        let (_, problems) = parse_pages(md);
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        let has =
            |line: usize, needle: &str| lines.iter().any(|(l, m)| *l == line && m.contains(needle));
        assert!(has(5, "an image"), "{lines:?}");
        assert!(has(7, "a table"), "{lines:?}");
        assert!(has(11, "HTML"), "{lines:?}");
        assert!(has(13, "`---`"), "{lines:?}");
        assert!(has(15, "inline code"), "{lines:?}");
        assert!(has(17, "deeper"), "{lines:?}");
        assert!(has(19, "https://example.org"), "{lines:?}");
    }

    #[test]
    fn text_before_first_page_is_reported() {
        let (pages, problems) = parse_pages("Intro\n\n# P\n\nBody\n");
        assert_eq!(pages.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("before the first page"));
    }
}

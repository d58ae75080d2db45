//! Plain-language and script checks for lesson text: sentence length, Cyrillic in
//! Russian and Ukrainian, Lithuanian letters in Lithuanian, English left in a
//! translation, and the structure of a page that every language must share.

use std::collections::BTreeSet;

use crate::content::markdown::{self, Block, LinkTarget, Page};
use crate::lang::Lang;

/// Sentences and words in a run of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
}

impl Counts {
    pub fn average(self) -> f64 {
        if self.sentences == 0 {
            0.0
        } else {
            self.words as f64 / self.sentences as f64
        }
    }

    fn add(&mut self, other: Counts) {
        self.sentences += other.sentences;
        self.words += other.words;
    }
}

/// Counts sentences and words in one unit of text (a paragraph or a list item). A
/// sentence ends at `.`, `!`, `?` or `…` followed by a space or the end; a unit
/// without an end mark (a list item) is one sentence.
pub fn count_text(text: &str) -> Counts {
    let mut c = Counts::default();
    let mut words_in_sentence = 0;
    for token in text.split_whitespace() {
        if token.chars().any(char::is_alphanumeric) {
            words_in_sentence += 1;
        }
        let ends = token
            .trim_end_matches(['"', '\'', '»', '“', '”', ')', '*', '“'])
            .ends_with(['.', '!', '?', '…']);
        if ends && words_in_sentence > 0 {
            c.sentences += 1;
            c.words += words_in_sentence;
            words_in_sentence = 0;
        }
    }
    if words_in_sentence > 0 {
        c.sentences += 1;
        c.words += words_in_sentence;
    }
    c
}

/// Sentences and words of the body text of pages (page titles and subheadings are
/// not sentences).
pub fn count_pages(pages: &[Page]) -> Counts {
    fn blocks(c: &mut Counts, bs: &[Block]) {
        for b in bs {
            match b {
                Block::Heading { .. } => {}
                Block::Paragraph(inl) => c.add(count_text(&markdown::plain_text(inl))),
                Block::List { items, .. } => items.iter().for_each(|i| blocks(c, &i.blocks)),
                Block::Note(inner) => blocks(c, inner),
            }
        }
    }
    let mut c = Counts::default();
    for p in pages {
        blocks(&mut c, &p.blocks);
    }
    c
}

/// Share of letters that are Cyrillic (0.0 to 1.0; 1.0 for text without letters).
pub fn cyrillic_share(text: &str) -> f64 {
    let (mut letters, mut cyr) = (0usize, 0usize);
    // Web addresses (`keliauk.urm.lt`) are Latin in every language: not counted.
    let words = text.split_whitespace().filter(|w| !is_web_address(w));
    for ch in words.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        letters += 1;
        if ('\u{0400}'..='\u{04FF}').contains(&ch) {
            cyr += 1;
        }
    }
    if letters == 0 {
        1.0
    } else {
        cyr as f64 / letters as f64
    }
}

/// A word such as `keliauk.urm.lt`, `(sc.bns.lt)` or `bsr-trm.com:`: Latin letters,
/// digits and `-`, with a dot between letters.
fn is_web_address(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && parts
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether text uses any letter only Lithuanian has among our languages.
pub fn has_lithuanian_letters(text: &str) -> bool {
    text.chars().any(|c| "ąčęėįšųūžĄČĘĖĮŠŲŪŽ".contains(c))
}

/// Common English words that are not words in Lithuanian (so not "be", "to", "it",
/// which are), nor in Russian or Ukrainian.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "you", "your", "with", "this", "that", "what", "are", "is", "of", "for", "not",
    "can", "who", "help", "if", "they", "have",
];

/// English words found in text that should be in another language, in order.
pub fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| ENGLISH_WORDS.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// The parts of a page that every translation must share: subheadings, lists (kind
/// and number of items), notes; paragraphs may be split differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    Heading(u8),
    List {
        ordered: bool,
        checklist: bool,
        items: usize,
    },
    Note(Vec<Shape>),
}

pub fn shape(blocks: &[Block]) -> Vec<Shape> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(Shape::Heading(*level)),
            Block::Paragraph(_) => None,
            Block::List { ordered, items } => Some(Shape::List {
                ordered: *ordered,
                checklist: items.iter().any(|i| i.check.is_some()),
                items: items.len(),
            }),
            Block::Note(inner) => Some(Shape::Note(shape(inner))),
        })
        .collect()
}

/// A short description of a shape, for messages (`## · list of 4 · note`).
pub fn describe(shape: &[Shape]) -> String {
    if shape.is_empty() {
        return "only paragraphs".into();
    }
    shape
        .iter()
        .map(|s| match s {
            Shape::Heading(level) => "#".repeat(usize::from(*level)),
            Shape::List {
                ordered: true,
                items,
                ..
            } => format!("numbered list of {items}"),
            Shape::List {
                checklist: true,
                items,
                ..
            } => format!("checklist of {items}"),
            Shape::List { items, .. } => format!("list of {items}"),
            Shape::Note(inner) if inner.is_empty() => "note".into(),
            Shape::Note(inner) => format!("note ({})", describe(inner)),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The link targets of a page, as a set.
pub fn link_set(page: &Page) -> BTreeSet<LinkTarget> {
    markdown::links(&page.blocks).into_iter().cloned().collect()
}

/// Body text of pages, for script checks.
pub fn pages_text(pages: &[Page]) -> String {
    pages
        .iter()
        .map(|p| format!("{}\n{}", p.title, markdown::blocks_text(&p.blocks)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The script check for one language's text; `None` when it is fine.
pub fn script_problem(lang: Lang, text: &str) -> Option<String> {
    match lang {
        Lang::Ru | Lang::Uk => {
            let share = cyrillic_share(text);
            (share < 0.9).then(|| {
                format!(
                    "only {:.0} % of the letters are Cyrillic (at least 90 % expected)",
                    share * 100.0
                )
            })
        }
        Lang::Lt => (!has_lithuanian_letters(text)
            && text.chars().filter(|c| c.is_alphabetic()).count() > 40)
            .then(|| "no Lithuanian letters (ą č ę ė į š ų ū ž): is this Lithuanian?".to_string()),
        Lang::En => None,
    }
}

/// The English-left-behind check for a translation; `None` when it is fine. A few
/// hits are allowed for names (`Walk Free`, `STOP THE TRAFFIK`).
pub fn english_problem(lang: Lang, text: &str) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let found = english_words(text);
    (found.len() >= 3).then(|| {
        let mut shown: Vec<String> = found.into_iter().take(6).collect();
        shown.dedup();
        format!("English words left in the text: {}", shown.join(", "))
    })
}

/// A term a language's text must not use, and what to write instead: wrong legal
/// terms and calques an outside legal and language review found, kept out for good.
struct Forbidden {
    lang: Lang,
    /// Matched in lower case.
    term: &'static str,
    /// Not a problem when these words come right before it ("labai sunkus").
    unless_after: &'static str,
    instead: &'static str,
}

const FORBIDDEN: &[Forbidden] = &[
    Forbidden {
        lang: Lang::Lt,
        term: "nebaudžiamum",
        unless_after: "",
        instead: "„nebaudimo principas“ (nebaudžiamumas reiškia nebaudžiamybę už nusikaltimus)",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "apmąstymų laikotarp",
        unless_after: "",
        instead: "„apmąstymo laikotarpis“",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "sunkus nusikaltimas",
        unless_after: "labai ",
        instead: "„labai sunkus nusikaltimas“ (or name no category)",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "sunkaus nusikaltimo",
        unless_after: "labai ",
        instead: "„labai sunkaus nusikaltimo“",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "sunkiu nusikaltimu",
        unless_after: "labai ",
        instead: "„labai sunkiu nusikaltimu“",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "sunkūs nusikaltimai",
        unless_after: "labai ",
        instead: "„labai sunkūs nusikaltimai“",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "sunkių nusikaltimų",
        unless_after: "labai ",
        instead: "„labai sunkių nusikaltimų“",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "dirba ilgas valandas",
        unless_after: "",
        instead: "„dirba labai ilgai“ (a calque of \"long hours\")",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "perima žmogaus kontrolę",
        unless_after: "",
        instead: "„ima valdyti žmogų“",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "taikiniu gali tapti",
        unless_after: "",
        instead: "„nukentėti gali bet kas“",
    },
    Forbidden {
        lang: Lang::Lt,
        term: "pilnų vardų",
        unless_after: "",
        instead: "„vardų ir pavardžių“",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "ненаказуем",
        unless_after: "",
        instead: "«принцип ненаказания жертв»",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "тяжкими преступлениями",
        unless_after: "особо ",
        instead: "«особо тяжкими преступлениями»",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "доверяй своему чувству",
        unless_after: "",
        instead: "«доверяй своему чутью»",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "считается личным",
        unless_after: "",
        instead: "a plain wording («это твоё личное дело»…)",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "о серьёзном деле",
        unless_after: "",
        instead: "«о серьёзной проблеме»",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "пройди этот список",
        unless_after: "",
        instead: "«проверь по этому списку»",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "проходил тест",
        unless_after: "",
        instead: "«проводили тест»",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "тяжкое преступление",
        unless_after: "особо ",
        instead: "«особо тяжкое преступление» (or name no category)",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "тяжким преступлением",
        unless_after: "особо ",
        instead: "«особо тяжким преступлением»",
    },
    Forbidden {
        lang: Lang::Ru,
        term: "тяжкого преступления",
        unless_after: "особо ",
        instead: "«особо тяжкого преступления»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "тяжкий злочин",
        unless_after: "особливо ",
        instead: "«особливо тяжкий злочин» (or name no category)",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "тяжким злочином",
        unless_after: "особливо ",
        instead: "«особливо тяжким злочином»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "тяжкого злочину",
        unless_after: "особливо ",
        instead: "«особливо тяжкого злочину»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "тяжких злочинів",
        unless_after: "особливо ",
        instead: "«особливо тяжких злочинів»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "тяжкими злочинами",
        unless_after: "особливо ",
        instead: "«особливо тяжкими злочинами»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "дозвіл на проживання",
        unless_after: "",
        instead: "«посвідка на проживання»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "відносить до",
        unless_after: "",
        instead: "«зараховує до» / «належить до»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "піддаються",
        unless_after: "",
        instead: "«зазнають»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "проходив тест",
        unless_after: "",
        instead: "«проводили тест»",
    },
    Forbidden {
        lang: Lang::Uk,
        term: "від іншого тесту",
        unless_after: "",
        instead: "«належить до іншого тесту»",
    },
];

/// Terms of [`FORBIDDEN`] in `text`, and in Ukrainian a straight apostrophe between
/// letters (Ukrainian writes ’): each with its 1-based line and what to write instead.
pub fn forbidden_terms(lang: Lang, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let lower = line.to_lowercase();
        for f in FORBIDDEN.iter().filter(|f| f.lang == lang) {
            let found = lower
                .match_indices(f.term)
                .any(|(at, _)| f.unless_after.is_empty() || !lower[..at].ends_with(f.unless_after));
            if found {
                out.push((
                    n + 1,
                    format!("`{}` is the wrong term here: write {}", f.term, f.instead),
                ));
            }
        }
        if lang == Lang::Uk {
            let chars: Vec<char> = line.chars().collect();
            let straight = chars
                .windows(3)
                .any(|w| w[1] == '\'' && w[0].is_alphabetic() && w[2].is_alphabetic());
            if straight {
                out.push((
                    n + 1,
                    "a straight apostrophe in a word: Ukrainian writes ’ (U+2019)".into(),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_do_not_count_against_cyrillic() {
        assert!(is_web_address("keliauk.urm.lt"));
        assert!(is_web_address("(sc.bns.lt)"));
        assert!(is_web_address("bsr-trm.com:"));
        assert!(!is_web_address("Вильнюс."));
        assert!(!is_web_address("e."), "a Lithuanian abbreviation");
        assert!(!is_web_address("2026.11"));
        let text = "Страницы МИД Литвы для путешественников (keliauk.urm.lt)";
        assert!(cyrillic_share(text) > 0.99);
        assert!(cyrillic_share("Ministry pages (keliauk.urm.lt)") < 0.01);
    }

    #[test]
    fn sentences_and_words() {
        assert_eq!(
            count_text("One two three. Four five!"),
            Counts {
                sentences: 2,
                words: 5
            }
        );
        assert_eq!(
            count_text("A list item without a stop"),
            Counts {
                sentences: 1,
                words: 6
            }
        );
        assert_eq!(
            count_text("It said “no.” Then — quiet…"),
            Counts {
                sentences: 2,
                words: 5
            }
        );
        assert_eq!(count_text(""), Counts::default());
        assert!(
            (Counts {
                sentences: 4,
                words: 30
            }
            .average()
                - 7.5)
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn scripts() {
        assert!(cyrillic_share("Привет, мир") > 0.99);
        assert!(cyrillic_share("Hello мир") < 0.5);
        assert!(script_problem(Lang::Uk, "Це текст українською мовою.").is_none());
        assert!(script_problem(Lang::Ru, "This was left in English by mistake.").is_some());
        assert!(has_lithuanian_letters("Ačiū"));
        assert!(script_problem(Lang::Lt, &"Labas rytas draugai mano mieli ".repeat(3)).is_some());
        assert!(script_problem(Lang::Lt, "Ačiū, kad skaitai šį tekstą.").is_none());
    }

    #[test]
    fn english_left_behind() {
        assert!(english_problem(Lang::Lt, "Tai yra lietuviškas tekstas be klaidų.").is_none());
        assert!(english_problem(Lang::Lt, "Tai yra STOP THE TRAFFIK programa.").is_none());
        let p = english_problem(Lang::Lt, "Jei you need help, call the line and ask.").unwrap();
        assert!(p.contains("you"), "{p}");
        assert!(english_problem(Lang::En, "the and you with this").is_none());
    }

    #[test]
    fn shapes_ignore_paragraphs() {
        let (a, _) = markdown::parse_pages("# P\n\nOne.\n\nTwo.\n\n- a\n- b\n\n> Note.\n");
        let (b, _) = markdown::parse_pages("# P\n\nOne. Two.\n\n- a\n- b\n\n> Note.\n");
        let (c, _) = markdown::parse_pages("# P\n\nOne.\n\n- a\n- b\n- c\n");
        assert_eq!(shape(&a[0].blocks), shape(&b[0].blocks));
        assert_ne!(shape(&a[0].blocks), shape(&c[0].blocks));
        assert_eq!(describe(&shape(&a[0].blocks)), "list of 2 · note");
    }

    #[test]
    fn forbidden_terms_are_found_with_their_line() {
        assert!(forbidden_terms(Lang::Lt, "Tai labai sunkus nusikaltimas.").is_empty());
        let found = forbidden_terms(Lang::Lt, "Pirma eilutė.\nTai sunkus nusikaltimas.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 2);
        assert!(found[0].1.contains("labai sunkus"), "{found:?}");
        assert_eq!(
            forbidden_terms(Lang::Lt, "Nebaudžiamumo principas").len(),
            1
        );
        assert!(forbidden_terms(Lang::Ru, "Это особо тяжкое преступление.").is_empty());
        assert_eq!(
            forbidden_terms(Lang::Ru, "Это тяжкое преступление.").len(),
            1
        );
        assert_eq!(forbidden_terms(Lang::Uk, "Сім'я").len(), 1);
        assert!(forbidden_terms(Lang::Uk, "Сім’я, 'цитата'").is_empty());
        assert!(forbidden_terms(Lang::En, "a serious crime").is_empty());
    }
}

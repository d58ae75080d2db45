//! The course: modules, their metadata and pages, loaded from the files in `content/`.
//!
//! Raw files are parsed (TOML, Markdown) and then validated into the model; every
//! problem names the file, the line or field, and what is wrong. The same code serves
//! the app (content embedded at build time), `cargo test` and the `content-check`
//! command (content read from disk). A module with any problem is left out of the
//! catalogue, so one broken file never takes the rest of the course down.
//!
//! See `content/README.md` for the format.

pub mod data;
mod fields;
pub mod help;
mod load;
pub mod markdown;
mod module;
pub mod pack;
pub mod phones;
mod quizzes;
pub mod search;
mod svg;
pub mod textcheck;

pub use fields::is_web_url;
pub use load::{load, reading_levels, MAX_PUPIL_SENTENCE};
pub use svg::svg_problems;

use self::help::Service;
use self::markdown::Page;
use crate::dates::Date;
use crate::lang::{Lang, PerLang};
use crate::quiz::{Quiz, SelfCheck};

/// The content embedded into the app at build time.
static EMBEDDED: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/content");

coded! {
    /// Who a module is written for.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Audience {
        Pupils = "pupils",
        Teachers = "teachers",
        Specialists = "specialists",
    }
}

/// Where the facts of a module come from: named in every language, with its address.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub title: PerLang<String>,
    pub url: String,
    /// When a phone number or address from this source was last checked (YYYY-MM-DD).
    pub checked: Option<String>,
}

coded! {
    /// What a module is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Kind {
        /// A lesson (pupils' modules, the teachers' and specialists' track).
        Lesson = "lesson",
        /// A made-up case for discussion.
        Story = "story",
        /// A 45-minute lesson plan for a pupil module (`plan_for`).
        Plan = "plan",
    }
}

/// A module's picture: an SVG drawn for Sauga, with its description in each language.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Illustration {
    pub svg: String,
    pub alt: PerLang<String>,
}

impl Illustration {
    /// The picture as a `data:` address for an `img` element: shown like any image,
    /// never run as part of the page.
    pub fn data_uri(&self) -> String {
        let mut out = String::from("data:image/svg+xml,");
        for ch in self.svg.chars() {
            match ch {
                '%' => out.push_str("%25"),
                '#' => out.push_str("%23"),
                '"' => out.push('\''),
                '<' => out.push_str("%3C"),
                '>' => out.push_str("%3E"),
                '\n' | '\r' | '\t' => out.push(' '),
                c => out.push(c),
            }
        }
        out
    }
}

/// A glossary term.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Term {
    pub id: String,
    pub term: PerLang<String>,
    pub definition: PerLang<String>,
}

/// A number for the Facts and figures page, always with its year and source.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    pub id: String,
    pub figure: String,
    pub year: i32,
    pub text: PerLang<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Module {
    pub id: String,
    pub kind: Kind,
    /// For a lesson plan: the pupil module it is for.
    pub plan_for: Option<String>,
    pub illustration: Option<Illustration>,
    /// Folder name under `content/modules/`.
    pub dir: String,
    pub order: u32,
    pub audience: Vec<Audience>,
    pub minutes: u32,
    pub title: PerLang<String>,
    pub summary: PerLang<String>,
    pub sources: Vec<Source>,
    pub pages: PerLang<Vec<Page>>,
}

impl Module {
    /// A lesson written for pupils (not a story, a lesson plan, or staff material):
    /// what Home's progress counts.
    pub fn is_pupil_lesson(&self) -> bool {
        self.kind == Kind::Lesson && self.audience.contains(&Audience::Pupils)
    }

    /// Number of pages: the same in every language once validated, and in a web data
    /// file, which holds one language, that language's.
    pub fn page_count(&self) -> usize {
        Lang::ALL
            .iter()
            .map(|&l| self.pages.get(l).len())
            .max()
            .unwrap_or(0)
    }
}

/// The whole course.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Catalog {
    /// `version` from `content/content.toml`, shown in Settings → About.
    pub version: String,
    /// Modules sorted by `order`.
    pub modules: Vec<Module>,
    /// The help-line directory, in file order.
    pub help: Vec<Service>,
    /// Glossary terms, in file order.
    pub glossary: Vec<Term>,
    /// The Facts and figures page, in file order.
    pub facts: Vec<Fact>,
    /// Module quizzes, in module order.
    pub quizzes: Vec<Quiz>,
    /// The final quiz across modules.
    pub final_quiz: Option<Quiz>,
    /// The private "am I at risk?" self-check.
    pub self_check: Option<SelfCheck>,
}

impl Catalog {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The quiz of a module.
    pub fn quiz_of(&self, module_id: &str) -> Option<&Quiz> {
        self.quizzes
            .iter()
            .find(|q| q.module.as_deref() == Some(module_id))
    }

    /// A quiz by id: a module's (its module id) or the final one.
    pub fn quiz(&self, id: &str) -> Option<&Quiz> {
        self.quizzes
            .iter()
            .chain(self.final_quiz.iter())
            .find(|q| q.id == id)
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.id == id)
    }

    /// A module's picture: its own, or for a lesson plan the picture of the lesson
    /// it is for.
    pub fn picture_of<'a>(&'a self, m: &'a Module) -> Option<&'a Illustration> {
        m.illustration.as_ref().or_else(|| {
            m.plan_for
                .as_deref()
                .and_then(|id| self.module(id))
                .and_then(|target| target.illustration.as_ref())
        })
    }

    /// The lesson plan written for a pupil module, if there is one.
    pub fn plan_for(&self, module_id: &str) -> Option<&Module> {
        self.modules
            .iter()
            .find(|m| m.kind == Kind::Plan && m.plan_for.as_deref() == Some(module_id))
    }

    /// The content built into the app. Problems are reported by `cargo test` and
    /// `content-check`; at run time a broken module is simply left out.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: std::sync::LazyLock<Catalog> =
            // Dates are checked by `cargo test` and `content-check`; a device whose
            // clock is wrong must not lose a help line over it.
            std::sync::LazyLock::new(|| load(&embedded_files(), Date::LATEST).0);
        &CATALOG
    }
}

/// A content file: its path relative to the content folder, and its text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ContentFile {
    pub path: String,
    pub text: String,
}

/// The files embedded into the app.
pub fn embedded_files() -> Vec<ContentFile> {
    fn walk(dir: &include_dir::Dir<'static>, out: &mut Vec<ContentFile>) {
        for f in dir.files() {
            out.push(ContentFile {
                path: f.path().to_string_lossy().replace('\\', "/"),
                text: String::from_utf8_lossy(f.contents()).into_owned(),
            });
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = Vec::new();
    walk(&EMBEDDED, &mut out);
    out
}

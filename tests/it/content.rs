//! The content check: the shipped content passes; broken fixtures are reported with
//! file, line or field, and what is wrong.

use std::fs;
use std::path::{Path, PathBuf};

use sauga::check::Problem;
use sauga::content::{self, Audience, Catalog, Kind};
use sauga::lang::Lang;

use crate::support::{content_check, fixture, fixture_copy};

/// A copy of the good fixture in a temporary folder, changed by `edit`.
fn broken(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, Vec<Problem>, Catalog) {
    let (dir, catalog, problems) = crate::support::load_fixture(edit);
    (dir, problems, catalog)
}

fn alpha(root: &Path, file: &str) -> PathBuf {
    root.join("modules/01-alpha").join(file)
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "fixture lacks {from:?}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

/// Asserts that exactly one problem names `file` and contains `needle`, and returns it.
fn only<'a>(problems: &'a [Problem], file: &str, needle: &str) -> &'a Problem {
    let hits: Vec<_> = problems
        .iter()
        .filter(|p| p.file == file && p.to_string().contains(needle))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "want one problem in {file} with {needle:?}, got {:#?}",
        messages(problems)
    );
    hits[0]
}

#[test]
fn shipped_content_passes_the_check() {
    let (catalog, problems) = content::load(&content::embedded_files(), crate::support::today());
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "content problems:\n{}",
        errors.join("\n")
    );
    assert!(!catalog.version.is_empty());
    let pupils: Vec<_> = catalog
        .modules
        .iter()
        .filter(|m| m.kind == Kind::Lesson && m.audience.contains(&Audience::Pupils))
        .collect();
    for id in [
        "what-is-trafficking",
        "forms-of-trafficking",
        "how-recruiters-work",
        "job-offers-abroad",
        "safe-online",
        "signs-and-helping-others",
        "rights-and-law",
        "getting-help",
    ] {
        let m = pupils
            .iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| panic!("pupil module {id} missing"));
        assert!(
            (5..=8).contains(&m.page_count()),
            "{id} has {} pages",
            m.page_count()
        );
        assert!(m.illustration.is_some(), "{id} has no illustration");
        assert!(catalog.plan_for(id).is_some(), "{id} has no lesson plan");
        for lang in Lang::ALL {
            assert_eq!(m.pages.get(lang).len(), m.page_count(), "{id} {lang:?}");
        }
    }
    let staff = catalog
        .modules
        .iter()
        .filter(|m| {
            m.kind == Kind::Lesson
                && m.audience.contains(&Audience::Teachers)
                && !m.audience.contains(&Audience::Pupils)
        })
        .count();
    assert!(staff >= 4, "teachers' track: {staff} modules");
    let stories: Vec<_> = catalog
        .modules
        .iter()
        .filter(|m| m.kind == Kind::Story)
        .collect();
    assert!(stories.len() >= 6, "{} stories", stories.len());
    assert!(stories.iter().all(|s| s.illustration.is_some()));
    assert!(
        catalog.glossary.len() >= 30,
        "{} glossary terms",
        catalog.glossary.len()
    );
    assert!(!catalog.facts.is_empty());
    assert!(catalog
        .facts
        .iter()
        .all(|f| f.year > 1990 && f.source.url.starts_with("https://")));
    // The embedded copy is the folder on disk.
    let on_disk =
        sauga::platform::read_content_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .unwrap();
    assert_eq!(
        content::load(&on_disk, crate::support::today()).0,
        *catalog_ref(&catalog)
    );
}

fn catalog_ref(c: &Catalog) -> &Catalog {
    c
}

#[test]
fn the_good_fixture_passes() {
    let (_d, problems, catalog) = broken(|_| {});
    assert!(problems.is_empty(), "{:#?}", messages(&problems));
    assert_eq!(catalog.modules.len(), 2);
    assert_eq!(catalog.modules[0].id, "alpha");
    assert_eq!(
        catalog.modules[0].pages.get(Lang::Uk)[1].title,
        "Друга сторінка"
    );
    assert_eq!(catalog.glossary.len(), 1);
    assert_eq!(catalog.facts.len(), 1);
}

#[test]
fn missing_language_file() {
    let (_d, problems, catalog) = broken(|root| fs::remove_file(alpha(root, "ru.md")).unwrap());
    only(&problems, "modules/01-alpha/ru.md", "missing language");
    assert!(
        catalog.module("alpha").is_none(),
        "a broken module is left out"
    );
    assert!(catalog.module("beta").is_some(), "the others stay");
}

#[test]
fn missing_language_in_metadata() {
    let (_d, problems, _) =
        broken(|root| replace(&alpha(root, "module.toml"), "ru = \"Урок alpha\"\n", ""));
    let p = only(
        &problems,
        "modules/01-alpha/module.toml",
        "missing language `ru`",
    );
    assert_eq!(p.field.as_deref(), Some("title"));
}

#[test]
fn different_number_of_pages() {
    let (_d, problems, _) = broken(|root| {
        let path = alpha(root, "uk.md");
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("\n# Third page\n\nMore.\n");
        fs::write(path, text).unwrap();
    });
    only(
        &problems,
        "modules/01-alpha/uk.md",
        "has 3 pages but lt.md has 2",
    );
}

#[test]
fn unknown_audience() {
    let (_d, problems, _) =
        broken(|root| replace(&alpha(root, "module.toml"), "\"pupils\"", "\"pupil\""));
    let p = only(
        &problems,
        "modules/01-alpha/module.toml",
        "unknown audience `pupil`",
    );
    assert_eq!(p.field.as_deref(), Some("audience"));
}

#[test]
fn module_without_sources() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "[[sources]]\ntitle = { lt = \"Pavyzdinis šaltinis\", en = \"Example source\", ru = \"Пример источника\", uk = \"Приклад джерела\" }\nurl = \"https://example.org/source\"\n",
            "",
        )
    });
    only(&problems, "modules/01-alpha/module.toml", "no sources");
}

#[test]
fn empty_page() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "en.md"),
            "Some text with a [link](module:beta) and a [word](glossary:consent).\n",
            "",
        )
    });
    let p = only(&problems, "modules/01-alpha/en.md", "is empty");
    assert_eq!(p.line, Some(1));
}

#[test]
fn link_to_a_module_that_does_not_exist() {
    let (_d, problems, catalog) = broken(|root| {
        for l in Lang::ALL.map(Lang::code) {
            replace(
                &alpha(root, &format!("{l}.md")),
                "module:beta",
                "module:gamma",
            );
        }
    });
    only(
        &problems,
        "modules/01-alpha/uk.md",
        "links to module `gamma`",
    );
    let p = only(
        &problems,
        "modules/01-alpha/lt.md",
        "links to module `gamma`, which does not exist",
    );
    assert_eq!(p.line, Some(1));
    assert!(catalog.module("alpha").is_none());
}

#[test]
fn unsupported_markdown() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "en.md"),
            "> Remember.",
            "> Remember.\n\n![a picture](x.png)\n\n<div>html</div>",
        )
    });
    let img = only(
        &problems,
        "modules/01-alpha/en.md",
        "an image is not supported",
    );
    assert_eq!(img.line, Some(11));
    let html = only(&problems, "modules/01-alpha/en.md", "HTML is not supported");
    assert_eq!(html.line, Some(13));
}

#[test]
fn bad_toml_names_its_line() {
    let (_d, problems, _) =
        broken(|root| replace(&alpha(root, "module.toml"), "minutes = 5", "minutes = five"));
    let p = problems
        .iter()
        .find(|p| p.file == "modules/01-alpha/module.toml")
        .expect("a problem");
    assert_eq!(p.line, Some(4), "{p}");
}

#[test]
fn duplicate_ids_leave_both_out() {
    let (_d, problems, catalog) = broken(|root| {
        replace(
            &root.join("modules/02-beta/module.toml"),
            "id = \"beta\"",
            "id = \"alpha\"",
        )
    });
    assert!(
        messages(&problems)
            .iter()
            .any(|m| m.contains("`alpha` is also the id")),
        "{problems:#?}"
    );
    assert!(catalog.modules.is_empty());
}

#[test]
fn the_command_prints_problems_and_fails() {
    let dir = fixture_copy();
    fs::remove_file(alpha(dir.path(), "uk.md")).unwrap();
    let (code, stdout) = content_check(dir.path());
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("modules/01-alpha/uk.md: missing language"),
        "{stdout}"
    );
    assert!(
        stdout.contains(" problem(s)") && !stdout.contains(" 0 problem(s)"),
        "{stdout}"
    );

    let (code, stdout) = content_check(&fixture());
    assert_eq!(code, Some(0), "{stdout}");
}

fn all_langs(root: &Path, from: &str, to: [&str; 4]) {
    for (l, t) in Lang::ALL.map(Lang::code).into_iter().zip(to) {
        replace(&alpha(root, &format!("{l}.md")), from, t);
    }
}

#[test]
fn a_language_with_a_different_structure() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "ru.md"),
            "- [ ] пункт списка",
            "- [ ] пункт списка\n- [ ] ещё один",
        )
    });
    let p = only(
        &problems,
        "modules/01-alpha/ru.md",
        "page 2 has checklist of 2 · note but lt.md has checklist of 1 · note",
    );
    assert_eq!(p.line, Some(5));
}

#[test]
fn a_language_with_different_links() {
    let (_d, problems, _) =
        broken(|root| replace(&alpha(root, "uk.md"), "(glossary:consent)", "(module:beta)"));
    only(
        &problems,
        "modules/01-alpha/uk.md",
        "page 1 links differ from lt.md (missing: glossary:consent; extra: none)",
    );
}

#[test]
fn russian_and_ukrainian_must_be_cyrillic() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "uk.md"),
            "Тут текст із",
            "Here is some text with",
        );
    });
    only(
        &problems,
        "modules/01-alpha/uk.md",
        "of the letters are Cyrillic (at least 90 % expected)",
    );
}

#[test]
fn lithuanian_must_have_lithuanian_letters_and_no_english() {
    let (_d, problems, _) = broken(|root| {
        let path = alpha(root, "lt.md");
        let text = fs::read_to_string(&path).unwrap();
        let english = fs::read_to_string(alpha(root, "en.md")).unwrap();
        let _ = text;
        fs::write(path, english).unwrap();
    });
    only(&problems, "modules/01-alpha/lt.md", "no Lithuanian letters");
    only(
        &problems,
        "modules/01-alpha/lt.md",
        "English words left in the text",
    );
}

#[test]
fn long_sentences_in_a_pupils_lesson() {
    let long = format!(
        "Tai labai ilgas sakinys, kuriame yra {} žodžių be jokio taško",
        "daug ".repeat(60)
    );
    let (_d, problems, _) = broken(|root| replace(&alpha(root, "lt.md"), "Atsimink tai.", &long));
    only(
        &problems,
        "modules/01-alpha/lt.md",
        "pupils' lessons keep to 15 or fewer",
    );
}

#[test]
fn a_glossary_link_that_does_not_resolve() {
    let (_d, problems, _) =
        broken(|root| all_langs(root, "glossary:consent", ["glossary:nope"; 4]));
    only(
        &problems,
        "modules/01-alpha/en.md",
        "links to glossary term `nope`, which does not exist",
    );
}

#[test]
fn the_last_page_links_to_help() {
    let (_d, problems, _) = broken(|root| {
        all_langs(
            root,
            "](help:)",
            [
                "](module:beta)",
                "](module:beta)",
                "](module:beta)",
                "](module:beta)",
            ],
        )
    });
    let p = only(
        &problems,
        "modules/01-alpha/en.md",
        "the last page ends with a link to Help",
    );
    assert_eq!(p.line, Some(5));
}

#[test]
fn stories_are_marked_made_up_and_end_with_questions() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "audience = [\"pupils\"]",
            "kind = \"story\"\naudience = [\"pupils\"]",
        )
    });
    only(
        &problems,
        "modules/01-alpha/en.md",
        "a story starts with a `>` note saying it is made up",
    );
    only(
        &problems,
        "modules/01-alpha/en.md",
        "a story ends with discussion questions as a numbered list",
    );
}

#[test]
fn a_lesson_plan_names_an_existing_pupils_lesson() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "audience = [\"pupils\"]",
            "kind = \"plan\"\nplan_for = \"nothing\"\naudience = [\"teachers\"]",
        )
    });
    let p = only(
        &problems,
        "modules/01-alpha/module.toml",
        "`nothing` is not a pupils' lesson",
    );
    assert_eq!(p.field.as_deref(), Some("plan_for"));
    let (_d, problems, catalog) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "audience = [\"pupils\"]",
            "kind = \"plan\"\nplan_for = \"beta\"\naudience = [\"teachers\"]",
        )
    });
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(catalog.plan_for("beta").unwrap().id, "alpha");
}

#[test]
fn illustrations_are_checked() {
    let meta = "illustration = \"picture.svg\"\n[alt]\nlt = \"Lagaminas\"\nen = \"A suitcase\"\nru = \"Чемодан\"\nuk = \"Валіза\"\n";
    let good = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#0f766e\"/></svg>";
    let (_d, problems, catalog) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "minutes = 5\n",
            &format!("minutes = 5\n{meta}"),
        );
        fs::write(alpha(root, "picture.svg"), good).unwrap();
    });
    assert!(problems.is_empty(), "{problems:#?}");
    let ill = catalog
        .module("alpha")
        .unwrap()
        .illustration
        .as_ref()
        .unwrap();
    assert_eq!(ill.alt.get(Lang::Uk), "Валіза");
    assert!(ill.data_uri().starts_with("data:image/svg+xml,%3Csvg"));
    assert!(!ill.data_uri().contains('#'));

    let bad = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>x()</script><image href=\"http://x/y.png\"/></svg>";
    let (_d, problems, catalog) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "minutes = 5\n",
            &format!("minutes = 5\n{meta}"),
        );
        fs::write(alpha(root, "picture.svg"), bad).unwrap();
    });
    only(
        &problems,
        "modules/01-alpha/picture.svg",
        "contains `<script`",
    );
    only(&problems, "modules/01-alpha/picture.svg", "event attribute");
    only(&problems, "modules/01-alpha/picture.svg", "contains `href`");
    assert!(catalog.module("alpha").is_none());

    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "minutes = 5\n",
            "minutes = 5\nillustration = \"picture.svg\"\n",
        );
        fs::write(alpha(root, "picture.svg"), good).unwrap();
    });
    only(
        &problems,
        "modules/01-alpha/module.toml",
        "describe the illustration",
    );
}

#[test]
fn glossary_and_facts_need_every_language_and_a_source() {
    let (_d, problems, catalog) = broken(|root| {
        replace(&root.join("glossary.toml"), ", uk = \"Згода\"", "");
        replace(
            &root.join("facts.toml"),
            "url = \"https://example.org\"",
            "url = \"\"",
        );
    });
    only(&problems, "glossary.toml", "missing language `uk`");
    only(&problems, "facts.toml", "needs an http(s) url");
    assert!(catalog.glossary.is_empty() && catalog.facts.is_empty());
}

#[test]
fn a_source_title_in_every_language_not_a_copy_of_english() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "ru = \"Пример источника\"",
            "ru = \"Example source\"",
        );
        replace(&root.join("facts.toml"), ", uk = \"Приклад джерела\"", "");
    });
    let p = only(
        &problems,
        "modules/01-alpha/module.toml",
        "is the English title",
    );
    assert!(p.to_string().contains("sources[1].title.ru"), "{p}");
    only(&problems, "facts.toml", "missing language `uk`");
}

#[test]
fn wrong_legal_terms_and_straight_apostrophes_are_refused_with_their_line() {
    let (_d, problems, _) = broken(|root| {
        let ru = alpha(root, "ru.md");
        let text = fs::read_to_string(&ru).unwrap();
        fs::write(
            &ru,
            format!("{text}\nЭто тяжкое преступление и ненаказуемость.\n"),
        )
        .unwrap();
        replace(&alpha(root, "uk.md"), "Запам’ятай", "Запам'ятай");
    });
    let p = only(&problems, "modules/01-alpha/ru.md", "особо тяжкое");
    assert!(p.line.is_some(), "{p}");
    only(&problems, "modules/01-alpha/ru.md", "принцип ненаказания");
    let p = only(&problems, "modules/01-alpha/uk.md", "apostrophe");
    assert_eq!(p.line, Some(9));
}

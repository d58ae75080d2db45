//! The web app's content data files (`content::data`, `content-check export`): each
//! holds the whole course in one language, reads back to exactly that, and a file of
//! another language, another format or damaged is refused with what and where.

use sauga::content::{data, Catalog};
use sauga::lang::{Lang, PerLang};

use crate::support::{fixture, fixture_copy};

/// Every text of a catalogue in one language, in a fixed order (titles, pages,
/// questions, options, glossary, help, self-check), to compare two catalogues by.
fn texts(c: &Catalog, lang: Lang) -> Vec<String> {
    let mut out = vec![];
    let mut push = |p: &PerLang<String>| out.push(p.get(lang).clone());
    for m in &c.modules {
        push(&m.title);
        push(&m.summary);
        m.sources.iter().for_each(|s| push(&s.title));
    }
    for q in c.quizzes.iter().chain(c.final_quiz.iter()) {
        for question in &q.questions {
            push(&question.text);
            question.options.iter().for_each(|o| {
                push(&o.text);
                push(&o.feedback)
            });
        }
    }
    c.glossary.iter().for_each(|t| {
        push(&t.term);
        push(&t.definition)
    });
    c.help.iter().for_each(|s| {
        push(&s.name);
        push(&s.description)
    });
    c.facts.iter().for_each(|f| push(&f.text));
    if let Some(check) = &c.self_check {
        check.questions.iter().for_each(|q| push(&q.text));
    }
    out
}

#[test]
fn each_language_file_holds_that_language_only_and_reads_back_whole() {
    let full = Catalog::embedded();
    let mut sizes = vec![];
    for lang in Lang::ALL {
        let json = data::language_json(full, lang);
        sizes.push(json.len());
        let read = data::from_json(&json, lang).unwrap();
        // Everything in this language, and what has no language, is as built in.
        assert_eq!(texts(&read, lang), texts(full, lang), "{lang:?}");
        assert!(texts(&read, lang).iter().all(|t| !t.is_empty()));
        for m in &read.modules {
            let built = full.module(&m.id).unwrap();
            assert_eq!(m.pages.get(lang), built.pages.get(lang), "{} pages", m.id);
            assert_eq!(m.page_count(), built.page_count(), "{}", m.id);
            assert_eq!(
                (m.kind, m.order, &m.audience),
                (built.kind, built.order, &built.audience)
            );
        }
        assert_eq!(read.help.len(), full.help.len());
        for (a, b) in read.help.iter().zip(&full.help) {
            assert_eq!(
                (&a.phones, a.checked, &a.sources[0].url),
                (&b.phones, b.checked, &b.sources[0].url)
            );
        }
        assert_eq!(read.version, full.version);
        // The other three languages are not in the file at all.
        for other in lang.others() {
            assert!(
                texts(&read, other).iter().all(String::is_empty),
                "{other:?} in {lang:?}"
            );
            let marker = format!("\"{}\":", other.code());
            assert!(!json.contains(&marker), "{marker} in {lang:?}'s file");
        }
    }
    // A quarter of the course each, give or take the longer Cyrillic texts.
    let all = serde_json::to_string(full).unwrap().len();
    assert!(sizes.iter().all(|&s| s < all / 2), "{sizes:?} of {all}");
}

#[test]
fn a_wrong_damaged_or_foreign_file_is_refused_with_what_and_where() {
    let json = data::language_json(Catalog::embedded(), Lang::Uk);
    let e = data::from_json(&json, Lang::Lt).unwrap_err();
    assert_eq!(e, "holds uk content, not lt");
    let newer = json.replacen("\"format\":1", "\"format\":2", 1);
    assert!(data::from_json(&newer, Lang::Uk)
        .unwrap_err()
        .starts_with("format 2"));
    let cut = &json[..json.len() / 2];
    let e = data::from_json(cut, Lang::Uk).unwrap_err();
    assert!(e.contains("line 1 column"), "{e}");
    let e =
        data::from_json(&json.replacen("\"true-false\"", "\"yes-no\"", 1), Lang::Uk).unwrap_err();
    assert!(e.contains("unknown QuestionKind \"yes-no\""), "{e}");
}

#[test]
fn export_writes_four_files_only_for_content_that_passes_the_check() {
    let out = tempfile::tempdir().unwrap();
    let run = |dir: &std::path::Path, to: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_content-check"))
            .arg("export")
            .arg(to)
            .arg(dir)
            .output()
            .unwrap()
    };
    let done = run(&fixture(), out.path());
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stdout)
    );
    for lang in Lang::ALL {
        let text = std::fs::read_to_string(out.path().join(data::file_name(lang))).unwrap();
        let read = data::from_json(&text, lang).unwrap();
        assert!(!read.modules.is_empty());
        assert!(!read.modules[0].title.get(lang).is_empty());
    }
    // Broken content: the check fails and nothing is written.
    let bad = fixture_copy();
    let meta = bad.path().join("modules/01-alpha/module.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, text.replacen("minutes", "minuets", 1)).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let refused = run(bad.path(), &empty.path().join("content"));
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stdout).contains("module.toml"));
    assert!(!empty.path().join("content").exists());
}

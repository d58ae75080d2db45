//! Screens rendered without a renderer (VirtualDom + dioxus-ssr), in every language.

use dioxus::prelude::*;
use sauga::content::Catalog;
use sauga::lang::{tr, Lang};
use sauga::storage::{StorageError, Store};
use sauga::ui::state::{Screen, StoreHandle};
use sauga::ui::{Shell, ShellProps, StorageProblem};

fn store_in(lang: Lang) -> Store {
    let s = Store::open_in_memory().unwrap();
    s.set_language(lang).unwrap();
    s
}

fn render_shell(store: Store, start: Screen) -> String {
    let mut dom = VirtualDom::new_with_props(
        Shell,
        ShellProps {
            store: StoreHandle::new(store),
            persistent: true,
            start,
        },
    );
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

fn render(lang: Lang, start: Screen) -> String {
    render_shell(store_in(lang), start)
}

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

/// Text as dioxus-ssr writes it (askama's numeric entities).
fn esc(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
}

fn has(html: &str, text: &str) -> bool {
    html.contains(&esc(text))
}

#[test]
fn home_in_every_language() {
    for lang in Lang::ALL {
        let html = render(lang, Screen::Home);
        assert!(
            html.contains(&format!("lang=\"{}\"", lang.code())),
            "{lang:?}"
        );
        for key in [
            "home.title",
            "home.intro",
            "nav.home",
            "nav.learn",
            "nav.settings",
            "home.start",
        ] {
            assert!(
                has(&html, &tr(lang, key)),
                "{lang:?} home lacks {key}: {html}"
            );
        }
        // The language buttons name each language in itself; the current one is checked.
        for l in Lang::ALL {
            assert!(html.contains(l.native_name()));
        }
        let current = format!("aria-checked=\"true\" lang=\"{}\"", lang.code());
        assert!(html.contains(&current), "{lang:?}: {html}");
    }
}

#[test]
fn a_new_user_sees_lessons_not_started() {
    for lang in Lang::ALL {
        let html = render(lang, Screen::Learn);
        assert!(has(&html, &tr(lang, "learn.title")));
        for m in &catalog().modules {
            assert!(
                has(&html, m.title.get(lang)),
                "{lang:?} list lacks {}",
                m.id
            );
            assert!(has(&html, m.summary.get(lang)));
        }
        assert!(has(&html, &tr(lang, "learn.not_started")));
        assert!(!html.contains("module-card done"));
    }
}

#[test]
fn finished_and_started_modules_show_their_state() {
    let m = &catalog().modules[0];
    let other = &catalog().modules[1];
    let mut store = store_in(Lang::Ru);
    for page in 0..m.page_count() {
        store
            .mark_page_read(&m.id, page, m.page_count(), 1)
            .unwrap();
    }
    store
        .mark_page_read(&other.id, 0, other.page_count(), 1)
        .unwrap();
    let html = render_shell(store, Screen::Learn);
    assert!(html.contains("module-card done"));
    assert!(has(&html, &tr(Lang::Ru, "learn.completed")));
    assert!(
        html.contains(&format!("Прочитано 1 из {} стр.", other.page_count())),
        "{html}"
    );
}

#[test]
fn module_overview_lists_pages_and_sources() {
    for lang in Lang::ALL {
        for m in &catalog().modules {
            let html = render(lang, Screen::Module(m.id.clone()));
            assert!(has(&html, m.title.get(lang)));
            for page in m.pages.get(lang) {
                assert!(
                    has(&html, &page.title),
                    "{lang:?} {} lacks page {}",
                    m.id,
                    page.title
                );
            }
            for s in &m.sources {
                assert!(
                    html.contains(&format!("href=\"{}\"", esc(&s.url))),
                    "{}",
                    s.url
                );
                assert!(has(&html, s.title.get(lang)), "{lang:?} {}", s.url);
            }
            assert!(has(&html, &tr(lang, "module.start")));
            assert!(has(&html, &tr(lang, "module.sources")));
        }
    }
}

#[test]
fn every_lesson_page_renders_in_every_language() {
    for lang in Lang::ALL {
        for m in &catalog().modules {
            let total = m.page_count();
            for (i, page) in m.pages.get(lang).iter().enumerate() {
                let html = render(
                    lang,
                    Screen::Lesson {
                        module: m.id.clone(),
                        page: i,
                    },
                );
                assert!(has(&html, &page.title));
                let count = tr(lang, "lesson.page_of")
                    .replace("%{n}", &(i + 1).to_string())
                    .replace("%{total}", &total.to_string());
                assert!(has(&html, &count), "{lang:?} {} p{i}: no {count}", m.id);
                // The first run of plain text on the page shows.
                let first_text = page
                    .blocks
                    .iter()
                    .find_map(|b| match b {
                        sauga::content::markdown::Block::Paragraph(inl) => {
                            inl.iter().find_map(|x| match x {
                                sauga::content::markdown::Inline::Text(t) if t.trim().len() > 3 => {
                                    Some(t.trim().to_string())
                                }
                                _ => None,
                            })
                        }
                        _ => None,
                    })
                    .unwrap_or_else(|| page.title.clone());
                assert!(
                    has(&html, &first_text),
                    "{lang:?} {} p{i}: text missing: {first_text}",
                    m.id
                );
                let last = i + 1 == total;
                assert_eq!(html.contains("data-action=\"finish\""), last);
                assert_eq!(html.contains("data-action=\"next\""), !last);
                assert_eq!(html.contains("data-action=\"previous\""), i > 0);
            }
        }
    }
}

#[test]
fn checklists_render_as_checkboxes() {
    let m = catalog().module("job-offers-abroad").unwrap();
    let page = m
        .pages
        .get(Lang::Lt)
        .iter()
        .position(|p| {
            p.blocks.iter().any(|b| {
                matches!(b, sauga::content::markdown::Block::List { items, .. } if items.iter().any(|i| i.check.is_some()))
            })
        })
        .expect("the job-offer module has a checklist");
    let html = render(
        Lang::Lt,
        Screen::Lesson {
            module: m.id.clone(),
            page,
        },
    );
    assert!(html.contains("type=\"checkbox\""), "{html}");
    assert!(html.contains("class=\"checklist\""));
}

#[test]
fn phone_numbers_in_lessons_are_tel_links_in_every_language() {
    let m = catalog().module("what-is-trafficking").unwrap();
    for lang in Lang::ALL {
        let last = m.pages.get(lang).len() - 1;
        let html = render(
            lang,
            Screen::Lesson {
                module: m.id.clone(),
                page: last,
            },
        );
        assert!(
            html.contains("href=\"tel:+37080091119\"") && html.contains("href=\"tel:112\""),
            "{lang:?}: the helpline and 112 are links on the last page"
        );
        // Held together: no break inside the number.
        assert!(html.contains("0\u{a0}800\u{a0}91119"), "{lang:?}");
    }
}

#[test]
fn settings_in_every_language() {
    for lang in Lang::ALL {
        let html = render(lang, Screen::Settings);
        for key in [
            "settings.language",
            "settings.text_size",
            "settings.size.largest",
            "settings.reset",
            "settings.about",
            "settings.content_version",
            "settings.privacy",
        ] {
            assert!(has(&html, &tr(lang, key)), "{lang:?} settings lack {key}");
        }
        assert!(html.contains(&catalog().version));
        assert!(html.contains(env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn text_size_is_applied_to_the_app() {
    let s = store_in(Lang::En);
    s.set_text_size(sauga::storage::TextSize::Large).unwrap();
    let html = render_shell(s, Screen::Home);
    assert!(html.contains("data-text-size=\"large\""));
}

#[test]
fn unknown_module_says_so() {
    let html = render(Lang::Uk, Screen::Module("nope".into()));
    assert!(has(&html, &tr(Lang::Uk, "module.not_found")));
}

#[component]
fn ProblemHarness(error: StorageError, lang: Lang) -> Element {
    rsx! {
        StorageProblem { error, lang, on_memory: |_| {}, on_fresh: |_| {}, on_retry: |_| {}, on_take_over: |_| {} }
    }
}

fn render_problem(error: StorageError, lang: Lang) -> String {
    let mut dom = VirtualDom::new_with_props(ProblemHarness, ProblemHarnessProps { error, lang });
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

#[test]
fn storage_problems_are_explained_in_the_users_language() {
    for lang in Lang::ALL {
        let html = render_problem(
            StorageError::TooNew {
                found: 9,
                supported: 1,
            },
            lang,
        );
        assert!(has(&html, &tr(lang, "storage.too_new_title")), "{lang:?}");
        assert!(has(&html, &tr(lang, "storage.continue_memory")));
        assert!(
            !has(&html, &tr(lang, "storage.start_fresh")),
            "a newer file is not called damaged"
        );
        // Every refusal has a way forward that deletes nothing.
        assert!(has(&html, &tr(lang, "storage.set_aside")), "{lang:?}");
        assert!(has(&html, &tr(lang, "storage.backup_hint")), "{lang:?}");
        let html = render_problem(StorageError::InAnotherTab, lang);
        assert!(has(&html, &tr(lang, "storage.other_tab_title")), "{lang:?}");
        assert!(has(&html, &tr(lang, "storage.take_over")));
        assert!(
            !has(&html, &tr(lang, "storage.set_aside")),
            "nothing is wrong with the file"
        );
        let html = render_problem(StorageError::Unavailable("read-only".into()), lang);
        assert!(has(&html, &tr(lang, "storage.retry")));
        assert!(has(&html, &tr(lang, "storage.set_aside")));

        let html = render_problem(StorageError::Damaged("file is not a database".into()), lang);
        assert!(has(&html, &tr(lang, "storage.damaged_title")));
        assert!(has(&html, &tr(lang, "storage.start_fresh")));
        assert!(html.contains("file is not a database"), "details are shown");
    }
}

#[test]
fn without_storage_the_app_says_it_is_not_saving() {
    let mut dom = VirtualDom::new_with_props(
        Shell,
        ShellProps {
            store: StoreHandle::new(Store::open_in_memory().unwrap()),
            persistent: false,
            start: Screen::Home,
        },
    );
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains("data-save=\"not-saving\""));
    // A short word in the header, the whole reason above the screen.
    assert!(has(&html, &tr(Lang::Lt, "save.not_saved")), "{html}");
    assert!(html.contains("class=\"save-problem\""), "{html}");
    assert!(has(&html, &tr(Lang::Lt, "save.memory")), "{html}");
}

#[test]
fn help_in_every_language_112_first_links_and_dates() {
    let services = &catalog().help;
    for lang in Lang::ALL {
        // The first-run note would cover the screen; this user has read it.
        let store = store_in(lang);
        store.set_flag("intro_seen", true).unwrap();
        let html = render_shell(store, Screen::Help);
        assert!(has(&html, &tr(lang, "help.title")), "{lang:?}");
        let first = html.find("data-service=").expect("services listed");
        assert!(
            html[first..].starts_with("data-service=\"emergency-112\""),
            "{lang:?}: 112 is not first"
        );
        assert!(html.contains("href=\"tel:112\""));
        // 112 and the national trafficking helpline first, before any card.
        let hotline = html
            .find("data-hotline=\"nappz-helpline\"")
            .expect("the helpline under 112");
        let call_112 = html.find("href=\"tel:112\"").unwrap();
        assert!(call_112 < hotline && hotline < first, "{lang:?}");
        for s in services {
            let at = html
                .find(&format!("data-service=\"{}\"", s.id))
                .unwrap_or_else(|| panic!("{lang:?} lacks {}", s.id));
            let card = &html[at..];
            let end = card[1..]
                .find("data-service=")
                .map_or(card.len(), |e| e + 1);
            let card = &card[..end];
            assert!(has(card, s.name.get(lang)), "{lang:?} {}", s.id);
            assert!(
                card.contains("href=\"tel:") || card.contains("href=\"mailto:"),
                "{lang:?} {} has no link",
                s.id
            );
            for p in &s.phones {
                assert!(
                    card.contains(&format!("href=\"tel:{}\"", p.number)),
                    "{lang:?} {}",
                    p.number
                );
            }
            if let Some(e) = &s.email {
                assert!(card.contains(&format!("href=\"mailto:{e}\"")));
            }
            let date = s.checked.to_string();
            let checked = tr(lang, "help.checked").replace("%{date}", &date);
            assert!(
                card.contains(&format!("data-checked=\"{date}\"")) && has(card, &checked),
                "{lang:?} {}",
                s.id
            );
            // Its sources, named in the reader's language.
            for src in &s.sources {
                assert!(has(card, src.title.get(lang)), "{lang:?} {}", s.id);
                assert!(card.contains(&format!("href=\"{}\"", src.url)));
            }
        }
    }
}

#[component]
fn HelpHarness(filter: sauga::content::help::Filter) -> Element {
    let store = Store::open_in_memory().unwrap();
    store.set_language(Lang::Uk).unwrap();
    sauga::ui::state::Ctx::provide(StoreHandle::new(store), true, Screen::Help);
    rsx! { sauga::ui::HelpList { filter } }
}

fn render_help_list(filter: sauga::content::help::Filter) -> String {
    let mut dom = VirtualDom::new_with_props(HelpHarness, HelpHarnessProps { filter });
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

#[test]
fn help_filters_change_what_is_listed() {
    use sauga::content::help::{Filter, Who};
    let all = render_help_list(Filter::default());
    let count = |html: &str| html.matches("class=\"service card\"").count();
    assert_eq!(
        count(&all),
        catalog().help.len() - 1,
        "all but 112 are in the groups"
    );
    assert!(has(&all, &tr(Lang::Uk, "help.category.trafficking")));

    let english = render_help_list(Filter {
        language: Some(Lang::En),
        ..Filter::default()
    });
    assert!(count(&english) >= 1 && count(&english) < count(&all));

    let men = render_help_list(Filter {
        who: Some(Who::Men),
        ..Filter::default()
    });
    assert!(count(&men) < count(&all));

    let none = render_help_list(Filter {
        query: "zzzz".into(),
        ..Filter::default()
    });
    assert_eq!(count(&none), 0);
    assert!(has(&none, &tr(Lang::Uk, "help.none")));

    let abroad = render_help_list(Filter {
        abroad: true,
        ..Filter::default()
    });
    let first_group = abroad.find("data-category=").unwrap();
    assert!(abroad[first_group..].starts_with("data-category=\"consular-abroad\""));
    assert!(has(&abroad, &tr(Lang::Uk, "help.from_abroad")));
    assert!(has(&abroad, &tr(Lang::Uk, "help.toll_free_abroad")));
}

#[test]
fn every_screen_has_quick_exit_and_help_one_tap_away() {
    for lang in Lang::ALL {
        for screen in [
            Screen::Home,
            Screen::Learn,
            Screen::Module("what-is-trafficking".into()),
            Screen::Lesson {
                module: "what-is-trafficking".into(),
                page: 0,
            },
            Screen::Help,
            Screen::Settings,
        ] {
            let html = render(lang, screen.clone());
            assert!(
                html.contains("data-action=\"quick-exit\""),
                "{lang:?} {screen:?}"
            );
            assert!(has(&html, &tr(lang, "exit.label")));
            assert!(html.contains("data-tab=\"help\""), "{lang:?} {screen:?}");
        }
        let lesson = render(
            lang,
            Screen::Lesson {
                module: "job-offers-abroad".into(),
                page: 0,
            },
        );
        assert!(lesson.contains("data-action=\"help-from-lesson\""));
    }
}

#[test]
fn first_run_explains_shared_devices_once() {
    let html = render(Lang::Lt, Screen::Home);
    assert!(has(&html, &tr(Lang::Lt, "intro.shared")));
    assert!(has(&html, &tr(Lang::Lt, "intro.exit")));
    let store = store_in(Lang::Lt);
    store.set_flag("intro_seen", true).unwrap();
    let html = render_shell(store, Screen::Home);
    assert!(!has(&html, &tr(Lang::Lt, "intro.shared")));
}

#[test]
fn a_passcode_locks_the_app_at_start() {
    let store = store_in(Lang::Ru);
    let hash = sauga::passcode::hash("2468", &[3u8; 16]).unwrap();
    store.set_passcode_hash(Some(&hash)).unwrap();
    let html = render_shell(store, Screen::Learn);
    assert!(html.contains("data-locked=\"true\""));
    assert!(has(&html, &tr(Lang::Ru, "lock.title")));
    assert!(
        !html.contains("class=\"module-list\""),
        "nothing behind the lock shows"
    );
    assert!(!html.contains("data-tab=\"learn\""));
    assert!(
        html.contains("data-action=\"quick-exit\""),
        "quick exit stays"
    );
}

#[test]
fn neutral_title_is_a_setting() {
    let store = store_in(Lang::Uk);
    store.set_flag("neutral_title", true).unwrap();
    let html = render_shell(store, Screen::Settings);
    assert!(
        html.contains("data-setting=\"neutral-title\" checked=true"),
        "{html}"
    );
    let off = render_shell(store_in(Lang::Uk), Screen::Settings);
    assert!(
        off.contains("data-setting=\"neutral-title\"/>"),
        "off when never chosen"
    );
    assert!(has(&html, &tr(Lang::Uk, "privacy.neutral_title")));
}

fn seen_store(lang: Lang) -> Store {
    let s = store_in(lang);
    s.set_flag("intro_seen", true).unwrap();
    s
}

#[test]
fn the_course_is_listed_in_sections() {
    for lang in Lang::ALL {
        let html = render_shell(seen_store(lang), Screen::Learn);
        for key in [
            "learn.section.pupils",
            "learn.section.stories",
            "learn.section.staff",
            "learn.section.plans",
        ] {
            assert!(has(&html, &tr(lang, key)), "{lang:?} lacks {key}");
        }
        assert!(
            html.contains("data-action=\"open-glossary\"")
                && html.contains("data-action=\"open-facts\"")
        );
        let pupils = html.find("data-section=\"pupils\"").unwrap();
        let stories = html.find("data-section=\"stories\"").unwrap();
        assert!(pupils < stories, "pupils' lessons come first");
    }
}

#[test]
fn glossary_and_facts_in_every_language() {
    for lang in Lang::ALL {
        let html = render_shell(
            seen_store(lang),
            Screen::Glossary(Some("debt-bondage".into())),
        );
        assert!(has(&html, &tr(lang, "glossary.title")));
        for t in &catalog().glossary {
            assert!(has(&html, t.term.get(lang)), "{lang:?} lacks {}", t.id);
        }
        assert!(
            html.contains("class=\"term focus\""),
            "the term asked for is marked"
        );

        let html = render_shell(seen_store(lang), Screen::Facts);
        for f in &catalog().facts {
            assert!(has(&html, f.text.get(lang)), "{lang:?} lacks {}", f.id);
            let year = tr(lang, "facts.source").replace("%{year}", &f.year.to_string());
            assert!(has(&html, &year), "{lang:?} {}: no year", f.id);
            assert!(html.contains(&format!("href=\"{}\"", esc(&f.source.url))));
            assert!(has(&html, f.source.title.get(lang)), "{lang:?} {}", f.id);
        }
    }
}

#[test]
fn stories_say_they_are_made_up_and_plans_link_both_ways() {
    let story = catalog()
        .modules
        .iter()
        .find(|m| m.kind == sauga::content::Kind::Story)
        .unwrap();
    let html = render_shell(seen_store(Lang::Uk), Screen::Module(story.id.clone()));
    assert!(html.contains("data-badge=\"made-up\""));
    assert!(has(&html, &tr(Lang::Uk, "learn.made_up")));
    let html = render_shell(seen_store(Lang::Lt), Screen::Module("safe-online".into()));
    assert!(html.contains("data-action=\"open-plan\""));
    let html = render_shell(
        seen_store(Lang::Lt),
        Screen::Module("plan-safe-online".into()),
    );
    assert!(html.contains("data-action=\"open-planned-module\""));
}

#[test]
fn illustrations_have_alt_text_in_the_language() {
    for lang in Lang::ALL {
        for m in catalog()
            .modules
            .iter()
            .filter(|m| m.illustration.is_some())
        {
            let html = render_shell(seen_store(lang), Screen::Module(m.id.clone()));
            let alt = m.illustration.as_ref().unwrap().alt.get(lang);
            assert!(
                html.contains(&format!("alt=\"{}\"", esc(alt))),
                "{lang:?} {}",
                m.id
            );
            assert!(html.contains("src=\"data:image/svg+xml,"));
        }
    }
}

#[test]
fn checklist_ticks_are_kept() {
    let m = catalog().module("job-offers-abroad").unwrap();
    let page = m
        .pages
        .get(Lang::En)
        .iter()
        .position(|p| {
            p.blocks.iter().any(|b| {
                matches!(b, sauga::content::markdown::Block::List { items, .. } if items.iter().any(|i| i.check.is_some()))
            })
        })
        .unwrap();
    let store = seen_store(Lang::En);
    store.set_tick(&m.id, page, 1, true).unwrap();
    let html = render_shell(
        store,
        Screen::Lesson {
            module: m.id.clone(),
            page,
        },
    );
    assert!(
        html.contains("data-check=\"1\" checked=true"),
        "the ticked item shows ticked"
    );
    assert!(
        html.contains("data-check=\"0\"/>") || html.contains("data-check=\"0\">"),
        "the others do not"
    );
}

#[test]
fn quizzes_in_every_language() {
    for lang in Lang::ALL {
        for quiz in catalog().quizzes.iter().chain(catalog().final_quiz.iter()) {
            let html = render_shell(seen_store(lang), Screen::Quiz(quiz.id.clone()));
            let progress = tr(lang, "quiz.progress")
                .replace("%{n}", "1")
                .replace("%{total}", &quiz.questions.len().to_string());
            assert!(has(&html, &progress), "{lang:?} {}: {progress}", quiz.id);
            // The first question asked is one of the quiz's, in this language, with its options.
            let shown = quiz
                .questions
                .iter()
                .find(|q| html.contains(&format!("data-question=\"{}\"", q.key())))
                .unwrap_or_else(|| panic!("{lang:?} {}: no question shown", quiz.id));
            assert!(has(&html, shown.text.get(lang)), "{lang:?} {}", shown.key());
            for o in &shown.options {
                assert!(
                    has(&html, o.text.get(lang)),
                    "{lang:?} {} option",
                    shown.key()
                );
            }
            if let Some(s) = &shown.scenario {
                assert!(has(&html, s.get(lang)));
            }
        }
        let html = render_shell(seen_store(lang), Screen::Module("safe-online".into()));
        assert!(html.contains("data-action=\"start-quiz\""));
        assert!(has(&html, &tr(lang, "quiz.start")));
    }
}

#[test]
fn best_scores_show_on_the_module_list() {
    let mut store = seen_store(Lang::Uk);
    store
        .record_attempt(
            &sauga::storage::Attempt {
                quiz_id: "safe-online",
                version: 1,
                right: 7,
                total: 9,
                code: None,
            },
            &sauga::quiz::Review::default(),
            1,
        )
        .unwrap();
    let html = render_shell(store, Screen::Learn);
    assert!(html.contains("data-best=\"7/9\""));
    assert!(html.contains("тест 7/9 (спроб: 1)"));
}

#[test]
fn the_self_check_says_nothing_is_saved_in_every_language() {
    for lang in Lang::ALL {
        let html = render_shell(seen_store(lang), Screen::SelfCheck);
        assert!(has(&html, &tr(lang, "selfcheck.title")));
        assert!(has(&html, &tr(lang, "selfcheck.private")));
        assert!(html.contains("data-action=\"selfcheck-start\""));
        let home = render_shell(seen_store(lang), Screen::Home);
        assert!(home.contains("data-action=\"open-selfcheck\""));
    }
}

#[test]
fn practice_lists_the_questions_answered_wrongly() {
    let mut store = seen_store(Lang::Lt);
    let q = &catalog().quiz_of("rights-and-law").unwrap().questions[0];
    let mut review = sauga::quiz::Review::default();
    review.record(&q.key(), false);
    review.record("gone/q1", false);
    store.save_review(&review).unwrap();
    let html = render_shell(store, Screen::Practice);
    assert!(
        html.contains(&format!("data-question=\"{}\"", q.key())),
        "the wrong question comes back"
    );
    assert!(has(&html, q.text.get(Lang::Lt)));
}

#[test]
fn teacher_mode_asks_for_a_pin_and_hides_class_data() {
    for lang in Lang::ALL {
        let html = render_shell(seen_store(lang), Screen::Teacher);
        assert!(
            html.contains("data-action=\"set-pin\""),
            "{lang:?}: first use sets a PIN"
        );
        assert!(has(&html, &tr(lang, "teacher.setup_text")));
    }
    let mut store = seen_store(Lang::Lt);
    let pin = sauga::passcode::hash("2468", &[1u8; 16]).unwrap();
    let rec = sauga::passcode::hash("ABCDEFGHJK", &[2u8; 16]).unwrap();
    let class = {
        let mut t = store.teacher();
        t.set_pin(&pin, &rec).unwrap();
        let class = t.create_class("8B", 1).unwrap();
        t.add_pupils(class, "AK\nBT").unwrap();
        class
    };
    // Straight to a class screen: the PIN comes first, and no pupil shows.
    let html = render_shell(store, Screen::Class(class));
    assert!(html.contains("data-teacher-locked=\"true\""));
    assert!(!html.contains("data-pupil="));
    assert!(!html.contains("8B"));
}

#[component]
fn BlankRenameHarness() -> Element {
    let ctx = sauga::ui::state::Ctx::provide(
        StoreHandle::new(Store::open_in_memory().unwrap()),
        true,
        Screen::Teacher,
    );
    let refused = use_hook(|| {
        let class = ctx.teacher_write(|t| t.create_class("7A", 0)).unwrap();
        let blank = ctx.teacher_write(|t| t.rename_class(class, "   "));
        matches!(blank, Err(StorageError::Invalid(_)))
    });
    rsx! {
        span { "data-save": (ctx.save)().code(), "data-refused": "{refused}" }
    }
}

#[test]
fn a_blank_class_name_is_refused_without_saying_not_saved() {
    let mut dom = VirtualDom::new(BlankRenameHarness);
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains("data-refused=\"true\""), "{html}");
    assert!(
        html.contains("data-save=\"saved\""),
        "refused input wrote nothing, so nothing failed to save: {html}"
    );
}

/// What the lock screen's buttons call after the passcode was forgotten.
#[derive(Clone, Copy, PartialEq)]
enum Erase {
    PupilData,
    Everything(&'static str),
}

/// A device with an app passcode and teacher mode (a PIN and a class), after its
/// passcode was forgotten and `erase` was asked for.
#[component]
fn ForgottenPasscodeHarness(erase: Erase) -> Element {
    let store = Store::open_in_memory().unwrap();
    let ctx = sauga::ui::state::Ctx::provide(StoreHandle::new(store), true, Screen::Home);
    let outcome = use_hook(|| {
        ctx.set_passcode("246810").unwrap();
        let pin = sauga::passcode::hash("1357", b"0123456789abcdef").unwrap();
        let recovery = sauga::passcode::hash("EARY3Y5Q7K", b"fedcba9876543210").unwrap();
        ctx.teacher_write(|t| t.set_pin(&pin, &recovery)).unwrap();
        ctx.teacher_write(|t| t.create_class("7A", 0)).unwrap();
        match erase {
            Erase::PupilData => {
                ctx.erase_pupil_data();
                "pupil".to_string()
            }
            Erase::Everything(code) => match ctx.erase_everything(code) {
                Ok(()) => "all".to_string(),
                Err(e) => format!("refused: {e}"),
            },
        }
    });
    let classes = ctx.teacher_read(|t| t.classes()).unwrap().len();
    let pin = ctx.teacher_read(|t| t.has_pin()).unwrap();
    let passcode = (ctx.has_passcode)();
    rsx! {
        span { "data-outcome": "{outcome}", "data-classes": "{classes}", "data-pin": "{pin}", "data-passcode": "{passcode}" }
    }
}

fn forgotten_passcode(erase: Erase) -> String {
    let mut dom = VirtualDom::new_with_props(
        ForgottenPasscodeHarness,
        ForgottenPasscodeHarnessProps { erase },
    );
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

#[test]
fn a_forgotten_passcode_erases_pupil_data_but_not_the_teachers() {
    let html = forgotten_passcode(Erase::PupilData);
    assert!(
        html.contains("data-passcode=\"false\""),
        "the passcode is gone: {html}"
    );
    assert!(
        html.contains("data-classes=\"1\""),
        "the class stays: {html}"
    );
    assert!(
        html.contains("data-pin=\"true\""),
        "the teacher PIN stays: {html}"
    );

    let html = forgotten_passcode(Erase::Everything("0000"));
    assert!(html.contains("data-outcome=\"refused"), "{html}");
    assert!(
        html.contains("data-classes=\"1\""),
        "a wrong PIN erases nothing: {html}"
    );
    assert!(html.contains("data-passcode=\"true\""), "{html}");

    for code in ["1357", "ear y3y 5q7 k"] {
        let html = forgotten_passcode(Erase::Everything(code));
        assert!(html.contains("data-outcome=\"all\""), "{code}: {html}");
        assert!(html.contains("data-classes=\"0\""), "{code}: {html}");
        assert!(html.contains("data-pin=\"false\""), "{code}: {html}");
        assert!(html.contains("data-passcode=\"false\""), "{code}: {html}");
    }
}

#[component]
fn SaveProblemHarness(state: sauga::ui::state::SaveState) -> Element {
    let ctx =
        sauga::ui::state::Ctx::provide(StoreHandle::new(store_in(Lang::Uk)), true, Screen::Home);
    let mut save = ctx.save;
    use_hook(move || save.set(state));
    rsx! { sauga::ui::SaveProblem {} }
}

fn render_save_problem(state: sauga::ui::state::SaveState) -> String {
    let mut dom = VirtualDom::new_with_props(SaveProblemHarness, SaveProblemHarnessProps { state });
    dom.rebuild_in_place();
    dom.render_immediate_to_vec();
    dioxus_ssr::render(&dom)
}

#[test]
fn why_a_save_failed_is_said_in_the_users_language() {
    use sauga::ui::state::SaveState;
    let html = render_save_problem(SaveState::Failed(sauga::platform::STORAGE_FULL.into()));
    assert!(has(&html, &tr(Lang::Uk, "save.storage_full")), "{html}");
    assert!(!html.contains("sauga:"), "no internal marker shown: {html}");
    let html = render_save_problem(SaveState::Failed("QuotaExceededError: disk".into()));
    assert!(has(&html, &tr(Lang::Uk, "save.failed")), "{html}");
    assert!(
        html.contains("QuotaExceededError: disk"),
        "the system's words under details"
    );
    let html = render_save_problem(SaveState::OtherTab);
    assert!(has(&html, &tr(Lang::Uk, "save.other_tab")), "{html}");
    assert!(!render_save_problem(SaveState::Saved).contains("save-problem"));
}

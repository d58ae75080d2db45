//! The help directory: the shipped file passes; broken entries are reported with the
//! service and field; filters and grouping behave.

use sauga::check::{Problem, Severity};
use sauga::content::help::{self, Category, Filter, Who};
use sauga::content::{self, Catalog};
use sauga::lang::Lang;

const GOOD: &str = include_str!("../fixtures/good/help/services.toml");

fn check_on(help_text: &str, today: &str) -> (Catalog, Vec<Problem>) {
    let (_dir, catalog, problems) = crate::support::load_fixture_on(today, |root| {
        std::fs::write(root.join("help/services.toml"), help_text).unwrap()
    });
    (catalog, problems)
}

fn check(help_text: &str) -> (Catalog, Vec<Problem>) {
    check_on(help_text, crate::support::FIXTURE_DAY)
}

fn one(problems: &[Problem], field_part: &str, needle: &str) -> Problem {
    let hits: Vec<&Problem> = problems
        .iter()
        .filter(|p| {
            p.file == "help/services.toml"
                && p.field.as_deref().is_some_and(|f| f.contains(field_part))
                && p.message.contains(needle)
        })
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "want one {field_part} / {needle:?}: {problems:#?}"
    );
    hits[0].clone()
}

#[test]
fn the_fixture_and_the_shipped_directory_pass() {
    let (catalog, problems) = check(GOOD);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(catalog.help.len(), 2);

    let (shipped, problems) = content::load(&content::embedded_files(), crate::support::today());
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(shipped.help.len() >= 10);
    assert_eq!(shipped.help[0].id, "emergency-112");
    for s in &shipped.help {
        assert!(!s.sources.is_empty(), "{}", s.id);
        assert!(!s.phones.is_empty() || s.email.is_some(), "{}", s.id);
    }
    // The national anti-trafficking line, with its number for callers abroad.
    let nappz = shipped
        .help
        .iter()
        .find(|s| s.phones.iter().any(|p| p.number == "+37080091119"))
        .unwrap();
    // Help shows it right under 112.
    assert_eq!(
        sauga::content::help::national_helpline(&shipped.help).map(|s| &s.id),
        Some(&nappz.id)
    );
    assert!(nappz
        .phones
        .iter()
        .any(|p| p.abroad && p.number == "+37061691119"));
    // Nothing the reference marks as unconfirmed.
    assert!(shipped.help.iter().all(|s| s
        .phones
        .iter()
        .all(|p| p.number != "1809" && p.number != "116006")));
}

#[test]
fn a_number_that_is_neither_e164_nor_a_short_code() {
    let (catalog, problems) =
        check(&GOOD.replace("number = \"+37061691119\"", "number = \"861691119\""));
    let p = one(&problems, "phones[2].number", "neither an E.164 number");
    assert!(p.field.unwrap().contains("(helpline)"));
    assert!(
        catalog.help.iter().all(|s| s.id != "helpline"),
        "a broken entry is left out"
    );
}

#[test]
fn a_shown_form_that_dials_something_else() {
    let (_, problems) =
        check(&GOOD.replace("display = \"0 800 91119\"", "display = \"8 800 91119\""));
    one(&problems, "phones[1].display", "does not show the number");
}

#[test]
fn a_missing_language() {
    let (_, problems) = check(&GOOD.replace(", uk = \"Лінія\"", ""));
    one(&problems, "name", "missing language `uk`");
}

#[test]
fn a_missing_source_and_date() {
    let text = GOOD.replacen("checked = \"2026-11-01\"\n", "", 1).replacen(
        "[[service.sources]]\ntitle = { lt = \"Pavyzdys\", en = \"Example\", ru = \"Пример\", uk = \"Приклад\" }\nurl = \"https://example.org\"\n",
        "",
        1,
    );
    let (_, problems) = check(&text);
    one(&problems, "(emergency).checked", "missing");
    one(&problems, "(emergency).sources", "no source");
}

#[test]
fn a_date_in_the_future() {
    let (_, problems) = check(&GOOD.replacen("2026-11-01", "2027-01-01", 1));
    one(&problems, "(emergency).checked", "in the future");
}

#[test]
fn entries_checked_over_a_year_ago_are_warnings() {
    let (catalog, problems) = check_on(GOOD, "2028-01-15");
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    assert!(
        problems[0]
            .to_string()
            .contains("warning: last checked 2026-11-01"),
        "{}",
        problems[0]
    );
    assert_eq!(catalog.help.len(), 2, "warnings keep the entries");
}

#[test]
fn unknown_category_audience_and_hours() {
    let text = GOOD
        .replacen(
            "categories = [\"trafficking\"]",
            "categories = [\"trafic\"]",
            1,
        )
        .replacen(
            "audience = [\"everyone\"]\nlanguages",
            "audience = [\"kids\"]\nlanguages",
            1,
        )
        .replacen(
            "hours = \"24/7\"\nchecked = \"2026-11-01\"\nemail",
            "hours = \"9-17\"\nchecked = \"2026-11-01\"\nemail",
            1,
        );
    let (_, problems) = check(&text);
    one(
        &problems,
        "(helpline).categories",
        "unknown category `trafic`",
    );
    one(&problems, "(helpline).audience", "unknown audience `kids`");
    one(&problems, "(helpline).hours", "neither");
}

#[test]
fn the_command_reports_help_problems() {
    let dir = crate::support::fixture_copy();
    let path = dir.path().join("help/services.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"112\"", "\"911\"");
    std::fs::write(path, text).unwrap();
    let (code, stdout) = crate::support::content_check(dir.path());
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("help/services.toml: field `service[1] (emergency).phones[1].number`"),
        "{stdout}"
    );
}

fn shipped() -> &'static [help::Service] {
    &Catalog::embedded().help
}

#[test]
fn filters_narrow_the_list() {
    let all: usize = help::grouped(shipped(), &Filter::default())
        .iter()
        .map(|(_, l)| l.len())
        .sum();
    assert_eq!(
        all + help::emergency(shipped()).len(),
        shipped().len(),
        "every service is listed once"
    );

    let english = Filter {
        language: Some(Lang::En),
        ..Filter::default()
    };
    let listed: Vec<_> = help::grouped(shipped(), &english)
        .into_iter()
        .flat_map(|(_, l)| l)
        .collect();
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|s| s.languages.contains(&Lang::En)));

    let men = Filter {
        who: Some(Who::Men),
        ..Filter::default()
    };
    let listed: Vec<_> = help::grouped(shipped(), &men)
        .into_iter()
        .flat_map(|(_, l)| l)
        .collect();
    assert!(listed
        .iter()
        .all(|s| s.audience.contains(&Who::Men) || s.audience.contains(&Who::Everyone)));
    assert!(listed.len() < all);

    let open = Filter {
        always_open: true,
        ..Filter::default()
    };
    assert!(help::grouped(shipped(), &open)
        .iter()
        .flat_map(|(_, l)| l)
        .all(|s| s.always_open));

    // Search by number (any spacing) and by name in another language.
    let by_number = Filter {
        query: "91119".into(),
        ..Filter::default()
    };
    let found: Vec<_> = help::grouped(shipped(), &by_number)
        .into_iter()
        .flat_map(|(_, l)| l)
        .collect();
    assert!(found
        .iter()
        .any(|s| s.phones.iter().any(|p| p.number == "+37080091119")));
    let nothing = Filter {
        query: "zzzz-nothing".into(),
        ..Filter::default()
    };
    assert!(help::grouped(shipped(), &nothing).is_empty());
    // 112 is never filtered away.
    assert_eq!(help::emergency(shipped()).len(), 1);
}

#[test]
fn abroad_puts_numbers_that_work_from_abroad_first() {
    let abroad = Filter {
        abroad: true,
        ..Filter::default()
    };
    let groups = help::grouped(shipped(), &abroad);
    assert_eq!(groups[0].0, Category::ConsularAbroad);
    for (_, list) in &groups {
        let first_without = list
            .iter()
            .position(|s| !s.works_from_abroad())
            .unwrap_or(list.len());
        assert!(list[first_without..].iter().all(|s| !s.works_from_abroad()));
    }
    let nappz = shipped()
        .iter()
        .find(|s| s.phones.len() > 1 && s.phones.iter().any(|p| p.abroad))
        .unwrap();
    assert!(nappz.phones_for(true)[0].abroad);
    assert!(!nappz.phones_for(false)[0].abroad);
}

#[test]
fn a_source_title_left_in_english() {
    let (_, problems) = check(&GOOD.replacen("ru = \"Пример\"", "ru = \"Example\"", 1));
    one(&problems, "sources[1].title.ru", "is the English title");
}

#[test]
fn a_source_title_written_once_for_all_languages() {
    let (_, problems) = check(&GOOD.replacen(
        "title = { lt = \"Pavyzdys\", en = \"Example\", ru = \"Пример\", uk = \"Приклад\" }",
        "title = \"Example\"",
        1,
    ));
    one(&problems, "sources[1].title", "one title for all languages");
}

/// The web page's first screen (shown before the app loads) carries two numbers of
/// its own; they must be the help directory's, shown as it shows them, with its date.
#[test]
fn the_first_web_screen_shows_numbers_as_the_help_directory_has_them() {
    let html = include_str!("../../assets/index.html");
    let services = &Catalog::embedded().help;
    let mut links = 0;
    for piece in html.split("href=\"tel:").skip(1) {
        let number = &piece[..piece.find('"').unwrap()];
        let shown = piece
            .split("<b>")
            .nth(1)
            .and_then(|b| b.split("</b>").next())
            .unwrap();
        let service = services
            .iter()
            .find(|s| s.phones.iter().any(|p| p.number == number))
            .unwrap_or_else(|| panic!("tel:{number} is not in the help directory"));
        let phone = service.phones.iter().find(|p| p.number == number).unwrap();
        assert_eq!(phone.display, shown, "tel:{number}");
        if !service.is_emergency() {
            let checked = service.checked.to_string();
            assert!(
                html.matches(&checked).count() >= 4,
                "the first screen names {checked}, when {} was checked, in every language",
                service.id
            );
        }
        links += 1;
    }
    assert_eq!(links, 2, "112 and the national helpline");
}

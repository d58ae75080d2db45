//! The help-line directory: services from `content/help/services.toml`, their check,
//! and how the Help screen filters, groups and orders them.
//!
//! Only confirmed entries are shipped, each with its source and the date it was last
//! checked. The check refuses a number that is neither E.164 nor a known short code, a
//! shown form whose digits differ from the number, a missing language, a missing
//! source or date, a date in the future; it warns about entries checked more than a
//! year ago. Nothing here knows about Dioxus.

use serde::Deserialize;

use crate::check::{FileReport, Severity};
use crate::content::Source;
use crate::dates::Date;
use crate::lang::Lang;
use crate::lang::PerLang;

coded! {
    /// What a service helps with; the Help screen groups by it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Category {
        Emergency = "emergency",
        Trafficking = "trafficking",
        ChildYouth = "child-youth",
        EmotionalSupport = "emotional-support",
        MissingPersons = "missing-persons",
        ConsularAbroad = "consular-abroad",
    }
}

coded! {
    /// Who a service is for.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Who {
        Everyone = "everyone",
        Children = "children",
        YoungPeople = "young-people",
        Women = "women",
        Men = "men",
        Foreigners = "foreigners",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Phone {
    /// E.164 (`+37080091119`) or a short code (`112`, `116111`): what `tel:` dials.
    pub number: String,
    /// As shown on screen (`0 800 91119`).
    pub display: String,
    /// The number this service gives for callers from abroad.
    pub abroad: bool,
}

impl Phone {
    /// Lithuanian toll-free numbers often cannot be reached from abroad.
    pub fn toll_free(&self) -> bool {
        self.number.starts_with("+370800")
    }

    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.number)
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Service {
    pub id: String,
    pub categories: Vec<Category>,
    pub audience: Vec<Who>,
    /// Languages the service is stated to speak (empty: not stated).
    pub languages: Vec<Lang>,
    /// Open day and night; `false` means the hours are not stated.
    pub always_open: bool,
    pub checked: Date,
    pub name: PerLang<String>,
    pub description: PerLang<String>,
    pub hours_note: Option<PerLang<String>>,
    pub phones: Vec<Phone>,
    pub email: Option<String>,
    pub web: Option<String>,
    /// Where the details were checked (the service has one `checked` date for all,
    /// so a source's own `checked` is always `None` here).
    pub sources: Vec<Source>,
}

impl Service {
    pub fn is_emergency(&self) -> bool {
        self.categories.contains(&Category::Emergency)
    }

    /// Phones in the order to show them: numbers for callers abroad first when abroad.
    pub fn phones_for(&self, abroad: bool) -> Vec<&Phone> {
        let mut phones: Vec<&Phone> = self.phones.iter().collect();
        if abroad {
            phones.sort_by_key(|p| (!p.abroad, p.toll_free()));
        }
        phones
    }

    /// Reachable from abroad: a number given for callers abroad, or any ordinary
    /// (not toll-free) international number.
    pub fn works_from_abroad(&self) -> bool {
        self.phones
            .iter()
            .any(|p| p.abroad || (p.number.starts_with('+') && !p.toll_free()))
    }
}

/// What the person chose on the Help screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub who: Option<Who>,
    pub language: Option<Lang>,
    pub always_open: bool,
    pub abroad: bool,
    pub query: String,
    /// Each category's name as the screens show it (in every language), so a search
    /// finds services by their group's name too.
    pub category_names: Vec<(Category, String)>,
}

impl Filter {
    pub fn is_narrowing(&self) -> bool {
        self.who.is_some()
            || self.language.is_some()
            || self.always_open
            || !self.query.trim().is_empty()
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a service passes the filter. Text is searched in every language, so a
/// name typed in Lithuanian finds the service while the app is in Ukrainian.
pub fn matches(s: &Service, f: &Filter) -> bool {
    if let Some(who) = f.who {
        if !s.audience.contains(&who) && !s.audience.contains(&Who::Everyone) {
            return false;
        }
    }
    if let Some(lang) = f.language {
        if !s.languages.contains(&lang) {
            return false;
        }
    }
    if f.always_open && !s.always_open {
        return false;
    }
    let q = f.query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let mut texts: Vec<&str> = Lang::ALL
        .iter()
        .flat_map(|&l| [s.name.get(l).as_str(), s.description.get(l).as_str()])
        .collect();
    texts.extend(
        f.category_names
            .iter()
            .filter(|(c, _)| s.categories.contains(c))
            .map(|(_, name)| name.as_str()),
    );
    let in_text = super::search::query_matches(&q, &texts);
    let q_digits = digits(&q);
    let in_numbers = q_digits.len() >= 3
        && s.phones.iter().any(|p| {
            digits(&p.display).contains(&q_digits) || digits(&p.number).contains(&q_digits)
        });
    let in_email = s
        .email
        .as_deref()
        .is_some_and(|e| e.to_lowercase().contains(&q));
    in_text || in_numbers || in_email
}

/// The services to list under the emergency card, grouped by need in a fixed order.
/// A service in several categories is listed under its first. With `abroad`, services
/// reachable from abroad come first in each group, and the consular group first.
pub fn grouped<'a>(services: &'a [Service], f: &Filter) -> Vec<(Category, Vec<&'a Service>)> {
    let mut order: Vec<Category> = Category::ALL[1..].to_vec();
    if f.abroad {
        order.sort_by_key(|c| *c != Category::ConsularAbroad);
    }
    order
        .into_iter()
        .filter_map(|cat| {
            let mut list: Vec<&Service> = services
                .iter()
                .filter(|s| {
                    !s.is_emergency() && s.categories.first() == Some(&cat) && matches(s, f)
                })
                .collect();
            if f.abroad {
                list.sort_by_key(|s| !s.works_from_abroad());
            }
            (!list.is_empty()).then_some((cat, list))
        })
        .collect()
}

/// The emergency service(s), always shown first and never filtered away.
pub fn emergency(services: &[Service]) -> Vec<&Service> {
    services.iter().filter(|s| s.is_emergency()).collect()
}

/// The national trafficking helpline: the first trafficking service open day and night
/// with a number for callers in the country (Help shows it right under 112).
pub fn national_helpline(services: &[Service]) -> Option<&Service> {
    services.iter().find(|s| {
        s.categories.contains(&Category::Trafficking)
            && s.always_open
            && s.phones.iter().any(|p| !p.abroad)
    })
}

// ---- loading and checking -------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    service: Vec<RawService>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: String,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    audience: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    hours: String,
    #[serde(default)]
    checked: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    web: Option<String>,
    #[serde(default)]
    name: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    description: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    hours_note: Option<std::collections::BTreeMap<String, String>>,
    #[serde(default)]
    phones: Vec<RawPhone>,
    #[serde(default)]
    sources: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: crate::content::fields::RawTitle,
    #[serde(default)]
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhone {
    number: String,
    display: String,
    #[serde(default)]
    abroad: bool,
}

/// A short code that is dialled as is: 112 and the EU's harmonised 116 xxx numbers.
pub fn is_short_code(n: &str) -> bool {
    n == "112" || (n.len() == 6 && n.starts_with("116") && n.chars().all(|c| c.is_ascii_digit()))
}

/// `+` and 8 to 15 digits, the first not 0.
pub fn is_e164(n: &str) -> bool {
    let Some(rest) = n.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&rest.len())
        && rest.chars().all(|c| c.is_ascii_digit())
        && !rest.starts_with('0')
}

/// Whether the shown form dials the same number: the same digits, or for a
/// Lithuanian number the domestic form with the trunk prefix 0.
fn display_matches(number: &str, display: &str) -> bool {
    let shown = digits(display);
    let dialled = digits(number);
    if shown == dialled {
        return display.trim_start().starts_with('+') == number.starts_with('+');
    }
    match dialled.strip_prefix("370") {
        Some(national) if number.starts_with('+') => shown == format!("0{national}"),
        _ => false,
    }
}

/// Loads and checks the help file. `today` is the date the check runs (for dates in
/// the future, and for entries not checked for over a year, which are warnings).
pub(crate) fn load(r: &mut FileReport<'_>, text: &str, today: Date) -> Vec<Service> {
    let Some(raw) = r.parse::<RawFile>(text) else {
        return Vec::new();
    };
    let mut report = |field: String, message: String, severity: Severity| match severity {
        Severity::Error => r.at(field, message),
        Severity::Warning => r.warn(field, message),
    };
    let mut out = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for (i, r) in raw.service.into_iter().enumerate() {
        let at = if r.id.is_empty() {
            format!("service[{}]", i + 1)
        } else {
            format!("service[{}] ({})", i + 1, r.id)
        };
        let mut bad = false;
        let mut err = |field: &str, message: String| {
            bad = true;
            report(format!("{at}.{field}"), message, Severity::Error);
        };
        if r.id.is_empty()
            || !r
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            err(
                "id",
                format!(
                    "`{}` is not a valid id (lowercase letters, digits, `-`)",
                    r.id
                ),
            );
        }
        if !ids.insert(r.id.clone()) {
            err("id", format!("`{}` is used by another service too", r.id));
        }
        let mut per_lang = |field: &str, map: &std::collections::BTreeMap<String, String>| {
            crate::content::fields::per_lang_from(map, field, &mut |f, m| err(&f, m))
        };
        let name = per_lang("name", &r.name);
        let description = per_lang("description", &r.description);
        let hours_note = r.hours_note.as_ref().map(|m| per_lang("hours_note", m));
        let source_titles: Vec<PerLang<String>> = r
            .sources
            .iter()
            .enumerate()
            .map(|(j, s)| {
                crate::content::fields::source_title(
                    &s.title,
                    &format!("sources[{}].title", j + 1),
                    &mut |f, m| err(&f, m),
                )
            })
            .collect();
        let categories: Vec<Category> = r
            .categories
            .iter()
            .filter_map(|c| {
                let found = Category::from_code(c);
                if found.is_none() {
                    err("categories", format!("unknown category `{c}`"));
                }
                found
            })
            .collect();
        if r.categories.is_empty() {
            err(
                "categories",
                "is empty: say what the service helps with".into(),
            );
        }
        let audience: Vec<Who> = r
            .audience
            .iter()
            .filter_map(|w| {
                let found = Who::from_code(w);
                if found.is_none() {
                    err("audience", format!("unknown audience `{w}`"));
                }
                found
            })
            .collect();
        if r.audience.is_empty() {
            err("audience", "is empty: say who the service is for".into());
        }
        let languages: Vec<Lang> = r
            .languages
            .iter()
            .filter_map(|l| {
                let found = Lang::from_code(l);
                if found.is_none() {
                    err(
                        "languages",
                        format!("unknown language `{l}` (use {})", Lang::code_list()),
                    );
                }
                found
            })
            .collect();
        let always_open = match r.hours.as_str() {
            "24/7" => true,
            "unknown" => false,
            other => {
                err(
                    "hours",
                    format!("`{other}` is neither \"24/7\" nor \"unknown\""),
                );
                false
            }
        };
        if r.phones.is_empty() && r.email.is_none() {
            err(
                "phones",
                "the service has no phone number and no e-mail".into(),
            );
        }
        let mut phones = Vec::new();
        for (j, p) in r.phones.iter().enumerate() {
            let field = format!("phones[{}]", j + 1);
            if !is_e164(&p.number) && !is_short_code(&p.number) {
                err(
                    &format!("{field}.number"),
                    format!(
                        "`{}` is neither an E.164 number (+370…) nor a known short code (112, 116 xxx)",
                        p.number
                    ),
                );
            } else if !display_matches(&p.number, &p.display) {
                err(
                    &format!("{field}.display"),
                    format!("`{}` does not show the number `{}`", p.display, p.number),
                );
            }
            phones.push(Phone {
                number: p.number.clone(),
                display: p.display.clone(),
                abroad: p.abroad,
            });
        }
        if let Some(e) = &r.email {
            let ok = e
                .split_once('@')
                .is_some_and(|(u, d)| !u.is_empty() && d.contains('.') && !e.contains(' '));
            if !ok {
                err("email", format!("`{e}` is not an e-mail address"));
            }
        }
        if let Some(w) = &r.web {
            if !crate::content::is_web_url(w) {
                err("web", format!("`{w}` is not a web address (https://…)"));
            }
        }
        if r.sources.is_empty() {
            err(
                "sources",
                "no source: every service needs [[service.sources]] with a title in every language and a url".into(),
            );
        }
        let mut sources = Vec::new();
        for (j, (s, title)) in r.sources.iter().zip(source_titles).enumerate() {
            if !crate::content::is_web_url(&s.url) {
                err(
                    &format!("sources[{}].url", j + 1),
                    "needs an http(s) url".into(),
                );
            }
            sources.push(Source {
                title,
                url: s.url.clone(),
                checked: None,
            });
        }
        let checked = match r.checked.as_deref().map(|d| (d, Date::parse(d))) {
            None => {
                err(
                    "checked",
                    "missing: the date the entry was last checked (YYYY-MM-DD)".into(),
                );
                None
            }
            Some((d, None)) => {
                err(
                    "checked",
                    format!("`{d}` is not a date written as YYYY-MM-DD"),
                );
                None
            }
            Some((_, Some(date))) if date > today => {
                err(
                    "checked",
                    format!("{date} is in the future (today is {today})"),
                );
                None
            }
            Some((_, Some(date))) => Some(date),
        };
        if let Some(date) = checked {
            let age = today.days() - date.days();
            if age > 365 {
                report(
                    format!("{at}.checked"),
                    format!("last checked {date}, {age} days ago: check the entry again"),
                    Severity::Warning,
                );
            }
        }
        if bad {
            continue;
        }
        out.push(Service {
            id: r.id,
            categories,
            audience,
            languages,
            always_open,
            checked: checked.expect("checked above"),
            name,
            description,
            hours_note,
            phones,
            email: r.email,
            web: r.web,
            sources,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert!(is_e164("+37080091119"));
        assert!(!is_e164("+370 800 91119"));
        assert!(!is_e164("880091119"));
        assert!(!is_e164("+0123456789"));
        assert!(is_short_code("112"));
        assert!(is_short_code("116111"));
        assert!(!is_short_code("1809"));
        assert!(!is_short_code("116 111"));
    }

    #[test]
    fn shown_forms() {
        assert!(display_matches("+37080091119", "0 800 91119"));
        assert!(display_matches("+37061691119", "+370 616 91119"));
        assert!(display_matches("116111", "116 111"));
        assert!(display_matches("112", "112"));
        // The old trunk prefix 8 no longer connects.
        assert!(!display_matches("+37080091119", "8 800 91119"));
        assert!(!display_matches("+37061691119", "+370 616 91118"));
        assert!(!display_matches("+37061691119", "37061691119"));
    }
}

//! Search that finds: every word of a search must start a word of the text, as typed
//! or by its stem, so inflected forms in Lithuanian, Russian and Ukrainian find each
//! other (Help's search).

/// Word endings taken off before matching, longest first: Lithuanian, Russian and
/// Ukrainian inflect nouns ("торгівля", "торгівлі"; "vaikai", "vaikų"), so a word
/// matches by its stem and a search for any form finds the others.
const ENDINGS: &[&str] = &[
    // Lithuanian
    "iams", "uose", "ams", "oms", "ose", "yje", "ais", "ių", "as", "is", "ys", "us", "ai", "ei",
    "os", "ės", "es", "ą", "ę", "į", "ų", "ė", "y", // Russian and Ukrainian
    "ями", "ами", "ого", "ому", "ему", "ыми", "ими", "ях", "ах", "ов", "ев", "ей", "ий", "ый",
    "ой", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем", "ям", "ія", "ії", "ію", "ів", "ам", "ть",
    "ти", "а", "я", "ы", "и", "і", "ї", "у", "ю", "е", "о", "ь", "й",
    // English (and the vowels the others share)
    "ing", "ed", "s", "a", "e", "i", "o", "u",
];

/// A word's stem: lowercased, with one ending off while at least three letters stay.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for ending in ENDINGS {
        if let Some(rest) = w.strip_suffix(ending) {
            if rest.chars().count() >= 3 {
                return rest.to_string();
            }
        }
    }
    w
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether every word of a search (of two letters or more) starts a word of the
/// texts, as typed or by its stem: "торгівля" finds "торгівлі", "vaikai" finds
/// "vaikų", "traff" finds "trafficking".
pub fn query_matches(query: &str, texts: &[&str]) -> bool {
    let wanted: Vec<String> = words(query)
        .filter(|w| w.chars().count() >= 2)
        .map(stem)
        .collect();
    if wanted.is_empty() {
        return false;
    }
    let have: Vec<String> = texts
        .iter()
        .flat_map(|t| words(t))
        .map(str::to_lowercase)
        .collect();
    wanted
        .iter()
        .all(|q| have.iter().any(|w| w.starts_with(q.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_finds_every_form_of_a_word() {
        let texts = [
            "Konfidenciali pagalba dėl prekybos žmonėmis vaikams",
            "Допомога дітям з питань торгівлі людьми",
            "Help with human trafficking",
        ];
        for q in [
            "торгівля",
            "торгівлі",
            "діти",
            "дітей",
            "vaikai",
            "vaikų",
            "prekyba",
            "traff",
            "trafficking",
            "human help",
            "PAGALBA",
        ] {
            assert!(query_matches(q, &texts), "{q}");
        }
        for q in ["пожежа", "gaisras", "fire", "x"] {
            assert!(!query_matches(q, &texts), "{q}");
        }
        assert_eq!(stem("торгівля"), "торгівл");
        assert_eq!(stem("vaikai"), "vaik");
        assert_eq!(stem("ab"), "ab", "short words keep their letters");
    }
}

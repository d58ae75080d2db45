//! Phone numbers in lesson text become links: every number the help directory lists,
//! wherever a lesson writes it ("0 800 91119", "112"), is found as a whole number (no
//! digit on either side) so the renderer can make it a `tel:` link that never wraps.

/// A phone number held together: its spaces made no-break, so it never wraps.
pub fn unbroken(number: &str) -> String {
    number.replace(' ', "\u{a0}")
}

/// A piece of text: plain, or a known phone number with what `tel:` dials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Phone { shown: &'a str, dial: String },
}

/// `text` cut into plain pieces and the numbers of `phones` (as shown, and what
/// `tel:` dials), longest number first where two could match at the same place.
pub fn pieces<'a>(text: &'a str, phones: &[(String, String)]) -> Vec<Piece<'a>> {
    let mut sorted: Vec<&(String, String)> = phones.iter().filter(|(s, _)| !s.is_empty()).collect();
    sorted.sort_by_key(|(shown, _)| std::cmp::Reverse(shown.len()));
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    let digit_at = |at: usize| {
        text[at..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    };
    let digit_before = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '+')
    };
    while i < text.len() {
        let found = sorted.iter().find(|(shown, _)| {
            text[i..].starts_with(shown.as_str()) && !digit_before(i) && !digit_at(i + shown.len())
        });
        if let Some((shown, dial)) = found {
            if plain_from < i {
                out.push(Piece::Text(&text[plain_from..i]));
            }
            out.push(Piece::Phone {
                shown: &text[i..i + shown.len()],
                dial: dial.clone(),
            });
            i += shown.len();
            plain_from = i;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if plain_from < text.len() {
        out.push(Piece::Text(&text[plain_from..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers_are_found_whole() {
        let phones = vec![
            ("112".to_string(), "tel:112".to_string()),
            ("0 800 91119".to_string(), "tel:+37080091119".to_string()),
            ("+370 616 91119".to_string(), "tel:+37061691119".to_string()),
        ];
        let p = pieces(
            "Skambink 0 800 91119 arba 112. Iš užsienio: +370 616 91119",
            &phones,
        );
        assert_eq!(
            p,
            [
                Piece::Text("Skambink "),
                Piece::Phone {
                    shown: "0 800 91119",
                    dial: "tel:+37080091119".into()
                },
                Piece::Text(" arba "),
                Piece::Phone {
                    shown: "112",
                    dial: "tel:112".into()
                },
                Piece::Text(". Iš užsienio: "),
                Piece::Phone {
                    shown: "+370 616 91119",
                    dial: "tel:+37061691119".into()
                },
            ]
        );
        // Not inside a longer number or a year.
        assert_eq!(
            pieces("1120 ir 2112", &phones),
            [Piece::Text("1120 ir 2112")]
        );
        assert_eq!(pieces("", &phones), []);
    }
}

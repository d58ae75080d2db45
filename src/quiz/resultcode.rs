//! Result codes: a pupil's quiz answers as a short code a teacher can type in.
//!
//! A code carries the quiz (a 10-bit number derived from its id), the quiz version
//! (4 bits) and the answers in the quiz's own question order, each in as few bits as
//! its question needs (2 bits for up to four options, one bit per option for a
//! multiple-choice question). It is written in Crockford's base32 (no I, L, O, U: no
//! look-alikes; lower case, `I`/`L` and `O` are read as `1` and `0` when typed) and
//! ends in two check characters: a position-weighted sum modulo 1021, a prime, so any
//! single wrong character and any swap of two neighbours changes the check. At most 16
//! characters; shown in groups of three.

use std::fmt;

/// Crockford base32: no I, L, O or U, so nothing reads as another character.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The longest code, check characters included.
pub const MAX_LEN: usize = 16;
const CHECK_CHARS: usize = 2;
const MODULUS: u32 = 1021;

/// How one question's answer is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// One option out of `options` (2 to 4): 2 bits.
    One { options: u8 },
    /// Any set of `options` (1 to 8): one bit each.
    Many { options: u8 },
}

impl Slot {
    fn bits(self) -> u32 {
        match self {
            Slot::One { .. } => 2,
            Slot::Many { options } => u32::from(options),
        }
    }
}

/// An answer: the chosen option indexes (one for single choice).
pub type Answer = Vec<u8>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub quiz: u16,
    pub version: u8,
    pub answers: Vec<Answer>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("the code has a character that is not used in codes: `{0}`")]
    BadCharacter(char),
    #[error("the code is too short")]
    TooShort,
    #[error("the code is too long")]
    TooLong,
    #[error("the code does not check out: a character is wrong or two are swapped")]
    Checksum,
    #[error("the code is for another quiz")]
    OtherQuiz,
    #[error("the code is for another version of this quiz")]
    OtherVersion,
    #[error("the answers in the code do not fit this quiz")]
    Malformed,
    #[error("this quiz is too long for a result code")]
    QuizTooLong,
}

/// A stable 10-bit number for a quiz id (FNV-1a folded).
pub fn quiz_number(id: &str) -> u16 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    ((h ^ (h >> 10) ^ (h >> 20)) & 0x3ff) as u16
}

fn checksum(values: &[u8]) -> u32 {
    values.iter().enumerate().fold(0u32, |acc, (i, &v)| {
        (acc + (i as u32 + 1) * (u32::from(v) + 1)) % MODULUS
    })
}

struct Bits {
    out: Vec<bool>,
}

impl Bits {
    fn push(&mut self, value: u32, n: u32) {
        for i in (0..n).rev() {
            self.out.push(value >> i & 1 == 1);
        }
    }
}

/// Writes a code. `slots` describes the quiz's questions in order; `answers` gives one
/// answer per question.
pub fn encode(
    quiz_id: &str,
    version: u8,
    slots: &[Slot],
    answers: &[Answer],
) -> Result<String, CodeError> {
    if slots.len() != answers.len() {
        return Err(CodeError::Malformed);
    }
    let mut bits = Bits { out: Vec::new() };
    bits.push(u32::from(quiz_number(quiz_id)), 10);
    bits.push(u32::from(version & 0x0f), 4);
    for (slot, answer) in slots.iter().zip(answers) {
        match *slot {
            Slot::One { options } => {
                let &[a] = answer.as_slice() else {
                    return Err(CodeError::Malformed);
                };
                if a >= options.min(4) {
                    return Err(CodeError::Malformed);
                }
                bits.push(u32::from(a), 2);
            }
            Slot::Many { options } => {
                let mut mask = 0u32;
                for &a in answer {
                    if a >= options {
                        return Err(CodeError::Malformed);
                    }
                    mask |= 1 << (u32::from(options) - 1 - u32::from(a));
                }
                bits.push(mask, u32::from(options));
            }
        }
    }
    while bits.out.len() % 5 != 0 {
        bits.out.push(false);
    }
    let mut values: Vec<u8> = bits
        .out
        .chunks(5)
        .map(|c| c.iter().fold(0u8, |acc, &b| acc << 1 | u8::from(b)))
        .collect();
    if values.len() + CHECK_CHARS > MAX_LEN {
        return Err(CodeError::QuizTooLong);
    }
    let check = checksum(&values);
    values.push((check >> 5) as u8);
    values.push((check & 31) as u8);
    Ok(values
        .iter()
        .map(|&v| ALPHABET[v as usize] as char)
        .collect())
}

/// The bits a quiz's code carries, without checks: for telling a teacher how long
/// the code for this quiz is.
pub fn code_len(slots: &[Slot]) -> usize {
    let bits: u32 = 14 + slots.iter().map(|s| s.bits()).sum::<u32>();
    bits.div_ceil(5) as usize + CHECK_CHARS
}

fn value_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u8)
}

/// Reads a typed code (spaces and dashes are ignored) for the given quiz.
pub fn decode(
    code: &str,
    quiz_id: &str,
    version: u8,
    slots: &[Slot],
) -> Result<Decoded, CodeError> {
    let mut values = Vec::new();
    for c in code.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        values.push(value_of(c).ok_or(CodeError::BadCharacter(c))?);
    }
    if values.len() > MAX_LEN {
        return Err(CodeError::TooLong);
    }
    if values.len() < CHECK_CHARS + 3 {
        return Err(CodeError::TooShort);
    }
    let (body, check) = values.split_at(values.len() - CHECK_CHARS);
    let expected = u32::from(check[0]) << 5 | u32::from(check[1]);
    if checksum(body) != expected {
        return Err(CodeError::Checksum);
    }
    let bits: Vec<bool> = body
        .iter()
        .flat_map(|&v| (0..5).rev().map(move |i| v >> i & 1 == 1))
        .collect();
    let mut at = 0usize;
    let mut take = |n: u32| -> Option<u32> {
        let end = at + n as usize;
        let slice = bits.get(at..end)?;
        at = end;
        Some(slice.iter().fold(0u32, |acc, &b| acc << 1 | u32::from(b)))
    };
    let quiz = take(10).ok_or(CodeError::TooShort)? as u16;
    let got_version = take(4).ok_or(CodeError::TooShort)? as u8;
    if quiz != quiz_number(quiz_id) {
        return Err(CodeError::OtherQuiz);
    }
    if got_version != version & 0x0f {
        return Err(CodeError::OtherVersion);
    }
    let mut answers = Vec::new();
    for slot in slots {
        let v = take(slot.bits()).ok_or(CodeError::Malformed)?;
        match *slot {
            Slot::One { options } => {
                if v >= u32::from(options) {
                    return Err(CodeError::Malformed);
                }
                answers.push(vec![v as u8]);
            }
            Slot::Many { options } => answers.push(
                (0..options)
                    .filter(|&i| v >> (u32::from(options) - 1 - u32::from(i)) & 1 == 1)
                    .collect(),
            ),
        }
    }
    // Whatever is left is padding, which is always zero, and fewer than five bits.
    if bits.len() - at >= 5 || bits[at..].iter().any(|&b| b) {
        return Err(CodeError::Malformed);
    }
    Ok(Decoded {
        quiz,
        version: got_version,
        answers,
    })
}

/// A code as shown: groups of three (`7KD-Q2M-…`).
pub struct Grouped<'a>(pub &'a str);

impl fmt::Display for Grouped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chars: Vec<char> = self.0.chars().collect();
        let groups: Vec<String> = chars.chunks(3).map(|c| c.iter().collect()).collect();
        write!(f, "{}", groups.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz() -> Vec<Slot> {
        vec![
            Slot::One { options: 4 },
            Slot::One { options: 2 },
            Slot::Many { options: 4 },
            Slot::One { options: 3 },
            Slot::One { options: 4 },
            Slot::One { options: 4 },
            Slot::Many { options: 3 },
            Slot::One { options: 2 },
        ]
    }

    fn answers() -> Vec<Answer> {
        vec![
            vec![2],
            vec![1],
            vec![0, 3],
            vec![0],
            vec![3],
            vec![1],
            vec![],
            vec![0],
        ]
    }

    #[test]
    fn round_trip() {
        let code = encode("safe-online", 3, &quiz(), &answers()).unwrap();
        assert!(code.len() <= MAX_LEN, "{code}");
        assert_eq!(code.len(), code_len(&quiz()));
        assert!(code.chars().all(|c| ALPHABET.contains(&(c as u8))));
        let d = decode(&code, "safe-online", 3, &quiz()).unwrap();
        assert_eq!(d.answers, answers());
        assert_eq!(d.version, 3);
        // Typed in lower case, grouped, with look-alikes: still read.
        let typed = Grouped(&code)
            .to_string()
            .to_lowercase()
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(
            decode(&typed, "safe-online", 3, &quiz()).unwrap().answers,
            answers()
        );
    }

    #[test]
    fn every_single_wrong_character_is_caught() {
        let code = encode("safe-online", 3, &quiz(), &answers()).unwrap();
        let chars: Vec<char> = code.chars().collect();
        for i in 0..chars.len() {
            for &a in ALPHABET {
                let a = a as char;
                if a == chars[i] {
                    continue;
                }
                let mut bad = chars.clone();
                bad[i] = a;
                let bad: String = bad.into_iter().collect();
                assert!(
                    decode(&bad, "safe-online", 3, &quiz()).is_err(),
                    "{bad} slipped through"
                );
            }
        }
    }

    #[test]
    fn every_swap_of_neighbours_is_caught() {
        let code = encode("safe-online", 3, &quiz(), &answers()).unwrap();
        let chars: Vec<char> = code.chars().collect();
        for i in 0..chars.len() - 1 {
            if chars[i] == chars[i + 1] {
                continue;
            }
            let mut bad = chars.clone();
            bad.swap(i, i + 1);
            let bad: String = bad.into_iter().collect();
            assert_eq!(
                decode(&bad, "safe-online", 3, &quiz()),
                Err(CodeError::Checksum),
                "{bad}"
            );
        }
    }

    #[test]
    fn another_quiz_or_version_is_refused() {
        let code = encode("safe-online", 3, &quiz(), &answers()).unwrap();
        assert_eq!(
            decode(&code, "safe-online", 4, &quiz()),
            Err(CodeError::OtherVersion)
        );
        assert_ne!(quiz_number("safe-online"), quiz_number("rights-and-law"));
        assert_eq!(
            decode(&code, "rights-and-law", 3, &quiz()),
            Err(CodeError::OtherQuiz)
        );
        assert_eq!(
            decode("7KD!Q2", "safe-online", 3, &quiz()),
            Err(CodeError::BadCharacter('!'))
        );
        assert_eq!(
            decode("7K", "safe-online", 3, &quiz()),
            Err(CodeError::TooShort)
        );
    }

    #[test]
    fn a_fifteen_question_quiz_fits() {
        let slots = vec![Slot::One { options: 4 }; 15];
        let answers: Vec<Answer> = (0..15).map(|i| vec![(i % 4) as u8]).collect();
        let code = encode("final", 1, &slots, &answers).unwrap();
        assert!(code.len() <= MAX_LEN);
        assert_eq!(decode(&code, "final", 1, &slots).unwrap().answers, answers);
    }

    #[test]
    fn grouping() {
        assert_eq!(Grouped("ABCDEFGH").to_string(), "ABC DEF GH");
    }
}
